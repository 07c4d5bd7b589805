/*
 * The shared stress rig (tests/support/stress.h) through the caps API, over
 * every heap of every chip (start-up, deferred and run-time regions), at
 * 50 % and 100 % fill: each operation picks a capability set at random from
 * the ones the chip can serve (EXEC included: blocks at the D/IRAM alias),
 * realloc moves blocks between capability sets, and every heap's integrity
 * is checked after every operation. Seed: CAPHEAP_SEED (printed).
 */
#include "caps_fixture.h"

#include <stdio.h>
#include "prng.h"
#include "capheap/debug.h"
#include "stress.h"

typedef struct {
    fixture_t f;
    prng_t rng;
    uint32_t caps[16];
    size_t ncaps;
} rig_t;

static uint32_t pick(rig_t *r)
{
    return r->caps[prng_range(&r->rng, 0, (uint32_t)r->ncaps - 1)];
}

static void *rig_alloc(void *ctx, size_t size, size_t align)
{
    rig_t *r = (rig_t *)ctx;
    uint32_t caps = pick(r);
    return align ? capheap_caps_aligned_alloc(r->f.caps, align, size, caps)
                 : capheap_caps_malloc(r->f.caps, size, caps);
}

static void rig_free(void *ctx, void *p)
{
    capheap_caps_free(((rig_t *)ctx)->f.caps, p);
}

static void *rig_realloc(void *ctx, void *p, size_t size)
{
    rig_t *r = (rig_t *)ctx;
    return capheap_caps_realloc(r->f.caps, p, size, pick(r));
}

static size_t rig_usable(void *ctx, const void *p)
{
    return capheap_caps_get_allocated_size(((rig_t *)ctx)->f.caps, (void *)(uintptr_t)p);
}

static void print_stdout(void *ctx, const char *t)
{
    (void)ctx;
    check_log("%s", t);
}

static bool rig_validate(void *ctx)
{
    return capheap_caps_check_integrity_all(((rig_t *)ctx)->f.caps, print_stdout, NULL);
}

static size_t rig_free_bytes(void *ctx)
{
    return capheap_caps_get_free_size(((rig_t *)ctx)->f.caps, 0);
}

static const uint32_t candidates[] = {
    CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL, CAPHEAP_CAP_8BIT, CAPHEAP_CAP_32BIT,
    CAPHEAP_CAP_DMA, CAPHEAP_CAP_EXEC, CAPHEAP_CAP_DEFAULT, CAPHEAP_CAP_SPIRAM,
    CAPHEAP_CAP_INTERNAL, CAPHEAP_CAP_SIMD, CAPHEAP_CAP_TCM, CAPHEAP_CAP_RTCRAM,
    CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED,
};

static uint64_t seed;

static void run_chip(const char *chip)
{
    static rig_t r;
    for (unsigned fill = 50; fill <= 100; fill += 50) {
        REQUIRE(fx_open(&r.f, chip, FX_ALL));
        prng_init(&r.rng, seed ^ fill);
        r.ncaps = 0;
        for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
            void *p = capheap_caps_malloc(r.f.caps, 1, candidates[i]);
            if (p) {
                r.caps[r.ncaps++] = candidates[i];
                capheap_caps_free(r.f.caps, p);
            }
        }
        REQUIRE(r.ncaps > 0);
        stress_ops_t ops = { &r, rig_alloc, rig_free, rig_realloc, rig_usable, rig_validate,
                             rig_free_bytes, NULL };
        stress_config_t cfg = stress_config_default();
        char name[64];
        snprintf(name, sizeof name, "caps %s %u%%", chip, fill);
        cfg.name = name;
        cfg.seed = seed;
        cfg.stream = fill;
        cfg.capacity = capheap_caps_get_free_size(r.f.caps, 0);
        cfg.fill_percent = fill;
        cfg.ops = 8000;
        cfg.min_size = 1;
        size_t max = cfg.capacity / 128;
        cfg.max_size = max < 4096 ? 4096 : max > 262144 ? 262144 : max;
        cfg.dist = STRESS_DIST_LOG;
        cfg.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_ZERO | STRESS_STAMP_USABLE;
        cfg.min_align = 4;
        cfg.max_align = 256;
        /* With comprehensive poisoning an integrity check reads every free
         * byte (capheap/debug.h): validate about once per 256 KiB of
         * capacity's worth of operations (every op on small chips), so the
         * emulated cells stay within their time. */
        if (capheap_poisoning_level() >= 2 && cfg.capacity > ((size_t)1 << 18))
            cfg.validate_every = (unsigned)(cfg.capacity >> 18);
        stress_result_t res;
        CHECK(stress_run(&ops, &cfg, &res));
        fx_close(&r.f);
    }
}

static void t_esp32(void) { run_chip("esp32"); }
static void t_esp32s3(void) { run_chip("esp32s3"); }
static void t_esp32c3(void) { run_chip("esp32c3"); }
static void t_w800(void) { run_chip("w800"); }
static void t_stm32h743(void) { run_chip("stm32h743"); }
static void t_generic(void) { run_chip("generic"); }

int main(void)
{
    seed = prng_seed_from_env("CAPHEAP_SEED", 0xCA95);
    RUN(t_esp32);
    RUN(t_esp32s3);
    RUN(t_esp32c3);
    RUN(t_w800);
    RUN(t_stm32h743);
    RUN(t_generic);
    return check_summary("caps.stress");
}
