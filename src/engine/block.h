/*
 * Block layout of the capheap engine (private).
 *
 * The region given to capheap_heap_create() holds, in order:
 *
 *   [struct capheap_heap][sl bitmaps][free-list heads][blocks ...][sentinel]
 *
 * Every block starts with one word, its HEADER:
 *
 *     bits 2..  stride: bytes from this header to the next block's header
 *               (a multiple of CAPHEAP_ALIGNMENT, at least BLOCK_MIN)
 *     bit 1     PREV_FREE: the block physically before this one is free
 *     bit 0     FREE: this block is free
 *
 * The payload starts right after the header and is CAPHEAP_ALIGNMENT
 * aligned; an allocated block therefore costs exactly one word. A free block
 * uses its payload for two list links and its last word as a FOOTER that
 * points back at its header, so the following block can find it to merge:
 *
 *     used:  | header | payload ..................................... |
 *     free:  | header | next_free | link_to_me | ...unused... | footer |
 *
 * The footer lies in the word just before the next header, which is why the
 * next block carries PREV_FREE: the footer is only meaningful when that bit
 * is set. The last block is followed by a SENTINEL header of stride 0 that
 * is never free, so every block has a successor and merging needs no bounds
 * test.
 *
 * Why this order: the header sits just below the pointer the user holds, so
 * free() reaches it with one subtraction; flags live in the low bits that
 * the alignment leaves zero; the footer is written only on free blocks so
 * used blocks pay nothing for it.
 *
 * Size classes: a stride S is counted in units u = S / ALIGN. Units below
 * SL_COUNT map one-to-one onto class u (row 0, exact fit). Above, with
 * m = msb(u), the class is ((m - SL_LOG2) << SL_LOG2) + (u >> (m - SL_LOG2)):
 * row m - SL_LOG2 + 1, split into SL_COUNT equal sub-ranges. A request is
 * rounded up to the next class boundary so that any block of the class it
 * lands in, or of any higher class, fits (good fit in O(1)); if that finds
 * nothing, the first block of the request's own class is tried as well,
 * which is what makes "largest allocatable block" exact and O(1).
 */
#ifndef CAPHEAP_ENGINE_BLOCK_H
#define CAPHEAP_ENGINE_BLOCK_H

#include "capheap/heap.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#define W ((size_t)sizeof(size_t))
#define ALIGN ((size_t)CAPHEAP_ALIGNMENT)
#define SL_LOG2 CAPHEAP_SL_LOG2
#define SL_COUNT (1u << SL_LOG2)

#define LOG2_SMALL_(x) ((x) >= 64 ? 6 : (x) >= 32 ? 5 : (x) >= 16 ? 4 : (x) >= 8 ? 3 : (x) >= 4 ? 2 : (x) >= 2 ? 1 : 0)
#define ALIGN_LOG2 LOG2_SMALL_(CAPHEAP_ALIGNMENT)

#define F_FREE ((size_t)1)
#define F_PREV_FREE ((size_t)2)
#define F_MASK ((size_t)3)

/* What a header becomes when its block is merged into a free neighbour:
 * no valid block has stride 0, and a second free() of the pointer then
 * reads this and is reported as a double free. */
#define DEAD_HEADER (F_FREE | F_PREV_FREE)

/* Smallest stride: header, two links, footer. */
#define BLOCK_MIN (((4 * W) + ALIGN - 1) & ~(ALIGN - 1))

_Static_assert((CAPHEAP_ALIGNMENT & (CAPHEAP_ALIGNMENT - 1)) == 0, "CAPHEAP_ALIGNMENT must be a power of two");
_Static_assert(CAPHEAP_ALIGNMENT >= sizeof(void *), "CAPHEAP_ALIGNMENT must be at least the pointer size");
_Static_assert(CAPHEAP_ALIGNMENT <= 64, "CAPHEAP_ALIGNMENT above 64 is not supported");
_Static_assert((1u << ALIGN_LOG2) == CAPHEAP_ALIGNMENT, "ALIGN_LOG2");
_Static_assert(SL_LOG2 >= 2 && SL_LOG2 <= 5, "CAPHEAP_SL_LOG2 must be 2..5");
_Static_assert(sizeof(size_t) == sizeof(void *), "size_t and pointers must have the same width");

typedef struct blk {
    size_t header;
    struct blk *next_free; /* valid only while free */
    struct blk **link_to_me; /* valid only while free: the pointer that points
                                at this block (a list head or the previous
                                block's next_free) */
} blk_t;

