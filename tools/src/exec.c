/*
 * Replays a list of ops on a simulated chip and collects the statistics of
 * docs/simulator.md ("Figures").
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "capheap/port.h"
#include "tool.h"

/* Memory classes the report follows: each one a caps mask, kept when some
 * memory type of the chip can serve it. */
static const mem_class_t candidate_classes[] = {
    { CAPHEAP_CAP_DEFAULT, "DEFAULT" },
    { CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_8BIT, "INTERNAL" },
    { CAPHEAP_CAP_DMA, "DMA" },
    { CAPHEAP_CAP_EXEC, "EXEC" },
    { CAPHEAP_CAP_SPIRAM, "SPIRAM" },
    { CAPHEAP_CAP_RTCRAM, "RTCRAM" },
    { CAPHEAP_CAP_TCM, "TCM" },
};

static const op_t *current_op;
static size_t messages; /* workload errors printed so far */

/* Prints at most 20 workload errors; true when this one is printed. */
static bool say(void)
{
    if (++messages == 21)
        fprintf(tool_err(), "capheap: further workload errors not shown\n");
    return messages <= 20;
}

static void on_error(void *ctx, capheap_error_reason_t reason, const void *where)
{
    run_t *r = ctx;
    r->bad_ops++;
    if (say())
        fprintf(tool_err(), "line %u: %s at %p\n", current_op ? (unsigned)current_op->line : 0u,
            capheap_error_reason_str(reason), where);
}

double heap_fragmentation(const capheap_heap_info_t *info)
{
    if (info->total_free_bytes == 0)
        return 0.0;
    double f = 1.0 - (double)info->largest_free_block / (double)info->total_free_bytes;
    return f < 0 ? 0 : f;
}

void run_refresh_heaps(run_t *r)
{
    heap_rec_t old[MAX_HEAPS];
    size_t old_n = r->heap_count;
    memcpy(old, r->heaps, sizeof old);
    size_t n = capheap_caps_heap_count(r->caps);
    r->heap_count = 0;
    for (size_t i = 0; i < n && r->heap_count < MAX_HEAPS; i++) {
        heap_rec_t *h = &r->heaps[r->heap_count++];
        memset(h, 0, sizeof *h);
        h->heap = capheap_caps_heap_at(r->caps, i);
        capheap_caps_heap_region(h->heap, &h->region);
        h->type = h->region.type >= 0 && (size_t)h->region.type < r->type_count ? h->region.type
                                                                               : -1;
        for (size_t j = 0; j < old_n; j++)
            if (old[j].heap == h->heap)
                h->used = old[j].used;
    }
    /* type totals */
    for (size_t t = 0; t < r->type_count; t++)
        r->types[t].total = 0;
    for (size_t i = 0; i < r->heap_count; i++)
        if (r->heaps[i].type >= 0)
            r->types[r->heaps[i].type].total += r->heaps[i].region.size;
}

bool run_setup(run_t *r, const capheap_chip_t *chip)
{
    r->chip = chip;
    r->extmem = r->extmem ? r->extmem : SIZE_MAX;
    capheap_err_t e = capheap_sim_create(chip, 0, &r->sim);
    if (e != CAPHEAP_OK) {
        fprintf(tool_err(), "capheap: cannot simulate chip '%s' (error %d)\n", chip->name, (int)e);
        return false;
    }
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = chip;
    cfg.map = capheap_sim_map(r->sim);
    cfg.lock_ops = &capheap_port_lock_none; /* the tool is single-threaded */
    cfg.error_hook = on_error;
    cfg.error_ctx = r;
    e = capheap_caps_create_from_chip(&cfg, &r->caps);
    if (e != CAPHEAP_OK) {
        fprintf(tool_err(), "capheap: cannot create the heaps of chip '%s' (error %d)\n",
                chip->name, (int)e);
        capheap_sim_destroy(r->sim);
        r->sim = NULL;
        return false;
    }
    if (r->extmem != SIZE_MAX)
        capheap_caps_malloc_extmem_enable(r->caps, r->extmem);
    r->class_count = 0;
    for (size_t i = 0; i < sizeof candidate_classes / sizeof candidate_classes[0]; i++) {
        bool served = false;
        for (size_t t = 0; t < chip->type_count; t++) {
            const uint32_t *m = chip->types[t].caps;
            if (((m[0] | m[1] | m[2]) & candidate_classes[i].caps) == candidate_classes[i].caps)
                served = true;
        }
        if (served && r->class_count < MAX_CLASSES)
            r->classes[r->class_count++] = candidate_classes[i];
    }
    r->type_count = chip->type_count < MAX_TYPES ? chip->type_count : MAX_TYPES;
    for (size_t t = 0; t < r->type_count; t++)
        r->types[t].name = chip->types[t].name;
    run_refresh_heaps(r);
    return true;
}

