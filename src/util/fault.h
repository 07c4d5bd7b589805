/*
 * Fault injection (build option CAPHEAP_FAULT_INJECTION, off by default):
 * makes the N-th internal operation that can fail report a failure, so a
 * test can walk N over every such point and show that the library returns
 * an error and stays consistent.
 *
 * Internal header (not installed). A layer guards each operation that can
 * really fail on a target (a lock that cannot be created, a host mapping
 * refused, a buffer or area that cannot be had) with
 *
 *     if (capheap_fault_fail("caps lock") || !ops->init(...))
 *         return CAPHEAP_ERR_NO_MEM;
 *
 * With the option off capheap_fault_fail is a constant false the compiler
 * removes: no code, no data. With it on, every call counts one "site
 * reached"; the armed one returns true (once) and every other returns
 * false. The counter is process-wide and not thread-safe: fault tests are
 * single-threaded.
 *
 * Sites so far: "caps lock" (a heap or admin lock of the caps allocator:
 * create, add_region, enable_deferred), "sim map" (a host mapping of the
 * simulator, capheap_sim_create), "gc lock" (capheap_gc_create), "gc area"
 * (memory for the GC heap taken from the caps allocator: create without
 * memory, auto-grow), "trace lock" (capheap_trace_create).
 */
#ifndef CAPHEAP_UTIL_FAULT_H
#define CAPHEAP_UTIL_FAULT_H

#include <stdbool.h>

#ifndef CAPHEAP_FAULT_INJECTION
#define CAPHEAP_FAULT_INJECTION 0
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if CAPHEAP_FAULT_INJECTION
/* Counts one site reached; true iff it is the armed one. */
bool capheap_fault_fail(const char *site);

/* Test control. arm(n): the n-th site reached from now fails (n >= 1);
 * arm(0) disarms and only counts. seen(): sites reached since the last arm.
 * failed_site(): the site that failed since the last arm, NULL if none. */
void capheap_fault_arm(unsigned long n);
unsigned long capheap_fault_seen(void);
const char *capheap_fault_failed_site(void);
#else
static inline bool capheap_fault_fail(const char *site)
{
    (void)site;
    return false;
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_UTIL_FAULT_H */
