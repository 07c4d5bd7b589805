/*
 * Test fixture: a chip's memory simulated on the host and a caps instance
 * over it, with the deferred and run-time regions added the way an
 * application would (run-time regions in table address order, so the last
 * one of the table is the newest and tried first among run-time heaps).
 */
#ifndef CAPS_FIXTURE_H
#define CAPS_FIXTURE_H

#include "capheap/caps.h"
#include "capheap/sim.h"
#include "check.h"
#include "text_sink.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const capheap_chip_t *chip;
    capheap_sim_t *sim;
    capheap_caps_t *caps;
    capheap_caps_config_t cfg;
    void *buffer; /* buffer-backed sim */
} fixture_t;

enum { FX_DEFERRED = 1, FX_RUNTIME = 2, FX_ALL = 3 };

/* Run-time regions (external RAM) are cut to this in a buffer-backed sim. */
#define FX_BUFFER_RUNTIME_MAX (4u << 20)

/*
 * The simulation: mmap at the chip's addresses where the build has it, else
 * (bare metal) or when CAPHEAP_TEST_SIM=buffer, carved out of a malloc'd
 * buffer with run-time regions cut to 4 MiB. f->chip is the chip the sim
 * simulates (the cut copy in buffer mode).
 */
static inline bool fx_sim(fixture_t *f, const capheap_chip_t *chip)
{
    const char *mode = getenv("CAPHEAP_TEST_SIM");
    capheap_err_t e = CAPHEAP_ERR_STATE;
    if (!mode || strcmp(mode, "buffer") != 0)
        e = capheap_sim_create(chip, 0, &f->sim);
    if (e == CAPHEAP_ERR_STATE) {
        size_t need = capheap_sim_bytes_needed(chip, FX_BUFFER_RUNTIME_MAX);
        f->buffer = malloc(need);
        if (!f->buffer)
            return false;
        e = capheap_sim_create_in(chip, f->buffer, need, FX_BUFFER_RUNTIME_MAX, &f->sim);
    }
    if (e != CAPHEAP_OK)
        return false;
    f->chip = capheap_sim_chip(f->sim);
    return true;
}

static inline bool fx_open_cfg(fixture_t *f, const char *chip, unsigned what,
                               const capheap_caps_config_t *base)
{
    memset(f, 0, sizeof *f);
    const capheap_chip_t *table = capheap_chip_find(chip);
    if (!table || !fx_sim(f, table))
        return false;
    if (base)
        f->cfg = *base;
    else
        capheap_caps_config_init(&f->cfg);
    f->cfg.chip = f->chip;
    f->cfg.map = capheap_sim_map(f->sim);
    if (capheap_caps_create_from_chip(&f->cfg, &f->caps) != CAPHEAP_OK)
        return false;
    if ((what & FX_DEFERRED) && capheap_caps_enable_deferred(f->caps) != CAPHEAP_OK)
        return false;
    if (what & FX_RUNTIME) {
        capheap_region_t r[16];
        size_t n = capheap_layout_regions(f->chip, CAPHEAP_LAYOUT_RUNTIME, f->cfg.map, r, 16);
        for (size_t i = 0; i < n && i < 16; i++)
            if (capheap_caps_add_region(f->caps, (void *)r[i].start,
                                        (void *)(r[i].start + r[i].size)) != CAPHEAP_OK)
                return false;
    }
    return true;
}

static inline bool fx_open(fixture_t *f, const char *chip, unsigned what)
{
    return fx_open_cfg(f, chip, what, NULL);
}

static inline void fx_close(fixture_t *f)
{
    capheap_caps_destroy(f->caps);
    capheap_sim_destroy(f->sim);
    free(f->buffer);
    memset(f, 0, sizeof *f);
}

/* Memory type name of the heap holding p ("?" when none). */
static inline const char *fx_type_of(const fixture_t *f, const void *p)
{
    const capheap_caps_heap_t *h = capheap_caps_heap_of(f->caps, p);
    capheap_region_t r;
    if (!h)
        return "?";
    capheap_caps_heap_region(h, &r);
    return r.name ? r.name : "?";
}

/* Chip address of a host pointer. */
static inline uintptr_t fx_chip(const fixture_t *f, const void *p)
{
    return capheap_sim_to_chip(f->sim, p);
}

#endif
