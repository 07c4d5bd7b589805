/*
 * ESP32-C3 (RISC-V RV32IMC, single core): 400 KiB SRAM, of which 16 KiB
 * serve the instruction cache.
 *
 *   D/IRAM 0x3FC80000-0x3FCE0000 (384 KiB) on the data bus, the same memory
 *          linearly at 0x40380000-0x403E0000 on the instruction bus;
 *          the top 128 KiB block (0x3FCC0000-) holds the start-up stack
 *          and ROM data: deferred, and given out as data RAM only;
 *   RTC fast memory 0x50000000, 8 KiB (data and instruction, one address).
 * No PSRAM. Source: ESP32-C3 Technical Reference Manual, "System and Memory".
 *
 * Reserved ranges model a typical application: IRAM code at the bottom of
 * D/IRAM, then .data/.bss, and the ROM's data at the top.
 */
#include "capheap/chip.h"

enum { DIRAM, STACK_DRAM, RTCRAM };

static const capheap_mem_type_t types[] = {
    [DIRAM] = { "D/IRAM", { 0,
                            CAPHEAP_CAP_DMA | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL |
                                CAPHEAP_CAP_DEFAULT,
                            CAPHEAP_CAP_32BIT | CAPHEAP_CAP_EXEC }, CAPHEAP_MT_DIRAM },
    [STACK_DRAM] = { "STACK/DRAM", { CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT,
                                     CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA | CAPHEAP_CAP_32BIT,
                                     0 }, CAPHEAP_MT_DEFERRED },
    [RTCRAM] = { "RTCRAM", { CAPHEAP_CAP_RTCRAM,
                             CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT,
                             CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_32BIT }, CAPHEAP_MT_RUNTIME },
};

#define C3_I_OFFSET ((uintptr_t)0x40380000u - 0x3FC80000u)

static const capheap_chip_region_t regions[] = {
    { 0x3FC80000u, 0x20000u, DIRAM, CAPHEAP_ALIAS_LINEAR, 0, 0x3FC80000u + C3_I_OFFSET },
    { 0x3FCA0000u, 0x20000u, DIRAM, CAPHEAP_ALIAS_LINEAR, 0, 0x3FCA0000u + C3_I_OFFSET },
    { 0x3FCC0000u, 0x20000u, STACK_DRAM, CAPHEAP_ALIAS_LINEAR, 0, 0x3FCC0000u + C3_I_OFFSET },
    { 0x50000000u, 0x2000u, RTCRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
};

static const capheap_reserved_t reserved[] = {
    { 0x3FC80000u, 0x3FC8E000u, "application IRAM code (data-bus view)" },
    { 0x3FC8E000u, 0x3FC93000u, "application .data/.bss" },
    { 0x3FCDE710u, 0x3FCE0000u, "ROM .bss/.data" },
};

static size_t esp32c3_align(uint32_t caps, size_t align)
{
    size_t need = (caps & CAPHEAP_CAP_DMA) ? 4 : 1;
    return need > align ? need : align;
}

const capheap_chip_t capheap_chip_esp32c3 = {
    "esp32c3", "Espressif ESP32-C3: D/IRAM (linear alias), start-up stack block, RTC fast",
    types, sizeof types / sizeof types[0],
    regions, sizeof regions / sizeof regions[0],
    reserved, sizeof reserved / sizeof reserved[0],
    esp32c3_align, 4, CAPHEAP_CAP_DMA,
};
