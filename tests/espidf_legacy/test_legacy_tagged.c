/*
 * Legacy ESP-IDF 2.x tagged regions (vPortDefineHeapRegionsTagged) over
 * caller memory: tags give capabilities, disabled regions (tag -1) are never
 * used, tag 1 (the start-up stack tag) is held back until
 * heap_alloc_enable_nonos_stack_tag(), EXEC from a tag-1 region with an
 * exec alias is returned in the word-reversed instruction view and freed
 * from there, esp_ptr_dma_capable answers from the heaps' capabilities.
 * Needs no host simulation.
 */
#include "freertos/heap_regions.h" /* legacy first, modern after */
#include "esp_heap_alloc_caps.h"
#include "esp_heap_caps.h"

#include <stdint.h>
#include <string.h>

#include "capheap_espidf.h"
#include "check.h"

static _Alignas(16) uint8_t s_dram[32768];
static _Alignas(16) uint8_t s_diram[16384];
static _Alignas(16) uint8_t s_diram_iview[16384]; /* its instruction view */
static _Alignas(16) uint8_t s_iram[12288];
static _Alignas(16) uint8_t s_off[8192];          /* tag -1: disabled */

static void quiet(void *ctx, const char *text)
{
    (void)ctx;
    (void)text;
}

static bool inside(const void *p, const uint8_t *buf, size_t n)
{
    return (const uint8_t *)p >= buf && (const uint8_t *)p < buf + n;
}

static void t_define_and_tags(void)
{
    CHECK_NULL(pvPortMallocTagged(8, 0));
    vPortDefineHeapRegionsTagged(NULL);
    CHECK_NULL(capheap_espidf_instance());
    const HeapRegionTagged_t regions[] = {
        { s_dram, sizeof s_dram, 0, 0 },
        { s_off, sizeof s_off, -1, 0 },
        { s_diram, sizeof s_diram, 1, (uintptr_t)s_diram_iview },
        { s_iram, sizeof s_iram, 2, 0 },
        { NULL, 0, 0, 0 },
    };
    vPortDefineHeapRegionsTagged(regions);
    capheap_caps_t *c = capheap_espidf_instance();
    REQUIRE(c != NULL);
    vPortDefineHeapRegionsTagged(regions); /* again: ignored */
    heap_alloc_caps_init();                /* instance exists: no-op */
    CHECK(capheap_espidf_instance() == c);

    size_t dram = xPortGetFreeHeapSizeTagged(0), iram = xPortGetFreeHeapSizeTagged(2);
    CHECK(dram > 24 * 1024 && dram < sizeof s_dram);
    /* the engine's control block takes about 2 KiB of a region on 64-bit */
    CHECK(iram > 9 * 1024 && iram < sizeof s_iram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(1), 0); /* held back */
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(0), dram + iram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_8BIT), dram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_32BIT), dram + iram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_EXEC), iram);

    CHECK_NULL(pvPortMallocTagged(64, 1));
    void *d = pvPortMallocCaps(64, MALLOC_CAP_DMA);
    void *i = pvPortMallocCaps(64, MALLOC_CAP_EXEC);
    REQUIRE(d && i);
    CHECK(inside(d, s_dram, sizeof s_dram));
    CHECK(inside(i, s_iram, sizeof s_iram));
    CHECK(esp_ptr_dma_capable(d));
    CHECK(!esp_ptr_dma_capable(i));
    CHECK(!esp_ptr_dma_capable(s_off));
    CHECK(!esp_ptr_dma_capable(NULL));
    vPortFreeTagged(d);
    vPortFreeTagged(i);

    /* the disabled region is never handed out, even when all else is full */
    void *blocks[64];
    size_t n = 0;
    while (n < 64 && (blocks[n] = pvPortMallocCaps(1024, MALLOC_CAP_32BIT)) != NULL) {
        CHECK(!inside(blocks[n], s_off, sizeof s_off));
        CHECK(!inside(blocks[n], s_diram, sizeof s_diram));
        n++;
    }
    CHECK(n > 30 && n < 64);
    for (size_t k = 0; k < n; k++)
        vPortFreeTagged(blocks[k]);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(0), dram + iram);
}

static void t_stack_tag_and_exec_alias(void)
{
    heap_alloc_enable_nonos_stack_tag();
    size_t diram = xPortGetFreeHeapSizeTagged(1);
    CHECK(diram > 12 * 1024 && diram < sizeof s_diram);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(MALLOC_CAP_8BIT),
                xPortGetFreeHeapSizeTagged(0) + diram);
    void *t = pvPortMallocTagged(256, 1);
    REQUIRE(t);
    CHECK(inside(t, s_diram, sizeof s_diram));
    CHECK(esp_ptr_dma_capable(t));
    vPortFreeTagged(t);

    /* EXEC larger than the IRAM heap: served by D/IRAM at its instruction
     * view, freed from there */
    size_t want = 13 * 1024;
    CHECK(want > xPortGetFreeHeapSizeTagged(2));
    uint8_t *x = pvPortMallocCaps(want, MALLOC_CAP_EXEC);
    REQUIRE(x);
    CHECK(inside(x, s_diram_iview, sizeof s_diram_iview));
    CHECK(xPortGetFreeHeapSizeTagged(1) <= diram - want);
    memset(x, 0x3C, want);
    vPortFreeTagged(x);
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(1), diram);
    CHECK(heap_caps_check_integrity_all(true));
    heap_alloc_enable_nonos_stack_tag(); /* second call: nothing */
    CHECK_EQ_SZ(xPortGetFreeHeapSizeTagged(1), diram);
}

static void t_overflow_sweep_tagged(void)
{
    size_t f0 = xPortGetFreeHeapSizeCaps(0);
    for (size_t k = 0; k < 1024; k++) {
        for (int t = 0; t < 3; t++) {
            CHECK_NULL(pvPortMallocTagged(SIZE_MAX - k, t));
            CHECK_NULL(pvPortMallocCaps(SIZE_MAX - k, MALLOC_CAP_EXEC));
            CHECK_NULL(pvPortMallocCaps(SIZE_MAX / 2 + k, MALLOC_CAP_8BIT));
        }
    }
    CHECK_EQ_SZ(xPortGetFreeHeapSizeCaps(0), f0);
    CHECK(heap_caps_check_integrity_all(true));
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    capheap_espidf_set_print(quiet, NULL);
    RUN(t_define_and_tags);
    RUN(t_stack_tag_and_exec_alias);
    RUN(t_overflow_sweep_tagged);
    return check_summary("espidf_legacy.tagged");
}
