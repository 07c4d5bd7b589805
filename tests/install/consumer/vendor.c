/* A user's program on the vendor APIs (issue 5): FreeRTOS heap_5, legacy
 * ESP-IDF 2.x tagged regions and the WM IoT SDK heap, through the installed
 * (or embedded) capheap, with the include paths its package gives. Exits 0
 * when each API behaves. */
#include <stdio.h>

#include "capheap_freertos.h"
#include "esp_heap_alloc_caps.h"
#include "freertos/heap_regions.h"
#include "wm_heap.h"

static _Alignas(16) unsigned char rtos_ram[16384];
static _Alignas(16) unsigned char dram[16384];

int main(void)
{
    HeapRegion_t regions[] = { { rtos_ram, sizeof rtos_ram }, { NULL, 0 } };
    vPortDefineHeapRegions(regions);
    void *p = pvPortMalloc(100);
    if (!p)
        return 1;
    vPortFree(p);
    HeapStats_t st;
    vPortGetHeapStats(&st);
    if (st.xNumberOfSuccessfulAllocations != 1 || st.xNumberOfSuccessfulFrees != 1)
        return 2;

    HeapRegionTagged_t tagged[] = { { dram, sizeof dram, 0, 0 }, { NULL, 0, 0, 0 } };
    vPortDefineHeapRegionsTagged(tagged);
    void *d = pvPortMallocCaps(64, MALLOC_CAP_DMA | MALLOC_CAP_8BIT);
    if (!d || !esp_ptr_dma_capable(d) || xPortGetFreeHeapSizeTagged(0) == 0)
        return 3;
    vPortFreeTagged(d);

    wm_heap_init();
    void *w = wm_heap_caps_alloc(64, WM_HEAP_CAP_SHARED);
    if (!w || ((unsigned long)(size_t)w & 7u))
        return 4;
    wm_heap_caps_free(w);
    if (wm_heap_append_to_heap(WM_HEAP_PSRAM_NAME) != WM_ERR_SUCCESS)
        return 5;
    printf("vendor consumer ok\n");
    return 0;
}
