/*
 * Stress rig: see stress.h for the contract.
 *
 * Model: `slots` holds the live blocks in no order (random pick, O(1)
 * removal by moving the last slot into the hole); `order` holds slot
 * numbers sorted by address, so a new block is checked against its two
 * address neighbours only and any overlap with a live block is caught when
 * it is created. slot.pos is the block's index in `order`.
 */
#include "stress.h"

#include "check.h"
#include "prng.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char *p;
    size_t size;      /* bytes requested */
    size_t extent;    /* bytes owned: max(size, usable, 1) */
    size_t stamped;   /* bytes stamped (size, or usable with STRESS_STAMP_USABLE) */
    uint32_t token;
    uint32_t pos;     /* index in order[] */
} slot_t;

typedef struct {
    const stress_ops_t *ops;
    const stress_config_t *cfg;
    stress_result_t *res;
    prng_t rng;
    slot_t *slots;
    uint32_t *order;
    size_t n;             /* live blocks */
    size_t max_blocks;
    size_t live_bytes;    /* sum of requested sizes */
    size_t fb_start;      /* free_bytes at start */
    uint32_t next_token;
    unsigned long op;     /* index of the running op */
} rig_t;

stress_config_t stress_config_default(void)
{
    stress_config_t c;
    memset(&c, 0, sizeof c);
    c.name = "stress";
    c.seed = 1;
    c.ops = 10000;
    c.fill_percent = 50;
    c.min_size = 1;
    c.max_size = 256;
    c.dist = STRESS_DIST_LOG;
    c.max_align = 256;
    c.max_blocks = 65536;
    c.validate_every = 1;
    return c;
}

size_t stress_model_bytes(size_t max_blocks)
{
    return max_blocks * (sizeof(slot_t) + sizeof(uint32_t)) + sizeof(slot_t);
}

void stress_stamp(void *p, size_t n, uint32_t token)
{
    unsigned char *b = (unsigned char *)p;
    for (size_t i = 0; i < n; i++)
        b[i] = stress_pattern(token, i);
}

size_t stress_verify(const void *p, size_t n, uint32_t token)
{
    const unsigned char *b = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != stress_pattern(token, i))
            return i;
    return n;
}

/* ------------------------------------------------------------ reporting */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static bool fail(rig_t *r, const char *fmt, ...)
{
    stress_result_t *res = r->res;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(res->message, sizeof res->message, fmt, ap);
    va_end(ap);
    res->ok = false;
    res->fail_op = r->op;
    check_log("stress[%s] FAIL at op %lu: %s\n"
              "stress[%s]   seed=0x%llx stream=%u (replay with CAPHEAP_SEED=0x%llx), "
              "%zu live blocks, %zu live bytes\n",
              r->cfg->name, r->op, res->message, r->cfg->name,
              (unsigned long long)r->cfg->seed, (unsigned)r->cfg->stream,
              (unsigned long long)r->cfg->seed, r->n, r->live_bytes);
    return false;
}

/* ------------------------------------------------------------ model */

static uintptr_t addr(const void *p) { return (uintptr_t)p; }

