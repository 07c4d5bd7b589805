/*
 * An ESP-IDF application component's main file, written against ESP-IDF's
 * own headers only (esp_heap_caps.h, esp_err.h): it compiles unchanged in an
 * ESP-IDF project and, on a PC, against capheap's ESP-IDF layer
 * (compat/espidf) with host_start.c standing in for the ESP-IDF start-up
 * code (which runs heap_caps_init() before app_main()).
 *
 * It does what a network application does at start: DMA-capable buffers for
 * a peripheral, a large buffer that may live in external RAM, and a check of
 * the memory left by capability.
 */
#include <stdio.h>
#include <string.h>

#include "esp_heap_caps.h"

int app_main_result; /* read by the host stand-in; unused on a device */

void app_main(void)
{
    uint8_t *rx = heap_caps_malloc(1600, MALLOC_CAP_DMA | MALLOC_CAP_8BIT);
    uint8_t *tx = heap_caps_calloc(1, 1600, MALLOC_CAP_DMA | MALLOC_CAP_8BIT);
    uint8_t *big = heap_caps_malloc(64 * 1024, MALLOC_CAP_SPIRAM | MALLOC_CAP_8BIT);
    if (!big) /* no external RAM on this chip: take internal memory */
        big = heap_caps_malloc(64 * 1024, MALLOC_CAP_DEFAULT);
    printf("rx %p tx %p big %p\n", (void *)rx, (void *)tx, (void *)big);
    printf("free: DMA %u, internal %u, largest internal block %u\n",
           (unsigned)heap_caps_get_free_size(MALLOC_CAP_DMA),
           (unsigned)heap_caps_get_free_size(MALLOC_CAP_INTERNAL),
           (unsigned)heap_caps_get_largest_free_block(MALLOC_CAP_INTERNAL));
    int ok = rx && tx && big && tx[0] == 0 && tx[1599] == 0 &&
             heap_caps_check_integrity_all(true);
    if (rx)
        memset(rx, 0x55, 1600);
    heap_caps_free(big);
    heap_caps_free(tx);
    heap_caps_free(rx);
    app_main_result = ok ? 0 : 1;
    printf("app_main: %s\n", ok ? "ok" : "FAILED");
}
