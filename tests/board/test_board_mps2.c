/*
 * The caps allocator over the real RAMs of QEMU's MPS2 board, with the
 * board's chip table (chips/mps2.c) and no simulation (identity map):
 *   - the table matches the board and the linker script: the program's
 *     data and C heap lie in the table's PSRAM, its code in no region, and
 *     the mirrors really are the same memory (so they must stay out);
 *   - heaps sit at the board's addresses; DMA requests land in SRAM, SPIRAM
 *     requests only once the application adds the PSRAM it does not use;
 *   - overlapping or mirrored ranges are refused where the library can
 *     know (exact duplicate, partial overlap, addresses outside the table);
 *   - the shared stress rig over the board's heaps.
 * Runs in the Cortex-M cells only (tests/board/CMakeLists.txt).
 */
#include "capheap/caps.h"
#include "check.h"
#include "prng.h"
#include "stress.h"

#include <stdlib.h>
#include <string.h>

#if defined(CAPHEAP_TEST_MPS2_AN500)
#define BOARD (&capheap_chip_mps2_an500)
#define PSRAM_BASE 0x60000000u
#define DMA_ALIGN 32u /* Cortex-M7 cache line */
#else
#define BOARD (&capheap_chip_mps2_an385)
#define PSRAM_BASE 0x21000000u
#define DMA_ALIGN 1u
#define BRAM_BASE 0x01000000u
#define BRAM_SIZE 0x4000u
#endif
#define SRAM_BASE 0x20000000u
#define SRAM_SIZE 0x400000u
#define SRAM_MIRROR 0x20400000u
#define PSRAM_SIZE 0x1000000u
#define PSRAM_PIECE (1u << 20) /* what the tests add at run time */

static int data_in_psram = 1; /* .data: where the linker put it */

static bool in(const void *p, uintptr_t base, size_t size)
{
    uintptr_t a = (uintptr_t)p;
    return a >= base && a - base < size;
}

static capheap_caps_t *open_board(void)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = BOARD; /* map NULL: the table's addresses are the memory */
    capheap_caps_t *inst = NULL;
    capheap_err_t e = capheap_caps_create_from_chip(&cfg, &inst);
    CHECK_EQ_U(e, CAPHEAP_OK);
    return e == CAPHEAP_OK ? inst : NULL;
}

static void t_table_matches_board(void)
{
    CHECK_EQ_U(capheap_chip_validate(BOARD, NULL, NULL), CAPHEAP_OK);
    int sram = capheap_chip_region_at(BOARD, SRAM_BASE);
    int psram = capheap_chip_region_at(BOARD, PSRAM_BASE);
    REQUIRE(sram >= 0 && psram >= 0);
    CHECK_EQ_U(BOARD->regions[sram].size, SRAM_SIZE);
    CHECK_EQ_U(BOARD->regions[psram].size, PSRAM_SIZE);
    CHECK(capheap_chip_caps_at(BOARD, SRAM_BASE) & CAPHEAP_CAP_DMA);
    CHECK(capheap_chip_caps_at(BOARD, PSRAM_BASE) & CAPHEAP_CAP_SPIRAM);
    CHECK(!(capheap_chip_caps_at(BOARD, PSRAM_BASE) & CAPHEAP_CAP_DMA));
    /* the linker script agrees: data, bss and the C heap are in PSRAM */
    void *c_heap = malloc(64);
    REQUIRE(c_heap != NULL);
    CHECK_EQ_U(capheap_chip_region_at(BOARD, (uintptr_t)&data_in_psram), psram);
    CHECK_EQ_U(capheap_chip_region_at(BOARD, (uintptr_t)c_heap), psram);
    free(c_heap);
    /* code RAM and the mirrors are in no region */
    CHECK_EQ_U(capheap_chip_region_at(BOARD, (uintptr_t)&open_board), (unsigned long long)-1);
    CHECK_EQ_U(capheap_chip_region_at(BOARD, SRAM_MIRROR), (unsigned long long)-1);
    CHECK_EQ_U(capheap_chip_region_at(BOARD, SRAM_MIRROR + SRAM_SIZE - 1),
               (unsigned long long)-1);
#if defined(BRAM_BASE)
    int bram = capheap_chip_region_at(BOARD, BRAM_BASE);
    REQUIRE(bram >= 0);
    CHECK_EQ_U(BOARD->regions[bram].size, BRAM_SIZE);
    for (uintptr_t m = BRAM_BASE + BRAM_SIZE; m < BRAM_BASE + 4 * BRAM_SIZE; m += BRAM_SIZE)
        CHECK_EQ_U(capheap_chip_region_at(BOARD, m), (unsigned long long)-1);
#endif
}

