/*
 * capheap caps: the capabilities-based allocator over many heaps (ESP-IDF's
 * heap_caps model, for any chip).
 *
 * An allocator instance (capheap_caps_t) owns one engine heap per region.
 * Each heap has capability masks at three priorities (from its memory type).
 * A request names the capabilities it needs; the instance picks a heap:
 *
 *   for priority p in 0, 1, 2:
 *       for each heap h in selection order:
 *           if h.caps[p] & caps  and  (h.caps[0]|h.caps[1]|h.caps[2]) ⊇ caps:
 *               try h; the first success wins
 *   then the same loops over reserve heaps (CAPHEAP_MT_RESERVE), which
 *   ordinary requests use only after every other eligible heap failed.
 *
 * Selection order: heaps added at run time first (newest first), then the
 * start-up heaps by ascending size (deferred heaps join that list in their
 * size position).
 *
 * Requests that change themselves:
 *   - EXEC together with 8BIT or DMA is refused (NULL);
 *   - EXEC and 32BIT round the size up to the chip's word (4 bytes);
 *   - the chip's alignment hook raises the alignment for DMA, cache-aligned
 *     and SIMD requests; CAPHEAP_CAP_CACHE_ALIGNED only raises alignment
 *     (it is removed before heaps are matched);
 *   - EXEC served from a D/IRAM heap is returned at its instruction-bus
 *     alias (word-reversed on the ESP32: one hidden word then precedes the
 *     block in the instruction view); free/realloc/size accept that alias.
 *
 * Memory: an instance needs no libc malloc. The instance itself, each heap's
 * record and the address index live at the start of the regions they
 * describe (their bytes are not counted as free). There is no fixed limit on
 * the number of heaps; each add_region stores a new address index of
 * (number of heaps + aliases) entries in the new region.
 *
 * Threads and interrupts: each heap has its own lock (capheap/port.h). The
 * allocation functions take one heap lock at a time; free/realloc/size find
 * the owning heap through a lock-free address index (binary search, O(log
 * heaps)) and then take that heap's lock. Any function may be called from
 * several threads at once, including frees of blocks another thread
 * allocated. With the pthread port nothing is ISR-safe. With the no-op port
 * everything is as ISR-safe as the caller's serialisation. With a
 * critical-section port that masks interrupts, malloc-family calls, free,
 * get_allocated_size and the O(1) per-heap statistics are ISR-safe; walks,
 * dumps, integrity checks, print and add_region are not (they hold a lock
 * for O(blocks) time or call user hooks).
 *
 * Hooks (alloc/free hooks, failed-allocation callback, error hook) run in the
 * caller's context without any heap lock held (except the error hook, see
 * capheap/common.h); they must not free or allocate the block they are told
 * about but may use the instance otherwise.
 */
#ifndef CAPHEAP_CAPS_H
#define CAPHEAP_CAPS_H

#include "capheap/common.h"
#include "capheap/chip.h"
#include "capheap/heap.h"
#include "capheap/layout.h"
#include "capheap/port.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An allocator instance. Distinct incomplete type. */
typedef struct capheap_caps capheap_caps_t;

/* One heap of an instance (a region). Distinct incomplete type. */
typedef struct capheap_caps_heap capheap_caps_heap_t;

/* Failed allocation: size and caps as the caller asked, the name of the
 * public function that failed ("capheap_caps_malloc", ...). */
typedef void (*capheap_alloc_failed_fn)(void *ctx, size_t size, uint32_t caps,
                                        const char *function_name);
/* Called after every successful allocation (ptr as returned to the caller,
 * size as asked, caps as asked; realloc reports the old pointer freed and the
 * new one allocated) and before every free of a pointer that lies in one of
 * the heaps (the engine may still reject it as a double free). */
typedef void (*capheap_alloc_hook_fn)(void *ctx, void *ptr, size_t size,
                                      uint32_t caps);
typedef void (*capheap_free_hook_fn)(void *ctx, void *ptr);
/* Abort-on-failure action; must not return. */
typedef void (*capheap_abort_fn)(void *ctx, const char *why);

typedef struct capheap_caps_config {
    const capheap_chip_t *chip;          /* NULL: no chip (no alignment hook,
                                            add_region needs explicit caps) */
    const capheap_addr_map_t *map;       /* NULL: identity (real target); the
                                            host simulation's map otherwise.
                                            Must outlive the instance. */
    const capheap_lock_ops_t *lock_ops;  /* NULL: capheap_port_lock_default().
                                            Must outlive the instance. */
    capheap_error_fn error_hook;         /* bad pointers (not owned, double
                                            free, ...); NULL: ignored */
    void *error_ctx;
    capheap_print_fn print;              /* where abort-on-failure and the
                                            error reports print; may be NULL */
    void *print_ctx;
} capheap_caps_config_t;

