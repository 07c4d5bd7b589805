/*
 * Capability selection, table-driven, for every chip: which memory types a
 * capability set gets, in which order, as the heaps it prefers run out.
 *
 * Each row allocates fixed-size blocks with one capability set until the
 * allocator says no, and records the memory type of each block (collapsing
 * repeats). The sequence is the priority order: types at priority 0 come
 * first, run-time heaps before start-up heaps within a priority, start-up
 * heaps by ascending size, reserve heaps last. NULL sequence = refused.
 */
#include "caps_fixture.h"

#include <stdio.h>

#define MAX_BLOCKS 40000

static void *blocks[MAX_BLOCKS];

/* Exhausts caps with `bs`-byte blocks; writes "A,B,C" into out. */
static size_t exhaust(fixture_t *f, uint32_t caps, size_t bs, char *out, size_t outsz)
{
    size_t n = 0;
    const char *last = NULL;
    out[0] = 0;
    while (n < MAX_BLOCKS) {
        void *p = capheap_caps_malloc(f->caps, bs, caps);
        if (!p)
            break;
        blocks[n++] = p;
        const char *t = fx_type_of(f, p);
        if (!last || strcmp(last, t) != 0) {
            size_t l = strlen(out);
            snprintf(out + l, outsz - l, "%s%s", l ? "," : "", t);
            last = t;
        }
    }
    for (size_t i = 0; i < n; i++)
        capheap_caps_free(f->caps, blocks[i]);
    return n;
}

typedef struct {
    const char *chip;
    uint32_t caps;
    const char *want; /* NULL: refused */
} row_t;

#define C(x) CAPHEAP_CAP_##x
static const row_t rows[] = {
    /* ESP32: DRAM {8BIT|DEFAULT, INTERNAL|DMA|32BIT, -}, D/IRAM {-, DMA|8BIT|INTERNAL|DEFAULT,
     * 32BIT|EXEC}, IRAM {EXEC|32BIT|INTERNAL}, run-time RTCRAM and SPIRAM (RTCRAM newest) */
    { "esp32", C(DEFAULT) | C(INTERNAL), "DRAM,RTCRAM,D/IRAM" },
    { "esp32", C(8BIT), "DRAM,RTCRAM,D/IRAM,SPIRAM" },
    { "esp32", C(32BIT), "IRAM,DRAM,RTCRAM,SPIRAM,D/IRAM" },
    { "esp32", C(DMA), "DRAM,D/IRAM,DRAM" }, /* 6 KiB DRAM, 14 + 111 KiB D/IRAM, 180 KiB DRAM */
    { "esp32", C(EXEC), "IRAM,D/IRAM" },
    { "esp32", C(DEFAULT), "SPIRAM,DRAM,RTCRAM,D/IRAM" },
    { "esp32", C(SPIRAM), "SPIRAM" },
    { "esp32", C(RTCRAM), "RTCRAM" },
    { "esp32", C(INTERNAL), "IRAM,DRAM,D/IRAM,DRAM,RTCRAM" },
    { "esp32", C(EXEC) | C(8BIT), NULL },
    { "esp32", C(EXEC) | C(DMA), NULL },
    { "esp32", C(DMA) | C(SPIRAM), NULL },
    { "esp32", C(TCM), NULL },
    { "esp32", C(INVALID), NULL },
    /* ESP32-S3: DRAM 32K, deferred D/IRAM 54K, D/IRAM 232K; run-time SPIRAM, RTCRAM */
    { "esp32s3", C(DEFAULT) | C(INTERNAL), "DRAM,RTCRAM,D/IRAM" },
    { "esp32s3", C(DMA), "DRAM,D/IRAM" },
    { "esp32s3", C(SIMD), "DRAM,D/IRAM,SPIRAM" },
    { "esp32s3", C(EXEC), "D/IRAM" },
    { "esp32s3", C(32BIT), "DRAM,RTCRAM,SPIRAM,D/IRAM" },
    { "esp32s3", C(DEFAULT), "SPIRAM,DRAM,RTCRAM,D/IRAM" },
    { "esp32s3", C(SPIRAM), "SPIRAM" },
    /* ESP32-C3: STACK/DRAM 122K (deferred), D/IRAM 180K; run-time RTCRAM */
    { "esp32c3", C(DEFAULT) | C(INTERNAL), "STACK/DRAM,RTCRAM,D/IRAM" },
    { "esp32c3", C(DMA), "STACK/DRAM,D/IRAM" },
    { "esp32c3", C(EXEC), "D/IRAM" },
    { "esp32c3", C(32BIT), "STACK/DRAM,RTCRAM,D/IRAM" },
    { "esp32c3", C(SPIRAM), NULL },
    /* W800: SRAM 120K {8BIT|DEFAULT, INTERNAL|32BIT|EXEC}, DRAM 128K (shared: DMA), PSRAM */
    { "w800", C(DEFAULT) | C(INTERNAL), "SRAM,DRAM" },
    { "w800", C(DEFAULT), "SRAM,DRAM" },
    { "w800", C(8BIT), "SRAM,DRAM,PSRAM" },
    { "w800", C(DMA), "DRAM" },
    { "w800", C(EXEC), "SRAM" },
    { "w800", C(SPIRAM), "PSRAM" },
    { "w800", C(32BIT), "PSRAM,SRAM,DRAM" },
    /* STM32H743: DTCM 96K, SRAM_D2 288K, AXI 512K, SRAM4 64K reserve, SDRAM run-time */
    { "stm32h743", C(DEFAULT) | C(INTERNAL), "DTCM,SRAM_D2,AXISRAM,SRAM4" },
    { "stm32h743", C(DMA), "SRAM_D2,AXISRAM,SRAM4" },
    { "stm32h743", C(TCM), "DTCM" },
    { "stm32h743", C(DEFAULT), "SDRAM,DTCM,SRAM_D2,AXISRAM,SRAM4" },
    { "stm32h743", C(8BIT), "DTCM,SDRAM,SRAM_D2,AXISRAM,SRAM4" },
    { "stm32h743", C(SPIRAM), "SDRAM" },
    { "stm32h743", C(EXEC), NULL },
    /* generic */
    { "generic", C(DEFAULT) | C(INTERNAL), "RAM" },
    { "generic", C(DMA), "RAM" },
    { "generic", C(EXEC), NULL },
    { "generic", C(SPIRAM), NULL },
};