/* A write at one address shows at the other: the same memory. */
static bool same_memory(uintptr_t a, uintptr_t b)
{
    volatile uint32_t *pa = (volatile uint32_t *)a;
    volatile uint32_t *pb = (volatile uint32_t *)b;
    uint32_t saved = *pa;
    *pa = 0x5AA5C33Cu;
    bool seen = *pb == 0x5AA5C33Cu;
    *pb = 0x0FF0E11Eu;
    seen = seen && *pa == 0x0FF0E11Eu;
    *pa = saved;
    return seen;
}

static void t_mirrors_are_real(void)
{
    CHECK(same_memory(SRAM_BASE + 0x1230, SRAM_MIRROR + 0x1230));
    CHECK(same_memory(SRAM_BASE + SRAM_SIZE - 4, SRAM_MIRROR + SRAM_SIZE - 4));
#if defined(BRAM_BASE)
    for (uintptr_t m = BRAM_BASE + BRAM_SIZE; m < BRAM_BASE + 4 * BRAM_SIZE; m += BRAM_SIZE)
        CHECK(same_memory(BRAM_BASE + 0x40, m + 0x40));
#endif
    /* and distinct RAMs are distinct */
    CHECK(!same_memory(SRAM_BASE + 0x40, SRAM_BASE + 0x80));
}

static void t_heaps_at_board_addresses(void)
{
    capheap_caps_t *inst = open_board();
    REQUIRE(inst != NULL);
#if defined(BRAM_BASE)
    CHECK_EQ_U(capheap_caps_heap_count(inst), 2);
#else
    CHECK_EQ_U(capheap_caps_heap_count(inst), 1);
#endif
    for (size_t i = 0; i < capheap_caps_heap_count(inst); i++) {
        capheap_region_t r;
        capheap_caps_heap_region(capheap_caps_heap_at(inst, i), &r);
        CHECK_EQ_U(capheap_chip_region_at(BOARD, r.start),
                   capheap_chip_region_at(BOARD, r.start + r.size - 1));
        CHECK(capheap_chip_region_at(BOARD, r.start) >= 0);
    }
    /* internal memory is all of SRAM (and BRAM) less the heap records */
    size_t internal = capheap_caps_get_total_size(inst, CAPHEAP_CAP_INTERNAL);
    CHECK(internal > SRAM_SIZE - 64 * 1024 && internal <= SRAM_SIZE + 0x4000u);
    CHECK_EQ_U(capheap_caps_get_total_size(inst, CAPHEAP_CAP_SPIRAM), 0);

    /* a DMA buffer: SRAM, aligned for the cache, seen through the mirror */
    uint8_t *dma = (uint8_t *)capheap_caps_malloc(inst, 1500, CAPHEAP_CAP_DMA);
    REQUIRE(dma != NULL);
    CHECK(in(dma, SRAM_BASE, SRAM_SIZE));
    CHECK_EQ_U((uintptr_t)dma % DMA_ALIGN, 0);
    memset(dma, 0xA7, 1500);
    const volatile uint8_t *alias = (const volatile uint8_t *)((uintptr_t)dma + SRAM_SIZE);
    CHECK_EQ_U(alias[0], 0xA7);
    CHECK_EQ_U(alias[1499], 0xA7);
    /* plain default memory: the smallest start-up heap first */
    void *small = capheap_caps_malloc(inst, 64, CAPHEAP_CAP_DEFAULT);
    REQUIRE(small != NULL);
#if defined(BRAM_BASE)
    CHECK(in(small, BRAM_BASE, BRAM_SIZE));
#else
    CHECK(in(small, SRAM_BASE, SRAM_SIZE));
#endif
    /* no external RAM until the application adds it */
    CHECK_NULL(capheap_caps_malloc(inst, 16, CAPHEAP_CAP_SPIRAM));
    capheap_caps_free(inst, small);
    capheap_caps_free(inst, dma);
    CHECK(capheap_caps_check_integrity_all(inst, NULL, NULL));
    capheap_caps_destroy(inst);
}

