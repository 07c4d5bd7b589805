/*
 * Deterministic model-based stress rig, shared by every allocator test.
 *
 * The engine, the caps layer and every compat API (heap_caps_*, pvPortMalloc,
 * wm_heap_*, gc_*, malloc) are stressed by this same code: the caller wraps
 * its allocator in a stress_ops_t and describes the workload in a
 * stress_config_t; stress_run() drives a seeded random sequence of
 * allocations, frees and (optionally) reallocations and aligned allocations
 * against a model of the live blocks, and stops at the first misbehaviour.
 *
 *   static void *my_alloc(void *ctx, size_t n, size_t align) {...}
 *   ...
 *   stress_ops_t ops = { .ctx = heap, .alloc = my_alloc, .free = my_free,
 *                        .realloc = my_realloc, .validate = my_check };
 *   stress_config_t cfg = stress_config_default();
 *   cfg.seed = prng_seed_from_env("CAPHEAP_SEED", 1);
 *   cfg.capacity = capheap_heap_capacity(heap);
 *   cfg.fill_percent = 100;
 *   cfg.flags = STRESS_REALLOC | STRESS_ALIGNED;
 *   CHECK(stress_run(&ops, &cfg, NULL));
 *
 * What the rig checks, after every operation:
 *  - every block it holds was stamped over its whole requested size (its
 *    whole usable size with STRESS_STAMP_USABLE) with a pattern derived
 *    from a per-block token; the whole block is verified
 *    when it is freed or reallocated, one random live block is verified
 *    after every operation, and every live block every `full_verify_every`
 *    operations and at the end;
 *  - realloc keeps min(old, new) bytes (old = stamped size); a failed
 *    realloc leaves the old block intact; realloc to a size the allocator
 *    accepts returns a block of at least that size;
 *  - returned blocks never overlap a live block (sorted interval index: every
 *    overlap is caught at the allocation that causes it), lie inside
 *    [lo, hi) when given, and are aligned to `min_align` and to the
 *    alignment asked;
 *  - usable_size(p) >= requested size (when the callback is given);
 *  - validate(ctx) returns true (when given; every `validate_every` ops);
 *  - free_bytes (when given): an allocation of n lowers it by at least n, a
 *    free of n raises it by at least n, free bytes + live bytes never exceed
 *    the free bytes at the start, and after the final drain free bytes are
 *    back to their value at the start (unless STRESS_NO_DRAIN);
 *  - largest_free (when given) is exact: before each plain allocation of n
 *    (align 0), n <= largest_free() iff the allocation succeeds.
 *
 * Workload: each op is an alloc, a free or (STRESS_REALLOC, 1 in 5) a
 * realloc of a random live block; allocs are favoured while the live bytes
 * are below fill_percent of capacity, frees above. Sizes (realloc's new
 * sizes too) stay in [min_size, max_size]. Allocation failures are normal
 * (counted in the result), never an error by themselves.
 *
 * Output goes through check_log(): the seed at start
 *   "stress[name]: seed=0x2a stream=3 (replay with CAPHEAP_SEED=0x2a) ..."
 * and, on failure, the seed, the operation index and what went wrong.
 * Replaying with the same seed, stream and configuration repeats the exact
 * same sequence (the allocator being deterministic).
 *
 * Portable: needs only stdio (through check_log), stdlib (malloc for the
 * model unless the caller gives `model_mem`) and string.
 */
#ifndef CAPHEAP_TEST_STRESS_H
#define CAPHEAP_TEST_STRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The allocator under test. Only alloc and free are required. */
typedef struct {
    void *ctx;  /* passed back to every callback */
    /* Allocate `size` bytes. align 0: the allocator's natural alignment;
     * otherwise a power of two the returned pointer must be a multiple of
     * (only asked when STRESS_ALIGNED is set). NULL = cannot. */
    void *(*alloc)(void *ctx, size_t size, size_t align);
    /* Free a block alloc/realloc returned (never NULL from the rig). */
    void (*free)(void *ctx, void *ptr);
    /* realloc(ptr, size) with size > 0 and ptr non-NULL (only called when
     * STRESS_REALLOC is set). NULL = failed, the old block must be intact. */
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    /* Optional: usable size of a live block, >= its requested size. */
    size_t (*usable_size)(void *ctx, const void *ptr);
    /* Optional: full integrity check of the allocator; false = corrupt (it
     * may print the details itself). */
    bool (*validate)(void *ctx);
    /* Optional: payload bytes currently free. */
    size_t (*free_bytes)(void *ctx);
    /* Optional: the largest n for which alloc(ctx, n, 0) succeeds now. */
    size_t (*largest_free)(void *ctx);
} stress_ops_t;

