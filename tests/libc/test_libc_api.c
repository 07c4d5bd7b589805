/*
 * C and POSIX semantics of the malloc family (capheap_libc_*, the code
 * behind malloc & co. of capheap::malloc and libcapheap_malloc.so): zero
 * sizes, NULL, errno, alignment rules, realloc(p, 0), foreign pointers, the
 * growth hook, the overflow sweep through every entry point, and the stress
 * rig through malloc/free/realloc/aligned_alloc. Runs on bare metal too.
 */
#include "libc_fixture.h"
#include "prng.h"
#include "stress.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

static unsigned char arena[LIBC_ARENA_SIZE] __attribute__((aligned(64)));
static unsigned char arena2[256 * 1024] __attribute__((aligned(64)));

static bool inside(const void *p, const void *mem, size_t size)
{
    return (uintptr_t)p >= (uintptr_t)mem && (uintptr_t)p < (uintptr_t)mem + size;
}

#define OPEN(f) REQUIRE(libc_fx_open(&(f), arena, sizeof arena))

/* Without an instance every allocation fails with ENOMEM and free ignores. */
static void t_no_instance(void)
{
    capheap_malloc_set_instance(NULL);
    CHECK_NULL(capheap_malloc_instance());
    errno = 0;
    CHECK_NULL(capheap_libc_malloc(8));
    CHECK_EQ_U(errno, ENOMEM);
    errno = 0;
    CHECK_NULL(capheap_libc_calloc(1, 8));
    CHECK_EQ_U(errno, ENOMEM);
    errno = 0;
    CHECK_NULL(capheap_libc_aligned_alloc(64, 8));
    CHECK_EQ_U(errno, ENOMEM);
    void *out = (void *)&out;
    CHECK_EQ_U(capheap_libc_posix_memalign(&out, 64, 8), ENOMEM);
    CHECK(out == (void *)&out);
    capheap_libc_free(arena); /* ignored */
    CHECK_EQ_U(capheap_libc_malloc_usable_size(arena), 0);
}

static void t_malloc_free(void)
{
    libc_fx_t f;
    OPEN(f);
    CHECK(capheap_malloc_instance() == f.caps);
    size_t free0 = libc_fx_free(&f);
    char *p = (char *)capheap_libc_malloc(100);
    REQUIRE(p != NULL);
    CHECK(inside(p, arena, sizeof arena));
    CHECK_EQ_U((uintptr_t)p % CAPHEAP_ALIGNMENT, 0);
    CHECK(capheap_libc_malloc_usable_size(p) >= 100);
    memset(p, 0x5A, capheap_libc_malloc_usable_size(p));
    CHECK(libc_fx_free(&f) <= free0 - 100);
    capheap_libc_free(p);
    CHECK_EQ_U(libc_fx_free(&f), free0);
    /* malloc(0): a unique block each time */
    void *z1 = capheap_libc_malloc(0), *z2 = capheap_libc_malloc(0);
    CHECK_NOT_NULL(z1);
    CHECK_NOT_NULL(z2);
    CHECK(z1 != z2);
    capheap_libc_free(z1);
    capheap_libc_free(z2);
    /* free(NULL): nothing at all */
    int e = f.errors;
    capheap_libc_free(NULL);
    CHECK_EQ_U(f.errors, e);
    CHECK_EQ_U(libc_fx_free(&f), free0);
    /* success leaves errno alone */
    errno = 1234;
    p = (char *)capheap_libc_malloc(10);
    CHECK_EQ_U(errno, 1234);
    capheap_libc_free(p);
    /* exhaustion: NULL and ENOMEM */
    errno = 0;
    CHECK_NULL(capheap_libc_malloc(sizeof arena));
    CHECK_EQ_U(errno, ENOMEM);
    libc_fx_close(&f);
}

/* Foreign pointers and double frees are reported and ignored. */
static void t_bad_pointers(void)
{
    libc_fx_t f;
    OPEN(f);
    static unsigned char elsewhere[64];
    size_t free0 = libc_fx_free(&f);
    capheap_libc_free(elsewhere + 16);
    CHECK_EQ_U(f.errors, 1);
    CHECK_EQ_U(f.last, CAPHEAP_E_NOT_OWNED);
    CHECK_EQ_U(capheap_libc_malloc_usable_size(elsewhere + 16), 0);
    CHECK_EQ_U(capheap_libc_malloc_usable_size(NULL), 0);
    errno = 0;
    CHECK_NULL(capheap_libc_realloc(elsewhere + 16, 32));
    CHECK_EQ_U(errno, EINVAL);
    CHECK(f.errors >= 2); /* reported too */
    CHECK_EQ_U(f.last, CAPHEAP_E_NOT_OWNED);
    void *p = capheap_libc_malloc(40);
    REQUIRE(p != NULL);
    capheap_libc_free(p);
#if CAPHEAP_CHECKS
    int before = f.errors;
    capheap_libc_free(p); /* double free: the engine's checks */
    CHECK(f.errors > before);
#else
    check_log("  CAPHEAP_CHECKS=0: double free not applicable\n");
#endif
    CHECK_EQ_U(libc_fx_free(&f), free0);
    libc_fx_close(&f);
}

