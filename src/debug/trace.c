/*
 * Heap tracing: records in the caller's buffer, O(1) removal by address.
 *
 * Every record slot i of the buffer carries, besides its own record:
 *
 *   link.prev/next    the allocation-ordered list of used records (oldest
 *                     at `head`), or, for unused slots, the stack of unused
 *                     slots (`unused`, through next);
 *   link.hprev/hnext  the chain of live records (not freed) that hash to
 *                     the same bucket;
 *   link.bucket       the head of bucket number i. There are as many buckets
 *                     as slots, so a chain holds one record on average
 *                     whatever the buffer's size;
 *   link.fprev/fnext  mode ALL: freed records in the order of their frees,
 *                     so that a dump can replay allocations and frees in
 *                     order by merging two ordered lists.
 *
 * A free hashes its address, walks its (short) chain and unlinks the record
 * from the chain and from the list: no search of the buffer. When the
 * buffer is full, a new record takes the slot of the oldest one (`head`).
 * Links are 32-bit slot numbers (NONE = no slot), so a buffer holds at most
 * 0xFFFFFFFE records.
 */
#include "trace_internal.h"
#include "../util/fault.h"

#include <stdatomic.h>
#include <string.h>

#include "../caps/caps_internal.h"

#define NONE UINT32_MAX
#define DEPTH CAPHEAP_TRACE_STACK_DEPTH
#define FRAMES_SCAN (DEPTH + 24) /* frames looked at to find the caller */

#if CAPHEAP_TRACE_STACK_DEPTH < 1
#error "CAPHEAP_TRACE_STACK_DEPTH must be at least 1"
#endif

enum { ST_STOPPED = 0, ST_RUNNING = 1, ST_PAUSED = 2 };

struct capheap_trace {
    capheap_lock_t lock;
    const capheap_lock_ops_t *lock_ops;
    capheap_trace_record_t *rec;
    uint32_t cap;
    uint32_t count, high;
    uint32_t head, tail;     /* allocation order */
    uint32_t fhead, ftail;   /* free order (mode ALL) */
    uint32_t unused;
    uint32_t seq;            /* next event number */
    uint32_t get_pos, get_at; /* capheap_trace_get's cursor: slot get_at is record get_pos */
    size_t allocs, frees, dropped;
    capheap_trace_mode_t mode;
    atomic_int state;
    uint64_t t0;
    capheap_trace_clock_fn clock;
    capheap_trace_backtrace_fn backtrace;
    int depth;
    struct capheap_caps *inst;
};

_Static_assert(sizeof(struct capheap_trace) <= sizeof(capheap_trace_storage_t),
               "CAPHEAP_TRACE_STATE_WORDS is too small");
_Static_assert(_Alignof(struct capheap_trace) <= _Alignof(capheap_trace_storage_t),
               "capheap_trace_storage_t is not aligned enough");

/* Set while this thread runs trace code: allocations made meanwhile (a
 * print sink, the C library's unwinder loading itself) are not traced and
 * cannot deadlock on the trace's lock. */
#if CAPHEAP_PORT_HAS_PTHREAD
static _Thread_local int t_inside;
#else
static int t_inside;
#endif

static void lock(struct capheap_trace *t)
{
    t->lock_ops->acquire(t->lock_ops->ctx, &t->lock);
}

static void unlock(struct capheap_trace *t)
{
    t->lock_ops->release(t->lock_ops->ctx, &t->lock);
}

static int state_of(const struct capheap_trace *t)
{
    return atomic_load_explicit((atomic_int *)(uintptr_t)&t->state, memory_order_relaxed);
}

static void set_state(struct capheap_trace *t, int s)
{
    atomic_store_explicit(&t->state, s, memory_order_relaxed);
}

/* true iff event number a happened before b (wrap-safe) */
static bool before(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) < 0;
}

/* ------------------------------------------------------------ hash */

static uint32_t bucket_of(const struct capheap_trace *t, const void *p)
{
    uint64_t a = (uint64_t)(uintptr_t)p;
    uint32_t h = (uint32_t)(a >> 3) ^ (uint32_t)(a >> 35);
    h *= 0x9E3779B1u; /* Fibonacci hashing: the top bits are well mixed */
    return (uint32_t)(((uint64_t)h * t->cap) >> 32);
}

