/*
 * Owner (task) accounting hooks of the debug layer (private). With
 * CAPHEAP_TASK_TRACKING each block's hidden header holds its owner
 * (capheap_port_owner() when it was allocated); these keep the per-owner
 * figures in step. Without task tracking they are empty.
 */
#ifndef CAPHEAP_DEBUG_OWNER_INTERNAL_H
#define CAPHEAP_DEBUG_OWNER_INTERNAL_H

#include "capheap/debug.h"
#include "capheap/port.h"

#include <string.h>

#if CAPHEAP_TASK_TRACKING

/* The owner recorded in the hidden header of user pointer u. */
static inline uintptr_t capheap_owner_of(uintptr_t u)
{
    uintptr_t o;
    memcpy(&o, (const void *)(u - CAPHEAP_DEBUG_OWNER_BACK), sizeof o);
    return o;
}

/* A block of n bytes at u was allocated in heap h: records the current
 * owner in it and counts it. */
void capheap_owner_alloc(capheap_heap_t *h, uintptr_t u, size_t n);
/* n bytes of owner o left heap h. */
void capheap_owner_release(capheap_heap_t *h, uintptr_t owner, size_t n);

/* The block at u (n bytes) is about to be freed. */
static inline void capheap_owner_free(capheap_heap_t *h, uintptr_t u, size_t n)
{
    capheap_owner_release(h, capheap_owner_of(u), n);
}

#else

static inline uintptr_t capheap_owner_of(uintptr_t u) { (void)u; return 0; }
static inline void capheap_owner_alloc(capheap_heap_t *h, uintptr_t u, size_t n) { (void)h; (void)u; (void)n; }
static inline void capheap_owner_release(capheap_heap_t *h, uintptr_t o, size_t n) { (void)h; (void)o; (void)n; }
static inline void capheap_owner_free(capheap_heap_t *h, uintptr_t u, size_t n) { (void)h; (void)u; (void)n; }

#endif

#endif /* CAPHEAP_DEBUG_OWNER_INTERNAL_H */
