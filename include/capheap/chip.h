/*
 * capheap chip tables: a chip's RAM described as data.
 *
 * A chip is
 *   - a table of memory types: a name ("DRAM", "D/IRAM", "IRAM", "SPIRAM",
 *     ...), capability masks at three priority levels and flags;
 *   - an address-sorted table of regions: start, size, memory type, and for
 *     memory that is both data and instruction RAM the address of its
 *     instruction-bus view and whether that view is linear or word-reversed;
 *   - reserved ranges (ROM data, the application's static data, caches...)
 *     that the layout subtracts from the regions before making heaps;
 *   - an alignment hook: the alignment a capability set needs (DMA, cache
 *     line, SIMD).
 * Adding a chip touches no logic: one file in chips/ with these tables and an
 * entry in the chip list. Every table here is const data; nothing mutates.
 *
 * Addresses in these tables are the chip's own bus addresses. A host
 * simulation (capheap/sim.h) maps them to host memory; capheap/layout.h turns
 * a table into regions ready for the caps allocator.
 */
#ifndef CAPHEAP_CHIP_H
#define CAPHEAP_CHIP_H

#include "capheap/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Capability bits: the values of ESP-IDF v5.5's MALLOC_CAP_* (esp_heap_caps.h),
 * so compat/espidf defines MALLOC_CAP_X as CAPHEAP_CAP_X. */
#define CAPHEAP_CAP_EXEC          (1u << 0)  /* can run code */
#define CAPHEAP_CAP_32BIT         (1u << 1)  /* allows aligned 32-bit access */
#define CAPHEAP_CAP_8BIT          (1u << 2)  /* allows 8/16-bit access */
#define CAPHEAP_CAP_DMA           (1u << 3)  /* reachable by DMA */
#define CAPHEAP_CAP_PID2          (1u << 4)
#define CAPHEAP_CAP_PID3          (1u << 5)
#define CAPHEAP_CAP_PID4          (1u << 6)
#define CAPHEAP_CAP_PID5          (1u << 7)
#define CAPHEAP_CAP_PID6          (1u << 8)
#define CAPHEAP_CAP_PID7          (1u << 9)
#define CAPHEAP_CAP_SPIRAM        (1u << 10) /* external (SPI/PSRAM/SDRAM) RAM */
#define CAPHEAP_CAP_INTERNAL      (1u << 11) /* on-chip, survives cache off */
#define CAPHEAP_CAP_DEFAULT       (1u << 12) /* what plain malloc may return */
#define CAPHEAP_CAP_IRAM_8BIT     (1u << 13) /* IRAM allowing unaligned access */
#define CAPHEAP_CAP_RETENTION     (1u << 14) /* reachable by retention DMA */
#define CAPHEAP_CAP_RTCRAM        (1u << 15) /* RTC fast memory */
#define CAPHEAP_CAP_TCM           (1u << 16) /* tightly coupled memory */
#define CAPHEAP_CAP_DMA_DESC_AHB  (1u << 17) /* can hold AHB DMA descriptors */
#define CAPHEAP_CAP_DMA_DESC_AXI  (1u << 18) /* can hold AXI DMA descriptors */
#define CAPHEAP_CAP_CACHE_ALIGNED (1u << 19) /* aligned to the cache line */
#define CAPHEAP_CAP_SIMD          (1u << 20) /* usable by SIMD loads/stores */
#define CAPHEAP_CAP_INVALID       (1u << 31) /* never usable; "all heaps" in
                                                check / dump / walk */

/* Number of priority levels of a memory type's capability masks. */
#define CAPHEAP_PRIORITIES 3

/* Flags of a memory type (and of a region: a region's effective flags are its
 * own OR its type's). */
#define CAPHEAP_MT_DIRAM    (1u << 0) /* data RAM with an instruction-bus alias:
                                         EXEC allocations are returned there */
#define CAPHEAP_MT_DEFERRED (1u << 1) /* not a heap at start-up (start-up stacks):
                                         joins on capheap_caps_enable_deferred */
#define CAPHEAP_MT_RESERVE  (1u << 2) /* used by ordinary requests only after
                                         every other eligible heap failed */
#define CAPHEAP_MT_RUNTIME  (1u << 3) /* not a heap at start-up: the application
                                         adds it at run time (external RAM once
                                         initialised, optional RTC RAM) */

typedef struct capheap_mem_type {
    const char *name;                    /* "DRAM", "D/IRAM", ...: at most 15 chars */
    uint32_t caps[CAPHEAP_PRIORITIES];   /* masks at priority 0, 1, 2 */
    uint32_t flags;                      /* CAPHEAP_MT_* */
} capheap_mem_type_t;