static void hash_insert(struct capheap_trace *t, uint32_t i)
{
    capheap_trace_record_t *r = t->rec;
    uint32_t b = bucket_of(t, r[i].address);
    uint32_t first = r[b].link.bucket;
    r[i].link.hprev = NONE;
    r[i].link.hnext = first;
    if (first != NONE)
        r[first].link.hprev = i;
    r[b].link.bucket = i;
}

static void hash_remove(struct capheap_trace *t, uint32_t i)
{
    capheap_trace_record_t *r = t->rec;
    uint32_t p = r[i].link.hprev, n = r[i].link.hnext;
    if (p == NONE)
        r[bucket_of(t, r[i].address)].link.bucket = n;
    else
        r[p].link.hnext = n;
    if (n != NONE)
        r[n].link.hprev = p;
}

/* The live record of address p made before event `mark`, NONE if none. */
static uint32_t hash_find(const struct capheap_trace *t, const void *p, uint32_t mark)
{
    const capheap_trace_record_t *r = t->rec;
    for (uint32_t i = r[bucket_of(t, p)].link.bucket; i != NONE; i = r[i].link.hnext)
        if (r[i].address == p && before(r[i].link.seq, mark))
            return i;
    return NONE;
}

/* ------------------------------------------------------------ lists */

static void list_append(struct capheap_trace *t, uint32_t i)
{
    capheap_trace_record_t *r = t->rec;
    r[i].link.prev = t->tail;
    r[i].link.next = NONE;
    if (t->tail == NONE)
        t->head = i;
    else
        r[t->tail].link.next = i;
    t->tail = i;
}

static void list_unlink(struct capheap_trace *t, uint32_t i)
{
    capheap_trace_record_t *r = t->rec;
    uint32_t p = r[i].link.prev, n = r[i].link.next;
    if (p == NONE)
        t->head = n;
    else
        r[p].link.next = n;
    if (n == NONE)
        t->tail = p;
    else
        r[n].link.prev = p;
}

static void freed_append(struct capheap_trace *t, uint32_t i)
{
    capheap_trace_record_t *r = t->rec;
    r[i].link.fprev = t->ftail;
    r[i].link.fnext = NONE;
    if (t->ftail == NONE)
        t->fhead = i;
    else
        r[t->ftail].link.fnext = i;
    t->ftail = i;
}

static void freed_unlink(struct capheap_trace *t, uint32_t i)
{
    capheap_trace_record_t *r = t->rec;
    uint32_t p = r[i].link.fprev, n = r[i].link.fnext;
    if (p == NONE)
        t->fhead = n;
    else
        r[p].link.fnext = n;
    if (n == NONE)
        t->ftail = p;
    else
        r[n].link.fprev = p;
}

/* Takes record i out of every list and gives its slot back. */
static void release(struct capheap_trace *t, uint32_t i)
{
    capheap_trace_record_t *r = &t->rec[i];
    if (r->freed)
        freed_unlink(t, i);
    else
        hash_remove(t, i);
    list_unlink(t, i);
    r->address = NULL;
    r->size = 0;
    r->link.next = t->unused;
    t->unused = i;
    t->count--;
    t->get_at = NONE;
}

/* A slot for a new record: an unused one, else the oldest record's. */
static uint32_t take_slot(struct capheap_trace *t)
{
    if (t->unused == NONE) {
        release(t, t->head);
        t->dropped++;
    }
    uint32_t i = t->unused;
    t->unused = t->rec[i].link.next;
    return i;
}

/* ------------------------------------------------------------ capture */

static void capture(const struct capheap_trace *t, void *caller, void **out)
{
    void *tmp[FRAMES_SCAN];
    int n = t->backtrace(tmp, FRAMES_SCAN, 0);
    int from = 0;
    for (int k = 0; k < n; k++)
        if (tmp[k] == caller) {
            from = k;
            break;
        }
    memset(out, 0, sizeof(void *) * DEPTH);
    if (n <= 0) {
        out[0] = caller;
        return;
    }
    for (int k = 0; k < t->depth && from + k < n; k++)
        out[k] = tmp[from + k];
}

