/*
 * Arm MPS2 / MPS2+ FPGA boards as QEMU models them (qemu-system-arm -M
 * mps2-an385 / mps2-an386 / mps2-an500), the boards the bare-metal test
 * cells run on (tests/targets/mps2).
 *
 *   mps2-an385 (Cortex-M3), mps2-an386 (Cortex-M4F): one memory map
 *     0x00000000  4 MiB  ZBT SSRAM1    code (not a heap); mirror at 0x00400000
 *     0x01000000 16 KiB  block RAM     "BRAM"; mirrors at 0x01004000,
 *                                      0x01008000, 0x0100C000
 *     0x20000000  4 MiB  ZBT SSRAM2/3  "SRAM", the internal RAM; mirror at
 *                                      0x20400000
 *     0x21000000 16 MiB  PSRAM         "SPIRAM"
 *   mps2-an500 (Cortex-M7, 32-byte D-cache lines on the real board): the
 *     same without the block RAM, and the PSRAM at 0x60000000.
 * Source: QEMU's hw/arm/mps2.c memory map (and ARM AN385/AN500).
 *
 * The mirrors are the same memory at a second address. They are left out
 * of the tables on purpose: a heap over a mirror would hand out the bytes
 * of another heap. capheap_caps_add_region() refuses an address outside
 * every table region, so a mirror can only become a heap through
 * capheap_caps_add_region_with_caps/_desc, which cannot know: never give
 * those a mirror.
 *
 * The PSRAM is a run-time region, as external RAM is on an ESP32: the test
 * programs link their data, bss, C library heap and stack there, so an
 * application adds the part it does not use with capheap_caps_add_region().
 * Only SRAM is DMA-capable here (the boards' DMA engines sit on that bus in
 * this description); the block RAM is small, fast internal RAM, tried
 * first by plain malloc because start-up heaps go by ascending size.
 */
#include "capheap/chip.h"

enum { BRAM, SRAM, SPIRAM };

#define MPS2_RAM (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT)

static const capheap_mem_type_t types[] = {
    [BRAM] = { "BRAM", { CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DEFAULT, 0, MPS2_RAM }, 0 },
    [SRAM] = { "SRAM", { CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA | CAPHEAP_CAP_DEFAULT, 0,
                         MPS2_RAM }, 0 },
    [SPIRAM] = { "SPIRAM", { CAPHEAP_CAP_SPIRAM | CAPHEAP_CAP_DEFAULT, 0, MPS2_RAM },
                 CAPHEAP_MT_RUNTIME },
};

static const capheap_chip_region_t an385_regions[] = {
    { 0x01000000u, 0x4000u, BRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x20000000u, 0x400000u, SRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x21000000u, 0x1000000u, SPIRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
};

static const capheap_chip_region_t an500_regions[] = {
    { 0x20000000u, 0x400000u, SRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x60000000u, 0x1000000u, SPIRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
};

/* Cortex-M7: a DMA buffer must own whole 32-byte cache lines, so that a
 * clean or invalidate never touches a neighbour. */
static size_t mps2_an500_align(uint32_t caps, size_t align)
{
    size_t need = (caps & (CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED)) ? 32 : 1;
    return need > align ? need : align;
}

const capheap_chip_t capheap_chip_mps2_an385 = {
    "mps2_an385", "Arm MPS2 AN385/AN386 (QEMU): 16 KiB BRAM, 4 MiB SRAM, 16 MiB PSRAM",
    types, sizeof types / sizeof types[0],
    an385_regions, sizeof an385_regions / sizeof an385_regions[0],
    NULL, 0, NULL, 4, 0,
};

const capheap_chip_t capheap_chip_mps2_an500 = {
    "mps2_an500", "Arm MPS2 AN500 Cortex-M7 (QEMU): 4 MiB SRAM, 16 MiB PSRAM at 0x60000000",
    types, sizeof types / sizeof types[0],
    an500_regions, sizeof an500_regions / sizeof an500_regions[0],
    NULL, 0, mps2_an500_align, 4, CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED,
};
