/*
 * esp_ptr_* predicates answered from the chip table of the default
 * instance (see esp_memory_utils.h for the definitions used).
 */
#include "esp_memory_utils.h"

#include "capheap/chip.h"
#include "espidf_internal.h"

/* The chip address of p, false when there is no chip or p is not memory of
 * the simulation. */
static bool chip_addr(const void *p, uintptr_t *out)
{
    if (!espidf_state.chip || !p)
        return false;
    if (espidf_state.sim) {
        uintptr_t c = capheap_sim_to_chip(espidf_state.sim, p);
        if (!c)
            return false;
        *out = c;
        return true;
    }
    *out = (uintptr_t)p;
    return true;
}

static void *to_host(uintptr_t chip_address)
{
    if (espidf_state.sim)
        return capheap_sim_to_host(espidf_state.sim, chip_address);
    return (void *)chip_address;
}

static const capheap_chip_region_t *data_region(uintptr_t a)
{
    int i = capheap_chip_region_at(espidf_state.chip, a);
    return i < 0 ? NULL : &espidf_state.chip->regions[i];
}

/* Region whose instruction view (distinct from its data addresses) holds a. */
static const capheap_chip_region_t *alias_region(uintptr_t a)
{
    int i = capheap_chip_region_at_alias(espidf_state.chip, a);
    if (i < 0)
        return NULL;
    const capheap_chip_region_t *r = &espidf_state.chip->regions[i];
    return r->alias_kind != CAPHEAP_ALIAS_NONE && r->alias != r->start ? r : NULL;
}

static uint32_t caps_of(const capheap_chip_region_t *r)
{
    const capheap_mem_type_t *t = &espidf_state.chip->types[r->type];
    return t->caps[0] | t->caps[1] | t->caps[2];
}

static bool has_separate_alias(const capheap_chip_region_t *r)
{
    return r->alias_kind != CAPHEAP_ALIAS_NONE && r->alias != r->start;
}

bool esp_dram_match_iram(void)
{
    const capheap_chip_t *chip = espidf_state.chip;
    if (!chip)
        return false;
    bool any_diram = false;
    for (size_t i = 0; i < chip->region_count; i++) {
        const capheap_chip_region_t *r = &chip->regions[i];
        uint32_t c = caps_of(r);
        if (!(c & CAPHEAP_CAP_EXEC) || !(c & CAPHEAP_CAP_8BIT))
            continue;
        if (has_separate_alias(r))
            return false;
        any_diram = true;
    }
    return any_diram;
}

bool esp_ptr_executable(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    if (alias_region(a))
        return true;
    const capheap_chip_region_t *r = data_region(a);
    return r && (caps_of(r) & CAPHEAP_CAP_EXEC) && !has_separate_alias(r);
}

bool esp_ptr_in_iram(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    const capheap_chip_region_t *r = alias_region(a);
    if (r)
        return !(caps_of(r) & CAPHEAP_CAP_RTCRAM);
    r = data_region(a);
    return r && (caps_of(r) & CAPHEAP_CAP_EXEC) && !(caps_of(r) & CAPHEAP_CAP_RTCRAM) &&
           !has_separate_alias(r);
}

bool esp_ptr_in_dram(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    const capheap_chip_region_t *r = data_region(a);
    if (!r)
        return false;
    uint32_t c = caps_of(r);
    return (c & CAPHEAP_CAP_8BIT) && (c & CAPHEAP_CAP_INTERNAL) && !(c & CAPHEAP_CAP_RTCRAM);
}

bool esp_ptr_in_diram_dram(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    const capheap_chip_region_t *r = data_region(a);
    return r && r->alias_kind != CAPHEAP_ALIAS_NONE;
}

bool esp_ptr_in_diram_iram(const void *p)
{
    uintptr_t a;
    return chip_addr(p, &a) && alias_region(a) != NULL;
}

bool esp_ptr_in_rtc_iram_fast(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    const capheap_chip_region_t *r = alias_region(a);
    if (r)
        return (caps_of(r) & CAPHEAP_CAP_RTCRAM) != 0;
    r = data_region(a);
    return r && (caps_of(r) & CAPHEAP_CAP_RTCRAM) && (caps_of(r) & CAPHEAP_CAP_EXEC) &&
           !has_separate_alias(r);
}

bool esp_ptr_in_rtc_dram_fast(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    const capheap_chip_region_t *r = data_region(a);
    return r && (caps_of(r) & CAPHEAP_CAP_RTCRAM);
}

void *esp_ptr_diram_dram_to_iram(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a) || (a & 3u))
        return NULL;
    const capheap_chip_region_t *r = data_region(a);
    if (!r || r->alias_kind == CAPHEAP_ALIAS_NONE)
        return NULL;
    uintptr_t i;
    if (r->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED)
        i = r->alias + (r->start + r->size - 4u - a);
    else
        i = r->alias + (a - r->start);
    return to_host(i);
}

void *esp_ptr_diram_iram_to_dram(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a) || (a & 3u))
        return NULL;
    const capheap_chip_region_t *r = alias_region(a);
    if (!r)
        return NULL;
    uintptr_t d;
    if (r->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED)
        d = r->start + r->size - 4u - (a - r->alias);
    else
        d = r->start + (a - r->alias);
    return to_host(d);
}

/* Capability test at the data address of p. */
static bool data_caps(const void *p, uint32_t need)
{
    if (!espidf_state.chip && espidf_state.caps && p) {
        /* an instance without a chip table (init_instance(caps, NULL), the
         * legacy vPortDefineHeapRegionsTagged): the caps of p's heap */
        const capheap_caps_heap_t *h = capheap_caps_heap_of(espidf_state.caps, p);
        return h && (capheap_caps_heap_caps(h) & need) == need;
    }
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    const capheap_chip_region_t *r = data_region(a);
    return r && (caps_of(r) & need) == need;
}

bool esp_ptr_dma_capable(const void *p)
{
    return data_caps(p, CAPHEAP_CAP_DMA);
}

bool esp_ptr_dma_ext_capable(const void *p)
{
    return data_caps(p, CAPHEAP_CAP_DMA | CAPHEAP_CAP_SPIRAM);
}

bool esp_ptr_byte_accessible(const void *p)
{
    return data_caps(p, CAPHEAP_CAP_8BIT);
}

bool esp_ptr_external_ram(const void *p)
{
    return data_caps(p, CAPHEAP_CAP_SPIRAM);
}

bool esp_ptr_internal(const void *p)
{
    uintptr_t a;
    if (!chip_addr(p, &a))
        return false;
    const capheap_chip_region_t *r = alias_region(a);
    if (!r)
        r = data_region(a);
    return r && (caps_of(r) & CAPHEAP_CAP_INTERNAL);
}
