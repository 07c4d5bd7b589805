/*
 * Private structures of the GC heap.
 *
 * Where things live:
 *
 *   memory given to create:  [instance][mark stack][area record][ATB][FTB][pad][blocks]
 *   every other area:        [area record][ATB][FTB][pad][blocks]
 *
 * The ATB is an array of machine words, each holding GC_EPW two-bit entries
 * (block i is entry i % GC_EPW of word i / GC_EPW, lowest bits first). The
 * FTB is an array of words of one bit per block. Entries past the last block
 * are TAIL so that no free run crosses the end.
 *
 * The table is only changed through the verbs below, named by the state
 * transition they make (ATB_FREE_TO_HEAD, ATB_HEAD_TO_MARK, ...), so a
 * transition the model does not allow stands out.
 *
 * Free-run hints (per area): hint[k-1], k = 1..GC_HINTS, is a block index
 * such that no maximal free run of length >= k starts before it. An
 * allocation only shrinks runs, so it keeps every hint true; finding the
 * first run of n >= k blocks at s lets hint[j-1] for j in n..GC_HINTS rise to
 * s. A free merges its blocks with the free runs around them into one run
 * of length L starting at r: the hints of lengths 1..L fall to r (longer
 * runs did not appear). fail_at is the smallest length known to fail in the
 * area (SIZE_MAX: unknown); a free that makes a run of L >= fail_at moves it
 * to L + 1, a sweep that frees anything resets it.
 *
 * Group bounds: the ATB words are grouped by GC_GW (2 words: 32 blocks on
 * 32-bit, 64 on 64-bit); gmax[g] (a byte, 255 meaning "255 or more") is an
 * upper bound of the length of every
 * free run that touches group g. A search for n blocks skips a group whose
 * bound is below n. Allocations only shorten runs (bounds stay true); a free
 * raises the bound of every group its merged run touches to the run's
 * length; a search that finds no run of n touching a group (runs crossing
 * its edges included, followed to their end) lowers its bound to n - 1; a
 * sweep resets every bound to the area's size. Beside the bounds, one bitmap
 * per length k = 1..GC_HINTS has bit g set iff gmax[g] >= k, so the next
 * group worth a look is found a machine word of groups at a time. So a
 * nearly full heap is crossed 32 or 64 groups per step, not word by word.
 *
 * Threads: `lock` guards everything except lock_depth and the busy pair,
 * which are written under the lock and read without it (atomics), so that
 * an allocation from a finaliser or from a locked heap fails without
 * waiting for the lock its own thread holds.
 */
#ifndef CAPHEAP_GC_INTERNAL_H
#define CAPHEAP_GC_INTERNAL_H

#include "capheap/gc.h"

#include <stdatomic.h>
#include <string.h>

#define GC_B ((uintptr_t)CAPHEAP_GC_BLOCK)
#define GC_WBITS (sizeof(uintptr_t) * 8u)
#define GC_EPW (GC_WBITS / 2u)        /* ATB entries per word */
#define GC_FIVES ((uintptr_t)-1 / 3u) /* 0x5555...: the low bit of each entry */
#define GC_HINTS 8u
#define GC_GW 2u                      /* ATB words per group (gmax) */
#define GC_NONE SIZE_MAX
#define GC_GMAX_INF 255u
#define GC_PENDING 8u

enum { AT_FREE = 0, AT_HEAD = 1, AT_TAIL = 2, AT_MARK = 3 };

#define GC_AREA_GROWN 1u   /* taken from the caps allocator: may go back */
#define GC_AREA_OWNED 2u   /* holds the instance (never given back) */

