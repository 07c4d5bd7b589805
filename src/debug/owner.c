/*
 * Owner (task) tracking: the owner of every block and per-owner figures.
 */
#include "owner_internal.h"

#if CAPHEAP_TASK_TRACKING

void capheap_owner_alloc(capheap_heap_t *h, uintptr_t u, size_t n)
{
    (void)h;
    (void)n;
    uintptr_t o = capheap_port_owner();
    memcpy((void *)(u - CAPHEAP_DEBUG_OWNER_BACK), &o, sizeof o);
}

void capheap_owner_release(capheap_heap_t *h, uintptr_t owner, size_t n)
{
    (void)h;
    (void)owner;
    (void)n;
}

#endif
