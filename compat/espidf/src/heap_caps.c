/*
 * ESP-IDF heap_caps_* API: a thin layer over capheap's native caps
 * allocator (capheap/caps.h) and the default instance.
 *
 * What this layer adds to the native calls: ESP-IDF's answers for size 0
 * (NULL, no callback), the failed-allocation callback with ESP-IDF's
 * function names, the variadic _prefer forms, esp_err_t codes, per-heap walk
 * semantics (a false return skips the rest of that heap only) and
 * ESP-IDF's text for dumps.
 */
#include <stdarg.h>
#include <string.h>

#include "capheap/port.h"
#include "espidf_internal.h"
#include "../../../src/caps/caps_internal.h" /* the native fast paths, inline */
#include "poison.h"
#include "esp_heap_caps_init.h"

#ifndef CAPHEAP_ESPIDF_ABORT_WHEN_ALLOCATION_FAILS
#define CAPHEAP_ESPIDF_ABORT_WHEN_ALLOCATION_FAILS 0
#endif

/* The values are the same bits by design; keep them so. */
_Static_assert(MALLOC_CAP_EXEC == (1u << 0) && MALLOC_CAP_32BIT == (1u << 1) &&
               MALLOC_CAP_8BIT == (1u << 2) && MALLOC_CAP_DMA == (1u << 3) &&
               MALLOC_CAP_SPIRAM == (1u << 10) && MALLOC_CAP_INTERNAL == (1u << 11) &&
               MALLOC_CAP_DEFAULT == (1u << 12) && MALLOC_CAP_IRAM_8BIT == (1u << 13) &&
               MALLOC_CAP_RETENTION == (1u << 14) && MALLOC_CAP_RTCRAM == (1u << 15) &&
               MALLOC_CAP_SPM == (1u << 16) && MALLOC_CAP_DMA_DESC_AHB == (1u << 17) &&
               MALLOC_CAP_DMA_DESC_AXI == (1u << 18) &&
               MALLOC_CAP_CACHE_ALIGNED == (1u << 19) && MALLOC_CAP_SIMD == (1u << 20) &&
               MALLOC_CAP_INVALID == (1u << 31),
               "MALLOC_CAP_* must keep ESP-IDF's values");
_Static_assert(sizeof(multi_heap_info_t) == sizeof(capheap_heap_info_t),
               "multi_heap_info_t and capheap_heap_info_t hold the same fields");

#define CAPS() (espidf_state.caps)

/* heap_caps_malloc and heap_caps_free run the native fast paths inline
 * (the same code as capheap_caps_malloc/free) on espidf_state's fast-path
 * instances, except in the builds whose public caps functions record each
 * call (tracing, Valgrind and ASan annotations: src/debug/trace_caps_begin.h),
 * which must be called. */
#define ESPIDF_INLINE_FAST (!CAPS_CALLS_RECORDED)

/* ------------------------------------------------------------ failures */

static esp_alloc_failed_hook_t s_failed_cb;

esp_err_t heap_caps_register_failed_alloc_callback(esp_alloc_failed_hook_t callback)
{
    if (!callback)
        return ESP_ERR_INVALID_ARG;
    s_failed_cb = callback;
    espidf_update_quiet();
    return ESP_OK;
}

void espidf_update_quiet(void)
{
    espidf_state.quiet_caps = !CAPHEAP_ESPIDF_ABORT_WHEN_ALLOCATION_FAILS && !s_failed_cb && espidf_state.caps
                                  ? espidf_state.caps
                                  : &espidf_idle;
}

static void alloc_failed(size_t size, uint32_t caps, const char *function_name)
{
    esp_alloc_failed_hook_t cb = s_failed_cb;
    if (cb)
        cb(size, caps, function_name);
#if CAPHEAP_ESPIDF_ABORT_WHEN_ALLOCATION_FAILS
    capheap_port_abort("Memory allocation failed");
#endif
}

