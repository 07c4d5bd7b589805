/*
 * WM IoT SDK heap API over a caps instance of the w800 chip table.
 *
 * Block layout: [record | caller's bytes]. The record (wm_rec_t, padded to a
 * multiple of 8 so the caller's bytes stay 8-byte aligned) links every live
 * block into one circular list (O(1) insert and remove) and keeps what the
 * SDK keeps in its block header: caps, size, file, line. `check` is the
 * record's own address mixed with a constant while the block is live and 0
 * once freed: a pointer whose record does not carry it is not a live block.
 * The list lock is never held while a heap lock is taken.
 */
#include <stdio.h>
#include <string.h>

#include "capheap/layout.h"
#include "capheap/port.h"
#include "capheap/sim.h"
#include "wm_heap.h"

#define WM_ALIGN 8u
#define WM_REC_MAGIC ((uintptr_t)0x57A1B10Cu)

typedef struct wm_rec {
    struct wm_rec *next, *prev;
    const char *file;
    size_t size;      /* bytes asked */
    uintptr_t check;  /* live: (uintptr_t)this ^ WM_REC_MAGIC; freed: 0 */
    int32_t line;
    uint32_t caps;    /* WM caps as asked (0 already made DEFAULT) */
} wm_rec_t;

#define WM_REC_SIZE ((sizeof(wm_rec_t) + WM_ALIGN - 1u) & ~(size_t)(WM_ALIGN - 1u))

#define WM_ALL_CAPS                                                                    \
    ((uint32_t)WM_HEAP_CAP_DEFAULT | (uint32_t)WM_HEAP_CAP_INTERNAL |                  \
     (uint32_t)WM_HEAP_CAP_SPIRAM | (uint32_t)WM_HEAP_CAP_EXEC | (uint32_t)WM_HEAP_CAP_SHARED)

static struct {
    capheap_caps_t *caps;
    const capheap_chip_t *chip;
    capheap_sim_t *sim;
    bool psram;                      /* PSRAM appended */
    const capheap_lock_ops_t *lock_ops;
    bool lock_ok;
    capheap_lock_t lock;             /* guards the list and the two sums */
    wm_rec_t live;                   /* list head (a sentinel) */
    size_t live_count, live_bytes;
} s_wm;

/* ---------------------------------------------------------------- output */

static void stdout_sink(void *ctx, const char *text)
{
    (void)ctx;
    fputs(text, stdout);
}

static capheap_print_fn s_print = stdout_sink;
static void *s_print_ctx;
static capheap_error_fn s_error_hook;
static void *s_error_ctx;

void capheap_wm_set_print(capheap_print_fn print, void *ctx)
{
    s_print = print ? print : stdout_sink;
    s_print_ctx = print ? ctx : NULL;
}

void capheap_wm_set_error_hook(capheap_error_fn hook, void *ctx)
{
    s_error_hook = hook;
    s_error_ctx = hook ? ctx : NULL;
}

static void print_trampoline(void *ctx, const char *text)
{
    (void)ctx;
    s_print(s_print_ctx, text);
}

static void report(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    if (s_error_hook) {
        s_error_hook(s_error_ctx, reason, where);
        return;
    }
    capheap_printf(s_print, s_print_ctx, "wm_heap: %s at %p\r\n",
                   capheap_error_reason_str(reason), where);
}

/* --------------------------------------------------------------- the list */

static void list_lock(void)
{
    if (s_wm.lock_ok)
        s_wm.lock_ops->acquire(s_wm.lock_ops->ctx, &s_wm.lock);
}

static void list_unlock(void)
{
    if (s_wm.lock_ok)
        s_wm.lock_ops->release(s_wm.lock_ops->ctx, &s_wm.lock);
}

static void list_insert(wm_rec_t *r)
{
    list_lock();
    r->check = (uintptr_t)r ^ WM_REC_MAGIC;
    r->next = s_wm.live.next;
    r->prev = &s_wm.live;
    s_wm.live.next->prev = r;
    s_wm.live.next = r;
    s_wm.live_count++;
    s_wm.live_bytes += r->size;
    list_unlock();
}

