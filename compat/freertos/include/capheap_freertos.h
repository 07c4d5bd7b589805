/*
 * FreeRTOS heap_5 API (portable.h's heap functions) over capheap's caps
 * allocator, so a FreeRTOS application drops heap_5.c and links capheap.
 *
 * Include order: when the kernel's own headers are used, include
 * "FreeRTOS.h" (which includes portable.h) before this header; it then only
 * adds capheap's extensions and leaves HeapRegion_t, HeapStats_t and the
 * kernel's prototypes alone. Without the kernel (host tests, tools), this
 * header declares them itself, with the kernel's names, layouts and types.
 *
 * State: one heap_5 instance per program. vPortDefineHeapRegions() builds a
 * caps instance (capheap/caps.h) over the given regions, every region with
 * the capabilities DEFAULT | INTERNAL | 8BIT | 32BIT; or
 * capheap_freertos_use_instance() makes an existing instance (a chip table's
 * heaps, the ESP-IDF default instance, ...) the heap behind pvPortMalloc.
 * pvPortMalloc is the caps allocator's plain-malloc policy
 * (capheap_caps_malloc_default); blocks are aligned to CAPHEAP_ALIGNMENT
 * (heap_5: portBYTE_ALIGNMENT). Capabilities: capheap_freertos_instance()
 * gives the instance to capheap_caps_malloc(inst, size, caps) and friends;
 * their blocks may be freed with vPortFree and the reverse.
 *
 * Threads and interrupts: every function may be called from several tasks
 * at once once the heap is defined (the caps layer's per-heap locks, see
 * capheap/caps.h); vPortDefineHeapRegions, capheap_freertos_use_instance
 * and vPortHeapResetState must not run concurrently with anything else.
 * ISR-safety is that of the lock port (none with pthreads).
 *
 * Complexity: pvPortMalloc/pvPortCalloc O(heaps) (+ zeroing), vPortFree
 * O(log heaps), xPortGet*Size O(heaps), vPortGetHeapStats O(blocks).
 *
 * Differences from heap_5 (on inputs heap_5 asserts on or leaves undefined):
 * regions may come in any order; a second vPortDefineHeapRegions without
 * vPortHeapResetState is ignored; allocation before any region is defined
 * returns NULL (and calls the malloc-failed hook) instead of asserting;
 * vPortFree of a pointer the heap does not own is reported to the error
 * hook (capheap_freertos_set_error_hook) and ignored. The byte figures are capheap's: free
 * bytes are payload bytes (heap_5 counts its block headers as free too).
 */
#ifndef CAPHEAP_FREERTOS_H
#define CAPHEAP_FREERTOS_H

#include <stddef.h>
#include <stdint.h>

#include "capheap/caps.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The kernel's portable.h (include guard PORTABLE_H, included by FreeRTOS.h,
 * guard INC_FREERTOS_H) already declares what follows. */
#if !defined(PORTABLE_H) && !defined(INC_FREERTOS_H)

/* One region for vPortDefineHeapRegions; an array of them ends with an
 * entry whose pucStartAddress is NULL. */
typedef struct HeapRegion {
    uint8_t *pucStartAddress;
    size_t xSizeInBytes;
} HeapRegion_t;

/* What vPortGetHeapStats reports. */
typedef struct xHeapStats {
    size_t xAvailableHeapSpaceInBytes;      /* free bytes now */
    size_t xSizeOfLargestFreeBlockInBytes;  /* largest n pvPortMalloc(n) gets */
    size_t xSizeOfSmallestFreeBlockInBytes; /* smallest free block (0: none) */
    size_t xNumberOfFreeBlocks;
    size_t xMinimumEverFreeBytesRemaining;  /* lowest free bytes seen */
    size_t xNumberOfSuccessfulAllocations;  /* pvPortMalloc/pvPortCalloc */
    size_t xNumberOfSuccessfulFrees;        /* vPortFree of owned blocks */
} HeapStats_t;

/*
 * Defines the heap: an array of regions (host addresses on the host, real
 * memory on a target) ended by an entry with pucStartAddress NULL. Builds a
 * caps instance over them (its record lives at the start of the largest
 * region; regions too small for a heap are skipped). Does nothing when the
 * heap is already defined (until vPortHeapResetState), when the array is
 * NULL or empty, or when no heap can be built (then every allocation
 * fails). Not thread-safe. O(regions^2).
 */