static void t_calloc(void)
{
    libc_fx_t f;
    OPEN(f);
    unsigned char *p = (unsigned char *)capheap_libc_malloc(300);
    REQUIRE(p != NULL);
    memset(p, 0xAB, 300);
    capheap_libc_free(p);
    unsigned char *q = (unsigned char *)capheap_libc_calloc(30, 10);
    REQUIRE(q != NULL);
    bool zero = true;
    for (size_t i = 0; i < 300; i++)
        zero = zero && q[i] == 0;
    CHECK(zero);
    capheap_libc_free(q);
    void *z = capheap_libc_calloc(0, 5), *z2 = capheap_libc_calloc(5, 0);
    CHECK_NOT_NULL(z);
    CHECK_NOT_NULL(z2);
    CHECK(z != z2);
    capheap_libc_free(z);
    capheap_libc_free(z2);
    errno = 0;
    CHECK_NULL(capheap_libc_calloc(SIZE_MAX / 2 + 2, 2)); /* wraps to a small number */
    CHECK_EQ_U(errno, ENOMEM);
    errno = 0;
    CHECK_NULL(capheap_libc_calloc((SIZE_MAX >> 4) + 1, 16)); /* exactly 2^N: wraps to 0 */
    CHECK_EQ_U(errno, ENOMEM);
    libc_fx_close(&f);
}

static void t_realloc(void)
{
    libc_fx_t f;
    OPEN(f);
    size_t free0 = libc_fx_free(&f);
    /* realloc(NULL, n) = malloc(n) */
    unsigned char *p = (unsigned char *)capheap_libc_realloc(NULL, 64);
    REQUIRE(p != NULL);
    for (unsigned i = 0; i < 64; i++)
        p[i] = (unsigned char)i;
    /* grow keeps the bytes; so does shrink */
    void *blocker = capheap_libc_malloc(32); /* so growth cannot stay in place */
    p = (unsigned char *)capheap_libc_realloc(p, 5000);
    REQUIRE(p != NULL);
    bool same = true;
    for (unsigned i = 0; i < 64; i++)
        same = same && p[i] == (unsigned char)i;
    CHECK(same);
    p = (unsigned char *)capheap_libc_realloc(p, 10);
    REQUIRE(p != NULL);
    same = true;
    for (unsigned i = 0; i < 10; i++)
        same = same && p[i] == (unsigned char)i;
    CHECK(same);
    /* failure: NULL, ENOMEM, old block intact and still owned */
    errno = 0;
    CHECK_NULL(capheap_libc_realloc(p, sizeof arena));
    CHECK_EQ_U(errno, ENOMEM);
    CHECK_EQ_U(p[9], 9);
    CHECK(capheap_libc_malloc_usable_size(p) >= 10);
    /* realloc(p, 0) frees p, returns NULL, leaves errno alone */
    errno = 77;
    CHECK_NULL(capheap_libc_realloc(p, 0));
    CHECK_EQ_U(errno, 77);
    capheap_libc_free(blocker);
    CHECK_EQ_U(libc_fx_free(&f), free0);
    CHECK_EQ_U(f.errors, 0);
    /* realloc(NULL, 0) is malloc(0): a unique block */
    void *z = capheap_libc_realloc(NULL, 0);
    CHECK_NOT_NULL(z);
    capheap_libc_free(z);
    libc_fx_close(&f);
}

