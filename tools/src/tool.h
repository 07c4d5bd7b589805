/*
 * capheap command-line simulator: shared declarations.
 *
 * The tool reads a workload (or a heap trace) into a list of operations
 * (load.c, trace.c), replays it on a simulated chip (exec.c) collecting
 * statistics, and prints them as text or JSON, or draws them (report.c).
 * The tool is a host program: it may use stdio and libc malloc for itself;
 * the simulated heaps are capheap's, inside the host simulation.
 */
#ifndef CAPHEAP_TOOL_H
#define CAPHEAP_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "capheap/caps.h"
#include "capheap/gc.h"
#include "capheap/chip.h"
#include "capheap/layout.h"
#include "capheap/sim.h"

/* Where the loaders, elf.c and the replay print their messages: stderr,
 * unless a program embedding them (fuzz/fuzz_parsers.c) sets tool_messages. */
extern FILE *tool_messages;
FILE *tool_err(void);

/* Exit codes (docs/simulator.md). */
enum {
    EXIT_OK = 0,        /* done; every request was satisfied, checks passed */
    EXIT_FAILED = 1,    /* done; some request failed or a check found damage */
    EXIT_USAGE = 2,     /* bad command line, unknown chip or option */
    EXIT_INPUT = 3,     /* input file unreadable or malformed */
    EXIT_CHIP = 4       /* the chip cannot do it (static data too large) or
                           the host refused the simulation */
};

typedef enum {
    OP_ALLOC,    /* id size caps align        (no caps: plain malloc) */
    OP_CALLOC,   /* id n*size caps */
    OP_REALLOC,  /* id size caps */
    OP_FREE,     /* id */
    OP_REGION,   /* add chip range [addr, addr+size) */
    OP_DEFERRED, /* enable the deferred (start-up stack) heaps */
    OP_EXTMEM,   /* malloc uses external memory above size bytes */
    OP_CHECK,    /* integrity check of every heap */
    OP_PHASE,    /* a named phase starts (name index in `n`) */
    OP_GC_CREATE,  /* GC heap: caps of its areas, first size, n = max area */
    OP_GC_ALLOC,   /* id size: an object kept alive (a root) until dropped */
    OP_GC_DROP,    /* id: no longer a root (a collection frees it) */
    OP_GC_COLLECT, /* a collection from the roots */
    OP_LAST = OP_GC_COLLECT
} op_kind_t;

#define OP_HAS_CAPS 1u /* caps given (else plain malloc policy) */

typedef struct {
    uint8_t kind;
    uint8_t flags;
    uint32_t line;  /* source line (1-based) */
    uint32_t id;    /* slot */
    uint32_t caps;
    uint64_t size;
    uint64_t n;     /* calloc count, alignment, region address, phase index */
    uint32_t owner; /* capheap traces: the task that asked (0: unknown or
                       pre-scheduler) */
} op_t;

/* A loaded workload. */
typedef struct {
    const char *file;  /* name used in messages */
    op_t *ops;
    size_t count, cap;
    char **names;      /* slot names (ids), for messages */
    size_t slots;
    char **phases;     /* phase names */
    size_t phase_count;
    const char *chip;  /* "chip NAME" line or trace header, may be NULL */
    /* what trace.c inferred (replay) */
    size_t inferred_frees, freed_at_end, never_freed, dropped;
    size_t counted_records;
} workload_t;

/* Errors while loading: "file:line: message" on stderr, returns false. */
bool workload_load(workload_t *w, const char *path, char *text);
bool trace_load(workload_t *w, const char *path, char *text);
void workload_free(workload_t *w);

/* Helpers shared by the loaders. */
bool wl_push(workload_t *w, const op_t *op);
uint32_t wl_slot(workload_t *w, const char *name, size_t len);
uint32_t wl_phase(workload_t *w, const char *name, size_t len);
char *read_file(const char *path, size_t *len); /* NUL-terminated; NULL + errno */

/* Capability names <-> masks. parse returns false on an unknown name. */
bool caps_parse(const char *s, size_t len, uint32_t *out);
void caps_name(uint32_t caps, char *buf, size_t n);

/* ------------------------------------------------------------ replay */

#define MAX_CLASSES 8
#define MAX_HEAPS 32
#define MAX_TYPES 16

typedef struct {
    uint32_t caps;
    const char *name;
} mem_class_t;

typedef struct {
    size_t free, min_free, largest, total;
} class_stat_t;

typedef struct {
    size_t total, used, free, max_free, areas, collections;
    bool present;
} gc_stat_t;

