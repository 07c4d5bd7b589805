#ifndef TESTS_WM_TRACING_PART_H
#define TESTS_WM_TRACING_PART_H
#include "wm_heap.h"
/* Allocate / reallocate through the tracing macros; *line receives the
 * source line of the call. */
void *traced_alloc(size_t size, wm_heap_cap_type_t caps, int *line);
void *traced_realloc(void *p, size_t size, wm_heap_cap_type_t caps, int *line);
/* __FILE__ as the tracing macros saw it. */
const char *tracing_part_file(void);
#endif
