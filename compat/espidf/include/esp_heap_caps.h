/*
 * ESP-IDF capabilities-based heap API (esp_heap_caps.h, v5.5 names,
 * signatures, MALLOC_CAP_* values, struct layouts and return codes) over
 * capheap's native allocator (capheap/caps.h).
 *
 * Every function works on one default allocator instance that lives in the
 * compat layer and is created by heap_caps_init() (esp_heap_caps_init.h);
 * nothing is initialised lazily. Before heap_caps_init():
 *   - allocation functions return NULL (the failed-allocation callback runs
 *     for sizes > 0, as for any failure);
 *   - heap_caps_free(NULL) does nothing; any other pointer is reported as not
 *     owned (see capheap_espidf_set_error_hook) and ignored;
 *   - statistics are 0, get_info fills zeros, print shows empty totals,
 *     check_integrity(_all) returns true (no heap is damaged),
 *     check_integrity_addr returns false, dump and walk do nothing.
 *
 * Differences from ESP-IDF, all on inputs ESP-IDF leaves undefined or
 * asserts on: a pointer the allocator does not own (foreign, interior,
 * already freed) given to free/realloc/get_allocated_size is reported and
 * ignored (realloc returns NULL, sizes return 0) instead of crashing.
 *
 * Threads and interrupts: every function here may be called from several
 * threads at once after heap_caps_init() (one lock per heap, see
 * capheap/caps.h). On the host nothing is ISR-safe (pthread locks); on a
 * target with a critical-section lock port, the functions ESP-IDF lists as
 * ISR-callable (heap_caps_malloc, _free, _realloc, _calloc, _aligned_alloc,
 * _aligned_free, _malloc_prefer, _realloc_prefer, _calloc_prefer,
 * heap_caps_malloc_default, heap_caps_realloc_default) are ISR-safe here too;
 * walks, dumps, checks, prints and add_region never are.
 *
 * Complexity: allocation functions are O(heaps) (each heap tried in O(1));
 * free and size queries O(log heaps); statistics O(heaps); walk, dump and
 * check O(blocks); get_containing_block_size O(blocks of one heap).
 */
#ifndef CAPHEAP_ESPIDF_ESP_HEAP_CAPS_H
#define CAPHEAP_ESPIDF_ESP_HEAP_CAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "capheap/chip.h"
#include "capheap_esp_err.h"
#include "multi_heap.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ESP-IDF places heap functions in IRAM with this attribute; here it is
 * empty (host and generic targets). */
#ifndef HEAP_IRAM_ATTR
#define HEAP_IRAM_ATTR
#endif

/* Capability flags (values identical to ESP-IDF's; unsigned). */
#define MALLOC_CAP_EXEC          CAPHEAP_CAP_EXEC          /* can run code */
#define MALLOC_CAP_32BIT         CAPHEAP_CAP_32BIT         /* aligned 32-bit access */
#define MALLOC_CAP_8BIT          CAPHEAP_CAP_8BIT          /* 8/16/...-bit access */
#define MALLOC_CAP_DMA           CAPHEAP_CAP_DMA           /* reachable by DMA */
#define MALLOC_CAP_PID2          CAPHEAP_CAP_PID2          /* PIDs: unused */
#define MALLOC_CAP_PID3          CAPHEAP_CAP_PID3
#define MALLOC_CAP_PID4          CAPHEAP_CAP_PID4
#define MALLOC_CAP_PID5          CAPHEAP_CAP_PID5
#define MALLOC_CAP_PID6          CAPHEAP_CAP_PID6
#define MALLOC_CAP_PID7          CAPHEAP_CAP_PID7
#define MALLOC_CAP_SPIRAM        CAPHEAP_CAP_SPIRAM        /* external RAM */
#define MALLOC_CAP_INTERNAL      CAPHEAP_CAP_INTERNAL      /* on-chip RAM */
#define MALLOC_CAP_DEFAULT       CAPHEAP_CAP_DEFAULT       /* malloc() may use it */
#define MALLOC_CAP_IRAM_8BIT     CAPHEAP_CAP_IRAM_8BIT     /* IRAM, unaligned access */
#define MALLOC_CAP_RETENTION     CAPHEAP_CAP_RETENTION     /* retention DMA */
#define MALLOC_CAP_RTCRAM        CAPHEAP_CAP_RTCRAM        /* RTC fast memory */
#define MALLOC_CAP_SPM           CAPHEAP_CAP_TCM           /* scratch-pad / TCM */
#define MALLOC_CAP_TCM           CAPHEAP_CAP_TCM           /* older name of SPM */
#define MALLOC_CAP_DMA_DESC_AHB  CAPHEAP_CAP_DMA_DESC_AHB  /* AHB DMA descriptors */
#define MALLOC_CAP_DMA_DESC_AXI  CAPHEAP_CAP_DMA_DESC_AXI  /* AXI DMA descriptors */
#define MALLOC_CAP_CACHE_ALIGNED CAPHEAP_CAP_CACHE_ALIGNED /* cache-line aligned */
#define MALLOC_CAP_SIMD          CAPHEAP_CAP_SIMD          /* SIMD loads/stores */
#define MALLOC_CAP_SPIRAM_NO_ENC (1u << 21)                /* no table has it:
                                                              requests fail */