static void t_reallocarray(void)
{
    libc_fx_t f;
    OPEN(f);
    unsigned *p = (unsigned *)capheap_libc_reallocarray(NULL, 10, sizeof(unsigned));
    REQUIRE(p != NULL);
    for (unsigned i = 0; i < 10; i++)
        p[i] = i * 3u;
    p = (unsigned *)capheap_libc_reallocarray(p, 1000, sizeof(unsigned));
    REQUIRE(p != NULL);
    CHECK_EQ_U(p[9], 27);
    errno = 0;
    CHECK_NULL(capheap_libc_reallocarray(p, SIZE_MAX / 4 + 1, 8));
    CHECK_EQ_U(errno, ENOMEM);
    CHECK_EQ_U(p[9], 27); /* untouched */
    size_t free_before = libc_fx_free(&f);
    CHECK_NULL(capheap_libc_reallocarray(p, 0, 8)); /* = realloc(p, 0): freed */
    CHECK(libc_fx_free(&f) > free_before);
    CHECK_EQ_U(f.errors, 0);
    libc_fx_close(&f);
}

static void t_aligned(void)
{
    libc_fx_t f;
    OPEN(f);
    size_t free0 = libc_fx_free(&f);
    for (size_t a = 1; a <= 8192; a *= 2) {
        void *p = capheap_libc_aligned_alloc(a, 24);
        void *q = capheap_libc_memalign(a, 1);
        void *r = NULL;
        int rc = capheap_libc_posix_memalign(&r, a < sizeof(void *) ? sizeof(void *) : a, 100);
        CHECK(p && q && r && rc == 0);
        CHECK_EQ_U((uintptr_t)p % a, 0);
        CHECK_EQ_U((uintptr_t)q % a, 0);
        CHECK_EQ_U((uintptr_t)r % a, 0);
        CHECK(capheap_libc_malloc_usable_size(p) >= 24);
        CHECK(capheap_libc_malloc_usable_size(r) >= 100);
        capheap_libc_free(p);
        capheap_libc_free(q);
        capheap_libc_free(r);
    }
    /* a size that is not a multiple of the alignment is fine (C17) */
    void *odd = capheap_libc_aligned_alloc(64, 65);
    CHECK_NOT_NULL(odd);
    capheap_libc_free(odd);
    /* size 0: a unique block */
    void *z = capheap_libc_aligned_alloc(32, 0);
    CHECK_NOT_NULL(z);
    capheap_libc_free(z);
    /* bad alignments */
    static const size_t bad[] = { 0, 3, 24, 48, 100, SIZE_MAX };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errno = 0;
        CHECK_NULL(capheap_libc_aligned_alloc(bad[i], 16));
        CHECK_EQ_U(errno, EINVAL);
        void *out = (void *)&out;
        errno = 55;
        CHECK_EQ_U(capheap_libc_posix_memalign(&out, bad[i], 16), EINVAL);
        CHECK(out == (void *)&out);
        CHECK_EQ_U(errno, 55);
    }
    /* memalign as glibc's: 0 or an alignment up to CAPHEAP_ALIGNMENT is
     * malloc's, a larger non-power of two is rounded up to one; only an
     * alignment beyond the largest power of two is EINVAL */
    static const size_t odd_align[] = { 0, 1, 3, 5, 12, 24, 33, 48, 100, 1000, 3000 };
    for (size_t i = 0; i < sizeof odd_align / sizeof odd_align[0]; i++) {
        size_t want = 1;
        while (want < odd_align[i])
            want *= 2;
        if (want < CAPHEAP_ALIGNMENT)
            want = CAPHEAP_ALIGNMENT;
        CHECK_EQ_U(capheap_libc_memalign_alignment(odd_align[i]), want);
        errno = 77;
        unsigned char *m = (unsigned char *)capheap_libc_memalign(odd_align[i], 40);
        CHECK_NOT_NULL(m);
        CHECK_EQ_U(errno, 77);
        if (m) {
            CHECK_EQ_U((uintptr_t)m % want, 0);
            CHECK(capheap_libc_malloc_usable_size(m) >= 40);
            memset(m, 0x5A, 40);
            capheap_libc_free(m);
        }
    }
    static const size_t too_big[] = { SIZE_MAX / 2 + 2, SIZE_MAX - 4095, SIZE_MAX };
    for (size_t i = 0; i < sizeof too_big / sizeof too_big[0]; i++) {
        CHECK_EQ_U(capheap_libc_memalign_alignment(too_big[i]), 0);
        errno = 0;
        CHECK_NULL(capheap_libc_memalign(too_big[i], 16));
        CHECK_EQ_U(errno, EINVAL);
    }
    errno = 0; /* the largest power of two is valid, but no heap has room */
    CHECK_NULL(capheap_libc_memalign(SIZE_MAX / 2 + 1, 16));
    CHECK_EQ_U(errno, ENOMEM);
    /* posix_memalign: a power of two below sizeof(void *) is EINVAL */
    void *out = (void *)&out;
    CHECK_EQ_U(capheap_libc_posix_memalign(&out, sizeof(void *) / 2, 16), EINVAL);
    CHECK(out == (void *)&out);
    /* posix_memalign without room: ENOMEM returned, errno and *out kept */
    errno = 55;
    CHECK_EQ_U(capheap_libc_posix_memalign(&out, 64, sizeof arena), ENOMEM);
    CHECK(out == (void *)&out);
    CHECK_EQ_U(errno, 55);
    void *zz = NULL;
    CHECK_EQ_U(capheap_libc_posix_memalign(&zz, 16, 0), 0);
    CHECK_NOT_NULL(zz);
    capheap_libc_free(zz);
    /* an alignment as large as the heap cannot be had */
    errno = 0;
    CHECK_NULL(capheap_libc_aligned_alloc((size_t)1 << (sizeof(size_t) * 8 - 1), 1));
    CHECK_EQ_U(errno, ENOMEM);
    CHECK_EQ_U(libc_fx_free(&f), free0);
    CHECK_EQ_U(f.errors, 0);
    libc_fx_close(&f);
}

