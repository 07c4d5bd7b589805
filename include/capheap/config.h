/*
 * capheap build configuration.
 *
 * Every option has a default here and may be overridden, before this header is
 * seen, either on the compiler command line (-DCAPHEAP_X=...) or in a user
 * header named by CAPHEAP_CONFIG_HEADER (e.g. -DCAPHEAP_CONFIG_HEADER='"my.h"').
 * Front ends (Kconfig, sdkconfig, FreeRTOSConfig) set CAPHEAP_* options; src/
 * never includes them.
 */
#ifndef CAPHEAP_CONFIG_H
#define CAPHEAP_CONFIG_H

#ifdef CAPHEAP_CONFIG_HEADER
#include CAPHEAP_CONFIG_HEADER
#endif

#include <stddef.h>
#include <stdint.h>

/*
 * Alignment of every pointer the engine returns, and granularity of block
 * sizes. A power of two from sizeof(void *) to 64 (4 or 8 on 32-bit
 * targets, 8 or 16 on 64-bit hosts).
 * Default: alignof(max_align_t) (16 on x86-64, 8 or 16 on 32-bit hosts).
 * Cost: a larger value wastes on average ALIGNMENT/2 bytes per block.
 * The ESP32 setting is 4.
 */
#ifndef CAPHEAP_ALIGNMENT
#if defined(__cplusplus)
#define CAPHEAP_ALIGNMENT alignof(max_align_t)
#else
#define CAPHEAP_ALIGNMENT _Alignof(max_align_t)
#endif
#endif

/*
 * log2 of the number of second-level size classes per power of two.
 * 5 (32 classes) bounds the internal waste of a rounded-up request to 1/32;
 * 4 halves the size of the index (useful below ~16 KiB regions).
 * Cost: the control structure holds (log2(region) - log2(32*ALIGN) + 1) rows
 * of (2^SL_LOG2 + 1) words.
 */
#ifndef CAPHEAP_SL_LOG2
#define CAPHEAP_SL_LOG2 5
#endif

/*
 * Cheap always-on checks (double free, neighbour mismatch, pointer outside
 * the region). 1 = on (default). 0 removes about 10 instructions from free
 * and realloc and some 100 bytes of code; bad pointers then are undefined.
 */
#ifndef CAPHEAP_CHECKS
#define CAPHEAP_CHECKS 1
#endif

/* Internal assertion, overridable. Off unless CAPHEAP_DEBUG_ASSERT is set. */
#ifndef CAPHEAP_ASSERT
#if defined(CAPHEAP_DEBUG_ASSERT) && CAPHEAP_DEBUG_ASSERT
#define CAPHEAP_ASSERT(x) do { if (!(x)) __builtin_trap(); } while (0)
#else
#define CAPHEAP_ASSERT(x) ((void)0)
#endif
#endif

/*
 * Debug-layer build options. CMake sets them as public definitions of the
 * library (CAPHEAP_POISONING, CAPHEAP_HEAP_TRACING, CAPHEAP_TASK_TRACKING:
 * docs/configuration.md); builds without this project's CMake (PlatformIO,
 * a Makefile, the Kconfig front end capheap/config_kconfig.h) get these
 * defaults unless they set them.
 * CAPHEAP_POISONING_LEVEL: 0 none, 1 light (canaries: 12 bytes per block),
 * 2 comprehensive (canaries and fill patterns: O(size) per malloc/free).
 * CAPHEAP_HEAP_TRACING: 1 compiles the tracing layer (a call per malloc and
 * free while tracing runs). CAPHEAP_TASK_TRACKING: 1 records the owner of
 * every block (one word per block, an owner-hook call per allocation).
 */
#ifndef CAPHEAP_POISONING_LEVEL
#define CAPHEAP_POISONING_LEVEL 0
#endif
#ifndef CAPHEAP_HEAP_TRACING
#define CAPHEAP_HEAP_TRACING 0
#endif
#ifndef CAPHEAP_TASK_TRACKING
#define CAPHEAP_TASK_TRACKING 0
#endif

/*
 * Task tracking (CAPHEAP_TASK_TRACKING, capheap/tasks.h): entries of the
 * owner table each heap keeps (owner, current and peak bytes, live
 * blocks). An owner that finds the table of a heap full is counted in that
 * heap's "other" bucket (CAPHEAP_OWNER_OTHER). Cost, per heap (region):
 * (this + 1) * 4 words + 2 words, rounded up to CAPHEAP_ALIGNMENT (152
 * bytes on 32-bit targets, 304 on 64-bit hosts at the default 8), taken
 * from the region; each free and allocation scans up to this many entries.
 * Ignored without task tracking.
 */
#ifndef CAPHEAP_TASK_TRACKING_OWNERS
#define CAPHEAP_TASK_TRACKING_OWNERS 8
#endif

/*
 * GC heap (capheap/gc.h): number of root ranges an instance can register.
 * Cost: two words each in every GC instance record.
 */
#ifndef CAPHEAP_GC_ROOT_RANGES
#define CAPHEAP_GC_ROOT_RANGES 8
#endif


#endif /* CAPHEAP_CONFIG_H */
