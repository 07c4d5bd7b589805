/*
 * What one build configuration costs at run time (bench/option_costs.sh
 * builds this once per option variant and prints the table of
 * docs/configuration.md):
 *
 *   option_cost bytes    heap bytes a block of 24 and of 100 requested
 *                        bytes takes (fill a 64 KiB region until malloc
 *                        fails, divide), and what an instance with one
 *                        64 KiB region keeps for itself (region - free)
 *   option_cost count [trace]
 *                        instructions per malloc/free pair through the caps
 *                        layer (random sizes 16..256, 64 live slots), read
 *                        from bench's Valgrind tool; `trace`: with a trace
 *                        running in leaks mode (tracing builds; no call
 *                        stack capture)
 * Prints one line of key=value pairs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capheap/caps.h"
#include "icount.h"
#include "prng.h"
#if CAPHEAP_HEAP_TRACING
#include "capheap/trace.h"
#endif

#define REGION (64u * 1024u)
static _Alignas(64) unsigned char region[REGION];
static _Alignas(64) unsigned char big[4u << 20];

static capheap_caps_t *make(unsigned char *mem, size_t size)
{
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = r.chip_start = (uintptr_t)mem;
    r.size = size;
    r.caps[0] = CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL;
    r.type = -1;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    capheap_caps_t *c = NULL;
    if (capheap_caps_create(&cfg, &r, 1, &c) != CAPHEAP_OK)
        return NULL;
    return c;
}

/* Bytes of the region each block of `size` takes: blocks that fit / room. */
static double per_block(size_t size, size_t *fixed)
{
    capheap_caps_t *c = make(region, REGION);
    if (!c)
        return -1;
    size_t room = capheap_caps_get_free_size(c, CAPHEAP_CAP_8BIT);
    *fixed = REGION - room;
    size_t n = 0;
    while (capheap_caps_malloc(c, size, CAPHEAP_CAP_8BIT))
        n++;
    capheap_caps_destroy(c);
    return n ? (double)room / (double)n : -1;
}

#if CAPHEAP_HEAP_TRACING
static int no_backtrace(void **frames, int depth, int skip)
{
    (void)frames;
    (void)depth;
    (void)skip;
    return 0;
}
#endif

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "bytes") == 0) {
        size_t fixed = 0;
        double b24 = per_block(24, &fixed), b100 = per_block(100, &fixed);
        if (b24 < 0 || b100 < 0)
            return 1;
        printf("block24=%.1f block100=%.1f fixed=%zu\n", b24, b100, fixed);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "count") == 0) {
        if (!BENCH_HAVE_ICOUNT || BENCH_ICOUNT() == 0) {
            fprintf(stderr, "option_cost: run under bench's Valgrind tool\n");
            return 2;
        }
        capheap_caps_t *c = make(big, sizeof big);
        if (!c)
            return 1;
        bool traced = argc > 2 && strcmp(argv[2], "trace") == 0;
#if CAPHEAP_HEAP_TRACING
        enum { RECORDS = 256 };
        static capheap_trace_record_t rec[RECORDS];
        static capheap_trace_storage_t st;
        capheap_trace_config_t tc;
        capheap_trace_config_init(&tc);
        tc.backtrace = no_backtrace;
        capheap_trace_t *t = capheap_trace_create(&st, rec, RECORDS, &tc);
        if (traced) {
            if (!t)
                return 1;
            capheap_trace_attach(t, c);
            capheap_trace_start(t, CAPHEAP_TRACE_LEAKS);
        }
#else
        if (traced) {
            fprintf(stderr, "option_cost: not a tracing build\n");
            return 2;
        }
#endif
        enum { SLOTS = 64, WARM = 2000, PAIRS = 20000 };
        void *slot[SLOTS] = { 0 };
        prng_t rng;
        prng_init(&rng, 7);
        uint64_t start = 0;
        for (int i = 0; i < WARM + PAIRS; i++) {
            if (i == WARM)
                start = BENCH_ICOUNT();
            unsigned k = prng_range(&rng, 0, SLOTS - 1);
            capheap_caps_free(c, slot[k]);
            slot[k] = capheap_caps_malloc(c, prng_range(&rng, 16, 256), CAPHEAP_CAP_8BIT);
            if (!slot[k])
                return 1;
        }
        uint64_t end = BENCH_ICOUNT();
        printf("pair=%.1f\n", (double)(end - start) / PAIRS);
        return 0;
    }
    fprintf(stderr, "usage: option_cost bytes | count [trace]\n");
    return 2;
}