static bool is_pow2(size_t x)
{
    return x != 0 && (x & (x - 1u)) == 0;
}

/* n*size, or false on overflow. */
static bool mul_ok(size_t n, size_t size, size_t *out)
{
    if (size != 0 && n > SIZE_MAX / size)
        return false;
    *out = n * size;
    return true;
}

/* ------------------------------------------------------------ allocation */

/* Allocation without the callback (the building block of every entry). */
static void *malloc_base(size_t size, uint32_t caps)
{
    if (size == 0 || !CAPS())
        return NULL;
    return capheap_caps_malloc(CAPS(), size, caps);
}

static void *realloc_base(void *ptr, size_t size, uint32_t caps)
{
    if (!ptr)
        return malloc_base(size, caps);
    if (size == 0) {
        heap_caps_free(ptr);
        return NULL;
    }
    if (!CAPS()) {
        /* nothing is owned yet: report it like any foreign pointer */
        espidf_error_trampoline(NULL, CAPHEAP_E_NOT_OWNED, ptr);
        return NULL;
    }
    return capheap_caps_realloc(CAPS(), ptr, size, caps);
}

static void *calloc_base(size_t n, size_t size, uint32_t caps, size_t *total)
{
    if (!mul_ok(n, size, total)) {
        *total = SIZE_MAX; /* reported to the callback as "impossible" */
        return NULL;
    }
    if (*total == 0 || !CAPS())
        return NULL;
    return capheap_caps_calloc(CAPS(), n, size, caps);
}

/* heap_caps_malloc when a failure has to be reported (a callback is
 * registered, or failures abort) or the call is answered here. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void *malloc_reported(size_t size, uint32_t caps)
{
    void *p = malloc_base(size, caps);
    if (!p && size > 0)
        alloc_failed(size, caps, "heap_caps_malloc");
    return p;
}

#if ESPIDF_INLINE_FAST
/* The fast path's way out: the stand-in instance (not initialised, or a
 * failure has to be reported) or the general path of the real one. */
static void *malloc_miss(struct capheap_caps *c, size_t size, uint32_t caps, caps_heap_t *h)
{
    if (c == &espidf_idle)
        return malloc_reported(size, caps);
    return caps_malloc_first(c, size, caps, h);
}

static void free_miss(struct capheap_caps *c, void *ptr)
{
    if (c != &espidf_idle)
        caps_free_slow(c, ptr);
    else if (ptr)
        espidf_error_trampoline(NULL, CAPHEAP_E_NOT_OWNED, ptr); /* nothing is owned yet */
}
#endif

void *heap_caps_malloc(size_t size, uint32_t caps)
{
    /* The native fast path inline when nothing has to follow a failure
     * (quiet_caps is the stand-in otherwise, which turns it away). */
    if (size == 0)
        return NULL; /* as ESP-IDF: no block, no callback */
#if ESPIDF_INLINE_FAST
    return caps_malloc_fast_then(espidf_state.quiet_caps, size, caps, malloc_miss);
#else
    /* one shape whatever the failure policy: the traced caller of
     * capheap_caps_malloc is always malloc_base */
    return malloc_reported(size, caps);
#endif
}

void heap_caps_free(void *ptr)
{
#if ESPIDF_INLINE_FAST
    caps_free_fast_then(espidf_state.free_caps, ptr, free_miss);
#else
    capheap_caps_t *c = CAPS();
    if (c) {
        capheap_caps_free(c, ptr); /* NULL: nothing, as ESP-IDF */
        return;
    }
    if (ptr)
        espidf_error_trampoline(NULL, CAPHEAP_E_NOT_OWNED, ptr);
#endif
}

void heap_caps_aligned_free(void *ptr)
{
    heap_caps_free(ptr);
}

