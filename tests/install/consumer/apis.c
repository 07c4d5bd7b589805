/* A user's program on two compat APIs, ESP-IDF's heap_caps_* and the libc
 * family capheap_libc_*, built with only the targets capheap::espidf and
 * capheap::libc (not capheap::capheap). Exits 0 when both behave. */
#include <stdio.h>
#include <string.h>

#include "capheap_espidf.h"
#include "capheap_malloc.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"

int main(void)
{
    heap_caps_init(); /* the host simulation of CAPHEAP_CHIP (default esp32) */
    size_t before = heap_caps_get_free_size(MALLOC_CAP_DMA);
    void *dma = heap_caps_malloc(256, MALLOC_CAP_DMA);
    if (!dma || heap_caps_get_free_size(MALLOC_CAP_DMA) >= before)
        return 1;
    heap_caps_free(dma);
    if (heap_caps_get_free_size(MALLOC_CAP_DMA) != before)
        return 2;

    /* the C library family over the same default instance */
    capheap_malloc_set_instance(capheap_espidf_instance());
    char *s = capheap_libc_calloc(4, 16);
    if (!s || s[63] != 0 || capheap_libc_malloc_usable_size(s) < 64)
        return 3;
    strcpy(s, "apis");
    s = capheap_libc_realloc(s, 1000);
    if (!s || strcmp(s, "apis") != 0)
        return 4;
    capheap_libc_free(s);
    if (heap_caps_get_free_size(MALLOC_CAP_DMA) != before)
        return 5;
    printf("apis consumer ok\n");
    return 0;
}
