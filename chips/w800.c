/*
 * WinnerMicro W800 (XT804 CK804 core): 288 KiB SRAM and optional PSRAM.
 *
 *   SRAM   0x20000000-0x20028000 (160 KiB): data and code
 *   DRAM   0x20028000-0x20048000 (128 KiB): data, shared with the Wi-Fi
 *          and peripheral DMA engines ("SHARED" in the WM IoT SDK's heap
 *          attributes, which capheap expresses as CAPHEAP_CAP_DMA)
 *   PSRAM  0x30000000, up to 8 MiB through the PSRAM controller: only for
 *          requests that ask for it (CAPHEAP_CAP_SPIRAM), never DEFAULT
 * Source: W800 datasheet / register manual, memory map.
 *
 * Reserved: the application's .data/.bss at the bottom of SRAM (code runs
 * from flash, XIP).
 */
#include "capheap/chip.h"

enum { SRAM, SHARED, PSRAM };

static const capheap_mem_type_t types[] = {
    [SRAM] = { "SRAM", { CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT,
                         CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_EXEC, 0 }, 0 },
    [SHARED] = { "DRAM", { CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT,
                           CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_DMA, 0 }, 0 },
    [PSRAM] = { "PSRAM", { CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT, 0 },
                CAPHEAP_MT_RUNTIME },
};

static const capheap_chip_region_t regions[] = {
    { 0x20000000u, 0x28000u, SRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x20028000u, 0x20000u, SHARED, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x30000000u, 0x800000u, PSRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
};

static const capheap_reserved_t reserved[] = {
    { 0x20000000u, 0x2000A000u, "application .data/.bss" },
};

static size_t w800_align(uint32_t caps, size_t align)
{
    size_t need = (caps & (CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED)) ? 4 : 1;
    return need > align ? need : align;
}

const capheap_chip_t capheap_chip_w800 = {
    "w800", "WinnerMicro W800: 160 KiB SRAM (exec), 128 KiB shared DRAM, 8 MiB PSRAM",
    types, sizeof types / sizeof types[0],
    regions, sizeof regions / sizeof regions[0],
    reserved, sizeof reserved / sizeof reserved[0],
    w800_align, 4, CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED,
};
