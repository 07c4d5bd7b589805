/*
 * GC heap: instances, areas, allocation, free, realloc, policy.
 * Marking and sweeping are in gc_collect.c, statistics in gc_info.c.
 */
#include "gc_internal.h"
#include "../util/fault.h"

#define GC_ALIGN_INST 16u
#define GC_DEFAULT_STACK 64u
#define GC_DEFAULT_GROW 4096u
#define GC_NF_WORDS 8u /* words of a never_free chain object: next + 7 */

static uintptr_t align_up(uintptr_t x, uintptr_t a)
{
    return (x + (a - 1u)) & ~(a - 1u);
}

static size_t div_up(size_t x, size_t d)
{
    return x / d + (x % d != 0);
}

/* ------------------------------------------------------------ areas */

/* Block address, table layout and record size of an area of n blocks
 * starting its tables at `tables`: the pool start. */
static uintptr_t area_pool(uintptr_t tables, size_t n)
{
    size_t groups = div_up(div_up(n, GC_EPW), GC_GW);
    size_t words = div_up(n, GC_EPW) + div_up(n, GC_WBITS) + div_up(groups, sizeof(uintptr_t)) +
                   GC_HINTS * div_up(groups, GC_WBITS);
    return align_up(tables + words * sizeof(uintptr_t), GC_B);
}

static gc_area_t *area_init(void *mem, size_t size, unsigned flags)
{
    uintptr_t start = align_up((uintptr_t)mem, sizeof(uintptr_t));
    uintptr_t end = (uintptr_t)mem + size;
    if (end < start || end - start < sizeof(gc_area_t) + GC_B)
        return NULL;
    uintptr_t tables = start + align_up(sizeof(gc_area_t), sizeof(uintptr_t));
    if (end - tables < GC_B)
        return NULL;
    size_t avail = (size_t)(end - tables) - GC_B;
    /* 8W blocks (W bytes a word) cost 8W*B bytes, 2W of ATB, W of FTB, one
     * byte of group bound and one of group bitmaps: 8W*B + 3W + 2 */
    size_t per = 8u * sizeof(uintptr_t);
    size_t unit = per * GC_B + 3u * sizeof(uintptr_t) + 2u;
    size_t n = (avail / unit) * per + ((avail % unit) * per) / unit;
    while (n > 0 && area_pool(tables, n) + n * GC_B > end)
        n--;
    if (n == 0)
        return NULL;
    gc_area_t *a = (gc_area_t *)start;
    memset(a, 0, sizeof *a);
    a->atb = (uintptr_t *)tables;
    a->atb_words = div_up(n, GC_EPW);
    a->ftb = a->atb + a->atb_words;
    a->gmax = (uint8_t *)(a->ftb + div_up(n, GC_WBITS));
    a->groups = div_up(a->atb_words, GC_GW);
    a->glev_words = div_up(a->groups, GC_WBITS);
    a->glev = (uintptr_t *)(void *)(a->gmax + div_up(a->groups, sizeof(uintptr_t)) *
                                                  sizeof(uintptr_t));
    a->pool = area_pool(tables, n);
    a->blocks = n;
    a->pool_end = a->pool + n * GC_B;
    memset(a->atb, 0, (a->atb_words + div_up(n, GC_WBITS)) * sizeof(uintptr_t));
    memset(a->glev, 0, GC_HINTS * a->glev_words * sizeof(uintptr_t));
    for (size_t i = n; i < a->atb_words * GC_EPW; i++)
        ATB_FREE_TO_TAIL(a, i); /* padding: no run crosses the end */
    gc_greset(a);
    a->fail_at = GC_NONE;
    a->ovf_lo = GC_NONE;
    a->mem = mem;
    a->mem_size = size;
    a->flags = flags;
    return a;
}

/* Bytes an area needs to hold n blocks (GC_NONE on overflow). */
static size_t area_bytes_for(size_t n)
{
    size_t fixed = align_up(sizeof(gc_area_t), sizeof(uintptr_t)) + 2u * sizeof(uintptr_t) +
                   2u * GC_B;
    if (n > (SIZE_MAX - fixed) / (GC_B + 1u))
        return GC_NONE;
    size_t groups = div_up(div_up(n, GC_EPW), GC_GW);
    return fixed + n * GC_B +
           (div_up(n, GC_EPW) + div_up(n, GC_WBITS) + div_up(groups, sizeof(uintptr_t)) +
            GC_HINTS * div_up(groups, GC_WBITS)) *
               sizeof(uintptr_t);
}

