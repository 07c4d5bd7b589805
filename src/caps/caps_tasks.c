/*
 * Caps allocator: per-owner (task) accounting over the heaps' owner tables
 * (capheap/tasks.h; the tables are kept by src/debug/owner.c). Empty
 * without CAPHEAP_TASK_TRACKING.
 *
 * Every read takes one heap's lock at a time and copies what it needs;
 * the sums and lists over heaps are sequences of per-heap snapshots. The
 * overview is printed without any lock held; the detailed print writes its
 * block lines during the heap's walk (as capheap_caps_dump does).
 */
#include "caps_internal.h"
#include "capheap/tasks.h"
#include "../debug/owner_internal.h" /* relative: found without -I src/debug (Arduino export) */
#include "../debug/tools.h" /* CAPHEAP_VALGRIND: walks read block prefixes */

#include <string.h>

#if CAPHEAP_TASK_TRACKING

/* As the statistics by caps, and 0 or the INVALID bit: every heap. */
static bool owner_heap_selected(const caps_heap_t *h, uint32_t caps)
{
    return (caps & CAPHEAP_CAP_INVALID) != 0 ||
           heap_matches(h, caps & ~(uint32_t)CAPHEAP_CAP_CACHE_ALIGNED);
}

static void usage_of(const capheap_owner_entry_t *e, capheap_owner_usage_t *out)
{
    out->owner = e->owner;
    out->current_bytes = e->current;
    out->peak_bytes = e->peak;
    out->blocks = e->blocks;
}

/* The bucket is listed once it holds a block or has a peak. */
static bool bucket_used(const capheap_owner_entry_t *b)
{
    return b->blocks != 0 || b->peak != 0;
}

/* o's entry in h copied to *e (bucket: only when used); lock held inside. */
static bool heap_entry(const caps_heap_t *h, uintptr_t o, capheap_owner_entry_t *e)
{
    heap_lock(h);
    capheap_owner_table_t *t = capheap_owner_table(h->engine);
    const capheap_owner_entry_t *f = capheap_owner_find(t, o);
    bool ok = f && (o != CAPHEAP_OWNER_OTHER || bucket_used(f));
    if (ok) {
        *e = *f;
        e->owner = o;
    }
    heap_unlock(h);
    return ok;
}

/* The k-th listed entry of h (entries, then the used bucket); false past
 * the end. */
static bool heap_entry_at(const caps_heap_t *h, size_t k, capheap_owner_entry_t *e)
{
    heap_lock(h);
    const capheap_owner_table_t *t = capheap_owner_table(h->engine);
    bool ok = true;
    if (k < t->used) {
        *e = t->e[k];
    } else if (k == t->used && bucket_used(&t->other)) {
        *e = t->other;
        e->owner = CAPHEAP_OWNER_OTHER;
    } else {
        ok = false;
    }
    heap_unlock(h);
    return ok;
}

/* The heap whose first range is index entry k, NULL if entry k is an alias
 * or a later piece of a heap split around a nested one. */
static caps_heap_t *heap_starting_at(const caps_index_t *idx, size_t k)
{
    caps_heap_t *h = idx->e[k].heap;
    return !idx->e[k].alias && idx->e[k].lo == h->start ? h : NULL;
}

size_t capheap_caps_heap_owners(const capheap_caps_heap_t *heap, capheap_owner_usage_t *out,
                                size_t max)
{
    if (!heap)
        return 0;
    size_t n = 0;
    heap_lock(heap);
    const capheap_owner_table_t *t = capheap_owner_table(heap->engine);
    for (size_t i = 0; i < t->used; i++, n++)
        if (out && n < max)
            usage_of(&t->e[i], &out[n]);
    if (bucket_used(&t->other)) {
        if (out && n < max) {
            usage_of(&t->other, &out[n]);
            out[n].owner = CAPHEAP_OWNER_OTHER;
        }
        n++;
    }
    heap_unlock(heap);
    return n;
}

bool capheap_caps_heap_owner_usage(const capheap_caps_heap_t *heap, uintptr_t owner,
                                   capheap_owner_usage_t *out)
{
    if (!out)
        return false;
    memset(out, 0, sizeof *out);
    out->owner = owner;
    if (!heap)
        return false;
    heap_lock(heap);
    const capheap_owner_entry_t *e = capheap_owner_find(capheap_owner_table(heap->engine), owner);
    if (e) {
        usage_of(e, out);
        out->owner = owner;
    }
    heap_unlock(heap);
    return e != NULL;
}