void run_teardown(run_t *r)
{
    if (r->gc)
        capheap_gc_destroy(r->gc);
    r->gc = NULL;
    free(r->gc_roots);
    r->gc_roots = NULL;
    if (r->caps)
        capheap_caps_destroy(r->caps);
    capheap_sim_destroy(r->sim);
    free(r->slots);
    free(r->phases);
    free(r->samples);
    free(r->failures);
    r->caps = NULL;
    r->sim = NULL;
}

/* ------------------------------------------------------------ statistics */

static void class_stats(run_t *r, class_stat_t *out, const class_stat_t *prev_min)
{
    for (size_t c = 0; c < r->class_count; c++) {
        uint32_t caps = r->classes[c].caps;
        out[c].free = capheap_caps_get_free_size(r->caps, caps);
        out[c].min_free = capheap_caps_get_minimum_free_size(r->caps, caps);
        out[c].largest = capheap_caps_get_largest_free_block(r->caps, caps);
        out[c].total = capheap_caps_get_total_size(r->caps, caps);
        if (prev_min && prev_min[c].min_free < out[c].min_free)
            out[c].min_free = prev_min[c].min_free;
    }
}

/* The minimum over the whole run so far: min(minimum when the current
 * phase started, the phase window's minimum). */
static class_stat_t phase_start_min[MAX_CLASSES];

static void sample(run_t *r, size_t op_index)
{
    if (r->sample_count == r->sample_cap) {
        size_t cap = r->sample_cap ? r->sample_cap * 2 : 256;
        sample_t *s = realloc(r->samples, cap * sizeof *s);
        if (!s)
            return;
        r->samples = s;
        r->sample_cap = cap;
    }
    sample_t *s = &r->samples[r->sample_count++];
    s->op_index = op_index;
    class_stats(r, s->c, phase_start_min);
}

void gc_stats(run_t *r, gc_stat_t *out)
{
    memset(out, 0, sizeof *out);
    if (!r->gc)
        return;
    capheap_gc_info_t info;
    capheap_gc_get_info(r->gc, &info);
    out->present = true;
    out->total = info.total;
    out->used = info.used;
    out->free = info.free;
    out->max_free = info.max_free * CAPHEAP_GC_BLOCK;
    out->areas = info.areas;
    out->collections = info.collections;
}

static heap_rec_t *rec_of(run_t *r, const void *ptr)
{
    const capheap_caps_heap_t *h = capheap_caps_heap_of(r->caps, ptr);
    for (size_t i = 0; i < r->heap_count; i++)
        if (r->heaps[i].heap == h)
            return &r->heaps[i];
    return NULL;
}

static void account(run_t *r, heap_rec_t *h)
{
    if (!h)
        return;
    capheap_heap_info_t info;
    capheap_caps_heap_get_info(h->heap, &info);
    if (h->type >= 0) {
        type_stat_t *t = &r->types[h->type];
        t->used = t->used - h->used + info.total_allocated_bytes;
        if (t->used > t->peak)
            t->peak = t->used;
    }
    h->used = info.total_allocated_bytes;
}

/* Every heap's usage (the GC heap takes and gives back areas itself). */
static void account_all(run_t *r)
{
    for (size_t i = 0; i < r->heap_count; i++)
        account(r, &r->heaps[i]);
}

static uint32_t effective_caps(const run_t *r, const op_t *op)
{
    if (op->flags & OP_HAS_CAPS)
        return op->caps;
    if (r->extmem != SIZE_MAX && op->size > r->extmem)
        return CAPHEAP_CAP_DEFAULT;
    return CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL;
}

