/*
 * Port layer: clz/fls, the monotonic clock, the unwinder, and every lock
 * port's contract (init succeeds, acquire/release pair up, the pthread and
 * futex ports exclude other threads and may be skipped while single-threaded).
 */
#include "capheap/port.h"
#include "check.h"

#include <pthread.h>
#include <string.h>

static void t_clz_fls(void)
{
    CHECK_EQ_U(capheap_port_clz(1), sizeof(size_t) * 8 - 1);
    CHECK_EQ_U(capheap_port_clz(SIZE_MAX), 0);
    CHECK_EQ_U(capheap_port_fls(1), 0);
    CHECK_EQ_U(capheap_port_fls(4096), 12);
    CHECK_EQ_U(capheap_port_fls(4097), 12);
    for (unsigned b = 0; b < sizeof(size_t) * 8; b++) {
        CHECK_EQ_U(capheap_port_fls((size_t)1 << b), b);
        CHECK_EQ_U(capheap_port_clz((size_t)1 << b), sizeof(size_t) * 8 - 1 - b);
    }
}

static void t_clock_and_unwinder(void)
{
    uint64_t a = capheap_port_time_us();
    volatile unsigned long spin = 0;
    for (unsigned long i = 0; i < 3000000; i++)
        spin += i;
    (void)spin;
    uint64_t b = capheap_port_time_us();
    CHECK(a > 0 && b >= a);
    void *frames[8];
    int n = capheap_port_backtrace(frames, 8, 0);
    CHECK(n >= 1 && n <= 8);
    CHECK(CAPHEAP_CALLER_ADDRESS() != NULL);
    CHECK_EQ_U(capheap_port_backtrace(frames, 0, 0), 0);
}

static void t_none_and_critical(void)
{
    capheap_lock_t l;
    const capheap_lock_ops_t *n = &capheap_port_lock_none;
    CHECK(n->init(n->ctx, &l));
    n->acquire(n->ctx, &l);
    n->release(n->ctx, &l);
#if CAPHEAP_PORT_HAS_FUTEX
    CHECK(capheap_port_lock_default() == &capheap_port_lock_futex);
#else
    CHECK(capheap_port_lock_default() == &capheap_port_lock_pthread);
#endif
    CHECK_EQ_U(capheap_port_lock_none.flags, 0);
}

static long shared_counter;

typedef struct {
    const capheap_lock_ops_t *ops;
    capheap_lock_t *lock;
} bump_arg_t;

static void *bump(void *arg)
{
    const bump_arg_t *a = (const bump_arg_t *)arg;
    for (int i = 0; i < 100000; i++) {
        a->ops->acquire(a->ops->ctx, a->lock);
        shared_counter++;
        a->ops->release(a->ops->ctx, a->lock);
    }
    return NULL;
}

/* Four threads bump one counter under the port's lock: no update is lost. */
static void excludes(const capheap_lock_ops_t *p)
{
    capheap_lock_t l;
    REQUIRE(p->init(p->ctx, &l));
    shared_counter = 0;
    bump_arg_t a = { p, &l };
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        REQUIRE(pthread_create(&t[i], NULL, bump, &a) == 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    CHECK_EQ_U(shared_counter, 400000);
    if (p->destroy)
        p->destroy(p->ctx, &l);
}

static void t_pthread_excludes(void)
{
    excludes(&capheap_port_lock_pthread);
    CHECK_EQ_U(capheap_port_lock_pthread.flags, CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED);
}

static void t_futex_excludes(void)
{
#if CAPHEAP_PORT_HAS_FUTEX
    excludes(&capheap_port_lock_futex);
    CHECK_EQ_U(capheap_port_lock_futex.flags, CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED);
#endif
}

int main(void)
{
    RUN(t_clz_fls);
    RUN(t_clock_and_unwinder);
    RUN(t_none_and_critical);
    RUN(t_pthread_excludes);
    RUN(t_futex_excludes);
    return check_summary("caps.port");
}
