/*
 * ESP32 (Xtensa LX6, dual core): 520 KiB internal SRAM in three blocks.
 *
 *   SRAM2  0x3FFAE000-0x3FFE0000  200 KiB  data bus only          "DRAM"
 *   SRAM1  0x3FFE0000-0x40000000  128 KiB  data bus, and the
 *                                 instruction bus at 0x400A0000-0x400C0000
 *                                 in reversed word order          "D/IRAM"
 *   SRAM0  0x40070000-0x400A0000  192 KiB  instruction bus only   "IRAM"
 *                                 (first 64 KiB: flash cache)
 *   RTC fast memory 0x3FF80000, 8 KiB (PRO CPU data bus)          "RTCRAM"
 *   external PSRAM  0x3F800000, 4 MiB window                      "SPIRAM"
 *
 * Source: ESP32 Technical Reference Manual, "System and Memory" (address
 * map, embedded memory), and ESP-IDF's documented heap start-up log.
 *
 * Reserved ranges model a typical application: ROM data at the bottom of
 * SRAM2 and in SRAM1 (PRO and APP CPU ROM data), the application's
 * .data/.bss from 0x3FFB0000, the flash cache and the application's IRAM
 * code in SRAM0. With them the start-up summary is exactly ESP-IDF's:
 *   At 3FFAE6E0 len 00001920 (6 KiB): DRAM
 *   At 3FFB2EC8 len 0002D138 (180 KiB): DRAM
 *   At 3FFE0440 len 00003AE0 (14 KiB): D/IRAM   (deferred: ROM PRO stack)
 *   At 3FFE4350 len 0001BCB0 (111 KiB): D/IRAM
 *   At 4008944C len 00016BB4 (90 KiB): IRAM
 * The block 0x3FFE0000-0x3FFE4000 holds the PRO CPU's start-up stack
 * (0x3FFE1320-0x3FFE3F20) while the ROM boots: it is a deferred region that
 * joins the heaps on capheap_caps_enable_deferred(). RTC fast RAM and
 * SPIRAM are run-time regions (added by the application when it allows
 * them / once the PSRAM is initialised).
 */
#include "capheap/chip.h"

enum { DRAM, DIRAM, IRAM, RTCRAM, SPIRAM };

static const capheap_mem_type_t types[] = {
    [DRAM] = { "DRAM", { CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT,
                         CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA | CAPHEAP_CAP_32BIT,
                         0 }, 0 },
    [DIRAM] = { "D/IRAM", { 0,
                            CAPHEAP_CAP_DMA | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL |
                                CAPHEAP_CAP_DEFAULT,
                            CAPHEAP_CAP_32BIT | CAPHEAP_CAP_EXEC }, CAPHEAP_MT_DIRAM },
    [IRAM] = { "IRAM", { CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_INTERNAL, 0, 0 }, 0 },
    [RTCRAM] = { "RTCRAM", { CAPHEAP_CAP_RTCRAM,
                             CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT,
                             CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_32BIT }, CAPHEAP_MT_RUNTIME },
    [SPIRAM] = { "SPIRAM", { CAPHEAP_CAP_SPIRAM | CAPHEAP_CAP_DEFAULT, 0,
                             CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT }, CAPHEAP_MT_RUNTIME },
};

/* SRAM1's instruction view is reversed: the view of [s, s+n) starts at
 * 0x400C0000 - (s + n - 0x3FFE0000). */
#define SRAM1_IVIEW(s, n) ((uintptr_t)0x400C0000u - ((uintptr_t)(s) + (n) - 0x3FFE0000u))

static const capheap_chip_region_t regions[] = {
    { 0x3F800000u, 0x400000u, SPIRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x3FF80000u, 0x2000u, RTCRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    /* SRAM2 in its 8/32 KiB pools; the layout coalesces them */
    { 0x3FFAE000u, 0x2000u, DRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x3FFB0000u, 0x8000u, DRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x3FFB8000u, 0x8000u, DRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x3FFC0000u, 0x20000u, DRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    /* SRAM1 */
    { 0x3FFE0000u, 0x4000u, DIRAM, CAPHEAP_ALIAS_WORD_REVERSED, CAPHEAP_MT_DEFERRED,
      SRAM1_IVIEW(0x3FFE0000u, 0x4000u) },
    { 0x3FFE4000u, 0x4000u, DIRAM, CAPHEAP_ALIAS_WORD_REVERSED, 0,
      SRAM1_IVIEW(0x3FFE4000u, 0x4000u) },
    { 0x3FFE8000u, 0x18000u, DIRAM, CAPHEAP_ALIAS_WORD_REVERSED, 0,
      SRAM1_IVIEW(0x3FFE8000u, 0x18000u) },
    /* SRAM0 */
    { 0x40070000u, 0x10000u, IRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x40080000u, 0x20000u, IRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
};

static const capheap_reserved_t reserved[] = {
    { 0x3FFAE000u, 0x3FFAE6E0u, "ROM data" },
    { 0x3FFB0000u, 0x3FFB2EC8u, "application .data/.bss" },
    { 0x3FFE0000u, 0x3FFE0440u, "ROM data (PRO CPU)" },
    { 0x3FFE3F20u, 0x3FFE4350u, "ROM data (APP CPU)" },
    { 0x40070000u, 0x40080000u, "flash cache (both CPUs)" },
    { 0x40080000u, 0x4008944Cu, "application IRAM code" },
};

/* No data cache in front of internal RAM; DMA wants 32-bit words. The PSRAM
 * cache line is 32 bytes. */
static size_t esp32_align(uint32_t caps, size_t align)
{
    size_t need = 1;
    if (caps & CAPHEAP_CAP_DMA)
        need = 4;
    if (caps & CAPHEAP_CAP_CACHE_ALIGNED)
        need = 32;
    return need > align ? need : align;
}

const capheap_chip_t capheap_chip_esp32 = {
    "esp32", "Espressif ESP32: DRAM, D/IRAM (word-reversed alias), IRAM, RTC fast, 4 MiB PSRAM",
    types, sizeof types / sizeof types[0],
    regions, sizeof regions / sizeof regions[0],
    reserved, sizeof reserved / sizeof reserved[0],
    esp32_align, 4, CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED,
};
