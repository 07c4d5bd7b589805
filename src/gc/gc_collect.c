/*
 * GC heap: marking (bounded stack, overflow recovery) and sweeping.
 *
 * Mark stack entries are block addresses of objects already turned MARK
 * whose words are still to be scanned. When the stack is full, an object is
 * marked but not pushed, and its area remembers the lowest such block
 * (ovf_lo). Once the stack is empty, a recovery pass walks each area from
 * ovf_lo upwards and rescans every MARK object it meets (rescanning an
 * object already scanned pushes nothing: its children are marked), draining
 * the stack after each one. An overflow during the pass at a block the pass
 * has yet to reach needs nothing more; one below it starts another pass
 * from there. So the heap is walked once per overflow episode, not once per
 * overflowed object.
 */
#include "gc_internal.h"

/* Marks v if it is (or, with CAPHEAP_GC_INTERIOR, points into) a HEAD block
 * of this heap; pushes it or records the overflow. */
static void mark_word(struct capheap_gc *gc, uintptr_t v)
{
    bool interior = (gc->cfg.flags & CAPHEAP_GC_INTERIOR) != 0;
    if (((v & (GC_B - 1u)) && !interior) || v < gc->lo || v >= gc->hi)
        return;
    gc_area_t *a = gc->last_area;
    if (!a || v < a->pool || v >= a->pool_end) {
        a = gc_area_of(gc, v);
        if (!a)
            return;
        gc->last_area = a;
    }
    size_t i = (size_t)((v - a->pool) / GC_B);
    unsigned st = atb_get(a, i);
    if (interior)
        while (st == AT_TAIL && i > 0)
            st = atb_get(a, --i);
    if (st != AT_HEAD)
        return;
    ATB_HEAD_TO_MARK(a, i);
    if (gc->stack_len < gc->stack_cap) {
        gc->stack[gc->stack_len++] = gc_block_addr(a, i);
    } else if (i < a->ovf_lo) {
        a->ovf_lo = i;
    }
}

/* Scans the words of the object whose HEAD (now MARK) is block i. */
static void scan_object(struct capheap_gc *gc, gc_area_t *a, size_t i)
{
    size_t n = gc_object_blocks(a, i);
    const uintptr_t *w = (const uintptr_t *)gc_block_addr(a, i);
    const uintptr_t *end = w + n * 4u;
    /* the cheap rejections inline: most words are not block-aligned
     * addresses inside the heap's bounds */
    uintptr_t mask = (gc->cfg.flags & CAPHEAP_GC_INTERIOR) ? 0u : GC_B - 1u;
    uintptr_t lo = gc->lo, span = gc->hi - gc->lo;
    for (; w < end; w++) {
        uintptr_t v = *w;
        if ((v & mask) == 0 && v - lo < span)
            mark_word(gc, v);
    }
    gc_tick(gc, n);
}

static void drain_stack(struct capheap_gc *gc)
{
    while (gc->stack_len) {
        uintptr_t p = gc->stack[--gc->stack_len];
        gc_area_t *a = gc_area_of(gc, p);
        scan_object(gc, a, (size_t)((p - a->pool) / GC_B));
    }
}

/* Drains the stack, then recovers from overflows until none is left. */
static void drain(struct capheap_gc *gc)
{
    drain_stack(gc);
    for (;;) {
        bool any = false;
        for (gc_area_t *a = gc->areas; a; a = a->next) {
            if (a->ovf_lo == GC_NONE)
                continue;
            any = true;
            size_t j = a->ovf_lo;
            a->ovf_lo = GC_NONE;
            while (j < a->blocks) {
                uintptr_t v = a->atb[j / GC_EPW];
                uintptr_t marks = (v & (v >> 1)) & GC_FIVES; /* entries == MARK */
                marks >>= 2u * (j % GC_EPW);
                if (!marks) {
                    j = (j / GC_EPW + 1u) * GC_EPW;
                    continue;
                }
                j += gc_ctz(marks) / 2u;
                if (j >= a->blocks)
                    break;
                scan_object(gc, a, j);
                drain_stack(gc);
                /* an overflow at or above j is reached by this pass */
                if (a->ovf_lo != GC_NONE && a->ovf_lo > j)
                    a->ovf_lo = GC_NONE;
                j++;
            }
        }
        if (!any)
            break;
    }
}

/* Is the calling thread the one collecting now? */
static bool mine(struct capheap_gc *gc)
{
    return atomic_load_explicit(&gc->busy, memory_order_acquire) &&
           atomic_load_explicit(&gc->busy_owner, memory_order_relaxed) == capheap_port_owner();
}

static void begin(struct capheap_gc *gc)
{
    gc_lock_(gc);
    atomic_store_explicit(&gc->busy_owner, capheap_port_owner(), memory_order_relaxed);
    atomic_store_explicit(&gc->busy, true, memory_order_release);
    gc->collecting = true;
    gc->stack_len = 0;
    gc->last_area = NULL;
    for (gc_area_t *a = gc->areas; a; a = a->next)
        a->ovf_lo = GC_NONE;
}

static size_t finish(struct capheap_gc *gc, bool all)
{
    size_t freed = gc_sweep(gc, all);
    gc->collections++;
    gc->since_collect = 0;
    gc_give_back(gc);
    gc->collecting = false;
    atomic_store_explicit(&gc->busy, false, memory_order_release);
    gc_unlock_(gc);
    return freed;
}

