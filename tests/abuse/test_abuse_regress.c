/*
 * Regression tests for what the fuzz harnesses (fuzz/) found, one test per
 * finding, each failing on the code before its fix.
 */
#include "capheap/caps.h"
#include "check.h"

#include <string.h>

static _Alignas(64) unsigned char mem[32768];

static capheap_caps_t *instance(const capheap_chip_t *chip, uint32_t caps0)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = chip;
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = (uintptr_t)mem;
    r.size = sizeof mem;
    r.caps[0] = caps0;
    r.type = -1;
    capheap_caps_t *c = NULL;
    return capheap_caps_create(&cfg, &r, 1, &c) == CAPHEAP_OK ? c : NULL;
}

/*
 * fuzz_caps: the statistics by caps matched CACHE_ALIGNED against the heaps'
 * caps, so get_largest_free_block(DMA|CACHE_ALIGNED) was 0 (and the free
 * and total sizes too) while malloc with those caps succeeded: CACHE_ALIGNED
 * only raises the alignment and matches no heap (caps.h).
 */
static void stats_cache_aligned(void)
{
    const uint32_t dma = CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DMA | CAPHEAP_CAP_DEFAULT;
    capheap_caps_t *c = instance(&capheap_chip_esp32, dma);
    REQUIRE(c != NULL);
    const uint32_t ca = CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED;
    size_t l = capheap_caps_get_largest_free_block(c, ca);
    CHECK(l > 0);
    CHECK_EQ_SZ(capheap_caps_get_free_size(c, ca), capheap_caps_get_free_size(c, CAPHEAP_CAP_DMA));
    CHECK_EQ_SZ(capheap_caps_get_total_size(c, ca), sizeof mem);
    void *p = capheap_caps_malloc(c, l, ca);
    CHECK_NOT_NULL(p);
    CHECK(((uintptr_t)p & 31u) == 0); /* the esp32 hook: 32 for cache-aligned */
    capheap_caps_free(c, p);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    capheap_caps_destroy(c);
}

/*
 * fuzz_caps: add_region nested in an allocated block that is too small for
 * a heap wrote the heap record into the block before it found out and
 * returned CAPHEAP_ERR_TOO_SMALL: the caller's data in the block was lost.
 */
static void nested_too_small_keeps_block(void)
{
    capheap_caps_t *c = instance(NULL, CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT);
    REQUIRE(c != NULL);
    size_t n = capheap_heap_min_region_size(); /* < record + index + minimum heap */
    unsigned char *b = (unsigned char *)capheap_caps_malloc(c, n, CAPHEAP_CAP_8BIT);
    REQUIRE(b != NULL);
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(0x80u | (i * 7u));
    const uint32_t masks[3] = { CAPHEAP_CAP_8BIT, 0, 0 };
    CHECK_EQ_U(capheap_caps_add_region_with_caps(c, masks, b, b + n), CAPHEAP_ERR_TOO_SMALL);
    CHECK_EQ_SZ(capheap_caps_heap_count(c), 1);
    size_t bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += b[i] != (unsigned char)(0x80u | (i * 7u));
    CHECK_EQ_SZ(bad, 0);
    capheap_caps_free(c, b);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    capheap_caps_destroy(c);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(stats_cache_aligned);
    RUN(nested_too_small_keeps_block);
    return check_summary("abuse_regress");
}
