/*
 * Expensive validation of the engine: a physical walk cross-checked with the
 * free lists, the bitmaps and the statistics. Returns a status; never
 * asserts, never follows a pointer it has not checked to lie in the heap.
 */
#include "block.h"

typedef struct {
    capheap_print_fn print;
    void *ctx;
} sink_t;

static bool fail(const sink_t *s, const void *where, const char *what, size_t expected, size_t found)
{
    capheap_printf(s->print, s->ctx, "CORRUPT HEAP: block %p: %s (expected 0x%zx, found 0x%zx)\n", where, what,
                   expected, found);
    return false;
}

static bool block_in(const capheap_heap_t *h, const blk_t *b)
{
    uintptr_t a = (uintptr_t)b;
    return a >= h->first && a < block_sentinel(h) && ((a + W) & (ALIGN - 1)) == 0;
}

/* Do the control structure's fields agree with the layout that create
 * derives from the region's bounds? */
static bool control_ok(const capheap_heap_t *h)
{
    layout_t l;
    uintptr_t base = (uintptr_t)h;
    uintptr_t hi = (uintptr_t)h->region_end;
    if (hi <= base || !layout_of(base, hi, &l) || (uintptr_t)h->region_start > base ||
        base - (uintptr_t)h->region_start >= W)
        return false;
    return h->rows == l.rows && (uintptr_t)h->heads == l.heads && h->first == l.first &&
           h->last == l.sentinel - BLOCK_MIN && h->lim_units == (h->last - h->first) >> ALIGN_LOG2 &&
           h->capacity == l.sentinel - l.first - W;
}

bool capheap_heap_check(capheap_heap_t *h, capheap_print_fn print, void *ctx)
{
    sink_t s = { print, ctx };
    if (!h)
        return false;
    /* The control structure first: everything below trusts its fields. */
    if (!control_ok(h))
        return fail(&s, h, "control structure damaged (fields disagree with the region's layout)", 0, 1);
    size_t n_free = 0, n_used = 0, free_bytes = 0;
    bool prev_free = false;
    const blk_t *prev = NULL;
    uintptr_t a = h->first;
    while (a != block_sentinel(h)) {
        const blk_t *b = block_at(a);
        size_t stride = block_stride(b);
        if (stride < BLOCK_MIN || (stride & (ALIGN - 1)) || stride > block_sentinel(h) - a)
            return fail(&s, b, "bad block size", BLOCK_MIN, stride);
        if (block_prev_is_free(b) != prev_free)
            return fail(&s, b, "PREV_FREE flag does not match the previous block", prev_free, !prev_free);
        if (prev_free && block_prev(b) != prev)
            return fail(&s, b, "footer of the previous free block does not point back", (uintptr_t)prev,
                        (uintptr_t)block_prev(b));
        if (block_is_free(b)) {
            if (prev_free)
                return fail(&s, b, "two adjacent free blocks were not merged", 0, 1);
            n_free++;
            free_bytes += stride - W;
        } else {
            n_used++;
        }
        prev_free = block_is_free(b);
        prev = b;
        a += stride;
    }
    const blk_t *sent = block_at(block_sentinel(h));
    if (block_stride(sent) != 0 || block_is_free(sent))
        return fail(&s, sent, "sentinel header damaged", 0, sent->header & ~F_PREV_FREE);
    if (block_prev_is_free(sent) != prev_free)
        return fail(&s, sent, "sentinel PREV_FREE flag wrong", prev_free, !prev_free);

    /* Free lists against the bitmaps and the walk. */
    size_t listed = 0;
    uint32_t fl = 0;
    for (unsigned row = 0; row < h->rows; row++) {
        uint32_t sl = 0;
        for (unsigned i = 0; i < SL_COUNT; i++) {
            unsigned cls = (row << SL_LOG2) + i;
            const blk_t *b = h->heads[cls];
            blk_t *const *back = &h->heads[cls];
            if (b)
                sl |= 1u << i;
            while (b) {
                if (!block_in(h, b))
                    return fail(&s, b, "free-list link points outside the heap", 0, (uintptr_t)b);
                if (!block_is_free(b))
                    return fail(&s, b, "used block on a free list", 1, 0);
                if (class_of(block_stride(b)) != cls)
                    return fail(&s, b, "free block on the wrong list", cls, class_of(block_stride(b)));
                if (b->link_to_me != back)
                    return fail(&s, b, "free-list back link broken", (uintptr_t)back, (uintptr_t)b->link_to_me);
                if (++listed > n_free)
                    return fail(&s, b, "more listed free blocks than in the heap (cycle?)", n_free, listed);
                back = &b->next_free;
                b = b->next_free;
            }
        }
        if (sl != h->sl_bitmap[row])
            return fail(&s, &h->sl_bitmap[row], "second-level bitmap disagrees with the lists", sl,
                        h->sl_bitmap[row]);
        if (sl)
            fl |= 1u << row;
    }
    if (fl != h->fl_bitmap)
        return fail(&s, &h->fl_bitmap, "first-level bitmap disagrees with the lists", fl, h->fl_bitmap);
    if (listed != n_free)
        return fail(&s, h, "free blocks missing from the lists", n_free, listed);
    if (n_free != h->free_blocks)
        return fail(&s, h, "free block count", n_free, h->free_blocks);
    if (n_used + n_free != h->total_blocks)
        return fail(&s, h, "total block count", n_used + n_free, h->total_blocks);
    if (free_bytes != free_payload(h))
        return fail(&s, h, "free byte count", free_bytes, free_payload(h));
    if (h->min_free > free_bytes)
        return fail(&s, h, "minimum free above current free", free_bytes, h->min_free);
    return true;
}

bool capheap_heap_walk(capheap_heap_t *h, capheap_walk_fn fn, void *ctx)
{
    if (!control_ok(h))
        return false;
    uintptr_t a = h->first;
    while (a != block_sentinel(h)) {
        blk_t *b = block_at(a);
        size_t stride = block_stride(b);
        if (stride < BLOCK_MIN || (stride & (ALIGN - 1)) || stride > block_sentinel(h) - a)
            return false;
        if (!fn(ctx, block_payload(b), stride - W, !block_is_free(b)))
            return false;
        a += stride;
    }
    return true;
}
