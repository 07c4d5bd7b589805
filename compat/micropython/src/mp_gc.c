/*
 * MicroPython py/gc.h over one default capheap GC instance.
 */
#include "capheap_micropython.h"

#include <string.h>

static capheap_gc_t *mp_heap;
static capheap_gc_config_t mp_cfg;
static bool mp_cfg_set;
static size_t mp_last_freed;

static void collect_via_port(void *ctx, capheap_gc_t *gc)
{
    (void)ctx;
    (void)gc;
    gc_collect();
}

void capheap_micropython_configure(const capheap_gc_config_t *cfg)
{
    mp_cfg_set = cfg != NULL;
    if (cfg)
        mp_cfg = *cfg;
}

capheap_gc_t *capheap_micropython_instance(void)
{
    return mp_heap;
}

/* Stack top recorded by gc_init for the default stack scan. */
void capheap_micropython_note_init_frame_(void *frame);

void gc_init(void *start, void *end)
{
    capheap_gc_config_t cfg;
    if (mp_cfg_set)
        cfg = mp_cfg;
    else
        capheap_gc_config_init(&cfg);
    cfg.collect = collect_via_port;
    cfg.collect_ctx = NULL;
    mp_heap = NULL;
    if (!start || (uintptr_t)end <= (uintptr_t)start)
        return;
    capheap_gc_create(&cfg, start, (size_t)((char *)end - (char *)start), &mp_heap);
    capheap_micropython_note_init_frame_(__builtin_frame_address(0));
}

void gc_add(void *start, void *end)
{
    if (mp_heap && start && (uintptr_t)end > (uintptr_t)start)
        capheap_gc_add_area(mp_heap, start, (size_t)((char *)end - (char *)start));
}

void gc_lock(void)
{
    capheap_gc_lock(mp_heap);
}

void gc_unlock(void)
{
    capheap_gc_unlock(mp_heap);
}

bool gc_is_locked(void)
{
    return capheap_gc_is_locked(mp_heap);
}

void gc_collect_start(void)
{
    capheap_gc_collect_start(mp_heap);
}

void gc_collect_root(void **ptrs, size_t len)
{
    capheap_gc_collect_root(mp_heap, (void *const *)ptrs, len);
}

void gc_collect_end(void)
{
    mp_last_freed = capheap_gc_collect_end(mp_heap);
}

void gc_sweep_all(void)
{
    capheap_gc_sweep_all(mp_heap);
}

void *gc_alloc(size_t n_bytes, unsigned int alloc_flags)
{
    return capheap_gc_alloc(mp_heap, n_bytes,
                            (alloc_flags & GC_ALLOC_FLAG_HAS_FINALISER) ? CAPHEAP_GC_FINALISER
                                                                        : 0u);
}

void gc_free(void *ptr)
{
    capheap_gc_free(mp_heap, ptr);
}

size_t gc_nbytes(const void *ptr)
{
    return capheap_gc_size(mp_heap, ptr);
}

void *gc_realloc(void *ptr, size_t n_bytes, bool allow_move)
{
    return capheap_gc_realloc(mp_heap, ptr, n_bytes, allow_move);
}

bool gc_never_free(void *ptr)
{
    return capheap_gc_never_free(mp_heap, ptr);
}

void gc_info(gc_info_t *info)
{
    capheap_gc_info_t in;
    if (!info)
        return;
    capheap_gc_get_info(mp_heap, &in);
    info->total = in.total;
    info->used = in.used;
    info->free = in.free;
    info->max_free = in.max_free;
    info->num_1block = in.num_1block;
    info->num_2block = in.num_2block;
    info->max_block = in.max_block;
}

static void to_mp_print(void *ctx, const char *text)
{
    const mp_print_t *p = (const mp_print_t *)ctx;
    p->print_strn(p->data, text, strlen(text));
}

void gc_dump_info(const mp_print_t *print)
{
    if (print && print->print_strn)
        capheap_gc_dump_info(mp_heap, to_mp_print, (void *)(uintptr_t)print);
}

void gc_dump_alloc_table(const mp_print_t *print)
{
    if (print && print->print_strn)
        capheap_gc_dump_alloc_table(mp_heap, to_mp_print, (void *)(uintptr_t)print);
}

/* ------------------------------------------------ the `gc` module */

void capheap_mp_gc_enable(void)
{
    capheap_gc_enable(mp_heap);
}

void capheap_mp_gc_disable(void)
{
    capheap_gc_disable(mp_heap);
}

bool capheap_mp_gc_isenabled(void)
{
    return capheap_gc_is_enabled(mp_heap);
}

size_t capheap_mp_gc_collect(void)
{
    mp_last_freed = 0;
    gc_collect();
    return mp_last_freed;
}

ptrdiff_t capheap_mp_gc_mem_alloc(void)
{
    return mp_heap ? (ptrdiff_t)capheap_gc_used_bytes(mp_heap) : -1;
}

ptrdiff_t capheap_mp_gc_mem_free(void)
{
    return mp_heap ? (ptrdiff_t)capheap_gc_free_bytes(mp_heap) : -1;
}

ptrdiff_t capheap_mp_gc_threshold_get(void)
{
    size_t t = capheap_gc_get_threshold(mp_heap);
    return t == SIZE_MAX ? -1 : (ptrdiff_t)t;
}

void capheap_mp_gc_threshold_set(ptrdiff_t amount)
{
    capheap_gc_set_threshold(mp_heap, amount < 0 ? SIZE_MAX : (size_t)amount);
}
