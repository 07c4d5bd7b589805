/*
 * STM32H743 (Cortex-M7 with 16 KiB D-cache, 32-byte lines): 1 MiB of RAM in
 * several domains, plus external SDRAM on the FMC.
 *
 *   DTCM    0x20000000 128 KiB  D1, CPU only: not reachable by DMA1/2
 *   AXI     0x24000000 512 KiB  D1, AXI SRAM: every DMA, behind the D-cache
 *   SRAM1   0x30000000 128 KiB  D2  \
 *   SRAM2   0x30020000 128 KiB  D2   } contiguous, DMA1/2
 *   SRAM3   0x30040000  32 KiB  D2  /
 *   SRAM4   0x38000000  64 KiB  D3, the only RAM the BDMA reaches: marked
 *                               reserve, so ordinary requests use it last
 *   SDRAM   0xC0000000  32 MiB  FMC bank 1 (board dependent): run-time
 * ITCM (0x00000000, 64 KiB) is left to code; backup SRAM is not a heap.
 * Source: RM0433 (STM32H742/743/750/753 reference manual), memory map.
 *
 * The SRAM1-3 regions touch and share a type: the layout coalesces them
 * into one 288 KiB heap. Reserved: the application's .data/.bss at the
 * bottom of DTCM and the main stack at its top.
 */
#include "capheap/chip.h"

enum { DTCM, AXI, SRAM_D2, SRAM4, SDRAM };

#define H7_RAM (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_INTERNAL)

static const capheap_mem_type_t types[] = {
    [DTCM] = { "DTCM", { CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_TCM, H7_RAM, 0 }, 0 },
    [AXI] = { "AXISRAM", { CAPHEAP_CAP_DMA, CAPHEAP_CAP_DEFAULT, H7_RAM }, 0 },
    [SRAM_D2] = { "SRAM_D2", { CAPHEAP_CAP_DMA, CAPHEAP_CAP_DEFAULT, H7_RAM }, 0 },
    [SRAM4] = { "SRAM4", { CAPHEAP_CAP_DMA, CAPHEAP_CAP_DEFAULT, H7_RAM },
                CAPHEAP_MT_RESERVE },
    [SDRAM] = { "SDRAM", { CAPHEAP_CAP_SPIRAM | CAPHEAP_CAP_DEFAULT, 0,
                           CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT },
                CAPHEAP_MT_RUNTIME },
};

static const capheap_chip_region_t regions[] = {
    { 0x20000000u, 0x20000u, DTCM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x24000000u, 0x80000u, AXI, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x30000000u, 0x20000u, SRAM_D2, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x30020000u, 0x20000u, SRAM_D2, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x30040000u, 0x8000u, SRAM_D2, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x38000000u, 0x10000u, SRAM4, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0xC0000000u, 0x2000000u, SDRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
};

static const capheap_reserved_t reserved[] = {
    { 0x20000000u, 0x20004000u, "application .data/.bss" },
    { 0x2001C000u, 0x20020000u, "main stack" },
};

/* DMA buffers behind the D-cache must own whole cache lines so that clean /
 * invalidate never touch a neighbour. */
static size_t stm32h743_align(uint32_t caps, size_t align)
{
    size_t need = (caps & (CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED)) ? 32 : 1;
    return need > align ? need : align;
}

const capheap_chip_t capheap_chip_stm32h743 = {
    "stm32h743", "ST STM32H743: DTCM, AXI SRAM, SRAM1-3, SRAM4 (reserve), 32 MiB SDRAM",
    types, sizeof types / sizeof types[0],
    regions, sizeof regions / sizeof regions[0],
    reserved, sizeof reserved / sizeof reserved[0],
    stm32h743_align, 4, CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED,
};