static uint64_t since_start(const struct capheap_trace *t, uint64_t now)
{
    return now > t->t0 ? now - t->t0 : 0;
}

static uint32_t ccount_of(uint64_t us)
{
    return (uint32_t)us & ~3u;
}

/* Adds a live record (lock held, running). */
static uint32_t add_record(struct capheap_trace *t, void *p, size_t size, uint32_t caps,
                           void *const *stack, uintptr_t owner, uint64_t now)
{
    uint32_t i = take_slot(t);
    capheap_trace_record_t *r = &t->rec[i];
    uint64_t us = since_start(t, now);
    r->ccount = ccount_of(us);
    r->address = p;
    r->size = size;
    r->freed = false;
    memcpy(r->alloced_by, stack, sizeof r->alloced_by);
    memset(r->freed_by, 0, sizeof r->freed_by);
    r->caps = caps;
    r->flags = 0;
    r->owner = owner;
    r->time_us = us;
    r->free_time_us = 0;
    r->realloc_from = NULL;
    r->link.seq = t->seq++;
    r->link.free_seq = 0;
    list_append(t, i);
    hash_insert(t, i);
    t->count++;
    if (t->count > t->high)
        t->high = t->count;
    t->allocs++;
    t->get_at = NONE;
    return i;
}

/* Record i's block was freed (lock held): LEAKS drops it, ALL keeps it. */
static void mark_freed(struct capheap_trace *t, uint32_t i, void *const *stack, uint64_t now,
                       uint32_t flags)
{
    if (t->mode == CAPHEAP_TRACE_LEAKS) {
        release(t, i);
        return;
    }
    capheap_trace_record_t *r = &t->rec[i];
    hash_remove(t, i);
    r->freed = true;
    r->flags |= flags;
    memcpy(r->freed_by, stack, sizeof r->freed_by);
    r->free_time_us = since_start(t, now);
    r->link.free_seq = t->seq++;
    freed_append(t, i);
}

/* ------------------------------------------------------------ notes */

void capheap_trace_note_alloc(capheap_trace_t *t, void *p, size_t size, uint32_t caps,
                              void *caller)
{
    if (state_of(t) != ST_RUNNING || t_inside)
        return;
    t_inside++;
    void *stack[DEPTH];
    capture(t, caller, stack);
    uintptr_t owner = capheap_port_owner();
    uint64_t now = t->clock();
    lock(t);
    if (state_of(t) == ST_RUNNING)
        (void)add_record(t, p, size, caps, stack, owner, now);
    unlock(t);
    t_inside--;
}

void capheap_trace_note_free(capheap_trace_t *t, void *p, void *caller)
{
    if (state_of(t) == ST_STOPPED || t_inside)
        return;
    t_inside++;
    void *stack[DEPTH];
    uint64_t now = 0;
    bool all = t->mode == CAPHEAP_TRACE_ALL;
    if (all) { /* leaks mode forgets the free: no stack, no clock */
        capture(t, caller, stack);
        now = t->clock();
    }
    lock(t);
    if (state_of(t) != ST_STOPPED) {
        t->frees++;
        uint32_t i = hash_find(t, p, t->seq);
        if (i != NONE)
            mark_freed(t, i, stack, now, 0);
    }
    unlock(t);
    t_inside--;
}

uint32_t capheap_trace_note_mark(capheap_trace_t *t)
{
    if (state_of(t) == ST_STOPPED || t_inside)
        return 0;
    lock(t);
    uint32_t m = t->seq;
    unlock(t);
    return m;
}