/* The record of the caller's pointer p if p is a live block, else NULL
 * (without touching memory outside the heaps). */
static wm_rec_t *record_of(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (a < WM_REC_SIZE || (a & (WM_ALIGN - 1u)))
        return NULL;
    wm_rec_t *r = (wm_rec_t *)(a - WM_REC_SIZE);
    if (!capheap_caps_heap_of(s_wm.caps, r) || capheap_caps_heap_of(s_wm.caps, r) !=
                                                   capheap_caps_heap_of(s_wm.caps, p))
        return NULL;
    return r;
}

/* Unlinks r if it is live; false otherwise (the caller reports). */
static bool list_remove(wm_rec_t *r)
{
    list_lock();
    bool live = r->check == ((uintptr_t)r ^ WM_REC_MAGIC);
    if (live) {
        r->prev->next = r->next;
        r->next->prev = r->prev;
        r->check = 0;
        s_wm.live_count--;
        s_wm.live_bytes -= r->size;
    }
    list_unlock();
    return live;
}

/* ------------------------------------------------------------------ setup */

capheap_caps_t *capheap_wm_instance(void)
{
    return s_wm.caps;
}

void wm_heap_init(void)
{
    if (s_wm.caps)
        return;
    const capheap_chip_t *chip = &capheap_chip_w800;
    capheap_sim_t *sim = NULL;
    capheap_err_t e = capheap_sim_create(chip, 0, &sim);
    if (e == CAPHEAP_ERR_STATE) { /* no simulation: the table is real memory */
        sim = NULL;
        e = CAPHEAP_OK;
    }
    if (e != CAPHEAP_OK) {
        capheap_printf(s_print, s_print_ctx, "wm_heap: cannot simulate the w800 (error %d)\r\n",
                       (int)e);
        return;
    }
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = chip;
    cfg.map = sim ? capheap_sim_map(sim) : NULL;
    cfg.error_hook = report;
    cfg.print = print_trampoline;
    capheap_caps_t *caps = NULL;
    e = capheap_caps_create_from_chip(&cfg, &caps);
    if (e != CAPHEAP_OK) {
        capheap_printf(s_print, s_print_ctx, "wm_heap: cannot create the heap (error %d)\r\n",
                       (int)e);
        capheap_sim_destroy(sim);
        return;
    }
    s_wm.lock_ops = capheap_port_lock_default();
    memset(&s_wm.lock, 0, sizeof s_wm.lock);
    s_wm.lock_ok = s_wm.lock_ops->init(s_wm.lock_ops->ctx, &s_wm.lock);
    s_wm.live.next = s_wm.live.prev = &s_wm.live;
    s_wm.chip = chip;
    s_wm.sim = sim;
    s_wm.caps = caps;
}

/* Whether name is a memory type of the chip; *runtime: it joins at run time. */
static bool find_type(const char *name, bool *runtime)
{
    for (size_t i = 0; i < s_wm.chip->type_count; i++) {
        if (strcmp(s_wm.chip->types[i].name, name) == 0) {
            *runtime = (s_wm.chip->types[i].flags & CAPHEAP_MT_RUNTIME) != 0;
            return true;
        }
    }
    return false;
}

int wm_heap_append_to_heap(const char *mem_name)
{
    if (!mem_name)
        return WM_ERR_INVALID_PARAM;
    if (!s_wm.caps)
        return WM_ERR_NO_INITED;
    bool runtime = false;
    if (!find_type(mem_name, &runtime))
        return WM_ERR_INVALID_PARAM;
    if (!runtime || s_wm.psram)
        return WM_ERR_SUCCESS; /* already part of the heap */
    const capheap_addr_map_t *map = s_wm.sim ? capheap_sim_map(s_wm.sim) : NULL;
    capheap_region_t regions[4];
    size_t n = capheap_layout_regions(s_wm.chip, CAPHEAP_LAYOUT_RUNTIME, map, regions, 4);
    if (n > 4)
        n = 4;
    bool added = false;
    for (size_t i = 0; i < n; i++) {
        if (!regions[i].name || strcmp(regions[i].name, mem_name) != 0)
            continue;
        if (capheap_caps_add_region_desc(s_wm.caps, &regions[i]) != CAPHEAP_OK)
            return WM_ERR_FAILED;
        added = true;
    }
    if (!added)
        return WM_ERR_FAILED;
    s_wm.psram = true;
    return WM_ERR_SUCCESS;
}

