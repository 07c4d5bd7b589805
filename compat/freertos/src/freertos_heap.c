/*
 * FreeRTOS heap_5 functions over one caps instance (see capheap_freertos.h).
 *
 * The instance is either built here over the regions vPortDefineHeapRegions
 * gets, or the caller's (capheap_freertos_use_instance). heap_5's own
 * figures that the caps layer does not keep (the minimum of the total free
 * size, the successful allocation and free counts) live in `s_heap`, guarded
 * by a lock of the default lock port that is never held while a heap lock
 * is taken (capheap/port.h: locks are never nested).
 */
#include <string.h>

#include "capheap_freertos.h"
#include "capheap/port.h"

#ifndef CAPHEAP_FREERTOS_USE_MALLOC_FAILED_HOOK
#define CAPHEAP_FREERTOS_USE_MALLOC_FAILED_HOOK 0
#endif

/* The caps every region given to vPortDefineHeapRegions gets. */
#define FREERTOS_REGION_CAPS \
    (CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT)
/* The heaps the statistics cover: those pvPortMalloc may use. */
#define FREERTOS_STATS_CAPS CAPHEAP_CAP_DEFAULT

/* Regions are copied into a stack array of this many entries: more than any
 * heap_5 configuration uses (extra regions are ignored). */
#define FREERTOS_MAX_REGIONS 32

#if CAPHEAP_FREERTOS_USE_MALLOC_FAILED_HOOK
extern void vApplicationMallocFailedHook(void);
static capheap_freertos_hook_fn s_hook = vApplicationMallocFailedHook;
#else
static capheap_freertos_hook_fn s_hook;
#endif

static struct {
    capheap_caps_t *caps;   /* NULL: no heap defined */
    bool owned;             /* built by vPortDefineHeapRegions */
    bool lock_ok;
    const capheap_lock_ops_t *lock_ops;
    capheap_lock_t lock;    /* guards the fields below */
    size_t min_free;
    size_t allocs;
    size_t frees;
} s_heap;

static void stats_lock(void)
{
    if (s_heap.lock_ok)
        s_heap.lock_ops->acquire(s_heap.lock_ops->ctx, &s_heap.lock);
}

static void stats_unlock(void)
{
    if (s_heap.lock_ok)
        s_heap.lock_ops->release(s_heap.lock_ops->ctx, &s_heap.lock);
}

static void adopt(capheap_caps_t *caps, bool owned)
{
    s_heap.lock_ops = capheap_port_lock_default();
    memset(&s_heap.lock, 0, sizeof s_heap.lock);
    s_heap.lock_ok = s_heap.lock_ops->init(s_heap.lock_ops->ctx, &s_heap.lock);
    s_heap.caps = caps;
    s_heap.owned = owned;
    s_heap.min_free = capheap_caps_get_free_size(caps, FREERTOS_STATS_CAPS);
    s_heap.allocs = 0;
    s_heap.frees = 0;
}

void capheap_freertos_set_malloc_failed_hook(capheap_freertos_hook_fn hook)
{
    s_hook = hook;
}

static capheap_error_fn s_error_hook;
static void *s_error_ctx;

void capheap_freertos_set_error_hook(capheap_error_fn hook, void *ctx)
{
    s_error_hook = hook;
    s_error_ctx = hook ? ctx : NULL;
}

static void error_trampoline(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    capheap_error_fn hook = s_error_hook;
    if (hook)
        hook(s_error_ctx, reason, where);
}

capheap_err_t capheap_freertos_use_instance(capheap_caps_t *inst)
{
    if (!inst)
        return CAPHEAP_ERR_INVALID_ARG;
    if (s_heap.caps)
        return CAPHEAP_ERR_STATE;
    adopt(inst, false);
    return CAPHEAP_OK;
}

capheap_caps_t *capheap_freertos_instance(void)
{
    return s_heap.caps;
}

void vPortDefineHeapRegions(const HeapRegion_t *const pxHeapRegions)
{
    if (s_heap.caps || !pxHeapRegions)
        return;
    capheap_region_t regions[FREERTOS_MAX_REGIONS];
    size_t n = 0;
    for (const HeapRegion_t *r = pxHeapRegions;
         r->pucStartAddress && n < FREERTOS_MAX_REGIONS; r++) {
        if (r->xSizeInBytes == 0)
            continue;
        capheap_region_t *d = &regions[n++];
        memset(d, 0, sizeof *d);
        d->start = (uintptr_t)r->pucStartAddress;
        d->size = r->xSizeInBytes;
        d->chip_start = d->start;
        d->caps[0] = FREERTOS_REGION_CAPS;
        d->type = -1;
        d->name = "heap_5";
    }
    if (n == 0)
        return;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.error_hook = error_trampoline;
    capheap_caps_t *caps = NULL;
    if (capheap_caps_create(&cfg, regions, n, &caps) != CAPHEAP_OK)
        return;
    adopt(caps, true);
}