void capheap_trace_note_realloc(capheap_trace_t *t, void *old, void *n, size_t size,
                                uint32_t caps, void *caller, uint32_t mark)
{
    if (state_of(t) == ST_STOPPED || t_inside)
        return;
    t_inside++;
    void *stack[DEPTH];
    capture(t, caller, stack);
    uintptr_t owner = capheap_port_owner();
    uint64_t now = t->clock();
    lock(t);
    if (state_of(t) != ST_STOPPED) {
        t->frees++;
        uint32_t i = hash_find(t, old, mark);
        if (i != NONE)
            mark_freed(t, i, stack, now, CAPHEAP_TRACE_F_MOVED);
        if (state_of(t) == ST_RUNNING) {
            uint32_t k = add_record(t, n, size, caps, stack, owner, now);
            if (i != NONE) {
                t->rec[k].flags = CAPHEAP_TRACE_F_REALLOC;
                t->rec[k].realloc_from = old;
            }
        }
    }
    unlock(t);
    t_inside--;
}

/* ------------------------------------------------------------ control */

void capheap_trace_config_init(capheap_trace_config_t *cfg)
{
    if (cfg)
        memset(cfg, 0, sizeof *cfg);
}

capheap_trace_t *capheap_trace_create(capheap_trace_storage_t *storage,
                                      capheap_trace_record_t *records, size_t n,
                                      const capheap_trace_config_t *cfg)
{
    capheap_trace_config_t def;
    if (!cfg) {
        capheap_trace_config_init(&def);
        cfg = &def;
    }
    if (!storage || !records || n == 0 || n >= (size_t)NONE || cfg->depth < 0 ||
        cfg->depth > DEPTH)
        return NULL;
    struct capheap_trace *t = (struct capheap_trace *)(void *)storage;
    memset(t, 0, sizeof *t);
    t->lock_ops = cfg->lock_ops ? cfg->lock_ops : capheap_port_lock_default();
    if (capheap_fault_fail("trace lock") || !t->lock_ops->init(t->lock_ops->ctx, &t->lock))
        return NULL;
    t->rec = records;
    t->cap = (uint32_t)n;
    t->clock = cfg->clock ? cfg->clock : capheap_port_time_us;
    t->backtrace = cfg->backtrace ? cfg->backtrace : capheap_port_backtrace;
    t->depth = cfg->depth ? cfg->depth : DEPTH;
    t->mode = CAPHEAP_TRACE_ALL;
    t->head = t->tail = t->fhead = t->ftail = t->unused = t->get_at = NONE;
    atomic_init(&t->state, ST_STOPPED);
    return t;
}

void capheap_trace_attach(capheap_trace_t *t, struct capheap_caps *inst)
{
    if (!t)
        return;
    if (t->inst && t->inst != inst && t->inst->trace == t)
        t->inst->trace = NULL;
    t->inst = inst;
    if (inst)
        inst->trace = t;
}

struct capheap_caps *capheap_trace_instance(const capheap_trace_t *t)
{
    return t ? t->inst : NULL;
}

capheap_err_t capheap_trace_start(capheap_trace_t *t, capheap_trace_mode_t mode)
{
    if (!t || (mode != CAPHEAP_TRACE_ALL && mode != CAPHEAP_TRACE_LEAKS))
        return CAPHEAP_ERR_INVALID_ARG;
    lock(t);
    set_state(t, ST_STOPPED);
    memset(t->rec, 0, sizeof(capheap_trace_record_t) * t->cap);
    for (uint32_t i = 0; i < t->cap; i++) {
        t->rec[i].link.bucket = NONE;
        t->rec[i].link.next = i + 1 < t->cap ? i + 1 : NONE;
    }
    t->unused = 0;
    t->head = t->tail = t->fhead = t->ftail = t->get_at = NONE;
    t->count = t->high = 0;
    t->allocs = t->frees = t->dropped = 0;
    t->seq = 1;
    t->mode = mode;
    t->t0 = t->clock();
    set_state(t, ST_RUNNING);
    unlock(t);
    return CAPHEAP_OK;
}

static capheap_err_t change_state(capheap_trace_t *t, int from_mask, int to)
{
    if (!t)
        return CAPHEAP_ERR_INVALID_ARG;
    lock(t);
    int s = state_of(t);
    capheap_err_t e = CAPHEAP_ERR_STATE;
    if (from_mask & (1 << s)) {
        set_state(t, to);
        e = CAPHEAP_OK;
    }
    unlock(t);
    return e;
}

