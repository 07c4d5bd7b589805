/*
 * Lock ports (capheap/port.h): none, pthread, critical section.
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "capheap/port.h"

#include <string.h>

#if CAPHEAP_PORT_HAS_PTHREAD
#include <pthread.h>
#endif

/* ------------------------------------------------------------------ none */

static bool none_init(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    memset(lock, 0, sizeof *lock);
    return true;
}

static void none_op(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    (void)lock;
}

const capheap_lock_ops_t capheap_port_lock_none = { none_init, none_op, none_op, none_op, NULL, 0 };

/* --------------------------------------------------------------- pthread */

#if CAPHEAP_PORT_HAS_PTHREAD
_Static_assert(sizeof(pthread_mutex_t) <= sizeof(capheap_lock_t),
               "raise CAPHEAP_LOCK_WORDS: pthread_mutex_t does not fit");

static pthread_mutex_t *as_mutex(capheap_lock_t *lock)
{
    return (pthread_mutex_t *)(void *)lock->u.words;
}

static bool pthread_init(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    return pthread_mutex_init(as_mutex(lock), NULL) == 0;
}

static void pthread_acquire(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    (void)pthread_mutex_lock(as_mutex(lock));
}

static void pthread_release(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    (void)pthread_mutex_unlock(as_mutex(lock));
}

static void pthread_destroy(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    (void)pthread_mutex_destroy(as_mutex(lock));
}

const capheap_lock_ops_t capheap_port_lock_pthread = {
    pthread_init, pthread_acquire, pthread_release, pthread_destroy, NULL,
    CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED
};
#endif

const capheap_lock_ops_t *capheap_port_lock_default(void)
{
#if CAPHEAP_PORT_HAS_PTHREAD
    return &capheap_port_lock_pthread;
#else
    return &capheap_port_lock_none;
#endif
}

/* ------------------------------------------------------- critical section */

static void critical_enter(void *ctx, capheap_lock_t *lock)
{
    const capheap_critical_port_t *cs = (const capheap_critical_port_t *)ctx;
    cs->enter(cs->arg, lock);
}

static void critical_exit(void *ctx, capheap_lock_t *lock)
{
    const capheap_critical_port_t *cs = (const capheap_critical_port_t *)ctx;
    cs->exit(cs->arg, lock);
}

void capheap_port_lock_critical(capheap_lock_ops_t *ops, const capheap_critical_port_t *cs)
{
    ops->init = none_init;
    ops->acquire = critical_enter;
    ops->release = critical_exit;
    ops->destroy = NULL;
    ops->ctx = (void *)(uintptr_t)cs;
    ops->flags = 0; /* interrupts may take it: never skipped */
}
