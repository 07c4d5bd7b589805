/*
 * The caps layer alone, single-threaded: capheap_caps_malloc(n,
 * CAPHEAP_CAP_8BIT) / capheap_caps_free on an instance built from the esp32
 * chip table (host simulation, deferred regions enabled) with the no-op
 * lock port, as on single-threaded bare metal. Isolates what the caps
 * layer adds to the engine (issue 3's figure) from the host's pthread lock
 * that bench_caps (the ESP-IDF API on the default instance) pays.
 * Built with -DBENCH_CAPS_ENGINE (bench_caps_engine): the same instance,
 * but malloc/free go straight to the engine of the first heap in selection
 * order, the one that serves every request of the light load (W1 at 4 KiB):
 * the engine alone doing exactly the engine work of those requests, so the
 * difference is the caps layer's own.
 * Linked against libcapheap.a built by CMake (Release) in build/cmake.
 */
#include "alloc.h"

#include "capheap/caps.h"
#include "capheap/sim.h"

#include <stdio.h>

static capheap_caps_t *inst;
static capheap_sim_t *sim;

static void *n_init(size_t region)
{
    (void)region;
    if (inst)
        return inst;
    if (capheap_sim_create(&capheap_chip_esp32, 0, &sim) != CAPHEAP_OK)
        return NULL;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = &capheap_chip_esp32;
    cfg.map = capheap_sim_map(sim);
    cfg.lock_ops = &capheap_port_lock_none;
    if (capheap_caps_create_from_chip(&cfg, &inst) != CAPHEAP_OK ||
        capheap_caps_enable_deferred(inst) != CAPHEAP_OK)
        return NULL;
    return inst;
}

#if defined(BENCH_CAPS_ENGINE)
#define NAME "caps_engine"
#define WHAT "the engine of the first heap in selection order, directly"
static capheap_heap_t *first_engine;
static void *e_init(size_t region)
{
    if (!n_init(region))
        return NULL;
    first_engine = capheap_caps_heap_engine(capheap_caps_heap_at(inst, 0));
    return first_engine;
}
static void *n_malloc(void *ctx, size_t n) { return capheap_heap_malloc(ctx, n); }
static void n_free(void *ctx, void *p) { capheap_heap_free(ctx, p); }
static void *n_realloc(void *ctx, void *p, size_t n) { return capheap_heap_realloc(ctx, p, n); }
static size_t n_usable(void *ctx, void *p) { return capheap_heap_usable_size(ctx, p); }
static size_t n_free_bytes(void *ctx) { return capheap_heap_free_size(ctx); }
#else
#define NAME "caps_nolock"
#define WHAT "capheap_caps_malloc(n, CAPHEAP_CAP_8BIT)/capheap_caps_free"
static void *n_malloc(void *ctx, size_t n) { return capheap_caps_malloc(ctx, n, CAPHEAP_CAP_8BIT); }
static void n_free(void *ctx, void *p) { capheap_caps_free(ctx, p); }
static void *n_realloc(void *ctx, void *p, size_t n) { return capheap_caps_realloc(ctx, p, n, CAPHEAP_CAP_8BIT); }
static size_t n_usable(void *ctx, void *p) { return capheap_caps_get_allocated_size(ctx, p); }
static size_t n_free_bytes(void *ctx) { return capheap_caps_get_free_size(ctx, CAPHEAP_CAP_8BIT); }
#endif

static void *cal_malloc(void *ctx, size_t n) { return bench_ret_p_ps(ctx, n); }
static void cal_free(void *ctx, void *p) { bench_ret_v_pp(ctx, p); }
static void *cal_realloc(void *ctx, void *p, size_t n) { return bench_ret_p_pps(ctx, p, n); }

static const char *n_describe(void)
{
    static char text[200];
    n_init(0);
    snprintf(text, sizeof text, "%s, chip esp32, no-op lock port, %zu B of 8BIT heap, "
             "libcapheap.a (CMake Release, -O2)", WHAT,
             inst ? capheap_caps_get_total_size(inst, CAPHEAP_CAP_8BIT) : (size_t)0);
    return text;
}

const bench_alloc_t bench_alloc = {
    .name = NAME,
    .bounded = false,
#if defined(BENCH_CAPS_ENGINE)
    .init = e_init,
#else
    .init = n_init,
#endif
    .calls = { n_malloc, n_free, n_realloc },
    .calib = { cal_malloc, cal_free, cal_realloc },
    .usable = n_usable,
    .free_bytes = n_free_bytes,
    .describe = n_describe,
};