capheap_err_t capheap_trace_stop(capheap_trace_t *t)
{
    return change_state(t, 1 << ST_RUNNING | 1 << ST_PAUSED, ST_STOPPED);
}

capheap_err_t capheap_trace_pause_alloc(capheap_trace_t *t)
{
    return change_state(t, 1 << ST_RUNNING, ST_PAUSED);
}

capheap_err_t capheap_trace_resume(capheap_trace_t *t)
{
    return change_state(t, 1 << ST_STOPPED | 1 << ST_PAUSED, ST_RUNNING);
}

bool capheap_trace_is_running(const capheap_trace_t *t)
{
    return t && state_of(t) != ST_STOPPED;
}

size_t capheap_trace_count(capheap_trace_t *t)
{
    if (!t)
        return 0;
    lock(t);
    size_t n = t->count;
    unlock(t);
    return n;
}

capheap_err_t capheap_trace_get(capheap_trace_t *t, size_t index, capheap_trace_record_t *out)
{
    if (!t || !out)
        return CAPHEAP_ERR_INVALID_ARG;
    lock(t);
    if (index >= t->count) {
        unlock(t);
        return CAPHEAP_ERR_INVALID_ARG;
    }
    uint32_t i, pos;
    if (t->get_at != NONE && t->get_pos <= index) {
        i = t->get_at;
        pos = t->get_pos;
    } else {
        i = t->head;
        pos = 0;
    }
    for (; pos < index; pos++)
        i = t->rec[i].link.next;
    t->get_at = i;
    t->get_pos = (uint32_t)index;
    *out = t->rec[i];
    unlock(t);
    return CAPHEAP_OK;
}

capheap_err_t capheap_trace_summary(capheap_trace_t *t, capheap_trace_summary_t *out)
{
    if (!t || !out)
        return CAPHEAP_ERR_INVALID_ARG;
    lock(t);
    out->mode = t->mode;
    out->total_allocations = t->allocs;
    out->total_frees = t->frees;
    out->count = t->count;
    out->capacity = t->cap;
    out->high_water_mark = t->high;
    out->has_overflowed = t->dropped != 0;
    out->dropped = t->dropped;
    unlock(t);
    return CAPHEAP_OK;
}

/* ------------------------------------------------------------ dumps */

static unsigned long long chip_addr(const struct capheap_trace *t, const void *p)
{
    return (unsigned long long)(t->inst ? caps_to_chip(t->inst, (uintptr_t)p) : (uintptr_t)p);
}

/* Caps of the heap holding p (0 if none). */
static uint32_t heap_caps_at(const struct capheap_trace *t, const void *p)
{
    if (!t->inst)
        return 0;
    const caps_index_entry_t *e = caps_index_find(index_get(t->inst), (uintptr_t)p);
    return e ? e->heap->caps_union : 0;
}

static void print_symbols(const capheap_trace_record_t *r, int depth, capheap_print_fn print,
                          void *ctx)
{
    for (int pass = 0; pass < 2; pass++) {
        void *const *frames = pass ? r->freed_by : r->alloced_by;
        if (pass && !r->freed)
            break;
        for (int j = 0; j < depth && frames[j]; j++) {
            char name[128];
            uintptr_t off;
            if (capheap_trace_symbol(frames[j], name, sizeof name, &off))
                capheap_printf(print, ctx, "0x%08llx: %s+0x%llx\n",
                               (unsigned long long)(uintptr_t)frames[j], name,
                               (unsigned long long)off);
        }
    }
}