static void t_psram_added_at_run_time(void)
{
    capheap_caps_t *inst = open_board();
    REQUIRE(inst != NULL);
    /* PSRAM the program does not use: a piece of its own C heap */
    uint8_t *piece = (uint8_t *)malloc(PSRAM_PIECE);
    REQUIRE(piece != NULL);
    CHECK(in(piece, PSRAM_BASE, PSRAM_SIZE));
    CHECK_EQ_U(capheap_caps_add_region(inst, piece, piece + PSRAM_PIECE), CAPHEAP_OK);
    CHECK(capheap_caps_get_total_size(inst, CAPHEAP_CAP_SPIRAM) > PSRAM_PIECE - 4096);

    void *ext = capheap_caps_malloc(inst, 100000, CAPHEAP_CAP_SPIRAM);
    CHECK(ext != NULL && in(ext, (uintptr_t)piece, PSRAM_PIECE));
    /* DMA never comes from PSRAM, even when SRAM runs out */
    void *blocks[80];
    size_t n = 0;
    while (n < 80 && (blocks[n] = capheap_caps_malloc(inst, 64 * 1024, CAPHEAP_CAP_DMA)) != NULL) {
        CHECK(in(blocks[n], SRAM_BASE, SRAM_SIZE));
        n++;
    }
    CHECK(n >= 60 && n < 80); /* about 4 MiB of 64 KiB blocks, then NULL */
    for (size_t i = 0; i < n; i++)
        capheap_caps_free(inst, blocks[i]);

    /* overlapping ranges: the ones the library can tell */
    CHECK_EQ_U(capheap_caps_add_region(inst, piece, piece + PSRAM_PIECE), CAPHEAP_ERR_EXISTS);
    uint8_t *more = (uint8_t *)malloc(PSRAM_PIECE / 2);
    REQUIRE(more != NULL);
    CHECK_EQ_U(capheap_caps_add_region(inst, piece + PSRAM_PIECE / 2,
                                       piece + PSRAM_PIECE + 4096), CAPHEAP_ERR_OVERLAP);
    CHECK_EQ_U(capheap_caps_add_region(inst, (void *)(uintptr_t)(SRAM_BASE + 0x10000u),
                                       (void *)(uintptr_t)(SRAM_BASE + 0x20000u)),
               CAPHEAP_ERR_OVERLAP);
    /* a mirror is outside the table: add_region cannot take it */
    CHECK_EQ_U(capheap_caps_add_region(inst, (void *)(uintptr_t)(SRAM_MIRROR + 0x10000u),
                                       (void *)(uintptr_t)(SRAM_MIRROR + 0x20000u)),
               CAPHEAP_ERR_NOT_FOUND);
    /* nor code RAM */
    CHECK_EQ_U(capheap_caps_add_region(inst, (void *)(uintptr_t)0x00300000u,
                                       (void *)(uintptr_t)0x00310000u),
               CAPHEAP_ERR_NOT_FOUND);
    /* a disjoint second piece of PSRAM is fine */
    CHECK_EQ_U(capheap_caps_add_region(inst, more, more + PSRAM_PIECE / 2), CAPHEAP_OK);
    CHECK(capheap_caps_check_integrity_all(inst, NULL, NULL));
    capheap_caps_free(inst, ext);
    capheap_caps_destroy(inst);
    free(more);
    free(piece);
}