/* Size distributions. */
typedef enum {
    STRESS_DIST_UNIFORM = 0,  /* uniform in [min_size, max_size] */
    STRESS_DIST_LOG = 1,      /* log-uniform: each power of two equally likely
                                 (many small, some large: firmware-like) */
    STRESS_DIST_POW2 = 2      /* powers of two in range, plus -1/0/+1 byte */
} stress_dist_t;

/* Flags. */
enum {
    STRESS_REALLOC = 1u << 0,   /* about 1 op in 5 is a realloc */
    STRESS_ALIGNED = 1u << 1,   /* about 1 alloc in 6 asks an alignment in
                                   [2, max_align] */
    STRESS_ZERO = 1u << 2,      /* about 1 alloc in 50 asks 0 bytes (NULL or a
                                   unique block are both accepted) */
    STRESS_NO_DRAIN = 1u << 3,  /* leave live blocks allocated at the end
                                   (they are still verified) */
    STRESS_QUIET = 1u << 4,     /* no start/summary lines (failures still
                                   print) */
    STRESS_STAMP_USABLE = 1u << 5 /* stamp and verify the whole usable size
                                   (needs usable_size), not just the bytes
                                   asked: checks the usable tail is really
                                   usable and that realloc keeps
                                   min(old usable, new size) bytes */
};

typedef struct {
    const char *name;           /* label in messages ("engine 64K", ...) */
    uint64_t seed;              /* seed to print and replay */
    uint32_t stream;            /* mixed into the seed: several runs of a test
                                   share one replayable seed */
    unsigned long ops;          /* operations to perform (before the drain) */
    size_t capacity;            /* bytes the allocator can hold; the fill
                                   target is a percentage of it */
    unsigned fill_percent;      /* live bytes the rig aims at: ops lean
                                   towards alloc below, towards free above
                                   (100 = keep the heap full: allocation
                                   failures are expected and counted) */
    size_t min_size, max_size;  /* request sizes */
    stress_dist_t dist;
    unsigned flags;
    size_t min_align;           /* every pointer must be a multiple of this
                                   (0 or 1: not checked) */
    size_t max_align;           /* largest alignment asked (STRESS_ALIGNED) */
    const void *lo, *hi;        /* optional: blocks must lie in [lo, hi) */
    size_t max_blocks;          /* model capacity: live blocks tracked at
                                   most (default 65536) */
    unsigned validate_every;    /* call validate every N ops (default 1) */
    unsigned full_verify_every; /* verify every live block every N ops
                                   (default 0: only at the end) */
    void *model_mem;            /* optional memory for the model (bare metal);
                                   NULL: the rig mallocs it */
    size_t model_mem_size;      /* bytes at model_mem; must hold
                                   stress_model_bytes(max_blocks) */
} stress_config_t;

/* What happened (filled even on failure). */
typedef struct {
    bool ok;
    unsigned long ops_done;     /* operations completed before stopping */
    unsigned long allocs, frees, reallocs, aligned_allocs;
    unsigned long failed_allocs, failed_reallocs;
    unsigned long fail_op;      /* index of the failing op (when !ok) */
    size_t peak_live_bytes;     /* largest sum of requested sizes seen */
    size_t peak_live_blocks;
    char message[200];          /* what went wrong (when !ok) */
} stress_result_t;

/* Sensible defaults: 10000 ops, 50 % fill, sizes 1..256 log-uniform,
 * validate every op, 65536 model blocks. capacity must still be set. */
stress_config_t stress_config_default(void);

/* Bytes of model memory for `max_blocks` live blocks. */
size_t stress_model_bytes(size_t max_blocks);

/* Runs the workload. Returns true iff no check failed; on failure prints
 * the seed, the op index and the reason, and stops at once (leaving the
 * allocator as it was at the failure, blocks not freed). `result` may be
 * NULL. Returns false also when the model memory cannot be had or the
 * configuration is invalid (capacity 0, min_size > max_size, no alloc/free,
 * STRESS_REALLOC without realloc). */
bool stress_run(const stress_ops_t *ops, const stress_config_t *cfg,
                stress_result_t *result);

/* The byte the rig stamps at `offset` of a block with `token` (for tests
 * that want to stamp or verify blocks the same way outside the rig). */
static inline uint8_t stress_pattern(uint32_t token, size_t offset)
{
    uint32_t x = token + (uint32_t)offset * 0x9E3779B1u;
    x ^= x >> 15;
    return (uint8_t)(x ^ (x >> 8) ^ (uint32_t)(offset >> 16));
}

/* Stamps [p, p+n) with token's pattern; verify returns the offset of the
 * first differing byte, or n when all match. */
void stress_stamp(void *p, size_t n, uint32_t token);
size_t stress_verify(const void *p, size_t n, uint32_t token);

#ifdef __cplusplus
}
#endif
#endif
