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
#define SIZE_NOINLINE __attribute__((noinline))
#else
#define HOT_INLINE inline __attribute__((always_inline)) /* malloc's search: no call */
#define SIZE_NOINLINE
#endif
#else
#define HOT_INLINE inline
#define SIZE_NOINLINE
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#define COLD
#endif

/* Defined below; built for size, release() itself is the out-of-line one. */
#if defined(__OPTIMIZE_SIZE__)
static void release(capheap_heap_t *h, blk_t *b);
#define release_merging release
#else
static void release_merging(capheap_heap_t *h, blk_t *b);
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
        size_t row = cls >> SL_LOG2;
        h->sl_bitmap[row] |= 1u << (cls & (SL_COUNT - 1));
        h->fl_bitmap |= 1u << row;
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

#if !defined(__OPTIMIZE_SIZE__)
/* Unlinks b, the first block of class cls. Built for speed, without
 * branches: whether the class empties is what a good fit cannot predict (at
 * high fill it is a coin toss, and the mispredictions cost more than the
 * dozen instructions), so the back link goes to a scratch block when there
 * is no next block and the bitmap bits are cleared by arithmetic. Built
 * with -Os, take_fit() calls list_remove() instead. */
static inline void list_pop(capheap_heap_t *h, blk_t *b, unsigned cls)
{
    blk_t *next = b->next_free;
    blk_t **head = &h->heads[cls];
    *head = next;
    blk_t *target = next ? next : &h->scratch;
    target->link_to_me = head;
    unsigned row = cls >> SL_LOG2;
    uint32_t emptied = (uint32_t)(next == NULL);
    uint32_t sl = h->sl_bitmap[row] & ~(emptied << (cls & (SL_COUNT - 1)));
    h->sl_bitmap[row] = sl;
    h->fl_bitmap &= ~((uint32_t)(sl == 0) << row);
}
#endif

#if !defined(__OPTIMIZE_SIZE__)
/*
 * list_insert() without branches, for free()'s common path and the end of
 * every merge (built for speed), given the class. Whether the class was
 * empty is a coin toss at high fill (W1 at 256 KiB: 28 % of frees open
 * their class, 45 % of merged blocks), and the mispredicted branch cost
 * more than the few instructions that set the bitmap bits unconditionally
 * (a no-op when they are set already) and send the back link of an empty
 * list to the scratch block. The row's bitmap word is read before the
 * links are written so that gcc keeps it in a register (bts, no shift
 * count in cl); the first-level word is or-ed in place (reading it early
 * as well cost free()'s common path 3 instructions).
 */
static inline __attribute__((always_inline)) void list_push_class(capheap_heap_t *h, blk_t *b, size_t cls)
{
    size_t row = cls >> SL_LOG2;
    uint32_t sl = h->sl_bitmap[row];
    blk_t **head = &h->heads[cls];
    blk_t *first = *head;
    b->link_to_me = head;
    *head = b;
    b->next_free = first;
    blk_t *target = first ? first : &h->scratch;
    target->link_to_me = &b->next_free;
    h->sl_bitmap[row] = sl | (uint32_t)1 << (cls & (SL_COUNT - 1));
    h->fl_bitmap |= (uint32_t)1 << row;
}

static inline void list_push(capheap_heap_t *h, blk_t *b, size_t stride)
{
    list_push_class(h, b, class_of_sz(stride));
}
#endif

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
#if defined(__OPTIMIZE_SIZE__)
    list_remove(h, b); /* b heads its class: the same, without inlining */
#else
    list_pop(h, b, cls);
#endif
    return b;
}

/*
 * b is a block just taken off the lists (its header still says FREE and the
 * statistics still count it free). Keeps `stride` bytes of it as a used
 * block and returns the rest, if big enough, to the lists.
 */
#if defined(__OPTIMIZE_SIZE__)
static void claim(capheap_heap_t *h, blk_t *b);
static void *finish(capheap_heap_t *h, blk_t *b, size_t stride);

/* Built for size: claim the block, give back its tail (the verbs realloc
 * uses). */
