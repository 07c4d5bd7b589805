/*
 * Legacy ESP-IDF 2.x API (esp_heap_alloc_caps.h, heap_regions.h) over the
 * ESP-IDF layer's default instance.
 *
 * Tags are looked up by name: a heap's tag is the index of the tag whose name
 * is the heap's memory-type name (chip tables) or the name this file gives
 * the regions of vPortDefineHeapRegionsTagged (the tag's own name).
 */
#include <string.h>

#include "esp_heap_alloc_caps.h"
#include "esp_heap_caps_init.h"
#include "espidf_internal.h"
#include "heap_regions.h"
#include "poison.h"

#define CAP(x) CAPHEAP_CAP_##x

typedef struct {
    const char *name;
    uint32_t caps[CAPHEAP_PRIORITIES];
} legacy_tag_t;

/* The tag table of ESP-IDF 2.x (names and masks at priorities 0, 1, 2). */
static const legacy_tag_t s_tags[HEAPREGIONS_MAX_TAGCOUNT] = {
    { "DRAM", { CAP(DMA) | CAP(8BIT), CAP(32BIT), CAP(INTERNAL) } },
    { "D/IRAM", { 0, CAP(DMA) | CAP(8BIT), CAP(32BIT) | CAP(EXEC) | CAP(INTERNAL) } },
    { "IRAM", { CAP(EXEC) | CAP(32BIT), 0, CAP(INTERNAL) } },
    { "PID2IRAM", { CAP(PID2), 0, CAP(EXEC) | CAP(32BIT) | CAP(INTERNAL) } },
    { "PID3IRAM", { CAP(PID3), 0, CAP(EXEC) | CAP(32BIT) | CAP(INTERNAL) } },
    { "PID4IRAM", { CAP(PID4), 0, CAP(EXEC) | CAP(32BIT) | CAP(INTERNAL) } },
    { "PID5IRAM", { CAP(PID5), 0, CAP(EXEC) | CAP(32BIT) | CAP(INTERNAL) } },
    { "PID6IRAM", { CAP(PID6), 0, CAP(EXEC) | CAP(32BIT) | CAP(INTERNAL) } },
    { "PID7IRAM", { CAP(PID7), 0, CAP(EXEC) | CAP(32BIT) | CAP(INTERNAL) } },
    { "PID2DRAM", { CAP(PID2), CAP(8BIT), CAP(32BIT) | CAP(INTERNAL) } },
    { "PID3DRAM", { CAP(PID3), CAP(8BIT), CAP(32BIT) | CAP(INTERNAL) } },
    { "PID4DRAM", { CAP(PID4), CAP(8BIT), CAP(32BIT) | CAP(INTERNAL) } },
    { "PID5DRAM", { CAP(PID5), CAP(8BIT), CAP(32BIT) | CAP(INTERNAL) } },
    { "PID6DRAM", { CAP(PID6), CAP(8BIT), CAP(32BIT) | CAP(INTERNAL) } },
    { "PID7DRAM", { CAP(PID7), CAP(8BIT), CAP(32BIT) | CAP(INTERNAL) } },
    { "SPIRAM", { CAP(SPIRAM), 0, CAP(DMA) | CAP(8BIT) | CAP(32BIT) } },
};

/* The tag whose regions hold the start-up (ROM) stacks. */
#define NONOS_STACK_TAG 1
#define MAX_HELD_BACK 16

/* Tag-1 regions of vPortDefineHeapRegionsTagged waiting for
 * heap_alloc_enable_nonos_stack_tag (written only by the initialisers). */
static struct {
    bool tagged;          /* the instance came from vPortDefineHeapRegionsTagged */
    bool enabled;         /* the stack tag has been enabled */
    size_t held_count;
    capheap_region_t held[MAX_HELD_BACK];
} s_legacy;

static capheap_caps_t *inst(void)
{
    return capheap_espidf_instance();
}

static int tag_of_heap(const capheap_caps_heap_t *h)
{
    capheap_region_t r;
    capheap_caps_heap_region(h, &r);
    if (!r.name)
        return -1;
    for (int t = 0; t < HEAPREGIONS_MAX_TAGCOUNT; t++)
        if (strcmp(s_tags[t].name, r.name) == 0)
            return t;
    return -1;
}

void heap_alloc_caps_init(void)
{
    if (inst())
        return;
    heap_caps_init();
    s_legacy.tagged = false;
}

void heap_alloc_enable_nonos_stack_tag(void)
{
    capheap_caps_t *c = inst();
    if (!c || s_legacy.enabled)
        return;
    s_legacy.enabled = true;
    if (!s_legacy.tagged) {
        (void)capheap_caps_enable_deferred(c);
        return;
    }
    for (size_t i = 0; i < s_legacy.held_count; i++)
        (void)capheap_caps_add_region_desc(c, &s_legacy.held[i]);
}

