/*
 * capheap gc: a mark-sweep garbage-collected heap in the MicroPython model,
 * whose areas may come from the capabilities allocator.
 *
 * Blocks and tables. Memory is handed out in blocks of four machine words
 * (CAPHEAP_GC_BLOCK: 16 bytes on 32-bit targets, 32 on 64-bit). Each area (a
 * contiguous range) holds, in this order:
 *
 *   area record | allocation table (ATB) | finaliser table (FTB) | pad | blocks
 *
 *   ATB: 2 bits per block (FREE 0, HEAD 1, TAIL 2, MARK 3), packed in machine
 *        words: 4*W blocks per word (W = bytes per word: 16 per 32-bit word,
 *        32 per 64-bit word); ceil(n / 4W) words.
 *   FTB: 1 bit per block ("this HEAD has a finaliser"), 8*W blocks per word;
 *        ceil(n / 8W) words.
 *   search index: per group of two ATB words (8W blocks) one byte bounding
 *        the longest free run there and one bit in each of 8 bitmaps
 *        (2 bytes per 8W blocks), each part rounded up to whole words.
 *
 * So 8W blocks cost 8W*B + 3W + 2 bytes (B = block size: every block
 * B + 3/8 + 1/(4W) bytes) and an area of S bytes holds
 *     n = floor((S - R - B) * 8W / (8W*B + 3W + 2))
 * blocks, R the area record (about 30 words), less a few when the tables'
 * rounding up to whole words does not fit (the library computes the exact
 * largest n). On 32-bit that is 97.3 % of the memory, on 64-bit 98.7 %.
 * Table entries past the last block are TAIL, so no free run ever extends
 * past the area.
 *
 * An object is one HEAD block followed by TAIL blocks; a pointer to an
 * object is the address of its HEAD block. MARK is a HEAD reached during the
 * current collection.
 *
 * Allocation takes the first run of free blocks large enough, scanning the
 * ATB a word at a time; per area it keeps a hint per run length 1..8 (no free
 * run of that length starts before the hint), the smallest length known to
 * fail, and the search index (groups whose free runs are all too short are
 * skipped 32 or 64 at a time through the bitmaps), so a nearly full heap does
 * not rescan its whole table for every request. New memory is zeroed.
 *
 * Collection (conservative, precise about what counts): a word is a
 * reference iff it is the exact address of a HEAD block of one of this
 * heap's areas. Pointers into the middle of an object (to a TAIL block or
 * not on a block boundary) do not keep it alive, unless the instance is
 * created with CAPHEAP_GC_INTERIOR (then a pointer anywhere inside an object
 * marks it). Object handles tagged as MicroPython does (small int ...1,
 * interned string ...010, immediate object ...110) are never block-aligned,
 * so marking ignores them. Marking is iterative over a bounded stack; when
 * the stack is full the object is marked but not pushed and the area
 * remembers the lowest such block; after the stack drains one linear pass
 * from that block rescans marked objects (one pass per overflow episode,
 * not one per object). The sweep then calls the finaliser of every
 * unreachable object that has one (first, for all of them), then frees every
 * unreachable object and turns MARK back into HEAD.
 *
 * Threads: an instance has one lock (capheap/port.h lock ops, chosen at
 * creation). Every function may be called from several threads. A
 * collection holds the lock from collect_start to collect_end; meanwhile
 * allocations and frees of the collecting thread (its finalisers included)
 * return NULL / do nothing at once, other threads wait. Nothing is ISR-safe
 * with the pthread port; with a critical-section port, alloc and free are
 * (if the caller never locks the instance in an interrupt that would wait
 * for a collection).
 *
 * Memory: the instance record and its mark stack live at the start of the
 * memory given to capheap_gc_create (or taken from the caps allocator);
 * no libc malloc is used.
 */
#ifndef CAPHEAP_GC_H
#define CAPHEAP_GC_H

#include "capheap/caps.h"
#include "capheap/common.h"
#include "capheap/port.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes per block: four machine words. */
#define CAPHEAP_GC_BLOCK (4u * sizeof(void *))

/* An instance. Distinct incomplete type. */
typedef struct capheap_gc capheap_gc_t;

/* Called by the sweep for an unreachable object allocated with
 * CAPHEAP_GC_FINALISER, before any of them is freed. It must not call the
 * instance (its allocations return NULL, its frees are ignored). */
typedef void (*capheap_gc_finaliser_fn)(void *ctx, void *obj);
/* Called once in every long loop (mark, sweep, info, dump): a watchdog feed
 * or a yield. Must not call the instance. */