void capheap_gc_collect_start(capheap_gc_t *gc)
{
    if (!gc || mine(gc))
        return;
    begin(gc);
    for (size_t k = 0; k < gc->nroots; k++) {
        const uintptr_t *w = (const uintptr_t *)gc->roots[k].lo;
        size_t n = (size_t)(gc->roots[k].hi - gc->roots[k].lo) / sizeof(uintptr_t);
        for (size_t j = 0; j < n; j++) {
            mark_word(gc, w[j]);
            drain(gc);
        }
    }
    mark_word(gc, (uintptr_t)gc->never_free);
    for (unsigned k = 0; k < GC_PENDING; k++)
        mark_word(gc, (uintptr_t)gc->pending[k]);
    drain(gc);
}

void capheap_gc_collect_root(capheap_gc_t *gc, void *const *ptrs, size_t n)
{
    if (!gc || !ptrs || !mine(gc) || !gc->collecting)
        return;
    for (size_t j = 0; j < n; j++) {
        mark_word(gc, (uintptr_t)ptrs[j]);
        if (gc->stack_len)
            drain(gc);
        else if (gc->areas && (j & 1023u) == 1023u)
            gc_tick(gc, 1024u);
    }
}

size_t capheap_gc_collect_end(capheap_gc_t *gc)
{
    if (!gc || !mine(gc) || !gc->collecting)
        return 0;
    drain(gc);
    return finish(gc, false);
}

size_t capheap_gc_collect(capheap_gc_t *gc)
{
    if (!gc || mine(gc))
        return 0;
    capheap_gc_collect_start(gc);
    return capheap_gc_collect_end(gc);
}

size_t capheap_gc_sweep_all(capheap_gc_t *gc)
{
    if (!gc || mine(gc))
        return 0;
    begin(gc);
    return finish(gc, true);
}

size_t gc_sweep(struct capheap_gc *gc, bool all)
{
    /* 1: finalisers of every unreachable object, before anything is freed */
    if (gc->cfg.finaliser) {
        for (gc_area_t *a = gc->areas; a; a = a->next) {
            size_t words = (a->blocks + GC_WBITS - 1u) / GC_WBITS;
            for (size_t w = 0; w < words; w++) {
                uintptr_t bits = a->ftb[w];
                while (bits) {
                    size_t i = w * GC_WBITS + gc_ctz(bits);
                    bits &= bits - 1u;
                    unsigned st = atb_get(a, i);
                    if (st == AT_HEAD || (all && st == AT_MARK)) {
                        ftb_clear(a, i);
                        gc->cfg.finaliser(gc->cfg.finaliser_ctx, (void *)gc_block_addr(a, i));
                    }
                }
                gc_tick(gc, GC_WBITS);
            }
        }
    }
    /* 2: free unreachable objects, unmark the others */
    size_t freed = 0;
    for (gc_area_t *a = gc->areas; a; a = a->next) {
        size_t first_free = GC_NONE;
        size_t area_freed = 0;
        bool freeing = false;
        for (size_t w = 0; w < a->atb_words; w++) {
            uintptr_t v = a->atb[w];
            size_t base = w * GC_EPW;
            if (v == 0) { /* all free */
                if (first_free == GC_NONE)
                    first_free = base;
                freeing = false;
                continue;
            }
            uintptr_t heads = v & ~(v >> 1) & GC_FIVES; /* entries == HEAD */
            if (!all && !freeing && !heads) {
                /* nothing to free here: every MARK becomes HEAD at once
                 * (padding entries are TAIL and stay so) */
                uintptr_t marks = v & (v >> 1) & GC_FIVES;
                a->atb[w] = v & ~(marks << 1);
                uintptr_t frees = ~(v | (v >> 1)) & GC_FIVES;
                if (first_free == GC_NONE && frees)
                    first_free = base + gc_ctz(frees) / 2u;
                gc_tick(gc, GC_EPW);
                continue;
            }
            size_t lim = a->blocks - base < GC_EPW ? a->blocks - base : GC_EPW;
            for (size_t e = 0; e < lim; e++) {
                size_t i = base + e;
                switch ((unsigned)(v >> (2u * e)) & 3u) {
                case AT_HEAD: /* not reached */
                    ATB_HEAD_TO_FREE(a, i);
                    ftb_clear(a, i);
                    freeing = true;
                    area_freed++;
                    break;
                case AT_MARK:
                    if (all) {
                        ATB_MARK_TO_FREE(a, i);
                        ftb_clear(a, i);
                        freeing = true;
                        area_freed++;
                    } else {
                        ATB_MARK_TO_HEAD(a, i);
                        freeing = false;
                    }
                    break;
                case AT_TAIL:
                    if (freeing) {
                        ATB_TAIL_TO_FREE(a, i);
                        area_freed++;
                    }
                    break;
                default:
                    freeing = false;
                    break;
                }
                if (first_free == GC_NONE && atb_get(a, i) == AT_FREE)
                    first_free = i;
            }
            gc_tick(gc, GC_EPW);
        }
        a->used -= area_freed;
        freed += area_freed;
        if (first_free == GC_NONE)
            first_free = a->blocks;
        for (size_t k = 0; k < GC_HINTS; k++)
            a->hint[k] = first_free;
        gc_greset(a);
        a->fail_at = area_freed ? GC_NONE : a->fail_at;
        a->ovf_lo = GC_NONE;
    }
    return freed;
}