size_t capheap_caps_owner_usage(capheap_caps_t *c, uintptr_t owner, uint32_t caps,
                                capheap_owner_usage_t *out)
{
    if (!c || !out)
        return 0;
    memset(out, 0, sizeof *out);
    out->owner = owner;
    size_t heaps = 0;
    FOR_EACH_HEAP_BY_ADDRESS(c, h)
    {
        capheap_owner_entry_t e;
        if (!owner_heap_selected(h, caps) || !heap_entry(h, owner, &e))
            continue;
        heaps++;
        out->current_bytes += e.current;
        out->peak_bytes += e.peak;
        out->blocks += e.blocks;
    }
    return heaps;
}

/* Calls fn for each distinct owner with an entry, in order of first
 * appearance (heaps by address, entries in table order); stops when fn
 * returns false. No buffer: an owner is new when no earlier heap has it. */
typedef bool (*owner_visit_fn)(void *ctx, uintptr_t owner);

static void for_each_owner(const struct capheap_caps *c, owner_visit_fn fn, void *ctx)
{
    const caps_index_t *idx = index_get(c);
    for (size_t k = 0; k < idx->count; k++) {
        caps_heap_t *h = heap_starting_at(idx, k);
        if (!h)
            continue;
        capheap_owner_entry_t e;
        for (size_t j = 0; heap_entry_at(h, j, &e); j++) {
            bool seen = false;
            for (size_t m = 0; m < k && !seen; m++) {
                capheap_owner_entry_t x;
                caps_heap_t *g = heap_starting_at(idx, m);
                seen = g && heap_entry(g, e.owner, &x);
            }
            if (!seen && !fn(ctx, e.owner))
                return;
        }
    }
}

typedef struct {
    uintptr_t *out;
    size_t max, n;
} owners_ctx_t;

static bool collect_owner(void *ctx, uintptr_t owner)
{
    owners_ctx_t *o = (owners_ctx_t *)ctx;
    if (o->out && o->n < o->max)
        o->out[o->n] = owner;
    o->n++;
    return true;
}

size_t capheap_caps_owners(capheap_caps_t *c, uintptr_t *out, size_t max)
{
    if (!c)
        return 0;
    owners_ctx_t o = { out, max, 0 };
    for_each_owner(c, collect_owner, &o);
    return o.n;
}

typedef struct {
    size_t want, n;
    uintptr_t found;
    bool ok;
} nth_ctx_t;

static bool nth_owner(void *ctx, uintptr_t owner)
{
    nth_ctx_t *t = (nth_ctx_t *)ctx;
    if (t->n++ != t->want)
        return true;
    t->found = owner;
    t->ok = true;
    return false;
}

bool capheap_caps_owner_at(capheap_caps_t *c, size_t index, uintptr_t *owner)
{
    if (!c || !owner)
        return false;
    nth_ctx_t t = { index, 0, 0, false };
    for_each_owner(c, nth_owner, &t);
    if (t.ok)
        *owner = t.found;
    return t.ok;
}

/* ----------------------------------------------------------------- blocks */

/* Does the block of owner o in table t belong to the selection `want`? */
static bool block_selected(capheap_owner_table_t *t, uintptr_t want, uintptr_t o)
{
    if (want == CAPHEAP_OWNER_ALL)
        return true;
    if (want == CAPHEAP_OWNER_OTHER)
        return capheap_owner_counted_in(t, o) == &t->other;
    return o == want;
}

typedef struct {
    const caps_heap_t *heap;
    capheap_owner_table_t *table;
    uintptr_t want;
    capheap_owner_block_t *out;
    size_t max, n;
} blocks_ctx_t;

static bool collect_block(void *ctx, void *ptr, size_t size, bool used)
{
    blocks_ctx_t *b = (blocks_ctx_t *)ctx;
    if (!used)
        return true;
    uintptr_t o = capheap_owner_of((uintptr_t)ptr);
    if (!block_selected(b->table, b->want, o))
        return true;
    if (b->out && b->n < b->max)
        b->out[b->n] = (capheap_owner_block_t){ b->heap, ptr, size, o };
    b->n++;
    return true;
}

size_t capheap_caps_owner_blocks(capheap_caps_t *c, uintptr_t owner, uint32_t caps,
                                 capheap_owner_block_t *out, size_t max)
{
    if (!c)
        return 0;
    blocks_ctx_t b = { NULL, NULL, owner, out, max, 0 };
    FOR_EACH_HEAP_BY_ADDRESS(c, h)
    {
        if (!owner_heap_selected(h, caps))
            continue;
        b.heap = h;
        heap_lock(h);
        b.table = capheap_owner_table(h->engine);
        CAPHEAP_TOOLS_QUIET_BEGIN();
        capheap_dbg_walk(h->engine, collect_block, &b);
        CAPHEAP_TOOLS_QUIET_END();
        heap_unlock(h);
    }
    return b.n;
}

/* ------------------------------------------------------------ reset/clear */

