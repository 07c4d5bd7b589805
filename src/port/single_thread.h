/*
 * Whether the process is known to run a single thread (private to the
 * library). CAPHEAP_SINGLE_THREADED_NOW is an lvalue-free expression worth
 * 1 while that is known and 0 otherwise; with glibc 2.32 or later it reads
 * __libc_single_threaded, which glibc sets to 0 in pthread_create (and which
 * it only stores 0 or 1 in), elsewhere it is the constant 0: nothing is
 * ever known, and every lock is taken.
 */
#ifndef CAPHEAP_PORT_SINGLE_THREAD_H
#define CAPHEAP_PORT_SINGLE_THREAD_H

#include "capheap/port.h"

#if !defined(CAPHEAP_HAVE_SINGLE_THREADED) && CAPHEAP_PORT_HAS_PTHREAD && defined(__has_include)
#if __has_include(<sys/single_threaded.h>)
#define CAPHEAP_HAVE_SINGLE_THREADED 1
#endif
#endif

#if defined(CAPHEAP_HAVE_SINGLE_THREADED) && CAPHEAP_HAVE_SINGLE_THREADED
#include <sys/single_threaded.h> /* also when the build forces the macro to 1 */
#define CAPHEAP_SINGLE_THREADED_NOW ((unsigned char)__libc_single_threaded)
#else
#undef CAPHEAP_HAVE_SINGLE_THREADED
#define CAPHEAP_HAVE_SINGLE_THREADED 0
#define CAPHEAP_SINGLE_THREADED_NOW ((unsigned char)0)
#endif

#endif /* CAPHEAP_PORT_SINGLE_THREAD_H */
