/*
 * FreeRTOS heap_5 API (capheap_freertos.h) without the kernel's headers:
 * every declared function, heap_5's documented results (size 0, NULL, no
 * heap yet, calloc overflow, statistics fields, minimum reset, state reset),
 * the malloc-failed hook set at run time, use of an existing caps instance,
 * the stress rig through pvPortMalloc/vPortFree and an overflow sweep of
 * pvPortMalloc and pvPortCalloc.
 */
#include <stdint.h>
#include <string.h>

#include "capheap_freertos.h"
#include "check.h"
#include "prng.h"
#include "stress.h"

/* Two regions, as a heap_5 port would declare them (any alignment). */
static _Alignas(16) uint8_t s_mem_a[48 * 1024];
static _Alignas(16) uint8_t s_mem_b[20 * 1024];

static unsigned s_hook_calls;
static void count_hook(void)
{
    s_hook_calls++;
}

static unsigned s_errors;
static capheap_error_reason_t s_last_reason;
static void count_errors(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    (void)where;
    s_errors++;
    s_last_reason = reason;
}

static void define_two(void)
{
    const HeapRegion_t regions[] = {
        { s_mem_a + 3, sizeof s_mem_a - 3 }, /* unaligned start: fine */
        { s_mem_b, sizeof s_mem_b },
        { NULL, 0 },
    };
    vPortDefineHeapRegions(regions);
}

static bool in_regions(const void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p;
    return (a >= (uintptr_t)s_mem_a && a + n <= (uintptr_t)s_mem_a + sizeof s_mem_a) ||
           (a >= (uintptr_t)s_mem_b && a + n <= (uintptr_t)s_mem_b + sizeof s_mem_b);
}

static void t_before_any_region(void)
{
    vPortHeapResetState();
    capheap_freertos_set_malloc_failed_hook(count_hook);
    s_hook_calls = 0;
    CHECK_NULL(capheap_freertos_instance());
    CHECK_NULL(pvPortMalloc(16));
    CHECK_EQ_U(s_hook_calls, 1);
    CHECK_NULL(pvPortCalloc(2, 8));
    CHECK_EQ_U(s_hook_calls, 2);
    vPortFree(NULL);
    vPortFree(s_mem_a); /* no heap: ignored */
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), 0);
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSize(), 0);
    xPortResetHeapMinimumEverFreeHeapSize();
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSize(), 0);
    HeapStats_t st;
    memset(&st, 0xA5, sizeof st);
    vPortGetHeapStats(&st);
    CHECK_EQ_SZ(st.xAvailableHeapSpaceInBytes, 0);
    CHECK_EQ_SZ(st.xSizeOfLargestFreeBlockInBytes, 0);
    CHECK_EQ_SZ(st.xSizeOfSmallestFreeBlockInBytes, 0);
    CHECK_EQ_SZ(st.xNumberOfFreeBlocks, 0);
    CHECK_EQ_SZ(st.xMinimumEverFreeBytesRemaining, 0);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulAllocations, 0);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulFrees, 0);
    vPortGetHeapStats(NULL);
    /* an empty region list defines nothing */
    const HeapRegion_t none[] = { { NULL, 0 } };
    vPortDefineHeapRegions(none);
    CHECK_NULL(capheap_freertos_instance());
    vPortDefineHeapRegions(NULL);
    CHECK_NULL(capheap_freertos_instance());
    capheap_freertos_set_malloc_failed_hook(NULL);
}

static void t_malloc_free_basics(void)
{
    vPortHeapResetState();
    define_two();
    REQUIRE(capheap_freertos_instance() != NULL);
    capheap_freertos_set_malloc_failed_hook(count_hook);
    s_hook_calls = 0;
    size_t free0 = xPortGetFreeHeapSize();
    CHECK(free0 > 40 * 1024);
    CHECK(free0 < sizeof s_mem_a + sizeof s_mem_b);
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSize(), free0);

    /* heap_5: size 0 gives NULL and calls the hook */
    CHECK_NULL(pvPortMalloc(0));
    CHECK_EQ_U(s_hook_calls, 1);
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), free0);

    uint8_t *p = pvPortMalloc(100);
    REQUIRE(p);
    CHECK(in_regions(p, 100));
    CHECK_EQ_U((uintptr_t)p % CAPHEAP_ALIGNMENT, 0);
    memset(p, 0x5A, 100);
    CHECK(xPortGetFreeHeapSize() <= free0 - 100);
    size_t low = xPortGetFreeHeapSize();
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSize(), low);
    vPortFree(p);
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), free0);
    /* the minimum remembers the low point */
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSize(), low);
    xPortResetHeapMinimumEverFreeHeapSize();
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSize(), free0);

    vPortFree(NULL);
    /* a pointer the heap does not own: reported, ignored, nothing changes */
    static uint8_t foreign[64];
    vPortFree(foreign + 8); /* no error hook: silently */
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), free0);
    capheap_freertos_set_error_hook(count_errors, NULL);
    vPortFree(foreign + 8);
    CHECK_EQ_U(s_errors, 1);
    CHECK(s_last_reason == CAPHEAP_E_NOT_OWNED);
    uint8_t *twice = pvPortMalloc(40);
    REQUIRE(twice);
    vPortFree(twice);
