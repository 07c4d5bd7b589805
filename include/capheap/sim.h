/*
 * capheap host simulation: a chip's memory map backed by host memory.
 *
 * capheap_sim_create maps every region of a chip table (start-up, deferred
 * and run-time regions, reserved ranges included: they are memory too):
 *   - at the chip's own addresses when the host allows it (Linux
 *     MAP_FIXED_NOREPLACE), so pointers, logs and address predicates read
 *     like the device's; otherwise anywhere, with the same sizes;
 *   - a D/IRAM region with a linear alias is mapped twice onto the same
 *     pages (memfd), so a write through the instruction alias is seen at the
 *     data address;
 *   - a word-reversed alias (ESP32 SRAM1) cannot be built from pages: its
 *     instruction view is separate writable memory of the same size; the
 *     caps allocator translates addresses to and from it.
 * The sim gives an address map (capheap/layout.h) that the layout and the
 * caps allocator use to turn chip addresses into host addresses and back.
 *
 * On builds without mmap (bare metal) capheap_sim_create fails with
 * CAPHEAP_ERR_STATE: there the chip's addresses are the real memory and the
 * layout and caps layers take a NULL (identity) map. To simulate another
 * chip anyway (tests on a board, or a host that wants no mmap),
 * capheap_sim_create_in carves the whole map out of a caller's buffer:
 * never at the chip's addresses, every alias view separate memory, and
 * run-time regions (external RAM) cut to a size the buffer can afford.
 *
 * Thread safety: create/destroy are not thread-safe; the translation
 * functions are (read-only) and O(mappings).
 */
#ifndef CAPHEAP_SIM_H
#define CAPHEAP_SIM_H

#include "capheap/layout.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct capheap_sim capheap_sim_t;

/* Flags of capheap_sim_create. */
#define CAPHEAP_SIM_ANYWHERE (1u << 0) /* do not try the chip's addresses */

/*
 * Maps chip's memory and sets *out. Memory is zero-filled. Returns
 *   CAPHEAP_OK;
 *   CAPHEAP_ERR_INVALID_ARG  chip or out NULL, or the table fails
 *                            capheap_chip_validate;
 *   CAPHEAP_ERR_NO_MEM       the host refused a mapping (nothing stays mapped);
 *   CAPHEAP_ERR_STATE        this build has no host simulation (bare metal).
 * O(regions) system calls. Host memory used: the sum of the table regions,
 * rounded to pages, plus each alias view.
 */
capheap_err_t capheap_sim_create(const capheap_chip_t *chip, unsigned flags,
                                 capheap_sim_t **out);

/*
 * Builds the simulation inside [mem, mem+size) (any alignment; zero-filled
 * by this call), with every table region whose memory type is run-time
 * (CAPHEAP_MT_RUNTIME) cut to at most max_runtime bytes (raised to
 * CAPHEAP_LAYOUT_MIN_REGION). The sim then describes the cut table:
 * capheap_sim_chip() returns that copy, and it is the chip to give to the
 * layout and the caps config. No system call, no allocation: available on
 * every build. Returns CAPHEAP_OK; CAPHEAP_ERR_INVALID_ARG (NULL, or the
 * table fails capheap_chip_validate); CAPHEAP_ERR_TOO_SMALL (size below
 * capheap_sim_bytes_needed). O(regions). The buffer must outlive the sim;
 * capheap_sim_destroy does nothing to it.
 */
capheap_err_t capheap_sim_create_in(const capheap_chip_t *chip, void *mem, size_t size,
                                    size_t max_runtime, capheap_sim_t **out);

/* Bytes capheap_sim_create_in needs for this chip and cut (0 when the table
 * is invalid). O(regions). */
size_t capheap_sim_bytes_needed(const capheap_chip_t *chip, size_t max_runtime);

/* Unmaps everything (nothing for a sim built in a caller's buffer); sim may
 * be NULL. Pointers into it become invalid. */
void capheap_sim_destroy(capheap_sim_t *sim);

/* The chip the sim simulates: the table given to capheap_sim_create, or the
 * cut copy (inside the buffer) for capheap_sim_create_in. */
const capheap_chip_t *capheap_sim_chip(const capheap_sim_t *sim);

/* The address map to give to capheap_layout_regions and the caps config.
 * Valid until destroy. */
const capheap_addr_map_t *capheap_sim_map(const capheap_sim_t *sim);

/* Host address of a chip address (data bus or alias), NULL if not mapped. */
void *capheap_sim_to_host(const capheap_sim_t *sim, uintptr_t chip_addr);

/* Chip address of a host address inside the sim's memory, 0 if outside. */
uintptr_t capheap_sim_to_chip(const capheap_sim_t *sim, const void *host);

/* True iff every mapping sits at the chip's own addresses (host == chip). */
bool capheap_sim_at_chip_addresses(const capheap_sim_t *sim);

/* True iff the linear aliases are real shared mappings (memfd available). */
bool capheap_sim_alias_shared(const capheap_sim_t *sim);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_SIM_H */
