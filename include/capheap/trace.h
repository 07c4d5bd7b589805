/*
 * capheap trace: heap tracing in a caller-given buffer of records
 * (ESP-IDF's "standalone" heap tracing, for any caps instance).
 *
 * Built only when the library is built with CAPHEAP_HEAP_TRACING=1 (CMake
 * option CAPHEAP_HEAP_TRACING, a public definition): without it this header
 * declares nothing but the record type, and the allocator contains no
 * tracing code at all.
 *
 * A trace is attached to one caps instance. While it runs, every
 * allocation made through that instance's public functions (malloc,
 * calloc, realloc, aligned, prefer, default, and everything built on them:
 * heap_caps_*, plain malloc of a libc layer over capheap_caps_*) adds a
 * record, and every free either removes the record (mode LEAKS) or marks
 * it freed (mode ALL). A record holds the address, the size and caps asked,
 * a time stamp, the owner (capheap_port_owner()) and the call stack.
 *
 * Records live in the caller's buffer, in allocation order (oldest first).
 * The buffer also holds the index that finds a live record by address: a
 * chained hash table whose bucket heads and links are fields of the records
 * themselves, so a free finds and removes its record in O(1) expected time
 * (no search of the buffer) and a trace needs no memory but the buffer.
 * When the buffer is full, a new allocation drops the oldest record and the
 * summary says the trace overflowed.
 *
 * Threads and interrupts: every function may be called from several
 * threads; the trace has its own lock (the port's default lock, or the
 * config's), taken after the allocator released its heap lock. Allocations
 * made while the same thread is inside the trace (e.g. by a print sink during
 * a dump) are not traced. With the pthread port nothing is ISR-safe; with a
 * critical-section port the recording functions are as ISR-safe as that
 * port (dumps are not: they hold the lock for O(records) time).
 */
#ifndef CAPHEAP_TRACE_H
#define CAPHEAP_TRACE_H