void *heap_caps_realloc(void *ptr, size_t size, uint32_t caps)
{
    void *p = realloc_base(ptr, size, caps);
    if (!p && size > 0)
        alloc_failed(size, caps, __func__);
    return p;
}

void *heap_caps_calloc(size_t n, size_t size, uint32_t caps)
{
    size_t total = 0;
    void *p = calloc_base(n, size, caps, &total);
    if (!p && total > 0)
        alloc_failed(total, caps, __func__);
    return p;
}

/*
 * Aligned allocation (zeroed when n > 0: aligned calloc of n * size).
 * Works around a native issue: an alignment up to CAPHEAP_ALIGNMENT is not
 * passed on to EXEC blocks taken from a word-reversed D/IRAM alias (ESP32),
 * which are only word aligned. A misaligned result is given back and the
 * request repeated with an alignment above CAPHEAP_ALIGNMENT (a multiple of
 * the one asked), which the native layer honours (it skips such heaps).
 */
static void *aligned_base(size_t alignment, size_t n, size_t size, uint32_t caps)
{
    void *p = n ? capheap_caps_aligned_calloc(CAPS(), alignment, n, size, caps)
                : capheap_caps_aligned_alloc(CAPS(), alignment, size, caps);
    if (p && ((uintptr_t)p & (alignment - 1u)) != 0) {
        capheap_caps_free(CAPS(), p);
        size_t a = alignment > 2u * (size_t)CAPHEAP_ALIGNMENT ? alignment
                                                               : 2u * (size_t)CAPHEAP_ALIGNMENT;
        p = n ? capheap_caps_aligned_calloc(CAPS(), a, n, size, caps)
              : capheap_caps_aligned_alloc(CAPS(), a, size, caps);
    }
    return p;
}

void *heap_caps_aligned_alloc(size_t alignment, size_t size, uint32_t caps)
{
    void *p = NULL;
    if (size == 0)
        return NULL;
    if (is_pow2(alignment) && CAPS())
        p = aligned_base(alignment, 0, size, caps);
    if (!p)
        alloc_failed(size, caps, __func__);
    return p;
}

void *heap_caps_aligned_calloc(size_t alignment, size_t n, size_t size, uint32_t caps)
{
    size_t total;
    void *p = NULL;
    if (!mul_ok(n, size, &total)) {
        alloc_failed(SIZE_MAX, caps, __func__);
        return NULL;
    }
    if (total == 0)
        return NULL;
    if (is_pow2(alignment) && CAPS())
        p = aligned_base(alignment, n, size, caps);
    if (!p)
        alloc_failed(total, caps, __func__);
    return p;
}

void *heap_caps_malloc_prefer(size_t size, size_t num, ...)
{
    va_list ap;
    va_start(ap, num);
    void *p = NULL;
    uint32_t caps = MALLOC_CAP_DEFAULT;
    while (num--) {
        caps = va_arg(ap, uint32_t);
        p = malloc_base(size, caps);
        if (p || size == 0)
            break;
    }
    va_end(ap);
    if (!p && size > 0)
        alloc_failed(size, caps, __func__);
    return p;
}

void *heap_caps_realloc_prefer(void *ptr, size_t size, size_t num, ...)
{
    va_list ap;
    va_start(ap, num);
    void *p = NULL;
    uint32_t caps = MALLOC_CAP_DEFAULT;
    while (num--) {
        caps = va_arg(ap, uint32_t);
        p = realloc_base(ptr, size, caps);
        if (p || size == 0)
            break;
    }
    va_end(ap);
    if (!p && size > 0)
        alloc_failed(size, caps, __func__);
    return p;
}

