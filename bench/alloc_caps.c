/*
 * The caps layer through the ESP-IDF API: heap_caps_malloc(n, MALLOC_CAP_8BIT)
 * / heap_caps_free / heap_caps_realloc on the default instance that
 * heap_caps_init() builds on the host (the esp32 chip table unless
 * CAPHEAP_CHIP says otherwise, regions backed by the host simulation).
 * Linked against libcapheap.a built by CMake (Release) in build/cmake.
 * Not bounded by the bench's region: the chip's layout is the limit.
 */
#include "alloc.h"

#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"

#include <stdio.h>
#include <stdlib.h>
#if defined(BENCH_CAPS_THREADED)
#include <pthread.h>
static void *no_op(void *arg) { return arg; }
#endif

#if defined(BENCH_CAPS_THREADED)
#define BENCH_CAPS_NAME "caps_mt"
#define BENCH_CAPS_LOCKS ", taken: a second thread has existed"
#else
#define BENCH_CAPS_NAME "caps"
#define BENCH_CAPS_LOCKS ", skipped while the process is single-threaded"
#endif

static int dummy_ctx;

static void *c_init(size_t region)
{
    (void)region;
    static bool done;
    if (!done) {
#if defined(BENCH_CAPS_THREADED)
        /* a second thread has existed: glibc no longer says "single-
         * threaded", so every call takes its heap's lock */
        pthread_t t;
        if (pthread_create(&t, NULL, no_op, NULL) == 0)
            pthread_join(t, NULL);
#endif
        heap_caps_init();
        done = true;
    }
    return heap_caps_get_total_size(MALLOC_CAP_8BIT) ? &dummy_ctx : NULL;
}

static void *c_malloc(void *ctx, size_t n) { (void)ctx; return heap_caps_malloc(n, MALLOC_CAP_8BIT); }
static void c_free(void *ctx, void *p) { (void)ctx; heap_caps_free(p); }
static void *c_realloc(void *ctx, void *p, size_t n) { (void)ctx; return heap_caps_realloc(p, n, MALLOC_CAP_8BIT); }

static void *cal_malloc(void *ctx, size_t n) { (void)ctx; return bench_ret_p_s(n); }
static void cal_free(void *ctx, void *p) { (void)ctx; bench_ret_v_p(p); }
static void *cal_realloc(void *ctx, void *p, size_t n) { (void)ctx; return bench_ret_p_ps2(p, n); }

static size_t c_usable(void *ctx, void *p) { (void)ctx; return heap_caps_get_allocated_size(p); }
static size_t c_free_bytes(void *ctx) { (void)ctx; return heap_caps_get_free_size(MALLOC_CAP_8BIT); }

static const char *c_describe(void)
{
    static char text[320];
    c_init(0);
    const char *chip = getenv("CAPHEAP_CHIP");
    snprintf(text, sizeof text, "heap_caps_malloc(n, MALLOC_CAP_8BIT)/heap_caps_free, chip %s, %zu B of 8BIT heap, "
             "libcapheap.a (CMake Release, -O2), default lock port (futex word on Linux)%s", chip && *chip ? chip : "esp32 (default)",
             heap_caps_get_total_size(MALLOC_CAP_8BIT), BENCH_CAPS_LOCKS);
    return text;
}

const bench_alloc_t bench_alloc = {
    .name = BENCH_CAPS_NAME,
    .bounded = false,
    .init = c_init,
    .calls = { c_malloc, c_free, c_realloc },
    .calib = { cal_malloc, cal_free, cal_realloc },
    .usable = c_usable,
    .free_bytes = c_free_bytes,
    .describe = c_describe,
};