void vPortHeapResetState(void)
{
    if (s_heap.caps && s_heap.owned)
        capheap_caps_destroy(s_heap.caps);
    if (s_heap.lock_ok && s_heap.lock_ops->destroy)
        s_heap.lock_ops->destroy(s_heap.lock_ops->ctx, &s_heap.lock);
    memset(&s_heap, 0, sizeof s_heap);
}

static void *failed(void)
{
    capheap_freertos_hook_fn hook = s_hook;
    if (hook)
        hook();
    return NULL;
}

void *pvPortMalloc(size_t xWantedSize)
{
    capheap_caps_t *caps = s_heap.caps;
    if (xWantedSize == 0 || !caps)
        return failed();
    void *p = capheap_caps_malloc_default(caps, xWantedSize);
    if (!p)
        return failed();
    size_t now = capheap_caps_get_free_size(caps, FREERTOS_STATS_CAPS);
    stats_lock();
    s_heap.allocs++;
    if (now < s_heap.min_free)
        s_heap.min_free = now;
    stats_unlock();
    return p;
}

void *pvPortCalloc(size_t xNum, size_t xSize)
{
    if (xSize != 0 && xNum > SIZE_MAX / xSize)
        return NULL;
    void *p = pvPortMalloc(xNum * xSize);
    if (p)
        memset(p, 0, xNum * xSize);
    return p;
}

void vPortFree(void *pv)
{
    capheap_caps_t *caps = s_heap.caps;
    if (!pv)
        return;
    if (!caps)
        return; /* no heap: nothing can be ours */
    /* A live block has a usable size; anything else (foreign, freed,
     * interior) is reported here once and not freed or counted. */
    if (capheap_caps_get_allocated_size(caps, pv) == 0)
        return;
    capheap_caps_free(caps, pv);
    stats_lock();
    s_heap.frees++;
    stats_unlock();
}

size_t xPortGetFreeHeapSize(void)
{
    return s_heap.caps ? capheap_caps_get_free_size(s_heap.caps, FREERTOS_STATS_CAPS) : 0;
}

size_t xPortGetMinimumEverFreeHeapSize(void)
{
    stats_lock();
    size_t m = s_heap.min_free;
    stats_unlock();
    return m;
}

void xPortResetHeapMinimumEverFreeHeapSize(void)
{
    size_t now = xPortGetFreeHeapSize();
    stats_lock();
    s_heap.min_free = now;
    stats_unlock();
}

typedef struct {
    size_t smallest;
    size_t count;
} walk_ctx_t;

static bool walk_free(void *ctx, const capheap_caps_heap_t *heap, void *ptr, size_t size,
                      bool used)
{
    (void)heap;
    (void)ptr;
    walk_ctx_t *w = ctx;
    if (!used) {
        if (w->count == 0 || size < w->smallest)
            w->smallest = size;
        w->count++;
    }
    return true;
}

void vPortGetHeapStats(HeapStats_t *pxHeapStats)
{
    if (!pxHeapStats)
        return;
    memset(pxHeapStats, 0, sizeof *pxHeapStats);
    capheap_caps_t *caps = s_heap.caps;
    if (!caps)
        return;
    walk_ctx_t w = { 0, 0 };
    (void)capheap_caps_walk(caps, FREERTOS_STATS_CAPS, walk_free, &w);
    pxHeapStats->xAvailableHeapSpaceInBytes = capheap_caps_get_free_size(caps, FREERTOS_STATS_CAPS);
    pxHeapStats->xSizeOfLargestFreeBlockInBytes =
        capheap_caps_get_largest_free_block(caps, FREERTOS_STATS_CAPS);
    pxHeapStats->xSizeOfSmallestFreeBlockInBytes = w.smallest;
    pxHeapStats->xNumberOfFreeBlocks = w.count;
    stats_lock();
    pxHeapStats->xMinimumEverFreeBytesRemaining = s_heap.min_free;
    pxHeapStats->xNumberOfSuccessfulAllocations = s_heap.allocs;
    pxHeapStats->xNumberOfSuccessfulFrees = s_heap.frees;
    stats_unlock();
}