void gc_update_bounds(struct capheap_gc *gc)
{
    gc->lo = UINTPTR_MAX;
    gc->hi = 0;
    for (gc_area_t *a = gc->areas; a; a = a->next) {
        if (a->pool < gc->lo)
            gc->lo = a->pool;
        if (a->pool_end > gc->hi)
            gc->hi = a->pool_end;
    }
    gc->last_area = NULL;
}

static void area_insert(struct capheap_gc *gc, gc_area_t *a)
{
    gc_area_t **link = &gc->areas;
    while (*link && (*link)->pool < a->pool)
        link = &(*link)->next;
    a->next = *link;
    *link = a;
    gc_update_bounds(gc);
}

static bool ranges_overlap(uintptr_t a, size_t an, uintptr_t b, size_t bn)
{
    return a < b + bn && b < a + an;
}

/* Memory from the caps allocator that leaves at least cfg->reserve free
 * bytes of grow_caps memory; NULL otherwise. */
static void *caps_take(const capheap_gc_config_t *cfg, size_t size)
{
    capheap_caps_t *caps = cfg->caps;
    if (capheap_fault_fail("gc area"))
        return NULL;
    size_t before = capheap_caps_get_free_size(caps, cfg->grow_caps);
    if (before < cfg->reserve || before - cfg->reserve < size)
        return NULL;
    void *p = capheap_caps_malloc(caps, size, cfg->grow_caps);
    if (p && capheap_caps_get_free_size(caps, cfg->grow_caps) < cfg->reserve) {
        capheap_caps_free(caps, p);
        p = NULL;
    }
    return p;
}

/*
 * Auto-grow (lock held): a new area of about grow_next bytes (doubling),
 * at least enough for n blocks, no more than the caps allocator can give
 * while keeping the reserve.
 */
static bool grow(struct capheap_gc *gc, size_t n)
{
    const capheap_gc_config_t *cfg = &gc->cfg;
    if (!cfg->caps)
        return false;
    size_t need = area_bytes_for(n);
    if (need == GC_NONE)
        return false;
    size_t size = gc->grow_next > need ? gc->grow_next : need;
    size_t freeb = capheap_caps_get_free_size(cfg->caps, cfg->grow_caps);
    size_t largest = capheap_caps_get_largest_free_block(cfg->caps, cfg->grow_caps);
    if (freeb < cfg->reserve)
        return false;
    if (size > freeb - cfg->reserve)
        size = freeb - cfg->reserve;
    if (size > largest)
        size = largest;
    void *mem = NULL;
    /* the engine's own overhead may take the free size below the reserve:
     * retry smaller a few times */
    for (int tries = 0; tries < 4 && size >= need && !mem; tries++) {
        mem = caps_take(cfg, size);
        size_t cut = size / 8u + 64u;
        if (!mem && size - need < cut)
            break;
        if (!mem)
            size -= cut;
    }
    if (!mem)
        return false;
    gc_area_t *a = area_init(mem, size, GC_AREA_GROWN);
    if (!a || a->blocks < n) {
        capheap_caps_free(cfg->caps, mem);
        return false;
    }
    area_insert(gc, a);
    size_t next = size <= SIZE_MAX / 2u ? size * 2u : size;
    if (cfg->grow_max && next > cfg->grow_max)
        next = cfg->grow_max;
    if (next > gc->grow_next)
        gc->grow_next = next;
    return true;
}

void gc_give_back(struct capheap_gc *gc)
{
    if (!gc->cfg.caps || (gc->cfg.flags & CAPHEAP_GC_NO_RETURN))
        return;
    gc_area_t **link = &gc->areas;
    bool changed = false;
    while (*link) {
        gc_area_t *a = *link;
        if ((a->flags & GC_AREA_GROWN) && a->used == 0) {
            *link = a->next;
            capheap_caps_free(gc->cfg.caps, a->mem);
            changed = true;
            size_t min = gc->cfg.grow_min ? gc->cfg.grow_min : GC_DEFAULT_GROW;
            gc->grow_next = gc->grow_next / 2u > min ? gc->grow_next / 2u : min;
        } else {
            link = &a->next;
        }
    }
    if (changed)
        gc_update_bounds(gc);
}