static void fail(run_t *r, const op_t *op, uint32_t phase, uint64_t size)
{
    if (r->failure_count == r->failure_cap) {
        size_t cap = r->failure_cap ? r->failure_cap * 2 : 64;
        failure_t *f = realloc(r->failures, cap * sizeof *f);
        if (!f)
            return;
        r->failures = f;
        r->failure_cap = cap;
    }
    failure_t *f = &r->failures[r->failure_count++];
    memset(f, 0, sizeof *f);
    f->line = op->line;
    f->kind = op->kind;
    f->id = op->id;
    f->size = size;
    f->caps = op->caps;
    f->has_caps = (op->flags & OP_HAS_CAPS) != 0;
    f->phase = phase;
    uint32_t caps = effective_caps(r, op);
    if ((caps & CAPHEAP_CAP_EXEC) && (caps & (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DMA))) {
        f->reason = "refused: EXEC with 8BIT or DMA";
    } else if (capheap_caps_get_total_size(r->caps, caps & ~CAPHEAP_CAP_CACHE_ALIGNED) == 0 ||
               (caps & CAPHEAP_CAP_INVALID)) {
        f->reason = "no heap has these caps";
    } else {
        f->free = capheap_caps_get_free_size(r->caps, caps & ~CAPHEAP_CAP_CACHE_ALIGNED);
        f->largest = capheap_caps_get_largest_free_block(r->caps, caps);
        f->reason = f->free >= size ? "fragmentation" : "out of memory";
    }
}

static void progress(size_t done, size_t total)
{
    int width = 40;
    int filled = (int)((double)done / (double)total * width);
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    printf("\r[%s] %3d%% %zu/%zu ops", bar, (int)((double)done * 100.0 / (double)total), done,
           total);
    if (done == total)
        printf("\n");
    fflush(stdout);
}

static void phase_begin(run_t *r, uint32_t phase, size_t op_index)
{
    phase_stat_t *p = realloc(r->phases, (r->phase_count + 1) * sizeof *p);
    if (!p)
        return;
    r->phases = p;
    p = &r->phases[r->phase_count++];
    memset(p, 0, sizeof *p);
    p->phase = phase;
    p->op_index = op_index;
    class_stats(r, phase_start_min, NULL);
    (void)capheap_caps_monitor_local_minimum_free_size_start(r->caps);
}

static void phase_end(run_t *r)
{
    if (r->phase_count == 0)
        return;
    phase_stat_t *p = &r->phases[r->phase_count - 1];
    class_stats(r, p->at_end, NULL); /* min_free: the window's minimum */
    gc_stats(r, &p->gc);
    (void)capheap_caps_monitor_local_minimum_free_size_stop(r->caps);
}