void *heap_caps_calloc_prefer(size_t n, size_t size, size_t num, ...)
{
    va_list ap;
    va_start(ap, num);
    void *p = NULL;
    size_t total;
    if (!mul_ok(n, size, &total))
        total = SIZE_MAX; /* every try fails; reported as "impossible" */
    uint32_t caps = MALLOC_CAP_DEFAULT;
    while (num--) {
        caps = va_arg(ap, uint32_t);
        size_t t;
        p = calloc_base(n, size, caps, &t);
        if (p || total == 0 || total == SIZE_MAX)
            break;
    }
    va_end(ap);
    if (!p && total > 0)
        alloc_failed(total, caps, __func__);
    return p;
}

void *heap_caps_malloc_default(size_t size)
{
    if (size == 0)
        return NULL;
    void *p = CAPS() ? capheap_caps_malloc_default(CAPS(), size) : NULL;
    if (!p) {
        if (espidf_extmem_limit == SIZE_MAX)
            alloc_failed(size, MALLOC_CAP_DEFAULT | MALLOC_CAP_INTERNAL, "heap_caps_malloc");
        else
            alloc_failed(size, MALLOC_CAP_DEFAULT, __func__);
    }
    return p;
}

void *heap_caps_realloc_default(void *ptr, size_t size)
{
    if (!ptr)
        return heap_caps_malloc_default(size);
    if (size == 0) {
        heap_caps_free(ptr);
        return NULL;
    }
    void *p;
    if (CAPS()) {
        p = capheap_caps_realloc_default(CAPS(), ptr, size);
    } else {
        espidf_error_trampoline(NULL, CAPHEAP_E_NOT_OWNED, ptr);
        p = NULL;
    }
    if (!p) {
        if (espidf_extmem_limit == SIZE_MAX)
            alloc_failed(size, MALLOC_CAP_DEFAULT | MALLOC_CAP_INTERNAL, "heap_caps_realloc");
        else
            alloc_failed(size, MALLOC_CAP_DEFAULT, __func__);
    }
    return p;
}

void heap_caps_malloc_extmem_enable(size_t limit)
{
    espidf_extmem_limit = limit;
    if (CAPS())
        capheap_caps_malloc_extmem_enable(CAPS(), limit);
}

size_t heap_caps_get_allocated_size(void *ptr)
{
    if (!ptr || !CAPS())
        return 0;
    return capheap_caps_get_allocated_size(CAPS(), ptr);
}

size_t heap_caps_get_containing_block_size(void *ptr)
{
    if (!ptr || !CAPS())
        return 0;
    const capheap_caps_heap_t *h = capheap_caps_heap_of(CAPS(), ptr);
    if (!h)
        return 0;
    capheap_region_t r;
    capheap_caps_heap_region(h, &r);
    uintptr_t a = (uintptr_t)ptr;
    uintptr_t data = a;
    bool in_alias = r.alias != 0 && a >= r.alias && a - r.alias < r.size;
    if (in_alias)
        data = capheap_region_iram_to_dram(&r, a & ~(uintptr_t)3u);
    if (!data)
        return 0;
    capheap_caps_heap_lock(h);
    void *found = espidf_find_used_block(capheap_caps_heap_engine(h), data);
    capheap_caps_heap_unlock(h);
    if (!found)
        return 0;
    return capheap_caps_get_containing_block_size(CAPS(), found);
}

/* ------------------------------------------------------------ statistics */

size_t heap_caps_get_total_size(uint32_t caps)
{
    return CAPS() ? capheap_caps_get_total_size(CAPS(), caps) : 0;
}

size_t heap_caps_get_free_size(uint32_t caps)
{
    return CAPS() ? capheap_caps_get_free_size(CAPS(), caps) : 0;
}

size_t heap_caps_get_minimum_free_size(uint32_t caps)
{
    return CAPS() ? capheap_caps_get_minimum_free_size(CAPS(), caps) : 0;
}

size_t heap_caps_get_largest_free_block(uint32_t caps)
{
    return CAPS() ? capheap_caps_get_largest_free_block(CAPS(), caps) : 0;
}

