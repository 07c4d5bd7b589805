/*
 * Fault injection (issue 9): with CAPHEAP_FAULT_INJECTION the N-th internal
 * operation that can fail is made to fail (src/util/fault.h). Each test
 * runs one scenario for N = 1, 2, ... until the scenario passes every site
 * without reaching N, and checks at each N that the failing call returns
 * the documented error, that what existed before stays sound (integrity
 * check, allocation still works) and that nothing leaks (every lock created
 * is destroyed; no host mapping stays behind).
 */
#include "capheap/caps.h"
#include "capheap/gc.h"
#if CAPHEAP_HEAP_TRACING
#include "capheap/trace.h"
#endif
#include "capheap/sim.h"
#include "check.h"
#include "fault.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------ locks that are counted */

typedef struct {
    long live;     /* created and not destroyed */
    long held;     /* acquired and not released */
    long misuse;   /* acquire of a lock never created, release not held, ... */
} lock_count_t;

static lock_count_t locks;

static bool cl_init(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    memset(l, 0, sizeof *l);
    l->u.words[0] = (void *)&locks; /* marks it created */
    locks.live++;
    return true;
}

static void cl_acquire(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    if (l->u.words[0] != (void *)&locks || l->u.words[1])
        locks.misuse++;
    l->u.words[1] = (void *)1;
    locks.held++;
}

static void cl_release(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    if (l->u.words[0] != (void *)&locks || !l->u.words[1])
        locks.misuse++;
    l->u.words[1] = NULL;
    locks.held--;
}

static void cl_destroy(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    if (l->u.words[0] != (void *)&locks || l->u.words[1])
        locks.misuse++;
    l->u.words[0] = NULL;
    locks.live--;
}

static const capheap_lock_ops_t counted_locks = { cl_init, cl_acquire, cl_release, cl_destroy,
                                                  NULL, 0 };

/* --------------------------------------------------------- helpers */

