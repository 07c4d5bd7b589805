/*
 * ESP-IDF `multi_heap` API (v5.5 names and signatures) over one capheap
 * engine heap (capheap/heap.h).
 *
 * A multi_heap is any contiguous range of memory turned into a heap. The
 * handle (with the heap's lock) lives at the start of that range, followed
 * by the engine's control structure; no memory outside the range is used.
 *
 * Differences from ESP-IDF worth knowing:
 *  - A bad pointer (not from this heap, already freed, interior) given to
 *    free/realloc/get_allocated_size does not assert: it is detected by the
 *    engine's checks and the call does nothing (free), returns NULL (realloc)
 *    or 0 (sizes). Nothing allocated is disturbed.
 *  - Every function accepts a NULL handle and then does nothing / returns
 *    NULL, 0 or false (ESP-IDF asserts in some of them).
 *  - Output (dump, check with print_errors) goes to the ESP-IDF layer's print
 *    sink (capheap_espidf_set_print(), default stdout), in ESP-IDF's text.
 *
 * Threads and interrupts: a freshly registered heap has no lock, as in
 * ESP-IDF: calls on one heap must then be serialised by the caller. After
 * multi_heap_set_lock(heap, lock) with a non-NULL lock, every call on the
 * heap takes that lock (see multi_heap_set_lock). Whether a call may run in
 * an interrupt is exactly whether the lock port used may (no lock: yes, if
 * serialised). Calls on different heaps are independent.
 *
 * Time: malloc, free, realloc in place, aligned allocation and every size
 * query are O(1); realloc that moves adds the copy; dump, check, walk and
 * find_containing_block are O(blocks in the heap).
 */
#ifndef CAPHEAP_ESPIDF_MULTI_HEAP_H
#define CAPHEAP_ESPIDF_MULTI_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) || defined(__clang__)
#define CAPHEAP_ESPIDF_DEPRECATED __attribute__((deprecated))
#else
#define CAPHEAP_ESPIDF_DEPRECATED
#endif

/* Handle to a registered heap (an incomplete type: never dereference it). */
typedef struct multi_heap_info *multi_heap_handle_t;

/*
 * Heap statistics, field for field in ESP-IDF's order. Sizes are payload
 * bytes a caller can use; block headers are never counted as free.
 */
typedef struct {
    size_t total_free_bytes;      /* bytes in free blocks (= multi_heap_free_size) */
    size_t total_allocated_bytes; /* usable bytes of allocated blocks */
    size_t largest_free_block;    /* largest n for which malloc(n) succeeds now */
    size_t minimum_free_bytes;    /* lowest total_free_bytes since register or
                                     the last reset_minimum_free_bytes */
    size_t allocated_blocks;      /* blocks in use */
    size_t free_blocks;           /* free blocks */
    size_t total_blocks;          /* allocated_blocks + free_blocks */
} multi_heap_info_t;

/*
 * Walker callback: called once per block in address order with the address
 * of its data, its usable size, and 1 if allocated / 0 if free. Return true
 * to go on, false to stop the walk. It must not allocate or free in the
 * heap being walked.
 */
typedef bool (*multi_heap_walker_cb_t)(void *block_ptr, size_t block_size,
                                       int block_used, void *user_data);

/*
 * Turns [start, start+size) into an empty heap and returns its handle.
 * Any alignment of start is accepted. Returns NULL iff start is NULL, the
 * range wraps around the address space, or it is too small to hold the
 * handle, the control structure and one allocatable block. O(log size).
 * There is no unregister: once every block is free the memory may simply be
 * reused for something else.
 */
multi_heap_handle_t multi_heap_register(void *start, size_t size);

/*
 * Turns locking on (lock non-NULL) or off (NULL, the state after register).
 * capheap plays ESP-IDF's platform layer here: the lock itself lives in the
 * heap's handle and is created with the lock port chosen by
 * capheap_espidf_set_multi_heap_lock_port() (default
 * capheap_port_lock_default(): a pthread mutex on the host, nothing on bare
 * metal); `lock` is only a switch and is never read or written, so passing
 * ESP-IDF's portMUX_TYPE (or anything) is safe. A previous lock is
 * destroyed first; if the new one cannot be created the heap stays
 * unlocked. Must not be called while another thread uses the heap. O(1).
 */
void multi_heap_set_lock(multi_heap_handle_t heap, void *lock);

/*
 * malloc in this heap. Returns NULL iff heap is NULL, size is 0 (as ESP-IDF)
 * or no free block can hold size bytes. Blocks are aligned to
 * CAPHEAP_ALIGNMENT. O(1).
 */
