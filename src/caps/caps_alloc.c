/*
 * Caps allocator: selection and the malloc family.
 */
#include "caps_internal.h"

#include <string.h>

#include "../debug/trace_caps_begin.h" /* tracing builds: public names -> untraced bodies */

#define CAPS_ALIGN_ONLY CAPHEAP_CAP_CACHE_ALIGNED /* raises alignment, matches nothing */

/* What a request turned into after the rules that change requests. */
typedef struct {
    uint32_t match;   /* caps that heaps must have */
    size_t size;      /* rounded */
    size_t align;     /* 0: the engine's natural alignment is enough */
    size_t asked;     /* alignment asked (or raised by the chip), 0 if none:
                         blocks at a word-reversed alias only have 4 */
} request_t;

static bool make_request_slow(const struct capheap_caps *c, size_t size, size_t align,
                              uint32_t caps, request_t *rq);

/* The common request (no EXEC/32BIT/alignment caps, no alignment asked) in a
 * few instructions; everything else on the slow path. */
static inline bool make_request(const struct capheap_caps *c, size_t size, size_t align,
                                uint32_t caps, request_t *rq)
{
    if (!(caps & c->slow_caps) && align == 0) {
        rq->match = caps;
        rq->size = size;
        rq->align = 0;
        rq->asked = 0;
        return true;
    }
    return make_request_slow(c, size, align, caps, rq);
}

static bool make_request_slow(const struct capheap_caps *c, size_t size, size_t align,
                              uint32_t caps, request_t *rq)
{
    if (caps & CAPHEAP_CAP_INVALID)
        return false;
    if ((caps & CAPHEAP_CAP_EXEC) && (caps & (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DMA)))
        return false;
    if (caps & (CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT)) {
        size_t w = c->word;
        if (size > SIZE_MAX - (w - 1))
            return false;
        size = (size + w - 1) & ~(w - 1);
    }
    const capheap_chip_t *chip = c->cfg.chip;
    if (chip && chip->align_for_caps && (!chip->align_caps || (caps & chip->align_caps))) {
        size_t raised = chip->align_for_caps(caps, align ? align : 1);
        if (raised > align && raised > CAPHEAP_ALIGNMENT) {
            /* the hook raised the alignment (DMA, cache lines): the buffer
             * must also end on that boundary, so that no neighbour's header
             * shares its last cache line */
            if (size > SIZE_MAX - (raised - 1))
                return false;
            size = (size + raised - 1) & ~(raised - 1);
        }
        align = raised;
    }
    rq->asked = align > 1 ? align : 0;
    if (align <= CAPHEAP_ALIGNMENT)
        align = 0;
    rq->match = caps & ~CAPS_ALIGN_ONLY;
    rq->size = size;
    rq->align = align;
    return true;
}

/* Copies n bytes where either side may be instruction memory. When both
 * sides are word-aligned, every whole word is one aligned 32-bit load or
 * store (instruction buses fault on byte access): a volatile lvalue the
 * compiler can neither split into bytes nor turn into a library call,
 * whatever the target's alignment rules. A length that is not a multiple of
 * 4 ends with bytes: callers round the length up to a word themselves where
 * the blocks allow it (instruction memory is only handed out in whole words,
 * and the debug layer's tail canary may follow the last byte). */
#if defined(__GNUC__) || defined(__clang__)
typedef uint32_t __attribute__((may_alias)) word_t;
#else
typedef uint32_t word_t;
#endif

static void copy_mem(void *dst, const void *src, size_t n)
{
    if ((((uintptr_t)dst | (uintptr_t)src) & 3u) == 0) {
        volatile word_t *d = (volatile word_t *)dst;
        const volatile word_t *s = (const volatile word_t *)src;
        size_t words = n / 4;
        for (size_t i = 0; i < words; i++)
            d[i] = s[i];
        if (n & 3u)
            memcpy((char *)dst + words * 4, (const char *)src + words * 4, n & 3u);
        return;
    }
    memcpy(dst, src, n);
}

