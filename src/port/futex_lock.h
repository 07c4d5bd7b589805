/*
 * A lock word for Linux (private to the library): 0 free, 1 held, 2 held
 * with waiters. Taking a free lock is one compare-and-swap, releasing one
 * without waiters one exchange, both inline here; the contended paths
 * (spin briefly, then futex(FUTEX_WAIT_PRIVATE); the wake-up) are in
 * lock.c and keep errno. Used by the futex lock port, by the caps layer
 * for that port's locks, and by the LD_PRELOAD library's own locks.
 */
#ifndef CAPHEAP_PORT_FUTEX_LOCK_H
#define CAPHEAP_PORT_FUTEX_LOCK_H

#include <stdatomic.h>

typedef _Atomic int capheap_fx_t;

/* The contended halves (lock.c). */
void capheap_fx_lock_slow(capheap_fx_t *l);
void capheap_fx_wake(capheap_fx_t *l);

static inline void capheap_fx_lock(capheap_fx_t *l)
{
    int c = 0;
    if (!atomic_compare_exchange_strong_explicit(l, &c, 1, memory_order_acquire, memory_order_relaxed))
        capheap_fx_lock_slow(l);
}

static inline void capheap_fx_unlock(capheap_fx_t *l)
{
    if (atomic_exchange_explicit(l, 0, memory_order_release) == 2)
        capheap_fx_wake(l);
}

#endif /* CAPHEAP_PORT_FUTEX_LOCK_H */
