/*
 * Bare metal on QEMU's MPS2 board (mps2-an385/-an386, or -an500 built with
 * CAPHEAP_EXAMPLE_MPS2_AN500): the caps allocator over the board's two RAMs
 * with its chip table (chips/mps2.c), no simulation.
 *
 *   1. heaps over the internal RAMs at start-up (SRAM, block RAM);
 *   2. the part of the PSRAM the program does not use added at run time,
 *      as firmware adds external RAM once its driver is up;
 *   3. DMA buffers placed in internal SRAM, a large frame buffer in PSRAM;
 *   4. statistics per capability printed (semihosting stdout).
 *
 * Run: qemu-system-arm -M mps2-an386 -nographic -semihosting-config
 *      enable=on,target=native -kernel mps2_two_rams
 * (the Cortex-M cells of `make test` run it as example.mps2_two_rams).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capheap/caps.h"

#if defined(CAPHEAP_EXAMPLE_MPS2_AN500)
#define BOARD (&capheap_chip_mps2_an500)
#else
#define BOARD (&capheap_chip_mps2_an385)
#endif

static void print_stdout(void *ctx, const char *text)
{
    (void)ctx;
    fputs(text, stdout);
}

static const char *ram_of(capheap_caps_t *inst, const void *p)
{
    capheap_region_t r;
    const capheap_caps_heap_t *h = capheap_caps_heap_of(inst, p);
    if (!h)
        return "?";
    capheap_caps_heap_region(h, &r);
    return r.name ? r.name : "?";
}

int main(void)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = BOARD;          /* map NULL: the table's addresses are real */
    capheap_caps_t *heap;
    if (capheap_caps_create_from_chip(&cfg, &heap) != CAPHEAP_OK) {
        puts("cannot create the heaps");
        return 1;
    }

    /* External RAM: 2 MiB of PSRAM this program does not otherwise use. */
    enum { PSRAM_PIECE = 2u << 20 };
    char *psram = malloc(PSRAM_PIECE);
    if (!psram || capheap_caps_add_region(heap, psram, psram + PSRAM_PIECE) != CAPHEAP_OK) {
        puts("cannot add the PSRAM");
        return 1;
    }

    /* Four DMA descriptors' buffers: internal SRAM only. */
    void *dma[4];
    for (int i = 0; i < 4; i++) {
        dma[i] = capheap_caps_malloc(heap, 1536, CAPHEAP_CAP_DMA);
        if (!dma[i])
            return 1;
        printf("DMA buffer %d at %p in %s\n", i, dma[i], ram_of(heap, dma[i]));
    }
    /* A 320x240 RGB565 frame buffer: external RAM. */
    void *frame = capheap_caps_malloc(heap, 320 * 240 * 2, CAPHEAP_CAP_SPIRAM);
    if (!frame)
        return 1;
    printf("frame buffer at %p in %s\n", frame, ram_of(heap, frame));
    memset(frame, 0, 320 * 240 * 2);

    printf("free: internal %lu, DMA %lu, SPIRAM %lu bytes\n",
           (unsigned long)capheap_caps_get_free_size(heap, CAPHEAP_CAP_INTERNAL),
           (unsigned long)capheap_caps_get_free_size(heap, CAPHEAP_CAP_DMA),
           (unsigned long)capheap_caps_get_free_size(heap, CAPHEAP_CAP_SPIRAM));
    capheap_caps_print_heap_info(heap, CAPHEAP_CAP_DEFAULT, print_stdout, NULL);

    int ok = strcmp(ram_of(heap, frame), "SPIRAM") == 0;
    for (int i = 0; i < 4; i++) {
        ok = ok && strcmp(ram_of(heap, dma[i]), "SRAM") == 0;
        capheap_caps_free(heap, dma[i]);
    }
    capheap_caps_free(heap, frame);
    ok = ok && capheap_caps_check_integrity_all(heap, print_stdout, NULL);
    capheap_caps_destroy(heap);
    free(psram);
    puts(ok ? "mps2_two_rams: ok" : "mps2_two_rams: FAILED");
    return ok ? 0 : 1;
}
