/*
 * Owner (task) tracking: the owner of every block and the per-heap owner
 * table (owner_internal.h). Everything runs under the heap's lock.
 */
#include "owner_internal.h"

#if CAPHEAP_TASK_TRACKING

capheap_owner_entry_t *capheap_owner_find(capheap_owner_table_t *t, uintptr_t o)
{
    if (o == CAPHEAP_OWNER_OTHER)
        return &t->other;
    size_t k = t->hint;
    if (k < t->used && t->e[k].owner == o)
        return &t->e[k];
    for (size_t i = 0; i < t->used; i++) {
        if (t->e[i].owner == o) {
            t->hint = i;
            return &t->e[i];
        }
    }
    return NULL;
}

capheap_owner_entry_t *capheap_owner_counted_in(capheap_owner_table_t *t, uintptr_t o)
{
    capheap_owner_entry_t *e = capheap_owner_find(t, o);
    return e ? e : &t->other;
}

/* The entry a new block of o is counted in: o's own, a new one while the
 * table has room and the bucket holds no live block, else the bucket. */
static capheap_owner_entry_t *entry_for_alloc(capheap_owner_table_t *t, uintptr_t o)
{
    capheap_owner_entry_t *e = capheap_owner_find(t, o);
    if (e)
        return e;
    if (o == CAPHEAP_OWNER_ALL || t->used >= CAPHEAP_TASK_TRACKING_OWNERS || t->other.blocks != 0)
        return &t->other;
    size_t i = t->used++;
    t->e[i] = (capheap_owner_entry_t){ o, 0, 0, 0 };
    t->hint = i;
    return &t->e[i];
}

void capheap_owner_alloc(capheap_heap_t *h, uintptr_t u, size_t n)
{
    uintptr_t o = capheap_port_owner();
    memcpy((void *)(u - CAPHEAP_DEBUG_OWNER_BACK), &o, sizeof o);
    capheap_owner_entry_t *e = entry_for_alloc(capheap_owner_table(h), o);
    e->current += n;
    e->blocks++;
    if (e->current > e->peak)
        e->peak = e->current;
}

void capheap_owner_release(capheap_heap_t *h, uintptr_t owner, size_t n)
{
    capheap_owner_entry_t *e = capheap_owner_counted_in(capheap_owner_table(h), owner);
    CAPHEAP_ASSERT(e->current >= n && e->blocks > 0);
    e->current -= n;
    e->blocks--;
}

void capheap_owner_reset_peak(capheap_owner_table_t *t, uintptr_t o)
{
    if (o != CAPHEAP_OWNER_ALL) {
        capheap_owner_entry_t *e = capheap_owner_find(t, o);
        if (e)
            e->peak = e->current;
        return;
    }
    t->other.peak = t->other.current;
    for (size_t i = 0; i < t->used; i++)
        t->e[i].peak = t->e[i].current;
}

size_t capheap_owner_forget(capheap_owner_table_t *t, uintptr_t o)
{
    size_t dropped = 0, keep = 0;
    if (o == CAPHEAP_OWNER_ALL || o == CAPHEAP_OWNER_OTHER)
        t->other.peak = t->other.current;
    for (size_t i = 0; i < t->used; i++) {
        capheap_owner_entry_t e = t->e[i];
        if (o == CAPHEAP_OWNER_ALL || e.owner == o) {
            if (e.blocks == 0) {
                dropped++;
                continue;
            }
            e.peak = e.current;
        }
        t->e[keep++] = e; /* the remaining entries keep their order */
    }
    t->used = keep;
    t->hint = 0;
    return dropped;
}

#endif