/* Fills *cfg with the defaults (all NULL). O(1). */
void capheap_caps_config_init(capheap_caps_config_t *cfg);

/* ------------------------------------------------------------------ setup */

/*
 * Creates an instance over `count` regions (host addresses; any order). The
 * instance record and the address index are placed at the start of the
 * largest region; every region's heap record at the start of its own region.
 * Regions become start-up heaps (selection by ascending size).
 * Returns CAPHEAP_OK and sets *out, or:
 *   CAPHEAP_ERR_INVALID_ARG  out/cfg/regions NULL, count 0, a region with no
 *                            caps, a start of 0, a range that wraps;
 *   CAPHEAP_ERR_OVERLAP      two regions (or alias views) overlap;
 *   CAPHEAP_ERR_TOO_SMALL    the largest region cannot hold the instance,
 *                            index and a heap (other regions too small to hold
 *                            a record and a heap are skipped, not an error);
 *   CAPHEAP_ERR_NO_MEM       a lock could not be created.
 * O(count^2) (pairwise overlap check; count is small). Not thread-safe
 * (nothing exists yet to share).
 */
capheap_err_t capheap_caps_create(const capheap_caps_config_t *cfg,
                                  const capheap_region_t *regions, size_t count,
                                  capheap_caps_t **out);

/*
 * capheap_caps_create over the start-up regions of cfg->chip
 * (capheap_layout_regions(chip, CAPHEAP_LAYOUT_STARTUP, cfg->map, ...)).
 * Same errors, plus CAPHEAP_ERR_INVALID_ARG when cfg->chip is NULL.
 * O(table) + O(heaps^2). Uses a stack array of 16 regions (about 1 KiB; a
 * table with more start-up regions fails with CAPHEAP_ERR_NO_MEM: build the
 * regions with capheap_layout_regions and call capheap_caps_create).
 */
capheap_err_t capheap_caps_create_from_chip(const capheap_caps_config_t *cfg,
                                            capheap_caps_t **out);

/*
 * Adds the chip's deferred regions (start-up stacks) as start-up heaps
 * (at most 16). Returns CAPHEAP_OK (also when the chip has none),
 * CAPHEAP_ERR_STATE when called a second time or the instance has no chip,
 * or the first error of capheap_caps_add_region_desc. Thread-safe; not
 * ISR-safe. O(heaps).
 */
capheap_err_t capheap_caps_enable_deferred(capheap_caps_t *inst);

/*
 * Adds [start, end) as a heap with the caps of the chip's memory type at
 * that address (the map translates host to chip addresses); the memory
 * type's flags (D/IRAM alias, reserve) come along. Returns
 *   CAPHEAP_OK;
 *   CAPHEAP_ERR_INVALID_ARG  NULL, end <= start;
 *   CAPHEAP_ERR_NOT_FOUND    no chip, or no table region contains start, or
 *                            the range crosses into another table region;
 *   and the errors of capheap_caps_add_region_desc.
 * Thread-safe (may run while other threads allocate); not ISR-safe. O(heaps).
 */
capheap_err_t capheap_caps_add_region(capheap_caps_t *inst, void *start, void *end);

/* Adds [start, end) with the given three masks (no alias, no flags). Errors
 * as capheap_caps_add_region_desc. */
capheap_err_t capheap_caps_add_region_with_caps(capheap_caps_t *inst,
                                                const uint32_t masks[CAPHEAP_PRIORITIES],
                                                void *start, void *end);

/*
 * Adds one region described in full (caps, flags, alias). The new heap is
 * tried first within its priority (run-time heaps, newest first). The range
 * is accepted when it is disjoint from every heap, or lies inside a block
 * currently allocated from one of this instance's heaps (memory the caller
 * owns; that block must then never be freed: it holds a heap, and a nested
 * range that starts at the block's first byte makes that address belong to
 * the new heap). Refused with
 *   CAPHEAP_ERR_INVALID_ARG  NULL, size 0, no caps, start+size wraps;
 *   CAPHEAP_ERR_EXISTS       exactly the range of an existing heap;
 *   CAPHEAP_ERR_OVERLAP      a partial overlap with a heap's region (or
 *                            with free memory of a heap, or with a heap's
 *                            alias view);
 *   CAPHEAP_ERR_TOO_SMALL    cannot hold the heap record, the new index
 *                            (one entry per heap and alias, 4 words each) and
 *                            an engine heap of minimum size;
 *   CAPHEAP_ERR_NO_MEM       the lock could not be created.
 * Thread-safe; not ISR-safe. O(heaps).
 */