void *multi_heap_malloc(multi_heap_handle_t heap, size_t size);

/*
 * Aligned malloc: the result is a multiple of `alignment`. Returns NULL iff
 * heap is NULL, size is 0, alignment is 0 or not a power of two, or no free
 * block fits. Free the block with multi_heap_free. O(1).
 */
void *multi_heap_aligned_alloc(multi_heap_handle_t heap, size_t size, size_t alignment);

/*
 * Aligned malloc where (result + offset) is the multiple of `alignment`
 * (ESP-IDF uses it to align the data after a debug header). Returns NULL iff
 * multi_heap_aligned_alloc would, or offset > size, or the request is
 * impossible: offset not a multiple of min(alignment, CAPHEAP_ALIGNMENT)
 * (every block starts on CAPHEAP_ALIGNMENT). O(1).
 */
void *multi_heap_aligned_alloc_offs(multi_heap_handle_t heap, size_t size,
                                    size_t alignment, size_t offset);

/* free in this heap. NULL (heap or p) does nothing; a pointer this heap did
 * not return is detected and ignored. O(1). */
void multi_heap_free(multi_heap_handle_t heap, void *p);

/* Same as multi_heap_free (kept for source compatibility; deprecated in
 * ESP-IDF). */
CAPHEAP_ESPIDF_DEPRECATED void multi_heap_aligned_free(multi_heap_handle_t heap, void *p);

/*
 * realloc in this heap. p NULL: multi_heap_malloc(size). size 0 with p
 * non-NULL: frees p and returns NULL. Otherwise returns a block of at least
 * size bytes holding the first min(old usable size, size) bytes of p (p
 * itself when resized in place), or NULL with p untouched iff the heap has
 * no room, heap is NULL, or p is not a live block of this heap. O(1) in
 * place, O(1) + copy when moving.
 */
void *multi_heap_realloc(multi_heap_handle_t heap, void *p, size_t size);

/* Usable size of the live block p (>= the size asked). Returns 0 for NULL
 * or a pointer this heap did not return. O(1). */
size_t multi_heap_get_allocated_size(multi_heap_handle_t heap, void *p);

/* Size of the block holding p as the heap sees it. Equal to
 * multi_heap_get_allocated_size here: this layer adds no debug header.
 * Returns 0 for NULL or a bad pointer. O(1). */
size_t multi_heap_get_full_block_size(multi_heap_handle_t heap, void *p);

/*
 * Start of the allocated block whose data contains ptr (ptr may point
 * anywhere inside the block). Returns NULL iff heap or ptr is NULL or ptr is
 * not inside an allocated block of this heap (ESP-IDF asserts instead).
 * O(blocks).
 */
void *multi_heap_find_containing_block(multi_heap_handle_t heap, void *ptr);

/* Prints "Showing data for heap: <handle>" and then one line per block
 * ("Block <addr> data, size: <n> bytes, Free: Yes|No") to the print sink.
 * NULL heap does nothing. O(blocks). */
void multi_heap_dump(multi_heap_handle_t heap);

/*
 * Full integrity check of the heap (headers, neighbour links, free lists,
 * bitmaps, statistics). Returns true iff the heap is sound; a NULL heap is
 * reported as not sound. With print_errors, the first problem is described
 * on the print sink. Never asserts. O(blocks).
 */
bool multi_heap_check(multi_heap_handle_t heap, bool print_errors);

/* Bytes in free blocks (0 for a NULL heap). O(1). */
size_t multi_heap_free_size(multi_heap_handle_t heap);

/* Lowest free size since register or the last reset (0 for NULL). O(1). */
size_t multi_heap_minimum_free_size(multi_heap_handle_t heap);

/* Fills *info (zeros when heap is NULL; nothing when info is NULL).
 * O(1). */
void multi_heap_get_info(multi_heap_handle_t heap, multi_heap_info_t *info);

/* Sets the minimum free size to the current free size and returns the
 * previous minimum (0 for a NULL heap). O(1). */
size_t multi_heap_reset_minimum_free_bytes(multi_heap_handle_t heap);

/* The minimum becomes the smaller of its current value and
 * new_minimum_free_bytes_value (undoes a reset after a measurement). O(1). */
void multi_heap_restore_minimum_free_bytes(multi_heap_handle_t heap,
                                           const size_t new_minimum_free_bytes_value);

/* Calls walker_func for every block in address order until it returns
 * false. NULL heap or walker does nothing. O(blocks). */
void multi_heap_walk(multi_heap_handle_t heap, multi_heap_walker_cb_t walker_func,
                     void *user_data);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESPIDF_MULTI_HEAP_H */
