/*
 * GC heap: statistics and the allocation-table dump.
 */
#include "gc_internal.h"

void capheap_gc_get_info(capheap_gc_t *gc, capheap_gc_info_t *info)
{
    if (!info)
        return;
    memset(info, 0, sizeof *info);
    if (!gc)
        return;
    gc_lock_(gc);
    for (gc_area_t *a = gc->areas; a; a = a->next) {
        info->areas++;
        info->total += a->blocks * GC_B;
        info->used += a->used * GC_B;
        size_t run = 0, obj = 0;
        for (size_t i = 0; i <= a->blocks; i++) {
            unsigned st = i < a->blocks ? atb_get(a, i) : AT_HEAD;
            if (st == AT_TAIL) {
                obj++;
                continue;
            }
            if (obj) { /* an object ended */
                if (obj == 1)
                    info->num_1block++;
                else if (obj == 2)
                    info->num_2block++;
                if (obj > info->max_block)
                    info->max_block = obj;
                obj = 0;
            }
            if (st == AT_FREE) {
                run++;
                if (run > info->max_free)
                    info->max_free = run;
            } else {
                run = 0;
                if (i < a->blocks)
                    obj = 1;
            }
            if ((i & 1023u) == 1023u)
                gc_tick(gc, 1024u);
        }
    }
    info->free = info->total - info->used;
    info->collections = gc->collections;
    gc_unlock_(gc);
}

size_t capheap_gc_used_bytes(capheap_gc_t *gc)
{
    size_t n = 0;
    if (!gc)
        return 0;
    gc_lock_(gc);
    for (gc_area_t *a = gc->areas; a; a = a->next)
        n += a->used * GC_B;
    gc_unlock_(gc);
    return n;
}

size_t capheap_gc_free_bytes(capheap_gc_t *gc)
{
    size_t n = 0;
    if (!gc)
        return 0;
    gc_lock_(gc);
    for (gc_area_t *a = gc->areas; a; a = a->next)
        n += (a->blocks - a->used) * GC_B;
    gc_unlock_(gc);
    return n;
}

#define GC_DUMP_LINE 64u

void capheap_gc_dump_alloc_table(capheap_gc_t *gc, capheap_print_fn print, void *ctx)
{
    if (!gc || !print)
        return;
    gc_lock_(gc);
    for (gc_area_t *a = gc->areas; a; a = a->next) {
        capheap_printf(print, ctx, "area %p blocks %zu block_bytes %zu\n", (void *)a->pool,
                       a->blocks, (size_t)GC_B);
        size_t free_lines = 0;
        for (size_t base = 0; base < a->blocks; base += GC_DUMP_LINE) {
            size_t lim = a->blocks - base < GC_DUMP_LINE ? a->blocks - base : GC_DUMP_LINE;
            char line[GC_DUMP_LINE + 1u];
            bool all_free = true;
            for (size_t e = 0; e < lim; e++) {
                size_t i = base + e;
                switch (atb_get(a, i)) {
                case AT_FREE: line[e] = '.'; break;
                case AT_HEAD: line[e] = ftb_get(a, i) ? 'f' : 'h'; break;
                case AT_TAIL: line[e] = '='; break;
                default: line[e] = 'm'; break;
                }
                all_free = all_free && line[e] == '.';
            }
            line[lim] = '\0';
            if (all_free && lim == GC_DUMP_LINE) {
                free_lines++;
                continue;
            }
            if (free_lines) {
                capheap_printf(print, ctx, "       (%zu free lines)\n", free_lines);
                free_lines = 0;
            }
            capheap_printf(print, ctx, "%06zu %s\n", base, line);
            gc_tick(gc, lim);
        }
        if (free_lines)
            capheap_printf(print, ctx, "       (%zu free lines)\n", free_lines);
    }
    gc_unlock_(gc);
}

void capheap_gc_dump_info(capheap_gc_t *gc, capheap_print_fn print, void *ctx)
{
    capheap_gc_info_t info;
    if (!print)
        return;
    capheap_gc_get_info(gc, &info);
    capheap_printf(print, ctx, "GC: total: %zu, used: %zu, free: %zu\n", info.total, info.used,
                   info.free);
    capheap_printf(print, ctx,
                   " No. of 1-blocks: %zu, 2-blocks: %zu, max blk sz: %zu, max free sz: %zu\n",
                   info.num_1block, info.num_2block, info.max_block, info.max_free);
}