capheap_err_t capheap_caps_add_region_desc(capheap_caps_t *inst,
                                           const capheap_region_t *region);

/*
 * Releases what the port needs released (locks). The regions' memory is
 * the caller's again; every pointer from the instance becomes invalid. No
 * other call may be running. O(heaps).
 */
void capheap_caps_destroy(capheap_caps_t *inst);

/* ----------------------------------------------------------- allocation */

/*
 * malloc with capabilities: a block of at least `size` bytes (size 0 gives a
 * unique minimum block) from the first heap, in selection order, that
 * matches `caps` and has room; aligned to CAPHEAP_ALIGNMENT (more when the
 * chip's alignment hook says so). Returns NULL iff caps has EXEC with 8BIT
 * or DMA, caps contains CAPHEAP_CAP_INVALID, no heap has every bit of caps,
 * a size computation overflows, or no eligible heap has room; then the
 * failed-allocation callback runs and, when abort-on-failure is set, the
 * abort hook. O(heaps) (each try O(1)). Thread-safe.
 */
void *capheap_caps_malloc(capheap_caps_t *inst, size_t size, uint32_t caps_mask);

/* calloc: zeroed n*size bytes. NULL iff n*size overflows or malloc fails.
 * O(heaps) + zeroing. */
void *capheap_caps_calloc(capheap_caps_t *inst, size_t n, size_t size,
                          uint32_t caps_mask);

/*
 * free: ptr from any heap of the instance (or at a D/IRAM heap's instruction
 * alias). NULL does nothing. A pointer in no heap is reported to the error
 * hook as CAPHEAP_E_NOT_OWNED and ignored; engine checks report double and
 * interior frees. O(log heaps) + O(1). Thread-safe.
 */
void capheap_caps_free(capheap_caps_t *inst, void *ptr);

/*
 * realloc with capabilities. ptr NULL = malloc; size 0 = free, returns
 * NULL. If the block's heap has every bit of caps_mask (and the alias form
 * matches: a block returned at the instruction alias stays there), it is
 * resized in that heap (in place when possible); otherwise, or when that
 * fails, a new block is taken by capabilities, min(old usable size, size)
 * bytes are copied and the old block freed. Returns NULL with the old block
 * untouched iff the new size cannot be had (or ptr is not owned: reported).
 * O(heaps) + copy. Thread-safe.
 */
void *capheap_caps_realloc(capheap_caps_t *inst, void *ptr, size_t size,
                           uint32_t caps_mask);

/*
 * aligned_alloc with capabilities: `align` must be a power of two (any size
 * up to the heap's); the chip's hook may raise it. Returns NULL iff align is
 * 0 or not a power of two, or as capheap_caps_malloc. EXEC with a D/IRAM
 * word-reversed alias cannot honour an alignment above the word: such
 * requests skip those heaps. Free with capheap_caps_free. O(heaps).
 */
void *capheap_caps_aligned_alloc(capheap_caps_t *inst, size_t align, size_t size,
                                 uint32_t caps_mask);

/* aligned calloc: zeroed, NULL iff n*size overflows or aligned_alloc fails. */
void *capheap_caps_aligned_calloc(capheap_caps_t *inst, size_t align, size_t n,
                                  size_t size, uint32_t caps_mask);

/*
 * The _prefer family: tries caps_list[0], then caps_list[1], ... and returns
 * the first success; the failed-allocation callback / abort run only when
 * every entry failed (with the last caps). NULL iff all fail or count is 0.
 */
void *capheap_caps_malloc_prefer(capheap_caps_t *inst, size_t size,
                                 const uint32_t *caps_list, size_t count);
void *capheap_caps_calloc_prefer(capheap_caps_t *inst, size_t n, size_t size,
                                 const uint32_t *caps_list, size_t count);
void *capheap_caps_realloc_prefer(capheap_caps_t *inst, void *ptr, size_t size,
                                  const uint32_t *caps_list, size_t count);

/*
 * Plain malloc policy: DEFAULT|INTERNAL, or, once extmem is enabled with a
 * limit, sizes above the limit try DEFAULT|SPIRAM first and then any DEFAULT
 * memory, sizes up to it DEFAULT|INTERNAL first and then any DEFAULT memory.
 * NULL as capheap_caps_malloc. O(heaps).
 */
