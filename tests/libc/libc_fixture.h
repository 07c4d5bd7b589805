/*
 * Shared by the libc tests: an instance over a static arena (no mmap, so it
 * runs on bare metal too) made the malloc family's instance, and an error
 * hook that counts reports.
 */
#ifndef CAPHEAP_TEST_LIBC_FIXTURE_H
#define CAPHEAP_TEST_LIBC_FIXTURE_H

#include "capheap_malloc.h"
#include "check.h"

#include <string.h>

#define LIBC_ARENA_SIZE ((size_t)1 << 20)
#define LIBC_RAM_CAPS (CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_8BIT | \
                       CAPHEAP_CAP_32BIT)

typedef struct {
    capheap_caps_t *caps;
    int errors;                     /* reports of the error hook */
    capheap_error_reason_t last;
} libc_fx_t;

static void libc_fx_err(void *ctx, capheap_error_reason_t why, const void *where)
{
    libc_fx_t *f = (libc_fx_t *)ctx;
    (void)where;
    f->errors++;
    f->last = why;
}

static inline capheap_region_t libc_fx_region(void *mem, size_t size)
{
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = (uintptr_t)mem;
    r.chip_start = (uintptr_t)mem;
    r.size = size;
    r.caps[0] = LIBC_RAM_CAPS;
    r.type = -1;
    return r;
}

/* Creates the instance over [mem, mem+size) and makes it malloc's. */
static inline bool libc_fx_open(libc_fx_t *f, void *mem, size_t size)
{
    memset(f, 0, sizeof *f);
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.error_hook = libc_fx_err;
    cfg.error_ctx = f;
    capheap_region_t r = libc_fx_region(mem, size);
    if (capheap_caps_create(&cfg, &r, 1, &f->caps) != CAPHEAP_OK)
        return false;
    capheap_malloc_set_instance(f->caps);
    return true;
}

static inline void libc_fx_close(libc_fx_t *f)
{
    capheap_malloc_set_instance(NULL);
    capheap_malloc_set_grow(NULL, NULL);
    capheap_caps_destroy(f->caps);
    f->caps = NULL;
}

static inline size_t libc_fx_free(const libc_fx_t *f)
{
    return capheap_caps_get_free_size(f->caps, 0);
}

#endif
