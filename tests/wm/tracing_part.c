/* Compiled with CONFIG_HEAP_USE_TRACING (the SDK's option): here
 * wm_heap_caps_alloc / wm_heap_caps_realloc are the tracing macros, so the
 * records name this file and the line of each call. */
#include "tracing_part.h"

void *traced_alloc(size_t size, wm_heap_cap_type_t caps, int *line)
{
    *line = __LINE__ + 1;
    return wm_heap_caps_alloc(size, caps);
}

void *traced_realloc(void *p, size_t size, wm_heap_cap_type_t caps, int *line)
{
    *line = __LINE__ + 1;
    return wm_heap_caps_realloc(p, size, caps);
}

const char *tracing_part_file(void)
{
    return __FILE__;
}