static void t_valloc(void)
{
    libc_fx_t f;
    OPEN(f);
    size_t page = capheap_libc_page_size();
    CHECK(page >= 4096 && (page & (page - 1)) == 0);
    void *v = capheap_libc_valloc(10);
    REQUIRE(v != NULL);
    CHECK_EQ_U((uintptr_t)v % page, 0);
    CHECK(capheap_libc_malloc_usable_size(v) >= 10);
    void *pv = capheap_libc_pvalloc(page + 1);
    REQUIRE(pv != NULL);
    CHECK_EQ_U((uintptr_t)pv % page, 0);
    CHECK(capheap_libc_malloc_usable_size(pv) >= 2 * page); /* whole pages */
    void *p0 = capheap_libc_pvalloc(0);
    REQUIRE(p0 != NULL);
    CHECK(capheap_libc_malloc_usable_size(p0) >= page);
    errno = 0;
    CHECK_NULL(capheap_libc_pvalloc(SIZE_MAX - page / 2)); /* rounding overflows */
    CHECK_EQ_U(errno, ENOMEM);
    capheap_libc_free(v);
    capheap_libc_free(pv);
    capheap_libc_free(p0);
    libc_fx_close(&f);
}

/* Every entry point with sizes at the top of size_t fails cleanly. */
static void t_overflow_sweep(void)
{
    libc_fx_t f;
    OPEN(f);
    size_t free0 = libc_fx_free(&f);
    void *live = capheap_libc_malloc(16);
    REQUIRE(live != NULL);
    size_t sizes[80];
    size_t n = 0;
    for (size_t k = 0; k < 64; k++)
        sizes[n++] = SIZE_MAX - k;
    sizes[n++] = SIZE_MAX / 2;
    sizes[n++] = SIZE_MAX / 2 + 1;
    sizes[n++] = SIZE_MAX - 4095;
    sizes[n++] = SIZE_MAX - 4096;
    sizes[n++] = sizeof arena;
    for (size_t i = 0; i < n; i++) {
        size_t s = sizes[i];
        int fails = 0;
        errno = 0; fails += capheap_libc_malloc(s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_calloc(1, s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_calloc(s, 1) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_calloc(s, 3) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_realloc(live, s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_realloc(NULL, s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_reallocarray(live, s, 1) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_reallocarray(live, 2, s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_aligned_alloc(64, s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_aligned_alloc(8, s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_memalign(4096, s) == NULL && errno == ENOMEM;
        void *out = NULL;
        fails += capheap_libc_posix_memalign(&out, 256, s) == ENOMEM && out == NULL;
        errno = 0; fails += capheap_libc_valloc(s) == NULL && errno == ENOMEM;
        errno = 0; fails += capheap_libc_pvalloc(s) == NULL && errno == ENOMEM;
        if (fails != 14) {
            check_log("size %llu: %d of 14 entry points failed cleanly\n",
                      (unsigned long long)s, fails);
            CHECK_FAILED("overflow sweep");
        }
    }
    capheap_libc_free(live);
    CHECK_EQ_U(libc_fx_free(&f), free0);
    CHECK_EQ_U(f.errors, 0);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    libc_fx_close(&f);
}

/* The growth hook adds a heap when the first is full; the retry then wins. */
typedef struct {
    libc_fx_t *f;
    int calls;
    size_t last_size;
} grow_ctx_t;

static bool grow_once(void *ctx, size_t size, size_t align)
{
    grow_ctx_t *g = (grow_ctx_t *)ctx;
    (void)align;
    g->calls++;
    g->last_size = size;
    if (g->calls > 1)
        return false;
    capheap_region_t r = libc_fx_region(arena2, sizeof arena2);
    return capheap_caps_add_region_desc(g->f->caps, &r) == CAPHEAP_OK;
}

static void t_grow_hook(void)
{
    libc_fx_t f;
    REQUIRE(libc_fx_open(&f, arena, 64 * 1024));
    grow_ctx_t g = { &f, 0, 0 };
    capheap_malloc_set_grow(grow_once, &g);
    void *a = capheap_libc_malloc(40 * 1024);
    REQUIRE(a != NULL);
    CHECK_EQ_U(g.calls, 0);
    CHECK(inside(a, arena, 64 * 1024));
    void *b = capheap_libc_malloc(40 * 1024); /* no room left: grows */
    REQUIRE(b != NULL);
    CHECK_EQ_U(g.calls, 1);
    CHECK_EQ_U(g.last_size, 40 * 1024);
    CHECK(inside(b, arena2, sizeof arena2));
    /* the hook refusing: NULL, ENOMEM, after asking once more */
    errno = 0;
    CHECK_NULL(capheap_libc_malloc(sizeof arena2));
    CHECK_EQ_U(errno, ENOMEM);
    CHECK_EQ_U(g.calls, 2);
    /* realloc and aligned allocations grow through it too */
    g.calls = 1;
    void *c = capheap_libc_aligned_alloc(4096, 300 * 1024);
    CHECK_NULL(c);
    CHECK_EQ_U(g.calls, 2);
    capheap_libc_free(a);
    capheap_libc_free(b);
    CHECK_EQ_U(f.errors, 0);
    libc_fx_close(&f);
}

/* ------------------------------------------------------------ stress rig */

static void *st_alloc(void *ctx, size_t size, size_t align)
{
    (void)ctx;
    return align ? capheap_libc_aligned_alloc(align, size) : capheap_libc_malloc(size);
}

static void st_free(void *ctx, void *p)
{
    (void)ctx;
    capheap_libc_free(p);
}

static void *st_realloc(void *ctx, void *p, size_t size)
{
    (void)ctx;
    return capheap_libc_realloc(p, size);
}

static size_t st_usable(void *ctx, const void *p)
{
    (void)ctx;
    return capheap_libc_malloc_usable_size((void *)(uintptr_t)p);
}

static bool st_validate(void *ctx)
{
    return capheap_caps_check_integrity_all(((libc_fx_t *)ctx)->caps, NULL, NULL);
}

static size_t st_free_bytes(void *ctx)
{
    return libc_fx_free((libc_fx_t *)ctx);
}

static void t_stress(void)
{
    libc_fx_t f;
    OPEN(f);
    stress_ops_t ops = { &f, st_alloc, st_free, st_realloc, st_usable, st_validate,
                         st_free_bytes, NULL };
    static const unsigned fills[] = { 50, 100 };
    for (unsigned i = 0; i < 2; i++) {
        stress_config_t cfg = stress_config_default();
        cfg.name = fills[i] == 50 ? "libc malloc 50%" : "libc malloc 100%";
        cfg.seed = prng_seed_from_env("CAPHEAP_SEED", 5);
        cfg.stream = i;
        cfg.ops = 4000;
        cfg.capacity = sizeof arena;
        cfg.fill_percent = fills[i];
        cfg.min_size = 1;
        cfg.max_size = 8192;
        cfg.dist = STRESS_DIST_LOG;
        cfg.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_ZERO | STRESS_STAMP_USABLE;
        cfg.min_align = CAPHEAP_ALIGNMENT;
        cfg.max_align = 1024;
        cfg.lo = arena;
        cfg.hi = arena + sizeof arena;
        cfg.validate_every = 16;
        cfg.max_blocks = 4096;
        CHECK(stress_run(&ops, &cfg, NULL));
    }
    CHECK_EQ_U(f.errors, 0);
    libc_fx_close(&f);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_no_instance);
    RUN(t_malloc_free);
    RUN(t_bad_pointers);
    RUN(t_calloc);
    RUN(t_realloc);
    RUN(t_reallocarray);
    RUN(t_aligned);
    RUN(t_valloc);
    RUN(t_overflow_sweep);
    RUN(t_grow_hook);
    RUN(t_stress);
    return check_summary("libc.api");
}