typedef struct {
    uint32_t phase;      /* index into workload phases, UINT32_MAX: start */
    gc_stat_t gc;
    size_t op_index;     /* first op of the phase */
    class_stat_t at_end[MAX_CLASSES];
    size_t failures;
} phase_stat_t;

typedef struct {
    size_t op_index;
    class_stat_t c[MAX_CLASSES];
} sample_t;

typedef struct {
    uint32_t line;
    uint8_t kind;
    uint32_t id;
    uint64_t size;
    uint32_t caps;
    bool has_caps;
    uint32_t phase;
    const char *reason;  /* static text */
    size_t free, largest;
} failure_t;

typedef struct {
    void *ptr;       /* host pointer as returned, NULL if not live */
    uint64_t size;   /* as asked */
    uint32_t caps;   /* as asked (0: plain malloc) */
    bool failed;     /* its last allocation failed: free is free(NULL) */
    bool used;       /* allocated at least once */
    uint32_t owner;  /* from the trace (0: none) */
} slot_t;

typedef struct {
    const char *name;
    size_t used, peak, total;
} type_stat_t;

typedef struct {
    const capheap_caps_heap_t *heap;
    capheap_region_t region;
    int type;        /* index into types */
    size_t used;     /* allocated bytes as last seen */
} heap_rec_t;

typedef struct {
    /* setup */
    const capheap_chip_t *chip;
    capheap_sim_t *sim;
    capheap_caps_t *caps;
    size_t extmem;         /* SIZE_MAX: off */
    const char *poison;    /* "none", "light", "comprehensive" */
    bool progress;
    bool colour_owner;     /* heap map coloured by owner instead of caps */
    /* result */
    slot_t *slots;
    size_t slot_count;
    mem_class_t classes[MAX_CLASSES];
    bool class_shown[MAX_CLASSES]; /* some heap served it during the run */
    size_t class_count;
    class_stat_t at_end[MAX_CLASSES];
    phase_stat_t *phases;
    size_t phase_count;
    sample_t *samples;
    size_t sample_count, sample_cap, sample_every;
    failure_t *failures;
    size_t failure_count, failure_cap;
    type_stat_t types[MAX_TYPES];
    size_t type_count;
    heap_rec_t heaps[MAX_HEAPS];
    size_t heap_count;
    size_t checks, checks_failed, bad_ops;
    size_t ops_done;
    double seconds;
    size_t counts[OP_LAST + 1];
    /* GC heap (gc create) */
    capheap_gc_t *gc;
    void **gc_roots;     /* one per slot: the live objects */
    gc_stat_t gc_end;
    size_t gc_peak_used;
} run_t;

/* Sets up the simulation of chip; false (message printed) on failure. */
bool run_setup(run_t *r, const capheap_chip_t *chip);
/* Replays w; returns true when it ran to its end. */
bool run_exec(run_t *r, const workload_t *w);
void run_teardown(run_t *r);
/* Heap statistics (refreshes the heap list). */
void run_refresh_heaps(run_t *r);
double heap_fragmentation(const capheap_heap_info_t *info);
void gc_stats(run_t *r, gc_stat_t *out);

/* ------------------------------------------------------------ output */
void report_text(FILE *f, const run_t *r, const workload_t *w);
void report_json(FILE *f, const run_t *r, const workload_t *w);
bool report_map_svg(FILE *f, run_t *r, const workload_t *w);
bool report_timeline_svg(FILE *f, const run_t *r, const workload_t *w);
bool report_html(FILE *f, run_t *r, const workload_t *w);

/* Layout printing (main.c) and the chip with the application's static data. */
void print_size(FILE *f, size_t bytes);

/* ------------------------------------------------------------ static data (elf.c) */

/* A copy of a chip table whose reserved ranges can be resized. */
typedef struct {
    capheap_chip_t chip;         /* copy with the application's reserved ranges */
    capheap_reserved_t *reserved;
} custom_chip_t;

/* Copies chip (reserved ranges on the libc heap: free(c->reserved)). */
bool tool_custom_init(custom_chip_t *c, const capheap_chip_t *chip);
/* The reserved range named `what...` ends `bytes` (rounded up to 8) after
 * its start: EXIT_OK, or EXIT_CHIP (message printed) when the chip cannot
 * hold that much there. */
int tool_set_static(custom_chip_t *c, const char *what, uint64_t bytes, const char *source);
/* The same for every "application ..." range, measured from the ELF image
 * b[0..len): EXIT_OK, EXIT_INPUT (not an ELF, truncated) or EXIT_CHIP. */
int tool_elf_apply(custom_chip_t *c, const unsigned char *b, size_t len, const char *path);

#endif /* CAPHEAP_TOOL_H */
