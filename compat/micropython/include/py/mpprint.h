/*
 * capheap's stand-in for MicroPython's py/mpprint.h: only the print sink
 * type that py/gc.h's dump functions take. A runtime with its own
 * py/mpprint.h on the include path first gets its own (same layout).
 */
#ifndef MICROPY_INCLUDED_PY_MPPRINT_H
#define MICROPY_INCLUDED_PY_MPPRINT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Receives len bytes of text (not NUL-terminated). */
typedef void (*mp_print_strn_t)(void *data, const char *str, size_t len);

typedef struct _mp_print_t {
    void *data;
    mp_print_strn_t print_strn;
} mp_print_t;

#ifdef __cplusplus
}
#endif

#endif /* MICROPY_INCLUDED_PY_MPPRINT_H */
