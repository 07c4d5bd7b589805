/*
 * capheap port layer: the only seam between the library and the OS / CPU.
 *
 *   locks      one lock object per heap, driven through a table of function
 *              pointers (capheap_lock_ops_t). Three ports ship:
 *                - capheap_port_lock_none: no-op, for single-threaded bare
 *                  metal (or when the caller serialises everything);
 *                - capheap_port_lock_pthread: a pthread mutex, on hosted POSIX
 *                  builds (CAPHEAP_PORT_HAS_PTHREAD is 1 there);
 *                - a critical-section port: the user gives enter/exit
 *                  functions (FreeRTOS taskENTER_CRITICAL / portENTER_CRITICAL
 *                  with a spinlock, interrupt masking, ...).
 *   clz        count leading zeros of a size_t.
 *   clock      a monotonic microsecond time stamp.
 *   caller     the return address of the current function (for tracing).
 *   abort      what "abort on allocation failure" does.
 *
 * Nothing here allocates.
 */
#ifndef CAPHEAP_PORT_H
#define CAPHEAP_PORT_H

#include "capheap/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1 when this build has the pthread lock port and the host clock. */
#ifndef CAPHEAP_PORT_HAS_PTHREAD
#if (defined(__unix__) || defined(__APPLE__)) && !defined(__STDC_NO_THREADS__) && \
    !defined(CAPHEAP_BARE_METAL)
#define CAPHEAP_PORT_HAS_PTHREAD 1
#else
#define CAPHEAP_PORT_HAS_PTHREAD 0
#endif
#endif

/*
 * Storage of one lock, large enough for every shipped port (a pthread mutex
 * is 40 bytes on glibc x86-64, 64 on macOS). A port whose lock is larger
 * raises CAPHEAP_LOCK_WORDS in the config header. Cost: this many words in
 * every heap record (one record per region).
 */
#ifndef CAPHEAP_LOCK_WORDS
#define CAPHEAP_LOCK_WORDS 9
#endif

typedef struct capheap_lock {
    union {
        void *words[CAPHEAP_LOCK_WORDS];
        uint64_t align_u64;
        long double align_ld;
    } u;
} capheap_lock_t;

/*
 * A lock port. `ctx` is passed back to every call. init returns false iff
 * the lock cannot be created (the call that needed it then fails with
 * CAPHEAP_ERR_NO_MEM). acquire/release must be usable from every context
 * the allocator is called from: a port used from interrupts must mask them.
 * Locks are never taken recursively by capheap and never two at once: the
 * instance's admin lock (add_region, enable_deferred, minimum windows) is
 * released before any heap lock is taken, so a critical-section port that
 * keeps one global saved interrupt state works.
 * destroy may be NULL.
 */
typedef struct capheap_lock_ops {
    bool (*init)(void *ctx, capheap_lock_t *lock);
    void (*acquire)(void *ctx, capheap_lock_t *lock);
    void (*release)(void *ctx, capheap_lock_t *lock);
    void (*destroy)(void *ctx, capheap_lock_t *lock);
    void *ctx;
    unsigned flags; /* CAPHEAP_LOCK_*; 0 when the initialiser leaves it out */
} capheap_lock_ops_t;

/*
 * Flag of capheap_lock_ops_t: the lock only keeps the threads of this
 * process apart (nothing else, e.g. no interrupt handler, takes it), so
 * the caps allocator's common malloc and free paths (docs/caps.md lists
 * them) may skip it while the process is known to have a single thread. Known only with glibc 2.32 or
 * later (its __libc_single_threaded, which pthread_create clears); elsewhere
 * the flag changes nothing. The decision is taken per call, before the
 * lock would be taken, and a skipped lock is never released. Not for a port
 * used from interrupts or signal handlers, and a child forked from a
 * multi-threaded process must not allocate (as POSIX already says).
 */
#define CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED 1u

/* No-op locks: every function does nothing, init always succeeds. */
extern const capheap_lock_ops_t capheap_port_lock_none;

#if CAPHEAP_PORT_HAS_PTHREAD
/* pthread mutex (default attributes). Not usable from signal handlers.
 * Carries CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED. */
extern const capheap_lock_ops_t capheap_port_lock_pthread;
#endif

/* 1 when this build has the futex lock port (Linux hosts). */
#ifndef CAPHEAP_PORT_HAS_FUTEX
#if CAPHEAP_PORT_HAS_PTHREAD && defined(__linux__)
#define CAPHEAP_PORT_HAS_FUTEX 1
#else
#define CAPHEAP_PORT_HAS_FUTEX 0
#endif
#endif