typedef void (*capheap_gc_hook_fn)(void *ctx);
/* Automatic collection: called (without the instance lock) when an
 * allocation fails or the threshold is crossed. It must run a whole
 * collection (capheap_gc_collect_start, any roots, capheap_gc_collect_end).
 * NULL in the config: capheap_gc_collect (registered root ranges only). */
typedef void (*capheap_gc_collect_fn)(void *ctx, capheap_gc_t *gc);

/* Instance flags (capheap_gc_config_t.flags). */
#define CAPHEAP_GC_INTERIOR   (1u << 0) /* pointers inside an object mark it */
#define CAPHEAP_GC_NO_RETURN  (1u << 1) /* never give grown areas back */

typedef struct capheap_gc_config {
    /* Auto-grow: NULL = never grow. Grown areas come from
     * capheap_caps_malloc(caps, size, grow_caps). */
    capheap_caps_t *caps;
    uint32_t grow_caps;
    size_t grow_min;      /* first grown area size (0: 4 KiB); each next one
                             doubles, up to grow_max (0: no limit) */
    size_t grow_max;
    size_t reserve;       /* never leave less than this many free bytes of
                             grow_caps memory in the caps allocator */
    uint32_t flags;       /* CAPHEAP_GC_* */
    size_t mark_stack;    /* entries of the mark stack (0: 64; minimum 1) */
    capheap_gc_finaliser_fn finaliser;
    void *finaliser_ctx;
    capheap_gc_hook_fn hook;
    void *hook_ctx;
    capheap_gc_collect_fn collect;
    void *collect_ctx;
    capheap_error_fn error_hook;  /* bad pointers given to free/realloc/size
                                     (not owned, interior, double free);
                                     NULL: ignored. Runs with the lock held. */
    void *error_ctx;
    const capheap_lock_ops_t *lock_ops; /* NULL: capheap_port_lock_default() */
} capheap_gc_config_t;

/* Defaults: everything 0/NULL (no growth, 64-entry mark stack). O(1). */
void capheap_gc_config_init(capheap_gc_config_t *cfg);

/* Bytes the instance record and its mark stack take (what create keeps at
 * the start of its memory). O(1). */
size_t capheap_gc_instance_size(const capheap_gc_config_t *cfg);

/*
 * Creates an instance in [mem, mem + size): the record and mark stack at the
 * start, the rest (if it holds at least one block) as the first area. With
 * mem NULL the memory (size bytes, at least instance_size) is taken from
 * cfg->caps with cfg->grow_caps (respecting the reserve) and given back by
 * destroy. Returns CAPHEAP_OK and sets *out, or
 *   CAPHEAP_ERR_INVALID_ARG  cfg/out NULL, mem NULL without cfg->caps, a
 *                            range that wraps;
 *   CAPHEAP_ERR_TOO_SMALL    size below capheap_gc_instance_size;
 *   CAPHEAP_ERR_NO_MEM       the caps allocator has not the memory (or the
 *                            reserve forbids it), or the lock failed.
 * O(size / B / 4W) (tables cleared). Not thread-safe.
 */
capheap_err_t capheap_gc_create(const capheap_gc_config_t *cfg, void *mem, size_t size,
                                capheap_gc_t **out);

/*
 * Gives back every area taken from the caps allocator (and the instance's
 * memory when create took it) and releases the lock. Finalisers are not run
 * (call capheap_gc_sweep_all first). Every pointer from the instance becomes
 * invalid. No other call may be running. O(areas).
 */
void capheap_gc_destroy(capheap_gc_t *gc);

/*
 * Adds [mem, mem + size) as an area (split heap). Returns CAPHEAP_OK,
 * CAPHEAP_ERR_INVALID_ARG (NULL, wraps), CAPHEAP_ERR_OVERLAP (overlaps an
 * area or the instance record), CAPHEAP_ERR_TOO_SMALL (no room for the record,
 * tables and one block). Thread-safe. O(size / B / 4W).
 */
capheap_err_t capheap_gc_add_area(capheap_gc_t *gc, void *mem, size_t size);

/* Number of areas (given and grown). O(areas). */
size_t capheap_gc_area_count(capheap_gc_t *gc);

/* ----------------------------------------------------------- allocation */

/* capheap_gc_alloc flags */
#define CAPHEAP_GC_FINALISER  (1u << 0) /* call the finaliser when swept */