/* ------------------------------------------------------------ instance */

void capheap_gc_config_init(capheap_gc_config_t *cfg)
{
    if (cfg)
        memset(cfg, 0, sizeof *cfg);
}

size_t capheap_gc_instance_size(const capheap_gc_config_t *cfg)
{
    size_t cap = cfg && cfg->mark_stack ? cfg->mark_stack : GC_DEFAULT_STACK;
    return GC_ALIGN_INST + align_up(sizeof(struct capheap_gc), sizeof(uintptr_t)) +
           cap * sizeof(uintptr_t);
}

capheap_err_t capheap_gc_create(const capheap_gc_config_t *cfg, void *mem, size_t size,
                                capheap_gc_t **out)
{
    if (!cfg || !out)
        return CAPHEAP_ERR_INVALID_ARG;
    *out = NULL;
    if (!mem && !cfg->caps)
        return CAPHEAP_ERR_INVALID_ARG;
    if (cfg->mark_stack > (SIZE_MAX / 2u) / sizeof(uintptr_t))
        return CAPHEAP_ERR_INVALID_ARG;
    size_t inst = capheap_gc_instance_size(cfg);
    if (size < inst)
        return CAPHEAP_ERR_TOO_SMALL;
    void *self = NULL;
    if (!mem) {
        mem = self = caps_take(cfg, size);
        if (!mem)
            return CAPHEAP_ERR_NO_MEM;
    }
    if ((uintptr_t)mem + size < (uintptr_t)mem) {
        return CAPHEAP_ERR_INVALID_ARG;
    }
    uintptr_t start = align_up((uintptr_t)mem, GC_ALIGN_INST);
    struct capheap_gc *gc = (struct capheap_gc *)start;
    memset(gc, 0, sizeof *gc);
    gc->cfg = *cfg;
    gc->lock_ops = cfg->lock_ops ? cfg->lock_ops : capheap_port_lock_default();
    if (capheap_fault_fail("gc lock") || !gc->lock_ops->init(gc->lock_ops->ctx, &gc->lock)) {
        if (self)
            capheap_caps_free(cfg->caps, self);
        return CAPHEAP_ERR_NO_MEM;
    }
    gc->stack = (uintptr_t *)(start + align_up(sizeof *gc, sizeof(uintptr_t)));
    gc->stack_cap = cfg->mark_stack ? cfg->mark_stack : GC_DEFAULT_STACK;
    atomic_init(&gc->lock_depth, 0u);
    atomic_init(&gc->busy, false);
    atomic_init(&gc->busy_owner, (uintptr_t)0);
    gc->auto_collect = true;
    gc->threshold_blocks = GC_NONE;
    gc->grow_next = cfg->grow_min ? cfg->grow_min : GC_DEFAULT_GROW;
    gc->self_mem = self;
    gc->lo = UINTPTR_MAX;
    uintptr_t rest = (uintptr_t)(gc->stack + gc->stack_cap);
    uintptr_t end = (uintptr_t)mem + size;
    gc_area_t *a = area_init((void *)rest, (size_t)(end - rest), GC_AREA_OWNED);
    if (a)
        area_insert(gc, a);
    *out = gc;
    return CAPHEAP_OK;
}

void capheap_gc_destroy(capheap_gc_t *gc)
{
    if (!gc)
        return;
    gc_area_t *a = gc->areas;
    while (a) {
        gc_area_t *next = a->next;
        if (a->flags & GC_AREA_GROWN)
            capheap_caps_free(gc->cfg.caps, a->mem);
        a = next;
    }
    gc->areas = NULL;
    if (gc->lock_ops->destroy)
        gc->lock_ops->destroy(gc->lock_ops->ctx, &gc->lock);
    if (gc->self_mem)
        capheap_caps_free(gc->cfg.caps, gc->self_mem);
}

