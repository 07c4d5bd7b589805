/*
 * capheap debug layer: heap poisoning (corruption detection) and the hidden
 * header every block carries when a debug option is on.
 *
 * Levels (build option CAPHEAP_POISONING, public definition
 * CAPHEAP_POISONING_LEVEL; docs/debugging.md):
 *
 *   0 none           the engine's checks only (on unless built with
 *                    CAPHEAP_CHECKS=0): double free, a neighbour that does
 *                    not point back, a pointer outside every heap or
 *                    inside a block (reported through the error hook with
 *                    the pointer and the reason);
 *   1 light          + a head canary CAPHEAP_POISON_HEAD_CANARY and the
 *                    requested size before each block, a tail canary
 *                    CAPHEAP_POISON_TAIL_CANARY right after the requested
 *                    bytes; verified on free, realloc, size queries and
 *                    integrity checks; built with CAPHEAP_CHECKS=0, free
 *                    overwrites the head canary with the free fill, so
 *                    that a second free fails that test;
 *   2 comprehensive  + new memory filled with CAPHEAP_POISON_MALLOC_FILL,
 *                    freed memory with CAPHEAP_POISON_FREE_FILL; a block
 *                    must still read the free fill when it is handed out
 *                    again (a write after free is reported at the first
 *                    bad byte), and integrity checks verify every free
 *                    block.
 *
 * Layout of a block when a debug option is on (user = the pointer the
 * caller holds; the engine block starts CAPHEAP_DEBUG_PREFIX bytes before):
 *
 *   | engine hdr | pad | owner* | size | head canary | user bytes | tail canary |
 *                                                    ^ user
 *   owner* only with CAPHEAP_TASK_TRACKING; canaries only at level >= 1.
 *
 * The head canary sits right below the user's bytes so that an underrun of
 * one byte damages it; the tail canary right after the requested size, so
 * that an overrun of one byte does. The fields are read and written with
 * memcpy (any alignment, native byte order, so a big-endian target works
 * the same way). Statistics (free, largest free, allocated size) never
 * include these bytes: a size query returns the requested size.
 */
#ifndef CAPHEAP_DEBUG_H
#define CAPHEAP_DEBUG_H

#include "capheap/common.h"
#include "capheap/heap.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CAPHEAP_POISONING_LEVEL
#define CAPHEAP_POISONING_LEVEL 0
#endif
#ifndef CAPHEAP_TASK_TRACKING
#define CAPHEAP_TASK_TRACKING 0
#endif

/* The patterns (ESP-IDF's values). */
#define CAPHEAP_POISON_HEAD_CANARY 0xABBA1234u
#define CAPHEAP_POISON_TAIL_CANARY 0xBAAD5678u
#define CAPHEAP_POISON_MALLOC_FILL 0xCEu
#define CAPHEAP_POISON_FREE_FILL 0xFEu

/* Bytes, counted back from the user pointer, of the hidden fields. */
#define CAPHEAP_DEBUG_CANARY_BACK (CAPHEAP_POISONING_LEVEL > 0 ? (size_t)4 : (size_t)0)
#define CAPHEAP_DEBUG_SIZE_BACK (CAPHEAP_DEBUG_CANARY_BACK + sizeof(size_t))
#define CAPHEAP_DEBUG_OWNER_BACK \
    (CAPHEAP_DEBUG_SIZE_BACK + (CAPHEAP_TASK_TRACKING ? sizeof(uintptr_t) : (size_t)0))

/* 1 iff blocks carry a hidden header (a poisoning level or task tracking). */
#define CAPHEAP_DEBUG_HEADER (CAPHEAP_POISONING_LEVEL > 0 || CAPHEAP_TASK_TRACKING)

/* Bytes between the engine block's start and the user pointer: the fields
 * rounded up to CAPHEAP_ALIGNMENT (so user pointers keep the alignment). */
#define CAPHEAP_DEBUG_PREFIX                                                          \
    (CAPHEAP_DEBUG_HEADER ? ((CAPHEAP_DEBUG_OWNER_BACK + (size_t)CAPHEAP_ALIGNMENT - 1) & \
                             ~((size_t)CAPHEAP_ALIGNMENT - 1))                          \
                          : (size_t)0)
/* Bytes after the requested ones: the tail canary. */
#define CAPHEAP_DEBUG_SUFFIX (CAPHEAP_POISONING_LEVEL > 0 ? (size_t)4 : (size_t)0)

/*
 * Bytes every allocation asks the engine for on top of the requested size
 * at this build's options (prefix + tail canary; 0 with poisoning none and
 * no task tracking). The engine then rounds the sum as usual. O(1).
 */
size_t capheap_debug_overhead(void);

/* The poisoning level compiled in (0, 1 or 2). O(1). */
int capheap_poisoning_level(void);

/*
 * malloc and free on one engine heap in the block format of this build
 * (hidden header, canaries, fills, owner): for code that works on the
 * engine heap of a caps heap (capheap_caps_heap_engine, with the heap's
 * lock held) or of a multi_heap, whose blocks all carry that format. With
 * no debug option they are capheap_heap_malloc / capheap_heap_free. Same
 * contracts and costs as those, plus the checks of the level.
 */
void *capheap_debug_heap_malloc(capheap_heap_t *heap, size_t size);
void capheap_debug_heap_free(capheap_heap_t *heap, void *ptr);

/* What capheap_poison_inspect found at one block. */
typedef struct {
    capheap_error_reason_t reason; /* 0 when the block is sound */
    const void *block;             /* the user pointer inspected */
    const void *where;             /* the damaged field (head or tail canary,
                                      the size field) */
    uint32_t expected;             /* the canary expected (for a size field:
                                      the largest plausible size, truncated) */
    uint32_t found;                /* what is there (truncated to 32 bits) */
} capheap_poison_report_t;

/*
 * Examines the hidden header and tail canary of the allocated block whose
 * user pointer is `block` in engine heap `heap` and says what is damaged:
 * the first of head canary (CAPHEAP_E_HEAD_CANARY), size field
 * (CAPHEAP_E_BAD_HEADER: a size that does not fit the block) and tail canary
 * (CAPHEAP_E_TAIL_CANARY). Meant for an error hook that was told about a
 * canary: the block is left as it was found, so the hook can learn what was
 * expected and what was found. Returns true and fills *out (reason 0) when
 * the block is sound; false with *out describing the damage; false with
 * reason CAPHEAP_E_BAD_HEADER and where = block when `block` is not an
 * allocated block of `heap` (nothing is reported through the hook). At
 * level 0 every live block is sound. Reads only inside the heap's region.
 * Call it with the heap's lock held, or from the error hook. O(1).
 */
bool capheap_poison_inspect(capheap_heap_t *heap, const void *block,
                            capheap_poison_report_t *out);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_DEBUG_H */