esp_err_t heap_caps_monitor_local_minimum_free_size_start(void)
{
    if (!CAPS())
        return ESP_FAIL;
    return capheap_caps_monitor_local_minimum_free_size_start(CAPS()) == CAPHEAP_OK ? ESP_OK
                                                                                    : ESP_FAIL;
}

esp_err_t heap_caps_monitor_local_minimum_free_size_stop(void)
{
    if (!CAPS())
        return ESP_FAIL;
    return capheap_caps_monitor_local_minimum_free_size_stop(CAPS()) == CAPHEAP_OK ? ESP_OK
                                                                                   : ESP_FAIL;
}

void heap_caps_get_info(multi_heap_info_t *info, uint32_t caps)
{
    if (!info)
        return;
    memset(info, 0, sizeof *info);
    if (!CAPS())
        return;
    capheap_heap_info_t ci;
    capheap_caps_get_info(CAPS(), &ci, caps);
    espidf_info_from(info, &ci);
}

void heap_caps_print_heap_info(uint32_t caps)
{
    if (CAPS()) {
        capheap_caps_print_heap_info(CAPS(), caps, espidf_print_trampoline, NULL);
        return;
    }
    espidf_printf("Heap summary for capabilities 0x%08X:\n", (unsigned)caps);
    espidf_printf("  Totals:\n");
    espidf_printf("    free 0 allocated 0 min_free 0 largest_free_block 0\n");
}

bool heap_caps_check_integrity(uint32_t caps, bool print_errors)
{
    if (!CAPS())
        return true;
    return capheap_caps_check_integrity(CAPS(), caps,
                                        print_errors ? espidf_print_trampoline : NULL, NULL);
}

bool heap_caps_check_integrity_all(bool print_errors)
{
    return heap_caps_check_integrity(MALLOC_CAP_INVALID, print_errors);
}

bool heap_caps_check_integrity_addr(intptr_t addr, bool print_errors)
{
    if (!CAPS() || !capheap_caps_heap_of(CAPS(), (const void *)addr))
        return false;
    return capheap_caps_check_integrity_addr(CAPS(), (const void *)addr,
                                             print_errors ? espidf_print_trampoline : NULL,
                                             NULL);
}

/* ------------------------------------------------------------ walks */

static bool walk_matches(const capheap_caps_heap_t *h, uint32_t caps)
{
    return (caps & MALLOC_CAP_INVALID) || (capheap_caps_heap_caps(h) & caps) == caps;
}

/* Calls fn on each matching heap's engine heap with its lock held. */
static void for_each_heap(uint32_t caps, capheap_walk_fn fn, void *ctx,
                          void (*before)(void *ctx, const capheap_region_t *r))
{
    if (!CAPS())
        return;
    size_t n = capheap_caps_heap_count(CAPS());
    for (size_t i = 0; i < n; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(CAPS(), i);
        if (!h || !walk_matches(h, caps))
            continue;
        capheap_region_t r;
        capheap_caps_heap_region(h, &r);
        capheap_caps_heap_lock(h);
        if (before)
            before(ctx, &r);
        capheap_dbg_walk(capheap_caps_heap_engine(h), fn, ctx);
        capheap_caps_heap_unlock(h);
    }
}

typedef struct {
    heap_caps_walker_cb_t fn;
    void *user;
    walker_heap_into_t heap;
} walk_ctx_t;

static void walk_before(void *ctx, const capheap_region_t *r)
{
    walk_ctx_t *w = ctx;
    w->heap.start = (intptr_t)r->start;
    w->heap.end = (intptr_t)(r->start + r->size);
}

static bool walk_cb(void *ctx, void *ptr, size_t size, bool used)
{
    walk_ctx_t *w = ctx;
    walker_block_info_t b = { ptr, size, used };
    return w->fn(w->heap, b, w->user);
}

void heap_caps_walk(uint32_t caps, heap_caps_walker_cb_t walker_func, void *user_data)
{
    if (!walker_func)
        return;
    walk_ctx_t w = { walker_func, user_data, { 0, 0 } };
    for_each_heap(caps, walk_cb, &w, walk_before);
}