#define MALLOC_CAP_INVALID       CAPHEAP_CAP_INVALID       /* never usable; "all
                                                              heaps" in check,
                                                              dump and walk */

/* ------------------------------------------------------------ failures */

/* Called after an allocation failed: the size and caps asked and the name of
 * the public function that failed ("heap_caps_malloc", ...). */
typedef void (*esp_alloc_failed_hook_t)(size_t size, uint32_t caps, const char *function_name);

/*
 * Registers the failed-allocation callback (replacing any previous one).
 * Returns ESP_OK, or ESP_ERR_INVALID_ARG when callback is NULL (the old one
 * stays). May be called before heap_caps_init. O(1). Not ISR-safe.
 * The callback runs on the failing thread with no heap lock held, after
 * every failed allocation of size > 0 (including before heap_caps_init and
 * for impossible requests: overflow, EXEC|8BIT, bad alignment). Built with
 * CAPHEAP_ESPIDF_ABORT_WHEN_ALLOCATION_FAILS=1, the program then aborts
 * (ESP-IDF's CONFIG_HEAP_ABORT_WHEN_ALLOCATION_FAILS).
 */
esp_err_t heap_caps_register_failed_alloc_callback(esp_alloc_failed_hook_t callback);

/* ------------------------------------------------------------ allocation */

/*
 * malloc from memory having every capability in caps: the first heap that
 * matches at priority 0, then 1, then 2, and has room. EXEC or 32BIT round
 * the size up to 4; DMA/cache-aligned/SIMD may raise the alignment (chip
 * hook); EXEC from D/IRAM returns the instruction-bus address.
 * Returns NULL iff size is 0 (no callback), caps has EXEC with 8BIT or DMA,
 * no heap has all of caps, size is too large for any computation, no
 * matching heap has room, or heap_caps_init was not called.
 */
void *heap_caps_malloc(size_t size, uint32_t caps);

/* free for every heap_caps_* / multi-caps allocation (also at an
 * instruction-bus alias). NULL does nothing; a pointer not owned is
 * reported and ignored. */
void heap_caps_free(void *ptr);

/*
 * realloc to memory having caps. ptr NULL: heap_caps_malloc(size, caps).
 * size 0: frees ptr and returns NULL. If ptr's heap has all of caps it is
 * resized there (in place when possible); otherwise, or if that heap is
 * full, a new block is taken with caps, the old usable size (at most size)
 * is copied and the old block freed ("moving" a buffer to other memory).
 * Returns NULL with ptr untouched iff the new block cannot be had or ptr is
 * not owned (reported).
 */
void *heap_caps_realloc(void *ptr, size_t size, uint32_t caps);

/*
 * Aligned malloc with caps. Returns NULL iff size is 0 (no callback),
 * alignment is 0 or not a power of two, or as heap_caps_malloc. The block is
 * freed with heap_caps_free.
 */
void *heap_caps_aligned_alloc(size_t alignment, size_t size, uint32_t caps);

/* Same as heap_caps_free (deprecated in ESP-IDF, kept for source
 * compatibility). */
CAPHEAP_ESPIDF_DEPRECATED void heap_caps_aligned_free(void *ptr);

