/*
 * heap_caps_malloc / heap_caps_free take the native fast paths inline on
 * instances that are never NULL: before heap_caps_init, and while a failure
 * callback is registered, a stand-in whose heap record turns every call
 * away (compat/espidf/src/heap_caps.c). This test walks through those
 * states in the order a program meets them, in a process of its own (a
 * callback cannot be unregistered):
 *   no instance, no callback -> instance, no callback -> instance, callback.
 * Each state: what a request that fits, a request that cannot fit, size 0,
 * free(NULL), a foreign pointer and a double free give.
 */
#include <stdint.h>
#include <string.h>

#include "capheap_espidf.h"
#include "check.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"

static int failed_calls;
static char failed_fn[64];

static void on_failed(size_t size, uint32_t caps, const char *function_name)
{
    (void)size;
    (void)caps;
    failed_calls++;
    strncpy(failed_fn, function_name ? function_name : "", sizeof failed_fn - 1);
}

static int bad_calls;
static capheap_error_reason_t bad_reason;

static void on_bad(void *ctx, capheap_error_reason_t reason, const void *ptr)
{
    (void)ctx;
    (void)ptr;
    bad_calls++;
    bad_reason = reason;
}

static long foreign_object;

static void t_states(void)
{
    capheap_espidf_set_error_hook(on_bad, NULL);

    /* no instance, no callback: nothing is served, nothing is owned */
    CHECK_NULL(heap_caps_malloc(10, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_malloc(0, MALLOC_CAP_8BIT));
    heap_caps_free(NULL);
    CHECK_EQ_U(bad_calls, 0);
    heap_caps_free(&foreign_object);
    CHECK_EQ_U(bad_calls, 1);
    CHECK(bad_reason == CAPHEAP_E_NOT_OWNED);
    CHECK_EQ_U(failed_calls, 0);

    /* an instance, no callback: the inline fast path serves */
    heap_caps_init();
    REQUIRE(capheap_espidf_instance() != NULL);
    void *p = heap_caps_malloc(100, MALLOC_CAP_8BIT);
    REQUIRE(p != NULL);
    CHECK(heap_caps_get_allocated_size(p) >= 100);
    memset(p, 0xA5, 100);
    CHECK_NULL(heap_caps_malloc(0, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_malloc(SIZE_MAX / 2, MALLOC_CAP_8BIT)); /* no callback: nothing called */
    CHECK_NULL(heap_caps_malloc(64, MALLOC_CAP_INVALID));
    CHECK_EQ_U(failed_calls, 0);
    heap_caps_free(p);
    bad_calls = 0;
#if CAPHEAP_CHECKS
    heap_caps_free(p); /* double free: reported, harmless */
    CHECK_EQ_U(bad_calls, 1);
    bad_calls = 0;
#else
    check_log("  CAPHEAP_CHECKS=0: double free not applicable\n");
#endif
    heap_caps_free(&foreign_object);
    CHECK_EQ_U(bad_calls, 1);
    CHECK(bad_reason == CAPHEAP_E_NOT_OWNED);
    heap_caps_free(NULL);
    CHECK_EQ_U(bad_calls, 1);
    CHECK(heap_caps_check_integrity_all(true));

    /* a callback: failures reach it, with ESP-IDF's name; the rest is the same */
    CHECK(heap_caps_register_failed_alloc_callback(on_failed) == ESP_OK);
    size_t free_before = heap_caps_get_free_size(MALLOC_CAP_8BIT);
    void *q = heap_caps_malloc(100, MALLOC_CAP_8BIT);
    REQUIRE(q != NULL);
    CHECK_NULL(heap_caps_malloc(SIZE_MAX / 2, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1);
    CHECK(strcmp(failed_fn, "heap_caps_malloc") == 0);
    CHECK_NULL(heap_caps_malloc(0, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1); /* size 0: no callback, as ESP-IDF */
    CHECK(heap_caps_get_free_size(MALLOC_CAP_8BIT) < free_before);
    heap_caps_free(q);
    CHECK(heap_caps_check_integrity_all(true));
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_8BIT), free_before);
}

int main(void)
{
    RUN(t_states);
    return check_summary("espidf.quiet");
}
