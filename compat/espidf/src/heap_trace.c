/*
 * ESP-IDF heap tracing (esp_heap_trace.h) and the allocation hooks
 * (esp_heap_trace_alloc_hook / esp_heap_trace_free_hook) over the default
 * instance.
 */
#include "esp_heap_trace.h"

#include "espidf_internal.h"

/* ------------------------------------------------------------ hooks */

/* Weak references: when the program defines neither hook, both are NULL
 * and the default instance gets no hooks (its fast paths stay as they are). */
#if defined(__GNUC__) || defined(__clang__)
extern void esp_heap_trace_alloc_hook(void *ptr, size_t size, uint32_t caps)
    __attribute__((weak));
extern void esp_heap_trace_free_hook(void *ptr) __attribute__((weak));
#define ESPIDF_HAVE_WEAK_HOOKS 1
#else
#define ESPIDF_HAVE_WEAK_HOOKS 0
#endif

#if ESPIDF_HAVE_WEAK_HOOKS
static void alloc_trampoline(void *ctx, void *ptr, size_t size, uint32_t caps)
{
    (void)ctx;
    esp_heap_trace_alloc_hook(ptr, size, caps);
}

static void free_trampoline(void *ctx, void *ptr)
{
    (void)ctx;
    esp_heap_trace_free_hook(ptr);
}
#endif

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING
static capheap_trace_storage_t s_storage;
static capheap_trace_t *s_trace;
#endif

void espidf_trace_adopt(capheap_caps_t *caps)
{
#if ESPIDF_HAVE_WEAK_HOOKS
    capheap_alloc_hook_fn on_alloc = esp_heap_trace_alloc_hook ? alloc_trampoline : NULL;
    capheap_free_hook_fn on_free = esp_heap_trace_free_hook ? free_trampoline : NULL;
    if (on_alloc || on_free)
        capheap_caps_set_hooks(caps, on_alloc, on_free, NULL);
#endif
#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING
    if (s_trace)
        capheap_trace_attach(s_trace, caps);
#else
    (void)caps;
#endif
}

/* ------------------------------------------------------------ tracing */

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING

static esp_err_t to_esp(capheap_err_t e)
{
    return e == CAPHEAP_OK ? ESP_OK : e == CAPHEAP_ERR_STATE ? ESP_ERR_INVALID_STATE
                                                             : ESP_ERR_INVALID_ARG;
}

capheap_trace_t *capheap_espidf_heap_trace(void)
{
    return s_trace;
}

esp_err_t heap_trace_init_standalone(heap_trace_record_t *record_buffer, size_t num_records)
{
    if (s_trace && capheap_trace_is_running(s_trace))
        return ESP_ERR_INVALID_STATE;
    if (!record_buffer && num_records == 0) {
        if (s_trace)
            capheap_trace_attach(s_trace, NULL);
        s_trace = NULL;
        return ESP_OK;
    }
    if (!record_buffer || num_records == 0)
        return ESP_ERR_INVALID_ARG;
    if (s_trace)
        capheap_trace_attach(s_trace, NULL);
    s_trace = capheap_trace_create(&s_storage, record_buffer, num_records, NULL);
    if (!s_trace)
        return ESP_ERR_INVALID_ARG;
    if (espidf_state.caps)
        capheap_trace_attach(s_trace, espidf_state.caps);
    return ESP_OK;
}

esp_err_t heap_trace_start(heap_trace_mode_t mode)
{
    if (!s_trace)
        return ESP_ERR_INVALID_STATE;
    return to_esp(capheap_trace_start(s_trace, (capheap_trace_mode_t)mode));
}

esp_err_t heap_trace_stop(void)
{
    return s_trace ? to_esp(capheap_trace_stop(s_trace)) : ESP_ERR_INVALID_STATE;
}

esp_err_t heap_trace_alloc_pause(void)
{
    return s_trace ? to_esp(capheap_trace_pause_alloc(s_trace)) : ESP_ERR_INVALID_STATE;
}

esp_err_t heap_trace_resume(void)
{
    return s_trace ? to_esp(capheap_trace_resume(s_trace)) : ESP_ERR_INVALID_STATE;
}

size_t heap_trace_get_count(void)
{
    return capheap_trace_count(s_trace);
}

esp_err_t heap_trace_get(size_t index, heap_trace_record_t *record)
{
    if (!record || !s_trace)
        return ESP_ERR_INVALID_STATE;
    return to_esp(capheap_trace_get(s_trace, index, record));
}

void heap_trace_dump(void)
{
    heap_trace_dump_caps(MALLOC_CAP_INTERNAL | MALLOC_CAP_SPIRAM);
}

void heap_trace_dump_caps(const uint32_t caps)
{
    capheap_print_fn print;
    void *ctx;
    if (!s_trace)
        return;
    espidf_get_print(&print, &ctx);
    capheap_trace_dump_espidf(s_trace, caps, true, print, ctx);
}

esp_err_t heap_trace_summary(heap_trace_summary_t *summary)
{
    capheap_trace_summary_t s;
    if (!summary)
        return ESP_ERR_INVALID_ARG;
    if (!s_trace)
        return ESP_ERR_INVALID_STATE;
    (void)capheap_trace_summary(s_trace, &s);
    summary->mode = (heap_trace_mode_t)s.mode;
    summary->total_allocations = s.total_allocations;
    summary->total_frees = s.total_frees;
    summary->count = s.count;
    summary->capacity = s.capacity;
    summary->high_water_mark = s.high_water_mark;
    summary->has_overflowed = s.has_overflowed;
    return ESP_OK;
}

#else /* tracing not built: ESP-IDF's behaviour with tracing off */

esp_err_t heap_trace_init_standalone(heap_trace_record_t *record_buffer, size_t num_records)
{
    (void)record_buffer;
    (void)num_records;
    return ESP_ERR_NOT_SUPPORTED;
}

esp_err_t heap_trace_start(heap_trace_mode_t mode)
{
    (void)mode;
    return ESP_ERR_NOT_SUPPORTED;
}

esp_err_t heap_trace_stop(void)
{
    return ESP_ERR_NOT_SUPPORTED;
}

esp_err_t heap_trace_alloc_pause(void)
{
    return ESP_ERR_NOT_SUPPORTED;
}

esp_err_t heap_trace_resume(void)
{
    return ESP_ERR_NOT_SUPPORTED;
}

size_t heap_trace_get_count(void)
{
    return 0;
}

esp_err_t heap_trace_get(size_t index, heap_trace_record_t *record)
{
    (void)index;
    (void)record;
    return ESP_ERR_NOT_SUPPORTED;
}

void heap_trace_dump(void)
{
}

void heap_trace_dump_caps(const uint32_t caps)
{
    (void)caps;
}

esp_err_t heap_trace_summary(heap_trace_summary_t *summary)
{
    (void)summary;
    return ESP_ERR_NOT_SUPPORTED;
}

#endif

esp_err_t heap_trace_init_tohost(void)
{
    return ESP_ERR_NOT_SUPPORTED;
}
