/*
 * Debug layer: the hidden block header (requested size, owner, canaries)
 * and the fills of comprehensive poisoning. See capheap/debug.h for the
 * layout and poison.h for who calls what.
 *
 * Error handling: a damaged block is reported through the heap's error hook
 * (capheap_heap_report) with the user pointer and left exactly as it was
 * (free does nothing, realloc and size queries return NULL / 0), so the hook
 * can still examine it (capheap_poison_inspect) and the heap is not damaged
 * further. A pointer the engine itself rejects is reported by the engine,
 * which adds the prefix (capheap_heap_set_report_bias): every report names
 * the pointer the caller holds.
 */
#include "poison.h"

#include <string.h>

#include "capheap/port.h"
#include "owner_internal.h"

size_t capheap_debug_overhead(void)
{
    return CAPHEAP_DEBUG_PREFIX + CAPHEAP_DEBUG_SUFFIX;
}

int capheap_poisoning_level(void)
{
    return CAPHEAP_POISONING_LEVEL;
}

void *capheap_debug_heap_malloc(capheap_heap_t *heap, size_t size)
{
    return capheap_dbg_malloc(heap, size);
}

void capheap_debug_heap_free(capheap_heap_t *heap, void *ptr)
{
    capheap_dbg_free(heap, ptr);
}

#define PREFIX CAPHEAP_DEBUG_PREFIX
#define OVH (CAPHEAP_DEBUG_PREFIX + CAPHEAP_DEBUG_SUFFIX)
#define POISON (CAPHEAP_POISONING_LEVEL >= 1)
#define FILL (CAPHEAP_POISONING_LEVEL >= 2)
#define WORD sizeof(size_t)

/* What the engine leaves in the header of a block merged into a free
 * neighbour (src/engine/block.h, DEAD_HEADER): the one word of free memory
 * that comprehensive poisoning does not turn back into the free fill. */
#define ENGINE_DEAD_WORD ((size_t)3)

static inline uint32_t rd32(uintptr_t a)
{
    uint32_t v;
    memcpy(&v, (const void *)a, sizeof v);
    return v;
}

static inline size_t rdsz(uintptr_t a)
{
    size_t v;
    memcpy(&v, (const void *)a, sizeof v);
    return v;
}

/* The requested size recorded in the hidden header of user pointer u. */
static inline size_t field_size(uintptr_t u)
{
    return rdsz(u - CAPHEAP_DEBUG_SIZE_BACK);
}

bool capheap_poison_inspect(capheap_heap_t *h, const void *block, capheap_poison_report_t *out)
{
    capheap_poison_report_t r = { (capheap_error_reason_t)0, block, block, 0, 0 };
    bool ok = true;
    size_t usable = (h && block) ? capheap_heap_block_size(h, (const void *)((uintptr_t)block - PREFIX)) : 0;
    const size_t ovh = OVH; /* a variable: at level 0 the test is usable == 0 */
    if (usable == 0 || usable < ovh) {
        r.reason = CAPHEAP_E_BAD_HEADER;
        ok = false;
    } else if (POISON) {
        uintptr_t u = (uintptr_t)block;
        uint32_t head = rd32(u - 4);
        size_t n = field_size(u);
        if (head != CAPHEAP_POISON_HEAD_CANARY) {
            r = (capheap_poison_report_t){ CAPHEAP_E_HEAD_CANARY, block, (const void *)(u - 4),
                                           CAPHEAP_POISON_HEAD_CANARY, head };
            ok = false;
        } else if (n > usable - OVH) {
            r = (capheap_poison_report_t){ CAPHEAP_E_BAD_HEADER, block,
                                           (const void *)(u - CAPHEAP_DEBUG_SIZE_BACK),
                                           (uint32_t)(usable - OVH), (uint32_t)n };
            ok = false;
        } else {
            uint32_t tail = rd32(u + n);
            if (tail != CAPHEAP_POISON_TAIL_CANARY) {
                r = (capheap_poison_report_t){ CAPHEAP_E_TAIL_CANARY, block, (const void *)(u + n),
                                               CAPHEAP_POISON_TAIL_CANARY, tail };
                ok = false;
            }
        }
    }
    if (out)
        *out = r;
    return ok;
}

#if CAPHEAP_DEBUG_HEADER

/* Writers are only needed when a hidden header exists. */
static inline void wr32(uintptr_t a, uint32_t v)
{
    memcpy((void *)a, &v, sizeof v);
}

