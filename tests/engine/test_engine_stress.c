/*
 * Model-based random stress of one engine heap with the shared rig
 * (tests/support/stress.h): region sizes from the minimum to 64 MiB, 50 %
 * and 100 % fill, malloc/free/realloc/aligned/zero-size requests, the
 * whole usable size of every block stamped and verified, blocks checked
 * for overlap and bounds, capheap_heap_check after every operation, free
 * bytes accounted and largest_free held exact at every allocation.
 *
 * Replay a failure with CAPHEAP_SEED=<seed> and the test name as argument,
 * e.g. `CAPHEAP_SEED=0x1234 test_engine_stress 1M`. Longer or shorter
 * runs: CAPHEAP_STRESS_SCALE=<percent of the ops> (1000 = ten times).
 */
#include "engine_test.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() RUNNING_ON_VALGRIND
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() 0
#endif

static uint64_t seed;
static unsigned long scale_pct = 100;   /* ops in percent of the table's */

typedef struct {
    const char *name;
    size_t region;            /* 0: the minimum region size */
    unsigned long ops;        /* per fill level */
    size_t min_size, max_size;
    stress_dist_t dist;
    size_t max_align;
    unsigned validate_every;
} scenario_t;

static void run_scenario(const scenario_t *sc, uint32_t stream)
{
    size_t region = sc->region ? sc->region : capheap_heap_min_region_size();
    static const unsigned fills[] = { 50, 100 };
    for (int fi = 0; fi < 2; fi++) {
        /* a start offset that changes with the stream: any alignment works */
        size_t off = (stream * 8u + (unsigned)fi * 4u) % 64u;
        unsigned char *buf = region + 64 >= (4u << 20) ? region_new_or_skip(region + 64, sc->name)
                                                       : region_new(region + 64);
        if (!buf && region + 64 >= (4u << 20))
            return;
        REQUIRE(buf);
        capheap_heap_t *h = capheap_heap_create(buf + off, region);
        if (!h && off % ALIGN_) {   /* the minimum region needs an aligned start */
            off -= off % ALIGN_;
            h = capheap_heap_create(buf + off, region);
        }
        REQUIRE(h);
        hook_rec_t rec = { 0, 0, NULL };
        capheap_heap_set_error_hook(h, hook_record, &rec);

        char name[64];
        snprintf(name, sizeof name, "%s fill %u%%", sc->name, fills[fi]);
        stress_ops_t ops = rig_ops(h);
        stress_config_t c = stress_config_default();
        c.name = name;
        c.seed = seed;
        c.stream = stream * 2u + (uint32_t)fi;
        c.ops = sc->ops * scale_pct / 100 ? sc->ops * scale_pct / 100 : 1;
        c.capacity = capheap_heap_capacity(h);
        c.fill_percent = fills[fi];
        c.min_size = sc->min_size;
        c.max_size = sc->max_size ? sc->max_size : c.capacity;
        c.dist = sc->dist;
        c.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_ZERO | STRESS_STAMP_USABLE;
        c.min_align = ALIGN_;
        c.max_align = sc->max_align;
        c.lo = buf + off;
        c.hi = buf + off + region;
        c.validate_every = sc->validate_every ? sc->validate_every : 1;
        c.full_verify_every = 1000;
        stress_result_t res;
        bool ok = stress_run(&ops, &c, &res);
        CHECK(ok);
        CHECK(res.ops_done == c.ops || !ok);
        CHECK(res.allocs > 0 && res.frees > 0);
        if (fills[fi] == 100 && ok && scale_pct >= 100)
            CHECK(res.failed_allocs > 0);   /* the heap really was full at times */
        if (rec.count) {
            check_log("  %s: %d error reports (last: %s at %p)\n", name, rec.count,
                      capheap_error_reason_str(rec.reason), rec.where);
            CHECK_EQ_U(rec.count, 0);
        }
        if (ok) {
            /* drained: everything is back */
            CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
            CHECK_EQ_SZ(capheap_heap_largest_free(h), capheap_heap_capacity(h));
            capheap_heap_info_t info;
            capheap_heap_get_info(h, &info);
            CHECK_EQ_SZ(info.free_blocks, 1);
            CHECK_EQ_SZ(info.allocated_blocks, 0);
            CHECK(info.minimum_free_bytes < info.total_free_bytes || region < 1024);
        }
        region_delete(buf);
        if (!ok)
            return;
    }
}

#define MiB ((size_t)1 << 20)
#define KiB ((size_t)1 << 10)

