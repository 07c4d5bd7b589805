/*
 * capheap engine: one heap in one contiguous region.
 *
 * A two-level segregated-fit (TLSF-class) good-fit allocator. The control
 * structure lives at the start of the region and is sized from it. No locks,
 * no printing of its own, no globals: every call takes the heap.
 *
 * Threads and interrupts: no function here takes a lock. Calls on one heap
 * must be serialised by the caller (the caps layer holds a per-heap lock);
 * calls on different heaps are independent. Every function below may be
 * called from an interrupt handler as long as that serialisation holds.
 *
 * Time: malloc, calloc (apart from zeroing), free, usable_size, aligned
 * allocation and in-place realloc are O(1): bounded by a constant number of
 * instructions whatever the region size or the number of blocks. realloc
 * that moves is O(1) plus the copy. walk and check are O(blocks).
 *
 * Sizes: every size reported (free, allocated, largest) is in bytes of
 * payload a caller can use; block headers are never counted as free.
 */
#ifndef CAPHEAP_HEAP_H
#define CAPHEAP_HEAP_H

#include "capheap/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One heap. Distinct incomplete type: never a void *. */
typedef struct capheap_heap capheap_heap_t;

/* Statistics of one heap (ESP-IDF's multi_heap_info_t set). */
typedef struct {
    size_t total_free_bytes;       /* payload bytes in free blocks */
    size_t total_allocated_bytes;  /* usable bytes of allocated blocks */
    size_t largest_free_block;     /* largest n for which malloc(n) succeeds now */
    size_t minimum_free_bytes;     /* lowest total_free_bytes since creation or
                                      the last reset */
    size_t allocated_blocks;
    size_t free_blocks;
    size_t total_blocks;
} capheap_heap_info_t;

/*
 * Smallest region size (bytes) for which capheap_heap_create() succeeds when
 * `start` is aligned to CAPHEAP_ALIGNMENT. The heap then holds at least one
 * allocatable byte. A misaligned start needs up to CAPHEAP_ALIGNMENT-1 more.
 */
size_t capheap_heap_min_region_size(void);

/*
 * Turns [start, start+size) into an empty heap and returns it (the returned
 * handle lies at or just after `start`). Any alignment of `start` is
 * accepted. Regions from capheap_heap_min_region_size() to the largest size
 * the address space allows are supported; the control structure grows with
 * log2(size) only.
 * Returns NULL iff start is NULL, the range wraps around the address space,
 * or the region is too small. O(log size).
 */
capheap_heap_t *capheap_heap_create(void *start, size_t size);

/*
 * Sets the error hook called when a cheap check finds a bad pointer (double
 * free, pointer outside the region, bad or smashed header, neighbour
 * mismatch). The offending call then does nothing (free) or returns NULL
 * (realloc) and the heap stays usable. NULL hook: errors are ignored
 * silently (still harmless). O(1).
 */
void capheap_heap_set_error_hook(capheap_heap_t *heap, capheap_error_fn hook,
                                 void *ctx);

/*
 * Adds `bias` bytes to every pointer the engine reports through the error
 * hook (default 0). A layer that hands out engine pointer + bias (the debug
 * layer's hidden header) sets it, so that reports name the pointer its
 * caller holds. O(1).
 */
void capheap_heap_set_report_bias(capheap_heap_t *heap, size_t bias);

/*
 * Calls the heap's error hook, if any, with (reason, where) unchanged: for
 * layers above the engine that find damage themselves (poisoning). O(1).
 */
void capheap_heap_report(capheap_heap_t *heap, capheap_error_reason_t reason,
                         const void *where);

/*
 * malloc: a block of at least `size` bytes aligned to CAPHEAP_ALIGNMENT.
 * size 0 returns a unique minimum-size block (free it as usual).
 * Returns NULL iff no free block can hold `size` (including sizes near
 * SIZE_MAX). O(1).
 */
void *capheap_heap_malloc(capheap_heap_t *heap, size_t size);

/*
 * malloc with a continuation, for a layer that tries something else after
 * a refusal (the caps allocator moving on to the next heap) and need then
 * not keep its own state alive across the call: exactly
 * capheap_heap_malloc(heap, size) when that succeeds; when it would return
 * NULL, returns refused(ctx) instead (called last, with the heap
 * unchanged), refused and ctx being what capheap_heap_set_refused() set
 * last (plain NULL without it). The continuation is not told the size:
 * the caller keeps its request where ctx leads. O(1) plus refused.
 */
typedef void *(*capheap_refused_fn)(void *ctx);
void capheap_heap_set_refused(capheap_heap_t *heap, capheap_refused_fn refused, void *ctx);
void *capheap_heap_malloc_or(capheap_heap_t *heap, size_t size);

/*
 * calloc: zeroed block of n*size bytes. Returns NULL iff n*size overflows
 * size_t or malloc of the product fails. O(1) + zeroing.
 */
void *capheap_heap_calloc(capheap_heap_t *heap, size_t n, size_t size);