#if CAPHEAP_CHECKS
    vPortFree(twice); /* double free: reported by the engine */
    CHECK_EQ_U(s_errors, 2);
    CHECK(s_last_reason == CAPHEAP_E_DOUBLE_FREE);
#else
    check_log("  CAPHEAP_CHECKS=0: double free not applicable\n");
    CHECK_EQ_U(s_errors, 1);
#endif
    capheap_freertos_set_error_hook(NULL, NULL);
    HeapStats_t st;
    vPortGetHeapStats(&st); /* neither bad free was counted */
    CHECK_EQ_SZ(st.xNumberOfSuccessfulFrees, st.xNumberOfSuccessfulAllocations);
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), free0);

    /* too large: NULL and the hook */
    CHECK_NULL(pvPortMalloc(sizeof s_mem_a + sizeof s_mem_b));
    CHECK_EQ_U(s_hook_calls, 2);

    /* calloc zeroes; overflow gives NULL without the hook; zero product
     * is pvPortMalloc(0) */
    uint8_t *z = pvPortMalloc(256);
    REQUIRE(z);
    memset(z, 0xFF, 256);
    vPortFree(z);
    uint32_t *c = pvPortCalloc(64, sizeof(uint32_t));
    REQUIRE(c);
    for (size_t i = 0; i < 64; i++)
        CHECK_EQ_U(c[i], 0);
    vPortFree(c);
    CHECK_NULL(pvPortCalloc(SIZE_MAX / 2 + 1, 2));
    CHECK_EQ_U(s_hook_calls, 2);
    CHECK_NULL(pvPortCalloc(0, 16));
    CHECK_EQ_U(s_hook_calls, 3);
    CHECK_NULL(pvPortCalloc(16, 0));
    CHECK_EQ_U(s_hook_calls, 4);

    /* both regions serve: fill with 1 KiB blocks */
    void *blocks[80];
    size_t n = 0;
    bool in_a = false, in_b = false;
    while (n < 80 && (blocks[n] = pvPortMalloc(1024)) != NULL) {
        uintptr_t a = (uintptr_t)blocks[n];
        in_a |= a >= (uintptr_t)s_mem_a && a < (uintptr_t)s_mem_a + sizeof s_mem_a;
        in_b |= a >= (uintptr_t)s_mem_b && a < (uintptr_t)s_mem_b + sizeof s_mem_b;
        n++;
    }
    CHECK(n > 55 && n < 80);
    CHECK(in_a && in_b);
    CHECK_EQ_U(s_hook_calls, 5);
    for (size_t i = 0; i < n; i++)
        vPortFree(blocks[i]);
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), free0);
    CHECK(capheap_caps_check_integrity_all(capheap_freertos_instance(), NULL, NULL));
    capheap_freertos_set_malloc_failed_hook(NULL);
}

static void t_heap_stats(void)
{
    vPortHeapResetState();
    define_two();
    HeapStats_t st;
    vPortGetHeapStats(&st);
    size_t free0 = xPortGetFreeHeapSize();
    CHECK_EQ_SZ(st.xAvailableHeapSpaceInBytes, free0);
    CHECK_EQ_SZ(st.xNumberOfFreeBlocks, 2); /* one per region */
    CHECK(st.xSizeOfLargestFreeBlockInBytes > 40 * 1024);
    CHECK(st.xSizeOfSmallestFreeBlockInBytes > 16 * 1024);
    CHECK(st.xSizeOfSmallestFreeBlockInBytes < 20 * 1024);
    CHECK_EQ_SZ(st.xMinimumEverFreeBytesRemaining, free0);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulAllocations, 0);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulFrees, 0);
    /* the largest figure is exact: that size succeeds, one more fails */
    void *big = pvPortMalloc(st.xSizeOfLargestFreeBlockInBytes);
    CHECK(big != NULL);
    vPortFree(big);
    CHECK_NULL(pvPortMalloc(st.xSizeOfLargestFreeBlockInBytes + 1));

    void *a = pvPortMalloc(64), *b = pvPortMalloc(64), *c = pvPortMalloc(64);
    REQUIRE(a && b && c);
    vPortFree(b); /* a hole of one block between a and c */
    vPortGetHeapStats(&st);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulAllocations, 4);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulFrees, 2);
    CHECK_EQ_SZ(st.xNumberOfFreeBlocks, 3);
    CHECK(st.xSizeOfSmallestFreeBlockInBytes >= 64 && st.xSizeOfSmallestFreeBlockInBytes < 128);
    CHECK_EQ_SZ(st.xAvailableHeapSpaceInBytes, xPortGetFreeHeapSize());
    CHECK(st.xMinimumEverFreeBytesRemaining <= st.xAvailableHeapSpaceInBytes - 64);
    CHECK_EQ_SZ(st.xMinimumEverFreeBytesRemaining, xPortGetMinimumEverFreeHeapSize());
    vPortFree(a);
    vPortFree(c);
    vPortGetHeapStats(&st);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulFrees, 4);
    CHECK_EQ_SZ(st.xAvailableHeapSpaceInBytes, free0);
    CHECK_EQ_SZ(st.xNumberOfFreeBlocks, 2);
}