void *capheap_caps_malloc_default(capheap_caps_t *inst, size_t size);
void *capheap_caps_calloc_default(capheap_caps_t *inst, size_t n, size_t size);
void *capheap_caps_realloc_default(capheap_caps_t *inst, void *ptr, size_t size);

/* Lets malloc_default use external memory for requests above `limit` bytes
 * (SIZE_MAX: never, the state after create). Thread-safe. O(1). */
void capheap_caps_malloc_extmem_enable(capheap_caps_t *inst, size_t limit);

/*
 * Usable bytes of the block at ptr as the caller sees them (from ptr to the
 * end of the block; at least what was asked). 0 for NULL or a pointer not
 * owned (reported). O(log heaps).
 */
size_t capheap_caps_get_allocated_size(capheap_caps_t *inst, void *ptr);

/* Usable bytes of the engine block holding ptr, counted from the block's
 * start (for a block at a word-reversed alias this includes the hidden word;
 * otherwise it equals get_allocated_size). 0 for NULL or not owned.
 * O(log heaps). */
size_t capheap_caps_get_containing_block_size(capheap_caps_t *inst, void *ptr);

/* ---------------------------------------------------------- failure policy */

/* Sets the callback run when an allocation fails (NULL removes it). O(1). */
void capheap_caps_set_failed_alloc_callback(capheap_caps_t *inst,
                                            capheap_alloc_failed_fn fn, void *ctx);

/* When on, a failed allocation (after the callback) calls `fn` (NULL:
 * capheap_port_abort) with a message naming the size and caps. O(1). */
void capheap_caps_set_abort_on_failure(capheap_caps_t *inst, bool on,
                                       capheap_abort_fn fn, void *ctx);

/* Allocation and free hooks (either may be NULL). O(1). */
void capheap_caps_set_hooks(capheap_caps_t *inst, capheap_alloc_hook_fn on_alloc,
                            capheap_free_hook_fn on_free, void *ctx);

/* ------------------------------------------------------------ statistics */
/*
 * By caps: every function below covers every heap whose union of masks
 * contains every bit of caps_mask (so get_free_size(DEFAULT) also counts
 * free bytes plain malloc could get; get_free_size(32BIT) on the ESP32 adds
 * IRAM that malloc never returns). D/IRAM heaps count once, whether asked as
 * DRAM or as IRAM/EXEC. caps_mask 0 covers every heap. Total is the sum of
 * the regions' sizes (records and engine index included, as ESP-IDF counts
 * it), so total > free + allocated. All O(heaps); each heap is locked while
 * read.
 */
size_t capheap_caps_get_total_size(capheap_caps_t *inst, uint32_t caps_mask);
size_t capheap_caps_get_free_size(capheap_caps_t *inst, uint32_t caps_mask);
size_t capheap_caps_get_minimum_free_size(capheap_caps_t *inst, uint32_t caps_mask);
/* Largest n for which capheap_caps_malloc(inst, n, caps_mask) succeeds now
 * (from one of these heaps: the maximum over heaps, not the sum), with what
 * the request pays per heap taken off the engine's largest free block: the
 * EXEC/32BIT rounding, the hidden word of an EXEC block at a word-reversed
 * alias (and heaps whose alias would break a raised alignment count 0). Exact
 * except when the chip's hook raises the alignment (DMA, cache-aligned...):
 * the engine then guarantees the placement only in a block holding the size,
 * the alignment and a minimum block (heap.h, aligned_alloc_offs), so the
 * value is that guaranteed size, rounded down: an allocation of it succeeds,
 * one a little larger may too. 0 for caps every request is refused with
 * (EXEC with 8BIT or DMA, INVALID). */
size_t capheap_caps_get_largest_free_block(capheap_caps_t *inst, uint32_t caps_mask);
/* Sums the per-heap info; largest_free_block is
 * capheap_caps_get_largest_free_block(inst, caps_mask). */
void capheap_caps_get_info(capheap_caps_t *inst, capheap_heap_info_t *info,
                           uint32_t caps_mask);

/*
 * Windowed minimum: start resets every heap's minimum free to its current
 * free size (remembering the old minimum); stop restores the lower of the
 * remembered and the window's minimum. Returns CAPHEAP_OK, or
 * CAPHEAP_ERR_STATE when start is called twice without stop or stop without
 * start. Heaps added during the window start their minimum at their own free
 * size. The admin lock only guards the window flag; each heap is then reset
 * (or restored) under its own lock alone. A start and a stop racing each
 * other leave every heap's remembered minimum intact (a heap reset twice
 * keeps the lower one), so no minimum is ever lost. O(heaps).
 */
