/*
 * The C library's allocator names over capheap_libc_* (the link option
 * capheap::malloc, docs/libc.md). Everything is in this one object file on
 * purpose: once the linker takes it (an object library is always taken;
 * from an archive, the first reference to malloc takes it), every name the
 * C library's own allocator defines is already defined, so no member of
 * libc.a's allocator is pulled in beside it. newlib's reentrant entry points
 * (_malloc_r, ...), which its stdio calls directly, are defined too.
 */
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1
#endif
#include "capheap_malloc.h"

#include <stdlib.h>

void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t n, size_t size);
void *realloc(void *ptr, size_t size);
void *reallocarray(void *ptr, size_t n, size_t size);
void *aligned_alloc(size_t align, size_t size);
void *memalign(size_t align, size_t size);
int posix_memalign(void **out, size_t align, size_t size);
void *valloc(size_t size);
void *pvalloc(size_t size);
size_t malloc_usable_size(void *ptr);

void *malloc(size_t size)
{
    return capheap_libc_malloc(size);
}

void free(void *ptr)
{
    capheap_libc_free(ptr);
}

void *calloc(size_t n, size_t size)
{
    return capheap_libc_calloc(n, size);
}

void *realloc(void *ptr, size_t size)
{
    return capheap_libc_realloc(ptr, size);
}

void *reallocarray(void *ptr, size_t n, size_t size)
{
    return capheap_libc_reallocarray(ptr, n, size);
}

void *aligned_alloc(size_t align, size_t size)
{
    return capheap_libc_aligned_alloc(align, size);
}

void *memalign(size_t align, size_t size)
{
    return capheap_libc_memalign(align, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
    return capheap_libc_posix_memalign(out, align, size);
}

void *valloc(size_t size)
{
    return capheap_libc_valloc(size);
}

void *pvalloc(size_t size)
{
    return capheap_libc_pvalloc(size);
}

size_t malloc_usable_size(void *ptr)
{
    return capheap_libc_malloc_usable_size(ptr);
}

#if defined(_NEWLIB_VERSION) && !defined(__PICOLIBC__)
/* newlib's reentrant forms (errno goes to the current thread's reent,
 * which is r in every newlib caller). */
struct _reent;
void *_malloc_r(struct _reent *r, size_t size);
void _free_r(struct _reent *r, void *ptr);
void *_calloc_r(struct _reent *r, size_t n, size_t size);
void *_realloc_r(struct _reent *r, void *ptr, size_t size);
void *_memalign_r(struct _reent *r, size_t align, size_t size);
void *_valloc_r(struct _reent *r, size_t size);
void *_pvalloc_r(struct _reent *r, size_t size);
size_t _malloc_usable_size_r(struct _reent *r, void *ptr);

void *_malloc_r(struct _reent *r, size_t size)
{
    (void)r;
    return capheap_libc_malloc(size);
}

void _free_r(struct _reent *r, void *ptr)
{
    (void)r;
    capheap_libc_free(ptr);
}

void *_calloc_r(struct _reent *r, size_t n, size_t size)
{
    (void)r;
    return capheap_libc_calloc(n, size);
}

void *_realloc_r(struct _reent *r, void *ptr, size_t size)
{
    (void)r;
    return capheap_libc_realloc(ptr, size);
}

void *_memalign_r(struct _reent *r, size_t align, size_t size)
{
    (void)r;
    return capheap_libc_memalign(align, size);
}

void *_valloc_r(struct _reent *r, size_t size)
{
    (void)r;
    return capheap_libc_valloc(size);
}

void *_pvalloc_r(struct _reent *r, size_t size)
{
    (void)r;
    return capheap_libc_pvalloc(size);
}

size_t _malloc_usable_size_r(struct _reent *r, void *ptr)
{
    (void)r;
    return capheap_libc_malloc_usable_size(ptr);
}
#endif