static void zero_mem(void *dst, size_t n)
{
    if (((uintptr_t)dst & 3u) == 0) {
        volatile word_t *d = (volatile word_t *)dst;
        size_t words = n / 4;
        for (size_t i = 0; i < words; i++)
            d[i] = 0;
        if (n & 3u)
            memset((char *)dst + words * 4, 0, n & 3u);
        return;
    }
    memset(dst, 0, n);
}

/* EXEC from a word-reversed D/IRAM heap: the block is allocated with a
 * hidden word in front (in the instruction view) holding its data-bus
 * address; the caller gets the instruction-view address after it. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void *try_heap_reversed(caps_heap_t *h, const request_t *rq)
{
    if (rq->asked > 4 || rq->size > SIZE_MAX - CAPS_REV_HIDDEN ||
        rq->size + CAPS_REV_HIDDEN >= heap_full_at(h))
        return NULL;
    heap_lock(h);
    void *p = capheap_dbg_malloc(h->engine, rq->size + CAPS_REV_HIDDEN);
    size_t u = 0;
    if (p) {
        u = capheap_dbg_usable_size(h->engine, p);
        heap_changed_cheap(h);
    } else {
        heap_refused(h);
    }
    heap_unlock(h);
    if (!p)
        return NULL;
    /* the instruction view of [p, p+u) starts at the view of its last word */
    uintptr_t last = (uintptr_t)p + (u & ~(size_t)3) - 4;
    uintptr_t iv = h->alias_lo + (h->end - 4 - last);
    uintptr_t d = (uintptr_t)p;
    copy_mem((void *)iv, &d, sizeof d);
    return (void *)(iv + CAPS_REV_HIDDEN);
}

/* Tries one heap. Returns the caller's pointer or NULL. */
static inline void *try_heap(caps_heap_t *h, const request_t *rq, bool exec)
{
    uintptr_t shift = 0;
    if (exec && h->exec_alias) {
        if (h->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED)
            return try_heap_reversed(h, rq);
        shift = h->alias_lo - h->start;
        if (rq->asked && (shift & (rq->asked - 1)))
            return NULL; /* the alias would break the alignment asked */
    }
    if (rq->size >= heap_full_at(h))
        return NULL; /* known to fail: no lock taken */
    heap_lock(h);
    void *p = rq->align ? capheap_dbg_aligned_alloc_offs(h->engine, rq->size, rq->align, 0)
                        : capheap_dbg_malloc(h->engine, rq->size);
    if (p)
        heap_changed_cheap(h);
    else
        heap_refused(h);
    heap_unlock(h);
    return p ? (void *)((uintptr_t)p + shift) : NULL;
}

/* True iff prio is the first priority at which h shares a bit with m: a heap
 * is tried once, at that priority. */
static inline bool first_prio(const caps_heap_t *h, int prio, uint32_t m)
{
    if (!(h->caps[prio] & m))
        return false;
    return prio == 0 || !((h->caps[0] | (prio == 2 ? h->caps[1] : 0u)) & m);
}

/* Priority-outer selection; reserve heaps after every other heap failed.
 * No failure policy here. */
static void *select_alloc(struct capheap_caps *c, const request_t *rq)
{
    const uint32_t m = rq->match;
    const bool exec = (m & CAPHEAP_CAP_EXEC) != 0;
    bool reserve_seen = false;
    for (int prio = 0; prio < CAPHEAP_PRIORITIES; prio++) {
        for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
            if (!first_prio(h, prio, m) || !heap_matches(h, m))
                continue;
            if (h->reserve) {
                reserve_seen = true;
                continue;
            }
            void *p = try_heap(h, rq, exec);
            if (p)
                return p;
        }
    }
    if (!reserve_seen)
        return NULL;
    for (int prio = 0; prio < CAPHEAP_PRIORITIES; prio++) {
        for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
            if (!h->reserve || !first_prio(h, prio, m) || !heap_matches(h, m))
                continue;
            void *p = try_heap(h, rq, exec);
            if (p)
                return p;
        }
    }
    return NULL;
}

