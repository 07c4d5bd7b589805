/*
 * ESP32-S3 (Xtensa LX7, dual core, SIMD extension): 512 KiB internal SRAM.
 *
 *   D/IRAM 0x3FC88000-0x3FCF0000 (416 KiB) on the data bus, the same memory
 *          linearly at 0x40378000-0x403E0000 on the instruction bus;
 *          the top 64 KiB (0x3FCE0000-) hold the start-up stacks and the
 *          ROM's data until the application runs: deferred;
 *   DRAM   0x3FCF0000-0x3FCF8000 (32 KiB, data cache configured 32 KiB);
 *   RTC fast memory 0x600FE000, 8 KiB;
 *   octal/quad PSRAM mapped through the MMU in the external data window
 *          0x3C000000-0x3E000000; modelled as 8 MiB at 0x3D000000 (after
 *          the flash rodata pages of a typical image).
 * Source: ESP32-S3 Technical Reference Manual, "System and Memory".
 *
 * Reserved ranges model a typical application: IRAM code at the bottom of
 * D/IRAM (seen from the data bus), then .data/.bss, and the ROM's
 * non-reclaimable .bss/.data at the top of the deferred block.
 */
#include "capheap/chip.h"

enum { DRAM, DIRAM, RTCRAM, SPIRAM };

#define S3_INTERNAL_DATA (CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_SIMD)

static const capheap_mem_type_t types[] = {
    [DRAM] = { "DRAM", { CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT, S3_INTERNAL_DATA, 0 }, 0 },
    [DIRAM] = { "D/IRAM", { 0,
                            CAPHEAP_CAP_DMA | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL |
                                CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_SIMD,
                            CAPHEAP_CAP_32BIT | CAPHEAP_CAP_EXEC }, CAPHEAP_MT_DIRAM },
    [RTCRAM] = { "RTCRAM", { CAPHEAP_CAP_RTCRAM,
                             CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT,
                             CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_32BIT }, CAPHEAP_MT_RUNTIME },
    [SPIRAM] = { "SPIRAM", { CAPHEAP_CAP_SPIRAM | CAPHEAP_CAP_DEFAULT, 0,
                             CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_SIMD },
                 CAPHEAP_MT_RUNTIME },
};

#define S3_I_OFFSET ((uintptr_t)0x40378000u - 0x3FC88000u)

static const capheap_chip_region_t regions[] = {
    { 0x3C000000u + 0x1000000u, 0x800000u, SPIRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x3FC88000u, 0x18000u, DIRAM, CAPHEAP_ALIAS_LINEAR, 0, 0x3FC88000u + S3_I_OFFSET },
    { 0x3FCA0000u, 0x40000u, DIRAM, CAPHEAP_ALIAS_LINEAR, 0, 0x3FCA0000u + S3_I_OFFSET },
    { 0x3FCE0000u, 0x10000u, DIRAM, CAPHEAP_ALIAS_LINEAR, CAPHEAP_MT_DEFERRED,
      0x3FCE0000u + S3_I_OFFSET },
    { 0x3FCF0000u, 0x8000u, DRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
    { 0x600FE000u, 0x2000u, RTCRAM, CAPHEAP_ALIAS_NONE, 0, 0 },
};

static const capheap_reserved_t reserved[] = {
    { 0x3FC88000u, 0x3FC9C000u, "application IRAM code (data-bus view)" },
    { 0x3FC9C000u, 0x3FCA6000u, "application .data/.bss" },
    { 0x3FCED710u, 0x3FCF0000u, "ROM .bss/.data" },
};

/* SIMD loads/stores want 16-byte alignment; the data cache line is 32 bytes. */
static size_t esp32s3_align(uint32_t caps, size_t align)
{
    size_t need = 1;
    if (caps & CAPHEAP_CAP_DMA)
        need = 4;
    if (caps & CAPHEAP_CAP_SIMD)
        need = 16;
    if (caps & CAPHEAP_CAP_CACHE_ALIGNED)
        need = 32;
    return need > align ? need : align;
}

const capheap_chip_t capheap_chip_esp32s3 = {
    "esp32s3", "Espressif ESP32-S3: D/IRAM (linear alias), DRAM, RTC fast, 8 MiB PSRAM, SIMD",
    types, sizeof types / sizeof types[0],
    regions, sizeof regions / sizeof regions[0],
    reserved, sizeof reserved / sizeof reserved[0],
    esp32s3_align, 4, CAPHEAP_CAP_DMA | CAPHEAP_CAP_SIMD | CAPHEAP_CAP_CACHE_ALIGNED,
};
