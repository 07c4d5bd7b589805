/*
 * Caps allocator: statistics, windows, print, dump, walk, integrity.
 */
#include "caps_internal.h"
#include "../debug/tools.h" /* CAPHEAP_VALGRIND: the checks read free blocks */

#include <string.h>

/* The heaps the statistics by caps cover: those a request with these caps
 * may be served from. CACHE_ALIGNED only raises the alignment (caps.h): it is
 * left out of the match here as in the allocation path, so that, e.g., the
 * largest free block for DMA|CACHE_ALIGNED is not 0 while such a request
 * succeeds. */
static inline bool stats_matches(const caps_heap_t *h, uint32_t caps)
{
    return heap_matches(h, caps & ~(uint32_t)CAPHEAP_CAP_CACHE_ALIGNED);
}

void capheap_caps_heap_get_info(const capheap_caps_heap_t *h, capheap_heap_info_t *info)
{
    if (!info)
        return;
    memset(info, 0, sizeof *info);
    if (!h)
        return;
    heap_lock(h);
    capheap_dbg_get_info(h->engine, info);
    heap_unlock(h);
}

size_t capheap_caps_heap_total_size(const capheap_caps_heap_t *h)
{
    return h ? (size_t)(h->end - h->start) : 0;
}

size_t capheap_caps_get_total_size(capheap_caps_t *c, uint32_t caps)
{
    size_t sum = 0;
    if (!c)
        return 0;
    for (caps_heap_t *h = list_first(c); h; h = list_next(h))
        if (stats_matches(h, caps))
            sum += (size_t)(h->end - h->start);
    return sum;
}

/* ------------------------------------------------------ largest by caps */

/*
 * The engine's minimum block (a header word and room for the free-list links,
 * rounded to CAPHEAP_ALIGNMENT): the "minimum block" of the aligned
 * allocation contract in heap.h. Only used as slack, so a value at least as
 * large as the engine's is what matters.
 */
#define CAPS_BLOCK_MIN \
    (((4 * sizeof(size_t)) + (size_t)CAPHEAP_ALIGNMENT - 1) & ~((size_t)CAPHEAP_ALIGNMENT - 1))

/* How a request with `caps` is changed (the rules of caps_alloc.c's
 * make_request, with the size left open). */
typedef struct {
    size_t gran;   /* the request size is rounded up to a multiple of this */
    size_t align;  /* engine aligned allocation with this alignment, 0: malloc */
    size_t asked;  /* alignment asked or raised (0: none) */
    bool exec;
} largest_req_t;

static bool largest_request(const struct capheap_caps *c, uint32_t caps, largest_req_t *lr)
{
    if (caps & CAPHEAP_CAP_INVALID)
        return false;
    if ((caps & CAPHEAP_CAP_EXEC) && (caps & (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DMA)))
        return false; /* refused whatever the size */
    size_t gran = 1, align = 0;
    if (caps & (CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT))
        gran = c->word;
    const capheap_chip_t *chip = c->cfg.chip;
    if (chip && chip->align_for_caps && (!chip->align_caps || (caps & chip->align_caps))) {
        size_t raised = chip->align_for_caps(caps, 1);
        if (raised > 1 && raised > CAPHEAP_ALIGNMENT && raised > gran)
            gran = raised; /* the size is rounded to the raised alignment too */
        align = raised;
    }
    lr->gran = gran;
    lr->asked = align > 1 ? align : 0;
    lr->align = align > CAPHEAP_ALIGNMENT ? align : 0;
    lr->exec = (caps & CAPHEAP_CAP_EXEC) != 0;
    return true;
}

/* Largest n for which the request lr of n bytes succeeds in h, whose engine
 * heap's largest free block is L (n = 0 when none is known to). Exact except
 * with a raised alignment, where the engine only promises a block large
 * enough for the size, the alignment and a minimum block: then a lower bound
 * that provably succeeds. */
static size_t largest_for(const caps_heap_t *h, const largest_req_t *lr, size_t L)
{
    size_t room = L;
    if (lr->exec && h->exec_alias) {
        if (h->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED) {
            /* a hidden word in front, 4-byte alignment at most */
            if (lr->asked > 4 || L < CAPS_REV_HIDDEN)
                return 0;
            return (L - CAPS_REV_HIDDEN) & ~(lr->gran - 1);
        }
        uintptr_t shift = h->alias_lo - h->start;
        if (lr->asked && (shift & (lr->asked - 1)))
            return 0; /* the alias would break the alignment: never served */
    }
    if (lr->align) {
        /* heap.h: a free block that malloc would find for
         * size + align + a minimum block holds the aligned placement */
        if (room < lr->align + 2 * CAPS_BLOCK_MIN)
            return 0;
        room -= lr->align + CAPS_BLOCK_MIN;
        room &= ~(lr->gran - 1);
        return room >= CAPS_BLOCK_MIN ? room : 0;
    }
    return room & ~(lr->gran - 1);
}