void capheap_trace_dump_espidf(capheap_trace_t *t, uint32_t filter, bool symbols,
                               capheap_print_fn print, void *ctx)
{
    if (!t || !print)
        return;
    t_inside++;
    lock(t);
    const bool internal = (filter & CAPHEAP_CAP_INTERNAL) != 0;
    const bool psram = (filter & CAPHEAP_CAP_SPIRAM) != 0;
    const int depth = t->depth;
    size_t alive_bytes = 0, alive = 0;
    capheap_printf(print, ctx, "====== Heap Trace: %lu records (%lu capacity) ======\n",
                   (unsigned long)t->count, (unsigned long)t->cap);
    for (uint32_t i = t->head; i != NONE; i = t->rec[i].link.next) {
        const capheap_trace_record_t *r = &t->rec[i];
        uint32_t hc = heap_caps_at(t, r->address);
        bool in_int = (hc & CAPHEAP_CAP_INTERNAL) != 0, in_ext = (hc & CAPHEAP_CAP_SPIRAM) != 0;
        if (!((internal && psram) || (internal && in_int) || (psram && in_ext)))
            continue;
        const char *label = in_ext ? ",    PSRAM" : in_int ? ", Internal" : "";
        capheap_printf(print, ctx, "%6lu bytes (@ 0x%08llx%s) allocated CPU %u ccount 0x%08lx caller ",
                       (unsigned long)r->size, chip_addr(t, r->address), label,
                       (unsigned)(r->ccount & 1u), (unsigned long)(r->ccount & ~3u));
        for (int j = 0; j < depth && r->alloced_by[j]; j++)
            capheap_printf(print, ctx, "0x%08llx%s", (unsigned long long)(uintptr_t)r->alloced_by[j],
                           j < depth - 1 ? ":" : "");
        if (t->mode != CAPHEAP_TRACE_ALL || !r->freed) {
            alive_bytes += r->size;
            alive++;
            print(ctx, "\n");
        } else {
            print(ctx, "\nfreed by ");
            for (int j = 0; j < depth; j++)
                capheap_printf(print, ctx, "0x%08llx%s", (unsigned long long)(uintptr_t)r->freed_by[j],
                               j < depth - 1 ? ":" : "\n");
        }
        if (symbols)
            print_symbols(r, depth, print, ctx);
    }
    print(ctx, "====== Heap Trace Summary ======\n");
    if (t->mode == CAPHEAP_TRACE_ALL) {
        print(ctx, "Mode: Heap Trace All\n");
        capheap_printf(print, ctx, "%lu bytes alive in trace (%lu/%lu allocations)\n",
                       (unsigned long)alive_bytes, (unsigned long)alive, (unsigned long)t->count);
    } else {
        print(ctx, "Mode: Heap Trace Leaks\n");
        capheap_printf(print, ctx, "%lu bytes 'leaked' in trace (%lu allocations)\n",
                       (unsigned long)alive_bytes, (unsigned long)alive);
    }
    capheap_printf(print, ctx, "records: %lu (%lu capacity, %lu high water mark)\n",
                   (unsigned long)t->count, (unsigned long)t->cap, (unsigned long)t->high);
    capheap_printf(print, ctx, "total allocations: %lu\n", (unsigned long)t->allocs);
    capheap_printf(print, ctx, "total frees: %lu\n", (unsigned long)t->frees);
    if (t->dropped)
        print(ctx, "(NB: Internal Buffer has overflowed, so trace data is incomplete.)\n");
    print(ctx, "================================\n");
    unlock(t);
    t_inside--;
}

static void print_stack(capheap_print_fn print, void *ctx, void *const *frames, int depth)
{
    for (int j = 0; j < depth && frames[j]; j++)
        capheap_printf(print, ctx, " 0x%llx", (unsigned long long)(uintptr_t)frames[j]);
    print(ctx, "\n");
}

static void print_alloc(const struct capheap_trace *t, const capheap_trace_record_t *r,
                        capheap_print_fn print, void *ctx)
{
    if ((r->flags & CAPHEAP_TRACE_F_REALLOC) && t->mode == CAPHEAP_TRACE_ALL)
        capheap_printf(print, ctx, "r %llu 0x%llx 0x%llx %lu 0x%lx %llu",
                       (unsigned long long)r->time_us, chip_addr(t, r->realloc_from),
                       chip_addr(t, r->address), (unsigned long)r->size, (unsigned long)r->caps,
                       (unsigned long long)r->owner);
    else
        capheap_printf(print, ctx, "a %llu 0x%llx %lu 0x%lx %llu", (unsigned long long)r->time_us,
                       chip_addr(t, r->address), (unsigned long)r->size, (unsigned long)r->caps,
                       (unsigned long long)r->owner);
    print_stack(print, ctx, r->alloced_by, t->depth);
}