capheap_err_t capheap_caps_monitor_local_minimum_free_size_start(capheap_caps_t *inst);
capheap_err_t capheap_caps_monitor_local_minimum_free_size_stop(capheap_caps_t *inst);

/*
 * Prints, in ESP-IDF's heap_caps_print_heap_info format:
 *   Heap summary for capabilities 0x00001800:
 *     At 0x3ffae6e0 len 6432 free 6196 allocated 0 min_free 6196
 *       largest_free_block 6184 alloc_blocks 0 free_blocks 1 total_blocks 1
 *     ...
 *     Totals:
 *       free 1234 allocated 0 min_free 1234 largest_free_block 6184
 * (addresses are chip addresses when the instance has a map). O(heaps).
 */
void capheap_caps_print_heap_info(capheap_caps_t *inst, uint32_t caps_mask,
                                  capheap_print_fn print, void *ctx);

/*
 * Integrity check of every matching heap (caps with the CAPHEAP_CAP_INVALID
 * bit: every heap).
 * Returns true iff all are sound; the first problem of each damaged heap is
 * described through print (may be NULL). O(blocks). Not ISR-safe.
 */
bool capheap_caps_check_integrity(capheap_caps_t *inst, uint32_t caps_mask,
                                  capheap_print_fn print, void *ctx);
/* Same, every heap. */
bool capheap_caps_check_integrity_all(capheap_caps_t *inst,
                                      capheap_print_fn print, void *ctx);
/* Same, only the heap containing addr (data or alias address); true when no
 * heap contains it (nothing to check). */
bool capheap_caps_check_integrity_addr(capheap_caps_t *inst, const void *addr,
                                       capheap_print_fn print, void *ctx);

/*
 * Dump: for every matching heap (CAPHEAP_CAP_INVALID: every heap) a header
 * line and one line per block ("  0x3ffb2ed0 used 48" / "free"). O(blocks).
 */
void capheap_caps_dump(capheap_caps_t *inst, uint32_t caps_mask,
                       capheap_print_fn print, void *ctx);

/*
 * Walk: calls fn for every block of every matching heap (CAPHEAP_CAP_INVALID:
 * every heap), heap by heap in address order, blocks in address order, with
 * the heap's lock held (fn must not allocate or free in that heap). Stops
 * when fn returns false. Returns false iff stopped or a heap is damaged.
 * O(blocks).
 */
typedef bool (*capheap_caps_walk_fn)(void *ctx, const capheap_caps_heap_t *heap,
                                     void *ptr, size_t size, bool used);
bool capheap_caps_walk(capheap_caps_t *inst, uint32_t caps_mask,
                       capheap_caps_walk_fn fn, void *ctx);

/* ------------------------------------------------------------ per heap */

/* Number of heaps (start-up, deferred and added). O(1). */
size_t capheap_caps_heap_count(const capheap_caps_t *inst);

/* The i-th heap in selection order (reserve heaps last), NULL when i is out
 * of range. O(heaps). */
const capheap_caps_heap_t *capheap_caps_heap_at(const capheap_caps_t *inst, size_t i);

/* The heap whose region or alias view contains ptr, NULL if none.
 * O(log heaps), lock-free. */
const capheap_caps_heap_t *capheap_caps_heap_of(const capheap_caps_t *inst,
                                                const void *ptr);

/*
 * Description of a heap: its region as given (start/size: the whole region,
 * records included; chip_start; caps; alias; flags; name). O(1).
 */
void capheap_caps_heap_region(const capheap_caps_heap_t *heap, capheap_region_t *out);

/* Union of the three masks. O(1). */
uint32_t capheap_caps_heap_caps(const capheap_caps_heap_t *heap);

/* Statistics of one heap (locked while read); total_size is the region's
 * size (records included). O(1). */
void capheap_caps_heap_get_info(const capheap_caps_heap_t *heap,
                                capheap_heap_info_t *info);
size_t capheap_caps_heap_total_size(const capheap_caps_heap_t *heap);

/* True iff the heap was added at run time (add_region*), false for start-up
 * and deferred heaps. O(1). */
bool capheap_caps_heap_is_runtime(const capheap_caps_heap_t *heap);

/*
 * The underlying engine heap, for layers that work on one heap (the
 * multi_heap compat API, debug walks). Calls on it must hold the heap's lock:
 * use capheap_caps_heap_lock/unlock. O(1).
 */
capheap_heap_t *capheap_caps_heap_engine(const capheap_caps_heap_t *heap);
void capheap_caps_heap_lock(const capheap_caps_heap_t *heap);
void capheap_caps_heap_unlock(const capheap_caps_heap_t *heap);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_CAPS_H */
