/*
 * Bad input through every native entry point (docs/behaviour.md, issue 9):
 * the engine (capheap_heap_*), the caps allocator (capheap_caps_*) and the
 * GC heap (capheap_gc_*). Each test is one group of rows of the table and
 * names itself there. Every bad call is one "case"; the total is printed
 * (the figure of the closing note). After the bad calls of a test
 * the instance is checked: integrity holds, nothing reported beyond what the
 * row says, live blocks intact.
 */
#include "capheap/caps.h"
#include "capheap/chip.h"
#include "capheap/gc.h"
#include "capheap/heap.h"
#include "capheap/port.h"
#include "capheap/sim.h"
#include "check.h"

#include <stdint.h>
#include <string.h>

static unsigned long cases;
#define CASE(e)                                                                \
    do {                                                                       \
        cases++;                                                               \
        CHECK(e);                                                              \
    } while (0)

static _Alignas(64) unsigned char mem_a[16384], mem_b[8192];
static unsigned char static_data[64];

/* error hook: counts reports and remembers the last reason */
static unsigned reports;
static capheap_error_reason_t last_reason;
static void on_error(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    (void)where;
    reports++;
    last_reason = reason;
}

/* The call reported exactly one error with this reason. */
static bool reported(capheap_error_reason_t why)
{
    bool ok = reports == 1 && last_reason == why;
    reports = 0;
    return ok;
}

/* Sizes no heap can give: near SIZE_MAX and PTRDIFF_MAX, and just above a
 * region of this test's size. */
static const size_t huge_sizes[] = {
    SIZE_MAX, SIZE_MAX - 1, SIZE_MAX - 15, SIZE_MAX - 4096, SIZE_MAX / 2,
    SIZE_MAX / 2 + 1, (size_t)PTRDIFF_MAX, (size_t)PTRDIFF_MAX + 1, (size_t)PTRDIFF_MAX - 31,
    sizeof mem_a + 1,
};
#define NHUGE (sizeof huge_sizes / sizeof huge_sizes[0])

static void fill(unsigned char *p, size_t n, unsigned char v)
{
    memset(p, v, n);
}

static bool intact(const unsigned char *p, size_t n, unsigned char v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return false;
    return true;
}

/* ------------------------------------------------------------- engine */

static capheap_heap_t *engine(unsigned char *mem, size_t size)
{
    capheap_heap_t *h = capheap_heap_create(mem, size);
    if (h)
        capheap_heap_set_error_hook(h, on_error, NULL);
    return h;
}

/* sizes: huge, calloc overflow in both orders, zero */
static void engine_sizes(void)
{
    capheap_heap_t *h = engine(mem_a, sizeof mem_a);
    REQUIRE(h != NULL);
    unsigned char *keep = (unsigned char *)capheap_heap_malloc(h, 100);
    REQUIRE(keep != NULL);
    fill(keep, 100, 0xA5);
    size_t free_before = capheap_heap_free_size(h);
    for (size_t i = 0; i < NHUGE; i++) {
        size_t n = huge_sizes[i];
        CASE(capheap_heap_malloc(h, n) == NULL);
        CASE(capheap_heap_calloc(h, n, 2) == NULL);
        CASE(capheap_heap_calloc(h, 2, n) == NULL);
        CASE(capheap_heap_calloc(h, n, n) == NULL);
        CASE(capheap_heap_realloc(h, keep, n) == NULL);
        CASE(capheap_heap_aligned_alloc(h, n, 64) == NULL);
        CASE(capheap_heap_aligned_alloc_offs(h, n, 64, 0) == NULL);
    }
    /* a product that overflows although each factor is small enough */
    size_t half = (size_t)1 << (sizeof(size_t) * 4);
    CASE(capheap_heap_calloc(h, half, half) == NULL);
    CASE(capheap_heap_calloc(h, half + 1, half - 1) == NULL);
    CASE(capheap_heap_calloc(h, half - 1, half + 1) == NULL);
    CHECK_EQ_SZ(capheap_heap_free_size(h), free_before);
    CHECK(intact(keep, 100, 0xA5));
    /* zero: a unique block, calloc(0, n) and (n, 0) likewise */
    void *z1 = capheap_heap_malloc(h, 0), *z2 = capheap_heap_malloc(h, 0);
    void *z3 = capheap_heap_calloc(h, 0, 8), *z4 = capheap_heap_calloc(h, 8, 0);
    cases += 4;
    CHECK(z1 && z2 && z3 && z4 && z1 != z2 && z3 != z4);
    capheap_heap_free(h, z1);
    capheap_heap_free(h, z2);
    capheap_heap_free(h, z3);
    capheap_heap_free(h, z4);
    CASE(capheap_heap_realloc(h, NULL, 0) != NULL || true); /* malloc(0): a block or NULL */
    capheap_heap_free(h, keep);
    CHECK(capheap_heap_check(h, NULL, NULL));
    CHECK_EQ_U(reports, 0);
}