void capheap_caps_get_info(capheap_caps_t *c, capheap_heap_info_t *info, uint32_t caps)
{
    if (!info)
        return;
    memset(info, 0, sizeof *info);
    if (!c)
        return;
    largest_req_t lr = { 1, 0, 0, false };
    const bool ok = largest_request(c, caps, &lr);
    for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
        if (!stats_matches(h, caps))
            continue;
        capheap_heap_info_t hi;
        capheap_caps_heap_get_info(h, &hi);
        info->total_free_bytes += hi.total_free_bytes;
        info->total_allocated_bytes += hi.total_allocated_bytes;
        if (ok) {
            size_t n = largest_for(h, &lr, hi.largest_free_block);
            if (n > info->largest_free_block)
                info->largest_free_block = n;
        }
        info->minimum_free_bytes += hi.minimum_free_bytes;
        info->allocated_blocks += hi.allocated_blocks;
        info->free_blocks += hi.free_blocks;
        info->total_blocks += hi.total_blocks;
    }
}

size_t capheap_caps_get_free_size(capheap_caps_t *c, uint32_t caps)
{
    capheap_heap_info_t info;
    capheap_caps_get_info(c, &info, caps);
    return info.total_free_bytes;
}

size_t capheap_caps_get_minimum_free_size(capheap_caps_t *c, uint32_t caps)
{
    capheap_heap_info_t info;
    capheap_caps_get_info(c, &info, caps);
    return info.minimum_free_bytes;
}

size_t capheap_caps_get_largest_free_block(capheap_caps_t *c, uint32_t caps)
{
    capheap_heap_info_t info;
    capheap_caps_get_info(c, &info, caps);
    return info.largest_free_block;
}

/* ------------------------------------------------------------ windows */

capheap_err_t capheap_caps_monitor_local_minimum_free_size_start(capheap_caps_t *c)
{
    if (!c)
        return CAPHEAP_ERR_INVALID_ARG;
    capheap_err_t err = CAPHEAP_OK;
    c->lock_ops->acquire(c->lock_ops->ctx, &c->admin);
    if (c->window_active) {
        err = CAPHEAP_ERR_STATE;
    } else {
        c->window_active = true;
    }
    c->lock_ops->release(c->lock_ops->ctx, &c->admin);
    if (err != CAPHEAP_OK)
        return err;
    /* one lock at a time (port.h): the admin lock only guards the flag; each
     * heap's saved minimum is guarded by that heap's lock. A minimum saved
     * by an earlier window that a racing stop did not see yet is kept (the
     * lower of the two), so no minimum is ever lost. */
    for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
        heap_lock(h);
        size_t old = capheap_heap_reset_minimum_free(h->engine);
        if (h->window_saved == SIZE_MAX || old < h->window_saved)
            h->window_saved = old;
        heap_unlock(h);
    }
    return CAPHEAP_OK;
}

capheap_err_t capheap_caps_monitor_local_minimum_free_size_stop(capheap_caps_t *c)
{
    if (!c)
        return CAPHEAP_ERR_INVALID_ARG;
    capheap_err_t err = CAPHEAP_OK;
    c->lock_ops->acquire(c->lock_ops->ctx, &c->admin);
    if (!c->window_active) {
        err = CAPHEAP_ERR_STATE;
    } else {
        c->window_active = false;
    }
    c->lock_ops->release(c->lock_ops->ctx, &c->admin);
    if (err != CAPHEAP_OK)
        return err;
    for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
        heap_lock(h); /* alone: never inside the admin lock */
        if (h->window_saved != SIZE_MAX)
            capheap_heap_restore_minimum_free(h->engine, h->window_saved);
        h->window_saved = SIZE_MAX;
        heap_unlock(h);
    }
    return CAPHEAP_OK;
}

/* --------------------------------------------------------------- print */

void capheap_caps_print_heap_info(capheap_caps_t *c, uint32_t caps, capheap_print_fn print,
                                  void *ctx)
{
    if (!c || !print)
        return;
    capheap_printf(print, ctx, "Heap summary for capabilities 0x%08X:\n", (unsigned)caps);
    for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
        if (!stats_matches(h, caps))
            continue;
        capheap_heap_info_t i;
        capheap_caps_heap_get_info(h, &i);
        capheap_printf(print, ctx, "  At 0x%08llx len %zu free %zu allocated %zu min_free %zu\n",
                       (unsigned long long)h->chip_start, (size_t)(h->end - h->start),
                       i.total_free_bytes, i.total_allocated_bytes, i.minimum_free_bytes);
        capheap_printf(print, ctx,
                       "    largest_free_block %zu alloc_blocks %zu free_blocks %zu total_blocks %zu\n",
                       i.largest_free_block, i.allocated_blocks, i.free_blocks, i.total_blocks);
    }
    capheap_heap_info_t t;
    capheap_caps_get_info(c, &t, caps);
    capheap_printf(print, ctx, "  Totals:\n");
    capheap_printf(print, ctx, "    free %zu allocated %zu min_free %zu largest_free_block %zu\n",
                   t.total_free_bytes, t.total_allocated_bytes, t.minimum_free_bytes,
                   t.largest_free_block);
}