void vPortDefineHeapRegions(const HeapRegion_t *const pxHeapRegions);

/*
 * malloc: at least xWantedSize bytes, aligned to CAPHEAP_ALIGNMENT.
 * Returns NULL, after calling the malloc-failed hook (see
 * capheap_freertos_set_malloc_failed_hook), iff xWantedSize is 0 (as
 * heap_5), no heap is defined, or no heap has room (sizes near SIZE_MAX
 * included). O(heaps). Thread-safe.
 */
void *pvPortMalloc(size_t xWantedSize);

/* free: NULL does nothing; a pointer not from this heap is reported (the
 * error hook) and ignored. O(log heaps). Thread-safe. */
void vPortFree(void *pv);

/* calloc: xNum * xSize zeroed bytes. NULL without calling the hook iff the
 * product overflows; otherwise as pvPortMalloc(xNum * xSize) (so a zero
 * product gives NULL). Thread-safe. */
void *pvPortCalloc(size_t xNum, size_t xSize);

/* Free bytes in the heap now (0 before the heap is defined). O(heaps). */
size_t xPortGetFreeHeapSize(void);

/* Lowest xPortGetFreeHeapSize() seen after any pvPortMalloc since the heap
 * was defined or the last reset (0 before the heap is defined). O(1). */
size_t xPortGetMinimumEverFreeHeapSize(void);

/* Sets the minimum-ever figure to the current free size. O(heaps). */
void xPortResetHeapMinimumEverFreeHeapSize(void);

/* Fills every field of *pxHeapStats (zeros before the heap is defined; a
 * NULL pointer does nothing). O(blocks): walks every heap. */
void vPortGetHeapStats(HeapStats_t *pxHeapStats);

/* Forgets the heap: an instance vPortDefineHeapRegions built is destroyed
 * (every block becomes invalid), one given by capheap_freertos_use_instance
 * is just released; counters and the minimum go to 0. vPortDefineHeapRegions
 * may then be called again. Not thread-safe. O(heaps). */
void vPortHeapResetState(void);

#endif /* !PORTABLE_H && !INC_FREERTOS_H */

/* ----------------------------------------------------- capheap extensions */

/*
 * The malloc-failed hook, called (on the failing task, no lock held) after
 * every pvPortMalloc that returns NULL, pvPortCalloc's too unless its product
 * overflowed. The library built with CAPHEAP_FREERTOS_USE_MALLOC_FAILED_HOOK
 * = 1 (CMake option CAPHEAP_FREERTOS_MALLOC_FAILED_HOOK; FreeRTOS's
 * configUSE_MALLOC_FAILED_HOOK) calls the application's
 * vApplicationMallocFailedHook() by default, which the application must then
 * define; otherwise no hook is set. capheap_freertos_set_malloc_failed_hook
 * replaces the hook at run time (NULL: none). O(1). Not thread-safe with
 * concurrent failures.
 */
typedef void (*capheap_freertos_hook_fn)(void);
void capheap_freertos_set_malloc_failed_hook(capheap_freertos_hook_fn hook);

/*
 * Makes an existing caps instance the heap behind the heap_5 functions
 * (pvPortMalloc = capheap_caps_malloc_default on it; the statistics cover
 * its heaps with CAPHEAP_CAP_DEFAULT). The instance stays the caller's.
 * Returns CAPHEAP_OK, CAPHEAP_ERR_INVALID_ARG (inst NULL) or
 * CAPHEAP_ERR_STATE (a heap is already defined; vPortHeapResetState first).
 * Not thread-safe. O(heaps).
 */
capheap_err_t capheap_freertos_use_instance(capheap_caps_t *inst);

/*
 * The error hook of the instance vPortDefineHeapRegions builds: called with
 * the reason and the pointer when vPortFree gets a pointer the heap does not
 * own or a damaged block (capheap/common.h; it may run with a heap lock held
 * and must not call the allocator). NULL (the default): such pointers are
 * ignored silently. An instance given to capheap_freertos_use_instance keeps
 * its own hook. Not thread-safe with concurrent reports. O(1).
 */
void capheap_freertos_set_error_hook(capheap_error_fn hook, void *ctx);

/* The caps instance behind the heap_5 functions, NULL when none: use it
 * with capheap_caps_malloc(inst, size, caps) for memory by capabilities.
 * O(1). */
capheap_caps_t *capheap_freertos_instance(void);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_FREERTOS_H */