/* alignment 0, not a power of two, larger than the region; bad offsets */
static void engine_alignment(void)
{
    capheap_heap_t *h = engine(mem_a, sizeof mem_a);
    REQUIRE(h != NULL);
    const size_t bad[] = { 0, 3, 6, 24, 100, 4097, SIZE_MAX, (size_t)PTRDIFF_MAX };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CASE(capheap_heap_aligned_alloc(h, 16, bad[i]) == NULL);
        CASE(capheap_heap_aligned_alloc_offs(h, 16, bad[i], 0) == NULL);
    }
    CASE(capheap_heap_aligned_alloc(h, 16, (size_t)1 << 20) == NULL); /* > region */
    CASE(capheap_heap_aligned_alloc(h, 16, (size_t)1 << (sizeof(size_t) * 8 - 1)) == NULL);
    CASE(capheap_heap_aligned_alloc_offs(h, 64, 64, 1) == NULL);             /* misaligned offset */
    CASE(capheap_heap_aligned_alloc_offs(h, 64, 64, 128) == NULL);           /* offset > size */
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK(capheap_heap_check(h, NULL, NULL));
    CHECK_EQ_U(reports, 0);
}

/* free / realloc / usable_size of pointers the heap did not hand out */
static void engine_bad_pointers(void)
{
    capheap_heap_t *h = engine(mem_a, sizeof mem_a);
    capheap_heap_t *other = engine(mem_b, sizeof mem_b);
    REQUIRE(h != NULL && other != NULL);
    unsigned char on_stack[32];
    unsigned char *keep = (unsigned char *)capheap_heap_malloc(h, 256);
    unsigned char *gone = (unsigned char *)capheap_heap_malloc(h, 64);
    unsigned char *foreign = (unsigned char *)capheap_heap_malloc(other, 64);
    REQUIRE(keep && gone && foreign);
    fill(keep, 256, 0xC3); /* bytes that form no plausible header */
    capheap_heap_free(h, gone);
    capheap_heap_info_t before, after;
    capheap_heap_get_info(h, &before);
    struct {
        void *p;
        capheap_error_reason_t why;
    } bad[] = {
#if CAPHEAP_CHECKS /* without: only the range and alignment tests remain */
        { gone, CAPHEAP_E_DOUBLE_FREE },           /* freed (and merged) */
        { keep + 128, CAPHEAP_E_BAD_HEADER },      /* middle of a block */
#endif
        { foreign, CAPHEAP_E_OUTSIDE },            /* another instance */
        { on_stack, CAPHEAP_E_OUTSIDE },           /* stack */
        { static_data + 8, CAPHEAP_E_OUTSIDE },    /* static data */
        { keep + 1, CAPHEAP_E_MISALIGNED },        /* one byte off */
        { keep - 1, CAPHEAP_E_OUTSIDE },          /* one byte before the first block */
        { mem_a, CAPHEAP_E_OUTSIDE },              /* the control structure */
        { (unsigned char *)capheap_heap_region_end(h), CAPHEAP_E_OUTSIDE },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        reports = 0;
        capheap_heap_free(h, bad[i].p);
        CASE(reported(bad[i].why));
        capheap_heap_free(h, bad[i].p); /* again: reported again, still ignored */
        CASE(reported(bad[i].why));
        CASE(capheap_heap_realloc(h, bad[i].p, 32) == NULL);
        CASE(reported(bad[i].why));
        CASE(capheap_heap_usable_size(h, bad[i].p) == 0);
        CASE(reported(bad[i].why));
    }
    capheap_heap_free(h, NULL); /* NULL: nothing */
    CASE(reports == 0);
    CASE(capheap_heap_usable_size(h, NULL) == 0 && reports == 0);
    capheap_heap_get_info(h, &after);
    CHECK(memcmp(&before, &after, sizeof before) == 0);
    CHECK(intact(keep, 256, 0xC3));
    CHECK(capheap_heap_check(h, NULL, NULL));
    CHECK(capheap_heap_check(other, NULL, NULL));
}

/* create: NULL, too small, wrapping */
static void engine_create(void)
{
    size_t min = capheap_heap_min_region_size();
    CASE(capheap_heap_create(NULL, sizeof mem_a) == NULL);
    CASE(capheap_heap_create(mem_a, 0) == NULL);
    CASE(capheap_heap_create(mem_a, min - 1) == NULL);
    CASE(capheap_heap_create((void *)(uintptr_t)(UINTPTR_MAX - 255), 4096) == NULL);
    CASE(capheap_heap_create(mem_a + 1, sizeof mem_a - 1) != NULL); /* misaligned: accepted */
}

/* ------------------------------------------------------------ caps */

static const uint32_t dram = CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_DEFAULT |
                             CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA;

static capheap_caps_t *caps_instance(void)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.error_hook = on_error;
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = (uintptr_t)mem_a;
    r.size = sizeof mem_a;
    r.caps[0] = dram;
    r.type = -1;
    capheap_caps_t *c = NULL;
    return capheap_caps_create(&cfg, &r, 1, &c) == CAPHEAP_OK ? c : NULL;
}

static unsigned failed_calls;
static void on_failed(void *ctx, size_t size, uint32_t caps, const char *fn)
{
    (void)ctx;
    (void)size;
    (void)caps;
    (void)fn;
    failed_calls++;
}

