/*
 * Private to the tracing layer and the caps allocator: what the caps
 * layer's public functions call to record an event (only in builds with
 * CAPHEAP_HEAP_TRACING=1). Each function returns at once when the trace is
 * stopped or the calling thread is already inside the trace.
 *
 * `caller` is the return address of the public function (the allocation
 * site); it anchors the recorded call stack (capheap_trace_config_t).
 */
#ifndef CAPHEAP_TRACE_INTERNAL_H
#define CAPHEAP_TRACE_INTERNAL_H

#include "capheap/trace.h"

/* p was allocated (size and caps as asked). p may not be NULL. */
void capheap_trace_note_alloc(capheap_trace_t *t, void *p, size_t size, uint32_t caps,
                              void *caller);

/* p is about to be freed (called before the free, so that the address
 * cannot be handed out again before its record is gone). */
void capheap_trace_note_free(capheap_trace_t *t, void *p, void *caller);

/* The event number a realloc starts at (pass it to note_realloc): records
 * made after it are not the block being reallocated. 0 when stopped. */
uint32_t capheap_trace_note_mark(capheap_trace_t *t);

/* realloc moved or resized `old` (allocated before event `mark`) to `n`. */
void capheap_trace_note_realloc(capheap_trace_t *t, void *old, void *n, size_t size,
                                uint32_t caps, void *caller, uint32_t mark);

/* Symbol name and offset of a code address; false if the build cannot tell
 * (bare metal, no dladdr, no symbol). */
bool capheap_trace_symbol(const void *addr, char *name, size_t n, uintptr_t *offset);

#endif /* CAPHEAP_TRACE_INTERNAL_H */