/* ---------------------------------------------------------------- stress */

typedef struct {
    capheap_caps_t *inst;
    prng_t rng;
} rig_t;

static const uint32_t rig_caps[] = {
    CAPHEAP_CAP_DEFAULT, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL, CAPHEAP_CAP_DMA,
    CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_8BIT, CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED,
};

static uint32_t pick(rig_t *r)
{
    return rig_caps[prng_range(&r->rng, 0, sizeof rig_caps / sizeof rig_caps[0] - 1)];
}

static void *rig_alloc(void *ctx, size_t size, size_t align)
{
    rig_t *r = (rig_t *)ctx;
    uint32_t caps = pick(r);
    void *p = align ? capheap_caps_aligned_alloc(r->inst, align, size, caps)
                    : capheap_caps_malloc(r->inst, size, caps);
    if (p && (caps & CAPHEAP_CAP_DMA))
        CHECK(in(p, SRAM_BASE, SRAM_SIZE));
    if (p && (caps & CAPHEAP_CAP_SPIRAM))
        CHECK(in(p, PSRAM_BASE, PSRAM_SIZE));
    return p;
}

static void rig_free(void *ctx, void *p)
{
    capheap_caps_free(((rig_t *)ctx)->inst, p);
}

static void *rig_realloc(void *ctx, void *p, size_t size)
{
    rig_t *r = (rig_t *)ctx;
    return capheap_caps_realloc(r->inst, p, size, pick(r));
}

static size_t rig_usable(void *ctx, const void *p)
{
    return capheap_caps_get_allocated_size(((rig_t *)ctx)->inst, (void *)(uintptr_t)p);
}

static bool rig_validate(void *ctx)
{
    return capheap_caps_check_integrity_all(((rig_t *)ctx)->inst, NULL, NULL);
}

static size_t rig_free_bytes(void *ctx)
{
    return capheap_caps_get_free_size(((rig_t *)ctx)->inst, 0);
}

static void t_stress_board_heaps(void)
{
    static rig_t r;
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x8B0A2D);
    uint8_t *piece = (uint8_t *)malloc(PSRAM_PIECE);
    REQUIRE(piece != NULL);
    for (unsigned fill = 50; fill <= 100; fill += 50) {
        r.inst = open_board();
        REQUIRE(r.inst != NULL);
        CHECK_EQ_U(capheap_caps_add_region(r.inst, piece, piece + PSRAM_PIECE), CAPHEAP_OK);
        prng_init(&r.rng, seed ^ fill);
        stress_ops_t ops = { &r, rig_alloc, rig_free, rig_realloc, rig_usable, rig_validate,
                             rig_free_bytes, NULL };
        stress_config_t cfg = stress_config_default();
        cfg.name = fill == 50 ? "mps2 board 50%" : "mps2 board 100%";
        cfg.seed = seed;
        cfg.stream = fill;
        cfg.capacity = capheap_caps_get_free_size(r.inst, 0);
        cfg.fill_percent = fill;
        cfg.ops = 3000;
        cfg.min_size = 1;
        cfg.max_size = 16384;
        cfg.dist = STRESS_DIST_LOG;
        cfg.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_ZERO;
        cfg.min_align = 4;
        cfg.max_align = 256;
        cfg.validate_every = 64; /* a full walk of 5 MiB of heaps each time */
        stress_result_t res;
        CHECK(stress_run(&ops, &cfg, &res));
        if (fill == 100)
            CHECK(res.failed_allocs > 0); /* the rig really filled the heaps */
        capheap_caps_destroy(r.inst);
    }
    free(piece);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_table_matches_board);
    RUN(t_mirrors_are_real);
    RUN(t_heaps_at_board_addresses);
    RUN(t_psram_added_at_run_time);
    RUN(t_stress_board_heaps);
    return check_summary("board.mps2");
}