/* sizes, calloc overflow both orders, impossible caps, bad alignments */
static void caps_sizes_and_caps(void)
{
    capheap_caps_t *c = caps_instance();
    REQUIRE(c != NULL);
    capheap_caps_set_failed_alloc_callback(c, on_failed, NULL);
    unsigned char *keep = (unsigned char *)capheap_caps_malloc(c, 100, dram);
    REQUIRE(keep != NULL);
    fill(keep, 100, 0x5A);
    size_t free_before = capheap_caps_get_free_size(c, 0);
    const uint32_t all[] = { 0, CAPHEAP_CAP_8BIT, CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT };
    for (size_t i = 0; i < NHUGE; i++) {
        size_t n = huge_sizes[i];
        for (size_t k = 0; k < 2; k++) {
            uint32_t cp = all[k + 1];
            CASE(capheap_caps_malloc(c, n, cp) == NULL);
            CASE(capheap_caps_calloc(c, n, 3, cp) == NULL);
            CASE(capheap_caps_calloc(c, 3, n, cp) == NULL);
            CASE(capheap_caps_realloc(c, keep, n, cp) == NULL);
            CASE(capheap_caps_aligned_alloc(c, 32, n, cp) == NULL);
            CASE(capheap_caps_aligned_calloc(c, 32, n, 2, cp) == NULL);
            CASE(capheap_caps_aligned_calloc(c, 32, 2, n, cp) == NULL);
        }
        CASE(capheap_caps_malloc_default(c, n) == NULL);
        CASE(capheap_caps_calloc_default(c, n, 5) == NULL);
        CASE(capheap_caps_calloc_default(c, 5, n) == NULL);
        CASE(capheap_caps_realloc_default(c, keep, n) == NULL);
        CASE(capheap_caps_malloc_prefer(c, n, all + 1, 2) == NULL);
    }
    /* EXEC|32BIT rounding of a size near SIZE_MAX must not wrap to small */
    CASE(capheap_caps_malloc(c, SIZE_MAX - 1, CAPHEAP_CAP_32BIT) == NULL);
    /* impossible caps: refused whatever the size */
    const uint32_t impossible[] = {
        CAPHEAP_CAP_EXEC | CAPHEAP_CAP_DMA, CAPHEAP_CAP_EXEC | CAPHEAP_CAP_8BIT,
        CAPHEAP_CAP_INVALID, CAPHEAP_CAP_INVALID | CAPHEAP_CAP_8BIT,
        CAPHEAP_CAP_SPIRAM,                       /* no heap has it */
        CAPHEAP_CAP_EXEC,                         /* no heap has it */
        dram | CAPHEAP_CAP_RTCRAM,                /* one bit missing */
        0,                                        /* no bit to match (as ESP-IDF) */
        CAPHEAP_CAP_CACHE_ALIGNED,                /* only an alignment */
    };
    for (size_t i = 0; i < sizeof impossible / sizeof impossible[0]; i++) {
        failed_calls = 0;
        CASE(capheap_caps_malloc(c, 16, impossible[i]) == NULL);
        CASE(capheap_caps_calloc(c, 2, 8, impossible[i]) == NULL);
        CASE(capheap_caps_aligned_alloc(c, 16, 16, impossible[i]) == NULL);
        CASE(failed_calls == 3);
    }
    CASE(capheap_caps_get_largest_free_block(c, CAPHEAP_CAP_EXEC | CAPHEAP_CAP_DMA) == 0);
    CASE(capheap_caps_get_largest_free_block(c, CAPHEAP_CAP_SPIRAM) == 0);
    /* alignment 0, not a power of two, larger than any heap */
    const size_t bad_align[] = { 0, 3, 12, 48, 1000, SIZE_MAX };
    for (size_t i = 0; i < sizeof bad_align / sizeof bad_align[0]; i++) {
        CASE(capheap_caps_aligned_alloc(c, bad_align[i], 16, dram) == NULL);
        CASE(capheap_caps_aligned_calloc(c, bad_align[i], 2, 8, dram) == NULL);
    }
    CASE(capheap_caps_aligned_alloc(c, (size_t)1 << 20, 16, dram) == NULL);
    /* the _prefer family with no entry */
    CASE(capheap_caps_malloc_prefer(c, 16, all, 0) == NULL);
    CASE(capheap_caps_calloc_prefer(c, 1, 16, NULL, 0) == NULL);
    /* zero-size requests are valid: a unique block */
    void *z = capheap_caps_malloc(c, 0, dram);
    cases++;
    CHECK_NOT_NULL(z);
    capheap_caps_free(c, z);
    CHECK_EQ_SZ(capheap_caps_get_free_size(c, 0), free_before);
    CHECK(intact(keep, 100, 0x5A));
    capheap_caps_free(c, keep);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    CHECK_EQ_U(reports, 0);
    capheap_caps_destroy(c);
}

/* free / realloc / sizes of pointers the instance does not own */
static void caps_bad_pointers(void)
{
    capheap_caps_t *c = caps_instance();
    REQUIRE(c != NULL);
    capheap_heap_t *other = engine(mem_b, sizeof mem_b);
    REQUIRE(other != NULL);
    unsigned char on_stack[32];
    unsigned char *keep = (unsigned char *)capheap_caps_malloc(c, 256, dram);
    unsigned char *gone = (unsigned char *)capheap_caps_malloc(c, 64, dram);
    unsigned char *foreign = (unsigned char *)capheap_heap_malloc(other, 64);
    REQUIRE(keep && gone && foreign);
    fill(keep, 256, 0xC3);
    capheap_caps_free(c, gone);
    capheap_heap_info_t before, after;
    capheap_caps_get_info(c, &before, 0);
    struct {
        void *p;
        capheap_error_reason_t why;
    } bad[] = {
#if CAPHEAP_CHECKS /* the owning heap's engine checks */
        { gone, CAPHEAP_E_DOUBLE_FREE },
        { keep + 128, CAPHEAP_E_BAD_HEADER },     /* middle of a block */
#endif
        { foreign, CAPHEAP_E_NOT_OWNED },         /* another instance */
        { on_stack, CAPHEAP_E_NOT_OWNED },
        { static_data, CAPHEAP_E_NOT_OWNED },
        { keep + 1, CAPHEAP_E_MISALIGNED },       /* one byte off */
        { mem_a + 8, CAPHEAP_E_OUTSIDE },         /* the instance record */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        reports = 0;
        capheap_caps_free(c, bad[i].p);
        CASE(reported(bad[i].why));
        CASE(capheap_caps_realloc(c, bad[i].p, 32, dram) == NULL);
        CASE(reported(bad[i].why));
        CASE(capheap_caps_realloc_default(c, bad[i].p, 32) == NULL);
        CASE(reported(bad[i].why));
        CASE(capheap_caps_get_allocated_size(c, bad[i].p) == 0);
        CASE(reported(bad[i].why));
    }
    capheap_caps_free(c, NULL);
    CASE(reports == 0);
    capheap_caps_get_info(c, &after, 0);
    CHECK(memcmp(&before, &after, sizeof before) == 0);
    CHECK(intact(keep, 256, 0xC3));
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    capheap_caps_destroy(c);
}

