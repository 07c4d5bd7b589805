/*
 * Regression tests for review findings of the caps layer:
 *   2  largest free block by caps is an n for which malloc(n, caps) succeeds
 *      (EXEC's hidden word on word-reversed D/IRAM, EXEC/32BIT rounding, the
 *      alignment a chip hook raises), on fresh and fragmented instances;
 *   4  a D/IRAM range nested inside an allocated D/IRAM block is accepted
 *      (its alias lies inside the parent's alias view of that block);
 *   6  capheap never holds two locks at once (a critical-section port with
 *      one global saved interrupt state).
 */
#include "../caps/caps_fixture.h"
#include "prng.h"
#include "capheap/debug.h"

#include <stdio.h>

static const uint32_t k_caps[] = {
    CAPHEAP_CAP_8BIT,
    CAPHEAP_CAP_32BIT,
    CAPHEAP_CAP_EXEC,
    CAPHEAP_CAP_DMA,
    CAPHEAP_CAP_DMA | CAPHEAP_CAP_INTERNAL,
    CAPHEAP_CAP_SPIRAM,
    CAPHEAP_CAP_DEFAULT,
};
#define N_CAPS (sizeof k_caps / sizeof k_caps[0])

/* malloc(largest(caps), caps) succeeds for every caps of the list. */
static void check_largest_all(fixture_t *f, const char *chip, const char *when)
{
    for (size_t k = 0; k < N_CAPS; k++) {
        size_t n = capheap_caps_get_largest_free_block(f->caps, k_caps[k]);
        if (n == 0)
            continue;
        void *p = capheap_caps_malloc(f->caps, n, k_caps[k]);
        if (!p) {
            check_log("  %s (%s): largest(0x%x) = %zu but malloc of it failed\n", chip, when,
                      (unsigned)k_caps[k], n);
            CHECK_FAILED("malloc(largest(caps), caps) failed");
            continue;
        }
        CHECK(capheap_caps_get_allocated_size(f->caps, p) >= n);
        capheap_caps_free(f->caps, p);
    }
}

static void t_largest_succeeds_every_chip(void)
{
    size_t count;
    const capheap_chip_t *const *list = capheap_chip_list(&count);
    for (size_t ci = 0; ci < count; ci++) {
        const char *name = list[ci]->name;
        fixture_t f;
        if (!fx_open(&f, name, FX_ALL)) {
            check_log("  %s: cannot open the fixture\n", name);
            CHECK_FAILED("fx_open");
            fx_close(&f);
            continue;
        }
        check_largest_all(&f, name, "fresh");

        /* fragment: many blocks of every caps, then free a random half */
        enum { MAXB = 400 };
        void *blk[MAXB];
        size_t nb = 0;
        prng_t r;
        prng_init(&r, prng_seed_from_env("CAPHEAP_SEED", 0x5eed0000u + ci));
        for (int round = 0; round < 3; round++) {
            while (nb < MAXB) {
                uint32_t caps = k_caps[prng_range(&r, 0, (uint32_t)N_CAPS - 1)];
                size_t size = prng_range(&r, 1, 6000);
                void *p = capheap_caps_malloc(f.caps, size, caps);
                if (p)
                    blk[nb++] = p;
                else if (prng_range(&r, 0, 7) == 0)
                    break;
            }
            for (size_t i = 0; i < nb;) {
                if (prng_range(&r, 0, 1)) {
                    capheap_caps_free(f.caps, blk[i]);
                    blk[i] = blk[--nb];
                } else {
                    i++;
                }
            }
            check_largest_all(&f, name, "fragmented");
        }
        CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
        for (size_t i = 0; i < nb; i++)
            capheap_caps_free(f.caps, blk[i]);
        fx_close(&f);
    }
}

/* The reviewer's repro: EXEC on the ESP32 (word-reversed D/IRAM) is exact:
 * largest succeeds and one word more fails. */
static void t_largest_exec_esp32_exact(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_ALL));
    size_t n = capheap_caps_get_largest_free_block(f.caps, CAPHEAP_CAP_EXEC);
    REQUIRE(n > 0);
    CHECK_EQ_U(n % 4, 0);
    void *p = capheap_caps_malloc(f.caps, n, CAPHEAP_CAP_EXEC);
    CHECK_NOT_NULL(p);
    capheap_caps_free(f.caps, p);
    p = capheap_caps_malloc(f.caps, n + 1, CAPHEAP_CAP_EXEC);
    CHECK_NULL(p);
    capheap_caps_free(f.caps, p);
    /* refused combinations have no largest block */
    CHECK_EQ_U(capheap_caps_get_largest_free_block(f.caps, CAPHEAP_CAP_EXEC | CAPHEAP_CAP_8BIT), 0);
    fx_close(&f);
}

/* ------------------------------------------------------------ nesting */

/* A block of at least `size` bytes from a D/IRAM heap (data bus pointer,
 * in this build's block format: capheap/debug.h), or NULL when the chip has
 * none large enough. */
static void *diram_block(fixture_t *f, size_t size)
{
    for (size_t i = 0; i < capheap_caps_heap_count(f->caps); i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(f->caps, i);
        capheap_region_t r;
        capheap_caps_heap_region(h, &r);
        if (!(r.flags & CAPHEAP_MT_DIRAM) || r.alias_kind == CAPHEAP_ALIAS_NONE)
            continue;
        capheap_caps_heap_lock(h);
        void *p = capheap_debug_heap_malloc(capheap_caps_heap_engine(h), size);
        capheap_caps_heap_unlock(h);
        if (p)
            return p;
    }
    return NULL;
}