static const scenario_t scenarios[] = {
    /* name        region     ops    sizes            dist              align  validate */
    { "min",       0,         3000,  0, 0,            STRESS_DIST_UNIFORM, 64,  1 },
    { "min+64",    0,         3000,  0, 0,            STRESS_DIST_UNIFORM, 64,  1 },
    { "1K",        1 * KiB,   6000,  0, 0,            STRESS_DIST_LOG,   128,   1 },
    { "4K",        4 * KiB,   8000,  0, 512,          STRESS_DIST_LOG,   256,   1 },
    { "4K-pow2",   4 * KiB,   6000,  1, 2 * KiB,      STRESS_DIST_POW2,  256,   1 },
    { "64K",       64 * KiB,  8000,  0, 4 * KiB,      STRESS_DIST_LOG,   4096,  1 },
    { "64K-small", 64 * KiB,  6000,  1, 64,           STRESS_DIST_UNIFORM, 64,  1 },
    { "1M",        1 * MiB,   5000,  0, 64 * KiB,     STRESS_DIST_LOG,   65536, 1 },
    { "16M",       16 * MiB,  2500,  16, 1 * MiB,     STRESS_DIST_LOG,   65536, 1 },
    { "64M",       64 * MiB,  1500,  64, 8 * MiB,     STRESS_DIST_LOG,   1 * MiB, 1 },
};

/* Region sizes and start offsets drawn at random (layout edges: index
 * rows appearing, odd sizes, misaligned starts), a short run each. */
static void t_random_regions(void)
{
    prng_t rng;
    prng_init(&rng, seed ^ 0x4E610);
    size_t m = capheap_heap_min_region_size();
    for (uint32_t k = 0; k < 24 && !check_failures_in_test; k++) {
        size_t region = k < 12 ? m + prng_range(&rng, 0, 4096) : m + prng_range(&rng, 0, 300 * 1024);
        size_t off = prng_range(&rng, 0, 63);
        unsigned char *buf = region_new(region + 64);
        REQUIRE(buf);
        capheap_heap_t *h = capheap_heap_create(buf + off, region);
        if (!h) {   /* only the very smallest may need an aligned start */
            if (region >= m + ALIGN_)
                check_log("  create(start+%zu, %zu) failed (minimum %zu)\n", off, region, m);
            CHECK(region < m + ALIGN_);
            region_delete(buf);
            continue;
        }
        char name[64];
        snprintf(name, sizeof name, "random region %zu+%zu", region, off);
        stress_ops_t ops = rig_ops(h);
        stress_config_t c = stress_config_default();
        c.name = name;
        c.seed = seed;
        c.stream = 1000 + k;
        c.ops = 1500 * scale_pct / 100 ? 1500 * scale_pct / 100 : 1;
        c.capacity = capheap_heap_capacity(h);
        c.fill_percent = k % 2 ? 100 : 50;
        c.min_size = 0;
        c.max_size = c.capacity / 4 ? c.capacity / 4 : 1;
        c.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_ZERO | STRESS_STAMP_USABLE | STRESS_QUIET;
        c.min_align = ALIGN_;
        c.max_align = 512;
        c.lo = buf + off;
        c.hi = buf + off + region;
        CHECK(stress_run(&ops, &c, NULL));
        region_delete(buf);
    }
}

static const scenario_t *current;
static uint32_t current_stream;

static void t_scenario(void) { run_scenario(current, current_stream); }

int main(int argc, char **argv)
{
    check_select(argc, argv);
    seed = test_seed("engine.stress");
    /* CAPHEAP_STRESS_SCALE: ops in percent (default 100; 1000 = ten times
     * longer). Under valgrind and on bare-metal targets the default drops
     * to 10 so the group keeps within its time limit. */
    const char *sc_env = getenv("CAPHEAP_STRESS_SCALE");
    if (UNDER_VALGRIND())
        scale_pct = 10;
#if defined(CAPHEAP_BARE_METAL) && CAPHEAP_BARE_METAL
    scale_pct = 10;   /* emulated targets, where no environment reaches the test */
#endif
    if (sc_env && *sc_env && strtoul(sc_env, NULL, 0))
        scale_pct = strtoul(sc_env, NULL, 0);
    if (scale_pct != 100)
        check_log("engine.stress: ops scaled to %lu%%\n", scale_pct);
    for (uint32_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
        scenario_t s = scenarios[i];
        if (i == 1)   /* "min+64": a few bytes above the minimum */
            s.region = capheap_heap_min_region_size() + 64;
        current = &s;
        current_stream = i;
        check_run(s.name, t_scenario);
    }
    RUN(t_random_regions);
    return check_summary("engine.stress");
}