void capheap_caps_owner_reset_peak(capheap_caps_t *c, uintptr_t owner)
{
    if (!c)
        return;
    FOR_EACH_HEAP_BY_ADDRESS(c, h)
    {
        heap_lock(h);
        capheap_owner_reset_peak(capheap_owner_table(h->engine), owner);
        heap_unlock(h);
    }
}

size_t capheap_caps_owner_clear(capheap_caps_t *c, uintptr_t owner)
{
    size_t dropped = 0;
    if (!c)
        return 0;
    FOR_EACH_HEAP_BY_ADDRESS(c, h)
    {
        heap_lock(h);
        dropped += capheap_owner_forget(capheap_owner_table(h->engine), owner);
        heap_unlock(h);
    }
    return dropped;
}

/* ------------------------------------------------------------------ print */

#define NAME_LEN 32

/* Name and liveness of an owner (name_fn, else the defaults). */
static bool owner_name(capheap_owner_name_fn fn, void *fctx, uintptr_t o, char name[NAME_LEN])
{
    name[0] = 0;
    if (o == CAPHEAP_OWNER_OTHER) {
        capheap_snprintf(name, NAME_LEN, "other");
        return true;
    }
    bool alive = true;
    if (fn) {
        alive = fn(fctx, o, name, NAME_LEN);
        name[NAME_LEN - 1] = 0;
    }
    if (o == CAPHEAP_OWNER_PRE_SCHEDULER)
        alive = true;
    if (!name[0]) {
        if (o == CAPHEAP_OWNER_PRE_SCHEDULER)
            capheap_snprintf(name, NAME_LEN, "Pre-scheduler");
        else
            capheap_snprintf(name, NAME_LEN, "0x%llx", (unsigned long long)o);
    }
    return alive;
}

/* Widths between the bars of the overview's five columns. */
static const unsigned overview_cols[5] = { 20, 9, 22, 19, 17 };

/* One horizontal rule of the overview: left, joint and right corners. */
static void overview_rule(capheap_print_fn print, void *ctx, const char *l, const char *j,
                          const char *r)
{
    char line[512];
    size_t n = 0;
    line[0] = 0;
    n += (size_t)capheap_snprintf(line + n, sizeof line - n, "%s", l);
    for (unsigned c = 0; c < 5; c++) {
        for (unsigned k = 0; k < overview_cols[c]; k++)
            n += (size_t)capheap_snprintf(line + n, sizeof line - n, "\xe2\x94\x80"); /* ─ */
        n += (size_t)capheap_snprintf(line + n, sizeof line - n, "%s", c < 4 ? j : r);
    }
    capheap_snprintf(line + n, sizeof line - n, "\n");
    print(ctx, line);
}

#define BAR "\xe2\x94\x82" /* │ */

typedef struct {
    struct capheap_caps *c;
    capheap_owner_name_fn name_fn;
    void *name_ctx;
    capheap_print_fn print;
    void *ctx;
} print_ctx_t;

static bool overview_row(void *ctx, uintptr_t owner)
{
    print_ctx_t *p = (print_ctx_t *)ctx;
    capheap_owner_usage_t u;
    size_t heaps = capheap_caps_owner_usage(p->c, owner, 0, &u);
    char name[NAME_LEN];
    bool alive = owner_name(p->name_fn, p->name_ctx, owner, name);
    capheap_printf(p->print, p->ctx, BAR " %18.18s " BAR " %-7s " BAR " %20zu " BAR " %17zu " BAR
                   " %15zu " BAR "\n",
                   name, alive ? "ALIVE" : "DELETED", u.current_bytes, u.peak_bytes, heaps);
    return true;
}

void capheap_caps_print_owner_overview(capheap_caps_t *c, uintptr_t owner,
                                       capheap_owner_name_fn name_fn, void *name_ctx,
                                       capheap_print_fn print, void *ctx)
{
    if (!c || !print)
        return;
    overview_rule(print, ctx, "\xe2\x94\x8c", "\xe2\x94\xac", "\xe2\x94\x90"); /* ┌ ┬ ┐ */
    capheap_printf(print, ctx, BAR " %-18s " BAR " %-7s " BAR " %-20s " BAR " %-17s " BAR
                   " %-15s " BAR "\n",
                   "TASK", "STATUS", "CURRENT MEMORY USAGE", "PEAK MEMORY USAGE", "TOTAL HEAP USED");
    overview_rule(print, ctx, "\xe2\x94\x9c", "\xe2\x94\xbc", "\xe2\x94\xa4"); /* ├ ┼ ┤ */
    print_ctx_t p = { c, name_fn, name_ctx, print, ctx };
    if (owner == CAPHEAP_OWNER_ALL)
        for_each_owner(c, overview_row, &p);
    else
        (void)overview_row(&p, owner);
    overview_rule(print, ctx, "\xe2\x94\x94", "\xe2\x94\xb4", "\xe2\x94\x98"); /* └ ┴ ┘ */
}

