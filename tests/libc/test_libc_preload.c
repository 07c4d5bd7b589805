/*
 * Runs under LD_PRELOAD=libcapheap_malloc.so (run_preloaded.sh proves the
 * library served the calls): the standard names' C/POSIX semantics, blocks
 * big enough to get their own mapping (realloc across the threshold both
 * ways, calloc zeroing, large alignments), heap growth far beyond the first
 * region, foreign pointers, fork while other threads allocate, threads, and
 * the stress rig through malloc/free/realloc/aligned_alloc.
 */
#if !defined(_GNU_SOURCE)
#define _GNU_SOURCE 1
#endif
#include "check.h"
#include "prng.h"
#include "stress.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile size_t vol_huge = SIZE_MAX - 16, vol_half = SIZE_MAX / 2 + 1, vol_24 = 24;

static void t_semantics(void)
{
    void *a = malloc(0), *b = malloc(0);
    CHECK(a && b && a != b);
    free(a);
    free(b);
    free(NULL);
    errno = 4321;
    void *p = malloc(100);
    CHECK_EQ_U(errno, 4321);
    REQUIRE(p != NULL);
    CHECK_EQ_U((uintptr_t)p % 16, 0);
    CHECK(malloc_usable_size(p) >= 100);
    errno = 99;
    CHECK_NULL(realloc(p, 0)); /* frees */
    CHECK_EQ_U(errno, 99);
    errno = 0;
    CHECK_NULL(malloc(vol_huge));
    CHECK_EQ_U(errno, ENOMEM);
    errno = 0;
    CHECK_NULL(calloc(vol_half, 2));
    CHECK_EQ_U(errno, ENOMEM);
    errno = 0;
    CHECK_NULL(reallocarray(NULL, vol_half, 4));
    CHECK_EQ_U(errno, ENOMEM);
    errno = 0;
    CHECK_NULL(aligned_alloc(vol_24, 8));
    CHECK_EQ_U(errno, EINVAL);
    void *out = &out;
    CHECK_EQ_U(posix_memalign(&out, 2, 8), EINVAL);
    CHECK_EQ_U(posix_memalign(&out, 64, vol_huge), ENOMEM);
    CHECK(out == (void *)&out);
    errno = 0;
    CHECK_NULL(pvalloc(vol_huge));
    CHECK_EQ_U(errno, ENOMEM);
    long page = sysconf(_SC_PAGESIZE);
    void *v = valloc(1), *pv = pvalloc(1);
    CHECK(v && pv);
    CHECK_EQ_U((uintptr_t)v % (uintptr_t)page, 0);
    CHECK_EQ_U((uintptr_t)pv % (uintptr_t)page, 0);
    CHECK(malloc_usable_size(pv) >= (size_t)page);
    free(v);
    free(pv);
    /* a pointer that is no block of ours: ignored, size 0 */
    char local[64];
    free(local + 16);
    CHECK_EQ_U(malloc_usable_size(local + 16), 0);
}

static bool filled(const unsigned char *p, size_t n, unsigned char v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return false;
    return true;
}

static void t_big_blocks(void)
{
    size_t mb = (size_t)1 << 20;
    unsigned char *p = (unsigned char *)malloc(mb);
    REQUIRE(p != NULL);
    CHECK(malloc_usable_size(p) >= mb);
    memset(p, 0x11, mb);
    p = (unsigned char *)realloc(p, 16 * mb); /* grows the mapping */
    REQUIRE(p != NULL);
    CHECK(filled(p, mb, 0x11));
    CHECK(malloc_usable_size(p) >= 16 * mb);
    memset(p + mb, 0x22, 15 * mb);
    p = (unsigned char *)realloc(p, 1000); /* back into a heap */
    REQUIRE(p != NULL);
    CHECK(filled(p, 1000, 0x11));
    CHECK(malloc_usable_size(p) >= 1000 && malloc_usable_size(p) < mb);
    /* 3 MiB: below the threshold, which rose to 16 MiB when that mapping
     * was freed (t_big_realloc_edges crosses from a heap block) */
    p = (unsigned char *)realloc(p, 3 * mb);
    REQUIRE(p != NULL);
    CHECK(filled(p, 1000, 0x11));
    free(p);
    unsigned char *dirty = (unsigned char *)malloc(2 * mb);
    REQUIRE(dirty != NULL);
    memset(dirty, 0xFF, 2 * mb);
    free(dirty);
    unsigned char *c = (unsigned char *)calloc(2, mb);
    REQUIRE(c != NULL);
    CHECK(filled(c, 2 * mb, 0));
    free(c);
    void *al = aligned_alloc(4 * mb, 5 * mb);
    REQUIRE(al != NULL);
    CHECK_EQ_U((uintptr_t)al % (4 * mb), 0);
    memset(al, 1, 5 * mb);
    free(al);
    void *al2 = memalign(mb, 100); /* small size, huge alignment */
    REQUIRE(al2 != NULL);
    CHECK_EQ_U((uintptr_t)al2 % mb, 0);
    free(al2);
    void *pm = NULL;
    CHECK_EQ_U(posix_memalign(&pm, 8192, 3 * mb), 0);
    CHECK_EQ_U((uintptr_t)pm % 8192, 0);
    free(pm);
}

