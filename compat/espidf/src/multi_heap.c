/*
 * ESP-IDF multi_heap API over one capheap engine heap.
 *
 * Memory picture of a registered range:
 *
 *   start ... [pad][struct multi_heap_info][engine heap ...] end
 *
 * The handle records the engine heap and holds the heap's lock (so the
 * object ESP-IDF code passes to multi_heap_set_lock, a portMUX_TYPE or
 * anything else, is never written); everything else (statistics, minimum,
 * checks) is the engine's.
 */
#include "multi_heap.h"

#include <string.h>

#include "capheap/heap.h"
#include "poison.h"
#include "capheap/port.h"
#include "espidf_internal.h"

struct multi_heap_info {
    capheap_heap_t *heap;
    const capheap_lock_ops_t *lock_ops; /* ops that initialised `lock` */
    void *user_lock;                    /* what set_lock was given (NULL: unlocked) */
    capheap_lock_t lock;                /* the lock itself, inside the region */
};

/* ------------------------------------------------------------ locking */

static const capheap_lock_ops_t *s_lock_port;  /* NULL: the port default */

void capheap_espidf_set_multi_heap_lock_port(const capheap_lock_ops_t *ops)
{
    s_lock_port = ops;
}

static void mh_lock(multi_heap_handle_t h)
{
    if (h->user_lock)
        h->lock_ops->acquire(h->lock_ops->ctx, &h->lock);
}

static void mh_unlock(multi_heap_handle_t h)
{
    if (h->user_lock)
        h->lock_ops->release(h->lock_ops->ctx, &h->lock);
}

void multi_heap_set_lock(multi_heap_handle_t heap, void *lock)
{
    if (!heap)
        return;
    if (heap->user_lock && heap->lock_ops->destroy)
        heap->lock_ops->destroy(heap->lock_ops->ctx, &heap->lock);
    heap->user_lock = NULL;
    if (!lock)
        return;
    const capheap_lock_ops_t *ops = s_lock_port ? s_lock_port : capheap_port_lock_default();
    memset(&heap->lock, 0, sizeof heap->lock);
    if (!ops->init(ops->ctx, &heap->lock))
        return; /* the lock could not be created: the heap stays unlocked */
    heap->lock_ops = ops;
    heap->user_lock = lock;
}

/* ------------------------------------------------------------ life */

multi_heap_handle_t multi_heap_register(void *start, size_t size)
{
    if (!start)
        return NULL;
    uintptr_t lo = (uintptr_t)start;
    if (lo + size < lo)
        return NULL;
    const uintptr_t align = (uintptr_t)_Alignof(struct multi_heap_info);
    uintptr_t h = (lo + align - 1u) & ~(align - 1u);
    uintptr_t body = h + sizeof(struct multi_heap_info);
    if (body < lo || body > lo + size)
        return NULL;
    capheap_heap_t *engine = capheap_dbg_heap_create((void *)body, (size_t)(lo + size - body));
    if (!engine)
        return NULL;
    multi_heap_handle_t mh = (multi_heap_handle_t)h;
    mh->heap = engine;
    mh->lock_ops = NULL;
    mh->user_lock = NULL;
    return mh;
}

/* ------------------------------------------------------------ allocation */

void *multi_heap_malloc(multi_heap_handle_t heap, size_t size)
{
    if (!heap || size == 0)
        return NULL;
    mh_lock(heap);
    void *p = capheap_dbg_malloc(heap->heap, size);
    mh_unlock(heap);
    return p;
}

static bool is_pow2(size_t x)
{
    return x != 0 && (x & (x - 1u)) == 0;
}

void *multi_heap_aligned_alloc_offs(multi_heap_handle_t heap, size_t size,
                                    size_t alignment, size_t offset)
{
    if (!heap || size == 0 || !is_pow2(alignment) || offset > size)
        return NULL;
    /* Every block starts on CAPHEAP_ALIGNMENT: p + offset can be a multiple
     * of `alignment` only when offset is a multiple of the smaller of the
     * two. */
    size_t base = alignment < CAPHEAP_ALIGNMENT ? alignment : (size_t)CAPHEAP_ALIGNMENT;
    if (offset % base != 0)
        return NULL;
    void *p;
    mh_lock(heap);
    if (alignment <= CAPHEAP_ALIGNMENT)
        p = capheap_dbg_malloc(heap->heap, size);
    else
        p = capheap_dbg_aligned_alloc_offs(heap->heap, size, alignment, offset);
    mh_unlock(heap);
    return p;
}

void *multi_heap_aligned_alloc(multi_heap_handle_t heap, size_t size, size_t alignment)
{
    return multi_heap_aligned_alloc_offs(heap, size, alignment, 0);
}

