/*
 * Owner (task) accounting of the debug layer (private). With
 * CAPHEAP_TASK_TRACKING each block's hidden header holds its owner
 * (capheap_port_owner() when it was allocated), and each engine heap has an
 * owner table just below its region:
 *
 *   | pad | owner table (CAPHEAP_OWNER_TABLE_BYTES) | engine heap ...... |
 *         ^ aligned                                ^ capheap_heap_region_start(h)
 *
 * placed there by capheap_dbg_heap_create, so a heap finds its table in
 * O(1) without the engine knowing of it. The table is read and written
 * under the heap's lock (the caller's, as for the engine).
 *
 * Invariant: a live block of owner o is counted in o's entry when o has
 * one, else in the "other" bucket. Kept by: an entry is made for a new owner
 * only while "other" has no live block, and dropped only when it has none.
 * Without task tracking everything here is empty.
 */
#ifndef CAPHEAP_DEBUG_OWNER_INTERNAL_H
#define CAPHEAP_DEBUG_OWNER_INTERNAL_H

#include "capheap/debug.h"
#include "capheap/port.h"

#include <string.h>

#if CAPHEAP_TASK_TRACKING

/* One owner's figures in one heap. */
typedef struct {
    uintptr_t owner;
    size_t current;   /* bytes of live blocks */
    size_t peak;      /* highest current since made or reset */
    size_t blocks;    /* live blocks */
} capheap_owner_entry_t;

typedef struct capheap_owner_table {
    size_t used;                  /* entries e[0 .. used) are owners */
    size_t hint;                  /* index of the last entry found */
    capheap_owner_entry_t other;  /* owners that found the table full */
    capheap_owner_entry_t e[CAPHEAP_TASK_TRACKING_OWNERS];
} capheap_owner_table_t;

/* Bytes the table takes below each heap (a multiple of the alignment). */
#define CAPHEAP_OWNER_TABLE_BYTES \
    ((sizeof(capheap_owner_table_t) + (size_t)CAPHEAP_ALIGNMENT - 1) & ~((size_t)CAPHEAP_ALIGNMENT - 1))

/* The table of heap h (made by capheap_dbg_heap_create). O(1). */
static inline capheap_owner_table_t *capheap_owner_table(const capheap_heap_t *h)
{
    return (capheap_owner_table_t *)((uintptr_t)capheap_heap_region_start(h) -
                                     CAPHEAP_OWNER_TABLE_BYTES);
}

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

/* o's own entry (the bucket for CAPHEAP_OWNER_OTHER), NULL if none. */
capheap_owner_entry_t *capheap_owner_find(capheap_owner_table_t *t, uintptr_t o);
/* The entry counting owner o's blocks in t: o's own, else the "other"
 * bucket. Never NULL. */
capheap_owner_entry_t *capheap_owner_counted_in(capheap_owner_table_t *t, uintptr_t o);
/* Peak := current for o (CAPHEAP_OWNER_ALL: every entry and the bucket). */
void capheap_owner_reset_peak(capheap_owner_table_t *t, uintptr_t o);
/* Drops o's entry (CAPHEAP_OWNER_ALL: every entry) when it has no live
 * block, else resets its peak; the bucket (OTHER or ALL) only has its peak
 * reset. Returns the number dropped. */
size_t capheap_owner_forget(capheap_owner_table_t *t, uintptr_t o);

#else

static inline uintptr_t capheap_owner_of(uintptr_t u) { (void)u; return 0; }
static inline void capheap_owner_alloc(capheap_heap_t *h, uintptr_t u, size_t n) { (void)h; (void)u; (void)n; }
static inline void capheap_owner_release(capheap_heap_t *h, uintptr_t o, size_t n) { (void)h; (void)o; (void)n; }
static inline void capheap_owner_free(capheap_heap_t *h, uintptr_t u, size_t n) { (void)h; (void)u; (void)n; }

#endif

#endif /* CAPHEAP_DEBUG_OWNER_INTERNAL_H */
