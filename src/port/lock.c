/*
 * Lock ports (capheap/port.h): none, pthread, futex, critical section.
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* syscall() for the futex port */
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

/* ----------------------------------------------------------------- futex */

#if CAPHEAP_PORT_HAS_FUTEX
#include "futex_lock.h"

#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

/* futex(2) on the word, errno kept: allocation must not change it. */
static void fx_futex(capheap_fx_t *l, int op, int val)
{
    int saved = errno;
    (void)syscall(SYS_futex, (void *)l, op, val, NULL, NULL, 0);
    errno = saved;
}

void capheap_fx_lock_slow(capheap_fx_t *l)
{
    for (int spin = 0; spin < 100; spin++) {
        int c = 0;
        if (atomic_load_explicit(l, memory_order_relaxed) == 0 &&
            atomic_compare_exchange_weak_explicit(l, &c, 1, memory_order_acquire, memory_order_relaxed))
            return;
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }
    /* 2: held with waiters, so that the holder's release wakes one */
    while (atomic_exchange_explicit(l, 2, memory_order_acquire) != 0)
        fx_futex(l, FUTEX_WAIT_PRIVATE, 2);
}

void capheap_fx_wake(capheap_fx_t *l)
{
    fx_futex(l, FUTEX_WAKE_PRIVATE, 1);
}

_Static_assert(sizeof(capheap_fx_t) <= sizeof(capheap_lock_t), "the futex word fits");

static capheap_fx_t *fx_of(capheap_lock_t *lock)
{
    return (capheap_fx_t *)(void *)lock->u.words;
}

static bool futex_init(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    memset(lock, 0, sizeof *lock);
    atomic_init(fx_of(lock), 0);
    return true;
}

static void futex_acquire(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    capheap_fx_lock(fx_of(lock));
}

static void futex_release(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    capheap_fx_unlock(fx_of(lock));
}

const capheap_lock_ops_t capheap_port_lock_futex = {
    futex_init, futex_acquire, futex_release, NULL, NULL, CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED
};
#endif

const capheap_lock_ops_t *capheap_port_lock_default(void)
{
#if CAPHEAP_PORT_HAS_FUTEX
    return &capheap_port_lock_futex;
#elif CAPHEAP_PORT_HAS_PTHREAD
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
