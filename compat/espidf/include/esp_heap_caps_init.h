/*
 * ESP-IDF heap start-up API (esp_heap_caps_init.h, v5.5 names and return
 * codes) for capheap's default allocator instance.
 */
#ifndef CAPHEAP_ESPIDF_ESP_HEAP_CAPS_INIT_H
#define CAPHEAP_ESPIDF_ESP_HEAP_CAPS_INIT_H

#include <stdint.h>

#include "capheap_esp_err.h"
#include "esp_heap_caps.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Creates the default instance that every heap_caps_* function uses.
 * Hosted builds: the chip named by the environment variable CAPHEAP_CHIP
 * (default "esp32"; CAPHEAP_ESPIDF_DEFAULT_CHIP at build time changes the
 * default) is simulated in host memory (capheap/sim.h, at the chip's own
 * addresses when the host allows it) and its start-up heaps are created.
 * Then the start-up summary is written to the print sink in ESP-IDF's
 * format, one line per region including the start-up-stack regions that
 * heap_caps_enable_nonos_stack_heaps() adds later:
 *   I (<ms>) heap_init: Initializing. RAM available for dynamic allocation:
 *   I (<ms>) heap_init: At 3FFAE6E0 len 00001920 (6 KiB): DRAM
 *   ...
 * Call it once, before any other heap_caps_* call and before other threads
 * use the heap (not thread-safe). A second call changes nothing and prints
 * "W (<ms>) heap_init: already initialised, call ignored". If the chip is
 * unknown or the simulation cannot be mapped, an "E (<ms>) heap_init: ..."
 * line explains why and the heap stays uninitialised (see esp_heap_caps.h for
 * what the other functions do then). Builds without a host simulation (bare
 * metal) use the table's addresses as real memory: right on the chip the
 * table describes; any other target creates its instance itself and hands it
 * over with capheap_espidf_init_instance(). O(regions) plus the mappings.
 */
void heap_caps_init(void);

/*
 * Adds the chip's start-up-stack (deferred) regions as heaps, as ESP-IDF does
 * once the scheduler runs. Does nothing before heap_caps_init, on a second
 * call, or when the chip has none. Not thread-safe with itself; other
 * threads may allocate meanwhile. O(heaps).
 */
void heap_caps_enable_nonos_stack_heaps(void);

/*
 * Adds [start, end) as a heap with the capabilities of the chip's memory at
 * `start` (the whole range must lie in that table region). On the host,
 * start/end may be chip addresses of simulated memory (translated) or any
 * host memory the caller owns. The memory must be otherwise unused, or lie
 * inside a block the caller allocated from this allocator. Returns
 *   ESP_OK;
 *   ESP_ERR_INVALID_ARG    start is 0 or end <= start;
 *   ESP_ERR_NOT_FOUND      start is in no region of the chip table (or the
 *                          range crosses into another region);
 *   ESP_ERR_INVALID_STATE  heap_caps_init not called;
 *   and the errors of heap_caps_add_region_with_caps.
 * Thread-safe; not ISR-safe. O(heaps).
 */
esp_err_t heap_caps_add_region(intptr_t start, intptr_t end);

/*
 * Adds [start, end) with the given capability masks, caps[0..2] by priority
 * (copied; need not outlive the call). New heaps are tried first within
 * their priority. Returns
 *   ESP_OK;
 *   ESP_ERR_INVALID_ARG    caps NULL or all three masks 0, start or end 0,
 *                          end <= start;
 *   ESP_ERR_INVALID_SIZE   the range is too small to hold a heap;
 *   ESP_FAIL               the range overlaps the start or end of an existing
 *                          heap, or is exactly an existing heap's range;
 *   ESP_ERR_NO_MEM         the heap's lock could not be created;
 *   ESP_ERR_INVALID_STATE  heap_caps_init not called.
 * Thread-safe; not ISR-safe. O(heaps).
 */
esp_err_t heap_caps_add_region_with_caps(const uint32_t caps[], intptr_t start, intptr_t end);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESPIDF_ESP_HEAP_CAPS_INIT_H */