/* realloc across the own-mapping threshold from a heap block, to size 0,
 * and of pointers that are no block of ours. Sizes above
 * CAPHEAP_PRELOAD_BIG_MAX (32 MiB) always get a mapping, whatever the
 * threshold rose to. */
static void t_big_realloc_edges(void)
{
    size_t big = (size_t)40 << 20;
    unsigned char *p = (unsigned char *)malloc(1000);
    REQUIRE(p != NULL);
    memset(p, 0x5C, 1000);
    p = (unsigned char *)realloc(p, big); /* heap block to its own mapping */
    REQUIRE(p != NULL);
    CHECK(filled(p, 1000, 0x5C));
    CHECK(malloc_usable_size(p) >= big);
    CHECK_EQ_U((uintptr_t)p % (uintptr_t)sysconf(_SC_PAGESIZE), 0);
    errno = 77;
    CHECK_NULL(realloc(p, 0)); /* unmapped */
    CHECK_EQ_U(errno, 77);
    /* foreign pointers: unknown size, so no realloc */
    static _Alignas(65536) unsigned char page_aligned[8192];
    char local[64];
    errno = 0;
    CHECK_NULL(realloc(page_aligned, 100));
    CHECK_EQ_U(errno, EINVAL);
    errno = 0;
    CHECK_NULL(realloc(local + 16, big));
    CHECK_EQ_U(errno, EINVAL);
    /* reallocarray without overflow is realloc */
    unsigned char *q = (unsigned char *)reallocarray(NULL, 3, 100);
    REQUIRE(q != NULL);
    memset(q, 0x3E, 300);
    q = (unsigned char *)reallocarray(q, 4, 1000);
    REQUIRE(q != NULL);
    CHECK(filled(q, 300, 0x3E));
    CHECK(malloc_usable_size(q) >= 4000);
    free(q);
}

/* Many own mappings alive at once: the table of big blocks grows (rehash)
 * and its probe runs collide; freed in random order, every other block
 * keeps its size and contents. An alignment above CAPHEAP_PRELOAD_BIG
 * (256 KiB) always gets a mapping, trimmed to the size asked. */
