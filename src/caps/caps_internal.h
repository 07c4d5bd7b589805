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
#if CAPHEAP_PORT_HAS_FUTEX
#include "../port/futex_lock.h"
#endif

#include <stdatomic.h>

/* 1 in the builds whose public caps functions record every call (heap
 * tracing, Valgrind and ASan annotations): src/debug/trace_caps_begin.h
 * then turns caps_alloc.c's public names into untraced bodies, and callers
 * outside the caps layer (the ESP-IDF layer) must call the public
 * functions rather than the inline fast paths below. */
#if (defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING) || \
    (defined(CAPHEAP_VALGRIND) && CAPHEAP_VALGRIND) || (defined(CAPHEAP_ASAN) && CAPHEAP_ASAN)
#define CAPS_CALLS_RECORDED 1
#else
#define CAPS_CALLS_RECORDED 0
#endif

#if defined(__GNUC__) || defined(__clang__)
#define CAPS_LIKELY(x) __builtin_expect(!!(x), 1)
#else
#define CAPS_LIKELY(x) (x)
#endif

typedef struct capheap_caps_heap caps_heap_t;

struct capheap_caps_heap {
    /* free()'s fast path: the range in which it may hand the pointer to
     * the engine at once, indexed by CAPS_ST (1 while the process is known
     * to be single-threaded): free_span when no free hook is set and no
     * lock is due in that situation (caps_lock_due), else 0. */
    atomic_size_t fast_span[2];
    /* malloc's fast path, indexed by CAPS_ST like fast_span: fast_missing,
     * or every bit while the heap is known to be full (set with full_at by
     * a refusal; back when malloc_first finds full_at cleared) or, where
     * the C library tells single-threaded processes apart, while a lock is
     * due in that situation. The first heap's caps test. A hint like
     * full_at: a stale value costs a try or a detour, never a wrong
     * answer. */
    atomic_uint fast_block[2];
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
    capheap_lock_t lock;
    /* free()'s shortcut trusts [start, start + free_span): the region's
     * size, 0 once another heap lives inside one of its blocks */
    atomic_size_t free_span;
    uint32_t caps[CAPHEAP_PRIORITIES];
    uint32_t caps_union;
    uint32_t caps_missing;          /* ~caps_union: one test for "has them all" */
    uint32_t fast_caps;             /* with fast_size below */
    /* The request the engine is trying through malloc's fast path (only
     * while no lock is due: nothing runs concurrently), for
     * caps_malloc_refused. */
    size_t fast_size;
    uint32_t fast_missing;          /* caps_missing, plus every bit when malloc's
                                       plain fast path must pass this heap by (a
                                       reserve heap: tried last), plus the
                                       instance's fast_reject (caps that change a
                                       request; every bit while an alloc hook is
                                       set): one test per heap. Written while no
                                       allocation runs (creation, set_hooks). */
    bool reserve;         /* CAPHEAP_MT_RESERVE: tried last */
    bool exec_alias;      /* D/IRAM: EXEC requests are returned at the alias */
    bool runtime;         /* added by add_region* */
    uint8_t alias_kind;
    uint8_t lock_gate;              /* 0: the no-op port; 1: a port that may be
                                       skipped while the process is single-
                                       threaded; 2: any other (heap_must_lock) */
    int16_t type;
    _Atomic(caps_heap_t *) next;
    capheap_heap_t *engine;
    const capheap_lock_ops_t *lock_ops; /* NULL: the no-op port */
    struct capheap_caps *owner;
    uintptr_t start, end;           /* whole region, records included */
    uintptr_t alias_lo, alias_hi;   /* instruction view, 0 if none */
    uintptr_t chip_start;
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

/* Takes h's lock (nothing for the no-op port: single-threaded builds pay
 * nothing; the futex port's word inline, without the call). */
static inline void heap_lock(const caps_heap_t *h)
{
    const capheap_lock_ops_t *ops = h->lock_ops;
#if CAPHEAP_PORT_HAS_FUTEX
    if (ops == &capheap_port_lock_futex) {
        capheap_fx_lock((capheap_fx_t *)(uintptr_t)h->lock.u.words);
        return;
    }
#endif
    if (ops)
        ops->acquire(ops->ctx, (capheap_lock_t *)(uintptr_t)&h->lock);
}

static inline void heap_unlock(const caps_heap_t *h)
{
    const capheap_lock_ops_t *ops = h->lock_ops;
#if CAPHEAP_PORT_HAS_FUTEX
    if (ops == &capheap_port_lock_futex) {
        capheap_fx_unlock((capheap_fx_t *)(uintptr_t)h->lock.u.words);
        return;
    }
#endif
    if (ops)
        ops->release(ops->ctx, (capheap_lock_t *)(uintptr_t)&h->lock);
}

/* Index of the fast-path words (fast_span, fast_block) for now. */
#define CAPS_ST ((unsigned)CAPHEAP_SINGLE_THREADED_NOW)

/* Whether a lock of h is due in situation st (CAPS_ST's values). */
static inline bool caps_lock_due(const caps_heap_t *h, unsigned st)
{
    return h->lock_gate > st;
}

/* fast_block[st] while h is not known to be full. */
static inline uint32_t caps_fast_arm(const caps_heap_t *h, unsigned st)
{
    return CAPHEAP_HAVE_SINGLE_THREADED && caps_lock_due(h, st) ? ~0u : h->fast_missing;
}

/* Sets h's fast-path words (fast_span, fast_block) from its state: its
 * lock, the instance's free hook and free_span. Where the C library does
 * not tell single-threaded processes apart, malloc's fast path tests the
 * lock itself, so fast_block does not depend on it. */
void caps_fast_words(caps_heap_t *h);

/* Whether malloc's plain selection and free's fast path must take h's
 * lock now: always with a port that cannot be skipped, with one carrying
 * CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED unless the process is known to be
 * single-threaded (then no other thread exists, and only this one could
 * create one, which it does not do inside the allocator), never with the
 * no-op port. One compare. The other paths take the lock whenever there
 * is one. */
static inline bool heap_must_lock(const caps_heap_t *h)
{
    return caps_lock_due(h, CAPS_ST);
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
    atomic_store_explicit(&h->fast_block[0], ~0u, memory_order_relaxed);
    atomic_store_explicit(&h->fast_block[1], ~0u, memory_order_relaxed);
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

/* ------------------------------------------------------ the fast paths */

/* Out of line continuations of the fast paths (caps_alloc.c). */
void *caps_malloc_first(struct capheap_caps *c, size_t size, uint32_t caps, caps_heap_t *h);
void *caps_malloc_locked(struct capheap_caps *c, size_t size, uint32_t caps, caps_heap_t *h);
void caps_free_slow(struct capheap_caps *c, void *ptr);

/* Where the fast paths go when they cannot serve a call: the general
 * paths (caps_malloc_first, caps_free_slow), or a caller's own (the
 * ESP-IDF layer tells its stand-in instance apart first). */
typedef void *(*caps_malloc_miss_fn)(struct capheap_caps *c, size_t size, uint32_t caps, caps_heap_t *h);
typedef void (*caps_free_miss_fn)(struct capheap_caps *c, void *ptr);

/*
 * capheap_caps_malloc for an instance known to exist. The first heap (the
 * list is never empty once created): one word covers the caps, the hooks,
 * a reserve heap, a remembered refusal and (with glibc) a due lock; then
 * the engine is tail-called when nothing runs concurrently (the no-op
 * port, or a lock skipped by a single-threaded process), with the request
 * kept in the record for caps_malloc_refused if it fails. Else `miss`.
 * Inline in the ESP-IDF layer's heap_caps_malloc too.
 */
static inline void *caps_malloc_fast_then(struct capheap_caps *c, size_t size, uint32_t caps,
                                          caps_malloc_miss_fn miss)
{
    caps_heap_t *h = list_first(c);
    atomic_uint *block = h->fast_block; /* (gcc folds the field offset into the load only so) */
    if (CAPS_LIKELY(!(atomic_load_explicit(block + CAPS_ST, memory_order_relaxed) & caps) &&
                    (h->caps[0] & caps))) {
#if !CAPHEAP_HAVE_SINGLE_THREADED
        if (h->lock_gate)
            return caps_malloc_locked(c, size, caps, h);
#endif
#if !CAPHEAP_DEBUG_HEADER
        h->fast_size = size;
        h->fast_caps = caps;
        return capheap_heap_malloc_or(h->engine, size);
#endif
    }
    return miss(c, size, caps, h);
}

static inline void *caps_malloc_fast(struct capheap_caps *c, size_t size, uint32_t caps)
{
    return caps_malloc_fast_then(c, size, caps, caps_malloc_first);
}

/* capheap_caps_free for an instance known to exist: most frees belong to
 * the heap of the previous free (the hint): one range check, which fails
 * with a due lock, a free hook or a heap nested inside (fast_span 0), and
 * for NULL (outside every range; caps_free_slow ignores it); then `miss`. */
static inline void caps_free_fast_then(struct capheap_caps *c, void *ptr, caps_free_miss_fn miss)
{
    caps_heap_t *h = atomic_load_explicit(&c->hint, memory_order_acquire);
    atomic_size_t *span = h->fast_span; /* (see caps_malloc_fast_then) */
    if ((uintptr_t)ptr - h->start < atomic_load_explicit(span + CAPS_ST, memory_order_relaxed)) {
        heap_changed(h);
        capheap_dbg_free(h->engine, ptr); /* the engine validates ptr */
        return;
    }
    miss(c, ptr);
}

static inline void caps_free_fast(struct capheap_caps *c, void *ptr)
{
    caps_free_fast_then(c, ptr, caps_free_slow);
}

#endif /* CAPHEAP_CAPS_INTERNAL_H */
