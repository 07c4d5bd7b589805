/*
 * capheap task tracking: per-owner (per-task) accounting of the caps
 * allocator. Built only with CAPHEAP_TASK_TRACKING (CMake option of that
 * name, `make ... TASK_TRACKING=ON`); without it this header declares
 * nothing and the library contains none of this code (check
 * `#if CAPHEAP_TASK_TRACKING` before using it). docs/debugging.md explains
 * the model; docs/behaviour.md lists the answers to bad input.
 *
 * Owners. Every block remembers, in its hidden prefix, the owner that
 * allocated it: capheap_port_owner() at the time (the running task through
 * the port's owner hook, the thread on hosted builds,
 * CAPHEAP_OWNER_PRE_SCHEDULER before any task exists; capheap/port.h).
 * realloc gives the block to the owner that calls it (its old size leaves
 * the old owner, its new size joins the caller; when the block moves, the
 * new one is counted before the old one leaves, as both exist during the
 * copy, so peaks include both).
 *
 * Tables. Each heap (region) keeps a fixed table of
 * CAPHEAP_TASK_TRACKING_OWNERS entries (capheap/config.h) plus an "other"
 * bucket, taken from the region when the heap is created, and updated under
 * the heap's lock by every allocation, free and realloc: per owner the bytes
 * of its live blocks (as requested, after the caps layer's rounding: what
 * get_allocated_size says), the peak of that figure, and the number of live
 * blocks. An owner allocating when the heap's table is full is counted in
 * the bucket CAPHEAP_OWNER_OTHER of that heap (its blocks still name it);
 * so are its frees. An entry stays (with its peak) after its owner died and
 * freed everything, until capheap_caps_owner_clear drops it; a dropped
 * entry is given to a new owner only while the heap's "other" bucket holds
 * no live block (so no owner ever has blocks in both places).
 *
 * Sums over heaps: current bytes and blocks add up exactly; peaks are kept
 * per heap, so an owner's "peak" over several heaps is the sum of its
 * per-heap peaks (an upper bound of its real overall peak, exact when it
 * used one heap).
 *
 * Threads: every function here may be called from any thread while others
 * allocate. Each heap's figures are read under that heap's lock, one heap at
 * a time: a sum over heaps is a sequence of per-heap snapshots. Nothing
 * here is ISR-safe (the walks hold a lock for O(blocks)); print functions
 * call the sink without any heap lock held.
 */
#ifndef CAPHEAP_TASKS_H
#define CAPHEAP_TASKS_H

#include "capheap/caps.h"
#include "capheap/debug.h"

#if CAPHEAP_TASK_TRACKING