static void nested_diram_on(const char *chip)
{
    fixture_t f;
    REQUIRE(fx_open(&f, chip, FX_ALL));
    unsigned char *blk = (unsigned char *)diram_block(&f, 32768);
    if (!blk) {
        check_log("  %s: no D/IRAM block, skipped\n", chip);
        fx_close(&f);
        return;
    }
    size_t before = capheap_caps_heap_count(f.caps);
    CHECK_EQ_U(capheap_caps_add_region(f.caps, blk + 64, blk + 30000), CAPHEAP_OK);
    REQUIRE(capheap_caps_heap_count(f.caps) == before + 1);
    const capheap_caps_heap_t *nh = capheap_caps_heap_of(f.caps, blk + 100);
    REQUIRE(nh != NULL);
    CHECK(capheap_caps_heap_is_runtime(nh));
    capheap_region_t nr;
    capheap_caps_heap_region(nh, &nr);
    CHECK(nr.flags & CAPHEAP_MT_DIRAM);
    CHECK(nr.alias != 0);
    /* the new heap's alias belongs to it, the parent keeps the rest */
    CHECK(capheap_caps_heap_of(f.caps, (void *)(nr.alias + 8)) == nh);

    /* the nested heap serves executable requests at its alias: take EXEC
     * blocks until one comes from it (other heaps may come first) */
    enum { MAXX = 1000 };
    static void *xs[MAXX];
    size_t nx = 0;
    bool from_nested = false;
    while (nx < MAXX) {
        void *x = capheap_caps_malloc(f.caps, 1000, CAPHEAP_CAP_EXEC);
        if (!x)
            break;
        xs[nx++] = x;
        if (capheap_caps_heap_of(f.caps, x) == nh) {
            from_nested = true;
            CHECK(capheap_caps_get_allocated_size(f.caps, x) >= 1000);
            break;
        }
    }
    CHECK(from_nested);
    while (nx)
        capheap_caps_free(f.caps, xs[--nx]);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));

    /* still refused: a range that leaves the block, and the same range again */
    CHECK_EQ_U(capheap_caps_add_region(f.caps, blk + 64, blk + 30000), CAPHEAP_ERR_EXISTS);
    CHECK(capheap_caps_add_region(f.caps, blk + 30000, blk + 40000) != CAPHEAP_OK);
    /* a second nested range in the rest of the same block */
    CHECK_EQ_U(capheap_caps_add_region(f.caps, blk + 30016, blk + 32768 - 64), CAPHEAP_OK);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

static void t_nested_diram_block(void)
{
    nested_diram_on("esp32s3");
    nested_diram_on("esp32c3");
    nested_diram_on("esp32");
}

/* ---------------------------------------------------------- one lock */

/* A critical-section port with a single global saved state: entering while
 * already inside would overwrite it (counted as a violation). */
static int g_depth, g_violations;

static void cs_enter(void *arg, capheap_lock_t *lock)
{
    (void)arg;
    (void)lock;
    if (g_depth != 0)
        g_violations++;
    g_depth++;
}

static void cs_exit(void *arg, capheap_lock_t *lock)
{
    (void)arg;
    (void)lock;
    g_depth--;
}

static void t_one_lock_at_a_time(void)
{
    static const capheap_critical_port_t cs = { cs_enter, cs_exit, NULL };
    static capheap_lock_ops_t ops;
    capheap_port_lock_critical(&ops, &cs);
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.lock_ops = &ops;
    g_depth = g_violations = 0;

    const char *chips[] = { "esp32", "esp32s3", "esp32c3", "stm32h743" };
    for (size_t ci = 0; ci < sizeof chips / sizeof chips[0]; ci++) {
        fixture_t f;
        REQUIRE(fx_open_cfg(&f, chips[ci], FX_ALL, &cfg));
        /* nesting: the walk of the outer heap */
        void *big = capheap_caps_malloc(f.caps, 20000, CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL);
        REQUIRE(big != NULL);
        static const uint32_t masks[CAPHEAP_PRIORITIES] = { CAPHEAP_CAP_8BIT, 0, 0 };
        CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, masks, (char *)big + 64,
                                                     (char *)big + 16000),
                   CAPHEAP_OK);
        /* monitor windows */
        CHECK_EQ_U(capheap_caps_monitor_local_minimum_free_size_start(f.caps), CAPHEAP_OK);
        void *p = capheap_caps_malloc(f.caps, 3000, CAPHEAP_CAP_8BIT);
        capheap_caps_free(f.caps, p);
        CHECK_EQ_U(capheap_caps_monitor_local_minimum_free_size_stop(f.caps), CAPHEAP_OK);
        CHECK(capheap_caps_get_minimum_free_size(f.caps, CAPHEAP_CAP_8BIT) <=
              capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_8BIT));
        (void)capheap_caps_get_largest_free_block(f.caps, CAPHEAP_CAP_DMA);
        CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
        CHECK_EQ_U(g_depth, 0);
        fx_close(&f);
    }
    CHECK_EQ_U(g_violations, 0);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_largest_succeeds_every_chip);
    RUN(t_largest_exec_esp32_exact);
    RUN(t_nested_diram_block);
    RUN(t_one_lock_at_a_time);
    return check_summary("caps_review");
}