/* add_region: NULL, empty, overlapping, identical, too small, misaligned;
 * create with bad arguments; NULL instance (use before create) */
static void caps_regions_and_setup(void)
{
    capheap_caps_t *c = caps_instance();
    REQUIRE(c != NULL);
    const uint32_t masks[3] = { dram, 0, 0 };
    size_t heaps = capheap_caps_heap_count(c);
    CASE(capheap_caps_add_region_with_caps(c, masks, NULL, mem_b + 100) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_add_region_with_caps(c, masks, mem_b, mem_b) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_add_region_with_caps(c, masks, mem_b + 10, mem_b) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_add_region_with_caps(c, NULL, mem_b, mem_b + 100) == CAPHEAP_ERR_INVALID_ARG);
    const uint32_t none[3] = { 0, 0, 0 };
    CASE(capheap_caps_add_region_with_caps(c, none, mem_b, mem_b + sizeof mem_b) ==
         CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_add_region_with_caps(c, masks, mem_a, mem_a + sizeof mem_a) ==
         CAPHEAP_ERR_EXISTS);
    CASE(capheap_caps_add_region_with_caps(c, masks, mem_a + sizeof mem_a - 64,
                                           (void *)((uintptr_t)mem_a + sizeof mem_a + 512)) ==
         CAPHEAP_ERR_OVERLAP);
    CASE(capheap_caps_add_region_with_caps(c, masks, mem_a + 4000, mem_a + 5000) ==
         CAPHEAP_ERR_OVERLAP); /* free memory of a heap */
    CASE(capheap_caps_add_region_with_caps(c, masks, mem_b, mem_b + 64) == CAPHEAP_ERR_TOO_SMALL);
    CASE(capheap_caps_add_region(c, mem_b, mem_b + 4096) == CAPHEAP_ERR_NOT_FOUND); /* no chip */
    CASE(capheap_caps_add_region_desc(c, NULL) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_enable_deferred(c) == CAPHEAP_ERR_STATE); /* no chip */
    CHECK_EQ_SZ(capheap_caps_heap_count(c), heaps);
    /* a misaligned range is accepted: the heap starts at the next aligned byte */
    CASE(capheap_caps_add_region_with_caps(c, masks, mem_b + 3, mem_b + sizeof mem_b - 5) ==
         CAPHEAP_OK);
    void *p = capheap_caps_malloc(c, 64, dram);
    CHECK(p != NULL && ((uintptr_t)p & (CAPHEAP_ALIGNMENT - 1)) == 0);
    capheap_caps_free(c, p);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    CHECK_EQ_U(reports, 0);
    capheap_caps_destroy(c);

    /* create with bad arguments */
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    capheap_region_t r[2];
    memset(r, 0, sizeof r);
    r[0].start = (uintptr_t)mem_a;
    r[0].size = sizeof mem_a;
    r[0].caps[0] = dram;
    r[0].type = -1;
    r[1] = r[0];
    capheap_caps_t *out = NULL;
    CASE(capheap_caps_create(NULL, r, 1, &out) == CAPHEAP_ERR_INVALID_ARG && out == NULL);
    CASE(capheap_caps_create(&cfg, NULL, 1, &out) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_create(&cfg, r, 0, &out) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_create(&cfg, r, 1, NULL) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_create(&cfg, r, 2, &out) == CAPHEAP_ERR_OVERLAP && out == NULL);
    r[1].start = (uintptr_t)mem_a + 100;
    r[1].size = 200;
    CASE(capheap_caps_create(&cfg, r, 2, &out) == CAPHEAP_ERR_OVERLAP);
    r[0].size = 64;
    CASE(capheap_caps_create(&cfg, r, 1, &out) == CAPHEAP_ERR_TOO_SMALL);
    r[0].size = sizeof mem_a;
    r[0].caps[0] = 0;
    CASE(capheap_caps_create(&cfg, r, 1, &out) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_create_from_chip(&cfg, &out) == CAPHEAP_ERR_INVALID_ARG); /* no chip */

    /* every entry point with a NULL instance: defined, nothing happens */
    CASE(capheap_caps_malloc(NULL, 16, dram) == NULL);
    CASE(capheap_caps_calloc(NULL, 1, 16, dram) == NULL);
    CASE(capheap_caps_realloc(NULL, NULL, 16, dram) == NULL);
    CASE(capheap_caps_aligned_alloc(NULL, 16, 16, dram) == NULL);
    CASE(capheap_caps_malloc_default(NULL, 16) == NULL);
    capheap_caps_free(NULL, static_data);
    cases++;
    CASE(capheap_caps_get_allocated_size(NULL, static_data) == 0);
    CASE(capheap_caps_get_free_size(NULL, 0) == 0);
    CASE(capheap_caps_get_largest_free_block(NULL, 0) == 0);
    CASE(capheap_caps_heap_count(NULL) == 0);
    CASE(capheap_caps_add_region_with_caps(NULL, masks, mem_b, mem_b + sizeof mem_b) ==
         CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_enable_deferred(NULL) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_caps_monitor_local_minimum_free_size_start(NULL) == CAPHEAP_ERR_INVALID_ARG);
    capheap_caps_destroy(NULL);
    cases++;
}