#ifdef __cplusplus
extern "C" {
#endif

/* CAPHEAP_OWNER_OTHER (the bucket of owners that found a heap's table
 * full) and CAPHEAP_OWNER_ALL ("every owner") are defined in capheap/port.h
 * with CAPHEAP_OWNER_PRE_SCHEDULER. */

/* One owner's figures (in one heap, or summed over heaps). */
typedef struct {
    uintptr_t owner;       /* the owner, or CAPHEAP_OWNER_OTHER */
    size_t current_bytes;  /* bytes of its live blocks */
    size_t peak_bytes;     /* highest current_bytes since its entry was
                              made or reset (over heaps: sum of the per-heap
                              peaks) */
    size_t blocks;         /* live blocks */
} capheap_owner_usage_t;

/* One live block. */
typedef struct {
    const capheap_caps_heap_t *heap;
    void *ptr;             /* the block's data-bus address (a block handed
                              out at a D/IRAM instruction alias is listed at
                              its data address) */
    size_t size;           /* bytes as get_allocated_size reports them */
    uintptr_t owner;       /* the owner recorded in the block */
} capheap_owner_block_t;

/*
 * Copies the owner table of one heap: its entries in the order they were
 * made, then the "other" bucket (owner CAPHEAP_OWNER_OTHER) if it was ever
 * used. Fills out[0 .. min(n, max)) and returns n, the number of entries
 * (out may be NULL when max is 0: a count). Returns 0 for a NULL heap.
 * O(CAPHEAP_TASK_TRACKING_OWNERS) under the heap's lock.
 */
size_t capheap_caps_heap_owners(const capheap_caps_heap_t *heap, capheap_owner_usage_t *out,
                                size_t max);

/*
 * One owner's figures in one heap. Returns true and fills *out when the
 * owner has an entry in the heap (owner CAPHEAP_OWNER_OTHER: the bucket,
 * always true); false with *out zeroed (owner set) when it has none, for a
 * NULL heap, and (without writing) for a NULL out.
 * O(CAPHEAP_TASK_TRACKING_OWNERS) under the heap's lock.
 */
bool capheap_caps_heap_owner_usage(const capheap_caps_heap_t *heap, uintptr_t owner,
                                   capheap_owner_usage_t *out);

/*
 * One owner's figures summed over the heaps whose capabilities include
 * caps_mask (0 or CAPHEAP_CAP_INVALID: every heap), as the statistics by
 * caps select heaps. Returns the number of those heaps in which the owner
 * has an entry (0: *out zeroed, owner set); 0 without writing for a NULL
 * instance or out. peak_bytes is the sum of the per-heap peaks.
 * O(heaps * CAPHEAP_TASK_TRACKING_OWNERS).
 */
size_t capheap_caps_owner_usage(capheap_caps_t *inst, uintptr_t owner, uint32_t caps_mask,
                                capheap_owner_usage_t *out);

/*
 * The distinct owners with an entry in any heap (CAPHEAP_OWNER_OTHER once
 * if any heap's bucket was used), in order of first appearance walking the
 * heaps in address order. Fills out[0 .. min(n, max)) and returns n (out
 * may be NULL when max is 0). Returns 0 for a NULL instance.
 * O(heaps^2 * CAPHEAP_TASK_TRACKING_OWNERS^2) (small: no buffer needed).
 */
size_t capheap_caps_owners(capheap_caps_t *inst, uintptr_t *out, size_t max);

/*
 * The owner at position `index` of capheap_caps_owners' order, without a
 * buffer: true and *owner set, false (nothing written) past the end or for
 * a NULL instance or owner. O(heaps^2 * CAPHEAP_TASK_TRACKING_OWNERS^2).
 */
bool capheap_caps_owner_at(capheap_caps_t *inst, size_t index, uintptr_t *owner);

/*
 * The live blocks of `owner` (CAPHEAP_OWNER_ALL: of everyone;
 * CAPHEAP_OWNER_OTHER: those counted in a heap's "other" bucket) in the
 * heaps matching caps_mask (0 or CAPHEAP_CAP_INVALID: every heap), heap by
 * heap in address order, blocks in address order. Fills out[0 .. min(n,
 * max)) and returns n, the number of such blocks (out may be NULL when max
 * is 0). Returns 0 for a NULL instance. O(blocks) per heap, each heap walked
 * under its lock.
 */
size_t capheap_caps_owner_blocks(capheap_caps_t *inst, uintptr_t owner, uint32_t caps_mask,
                                 capheap_owner_block_t *out, size_t max);

/*
 * Sets the peak of `owner` (CAPHEAP_OWNER_ALL: of every entry, the "other"
 * bucket included) to its current figure in every heap: the start of a
 * measurement window. Does nothing for a NULL instance or an owner without
 * entries. O(heaps * CAPHEAP_TASK_TRACKING_OWNERS).
 */
void capheap_caps_owner_reset_peak(capheap_caps_t *inst, uintptr_t owner);

/*
 * Forgets `owner` (CAPHEAP_OWNER_ALL: every owner): in each heap where it
 * has no live block its entry is dropped (peak included), which makes room
 * for a new owner; where it still has live blocks the entry stays and its
 * peak is reset to its current figure. The "other" bucket (owner
 * CAPHEAP_OWNER_OTHER or ALL) only has its peak reset. Returns the number
 * of entries dropped; 0 for a NULL instance or an unknown owner.
 * O(heaps * CAPHEAP_TASK_TRACKING_OWNERS).
 */
size_t capheap_caps_owner_clear(capheap_caps_t *inst, uintptr_t owner);

/*
 * Names an owner for the prints: writes a NUL-terminated name of at most
 * len bytes into name and returns true iff the owner is a live task (false:
 * deleted, or unknown). Called without any heap lock held.
 */
typedef bool (*capheap_owner_name_fn)(void *ctx, uintptr_t owner, char *name, size_t len);

/*
 * Prints the overview ESP-IDF's heap_caps_print_all_task_stat_overview
 * prints: a box-drawn table (UTF-8) with one row per owner
 * (capheap_caps_owners order; only `owner`'s row unless it is
 * CAPHEAP_OWNER_ALL, an owner without entries then showing zeros) giving its name, ALIVE/DELETED, current
 * bytes, peak bytes (sum of per-heap peaks) and the number of heaps it has
 * an entry in. name_fn may be NULL: owners are then named
 * "Pre-scheduler" (CAPHEAP_OWNER_PRE_SCHEDULER), "other"
 * (CAPHEAP_OWNER_OTHER) or by their number in hex, and shown ALIVE (the
 * pre-scheduler and "other" rows are always ALIVE, as in ESP-IDF). Does
 * nothing for a NULL instance or print. O(heaps^2 * owners^2).
 */
void capheap_caps_print_owner_overview(capheap_caps_t *inst, uintptr_t owner,
                                       capheap_owner_name_fn name_fn,
                                       void *name_ctx, capheap_print_fn print, void *ctx);

/*
 * Prints, for `owner` (CAPHEAP_OWNER_ALL: every owner), its totals, then per
 * heap it has an entry in: the heap's name, caps, size, its current and
 * peak bytes there (with the percentage of the heap's size) and its live
 * blocks (address and size), as ESP-IDF's heap_caps_print_all_task_stat
 * does. Same naming as the overview. Does nothing for a NULL instance or
 * print. O(blocks) per heap and owner.
 */
void capheap_caps_print_owner_stats(capheap_caps_t *inst, uintptr_t owner,
                                    capheap_owner_name_fn name_fn, void *name_ctx,
                                    capheap_print_fn print, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_TASK_TRACKING */

#endif /* CAPHEAP_TASKS_H */