static inline void wrsz(uintptr_t a, size_t v)
{
    memcpy((void *)a, &v, sizeof v);
}

#if defined(__GNUC__) || defined(__clang__)
#define COLD __attribute__((noinline, cold))
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define COLD
#define UNLIKELY(x) (x)
#endif

static inline uintptr_t eng(uintptr_t u)
{
    return u - PREFIX;
}

/* Writes the hidden fields of a block of n requested bytes at user u. */
static inline void put_fields(uintptr_t u, size_t n)
{
    wrsz(u - CAPHEAP_DEBUG_SIZE_BACK, n);
    if (POISON) {
        wr32(u - 4, CAPHEAP_POISON_HEAD_CANARY);
        wr32(u + n, CAPHEAP_POISON_TAIL_CANARY);
    }
}

/* Quick canary test for free(): true when something is off (the cold path
 * then tells what). Reads only inside the heap's region. */
static inline bool fields_suspect(const capheap_heap_t *h, uintptr_t u)
{
    uintptr_t lo = (uintptr_t)capheap_heap_region_start(h);
    uintptr_t hi = (uintptr_t)capheap_heap_region_end(h);
    if (u - lo - PREFIX > hi - lo - PREFIX - 4)
        return true; /* the fields would lie outside the region */
    if (rd32(u - 4) != CAPHEAP_POISON_HEAD_CANARY)
        return true;
    size_t n = field_size(u);
    if (n > hi - u - 4)
        return true;
    return rd32(u + n) != CAPHEAP_POISON_TAIL_CANARY;
}

/* Something looked wrong at u: let the engine report a bad pointer (double
 * free, foreign, ...) with priority, else report the damaged field. The
 * block is left untouched. */
static COLD void reject(capheap_heap_t *h, const void *u)
{
    if (capheap_heap_usable_size(h, (const void *)eng((uintptr_t)u)) == 0)
        return; /* the engine reported it */
    capheap_poison_report_t r;
    if (!capheap_poison_inspect(h, u, &r))
        capheap_heap_report(h, r.reason, u);
}

/* ------------------------------------------------------ comprehensive fills */

#define FREE_WORD ((size_t)~(size_t)0 / 0xFFu * CAPHEAP_POISON_FREE_FILL)
#define FREE_WORD32 ((uint32_t)0x01010101u * CAPHEAP_POISON_FREE_FILL)

/* Word reads of memory written as bytes (memset). */
#if defined(__GNUC__) || defined(__clang__)
typedef size_t __attribute__((may_alias)) word_alias_t;
#else
typedef size_t word_alias_t;
#endif

/* Range of an engine block's payload [p, p+usable) that holds the free fill
 * while the block is free: all but its two list links and its footer. */
static inline bool fill_range(uintptr_t p, size_t usable, uintptr_t *lo, uintptr_t *hi)
{
    if (usable <= 3 * WORD)
        return false;
    *lo = p + 2 * WORD;
    *hi = p + usable - WORD;
    return true;
}

/* First byte in [lo, hi) (word aligned) that is not the free fill, 0 if
 * none. A merged block's dead header word (at a header position) is not
 * damage. */
static uintptr_t first_unfilled_slow(uintptr_t lo, uintptr_t hi)
{
    for (uintptr_t a = lo; a < hi; a += WORD) {
        size_t w;
        memcpy(&w, (const void *)a, WORD);
        if (w == FREE_WORD)
            continue;
        if (w == ENGINE_DEAD_WORD && ((a + WORD) & ((uintptr_t)CAPHEAP_ALIGNMENT - 1)) == 0)
            continue;
        const unsigned char *b = (const unsigned char *)a;
        for (size_t i = 0; i < WORD; i++)
            if (b[i] != CAPHEAP_POISON_FREE_FILL)
                return a + i;
    }
    return 0;
}

/* The same, scanning 16 words at a time without branches (free memory is
 * almost always all pattern: integrity checks read every free byte). */
static uintptr_t first_unfilled(uintptr_t lo, uintptr_t hi)
{
    enum { CHUNK = 16 };
    uintptr_t a = lo;
    while (hi - a >= CHUNK * WORD) {
        size_t diff = 0;
        const word_alias_t *w = (const word_alias_t *)a;
        for (unsigned i = 0; i < CHUNK; i++)
            diff |= w[i] ^ FREE_WORD;
        if (diff) {
            uintptr_t bad = first_unfilled_slow(a, a + CHUNK * WORD);
            if (bad)
                return bad;
        }
        a += CHUNK * WORD;
    }
    return first_unfilled_slow(a, hi);
}