#include "capheap/common.h"
#include "capheap/port.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Largest number of return addresses kept per allocation and per free
 * (ESP-IDF's CONFIG_HEAP_TRACING_STACK_DEPTH). At least 1. Part of the
 * record layout: the library and its users must agree.
 * Cost: 2 * depth pointers per record.
 */
#ifndef CAPHEAP_TRACE_STACK_DEPTH
#define CAPHEAP_TRACE_STACK_DEPTH 4
#endif

typedef enum {
    CAPHEAP_TRACE_ALL = 0,   /* every allocation is kept; a free marks it freed */
    CAPHEAP_TRACE_LEAKS = 1  /* a free removes the allocation's record */
} capheap_trace_mode_t;

/* Record flags (capheap_trace_record_t.flags). */
#define CAPHEAP_TRACE_F_REALLOC 1u  /* made by realloc; realloc_from is the old block */
#define CAPHEAP_TRACE_F_MOVED   2u  /* freed by a realloc (its new record says where) */

/*
 * One traced allocation. The first six fields are ESP-IDF's
 * heap_trace_record_t fields with their meaning (see ccount); the rest are
 * capheap's. `link` is the trace's own bookkeeping: never write it.
 */
typedef struct capheap_trace_record {
    uint32_t ccount;     /* ESP-IDF: CPU cycle count with the CPU number in
                            bit 0. capheap: time_us truncated to 32 bits with
                            bits 0 and 1 cleared (CPU 0). */
    void *address;       /* the block as returned to the caller; NULL: empty */
    size_t size;         /* bytes asked (calloc: n * size) */
    bool freed;          /* mode ALL: the block has been freed */
    void *alloced_by[CAPHEAP_TRACE_STACK_DEPTH]; /* innermost caller first, 0-padded */
    void *freed_by[CAPHEAP_TRACE_STACK_DEPTH];   /* all 0 while not freed */
    uint32_t caps;       /* caps asked (prefer/default: the entry that succeeded) */
    uint32_t flags;      /* CAPHEAP_TRACE_F_* */
    uintptr_t owner;     /* capheap_port_owner() of the allocating thread */
    uint64_t time_us;    /* allocation time, microseconds since the start */
    uint64_t free_time_us; /* mode ALL: free time (0 while not freed) */
    void *realloc_from;  /* CAPHEAP_TRACE_F_REALLOC: the old block */
    struct {
        uint32_t seq, free_seq;  /* event numbers of the allocation and free */
        uint32_t prev, next;     /* allocation-ordered list */
        uint32_t fprev, fnext;   /* mode ALL: freed records in free order */
        uint32_t hprev, hnext;   /* hash chain of live records */
        uint32_t bucket;         /* head of hash bucket number <this index> */
    } link;
} capheap_trace_record_t;

/* Totals of a trace (ESP-IDF's heap_trace_summary_t fields first). */
typedef struct {
    capheap_trace_mode_t mode;
    size_t total_allocations; /* allocations recorded since the start */
    size_t total_frees;       /* frees seen while tracing (recorded or not) */
    size_t count;             /* records in the buffer now */
    size_t capacity;          /* records the buffer holds */
    size_t high_water_mark;   /* most records held at once */
    size_t has_overflowed;    /* 1 once a record was dropped for lack of room */
    size_t dropped;           /* records dropped because the buffer was full */
} capheap_trace_summary_t;

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING

struct capheap_caps;

/* Where a trace keeps its state (the records are separate). */
#define CAPHEAP_TRACE_STATE_WORDS 48
typedef struct capheap_trace_storage {
    union {
        void *words[CAPHEAP_TRACE_STATE_WORDS];
        uint64_t align_u64;
        long double align_ld;
    } u;
} capheap_trace_storage_t;

/* A trace. Distinct incomplete type. */
typedef struct capheap_trace capheap_trace_t;

/* Fills frames[0..depth) with return addresses, innermost first, skipping
 * `skip` frames; returns how many (capheap_port_backtrace's contract). */
typedef int (*capheap_trace_backtrace_fn)(void **frames, int depth, int skip);
typedef uint64_t (*capheap_trace_clock_fn)(void);

typedef struct {
    /* time stamps in microseconds; NULL: capheap_port_time_us */
    capheap_trace_clock_fn clock;
    /* call stacks; NULL: capheap_port_backtrace. The stack recorded starts
     * at the frame equal to the return address of the public function
     * (capheap_caps_malloc, ...); if no frame equals it, the frames as the
     * function gave them; if it gives none, that return address alone. */
    capheap_trace_backtrace_fn backtrace;
    /* frames kept, 1..CAPHEAP_TRACE_STACK_DEPTH; 0: the maximum */
    int depth;
    /* lock port; NULL: capheap_port_lock_default() */
    const capheap_lock_ops_t *lock_ops;
} capheap_trace_config_t;

/* Defaults (all NULL/0). O(1). */
void capheap_trace_config_init(capheap_trace_config_t *cfg);

/*
 * Makes a trace in `storage` over `records[0..n)` (cfg NULL: defaults).
 * The trace is stopped; nothing is traced before capheap_trace_start.
 * Returns NULL iff storage or records is NULL, n is 0 or at least
 * 0xFFFFFFFF, cfg->depth is out of range, or the lock cannot be created.
 * O(1). storage and records must outlive the trace.
 */
capheap_trace_t *capheap_trace_create(capheap_trace_storage_t *storage,
                                      capheap_trace_record_t *records, size_t n,
                                      const capheap_trace_config_t *cfg);

/*
 * Attaches the trace to an instance (or detaches it: inst NULL), replacing
 * any trace attached before. Call while no allocation runs on inst (like
 * capheap_caps_set_hooks). An attached, stopped trace costs the instance
 * one test per allocation and free. O(1).
 */
void capheap_trace_attach(capheap_trace_t *trace, struct capheap_caps *inst);

/* The instance the trace is attached to, NULL if none. O(1). */
struct capheap_caps *capheap_trace_instance(const capheap_trace_t *trace);

/*
 * Clears the records and totals and starts tracing in `mode` (restarts a
 * running trace). CAPHEAP_ERR_INVALID_ARG: trace NULL or mode unknown.
 * O(n) (the buffer is cleared).
 */
capheap_err_t capheap_trace_start(capheap_trace_t *trace, capheap_trace_mode_t mode);

/* Stops tracing; records stay. CAPHEAP_ERR_STATE if not running (or paused).
 * O(1). */
capheap_err_t capheap_trace_stop(capheap_trace_t *trace);

/* Stops recording allocations while frees are still recorded.
 * CAPHEAP_ERR_STATE unless running. O(1). */
capheap_err_t capheap_trace_pause_alloc(capheap_trace_t *trace);

/* Records allocations and frees again after stop or pause, keeping the
 * records and the mode. CAPHEAP_ERR_STATE if already running. O(1). */
capheap_err_t capheap_trace_resume(capheap_trace_t *trace);

/* True while allocations or frees are recorded. O(1). */
bool capheap_trace_is_running(const capheap_trace_t *trace);

/* Records held now (0 for NULL). O(1). */
size_t capheap_trace_count(capheap_trace_t *trace);

/*
 * Copies record number `index` (0 = oldest) to *out. CAPHEAP_ERR_INVALID_ARG
 * if trace or out is NULL or index >= count. O(index), O(1) when called for
 * index i+1 right after i (sequential reads).
 */
capheap_err_t capheap_trace_get(capheap_trace_t *trace, size_t index,
                                capheap_trace_record_t *out);

/* Totals. CAPHEAP_ERR_INVALID_ARG if an argument is NULL. O(1). */
capheap_err_t capheap_trace_summary(capheap_trace_t *trace, capheap_trace_summary_t *out);

/*
 * Dumps the records in ESP-IDF's heap_trace_dump() text format, then the
 * summary block. caps_filter: records whose block lies in a heap with
 * CAPHEAP_CAP_INTERNAL (if the filter has it) or CAPHEAP_CAP_SPIRAM (if the
 * filter has it); both: every record. Block addresses are chip addresses
 * (the attached instance's map). When the build can name a caller
 * (symbols=true, hosted builds with dladdr), each record is followed by one
 * line per named frame, "0x<addr>: <symbol>+0x<offset>", as ESP-IDF's
 * monitor prints them. Holds the trace's lock while printing. O(records).
 */
void capheap_trace_dump_espidf(capheap_trace_t *trace, uint32_t caps_filter, bool symbols,
                               capheap_print_fn print, void *ctx);

/*
 * Dumps the trace in the capheap trace format, version 1
 * (docs/trace-format.md), that `capheap` the simulator replays: the header,
 * "chip <chip_name>" when chip_name is not NULL, then in mode LEAKS one
 * 'a' line per live record, in mode ALL every recorded allocation, realloc
 * and free in the order they happened. O(records).
 */
void capheap_trace_dump_capheap(capheap_trace_t *trace, const char *chip_name,
                                capheap_print_fn print, void *ctx);

/*
 * Writes the trace as a Valgrind massif output file (the format ms_print
 * and massif-visualizer read), so a trace taken on a device can be viewed
 * with those tools: one snapshot per recorded event (mode ALL: allocations
 * and frees in order; mode LEAKS: the live records' allocations), time in
 * bytes allocated and freed so far ("time_unit: B"), and the heap tree
 * (bytes per call stack, named where the build can) of the peak snapshot
 * and of every `detail_every`-th one (0: the peak only). `cmd` fills the
 * "cmd:" line (NULL: "capheap-trace"). O(records) per snapshot plus
 * O(records^2 * depth^2) per tree.
 */
void capheap_trace_dump_massif(capheap_trace_t *trace, const char *cmd, unsigned detail_every,
                               capheap_print_fn print, void *ctx);

#endif /* CAPHEAP_HEAP_TRACING */

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_TRACE_H */
