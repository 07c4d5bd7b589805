/*
 * capheap C library allocator: the malloc family (C11, POSIX and the glibc
 * extensions programs use) over a capheap capabilities instance with the
 * plain-malloc policy (CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL, external
 * memory above the limit of capheap_caps_malloc_extmem_enable).
 *
 * Two ways to use it (docs/libc.md):
 *   - the capheap_libc_* functions below, part of libcapheap, callable
 *     next to the C library's own malloc;
 *   - the standard names (malloc, free, calloc, realloc, reallocarray,
 *     aligned_alloc, memalign, posix_memalign, valloc, pvalloc,
 *     malloc_usable_size, and newlib's _malloc_r family) which are defined
 *     only by the link option capheap::malloc (CMake object library; one
 *     object file that replaces the C library's allocator in firmware), and
 *     by the host's preloadable libcapheap_malloc.so.
 *
 * Instance: every function uses the instance given to
 * capheap_malloc_set_instance (firmware: call it first thing in main, before
 * anything allocates; until then every allocation fails with ENOMEM and free
 * ignores its argument). The preload library creates its own, growing one.
 *
 * Threads: every function may be called from several threads at once (the
 * instance's heap locks); ISR-safety is the instance's lock port's.
 * Complexity: each call is O(heaps) (caps selection) + O(1) (engine),
 * plus the copy of realloc and the zeroing of calloc.
 *
 * Error semantics (C17 7.22.3, POSIX.1-2024, glibc where they leave a
 * choice):
 *   - a failed allocation returns NULL and sets errno to ENOMEM, also when
 *     a size computation (calloc, reallocarray, pvalloc) overflows;
 *   - an alignment that is 0 or not a power of two: aligned_alloc returns
 *     NULL with errno EINVAL; memalign rounds it up as glibc does (below);
 *     posix_memalign returns EINVAL (also for an alignment below
 *     sizeof(void *)) and leaves errno alone;
 *   - size 0: malloc, calloc, the aligned functions and valloc return a
 *     unique minimum block (free it); pvalloc(0) returns one page;
 *   - realloc(p, 0) with p non-NULL frees p and returns NULL without
 *     touching errno (glibc's and ESP-IDF's choice: C23 leaves it undefined);
 *     realloc(NULL, n) is malloc(n); a failed realloc leaves p intact;
 *   - free(NULL) does nothing; a pointer the instance does not own (or a
 *     double free) is reported to the instance's error hook and ignored;
 *     realloc of such a pointer returns NULL with errno EINVAL;
 *     malloc_usable_size returns 0 for it and for NULL.
 */
#ifndef CAPHEAP_MALLOC_H
#define CAPHEAP_MALLOC_H

#include "capheap/caps.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Makes `inst` the instance the malloc family uses (NULL: none; every
 * allocation then fails with ENOMEM). Blocks allocated from a previous
 * instance must not be passed to the new one. Thread-safe (an atomic
 * store), but call it before other threads allocate. O(1).
 */
void capheap_malloc_set_instance(capheap_caps_t *inst);

/* The instance set by capheap_malloc_set_instance, NULL if none. O(1). */
capheap_caps_t *capheap_malloc_instance(void);

/*
 * Growth hook: called when an allocation of `size` bytes aligned to `align`
 * (0: the natural alignment) found no room. It may add memory to the
 * instance (capheap_caps_add_region*) and returns true when the allocation
 * should be tried again (once more per call of the hook; the hook is asked
 * again after a retry fails, up to 4 times in all). NULL removes it.
 * It runs without any heap lock held and must not call the malloc family
 * of this layer. The host preload library uses it to map more memory. O(1).
 */
typedef bool (*capheap_malloc_grow_fn)(void *ctx, size_t size, size_t align);
void capheap_malloc_set_grow(capheap_malloc_grow_fn fn, void *ctx);

/* The page size valloc and pvalloc use: sysconf(_SC_PAGESIZE) on hosted
 * builds, CAPHEAP_LIBC_PAGE_SIZE (default 4096) on bare metal. O(1). */
size_t capheap_libc_page_size(void);

/* The malloc family under capheap names, semantics as above. */
void *capheap_libc_malloc(size_t size);
void capheap_libc_free(void *ptr);
void *capheap_libc_calloc(size_t n, size_t size);
void *capheap_libc_realloc(void *ptr, size_t size);
/* realloc(ptr, n * size); NULL with ENOMEM and ptr intact iff n * size
 * overflows or realloc fails. */
void *capheap_libc_reallocarray(void *ptr, size_t n, size_t size);
/* C11 aligned_alloc: any size (C17 dropped the multiple-of-alignment rule). */
void *capheap_libc_aligned_alloc(size_t align, size_t size);
/* memalign, as glibc's: an alignment up to CAPHEAP_ALIGNMENT (0 included)
 * is malloc's; a larger one that is not a power of two is rounded up to the
 * next power of two (memalign(24, n) is 32-aligned); NULL with EINVAL only
 * for an alignment above SIZE_MAX / 2 + 1 (no power of two is that large).
 * aligned_alloc, by contrast, refuses 0 and non-powers of two (C17 DR 460,
 * glibc since 2.38). */
void *capheap_libc_memalign(size_t align, size_t size);
/* The alignment memalign(align, ...) uses (rules above); 0 when it refuses
 * align. O(log align). */
size_t capheap_libc_memalign_alignment(size_t align);
/* posix_memalign: returns 0 and sets *out; EINVAL (align not a power of two
 * or below sizeof(void *)) or ENOMEM, *out unchanged. errno unchanged. */
int capheap_libc_posix_memalign(void **out, size_t align, size_t size);
/* valloc: memalign(page size, size). */
void *capheap_libc_valloc(size_t size);
/* pvalloc: memalign(page size, size rounded up to whole pages, 0 -> one
 * page); ENOMEM when the rounding overflows. */
void *capheap_libc_pvalloc(size_t size);
/* Usable bytes of a live block (>= what was asked); 0 for NULL or a pointer
 * the instance does not own. */
size_t capheap_libc_malloc_usable_size(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_MALLOC_H */
