/*
 * GC heap benchmark (issue 6), its own program:
 *
 *   bench_gc alloc <heap-bytes> <allocations>
 *       A heap kept 75 % full of 1- to 4-block objects: each step frees a
 *       random live object and allocates random 1..4-block objects until
 *       the heap is back at 75 %. Under the icount Valgrind tool, prints the
 *       median (and p90, mean) instructions per allocation; natively, the
 *       mean time.
 *   bench_gc collect <heap-bytes>
 *       A heap filled to about 100 % with linked lists and binary trees of
 *       1..4-block objects, half of them (by bytes) reachable from a root
 *       array: one full collection. Prints instructions (under icount) or
 *       nanoseconds (natively) for the collection, per live KiB marked.
 *
 * Output: one line "gc=<mode> heap=<bytes> ..." per run.
 */
#define _POSIX_C_SOURCE 200809L
#include "capheap/gc.h"
#include "icount.h"
#include "prng.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define B CAPHEAP_GC_BLOCK

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static capheap_gc_t *make_heap(size_t bytes, void **mem_out)
{
    void *mem = aligned_alloc(64, bytes);
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.lock_ops = &capheap_port_lock_none;
    capheap_gc_t *gc = NULL;
    if (!mem || capheap_gc_create(&cfg, mem, bytes, &gc) != CAPHEAP_OK) {
        fprintf(stderr, "bench_gc: no heap\n");
        exit(1);
    }
    *mem_out = mem;
    return gc;
}

static int bench_alloc(size_t bytes, long n)
{
    void *mem;
    capheap_gc_t *gc = make_heap(bytes, &mem);
    capheap_gc_disable(gc);
    size_t total = capheap_gc_free_bytes(gc);
    size_t target = total / 4 * 3;
    size_t cap = total / B;
    void **live = (void **)malloc(cap * sizeof(void *));
    uint64_t *cost = (uint64_t *)malloc((size_t)n * sizeof(uint64_t));
    size_t nlive = 0, used = 0;
    prng_t r;
    prng_init(&r, 42);
    while (used < target) {
        void *p = capheap_gc_alloc(gc, prng_range(&r, 1, 4) * B, 0);
        live[nlive++] = p;
        used += capheap_gc_size(gc, p);
    }
    bool counting = BENCH_HAVE_ICOUNT && BENCH_ICOUNT() != 0;
    uint64_t base = 0;
    if (counting) { /* cost of the two reads themselves */
        uint64_t a = BENCH_ICOUNT();
        uint64_t b = BENCH_ICOUNT();
        base = b - a;
    }
    long done = 0;
    uint64_t t0 = now_ns();
    while (done < n) {
        size_t k = prng_range(&r, 0, (uint32_t)nlive - 1);
        used -= capheap_gc_size(gc, live[k]);
        capheap_gc_free(gc, live[k]);
        live[k] = live[--nlive];
        while (used < target && done < n) {
            size_t sz = prng_range(&r, 1, 4) * B;
            uint64_t c0 = counting ? BENCH_ICOUNT() : 0;
            void *p = capheap_gc_alloc(gc, sz, 0);
            uint64_t c1 = counting ? BENCH_ICOUNT() : 0;
            if (!p) {
                fprintf(stderr, "bench_gc: allocation failed at 75 %%\n");
                return 1;
            }
            cost[done++] = c1 - c0 - base;
            live[nlive++] = p;
            used += sz;
        }
    }
    uint64_t t1 = now_ns();
    if (counting) {
        uint64_t sum = 0;
        for (long i = 0; i < n; i++)
            sum += cost[i];
        qsort(cost, (size_t)n, sizeof *cost, cmp_u64);
        printf("gc=alloc heap=%zu allocs=%ld median_instr=%llu p90_instr=%llu mean_instr=%.1f\n",
               bytes, n, (unsigned long long)cost[n / 2],
               (unsigned long long)cost[n * 9 / 10], (double)sum / (double)n);
    } else {
        printf("gc=alloc heap=%zu allocs=%ld ns_per_step=%.1f (free + allocations)\n", bytes, n,
               (double)(t1 - t0) / (double)n);
    }
    free(live);
    free(cost);
    capheap_gc_destroy(gc);
    free(mem);
    return 0;
}