static void t_big_table(void)
{
    enum { N = 1500 };
    static unsigned char *blk[N];
    static unsigned order[N];
    const size_t align = (size_t)512 << 10, sz = 4096;
    bool ok = true;
    for (unsigned i = 0; i < N && ok; i++) {
        blk[i] = (unsigned char *)aligned_alloc(align, sz);
        ok = blk[i] != NULL && (uintptr_t)blk[i] % align == 0 && malloc_usable_size(blk[i]) >= sz;
        if (ok)
            memset(blk[i], (int)(i & 0xFF), sz);
        order[i] = i;
    }
    CHECK(ok);
    prng_t r;
    prng_init(&r, 4711);
    for (unsigned i = N - 1; i > 0; i--) {
        unsigned j = prng_range(&r, 0, i);
        unsigned t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (unsigned k = 0; k < N; k++) {
        unsigned i = order[k];
        if (!blk[i])
            continue;
        ok = ok && filled(blk[i], sz, (unsigned char)(i & 0xFF)) &&
             malloc_usable_size(blk[i]) >= sz;
        free(blk[i]);
        blk[i] = NULL;
        /* the blocks still alive are still known, with their sizes */
        if (k % 100 == 0)
            for (unsigned m = k + 1; m < N; m++)
                ok = ok && (!blk[order[m]] || malloc_usable_size(blk[order[m]]) >= sz);
    }
    CHECK(ok);
}

/* 96 MiB in 48 KiB blocks: many times the first region. */
static void t_growth(void)
{
    enum { N = 2048 };
    static unsigned char *blk[N];
    size_t sz = 48 * 1024;
    bool ok = true;
    for (unsigned i = 0; i < N; i++) {
        blk[i] = (unsigned char *)malloc(sz);
        if (!blk[i]) {
            ok = false;
            break;
        }
        blk[i][0] = (unsigned char)i;
        blk[i][sz - 1] = (unsigned char)(i >> 3);
    }
    CHECK(ok);
    for (unsigned i = 0; i < N && blk[i]; i++) {
        ok = ok && blk[i][0] == (unsigned char)i && blk[i][sz - 1] == (unsigned char)(i >> 3);
        free(blk[i]);
        blk[i] = NULL;
    }
    CHECK(ok);
}

/* --------------------------------------------------------------- threads */

static _Atomic int stop;
static _Atomic int thread_failures;

static void *churn(void *arg)
{
    prng_t r;
    prng_init(&r, (uint64_t)(uintptr_t)arg + 17u);
    void *slot[64] = { 0 };
    uint32_t tok[64] = { 0 };
    size_t len[64] = { 0 };
    for (unsigned long i = 0; !atomic_load(&stop) || i < 20000; i++) {
        unsigned k = prng_range(&r, 0, 63);
        if (slot[k]) {
            if (stress_verify(slot[k], len[k], tok[k]) != len[k])
                atomic_fetch_add(&thread_failures, 1);
            free(slot[k]);
            slot[k] = NULL;
        } else {
            /* mostly small, 1 in 256 big enough for its own mapping */
            len[k] = prng_range(&r, 0, 255) == 0 ? prng_range(&r, 1, 1u << 20)
                                                 : prng_range(&r, 0, 3000);
            slot[k] = prng_range(&r, 0, 3) == 0 ? calloc(1, len[k]) : malloc(len[k]);
            if (!slot[k]) {
                atomic_fetch_add(&thread_failures, 1);
                continue;
            }
            tok[k] = prng_next(&r);
            stress_stamp(slot[k], len[k], tok[k]);
        }
        if (i > 100000)
            break;
    }
    for (unsigned k = 0; k < 64; k++)
        free(slot[k]);
    return NULL;
}

static void t_threads_and_fork(void)
{
    pthread_t t[3];
    atomic_store(&stop, 0);
    for (uintptr_t i = 0; i < 3; i++)
        REQUIRE(pthread_create(&t[i], NULL, churn, (void *)i) == 0);
    /* forks while the threads allocate: every child must find the
     * allocator usable (no lock left held) */
    int bad_children = 0;
    for (int k = 0; k < 20; k++) {
        pid_t pid = fork();
        if (pid == 0) {
            void *q[100];
            for (int i = 0; i < 100; i++)
                q[i] = malloc((size_t)i * 100 + (i == 50 ? (1u << 20) : 0));
            for (int i = 0; i < 100; i++)
                free(q[i]);
            _exit(0);
        }
        int st = 0;
        if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
            bad_children++;
    }
    atomic_store(&stop, 1);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    CHECK_EQ_U(bad_children, 0);
    CHECK_EQ_U(atomic_load(&thread_failures), 0);
}

/* ------------------------------------------------------------ stress rig */

static void *st_alloc(void *ctx, size_t size, size_t align)
{
    (void)ctx;
    return align ? aligned_alloc(align, size) : malloc(size);
}

static void st_free(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static void *st_realloc(void *ctx, void *p, size_t size)
{
    (void)ctx;
    return realloc(p, size);
}

static size_t st_usable(void *ctx, const void *p)
{
    (void)ctx;
    return malloc_usable_size((void *)(uintptr_t)p);
}

static void t_stress(void)
{
    stress_ops_t ops = { NULL, st_alloc, st_free, st_realloc, st_usable, NULL, NULL, NULL };
    stress_config_t cfg = stress_config_default();
    cfg.name = "preload malloc";
    cfg.seed = prng_seed_from_env("CAPHEAP_SEED", 9);
    cfg.ops = 8000;
    cfg.capacity = (size_t)16 << 20;
    cfg.fill_percent = 50;
    cfg.min_size = 1;
    cfg.max_size = (size_t)512 << 10; /* crosses the own-mapping threshold */
    cfg.dist = STRESS_DIST_LOG;
    cfg.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_ZERO | STRESS_STAMP_USABLE;
    cfg.min_align = 16;
    cfg.max_align = 65536;
    cfg.max_blocks = 8192;
    CHECK(stress_run(&ops, &cfg, NULL));
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_semantics);
    RUN(t_big_blocks);
    RUN(t_big_realloc_edges);
    RUN(t_big_table);
    RUN(t_growth);
    RUN(t_threads_and_fork);
    RUN(t_stress);
    return check_summary("libc.preload");
}
