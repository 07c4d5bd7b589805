/*
 * Private structures of the caps allocator.
 *
 * Where things live (no libc malloc anywhere):
 *
 *   largest start-up region:  [instance][heap record][index][engine heap ...]
 *   every other region:       [heap record][engine heap ...........]
 *   a region added later:     [heap record][new index][engine heap ...]
 *
 * Heap record (struct capheap_caps_heap): the heap's lock first, then what
 * selection reads on every allocation (caps masks, union, flags, next),
 * then what free reads (range, alias). Written after publication: the
 * known-full size and the free shortcut spans (atomics, see each) and the
 * window minimum (under the heap's own lock).
 *
 * Selection list: a singly linked list through `next`, in selection order
 * (run-time heaps newest first, then start-up heaps by ascending size).
 * Writers (add_region, enable_deferred) hold the admin lock and publish a
 * fully built record with one release store; readers walk it with acquire
 * loads and never lock. Heaps are never removed.
 *
 * Address index: an immutable array of disjoint [lo, hi) ranges sorted by
 * lo, each naming its heap and whether it is the heap's instruction alias.
 * A heap nested inside a block of another heap splits that heap's entry in
 * two around it, so the innermost heap always owns its addresses. Adding a
 * heap builds a new array (in the new region) and publishes it with one
 * release store; old arrays stay valid forever (they live in regions that
 * are never given back), so lookups are lock-free binary searches.
 */
#ifndef CAPHEAP_CAPS_INTERNAL_H
#define CAPHEAP_CAPS_INTERNAL_H

#include "capheap/caps.h"
#include "../debug/poison.h" /* relative: found without -I src/debug (Arduino export) */
#include "../port/single_thread.h"

#include <stdatomic.h>

typedef struct capheap_caps_heap caps_heap_t;

struct capheap_caps_heap {
    capheap_lock_t lock;
    /* Requests of this size or more are known to fail in the engine heap:
     * set (under the lock) to largest_free + 1 when an allocation failed,
     * back to SIZE_MAX (under the lock) by any operation that changes the
     * engine heap (free, a successful allocation, realloc, anything done
     * between capheap_caps_heap_lock and _unlock). Exact: while the engine
     * heap is unchanged, capheap_heap_largest_free() is the largest size
     * its malloc (or aligned allocation) can serve, and a failed call
     * changes nothing. Read without the lock (a hint: a concurrent change
     * may or may not be seen, as if the request came just before it). */
    atomic_size_t full_at;
    /* free()'s shortcut trusts [start, start + free_span): the region's
     * size, 0 once another heap lives inside one of its blocks */
    atomic_size_t free_span;
    /* free_span with the no-op port or a skippable one (lock_gate < 2) and
     * no free hook, else 0: the range in which free() may hand the pointer
     * to the engine at once (after heap_must_lock() says no lock is due) */
    atomic_size_t fast_span;
    uint32_t caps[CAPHEAP_PRIORITIES];
    uint32_t caps_union;
    uint32_t caps_missing;          /* ~caps_union: one test for "has them all" */
    /* The request the engine is trying through malloc's fast path (only
     * while no lock is due: nothing runs concurrently), for
     * caps_malloc_refused. */
    size_t fast_size;
    uint32_t fast_caps;
    uint32_t fast_missing;          /* caps_missing, plus every bit when malloc's
                                       plain fast path must pass this heap by (a
                                       reserve heap: tried last), plus the
                                       instance's fast_reject (caps that change a
                                       request; every bit while an alloc hook is
                                       set): one test per heap. Written while no
                                       allocation runs (creation, set_hooks). */
    /* fast_missing, or every bit while the heap is known to be full (set
     * with full_at by a refusal; back to fast_missing when malloc's walk
     * finds full_at cleared): the first heap's only test on malloc's fast
     * path. A hint like full_at: a stale value costs a try or a detour,
     * never a wrong answer. */
    atomic_uint fast_block;
    bool reserve;         /* CAPHEAP_MT_RESERVE: tried last */
    bool exec_alias;      /* D/IRAM: EXEC requests are returned at the alias */
    bool runtime;         /* added by add_region* */
    uint8_t alias_kind;
    _Atomic(caps_heap_t *) next;
    capheap_heap_t *engine;
    const capheap_lock_ops_t *lock_ops; /* NULL: the no-op port */
    uint8_t lock_gate;              /* 0: the no-op port; 1: a port that may be
                                       skipped while the process is single-
                                       threaded; 2: any other (heap_must_lock) */
    struct capheap_caps *owner;
    uintptr_t start, end;           /* whole region, records included */
    uintptr_t alias_lo, alias_hi;   /* instruction view, 0 if none */
    uintptr_t chip_start;
    int16_t type;
    const char *name;
    size_t window_saved;            /* SIZE_MAX: no window saved; guarded by
                                       this heap's lock */
};

typedef struct {
    uintptr_t lo, hi;
    caps_heap_t *heap;
    uintptr_t alias;                /* 1 iff this is the heap's alias range */
} caps_index_entry_t;

typedef struct {
    size_t count;
    caps_index_entry_t e[];
} caps_index_t;

