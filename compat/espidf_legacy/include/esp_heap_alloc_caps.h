/*
 * Legacy ESP-IDF 2.x capabilities allocator (esp_heap_alloc_caps.h, the
 * names and signatures of ESP-IDF v2.0/v2.1) over capheap.
 *
 * The legacy functions work on the ESP-IDF compatibility layer's default
 * instance (capheap_espidf.h), so a program may mix them with the modern
 * heap_caps_* API, as ESP-IDF 3.x did. heap_alloc_caps_init() creates it
 * from a chip table (heap_caps_init(): CAPHEAP_CHIP, default esp32);
 * vPortDefineHeapRegionsTagged() (heap_regions.h) creates it from tagged
 * regions instead.
 *
 * MALLOC_CAP_* are the values of that version (identical to today's; this
 * header includes the modern esp_heap_caps.h, so both sets of names can be
 * used together); MALLOC_CAP_SPISRAM is v2.0's name of MALLOC_CAP_SPIRAM.
 * No memory type has the PID capabilities: requests for them fail, as in
 * every ESP-IDF release after 2.x.
 *
 * Threads: every function may be called from several threads once the
 * instance exists, except the two initialisers. Complexity O(heaps).
 */
#ifndef CAPHEAP_ESPIDF_LEGACY_ESP_HEAP_ALLOC_CAPS_H
#define CAPHEAP_ESPIDF_LEGACY_ESP_HEAP_ALLOC_CAPS_H

#include <stddef.h>
#include <stdint.h>

#include "esp_heap_caps.h"
#include "esp_memory_utils.h" /* esp_ptr_dma_capable */

#ifndef MALLOC_CAP_SPISRAM
#define MALLOC_CAP_SPISRAM MALLOC_CAP_SPIRAM /* v2.0 name: SPI-attached RAM */
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Creates the default instance from the chip table (as heap_caps_init(),
 * start-up summary printed); the chip's start-up stack regions stay out of
 * the heaps until heap_alloc_enable_nonos_stack_tag(). Does nothing when the
 * instance already exists (heap_caps_init or vPortDefineHeapRegionsTagged
 * ran first). Not thread-safe. O(regions^2).
 */
void heap_alloc_caps_init(void);

/*
 * The start-up stacks are no longer in use: their memory joins the heaps
 * (the chip's deferred regions, or the tag-1 regions held back by
 * vPortDefineHeapRegionsTagged). Calls after the first, and calls before
 * any instance exists, do nothing. Thread-safe; not ISR-safe. O(heaps).
 */
void heap_alloc_enable_nonos_stack_tag(void);

/*
 * Memory with every capability in caps (heap_caps_malloc's selection: by
 * priority, then heaps in capheap's order; EXEC rounds the size up to 4 and
 * comes from an instruction-bus alias where the memory has one). Returns NULL
 * iff xWantedSize is 0, caps has EXEC with 8BIT or DMA, no heap has all of
 * caps (e.g. a PID capability), no such heap has room (sizes near SIZE_MAX
 * included), or no instance exists. Free with vPortFreeTagged (or
 * heap_caps_free). Thread-safe.
 */
void *pvPortMallocCaps(size_t xWantedSize, uint32_t caps);

/*
 * Free bytes of every heap whose memory has all of caps, each heap counted
 * once (caps 0: every heap). 0 before an instance exists. Thread-safe.
 */
size_t xPortGetFreeHeapSizeCaps(uint32_t caps);

/* The sum of those heaps' lowest free sizes. 0 before an instance exists. */
size_t xPortGetMinimumEverFreeHeapSizeCaps(uint32_t caps);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESPIDF_LEGACY_ESP_HEAP_ALLOC_CAPS_H */
