/*
 * Task-tracking tests: a caps instance over two static regions with
 * disjoint capabilities, so that every request lands in a known heap:
 *   "DRAM"   16 KiB  INTERNAL | DEFAULT | 8BIT | 32BIT | DMA
 *   "SPIRAM" 32 KiB  SPIRAM   | DEFAULT | 8BIT | 32BIT
 * (CAPHEAP_CAP_INTERNAL asks for the first only, CAPHEAP_CAP_SPIRAM for the
 * second). Static memory: runs on bare metal as on the host.
 */
#ifndef TASKS_FIXTURE_H
#define TASKS_FIXTURE_H

#include "capheap/caps.h"
#include "capheap/tasks.h"
#include "check.h"
#include "text_sink.h"

#include <string.h>

#define TFX_DRAM_SIZE (16u * 1024u)
#define TFX_SPIRAM_SIZE (32u * 1024u)
#define TFX_INT CAPHEAP_CAP_INTERNAL
#define TFX_EXT CAPHEAP_CAP_SPIRAM

typedef struct {
    capheap_caps_t *caps;
    const capheap_caps_heap_t *dram, *spiram;
    unsigned errors;  /* error hook calls */
} tfx_t;

/* One array: DRAM below SPIRAM, so "address order" is known. */
static _Alignas(64) unsigned char tfx_mem[TFX_DRAM_SIZE + TFX_SPIRAM_SIZE];
#define tfx_dram tfx_mem
#define tfx_spiram (tfx_mem + TFX_DRAM_SIZE)

static inline void tfx_error(void *ctx, capheap_error_reason_t why, const void *where)
{
    (void)why;
    (void)where;
    ((tfx_t *)ctx)->errors++;
}

/* A fresh instance over the two regions (the memory is reused). */
static inline bool tfx_open(tfx_t *f)
{
    memset(f, 0, sizeof *f);
    const uint32_t common = CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT;
    capheap_region_t r[2];
    memset(r, 0, sizeof r);
    r[0].start = r[0].chip_start = (uintptr_t)tfx_dram;
    r[0].size = TFX_DRAM_SIZE;
    r[0].caps[0] = common | CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA;
    r[0].type = -1;
    r[0].name = "DRAM";
    r[1].start = r[1].chip_start = (uintptr_t)tfx_spiram;
    r[1].size = TFX_SPIRAM_SIZE;
    r[1].caps[0] = common | CAPHEAP_CAP_SPIRAM;
    r[1].type = -1;
    r[1].name = "SPIRAM";
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.error_hook = tfx_error;
    cfg.error_ctx = f;
    if (capheap_caps_create(&cfg, r, 2, &f->caps) != CAPHEAP_OK)
        return false;
    f->dram = capheap_caps_heap_of(f->caps, tfx_dram + TFX_DRAM_SIZE - 1);
    f->spiram = capheap_caps_heap_of(f->caps, tfx_spiram + TFX_SPIRAM_SIZE - 1);
    return f->dram && f->spiram && f->dram != f->spiram;
}

/* The owner's figures in one heap (zero when it has no entry there). */
static inline capheap_owner_usage_t tfx_usage(const capheap_caps_heap_t *h, uintptr_t owner)
{
    capheap_owner_usage_t u;
    (void)capheap_caps_heap_owner_usage(h, owner, &u);
    return u;
}

#endif
