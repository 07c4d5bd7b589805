/*
 * capheap: types shared by every layer (print sink, error reporting).
 */
#ifndef CAPHEAP_COMMON_H
#define CAPHEAP_COMMON_H

#include "capheap/config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Print sink: receives one NUL-terminated piece of text at a time (not
 * necessarily a whole line). Nothing in capheap calls printf; every output
 * goes through a sink the caller gives. ctx is passed back unchanged.
 */
typedef void (*capheap_print_fn)(void *ctx, const char *text);

/* Return codes of the functions that return a status (0 = success). */
typedef enum {
    CAPHEAP_OK = 0,
    CAPHEAP_ERR_INVALID_ARG = -1,   /* NULL, misaligned or out-of-range input */
    CAPHEAP_ERR_NO_MEM = -2,        /* an internal allocation failed */
    CAPHEAP_ERR_TOO_SMALL = -3,     /* a range too small to hold a heap */
    CAPHEAP_ERR_OVERLAP = -4,       /* a range partially overlaps a heap */
    CAPHEAP_ERR_EXISTS = -5,        /* the same range is already a heap */
    CAPHEAP_ERR_CORRUPT = -6,       /* an integrity check found damage */
    CAPHEAP_ERR_NOT_FOUND = -7,     /* no heap/record matches */
    CAPHEAP_ERR_STATE = -8          /* called in the wrong state (init twice, ...) */
} capheap_err_t;

/* Why a pointer or a heap was reported through an error hook. */
typedef enum {
    CAPHEAP_E_DOUBLE_FREE = 1,      /* free/realloc of a block that is free */
    CAPHEAP_E_OUTSIDE = 2,          /* pointer outside the heap's region */
    CAPHEAP_E_MISALIGNED = 3,       /* pointer not on the heap's alignment */
    CAPHEAP_E_BAD_HEADER = 4,       /* block header inconsistent (interior or
                                       foreign pointer, or a smashed header) */
    CAPHEAP_E_BAD_NEIGHBOUR = 5,    /* a neighbour's header does not point back */
    CAPHEAP_E_HEAD_CANARY = 6,      /* poisoning: head canary damaged */
    CAPHEAP_E_TAIL_CANARY = 7,      /* poisoning: tail canary damaged */
    CAPHEAP_E_USE_AFTER_FREE = 8,   /* poisoning: a free block was written */
    CAPHEAP_E_NOT_OWNED = 9         /* pointer in no heap of the allocator */
} capheap_error_reason_t;

/* Short English name of a reason ("double free", ...); never NULL. */
const char *capheap_error_reason_str(capheap_error_reason_t reason);

/*
 * Error hook: called when a check finds a bad pointer or damage. `where` is
 * the address concerned (the pointer given, or the damaged byte). The hook
 * runs with the heap's lock held: it must not call back into the same heap.
 */
typedef void (*capheap_error_fn)(void *ctx, capheap_error_reason_t reason,
                                 const void *where);

/*
 * Minimal formatter used by every layer instead of printf: supports
 * %s %c %d %i %u %x %X %p %zu %zx %zd %lu %ld %lx %llu %lld %llx %%, flags '0'
 * '-', a width and, for %s, a precision. Output is truncated to n-1 bytes
 * and always NUL-terminated (if n > 0). Returns the length it would have
 * written without truncation, like snprintf.
 */
int capheap_snprintf(char *buf, size_t n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Formats like capheap_snprintf (at most 255 bytes) and sends the text to
 * the sink; does nothing when print is NULL. */
void capheap_printf(capheap_print_fn print, void *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_COMMON_H */