capheap_err_t capheap_gc_add_area(capheap_gc_t *gc, void *mem, size_t size)
{
    if (!gc || !mem || size == 0 || (uintptr_t)mem + size < (uintptr_t)mem)
        return CAPHEAP_ERR_INVALID_ARG;
    gc_lock_(gc);
    uintptr_t inst = (uintptr_t)gc;
    size_t inst_len = (size_t)((uintptr_t)(gc->stack + gc->stack_cap) - inst);
    capheap_err_t err = CAPHEAP_OK;
    if (ranges_overlap((uintptr_t)mem, size, inst, inst_len))
        err = CAPHEAP_ERR_OVERLAP;
    for (gc_area_t *a = gc->areas; a && err == CAPHEAP_OK; a = a->next)
        if (ranges_overlap((uintptr_t)mem, size, (uintptr_t)a->mem, a->mem_size))
            err = CAPHEAP_ERR_OVERLAP;
    if (err == CAPHEAP_OK) {
        gc_area_t *a = area_init(mem, size, 0);
        if (a)
            area_insert(gc, a);
        else
            err = CAPHEAP_ERR_TOO_SMALL;
    }
    gc_unlock_(gc);
    return err;
}

size_t capheap_gc_area_count(capheap_gc_t *gc)
{
    size_t n = 0;
    if (!gc)
        return 0;
    gc_lock_(gc);
    for (gc_area_t *a = gc->areas; a; a = a->next)
        n++;
    gc_unlock_(gc);
    return n;
}

/* ------------------------------------------------------------ allocation */

/* True when the calling thread may not use the heap now: locked, or its
 * own collection (a finaliser) is running. Lock-free. */
static bool blocked(struct capheap_gc *gc)
{
    if (atomic_load_explicit(&gc->lock_depth, memory_order_relaxed) > 0u)
        return true;
    return atomic_load_explicit(&gc->busy, memory_order_acquire) &&
           atomic_load_explicit(&gc->busy_owner, memory_order_relaxed) == capheap_port_owner();
}

size_t gc_object_blocks(const gc_area_t *a, size_t i)
{
    size_t j = i + 1u;
    while (j < a->blocks) {
        size_t w = j / GC_EPW;
        unsigned pos = (unsigned)(j % GC_EPW);
        uintptr_t v = a->atb[w];
        uintptr_t tail = (v >> 1) & ~v & GC_FIVES; /* entries == TAIL */
        uintptr_t other = (~tail & GC_FIVES) >> (2u * pos);
        if (other) {
            j += gc_ctz(other) / 2u;
            break;
        }
        j = (w + 1u) * GC_EPW;
    }
    if (j > a->blocks)
        j = a->blocks;
    return j - i;
}

/* Lowers the bounds of groups [lo, hi] to below n. */
static void tighten(gc_area_t *a, size_t lo, size_t hi, size_t n)
{
    for (size_t g = lo; g <= hi; g++)
        if (gc_gmay(a, g, n) && n - 1u < GC_GMAX_INF)
            gc_gset(a, g, n - 1u);
}

/* First group from g whose bound may reach n (a->groups if none). */
static size_t next_group(const gc_area_t *a, size_t g, size_t n)
{
    size_t lvl = n < GC_HINTS ? n : GC_HINTS;
    const uintptr_t *bm = a->glev + (lvl - 1u) * a->glev_words;
    for (;;) {
        size_t wi = g / GC_WBITS;
        if (wi >= a->glev_words)
            return a->groups;
        uintptr_t m = bm[wi] & (~(uintptr_t)0 << (g % GC_WBITS));
        while (!m) {
            if (++wi >= a->glev_words)
                return a->groups;
            m = bm[wi];
        }
        g = wi * GC_WBITS + gc_ctz(m);
        if (g >= a->groups || gc_gmay(a, g, n))
            return g < a->groups ? g : a->groups;
        g++; /* bound between GC_HINTS and n: not enough */
    }
}

/*
 * First run of n free blocks in a, GC_NONE if none; keeps the hints and
 * the group bounds (gc_internal.h). `run` is the start of the free run
 * being followed; `pend` the first group it touched that was left with a
 * run crossing its end (its bound can fall once that run ends short).
 */