static void alloc_failed(struct capheap_caps *c, size_t size, uint32_t caps, const char *fn)
{
    if (c->failed_fn)
        c->failed_fn(c->failed_ctx, size, caps, fn);
    if (c->abort_on_failure) {
        char msg[128];
        capheap_snprintf(msg, sizeof msg, "%s: %zu bytes with caps 0x%08x failed", fn, size,
                         (unsigned)caps);
        capheap_printf(c->cfg.print, c->cfg.print_ctx, "%s\n", msg);
        if (c->abort_fn)
            c->abort_fn(c->abort_ctx, msg);
        capheap_port_abort(msg);
    }
}

static void *alloc_nofail(struct capheap_caps *c, size_t size, size_t align, uint32_t caps,
                          bool zero)
{
    request_t rq;
    if (!make_request(c, size, align, caps, &rq))
        return NULL;
    void *p = select_alloc(c, &rq);
    if (p) {
        if (zero)
            zero_mem(p, rq.size); /* the rounded size: whole words for EXEC/32BIT */
        if (c->alloc_hook)
            c->alloc_hook(c->hook_ctx, p, size, caps);
    }
    return p;
}

static void *alloc_policy(struct capheap_caps *c, size_t size, size_t align, uint32_t caps,
                          bool zero, const char *fn)
{
    void *p = alloc_nofail(c, size, align, caps, zero);
    if (!p)
        alloc_failed(c, size, caps, fn);
    return p;
}

/* One plain try of h (no alias, no alignment). */
static inline void *try_plain(caps_heap_t *h, size_t size)
{
    size_t full = heap_full_at(h);
    if (size >= full)
        return NULL; /* known to fail: no lock taken */
    if (!heap_must_lock(h)) {
        /* nothing runs concurrently (the no-op port, or a single thread) */
        void *p = capheap_dbg_malloc(h->engine, size);
        if (!p)
            heap_refused(h);
        else if (full != SIZE_MAX)
            heap_changed(h);
        return p;
    }
    heap_lock(h);
    void *p = capheap_dbg_malloc(h->engine, size);
    if (p)
        heap_changed_cheap(h);
    else
        heap_refused(h);
    heap_unlock(h);
    return p;
}

/* The common request (no caps that change it): the same priority-outer
 * selection as select_alloc with nothing else in the way. NULL when nothing
 * ordinary fits or a reserve heap would qualify (the caller then runs the
 * general path, which tries the ordinary heaps once more: only a failing
 * request pays that). */
static inline void *select_plain(struct capheap_caps *c, size_t size, uint32_t m)
{
    for (int prio = 0; prio < CAPHEAP_PRIORITIES; prio++) {
        for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
            if (!first_prio(h, prio, m) || !heap_matches(h, m))
                continue;
            if (h->reserve)
                return NULL;
            void *p = try_plain(h, size);
            if (p)
                return p;
        }
    }
    return NULL;
}

/* capheap_caps_malloc after the fast path: the whole plain selection, then
 * the general path with the failure policy. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void *malloc_slow(struct capheap_caps *c, size_t size, uint32_t caps)
{
    if (!(caps & c->fast_reject)) {
        void *p = select_plain(c, size, caps);
        if (p)
            return p;
    }
    return alloc_policy(c, size, 0, caps, false, "capheap_caps_malloc");
}

/* The engine's continuation when the fast path's try of a heap whose lock
 * is not due is refused (capheap_heap_malloc_or; ctx: the heap's record, which
 * holds the request's caps): the rest of the selection. */
void *caps_malloc_refused(void *rec)
{
    caps_heap_t *h = rec;
    return malloc_slow(h->owner, h->fast_size, h->fast_caps);
}