#define TEE "\xe2\x94\x9c"  /* ├ */
#define LAST "\xe2\x94\x94" /* └ */

/* Detailed print: one owner's tree. */
typedef struct {
    print_ctx_t *p;
    const caps_heap_t *heap;
    capheap_owner_table_t *table;
    uintptr_t owner;
    const char *indent;   /* what precedes the block lines */
} stats_walk_t;

static bool stats_block(void *ctx, void *ptr, size_t size, bool used)
{
    stats_walk_t *w = (stats_walk_t *)ctx;
    if (!used || !block_selected(w->table, w->owner, capheap_owner_of((uintptr_t)ptr)))
        return true;
    capheap_printf(w->p->print, w->p->ctx, "%s" TEE " ALLOC 0x%08llx, SIZE %zu\n", w->indent,
                   (unsigned long long)caps_to_chip(w->p->c, (uintptr_t)ptr), size);
    return true;
}

static size_t percent(size_t part, size_t whole)
{
    return whole ? (size_t)((unsigned long long)part * 100u / whole) : 0;
}

/* The next heap from index entry k on in which owner has an entry. */
static size_t next_heap_of(const caps_index_t *idx, size_t k, uintptr_t owner,
                           capheap_owner_entry_t *e)
{
    for (; k < idx->count; k++) {
        caps_heap_t *h = heap_starting_at(idx, k);
        if (h && heap_entry(h, owner, e))
            return k;
    }
    return k;
}

static void print_owner_tree(print_ctx_t *p, uintptr_t owner, bool last_owner)
{
    capheap_owner_usage_t u;
    size_t heaps = capheap_caps_owner_usage(p->c, owner, 0, &u);
    char name[NAME_LEN];
    bool alive = owner_name(p->name_fn, p->name_ctx, owner, name);
    capheap_printf(p->print, p->ctx,
                   "%s %s: %s, CURRENT MEMORY USAGE %zu, PEAK MEMORY USAGE %zu, TOTAL HEAP USED %zu:\n",
                   last_owner ? LAST : TEE, alive ? "ALIVE" : "DELETED", name, u.current_bytes,
                   u.peak_bytes, heaps);
    const char *stem = last_owner ? " " : BAR;
    const caps_index_t *idx = index_get(p->c);
    capheap_owner_entry_t e, next;
    size_t k = next_heap_of(idx, 0, owner, &e);
    while (k < idx->count) {
        size_t k2 = next_heap_of(idx, k + 1, owner, &next);
        bool last_heap = k2 >= idx->count;
        caps_heap_t *h = idx->e[k].heap;
        size_t size = (size_t)(h->end - h->start);
        capheap_printf(p->print, p->ctx,
                       "%s    %s HEAP: %s, CAPS: 0x%08x, SIZE: %zu, USAGE: CURRENT %zu (%zu%%), "
                       "PEAK %zu (%zu%%), ALLOC COUNT: %zu\n",
                       stem, last_heap ? LAST : TEE, h->name ? h->name : "?",
                       (unsigned)h->caps_union, size, e.current, percent(e.current, size), e.peak,
                       percent(e.peak, size), e.blocks);
        char indent[32];
        capheap_snprintf(indent, sizeof indent, "%s    %s    ", stem, last_heap ? " " : BAR);
        stats_walk_t w = { p, h, NULL, owner, indent };
        heap_lock(h);
        w.table = capheap_owner_table(h->engine);
        CAPHEAP_TOOLS_QUIET_BEGIN();
        capheap_dbg_walk(h->engine, stats_block, &w);
        CAPHEAP_TOOLS_QUIET_END();
        heap_unlock(h);
        k = k2;
        e = next;
    }
}

typedef struct {
    print_ctx_t *p;
    uintptr_t pending;   /* an owner seen but not printed yet */
    bool have;
} stats_ctx_t;

/* Prints the owner before this one (so that the last one is known). */
static bool stats_owner(void *ctx, uintptr_t owner)
{
    stats_ctx_t *s = (stats_ctx_t *)ctx;
    if (s->have)
        print_owner_tree(s->p, s->pending, false);
    s->pending = owner;
    s->have = true;
    return true;
}

void capheap_caps_print_owner_stats(capheap_caps_t *c, uintptr_t owner,
                                    capheap_owner_name_fn name_fn, void *name_ctx,
                                    capheap_print_fn print, void *ctx)
{
    if (!c || !print)
        return;
    print_ctx_t p = { c, name_fn, name_ctx, print, ctx };
    if (owner != CAPHEAP_OWNER_ALL) {
        print_owner_tree(&p, owner, true);
        return;
    }
    stats_ctx_t s = { &p, 0, false };
    for_each_owner(c, stats_owner, &s);
    if (s.have)
        print_owner_tree(&p, s.pending, true);
}

#endif /* CAPHEAP_TASK_TRACKING */