/* ------------------------------------------------------------- gc */

static void gc_bad_input(void)
{
    capheap_caps_t *c = caps_instance();
    REQUIRE(c != NULL);
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.error_hook = on_error;
    capheap_gc_t *gc = NULL;
    REQUIRE(capheap_gc_create(&cfg, mem_b, sizeof mem_b, &gc) == CAPHEAP_OK);
    unsigned char on_stack[32];
    unsigned char *obj = (unsigned char *)capheap_gc_alloc(gc, 3 * CAPHEAP_GC_BLOCK, 0);
    unsigned char *gone = (unsigned char *)capheap_gc_alloc(gc, 8, 0);
    unsigned char *block = (unsigned char *)capheap_caps_malloc(c, 64, dram);
    REQUIRE(obj && gone && block);
    fill(obj, 3 * CAPHEAP_GC_BLOCK, 0x77);
    /* obj stays reachable through the collections failed allocations run */
    static void *live_root[1];
    live_root[0] = obj;
    REQUIRE(capheap_gc_add_root_range(gc, live_root, live_root + 1) == CAPHEAP_OK);
    capheap_gc_free(gc, gone);
    size_t used = capheap_gc_used_bytes(gc);
    for (size_t i = 0; i < NHUGE; i++) {
        CASE(capheap_gc_alloc(gc, huge_sizes[i], 0) == NULL);
        CASE(capheap_gc_realloc(gc, obj, huge_sizes[i], true) == NULL);
    }
    struct {
        void *p;
        capheap_error_reason_t why;
    } bad[] = {
        { gone, CAPHEAP_E_DOUBLE_FREE },              /* a free block */
        { on_stack, CAPHEAP_E_NOT_OWNED },
        { static_data, CAPHEAP_E_NOT_OWNED },
        { block, CAPHEAP_E_NOT_OWNED },               /* a caps block given to gc free */
        { obj + 1, CAPHEAP_E_MISALIGNED },            /* one byte off */
        { obj + CAPHEAP_GC_BLOCK, CAPHEAP_E_BAD_HEADER }, /* middle: a TAIL block */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        reports = 0;
        capheap_gc_free(gc, bad[i].p);
        if (reports != 1 || last_reason != bad[i].why)
            check_log("gc free bad[%zu]: %u reports, reason %d\n", i, reports, (int)last_reason);
        CASE(reported(bad[i].why));
        CASE(capheap_gc_realloc(gc, bad[i].p, 16, true) == NULL);
        CASE(reported(bad[i].why));
        CASE(capheap_gc_size(gc, bad[i].p) == 0 && reports == 0); /* not reported */
        CASE(!capheap_gc_never_free(gc, bad[i].p));
    }
    /* a GC object given to the caps allocator's free: not a caps block */
    capheap_caps_free(c, obj);
    CASE(reported(CAPHEAP_E_NOT_OWNED));
    capheap_gc_free(gc, NULL);
    CASE(reports == 0);
    CASE(capheap_gc_used_bytes(gc) == used);
    CHECK(intact(obj, 3 * CAPHEAP_GC_BLOCK, 0x77));
    /* areas and roots */
    CASE(capheap_gc_add_area(gc, NULL, 4096) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_gc_add_area(gc, mem_b + 1024, 1024) == CAPHEAP_ERR_OVERLAP);
    CASE(capheap_gc_add_area(gc, static_data, 8) == CAPHEAP_ERR_TOO_SMALL);
    CASE(capheap_gc_add_area(gc, (void *)(uintptr_t)(UINTPTR_MAX - 63), 4096) ==
         CAPHEAP_ERR_INVALID_ARG);
    void *roots[2] = { NULL, NULL };
    CASE(capheap_gc_add_root_range(gc, NULL, roots) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_gc_add_root_range(gc, roots + 1, roots) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_gc_add_root_range(gc, (char *)roots + 1, roots + 2) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_gc_remove_root_range(gc, roots, roots + 2) == CAPHEAP_ERR_NOT_FOUND);
    capheap_gc_collect_root(gc, roots, 2); /* outside a collection: ignored */
    cases++;
    capheap_gc_unlock(gc); /* at depth 0: nothing */
    CASE(!capheap_gc_is_locked(gc));
    /* create with bad arguments, NULL instance */
    capheap_gc_t *out = NULL;
    CASE(capheap_gc_create(NULL, mem_a, 4096, &out) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_gc_create(&cfg, NULL, 4096, &out) == CAPHEAP_ERR_INVALID_ARG); /* no caps */
    CASE(capheap_gc_create(&cfg, static_data, 8, &out) == CAPHEAP_ERR_TOO_SMALL);
    CASE(capheap_gc_alloc(NULL, 16, 0) == NULL);
    capheap_gc_free(NULL, obj);
    cases++;
    CASE(capheap_gc_size(NULL, obj) == 0);
    CASE(capheap_gc_collect(NULL) == 0);
    CHECK_EQ_U(reports, 0);
    capheap_caps_free(c, block);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    capheap_gc_destroy(gc);
    capheap_caps_destroy(c);
}