#if CAPHEAP_PORT_HAS_FUTEX
/* One lock word with Linux futexes: taking a free lock is one atomic
 * compare-and-swap and releasing it one exchange (about a tenth of a
 * pthread mutex's instructions); a contended waiter spins briefly, then
 * sleeps. Not usable from signal handlers. Carries
 * CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED. */
extern const capheap_lock_ops_t capheap_port_lock_futex;
#endif

/*
 * The port used when a caller gives none: capheap_port_lock_futex on Linux,
 * capheap_port_lock_pthread on other hosted POSIX builds,
 * capheap_port_lock_none elsewhere. Never NULL. O(1).
 */
const capheap_lock_ops_t *capheap_port_lock_default(void);

/*
 * Critical-section port for RTOSes: enter/exit are called with `arg` and
 * the lock object (so a port may keep a spinlock or a saved interrupt state
 * in it: the lock storage is zeroed by init). Fill `ops` from `cs`; `cs` must
 * outlive every heap using `ops`. O(1). Whether the allocator is then
 * ISR-safe is exactly whether enter/exit are.
 */
typedef struct capheap_critical_port {
    void (*enter)(void *arg, capheap_lock_t *lock);
    void (*exit)(void *arg, capheap_lock_t *lock);
    void *arg;
} capheap_critical_port_t;

void capheap_port_lock_critical(capheap_lock_ops_t *ops,
                                const capheap_critical_port_t *cs);

/* Number of leading zero bits of x; x must not be 0. O(1). */
static inline unsigned capheap_port_clz(size_t x)
{
#if defined(__GNUC__) || defined(__clang__)
#if SIZE_MAX > 0xFFFFFFFFu
    return (unsigned)__builtin_clzll((unsigned long long)x);
#else
    return (unsigned)__builtin_clz((unsigned)x);
#endif
#else
    unsigned n = 0;
    size_t top = ~(~(size_t)0 >> 1);
    while (!(x & top)) {
        x <<= 1;
        n++;
    }
    return n;
#endif
}

/* Index of the highest set bit of x (floor(log2 x)); x must not be 0. */
static inline unsigned capheap_port_fls(size_t x)
{
    return (unsigned)(sizeof(size_t) * 8u - 1u) - capheap_port_clz(x);
}

/*
 * Monotonic time in microseconds: CLOCK_MONOTONIC on hosted builds. On bare
 * metal the default returns 0; a port provides its own by defining the
 * weak-overridable capheap_port_time_us (GCC/clang weak symbol). ISR-safe on
 * both shipped ports.
 */
uint64_t capheap_port_time_us(void);

/*
 * Owner of new blocks (task tracking, trace records). An owner is an opaque
 * non-zero number naming the running task; CAPHEAP_OWNER_PRE_SCHEDULER (0)
 * means "no task yet" (start-up code before the scheduler runs).
 * Default: hosted builds number each thread 1, 2, 3, ... in the order it
 * first asks (thread-local, no lock); bare metal returns 0 until a port
 * installs its function, e.g. one returning xTaskGetCurrentTaskHandle() once
 * the scheduler runs. capheap_port_set_owner_fn(NULL) restores the default.
 * The function must be cheap and ISR-safe: it runs on every allocation when
 * task tracking or tracing is on.
 */
#define CAPHEAP_OWNER_PRE_SCHEDULER ((uintptr_t)0)
/* Reserved by task tracking (capheap/tasks.h): the bucket of owners that
 * found a heap's owner table full, and "every owner" in its reset and
 * clear calls. An owner function must return neither. */
#define CAPHEAP_OWNER_OTHER (~(uintptr_t)0)
#define CAPHEAP_OWNER_ALL (~(uintptr_t)0 - 1u)
typedef uintptr_t (*capheap_owner_fn)(void);
void capheap_port_set_owner_fn(capheap_owner_fn fn);
uintptr_t capheap_port_owner(void);

/* Return address of the function in which the macro is used. */
#if defined(__GNUC__) || defined(__clang__)
#define CAPHEAP_CALLER_ADDRESS() __builtin_extract_return_addr(__builtin_return_address(0))
#else
#define CAPHEAP_CALLER_ADDRESS() ((void *)0)
#endif

/*
 * Fills frames[0..depth) with the return addresses of the callers, skipping
 * `skip` innermost frames, and returns how many it stored (0 when the port
 * has no unwinder: bare-metal builds without frame pointers). Not ISR-safe
 * on hosted builds (uses the C library's unwinder).
 */
int capheap_port_backtrace(void **frames, int depth, int skip);

/*
 * Ends the program after reporting `why` (hosted: to stderr, then abort();
 * bare metal: __builtin_trap()). Used as the default abort hook of the caps
 * layer's abort-on-failure option. Never returns.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noreturn))
#endif
void capheap_port_abort(const char *why);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_PORT_H */