/*
 * Allocates ceil(n / B) blocks (n 0: one block), zeroed, at the first free
 * run of that many blocks. If none (or the threshold is crossed) and
 * automatic collection is on, collects and retries; then, with auto-grow,
 * takes a new area from the caps allocator and retries. Returns NULL iff
 * the instance is locked (capheap_gc_lock), a collection of this thread is
 * running (finalisers), n overflows, or no memory can be found.
 * Cost: O(1) amortised through the hints when memory is plentiful; a scan of
 * the table (W/2 bytes per 4W blocks read a word at a time) otherwise; plus
 * the collection. Thread-safe.
 */
void *capheap_gc_alloc(capheap_gc_t *gc, size_t n, unsigned flags);

/*
 * Frees the object at ptr (its HEAD address) without running its finaliser.
 * NULL, and calls while locked or from a finaliser, do nothing. A pointer
 * outside the areas (CAPHEAP_E_NOT_OWNED), not at a block boundary
 * (CAPHEAP_E_MISALIGNED), at a TAIL block (CAPHEAP_E_BAD_HEADER) or at a
 * free block (CAPHEAP_E_DOUBLE_FREE) is reported to the error hook and
 * ignored. O(blocks of the object + preceding free run). Thread-safe.
 */
void capheap_gc_free(capheap_gc_t *gc, void *ptr);

/*
 * Resizes the object at ptr to n bytes. ptr NULL: alloc(n, 0); n 0: free,
 * returns NULL. Shrinks in place; grows in place when enough following
 * blocks are free (new bytes zeroed); otherwise, if allow_move, allocates
 * (keeping the finaliser flag), copies the old blocks, frees the old object
 * (the old object stays reachable during a collection this triggers; so do
 * those of up to 8 threads moving objects at once).
 * Returns NULL with the object untouched iff it cannot be had (or allow_move
 * is false and in-place growth is impossible, or ptr is bad: reported).
 * Thread-safe.
 */
void *capheap_gc_realloc(capheap_gc_t *gc, void *ptr, size_t n, bool allow_move);

/* Bytes of the object at ptr (its blocks times B); 0 for NULL or anything
 * that is not a HEAD block of this heap (not reported). O(object blocks). */
size_t capheap_gc_size(capheap_gc_t *gc, const void *ptr);

/* True iff ptr is the HEAD of a live object allocated with a finaliser. */
bool capheap_gc_has_finaliser(capheap_gc_t *gc, const void *ptr);

/*
 * Keeps the object at ptr alive for ever (a permanent root, stored in a
 * chain of small objects of this heap). Returns false iff ptr is not a HEAD
 * of this heap or the chain cannot grow. O(1) amortised.
 */
bool capheap_gc_never_free(capheap_gc_t *gc, void *ptr);

/* ----------------------------------------------------------- collection */

/*
 * Starts a collection: takes the instance lock (held until collect_end) and
 * marks from the registered root ranges and never_free objects. Then give
 * roots with collect_root, as many times as needed, and finish with
 * collect_end, which sweeps and returns the number of blocks freed.
 * Between start and end the calling thread may not allocate or free
 * (NULL / ignored). A call of collect_root outside start..end is ignored.
 * Marking is O(reachable words); sweep O(blocks).
 */
void capheap_gc_collect_start(capheap_gc_t *gc);
void capheap_gc_collect_root(capheap_gc_t *gc, void *const *ptrs, size_t n);
size_t capheap_gc_collect_end(capheap_gc_t *gc);

/* A whole collection from the registered roots only. Returns blocks freed. */
size_t capheap_gc_collect(capheap_gc_t *gc);

/* Runs every finaliser and frees every object (ignores all roots). Returns
 * blocks freed. */
size_t capheap_gc_sweep_all(capheap_gc_t *gc);

/*
 * Registers [start, end) (word-aligned start; any length) as a root range
 * scanned by every collection (globals, a task's stack...). At most
 * CAPHEAP_GC_ROOT_RANGES ranges. Returns CAPHEAP_OK, CAPHEAP_ERR_INVALID_ARG
 * (NULL, end < start, start not word-aligned), CAPHEAP_ERR_NO_MEM (table
 * full). remove returns CAPHEAP_ERR_NOT_FOUND when the range is not there.
 */
capheap_err_t capheap_gc_add_root_range(capheap_gc_t *gc, const void *start, const void *end);
capheap_err_t capheap_gc_remove_root_range(capheap_gc_t *gc, const void *start,
                                           const void *end);

/* ----------------------------------------------------------- policy */

/* Automatic collection on failure / threshold (on after create). O(1). */
void capheap_gc_enable(capheap_gc_t *gc);
void capheap_gc_disable(capheap_gc_t *gc);
bool capheap_gc_is_enabled(capheap_gc_t *gc);