struct capheap_heap {
    /* scratch: the block that list_pop's, list_push's and merged_insert's
     * back link goes to when there is no block to link back (they run
     * without branches). Only
     * its link_to_me is ever written and nothing reads it, so its first two
     * words hold two fields; being at offset 0 its address is the heap's
     * own (no extra instruction to form it). */
    union {
        blk_t scratch;
        struct {
            blk_t **heads;           /* rows * SL_COUNT list heads */
            uint32_t fl_bitmap;      /* bit r: row r has a non-empty class */
        };
    };
    uint32_t rows;           /* number of rows (first-level classes) */
    size_t free_strides;     /* sum of the strides of the free blocks */
    size_t min_free;
    size_t free_blocks;
    uintptr_t first;         /* header address of the first block */
    size_t total_blocks;     /* used + free; not next to free_blocks, so
                                that gcc does not pair their updates in
                                vector registers (more instructions) */
    uintptr_t last;          /* sentinel - BLOCK_MIN: the highest address a
                                block header can have (free() tests a
                                stride against last - header address) */
    size_t lim_units;        /* (last - first) / ALIGN */
    size_t capacity;         /* payload of the single free block at creation */
    capheap_error_fn err;
    void *err_ctx;
    capheap_refused_fn refused; /* capheap_heap_malloc_or's continuation */
    void *refused_ctx;
    size_t report_bias;      /* added to every pointer reported through err
                                (capheap_heap_set_report_bias) */
    void *region_start;
    void *region_end;
    uint32_t sl_bitmap[];    /* rows entries, then the heads */
};

_Static_assert(offsetof(blk_t, link_to_me) >= offsetof(struct capheap_heap, fl_bitmap) + sizeof(uint32_t),
               "the scratch block's back link must not overlap the fields sharing its words");

/* Payload bytes in free blocks: their strides less one header each. */
static inline size_t free_payload(const struct capheap_heap *h) { return h->free_strides - W * h->free_blocks; }

/* ---- verbs over one block ---- */

/*
 * A merge leaves the absorbed block x's header (DEAD_HEADER), its two list
 * links and the footer just before it inside the merged free block. With
 * comprehensive poisoning (CAPHEAP_POISONING_LEVEL 2) free payload must read
 * 0xFE apart from each free block's own links and footer: the links and the
 * stale footer go back to the pattern. The header keeps DEAD_HEADER (it is
 * how a second free of x is told apart); the debug layer's fill check knows
 * that word. Compiled to nothing at the other levels.
 */
static inline void block_absorbed(blk_t *x)
{
#if defined(CAPHEAP_POISONING_LEVEL) && CAPHEAP_POISONING_LEVEL >= 2
    unsigned char *a = (unsigned char *)x;
    memset(a - W, 0xFE, W);
    memset(a + W, 0xFE, 2 * W);
#else
    (void)x;
#endif
}

static inline uintptr_t block_sentinel(const struct capheap_heap *h) { return h->last + BLOCK_MIN; }

/*
 * Rotates a header offset right by ALIGN_LOG2: an offset that is not a
 * multiple of ALIGN (a misaligned pointer) becomes huge, so one comparison
 * with lim_units tests both the range and the alignment.
 */
static inline size_t rotr_align(size_t off)
{
    return (off >> ALIGN_LOG2) | (off << (sizeof(size_t) * CHAR_BIT - ALIGN_LOG2));
}

static inline size_t block_stride(const blk_t *b) { return b->header & ~F_MASK; }
static inline bool block_is_free(const blk_t *b) { return (b->header & F_FREE) != 0; }
static inline bool block_prev_is_free(const blk_t *b) { return (b->header & F_PREV_FREE) != 0; }
static inline void *block_payload(const blk_t *b) { return (char *)(uintptr_t)b + W; }
static inline blk_t *block_from_payload(const void *p) { return (blk_t *)(uintptr_t)((const char *)p - W); }
static inline blk_t *block_at(uintptr_t a) { return (blk_t *)a; }
static inline blk_t *block_next(const blk_t *b) { return block_at((uintptr_t)b + block_stride(b)); }
static inline size_t block_usable(const blk_t *b) { return block_stride(b) - W; }
/* The footer of the block before b (meaningful only when PREV_FREE). */
static inline blk_t *block_prev(const blk_t *b) { return ((blk_t *const *)(uintptr_t)b)[-1]; }
static inline void block_set_footer(blk_t *b, blk_t *next) { ((blk_t **)(uintptr_t)next)[-1] = b; }

