/* A program written for ESP-IDF's heap API, built against an installed
 * capheap with `pkg-config --cflags --libs capheap-espidf` (as C and C++). */
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "esp_memory_utils.h"
#include "multi_heap.h"

#include <stdio.h>
#include <string.h>

static unsigned char region[8192];

int main(void)
{
    heap_caps_init();
    void *dma = heap_caps_malloc(256, MALLOC_CAP_DMA);
    void *exec = heap_caps_malloc(256, MALLOC_CAP_EXEC);
    multi_heap_handle_t h = multi_heap_register(region, sizeof region);
    void *m = multi_heap_malloc(h, 100);
    int ok = dma && exec && m && esp_ptr_dma_capable(dma) && esp_ptr_executable(exec) &&
             heap_caps_check_integrity_all(true) && multi_heap_check(h, true);
    heap_caps_free(dma);
    heap_caps_free(exec);
    multi_heap_free(h, m);
    printf("consumer: %s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