/* Collect when this many bytes were allocated since the last collection
 * (rounded to blocks); SIZE_MAX disables (the state after create). O(1). */
void capheap_gc_set_threshold(capheap_gc_t *gc, size_t bytes);
size_t capheap_gc_get_threshold(capheap_gc_t *gc);

/* Nested lock: while the depth is above 0 every allocation of every thread
 * returns NULL and frees are ignored (as in an interrupt handler). unlock at
 * depth 0 does nothing. O(1). */
void capheap_gc_lock(capheap_gc_t *gc);
void capheap_gc_unlock(capheap_gc_t *gc);
bool capheap_gc_is_locked(capheap_gc_t *gc);

/* ----------------------------------------------------------- statistics */

typedef struct capheap_gc_info {
    size_t total;        /* bytes in blocks, all areas */
    size_t used;         /* bytes in allocated blocks */
    size_t free;         /* bytes in free blocks */
    size_t max_free;     /* largest free run, in blocks */
    size_t num_1block;   /* objects of 1 block */
    size_t num_2block;   /* objects of 2 blocks */
    size_t max_block;    /* largest object, in blocks */
    size_t areas;        /* number of areas */
    size_t collections;  /* collections since create */
} capheap_gc_info_t;

/* Fills *info (O(blocks), hook called). Thread-safe. */
void capheap_gc_get_info(capheap_gc_t *gc, capheap_gc_info_t *info);

/* Used and free bytes in O(areas) (counters). */
size_t capheap_gc_used_bytes(capheap_gc_t *gc);
size_t capheap_gc_free_bytes(capheap_gc_t *gc);

/*
 * Prints the allocation table: per area one line "area 0x... blocks N", then
 * lines of 64 characters preceded by the block index, one per block:
 *   '.' free, 'h' head, 'f' head with finaliser, '=' tail, 'm' marked.
 * Runs of entirely free lines are summed up as "(N free lines)". O(blocks).
 */
void capheap_gc_dump_alloc_table(capheap_gc_t *gc, capheap_print_fn print, void *ctx);

/* Prints "GC: total: T, used: U, free: F" and the info counters. */
void capheap_gc_dump_info(capheap_gc_t *gc, capheap_print_fn print, void *ctx);

/* ----------------------------------------------------------- handles */
/*
 * MicroPython object handles (uintptr_t): small int ...1 (value << 1 | 1),
 * interned string ...010 (index << 3 | 2), immediate object ...110
 * (value << 3 | 6), pointer ...00 (an aligned address). Small ints keep
 * 8*W-1 bits, the others 8*W-3 bits. The getters shift arithmetically for
 * small ints (negative values survive).
 */
typedef uintptr_t capheap_gc_handle_t;

static inline bool capheap_gc_is_small_int(capheap_gc_handle_t h) { return (h & 1u) != 0; }
static inline bool capheap_gc_is_qstr(capheap_gc_handle_t h) { return (h & 7u) == 2u; }
static inline bool capheap_gc_is_immediate(capheap_gc_handle_t h) { return (h & 7u) == 6u; }
static inline bool capheap_gc_is_ptr(capheap_gc_handle_t h) { return (h & 3u) == 0u; }

static inline capheap_gc_handle_t capheap_gc_from_small_int(intptr_t v)
{
    return ((uintptr_t)v << 1) | 1u;
}
static inline intptr_t capheap_gc_to_small_int(capheap_gc_handle_t h)
{
    /* arithmetic shift written portably: sign-extend the top bit */
    uintptr_t u = h >> 1;
    uintptr_t sign = (uintptr_t)1 << (sizeof(uintptr_t) * 8u - 2u);
    return (intptr_t)(u ^ sign) - (intptr_t)sign;
}
static inline capheap_gc_handle_t capheap_gc_from_qstr(size_t q)
{
    return ((uintptr_t)q << 3) | 2u;
}
static inline size_t capheap_gc_to_qstr(capheap_gc_handle_t h) { return (size_t)(h >> 3); }
static inline capheap_gc_handle_t capheap_gc_from_immediate(uintptr_t v)
{
    return (v << 3) | 6u;
}
static inline uintptr_t capheap_gc_to_immediate(capheap_gc_handle_t h) { return h >> 3; }
static inline capheap_gc_handle_t capheap_gc_from_ptr(const void *p) { return (uintptr_t)p; }
static inline void *capheap_gc_to_ptr(capheap_gc_handle_t h) { return (void *)h; }

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_GC_H */
