/*
 * Reads the exact guest instruction count kept by the bench's Valgrind tool
 * (bench/vgtool/icount.c). Outside that tool the read returns 0, so the
 * counting mode refuses to run (see bench_icount_available).
 */
#ifndef CAPHEAP_BENCH_ICOUNT_H
#define CAPHEAP_BENCH_ICOUNT_H

#include <stdint.h>

#if defined(__x86_64__) && __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define BENCH_ICOUNT_REQ_READ VG_USERREQ_TOOL_BASE('C', 'H')
#define BENCH_ICOUNT() ((uint64_t)VALGRIND_DO_CLIENT_REQUEST_EXPR(0, BENCH_ICOUNT_REQ_READ, 0, 0, 0, 0, 0))
#define BENCH_HAVE_ICOUNT 1
#else
#define BENCH_ICOUNT() ((uint64_t)0)
#define BENCH_HAVE_ICOUNT 0
#endif

#endif
