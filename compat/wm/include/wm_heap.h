/*
 * WinnerMicro WM IoT SDK heap API (wm_heap.h: names, signatures, cap values
 * and return codes of the SDK) over capheap, on the w800 chip table.
 *
 * wm_heap_init() creates the heap's caps instance from the w800 table
 * (capheap/chip.h: SRAM and the shared DRAM at start-up; PSRAM joins with
 * wm_heap_append_to_heap("PSRAM")); on the host the table is simulated
 * (capheap/sim.h). WM capabilities map to capheap's: DEFAULT -> DEFAULT,
 * INTERNAL -> INTERNAL, SPIRAM -> SPIRAM, EXEC -> EXEC, SHARED (reachable by
 * Wi-Fi and the SDIO/HSPI slave) -> DMA; a request is served by a memory that
 * has every requested capability (caps 0 means DEFAULT, as in the SDK).
 *
 * Every block carries a record in front of it (the file and line of the
 * allocation, the caps asked, the size asked, links of the live-block list;
 * 32 bytes on 32-bit targets, 48 on 64-bit hosts), so wm_heap_print_tracing
 * can list every live block, wm_heap_caps_realloc can keep a block's caps and
 * never reads past the old block, and a pointer that is not a live block is
 * recognised and reported instead of corrupting the heap. Blocks are aligned
 * to 8 bytes.
 *
 * Tracing: when the program is compiled with CONFIG_HEAP_USE_TRACING (the
 * SDK's option) or CAPHEAP_WM_TRACING=1 defined, wm_heap_caps_alloc and
 * wm_heap_caps_realloc are macros over the *_tracing functions with
 * __FILE__ and __LINE__, and the records name the caller's source line; the
 * functions themselves always exist (calls without the macro record no
 * file, line -1).
 *
 * Threads and interrupts: every function may be called from several
 * threads at once after wm_heap_init (caps layer locks plus one lock for the
 * live-block list, never held together); wm_heap_init must run first, alone.
 * ISR-safety is that of the lock port (none on the host).
 *
 * Complexity: allocation O(heaps); free O(log heaps); sizes O(heaps);
 * prints O(heaps) / O(live blocks).
 */
#ifndef CAPHEAP_WM_HEAP_H
#define CAPHEAP_WM_HEAP_H

#include <stddef.h>
#include <stdint.h>

#include "capheap/caps.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes of the SDK's wm_error.h used here (same values and
 * spelling, so including wm_error.h as well is harmless). */
#ifndef WM_ERR_SUCCESS
#define WM_ERR_SUCCESS          0
#endif
#ifndef WM_ERR_FAILED
#define WM_ERR_FAILED           -1
#endif
#ifndef WM_ERR_INVALID_PARAM
#define WM_ERR_INVALID_PARAM    -3
#endif
#ifndef WM_ERR_NO_INITED
#define WM_ERR_NO_INITED        -7
#endif

/* Memory names (the chip table's memory types). */
#define WM_HEAP_SRAM_NAME  "SRAM"
#define WM_HEAP_DRAM_NAME  "DRAM"
#define WM_HEAP_PSRAM_NAME "PSRAM"

/* Capabilities (the SDK's values). */
typedef enum {
    WM_HEAP_CAP_DEFAULT = (1 << 0),  /* what plain malloc may return */
    WM_HEAP_CAP_INTERNAL = (1 << 1), /* on-chip memory */
    WM_HEAP_CAP_SPIRAM = (1 << 2),   /* external PSRAM */
    WM_HEAP_CAP_EXEC = (1 << 3),     /* can run code */
    WM_HEAP_CAP_SHARED = (1 << 4),   /* reachable by Wi-Fi and SDIO/HSPI slave */
    WM_HEAP_CAP_INVALID = (1 << 20)  /* never usable: requests fail */
} wm_heap_cap_type_t;

/*
 * Creates the heap over the w800 table's start-up memories (SRAM, DRAM).
 * A second call does nothing (the SDK re-initialises the heap, losing every
 * block). On the host, when the simulation or the instance cannot be made,
 * a line is printed and every allocation then fails. Not thread-safe.
 */
void wm_heap_init(void);

/*
 * Adds the memory called mem_name to the heap. Returns WM_ERR_SUCCESS when
 * it was added ("PSRAM") or is already part of the heap ("SRAM", "DRAM", or
 * "PSRAM" a second time); WM_ERR_INVALID_PARAM when mem_name is NULL or names
 * no memory of the table; WM_ERR_NO_INITED before wm_heap_init;
 * WM_ERR_FAILED when the memory cannot become a heap. Thread-safe.
 */