/* ---------------------------------------------------------- walk / dump */

static bool selected(const caps_heap_t *h, uint32_t caps)
{
    /* as ESP-IDF: the INVALID bit anywhere in caps means every heap */
    return (caps & CAPHEAP_CAP_INVALID) != 0 || heap_matches(h, caps);
}

typedef struct {
    capheap_caps_walk_fn fn;
    void *ctx;
    const caps_heap_t *heap;
    bool stopped;
} walk_ctx_t;

static bool walk_one(void *ctx, void *ptr, size_t size, bool used)
{
    walk_ctx_t *w = (walk_ctx_t *)ctx;
    if (!w->fn(w->ctx, w->heap, ptr, size, used)) {
        w->stopped = true;
        return false;
    }
    return true;
}

bool capheap_caps_walk(capheap_caps_t *c, uint32_t caps, capheap_caps_walk_fn fn, void *ctx)
{
    if (!c || !fn)
        return false;
    FOR_EACH_HEAP_BY_ADDRESS(c, h)
    {
        if (!selected(h, caps))
            continue;
        walk_ctx_t w = { fn, ctx, h, false };
        heap_lock(h);
        bool ok = capheap_dbg_walk(h->engine, walk_one, &w);
        heap_unlock(h);
        if (!ok)
            return false;
    }
    return true;
}

typedef struct {
    capheap_print_fn print;
    void *ctx;
    const struct capheap_caps *c;
} dump_ctx_t;

static bool dump_one(void *ctx, void *ptr, size_t size, bool used)
{
    dump_ctx_t *d = (dump_ctx_t *)ctx;
    capheap_printf(d->print, d->ctx, "  0x%08llx %s %zu\n",
                   (unsigned long long)caps_to_chip(d->c, (uintptr_t)ptr), used ? "used" : "free",
                   size);
    return true;
}

void capheap_caps_dump(capheap_caps_t *c, uint32_t caps, capheap_print_fn print, void *ctx)
{
    if (!c || !print)
        return;
    FOR_EACH_HEAP_BY_ADDRESS(c, h)
    {
        if (!selected(h, caps))
            continue;
        capheap_heap_info_t i;
        dump_ctx_t d = { print, ctx, c };
        heap_lock(h);
        capheap_dbg_get_info(h->engine, &i);
        capheap_printf(print, ctx,
                       "Heap %s at 0x%08llx len %zu caps 0x%08X/0x%08X/0x%08X: free %zu "
                       "allocated %zu blocks %zu\n",
                       h->name ? h->name : "?", (unsigned long long)h->chip_start,
                       (size_t)(h->end - h->start), (unsigned)h->caps[0], (unsigned)h->caps[1],
                       (unsigned)h->caps[2], i.total_free_bytes, i.total_allocated_bytes,
                       i.total_blocks);
        CAPHEAP_TOOLS_QUIET_BEGIN();
        capheap_dbg_walk(h->engine, dump_one, &d);
        CAPHEAP_TOOLS_QUIET_END();
        heap_unlock(h);
    }
}

/* ------------------------------------------------------------- integrity */

static bool check_heap(caps_heap_t *h, capheap_print_fn print, void *ctx)
{
    heap_lock(h);
    CAPHEAP_TOOLS_QUIET_BEGIN();
    bool ok = capheap_dbg_check(h->engine, print, ctx);
    CAPHEAP_TOOLS_QUIET_END();
    heap_unlock(h);
    if (!ok)
        capheap_printf(print, ctx, "capheap: heap %s at 0x%08llx is damaged\n",
                       h->name ? h->name : "?", (unsigned long long)h->chip_start);
    return ok;
}

bool capheap_caps_check_integrity(capheap_caps_t *c, uint32_t caps, capheap_print_fn print,
                                  void *ctx)
{
    bool ok = true;
    if (!c)
        return false;
    FOR_EACH_HEAP_BY_ADDRESS(c, h)
    {
        if (selected(h, caps))
            ok &= check_heap(h, print, ctx);
    }
    return ok;
}

bool capheap_caps_check_integrity_all(capheap_caps_t *c, capheap_print_fn print, void *ctx)
{
    return capheap_caps_check_integrity(c, CAPHEAP_CAP_INVALID, print, ctx);
}

bool capheap_caps_check_integrity_addr(capheap_caps_t *c, const void *addr,
                                       capheap_print_fn print, void *ctx)
{
    if (!c)
        return false;
    const caps_index_entry_t *e = caps_index_find(index_get(c), (uintptr_t)addr);
    return e ? check_heap(e->heap, print, ctx) : true;
}