/* Index in order[] of the first block whose address is >= a. */
static size_t lower_bound(const rig_t *r, uintptr_t a)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (addr(r->slots[r->order[mid]].p) < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Checks [p, p+extent) against its address neighbours among the live blocks. */
static bool check_no_overlap(rig_t *r, const unsigned char *p, size_t extent, size_t *at)
{
    uintptr_t a = addr(p), e = a + extent;
    size_t i = lower_bound(r, a);
    if (i > 0) {
        const slot_t *prev = &r->slots[r->order[i - 1]];
        if (addr(prev->p) + prev->extent > a)
            return fail(r, "block %p+%zu overlaps live block %p+%zu (size %zu)",
                        (const void *)p, extent, (void *)prev->p, prev->extent, prev->size);
    }
    if (i < r->n) {
        const slot_t *next = &r->slots[r->order[i]];
        if (addr(next->p) < e)
            return fail(r, "block %p+%zu overlaps live block %p+%zu (size %zu)",
                        (const void *)p, extent, (void *)next->p, next->extent, next->size);
    }
    *at = i;
    return true;
}

static void order_insert(rig_t *r, size_t at, uint32_t slot)
{
    memmove(&r->order[at + 1], &r->order[at], (r->n - at) * sizeof r->order[0]);
    r->order[at] = slot;
    for (size_t i = at; i <= r->n; i++)
        r->slots[r->order[i]].pos = (uint32_t)i;
}

static void order_remove(rig_t *r, size_t at)
{
    memmove(&r->order[at], &r->order[at + 1], (r->n - 1 - at) * sizeof r->order[0]);
    for (size_t i = at; i + 1 < r->n; i++)
        r->slots[r->order[i]].pos = (uint32_t)i;
}

/* Removes slot s from the model (order and slots). */
static void model_remove(rig_t *r, size_t s)
{
    order_remove(r, r->slots[s].pos);
    r->live_bytes -= r->slots[s].size;
    r->n--;
    if (s != r->n) {
        r->slots[s] = r->slots[r->n];
        r->order[r->slots[s].pos] = (uint32_t)s;
    }
}

static bool verify_slot(rig_t *r, const slot_t *sl, size_t n, const char *when)
{
    size_t bad = stress_verify(sl->p, n, sl->token);
    if (bad != n)
        return fail(r, "%s: block %p (size %zu) byte %zu is 0x%02x, expected 0x%02x",
                    when, (void *)sl->p, sl->size, bad, sl->p[bad],
                    stress_pattern(sl->token, bad));
    return true;
}

/* Checks a block the allocator just returned and adds it to the model. */
static bool adopt(rig_t *r, unsigned char *p, size_t size, size_t align)
{
    const stress_config_t *c = r->cfg;
    size_t usable = size;
    if (r->ops->usable_size) {
        usable = r->ops->usable_size(r->ops->ctx, p);
        if (usable < size)
            return fail(r, "usable_size(%p) = %zu < requested %zu", (void *)p, usable, size);
    }
    if (c->min_align > 1 && addr(p) % c->min_align)
        return fail(r, "block %p of %zu bytes not aligned to %zu", (void *)p, size, c->min_align);
    if (align > 1 && addr(p) % align)
        return fail(r, "block %p of %zu bytes not aligned to the %zu asked", (void *)p, size,
                    align);
    size_t extent = usable ? usable : 1;
    if (c->lo && addr(p) < addr(c->lo))
        return fail(r, "block %p below the heap (lo %p)", (void *)p, c->lo);
    if (c->hi && (addr(p) > addr(c->hi) || addr(c->hi) - addr(p) < extent))
        return fail(r, "block %p+%zu beyond the heap (hi %p)", (void *)p, extent, c->hi);
    size_t at = 0;
    if (!check_no_overlap(r, p, extent, &at))
        return false;
    uint32_t s = (uint32_t)r->n;
    slot_t *sl = &r->slots[s];
    sl->p = p;
    sl->size = size;
    sl->extent = extent;
    sl->stamped = (c->flags & STRESS_STAMP_USABLE) ? usable : size;
    sl->token = r->next_token++ * 0x2545F491u + 0x6A09E667u;
    stress_stamp(p, sl->stamped, sl->token);
    order_insert(r, at, s);
    r->n++;
    r->live_bytes += size;
    if (r->live_bytes > r->res->peak_live_bytes)
        r->res->peak_live_bytes = r->live_bytes;
    if (r->n > r->res->peak_live_blocks)
        r->res->peak_live_blocks = r->n;
    return true;
}

/* ------------------------------------------------------------ workload */

static unsigned log2_floor(size_t v)
{
    unsigned k = 0;
    while (v >>= 1)
        k++;
    return k;
}

static size_t rnd_size_in(rig_t *r, size_t lo, size_t hi)
{
    if (hi <= lo)
        return lo;
    size_t span = hi - lo;
    if (span < 0xFFFFFFFFu)
        return lo + prng_range(&r->rng, 0, (uint32_t)span);
    uint64_t x = ((uint64_t)prng_next(&r->rng) << 32) | prng_next(&r->rng);
    return lo + (size_t)(x % ((uint64_t)span + 1));
}

static size_t draw_size(rig_t *r)
{
    const stress_config_t *c = r->cfg;
    size_t lo = c->min_size, hi = c->max_size;
    switch (c->dist) {
    case STRESS_DIST_LOG: {
        unsigned k0 = log2_floor(lo ? lo : 1), k1 = log2_floor(hi ? hi : 1);
        unsigned k = prng_range(&r->rng, k0, k1);
        size_t a = (size_t)1 << k, b = (k + 1 < sizeof(size_t) * 8) ? ((size_t)1 << (k + 1)) - 1 : hi;
        if (a < lo) a = lo;
        if (b > hi) b = hi;
        return rnd_size_in(r, a, b);
    }
    case STRESS_DIST_POW2: {
        unsigned k0 = log2_floor(lo ? lo : 1), k1 = log2_floor(hi ? hi : 1);
        size_t v = (size_t)1 << prng_range(&r->rng, k0, k1);
        uint32_t d = prng_range(&r->rng, 0, 2);
        if (d == 0 && v > 0) v--;
        else if (d == 2) v++;
        if (v < lo) v = lo;
        if (v > hi) v = hi;
        return v;
    }
    case STRESS_DIST_UNIFORM:
    default:
        return rnd_size_in(r, lo, hi);
    }
}

static size_t free_bytes(rig_t *r)
{
    return r->ops->free_bytes ? r->ops->free_bytes(r->ops->ctx) : 0;
}

static bool check_accounting(rig_t *r)
{
    if (!r->ops->free_bytes)
        return true;
    size_t fb = free_bytes(r);
    if (fb > r->fb_start || r->live_bytes > r->fb_start - fb)
        return fail(r, "free bytes %zu + live bytes %zu exceed the %zu free at start", fb,
                    r->live_bytes, r->fb_start);
    return true;
}

static bool do_alloc(rig_t *r)
{
    const stress_config_t *c = r->cfg;
    const stress_ops_t *o = r->ops;
    size_t size = draw_size(r), align = 0;
    if ((c->flags & STRESS_ZERO) && prng_range(&r->rng, 0, 49) == 0)
        size = 0;
    if ((c->flags & STRESS_ALIGNED) && c->max_align >= 2 && prng_range(&r->rng, 0, 5) == 0)
        align = (size_t)1 << prng_range(&r->rng, 1, log2_floor(c->max_align));

    size_t largest = 0;
    bool have_largest = o->largest_free && align == 0;
    if (have_largest) {
        largest = o->largest_free(o->ctx);
        /* the boundary: largest + 1 must fail (nothing changes when it does) */
        if (largest < SIZE_MAX) {
            void *q = o->alloc(o->ctx, largest + 1, 0);
            if (q)
                return fail(r, "alloc(%zu) succeeded but largest_free said %zu",
                            largest + 1, largest);
        }
        /* now and then ask exactly the largest (within the size range, so
         * the fill target still holds) */
        if (largest > 0 && largest >= c->min_size && largest <= c->max_size &&
            prng_range(&r->rng, 0, 31) == 0)
            size = largest;
    }

    size_t fb0 = free_bytes(r);
    unsigned char *p = (unsigned char *)o->alloc(o->ctx, size, align);
    r->res->allocs++;
    if (align)
        r->res->aligned_allocs++;
    if (have_largest && size > 0) {
        if (p && size > largest)
            return fail(r, "alloc(%zu) succeeded but largest_free said %zu", size, largest);
        if (!p && size <= largest)
            return fail(r, "alloc(%zu) failed but largest_free said %zu", size, largest);
    }
    if (!p) {
        r->res->failed_allocs++;
        if (o->free_bytes && free_bytes(r) != fb0)
            return fail(r, "failed alloc(%zu, align %zu) changed free bytes %zu -> %zu", size,
                        align, fb0, free_bytes(r));
        return true;
    }
    if (!adopt(r, p, size, align))
        return false;
    if (o->free_bytes) {
        size_t fb1 = free_bytes(r);
        if (fb1 > fb0 || fb0 - fb1 < size)
            return fail(r, "alloc(%zu) = %p took free bytes %zu -> %zu", size, (void *)p, fb0,
                        fb1);
    }
    return true;
}

static bool do_free(rig_t *r)
{
    const stress_ops_t *o = r->ops;
    size_t s = prng_range(&r->rng, 0, (uint32_t)(r->n - 1));
    slot_t sl = r->slots[s];
    if (!verify_slot(r, &r->slots[s], sl.stamped, "before free"))
        return false;
    size_t fb0 = free_bytes(r);
    o->free(o->ctx, sl.p);
    r->res->frees++;
    model_remove(r, s);
    if (o->free_bytes) {
        size_t fb1 = free_bytes(r);
        if (fb1 < fb0 || fb1 - fb0 < sl.size)
            return fail(r, "free(%p) of %zu bytes took free bytes %zu -> %zu", (void *)sl.p,
                        sl.size, fb0, fb1);
    }
    return true;
}

static bool do_realloc(rig_t *r)
{
    const stress_ops_t *o = r->ops;
    size_t s = prng_range(&r->rng, 0, (uint32_t)(r->n - 1));
    slot_t old = r->slots[s];
    size_t size;
    switch (prng_range(&r->rng, 0, 3)) {
    case 0: size = old.size > 1 ? rnd_size_in(r, 1, old.size) : 1; break;          /* shrink */
    case 1: size = old.size + rnd_size_in(r, 1, r->cfg->min_size + 64); break;       /* grow a bit */
    case 2: size = old.size + old.size / 2 + 1; break;                              /* grow 1.5x */
    default: size = draw_size(r); break;
    }
    if (size > r->cfg->max_size)   /* stay in the size range */
        size = old.size < r->cfg->max_size ? r->cfg->max_size : rnd_size_in(r, 1, r->cfg->max_size);
    if (size == 0)
        size = 1;
    if (!verify_slot(r, &r->slots[s], old.stamped, "before realloc"))
        return false;
    size_t fb0 = free_bytes(r);
    unsigned char *p = (unsigned char *)o->realloc(o->ctx, old.p, size);
    r->res->reallocs++;
    if (!p) {
        r->res->failed_reallocs++;
        if (!verify_slot(r, &r->slots[s], old.stamped, "after failed realloc"))
            return false;
        if (o->free_bytes && free_bytes(r) != fb0)
            return fail(r, "failed realloc(%p, %zu) changed free bytes %zu -> %zu",
                        (void *)old.p, size, fb0, free_bytes(r));
        return true;
    }
    /* the kept bytes, checked before the model lets the block go */
    size_t keep = old.stamped < size ? old.stamped : size;
    size_t bad = stress_verify(p, keep, old.token);
    if (bad != keep)
        return fail(r, "realloc(%p, %zu -> %zu) = %p lost byte %zu (0x%02x, expected 0x%02x)",
                    (void *)old.p, old.size, size, (void *)p, bad, p[bad],
                    stress_pattern(old.token, bad));
    model_remove(r, s);
    return adopt(r, p, size, 0);
}

static bool verify_all(rig_t *r, const char *when)
{
    for (size_t i = 0; i < r->n; i++)
        if (!verify_slot(r, &r->slots[i], r->slots[i].stamped, when))
            return false;
    return true;
}

static bool validate(rig_t *r, bool force)
{
    const stress_config_t *c = r->cfg;
    if (r->ops->validate && (force || c->validate_every <= 1 || r->op % c->validate_every == 0)) {
        if (!r->ops->validate(r->ops->ctx))
            return fail(r, "validate() reported a corrupt heap");
    }
    return check_accounting(r);
}

static bool run(rig_t *r)
{
    const stress_config_t *c = r->cfg;
    stress_result_t *res = r->res;
    size_t target = c->capacity / 100 * c->fill_percent + c->capacity % 100 * c->fill_percent / 100;

    r->fb_start = free_bytes(r);
    if (!validate(r, true))
        return false;
    for (r->op = 0; r->op < c->ops; r->op++) {
        bool ok;
        uint32_t roll = prng_range(&r->rng, 0, 99);
        if (r->n == 0) {
            ok = do_alloc(r);
        } else if ((c->flags & STRESS_REALLOC) && roll < 20) {
            ok = do_realloc(r);
        } else if (r->n >= r->max_blocks) {
            ok = do_free(r);
        } else {
            bool below = r->live_bytes < target;
            uint32_t p_alloc = below ? 70 : 10;
            ok = prng_range(&r->rng, 0, 99) < p_alloc ? do_alloc(r) : do_free(r);
        }
        if (!ok || !validate(r, false))
            return false;
        /* one random live block, every op; all of them now and then */
        if (r->n) {
            size_t s = prng_range(&r->rng, 0, (uint32_t)(r->n - 1));
            if (!verify_slot(r, &r->slots[s], r->slots[s].stamped, "spot check"))
                return false;
        }
        if (c->full_verify_every && (r->op + 1) % c->full_verify_every == 0 &&
            !verify_all(r, "full verify"))
            return false;
        res->ops_done = r->op + 1;
    }
    if (!verify_all(r, "final verify"))
        return false;
    if (c->flags & STRESS_NO_DRAIN)
        return validate(r, true);
    while (r->n) {
        if (!do_free(r) || !validate(r, false))
            return false;
        r->op++;
    }
    if (!validate(r, true))
        return false;
    if (r->ops->free_bytes && free_bytes(r) != r->fb_start)
        return fail(r, "after freeing every block free bytes are %zu, were %zu at start",
                    free_bytes(r), r->fb_start);
    return true;
}

bool stress_run(const stress_ops_t *ops, const stress_config_t *cfg, stress_result_t *result)
{
    stress_result_t local;
    stress_result_t *res = result ? result : &local;
    memset(res, 0, sizeof *res);
    const char *name = cfg && cfg->name ? cfg->name : "stress";

    if (!ops || !cfg || !ops->alloc || !ops->free || cfg->capacity == 0 ||
        cfg->min_size > cfg->max_size || ((cfg->flags & STRESS_REALLOC) && !ops->realloc) ||
        cfg->fill_percent > 100 || cfg->max_blocks == 0 || cfg->max_blocks > 0x7FFFFFFFu) {
        snprintf(res->message, sizeof res->message, "invalid configuration");
        check_log("stress[%s] FAIL: invalid configuration\n", name);
        return false;
    }

    rig_t r;
    memset(&r, 0, sizeof r);
    r.ops = ops;
    r.cfg = cfg;
    r.res = res;
    r.max_blocks = cfg->max_blocks;
    prng_init(&r.rng, cfg->seed ^ ((uint64_t)cfg->stream * 0xD1B54A32D192ED03ull));

    size_t need = stress_model_bytes(r.max_blocks);
    void *mem = cfg->model_mem;
    bool owned = false;
    if (mem && cfg->model_mem_size < need) {
        snprintf(res->message, sizeof res->message, "model_mem too small");
        check_log("stress[%s] FAIL: model_mem holds %zu bytes, %zu needed\n", name,
                  cfg->model_mem_size, need);
        return false;
    }
    if (!mem) {
        mem = malloc(need);
        owned = true;
        if (!mem) {
            snprintf(res->message, sizeof res->message, "no memory for the model");
            check_log("stress[%s] FAIL: no memory for the model (%zu bytes)\n", name, need);
            return false;
        }
    }
    r.slots = (slot_t *)mem;
    r.order = (uint32_t *)(void *)(r.slots + r.max_blocks);

    if (!(cfg->flags & STRESS_QUIET))
        check_log("stress[%s]: seed=0x%llx stream=%u (replay with CAPHEAP_SEED=0x%llx) "
                  "ops=%lu capacity=%zu fill=%u%% sizes=%zu..%zu\n",
                  name, (unsigned long long)cfg->seed, (unsigned)cfg->stream,
                  (unsigned long long)cfg->seed, cfg->ops, cfg->capacity, cfg->fill_percent,
                  cfg->min_size, cfg->max_size);
    res->ok = run(&r);
    if (res->ok && !(cfg->flags & STRESS_QUIET))
        check_log("stress[%s]: ok: %lu ops, %lu allocs (%lu failed, %lu aligned), %lu frees, "
                  "%lu reallocs (%lu failed), peak %zu bytes in %zu blocks\n",
                  name, res->ops_done, res->allocs, res->failed_allocs, res->aligned_allocs,
                  res->frees, res->reallocs, res->failed_reallocs, res->peak_live_bytes,
                  res->peak_live_blocks);
    if (owned)
        free(mem);
    return res->ok;
}