int wm_heap_append_to_heap(const char *mem_name);

/*
 * malloc by capabilities: at least size bytes, 8-byte aligned, from a memory
 * with every capability in caps (0: WM_HEAP_CAP_DEFAULT). Returns NULL iff
 * size is 0 (as the SDK), caps has a bit outside WM_HEAP_CAP_* or
 * WM_HEAP_CAP_INVALID, no memory has all of caps, size plus the record
 * overflows, no such memory has room, or wm_heap_init was not called.
 */
void *wm_heap_caps_alloc(size_t size, wm_heap_cap_type_t caps);

/*
 * realloc: old_mem NULL is wm_heap_caps_alloc(new_size, caps); new_size 0
 * frees old_mem and returns NULL. Otherwise a new block with caps (0: the
 * caps old_mem was allocated with) receives the first min(size asked for
 * old_mem, new_size) bytes and old_mem is freed. Returns NULL with old_mem
 * untouched when the new block cannot be had; NULL (reported) when old_mem
 * is not a live block.
 */
void *wm_heap_caps_realloc(void *old_mem, size_t new_size, wm_heap_cap_type_t caps);

/* The same, recording file and line in the block's record (what the
 * tracing macros below call). file is kept as a pointer (use string
 * literals, e.g. __FILE__). */
void *wm_heap_caps_alloc_tracing(size_t size, wm_heap_cap_type_t caps, const char *file,
                                 int line);
void *wm_heap_caps_realloc_tracing(void *old_mem, size_t new_size, wm_heap_cap_type_t caps,
                                   const char *file, int line);

/*
 * calloc by capabilities (capheap addition: the SDK's calloc multiplies
 * without checking): n * size zeroed bytes; NULL when the product overflows
 * or is 0, else as wm_heap_caps_alloc.
 */
void *wm_heap_caps_calloc(size_t n, size_t size, wm_heap_cap_type_t caps);

/* free: NULL does nothing; a pointer that is not a live block of this heap
 * (foreign, interior, already freed) is reported and ignored. */
void wm_heap_caps_free(void *p);

/* Free bytes of every memory of the heap (0 before wm_heap_init). */
size_t wm_heap_get_free_size(void);

/* The sum of every memory's lowest free size since it joined the heap (each
 * memory's own minimum; a lower bound of the lowest total). */
size_t wm_heap_get_minimum_ever_free_size(void);

/*
 * Prints the free and minimum free bytes of the heap, then one line per
 * memory with its current and minimum free bytes:
 *   heap: free 224480 (219.21 KB), minimum 224480 (219.21 KB)
 *       SRAM     free 118752   minimum 118752
 *       DRAM     free 131040   minimum 131040
 */
void wm_heap_print_stats(void);

/*
 * Prints every live block, one line each ("index<TAB>address<TAB>file:line
 * <TAB>size", file "-" and line -1 when allocated without the tracing
 * macros), then "summary: malloc size <bytes asked>, malloc count <n>".
 * When p is not NULL, also the record of the block at p ("block <p> in
 * file:line size n", or "<p> is not a live block") and wm_heap_print_stats.
 */
void wm_heap_print_tracing(void *p);

/* ------------------------------------------------------ capheap extensions */

/* Where the prints go (NULL: stdout, the default). Not thread-safe with
 * concurrent prints. */
void capheap_wm_set_print(capheap_print_fn print, void *ctx);

/* What happens with a pointer that is not a live block (NULL: the default,
 * one line "wm_heap: <reason> at <address>" on the print sink). */
void capheap_wm_set_error_hook(capheap_error_fn hook, void *ctx);

/* The caps instance behind the heap, NULL before wm_heap_init. Blocks of
 * capheap_caps_malloc on it must be freed with capheap_caps_free, not
 * wm_heap_caps_free (they have no record). */
capheap_caps_t *capheap_wm_instance(void);

#if defined(CONFIG_HEAP_USE_TRACING) || (defined(CAPHEAP_WM_TRACING) && CAPHEAP_WM_TRACING)
#define wm_heap_caps_alloc(size, caps) wm_heap_caps_alloc_tracing((size), (caps), __FILE__, __LINE__)
#define wm_heap_caps_realloc(old_mem, new_size, caps) \
    wm_heap_caps_realloc_tracing((old_mem), (new_size), (caps), __FILE__, __LINE__)
#endif

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_WM_HEAP_H */
