/*
 * Chip table -> regions (capheap/layout.h).
 *
 * The walk never stores intermediate lists: it scans the address-sorted
 * table, grows a run while the next table region continues it (touching,
 * same type, same flags, alias view continuing in the same direction), then
 * cuts the run's reserved ranges out and emits the pieces. Both tables are
 * sorted, so each run only looks at the reserved ranges that overlap it.
 */
#include "capheap/layout.h"

static uint32_t region_flags(const capheap_chip_t *chip, const capheap_chip_region_t *r)
{
    return chip->types[r->type].flags | r->flags;
}

static unsigned region_class(uint32_t flags)
{
    if (flags & CAPHEAP_MT_RUNTIME)
        return CAPHEAP_LAYOUT_RUNTIME;
    if (flags & CAPHEAP_MT_DEFERRED)
        return CAPHEAP_LAYOUT_DEFERRED;
    return CAPHEAP_LAYOUT_STARTUP;
}

/* True iff table region b continues region a as one memory. */
static bool continues(const capheap_chip_t *chip, const capheap_chip_region_t *a,
                      const capheap_chip_region_t *b)
{
    if (a->start + a->size != b->start || a->type != b->type ||
        region_flags(chip, a) != region_flags(chip, b) || a->alias_kind != b->alias_kind)
        return false;
    switch (a->alias_kind) {
    case CAPHEAP_ALIAS_LINEAR:
        return a->alias + a->size == b->alias;
    case CAPHEAP_ALIAS_WORD_REVERSED:
        return b->alias + b->size == a->alias;
    default:
        return true;
    }
}

typedef struct {
    const capheap_chip_t *chip;
    const capheap_addr_map_t *map;
    capheap_region_t *out;
    size_t max;
    size_t count;
    bool raw;
    const char *prefix;      /* print mode when print is set */
    capheap_print_fn print;
    void *print_ctx;
} emitter_t;

static uintptr_t to_host(const capheap_addr_map_t *map, uintptr_t chip_addr)
{
    return map && map->to_host ? map->to_host(map->ctx, chip_addr) : chip_addr;
}

/* A run [s, e) of one type; alias_first / alias_low: the alias of s (linear)
 * or the lowest alias address (reversed). Emits the piece [ps, pe). */
static void emit(emitter_t *em, const capheap_chip_region_t *first, uintptr_t s, uintptr_t e,
                 uintptr_t alias_base, uintptr_t ps, uintptr_t pe)
{
    const capheap_chip_t *chip = em->chip;
    const capheap_mem_type_t *t = &chip->types[first->type];
    capheap_region_t r;

    if (pe <= ps || (!em->raw && pe - ps < CAPHEAP_LAYOUT_MIN_REGION))
        return;
    r.chip_start = ps;
    r.size = (size_t)(pe - ps);
    r.start = to_host(em->map, ps);
    if (r.start == 0)
        return;
    for (int p = 0; p < CAPHEAP_PRIORITIES; p++)
        r.caps[p] = t->caps[p];
    r.alias_kind = first->alias_kind;
    r.flags = (uint8_t)region_flags(chip, first);
    r.type = (int16_t)first->type;
    r.name = t->name;
    r.alias = 0;
    if (first->alias_kind == CAPHEAP_ALIAS_LINEAR)
        r.alias = to_host(em->map, alias_base + (ps - s));
    else if (first->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED)
        r.alias = to_host(em->map, alias_base + (e - pe));
    if (first->alias_kind != CAPHEAP_ALIAS_NONE && r.alias == 0)
        return;
    if (em->print)
        capheap_printf(em->print, em->print_ctx, "%sAt %08llX len %08llX (%llu KiB): %s\n",
                       em->prefix, (unsigned long long)r.chip_start, (unsigned long long)r.size,
                       (unsigned long long)(r.size / 1024u), r.name);
    if (em->count < em->max)
        em->out[em->count] = r;
    em->count++;
}

static size_t walk(emitter_t *em_, unsigned select)
{
    emitter_t em = *em_;
    const capheap_chip_t *chip = em.chip;
    size_t res = 0;

    em.raw = (select & CAPHEAP_LAYOUT_RAW) != 0;
    if (!chip)
        return 0;
    for (size_t i = 0; i < chip->region_count;) {
        const capheap_chip_region_t *first = &chip->regions[i];
        size_t j = i + 1;
        if (!em.raw)
            while (j < chip->region_count && continues(chip, &chip->regions[j - 1], &chip->regions[j]))
                j++;
        const capheap_chip_region_t *last = &chip->regions[j - 1];
        uintptr_t s = first->start, e = last->start + last->size;
        uintptr_t alias_base = first->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED ? last->alias
                                                                              : first->alias;
        i = j;
        if (!(region_class(region_flags(chip, first)) & select))
            continue;
        if (em.raw) {
            emit(&em, first, s, e, alias_base, s, e);
            continue;
        }
        /* skip reserved ranges wholly below the run */
        while (res < chip->reserved_count && chip->reserved[res].end <= s)
            res++;
        uintptr_t cursor = s;
        for (size_t k = res; k < chip->reserved_count && chip->reserved[k].start < e; k++) {
            const capheap_reserved_t *rv = &chip->reserved[k];
            if (rv->start > cursor)
                emit(&em, first, s, e, alias_base, cursor, rv->start);
            if (rv->end > cursor)
                cursor = rv->end;
        }
        if (cursor < e)
            emit(&em, first, s, e, alias_base, cursor, e);
    }
    return em.count;
}

size_t capheap_layout_regions(const capheap_chip_t *chip, unsigned select,
                              const capheap_addr_map_t *map,
                              capheap_region_t *out, size_t max)
{
    emitter_t em = { chip, map, out, out ? max : 0, 0, false, "", NULL, NULL };

    return walk(&em, select);
}

void capheap_layout_print(const capheap_chip_t *chip, unsigned select,
                          const char *prefix, capheap_print_fn print, void *ctx)
{
    emitter_t em = { chip, NULL, NULL, 0, 0, false, prefix ? prefix : "", print, ctx };

    walk(&em, select & ~CAPHEAP_LAYOUT_RAW);
}

uintptr_t capheap_region_dram_to_iram(const capheap_region_t *r, uintptr_t dram)
{
    if (!r || dram < r->start || dram - r->start >= r->size)
        return 0;
    switch (r->alias_kind) {
    case CAPHEAP_ALIAS_LINEAR:
        return r->alias + (dram - r->start);
    case CAPHEAP_ALIAS_WORD_REVERSED:
        return r->alias + (r->start + r->size - 4u - (dram & ~(uintptr_t)3)) + (dram & 3u);
    default:
        return 0;
    }
}

uintptr_t capheap_region_iram_to_dram(const capheap_region_t *r, uintptr_t iram)
{
    if (!r || r->alias_kind == CAPHEAP_ALIAS_NONE || iram < r->alias || iram - r->alias >= r->size)
        return 0;
    if (r->alias_kind == CAPHEAP_ALIAS_LINEAR)
        return r->start + (iram - r->alias);
    return r->start + r->size - 4u - ((iram & ~(uintptr_t)3) - r->alias) + (iram & 3u);
}
