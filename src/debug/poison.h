/*
 * Debug layer over the engine (private to libcapheap): the calls the caps
 * allocator and the multi_heap API make instead of capheap_heap_*.
 *
 * Every function takes and returns USER pointers and sizes (the engine
 * block starts CAPHEAP_DEBUG_PREFIX bytes before the user pointer; see
 * capheap/debug.h). With no debug option compiled in they are the engine's
 * functions themselves (inline, no cost). Otherwise they add the hidden
 * header, check and fill it, and correct the statistics so that they never
 * include the overhead. Locking is the caller's, as for the engine.
 */
#ifndef CAPHEAP_DEBUG_POISON_H
#define CAPHEAP_DEBUG_POISON_H

#include "capheap/debug.h"
#include "capheap/heap.h"

/* The user pointer of the engine block whose payload starts at p. */
static inline void *capheap_dbg_user_of(void *engine_payload)
{
    return (void *)((uintptr_t)engine_payload + CAPHEAP_DEBUG_PREFIX);
}

#if !CAPHEAP_DEBUG_HEADER

static inline capheap_heap_t *capheap_dbg_heap_create(void *start, size_t size)
{
    return capheap_heap_create(start, size);
}
static inline void *capheap_dbg_malloc(capheap_heap_t *h, size_t n) { return capheap_heap_malloc(h, n); }
static inline void *capheap_dbg_aligned_alloc_offs(capheap_heap_t *h, size_t n, size_t align, size_t offs)
{
    return capheap_heap_aligned_alloc_offs(h, n, align, offs);
}
static inline void capheap_dbg_free(capheap_heap_t *h, void *p) { capheap_heap_free(h, p); }
static inline void *capheap_dbg_realloc(capheap_heap_t *h, void *p, size_t n) { return capheap_heap_realloc(h, p, n); }
static inline size_t capheap_dbg_usable_size(capheap_heap_t *h, const void *p) { return capheap_heap_usable_size(h, p); }
static inline bool capheap_dbg_query(capheap_heap_t *h, const void *p, size_t *usable)
{
    *usable = capheap_heap_usable_size(h, p); /* a live engine block is never 0 */
    return *usable != 0;
}
static inline size_t capheap_dbg_largest_free(const capheap_heap_t *h) { return capheap_heap_largest_free(h); }
static inline size_t capheap_dbg_free_size(const capheap_heap_t *h) { return capheap_heap_free_size(h); }
static inline size_t capheap_dbg_minimum_free_size(const capheap_heap_t *h) { return capheap_heap_minimum_free_size(h); }
static inline size_t capheap_dbg_reset_minimum_free(capheap_heap_t *h) { return capheap_heap_reset_minimum_free(h); }
static inline void capheap_dbg_restore_minimum_free(capheap_heap_t *h, size_t old) { capheap_heap_restore_minimum_free(h, old); }
static inline void capheap_dbg_get_info(const capheap_heap_t *h, capheap_heap_info_t *info) { capheap_heap_get_info(h, info); }
static inline bool capheap_dbg_check(capheap_heap_t *h, capheap_print_fn print, void *ctx)
{
    return capheap_heap_check(h, print, ctx);
}
static inline bool capheap_dbg_walk(capheap_heap_t *h, capheap_walk_fn fn, void *ctx)
{
    return capheap_heap_walk(h, fn, ctx);
}

#else

/* capheap_heap_create for blocks in this build's format: with task
 * tracking the heap's owner table is placed at the (aligned) start of the
 * range and the engine heap after it (owner_internal.h); the engine reports
 * user pointers; (comprehensive) free memory gets the free fill. NULL when
 * the range cannot hold the table and a heap. */
capheap_heap_t *capheap_dbg_heap_create(void *start, size_t size);
void *capheap_dbg_malloc(capheap_heap_t *h, size_t n);
/* (user + offs) is a multiple of align */
void *capheap_dbg_aligned_alloc_offs(capheap_heap_t *h, size_t n, size_t align, size_t offs);
void capheap_dbg_free(capheap_heap_t *h, void *p);
void *capheap_dbg_realloc(capheap_heap_t *h, void *p, size_t n);
/* The requested size (0, reported, for a bad pointer or damaged block). */
size_t capheap_dbg_usable_size(capheap_heap_t *h, const void *p);
/* Validates p (false, reported, for a bad pointer or damaged block) and
 * gives its requested size, which may be 0 (malloc(0)). */
bool capheap_dbg_query(capheap_heap_t *h, const void *p, size_t *usable);
size_t capheap_dbg_largest_free(const capheap_heap_t *h);
size_t capheap_dbg_free_size(const capheap_heap_t *h);
size_t capheap_dbg_minimum_free_size(const capheap_heap_t *h);
size_t capheap_dbg_reset_minimum_free(capheap_heap_t *h);
void capheap_dbg_restore_minimum_free(capheap_heap_t *h, size_t old);
/* The engine's figures without the overhead: free, minimum and largest
 * less one block's overhead; allocated bytes are the requested sizes
 * (O(blocks): a walk). */
void capheap_dbg_get_info(capheap_heap_t *h, capheap_heap_info_t *info);
/* Engine check, then every used block's canaries and (comprehensive) every
 * free block's fill; the first problem is printed (address, expected,
 * found). */
bool capheap_dbg_check(capheap_heap_t *h, capheap_print_fn print, void *ctx);
/* The engine's walk with used blocks as their callers see them: user
 * pointer and requested size (free blocks unchanged). */
bool capheap_dbg_walk(capheap_heap_t *h, capheap_walk_fn fn, void *ctx);

#endif

#endif /* CAPHEAP_DEBUG_POISON_H */