/* ------------------------------------------------ chip tables, formatter */

static char sink_buf[512];
static void sink(void *ctx, const char *text)
{
    (void)ctx;
    size_t n = strlen(sink_buf);
    if (n + strlen(text) < sizeof sink_buf)
        memcpy(sink_buf + n, text, strlen(text) + 1);
}

/* capheap_chip_validate refuses every kind of broken table and says why */
static void chip_tables_refused(void)
{
    static const capheap_mem_type_t types[] = {
        { "RAM", { CAPHEAP_CAP_8BIT, 0, 0 }, 0 },
        { "DIRAM", { CAPHEAP_CAP_8BIT, 0, CAPHEAP_CAP_EXEC }, CAPHEAP_MT_DIRAM },
        { NULL, { CAPHEAP_CAP_8BIT, 0, 0 }, 0 },
        { "NOCAPS", { 0, 0, 0 }, 0 },
    };
    capheap_chip_region_t reg[2] = {
        { 0x1000, 0x1000, 0, CAPHEAP_ALIAS_NONE, 0, 0 },
        { 0x4000, 0x1000, 0, CAPHEAP_ALIAS_NONE, 0, 0 },
    };
    capheap_reserved_t res[2] = { { 0x1100, 0x1200, "a" }, { 0x1300, 0x1400, "b" } };
    capheap_chip_t chip = { "bad", "", types, 2, reg, 2, res, 2, NULL, 4, 0 };
    CASE(capheap_chip_validate(&chip, NULL, NULL) == CAPHEAP_OK); /* the sound base */
    capheap_chip_t c;
    /* each variant breaks one thing */
#define REFUSED(edit, word)                                                    \
    do {                                                                       \
        capheap_chip_region_t r2[2] = { reg[0], reg[1] };                      \
        capheap_reserved_t s2[2] = { res[0], res[1] };                         \
        c = chip;                                                              \
        c.regions = r2;                                                        \
        c.reserved = s2;                                                       \
        edit;                                                                  \
        sink_buf[0] = 0;                                                       \
        CASE(capheap_chip_validate(&c, sink, NULL) == CAPHEAP_ERR_INVALID_ARG); \
        CASE(strstr(sink_buf, word) != NULL);                                  \
    } while (0)
    REFUSED(c.types = NULL, "");
    REFUSED(c.type_count = 3, "no name");
    REFUSED((c.types = types + 2, c.type_count = 2), "no name");
    REFUSED(r2[1].type = 7, "bad type");
    REFUSED(r2[1].size = 0, "bad type");
    REFUSED(r2[0].start = 0, "bad type");
    REFUSED(r2[1].size = (size_t)0 - 0x4000u + 1u, "bad type");          /* wraps */
    REFUSED(r2[1].start = 0x1800, "overlaps");
    REFUSED((r2[0].alias_kind = CAPHEAP_ALIAS_LINEAR), "alias");          /* no alias address */
    REFUSED((r2[0].alias = 0x9000), "alias");                              /* address, no kind */
    REFUSED((r2[0].alias_kind = 9, r2[0].alias = 0x9000), "alias");
    REFUSED(r2[0].type = 1, "alias");                                      /* D/IRAM needs one */
    REFUSED((r2[0].type = 1, r2[0].alias_kind = CAPHEAP_ALIAS_WORD_REVERSED,
             r2[0].alias = 0x9002), "alias");                              /* misaligned */
    REFUSED(s2[0].end = s2[0].start, "reserved");
    REFUSED(s2[1].start = 0x1150, "reserved");
#undef REFUSED
    CASE(capheap_chip_validate(NULL, sink, NULL) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_chip_find(NULL) == NULL);
    CASE(capheap_chip_find("no-such-chip") == NULL);
    CASE(capheap_chip_region_at(NULL, 0x1000) == -1);
    CASE(capheap_chip_region_at(&chip, 0x10) == -1);   /* below every region */
    CASE(capheap_chip_region_at(&chip, 0x3000) == -1); /* in a gap */
    CASE(capheap_chip_region_at_alias(NULL, 0x1000) == -1);
    CASE(capheap_chip_caps_at(&chip, 0x3000) == 0);
}

/* the formatter on odd formats: NULL string, precision, an unknown or a
 * trailing conversion, truncation, a zero-size buffer */