/* How a region's instruction-bus view maps to its data-bus addresses. */
typedef enum {
    CAPHEAP_ALIAS_NONE = 0,
    CAPHEAP_ALIAS_LINEAR = 1,        /* iram = alias + (dram - start) */
    CAPHEAP_ALIAS_WORD_REVERSED = 2  /* word order reversed (ESP32 SRAM1):
                                        iram(word at dram) =
                                        alias + (start + size - 4 - dram) */
} capheap_alias_kind_t;

typedef struct capheap_chip_region {
    uintptr_t start;     /* first byte on the data bus */
    size_t size;
    uint16_t type;       /* index into the chip's types */
    uint8_t alias_kind;  /* capheap_alias_kind_t */
    uint8_t flags;       /* CAPHEAP_MT_* added to the type's flags */
    uintptr_t alias;     /* lowest instruction-bus address of this region's
                            view (its size is `size`); 0 when alias_kind is
                            NONE */
} capheap_chip_region_t;

typedef struct capheap_reserved {
    uintptr_t start;     /* [start, end) is never part of a heap */
    uintptr_t end;
    const char *what;    /* "ROM data", "application .data/.bss", ... */
} capheap_reserved_t;

/*
 * Alignment hook: returns the alignment (a power of two) an allocation with
 * these caps needs on this chip, at least `align` (the caller's own). Pure
 * function; called with any caps, including ones the chip lacks.
 */
typedef size_t (*capheap_align_fn)(uint32_t caps, size_t align);

typedef struct capheap_chip {
    const char *name;                    /* "esp32", "w800", ... */
    const char *description;             /* one line */
    const capheap_mem_type_t *types;
    size_t type_count;
    const capheap_chip_region_t *regions;  /* sorted by start, disjoint */
    size_t region_count;
    const capheap_reserved_t *reserved;    /* sorted by start, disjoint */
    size_t reserved_count;
    capheap_align_fn align_for_caps;       /* NULL: caps never raise alignment */
    uint32_t word_size;                    /* bytes; EXEC/32BIT round to it (4) */
    uint32_t align_caps;                   /* caps the alignment hook looks at:
                                              requests with none of them skip
                                              the hook (0: always call it) */
} capheap_chip_t;

/* The chips capheap knows (each defined in chips/<name>.c). */
extern const capheap_chip_t capheap_chip_esp32;
extern const capheap_chip_t capheap_chip_esp32s3;
extern const capheap_chip_t capheap_chip_esp32c3;
extern const capheap_chip_t capheap_chip_w800;
extern const capheap_chip_t capheap_chip_stm32h743;
extern const capheap_chip_t capheap_chip_generic;
extern const capheap_chip_t capheap_chip_mps2_an385; /* also mps2-an386 */
extern const capheap_chip_t capheap_chip_mps2_an500;

/*
 * The list of known chips, in a fixed order; *count receives its length
 * (count may be NULL). Never NULL. O(1).
 */
const capheap_chip_t *const *capheap_chip_list(size_t *count);

/* The chip called `name` (exact, case-sensitive), or NULL if none or name is
 * NULL. O(chips). */
const capheap_chip_t *capheap_chip_find(const char *name);

/*
 * Index of the table region containing the chip address `addr` (data-bus
 * address), or -1 when none does (reserved ranges are ignored: they are
 * still inside their region). O(log regions).
 */
int capheap_chip_region_at(const capheap_chip_t *chip, uintptr_t addr);

/* Same for an instruction-bus alias address: index of the region whose alias
 * view contains `addr`, or -1. O(regions). */
int capheap_chip_region_at_alias(const capheap_chip_t *chip, uintptr_t addr);

/* Union of the three capability masks of the memory at `addr` (data-bus or
 * alias address; an alias address reports the type's caps), 0 when the
 * address is in no region. For esp_ptr_*-style predicates. O(regions). */
uint32_t capheap_chip_caps_at(const capheap_chip_t *chip, uintptr_t addr);

/*
 * Sanity check of a table: types referenced exist, regions sorted and
 * disjoint, reserved ranges sorted and disjoint, alias fields consistent,
 * every type's caps masks non-zero at some priority. Returns CAPHEAP_OK or
 * CAPHEAP_ERR_INVALID_ARG, describing the first problem through print when
 * given. O(regions + reserved).
 */
capheap_err_t capheap_chip_validate(const capheap_chip_t *chip,
                                    capheap_print_fn print, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_CHIP_H */
