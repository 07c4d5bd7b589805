/* The smallest use of the engine: one heap in a static buffer. */
#include <stdio.h>
#include <string.h>

#include "capheap/heap.h"

static unsigned char region[64 * 1024];

static void show(const capheap_heap_t *heap, const char *when)
{
    capheap_heap_info_t info;
    capheap_heap_get_info(heap, &info);
    printf("%-18s free %6zu  allocated %6zu  largest %6zu  minimum %6zu  blocks %zu used / %zu free\n",
           when, info.total_free_bytes, info.total_allocated_bytes, info.largest_free_block,
           info.minimum_free_bytes, info.allocated_blocks, info.free_blocks);
}

int main(void)
{
    capheap_heap_t *heap = capheap_heap_create(region, sizeof region);
    if (!heap) {
        fprintf(stderr, "region too small\n");
        return 1;
    }
    show(heap, "empty");

    void *blocks[32];
    for (size_t i = 0; i < 32; i++) {
        blocks[i] = capheap_heap_malloc(heap, 64 + 48 * i);
        memset(blocks[i], (int)i, 64 + 48 * i);
    }
    show(heap, "32 blocks");

    for (size_t i = 0; i < 32; i += 2)
        capheap_heap_free(heap, blocks[i]);
    show(heap, "every other freed");

    blocks[1] = capheap_heap_realloc(heap, blocks[1], 4000);
    void *dma = capheap_heap_aligned_alloc(heap, 1024, 256);
    printf("aligned block at offset %zu (mod 256 = %zu)\n",
           (size_t)((unsigned char *)dma - region), (size_t)((uintptr_t)dma % 256));
    show(heap, "realloc + aligned");

    for (size_t i = 1; i < 32; i += 2)
        capheap_heap_free(heap, blocks[i]);
    capheap_heap_free(heap, dma);
    show(heap, "all freed");
    return capheap_heap_check(heap, NULL, NULL) ? 0 : 1;
}