/* The fast path's try of a heap with a lock; malloc_slow if it fails. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
void *caps_malloc_locked(struct capheap_caps *c, size_t size, uint32_t caps, caps_heap_t *h)
{
    heap_lock(h);
    void *p = capheap_dbg_malloc(h->engine, size);
    if (!p)
        heap_refused(h); /* the selection then passes it by, unlocked */
    else if (heap_full_at(h) != SIZE_MAX)
        heap_changed(h); /* a refusal since we looked */
    heap_unlock(h);
    return p ? p : malloc_slow(c, size, caps);
}

/* malloc's selection at priority 0 from heap h on (h may be NULL), up to
 * the first heap that qualifies and is not known to be full (exactly what
 * the selection would try first; reserve heaps, tried last, are passed by,
 * and a request that changes itself or an alloc hook passes every heap by:
 * fast_missing). Anything else (a heap that remembers a refusal, a
 * failure, no such heap) goes to malloc_slow, which runs the whole
 * selection from the start: a failed engine call changes nothing, so
 * trying a heap again there is harmless. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void *malloc_walk(struct capheap_caps *c, size_t size, uint32_t caps, caps_heap_t *h)
{
    for (; h; h = list_next(h)) {
        if ((h->fast_missing & caps) || !(h->caps[0] & caps))
            continue;
        size_t full = heap_full_at(h);
        if (full == SIZE_MAX) {
            if (heap_must_lock(h))
                return caps_malloc_locked(c, size, caps, h);
            void *p = capheap_dbg_malloc(h->engine, size);
            if (p)
                return p;
            break;
        }
        if (size < full)
            break; /* may fit: the selection decides */
        /* known to fail: the selection skips it too */
    }
    return malloc_slow(c, size, caps);
}

/* malloc past the fast path's test, from the first heap h: if h
 * qualifies and is no longer known to be full, it is tried (with its lock
 * when one is due) and the fast path's test is re-armed (the refusal it
 * remembers is stale); else the walk from the next heap. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
void *caps_malloc_first(struct capheap_caps *c, size_t size, uint32_t caps, caps_heap_t *h)
{
    if (!(h->fast_missing & caps) && (h->caps[0] & caps)) {
        size_t full = heap_full_at(h);
        if (full == SIZE_MAX) {
            /* re-armed only where it changes (with a due lock this path
             * is taken by every malloc: the record's line stays clean) */
            for (unsigned st = 0; st < 2; st++) {
                uint32_t arm = caps_fast_arm(h, st);
                if (atomic_load_explicit(&h->fast_block[st], memory_order_relaxed) != arm)
                    atomic_store_explicit(&h->fast_block[st], arm, memory_order_relaxed);
            }
            return heap_must_lock(h) ? caps_malloc_locked(c, size, caps, h) : malloc_walk(c, size, caps, h);
        }
        if (size < full)
            return malloc_slow(c, size, caps); /* may fit: the selection decides */
        /* known to fail: the selection skips it too */
    }
    return malloc_walk(c, size, caps, list_next(h));
}

void *capheap_caps_malloc(capheap_caps_t *c, size_t size, uint32_t caps)
{
    if (!c)
        return NULL;
    return caps_malloc_fast(c, size, caps);
}

void *capheap_caps_calloc(capheap_caps_t *c, size_t n, size_t size, uint32_t caps)
{
    if (!c)
        return NULL;
    if (size && n > SIZE_MAX / size) {
        alloc_failed(c, SIZE_MAX, caps, "capheap_caps_calloc");
        return NULL;
    }
    return alloc_policy(c, n * size, 0, caps, true, "capheap_caps_calloc");
}

static bool is_pow2(size_t a)
{
    return a && !(a & (a - 1));
}

void *capheap_caps_aligned_alloc(capheap_caps_t *c, size_t align, size_t size, uint32_t caps)
{
    if (!c)
        return NULL;
    if (!is_pow2(align)) {
        alloc_failed(c, size, caps, "capheap_caps_aligned_alloc");
        return NULL;
    }
    return alloc_policy(c, size, align, caps, false, "capheap_caps_aligned_alloc");
}