static void formatter_edges(void)
{
    char b[64];
    /* formats the compiler would refuse to check, through non-literals */
    const char *volatile odd = "%q%";
    const char *volatile null_str = NULL;
    CASE(capheap_snprintf(b, sizeof b, "[%s]", null_str) == 8 &&
         strcmp(b, "[(null)]") == 0);
    CASE(capheap_snprintf(b, sizeof b, "[%.3s|%-6s|%6s]", "abcdef", "ab", "cd") == 19 &&
         strcmp(b, "[abc|ab    |    cd]") == 0);
    CASE(capheap_snprintf(b, sizeof b, "%ld %li %lu %lx %lld %llu %zd", -5L, 7L, 8UL, 255UL,
                          -9LL, 10ULL, (ptrdiff_t)-11) > 0 &&
         strcmp(b, "-5 7 8 ff -9 10 -11") == 0);
    CASE(capheap_snprintf(b, sizeof b, "%c%%%05d|%-4d|%X", 'x', -42, 3, 0xABCu) > 0 &&
         strcmp(b, "x%-0042|3   |ABC") == 0);
    CASE(capheap_snprintf(b, sizeof b, odd, 0) == 2 && strcmp(b, "%q") == 0);
    CASE(capheap_snprintf(b, 4, "%s", "truncated") == 9 && strcmp(b, "tru") == 0);
    CASE(capheap_snprintf(NULL, 0, "%d", 12345) == 5);
    CASE(capheap_snprintf(b, sizeof b, "%p", (void *)0) > 0 && strncmp(b, "0x", 2) == 0);
    sink_buf[0] = 0;
    capheap_printf(NULL, NULL, "%d", 1); /* no sink: nothing */
    capheap_printf(sink, NULL, "%s=%u", "k", 3u);
    CASE(strcmp(sink_buf, "k=3") == 0);
    CASE(strcmp(capheap_error_reason_str((capheap_error_reason_t)99), "") != 0);
}

/* ------------------------------------------------------------- NULL handles */

static unsigned printed;
static void count_print(void *ctx, const char *text)
{
    (void)ctx;
    (void)text;
    printed++;
}

static bool walk_any(void *ctx, const capheap_caps_heap_t *heap, void *block, size_t size,
                     bool used)
{
    (void)heap;
    (void)block;
    (void)size;
    (void)used;
    (void)ctx;
    return true;
}

/* use before create: the statistics, walk, dump, hooks and heap-handle
 * functions with a NULL instance, heap handle, output or callback */
static void null_handles(void)
{
    capheap_heap_info_t info;
    memset(&info, 0xA5, sizeof info);
    capheap_caps_get_info(NULL, &info, 0);
    cases++;
    CHECK(info.total_free_bytes == 0 && info.total_allocated_bytes == 0 &&
          info.largest_free_block == 0);
    memset(&info, 0xA5, sizeof info);
    capheap_caps_heap_get_info(NULL, &info);
    cases++;
    CHECK(info.total_free_bytes == 0 && info.total_blocks == 0);
    capheap_caps_get_info(NULL, NULL, 0);
    capheap_caps_heap_get_info(NULL, NULL);
    cases += 2;
    CASE(capheap_caps_heap_total_size(NULL) == 0);
    CASE(capheap_caps_get_total_size(NULL, 0) == 0);
    CASE(capheap_caps_get_minimum_free_size(NULL, 0) == 0);
    CASE(capheap_caps_get_containing_block_size(NULL, static_data) == 0);
    CASE(capheap_caps_monitor_local_minimum_free_size_stop(NULL) == CAPHEAP_ERR_INVALID_ARG);
    CASE(!capheap_caps_check_integrity_all(NULL, NULL, NULL));
    CASE(!capheap_caps_check_integrity(NULL, 0, NULL, NULL));
    CASE(!capheap_caps_walk(NULL, 0, walk_any, NULL));
    printed = 0;
    capheap_caps_print_heap_info(NULL, 0, count_print, NULL);
    capheap_caps_dump(NULL, 0, count_print, NULL);
    cases += 2;
    CHECK_EQ_U(printed, 0);
    CASE(capheap_caps_heap_at(NULL, 0) == NULL);
    CASE(capheap_caps_heap_of(NULL, static_data) == NULL);
    CASE(capheap_caps_heap_caps(NULL) == 0);
    CASE(!capheap_caps_heap_is_runtime(NULL));
    CASE(capheap_caps_heap_engine(NULL) == NULL);
    capheap_region_t reg, pattern;
    memset(&reg, 0x5A, sizeof reg);
    memset(&pattern, 0x5A, sizeof pattern);
    capheap_caps_heap_region(NULL, &reg);
    cases++;
    CHECK(memcmp(&reg, &pattern, sizeof reg) == 0); /* untouched */
    capheap_caps_heap_lock(NULL);
    capheap_caps_heap_unlock(NULL);
    capheap_caps_set_failed_alloc_callback(NULL, on_failed, NULL);
    capheap_caps_set_abort_on_failure(NULL, true, NULL, NULL);
    capheap_caps_set_hooks(NULL, NULL, NULL, NULL);
    capheap_caps_malloc_extmem_enable(NULL, 0);
    cases += 6;

    /* a live instance: NULL callbacks and outputs are refused the same way */
    capheap_caps_t *c = caps_instance();
    REQUIRE(c != NULL);
    CASE(!capheap_caps_walk(c, 0, NULL, NULL));
    printed = 0;
    capheap_caps_print_heap_info(c, 0, NULL, NULL);
    capheap_caps_dump(c, 0, NULL, NULL);
    cases += 2;
    const capheap_caps_heap_t *h = capheap_caps_heap_at(c, 0);
    REQUIRE(h != NULL);
    capheap_caps_heap_region(h, NULL);
    cases++;
    capheap_caps_heap_region(h, &reg);
    CHECK(reg.size > 0 && capheap_caps_heap_total_size(h) == reg.size);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    capheap_caps_destroy(c);

    /* the GC heap */
    capheap_gc_info_t gi;
    memset(&gi, 0xA5, sizeof gi);
    capheap_gc_get_info(NULL, &gi);
    cases++;
    CHECK(gi.total == 0 && gi.used == 0 && gi.areas == 0);
    capheap_gc_get_info(NULL, NULL);
    cases++;
    CASE(capheap_gc_used_bytes(NULL) == 0);
    CASE(capheap_gc_free_bytes(NULL) == 0);
    printed = 0;
    capheap_gc_dump_alloc_table(NULL, count_print, NULL);
    capheap_gc_dump_info(NULL, NULL, NULL);
    cases += 2;
    CHECK_EQ_U(printed, 0);
    capheap_gc_dump_info(NULL, count_print, NULL); /* a NULL heap prints zeros */
    cases++;
    CHECK(printed > 0);
    int word = 0;
    void *root[1] = { NULL };
    capheap_gc_destroy(NULL);
    cases++;
    CASE(capheap_gc_area_count(NULL) == 0);
    CASE(capheap_gc_alloc(NULL, 16, 0) == NULL);
    CASE(capheap_gc_realloc(NULL, &word, 16, true) == NULL);
    CASE(!capheap_gc_has_finaliser(NULL, &word));
    CASE(!capheap_gc_never_free(NULL, &word));
    CASE(capheap_gc_size(NULL, &word) == 0);
    CASE(capheap_gc_remove_root_range(NULL, root, root + 1) == CAPHEAP_ERR_INVALID_ARG);
    capheap_gc_enable(NULL);
    capheap_gc_disable(NULL);
    capheap_gc_set_threshold(NULL, 100);
    capheap_gc_lock(NULL);
    capheap_gc_unlock(NULL);
    capheap_gc_collect_start(NULL);
    capheap_gc_collect_root(NULL, root, 1);
    cases += 7;
    CASE(!capheap_gc_is_enabled(NULL));
    CASE(!capheap_gc_is_locked(NULL));
    CASE(capheap_gc_collect_end(NULL) == 0);
    CASE(capheap_gc_collect(NULL) == 0);
    CASE(capheap_gc_sweep_all(NULL) == 0);
    CASE(capheap_gc_get_threshold(NULL) == SIZE_MAX); /* as "disabled" */
}

