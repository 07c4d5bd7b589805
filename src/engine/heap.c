/*
 * capheap engine: one heap in one contiguous region (TLSF-class good fit).
 * See block.h for the block layout and the size classes.
 */
#include "block.h"

#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define COLD __attribute__((noinline, cold))
#if defined(__OPTIMIZE_SIZE__)
#define HOT_INLINE inline
#else
#define HOT_INLINE inline __attribute__((always_inline)) /* malloc's search: no call */
#endif
#else
#define HOT_INLINE inline
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#define COLD
#endif

/* ------------------------------------------------------------------ lists */

/*
 * The list verbs only link and unlink; statistics (free bytes, free and
 * total block counts) are updated once per public operation by its net
 * effect, which keeps merges and splits cheap.
 */

/* Pushes free block b of the given stride on the list of its class. */
static inline void list_insert(capheap_heap_t *h, blk_t *b, size_t stride)
{
    unsigned cls = class_of(stride);
    blk_t **head = &h->heads[cls];
    blk_t *first = *head;
    b->link_to_me = head;
    *head = b;
    b->next_free = first;
    if (first) {
        first->link_to_me = &b->next_free; /* the class was not empty: bitmaps already say so */
    } else {
        h->sl_bitmap[cls >> SL_LOG2] |= 1u << (cls & (SL_COUNT - 1));
        h->fl_bitmap |= 1u << (cls >> SL_LOG2);
    }
}

/* Marks b (of the given stride) free in its header and its successor. */
static inline void make_free(blk_t *b, size_t stride, size_t prev_flag)
{
    b->header = stride | F_FREE | prev_flag;
    blk_t *next = block_at((uintptr_t)b + stride);
    next->header |= F_PREV_FREE;
    block_set_footer(b, next);
}

/* Clears the bitmap bits of class cls, whose list just became empty. */
static inline void class_emptied(capheap_heap_t *h, unsigned cls)
{
    unsigned row = cls >> SL_LOG2;
    h->sl_bitmap[row] &= all_but_bit(cls & (SL_COUNT - 1));
    if (!h->sl_bitmap[row])
        h->fl_bitmap &= all_but_bit(row);
}

/* Unlinks b, the first block of class cls. Built for speed, without
 * branches: whether the class empties is what a good fit cannot predict (at
 * high fill it is a coin toss, and the mispredictions cost more than the
 * dozen instructions), so the back link goes to a scratch block when there
 * is no next block and the bitmap bits are cleared by arithmetic. Built
 * with -Os, the smaller branching form. */
static inline void list_pop(capheap_heap_t *h, blk_t *b, unsigned cls)
{
    blk_t *next = b->next_free;
    blk_t **head = &h->heads[cls];
    *head = next;
#if defined(__OPTIMIZE_SIZE__)
    if (next)
        next->link_to_me = head;
    else
        class_emptied(h, cls);
#else
    blk_t *target = next ? next : &h->scratch;
    target->link_to_me = head;
    unsigned row = cls >> SL_LOG2;
    uint32_t emptied = (uint32_t)(next == NULL);
    uint32_t sl = h->sl_bitmap[row] & ~(emptied << (cls & (SL_COUNT - 1)));
    h->sl_bitmap[row] = sl;
    h->fl_bitmap &= ~((uint32_t)(sl == 0) << row);
#endif
}

/*
 * Unlinks free block b from wherever it is listed. Its link_to_me points
 * either into the heads table (b is first in its class; the index there is
 * the class) or at the previous block's next_free: no size class needs to be
 * computed.
 */
static inline void list_remove(capheap_heap_t *h, blk_t *b)
{
    blk_t *next = b->next_free;
    blk_t **link = b->link_to_me;
    *link = next;
    if (next)
        next->link_to_me = link;
    else if ((uintptr_t)link < h->first)
        class_emptied(h, (unsigned)(link - h->heads));
}

/*
 * Finds and unlinks a free block of at least `stride` bytes; NULL if none.
 * Good fit: the first block of the smallest non-empty class whose every
 * block fits; failing that, the first block of the request's own class.
 * The block still counts as free in the statistics.
 */