void multi_heap_free(multi_heap_handle_t heap, void *p)
{
    if (!heap || !p)
        return;
    mh_lock(heap);
    capheap_dbg_free(heap->heap, p);
    mh_unlock(heap);
}

void multi_heap_aligned_free(multi_heap_handle_t heap, void *p)
{
    multi_heap_free(heap, p);
}

void *multi_heap_realloc(multi_heap_handle_t heap, void *p, size_t size)
{
    if (!heap)
        return NULL;
    if (!p)
        return multi_heap_malloc(heap, size);
    mh_lock(heap);
    void *r = capheap_dbg_realloc(heap->heap, p, size);
    mh_unlock(heap);
    return r;
}

size_t multi_heap_get_allocated_size(multi_heap_handle_t heap, void *p)
{
    if (!heap || !p)
        return 0;
    mh_lock(heap);
    size_t n = capheap_dbg_usable_size(heap->heap, p);
    mh_unlock(heap);
    return n;
}

size_t multi_heap_get_full_block_size(multi_heap_handle_t heap, void *p)
{
    return multi_heap_get_allocated_size(heap, p);
}

/* ------------------------------------------------------------ walks */

void *multi_heap_find_containing_block(multi_heap_handle_t heap, void *ptr)
{
    if (!heap || !ptr)
        return NULL;
    void *found = NULL;
    mh_lock(heap);
    if (capheap_heap_contains(heap->heap, ptr))
        found = espidf_find_used_block(heap->heap, (uintptr_t)ptr);
    mh_unlock(heap);
    return found;
}

typedef struct {
    multi_heap_walker_cb_t fn;
    void *user;
} walk_ctx_t;

static bool walk_cb(void *ctx, void *ptr, size_t size, bool used)
{
    walk_ctx_t *w = ctx;
    return w->fn(ptr, size, used ? 1 : 0, w->user);
}

void multi_heap_walk(multi_heap_handle_t heap, multi_heap_walker_cb_t walker_func,
                     void *user_data)
{
    if (!heap || !walker_func)
        return;
    walk_ctx_t w = { walker_func, user_data };
    mh_lock(heap);
    capheap_dbg_walk(heap->heap, walk_cb, &w);
    mh_unlock(heap);
}

static bool dump_cb(void *ctx, void *ptr, size_t size, bool used)
{
    (void)ctx;
    espidf_printf("Block %p data, size: %zu bytes, Free: %s \n", ptr, size, used ? "No" : "Yes");
    return true;
}

void multi_heap_dump(multi_heap_handle_t heap)
{
    if (!heap)
        return;
    mh_lock(heap);
    espidf_printf("Showing data for heap: %p \n", (void *)heap);
    capheap_dbg_walk(heap->heap, dump_cb, NULL);
    mh_unlock(heap);
}

bool multi_heap_check(multi_heap_handle_t heap, bool print_errors)
{
    if (!heap)
        return false;
    capheap_print_fn print = NULL;
    void *ctx = NULL;
    if (print_errors)
        espidf_get_print(&print, &ctx);
    mh_lock(heap);
    bool ok = capheap_dbg_check(heap->heap, print, ctx);
    mh_unlock(heap);
    return ok;
}

/* ------------------------------------------------------------ statistics */

size_t multi_heap_free_size(multi_heap_handle_t heap)
{
    if (!heap)
        return 0;
    mh_lock(heap);
    size_t n = capheap_dbg_free_size(heap->heap);
    mh_unlock(heap);
    return n;
}

size_t multi_heap_minimum_free_size(multi_heap_handle_t heap)
{
    if (!heap)
        return 0;
    mh_lock(heap);
    size_t n = capheap_dbg_minimum_free_size(heap->heap);
    mh_unlock(heap);
    return n;
}

void multi_heap_get_info(multi_heap_handle_t heap, multi_heap_info_t *info)
{
    if (!info)
        return;
    memset(info, 0, sizeof *info);
    if (!heap)
        return;
    capheap_heap_info_t ci;
    mh_lock(heap);
    capheap_dbg_get_info(heap->heap, &ci);
    mh_unlock(heap);
    espidf_info_from(info, &ci);
}

size_t multi_heap_reset_minimum_free_bytes(multi_heap_handle_t heap)
{
    if (!heap)
        return 0;
    mh_lock(heap);
    size_t old = capheap_dbg_reset_minimum_free(heap->heap);
    mh_unlock(heap);
    return old;
}

void multi_heap_restore_minimum_free_bytes(multi_heap_handle_t heap,
                                           const size_t new_minimum_free_bytes_value)
{
    if (!heap)
        return;
    mh_lock(heap);
    capheap_dbg_restore_minimum_free(heap->heap, new_minimum_free_bytes_value);
    mh_unlock(heap);
}
