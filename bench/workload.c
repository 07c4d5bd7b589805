/* capheap bench: request sequences (see workload.h). */
#define _DEFAULT_SOURCE
#include "workload.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

void *bench_mem(size_t bytes)
{
    void *p = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        fprintf(stderr, "bench: mmap of %zu bytes failed\n", bytes);
        exit(2);
    }
    return p;
}

uint32_t bench_size_w1(prng_t *r) { return prng_range(r, 16, 256); }

uint32_t bench_size_w2(prng_t *r)
{
    uint32_t pick = prng_range(r, 0, 99);
    if (pick < 90)
        return prng_range(r, 8, 128);
    if (pick < 99)
        return prng_range(r, 256, 4096);
    return prng_range(r, 8u << 10, 32u << 10);
}

/*
 * W1/W2: draw a size; while it would push the live payload above the
 * target, free a random live block; then allocate it. The size distribution
 * is exactly the workload's and the live payload stays within one block of
 * the target once reached.
 */
static void make_churn(bench_seq_t *s, bench_workload_t w, size_t region, size_t nops, prng_t *r)
{
    size_t target = region / 100 * BENCH_LIVE_PERCENT;
    uint32_t min_size = w == BENCH_W1 ? 16 : 8;
    uint32_t nslots = (uint32_t)(target / min_size + 2);
    uint32_t *size_of = bench_mem(nslots * sizeof *size_of);
    uint32_t *live = bench_mem(nslots * sizeof *live);     /* dense list of live slots */
    uint32_t *free_slots = bench_mem(nslots * sizeof *free_slots);
    uint32_t nlive = 0, nfree = nslots;
    size_t live_bytes = 0;

    for (uint32_t i = 0; i < nslots; i++)
        free_slots[i] = nslots - 1 - i;
    s->ops = bench_mem(nops * sizeof *s->ops);
    s->nslots = nslots;
    size_t n = 0;
    while (n < nops) {
        uint32_t size = w == BENCH_W1 ? bench_size_w1(r) : bench_size_w2(r);
        while (nlive > 0 && live_bytes + size > target && n < nops) {
            uint32_t k = prng_range(r, 0, nlive - 1);
            uint32_t slot = live[k];
            live[k] = live[--nlive];
            live_bytes -= size_of[slot];
            free_slots[nfree++] = slot;
            s->ops[n++] = (bench_op_t){ slot, 0 };
            s->frees++;
        }
        if (n >= nops)
            break;
        uint32_t slot = free_slots[--nfree];
        size_of[slot] = size;
        live[nlive++] = slot;
        live_bytes += size;
        s->ops[n++] = (bench_op_t){ slot, size };
        s->mallocs++;
    }
    s->nops = n;
    munmap(size_of, nslots * sizeof *size_of);
    munmap(live, nslots * sizeof *live);
    munmap(free_slots, nslots * sizeof *free_slots);
}

/*
 * W4: 128 buffers, each realloc'd in turn at random: an empty buffer gets a
 * size in [16, max/4]; otherwise it grows or shrinks (even odds) by a factor
 * uniform in [1, 2], kept within [8, max]. max = 3/4 of the region / 128, so
 * even all buffers at their maximum fit the region.
 */
static void make_realloc(bench_seq_t *s, size_t region, size_t nops, prng_t *r)
{
    uint32_t max = (uint32_t)(region / 4 * 3 / BENCH_W4_BUFFERS);
    uint32_t cur[BENCH_W4_BUFFERS] = { 0 };

    s->ops = bench_mem(nops * sizeof *s->ops);
    s->nslots = BENCH_W4_BUFFERS;
    for (size_t n = 0; n < nops; n++) {
        uint32_t slot = prng_range(r, 0, BENCH_W4_BUFFERS - 1);
        uint32_t size;
        if (cur[slot] == 0) {
            size = prng_range(r, 16, max / 4);
        } else {
            uint64_t f = prng_range(r, 1024, 2048); /* factor in 1/1024 */
            size = prng_range(r, 0, 1)
                       ? (uint32_t)((uint64_t)cur[slot] * f / 1024)
                       : (uint32_t)((uint64_t)cur[slot] * 1024 / f);
            if (size < 8)
                size = 8;
            if (size > max)
                size = max;
        }
        cur[slot] = size;
        s->ops[n] = (bench_op_t){ slot, size };
        s->reallocs++;
    }
    s->nops = nops;
}

int bench_seq_make(bench_seq_t *s, bench_workload_t w, size_t region, size_t nops, uint64_t seed)
{
    prng_t r;
    prng_init(&r, seed ^ ((uint64_t)w << 32) ^ region);
    *s = (bench_seq_t){ 0 };
    switch (w) {
    case BENCH_W1:
    case BENCH_W2:
        make_churn(s, w, region, nops, &r);
        break;
    case BENCH_W4:
        make_realloc(s, region, nops, &r);
        break;
    default:
        return -1;
    }
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < s->nops; i++)
        h = (h ^ (((uint64_t)s->ops[i].slot << 32) | s->ops[i].size)) * 1099511628211ull;
    s->hash = h;
    return 0;
}