static HOT_INLINE blk_t *take_fit(capheap_heap_t *h, size_t stride)
{
    unsigned cls = class_of(stride + round_up_slack(stride));
    unsigned row = cls >> SL_LOG2;
    blk_t *b;
    if (LIKELY(row < h->rows)) {
        uint32_t m = h->sl_bitmap[row] & (~0u << (cls & (SL_COUNT - 1)));
        if (UNLIKELY(!m)) {
            uint32_t f = h->fl_bitmap & ~((2u << row) - 1u);
            if (!f)
                goto fallback;
            row = lsb32(f);
            m = h->sl_bitmap[row];
        }
        cls = (row << SL_LOG2) + lsb32(m);
        b = h->heads[cls];
    } else {
    fallback:
        cls = class_of(stride);
        if ((cls >> SL_LOG2) >= h->rows)
            return NULL;
        b = h->heads[cls];
        if (!b || block_stride(b) < stride)
            return NULL;
    }
    list_pop(h, b, cls);
    return b;
}

/*
 * b is a block just taken off the lists (its header still says FREE and the
 * statistics still count it free). Keeps `stride` bytes of it as a used
 * block and returns the rest, if big enough, to the lists.
 */
static inline void *use_block(capheap_heap_t *h, blk_t *b, size_t stride)
{
    size_t have = block_stride(b);
    size_t prev_flag = b->header & F_PREV_FREE;
    size_t rest = have - stride;
    if (rest >= BLOCK_MIN) {
        blk_t *r = block_at((uintptr_t)b + stride);
        make_free(r, rest, 0);
        list_insert(h, r, rest);
        b->header = stride | prev_flag;
        h->total_blocks++;
        h->free_strides -= stride; /* the remainder stays free */
    } else {
        b->header = have | prev_flag;
        block_next(b)->header &= ~F_PREV_FREE;
        h->free_blocks--;
        h->free_strides -= have;
    }
    size_t free_bytes = free_payload(h);
    if (free_bytes < h->min_free)
        h->min_free = free_bytes;
    return block_payload(b);
}

/* Stride for a request of n bytes; n must be <= capacity. */
static inline size_t stride_for(size_t n)
{
    size_t s = (n + W + ALIGN - 1) & ~(ALIGN - 1);
    return s < BLOCK_MIN ? BLOCK_MIN : s;
}

/* --------------------------------------------------------------- checks */

static inline bool in_blocks(const capheap_heap_t *h, uintptr_t a)
{
    return a - h->first < h->lim + BLOCK_MIN;
}

/* Slow path of used_block: says why p is bad, reports it, returns NULL. */
static COLD blk_t *reject(capheap_heap_t *h, const void *p)
{
    uintptr_t a = (uintptr_t)p - W;
    capheap_error_reason_t why;
    if (!in_blocks(h, a)) {
        why = CAPHEAP_E_OUTSIDE;
    } else if ((uintptr_t)p & (ALIGN - 1)) {
        why = CAPHEAP_E_MISALIGNED;
    } else {
        blk_t *b = block_at(a);
        size_t stride = block_stride(b);
        if (b->header == DEAD_HEADER)
            why = CAPHEAP_E_DOUBLE_FREE; /* freed, then merged into a neighbour */
        else if (stride < BLOCK_MIN || (stride & (ALIGN - 1)) || stride > block_sentinel(h) - a)
            why = CAPHEAP_E_BAD_HEADER;
        else if (block_is_free(b))
            /* a real free block's footer points back at its header */
            why = block_prev(block_at(a + stride)) == b ? CAPHEAP_E_DOUBLE_FREE : CAPHEAP_E_BAD_HEADER;
        else
            why = CAPHEAP_E_BAD_NEIGHBOUR;
    }
    if (h->err)
        h->err(h->err_ctx, why, (const void *)((uintptr_t)p + h->report_bias));
    return NULL;
}

/*
 * Validates a pointer given to free/realloc/usable_size and returns its
 * block, or reports and returns NULL. O(1), about a dozen instructions:
 * the pointer lies among the blocks and is aligned; its header is not free,
 * its stride is plausible, the following block does not think it is free,
 * and when the header says the previous block is free that block's footer
 * and stride lead back here.
 */
