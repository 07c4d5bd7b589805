/*
 * generic: one 256 KiB RAM at 0x20000000 that can do everything a data RAM
 * does (8/32-bit, DMA, default). A starting point for a new chip and the
 * simplest layout for tests.
 */
#include "capheap/chip.h"

static const capheap_mem_type_t types[] = {
    { "RAM", { CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_DEFAULT |
                   CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA, 0, 0 }, 0 },
};

static const capheap_chip_region_t regions[] = {
    { 0x20000000u, 0x40000u, 0, CAPHEAP_ALIAS_NONE, 0, 0 },
};

const capheap_chip_t capheap_chip_generic = {
    "generic", "one 256 KiB data RAM",
    types, 1, regions, 1, NULL, 0, NULL, 4, 0,
};
