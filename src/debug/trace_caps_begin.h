/*
 * Included by src/caps/caps_alloc.c before its definitions (builds with
 * tracing, CAPHEAP_VALGRIND or CAPHEAP_ASAN only). The public allocation functions defined there become static
 * "untraced" functions under these names; trace_caps_end.h, included at the
 * end of that file, defines the public functions: each calls its untraced
 * body once, records the event and tells Valgrind / AddressSanitizer about
 * the block. Calls between public functions inside
 * caps_alloc.c (realloc of NULL, the default and prefer families) therefore
 * reach the untraced bodies and every public call is recorded exactly once,
 * with the return address of the public function as the allocation site.
 */
#ifndef CAPHEAP_TRACE_CAPS_BEGIN_H
#define CAPHEAP_TRACE_CAPS_BEGIN_H

#ifndef CAPS_CALLS_RECORDED
#error "include src/caps/caps_internal.h before trace_caps_begin.h"
#endif
#if CAPS_CALLS_RECORDED
#define CAPHEAP_CAPS_WRAPPED 1

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING
#include "trace_internal.h"
#endif

static void *caps_malloc_untraced(capheap_caps_t *c, size_t size, uint32_t caps);
static void *caps_calloc_untraced(capheap_caps_t *c, size_t n, size_t size, uint32_t caps);
static void caps_free_untraced(capheap_caps_t *c, void *ptr);
static void *caps_realloc_untraced(capheap_caps_t *c, void *ptr, size_t size, uint32_t caps);
static void *caps_aligned_alloc_untraced(capheap_caps_t *c, size_t align, size_t size,
                                         uint32_t caps);
static void *caps_aligned_calloc_untraced(capheap_caps_t *c, size_t align, size_t n,
                                          size_t size, uint32_t caps);
static void *caps_malloc_prefer_untraced(capheap_caps_t *c, size_t size, const uint32_t *list,
                                         size_t count);
static void *caps_calloc_prefer_untraced(capheap_caps_t *c, size_t n, size_t size,
                                         const uint32_t *list, size_t count);
static void *caps_realloc_prefer_untraced(capheap_caps_t *c, void *ptr, size_t size,
                                          const uint32_t *list, size_t count);
static void *caps_malloc_default_untraced(capheap_caps_t *c, size_t size);
static void *caps_calloc_default_untraced(capheap_caps_t *c, size_t n, size_t size);
static void *caps_realloc_default_untraced(capheap_caps_t *c, void *ptr, size_t size);

#define capheap_caps_malloc caps_malloc_untraced
#define capheap_caps_calloc caps_calloc_untraced
#define capheap_caps_free caps_free_untraced
#define capheap_caps_realloc caps_realloc_untraced
#define capheap_caps_aligned_alloc caps_aligned_alloc_untraced
#define capheap_caps_aligned_calloc caps_aligned_calloc_untraced
#define capheap_caps_malloc_prefer caps_malloc_prefer_untraced
#define capheap_caps_calloc_prefer caps_calloc_prefer_untraced
#define capheap_caps_realloc_prefer caps_realloc_prefer_untraced
#define capheap_caps_malloc_default caps_malloc_default_untraced
#define capheap_caps_calloc_default caps_calloc_default_untraced
#define capheap_caps_realloc_default caps_realloc_default_untraced

#endif
#endif