/* REQUIRE inside a bool function */
#define REQUIRE_RET(e)                                                         \
    do {                                                                       \
        if (!(e)) {                                                            \
            check_fail(__FILE__, __LINE__, #e);                                \
            return false;                                                      \
        }                                                                      \
    } while (0)

/* The instance still serves and returns memory and is sound. */
static void check_usable(capheap_caps_t *c, uint32_t caps)
{
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    void *p = capheap_caps_malloc(c, 40, caps);
    CHECK_NOT_NULL(p);
    if (p)
        memset(p, 0x5A, 40);
    capheap_caps_free(c, p);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    CHECK_EQ_U(locks.held, 0);
    CHECK_EQ_U(locks.misuse, 0);
}

static const uint32_t dram_caps[3] = {
    CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL, 0, 0
};

static void region_of(capheap_region_t *r, void *mem, size_t size, uint32_t extra)
{
    memset(r, 0, sizeof *r);
    r->start = (uintptr_t)mem;
    r->size = size;
    r->chip_start = r->start;
    r->caps[0] = dram_caps[0] | extra;
    r->type = -1;
}

/* Runs scenario(n) for n = 1, 2, ... until it reports that it passed every
 * site without the armed one firing; returns the number of sites. */
static unsigned long loop_faults(bool (*scenario)(unsigned long n), unsigned long limit)
{
    unsigned long n;
    for (n = 1; n <= limit; n++) {
        capheap_fault_arm(n);
        bool fired = scenario(n);
        capheap_fault_arm(0);
        if (!fired)
            break;
    }
    CHECK(n <= limit);
    return n - 1;
}

/* ----------------------------------------------- caps over own regions */

static unsigned char mem_a[16384], mem_b[8192], mem_c[4096], mem_d[4096];

/* create over three regions, add two at run time, allocate. Returns whether
 * the armed fault fired. */
static bool scenario_caps(unsigned long n)
{
    (void)n;
    memset(&locks, 0, sizeof locks);
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.lock_ops = &counted_locks;
    capheap_region_t r[3];
    region_of(&r[0], mem_a, sizeof mem_a, 0);
    region_of(&r[1], mem_b, sizeof mem_b, CAPHEAP_CAP_DMA);
    region_of(&r[2], mem_c, sizeof mem_c, 0);

    capheap_caps_t *c = (capheap_caps_t *)&locks; /* must be cleared on failure */
    capheap_err_t e = capheap_caps_create(&cfg, r, 3, &c);
    if (e != CAPHEAP_OK) {
        CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
        CHECK_NULL(c);
        CHECK_EQ_U(locks.live, 0); /* every lock made before the failure is gone */
        CHECK(capheap_fault_failed_site() != NULL);
        return true;
    }
    CHECK_EQ_U(capheap_caps_heap_count(c), 3);
    CHECK_EQ_U(locks.live, 4); /* admin + 3 heaps */
    void *keep = capheap_caps_malloc(c, 100, CAPHEAP_CAP_DMA);
    CHECK_NOT_NULL(keep);
    if (keep)
        memset(keep, 0x11, 100);

    /* a run-time region: a failure leaves the instance as it was */
    e = capheap_caps_add_region_with_caps(c, dram_caps, mem_d, mem_d + sizeof mem_d);
    if (e != CAPHEAP_OK) {
        CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
        CHECK_EQ_U(capheap_caps_heap_count(c), 3);
        CHECK_EQ_U(locks.live, 4);
        check_usable(c, CAPHEAP_CAP_DMA);
        /* and the same region can be added once the fault is gone */
        CHECK_EQ_U(capheap_caps_add_region_with_caps(c, dram_caps, mem_d, mem_d + sizeof mem_d),
                   CAPHEAP_OK);
    }
    CHECK_EQ_U(capheap_caps_heap_count(c), 4);

    /* a region nested in an allocated block */
    void *outer = capheap_caps_malloc(c, 2048, CAPHEAP_CAP_DEFAULT);
    CHECK_NOT_NULL(outer);
    long before = locks.live;
    e = capheap_caps_add_region_with_caps(c, dram_caps, outer, (char *)outer + 2048);
    bool fired = capheap_fault_failed_site() != NULL;
    if (e != CAPHEAP_OK) {
        CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
        CHECK_EQ_U(locks.live, before);
        check_usable(c, CAPHEAP_CAP_DEFAULT);
        /* the block was not turned into a heap: it can be freed */
        capheap_caps_free(c, outer);
    } else {
        CHECK_EQ_U(locks.live, before + 1);
    }
    check_usable(c, CAPHEAP_CAP_DEFAULT);
    if (keep) {
        const unsigned char *k = (const unsigned char *)keep;
        for (int i = 0; i < 100; i++)
            if (k[i] != 0x11) {
                CHECK_FAILED("a live block changed during a failed registration");
                break;
            }
    }
    capheap_caps_free(c, keep);
    capheap_caps_destroy(c);
    CHECK_EQ_U(locks.live, 0);
    CHECK_EQ_U(locks.misuse, 0);
    return fired || capheap_fault_failed_site() != NULL;
}

static void fault_caps_regions(void)
{
    unsigned long sites = loop_faults(scenario_caps, 64);
    check_log("caps over own regions: %lu fault sites\n", sites);
    CHECK(sites >= 6); /* admin + 3 heaps + run-time + nested */
}

/* ------------------------------------ a whole chip: sim, caps, deferred */

#if defined(__linux__) && !defined(CAPHEAP_BARE_METAL)
/* Number of mappings of this process (a failed sim must leave none). */
static long count_mappings(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return -1;
    long n = 0;
    int ch;
    while ((ch = fgetc(f)) != EOF)
        n += ch == '\n';
    fclose(f);
    return n;
}
#endif

static const char *chip_name;

static bool scenario_chip(unsigned long n)
{
    (void)n;
    memset(&locks, 0, sizeof locks);
#if defined(__linux__) && !defined(CAPHEAP_BARE_METAL)
    long maps_before = count_mappings();
#endif
    capheap_sim_t *sim = NULL;
    capheap_err_t e = capheap_sim_create(capheap_chip_find(chip_name), CAPHEAP_SIM_ANYWHERE, &sim);
    if (e == CAPHEAP_ERR_STATE)
        return false; /* no host mapping in this build */
    if (e != CAPHEAP_OK) {
        CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
        CHECK_NULL(sim);
#if defined(__linux__) && !defined(CAPHEAP_BARE_METAL)
        CHECK_EQ_U(count_mappings(), maps_before);
#endif
        return true;
    }
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.lock_ops = &counted_locks;
    cfg.chip = capheap_sim_chip(sim);
    cfg.map = capheap_sim_map(sim);
    capheap_caps_t *c = NULL;
    e = capheap_caps_create_from_chip(&cfg, &c);
    bool fired = false;
    if (e != CAPHEAP_OK) {
        CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
        CHECK_NULL(c);
        CHECK_EQ_U(locks.live, 0);
        fired = true;
    } else {
        size_t heaps = capheap_caps_heap_count(c);
        e = capheap_caps_enable_deferred(c);
        if (e != CAPHEAP_OK) {
            CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
            CHECK_EQ_U((size_t)locks.live, capheap_caps_heap_count(c) + 1);
            CHECK(capheap_caps_heap_count(c) >= heaps);
            fired = true;
        }
        check_usable(c, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL);
        capheap_caps_destroy(c);
        CHECK_EQ_U(locks.live, 0);
    }
    capheap_sim_destroy(sim);
#if defined(__linux__) && !defined(CAPHEAP_BARE_METAL)
    CHECK_EQ_U(count_mappings(), maps_before);
#endif
    return fired;
}

static void fault_chips(void)
{
    size_t count;
    const capheap_chip_t *const *list = capheap_chip_list(&count);
    for (size_t i = 0; i < count; i++) {
        chip_name = list[i]->name;
        unsigned long sites = loop_faults(scenario_chip, 256);
        check_log("%s: %lu fault sites (sim maps, caps locks)\n", chip_name, sites);
        CHECK(sites >= 2);
    }
}

/* ------------------------------- the GC heap: its lock and its areas */

static unsigned char gc_caps_mem[65536];

/* create without memory (taken from caps), allocations that make it grow,
 * a collection that gives areas back. An area the caps allocator cannot
 * give makes the allocation return NULL; nothing else changes. */
static bool scenario_gc(unsigned long n)
{
    (void)n;
    memset(&locks, 0, sizeof locks);
    capheap_caps_config_t cc;
    capheap_caps_config_init(&cc);
    cc.lock_ops = &counted_locks;
    capheap_region_t r;
    region_of(&r, gc_caps_mem, sizeof gc_caps_mem, 0);
    capheap_caps_t *c = NULL;
    capheap_fault_arm(0); /* the caps instance itself is not under test */
    REQUIRE_RET(capheap_caps_create(&cc, &r, 1, &c) == CAPHEAP_OK);
    capheap_fault_arm(n);
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.lock_ops = &counted_locks;
    cfg.caps = c;
    cfg.grow_caps = CAPHEAP_CAP_8BIT;
    cfg.grow_min = 2048;
    capheap_gc_t *gc = NULL;
    capheap_err_t e = capheap_gc_create(&cfg, NULL, capheap_gc_instance_size(&cfg) + 2048, &gc);
    bool fired = false;
    if (e != CAPHEAP_OK) {
        CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
        CHECK_NULL(gc);
        fired = true;
    } else {
        static void *roots[24];
        memset(roots, 0, sizeof roots);
        CHECK_EQ_U(capheap_gc_add_root_range(gc, roots, roots + 24), CAPHEAP_OK);
        for (int i = 0; i < 24; i++) {
            size_t used = capheap_gc_used_bytes(gc);
            roots[i] = capheap_gc_alloc(gc, 700, 0);
            if (!roots[i]) {
                fired = true;
                CHECK(capheap_fault_failed_site() != NULL);
                CHECK_EQ_SZ(capheap_gc_used_bytes(gc), used);
            }
            capheap_gc_info_t info;
            capheap_gc_get_info(gc, &info);
            CHECK_EQ_SZ(info.used + info.free, info.total);
            CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
        }
        memset(roots, 0, sizeof roots);
        capheap_gc_collect(gc); /* gives the grown areas back */
        CHECK_EQ_SZ(capheap_gc_used_bytes(gc), 0);
        capheap_gc_destroy(gc);
    }
    /* everything went back to the caps allocator, every lock destroyed */
    capheap_heap_info_t hi;
    capheap_caps_get_info(c, &hi, 0);
    CHECK_EQ_SZ(hi.allocated_blocks, 0);
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    capheap_caps_destroy(c);
    CHECK_EQ_U(locks.live, 0);
    CHECK_EQ_U(locks.misuse, 0);
    return fired || capheap_fault_failed_site() != NULL;
}

static void fault_gc(void)
{
    unsigned long sites = loop_faults(scenario_gc, 128);
    check_log("gc heap: %lu fault sites (gc lock, gc areas)\n", sites);
    CHECK(sites >= 3);
}

#if CAPHEAP_HEAP_TRACING
static capheap_trace_storage_t trace_storage;
static capheap_trace_record_t trace_records[16];

static bool scenario_trace(unsigned long n)
{
    (void)n;
    memset(&locks, 0, sizeof locks);
    capheap_trace_config_t cfg;
    capheap_trace_config_init(&cfg);
    cfg.lock_ops = &counted_locks;
    capheap_trace_t *t = capheap_trace_create(&trace_storage, trace_records, 16, &cfg);
    if (!t) {
        CHECK_EQ_U(locks.live, 0);
        return true;
    }
    CHECK_EQ_U(locks.live, 1);
    return false;
}

static void fault_trace(void)
{
    unsigned long sites = loop_faults(scenario_trace, 8);
    check_log("trace: %lu fault sites\n", sites);
    CHECK(sites >= 1);
}
#endif

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(fault_caps_regions);
    RUN(fault_chips);
    RUN(fault_gc);
#if CAPHEAP_HEAP_TRACING
    RUN(fault_trace);
#endif
    return check_summary("fault");
}