static void *use_block(capheap_heap_t *h, blk_t *b, size_t stride)
{
    claim(h, b);
    return finish(h, b, stride);
}
#else
static inline void *use_block(capheap_heap_t *h, blk_t *b, size_t stride)
{
    size_t have = block_stride(b);
    size_t prev_flag = b->header & F_PREV_FREE;
    size_t rest = have - stride;
    if (rest >= BLOCK_MIN) {
        blk_t *r = block_at((uintptr_t)b + stride);
        /* make_free(r, rest, 0) but for the follower's PREV_FREE, which b
         * being free has set already */
        r->header = rest | F_FREE;
        block_set_footer(r, block_at((uintptr_t)b + have));
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
#endif

/* Stride for a request of n bytes; n must be <= capacity. */
static inline size_t stride_for(size_t n)
{
    size_t s = (n + W + ALIGN - 1) & ~(ALIGN - 1);
    return s < BLOCK_MIN ? BLOCK_MIN : s;
}

/* --------------------------------------------------------------- checks */

static inline bool in_blocks(const capheap_heap_t *h, uintptr_t a)
{
    return a - h->first < block_sentinel(h) - h->first;
}

/*
 * Whether the header word at a belongs to a block in use that a pointer
 * given to free/realloc/usable_size may name; 0 when it does, else the
 * reason it does not. O(1): the pointer lies among the blocks and is
 * aligned; its header is not free (a merged-away header or a free block
 * whose footer leads back: double free), its stride is plausible, the
 * following block does not think it is free, and when the header says the
 * previous block is free that block's footer and stride lead back here.
 * free()'s own inline copy of these checks (built for speed) accepts
 * exactly the same blocks.
 */
static int verdict(const capheap_heap_t *h, uintptr_t a)
{
    if (!in_blocks(h, a))
        return CAPHEAP_E_OUTSIDE;
    if ((a + W) & (ALIGN - 1))
        return CAPHEAP_E_MISALIGNED;
    blk_t *b = block_at(a);
    size_t hdr = b->header;
    size_t stride = hdr & ~F_MASK;
    if (hdr == DEAD_HEADER)
        return CAPHEAP_E_DOUBLE_FREE; /* freed, then merged into a neighbour */
    if (stride < BLOCK_MIN || (stride & (ALIGN - 1)) || stride > block_sentinel(h) - a)
        return CAPHEAP_E_BAD_HEADER;
    blk_t *next = block_at(a + stride);
    if (hdr & F_FREE) /* a real free block's footer points back at its header */
        return block_prev(next) == b ? CAPHEAP_E_DOUBLE_FREE : CAPHEAP_E_BAD_HEADER;
#if CAPHEAP_CHECKS
    if (next->header & F_PREV_FREE)
        return CAPHEAP_E_BAD_NEIGHBOUR;
    if (hdr & F_PREV_FREE) {
        /* prev lies among the blocks, below b, on a block boundary (a
         * misaligned offset rotates to a huge value), says it is free and
         * reaches b */
        blk_t *prev = block_prev(b);
        uintptr_t pa = (uintptr_t)prev;
        if (rotr_align(pa - h->first) >= ((a - h->first) >> ALIGN_LOG2) || prev->header != ((a - pa) | F_FREE))
            return CAPHEAP_E_BAD_NEIGHBOUR;
    }
#endif
    return 0;
}

static void report_bad(const capheap_heap_t *h, int why, const void *p)
{
    if (h->err)
        h->err(h->err_ctx, (capheap_error_reason_t)why, (const void *)((uintptr_t)p + h->report_bias));
}

#if !defined(__OPTIMIZE_SIZE__)
/* Slow path of free(): says why p is bad and reports it. */
static COLD void reject(capheap_heap_t *h, const void *p)
{
    report_bad(h, verdict(h, (uintptr_t)p - W), p);
}
#endif

/* Validates a pointer given to free/realloc/usable_size and returns its
 * block, or reports (unless quiet) and returns NULL. */
static inline blk_t *used_block_q(capheap_heap_t *h, const void *p, bool quiet)
{
    uintptr_t a = (uintptr_t)p - W;
#if CAPHEAP_CHECKS && !defined(__OPTIMIZE_SIZE__)
    /* Built for speed: verdict's acceptance inline (free()'s checks), the
     * verdict itself only to name what is wrong. */
    size_t off = a - h->first;
    if (LIKELY(rotr_align(off) <= h->lim_units)) {
        blk_t *b = block_at(a);
        size_t hdr = b->header;
        size_t stride = hdr & ~F_MASK;
        if (LIKELY(!(hdr & ((ALIGN - 1) & ~F_PREV_FREE))) && LIKELY(stride - BLOCK_MIN <= h->last - a) &&
            LIKELY(!(block_at(a + stride)->header & F_PREV_FREE))) {
            if (!(hdr & F_PREV_FREE))
                return b;
            blk_t *prev = block_prev(b);
            uintptr_t pa = (uintptr_t)prev;
            if (rotr_align(pa - h->first) < (off >> ALIGN_LOG2) && prev->header == ((a - pa) | F_FREE))
                return b;
        }
    }
    int why = verdict(h, a);
#elif CAPHEAP_CHECKS
    int why = verdict(h, a);
#else
    /* only the range and the alignment: the header is trusted */
    int why = rotr_align(a - h->first) > h->lim_units ? verdict(h, a) : 0;
#endif
    if (UNLIKELY(why)) {
        if (!quiet)
            report_bad(h, why, p);
        return NULL;
    }
    return block_at(a);
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
    h->last = sentinel - BLOCK_MIN;
    h->lim_units = (sentinel - BLOCK_MIN - first) >> ALIGN_LOG2;
    h->region_start = start;
    h->region_end = (void *)hi;

    blk_t *s = block_at(sentinel);
    s->header = 0;
    /* one used block over the whole arena, released */
    blk_t *b = block_at(first);
    size_t stride = sentinel - first;
    b->header = stride;
    h->total_blocks = 1;
    release_merging(h, b);
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

void capheap_heap_set_refused(capheap_heap_t *h, capheap_refused_fn refused, void *ctx)
{
    h->refused = refused;
    h->refused_ctx = ctx;
}

void *capheap_heap_malloc_or(capheap_heap_t *h, size_t n)
{
    if (LIKELY(n <= h->capacity)) {
        size_t stride = stride_for(n);
        blk_t *b = take_fit(h, stride);
        if (LIKELY(b != NULL))
            return use_block(h, b, stride);
    }
    return h->refused ? h->refused(h->refused_ctx) : NULL;
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

/* Joins block hi into its physical predecessor lo, after unlinking
 * `listed` (the one of them that is free). lo keeps its flags. */
static SIZE_NOINLINE void join(capheap_heap_t *h, blk_t *lo, blk_t *hi, blk_t *listed)
{
    list_remove(h, listed);
    lo->header += block_stride(hi);
    hi->header = DEAD_HEADER; /* a second free of a pointer to hi is told apart */
    block_absorbed(hi);
    h->free_blocks--;
    h->total_blocks--;
}

/* Returns the used block b to the lists, merging with free neighbours. */
static inline void release(capheap_heap_t *h, blk_t *b)
{
    /* net effect: the block's payload and the merged headers become free;
     * the neighbours' strides were counted already */
    h->free_strides += block_stride(b);
    h->free_blocks++;
    blk_t *next = block_next(b);
    if (block_is_free(next))
        join(h, b, next, next);
    if (block_prev_is_free(b)) {
        blk_t *prev = block_prev(b);
        join(h, prev, b, prev);
        b = prev;
    }
    /* b's predecessor is used now: no two free blocks are neighbours */
    size_t stride = block_stride(b);
    make_free(b, stride, 0);
    list_insert(h, b, stride);
}

#if !defined(__OPTIMIZE_SIZE__)
/* release() out of line, for realloc's frees. */
static COLD void release_merging(capheap_heap_t *h, blk_t *b)
{
    release(h, b);
}
#endif

#if !defined(__OPTIMIZE_SIZE__)
/* Built for speed: class_of() without a branch. The stride is or-ed with
 * the first stride of row 1, so that the row-0 strides take the same shift
 * as row 1 (by 0 units) and land on their own unit. */
static inline size_t class_of_flat(size_t stride)
{
    size_t x = stride | ((size_t)SL_COUNT << ALIGN_LOG2);
#if defined(__GNUC__) || defined(__clang__)
    /* clz ^ (width - 1) is what bsr computes: one instruction */
    unsigned m = sizeof(size_t) == sizeof(unsigned long long) ? (unsigned)__builtin_clzll((unsigned long long)x) ^ 63u : (unsigned)__builtin_clz((unsigned)x) ^ 31u;
#else
    unsigned m = msb_sz(x);
#endif
    return (size_t)((m - (SL_LOG2 + ALIGN_LOG2)) << SL_LOG2) + (stride >> (m - SL_LOG2));
}

/* A statistics counter updated in place (one read-modify-write
 * instruction on x86): the empty asm keeps gcc from carrying the counter in
 * a register across the merge path, which costs more instructions. */
static inline __attribute__((always_inline)) void stat_add(size_t *counter, size_t delta)
{
    *counter += delta;
#if defined(__GNUC__) || defined(__clang__)
    __asm__ volatile("" : "+m"(*counter));
#endif
}

/* list_remove() forced inline, for free's merge path; the class emptying
 * is laid out as the straight path (it is the worst case). */
static inline __attribute__((always_inline)) void list_unlink(capheap_heap_t *h, blk_t *x)
{
    blk_t *next = x->next_free;
    blk_t **link = x->link_to_me;
    *link = next;
    if (UNLIKELY(next != NULL)) {
        next->link_to_me = link;
        return;
    }
    if (UNLIKELY((uintptr_t)link >= h->first))
        return;
    size_t at = (uintptr_t)link - (uintptr_t)h->heads; /* cls * W */
    size_t row = at / (W * SL_COUNT);
    uint32_t fl = h->fl_bitmap; /* read first: kept in a register (btr) */
    uint32_t sl = h->sl_bitmap[row] & all_but_bit((unsigned)(at / W));
    h->sl_bitmap[row] = sl;
    if (LIKELY(!sl))
        h->fl_bitmap = fl & ~((uint32_t)1 << row);
}

/* The end of every merge: the merged free block b of the given stride
 * (whose predecessor is used) goes on its list; its footer is written, and
 * the PREV_FREE flag of the block after it set unless `flagged` says it is
 * set already (when b ends where a free block ended). Pushed without a
 * branch (list_push_class). */
static inline __attribute__((always_inline)) void merged_insert(capheap_heap_t *h, blk_t *b, size_t stride, bool flagged)
{
    b->header = stride + F_FREE;
    blk_t *after = block_at((uintptr_t)b + stride);
    if (!flagged)
        after->header |= F_PREV_FREE;
    block_set_footer(b, after);
    list_push_class(h, b, class_of_flat(stride));
}

/*
 * free() of a block with a free neighbour (or a neighbour that believes
 * this block is free: reported), out of line so that the common case runs
 * with few registers. It gets what free() already read and computed: the
 * pointer p, the block's header, the next block with its header and the
 * block's offset from the first block in units of ALIGN. The previous
 * block is verified here before it is merged. Each of the three cases is
 * one straight path, everything inline: the worst case of free() is both
 * neighbours merged, each emptying its class, the merged block opening a
 * new one.
 */
static __attribute__((noinline)) void free_merging(capheap_heap_t *h, void *p, size_t hdr, size_t units, blk_t *next, size_t nh)
{
    blk_t *b = block_from_payload(p);
    if (hdr & F_PREV_FREE) {
        blk_t *prev = block_prev(b);
        size_t d = (uintptr_t)b - (uintptr_t)prev;
#if CAPHEAP_CHECKS
        /* prev lies among the blocks, below b, on a block boundary: d is a
         * multiple of ALIGN with 0 < d <= b's offset (d - ALIGN rotates to
         * a huge value otherwise); prev says it is free and reaches b; the
         * next block does not believe b is free */
        if (UNLIKELY(rotr_align(d - ALIGN) >= units) || UNLIKELY(prev->header != d + F_FREE) || UNLIKELY(nh & F_PREV_FREE)) {
            reject(h, p);
            return;
        }
#else
        (void)units;
#endif
        size_t own = hdr - F_PREV_FREE; /* hdr has no other flag */
        stat_add(&h->free_strides, own); /* the neighbours' strides were counted already */
        b->header = DEAD_HEADER; /* a second free of this pointer is told apart */
        block_absorbed(b);
        size_t stride = own + d;
        /* prev's predecessor is used: no two free blocks are neighbours */
        if (nh & F_FREE) {
            stride += nh - F_FREE; /* nh has no other flag */
            stat_add(&h->free_blocks, (size_t)-1); /* three free blocks became one */
            stat_add(&h->total_blocks, (size_t)-2);
            next->header = DEAD_HEADER;
            list_unlink(h, prev);
            list_unlink(h, next);
            block_absorbed(next);
            merged_insert(h, prev, stride, true);
        } else {
            stat_add(&h->total_blocks, (size_t)-1);
            list_unlink(h, prev);
            merged_insert(h, prev, stride, false);
        }
    } else {
        /* free() came here for a flag: hdr has none (it is b's stride), so
         * nh has FREE or PREV_FREE */
#if CAPHEAP_CHECKS
        if (UNLIKELY(nh & F_PREV_FREE)) {
            reject(h, p);
            return;
        }
#endif
        stat_add(&h->free_strides, hdr);
        stat_add(&h->total_blocks, (size_t)-1);
        list_unlink(h, next);
        next->header = DEAD_HEADER;
        block_absorbed(next);
        merged_insert(h, b, hdr + (nh & ~F_MASK), true);
    }
}

#endif

/*
 * Built for speed, free() has its own copy of used_block()'s checks, with
 * the previous block verified only when a merge with it is due
 * (free_merging), and no merge work on its common path. free(NULL) takes
 * the path of a pointer outside the region (its offset wraps around) and
 * is told apart there. Built with -Os it is used_block() + release(),
 * shared with realloc: about 200 bytes less.
 */
void capheap_heap_free(capheap_heap_t *h, void *p)
{
#if defined(__OPTIMIZE_SIZE__)
    if (!p)
        return;
    blk_t *b = used_block(h, p);
    if (b)
        release(h, b);
#else
    uintptr_t a = (uintptr_t)p - W;
    size_t off = a - h->first;
    size_t units = rotr_align(off); /* off / ALIGN when aligned */
    size_t lim_units = h->lim_units;
    if (UNLIKELY(units > lim_units)) {
        if (p)
            reject(h, p);
        return;
    }
    blk_t *b = block_at(a);
    size_t hdr = b->header;
#if CAPHEAP_CHECKS
    /* One test for: not free, stride a multiple of ALIGN, at least
     * BLOCK_MIN, and the next header not beyond the last one. With FREE
     * kept in it, a stride that is free or misaligned rotates to a huge
     * value, and so does one below BLOCK_MIN; the room in units is
     * (last - a) / ALIGN. */
    size_t stride = hdr & ~F_PREV_FREE;
    if (UNLIKELY(rotr_align(stride - BLOCK_MIN) > lim_units - units)) {
        reject(h, p);
        return;
    }
#else
    size_t stride = hdr & ~F_MASK;
#endif
    blk_t *next = block_at(a + stride);
    size_t nh = next->header;
    /* Two tests, not one on (hdr | nh): the previous block's flag is known
     * one load earlier than the next block's header, so a mispredicted
     * merge with the previous block is discovered sooner; and the merge
     * function's own test of which neighbour is free then follows a
     * different branch in each case, which the predictor learns (one test
     * here cost W1 at 256 KiB 0.04 more mispredictions per call). */
    if (UNLIKELY(hdr & F_PREV_FREE)) {
        free_merging(h, p, hdr, units, next, nh);
        return;
    }
    /* Next block free, or believing this one is free (a bad neighbour,
     * reported by free_merging). */
    if (UNLIKELY(nh & F_MASK)) {
        free_merging(h, p, hdr, units, next, nh);
        return;
    }
    /* no flag set in hdr here: it is the stride */
    next->header = nh | F_PREV_FREE;
    b->header |= F_FREE;
    block_set_footer(b, next);
    list_push(h, b, hdr);
    h->free_strides += hdr;
    h->free_blocks++;
#endif
}

/* ---------------------------------------------------------------- realloc */

/*
 * realloc and aligned allocation are built from three small verbs (claim a
 * free block whole, trim a used block's tail, release) rather than their
 * own splitting code: they are not on any hot path, and this keeps the
 * engine small for microcontrollers.
 */

/* b, a free block already off the lists, becomes used as a whole. */
static void claim(capheap_heap_t *h, blk_t *b)
{
    size_t have = block_stride(b);
    b->header &= ~F_FREE;
    block_next(b)->header &= ~F_PREV_FREE;
    h->free_blocks--;
    h->free_strides -= have;
}

/* Gives the tail of used block b beyond `stride` back to the heap, merged
 * with a free follower. Built for size: the tail becomes a used block that
 * release() frees; built for speed, the split and merge are done here. */
static void trim(capheap_heap_t *h, blk_t *b, size_t stride)
{
    size_t have = block_stride(b);
    size_t rest = have - stride;
    if (rest < BLOCK_MIN)
        return;
    b->header -= rest; /* the flags are in the low bits */
    blk_t *r = block_at((uintptr_t)b + stride);
#if defined(__OPTIMIZE_SIZE__)
    r->header = rest; /* a used block whose predecessor is used */
    h->total_blocks++;
    release(h, r);
#else
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
    make_free(r, rest, 0);
    list_insert(h, r, rest);
#endif
}

/* The end of every allocation built from these verbs: used block b keeps
 * `stride` bytes, the minimum free is updated; returns b's payload. */
static void *finish(capheap_heap_t *h, blk_t *b, size_t stride)
{
    trim(h, b, stride);
    size_t free_bytes = free_payload(h);
    if (free_bytes < h->min_free)
        h->min_free = free_bytes;
    return block_payload(b);
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
        claim(h, next);
        h->total_blocks--;
        b->header += ns; /* next's header is payload now */
        have += ns;
    }
    if (stride <= have)
        return finish(h, b, stride);
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
/* The first block of the highest non-empty class; NULL if the heap has no
 * free block. O(1). */
static blk_t *largest_head(const capheap_heap_t *h)
{
    if (!h->fl_bitmap)
        return NULL;
    unsigned row = msb32(h->fl_bitmap);
    return h->heads[(row << SL_LOG2) + msb32(h->sl_bitmap[row])];
}

/* Where the aligned payload goes in free block b: the first p with
 * (p + offset) a multiple of align that leaves either no gap in front or a
 * gap that can be a free block of its own. */
static uintptr_t aligned_spot(const blk_t *b, size_t align, size_t offset)
{
    uintptr_t payload = (uintptr_t)block_payload(b);
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
    bool listed = !b;
    if (listed) {
        /* Second O(1) chance: the block largest_free describes, when the
         * aligned placement fits in it without the worst-case padding (an
         * aligned hole of exactly the size, for one). */
        b = largest_head(h);
        if (!b)
            return NULL;
    }
    uintptr_t a = aligned_spot(b, align, offset) - W;
    if (listed) {
        uintptr_t end = (uintptr_t)b + block_stride(b);
        if (a > end || end - a < stride)
            return NULL;
        list_remove(h, b);
    }
    claim(h, b);
    size_t gap = a - (uintptr_t)b;
    if (gap) {
        /* The leading part becomes a free block of its own (its
         * predecessor is used: b was free). */
        blk_t *x = block_at(a);
        x->header = block_stride(b) - gap;
        b->header = gap;
        h->total_blocks++;
        release_merging(h, b);
        b = x;
    }
    return finish(h, b, stride);
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
    const blk_t *b = largest_head(h);
    return b ? block_usable(b) : 0;
}

void capheap_heap_get_info(const capheap_heap_t *h, capheap_heap_info_t *info)
{
    size_t arena = block_sentinel(h) - h->first;
    size_t blocks = h->total_blocks;
    info->total_free_bytes = free_payload(h);
    info->total_allocated_bytes = arena - info->total_free_bytes - blocks * W;
    info->largest_free_block = capheap_heap_largest_free(h);
    info->minimum_free_bytes = h->min_free;
    info->allocated_blocks = h->total_blocks - h->free_blocks;
    info->free_blocks = h->free_blocks;
    info->total_blocks = blocks;
}