/* Aligned calloc: zeroed n*size bytes. NULL iff n*size overflows size_t or
 * is 0, or as heap_caps_aligned_alloc. */
void *heap_caps_aligned_calloc(size_t alignment, size_t n, size_t size, uint32_t caps);

/* calloc with caps: zeroed n*size bytes. NULL iff n*size overflows size_t
 * (checked before any rounding) or is 0, or as heap_caps_malloc. */
void *heap_caps_calloc(size_t n, size_t size, uint32_t caps);

/*
 * The _prefer family: num caps masks follow as variadic uint32_t arguments,
 * most preferred first; each is tried in turn with the semantics of
 * heap_caps_malloc / _realloc / _calloc and the first success is returned.
 * NULL iff every mask failed (the callback then runs once, with the last
 * mask), num is 0, or size is 0 (realloc_prefer: frees ptr and returns
 * NULL). realloc_prefer leaves ptr untouched on failure.
 */
void *heap_caps_malloc_prefer(size_t size, size_t num, ...);
void *heap_caps_realloc_prefer(void *ptr, size_t size, size_t num, ...);
void *heap_caps_calloc_prefer(size_t n, size_t size, size_t num, ...);

/*
 * What libc malloc()/realloc() resolve to on ESP-IDF (declared here; ESP-IDF
 * declares them privately). malloc_default: MALLOC_CAP_DEFAULT |
 * MALLOC_CAP_INTERNAL; after heap_caps_malloc_extmem_enable(limit), sizes up
 * to limit try internal memory first and larger ones SPIRAM first, each then
 * falling back to any DEFAULT memory. NULL iff size is 0 or nothing fits.
 * realloc_default applies the same policy to realloc.
 */
void *heap_caps_malloc_default(size_t size);
void *heap_caps_realloc_default(void *ptr, size_t size);

/*
 * Lets malloc()-style allocations (heap_caps_malloc_default) use external
 * memory, preferring it for sizes above `limit` bytes. SIZE_MAX turns it off
 * again (ESP-IDF's -1). May be called before init (takes effect at init).
 * O(1).
 */
void heap_caps_malloc_extmem_enable(size_t limit);

/* Usable size of the live block ptr (>= the size asked). 0 for NULL or a
 * pointer not owned (reported; ESP-IDF asserts). O(log heaps). */
size_t heap_caps_get_allocated_size(void *ptr);

/*
 * Size of the allocated block containing ptr, which may point anywhere
 * inside the block's data. 0 when ptr is NULL or inside no allocated block
 * (ESP-IDF asserts). O(log heaps + blocks of that heap).
 */
size_t heap_caps_get_containing_block_size(void *ptr);

/* ------------------------------------------------------------ statistics */
/*
 * By caps: each function covers every heap whose capabilities include all of
 * caps. Beware: that is not what malloc() can use. get_free_size(MALLOC_CAP_8BIT)
 * also counts heaps malloc() never touches unless enabled (SPIRAM added at
 * run time), get_free_size(MALLOC_CAP_32BIT) on the ESP32 adds IRAM, and a
 * D/IRAM heap counts under both DRAM-style and IRAM-style caps (once each
 * query). For "can malloc(n) succeed" use
 * get_largest_free_block(MALLOC_CAP_DEFAULT | MALLOC_CAP_INTERNAL).
 */

/* Sum of the sizes of the matching heaps' regions, as ESP-IDF counts it
 * (the heap's own records included: total > free + allocated). */
size_t heap_caps_get_total_size(uint32_t caps);

/* Free bytes summed over the matching heaps (fragmentation may make a single
 * block of this size impossible). */
size_t heap_caps_get_free_size(uint32_t caps);

/*
 * Sum of the matching heaps' lowest free sizes. Each heap tracks its own low
 * mark, so the sum can be lower than any moment's real total. A heap added
 * at run time starts its low mark at its own free size when added.
 */
size_t heap_caps_get_minimum_free_size(uint32_t caps);

/* Largest s for which heap_caps_malloc(s, caps) succeeds now (the maximum
 * over matching heaps, EXEC rounding and alignment taken into account). */
size_t heap_caps_get_largest_free_block(uint32_t caps);