static size_t find_run(gc_area_t *a, size_t n)
{
    if (n >= a->fail_at || n > a->blocks)
        return GC_NONE;
    size_t k = n < GC_HINTS ? n : GC_HINTS;
    size_t run = GC_NONE, pend = GC_NONE;
    size_t w = a->hint[k - 1u] / GC_EPW;
    bool entering = true;
    while (w < a->atb_words) {
        size_t g = w / GC_GW;
        if (entering || w % GC_GW == 0) {
            entering = false;
            if (!gc_gmay(a, g, n)) {
                /* every run touching g is short, the followed one too */
                if (pend != GC_NONE && g > 0)
                    tighten(a, pend, g - 1u, n);
                pend = GC_NONE;
                run = GC_NONE;
                w = next_group(a, g + 1u, n) * GC_GW;
                continue;
            }
        }
        uintptr_t v = a->atb[w];
        uintptr_t fm = ~(v | (v >> 1)) & GC_FIVES; /* entries == FREE */
        size_t base = w * GC_EPW;
        if (fm == GC_FIVES) {
            if (run == GC_NONE)
                run = base;
            if (base + GC_EPW - run >= n)
                goto found;
        } else if (fm == 0) {
            if (run != GC_NONE && pend != GC_NONE && g > 0)
                tighten(a, pend, g - 1u, n); /* the run ended short at base */
            run = GC_NONE;
            pend = GC_NONE;
        } else {
            uintptr_t nfm = ~fm & GC_FIVES;
            unsigned pos = 0;
            while (pos < GC_EPW) {
                if (run == GC_NONE) {
                    uintptr_t m = fm >> (2u * pos);
                    if (!m)
                        break;
                    pos += gc_ctz(m) / 2u;
                    run = base + pos;
                }
                uintptr_t m = nfm >> (2u * pos);
                if (!m) {
                    if (base + GC_EPW - run >= n)
                        goto found;
                    break;
                }
                unsigned e = pos + gc_ctz(m) / 2u;
                if (base + e - run >= n)
                    goto found;
                if (pend != GC_NONE && g > 0)
                    tighten(a, pend, g - 1u, n); /* the run ended short */
                pend = GC_NONE;
                run = GC_NONE;
                pos = e + 1u;
            }
        }
        w++;
        if (w % GC_GW == 0 || w == a->atb_words) { /* leaving group g */
            if (run == GC_NONE)
                tighten(a, g, g, n);
            else if (pend == GC_NONE)
                pend = g;
        }
    }
    if (pend != GC_NONE) /* the last run reached the end, short */
        tighten(a, pend, (a->atb_words - 1u) / GC_GW, n);
    a->fail_at = n;
    return GC_NONE;
found:
    for (size_t j = n; j <= GC_HINTS; j++)
        if (a->hint[j - 1u] < run)
            a->hint[j - 1u] = run;
    return run;
}

/* Takes n blocks from the first area that has them (lock held). */
static void *take(struct capheap_gc *gc, size_t n, unsigned flags)
{
    for (gc_area_t *a = gc->areas; a; a = a->next) {
        size_t i = find_run(a, n);
        if (i == GC_NONE)
            continue;
        ATB_FREE_TO_HEAD(a, i);
        for (size_t j = 1; j < n; j++)
            ATB_FREE_TO_TAIL(a, i + j);
        if (flags & CAPHEAP_GC_FINALISER)
            ftb_set(a, i);
        a->used += n;
        gc->since_collect += n;
        void *p = (void *)gc_block_addr(a, i);
        memset(p, 0, n * GC_B);
        return p;
    }
    return NULL;
}

static void auto_collect(struct capheap_gc *gc)
{
    if (gc->cfg.collect)
        gc->cfg.collect(gc->cfg.collect_ctx, gc);
    else
        capheap_gc_collect(gc);
}