static void t_reset_and_redefine(void)
{
    vPortHeapResetState();
    define_two();
    capheap_caps_t *first = capheap_freertos_instance();
    REQUIRE(first);
    void *p = pvPortMalloc(500);
    REQUIRE(p);
    /* a second definition is ignored while a heap exists */
    static _Alignas(16) uint8_t other[8192];
    const HeapRegion_t r2[] = { { other, sizeof other }, { NULL, 0 } };
    vPortDefineHeapRegions(r2);
    CHECK(capheap_freertos_instance() == first);
    vPortHeapResetState();
    CHECK_NULL(capheap_freertos_instance());
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), 0);
    vPortDefineHeapRegions(r2);
    REQUIRE(capheap_freertos_instance() != NULL);
    void *q = pvPortMalloc(100);
    REQUIRE(q);
    CHECK((uintptr_t)q >= (uintptr_t)other && (uintptr_t)q < (uintptr_t)other + sizeof other);
    HeapStats_t st;
    vPortGetHeapStats(&st);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulAllocations, 1);
    vPortFree(q);
    vPortHeapResetState();
}

/* Existing instance with several kinds of memory: pvPortMalloc gets DEFAULT
 * memory, the instance serves capabilities, frees cross over. */
static void t_use_instance_and_caps(void)
{
    vPortHeapResetState();
    static _Alignas(16) uint8_t dram[16384], iram[16384];
    capheap_region_t regs[2];
    memset(regs, 0, sizeof regs);
    regs[0].start = regs[0].chip_start = (uintptr_t)dram;
    regs[0].size = sizeof dram;
    regs[0].caps[0] = CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_8BIT;
    regs[0].type = -1;
    regs[1].start = regs[1].chip_start = (uintptr_t)iram;
    regs[1].size = sizeof iram;
    regs[1].caps[0] = CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_INTERNAL;
    regs[1].type = -1;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    capheap_caps_t *inst = NULL;
    REQUIRE(capheap_caps_create(&cfg, regs, 2, &inst) == CAPHEAP_OK);
    CHECK(capheap_freertos_use_instance(NULL) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_freertos_use_instance(inst) == CAPHEAP_OK);
    CHECK(capheap_freertos_use_instance(inst) == CAPHEAP_ERR_STATE);
    CHECK(capheap_freertos_instance() == inst);
    /* the statistics cover the DEFAULT heap only */
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), capheap_caps_get_free_size(inst, CAPHEAP_CAP_DEFAULT));
    CHECK(xPortGetFreeHeapSize() < capheap_caps_get_free_size(inst, 0));
    uint8_t *d = pvPortMalloc(200);
    REQUIRE(d);
    CHECK((uintptr_t)d >= (uintptr_t)dram && (uintptr_t)d < (uintptr_t)dram + sizeof dram);
    uint8_t *x = capheap_caps_malloc(capheap_freertos_instance(), 200, CAPHEAP_CAP_EXEC);
    REQUIRE(x);
    CHECK((uintptr_t)x >= (uintptr_t)iram && (uintptr_t)x < (uintptr_t)iram + sizeof iram);
    size_t exec_free = capheap_caps_get_free_size(inst, CAPHEAP_CAP_EXEC);
    vPortFree(x); /* a caps block freed through heap_5 */
    CHECK(capheap_caps_get_free_size(inst, CAPHEAP_CAP_EXEC) > exec_free);
    capheap_caps_free(inst, d);
    HeapStats_t st;
    vPortGetHeapStats(&st);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulAllocations, 1);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulFrees, 1);
    CHECK_EQ_SZ(st.xNumberOfFreeBlocks, 1);
    /* reset releases, never destroys, the caller's instance */
    vPortHeapResetState();
    CHECK_NULL(capheap_freertos_instance());
    void *still = capheap_caps_malloc(inst, 64, CAPHEAP_CAP_DEFAULT);
    CHECK(still != NULL);
    capheap_caps_free(inst, still);
    capheap_caps_destroy(inst);
}