static void t_selection_table(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const row_t *r = &rows[i];
        fixture_t f;
        REQUIRE(fx_open(&f, r->chip, FX_ALL));
        char got[256];
        /* big blocks on chips with tens of MiB of external RAM */
        size_t bs = capheap_caps_get_total_size(f.caps, 0) > (16u << 20) ? 16384 : 1024;
        size_t n = exhaust(&f, r->caps, bs, got, sizeof got);
        bool ok = r->want ? strcmp(got, r->want) == 0 : n == 0;
        CHECK(ok);
        if (!ok)
            check_log("  %s caps 0x%08x: want %s, got %s (%lu blocks)\n", r->chip,
                      (unsigned)r->caps, r->want ? r->want : "(refused)", n ? got : "(refused)",
                      (unsigned long)n);
        CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
        fx_close(&f);
    }
}

/* MALLOC_CAP_DMA never returns external RAM, on any chip. */
static void t_dma_never_spiram(void)
{
    size_t nchips;
    const capheap_chip_t *const *list = capheap_chip_list(&nchips);
    for (size_t c = 0; c < nchips; c++) {
        fixture_t f;
        REQUIRE(fx_open(&f, list[c]->name, FX_ALL));
        size_t n = 0;
        void *p;
        while (n < MAX_BLOCKS && (p = capheap_caps_malloc(&*f.caps, 2048, CAPHEAP_CAP_DMA)) != NULL) {
            blocks[n++] = p;
            CHECK(!(capheap_caps_heap_caps(capheap_caps_heap_of(f.caps, p)) & CAPHEAP_CAP_SPIRAM));
            CHECK(capheap_caps_heap_caps(capheap_caps_heap_of(f.caps, p)) & CAPHEAP_CAP_DMA);
        }
        for (size_t i = 0; i < n; i++)
            capheap_caps_free(f.caps, blocks[i]);
        fx_close(&f);
    }
}

/* MALLOC_CAP_32BIT may return IRAM, which plain malloc never returns. */
static void t_32bit_gets_iram_malloc_never(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_DEFERRED));
    void *p = capheap_caps_malloc(f.caps, 100, CAPHEAP_CAP_32BIT);
    REQUIRE(p != NULL);
    CHECK(strcmp(fx_type_of(&f, p), "IRAM") == 0);
    CHECK(fx_chip(&f, p) >= 0x40080000u && fx_chip(&f, p) < 0x400A0000u);
    /* 32BIT rounds the size to whole words */
    CHECK(capheap_caps_get_allocated_size(f.caps, p) >= 100);
    capheap_caps_free(f.caps, p);
    size_t n = 0;
    while (n < MAX_BLOCKS && (p = capheap_caps_malloc_default(f.caps, 512)) != NULL) {
        blocks[n++] = p;
        CHECK(strcmp(fx_type_of(&f, p), "IRAM") != 0);
        CHECK(capheap_caps_heap_caps(capheap_caps_heap_of(f.caps, p)) & CAPHEAP_CAP_8BIT);
    }
    CHECK(n > 500); /* DRAM and D/IRAM: ~300 KiB */
    /* IRAM still has its 90 KiB: 32BIT can have it, malloc could not */
    p = capheap_caps_malloc(f.caps, 40000, CAPHEAP_CAP_32BIT);
    CHECK(p != NULL && strcmp(fx_type_of(&f, p), "IRAM") == 0);
    capheap_caps_free(f.caps, p);
    for (size_t i = 0; i < n; i++)
        capheap_caps_free(f.caps, blocks[i]);
    fx_close(&f);
}

