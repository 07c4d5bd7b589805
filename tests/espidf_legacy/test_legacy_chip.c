/*
 * Legacy ESP-IDF 2.x API over the esp32 chip table (heap_alloc_caps_init):
 * the MALLOC_CAP_* values of that version next to the modern header's, the
 * start-up stack tag held back until enabled, tags mapped to memory types,
 * the per-caps figures counting each region once, mixing with heap_caps_*,
 * the stress rig through pvPortMallocCaps / pvPortMallocTagged /
 * vPortFreeTagged and an overflow sweep of both allocation functions.
 * Runs with CAPHEAP_CHIP=esp32.
 */
#include "esp_heap_caps.h" /* modern first: the legacy names must coexist */
#include "esp_heap_alloc_caps.h"
#include "freertos/heap_regions.h"

#include <stdint.h>
#include <string.h>

#include "capheap_espidf.h"
#include "check.h"
#include "prng.h"
#include "stress.h"

_Static_assert(MALLOC_CAP_EXEC == 1u << 0, "EXEC");
_Static_assert(MALLOC_CAP_32BIT == 1u << 1, "32BIT");
_Static_assert(MALLOC_CAP_8BIT == 1u << 2, "8BIT");
_Static_assert(MALLOC_CAP_DMA == 1u << 3, "DMA");
_Static_assert(MALLOC_CAP_PID2 == 1u << 4 && MALLOC_CAP_PID3 == 1u << 5 &&
                   MALLOC_CAP_PID4 == 1u << 6 && MALLOC_CAP_PID5 == 1u << 7 &&
                   MALLOC_CAP_PID6 == 1u << 8 && MALLOC_CAP_PID7 == 1u << 9,
               "PIDs");
_Static_assert(MALLOC_CAP_SPISRAM == 1u << 10, "SPISRAM");
_Static_assert(MALLOC_CAP_SPIRAM == MALLOC_CAP_SPISRAM, "SPIRAM");
_Static_assert(MALLOC_CAP_INTERNAL == 1u << 11, "INTERNAL");
_Static_assert(MALLOC_CAP_INVALID == 1u << 31, "INVALID");
_Static_assert(HEAPREGIONS_MAX_TAGCOUNT == 16, "tags");

static void quiet(void *ctx, const char *text)
{
    (void)ctx;
    (void)text;
}

static uintptr_t chip_addr(const void *p)
{
    return capheap_sim_to_chip(capheap_espidf_sim(), p);
}

/* The start-up stack region of the esp32 table (deferred). */
#define STACK_LO 0x3FFE0440u
#define STACK_HI 0x3FFE3F20u

static void t_before_init(void)
{
    CHECK_NULL(capheap_espidf_instance());
    CHECK_NULL(pvPortMallocCaps(16, MALLOC_CAP_8BIT));
    CHECK_NULL(pvPortMallocTagged(16, 0));
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_8BIT), 0);
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSizeCaps(0), 0);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(0), 0);
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSizeTagged(0), 0);
    vPortFreeTagged(NULL);
    heap_alloc_enable_nonos_stack_tag(); /* nothing to enable yet */
}