void capheap_trace_dump_capheap(capheap_trace_t *t, const char *chip_name,
                                capheap_print_fn print, void *ctx)
{
    if (!t || !print)
        return;
    t_inside++;
    lock(t);
    print(ctx, "capheap-trace 1\n");
    if (chip_name)
        capheap_printf(print, ctx, "chip %s\n", chip_name);
    capheap_printf(print, ctx, "# mode %s, %lu records, %lu allocations, %lu frees, %lu dropped\n",
                   t->mode == CAPHEAP_TRACE_ALL ? "all" : "leaks", (unsigned long)t->count,
                   (unsigned long)t->allocs, (unsigned long)t->frees, (unsigned long)t->dropped);
    if (t->dropped)
        print(ctx, "# overflowed: the oldest records were dropped\n");
    const capheap_trace_record_t *rec = t->rec;
    uint32_t a = t->head, f = t->fhead;
    while (a != NONE || f != NONE) {
        if (f == NONE || (a != NONE && before(rec[a].link.seq, rec[f].link.free_seq))) {
            print_alloc(t, &rec[a], print, ctx);
            a = rec[a].link.next;
        } else {
            if (!(rec[f].flags & CAPHEAP_TRACE_F_MOVED))
                capheap_printf(print, ctx, "f %llu 0x%llx\n",
                               (unsigned long long)rec[f].free_time_us,
                               chip_addr(t, rec[f].address));
            f = rec[f].link.fnext;
        }
    }
    unlock(t);
    t_inside--;
}

/* ------------------------------------------------------------ massif */

/* Record i is alive just after event number `at`. */
static bool live_at(const capheap_trace_record_t *r, uint32_t at)
{
    return !before(at, r->link.seq) && (!r->freed || before(at, r->link.free_seq));
}

/* r's stack starts with rep's first `level` frames. */
static bool has_prefix(const capheap_trace_record_t *r, const capheap_trace_record_t *rep,
                       int level)
{
    for (int j = 0; j < level; j++)
        if (r->alloced_by[j] != rep->alloced_by[j])
            return false;
    return true;
}

/* The first live record (from slot `from` on, list order) that has rep's
 * prefix and frame f at `level` (NONE if none). */
static uint32_t first_with(const struct capheap_trace *t, uint32_t from, uint32_t at,
                           const capheap_trace_record_t *rep, int level, const void *f)
{
    for (uint32_t i = from; i != NONE; i = t->rec[i].link.next) {
        const capheap_trace_record_t *r = &t->rec[i];
        if (live_at(r, at) && has_prefix(r, rep, level) && r->alloced_by[level] == f)
            return i;
    }
    return NONE;
}

/* One node of the heap tree: rep's prefix of `level` frames (level 0: the
 * root), its bytes and its children (one per distinct next frame). */
static void massif_node(const struct capheap_trace *t, uint32_t at, uint32_t rep_i, int level,
                        capheap_print_fn print, void *ctx)
{
    const capheap_trace_record_t *rep = rep_i == NONE ? NULL : &t->rec[rep_i];
    size_t bytes = 0;
    unsigned children = 0;
    for (uint32_t i = t->head; i != NONE; i = t->rec[i].link.next) {
        const capheap_trace_record_t *r = &t->rec[i];
        if (!live_at(r, at) || (rep && !has_prefix(r, rep, level)))
            continue;
        bytes += r->size;
        const void *f = level < t->depth ? r->alloced_by[level] : NULL;
        if (f && first_with(t, t->head, at, rep ? rep : r, level, f) == i)
            children++;
    }
    char name[128];
    uintptr_t off = 0;
    for (int k = 0; k < level; k++)
        print(ctx, " ");
    if (level == 0) {
        capheap_printf(print, ctx, "n%u: %lu (heap allocation functions) malloc/new/new[], --alloc-fns, etc.\n",
                       children, (unsigned long)bytes);
    } else {
        const void *f = rep->alloced_by[level - 1];
        if (capheap_trace_symbol(f, name, sizeof name, &off))
            capheap_printf(print, ctx, "n%u: %lu 0x%llX: %s+0x%llx\n", children,
                           (unsigned long)bytes, (unsigned long long)(uintptr_t)f, name,
                           (unsigned long long)off);
        else
            capheap_printf(print, ctx, "n%u: %lu 0x%llX: ???\n", children, (unsigned long)bytes,
                           (unsigned long long)(uintptr_t)f);
    }
    if (level >= t->depth)
        return;
    for (uint32_t i = t->head; i != NONE; i = t->rec[i].link.next) {
        const capheap_trace_record_t *r = &t->rec[i];
        if (!live_at(r, at) || (rep && !has_prefix(r, rep, level)) || !r->alloced_by[level])
            continue;
        if (first_with(t, t->head, at, rep ? rep : r, level, r->alloced_by[level]) == i)
            massif_node(t, at, i, level + 1, print, ctx);
    }
}