static void *alloc_blocks(struct capheap_gc *gc, size_t n, unsigned flags)
{
    bool collected = false;
    gc_lock_(gc);
    for (;;) {
        if (atomic_load_explicit(&gc->lock_depth, memory_order_relaxed) > 0u)
            break;
        if (!collected && gc->auto_collect && gc->threshold_blocks != GC_NONE &&
            gc->since_collect >= gc->threshold_blocks) {
            gc_unlock_(gc);
            auto_collect(gc);
            collected = true;
            gc_lock_(gc);
            continue;
        }
        void *p = take(gc, n, flags);
        if (p) {
            gc_unlock_(gc);
            return p;
        }
        if (!collected && gc->auto_collect) {
            gc_unlock_(gc);
            auto_collect(gc);
            collected = true;
            gc_lock_(gc);
            continue;
        }
        if (!grow(gc, n))
            break;
    }
    gc_unlock_(gc);
    return NULL;
}

static size_t blocks_for(size_t n)
{
    if (n > SIZE_MAX - (GC_B - 1u))
        return GC_NONE;
    size_t b = (n + (GC_B - 1u)) / GC_B;
    return b ? b : 1u;
}

void *capheap_gc_alloc(capheap_gc_t *gc, size_t n, unsigned flags)
{
    if (!gc || blocked(gc))
        return NULL;
    size_t b = blocks_for(n);
    if (b == GC_NONE)
        return NULL;
    return alloc_blocks(gc, b, flags);
}

void gc_release(struct capheap_gc *gc, gc_area_t *a, size_t i, size_t n)
{
    (void)gc;
    for (size_t j = i; j < i + n; j++) {
        switch (atb_get(a, j)) {
        case AT_HEAD: ATB_HEAD_TO_FREE(a, j); break;
        case AT_MARK: ATB_MARK_TO_FREE(a, j); break;
        case AT_TAIL: ATB_TAIL_TO_FREE(a, j); break;
        default: break;
        }
    }
    a->used -= n;
    /* the new free run may start before i: walk back over free entries,
     * a whole word at a time where possible, ... */
    size_t r = i;
    while (r > 0) {
        if (r % GC_EPW == 0 && a->atb[r / GC_EPW - 1u] == 0) {
            r -= GC_EPW;
            continue;
        }
        if (atb_get(a, r - 1u) != AT_FREE)
            break;
        r--;
    }
    /* ... and may continue after the freed blocks */
    size_t e = i + n;
    while (e < a->blocks) {
        if (e % GC_EPW == 0 && a->atb[e / GC_EPW] == 0) {
            e += GC_EPW;
            continue;
        }
        if (atb_get(a, e) != AT_FREE)
            break;
        e++;
    }
    if (e > a->blocks)
        e = a->blocks;
    /* only lengths up to the new run's can start earlier now */
    size_t len = e - r;
    for (size_t k = 0; k < GC_HINTS && k < len; k++)
        if (a->hint[k] > r)
            a->hint[k] = r;
    for (size_t g = r / GC_EPW / GC_GW; g <= (e - 1u) / GC_EPW / GC_GW; g++)
        if (!gc_gmay(a, g, len))
            gc_gset(a, g, len);
    /* lengths fail_at..len now fit; longer ones still do not */
    if (a->fail_at != GC_NONE && len >= a->fail_at)
        a->fail_at = len + 1u;
}

/* Finds the object whose HEAD is at p. Returns 0 and sets *area and *idx, or
 * the reason p is not one. */
static capheap_error_reason_t lookup_head(struct capheap_gc *gc, const void *p,
                                          gc_area_t **area, size_t *idx)
{
    gc_area_t *a = gc_area_of(gc, (uintptr_t)p);
    if (!a)
        return CAPHEAP_E_NOT_OWNED;
    uintptr_t off = (uintptr_t)p - a->pool;
    if (off % GC_B)
        return CAPHEAP_E_MISALIGNED;
    size_t i = (size_t)(off / GC_B);
    switch (atb_get(a, i)) {
    case AT_FREE: return CAPHEAP_E_DOUBLE_FREE;
    case AT_TAIL: return CAPHEAP_E_BAD_HEADER;
    default: break;
    }
    *area = a;
    *idx = i;
    return (capheap_error_reason_t)0;
}

static void report(struct capheap_gc *gc, capheap_error_reason_t why, const void *p)
{
    if (gc->cfg.error_hook)
        gc->cfg.error_hook(gc->cfg.error_ctx, why, p);
}