static bool fill_walk(void *ctx, void *ptr, size_t size, bool used)
{
    (void)ctx;
    uintptr_t lo, hi;
    if (!used && fill_range((uintptr_t)ptr, size, &lo, &hi))
        memset((void *)lo, CAPHEAP_POISON_FREE_FILL, (size_t)(hi - lo));
    return true;
}

/* A block just taken from the engine at e: it must still read the free
 * fill (else a write after free is reported at the first bad byte); then
 * the n requested bytes at u get the allocation fill. */
static void fill_new(capheap_heap_t *h, uintptr_t e, uintptr_t u, size_t n)
{
    uintptr_t lo, hi;
    size_t usable = capheap_heap_block_size(h, (const void *)e);
    if (fill_range(e, usable, &lo, &hi)) {
        uintptr_t bad = first_unfilled(lo, hi);
        if (bad)
            capheap_heap_report(h, CAPHEAP_E_USE_AFTER_FREE, (const void *)bad);
    }
    memset((void *)u, CAPHEAP_POISON_MALLOC_FILL, n);
}

/* ---------------------------------------------------------------- calls */

capheap_heap_t *capheap_dbg_heap_create(void *start, size_t size)
{
    uintptr_t s = (uintptr_t)start;
    size_t skip = 0;
#if CAPHEAP_TASK_TRACKING
    const uintptr_t a = (uintptr_t)CAPHEAP_ALIGNMENT;
    uintptr_t t = (s + a - 1u) & ~(a - 1u);
    if (!start || t < s || t - s > size || size - (size_t)(t - s) < CAPHEAP_OWNER_TABLE_BYTES)
        return NULL;
    skip = (size_t)(t - s) + CAPHEAP_OWNER_TABLE_BYTES;
#endif
    capheap_heap_t *h = capheap_heap_create((void *)(s + skip), size - skip);
    if (!h)
        return NULL;
#if CAPHEAP_TASK_TRACKING
    memset(capheap_owner_table(h), 0, sizeof(capheap_owner_table_t));
#endif
    capheap_heap_set_report_bias(h, PREFIX);
    if (FILL)
        capheap_heap_walk(h, fill_walk, NULL);
    return h;
}

static inline void *finish_alloc(capheap_heap_t *h, void *e, size_t n)
{
    uintptr_t u = (uintptr_t)e + PREFIX;
    if (FILL)
        fill_new(h, (uintptr_t)e, u, n);
    put_fields(u, n);
    capheap_owner_alloc(h, u, n);
    return (void *)u;
}

void *capheap_dbg_malloc(capheap_heap_t *h, size_t n)
{
    if (n > SIZE_MAX - OVH)
        return NULL;
    void *e = capheap_heap_malloc(h, n + OVH);
    if (!e)
        return NULL;
    return finish_alloc(h, e, n);
}

void *capheap_dbg_aligned_alloc_offs(capheap_heap_t *h, size_t n, size_t align, size_t offs)
{
    if (n > SIZE_MAX - OVH || offs > n)
        return NULL;
    void *e = capheap_heap_aligned_alloc_offs(h, n + OVH, align, offs + PREFIX);
    if (!e)
        return NULL;
    return finish_alloc(h, e, n);
}

void capheap_dbg_free(capheap_heap_t *h, void *p)
{
    if (!p)
        return;
    uintptr_t u = (uintptr_t)p;
    if (POISON && UNLIKELY(fields_suspect(h, u))) {
        reject(h, p);
        return;
    }
    if (FILL || CAPHEAP_TASK_TRACKING) {
        size_t usable = capheap_heap_usable_size(h, (const void *)eng(u));
        if (!usable)
            return; /* reported by the engine */
        capheap_owner_free(h, u, field_size(u));
        if (FILL)
            memset((void *)eng(u), CAPHEAP_POISON_FREE_FILL, usable);
    }
#if !CAPHEAP_CHECKS
    /* Light, without the engine's checks (which catch a double free
     * first, and may refuse this free: then the block must stay as it
     * was): the head canary becomes the free fill, as level 2's fill leaves
     * it, so a second free of the block fails the canary test, also once
     * the block merged into a free neighbour (its prefix is not rewritten
     * then; where the canary shares a word with the engine's back link,
     * an unmerged block gets the link there instead, which fails the test
     * too). One store to a word just read. */
    if (POISON && !FILL)
        wr32(u - 4, FREE_WORD32);
#endif
    capheap_heap_free(h, (void *)eng(u));
}

