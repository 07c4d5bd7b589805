/*
 * Legacy ESP-IDF 2.x tagged-region heap (freertos/heap_regions.h) over
 * capheap: regions carry a tag, an index into the tag table below that
 * names their kind of memory and its capabilities; allocations may ask for
 * a tag directly.
 *
 * Tags (with the capability masks at priorities 0, 1, 2 that regions of
 * that tag get when vPortDefineHeapRegionsTagged builds the heap):
 *    0 "DRAM"      DMA|8BIT, 32BIT, INTERNAL
 *    1 "D/IRAM"    -, DMA|8BIT, 32BIT|EXEC|INTERNAL  (start-up stack tag)
 *    2 "IRAM"      EXEC|32BIT, -, INTERNAL
 *  3-8 "PIDnIRAM"  PIDn, -, EXEC|32BIT|INTERNAL      (n = 2..7)
 * 9-14 "PIDnDRAM"  PIDn, 8BIT, 32BIT|INTERNAL        (n = 2..7)
 *   15 "SPIRAM"    SPIRAM, -, DMA|8BIT|32BIT
 * With heap_alloc_caps_init() the heaps come from a chip table instead and
 * a heap's tag is the tag whose name is its memory type's name (the esp32
 * table's DRAM, D/IRAM, IRAM and SPIRAM are tags 0, 1, 2 and 15; a memory
 * type with no such name, like RTCRAM, has no tag).
 *
 * Differences from ESP-IDF 2.x: the tag field is an int (ESP32's
 * BaseType_t) and the exec alias address a uintptr_t (ESP32's uint32_t: the
 * same layout there; on a 64-bit host it holds a host address).
 */
#ifndef CAPHEAP_ESPIDF_LEGACY_HEAP_REGIONS_H
#define CAPHEAP_ESPIDF_LEGACY_HEAP_REGIONS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Number of tags (0 .. HEAPREGIONS_MAX_TAGCOUNT - 1). */
#define HEAPREGIONS_MAX_TAGCOUNT 16

/* One region; an array of them ends with pucStartAddress NULL. */
typedef struct HeapRegionTagged {
    uint8_t *pucStartAddress; /* first byte (host address on the host) */
    size_t xSizeInBytes;
    int xTag;                 /* 0..15; any other value: region unused */
    uintptr_t xExecAddr;      /* tag 1 only: lowest address of the region's
                                 word-reversed instruction-bus view (on the
                                 host: separate memory of the same size);
                                 0: none, EXEC blocks stay at data addresses */
} HeapRegionTagged_t;

/*
 * Creates the default instance (capheap_espidf.h) over the regions: each
 * region of a valid tag becomes a heap with the tag's capabilities; tag-1
 * regions are held back until heap_alloc_enable_nonos_stack_tag() (at most
 * 16 of them; ESP-IDF 2.x kept the ROM stacks there); regions of another tag
 * (ESP-IDF used -1 for "disabled") are skipped. Does nothing when the
 * instance exists already, the pointer is NULL, or no region can hold the
 * instance (then every allocation fails). Address predicates
 * (esp_ptr_dma_capable) then answer from the heaps' capabilities. Not
 * thread-safe. O(regions^2).
 */
void vPortDefineHeapRegionsTagged(const HeapRegionTagged_t *const pxHeapRegions);

/*
 * Memory from a heap of the given tag (the first, in capheap's selection
 * order, with room), at its data address, aligned to CAPHEAP_ALIGNMENT.
 * NULL iff xWantedSize is 0, tag is not 0..15, no heap has that tag or room,
 * or no instance exists. The instance's allocation hooks and failed-
 * allocation callback are not called for it. Thread-safe. O(heaps).
 */
void *pvPortMallocTagged(size_t xWantedSize, int tag);

/* Frees a block of any pvPortMalloc* function (heap_caps_free). NULL does
 * nothing; a pointer not owned is reported and ignored. Thread-safe. */
void vPortFreeTagged(void *pv);

/* Lowest free bytes, summed over the heaps of the tag (0: none). */
size_t xPortGetMinimumEverFreeHeapSizeTagged(int tag);

/* Free bytes, summed over the heaps of the tag (0: none). */
size_t xPortGetFreeHeapSizeTagged(int tag);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESPIDF_LEGACY_HEAP_REGIONS_H */