static inline blk_t *used_block_q(capheap_heap_t *h, const void *p, bool quiet)
{
    uintptr_t a = (uintptr_t)p - W;
    size_t off = a - h->first;
    size_t lim = h->lim;
    if (UNLIKELY(rotr_align(off) > h->lim_units))
        return quiet ? NULL : reject(h, p);
    blk_t *b = block_at(a);
#if CAPHEAP_CHECKS
    size_t hdr = b->header;
    /* FREE set, or a stride that is not a multiple of ALIGN */
    if (UNLIKELY(hdr & ((ALIGN - 1) & ~F_PREV_FREE)))
        return quiet ? NULL : reject(h, p);
    /* stride below BLOCK_MIN or reaching past the sentinel */
    size_t stride = hdr & ~F_MASK;
    if (UNLIKELY(stride - BLOCK_MIN > lim - off))
        return quiet ? NULL : reject(h, p);
    if (UNLIKELY(block_at(a + stride)->header & F_PREV_FREE))
        return quiet ? NULL : reject(h, p);
    if (hdr & F_PREV_FREE) {
        blk_t *prev = block_prev(b);
        uintptr_t pa = (uintptr_t)prev;
        if (UNLIKELY(pa - h->first >= off) || UNLIKELY(pa & (W - 1)) || UNLIKELY(prev->header != ((a - pa) | F_FREE)))
            return quiet ? NULL : reject(h, p);
    }
#else
    (void)lim;
#endif
    return b;
}

static inline blk_t *used_block(capheap_heap_t *h, const void *p)
{
    return used_block_q(h, p, false);
}

/* ----------------------------------------------------------------- create */

size_t capheap_heap_min_region_size(void)
{
    /* The layout only depends on the start modulo ALIGN: try growing sizes. */
    uintptr_t base = (uintptr_t)ALIGN * 64;
    layout_t l;
    size_t n = BLOCK_MIN;
    while (!layout_of(base, base + n, &l))
        n += W;
    return n;
}

capheap_heap_t *capheap_heap_create(void *start, size_t size)
{
    uintptr_t lo = (uintptr_t)start;
    if (!start || size > UINTPTR_MAX - lo)
        return NULL;
    uintptr_t hi = lo + size;
    uintptr_t base = (lo + (W - 1)) & ~(uintptr_t)(W - 1);
    layout_t l;
    if (base >= hi || !layout_of(base, hi, &l))
        return NULL;
    uintptr_t first = l.first, sentinel = l.sentinel, ctl = l.first - base;
    size_t rows = l.rows;

    capheap_heap_t *h = (capheap_heap_t *)base;
    memset(h, 0, ctl);
    h->rows = (uint32_t)rows;
    h->heads = (blk_t **)l.heads;
    h->first = first;
    h->lim = sentinel - first - BLOCK_MIN;
    h->lim_units = h->lim >> ALIGN_LOG2;
    h->region_start = start;
    h->region_end = (void *)hi;

    blk_t *s = block_at(sentinel);
    s->header = 0;
    blk_t *b = block_at(first);
    size_t stride = sentinel - first;
    make_free(b, stride, 0);
    list_insert(h, b, stride);
    h->free_strides = stride;
    h->free_blocks = 1;
    h->total_blocks = 1;
    h->capacity = stride - W;
    h->min_free = stride - W;
    return h;
}

void capheap_heap_set_error_hook(capheap_heap_t *heap, capheap_error_fn hook, void *ctx)
{
    heap->err = hook;
    heap->err_ctx = ctx;
}

void capheap_heap_set_report_bias(capheap_heap_t *heap, size_t bias)
{
    heap->report_bias = bias;
}

void capheap_heap_report(capheap_heap_t *heap, capheap_error_reason_t reason, const void *where)
{
    if (heap->err)
        heap->err(heap->err_ctx, reason, where);
}

/* ----------------------------------------------------------------- malloc */

void *capheap_heap_malloc(capheap_heap_t *h, size_t n)
{
    if (n > h->capacity)
        return NULL;
    size_t stride = stride_for(n);
    blk_t *b = take_fit(h, stride);
    if (!b)
        return NULL;
    return use_block(h, b, stride);
}