void *capheap_caps_aligned_calloc(capheap_caps_t *c, size_t align, size_t n, size_t size,
                                  uint32_t caps)
{
    if (!c)
        return NULL;
    if (!is_pow2(align) || (size && n > SIZE_MAX / size)) {
        alloc_failed(c, SIZE_MAX, caps, "capheap_caps_aligned_calloc");
        return NULL;
    }
    return alloc_policy(c, n * size, align, caps, true, "capheap_caps_aligned_calloc");
}

/* ------------------------------------------------------- owner look-ups */

/* A pointer resolved to its heap and its engine block. */
typedef struct {
    caps_heap_t *heap;
    void *block;      /* engine pointer (data-bus) */
    size_t usable;    /* caller-visible usable bytes from the caller's ptr */
    size_t block_usable;
    bool alias;       /* handed out at the instruction alias */
} owner_t;

static void report(const struct capheap_caps *c, capheap_error_reason_t why, const void *p)
{
    if (c->cfg.error_hook)
        c->cfg.error_hook(c->cfg.error_ctx, why, p);
}

/* Resolves ptr; false (reported) when no heap owns it or it is not a live
 * block. */
static bool resolve(struct capheap_caps *c, void *ptr, owner_t *o)
{
    const caps_index_entry_t *e = caps_index_find(index_get(c), (uintptr_t)ptr);
    if (!e) {
        report(c, CAPHEAP_E_NOT_OWNED, ptr);
        return false;
    }
    caps_heap_t *h = e->heap;
    o->heap = h;
    o->alias = e->alias != 0;
    if (!o->alias) {
        o->block = ptr;
    } else if (h->alias_kind == CAPHEAP_ALIAS_LINEAR) {
        o->block = (void *)((uintptr_t)ptr - (h->alias_lo - h->start));
    } else {
        uintptr_t iv = (uintptr_t)ptr - CAPS_REV_HIDDEN, d;
        if ((uintptr_t)ptr < h->alias_lo + CAPS_REV_HIDDEN || (iv & 3u)) {
            report(c, CAPHEAP_E_BAD_HEADER, ptr);
            return false;
        }
        copy_mem(&d, (const void *)iv, sizeof d);
        if (d < h->start || d >= h->end) {
            report(c, CAPHEAP_E_BAD_HEADER, ptr);
            return false;
        }
        o->block = (void *)d;
    }
    size_t u;
    heap_lock(h);
    bool live = capheap_dbg_query(h->engine, o->block, &u);
    heap_unlock(h);
    if (!live)
        return false; /* the engine or the debug layer reported it; u may be
                       * 0 for a live malloc(0) block with a debug prefix */
    o->block_usable = u;
    o->usable = u;
    if (o->alias && h->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED) {
        uintptr_t last = (uintptr_t)o->block + (u & ~(size_t)3) - 4;
        if (u < CAPS_REV_HIDDEN + 4 ||
            h->alias_lo + (h->end - 4 - last) + CAPS_REV_HIDDEN != (uintptr_t)ptr) {
            report(c, CAPHEAP_E_BAD_HEADER, ptr);
            return false;
        }
        o->usable = (u & ~(size_t)3) - CAPS_REV_HIDDEN;
    }
    return true;
}

static void free_owned(struct capheap_caps *c, void *ptr, const owner_t *o)
{
    if (c->free_hook)
        c->free_hook(c->hook_ctx, ptr);
    heap_lock(o->heap);
    capheap_dbg_free(o->heap->engine, o->block);
    heap_changed(o->heap);
    heap_unlock(o->heap);
}