#if !(defined(CAPHEAP_BARE_METAL) && CAPHEAP_BARE_METAL)
/* the host simulation and the port layer: NULL and out-of-range arguments */
static uintptr_t fixed_owner(void)
{
    return 4242;
}

static void sim_and_port(void)
{
    capheap_sim_t *sim = (capheap_sim_t *)(uintptr_t)1;
    CASE(capheap_sim_create(NULL, 0, &sim) == CAPHEAP_ERR_INVALID_ARG && sim == NULL);
    CASE(capheap_sim_create(&capheap_chip_generic, 0, NULL) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_sim_create_in(&capheap_chip_generic, mem_a, sizeof mem_a, 0, NULL) ==
         CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_sim_create_in(NULL, mem_a, sizeof mem_a, 0, &sim) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_sim_create_in(&capheap_chip_generic, NULL, sizeof mem_a, 0, &sim) ==
         CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_sim_create_in(&capheap_chip_generic, mem_a, sizeof mem_a, 0, &sim) ==
         CAPHEAP_ERR_TOO_SMALL);
    CASE(capheap_sim_bytes_needed(NULL, 0) == 0);
    capheap_chip_t broken = capheap_chip_generic;
    broken.type_count = 0;
    CASE(capheap_sim_bytes_needed(&broken, 0) == 0);
    CASE(capheap_sim_create(&broken, 0, &sim) == CAPHEAP_ERR_INVALID_ARG);
    CASE(capheap_sim_chip(NULL) == NULL);
    CASE(capheap_sim_map(NULL) == NULL);
    CASE(capheap_sim_to_host(NULL, 0x1000) == NULL);
    CASE(capheap_sim_to_chip(NULL, static_data) == 0);
    CASE(!capheap_sim_at_chip_addresses(NULL));
    CASE(!capheap_sim_alias_shared(NULL));
    capheap_sim_destroy(NULL);
    cases++;

    /* owner: a port function replaces the per-thread numbers, NULL restores them */
    uintptr_t mine = capheap_port_owner();
    CHECK(mine != 0);
    capheap_port_set_owner_fn(fixed_owner);
    CASE(capheap_port_owner() == 4242);
    capheap_port_set_owner_fn(NULL);
    CASE(capheap_port_owner() == mine);
    /* backtrace: no room, negative skip, more frames than the unwinder keeps */
    void *frames[80];
    CASE(capheap_port_backtrace(NULL, 4, 0) == 0);
    CASE(capheap_port_backtrace(frames, -1, 0) == 0);
    CASE(capheap_port_backtrace(frames, 4, -1) == 0);
    int got = capheap_port_backtrace(frames, 80, 0);
    cases++;
    CHECK(got >= 0 && got <= 64);
    CASE(capheap_port_backtrace(frames, 4, 1000) == 0); /* skips every frame */
}
#endif

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(engine_sizes);
    RUN(engine_alignment);
    RUN(engine_bad_pointers);
    RUN(engine_create);
    RUN(caps_sizes_and_caps);
    RUN(caps_bad_pointers);
    RUN(caps_regions_and_setup);
    RUN(gc_bad_input);
    RUN(chip_tables_refused);
    RUN(formatter_edges);
    RUN(null_handles);
#if !(defined(CAPHEAP_BARE_METAL) && CAPHEAP_BARE_METAL)
    RUN(sim_and_port);
#endif
#if !CAPHEAP_CHECKS
    check_log("abuse_inputs: CAPHEAP_CHECKS=0: double free and interior pointer cases of the "
              "engine and caps layer not applicable\n");
#endif
    check_log("%lu bad-input cases\n", cases);
    return check_summary("abuse_inputs");
}