void capheap_gc_free(capheap_gc_t *gc, void *ptr)
{
    if (!gc || !ptr || blocked(gc))
        return;
    gc_lock_(gc);
    gc_area_t *a;
    size_t i;
    capheap_error_reason_t why = lookup_head(gc, ptr, &a, &i);
    if (why) {
        report(gc, why, ptr);
    } else {
        ftb_clear(a, i);
        gc_release(gc, a, i, gc_object_blocks(a, i));
    }
    gc_unlock_(gc);
}

void *capheap_gc_realloc(capheap_gc_t *gc, void *ptr, size_t n, bool allow_move)
{
    if (!gc)
        return NULL;
    if (!ptr)
        return capheap_gc_alloc(gc, n, 0);
    if (n == 0) {
        capheap_gc_free(gc, ptr);
        return NULL;
    }
    if (blocked(gc))
        return NULL;
    size_t nb = blocks_for(n);
    if (nb == GC_NONE)
        return NULL;
    gc_lock_(gc);
    gc_area_t *a;
    size_t i;
    capheap_error_reason_t why = lookup_head(gc, ptr, &a, &i);
    if (why) {
        report(gc, why, ptr);
        gc_unlock_(gc);
        return NULL;
    }
    size_t old = gc_object_blocks(a, i);
    if (nb <= old) {
        if (nb < old)
            gc_release(gc, a, i + nb, old - nb);
        gc_unlock_(gc);
        return ptr;
    }
    /* grow in place when the following blocks are free */
    size_t j = i + old;
    while (j < i + nb && j < a->blocks && atb_get(a, j) == AT_FREE)
        j++;
    if (j == i + nb) {
        for (j = i + old; j < i + nb; j++)
            ATB_FREE_TO_TAIL(a, j);
        a->used += nb - old;
        gc->since_collect += nb - old;
        memset((char *)ptr + old * GC_B, 0, (nb - old) * GC_B);
        gc_unlock_(gc);
        return ptr;
    }
    if (!allow_move) {
        gc_unlock_(gc);
        return NULL;
    }
    unsigned flags = ftb_get(a, i) ? CAPHEAP_GC_FINALISER : 0u;
    unsigned slot = gc_pend(gc, ptr);
    gc_unlock_(gc);
    void *np = alloc_blocks(gc, nb, flags);
    gc_lock_(gc);
    gc_unpend(gc, slot);
    if (np) {
        memcpy(np, ptr, old * GC_B);
        if (lookup_head(gc, ptr, &a, &i) == 0) {
            ftb_clear(a, i);
            gc_release(gc, a, i, gc_object_blocks(a, i));
        }
    }
    gc_unlock_(gc);
    return np;
}

size_t capheap_gc_size(capheap_gc_t *gc, const void *ptr)
{
    if (!gc || !ptr)
        return 0;
    size_t n = 0;
    gc_lock_(gc);
    gc_area_t *a;
    size_t i;
    if (lookup_head(gc, ptr, &a, &i) == 0)
        n = gc_object_blocks(a, i) * GC_B;
    gc_unlock_(gc);
    return n;
}

bool capheap_gc_has_finaliser(capheap_gc_t *gc, const void *ptr)
{
    if (!gc || !ptr)
        return false;
    bool f = false;
    gc_lock_(gc);
    gc_area_t *a;
    size_t i;
    if (lookup_head(gc, ptr, &a, &i) == 0)
        f = ftb_get(a, i);
    gc_unlock_(gc);
    return f;
}

bool capheap_gc_never_free(capheap_gc_t *gc, void *ptr)
{
    if (!gc || !ptr || blocked(gc))
        return false;
    gc_lock_(gc);
    gc_area_t *a;
    size_t i;
    if (lookup_head(gc, ptr, &a, &i) != 0) {
        gc_unlock_(gc);
        return false;
    }
    void **chain = (void **)gc->never_free;
    if (chain)
        for (size_t k = 1; k < GC_NF_WORDS; k++)
            if (!chain[k]) {
                chain[k] = ptr;
                gc_unlock_(gc);
                return true;
            }
    unsigned slot = gc_pend(gc, ptr);
    gc_unlock_(gc);
    void **nc = (void **)alloc_blocks(gc, blocks_for(GC_NF_WORDS * sizeof(void *)), 0);
    gc_lock_(gc);
    gc_unpend(gc, slot);
    if (nc) {
        nc[0] = gc->never_free;
        nc[1] = ptr;
        gc->never_free = nc;
    }
    gc_unlock_(gc);
    return nc != NULL;
}