/* ------------------------------------------------------------ allocation */

static uint32_t to_capheap(uint32_t wm)
{
    uint32_t c = 0;
    if (wm & (uint32_t)WM_HEAP_CAP_DEFAULT)
        c |= CAPHEAP_CAP_DEFAULT;
    if (wm & (uint32_t)WM_HEAP_CAP_INTERNAL)
        c |= CAPHEAP_CAP_INTERNAL;
    if (wm & (uint32_t)WM_HEAP_CAP_SPIRAM)
        c |= CAPHEAP_CAP_SPIRAM;
    if (wm & (uint32_t)WM_HEAP_CAP_EXEC)
        c |= CAPHEAP_CAP_EXEC;
    if (wm & (uint32_t)WM_HEAP_CAP_SHARED)
        c |= CAPHEAP_CAP_DMA;
    return c;
}

static void *alloc_rec(size_t size, uint32_t wm_caps, const char *file, int line)
{
    if (!s_wm.caps || size == 0 || size > SIZE_MAX - WM_REC_SIZE)
        return NULL;
    if (wm_caps == 0)
        wm_caps = (uint32_t)WM_HEAP_CAP_DEFAULT;
    if (wm_caps & ~WM_ALL_CAPS)
        return NULL; /* WM_HEAP_CAP_INVALID or unknown bits */
    uint32_t caps = to_capheap(wm_caps);
    wm_rec_t *r = CAPHEAP_ALIGNMENT >= WM_ALIGN
                      ? capheap_caps_malloc(s_wm.caps, WM_REC_SIZE + size, caps)
                      : capheap_caps_aligned_alloc(s_wm.caps, WM_ALIGN, WM_REC_SIZE + size, caps);
    if (!r)
        return NULL;
    r->file = file;
    r->line = line;
    r->size = size;
    r->caps = wm_caps;
    list_insert(r);
    return (uint8_t *)r + WM_REC_SIZE;
}

void *(wm_heap_caps_alloc_tracing)(size_t size, wm_heap_cap_type_t caps, const char *file,
                                   int line)
{
    return alloc_rec(size, (uint32_t)caps, file, line);
}

void *(wm_heap_caps_alloc)(size_t size, wm_heap_cap_type_t caps)
{
    return alloc_rec(size, (uint32_t)caps, NULL, -1);
}

void *wm_heap_caps_calloc(size_t n, size_t size, wm_heap_cap_type_t caps)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    void *p = alloc_rec(n * size, (uint32_t)caps, NULL, -1);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void wm_heap_caps_free(void *p)
{
    if (!p || !s_wm.caps)
        return;
    wm_rec_t *r = record_of(p);
    if (!r) {
        report(NULL, capheap_caps_heap_of(s_wm.caps, p) ? CAPHEAP_E_BAD_HEADER
                                                          : CAPHEAP_E_NOT_OWNED, p);
        return;
    }
    if (!list_remove(r)) {
        report(NULL, CAPHEAP_E_DOUBLE_FREE, p);
        return;
    }
    capheap_caps_free(s_wm.caps, r);
}

static void *realloc_rec(void *old, size_t new_size, uint32_t wm_caps, const char *file,
                         int line)
{
    if (!old)
        return alloc_rec(new_size, wm_caps, file, line);
    if (new_size == 0) {
        wm_heap_caps_free(old);
        return NULL;
    }
    if (!s_wm.caps)
        return NULL;
    wm_rec_t *r = record_of(old);
    list_lock();
    bool live = r && r->check == ((uintptr_t)r ^ WM_REC_MAGIC);
    size_t old_size = live ? r->size : 0;
    uint32_t old_caps = live ? r->caps : 0;
    list_unlock();
    if (!live) {
        report(NULL, CAPHEAP_E_BAD_HEADER, old);
        return NULL;
    }
    void *p = alloc_rec(new_size, wm_caps ? wm_caps : old_caps, file, line);
    if (!p)
        return NULL;
    memcpy(p, old, old_size < new_size ? old_size : new_size);
    wm_heap_caps_free(old);
    return p;
}