/* Every allocation entry point with sizes near SIZE_MAX: NULL, heap intact. */
static void t_overflow_sweep(void)
{
    vPortHeapResetState();
    define_two();
    size_t free0 = xPortGetFreeHeapSize();
    static const size_t fixed[] = { SIZE_MAX, SIZE_MAX - 1, SIZE_MAX - 7, SIZE_MAX - 8,
                                    SIZE_MAX - 64, SIZE_MAX / 2, SIZE_MAX / 2 + 1,
                                    SIZE_MAX / 4 + 1, (size_t)1 << (sizeof(size_t) * 8 - 1) };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        CHECK_NULL(pvPortMalloc(fixed[i]));
        CHECK_NULL(pvPortCalloc(1, fixed[i]));
        CHECK_NULL(pvPortCalloc(fixed[i], 1));
        CHECK_NULL(pvPortCalloc(fixed[i], 2));
        CHECK_NULL(pvPortCalloc(2, fixed[i]));
        CHECK_NULL(pvPortCalloc(fixed[i], fixed[i]));
    }
    for (size_t k = 0; k < 4096; k++) {
        CHECK_NULL(pvPortMalloc(SIZE_MAX - k));
        CHECK_NULL(pvPortCalloc(1, SIZE_MAX - k));
    }
    /* products that wrap to small values must not succeed */
    CHECK_NULL(pvPortCalloc(SIZE_MAX / 16 + 1, 16)); /* wraps to 0 */
    CHECK_NULL(pvPortCalloc(SIZE_MAX / 8 + 2, 8));   /* wraps to 8 */
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), free0);
    CHECK(capheap_caps_check_integrity_all(capheap_freertos_instance(), NULL, NULL));
    vPortHeapResetState();
}

static void *st_alloc(void *ctx, size_t n, size_t align)
{
    (void)ctx;
    (void)align;
    return pvPortMalloc(n);
}
static void st_free(void *ctx, void *p)
{
    (void)ctx;
    vPortFree(p);
}
static bool st_validate(void *ctx)
{
    (void)ctx;
    return capheap_caps_check_integrity_all(capheap_freertos_instance(), NULL, NULL);
}
static size_t st_free_bytes(void *ctx)
{
    (void)ctx;
    return xPortGetFreeHeapSize();
}
static size_t st_largest(void *ctx)
{
    (void)ctx;
    return capheap_caps_get_largest_free_block(capheap_freertos_instance(), CAPHEAP_CAP_DEFAULT);
}
static size_t st_usable(void *ctx, const void *p)
{
    (void)ctx;
    return capheap_caps_get_allocated_size(capheap_freertos_instance(), (void *)p);
}

static void t_stress(void)
{
    vPortHeapResetState();
    define_two();
    stress_ops_t ops = { 0 };
    ops.alloc = st_alloc;
    ops.free = st_free;
    ops.validate = st_validate;
    ops.free_bytes = st_free_bytes;
    ops.largest_free = st_largest;
    ops.usable_size = st_usable;
    stress_config_t cfg = stress_config_default();
    cfg.name = "freertos heap_5";
    cfg.seed = prng_seed_from_env("CAPHEAP_SEED", 0x5f5);
    cfg.capacity = sizeof s_mem_a + sizeof s_mem_b;
    cfg.min_size = 1;
    cfg.max_size = 2048;
    cfg.dist = STRESS_DIST_LOG;
    cfg.min_align = CAPHEAP_ALIGNMENT;
    cfg.flags = STRESS_ZERO | STRESS_STAMP_USABLE;
    cfg.ops = 4000;
    for (unsigned fill = 50; fill <= 100; fill += 50) {
        cfg.fill_percent = fill;
        cfg.stream = fill;
        stress_result_t res;
        CHECK(stress_run(&ops, &cfg, &res));
        if (fill == 100)
            CHECK(res.failed_allocs > 0);
    }
    HeapStats_t st;
    vPortGetHeapStats(&st);
    CHECK(st.xNumberOfSuccessfulAllocations > 1000);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulAllocations, st.xNumberOfSuccessfulFrees);
    CHECK(st.xMinimumEverFreeBytesRemaining < st.xAvailableHeapSpaceInBytes / 4);
    vPortHeapResetState();
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_before_any_region);
    RUN(t_malloc_free_basics);
    RUN(t_heap_stats);
    RUN(t_reset_and_redefine);
    RUN(t_use_instance_and_caps);
    RUN(t_overflow_sweep);
    RUN(t_stress);
    return check_summary("freertos.api");
}