/* Roots of the live structures. */
static void *roots[4096];

static int bench_collect(size_t bytes)
{
    void *mem;
    capheap_gc_t *gc = make_heap(bytes, &mem);
    capheap_gc_disable(gc);
    capheap_gc_add_root_range(gc, roots, roots + 4096);
    prng_t r;
    prng_init(&r, 7);
    size_t total = capheap_gc_free_bytes(gc);
    size_t live_bytes = 0, dead_bytes = 0;
    size_t nroots = 0;
    /* structures of 64 objects each, alternately kept and dropped until
     * the heap is full: lists and binary trees (each object links to up to
     * two earlier objects of its structure) */
    for (;;) {
        bool keep = live_bytes <= dead_bytes;
        void *objs[64];
        size_t sbytes = 0;
        bool full = false;
        for (int i = 0; i < 64; i++) {
            size_t sz = prng_range(&r, 1, 4) * B;
            void **o = (void **)capheap_gc_alloc(gc, sz, 0);
            if (!o) {
                full = true;
                break;
            }
            objs[i] = o;
            sbytes += sz;
            o[1] = (void *)(uintptr_t)((i << 1) | 1); /* a small int */
            if (i > 0)
                o[0] = objs[(i - 1) / 2]; /* tree parent / list link */
            if (i > 1 && (i & 1))
                o[2] = objs[i - 1];
            if (i > 0) { /* parent points to child too: a tree with back links */
                void **parent = (void **)objs[(i - 1) / 2];
                parent[2 + (i & 1)] = o;
            }
            objs[i] = o;
        }
        if (full)
            break;
        if (keep && nroots < 4096) {
            roots[nroots++] = objs[0];
            live_bytes += sbytes;
        } else {
            dead_bytes += sbytes;
        }
    }
    bool counting = BENCH_HAVE_ICOUNT && BENCH_ICOUNT() != 0;
    uint64_t c0 = counting ? BENCH_ICOUNT() : 0;
    uint64_t t0 = now_ns();
    size_t freed = capheap_gc_collect(gc);
    uint64_t t1 = now_ns();
    uint64_t c1 = counting ? BENCH_ICOUNT() : 0;
    size_t after = capheap_gc_used_bytes(gc);
    double live_kib = (double)live_bytes / 1024.0;
    if (counting)
        printf("gc=collect heap=%zu total=%zu live_bytes=%zu freed_blocks=%zu instr=%llu "
               "instr_per_live_kib=%.0f\n",
               bytes, total, live_bytes, freed, (unsigned long long)(c1 - c0),
               (double)(c1 - c0) / live_kib);
    else
        printf("gc=collect heap=%zu total=%zu live_bytes=%zu freed_blocks=%zu ns=%llu "
               "ns_per_live_kib=%.0f\n",
               bytes, total, live_bytes, freed, (unsigned long long)(t1 - t0),
               (double)(t1 - t0) / live_kib);
    if (after != live_bytes) {
        fprintf(stderr, "bench_gc: %zu bytes survived, %zu live\n", after, live_bytes);
        return 1;
    }
    capheap_gc_destroy(gc);
    free(mem);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "alloc") == 0)
        return bench_alloc((size_t)strtoull(argv[2], NULL, 0), atol(argv[3]));
    if (argc >= 3 && strcmp(argv[1], "collect") == 0)
        return bench_collect((size_t)strtoull(argv[2], NULL, 0));
    fprintf(stderr, "usage: bench_gc alloc <heap-bytes> <allocations> | collect <heap-bytes>\n");
    return 2;
}
