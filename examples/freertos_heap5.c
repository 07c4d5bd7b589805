/*
 * A FreeRTOS-style application on the heap_5 API (compat/freertos) with
 * capabilities: the application defines its RAM regions as heap_5 wants,
 * allocates task objects with pvPortMalloc, adds a DMA-capable region to the
 * same heap with capabilities, and takes its driver buffers from there with
 * capheap_caps_malloc. No kernel is needed to run it (host or bare metal):
 * the "tasks" are plain functions.
 */
#include <stdio.h>
#include <string.h>

#include "capheap_freertos.h"

/* The board's RAM as the linker leaves it: two general regions and one
 * region the DMA engine can reach (here static arrays). */
static uint64_t ram_a[8 * 1024 / 8];
static uint64_t ram_b[24 * 1024 / 8];
static uint64_t dma_ram[16 * 1024 / 8];

typedef struct message {
    struct message *next;
    unsigned id;
    char text[40];
} message_t;

static message_t *queue_head;

static void producer_task(unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        message_t *m = pvPortMalloc(sizeof *m);
        if (!m)
            return;
        m->id = i;
        snprintf(m->text, sizeof m->text, "sample %u", i);
        m->next = queue_head;
        queue_head = m;
    }
}

static unsigned consumer_task(void)
{
    unsigned n = 0;
    while (queue_head) {
        message_t *m = queue_head;
        queue_head = m->next;
        vPortFree(m);
        n++;
    }
    return n;
}

int main(void)
{
    const HeapRegion_t regions[] = {
        { (uint8_t *)ram_a, sizeof ram_a },
        { (uint8_t *)ram_b, sizeof ram_b },
        { NULL, 0 },
    };
    vPortDefineHeapRegions(regions);
    printf("heap_5: %lu bytes free\n", (unsigned long)xPortGetFreeHeapSize());

    /* The DMA region joins the same heap with its capabilities. */
    capheap_caps_t *heap = capheap_freertos_instance();
    const uint32_t dma_caps[CAPHEAP_PRIORITIES] = {
        CAPHEAP_CAP_DMA | CAPHEAP_CAP_INTERNAL, 0, CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT };
    if (!heap || capheap_caps_add_region_with_caps(heap, dma_caps, dma_ram,
                                                   (char *)dma_ram + sizeof dma_ram) != CAPHEAP_OK) {
        puts("cannot add the DMA region");
        return 1;
    }
    uint8_t *rx = capheap_caps_malloc(heap, 2048, CAPHEAP_CAP_DMA);
    uint8_t *tx = capheap_caps_malloc(heap, 2048, CAPHEAP_CAP_DMA);
    int in_dma = rx && tx && (uintptr_t)rx >= (uintptr_t)dma_ram &&
                 (uintptr_t)tx + 2048 <= (uintptr_t)dma_ram + sizeof dma_ram;
    printf("DMA buffers %s the DMA region\n", in_dma ? "in" : "OUTSIDE");

    producer_task(100);
    size_t during = xPortGetFreeHeapSize();
    unsigned consumed = consumer_task();
    HeapStats_t st;
    vPortGetHeapStats(&st);
    printf("%u messages; free during %lu, after %lu; minimum ever %lu; %lu allocations, %lu frees\n",
           consumed, (unsigned long)during, (unsigned long)st.xAvailableHeapSpaceInBytes,
           (unsigned long)st.xMinimumEverFreeBytesRemaining,
           (unsigned long)st.xNumberOfSuccessfulAllocations,
           (unsigned long)st.xNumberOfSuccessfulFrees);
    vPortFree(rx); /* caps blocks may be freed with vPortFree */
    vPortFree(tx);
    int ok = in_dma && consumed == 100 && st.xNumberOfSuccessfulFrees == 100;
    puts(ok ? "freertos_heap5: ok" : "freertos_heap5: FAILED");
    return ok ? 0 : 1;
}