void heap_caps_walk_all(heap_caps_walker_cb_t walker_func, void *user_data)
{
    heap_caps_walk(MALLOC_CAP_INVALID, walker_func, user_data);
}

static void dump_before(void *ctx, const capheap_region_t *r)
{
    (void)ctx;
    espidf_printf("Showing data for heap: %p \n", (void *)r->start);
}

static bool dump_cb(void *ctx, void *ptr, size_t size, bool used)
{
    (void)ctx;
    espidf_printf("Block %p data, size: %zu bytes, Free: %s \n", ptr, size, used ? "No" : "Yes");
    return true;
}

void heap_caps_dump(uint32_t caps)
{
    for_each_heap(caps, dump_cb, NULL, dump_before);
}

void heap_caps_dump_all(void)
{
    heap_caps_dump(MALLOC_CAP_INVALID);
}

/* ------------------------------------------------------------ regions */

static esp_err_t to_esp_err(capheap_err_t e)
{
    switch (e) {
    case CAPHEAP_OK:
        return ESP_OK;
    case CAPHEAP_ERR_INVALID_ARG:
        return ESP_ERR_INVALID_ARG;
    case CAPHEAP_ERR_NO_MEM:
        return ESP_ERR_NO_MEM;
    case CAPHEAP_ERR_TOO_SMALL:
        return ESP_ERR_INVALID_SIZE;
    case CAPHEAP_ERR_NOT_FOUND:
        return ESP_ERR_NOT_FOUND;
    case CAPHEAP_ERR_STATE:
        return ESP_ERR_INVALID_STATE;
    case CAPHEAP_ERR_OVERLAP:
    case CAPHEAP_ERR_EXISTS:
    default:
        return ESP_FAIL;
    }
}

/* On the host, a range given in simulated chip addresses becomes the host
 * range backing it; host addresses (and memory outside the simulation) pass
 * through unchanged. */
static void chip_to_host_range(uintptr_t *start, uintptr_t *end)
{
    capheap_sim_t *sim = espidf_state.sim;
    if (!sim || capheap_sim_to_chip(sim, (const void *)*start) != 0)
        return;
    uintptr_t hs = (uintptr_t)capheap_sim_to_host(sim, *start);
    uintptr_t hl = (uintptr_t)capheap_sim_to_host(sim, *end - 1u);
    if (hs && hl && hl - hs == *end - 1u - *start) {
        *start = hs;
        *end = hl + 1u;
    }
}

esp_err_t heap_caps_add_region(intptr_t start, intptr_t end)
{
    if (start == 0 || end <= start)
        return ESP_ERR_INVALID_ARG;
    if (!CAPS())
        return ESP_ERR_INVALID_STATE;
    uintptr_t s = (uintptr_t)start, e = (uintptr_t)end;
    chip_to_host_range(&s, &e);
    return to_esp_err(capheap_caps_add_region(CAPS(), (void *)s, (void *)e));
}

esp_err_t heap_caps_add_region_with_caps(const uint32_t caps[], intptr_t start, intptr_t end)
{
    if (!caps || start == 0 || end == 0 || end <= start)
        return ESP_ERR_INVALID_ARG;
    if (!(caps[0] | caps[1] | caps[2]))
        return ESP_ERR_INVALID_ARG;
    if (!CAPS())
        return ESP_ERR_INVALID_STATE;
    uintptr_t s = (uintptr_t)start, e = (uintptr_t)end;
    chip_to_host_range(&s, &e);
    return to_esp_err(capheap_caps_add_region_with_caps(CAPS(), caps, (void *)s, (void *)e));
}

void heap_caps_enable_nonos_stack_heaps(void)
{
    if (CAPS())
        (void)capheap_caps_enable_deferred(CAPS());
}