static void t_init_tags_and_stack(void)
{
    heap_alloc_caps_init();
    REQUIRE(capheap_espidf_instance() != NULL);
    capheap_caps_t *first = capheap_espidf_instance();
    heap_alloc_caps_init(); /* second call: no-op */
    CHECK(capheap_espidf_instance() == first);

    size_t dram = xPortGetFreeHeapSizeTagged(0);
    size_t diram = xPortGetFreeHeapSizeTagged(1);
    size_t iram = xPortGetFreeHeapSizeTagged(2);
    CHECK(dram > 180 * 1024 && dram < 190 * 1024);  /* 6 KiB + 180 KiB heaps */
    CHECK(diram > 100 * 1024 && diram < 112 * 1024); /* 111 KiB, stack held back */
    CHECK(iram > 80 * 1024 && iram < 91 * 1024);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(15), 0); /* no PSRAM heap */
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(3), 0);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(-1), 0);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(16), 0);
    /* every heap counted once, whatever the caps */
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(0), dram + diram + iram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_8BIT), dram + diram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_8BIT | MALLOC_CAP_DMA), dram + diram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_32BIT), dram + diram + iram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_EXEC), diram + iram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_PID2), 0);
    CHECK_EQ_SZ(xPortGetMinimumEverFreeHeapSizeCaps(MALLOC_CAP_8BIT), dram + diram);

    /* tags allocate from their memory type, at data addresses */
    void *d = pvPortMallocTagged(100, 0), *di = pvPortMallocTagged(100, 1),
         *i = pvPortMallocTagged(100, 2);
    REQUIRE(d && di && i);
    CHECK(chip_addr(d) >= 0x3FFAE000u && chip_addr(d) < 0x3FFE0000u);
    CHECK(chip_addr(di) >= 0x3FFE4000u && chip_addr(di) < 0x40000000u);
    CHECK(chip_addr(i) >= 0x40080000u && chip_addr(i) < 0x400A0000u);
    CHECK(esp_ptr_dma_capable(d));
    CHECK(!esp_ptr_dma_capable(i));
    CHECK(xPortGetFreeHeapSizeTagged(0) <= dram - 100);
    CHECK(xPortGetMinimumEverFreeHeapSizeTagged(0) <= dram - 100);
    CHECK_NULL(pvPortMallocTagged(0, 0));
    CHECK_NULL(pvPortMallocTagged(100, 15));
    CHECK_NULL(pvPortMallocTagged(100, 9));
    CHECK_NULL(pvPortMallocTagged(100, -1));
    CHECK_NULL(pvPortMallocTagged(100, 16));
    vPortFreeTagged(d);
    vPortFreeTagged(di);
    vPortFreeTagged(i);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(0), dram);
    CHECK(xPortGetMinimumEverFreeHeapSizeTagged(0) < dram);

    /* the start-up stack stays out of every allocation until enabled:
     * exhaust the D/IRAM tag and check no block lies in the stack */
    void *blocks[512];
    size_t n = 0;
    while (n < 512 && (blocks[n] = pvPortMallocTagged(1024, 1)) != NULL) {
        uintptr_t a = chip_addr(blocks[n]);
        CHECK(a >= STACK_HI || a + 1024 <= STACK_LO);
        n++;
    }
    CHECK(n > 90 && n < 512);
    size_t before = xPortGetFreeHeapSizeTagged(1);
    heap_alloc_enable_nonos_stack_tag();
    /* the 14 KiB stack joined (what is left of it after its records) */
    CHECK(xPortGetFreeHeapSizeTagged(1) - before > 12 * 1024);
    void *s = pvPortMallocTagged(1024, 1);
    REQUIRE(s);
    CHECK(chip_addr(s) >= 0x3FFE0440u && chip_addr(s) < 0x3FFE4000u);
    vPortFreeTagged(s);
    for (size_t k = 0; k < n; k++)
        vPortFreeTagged(blocks[k]);
    heap_alloc_enable_nonos_stack_tag(); /* again: nothing */
    CHECK(heap_caps_check_integrity_all(true));
}

static void t_caps_and_modern_mix(void)
{
    CHECK_NULL(pvPortMallocCaps(0, MALLOC_CAP_8BIT));
    CHECK_NULL(pvPortMallocCaps(16, MALLOC_CAP_EXEC | MALLOC_CAP_8BIT));
    CHECK_NULL(pvPortMallocCaps(16, MALLOC_CAP_EXEC | MALLOC_CAP_DMA));
    CHECK_NULL(pvPortMallocCaps(16, MALLOC_CAP_PID3));
    CHECK_NULL(pvPortMallocCaps(16, MALLOC_CAP_SPISRAM));
    CHECK_NULL(pvPortMallocCaps(16, MALLOC_CAP_INVALID));
    uint8_t *b = pvPortMallocCaps(40, MALLOC_CAP_8BIT | MALLOC_CAP_DMA);
    REQUIRE(b);
    CHECK(esp_ptr_dma_capable(b));
    memset(b, 1, 40);
    uint32_t *x = pvPortMallocCaps(10, MALLOC_CAP_EXEC); /* rounded up to 12 */
    REQUIRE(x);
    CHECK(esp_ptr_executable(x));
    CHECK(heap_caps_get_allocated_size(x) >= 12);
    x[0] = 0xDEADBEEF;
    x[2] = 0x12345678;
    /* the modern API shares the instance: frees cross over */
    size_t before = xPortGetFreeHeapSizeCaps(MALLOC_CAP_EXEC);
    heap_caps_free(x);
    CHECK(xPortGetFreeHeapSizeCaps(MALLOC_CAP_EXEC) > before);
    void *m = heap_caps_malloc(64, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    REQUIRE(m);
    vPortFreeTagged(m);
    vPortFreeTagged(b);
    /* a pointer the heap does not own: reported, ignored */
    static uint8_t foreign[32];
    size_t f0 = xPortGetFreeHeapSizeCaps(0);
    vPortFreeTagged(foreign);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(0), f0);
    CHECK(heap_caps_check_integrity_all(true));
}