/* Starts a measurement window: minimum free sizes are tracked from now.
 * ESP_OK, or ESP_FAIL when a window is already open or before init. */
esp_err_t heap_caps_monitor_local_minimum_free_size_start(void);

/* Ends the window: minimums are again the lifetime ones (the lower of the
 * lifetime and the window's). ESP_OK, or ESP_FAIL when no window is open. */
esp_err_t heap_caps_monitor_local_minimum_free_size_stop(void);

/* Aggregated multi_heap_info_t of the matching heaps: sums, except
 * largest_free_block (the maximum). Zeros when none matches. */
void heap_caps_get_info(multi_heap_info_t *info, uint32_t caps);

/*
 * Prints, to the print sink, in ESP-IDF's format:
 *   "Heap summary for capabilities 0x%08X:", two lines per matching heap
 *   ("  At 0x... len N free N allocated N min_free N" and
 *   "    largest_free_block N alloc_blocks N free_blocks N total_blocks N"),
 *   "  Totals:" and "    free N allocated N min_free N largest_free_block N".
 */
void heap_caps_print_heap_info(uint32_t caps);

/* Full integrity check of every heap (= heap_caps_check_integrity with
 * MALLOC_CAP_INVALID). true iff all are sound; print_errors describes the
 * first problem of each damaged heap on the print sink. O(blocks). */
bool heap_caps_check_integrity_all(bool print_errors);

/* Same over the heaps matching caps (MALLOC_CAP_INVALID: all heaps). */
bool heap_caps_check_integrity(uint32_t caps, bool print_errors);

/* Same over the one heap containing addr (data or instruction address).
 * false when that heap is damaged or no heap contains addr. */
bool heap_caps_check_integrity_addr(intptr_t addr, bool print_errors);

/*
 * For each matching heap (MALLOC_CAP_INVALID: all), prints on the print sink
 * "Showing data for heap: <addr>" and one line per block,
 * "Block <addr> data, size: <n> bytes, Free: Yes|No" (multi_heap_dump).
 */
void heap_caps_dump(uint32_t caps);

/* heap_caps_dump of every heap. */
void heap_caps_dump_all(void);

/* ------------------------------------------------------------ walking */

/* The heap a walked block lives in: [start, end) of its region. (The
 * misspelt type name is ESP-IDF's.) */
typedef struct walker_heap_info {
    intptr_t start;
    intptr_t end;
} walker_heap_into_t;

/* One walked block: its data address, usable size, and whether in use. */
typedef struct walker_block_info {
    void *ptr;
    size_t size;
    bool used;
} walker_block_info_t;

/* Walk callback: return true to go on with this heap, false to skip the rest
 * of this heap and go on with the next one. It must not allocate or free
 * in the heap being walked (that heap's lock is held). */
typedef bool (*heap_caps_walker_cb_t)(walker_heap_into_t heap_info,
                                      walker_block_info_t block_info, void *user_data);

/* Calls walker_func for every block of every heap whose caps include all of
 * caps (MALLOC_CAP_INVALID: all heaps), heap by heap. NULL walker: nothing. */
void heap_caps_walk(uint32_t caps, heap_caps_walker_cb_t walker_func, void *user_data);

/* heap_caps_walk over every heap. */
void heap_caps_walk_all(heap_caps_walker_cb_t walker_func, void *user_data);

/*
 * Allocation hooks (ESP-IDF's CONFIG_HEAP_USE_HOOKS, always on here): the
 * library refers to these weakly and defines neither. A program that
 * defines esp_heap_trace_alloc_hook has it called after every successful
 * allocation of the default instance (ptr as returned, size and caps as
 * asked; realloc reports the new block), one that defines
 * esp_heap_trace_free_hook before every free of a pointer inside one of its
 * heaps (realloc reports the old block). Either may be defined alone. They
 * are installed by heap_caps_init() (capheap_caps_set_hooks on the default
 * instance, which they then occupy); a program that defines neither pays
 * nothing. They run without any heap lock held and may be called from any
 * thread that allocates; they must not allocate or free the block they are
 * told about.
 */
void esp_heap_trace_alloc_hook(void *ptr, size_t size, uint32_t caps);
void esp_heap_trace_free_hook(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESPIDF_ESP_HEAP_CAPS_H */
