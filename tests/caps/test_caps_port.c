/*
 * Port layer: clz/fls, the monotonic clock, the unwinder, and every lock
 * port's contract (init succeeds, acquire/release pair up, the pthread port
 * excludes a second thread).
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
    CHECK(capheap_port_lock_default() == &capheap_port_lock_pthread);
}

static long shared_counter;

static void *bump(void *arg)
{
    capheap_lock_t *l = (capheap_lock_t *)arg;
    const capheap_lock_ops_t *p = &capheap_port_lock_pthread;
    for (int i = 0; i < 100000; i++) {
        p->acquire(p->ctx, l);
        shared_counter++;
        p->release(p->ctx, l);
    }
    return NULL;
}

static void t_pthread_excludes(void)
{
    capheap_lock_t l;
    const capheap_lock_ops_t *p = &capheap_port_lock_pthread;
    REQUIRE(p->init(p->ctx, &l));
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        REQUIRE(pthread_create(&t[i], NULL, bump, &l) == 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    CHECK_EQ_U(shared_counter, 400000);
    p->destroy(p->ctx, &l);
}

int main(void)
{
    RUN(t_clz_fls);
    RUN(t_clock_and_unwinder);
    RUN(t_none_and_critical);
    RUN(t_pthread_excludes);
    return check_summary("caps.port");
}