void *capheap_heap_calloc(capheap_heap_t *h, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = capheap_heap_malloc(h, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

/* ------------------------------------------------------------------- free */

/* Returns the used block b to the lists, merging with free neighbours. */
static inline void release(capheap_heap_t *h, blk_t *b)
{
    size_t stride = block_stride(b);
    size_t own = stride;
    size_t merges = 0;
    size_t prev_flag = b->header & F_PREV_FREE;
    blk_t *next = block_at((uintptr_t)b + stride);
    if (prev_flag) {
        blk_t *prev = block_prev(b);
        size_t ps = block_stride(prev);
        list_remove(h, prev);
        b->header = DEAD_HEADER; /* a second free of this pointer is told apart */
        block_absorbed(b);
        b = prev;
        stride += ps;
        merges++;
        prev_flag = 0; /* no two free neighbours: prev's own predecessor is used */
    }
    if (block_is_free(next)) {
        size_t ns = block_stride(next);
        list_remove(h, next);
        next->header = DEAD_HEADER;
        block_absorbed(next);
        stride += ns;
        merges++;
    }
    make_free(b, stride, prev_flag);
    list_insert(h, b, stride);
    /* net effect: the block's payload and the merged headers become free */
    h->free_strides += own; /* the neighbours' strides were counted already */
    h->free_blocks += 1 - merges;
    h->total_blocks -= merges;
}

/* release() out of line, for realloc's frees. */
static COLD void release_merging(capheap_heap_t *h, blk_t *b)
{
    release(h, b);
}

#if !defined(__OPTIMIZE_SIZE__)
/* list_remove() forced inline, for free's merge path. */
static inline __attribute__((always_inline)) void list_unlink(capheap_heap_t *h, blk_t *x)
{
    blk_t *next = x->next_free;
    blk_t **link = x->link_to_me;
    *link = next;
    if (next)
        next->link_to_me = link;
    else if ((uintptr_t)link < h->first)
        class_emptied(h, (unsigned)(link - h->heads));
}

/*
 * free() of a block with a free neighbour (or a neighbour that believes
 * this block is free: reported), out of line so that the common case runs
 * with few registers. It gets what free() already read: b's header and the
 * next block with its header. The previous block is verified here before
 * it is merged. One straight path, everything inline: this is free's worst
 * case (both neighbours merged, each emptying its class, the merged block
 * opening a new one).
 */
static __attribute__((noinline)) void free_merging(capheap_heap_t *h, blk_t *b, size_t hdr, blk_t *next, size_t nh)
{
#if CAPHEAP_CHECKS
    if (UNLIKELY(nh & F_PREV_FREE)) {
        reject(h, block_payload(b));
        return;
    }
#endif
    size_t own = hdr & ~F_MASK;
    size_t stride = own;
    if (hdr & F_PREV_FREE) {
        blk_t *prev = block_prev(b);
        uintptr_t pa = (uintptr_t)prev, a = (uintptr_t)b;
#if CAPHEAP_CHECKS
        /* prev lies among the blocks, below b, on a block boundary (a
         * misaligned offset rotates to a huge value), and says it is free
         * and reaches b */
        if (UNLIKELY(rotr_align(pa - h->first) >= ((a - h->first) >> ALIGN_LOG2)) || UNLIKELY(prev->header != ((a - pa) | F_FREE))) {
            reject(h, block_payload(b));
            return;
        }
#endif
        list_unlink(h, prev);
        b->header = DEAD_HEADER; /* a second free of this pointer is told apart */
        block_absorbed(b);
        stride += a - pa;
        b = prev;
        h->free_blocks--;
        h->total_blocks--;
    }
    if (nh & F_FREE) {
        list_unlink(h, next);
        next->header = DEAD_HEADER;
        block_absorbed(next);
        stride += nh & ~F_MASK;
        h->free_blocks--;
        h->total_blocks--;
    }
    /* b's predecessor is used: either b's own (PREV_FREE clear) or prev's
     * (no two free blocks are neighbours) */
    make_free(b, stride, 0);
    list_insert(h, b, stride);
    h->free_strides += own; /* the neighbours' strides were counted already */
    h->free_blocks++;
}

#endif

/*
 * Built for speed, free() has its own copy of used_block()'s checks, with
 * the previous block verified only when a merge with it is due
 * (free_merging), and no merge work on its common path. Built with -Os it
 * is used_block() + release(), shared with realloc: about 200 bytes less.
 */
void capheap_heap_free(capheap_heap_t *h, void *p)
{
    if (!p)
        return;
#if defined(__OPTIMIZE_SIZE__)
    blk_t *b = used_block(h, p);
    if (b)
        release(h, b);
#else
    uintptr_t a = (uintptr_t)p - W;
    size_t off = a - h->first;
    if (UNLIKELY(rotr_align(off) > h->lim_units)) {
        reject(h, p);
        return;
    }
    blk_t *b = block_at(a);
    size_t hdr = b->header;
    size_t stride = hdr & ~F_MASK;
#if CAPHEAP_CHECKS
    if (UNLIKELY(hdr & ((ALIGN - 1) & ~F_PREV_FREE)) || UNLIKELY(stride - BLOCK_MIN > h->lim - off)) {
        reject(h, p);
        return;
    }
#endif
    blk_t *next = block_at(a + stride);
    size_t nh = next->header;
    /* Any of: previous block free, next block free, or next block believing
     * this one is free (a bad neighbour, reported by free_merging). */
    if (UNLIKELY((hdr | nh) & F_MASK)) { /* hdr's FREE bit is clear here */
        free_merging(h, b, hdr, next, nh);
        return;
    }
    /* no flag set in hdr here: it is the stride */
    b->header = hdr | F_FREE;
    next->header = nh | F_PREV_FREE;
    block_set_footer(b, next);
    list_insert(h, b, hdr);
    h->free_strides += hdr;
    h->free_blocks++;
#endif
}

/* ---------------------------------------------------------------- realloc */

/* Gives the tail of used block b beyond `stride` back to the heap. */
static void trim(capheap_heap_t *h, blk_t *b, size_t stride)
{
    size_t have = block_stride(b);
    size_t rest = have - stride;
    if (rest < BLOCK_MIN)
        return;
    blk_t *r = block_at((uintptr_t)b + stride);
    blk_t *next = block_at((uintptr_t)b + have);
    h->free_strides += rest;
    if (block_is_free(next)) {
        size_t ns = block_stride(next);
        list_remove(h, next);
        next->header = DEAD_HEADER;
        block_absorbed(next);
        rest += ns; /* the tail joins the free follower: no new block */
    } else {
        h->free_blocks++;
        h->total_blocks++;
    }
    b->header = stride | (b->header & F_PREV_FREE);
    make_free(r, rest, 0);
    list_insert(h, r, rest);
}

void *capheap_heap_realloc(capheap_heap_t *h, void *p, size_t n)
{
    if (!p)
        return capheap_heap_malloc(h, n);
    if (n == 0) {
        capheap_heap_free(h, p); /* validates and reports like free */
        return NULL;
    }
    blk_t *b = used_block(h, p);
    if (!b || n > h->capacity)
        return NULL;
    size_t stride = stride_for(n);
    size_t have = block_stride(b);
    blk_t *next = block_at((uintptr_t)b + have);
    if (stride > have && block_is_free(next) && have + block_stride(next) >= stride) {
        /* grow in place: absorb the free follower, trim below gives back the excess */
        size_t ns = block_stride(next);
        list_remove(h, next);
        next->header = DEAD_HEADER;
        h->free_strides -= ns;
        h->free_blocks--;
        h->total_blocks--;
        have += ns;
        b->header = have | (b->header & F_PREV_FREE);
        block_next(b)->header &= ~F_PREV_FREE;
    }
    if (stride <= have) {
        trim(h, b, stride);
        size_t free_bytes = free_payload(h);
        if (free_bytes < h->min_free)
            h->min_free = free_bytes;
        return p;
    }
    void *q = capheap_heap_malloc(h, n);
    if (!q)
        return NULL;
    memcpy(q, p, have - W);
    release_merging(h, b);
    return q;
}

/* ---------------------------------------------------------------- aligned */

/*
 * Fix (tests/engine t_aligned_into_an_exactly_fitting_hole): the padded
 * search above misses a free block that holds the aligned request without
 * the worst-case padding, e.g. an already aligned hole of exactly the size,
 * and aligned allocation then failed with such a block free. Second chance,
 * O(1): the head of the highest non-empty class (the block largest_free
 * reports) is taken when the aligned placement fits in it.
 */
/* The first block of the highest non-empty class, and its class; NULL if
 * the heap has no free block. O(1). */
static blk_t *largest_head(const capheap_heap_t *h, unsigned *cls)
{
    if (!h->fl_bitmap)
        return NULL;
    unsigned row = msb32(h->fl_bitmap);
    *cls = (row << SL_LOG2) + msb32(h->sl_bitmap[row]);
    return h->heads[*cls];
}

/* Where the aligned payload goes in a free block whose payload starts at
 * `payload`: the first p with (p + offset) a multiple of align that leaves
 * either no gap in front or a gap that can be a free block of its own. */
static uintptr_t aligned_spot(uintptr_t payload, size_t align, size_t offset)
{
    uintptr_t p = ((payload + offset + align - 1) & ~(uintptr_t)(align - 1)) - offset;
    while (p != payload && p - payload < BLOCK_MIN)
        p += align;
    return p;
}

void *capheap_heap_aligned_alloc_offs(capheap_heap_t *h, size_t n, size_t align, size_t offset)
{
    if (align == 0 || (align & (align - 1)) || (offset & (ALIGN - 1)) || offset > n || n > h->capacity)
        return NULL;
    if (align <= ALIGN)
        return capheap_heap_malloc(h, n);
    if (align > h->capacity)
        return NULL;
    size_t stride = stride_for(n);
    /* Room for the request, the worst misalignment and a leading free block. */
    blk_t *b = take_fit(h, stride + align + BLOCK_MIN);
    uintptr_t p;
    if (b) {
        p = aligned_spot((uintptr_t)block_payload(b), align, offset);
    } else {
        /* Second O(1) chance: the block largest_free describes, when the
         * aligned placement fits in it without the worst-case padding (an
         * aligned hole of exactly the size, for one). */
        unsigned cls;
        b = largest_head(h, &cls);
        if (!b)
            return NULL;
        p = aligned_spot((uintptr_t)block_payload(b), align, offset);
        uintptr_t end = (uintptr_t)b + block_stride(b);
        if (p - W > end || end - (p - W) < stride)
            return NULL;
        list_pop(h, b, cls);
    }
    size_t gap = p - (uintptr_t)block_payload(b);
    if (gap) {
        /* Split off the leading part as a free block of its own. */
        size_t have = block_stride(b);
        size_t prev_flag = b->header & F_PREV_FREE;
        blk_t *a = block_at(p - W);
        make_free(b, gap, prev_flag);
        list_insert(h, b, gap);
        h->free_blocks++;
        h->total_blocks++;
        a->header = (have - gap) | F_FREE | F_PREV_FREE;
        b = a;
    }
    return use_block(h, b, stride);
}

void *capheap_heap_aligned_alloc(capheap_heap_t *h, size_t n, size_t align)
{
    return capheap_heap_aligned_alloc_offs(h, n, align, 0);
}

/* ------------------------------------------------------------ statistics */

size_t capheap_heap_usable_size(capheap_heap_t *h, const void *p)
{
    if (!p)
        return 0;
    blk_t *b = used_block(h, p);
    return b ? block_usable(b) : 0;
}

size_t capheap_heap_block_size(capheap_heap_t *h, const void *p)
{
    if (!h || !p)
        return 0;
    blk_t *b = used_block_q(h, p, true);
    return b ? block_usable(b) : 0;
}

bool capheap_heap_contains(const capheap_heap_t *h, const void *p)
{
    uintptr_t a = (uintptr_t)p;
    return a >= (uintptr_t)h->region_start && a < (uintptr_t)h->region_end;
}

void *capheap_heap_region_start(const capheap_heap_t *h) { return h->region_start; }
void *capheap_heap_region_end(const capheap_heap_t *h) { return h->region_end; }
size_t capheap_heap_free_size(const capheap_heap_t *h) { return free_payload(h); }
size_t capheap_heap_minimum_free_size(const capheap_heap_t *h) { return h->min_free; }
size_t capheap_heap_capacity(const capheap_heap_t *h) { return h->capacity; }

size_t capheap_heap_reset_minimum_free(capheap_heap_t *h)
{
    size_t old = h->min_free;
    h->min_free = free_payload(h);
    return old;
}

void capheap_heap_restore_minimum_free(capheap_heap_t *h, size_t old_minimum)
{
    if (old_minimum < h->min_free)
        h->min_free = old_minimum;
}

size_t capheap_heap_largest_free(const capheap_heap_t *h)
{
    unsigned cls;
    const blk_t *b = largest_head(h, &cls);
    return b ? block_usable(b) : 0;
}

void capheap_heap_get_info(const capheap_heap_t *h, capheap_heap_info_t *info)
{
    size_t arena = h->lim + BLOCK_MIN;
    size_t blocks = h->total_blocks;
    info->total_free_bytes = free_payload(h);
    info->total_allocated_bytes = arena - info->total_free_bytes - blocks * W;
    info->largest_free_block = capheap_heap_largest_free(h);
    info->minimum_free_bytes = h->min_free;
    info->allocated_blocks = h->total_blocks - h->free_blocks;
    info->free_blocks = h->free_blocks;
    info->total_blocks = blocks;
}
