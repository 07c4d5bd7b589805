/* capheap engine over a static region (the bench's main subject). */
#include "alloc.h"

#include "capheap/heap.h"

#include <stdio.h>
#include <string.h>

#ifndef BENCH_MAX_REGION
#define BENCH_MAX_REGION (4u << 20)
#endif

static _Alignas(64) unsigned char region_buf[BENCH_MAX_REGION];

static void *cap_init(size_t region)
{
    if (region > sizeof region_buf)
        return NULL;
    memset(region_buf, 0, region); /* fault the pages in outside the timed loop */
    return capheap_heap_create(region_buf, region);
}

static void *cap_malloc(void *ctx, size_t n) { return capheap_heap_malloc(ctx, n); }
static void cap_free(void *ctx, void *p) { capheap_heap_free(ctx, p); }
static void *cap_realloc(void *ctx, void *p, size_t n) { return capheap_heap_realloc(ctx, p, n); }

static void *cal_malloc(void *ctx, size_t n) { return bench_ret_p_ps(ctx, n); }
static void cal_free(void *ctx, void *p) { bench_ret_v_pp(ctx, p); }
static void *cal_realloc(void *ctx, void *p, size_t n) { return bench_ret_p_pps(ctx, p, n); }

static size_t cap_usable(void *ctx, void *p) { return capheap_heap_usable_size(ctx, p); }
static size_t cap_free_bytes(void *ctx) { return capheap_heap_free_size(ctx); }

static const char *cap_describe(void)
{
    static char text[128];
    snprintf(text, sizeof text, "capheap engine, CAPHEAP_ALIGNMENT=%u, SL_LOG2=%u, CHECKS=%u, %u-bit",
             (unsigned)CAPHEAP_ALIGNMENT, (unsigned)CAPHEAP_SL_LOG2, (unsigned)CAPHEAP_CHECKS,
             (unsigned)(8 * sizeof(void *)));
    return text;
}

const bench_alloc_t bench_alloc = {
    .name = "capheap",
    .bounded = true,
    .init = cap_init,
    .calls = { cap_malloc, cap_free, cap_realloc },
    .calib = { cal_malloc, cal_free, cal_realloc },
    .usable = cap_usable,
    .free_bytes = cap_free_bytes,
    .describe = cap_describe,
};