/* Walks the events in order (as dump_capheap), calling back per event. */
typedef struct {
    size_t cur, peak, time;
    uint32_t peak_event, event;
} massif_walk_t;

static bool massif_next(const struct capheap_trace *t, uint32_t *a, uint32_t *f, uint32_t *seq,
                        massif_walk_t *w)
{
    const capheap_trace_record_t *rec = t->rec;
    if (*a == NONE && *f == NONE)
        return false;
    if (*f == NONE || (*a != NONE && before(rec[*a].link.seq, rec[*f].link.free_seq))) {
        w->cur += rec[*a].size;
        w->time += rec[*a].size;
        *seq = rec[*a].link.seq;
        *a = rec[*a].link.next;
    } else {
        w->cur -= rec[*f].size;
        w->time += rec[*f].size;
        *seq = rec[*f].link.free_seq;
        *f = rec[*f].link.fnext;
    }
    w->event++;
    return true;
}

void capheap_trace_dump_massif(capheap_trace_t *t, const char *cmd, unsigned detail_every,
                               capheap_print_fn print, void *ctx)
{
    if (!t || !print)
        return;
    t_inside++;
    lock(t);
    massif_walk_t w = { 0, 0, 0, 0, 0 };
    uint32_t a = t->head, f = t->fhead, seq = 0;
    while (massif_next(t, &a, &f, &seq, &w))
        if (w.cur > w.peak) {
            w.peak = w.cur;
            w.peak_event = w.event;
        }
    capheap_printf(print, ctx, "desc: capheap trace, mode %s, %lu records%s\n",
                   t->mode == CAPHEAP_TRACE_ALL ? "all" : "leaks", (unsigned long)t->count,
                   t->dropped ? ", overflowed (oldest records dropped)" : "");
    capheap_printf(print, ctx, "cmd: %s\n", cmd ? cmd : "capheap-trace");
    print(ctx, "time_unit: B\n");
    print(ctx, "#-----------\nsnapshot=0\n#-----------\ntime=0\nmem_heap_B=0\n"
               "mem_heap_extra_B=0\nmem_stacks_B=0\nheap_tree=empty\n");
    uint32_t peak_event = w.peak_event;
    memset(&w, 0, sizeof w);
    a = t->head;
    f = t->fhead;
    while (massif_next(t, &a, &f, &seq, &w)) {
        bool peak = w.event == peak_event;
        bool detailed = peak || (detail_every && w.event % detail_every == 0);
        capheap_printf(print, ctx, "#-----------\nsnapshot=%lu\n#-----------\n",
                       (unsigned long)w.event);
        capheap_printf(print, ctx, "time=%lu\nmem_heap_B=%lu\nmem_heap_extra_B=0\nmem_stacks_B=0\n",
                       (unsigned long)w.time, (unsigned long)w.cur);
        capheap_printf(print, ctx, "heap_tree=%s\n", peak ? "peak" : detailed ? "detailed" : "empty");
        if (detailed)
            massif_node(t, seq, NONE, 0, print, ctx);
    }
    unlock(t);
    t_inside--;
}