/* W800 PSRAM is never returned for DEFAULT, whatever the malloc policy. */
static void t_w800_psram_never_default(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "w800", FX_ALL));
    capheap_caps_malloc_extmem_enable(f.caps, 0); /* malloc may use external RAM */
    size_t n = 0;
    void *p;
    while (n < MAX_BLOCKS && (p = capheap_caps_malloc_default(f.caps, 4096)) != NULL) {
        blocks[n++] = p;
        CHECK(strcmp(fx_type_of(&f, p), "PSRAM") != 0);
    }
    CHECK(capheap_caps_malloc(f.caps, 4096, CAPHEAP_CAP_DEFAULT) == NULL);
    p = capheap_caps_malloc(f.caps, 4096, CAPHEAP_CAP_SPIRAM);
    CHECK(p != NULL && strcmp(fx_type_of(&f, p), "PSRAM") == 0);
    capheap_caps_free(f.caps, p);
    for (size_t i = 0; i < n; i++)
        capheap_caps_free(f.caps, blocks[i]);
    /* the free size of DEFAULT memory never counts the PSRAM */
    CHECK(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_DEFAULT) < (1u << 20));
    CHECK(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_SPIRAM) >
          capheap_caps_get_total_size(f.caps, CAPHEAP_CAP_SPIRAM) - 65536);
    CHECK(capheap_caps_get_total_size(f.caps, CAPHEAP_CAP_SPIRAM) >= (4u << 20));
    fx_close(&f);
}

/* A reserve heap is used only after every other eligible heap failed. */
static void t_reserve_used_last(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "stm32h743", 0));
    void *p = capheap_caps_malloc(f.caps, 1000, CAPHEAP_CAP_DMA);
    REQUIRE(p);
    CHECK(strcmp(fx_type_of(&f, p), "SRAM_D2") == 0);
    capheap_caps_free(f.caps, p);
    /* a request too big for the others but fitting SRAM4 gets SRAM4 */
    size_t big = 60000;
    size_t n = 0;
    while (n < MAX_BLOCKS && (p = capheap_caps_malloc(f.caps, big, CAPHEAP_CAP_DMA)) != NULL) {
        blocks[n++] = p;
        if (strcmp(fx_type_of(&f, p), "SRAM4") == 0)
            break;
    }
    REQUIRE(n > 0);
    CHECK(strcmp(fx_type_of(&f, blocks[n - 1]), "SRAM4") == 0);
    /* by then neither SRAM_D2 nor AXI could give `big` */
    capheap_caps_free(f.caps, blocks[n - 1]);
    n--;
    CHECK(capheap_caps_get_largest_free_block(f.caps, CAPHEAP_CAP_DMA) >= big);
    for (size_t i = 0; i < n; i++)
        CHECK(strcmp(fx_type_of(&f, blocks[i]), "SRAM4") != 0);
    for (size_t i = 0; i < n; i++)
        capheap_caps_free(f.caps, blocks[i]);
    /* the selection listing puts the reserve heap last */
    size_t hc = capheap_caps_heap_count(f.caps);
    capheap_region_t r;
    capheap_caps_heap_region(capheap_caps_heap_at(f.caps, hc - 1), &r);
    CHECK(strcmp(r.name, "SRAM4") == 0 && (r.flags & CAPHEAP_MT_RESERVE));
    CHECK(capheap_caps_heap_at(f.caps, hc) == NULL);
    fx_close(&f);
}

