/*
 * Cost of a traced free in leaks mode against the size of the trace buffer
 * (issue 4 figure: removal is O(1), no search of the buffer).
 *
 *   bench_trace <records>     (run under bench's Valgrind tool: run.sh)
 *
 * One caps instance over a 64 MiB region; a trace of <records> records in
 * leaks mode; <records> live blocks fill the buffer exactly (no overflow);
 * then FREES of them, chosen at random, are freed while the instruction
 * counter runs. The same frees are measured again on a fresh instance with
 * the trace attached but stopped (the untraced cost of that free). Prints
 *   mode=trace_free records=N frees=K traced=<instr/free> untraced=<instr/free>
 *   extra=<traced - untraced>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capheap/caps.h"
#include "capheap/trace.h"
#include "icount.h"
#include "prng.h"

#define REGION (64u << 20)
#define FREES 100

/* The set-up's allocations need no call stacks (a leaks-mode free never
 * reads them): this keeps the 100 000 allocations quick under Valgrind. */
static int no_backtrace(void **frames, int depth, int skip)
{
    (void)frames;
    (void)depth;
    (void)skip;
    return 0;
}

static double measure(size_t n, bool traced)
{
    void *mem = aligned_alloc(4096, REGION);
    if (!mem)
        return -1;
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = (uintptr_t)mem;
    r.chip_start = r.start;
    r.size = REGION;
    r.caps[0] = CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL;
    r.type = -1;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    capheap_caps_t *c = NULL;
    if (capheap_caps_create(&cfg, &r, 1, &c) != CAPHEAP_OK)
        return -1;
    capheap_trace_record_t *rec = calloc(n, sizeof *rec);
    static capheap_trace_storage_t st;
    capheap_trace_config_t tc;
    capheap_trace_config_init(&tc);
    tc.backtrace = no_backtrace;
    capheap_trace_t *t = capheap_trace_create(&st, rec, n, &tc);
    void **p = calloc(n, sizeof *p);
    if (!rec || !t || !p)
        return -1;
    capheap_trace_attach(t, c);
    capheap_trace_start(t, CAPHEAP_TRACE_LEAKS);
    prng_t rng;
    prng_init(&rng, 42);
    for (size_t i = 0; i < n; i++)
        if (!(p[i] = capheap_caps_malloc(c, prng_range(&rng, 8, 64), CAPHEAP_CAP_8BIT)))
            return -1;
    if (!traced)
        capheap_trace_stop(t);
    /* the blocks to free: FREES distinct random indices (same choice for
     * both runs: same seed) */
    void *victims[FREES];
    for (int k = 0; k < FREES; k++) {
        size_t i = prng_range(&rng, 0, (uint32_t)(n - 1 - (size_t)k));
        victims[k] = p[i];
        p[i] = p[n - 1 - (size_t)k];
    }
    uint64_t before = BENCH_ICOUNT();
    for (int k = 0; k < FREES; k++)
        capheap_caps_free(c, victims[k]);
    uint64_t after = BENCH_ICOUNT();
    if (traced && capheap_trace_count(t) != n - FREES)
        return -1; /* each free must have removed its record */
    capheap_trace_attach(t, NULL);
    capheap_caps_destroy(c);
    free(p);
    free(rec);
    free(mem);
    return (double)(after - before) / FREES;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 100;
    if (n < FREES) {
        fprintf(stderr, "bench_trace: at least %d records\n", FREES);
        return 2;
    }
    if (!BENCH_HAVE_ICOUNT || BENCH_ICOUNT() == 0) {
        fprintf(stderr, "bench_trace: run under bench's Valgrind tool (bench/run.sh)\n");
        return 2;
    }
    double traced = measure(n, true), untraced = measure(n, false);
    if (traced < 0 || untraced < 0) {
        fprintf(stderr, "bench_trace: set-up failed\n");
        return 1;
    }
    printf("mode=trace_free records=%zu frees=%d traced=%.1f untraced=%.1f extra=%.1f\n", n,
           FREES, traced, untraced, traced - untraced);
    return 0;
}
