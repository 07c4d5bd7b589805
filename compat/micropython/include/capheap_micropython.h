/*
 * capheap extensions of the MicroPython GC API (py/gc.h): how the default
 * instance is set up, and the `gc` module's operations as C functions.
 */
#ifndef CAPHEAP_MICROPYTHON_H
#define CAPHEAP_MICROPYTHON_H

#include "capheap/gc.h"
#include "py/gc.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Configuration the next gc_init uses (copied; NULL restores the default:
 * no auto-grow, 64-entry mark stack). cfg->collect is replaced by a call of
 * gc_collect(). Set caps/grow_caps/reserve here for a heap that grows from
 * the caps allocator. Not thread-safe. O(1).
 */
void capheap_micropython_configure(const capheap_gc_config_t *cfg);

/* The default instance (NULL before gc_init). O(1). */
capheap_gc_t *capheap_micropython_instance(void);

/* Highest address of the stack the default gc_collect scans on builds
 * without glibc (glibc asks the thread for its stack). O(1). */
void capheap_micropython_set_stack_top(void *top);

/* What the default gc_collect does between start and end: the calling
 * thread's registers and stack as roots. For ports that add their own
 * roots. O(stack words). */
void capheap_micropython_scan_stack(void);

/* ------------------------------------------------ the `gc` module */
void capheap_mp_gc_enable(void);
void capheap_mp_gc_disable(void);
bool capheap_mp_gc_isenabled(void);
/* gc.collect(): runs gc_collect(); returns the blocks it freed. */
size_t capheap_mp_gc_collect(void);
/* gc.mem_alloc() / gc.mem_free(): bytes allocated / free (-1: no heap). */
ptrdiff_t capheap_mp_gc_mem_alloc(void);
ptrdiff_t capheap_mp_gc_mem_free(void);
/* gc.threshold(): -1 when disabled; a negative amount disables. */
ptrdiff_t capheap_mp_gc_threshold_get(void);
void capheap_mp_gc_threshold_set(ptrdiff_t amount);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_MICROPYTHON_H */