/* free() when the hint missed or a hook is set: the index, aliases. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void free_lookup(struct capheap_caps *c, void *ptr, caps_heap_t *h)
{
    uintptr_t shift = 0;
    if ((uintptr_t)ptr - h->start >=
        atomic_load_explicit(&h->free_span, memory_order_relaxed)) {
        const caps_index_entry_t *e = caps_index_find(index_get(c), (uintptr_t)ptr);
        if (!e) {
            report(c, CAPHEAP_E_NOT_OWNED, ptr);
            return;
        }
        h = e->heap;
        if (e->alias) {
            if (h->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED) {
                /* the hidden word must be validated against the block first */
                owner_t o;
                if (resolve(c, ptr, &o))
                    free_owned(c, ptr, &o);
                return;
            }
            shift = h->alias_lo - h->start;
        } else if (atomic_load_explicit(&h->free_span, memory_order_relaxed)) {
            /* the next free from this heap takes the shortcut */
            atomic_store_explicit(&c->hint, h, memory_order_release);
        }
    }
    /* one lock round trip; the engine validates the pointer */
    if (c->free_hook)
        c->free_hook(c->hook_ctx, ptr);
    heap_lock(h);
    capheap_dbg_free(h->engine, (void *)((uintptr_t)ptr - shift));
    heap_changed(h);
    heap_unlock(h);
}

/* free() past the no-lock shortcut: the hint's heap with its lock, else
 * free_lookup. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
void caps_free_slow(struct capheap_caps *c, void *ptr)
{
    if (!c || !ptr)
        return;
    caps_heap_t *h = atomic_load_explicit(&c->hint, memory_order_acquire);
    if ((uintptr_t)ptr - h->start < atomic_load_explicit(&h->free_span, memory_order_relaxed) &&
        h->lock_ops && !c->free_hook) {
        heap_lock(h);
        capheap_dbg_free(h->engine, ptr); /* the engine validates ptr */
        heap_changed(h);
        heap_unlock(h);
        return;
    }
    free_lookup(c, ptr, h);
}

void capheap_caps_free(capheap_caps_t *c, void *ptr)
{
    if (c)
        caps_free_fast(c, ptr);
}

size_t capheap_caps_get_allocated_size(capheap_caps_t *c, void *ptr)
{
    owner_t o;
    if (!c || !ptr || !resolve(c, ptr, &o))
        return 0;
    return o.usable;
}

size_t capheap_caps_get_containing_block_size(capheap_caps_t *c, void *ptr)
{
    owner_t o;
    if (!c || !ptr || !resolve(c, ptr, &o))
        return 0;
    return o.block_usable;
}

/* ---------------------------------------------------------------- realloc */

static void *realloc_nofail(struct capheap_caps *c, void *ptr, size_t size, uint32_t caps,
                            bool *bad)
{
    owner_t o;
    request_t rq;

    *bad = false;
    if (!resolve(c, ptr, &o)) {
        *bad = true;
        return NULL;
    }
    if (!make_request(c, size, 0, caps, &rq))
        return NULL;
    caps_heap_t *h = o.heap;
    bool wants_alias = (rq.match & CAPHEAP_CAP_EXEC) && h->exec_alias;
    bool in_place = !o.alias && !wants_alias && heap_matches(h, rq.match) &&
                    (rq.align == 0 || ((uintptr_t)o.block & (rq.align - 1)) == 0);
    /* With a raised alignment the engine may only shrink the block (a shrink
     * never moves it); growth is done by moving to an aligned block. */
    if (in_place && (rq.align == 0 || rq.size <= o.usable)) {
        heap_lock(h);
        void *n = capheap_dbg_realloc(h->engine, o.block, rq.size);
        heap_changed(h);
        heap_unlock(h);
        if (n) {
            if (c->free_hook)
                c->free_hook(c->hook_ctx, ptr);
            if (c->alloc_hook)
                c->alloc_hook(c->hook_ctx, n, size, caps);
            return n;
        }
    }
    /* move: the old block stays untouched until the new one exists */
    void *n = alloc_nofail(c, size, 0, caps, false);
    if (!n)
        return NULL;
    size_t len = o.usable < size ? o.usable : size;
    size_t len4 = (len + 3u) & ~(size_t)3u;
    if (len4 != len && len4 <= o.usable && len4 <= capheap_caps_get_allocated_size(c, n))
        len = len4; /* whole words when both blocks have them (instruction memory) */
    copy_mem(n, ptr, len);
    free_owned(c, ptr, &o);
    return n;
}

