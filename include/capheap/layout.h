/*
 * capheap layout: a chip table becomes the list of regions the caps
 * allocator turns into heaps.
 *
 * For the selected regions of the table the layout
 *   1. subtracts the reserved ranges (a region may split into pieces; the
 *      alias address of each piece is recomputed, linear or word-reversed);
 *   2. coalesces pieces that touch, have the same memory type and the same
 *      flags (and, for D/IRAM, contiguous alias views);
 *   3. drops pieces smaller than CAPHEAP_LAYOUT_MIN_REGION bytes;
 *   4. translates addresses through an address map (a host simulation maps
 *      chip addresses to host memory; NULL map = identity, for real targets).
 * The output is in address order; the caps allocator orders heaps for
 * selection itself. Nothing here allocates: the caller gives the array.
 */
#ifndef CAPHEAP_LAYOUT_H
#define CAPHEAP_LAYOUT_H

#include "capheap/chip.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Pieces smaller than this are not worth a heap and are dropped. */
#ifndef CAPHEAP_LAYOUT_MIN_REGION
#define CAPHEAP_LAYOUT_MIN_REGION 256u
#endif

/*
 * Where a chip address lives in this process. to_host returns the host
 * address of a chip address (data-bus or instruction-bus alias), 0 when the
 * address is not backed; to_chip is the inverse (0 when not a backed host
 * address). Both must be consistent over a whole table region: the host view
 * of one region (and of its alias) is contiguous.
 */
typedef struct capheap_addr_map {
    uintptr_t (*to_host)(void *ctx, uintptr_t chip_addr);
    uintptr_t (*to_chip)(void *ctx, uintptr_t host_addr);
    void *ctx;
} capheap_addr_map_t;

/*
 * One region ready to become a heap. Host addresses (start, alias) are where
 * the memory is in this process; chip_start is the address the chip uses
 * (equal to start on a real target). Also the input of
 * capheap_caps_create / capheap_caps_add_region_desc for callers that build
 * regions by hand (then type may be -1 and name NULL).
 */
typedef struct capheap_region {
    uintptr_t start;                   /* host address of the first byte */
    size_t size;
    uintptr_t chip_start;              /* chip address of the first byte */
    uint32_t caps[CAPHEAP_PRIORITIES]; /* from the memory type */
    uintptr_t alias;                   /* host address of the lowest byte of
                                          the instruction view, 0 if none */
    uint8_t alias_kind;                /* capheap_alias_kind_t */
    uint8_t flags;                     /* CAPHEAP_MT_* (type | region) */
    int16_t type;                      /* chip type index, -1 if none */
    const char *name;                  /* type name, NULL if none */
} capheap_region_t;

/* Which table regions to produce (OR of these). */
#define CAPHEAP_LAYOUT_STARTUP  (1u << 0) /* neither deferred nor run-time */
#define CAPHEAP_LAYOUT_DEFERRED (1u << 1) /* CAPHEAP_MT_DEFERRED */
#define CAPHEAP_LAYOUT_RUNTIME  (1u << 2) /* CAPHEAP_MT_RUNTIME */
#define CAPHEAP_LAYOUT_RAW      (1u << 3) /* skip reserved subtraction and
                                             coalescing (the sim maps these) */

/*
 * Computes the regions of `chip` selected by `select`, writes the first
 * min(count, max) of them to out (out may be NULL when max is 0) and returns
 * the total count, like snprintf: call once with max 0 to size the array.
 * map NULL = identity. A region whose host address the map cannot give
 * (to_host returns 0) is left out. O(regions + reserved).
 * Thread/ISR-safe (pure function of its inputs).
 */
size_t capheap_layout_regions(const capheap_chip_t *chip, unsigned select,
                              const capheap_addr_map_t *map,
                              capheap_region_t *out, size_t max);

/*
 * Prints the start-up summary of the selected regions in ESP-IDF's
 * heap_init format, one line per region, each line preceded by `prefix`
 * (may be NULL), chip addresses:
 *   "<prefix>At 3FFAE6E0 len 00001920 (6 KiB): DRAM\n"
 * KiB are rounded down. O(regions + reserved).
 */
void capheap_layout_print(const capheap_chip_t *chip, unsigned select,
                          const char *prefix, capheap_print_fn print, void *ctx);

/*
 * Instruction-bus address of the data-bus address `dram` inside region r
 * (host addresses), 0 if r has no alias. For a word-reversed alias `dram`
 * must be word aligned; the result is the address of the same word. O(1).
 */
uintptr_t capheap_region_dram_to_iram(const capheap_region_t *r, uintptr_t dram);

/* Inverse of capheap_region_dram_to_iram; 0 if `iram` is outside r's alias
 * view. O(1). */
uintptr_t capheap_region_iram_to_dram(const capheap_region_t *r, uintptr_t iram);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_LAYOUT_H */
