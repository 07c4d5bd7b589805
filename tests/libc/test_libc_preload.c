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
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile size_t vol_huge = SIZE_MAX - 16, vol_half = SIZE_MAX / 2 + 1, vol_24 = 24,
                       vol_0 = 0, vol_100 = 100;

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
    errno = 0;
    CHECK_NULL(aligned_alloc(vol_0, 8));
    CHECK_EQ_U(errno, EINVAL);
    /* memalign rounds a non-power of two up, as glibc's does */
    unsigned char *m24 = (unsigned char *)memalign(vol_24, 40);
    unsigned char *m0 = (unsigned char *)memalign(vol_0, 40);
    unsigned char *m100 = (unsigned char *)memalign(vol_100, 300);
    CHECK(m24 && m0 && m100);
    CHECK_EQ_U((uintptr_t)m24 % 32, 0);
    CHECK_EQ_U((uintptr_t)m0 % 16, 0);
    CHECK_EQ_U((uintptr_t)m100 % 128, 0);
    CHECK(malloc_usable_size(m24) >= 40 && malloc_usable_size(m100) >= 300);
    free(m24);
    free(m0);
    free(m100);
    errno = 0;
    CHECK_NULL(memalign(vol_half + 1, 8));
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

/* 96 MiB in 48 KiB blocks: six times the first region. */
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

/* ------------------------------------ glibc's statistics and tuning calls */

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" /* mallinfo */
static struct mallinfo old_mallinfo(void)
{
    return mallinfo();
}
#pragma GCC diagnostic pop

/* Is the page holding p resident? */
static bool resident(const void *p)
{
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char v = 0;
    void *base = (void *)((uintptr_t)p & ~(uintptr_t)(pg - 1));
    return mincore(base, (size_t)pg, &v) == 0 && (v & 1u);
}

/* The text malloc_stats printed on stderr (fd 2 sent to a temporary file);
 * *before: mallinfo2 right before the call. */
static size_t capture_stats(struct mallinfo2 *before, char *buf, size_t cap)
{
    FILE *tmp = tmpfile();
    if (!tmp)
        return 0;
    fflush(stderr);
    int saved = dup(2);
    dup2(fileno(tmp), 2);
    *before = mallinfo2();
    malloc_stats();
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(tmp);
    size_t n = fread(buf, 1, cap - 1, tmp);
    buf[n] = 0;
    fclose(tmp);
    return n;
}

static size_t field(const char *text, const char *key)
{
    const char *k = strstr(text, key);
    if (!k)
        return SIZE_MAX;
    k += strlen(key);
    while (*k == ' ' || *k == '=' || *k == '"')
        k++;
    return (size_t)strtoull(k, NULL, 10);
}

/* mallinfo2, mallinfo, mallopt, malloc_trim, malloc_stats, malloc_info
 * report and act on capheap's heaps (glibc's own allocator, unused under
 * the preload library, would report an empty arena). */