void *capheap_caps_realloc(capheap_caps_t *c, void *ptr, size_t size, uint32_t caps)
{
    if (!c)
        return NULL;
    if (!ptr)
        return capheap_caps_malloc(c, size, caps);
    if (size == 0) {
        capheap_caps_free(c, ptr);
        return NULL;
    }
    bool bad;
    void *n = realloc_nofail(c, ptr, size, caps, &bad);
    if (!n && !bad)
        alloc_failed(c, size, caps, "capheap_caps_realloc");
    return n;
}

/* ------------------------------------------------------------ prefer */

void *capheap_caps_malloc_prefer(capheap_caps_t *c, size_t size, const uint32_t *list,
                                 size_t count)
{
    if (!c || !list || count == 0)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        void *p = alloc_nofail(c, size, 0, list[i], false);
        if (p)
            return p;
    }
    alloc_failed(c, size, list[count - 1], "capheap_caps_malloc_prefer");
    return NULL;
}

void *capheap_caps_calloc_prefer(capheap_caps_t *c, size_t n, size_t size, const uint32_t *list,
                                 size_t count)
{
    if (!c || !list || count == 0)
        return NULL;
    if (size && n > SIZE_MAX / size) {
        alloc_failed(c, SIZE_MAX, list[count - 1], "capheap_caps_calloc_prefer");
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        void *p = alloc_nofail(c, n * size, 0, list[i], true);
        if (p)
            return p;
    }
    alloc_failed(c, n * size, list[count - 1], "capheap_caps_calloc_prefer");
    return NULL;
}

void *capheap_caps_realloc_prefer(capheap_caps_t *c, void *ptr, size_t size,
                                  const uint32_t *list, size_t count)
{
    if (!c || !list || count == 0)
        return NULL;
    if (!ptr)
        return capheap_caps_malloc_prefer(c, size, list, count);
    if (size == 0) {
        capheap_caps_free(c, ptr);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        bool bad;
        void *n = realloc_nofail(c, ptr, size, list[i], &bad);
        if (n || bad)
            return n;
    }
    alloc_failed(c, size, list[count - 1], "capheap_caps_realloc_prefer");
    return NULL;
}

/* ------------------------------------------------------------ default */

#define CAPS_INTERNAL_DEFAULT (CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL)

/* The caps list malloc_default tries for `size`; returns its length. */
static size_t default_list(struct capheap_caps *c, size_t size, uint32_t list[2])
{
    size_t limit = atomic_load_explicit(&c->extmem_limit, memory_order_relaxed);
    if (limit == SIZE_MAX) {
        list[0] = CAPS_INTERNAL_DEFAULT;
        return 1;
    }
    list[0] = size <= limit ? CAPS_INTERNAL_DEFAULT : (CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_SPIRAM);
    list[1] = CAPHEAP_CAP_DEFAULT;
    return 2;
}

void *capheap_caps_malloc_default(capheap_caps_t *c, size_t size)
{
    uint32_t list[2];
    if (!c)
        return NULL;
    return capheap_caps_malloc_prefer(c, size, list, default_list(c, size, list));
}

void *capheap_caps_calloc_default(capheap_caps_t *c, size_t n, size_t size)
{
    uint32_t list[2];
    if (!c)
        return NULL;
    size_t total = (size && n > SIZE_MAX / size) ? SIZE_MAX : n * size;
    return capheap_caps_calloc_prefer(c, n, size, list, default_list(c, total, list));
}

void *capheap_caps_realloc_default(capheap_caps_t *c, void *ptr, size_t size)
{
    uint32_t list[2];
    if (!c)
        return NULL;
    return capheap_caps_realloc_prefer(c, ptr, size, list, default_list(c, size, list));
}

#include "../debug/trace_caps_end.h" /* tracing builds: the traced public functions */