/* Validates u for realloc and size queries: the engine's checks, then the
 * canaries. Returns the engine block's usable size, 0 when reported. */
static size_t checked_block(capheap_heap_t *h, uintptr_t u)
{
    size_t usable = capheap_heap_usable_size(h, (const void *)eng(u));
    if (!usable)
        return 0; /* reported by the engine */
    capheap_poison_report_t r;
    if (!capheap_poison_inspect(h, (const void *)u, &r)) {
        capheap_heap_report(h, r.reason, (const void *)u);
        return 0;
    }
    return usable;
}

size_t capheap_dbg_usable_size(capheap_heap_t *h, const void *p)
{
    if (!p || !checked_block(h, (uintptr_t)p))
        return 0;
    return field_size((uintptr_t)p);
}

bool capheap_dbg_query(capheap_heap_t *h, const void *p, size_t *usable)
{
    if (!p || !checked_block(h, (uintptr_t)p))
        return false;
    *usable = field_size((uintptr_t)p);
    return true;
}

void *capheap_dbg_realloc(capheap_heap_t *h, void *p, size_t n)
{
    if (!p)
        return capheap_dbg_malloc(h, n);
    if (n == 0) {
        capheap_dbg_free(h, p);
        return NULL;
    }
    uintptr_t u = (uintptr_t)p;
    size_t usable = checked_block(h, u);
    if (!usable || n > SIZE_MAX - OVH)
        return NULL;
    size_t old = field_size(u);
    if (FILL) {
        /* Comprehensive: in place while the engine block holds n (a shrink
         * first gives the freed tail the free fill, then lets the engine
         * trim it), else a new block, the copy and a free: simpler than
         * re-filling what an engine move or growth would leave. */
        if (n + OVH <= usable) {
            if (n < old) {
                uintptr_t from = u + n + CAPHEAP_DEBUG_SUFFIX;
                memset((void *)from, CAPHEAP_POISON_FREE_FILL, (size_t)(eng(u) + usable - from));
                (void)capheap_heap_realloc(h, (void *)eng(u), n + OVH); /* a shrink stays in place */
            } else {
                memset((void *)(u + old), CAPHEAP_POISON_MALLOC_FILL, n - old);
            }
            capheap_owner_free(h, u, old);
            put_fields(u, n);
            capheap_owner_alloc(h, u, n);
            return p;
        }
        void *q = capheap_dbg_malloc(h, n);
        if (!q)
            return NULL;
        memcpy(q, p, old < n ? old : n);
        capheap_dbg_free(h, p);
        return q;
    }
    uintptr_t owner = capheap_owner_of(u);
#if !CAPHEAP_CHECKS
    /* Light without the engine's checks: should the engine move the block,
     * the old one it frees carries the free fill in its head canary, as
     * after capheap_dbg_free (a later free of the stale pointer fails the
     * canary test); in place, or on failure, the canary is back. */
    if (POISON)
        wr32(u - 4, FREE_WORD32);
#endif
    void *e = capheap_heap_realloc(h, (void *)eng(u), n + OVH);
    if (!e) {
#if !CAPHEAP_CHECKS
        if (POISON)
            wr32(u - 4, CAPHEAP_POISON_HEAD_CANARY);
#endif
        return NULL;
    }
    if (e == (void *)eng(u)) {
        capheap_owner_release(h, owner, old);
        return finish_alloc(h, e, n);
    }
    /* moved: both blocks existed during the copy, as with the malloc, copy
     * and free of the comprehensive path (owner figures and peaks agree) */
    void *q = finish_alloc(h, e, n);
    capheap_owner_release(h, owner, old);
    return q;
}

/* ------------------------------------------------------------ statistics */

static inline size_t less_overhead(size_t n)
{
    return n > OVH ? n - OVH : 0;
}

size_t capheap_dbg_largest_free(const capheap_heap_t *h)
{
    return less_overhead(capheap_heap_largest_free(h));
}

size_t capheap_dbg_free_size(const capheap_heap_t *h)
{
    return less_overhead(capheap_heap_free_size(h));
}