static void region_from_tagged(capheap_region_t *d, const HeapRegionTagged_t *r)
{
    memset(d, 0, sizeof *d);
    d->start = (uintptr_t)r->pucStartAddress;
    d->size = r->xSizeInBytes;
    d->chip_start = d->start;
    memcpy(d->caps, s_tags[r->xTag].caps, sizeof d->caps);
    d->type = -1;
    d->name = s_tags[r->xTag].name;
    if (r->xTag == NONOS_STACK_TAG && r->xExecAddr) {
        d->alias = r->xExecAddr;
        d->alias_kind = CAPHEAP_ALIAS_WORD_REVERSED;
        d->flags = CAPHEAP_MT_DIRAM;
    }
}

void vPortDefineHeapRegionsTagged(const HeapRegionTagged_t *const pxHeapRegions)
{
    if (inst() || !pxHeapRegions)
        return;
    capheap_region_t regions[32];
    size_t n = 0;
    s_legacy.held_count = 0;
    s_legacy.enabled = false;
    for (const HeapRegionTagged_t *r = pxHeapRegions; r->pucStartAddress; r++) {
        if (r->xTag < 0 || r->xTag >= HEAPREGIONS_MAX_TAGCOUNT || r->xSizeInBytes == 0)
            continue;
        if (r->xTag == NONOS_STACK_TAG) {
            if (s_legacy.held_count < MAX_HELD_BACK)
                region_from_tagged(&s_legacy.held[s_legacy.held_count++], r);
            continue;
        }
        if (n < sizeof regions / sizeof regions[0])
            region_from_tagged(&regions[n++], r);
    }
    if (n == 0)
        return;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.error_hook = espidf_error_trampoline;
    cfg.print = espidf_print_trampoline;
    capheap_caps_t *c = NULL;
    if (capheap_caps_create(&cfg, regions, n, &c) != CAPHEAP_OK)
        return;
    if (capheap_espidf_init_instance(c, NULL) != ESP_OK) {
        capheap_caps_destroy(c);
        return;
    }
    s_legacy.tagged = true;
}

void *pvPortMallocCaps(size_t xWantedSize, uint32_t caps)
{
    capheap_caps_t *c = inst();
    if (!c || xWantedSize == 0)
        return NULL;
    return capheap_caps_malloc(c, xWantedSize, caps);
}

size_t xPortGetFreeHeapSizeCaps(uint32_t caps)
{
    capheap_caps_t *c = inst();
    return c ? capheap_caps_get_free_size(c, caps) : 0;
}

size_t xPortGetMinimumEverFreeHeapSizeCaps(uint32_t caps)
{
    capheap_caps_t *c = inst();
    return c ? capheap_caps_get_minimum_free_size(c, caps) : 0;
}

void *pvPortMallocTagged(size_t xWantedSize, int tag)
{
    capheap_caps_t *c = inst();
    if (!c || xWantedSize == 0 || tag < 0 || tag >= HEAPREGIONS_MAX_TAGCOUNT)
        return NULL;
    const capheap_caps_heap_t *h;
    for (size_t i = 0; (h = capheap_caps_heap_at(c, i)) != NULL; i++) {
        if (tag_of_heap(h) != tag)
            continue;
        capheap_caps_heap_lock(h);
        void *p = capheap_dbg_malloc(capheap_caps_heap_engine(h), xWantedSize);
        capheap_caps_heap_unlock(h);
        if (p)
            return p;
    }
    return NULL;
}

void vPortFreeTagged(void *pv)
{
    heap_caps_free(pv);
}

static size_t tag_sum(int tag, bool minimum)
{
    capheap_caps_t *c = inst();
    size_t sum = 0;
    if (!c || tag < 0 || tag >= HEAPREGIONS_MAX_TAGCOUNT)
        return 0;
    const capheap_caps_heap_t *h;
    for (size_t i = 0; (h = capheap_caps_heap_at(c, i)) != NULL; i++) {
        if (tag_of_heap(h) != tag)
            continue;
        capheap_heap_info_t info;
        capheap_caps_heap_get_info(h, &info);
        sum += minimum ? info.minimum_free_bytes : info.total_free_bytes;
    }
    return sum;
}

size_t xPortGetMinimumEverFreeHeapSizeTagged(int tag)
{
    return tag_sum(tag, true);
}

size_t xPortGetFreeHeapSizeTagged(int tag)
{
    return tag_sum(tag, false);
}