static void t_glibc_stats(void)
{
    enum { N = 64, SZ = 1000 };
    static void *blk[N];
    struct mallinfo2 m0 = mallinfo2();
    CHECK(m0.arena >= (size_t)16 << 20); /* at least the first 16 MiB heap */
    CHECK(m0.uordblks + m0.fordblks <= m0.arena);
    CHECK(m0.ordblks >= 1);
    CHECK_EQ_U(m0.smblks, 0);
    CHECK_EQ_U(m0.fsmblks, 0);
    CHECK_EQ_U(m0.usmblks, 0);
    for (int i = 0; i < N; i++)
        blk[i] = malloc(SZ);
    struct mallinfo2 m1 = mallinfo2();
    for (int i = 0; i < N; i++)
        REQUIRE(blk[i] != NULL);
    CHECK(m1.uordblks - m0.uordblks >= (size_t)N * SZ);
    CHECK(m1.uordblks - m0.uordblks <= (size_t)N * (SZ + 64));
    if (m1.arena == m0.arena)
        CHECK(m0.fordblks - m1.fordblks >= (size_t)N * SZ);
    for (int i = 0; i < N; i++)
        free(blk[i]);
    struct mallinfo2 m2 = mallinfo2();
    CHECK_EQ_U(m2.uordblks, m0.uordblks);
    CHECK_EQ_U(m2.fordblks, m0.fordblks);

    /* the int version: the same figures */
    struct mallinfo2 a2 = mallinfo2();
    struct mallinfo a1 = old_mallinfo();
    CHECK_EQ_U((size_t)a1.arena, a2.arena);
    CHECK_EQ_U((size_t)a1.uordblks, a2.uordblks);
    CHECK_EQ_U((size_t)a1.fordblks, a2.fordblks);
    CHECK_EQ_U((size_t)a1.hblks, a2.hblks);
    CHECK_EQ_U((size_t)a1.hblkhd, a2.hblkhd);

    /* mallopt: M_MMAP_THRESHOLD is honoured and stays put (earlier tests
     * freed 16 MiB mappings, which raised the dynamic threshold); others
     * are refused with 0 */
    CHECK_EQ_U(mallopt(M_MMAP_THRESHOLD, 256 * 1024), 1);
    CHECK_EQ_U(mallopt(M_MMAP_THRESHOLD, 64 << 20), 0);
    CHECK_EQ_U(mallopt(M_MMAP_THRESHOLD, -1), 0);
    CHECK_EQ_U(mallopt(M_ARENA_MAX, 1), 0);
    CHECK_EQ_U(mallopt(-12345, 1), 0);
    size_t mb = (size_t)1 << 20;
    for (int round = 0; round < 2; round++) {
        struct mallinfo2 b0 = mallinfo2();
        void *big = malloc(2 * mb);
        struct mallinfo2 b1 = mallinfo2();
        REQUIRE(big != NULL);
        CHECK_EQ_U(b1.hblks, b0.hblks + 1);
        CHECK_EQ_U(b1.hblkhd, b0.hblkhd + 2 * mb);
        CHECK_EQ_U(b1.arena, b0.arena);
        free(big); /* the threshold does not rise: round 2 maps again */
        CHECK_EQ_U(mallinfo2().hblks, b0.hblks);
    }

    /* malloc_trim: 8 MiB of touched heap blocks, freed, go back to the OS */
    enum { TB = 64 };
    static unsigned char *tb[TB];
    size_t tsz = 128 * 1024;
    for (int i = 0; i < TB; i++) {
        tb[i] = (unsigned char *)malloc(tsz);
        REQUIRE(tb[i] != NULL);
        memset(tb[i], 0xA5, tsz);
    }
    unsigned char *probe = tb[TB / 2] + tsz / 2;
    CHECK(resident(probe));
    for (int i = 0; i < TB; i++)
        free(tb[i]);
    struct mallinfo2 k0 = mallinfo2();
#if CAPHEAP_POISONING_LEVEL >= 2
    /* comprehensive poisoning checks every free byte: nothing is released */
    CHECK_EQ_U(k0.keepcost, 0);
    CHECK_EQ_U(malloc_trim(0), 0);
    struct mallinfo2 k1 = mallinfo2();
    CHECK(resident(probe));
#else
    CHECK(k0.keepcost >= (size_t)TB * tsz - mb); /* all but the edges */
    CHECK_EQ_U(malloc_trim(0), 1);
    struct mallinfo2 k1 = mallinfo2();
    CHECK_EQ_U(k1.keepcost, 0);
    CHECK(!resident(probe));
    CHECK_EQ_U(malloc_trim(0), 0); /* nothing resident left to release */
#endif
    CHECK_EQ_U(k1.uordblks, k0.uordblks);
    CHECK_EQ_U(k1.fordblks, k0.fordblks);
    /* the trimmed memory serves allocations again */
    for (int i = 0; i < TB; i++) {
        tb[i] = (unsigned char *)malloc(tsz);
        REQUIRE(tb[i] != NULL);
        memset(tb[i], i, tsz);
    }
    bool same = true;
    for (int i = 0; i < TB; i++) {
        same = same && filled(tb[i], tsz, (unsigned char)i);
        free(tb[i]);
    }
    CHECK(same);

    /* malloc_stats: glibc's layout on stderr, capheap's figures */
    void *keep = malloc(3 * mb); /* one live mapping */
    REQUIRE(keep != NULL);
    static char text[16384];
    struct mallinfo2 s0;
    size_t n = capture_stats(&s0, text, sizeof text);
    CHECK(n > 0);
    CHECK(strncmp(text, "Arena 0:\nsystem bytes     = ", strlen("Arena 0:\nsystem bytes     = ")) == 0);
    const char *total = strstr(text, "Total (incl. mmap):");
    REQUIRE(total != NULL);
    CHECK_EQ_U(field(total, "system bytes"), s0.arena + s0.hblkhd);
    CHECK_EQ_U(field(total, "in use bytes"), s0.uordblks + s0.hblkhd);
    CHECK(field(total, "max mmap regions") >= 1);
    CHECK(field(total, "max mmap bytes") >= 16 * mb); /* t_big_blocks' 16 MiB */

    /* malloc_info: XML, the mapping counted; options must be 0 */
    FILE *x = tmpfile();
    REQUIRE(x != NULL);
    struct mallinfo2 i0 = mallinfo2();
    CHECK_EQ_U(malloc_info(1, x), EINVAL);
    CHECK_EQ_U(malloc_info(0, x), 0);
    rewind(x);
    n = fread(text, 1, sizeof text - 1, x);
    text[n] = 0;
    fclose(x);
    const char *head = "<malloc version=\"1\">\n<heap nr=\"0\">\n<sizes>\n";
    CHECK(strncmp(text, head, strlen(head)) == 0);
    CHECK(n > 10 && strcmp(text + n - 10, "</malloc>\n") == 0);
    const char *mm = strstr(text, "<total type=\"mmap\"");
    REQUIRE(mm != NULL);
    CHECK_EQ_U(field(mm, "count"), i0.hblks);
    CHECK_EQ_U(field(mm, "size"), i0.hblkhd);
    const char *cur = strstr(mm, "<system type=\"current\"");
    REQUIRE(cur != NULL);
    CHECK_EQ_U(field(cur, "size"), i0.arena);
    free(keep);
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
    RUN(t_glibc_stats); /* last: it fixes the mmap threshold */
    return check_summary("libc.preload");
}
