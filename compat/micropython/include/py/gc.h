/*
 * MicroPython's garbage-collector C API (py/gc.h) over capheap's GC heap
 * (capheap/gc.h), one default instance. Signatures and gc_info_t fields are
 * MicroPython's, so a runtime written against them links libcapheap instead
 * of its own collector. capheap_micropython.h has the capheap extensions
 * (configuration before gc_init, stack top, finaliser, the `gc` module's
 * operations).
 *
 * Sizes: blocks are CAPHEAP_GC_BLOCK bytes (four machine words, as
 * MicroPython's default MICROPY_BYTES_PER_GC_BLOCK). Before gc_init every
 * allocation returns NULL and the other functions do nothing.
 *
 * gc_collect() belongs to the port, as in MicroPython: capheap calls it when
 * an allocation fails (or the threshold is crossed). It must call
 * gc_collect_start(), gc_collect_root() for its roots and gc_collect_end().
 * libcapheap has a weak default that scans the calling thread's registers
 * and stack (glibc: the thread's stack from the current frame to its top;
 * elsewhere up to the stack top given to capheap_micropython_set_stack_top,
 * by default gc_init's frame) besides the registered root ranges.
 */
#ifndef MICROPY_INCLUDED_PY_GC_H
#define MICROPY_INCLUDED_PY_GC_H

#include <stdbool.h>
#include <stddef.h>

#include "py/mpprint.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Creates the default heap in [start, end) (its record at the start);
 * a second call starts a new heap there (the old one is forgotten). */
void gc_init(void *start, void *end);
/* Adds [start, end) as another area (split heap). */
void gc_add(void *start, void *end);

/* Nested lock: while locked every allocation returns NULL and gc_free does
 * nothing. */
void gc_lock(void);
void gc_unlock(void);
bool gc_is_locked(void);

/* The port's collection (see above); weak default in libcapheap. */
void gc_collect(void);
void gc_collect_start(void);
void gc_collect_root(void **ptrs, size_t len);
void gc_collect_end(void);

/* Runs every finaliser and frees everything (at exit). */
void gc_sweep_all(void);

enum {
    GC_ALLOC_FLAG_HAS_FINALISER = 1
};

/* Zeroed memory of n_bytes (NULL when locked, inside a finaliser, or out of
 * memory after a collection and any auto-grow). */
void *gc_alloc(size_t n_bytes, unsigned int alloc_flags);
/* Frees without calling the finaliser; NULL and foreign pointers ignored. */
void gc_free(void *ptr);
/* Bytes of the object (whole blocks), 0 if ptr is not one. */
size_t gc_nbytes(const void *ptr);
/* As capheap_gc_realloc. */
void *gc_realloc(void *ptr, size_t n_bytes, bool allow_move);
/* Makes ptr a permanent root; false if it is not an object of the heap. */
bool gc_never_free(void *ptr);

typedef struct _gc_info_t {
    size_t total;       /* bytes */
    size_t used;        /* bytes */
    size_t free;        /* bytes */
    size_t max_free;    /* blocks: largest free run */
    size_t num_1block;
    size_t num_2block;
    size_t max_block;   /* blocks: largest object */
} gc_info_t;

void gc_info(gc_info_t *info);
/* Prints "GC: total: ..., used: ..., free: ..." and the counters; NULL
 * print: nothing. */
void gc_dump_info(const mp_print_t *print);
/* Prints the allocation table, one character per block. */
void gc_dump_alloc_table(const mp_print_t *print);

#ifdef __cplusplus
}
#endif

#endif /* MICROPY_INCLUDED_PY_GC_H */
