/*
 * ESP-IDF memory predicates (esp_memory_utils.h names and signatures) that
 * answer for the chip behind the default heap_caps instance.
 *
 * ESP-IDF implements these as address-range checks against one chip's
 * constants. Here they consult the chip table of the default instance
 * (capheap_espidf_chip()), so the same code answers for any simulated or
 * real chip:
 *   - a pointer is first turned into a chip address (on the host through
 *     the simulation; identity when the instance has no simulation);
 *   - "data-bus RAM" means inside a table region at its data address;
 *     "instruction-bus RAM" means inside a D/IRAM region's alias view, or a
 *     region whose memory type can execute and has no separate alias (IRAM,
 *     W800 SRAM).
 * Before heap_caps_init, and for addresses outside every table region,
 * every predicate is false and the conversions return NULL. When the default
 * instance has no chip table (capheap_espidf_init_instance(caps, NULL), the
 * legacy vPortDefineHeapRegionsTagged), the data predicates (dma_capable,
 * dma_ext_capable, byte_accessible, external_ram) answer from the
 * capabilities of the heap holding the pointer (false outside every heap).
 *
 * All are O(log regions) or O(regions), thread-safe after initialisation,
 * and ISR-safe (they read constant tables).
 */
#ifndef CAPHEAP_ESPIDF_ESP_MEMORY_UTILS_H
#define CAPHEAP_ESPIDF_ESP_MEMORY_UTILS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* True iff the chip's data and instruction views of its D/IRAM are the same
 * addresses (no separate alias). */
bool esp_dram_match_iram(void);

/* In instruction-bus RAM (see above). */
bool esp_ptr_in_iram(const void *p);

/* In internal byte-accessible RAM at its data-bus address (DRAM, and the
 * data view of D/IRAM; RTC RAM excluded). */
bool esp_ptr_in_dram(const void *p);

/* In the data-bus view of a D/IRAM region. */
bool esp_ptr_in_diram_dram(const void *p);

/* In the instruction-bus view of a D/IRAM region (false when the chip's two
 * views share addresses). */
bool esp_ptr_in_diram_iram(const void *p);

/* In RTC fast memory, at an executable / at a data address. */
bool esp_ptr_in_rtc_iram_fast(const void *p);
bool esp_ptr_in_rtc_dram_fast(const void *p);

/*
 * The same word of D/IRAM seen on the other bus (word-reversed on the ESP32,
 * linear elsewhere). p must be word aligned and in the data view
 * (dram_to_iram) or the instruction view (iram_to_dram); otherwise NULL.
 * On the host the result is where the simulation keeps that view.
 */
void *esp_ptr_diram_dram_to_iram(const void *p);
void *esp_ptr_diram_iram_to_dram(const void *p);

/* In memory a DMA engine can reach (the table's MALLOC_CAP_DMA). */
bool esp_ptr_dma_capable(const void *p);

/* In external RAM that DMA can reach (SPIRAM with the DMA capability). */
bool esp_ptr_dma_ext_capable(const void *p);

/* Multiple of 4. */
static inline bool esp_ptr_word_aligned(const void *p)
{
    return ((uintptr_t)p) % 4u == 0;
}

/* Code may run from here: instruction-bus RAM (see above). */
bool esp_ptr_executable(const void *p);

/* Byte accesses are allowed (the table's MALLOC_CAP_8BIT, data view). */
bool esp_ptr_byte_accessible(const void *p);

/* In on-chip RAM (MALLOC_CAP_INTERNAL), either view. */
bool esp_ptr_internal(const void *p);

/* In external RAM (MALLOC_CAP_SPIRAM). */
bool esp_ptr_external_ram(const void *p);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESPIDF_ESP_MEMORY_UTILS_H */