typedef struct gc_area {
    struct gc_area *next;
    uintptr_t *atb;
    uintptr_t *ftb;
    uint8_t *gmax;        /* per group of GC_GW ATB words: upper bound of the
                             length of every free run that touches it
                             (GC_GMAX_INF: unbounded) */
    uintptr_t *glev;      /* GC_HINTS bitmaps of glev_words: gmax >= k */
    size_t groups;
    size_t glev_words;
    uintptr_t pool;       /* address of block 0 */
    uintptr_t pool_end;   /* pool + blocks * B */
    size_t blocks;
    size_t atb_words;
    size_t used;          /* blocks not FREE */
    size_t hint[GC_HINTS];
    size_t fail_at;
    size_t ovf_lo;        /* lowest marked-but-unscanned object, GC_NONE */
    void *mem;            /* start of the memory of the area */
    size_t mem_size;
    unsigned flags;
} gc_area_t;

typedef struct gc_range {
    uintptr_t lo, hi;
} gc_range_t;

struct capheap_gc {
    capheap_lock_t lock;
    const capheap_lock_ops_t *lock_ops;
    capheap_gc_config_t cfg;
    gc_area_t *areas;         /* address order */
    uintptr_t lo, hi;         /* bounds over every area's pool */
    atomic_uint lock_depth;   /* capheap_gc_lock nesting */
    atomic_bool busy;         /* a collection runs ... */
    atomic_uintptr_t busy_owner; /* ... in this thread (capheap_port_owner) */
    bool auto_collect;
    bool collecting;
    size_t threshold_blocks;  /* GC_NONE: off */
    size_t since_collect;     /* blocks allocated since the last collection */
    size_t collections;
    size_t grow_next;
    void *pending[GC_PENDING]; /* objects kept alive while a moving realloc
                                  or never_free allocates (one per thread
                                  doing so at once, up to GC_PENDING) */
    void *never_free;         /* chain of permanent-root objects */
    gc_range_t roots[CAPHEAP_GC_ROOT_RANGES];
    size_t nroots;
    /* mark stack */
    uintptr_t *stack;
    size_t stack_cap;
    size_t stack_len;
    gc_area_t *last_area;     /* lookup cache while marking */
    uintptr_t hook_count;
    void *self_mem;           /* memory taken from caps by create, or NULL */
};

/* ---------------------------------------------------------------- ATB verbs */

static inline unsigned atb_get(const gc_area_t *a, size_t i)
{
    return (unsigned)(a->atb[i / GC_EPW] >> (2u * (i % GC_EPW))) & 3u;
}

static inline void atb_set_(gc_area_t *a, size_t i, unsigned from, unsigned to)
{
    uintptr_t *w = &a->atb[i / GC_EPW];
    unsigned sh = 2u * (unsigned)(i % GC_EPW);
    CAPHEAP_ASSERT(((*w >> sh) & 3u) == from);
    (void)from;
    *w = (*w & ~((uintptr_t)3u << sh)) | ((uintptr_t)to << sh);
}

#define ATB_FREE_TO_HEAD(a, i) atb_set_((a), (i), AT_FREE, AT_HEAD)
#define ATB_FREE_TO_TAIL(a, i) atb_set_((a), (i), AT_FREE, AT_TAIL)
#define ATB_HEAD_TO_MARK(a, i) atb_set_((a), (i), AT_HEAD, AT_MARK)
#define ATB_MARK_TO_HEAD(a, i) atb_set_((a), (i), AT_MARK, AT_HEAD)
#define ATB_HEAD_TO_FREE(a, i) atb_set_((a), (i), AT_HEAD, AT_FREE)
#define ATB_MARK_TO_FREE(a, i) atb_set_((a), (i), AT_MARK, AT_FREE)
#define ATB_TAIL_TO_FREE(a, i) atb_set_((a), (i), AT_TAIL, AT_FREE)

static inline bool ftb_get(const gc_area_t *a, size_t i)
{
    return (a->ftb[i / GC_WBITS] >> (i % GC_WBITS)) & 1u;
}
static inline void ftb_set(gc_area_t *a, size_t i)
{
    a->ftb[i / GC_WBITS] |= (uintptr_t)1 << (i % GC_WBITS);
}
static inline void ftb_clear(gc_area_t *a, size_t i)
{
    a->ftb[i / GC_WBITS] &= ~((uintptr_t)1 << (i % GC_WBITS));
}

