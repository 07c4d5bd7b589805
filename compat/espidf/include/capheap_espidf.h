/*
 * capheap extensions of the ESP-IDF compatibility layer: where its output
 * goes, how bad pointers are reported, and access to the default instance
 * behind heap_caps_* (for code that mixes the ESP-IDF API with capheap's
 * native one, and for bare-metal start-up).
 */
#ifndef CAPHEAP_ESPIDF_H
#define CAPHEAP_ESPIDF_H

#include "capheap/caps.h"
#include "capheap/sim.h"
#include "capheap_esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Sets the sink that receives everything the ESP-IDF layer prints (start-up
 * summary, print_heap_info, dumps, integrity errors, bad-pointer reports).
 * NULL restores the default, which writes to stdout. May be called at any
 * time, also before heap_caps_init; not thread-safe with concurrent prints.
 * O(1).
 */
void capheap_espidf_set_print(capheap_print_fn print, void *ctx);

/*
 * Sets what happens when the default instance meets a pointer it does not
 * own or a damaged block (free of a foreign pointer, double free, ...).
 * NULL restores the default: one line "E (<ms>) heap_caps: <reason> at
 * <address>" on the print sink. The hook runs with the heap's lock held and
 * must not call back into the allocator. O(1).
 */
void capheap_espidf_set_error_hook(capheap_error_fn hook, void *ctx);

/*
 * Lock port used by multi_heap_set_lock() for the locks it initialises from
 * now on (NULL: capheap_port_lock_default()). ops must outlive the heaps
 * using it. O(1).
 */
void capheap_espidf_set_multi_heap_lock_port(const capheap_lock_ops_t *ops);

/*
 * heap_caps_init() for an explicit chip table instead of CAPHEAP_CHIP (host
 * simulation, start-up summary printed). Returns ESP_OK,
 * ESP_ERR_INVALID_ARG (chip NULL or invalid table), ESP_ERR_INVALID_STATE
 * (already initialised), ESP_ERR_NO_MEM (the simulation could not be mapped
 * or the instance not created). Not thread-safe.
 */
esp_err_t capheap_espidf_init_chip(const capheap_chip_t *chip);

/*
 * Makes `caps` the default instance (bare metal, or any instance built by
 * hand). chip (may be NULL) is what esp_ptr_* predicates and
 * heap_caps_add_region consult; addresses are taken as chip addresses
 * (identity map). The start-up summary is printed when chip is given.
 * Returns ESP_OK, ESP_ERR_INVALID_ARG (caps NULL) or ESP_ERR_INVALID_STATE
 * (already initialised). Not thread-safe. O(regions).
 */
esp_err_t capheap_espidf_init_instance(capheap_caps_t *caps, const capheap_chip_t *chip);

/* The default instance, NULL before initialisation. O(1). */
capheap_caps_t *capheap_espidf_instance(void);

/* The chip of the default instance, NULL if none. O(1). */
const capheap_chip_t *capheap_espidf_chip(void);

/* The host simulation behind the default instance, NULL if none (bare
 * metal or init_instance). O(1). */
capheap_sim_t *capheap_espidf_sim(void);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESPIDF_H */