void *(wm_heap_caps_realloc_tracing)(void *old_mem, size_t new_size, wm_heap_cap_type_t caps,
                                     const char *file, int line)
{
    return realloc_rec(old_mem, new_size, (uint32_t)caps, file, line);
}

void *(wm_heap_caps_realloc)(void *old_mem, size_t new_size, wm_heap_cap_type_t caps)
{
    return realloc_rec(old_mem, new_size, (uint32_t)caps, NULL, -1);
}

/* ------------------------------------------------------------- statistics */

size_t wm_heap_get_free_size(void)
{
    return s_wm.caps ? capheap_caps_get_free_size(s_wm.caps, 0) : 0;
}

size_t wm_heap_get_minimum_ever_free_size(void)
{
    return s_wm.caps ? capheap_caps_get_minimum_free_size(s_wm.caps, 0) : 0;
}

static void print_kb(const char *label, size_t n)
{
    unsigned long whole = (unsigned long)(n / 1024u);
    unsigned long frac = (unsigned long)((n % 1024u) * 100u / 1024u);
    capheap_printf(s_print, s_print_ctx, "%s %lu (%lu.%02lu KB)", label, (unsigned long)n,
                   whole, frac);
}

void wm_heap_print_stats(void)
{
    capheap_printf(s_print, s_print_ctx, "heap:");
    print_kb(" free", wm_heap_get_free_size());
    print_kb(", minimum", wm_heap_get_minimum_ever_free_size());
    capheap_printf(s_print, s_print_ctx, "\r\n");
    if (!s_wm.caps)
        return;
    const capheap_caps_heap_t *h;
    for (size_t i = 0; (h = capheap_caps_heap_at(s_wm.caps, i)) != NULL; i++) {
        capheap_region_t reg;
        capheap_heap_info_t info;
        capheap_caps_heap_region(h, &reg);
        capheap_caps_heap_get_info(h, &info);
        capheap_printf(s_print, s_print_ctx, "    %-8s free %-8lu minimum %lu\r\n",
                       reg.name ? reg.name : "?", (unsigned long)info.total_free_bytes,
                       (unsigned long)info.minimum_free_bytes);
    }
}

void wm_heap_print_tracing(void *p)
{
    /* The list is printed under its lock (allocations and frees wait). */
    list_lock();
    size_t index = 0;
    if (s_wm.caps) {
        for (wm_rec_t *r = s_wm.live.prev; r != &s_wm.live; r = r->prev) {
            capheap_printf(s_print, s_print_ctx, "%lu\t%p\t%s:%ld\t%lu\r\n",
                           (unsigned long)index++, (void *)((uint8_t *)r + WM_REC_SIZE),
                           r->file ? r->file : "-", (long)r->line, (unsigned long)r->size);
        }
    }
    capheap_printf(s_print, s_print_ctx, "summary: malloc size %lu, malloc count %lu\r\n",
                   (unsigned long)s_wm.live_bytes, (unsigned long)s_wm.live_count);
    list_unlock();
    if (!p)
        return;
    wm_rec_t *r = s_wm.caps ? record_of(p) : NULL;
    list_lock();
    bool live = r && r->check == ((uintptr_t)r ^ WM_REC_MAGIC);
    if (live)
        capheap_printf(s_print, s_print_ctx, "block %p in %s:%ld size %lu\r\n", p,
                       r->file ? r->file : "-", (long)r->line, (unsigned long)r->size);
    else
        capheap_printf(s_print, s_print_ctx, "%p is not a live block\r\n", p);
    list_unlock();
    wm_heap_print_stats();
}