static inline uintptr_t gc_block_addr(const gc_area_t *a, size_t i)
{
    return a->pool + i * GC_B;
}

/* Index of the lowest set bit of x (x != 0). */
static inline unsigned gc_ctz(uintptr_t x)
{
#if defined(__GNUC__) || defined(__clang__)
#if UINTPTR_MAX > 0xFFFFFFFFu
    return (unsigned)__builtin_ctzll((unsigned long long)x);
#else
    return (unsigned)__builtin_ctz((unsigned)x);
#endif
#else
    unsigned n = 0;
    while (!(x & 1u)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}

/* Sets the bound of group g and its bits in the level bitmaps. */
static inline void gc_gset(gc_area_t *a, size_t g, size_t v)
{
    a->gmax[g] = (uint8_t)(v < GC_GMAX_INF ? v : GC_GMAX_INF);
    uintptr_t bit = (uintptr_t)1 << (g % GC_WBITS);
    uintptr_t *w = a->glev + g / GC_WBITS;
    for (size_t k = 1; k <= GC_HINTS; k++, w += a->glev_words) {
        if (v >= k)
            *w |= bit;
        else
            *w &= ~bit;
    }
}

/* Can a run of n blocks touch group g? */
static inline bool gc_gmay(const gc_area_t *a, size_t g, size_t n)
{
    return a->gmax[g] >= n || a->gmax[g] == GC_GMAX_INF;
}

/* Every group bound back to the area's size (nothing known). */
static inline void gc_greset(gc_area_t *a)
{
    for (size_t g = 0; g < a->groups; g++)
        gc_gset(a, g, a->blocks);
}

/* Number of blocks of the object whose HEAD (or MARK) is block i. */
size_t gc_object_blocks(const gc_area_t *a, size_t i);

/* Area holding address p in its pool, or NULL. */
static inline gc_area_t *gc_area_of(const struct capheap_gc *gc, uintptr_t p)
{
    if (p < gc->lo || p >= gc->hi)
        return NULL;
    for (gc_area_t *a = gc->areas; a; a = a->next)
        if (p >= a->pool && p < a->pool_end)
            return a;
    return NULL;
}

/* Frees blocks [i, i + n) of area a (entries HEAD/MARK then TAILs), updating
 * counters and hints. */
void gc_release(struct capheap_gc *gc, gc_area_t *a, size_t i, size_t n);

/* Calls the watchdog hook every 1024 steps. */
static inline void gc_tick(struct capheap_gc *gc, size_t steps)
{
    gc->hook_count += steps;
    if (gc->hook_count >= 1024u) {
        gc->hook_count = 0;
        if (gc->cfg.hook)
            gc->cfg.hook(gc->cfg.hook_ctx);
    }
}

static inline void gc_lock_(struct capheap_gc *gc)
{
    gc->lock_ops->acquire(gc->lock_ops->ctx, &gc->lock);
}
static inline void gc_unlock_(struct capheap_gc *gc)
{
    gc->lock_ops->release(gc->lock_ops->ctx, &gc->lock);
}

/* Keeps p alive across an allocation (lock held); returns the slot to give
 * to gc_unpend, or GC_PENDING when every slot is taken. */
static inline unsigned gc_pend(struct capheap_gc *gc, void *p)
{
    for (unsigned k = 0; k < GC_PENDING; k++)
        if (!gc->pending[k]) {
            gc->pending[k] = p;
            return k;
        }
    return GC_PENDING;
}
static inline void gc_unpend(struct capheap_gc *gc, unsigned k)
{
    if (k < GC_PENDING)
        gc->pending[k] = NULL;
}

/* Sweep after marking (lock held, collecting). Returns blocks freed. */
size_t gc_sweep(struct capheap_gc *gc, bool all);
/* Gives empty grown areas back to the caps allocator (lock held). */
void gc_give_back(struct capheap_gc *gc);
/* Recomputes lo/hi (lock held). */
void gc_update_bounds(struct capheap_gc *gc);

#endif /* CAPHEAP_GC_INTERNAL_H */
