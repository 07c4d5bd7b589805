/*
 * capheap bench: request sequences. A sequence depends only on the
 * workload, the region size, the op count and the seed, never on what an
 * allocator returns, so every allocator replays exactly the same requests.
 * When a bounded allocator refuses a request the slot simply stays empty and
 * its later free is skipped (and the failure is counted).
 */
#ifndef CAPHEAP_BENCH_WORKLOAD_H
#define CAPHEAP_BENCH_WORKLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "prng.h"

#define BENCH_SEED 0xCA9EA9u  /* fixed seed of every sequence */
#define BENCH_LIVE_PERCENT 60 /* W1, W2: requested payload kept live, % of region */
#define BENCH_W4_BUFFERS 128

typedef enum {
    BENCH_W1 = 1, /* small churn: 16..256 B */
    BENCH_W2 = 2, /* mixed: 90 % 8..128 B, 9 % 256..4096 B, 1 % 8..32 KiB */
    BENCH_W3 = 3, /* efficiency: allocate until failure (driver loop, W1 sizes) */
    BENCH_W4 = 4  /* realloc: 128 buffers grown and shrunk */
} bench_workload_t;

/* size != 0: malloc(size) into slot (W1, W2) or realloc(slot, size) (W4);
 * size == 0: free(slot). */
typedef struct {
    uint32_t slot;
    uint32_t size;
} bench_op_t;

typedef struct {
    bench_op_t *ops;
    size_t nops;
    uint32_t nslots;
    size_t mallocs, frees, reallocs;
    uint64_t hash; /* FNV-1a over every (slot, size): equal hashes = same requests */
} bench_seq_t;

/* One request size of workload W1 or W2. */
uint32_t bench_size_w1(prng_t *r);
uint32_t bench_size_w2(prng_t *r);

/* Builds the sequence (memory from bench_mem, never from the allocator
 * under test). Returns 0, or -1 for an unknown workload. */
int bench_seq_make(bench_seq_t *s, bench_workload_t w, size_t region, size_t nops, uint64_t seed);

/* Zeroed memory straight from the OS (mmap), so the bookkeeping of the bench
 * never goes through the allocator being measured. Exits on failure. */
void *bench_mem(size_t bytes);

#endif
