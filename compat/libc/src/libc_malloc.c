/*
 * The malloc family over a capheap caps instance (capheap_malloc.h): the
 * C/POSIX argument rules and errno around the caps layer's default policy.
 */
#if !defined(_POSIX_C_SOURCE) && !defined(CAPHEAP_BARE_METAL)
#define _POSIX_C_SOURCE 200809L
#endif
#include "capheap_malloc.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>

#if !defined(CAPHEAP_BARE_METAL) && (defined(__unix__) || defined(__APPLE__))
#include <unistd.h>
#define LIBC_HAS_SYSCONF 1
#else
#define LIBC_HAS_SYSCONF 0
#endif

#ifndef CAPHEAP_LIBC_PAGE_SIZE
#define CAPHEAP_LIBC_PAGE_SIZE 4096u
#endif

#define LIBC_CAPS (CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL)
#define LIBC_GROW_TRIES 4

static _Atomic(capheap_caps_t *) libc_inst;
static _Atomic(capheap_malloc_grow_fn) libc_grow;
static void *_Atomic libc_grow_ctx;

void capheap_malloc_set_instance(capheap_caps_t *inst)
{
    atomic_store_explicit(&libc_inst, inst, memory_order_release);
}

capheap_caps_t *capheap_malloc_instance(void)
{
    return atomic_load_explicit(&libc_inst, memory_order_acquire);
}

void capheap_malloc_set_grow(capheap_malloc_grow_fn fn, void *ctx)
{
    atomic_store_explicit(&libc_grow_ctx, ctx, memory_order_relaxed);
    atomic_store_explicit(&libc_grow, fn, memory_order_release);
}

size_t capheap_libc_page_size(void)
{
#if LIBC_HAS_SYSCONF
    static _Atomic size_t cached;
    size_t p = atomic_load_explicit(&cached, memory_order_relaxed);
    if (p == 0) {
        long v = sysconf(_SC_PAGESIZE);
        p = v > 0 ? (size_t)v : (size_t)CAPHEAP_LIBC_PAGE_SIZE;
        atomic_store_explicit(&cached, p, memory_order_relaxed);
    }
    return p;
#else
    return (size_t)CAPHEAP_LIBC_PAGE_SIZE;
#endif
}

static inline capheap_caps_t *inst_get(void)
{
    return atomic_load_explicit(&libc_inst, memory_order_acquire);
}

static inline bool is_pow2(size_t a)
{
    return a != 0 && (a & (a - 1)) == 0;
}

/* Asks the growth hook for room; true when the allocation should be
 * retried. */
static bool grow(size_t size, size_t align, int *tries)
{
    capheap_malloc_grow_fn fn = atomic_load_explicit(&libc_grow, memory_order_acquire);
    if (!fn || *tries >= LIBC_GROW_TRIES)
        return false;
    (*tries)++;
    return fn(atomic_load_explicit(&libc_grow_ctx, memory_order_relaxed), size, align);
}

/* Aligned allocation with the plain-malloc caps; align is a power of two. */
static void *alloc_aligned(capheap_caps_t *inst, size_t align, size_t size)
{
    int tries = 0;
    for (;;) {
        void *p = align <= CAPHEAP_ALIGNMENT
                      ? capheap_caps_malloc_default(inst, size)
                      : capheap_caps_aligned_alloc(inst, align, size, LIBC_CAPS);
        if (p || !grow(size, align, &tries))
            return p;
    }
}

void *capheap_libc_malloc(size_t size)
{
    capheap_caps_t *inst = inst_get();
    void *p = inst ? alloc_aligned(inst, 0, size) : NULL;
    if (!p)
        errno = ENOMEM;
    return p;
}

void capheap_libc_free(void *ptr)
{
    capheap_caps_t *inst;
    if (ptr && (inst = inst_get()) != NULL)
        capheap_caps_free(inst, ptr);
}

void *capheap_libc_calloc(size_t n, size_t size)
{
    capheap_caps_t *inst = inst_get();
    if (!inst || (size && n > SIZE_MAX / size)) {
        errno = ENOMEM;
        return NULL;
    }
    /* plain-malloc memory is byte-addressable data memory: the C library's
     * memset zeroes it (several times faster than the caps layer's word
     * loop, which must also suit instruction memory) */
    void *p = alloc_aligned(inst, 0, n * size);
    if (!p) {
        errno = ENOMEM;
        return NULL;
    }
    memset(p, 0, n * size);
    return p;
}

void *capheap_libc_realloc(void *ptr, size_t size)
{
    if (!ptr)
        return capheap_libc_malloc(size);
    capheap_caps_t *inst = inst_get();
    if (!inst) {
        errno = EINVAL;
        return NULL;
    }
    if (size == 0) {
        capheap_caps_free(inst, ptr);
        return NULL;
    }
    void *p = capheap_caps_realloc_default(inst, ptr, size);
    if (p)
        return p;
    if (!capheap_caps_heap_of(inst, ptr)) {
        errno = EINVAL; /* not ours (reported by the caps layer): never grown for */
        return NULL;
    }
    int tries = 0;
    while (grow(size, 0, &tries)) {
        p = capheap_caps_realloc_default(inst, ptr, size);
        if (p)
            return p;
    }
    errno = ENOMEM;
    return NULL;
}

void *capheap_libc_reallocarray(void *ptr, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return capheap_libc_realloc(ptr, n * size);
}

void *capheap_libc_aligned_alloc(size_t align, size_t size)
{
    if (!is_pow2(align)) {
        errno = EINVAL;
        return NULL;
    }
    capheap_caps_t *inst = inst_get();
    void *p = inst ? alloc_aligned(inst, align, size) : NULL;
    if (!p)
        errno = ENOMEM;
    return p;
}

size_t capheap_libc_memalign_alignment(size_t align)
{
    if (align > SIZE_MAX / 2 + 1)
        return 0; /* no power of two this large exists */
    if (align <= CAPHEAP_ALIGNMENT)
        return CAPHEAP_ALIGNMENT; /* what every block has anyway */
    size_t a = (size_t)CAPHEAP_ALIGNMENT * 2;
    while (a < align)
        a <<= 1;
    return a;
}

void *capheap_libc_memalign(size_t align, size_t size)
{
    size_t a = capheap_libc_memalign_alignment(align);
    if (!a) {
        errno = EINVAL;
        return NULL;
    }
    return capheap_libc_aligned_alloc(a, size);
}

int capheap_libc_posix_memalign(void **out, size_t align, size_t size)
{
    if (!out || !is_pow2(align) || align < sizeof(void *))
        return EINVAL;
    capheap_caps_t *inst = inst_get();
    void *p = inst ? alloc_aligned(inst, align, size) : NULL;
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

void *capheap_libc_valloc(size_t size)
{
    return capheap_libc_aligned_alloc(capheap_libc_page_size(), size);
}

void *capheap_libc_pvalloc(size_t size)
{
    size_t page = capheap_libc_page_size();
    if (size > SIZE_MAX - (page - 1)) {
        errno = ENOMEM;
        return NULL;
    }
    size = size == 0 ? page : (size + page - 1) & ~(page - 1);
    return capheap_libc_aligned_alloc(page, size);
}

size_t capheap_libc_malloc_usable_size(void *ptr)
{
    capheap_caps_t *inst = inst_get();
    if (!ptr || !inst)
        return 0;
    return capheap_caps_get_allocated_size(inst, ptr);
}
