/*
 * Queries over chip tables (capheap/chip.h): find by name, which region an
 * address is in, what caps it has, and a sanity check of a table.
 */
#include "capheap/chip.h"

#include <string.h>

const capheap_chip_t *capheap_chip_find(const char *name)
{
    size_t n;
    const capheap_chip_t *const *list = capheap_chip_list(&n);

    if (!name)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i]->name, name) == 0)
            return list[i];
    return NULL;
}

int capheap_chip_region_at(const capheap_chip_t *chip, uintptr_t addr)
{
    size_t lo = 0, hi;

    if (!chip)
        return -1;
    hi = chip->region_count;
    /* first region whose start is above addr; the one before may hold it */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (chip->regions[mid].start <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return -1;
    const capheap_chip_region_t *r = &chip->regions[lo - 1];
    if (addr - r->start < r->size)
        return (int)(lo - 1);
    return -1;
}

int capheap_chip_region_at_alias(const capheap_chip_t *chip, uintptr_t addr)
{
    if (!chip)
        return -1;
    for (size_t i = 0; i < chip->region_count; i++) {
        const capheap_chip_region_t *r = &chip->regions[i];
        if (r->alias_kind != CAPHEAP_ALIAS_NONE && addr >= r->alias &&
            addr - r->alias < r->size)
            return (int)i;
    }
    return -1;
}

uint32_t capheap_chip_caps_at(const capheap_chip_t *chip, uintptr_t addr)
{
    int i = capheap_chip_region_at(chip, addr);

    if (i < 0)
        i = capheap_chip_region_at_alias(chip, addr);
    if (i < 0)
        return 0;
    const capheap_mem_type_t *t = &chip->types[chip->regions[i].type];
    return t->caps[0] | t->caps[1] | t->caps[2];
}

capheap_err_t capheap_chip_validate(const capheap_chip_t *chip,
                                    capheap_print_fn print, void *ctx)
{
    if (!chip || !chip->name || !chip->types || chip->type_count == 0 ||
        (chip->region_count && !chip->regions) || (chip->reserved_count && !chip->reserved)) {
        capheap_printf(print, ctx, "chip table: missing name, types or tables\n");
        return CAPHEAP_ERR_INVALID_ARG;
    }
    for (size_t t = 0; t < chip->type_count; t++) {
        const capheap_mem_type_t *mt = &chip->types[t];
        if (!mt->name || !(mt->caps[0] | mt->caps[1] | mt->caps[2])) {
            capheap_printf(print, ctx, "%s: type %zu has no name or no caps\n", chip->name, t);
            return CAPHEAP_ERR_INVALID_ARG;
        }
    }
    for (size_t i = 0; i < chip->region_count; i++) {
        const capheap_chip_region_t *r = &chip->regions[i];
        if (r->type >= chip->type_count || r->size == 0 || r->start == 0 ||
            r->start + r->size - 1 < r->start) {
            capheap_printf(print, ctx, "%s: region %zu: bad type, size or range\n", chip->name, i);
            return CAPHEAP_ERR_INVALID_ARG;
        }
        if (i > 0 && chip->regions[i - 1].start + chip->regions[i - 1].size > r->start) {
            capheap_printf(print, ctx, "%s: region %zu not sorted or overlaps the previous\n",
                           chip->name, i);
            return CAPHEAP_ERR_INVALID_ARG;
        }
        bool has_alias = r->alias_kind != CAPHEAP_ALIAS_NONE;
        if (r->alias_kind > CAPHEAP_ALIAS_WORD_REVERSED || has_alias != (r->alias != 0) ||
            ((chip->types[r->type].flags & CAPHEAP_MT_DIRAM) && !has_alias) ||
            (r->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED && ((r->start | r->size | r->alias) & 3u))) {
            capheap_printf(print, ctx, "%s: region %zu: inconsistent alias\n", chip->name, i);
            return CAPHEAP_ERR_INVALID_ARG;
        }
    }
    for (size_t i = 0; i < chip->reserved_count; i++) {
        const capheap_reserved_t *r = &chip->reserved[i];
        if (r->end <= r->start || (i > 0 && chip->reserved[i - 1].end > r->start)) {
            capheap_printf(print, ctx, "%s: reserved range %zu empty, unsorted or overlapping\n",
                           chip->name, i);
            return CAPHEAP_ERR_INVALID_ARG;
        }
    }
    return CAPHEAP_OK;
}
