/* A user's program: one heap in a static buffer, through the installed (or
 * embedded) capheap. Exits 0 when the library behaves. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <capheap/heap.h>

#if !defined(CAPHEAP_POISONING_LEVEL) || !defined(CAPHEAP_HEAP_TRACING) || \
    !defined(CAPHEAP_TASK_TRACKING)
#error "the package must pass capheap's build options on to its users"
#endif
/* (asserts, not #if: the default CAPHEAP_ALIGNMENT is an _Alignof) */
#if defined(CAPHEAP_EXPECT_ALIGNMENT)
_Static_assert(CAPHEAP_ALIGNMENT == CAPHEAP_EXPECT_ALIGNMENT, "CAPHEAP_ALIGNMENT differs from the installed library's");
#endif
#if defined(CAPHEAP_EXPECT_CHECKS)
_Static_assert(CAPHEAP_CHECKS == CAPHEAP_EXPECT_CHECKS, "CAPHEAP_CHECKS differs from the installed library's");
#endif

static unsigned char region[32 * 1024];

int main(void)
{
    capheap_heap_t *heap = capheap_heap_create(region, sizeof region);
    if (!heap)
        return 1;
    size_t empty = capheap_heap_free_size(heap);
    char *s = capheap_heap_malloc(heap, 64);
    if (!s || (uintptr_t)s % CAPHEAP_ALIGNMENT != 0)
        return 2;
    strcpy(s, "consumer");
    capheap_heap_free(heap, s);
    if (capheap_heap_free_size(heap) != empty || !capheap_heap_check(heap, NULL, NULL))
        return 3;
    printf("consumer ok (poisoning level %d, alignment %d, checks %d)\n", CAPHEAP_POISONING_LEVEL,
           (int)CAPHEAP_ALIGNMENT, (int)CAPHEAP_CHECKS);
    return 0;
}
