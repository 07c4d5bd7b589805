/*
 * Clock, unwinder and abort of the port layer (capheap/port.h).
 */
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "capheap/port.h"

#if CAPHEAP_PORT_HAS_PTHREAD
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#if defined(__GLIBC__)
#include <execinfo.h>
#endif
#endif

static capheap_owner_fn owner_fn;

void capheap_port_set_owner_fn(capheap_owner_fn fn)
{
    owner_fn = fn;
}

#if CAPHEAP_PORT_HAS_PTHREAD

static uintptr_t host_thread_owner(void)
{
    static _Atomic uintptr_t next_id = 1;
    static _Thread_local uintptr_t my_id;
    if (my_id == 0)
        my_id = next_id++;
    return my_id;
}

uintptr_t capheap_port_owner(void)
{
    capheap_owner_fn fn = owner_fn;
    return fn ? fn() : host_thread_owner();
}

uint64_t capheap_port_time_us(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

int capheap_port_backtrace(void **frames, int depth, int skip)
{
#if defined(__GLIBC__)
    void *tmp[64];
    int want = depth + skip + 1;
    if (!frames || depth <= 0 || skip < 0)
        return 0;
    if (want > 64)
        want = 64;
    int got = backtrace(tmp, want) - 1 - skip; /* drop this function and `skip` */
    if (got <= 0)
        return 0;
    if (got > depth)
        got = depth;
    for (int i = 0; i < got; i++)
        frames[i] = tmp[i + 1 + skip];
    return got;
#else
    (void)frames;
    (void)depth;
    (void)skip;
    return 0;
#endif
}

void capheap_port_abort(const char *why)
{
    /* nothing useful is left to do if stderr fails: abort anyway */
    (void)fputs("capheap: ", stderr);
    (void)fputs(why ? why : "abort", stderr);
    (void)fputs("\n", stderr);
    (void)fflush(stderr);
    abort();
}

#else /* bare metal */

uintptr_t capheap_port_owner(void)
{
    capheap_owner_fn fn = owner_fn;
    return fn ? fn() : CAPHEAP_OWNER_PRE_SCHEDULER;
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((weak))
#endif
uint64_t capheap_port_time_us(void)
{
    return 0;
}

int capheap_port_backtrace(void **frames, int depth, int skip)
{
    (void)frames;
    (void)depth;
    (void)skip;
    return 0;
}

void capheap_port_abort(const char *why)
{
    (void)why;
    for (;;)
        __builtin_trap();
}

#endif
