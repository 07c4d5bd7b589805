/*
 * Caps allocator: statistics, windows, print, dump, walk, integrity.
 */
#include "caps_internal.h"

#include <string.h>

/* Heaps in address order (by region start), through the index: entries of a
 * heap split around a nested heap are visited once (at the heap's start). */
#define FOR_EACH_HEAP_BY_ADDRESS(c, h)                                             \
    for (const caps_index_t *idx_ = index_get(c); idx_; idx_ = NULL)               \
        for (size_t i_ = 0; i_ < idx_->count; i_++)                                \
            /* h names the loop variable: it cannot be parenthesised */         \
            for (caps_heap_t *h = idx_->e[i_].heap; /* NOLINT(bugprone-macro-parentheses) */ \
                 h && !idx_->e[i_].alias && idx_->e[i_].lo == h->start; h = NULL) /* NOLINT(bugprone-macro-parentheses) */

void capheap_caps_heap_get_info(const capheap_caps_heap_t *h, capheap_heap_info_t *info)
{
    if (!info)
        return;
    memset(info, 0, sizeof *info);
    if (!h)
        return;
    heap_lock(h);
    capheap_heap_get_info(h->engine, info);
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
        if (heap_matches(h, caps))
            sum += (size_t)(h->end - h->start);
    return sum;
}

void capheap_caps_get_info(capheap_caps_t *c, capheap_heap_info_t *info, uint32_t caps)
{
    if (!info)
        return;
    memset(info, 0, sizeof *info);
    if (!c)
        return;
    for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
        if (!heap_matches(h, caps))
            continue;
        capheap_heap_info_t hi;
        capheap_caps_heap_get_info(h, &hi);
        info->total_free_bytes += hi.total_free_bytes;
        info->total_allocated_bytes += hi.total_allocated_bytes;
        if (hi.largest_free_block > info->largest_free_block)
            info->largest_free_block = hi.largest_free_block;
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
        for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
            heap_lock(h);
            h->window_saved = capheap_heap_reset_minimum_free(h->engine);
            heap_unlock(h);
        }
    }
    c->lock_ops->release(c->lock_ops->ctx, &c->admin);
    return err;
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
        for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
            heap_lock(h);
            if (h->window_saved != SIZE_MAX)
                capheap_heap_restore_minimum_free(h->engine, h->window_saved);
            h->window_saved = SIZE_MAX;
            heap_unlock(h);
        }
    }
    c->lock_ops->release(c->lock_ops->ctx, &c->admin);
    return err;
}

/* --------------------------------------------------------------- print */

void capheap_caps_print_heap_info(capheap_caps_t *c, uint32_t caps, capheap_print_fn print,
                                  void *ctx)
{
    if (!c || !print)
        return;
    capheap_printf(print, ctx, "Heap summary for capabilities 0x%08X:\n", (unsigned)caps);
    for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
        if (!heap_matches(h, caps))
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
        bool ok = capheap_heap_walk(h->engine, walk_one, &w);
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
        capheap_heap_get_info(h->engine, &i);
        capheap_printf(print, ctx,
                       "Heap %s at 0x%08llx len %zu caps 0x%08X/0x%08X/0x%08X: free %zu "
                       "allocated %zu blocks %zu\n",
                       h->name ? h->name : "?", (unsigned long long)h->chip_start,
                       (size_t)(h->end - h->start), (unsigned)h->caps[0], (unsigned)h->caps[1],
                       (unsigned)h->caps[2], i.total_free_bytes, i.total_allocated_bytes,
                       i.total_blocks);
        capheap_heap_walk(h->engine, dump_one, &d);
        heap_unlock(h);
    }
}

/* ------------------------------------------------------------- integrity */

static bool check_heap(caps_heap_t *h, capheap_print_fn print, void *ctx)
{
    heap_lock(h);
    bool ok = capheap_heap_check(h->engine, print, ctx);
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