/* ------------------------------------------------------------ roots */

capheap_err_t capheap_gc_add_root_range(capheap_gc_t *gc, const void *start, const void *end)
{
    if (!gc || !start || (uintptr_t)end < (uintptr_t)start ||
        (uintptr_t)start % sizeof(uintptr_t))
        return CAPHEAP_ERR_INVALID_ARG;
    capheap_err_t err = CAPHEAP_ERR_NO_MEM;
    gc_lock_(gc);
    if (gc->nroots < CAPHEAP_GC_ROOT_RANGES) {
        gc->roots[gc->nroots].lo = (uintptr_t)start;
        gc->roots[gc->nroots].hi = (uintptr_t)end;
        gc->nroots++;
        err = CAPHEAP_OK;
    }
    gc_unlock_(gc);
    return err;
}

capheap_err_t capheap_gc_remove_root_range(capheap_gc_t *gc, const void *start,
                                           const void *end)
{
    if (!gc)
        return CAPHEAP_ERR_INVALID_ARG;
    capheap_err_t err = CAPHEAP_ERR_NOT_FOUND;
    gc_lock_(gc);
    for (size_t k = 0; k < gc->nroots; k++)
        if (gc->roots[k].lo == (uintptr_t)start && gc->roots[k].hi == (uintptr_t)end) {
            gc->roots[k] = gc->roots[--gc->nroots];
            err = CAPHEAP_OK;
            break;
        }
    gc_unlock_(gc);
    return err;
}

/* ------------------------------------------------------------ policy */

void capheap_gc_enable(capheap_gc_t *gc)
{
    if (!gc)
        return;
    gc_lock_(gc);
    gc->auto_collect = true;
    gc_unlock_(gc);
}

void capheap_gc_disable(capheap_gc_t *gc)
{
    if (!gc)
        return;
    gc_lock_(gc);
    gc->auto_collect = false;
    gc_unlock_(gc);
}

bool capheap_gc_is_enabled(capheap_gc_t *gc)
{
    if (!gc)
        return false;
    gc_lock_(gc);
    bool on = gc->auto_collect;
    gc_unlock_(gc);
    return on;
}

void capheap_gc_set_threshold(capheap_gc_t *gc, size_t bytes)
{
    if (!gc)
        return;
    gc_lock_(gc);
    gc->threshold_blocks = bytes == SIZE_MAX ? GC_NONE : blocks_for(bytes);
    gc_unlock_(gc);
}

size_t capheap_gc_get_threshold(capheap_gc_t *gc)
{
    if (!gc)
        return SIZE_MAX;
    gc_lock_(gc);
    size_t t = gc->threshold_blocks == GC_NONE ? SIZE_MAX : gc->threshold_blocks * GC_B;
    gc_unlock_(gc);
    return t;
}

void capheap_gc_lock(capheap_gc_t *gc)
{
    if (!gc)
        return;
    gc_lock_(gc);
    unsigned d = atomic_load_explicit(&gc->lock_depth, memory_order_relaxed);
    atomic_store_explicit(&gc->lock_depth, d + 1u, memory_order_relaxed);
    gc_unlock_(gc);
}

void capheap_gc_unlock(capheap_gc_t *gc)
{
    if (!gc)
        return;
    gc_lock_(gc);
    unsigned d = atomic_load_explicit(&gc->lock_depth, memory_order_relaxed);
    if (d > 0u)
        atomic_store_explicit(&gc->lock_depth, d - 1u, memory_order_relaxed);
    gc_unlock_(gc);
}

bool capheap_gc_is_locked(capheap_gc_t *gc)
{
    return gc && atomic_load_explicit(&gc->lock_depth, memory_order_relaxed) > 0u;
}