#if defined(__GNUC__) || defined(__clang__)
static inline unsigned msb_sz(size_t x)
{
    return (unsigned)(sizeof(size_t) * CHAR_BIT - 1) - (unsigned)(sizeof(size_t) == sizeof(unsigned long long) ? __builtin_clzll((unsigned long long)x) : __builtin_clz((unsigned)x));
}
static inline unsigned lsb32(uint32_t x) { return (unsigned)__builtin_ctz(x); }
static inline unsigned msb32(uint32_t x) { return 31u - (unsigned)__builtin_clz(x); }
#else
static inline unsigned msb_sz(size_t x)
{
    unsigned r = 0;
    while (x >>= 1)
        r++;
    return r;
}
static inline unsigned msb32(uint32_t x) { return msb_sz(x); }
static inline unsigned lsb32(uint32_t x) { return msb_sz(x & (0u - x)); }
#endif

/* All bits set but bit n (n < 32): a rotate, one instruction less than
 * ~(1u << n) on x86. */
static inline uint32_t all_but_bit(unsigned n)
{
    n &= 31u;
#if defined(__OPTIMIZE_SIZE__)
    return ~(1u << n); /* smaller on Arm */
#else
    return (0xfffffffeu << n) | (0xfffffffeu >> ((32u - n) & 31u));
#endif
}

/* Class of a stride (the list a free block of that stride is kept in),
 * as a size_t: an index, which spares x86-64 a zero extension. */
static inline size_t class_of_sz(size_t stride)
{
    size_t u = stride >> ALIGN_LOG2;
    if (u < SL_COUNT)
        return u;
    unsigned sh = msb_sz(u) - SL_LOG2;
    return ((size_t)sh << SL_LOG2) + (u >> sh);
}

/* Class of a stride (the list a free block of that stride is kept in). */
static inline unsigned class_of(size_t stride) { return (unsigned)class_of_sz(stride); }

/* Bytes to add to a stride so that class_of() of the sum is the smallest
 * class whose every block holds `stride` (0 in the exact classes). */
static inline size_t round_up_slack(size_t stride)
{
    if ((stride >> ALIGN_LOG2) < SL_COUNT)
        return 0;
    return ((size_t)1 << (msb_sz(stride) - SL_LOG2)) - 1;
}

/*
 * Where everything goes in a region whose control structure starts at the
 * word-aligned address `base` and which ends at `hi`: the number of rows,
 * the list heads, the first block and the sentinel. Used by create, and by
 * check to tell whether the control structure itself was overwritten.
 * Returns false when the region is too small (or absurdly large).
 */
typedef struct {
    size_t rows;
    uintptr_t heads;
    uintptr_t first;
    uintptr_t sentinel;
} layout_t;

static inline bool layout_of(uintptr_t base, uintptr_t hi, layout_t *l)
{
    size_t avail = hi - base;
    bool found = false;
    /* The fewest rows that list the block the region then holds; with fewer
     * rows than that, the block capped to what they list, when that leaves
     * more room (so a larger region never holds less). Each extra row costs
     * its 2^SL_LOG2 heads; a power-of-two region needs log2(size) -
     * log2(2^SL_LOG2 * ALIGN) + 1 rows at most. */
    for (size_t rows = 1; rows <= 32; rows++) {
        size_t bitmaps = (rows * sizeof(uint32_t) + W - 1) / W * W;
        size_t ctl = sizeof(struct capheap_heap) + bitmaps + rows * SL_COUNT * W;
        if (ctl + W + BLOCK_MIN > avail)
            break;
        uintptr_t first = ((base + ctl + W + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1)) - W;
        if (first + W + BLOCK_MIN > hi)
            break;
        size_t stride = (hi - first - W) & ~(uintptr_t)(ALIGN - 1);
        /* largest stride the rows list: units below SL_COUNT << (rows - 1) */
        unsigned shift = (unsigned)(rows - 1 + ALIGN_LOG2 + SL_LOG2);
        bool listed = shift >= sizeof(size_t) * CHAR_BIT || stride < ((size_t)1 << shift);
        if (!listed)
            stride = ((size_t)1 << shift) - ALIGN;
        if (stride < BLOCK_MIN)
            break;
        if (!found || stride > l->sentinel - l->first) {
            l->rows = rows;
            l->heads = base + sizeof(struct capheap_heap) + bitmaps;
            l->first = first;
            l->sentinel = first + stride;
            found = true;
        }
        if (listed)
            break; /* more rows would only take room from the block */
    }
    return found;
}

#endif /* CAPHEAP_ENGINE_BLOCK_H */
