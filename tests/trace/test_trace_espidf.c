/*
 * ESP-IDF heap tracing (esp_heap_trace.h) and allocation hooks
 * (esp_heap_trace_alloc_hook / esp_heap_trace_free_hook) on the default
 * instance (host simulation of an ESP32).
 *
 * The hooks exist in every build; the tracing functions answer
 * ESP_ERR_NOT_SUPPORTED when the library is built without
 * CAPHEAP_HEAP_TRACING (checked then instead).
 */
#include "check.h"

#include "capheap_espidf.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "esp_heap_trace.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ hooks */

static int g_allocs, g_frees;
static void *g_last_alloc, *g_last_free;
static size_t g_last_size;
static uint32_t g_last_caps;

void esp_heap_trace_alloc_hook(void *ptr, size_t size, uint32_t caps)
{
    g_allocs++;
    g_last_alloc = ptr;
    g_last_size = size;
    g_last_caps = caps;
}

void esp_heap_trace_free_hook(void *ptr)
{
    g_frees++;
    g_last_free = ptr;
}

static struct {
    char buf[32768];
    size_t len;
} g_out;

static void sink(void *ctx, const char *text)
{
    (void)ctx;
    size_t n = strlen(text);
    if (g_out.len + n >= sizeof g_out.buf)
        n = sizeof g_out.buf - 1 - g_out.len;
    memcpy(g_out.buf + g_out.len, text, n);
    g_out.len += n;
    g_out.buf[g_out.len] = 0;
}

static void t_hooks(void)
{
    g_allocs = g_frees = 0;
    void *p = heap_caps_malloc(33, MALLOC_CAP_8BIT);
    REQUIRE(p);
    CHECK_EQ_U(g_allocs, 1);
    CHECK(g_last_alloc == p);
    CHECK_EQ_SZ(g_last_size, 33);
    CHECK_EQ_U(g_last_caps, MALLOC_CAP_8BIT);
    void *q = heap_caps_realloc(p, 4000, MALLOC_CAP_8BIT);
    REQUIRE(q);
    CHECK_EQ_U(g_allocs, 2);
    CHECK_EQ_U(g_frees, 1);
    CHECK(g_last_free == p);
    CHECK(g_last_alloc == q);
    heap_caps_free(q);
    CHECK_EQ_U(g_frees, 2);
    CHECK(g_last_free == q);
    void *c = heap_caps_calloc(3, 5, MALLOC_CAP_INTERNAL);
    REQUIRE(c);
    CHECK_EQ_SZ(g_last_size, 15);
    CHECK(g_last_alloc == c);
    heap_caps_free(c);
    heap_caps_free(NULL);
    CHECK_EQ_U(g_frees, 3);
}

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING

static heap_trace_record_t g_records[32];