static bool region_op(run_t *r, const workload_t *w, const op_t *op)
{
    const capheap_chip_t *chip = r->chip;
    bool any = false;
    for (size_t i = 0; i < chip->region_count; i++) {
        const capheap_chip_region_t *cr = &chip->regions[i];
        uintptr_t s = cr->start, e = cr->start + cr->size;
        if (op->size) {
            if (op->n < s || op->n >= e)
                continue;
            s = (uintptr_t)op->n;
            e = (uintptr_t)(op->n + op->size);
        } else if (strcmp(chip->types[cr->type].name, w->names[op->id]) != 0 ||
                   !((chip->types[cr->type].flags | cr->flags) & CAPHEAP_MT_RUNTIME)) {
            continue;
        }
        void *hs = capheap_sim_to_host(r->sim, s);
        void *he = capheap_sim_to_host(r->sim, e - 1);
        capheap_err_t err = CAPHEAP_ERR_NOT_FOUND;
        if (hs && he)
            err = capheap_caps_add_region(r->caps, hs, (char *)he + 1);
        if (err != CAPHEAP_OK) {
            fprintf(tool_err(), "%s:%u: region 0x%lx-0x%lx not added (error %d)\n", w->file,
                    (unsigned)op->line, (unsigned long)s, (unsigned long)e, (int)err);
            r->bad_ops++;
        }
        any = true;
        if (op->size)
            break;
    }
    if (!any) {
        fprintf(tool_err(), "%s:%u: no %s region of chip %s matches\n", w->file, (unsigned)op->line,
                op->size ? "table" : "run-time", chip->name);
        r->bad_ops++;
    }
    run_refresh_heaps(r);
    return true;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

bool run_exec(run_t *r, const workload_t *w)
{
    r->slots = calloc(w->slots ? w->slots : 1, sizeof *r->slots);
    if (!r->slots)
        return false;
    r->slot_count = w->slots;
    size_t n = w->count;
    r->sample_every = n > 2000 ? n / 1000 : 1;
    bool bar = r->progress && n >= 200000 && isatty(STDOUT_FILENO);
    size_t bar_every = n / 100 + 1;
    uint32_t phase = UINT32_MAX;
    double t0 = now();
    phase_begin(r, UINT32_MAX, 0);
    sample(r, 0);
    for (size_t i = 0; i < n; i++) {
        const op_t *op = &w->ops[i];
        current_op = op;
        slot_t *s = &r->slots[op->id];
        r->counts[op->kind]++;
        switch ((op_kind_t)op->kind) {
        case OP_ALLOC:
        case OP_CALLOC: {
            if (s->ptr) {
                if (say())
                    fprintf(tool_err(), "%s:%u: '%s' is already allocated (free it first)\n", w->file,
                        (unsigned)op->line, w->names[op->id]);
                r->bad_ops++;
                break;
            }
            void *p;
            uint64_t size = op->size;
            if (op->kind == OP_CALLOC) {
                size = op->n * op->size;
                if (op->n && size / op->n != op->size)
                    size = UINT64_MAX;
                p = (op->flags & OP_HAS_CAPS)
                        ? capheap_caps_calloc(r->caps, (size_t)op->n, (size_t)op->size, op->caps)
                        : capheap_caps_calloc_default(r->caps, (size_t)op->n, (size_t)op->size);
            } else if (op->n) {
                uint32_t caps = (op->flags & OP_HAS_CAPS) ? op->caps : CAPHEAP_CAP_DEFAULT;
                p = capheap_caps_aligned_alloc(r->caps, (size_t)op->n, (size_t)op->size, caps);
            } else {
                p = (op->flags & OP_HAS_CAPS)
                        ? capheap_caps_malloc(r->caps, (size_t)op->size, op->caps)
                        : capheap_caps_malloc_default(r->caps, (size_t)op->size);
            }
            s->used = true;
            if (!p) {
                s->failed = true;
                fail(r, op, phase, size);
                break;
            }
            s->failed = false;
            s->ptr = p;
            s->size = size;
            s->caps = (op->flags & OP_HAS_CAPS) ? op->caps : 0;
            s->owner = op->owner;
            account(r, rec_of(r, p));
            break;
        }
        case OP_REALLOC: {
            heap_rec_t *old = s->ptr ? rec_of(r, s->ptr) : NULL;
            void *p = (op->flags & OP_HAS_CAPS)
                          ? capheap_caps_realloc(r->caps, s->ptr, (size_t)op->size, op->caps)
                          : capheap_caps_realloc_default(r->caps, s->ptr, (size_t)op->size);
            if (!p && op->size) {
                fail(r, op, phase, op->size);
                break;
            }
            s->ptr = p;
            s->size = op->size;
            if (op->flags & OP_HAS_CAPS)
                s->caps = op->caps;
            if (op->owner)
                s->owner = op->owner;
            account(r, old);
            if (p)
                account(r, rec_of(r, p));
            break;
        }
        case OP_FREE: {
            if (!s->ptr) {
                if (s->failed) {
                    s->failed = false; /* free(NULL) after a failed allocation */
                    break;
                }
                if (say())
                    fprintf(tool_err(), "%s:%u: '%s' is not allocated\n", w->file,
                            (unsigned)op->line, w->names[op->id]);
                r->bad_ops++;
                break;
            }
            heap_rec_t *h = rec_of(r, s->ptr);
            capheap_caps_free(r->caps, s->ptr);
            s->ptr = NULL;
            account(r, h);
            break;
        }
        case OP_REGION:
            region_op(r, w, op);
            break;
        case OP_DEFERRED: {
            capheap_err_t e = capheap_caps_enable_deferred(r->caps);
            if (e != CAPHEAP_OK) {
                fprintf(tool_err(), "%s:%u: deferred heaps not added (error %d)\n", w->file,
                        (unsigned)op->line, (int)e);
                r->bad_ops++;
            }
            run_refresh_heaps(r);
            break;
        }
        case OP_EXTMEM:
            r->extmem = (size_t)op->size;
            capheap_caps_malloc_extmem_enable(r->caps, r->extmem);
            break;
        case OP_CHECK:
            r->checks++;
            if (!capheap_caps_check_integrity_all(r->caps, NULL, NULL)) {
                r->checks_failed++;
                fprintf(tool_err(), "%s:%u: integrity check failed\n", w->file, (unsigned)op->line);
            }
            break;
        case OP_GC_CREATE: {
            if (r->gc) {
                if (say())
                    fprintf(tool_err(), "%s:%u: the GC heap exists already\n", w->file,
                            (unsigned)op->line);
                r->bad_ops++;
                break;
            }
            capheap_gc_config_t cfg;
            capheap_gc_config_init(&cfg);
            cfg.caps = r->caps;
            cfg.grow_caps = op->caps;
            cfg.grow_min = (size_t)op->size;
            cfg.grow_max = (size_t)op->n;
            cfg.lock_ops = &capheap_port_lock_none;
            cfg.error_hook = on_error;
            cfg.error_ctx = r;
            capheap_err_t e = capheap_gc_create(&cfg, NULL, (size_t)op->size, &r->gc);
            if (e == CAPHEAP_OK && !r->gc_roots) {
                r->gc_roots = calloc(r->slot_count ? r->slot_count : 1, sizeof *r->gc_roots);
                if (!r->gc_roots ||
                    capheap_gc_add_root_range(r->gc, r->gc_roots,
                                              r->gc_roots + (r->slot_count ? r->slot_count : 1)) !=
                        CAPHEAP_OK)
                    e = CAPHEAP_ERR_NO_MEM;
            }
            if (e != CAPHEAP_OK) {
                r->gc = NULL;
                fail(r, op, phase, op->size);
                r->failures[r->failure_count - 1].reason = "GC heap not created";
                r->failures[r->failure_count - 1].free = 0;
                r->failures[r->failure_count - 1].largest = 0;
            }
            account_all(r);
            break;
        }
        case OP_GC_ALLOC: {
            if (!r->gc || r->gc_roots[op->id]) {
                if (say())
                    fprintf(tool_err(), "%s:%u: %s\n", w->file, (unsigned)op->line,
                            r->gc ? "the object is still alive (gc drop it first)"
                                  : "no GC heap (gc create first)");
                r->bad_ops++;
                break;
            }
            void *p = capheap_gc_alloc(r->gc, (size_t)op->size, 0);
            if (!p) {
                fail(r, op, phase, op->size);
                r->failures[r->failure_count - 1].reason =
                    "GC heap full (after a collection, and it could not grow)";
                r->failures[r->failure_count - 1].free = 0;
                r->failures[r->failure_count - 1].largest = 0;
            }
            r->gc_roots[op->id] = p;
            size_t used = capheap_gc_used_bytes(r->gc);
            if (used > r->gc_peak_used)
                r->gc_peak_used = used;
            account_all(r);
            break;
        }
        case OP_GC_DROP:
            if (r->gc_roots)
                r->gc_roots[op->id] = NULL;
            break;
        case OP_GC_COLLECT:
            if (r->gc) {
                (void)capheap_gc_collect(r->gc);
                account_all(r);
            }
            break;
        case OP_PHASE:
            sample(r, i);
            phase_end(r);
            phase = (uint32_t)op->n;
            phase_begin(r, phase, i);
            break;
        }
        if (op->kind != OP_PHASE && op->kind != OP_CHECK && (i + 1) % r->sample_every == 0)
            sample(r, i + 1);
        if (bar && i % bar_every == 0)
            progress(i, n);
    }
    current_op = NULL;
    sample(r, n);
    phase_end(r);
    r->seconds = now() - t0;
    if (bar)
        progress(n, n);
    r->ops_done = n;
    class_stats(r, r->at_end, NULL);
    gc_stats(r, &r->gc_end);
    for (size_t c = 0; c < r->class_count; c++)
        for (size_t k = 0; k < r->sample_count; k++)
            if (r->samples[k].c[c].total)
                r->class_shown[c] = true;
    /* failures per phase */
    for (size_t f = 0; f < r->failure_count; f++)
        for (size_t p = 0; p < r->phase_count; p++)
            if (r->phases[p].phase == r->failures[f].phase)
                r->phases[p].failures++;
    return true;
}