static void t_overflow_sweep(void)
{
    static const uint32_t caps_list[] = { 0, MALLOC_CAP_8BIT, MALLOC_CAP_DMA, MALLOC_CAP_32BIT,
                                          MALLOC_CAP_EXEC, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT };
    size_t f0 = xPortGetFreeHeapSizeCaps(0);
    for (size_t k = 0; k < 2048; k++) {
        size_t sizes[3] = { SIZE_MAX - k, SIZE_MAX / 2 + k, ((size_t)1 << (sizeof(size_t) * 8 - 1)) - k };
        for (size_t s = 0; s < 3; s++) {
            for (size_t c = 0; c < sizeof caps_list / sizeof caps_list[0]; c++)
                CHECK_NULL(pvPortMallocCaps(sizes[s], caps_list[c]));
            for (int t = 0; t < 3; t++)
                CHECK_NULL(pvPortMallocTagged(sizes[s], t));
        }
    }
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(0), f0);
    CHECK(heap_caps_check_integrity_all(true));
}

typedef struct {
    prng_t rng;
} sctx_t;

static void *s_alloc(void *ctx, size_t n, size_t align)
{
    sctx_t *c = ctx;
    (void)align;
    switch (prng_range(&c->rng, 0, 6)) {
    case 0: return pvPortMallocCaps(n, MALLOC_CAP_8BIT);
    case 1: return pvPortMallocCaps(n, MALLOC_CAP_DMA);
    case 2: return pvPortMallocCaps(n, MALLOC_CAP_32BIT);
    case 3: return pvPortMallocCaps(n, MALLOC_CAP_EXEC);
    case 4: return pvPortMallocTagged(n, 0);
    case 5: return pvPortMallocTagged(n, 1);
    default: return pvPortMallocTagged(n, 2);
    }
}
static void s_free(void *ctx, void *p)
{
    (void)ctx;
    vPortFreeTagged(p);
}
static bool s_validate(void *ctx)
{
    (void)ctx;
    return heap_caps_check_integrity_all(true);
}
static size_t s_free_bytes(void *ctx)
{
    (void)ctx;
    return xPortGetFreeHeapSizeCaps(0);
}

static void t_stress(void)
{
    sctx_t c;
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x1e9);
    prng_init(&c.rng, seed ^ 7u);
    stress_ops_t ops = { 0 };
    ops.ctx = &c;
    ops.alloc = s_alloc;
    ops.free = s_free;
    ops.validate = s_validate;
    ops.free_bytes = s_free_bytes;
    stress_config_t cfg = stress_config_default();
    cfg.name = "espidf legacy";
    cfg.seed = seed;
    cfg.capacity = xPortGetFreeHeapSizeCaps(0);
    cfg.min_size = 1;
    cfg.max_size = 8192;
    cfg.dist = STRESS_DIST_LOG;
    cfg.flags = STRESS_ZERO;
    cfg.min_align = 4;
    cfg.ops = 3000;
    cfg.validate_every = 10;
    for (unsigned fill = 50; fill <= 100; fill += 50) {
        cfg.fill_percent = fill;
        cfg.stream = fill;
        CHECK(stress_run(&ops, &cfg, NULL));
    }
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    capheap_espidf_set_print(quiet, NULL);
    RUN(t_before_init);
    RUN(t_init_tags_and_stack);
    RUN(t_caps_and_modern_mix);
    RUN(t_overflow_sweep);
    RUN(t_stress);
    return check_summary("espidf_legacy.chip");
}