size_t capheap_dbg_minimum_free_size(const capheap_heap_t *h)
{
    return less_overhead(capheap_heap_minimum_free_size(h));
}

size_t capheap_dbg_reset_minimum_free(capheap_heap_t *h)
{
    return less_overhead(capheap_heap_reset_minimum_free(h));
}

void capheap_dbg_restore_minimum_free(capheap_heap_t *h, size_t old)
{
    capheap_heap_restore_minimum_free(h, old > SIZE_MAX - OVH ? SIZE_MAX : old + OVH);
}

/* Requested size of the used engine block at payload p of `usable` bytes
 * (what is left of it after the overhead when the size field is damaged). */
static size_t user_size(uintptr_t p, size_t usable)
{
    size_t room = usable > OVH ? usable - OVH : 0;
    size_t n = field_size(p + PREFIX);
    return n <= room ? n : room;
}

typedef struct {
    capheap_walk_fn fn;
    void *ctx;
} walk_ctx_t;

static bool user_walk(void *ctx, void *ptr, size_t size, bool used)
{
    walk_ctx_t *w = ctx;
    if (!used)
        return w->fn(w->ctx, ptr, size, false);
    return w->fn(w->ctx, capheap_dbg_user_of(ptr), user_size((uintptr_t)ptr, size), true);
}

bool capheap_dbg_walk(capheap_heap_t *h, capheap_walk_fn fn, void *ctx)
{
    walk_ctx_t w = { fn, ctx };
    return capheap_heap_walk(h, user_walk, &w);
}

static bool sum_walk(void *ctx, void *ptr, size_t size, bool used)
{
    if (used)
        *(size_t *)ctx += user_size((uintptr_t)ptr, size);
    return true;
}

void capheap_dbg_get_info(capheap_heap_t *h, capheap_heap_info_t *info)
{
    capheap_heap_get_info(h, info);
    size_t requested = 0;
    capheap_heap_walk(h, sum_walk, &requested);
    info->total_allocated_bytes = requested;
    info->total_free_bytes = less_overhead(info->total_free_bytes);
    info->largest_free_block = less_overhead(info->largest_free_block);
    info->minimum_free_bytes = less_overhead(info->minimum_free_bytes);
}

/* ----------------------------------------------------------------- check */

typedef struct {
    capheap_heap_t *heap;
    capheap_print_fn print;
    void *ctx;
    bool ok;
} check_ctx_t;

static const char *field_name(capheap_error_reason_t r)
{
    switch (r) {
    case CAPHEAP_E_HEAD_CANARY:
        return "head canary damaged";
    case CAPHEAP_E_TAIL_CANARY:
        return "tail canary damaged";
    default:
        return "size field damaged";
    }
}

static bool check_walk(void *ctx, void *ptr, size_t size, bool used)
{
    check_ctx_t *k = ctx;
    if (used) {
        capheap_poison_report_t r;
        const void *u = capheap_dbg_user_of(ptr);
        if (!capheap_poison_inspect(k->heap, u, &r)) {
            capheap_printf(k->print, k->ctx,
                           "CORRUPT HEAP: block %p: %s at %p (expected 0x%08lx, found 0x%08lx)\n", u,
                           field_name(r.reason), r.where, (unsigned long)r.expected,
                           (unsigned long)r.found);
            k->ok = false;
            return false;
        }
        return true;
    }
    uintptr_t lo, hi;
    if (FILL && fill_range((uintptr_t)ptr, size, &lo, &hi)) {
        uintptr_t bad = first_unfilled(lo, hi);
        if (bad) {
            capheap_printf(k->print, k->ctx,
                           "CORRUPT HEAP: free block %p: written after free at %p (expected 0x%02x, found 0x%02x)\n",
                           ptr, (void *)bad, (unsigned)CAPHEAP_POISON_FREE_FILL,
                           (unsigned)*(const unsigned char *)bad);
            k->ok = false;
            return false;
        }
    }
    return true;
}

bool capheap_dbg_check(capheap_heap_t *h, capheap_print_fn print, void *ctx)
{
    if (!capheap_heap_check(h, print, ctx))
        return false;
    if (!POISON)
        return true;
    check_ctx_t k = { h, print, ctx, true };
    capheap_heap_walk(h, check_walk, &k);
    return k.ok;
}

#endif /* CAPHEAP_DEBUG_HEADER */