struct capheap_caps {
    capheap_caps_config_t cfg;
    const capheap_lock_ops_t *lock_ops;
    capheap_lock_t admin;           /* add_region, deferred, monitor windows */
    _Atomic(caps_index_t *) index;
    _Atomic(caps_heap_t *) first;   /* selection list */
    _Atomic(caps_heap_t *) hint;    /* heap of a recent free that took the
                                       index: free's first guess (never NULL
                                       once created; release/acquire so that
                                       the record read through it is seen
                                       complete: plain moves on x86) */
    atomic_size_t heap_count;
    atomic_size_t extmem_limit;
    uint32_t word;                  /* EXEC/32BIT size granule */
    uint32_t slow_caps;             /* caps that change a request (EXEC, 32BIT,
                                       INVALID, the chip's alignment caps) */
    uint32_t fast_reject;           /* slow_caps, or every bit while an alloc
                                       hook is set: one test sends a request
                                       off the plain path */
    bool deferred_done;
    bool window_active;
    /* hooks: set while no allocation runs (see caps.h) */
    capheap_alloc_failed_fn failed_fn;
    void *failed_ctx;
    bool abort_on_failure;
    capheap_abort_fn abort_fn;
    void *abort_ctx;
    capheap_alloc_hook_fn alloc_hook;
    capheap_free_hook_fn free_hook;
    void *hook_ctx;
#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING
    struct capheap_trace *trace;    /* attached trace (src/debug/trace.c) */
#endif
};

/* Hidden bytes before a block handed out at a word-reversed alias: they hold
 * the block's data-bus address. */
#define CAPS_REV_HIDDEN ((sizeof(uintptr_t) + 3u) & ~(size_t)3u)

static inline void heap_lock(const caps_heap_t *h)
{
    const capheap_lock_ops_t *ops = h->lock_ops;
    if (ops) /* NULL for the no-op port: single-threaded builds pay nothing */
        ops->acquire(ops->ctx, (capheap_lock_t *)(uintptr_t)&h->lock);
}

static inline void heap_unlock(const caps_heap_t *h)
{
    const capheap_lock_ops_t *ops = h->lock_ops;
    if (ops)
        ops->release(ops->ctx, (capheap_lock_t *)(uintptr_t)&h->lock);
}

/* Whether the malloc and free fast paths must take h's lock now: always
 * with a port that cannot be skipped, with one carrying
 * CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED unless the process is known to be
 * single-threaded (then no other thread exists, and only this one could
 * create one, which it does not do inside the allocator), never with the
 * no-op port. One compare (CAPHEAP_SINGLE_THREADED_NOW is 0 or 1). The
 * other paths simply take the lock whenever there is one. */
static inline bool heap_must_lock(const caps_heap_t *h)
{
    return h->lock_gate > CAPHEAP_SINGLE_THREADED_NOW;
}

/* Requests of full_at bytes or more are known to fail in h (see full_at). */
static inline size_t heap_full_at(const caps_heap_t *h)
{
    return atomic_load_explicit((atomic_size_t *)(uintptr_t)&h->full_at, memory_order_relaxed);
}

/* h's engine state changed (a block freed, allocated or resized): whatever
 * it refused may fit now. Call with h's lock held (or the no-op port). */
static inline void heap_changed(caps_heap_t *h)
{
    atomic_store_explicit(&h->full_at, SIZE_MAX, memory_order_relaxed);
}

/* As heap_changed, skipping the store when nothing is remembered (the
 * common case: keeps the record's cache line clean). Lock held. */
static inline void heap_changed_cheap(caps_heap_t *h)
{
    if (heap_full_at(h) != SIZE_MAX)
        heap_changed(h);
}

/* An allocation just failed in h (lock held, engine state unchanged by the
 * failure): every size above the largest free block fails until h changes. */
static inline void heap_refused(caps_heap_t *h)
{
    atomic_store_explicit(&h->fast_block, ~0u, memory_order_relaxed);
    atomic_store_explicit(&h->full_at, capheap_dbg_largest_free(h->engine) + 1,
                          memory_order_relaxed);
}

static inline bool heap_matches(const caps_heap_t *h, uint32_t caps)
{
    return !(h->caps_missing & caps);
}

static inline caps_heap_t *list_first(const struct capheap_caps *c)
{
    return atomic_load_explicit((_Atomic(caps_heap_t *) *)(uintptr_t)&c->first,
                                memory_order_acquire);
}

static inline caps_heap_t *list_next(const caps_heap_t *h)
{
    return atomic_load_explicit((_Atomic(caps_heap_t *) *)(uintptr_t)&h->next,
                                memory_order_acquire);
}

static inline const caps_index_t *index_get(const struct capheap_caps *c)
{
    return atomic_load_explicit((_Atomic(caps_index_t *) *)(uintptr_t)&c->index,
                                memory_order_acquire);
}

/* capheap_heap_malloc_or's continuation for every engine heap (its ctx is
 * the heap's record): runs the whole selection (caps_alloc.c). */
void *caps_malloc_refused(void *rec);

/* Heaps in address order (by region start), through the index: entries of a
 * heap split around a nested heap are visited once (at the heap's start). */
#define FOR_EACH_HEAP_BY_ADDRESS(c, h)                                             \
    for (const caps_index_t *idx_ = index_get(c); idx_; idx_ = NULL)               \
        for (size_t i_ = 0; i_ < idx_->count; i_++)                                \
            /* h names the loop variable: it cannot be parenthesised */         \
            for (caps_heap_t *h = idx_->e[i_].heap; /* NOLINT(bugprone-macro-parentheses) */ \
                 h && !idx_->e[i_].alias && idx_->e[i_].lo == h->start; h = NULL) /* NOLINT(bugprone-macro-parentheses) */

/* The index entry containing addr, NULL if none. O(log entries). */
const caps_index_entry_t *caps_index_find(const caps_index_t *idx, uintptr_t addr);

/* Chip address of a host address (identity without a map). */
uintptr_t caps_to_chip(const struct capheap_caps *c, uintptr_t host);

#endif /* CAPHEAP_CAPS_INTERNAL_H */