static void t_trace_api(void)
{
    CHECK(heap_trace_init_standalone(NULL, 4) == ESP_ERR_INVALID_ARG);
    CHECK(heap_trace_init_standalone(g_records, 0) == ESP_ERR_INVALID_ARG);
    CHECK(heap_trace_init_tohost() == ESP_ERR_NOT_SUPPORTED);
    REQUIRE(heap_trace_init_standalone(g_records, 32) == ESP_OK);
    CHECK(capheap_trace_instance(capheap_espidf_heap_trace()) == capheap_espidf_instance());
    CHECK(heap_trace_stop() == ESP_ERR_INVALID_STATE);
    CHECK(heap_trace_start((heap_trace_mode_t)5) == ESP_ERR_INVALID_ARG);
    REQUIRE(heap_trace_start(HEAP_TRACE_LEAKS) == ESP_OK);
    CHECK(heap_trace_init_standalone(g_records, 32) == ESP_ERR_INVALID_STATE);
    CHECK(heap_trace_resume() == ESP_ERR_INVALID_STATE);
    void *a = heap_caps_malloc(40, MALLOC_CAP_8BIT);
    void *b = heap_caps_malloc(50, MALLOC_CAP_INTERNAL);
    void *c = heap_caps_malloc_prefer(60, 2, MALLOC_CAP_SPIRAM, MALLOC_CAP_DEFAULT);
    REQUIRE(a && b && c);
    heap_caps_free(b);
    REQUIRE(heap_trace_stop() == ESP_OK);
    CHECK_EQ_SZ(heap_trace_get_count(), 2);
    heap_trace_record_t r;
    CHECK(heap_trace_get(0, NULL) == ESP_ERR_INVALID_STATE);
    CHECK(heap_trace_get(2, &r) == ESP_ERR_INVALID_ARG);
    REQUIRE(heap_trace_get(0, &r) == ESP_OK);
    CHECK(r.address == a);
    CHECK_EQ_SZ(r.size, 40);
    CHECK(!r.freed);
    REQUIRE(heap_trace_get(1, &r) == ESP_OK);
    CHECK(r.address == c);
    heap_trace_summary_t s;
    CHECK(heap_trace_summary(NULL) == ESP_ERR_INVALID_ARG);
    REQUIRE(heap_trace_summary(&s) == ESP_OK);
    CHECK(s.mode == HEAP_TRACE_LEAKS);
    CHECK_EQ_SZ(s.total_allocations, 3);
    CHECK_EQ_SZ(s.total_frees, 1);
    CHECK_EQ_SZ(s.count, 2);
    CHECK_EQ_SZ(s.capacity, 32);
    CHECK_EQ_SZ(s.high_water_mark, 3);
    CHECK_EQ_SZ(s.has_overflowed, 0);
    g_out.len = 0;
    heap_trace_dump();
    static const char head[] = "====== Heap Trace: 2 records (32 capacity) ======\n";
    CHECK(strncmp(g_out.buf, head, sizeof head - 1) == 0);
    CHECK(strstr(g_out.buf, "    40 bytes (@ 0x") != NULL);
    CHECK(strstr(g_out.buf, ", Internal) allocated CPU 0 ccount 0x") != NULL);
    CHECK(strstr(g_out.buf, "100 bytes 'leaked' in trace (2 allocations)\n") != NULL);
    /* only PSRAM: the esp32 default instance has none mapped as a heap here */
    g_out.len = 0;
    heap_trace_dump_caps(MALLOC_CAP_SPIRAM);
    CHECK(strstr(g_out.buf, " bytes (@ ") == NULL);
    CHECK(strstr(g_out.buf, "Mode: Heap Trace Leaks\n") != NULL);
    /* pause: allocations no longer recorded, frees are */
    REQUIRE(heap_trace_resume() == ESP_OK);
    REQUIRE(heap_trace_alloc_pause() == ESP_OK);
    void *d = heap_caps_malloc(70, MALLOC_CAP_8BIT);
    heap_caps_free(a);
    CHECK_EQ_SZ(heap_trace_get_count(), 1);
    REQUIRE(heap_trace_stop() == ESP_OK);
    /* the capheap format through the native handle */
    g_out.len = 0;
    capheap_trace_dump_capheap(capheap_espidf_heap_trace(), "esp32", sink, NULL);
    CHECK(strncmp(g_out.buf, "capheap-trace 1\nchip esp32\n", 27) == 0);
    CHECK(strstr(g_out.buf, "\na ") != NULL);
    heap_caps_free(c);
    heap_caps_free(d);
    /* mode ALL: frees are kept with their stacks */
    REQUIRE(heap_trace_start(HEAP_TRACE_ALL) == ESP_OK);
    void *e = malloc(1); /* the C library's malloc is not the traced heap */
    void *f = heap_caps_malloc(80, MALLOC_CAP_8BIT);
    heap_caps_free(f);
    REQUIRE(heap_trace_stop() == ESP_OK);
    free(e);
    REQUIRE(heap_trace_get(0, &r) == ESP_OK);
    CHECK(r.freed);
    CHECK(r.freed_by[0] != NULL);
    g_out.len = 0;
    heap_trace_dump();
    CHECK(strstr(g_out.buf, "\nfreed by 0x") != NULL);
    CHECK(strstr(g_out.buf, "Mode: Heap Trace All\n0 bytes alive in trace (0/1 allocations)\n") != NULL);
    /* release the buffer */
    REQUIRE(heap_trace_init_standalone(NULL, 0) == ESP_OK);
    CHECK(heap_trace_start(HEAP_TRACE_ALL) == ESP_ERR_INVALID_STATE);
    CHECK_EQ_SZ(heap_trace_get_count(), 0);
}

#else

static void t_trace_not_built(void)
{
    heap_trace_record_t rec[2];
    heap_trace_summary_t s;
    CHECK(heap_trace_init_standalone(rec, 2) == ESP_ERR_NOT_SUPPORTED);
    CHECK(heap_trace_start(HEAP_TRACE_LEAKS) == ESP_ERR_NOT_SUPPORTED);
    CHECK(heap_trace_stop() == ESP_ERR_NOT_SUPPORTED);
    CHECK(heap_trace_alloc_pause() == ESP_ERR_NOT_SUPPORTED);
    CHECK(heap_trace_resume() == ESP_ERR_NOT_SUPPORTED);
    CHECK(heap_trace_get(0, rec) == ESP_ERR_NOT_SUPPORTED);
    CHECK(heap_trace_summary(&s) == ESP_ERR_NOT_SUPPORTED);
    CHECK_EQ_SZ(heap_trace_get_count(), 0);
    heap_trace_dump();
    heap_trace_dump_caps(MALLOC_CAP_INTERNAL);
    CHECK(heap_trace_init_tohost() == ESP_ERR_NOT_SUPPORTED);
}

#endif

int main(int argc, char **argv)
{
    check_select(argc, argv);
    capheap_espidf_set_print(sink, NULL);
    heap_caps_init();
    if (!capheap_espidf_instance()) {
        check_log("trace_espidf: no default instance\n");
        return 1;
    }
    RUN(t_hooks);
#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING
    RUN(t_trace_api);
#else
    check_log("trace_espidf: tracing not built: checking ESP_ERR_NOT_SUPPORTED\n");
    RUN(t_trace_not_built);
#endif
    return check_summary("trace_espidf");
}