/* malloc policy: DEFAULT|INTERNAL; with extmem, big sizes prefer SPIRAM. */
static void t_malloc_default_policy(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_ALL));
    void *p = capheap_caps_malloc_default(f.caps, 64 * 1024);
    REQUIRE(p);
    CHECK(strcmp(fx_type_of(&f, p), "DRAM") == 0);
    capheap_caps_free(f.caps, p);
    capheap_caps_malloc_extmem_enable(f.caps, 16384);
    p = capheap_caps_malloc_default(f.caps, 16384);
    CHECK(p && strcmp(fx_type_of(&f, p), "DRAM") == 0);
    capheap_caps_free(f.caps, p);
    p = capheap_caps_malloc_default(f.caps, 16385);
    CHECK(p && strcmp(fx_type_of(&f, p), "SPIRAM") == 0);
    capheap_caps_free(f.caps, p);
    /* internal full: small requests fall back to any DEFAULT memory */
    size_t n = 0;
    while (n < MAX_BLOCKS &&
           (p = capheap_caps_malloc(f.caps, 256, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL)) != NULL)
        blocks[n++] = p;
    p = capheap_caps_malloc_default(f.caps, 256);
    CHECK(p && strcmp(fx_type_of(&f, p), "SPIRAM") == 0);
    capheap_caps_free(f.caps, p);
    capheap_caps_malloc_extmem_enable(f.caps, SIZE_MAX);
    CHECK(capheap_caps_malloc_default(f.caps, 256) == NULL);
    void *z = capheap_caps_calloc_default(f.caps, 4, 64);
    CHECK(z == NULL);
    for (size_t i = 0; i < n; i++)
        capheap_caps_free(f.caps, blocks[i]);
    z = capheap_caps_calloc_default(f.caps, 4, 64);
    CHECK(z != NULL);
    z = capheap_caps_realloc_default(f.caps, z, 1000);
    CHECK(z && strcmp(fx_type_of(&f, z), "DRAM") == 0);
    capheap_caps_free(f.caps, z);
    fx_close(&f);
}

static void t_prefer(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_ALL));
    uint32_t list[] = { CAPHEAP_CAP_EXEC | CAPHEAP_CAP_8BIT, CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_DEFAULT };
    void *p = capheap_caps_malloc_prefer(f.caps, 100, list, 3);
    CHECK(p && strcmp(fx_type_of(&f, p), "SPIRAM") == 0);
    uint32_t list2[] = { CAPHEAP_CAP_DMA };
    p = capheap_caps_realloc_prefer(f.caps, p, 200, list2, 1);
    CHECK(p && strcmp(fx_type_of(&f, p), "DRAM") == 0);
    capheap_caps_free(f.caps, p);
    uint32_t list3[] = { CAPHEAP_CAP_TCM, CAPHEAP_CAP_RTCRAM };
    unsigned char *z = capheap_caps_calloc_prefer(f.caps, 10, 10, list3, 2);
    CHECK(z && strcmp(fx_type_of(&f, z), "RTCRAM") == 0);
    if (z)
        for (int i = 0; i < 100; i++)
            CHECK(z[i] == 0);
    capheap_caps_free(f.caps, z);
    CHECK(capheap_caps_malloc_prefer(f.caps, 100, list, 0) == NULL);
    CHECK(capheap_caps_malloc_prefer(f.caps, 100, list3, 1) == NULL);
    fx_close(&f);
}

/* Alignment hooks: DMA and cache-aligned requests get the chip's alignment. */
static void t_alignment_hook(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "stm32h743", 0));
    for (int i = 0; i < 50; i++) {
        void *p = capheap_caps_malloc(f.caps, (size_t)(1 + i * 7), CAPHEAP_CAP_DMA);
        CHECK(p && ((uintptr_t)p & 31u) == 0);
        blocks[i] = p;
    }
    for (int i = 0; i < 50; i++)
        capheap_caps_free(f.caps, blocks[i]);
    void *p = capheap_caps_malloc(f.caps, 10, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_CACHE_ALIGNED);
    CHECK(p && ((uintptr_t)p & 31u) == 0);
    capheap_caps_free(f.caps, p);
    p = capheap_caps_aligned_alloc(f.caps, 4096, 100, CAPHEAP_CAP_DMA);
    CHECK(p && ((uintptr_t)p & 4095u) == 0);
    capheap_caps_free(f.caps, p);
    CHECK(capheap_caps_aligned_alloc(f.caps, 48, 100, CAPHEAP_CAP_DMA) == NULL);
    CHECK(capheap_caps_aligned_alloc(f.caps, 0, 100, CAPHEAP_CAP_DMA) == NULL);
    fx_close(&f);
    REQUIRE(fx_open(&f, "esp32s3", FX_ALL));
    p = capheap_caps_malloc(f.caps, 24, CAPHEAP_CAP_SIMD);
    CHECK(p && ((uintptr_t)p & 15u) == 0);
    capheap_caps_free(f.caps, p);
    unsigned char *z = capheap_caps_aligned_calloc(f.caps, 256, 3, 100, CAPHEAP_CAP_SPIRAM);
    CHECK(z && ((uintptr_t)z & 255u) == 0);
    if (z)
        for (int i = 0; i < 300; i++)
            CHECK(z[i] == 0);
    capheap_caps_free(f.caps, z);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

int main(void)
{
    RUN(t_selection_table);
    RUN(t_dma_never_spiram);
    RUN(t_32bit_gets_iram_malloc_never);
    RUN(t_w800_psram_never_default);
    RUN(t_reserve_used_last);
    RUN(t_malloc_default_policy);
    RUN(t_prefer);
    RUN(t_alignment_hook);
    return check_summary("caps.select");
}
