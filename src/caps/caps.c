/*
 * Caps allocator: instance set-up, regions, the address index and the
 * selection list. See caps_internal.h for where everything lives.
 */
#include "caps_internal.h"
#include "../util/fault.h"

#include <string.h>

#define REC_ALIGN (_Alignof(caps_heap_t) > _Alignof(struct capheap_caps) \
                       ? _Alignof(caps_heap_t) : _Alignof(struct capheap_caps))

static uintptr_t align_up(uintptr_t v, size_t a)
{
    return (v + (a - 1)) & ~(uintptr_t)(a - 1);
}

static size_t index_bytes(size_t entries)
{
    return sizeof(caps_index_t) + entries * sizeof(caps_index_entry_t);
}

void capheap_caps_config_init(capheap_caps_config_t *cfg)
{
    if (cfg)
        memset(cfg, 0, sizeof *cfg);
}

uintptr_t caps_to_chip(const struct capheap_caps *c, uintptr_t host)
{
    const capheap_addr_map_t *m = c->cfg.map;
    return m && m->to_chip ? m->to_chip(m->ctx, host) : host;
}

/* ------------------------------------------------------------------ index */

const caps_index_entry_t *caps_index_find(const caps_index_t *idx, uintptr_t addr)
{
    size_t lo = 0, hi = idx->count;
    /* first entry whose lo is above addr */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (idx->e[mid].lo <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const caps_index_entry_t *e = &idx->e[lo - 1];
    return addr < e->hi ? e : NULL;
}

/* Inserts [lo, hi) for heap into the sorted array dst (count entries, room
 * for two more), splitting the entry that contains it. Returns the count. */
static size_t index_insert(caps_index_entry_t *dst, size_t count, uintptr_t lo, uintptr_t hi,
                           caps_heap_t *heap, bool alias)
{
    size_t pos = 0;
    while (pos < count && dst[pos].lo <= lo)
        pos++;
    caps_index_entry_t add = { lo, hi, heap, alias };
    if (pos > 0 && dst[pos - 1].hi > lo) {
        /* nested: split dst[pos-1] into [plo, lo) [lo, hi) [hi, phi) */
        caps_index_entry_t parent = dst[pos - 1];
        caps_index_entry_t tail = parent;
        tail.lo = hi;
        size_t put = pos - 1;
        size_t n_new = 0;
        caps_index_entry_t seq[3];
        if (parent.lo < lo) {
            seq[n_new] = parent;
            seq[n_new].hi = lo;
            n_new++;
        }
        seq[n_new++] = add;
        if (hi < parent.hi)
            seq[n_new++] = tail;
        memmove(&dst[put + n_new], &dst[put + 1], (count - put - 1) * sizeof *dst);
        memcpy(&dst[put], seq, n_new * sizeof *dst);
        return count - 1 + n_new;
    }
    memmove(&dst[pos + 1], &dst[pos], (count - pos) * sizeof *dst);
    dst[pos] = add;
    return count + 1;
}

/* ---------------------------------------------------------------- records */

static bool region_ok(const capheap_region_t *r)
{
    return r && r->start != 0 && r->size != 0 && r->start + r->size - 1 >= r->start &&
           (r->caps[0] | r->caps[1] | r->caps[2]) != 0 &&
           r->alias_kind <= CAPHEAP_ALIAS_WORD_REVERSED &&
           (r->alias_kind == CAPHEAP_ALIAS_NONE ||
            (r->alias != 0 && r->alias + r->size - 1 >= r->alias)) &&
           (r->alias_kind != CAPHEAP_ALIAS_WORD_REVERSED || ((r->start | r->size | r->alias) & 3u) == 0);
}

static bool ranges_overlap(uintptr_t a, uintptr_t ae, uintptr_t b, uintptr_t be)
{
    return a < be && b < ae;
}

/* Fills the record at rec from r (engine not yet created). */
static void record_init(struct capheap_caps *c, caps_heap_t *h, const capheap_region_t *r,
                        bool runtime)
{
    memset(h, 0, sizeof *h);
    for (int p = 0; p < CAPHEAP_PRIORITIES; p++)
        h->caps[p] = r->caps[p];
    h->caps_union = r->caps[0] | r->caps[1] | r->caps[2];
    h->caps_missing = ~h->caps_union;
    h->reserve = (r->flags & CAPHEAP_MT_RESERVE) != 0;
    h->alias_kind = r->alias_kind;
    h->exec_alias = (r->flags & CAPHEAP_MT_DIRAM) && r->alias_kind != CAPHEAP_ALIAS_NONE;
    h->runtime = runtime;
    atomic_init(&h->next, NULL);
    atomic_init(&h->full_at, SIZE_MAX);
    atomic_init(&h->free_span, (size_t)r->size);
    h->owner = c;
    h->lock_ops = c->lock_ops == &capheap_port_lock_none ? NULL : c->lock_ops;
    h->lock_gate = !h->lock_ops ? 0
                   : CAPHEAP_HAVE_SINGLE_THREADED && (h->lock_ops->flags & CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED) ? 1
                                                                                                            : 2;
    h->fast_missing = h->caps_missing | c->fast_reject | (h->reserve ? ~0u : 0u);
    for (int st = 0; st < 2; st++) {
        atomic_init(&h->fast_block[st], ~0u);
        atomic_init(&h->fast_span[st], 0);
    }
    caps_fast_words(h);
    h->start = r->start;
    h->end = r->start + r->size;
    if (r->alias_kind != CAPHEAP_ALIAS_NONE) {
        h->alias_lo = r->alias;
        h->alias_hi = r->alias + r->size;
    }
    h->chip_start = r->chip_start ? r->chip_start : r->start;
    h->type = r->type;
    h->name = r->name;
    h->window_saved = SIZE_MAX;
}

/* Creates the engine heap over [from, end) and the lock. */
static capheap_err_t record_finish(struct capheap_caps *c, caps_heap_t *h, uintptr_t from)
{
    if (from >= h->end)
        return CAPHEAP_ERR_TOO_SMALL;
    h->engine = capheap_dbg_heap_create((void *)from, (size_t)(h->end - from));
    if (!h->engine)
        return CAPHEAP_ERR_TOO_SMALL;
    capheap_heap_set_error_hook(h->engine, c->cfg.error_hook, c->cfg.error_ctx);
    capheap_heap_set_refused(h->engine, caps_malloc_refused, h);
    if (capheap_fault_fail("caps lock") || !c->lock_ops->init(c->lock_ops->ctx, &h->lock))
        return CAPHEAP_ERR_NO_MEM;
    return CAPHEAP_OK;
}

/* Links h into the selection list (caller holds the admin lock or nothing
 * is shared yet). Run-time heaps go first; start-up heaps after every
 * run-time heap, before the first start-up heap that is larger. */
static void list_link(struct capheap_caps *c, caps_heap_t *h)
{
    _Atomic(caps_heap_t *) *link = &c->first;
    if (!h->runtime) {
        size_t size = h->end - h->start;
        for (;;) {
            caps_heap_t *cur = atomic_load_explicit(link, memory_order_relaxed);
            if (!cur || (!cur->runtime && (size_t)(cur->end - cur->start) > size))
                break;
            link = &cur->next;
        }
    }
    atomic_store_explicit(&h->next, atomic_load_explicit(link, memory_order_relaxed),
                          memory_order_relaxed);
    atomic_store_explicit(link, h, memory_order_release);
    /* writers are serialised (admin lock): a plain increment, no RMW atomics
     * (some cores have none) */
    atomic_store_explicit(&c->heap_count,
                          atomic_load_explicit(&c->heap_count, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

/* ----------------------------------------------------------------- create */

capheap_err_t capheap_caps_create(const capheap_caps_config_t *cfg,
                                  const capheap_region_t *regions, size_t count,
                                  capheap_caps_t **out)
{
    if (out)
        *out = NULL;
    if (!cfg || !regions || !out || count == 0)
        return CAPHEAP_ERR_INVALID_ARG;
    size_t largest = 0;
    for (size_t i = 0; i < count; i++) {
        if (!region_ok(&regions[i]))
            return CAPHEAP_ERR_INVALID_ARG;
        if (regions[i].size > regions[largest].size)
            largest = i;
    }
    /* overlap of any two ranges (data or alias): nothing written yet */
    for (size_t i = 0; i < count; i++) {
        const capheap_region_t *a = &regions[i];
        uintptr_t ae = a->start + a->size;
        if (a->alias_kind != CAPHEAP_ALIAS_NONE &&
            ranges_overlap(a->start, ae, a->alias, a->alias + a->size))
            return CAPHEAP_ERR_OVERLAP;
        for (size_t j = i + 1; j < count; j++) {
            const capheap_region_t *b = &regions[j];
            uintptr_t be = b->start + b->size;
            if (ranges_overlap(a->start, ae, b->start, be))
                return CAPHEAP_ERR_OVERLAP;
            if (b->alias_kind != CAPHEAP_ALIAS_NONE &&
                ranges_overlap(a->start, ae, b->alias, b->alias + b->size))
                return CAPHEAP_ERR_OVERLAP;
            if (a->alias_kind != CAPHEAP_ALIAS_NONE &&
                (ranges_overlap(a->alias, a->alias + a->size, b->start, be) ||
                 (b->alias_kind != CAPHEAP_ALIAS_NONE &&
                  ranges_overlap(a->alias, a->alias + a->size, b->alias, b->alias + b->size))))
                return CAPHEAP_ERR_OVERLAP;
        }
    }

    /* the instance, its heap's record and the index in the largest region */
    const capheap_region_t *L = &regions[largest];
    uintptr_t p = align_up(L->start, REC_ALIGN);
    uintptr_t lend = L->start + L->size;
    size_t need = sizeof(struct capheap_caps) + sizeof(caps_heap_t) + index_bytes(2 * count) +
                  2 * REC_ALIGN;
    if (p >= lend || lend - p < need)
        return CAPHEAP_ERR_TOO_SMALL;
    struct capheap_caps *c = (struct capheap_caps *)p;
    memset(c, 0, sizeof *c);
    c->cfg = *cfg;
    c->lock_ops = cfg->lock_ops ? cfg->lock_ops : capheap_port_lock_default();
    c->word = cfg->chip && cfg->chip->word_size ? cfg->chip->word_size : 4u;
    c->slow_caps = CAPHEAP_CAP_INVALID | CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT |
                   CAPHEAP_CAP_CACHE_ALIGNED;
    if (cfg->chip && cfg->chip->align_for_caps)
        c->slow_caps |= cfg->chip->align_caps ? cfg->chip->align_caps : ~0u;
    atomic_init(&c->index, NULL);
    atomic_init(&c->first, NULL);
    atomic_init(&c->hint, NULL);
    c->fast_reject = c->slow_caps;
    atomic_init(&c->heap_count, 0);
    atomic_init(&c->extmem_limit, SIZE_MAX);
    p = align_up(p + sizeof *c, REC_ALIGN);
    caps_heap_t *lrec = (caps_heap_t *)p;
    p = align_up(p + sizeof *lrec, REC_ALIGN);
    caps_index_t *idx = (caps_index_t *)p;
    idx->count = 0;
    p = align_up(p + index_bytes(2 * count), REC_ALIGN);

    if (capheap_fault_fail("caps lock") || !c->lock_ops->init(c->lock_ops->ctx, &c->admin))
        return CAPHEAP_ERR_NO_MEM;
    record_init(c, lrec, L, false);
    capheap_err_t err = record_finish(c, lrec, p);
    if (err != CAPHEAP_OK) {
        if (c->lock_ops->destroy)
            c->lock_ops->destroy(c->lock_ops->ctx, &c->admin);
        return err;
    }

    for (size_t i = 0; i < count; i++) {
        caps_heap_t *h = lrec;
        if (i != largest) {
            uintptr_t rp = align_up(regions[i].start, REC_ALIGN);
            uintptr_t re = regions[i].start + regions[i].size;
            if (rp >= re || re - rp <= sizeof(caps_heap_t))
                continue; /* too small for a record: skipped */
            h = (caps_heap_t *)rp;
            record_init(c, h, &regions[i], false);
            err = record_finish(c, h, align_up(rp + sizeof *h, REC_ALIGN));
            if (err == CAPHEAP_ERR_TOO_SMALL)
                continue;
            if (err != CAPHEAP_OK) {
                /* destroy walks the list: the largest region's heap joins it
                 * only at its own turn, so its lock is destroyed here */
                if (i < largest && c->lock_ops->destroy)
                    c->lock_ops->destroy(c->lock_ops->ctx, &lrec->lock);
                capheap_caps_destroy(c);
                return err;
            }
        }
        idx->count = index_insert(idx->e, idx->count, h->start, h->end, h, false);
        if (h->alias_lo)
            idx->count = index_insert(idx->e, idx->count, h->alias_lo, h->alias_hi, h, true);
        list_link(c, h);
    }
    atomic_store_explicit(&c->index, idx, memory_order_release);
    atomic_store_explicit(&c->hint, lrec, memory_order_relaxed);
    *out = c;
    return CAPHEAP_OK;
}

#define FROM_CHIP_MAX 16 /* regions per call on the stack: ~1 KiB */

capheap_err_t capheap_caps_create_from_chip(const capheap_caps_config_t *cfg,
                                            capheap_caps_t **out)
{
    capheap_region_t regions[FROM_CHIP_MAX];

    if (out)
        *out = NULL;
    if (!cfg || !cfg->chip || !out)
        return CAPHEAP_ERR_INVALID_ARG;
    size_t n = capheap_layout_regions(cfg->chip, CAPHEAP_LAYOUT_STARTUP, cfg->map, regions,
                                      FROM_CHIP_MAX);
    if (n > FROM_CHIP_MAX)
        return CAPHEAP_ERR_NO_MEM;
    return capheap_caps_create(cfg, regions, n, out);
}

void capheap_caps_destroy(capheap_caps_t *c)
{
    if (!c)
        return;
    const capheap_lock_ops_t *ops = c->lock_ops;
    if (ops->destroy) {
        for (caps_heap_t *h = list_first(c); h; h = list_next(h))
            ops->destroy(ops->ctx, &h->lock);
        ops->destroy(ops->ctx, &c->admin);
    }
}

/* ------------------------------------------------------------- add region */

/* Is [s, e) strictly inside a used block of h? */
typedef struct {
    uintptr_t s, e;
    bool inside;
} nest_ctx_t;

static bool nest_walk(void *ctx, void *ptr, size_t size, bool used)
{
    nest_ctx_t *n = (nest_ctx_t *)ctx;
    uintptr_t b = (uintptr_t)ptr;
    if (b > n->s)
        return false; /* blocks are in address order: past it */
    if (used && n->s >= b && n->e <= b + size) {
        n->inside = true;
        return false;
    }
    return true;
}

/* Whether [s, e) lies inside one allocated block of the heap of index
 * entry `in`: walks that heap holding its lock only (never inside the admin
 * lock: capheap holds one lock at a time, port.h). */
static bool nested_in_block(const caps_index_entry_t *in, uintptr_t s, uintptr_t e)
{
    nest_ctx_t n = { s, e, false };
    heap_lock(in->heap);
    capheap_dbg_walk(in->heap->engine, nest_walk, &n);
    heap_unlock(in->heap);
    return n.inside;
}

/* Admin lock held (and no other). `seen` is the index that nested_ok was
 * computed against (by add_region, before taking the admin lock); when the
 * index changed since, *retry is set and nothing is done. */
static capheap_err_t add_region_locked(struct capheap_caps *c, const capheap_region_t *r,
                                       bool runtime, const caps_index_t *seen, bool nested_ok,
                                       bool *retry)
{
    uintptr_t s = r->start, e = r->start + r->size;
    const caps_index_t *old = index_get(c);

    *retry = old != seen;
    if (*retry)
        return CAPHEAP_OK;

    for (caps_heap_t *h = list_first(c); h; h = list_next(h))
        if (h->start == s && h->end == e)
            return CAPHEAP_ERR_EXISTS;
    if (r->alias_kind != CAPHEAP_ALIAS_NONE &&
        ranges_overlap(s, e, r->alias, r->alias + r->size))
        return CAPHEAP_ERR_OVERLAP;

    const caps_index_entry_t *in = caps_index_find(old, s);
    if (in) {
        /* must lie inside one allocated block of that heap */
        if (in->alias || e > in->hi || !nested_ok)
            return CAPHEAP_ERR_OVERLAP;
    } else {
        for (size_t i = 0; i < old->count; i++)
            if (ranges_overlap(s, e, old->e[i].lo, old->e[i].hi))
                return CAPHEAP_ERR_OVERLAP;
    }
    if (r->alias_kind != CAPHEAP_ALIAS_NONE) {
        /* Nested inside a block of a D/IRAM heap: the new alias may lie in
         * the parent's alias entry, inside the parent's instruction view of
         * that same block (the entry is then split around it). */
        const caps_heap_t *parent = in ? in->heap : NULL;
        uintptr_t vs = 0, ve = 0;
        if (parent && parent->alias_lo && parent->alias_kind == r->alias_kind) {
            if (parent->alias_kind == CAPHEAP_ALIAS_LINEAR) {
                vs = parent->alias_lo + (s - parent->start);
                ve = parent->alias_lo + (e - parent->start);
            } else { /* word-reversed: the view of [s, e) runs backwards */
                vs = parent->alias_lo + (parent->end - e);
                ve = parent->alias_lo + (parent->end - s);
            }
        }
        bool in_view = vs < ve && r->alias >= vs && r->alias + r->size <= ve;
        for (size_t i = 0; i < old->count; i++)
            if (ranges_overlap(r->alias, r->alias + r->size, old->e[i].lo, old->e[i].hi) &&
                !(in_view && old->e[i].alias && old->e[i].heap == parent))
                return CAPHEAP_ERR_OVERLAP;
    }

    /* [record][index][engine]: the data and the alias range may each split
     * an entry in two (+2 each) */
    size_t entries = old->count + 4;
    uintptr_t p = align_up(s, REC_ALIGN);
    if (p >= e || e - p < sizeof(caps_heap_t) + index_bytes(entries) + 2 * REC_ALIGN)
        return CAPHEAP_ERR_TOO_SMALL;
    caps_heap_t *h = (caps_heap_t *)p;
    p = align_up(p + sizeof *h, REC_ALIGN);
    caps_index_t *idx = (caps_index_t *)p;
    p = align_up(p + index_bytes(entries), REC_ALIGN);
    /* refuse before writing anything: the range may be a block the caller
     * still holds data in (heap.h: a misaligned start needs the padding) */
    if (p >= e || e - p < capheap_heap_min_region_size() + (align_up(p, CAPHEAP_ALIGNMENT) - p))
        return CAPHEAP_ERR_TOO_SMALL;
    record_init(c, h, r, runtime);
    capheap_err_t err = record_finish(c, h, p);
    if (err != CAPHEAP_OK)
        return err;
    /* free's shortcut must stop trusting the outer heap's range before any
     * pointer into the new heap can exist */
    if (in) {
        atomic_store_explicit(&in->heap->fast_span[0], 0, memory_order_seq_cst);
        atomic_store_explicit(&in->heap->fast_span[1], 0, memory_order_seq_cst);
        atomic_store_explicit(&in->heap->free_span, 0, memory_order_seq_cst);
    }

    memcpy(idx->e, old->e, old->count * sizeof old->e[0]);
    idx->count = index_insert(idx->e, old->count, s, e, h, false);
    if (h->alias_lo)
        idx->count = index_insert(idx->e, idx->count, h->alias_lo, h->alias_hi, h, true);
    /* the heap is findable by free() before it can hand anything out */
    atomic_store_explicit(&c->index, idx, memory_order_release);
    list_link(c, h);
    return CAPHEAP_OK;
}

static capheap_err_t add_region(struct capheap_caps *c, const capheap_region_t *r, bool runtime)
{
    if (!c || !region_ok(r))
        return CAPHEAP_ERR_INVALID_ARG;
    uintptr_t s = r->start, e = r->start + r->size;
    for (;;) {
        /* The nesting check walks the outer heap under its own lock, before
         * the admin lock is taken; add_region_locked retries when the index
         * changed in between (indexes are never reused, heaps never removed,
         * so an unchanged index means an unchanged set of heaps). The block
         * itself belongs to the caller, who does not free it meanwhile. */
        const caps_index_t *seen = index_get(c);
        const caps_index_entry_t *in = caps_index_find(seen, s);
        bool nested_ok = in && !in->alias && e <= in->hi && nested_in_block(in, s, e);
        bool retry;
        c->lock_ops->acquire(c->lock_ops->ctx, &c->admin);
        capheap_err_t err = add_region_locked(c, r, runtime, seen, nested_ok, &retry);
        c->lock_ops->release(c->lock_ops->ctx, &c->admin);
        if (!retry)
            return err;
    }
}

capheap_err_t capheap_caps_add_region_desc(capheap_caps_t *c, const capheap_region_t *region)
{
    return add_region(c, region, true);
}

capheap_err_t capheap_caps_add_region_with_caps(capheap_caps_t *c,
                                                const uint32_t masks[CAPHEAP_PRIORITIES],
                                                void *start, void *end)
{
    if (!c || !masks || !start || !end || (uintptr_t)end <= (uintptr_t)start)
        return CAPHEAP_ERR_INVALID_ARG;
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = (uintptr_t)start;
    r.size = (size_t)((uintptr_t)end - (uintptr_t)start);
    r.chip_start = caps_to_chip(c, r.start);
    for (int p = 0; p < CAPHEAP_PRIORITIES; p++)
        r.caps[p] = masks[p];
    r.type = -1;
    return add_region(c, &r, true);
}

capheap_err_t capheap_caps_add_region(capheap_caps_t *c, void *start, void *end)
{
    if (!c || !start || !end || (uintptr_t)end <= (uintptr_t)start)
        return CAPHEAP_ERR_INVALID_ARG;
    const capheap_chip_t *chip = c->cfg.chip;
    if (!chip)
        return CAPHEAP_ERR_NOT_FOUND;
    uintptr_t hs = (uintptr_t)start, he = (uintptr_t)end;
    uintptr_t cs = caps_to_chip(c, hs);
    uintptr_t ce = cs + (he - hs);
    int i = cs ? capheap_chip_region_at(chip, cs) : -1;
    int j = cs ? capheap_chip_region_at(chip, ce - 1) : -1;
    if (i < 0 || j < 0)
        return CAPHEAP_ERR_NOT_FOUND;
    const capheap_chip_region_t *ri = &chip->regions[i], *rj = &chip->regions[j];
    uint32_t fi = chip->types[ri->type].flags | ri->flags;
    for (int k = i + 1; k <= j; k++) {
        const capheap_chip_region_t *a = &chip->regions[k - 1], *b = &chip->regions[k];
        if (a->start + a->size != b->start || b->type != ri->type ||
            (chip->types[b->type].flags | b->flags) != fi || b->alias_kind != ri->alias_kind)
            return CAPHEAP_ERR_NOT_FOUND;
    }
    const capheap_mem_type_t *t = &chip->types[ri->type];
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = hs;
    r.size = (size_t)(he - hs);
    r.chip_start = cs;
    for (int p = 0; p < CAPHEAP_PRIORITIES; p++)
        r.caps[p] = t->caps[p];
    r.flags = (uint8_t)(fi & (CAPHEAP_MT_DIRAM | CAPHEAP_MT_RESERVE));
    r.type = (int16_t)ri->type;
    r.name = t->name;
    r.alias_kind = ri->alias_kind;
    if (ri->alias_kind != CAPHEAP_ALIAS_NONE) {
        uintptr_t chip_alias = ri->alias_kind == CAPHEAP_ALIAS_LINEAR
                                   ? ri->alias + (cs - ri->start)
                                   : rj->alias + (rj->start + rj->size - ce);
        const capheap_addr_map_t *m = c->cfg.map;
        r.alias = m && m->to_host ? m->to_host(m->ctx, chip_alias) : chip_alias;
        if (!r.alias)
            return CAPHEAP_ERR_NOT_FOUND;
    }
    return add_region(c, &r, true);
}

capheap_err_t capheap_caps_enable_deferred(capheap_caps_t *c)
{
    capheap_region_t regions[FROM_CHIP_MAX];

    if (!c)
        return CAPHEAP_ERR_INVALID_ARG;
    if (!c->cfg.chip)
        return CAPHEAP_ERR_STATE;
    c->lock_ops->acquire(c->lock_ops->ctx, &c->admin);
    bool done = c->deferred_done;
    c->deferred_done = true;
    c->lock_ops->release(c->lock_ops->ctx, &c->admin);
    if (done)
        return CAPHEAP_ERR_STATE;
    /* each region as add_region does it (its nesting check may take a heap
     * lock, which must not be taken inside the admin lock) */
    size_t n = capheap_layout_regions(c->cfg.chip, CAPHEAP_LAYOUT_DEFERRED, c->cfg.map, regions,
                                      FROM_CHIP_MAX);
    if (n > FROM_CHIP_MAX)
        n = FROM_CHIP_MAX;
    capheap_err_t err = CAPHEAP_OK;
    for (size_t i = 0; i < n && err == CAPHEAP_OK; i++)
        err = add_region(c, &regions[i], false);
    return err;
}

/* ------------------------------------------------------------- accessors */

size_t capheap_caps_heap_count(const capheap_caps_t *c)
{
    return c ? atomic_load_explicit((atomic_size_t *)(uintptr_t)&c->heap_count,
                                    memory_order_relaxed)
             : 0;
}

const capheap_caps_heap_t *capheap_caps_heap_at(const capheap_caps_t *c, size_t i)
{
    if (!c)
        return NULL;
    for (int pass = 0; pass < 2; pass++)
        for (caps_heap_t *h = list_first(c); h; h = list_next(h))
            if (h->reserve == (pass == 1) && i-- == 0)
                return h;
    return NULL;
}

const capheap_caps_heap_t *capheap_caps_heap_of(const capheap_caps_t *c, const void *ptr)
{
    if (!c || !ptr)
        return NULL;
    const caps_index_entry_t *e = caps_index_find(index_get(c), (uintptr_t)ptr);
    return e ? e->heap : NULL;
}

void capheap_caps_heap_region(const capheap_caps_heap_t *h, capheap_region_t *out)
{
    if (!h || !out)
        return;
    memset(out, 0, sizeof *out);
    out->start = h->start;
    out->size = (size_t)(h->end - h->start);
    out->chip_start = h->chip_start;
    for (int p = 0; p < CAPHEAP_PRIORITIES; p++)
        out->caps[p] = h->caps[p];
    out->alias = h->alias_lo;
    out->alias_kind = h->alias_kind;
    out->flags = (uint8_t)((h->reserve ? CAPHEAP_MT_RESERVE : 0u) |
                           (h->exec_alias ? CAPHEAP_MT_DIRAM : 0u));
    out->type = h->type;
    out->name = h->name;
}

uint32_t capheap_caps_heap_caps(const capheap_caps_heap_t *h)
{
    return h ? h->caps_union : 0;
}

bool capheap_caps_heap_is_runtime(const capheap_caps_heap_t *h)
{
    return h && h->runtime;
}

capheap_heap_t *capheap_caps_heap_engine(const capheap_caps_heap_t *h)
{
    return h ? h->engine : NULL;
}

void capheap_caps_heap_lock(const capheap_caps_heap_t *h)
{
    if (h)
        heap_lock(h);
}

void capheap_caps_heap_unlock(const capheap_caps_heap_t *h)
{
    if (h) {
        /* the caller may have changed the engine heap */
        heap_changed((caps_heap_t *)(uintptr_t)h);
        heap_unlock(h);
    }
}

/* ----------------------------------------------------------------- hooks */

void capheap_caps_set_failed_alloc_callback(capheap_caps_t *c, capheap_alloc_failed_fn fn,
                                            void *ctx)
{
    if (!c)
        return;
    c->failed_fn = fn;
    c->failed_ctx = ctx;
}

void capheap_caps_set_abort_on_failure(capheap_caps_t *c, bool on, capheap_abort_fn fn, void *ctx)
{
    if (!c)
        return;
    c->abort_on_failure = on;
    c->abort_fn = fn;
    c->abort_ctx = ctx;
}

void capheap_caps_set_hooks(capheap_caps_t *c, capheap_alloc_hook_fn on_alloc,
                            capheap_free_hook_fn on_free, void *ctx)
{
    if (!c)
        return;
    c->alloc_hook = on_alloc;
    c->free_hook = on_free;
    c->hook_ctx = ctx;
    c->fast_reject = on_alloc ? ~0u : c->slow_caps;
    for (caps_heap_t *h = list_first(c); h; h = list_next(h)) {
        h->fast_missing = h->caps_missing | c->fast_reject | (h->reserve ? ~0u : 0u);
        caps_fast_words(h);
    }
}

void caps_fast_words(caps_heap_t *h)
{
    size_t span = atomic_load_explicit(&h->free_span, memory_order_relaxed);
    for (unsigned st = 0; st < 2; st++) {
        bool due = caps_lock_due(h, st);
        atomic_store_explicit(&h->fast_span[st], due || h->owner->free_hook ? 0 : span,
                              memory_order_relaxed);
        atomic_store_explicit(&h->fast_block[st], caps_fast_arm(h, st), memory_order_relaxed);
    }
}

void capheap_caps_malloc_extmem_enable(capheap_caps_t *c, size_t limit)
{
    if (c)
        atomic_store_explicit(&c->extmem_limit, limit, memory_order_relaxed);
}
