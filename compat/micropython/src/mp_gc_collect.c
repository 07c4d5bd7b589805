/*
 * The default (weak) gc_collect of the MicroPython layer: the calling
 * thread's registers and stack, scanned conservatively, plus the registered
 * root ranges (gc_collect_start marks those).
 *
 * The scan reads every word between the current frame and the stack top,
 * including words no C object owns (padding, dead locals, sanitizer
 * redzones): the reading function is exempt from AddressSanitizer, and the
 * copies it hands to the collector are declared defined to Valgrind.
 */
#if defined(__linux__) && !defined(CAPHEAP_BARE_METAL)
#define _GNU_SOURCE 1
#endif
#include "capheap_micropython.h"

#include <setjmp.h>
#include <string.h>

#if defined(__GLIBC__) && defined(_GNU_SOURCE) && CAPHEAP_PORT_HAS_PTHREAD
#include <pthread.h>
#define MP_HAVE_THREAD_STACK 1
#else
#define MP_HAVE_THREAD_STACK 0
#endif

#if !defined(CAPHEAP_BARE_METAL) && defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif
#endif
#ifndef VALGRIND_MAKE_MEM_DEFINED
#define VALGRIND_MAKE_MEM_DEFINED(p, n) ((void)(p), (void)(n))
#endif

#if defined(__GNUC__) || defined(__clang__)
#define MP_NO_ASAN __attribute__((no_sanitize_address, noinline))
#define MP_WEAK __attribute__((weak))
#else
#define MP_NO_ASAN
#define MP_WEAK
#endif

static uintptr_t stack_top;

void capheap_micropython_note_init_frame_(void *frame);
void capheap_micropython_note_init_frame_(void *frame)
{
    if (!stack_top)
        stack_top = (uintptr_t)frame;
}

void capheap_micropython_set_stack_top(void *top)
{
    stack_top = (uintptr_t)top;
}

static uintptr_t current_stack_top(void)
{
#if MP_HAVE_THREAD_STACK
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        int ok = pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
        if (ok == 0)
            return (uintptr_t)addr + size;
    }
#endif
    return stack_top;
}

/* Reads [lo, hi) a word at a time into a buffer and gives it as roots. */
MP_NO_ASAN static void scan_words(uintptr_t lo, uintptr_t hi)
{
    void *buf[64];
    size_t n = 0;
    lo &= ~(uintptr_t)(sizeof(void *) - 1u);
    for (uintptr_t p = lo; p + sizeof(void *) <= hi; p += sizeof(void *)) {
        buf[n++] = *(void *const volatile *)p;
        if (n == 64) {
            VALGRIND_MAKE_MEM_DEFINED(buf, sizeof buf);
            gc_collect_root(buf, n);
            n = 0;
        }
    }
    VALGRIND_MAKE_MEM_DEFINED(buf, sizeof buf);
    gc_collect_root(buf, n);
}

MP_NO_ASAN static void scan_from_here(void)
{
    volatile uintptr_t here = 0;
    uintptr_t lo = (uintptr_t)&here;
    uintptr_t hi = current_stack_top();
    if (hi > lo)
        scan_words(lo, hi);
}

void capheap_micropython_scan_stack(void)
{
    /* registers into memory first (callee-saved ones may hold the only
     * reference), then everything from a frame below this one up */
    jmp_buf regs;
    memset(&regs, 0, sizeof regs);
    if (setjmp(regs) == 0) {
        scan_words((uintptr_t)&regs, (uintptr_t)&regs + sizeof regs);
        scan_from_here();
    }
}

MP_WEAK void gc_collect(void)
{
    gc_collect_start();
    capheap_micropython_scan_stack();
    gc_collect_end();
}