/*
 * free. NULL does nothing. A pointer this heap did not return (outside the
 * region, misaligned, interior, already free) is reported through the error
 * hook and ignored: nothing allocated is disturbed. O(1).
 */
void capheap_heap_free(capheap_heap_t *heap, void *ptr);

/*
 * realloc. ptr NULL = malloc(size). size 0 with a non-NULL ptr frees it and
 * returns NULL (as ESP-IDF's multi_heap_realloc does).
 * Grows in place when the block's following neighbour is free and large
 * enough, shrinks in place (the tail is returned to the heap when large
 * enough to form a block); otherwise allocates, copies the old usable size
 * (never more) and frees the old block. Returns NULL, with the old block
 * untouched, iff the new size cannot be had or ptr is bad (reported through
 * the error hook). O(1) in place; O(1) + copy when moving.
 */
void *capheap_heap_realloc(capheap_heap_t *heap, void *ptr, size_t size);

/*
 * Aligned allocation with a hidden prefix: returns p such that
 * (p + offset) is a multiple of `align` and p is aligned to
 * CAPHEAP_ALIGNMENT, with at least `size` usable bytes from p.
 * `align` must be a power of two (any, up to the region size); values below
 * CAPHEAP_ALIGNMENT act as CAPHEAP_ALIGNMENT. `offset` must be a multiple of
 * CAPHEAP_ALIGNMENT and at most `size`.
 * Returns NULL iff align is 0 or not a power of two, offset is misaligned or
 * larger than size, size or align exceeds the heap, or neither of the two
 * O(1) candidates holds the aligned placement: a free block large enough for
 * size + align + a minimum block (found like malloc's), or else the block
 * capheap_heap_largest_free() describes. A free block that would hold the
 * placement but is neither is not searched for (that would be O(n)). O(1).
 * The block is freed with capheap_heap_free(p).
 */
void *capheap_heap_aligned_alloc_offs(capheap_heap_t *heap, size_t size,
                                      size_t align, size_t offset);

/* aligned_alloc_offs with offset 0: the returned pointer is aligned. */
void *capheap_heap_aligned_alloc(capheap_heap_t *heap, size_t size, size_t align);

/*
 * Usable size of an allocated block (>= the size asked for). Returns 0 for
 * NULL or a bad pointer (reported through the error hook). O(1).
 */
size_t capheap_heap_usable_size(capheap_heap_t *heap, const void *ptr);

/* As capheap_heap_usable_size, but a bad pointer is not reported (0 is
 * returned quietly): for layers that examine a block on behalf of an error
 * hook. O(1). */
size_t capheap_heap_block_size(capheap_heap_t *heap, const void *ptr);

/* True iff ptr lies inside this heap's region (says nothing about whether it
 * is an allocated block). O(1). */
bool capheap_heap_contains(const capheap_heap_t *heap, const void *ptr);

/* First and one-past-last byte of the memory the heap manages (the region
 * given to create, control structure included). O(1). */
void *capheap_heap_region_start(const capheap_heap_t *heap);
void *capheap_heap_region_end(const capheap_heap_t *heap);

/* Payload bytes in free blocks. O(1). */
size_t capheap_heap_free_size(const capheap_heap_t *heap);

/* Lowest free size seen since creation or the last reset. O(1). */
size_t capheap_heap_minimum_free_size(const capheap_heap_t *heap);

/* Sets the minimum to the current free size and returns the old minimum
 * (for a measurement window). O(1). */
size_t capheap_heap_reset_minimum_free(capheap_heap_t *heap);

/* Restores a minimum returned by reset: the minimum becomes the lower of
 * `old_minimum` and the current minimum. O(1). */
void capheap_heap_restore_minimum_free(capheap_heap_t *heap, size_t old_minimum);

/* Largest n for which capheap_heap_malloc(heap, n) succeeds now (0 if none).
 * O(1). */
size_t capheap_heap_largest_free(const capheap_heap_t *heap);

/* Payload bytes the empty heap offered right after create. O(1). */
size_t capheap_heap_capacity(const capheap_heap_t *heap);

/* Fills *info. O(1). */
void capheap_heap_get_info(const capheap_heap_t *heap, capheap_heap_info_t *info);

/*
 * Walk: calls fn for every block in address order (payload address, usable
 * size, used or free) until fn returns false. Returns false iff the walk was
 * stopped by fn or met a damaged header or control structure (use check to
 * learn more); never follows a stride past the region. O(blocks).
 * fn must not allocate or free in this heap.
 */
typedef bool (*capheap_walk_fn)(void *ctx, void *ptr, size_t size, bool used);
bool capheap_heap_walk(capheap_heap_t *heap, capheap_walk_fn fn, void *ctx);

/*
 * Integrity check: walks the blocks physically, verifies every header,
 * neighbour link, size, the bitmaps against the free lists and every free
 * list against the physical walk, and the statistics against what it counted.
 * Returns true iff the heap is sound. When print is given, the first problem
 * found is described through it (address, expected, found). Never asserts.
 * O(blocks + free blocks).
 */
bool capheap_heap_check(capheap_heap_t *heap, capheap_print_fn print, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_HEAP_H */
