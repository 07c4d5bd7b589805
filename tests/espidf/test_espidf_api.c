/*
 * The ESP-IDF heap API on the default esp32 simulation: every declared
 * function links and behaves as ESP-IDF documents it (zero sizes, NULL,
 * failure values, error codes, callbacks, text formats), the start-up log is
 * ESP-IDF's exactly, and an overflow sweep through every allocation entry
 * point. Run with CAPHEAP_CHIP=esp32 (CTest sets it).
 *
 * The tests run in order in one process: the first ones use the API before
 * heap_caps_init().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capheap_espidf.h"
#include "check.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "esp_memory_utils.h"
#include "multi_heap.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* ---------------------------------------------------------------- helpers */

#include "espidf_capture.h"

static size_t count_substr(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Failed-allocation callback record. */
static int failed_calls;
static size_t failed_size;
static uint32_t failed_caps;
static char failed_fn[64];

static void on_failed(size_t size, uint32_t caps, const char *function_name)
{
    failed_calls++;
    failed_size = size;
    failed_caps = caps;
    snprintf(failed_fn, sizeof failed_fn, "%s", function_name ? function_name : "(null)");
}

static void failed_reset(void)
{
    failed_calls = 0;
    failed_size = 0;
    failed_caps = 0;
    failed_fn[0] = '\0';
}

/* Error-hook record (bad pointers). */
static int bad_calls;
static capheap_error_reason_t bad_reason;

static void on_bad(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    (void)where;
    bad_calls++;
    bad_reason = reason;
}

static int foreign_object;

/* ---------------------------------------------------------------- constants */

static void t_constants(void)
{
    /* values written into firmware and logs must be ESP-IDF's */
    CHECK_EQ_U(MALLOC_CAP_EXEC, 1u << 0);
    CHECK_EQ_U(MALLOC_CAP_32BIT, 1u << 1);
    CHECK_EQ_U(MALLOC_CAP_8BIT, 1u << 2);
    CHECK_EQ_U(MALLOC_CAP_DMA, 1u << 3);
    CHECK_EQ_U(MALLOC_CAP_PID2, 1u << 4);
    CHECK_EQ_U(MALLOC_CAP_PID7, 1u << 9);
    CHECK_EQ_U(MALLOC_CAP_SPIRAM, 1u << 10);
    CHECK_EQ_U(MALLOC_CAP_INTERNAL, 1u << 11);
    CHECK_EQ_U(MALLOC_CAP_DEFAULT, 1u << 12);
    CHECK_EQ_U(MALLOC_CAP_IRAM_8BIT, 1u << 13);
    CHECK_EQ_U(MALLOC_CAP_RETENTION, 1u << 14);
    CHECK_EQ_U(MALLOC_CAP_RTCRAM, 1u << 15);
    CHECK_EQ_U(MALLOC_CAP_SPM, 1u << 16);
    CHECK_EQ_U(MALLOC_CAP_TCM, 1u << 16);
    CHECK_EQ_U(MALLOC_CAP_DMA_DESC_AHB, 1u << 17);
    CHECK_EQ_U(MALLOC_CAP_DMA_DESC_AXI, 1u << 18);
    CHECK_EQ_U(MALLOC_CAP_CACHE_ALIGNED, 1u << 19);
    CHECK_EQ_U(MALLOC_CAP_SIMD, 1u << 20);
    CHECK_EQ_U(MALLOC_CAP_INVALID, 1u << 31);
    CHECK_EQ_U(ESP_OK, 0);
    CHECK_EQ_U((unsigned)(ESP_FAIL + 2), 1u);
    CHECK_EQ_U(ESP_ERR_NO_MEM, 0x101);
    CHECK_EQ_U(ESP_ERR_INVALID_ARG, 0x102);
    CHECK_EQ_U(ESP_ERR_INVALID_STATE, 0x103);
    CHECK_EQ_U(ESP_ERR_INVALID_SIZE, 0x104);
    CHECK_EQ_U(ESP_ERR_NOT_FOUND, 0x105);
    /* walker structs: ESP-IDF's members */
    walker_heap_into_t hi = { 1, 2 };
    walker_block_info_t bi = { NULL, 3, true };
    CHECK(hi.start == 1 && hi.end == 2 && bi.size == 3 && bi.used);
}

/* ---------------------------------------------------------------- before init */

static void t_before_init(void)
{
    CHECK_NULL(capheap_espidf_instance());
    CHECK(heap_caps_register_failed_alloc_callback(NULL) == ESP_ERR_INVALID_ARG);
    CHECK(heap_caps_register_failed_alloc_callback(on_failed) == ESP_OK);
    capheap_espidf_set_error_hook(on_bad, NULL);
    failed_reset();
    bad_calls = 0;
    /* allocations fail, the callback runs for sizes > 0 */
    CHECK_NULL(heap_caps_malloc(10, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1);
    CHECK(strcmp(failed_fn, "heap_caps_malloc") == 0);
    CHECK_NULL(heap_caps_malloc(0, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1);
    CHECK_NULL(heap_caps_calloc(2, 8, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_malloc_default(16));
    CHECK_NULL(heap_caps_aligned_alloc(16, 16, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_malloc_prefer(16, 1, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 5);
    /* free(NULL) is fine; anything else is reported, not accepted */
    heap_caps_free(NULL);
    CHECK_EQ_U(bad_calls, 0);
    heap_caps_free(&foreign_object);
    CHECK_EQ_U(bad_calls, 1);
    CHECK(bad_reason == CAPHEAP_E_NOT_OWNED);
    CHECK_NULL(heap_caps_realloc(&foreign_object, 10, MALLOC_CAP_8BIT));
    CHECK_EQ_U(bad_calls, 2);
    /* statistics of nothing */
    CHECK_EQ_SZ(heap_caps_get_total_size(MALLOC_CAP_8BIT), 0);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_8BIT), 0);
    CHECK_EQ_SZ(heap_caps_get_minimum_free_size(MALLOC_CAP_8BIT), 0);
    CHECK_EQ_SZ(heap_caps_get_largest_free_block(MALLOC_CAP_8BIT), 0);
    CHECK_EQ_SZ(heap_caps_get_allocated_size(&foreign_object), 0);
    CHECK_EQ_SZ(heap_caps_get_containing_block_size(&foreign_object), 0);
    multi_heap_info_t info;
    memset(&info, 0xAB, sizeof info);
    heap_caps_get_info(&info, MALLOC_CAP_8BIT);
    CHECK_EQ_SZ(info.total_free_bytes, 0);
    CHECK_EQ_SZ(info.total_blocks, 0);
    CHECK(heap_caps_check_integrity_all(true));
    CHECK(heap_caps_check_integrity(MALLOC_CAP_8BIT, true));
    CHECK(!heap_caps_check_integrity_addr((intptr_t)&foreign_object, true));
    CHECK(heap_caps_monitor_local_minimum_free_size_start() == ESP_FAIL);
    CHECK(heap_caps_monitor_local_minimum_free_size_stop() == ESP_FAIL);
    uint32_t caps3[3] = { MALLOC_CAP_8BIT, 0, 0 };
    static unsigned char buf[4096];
    CHECK(heap_caps_add_region_with_caps(caps3, (intptr_t)buf, (intptr_t)(buf + sizeof buf)) ==
          ESP_ERR_INVALID_STATE);
    CHECK(heap_caps_add_region((intptr_t)buf, (intptr_t)(buf + sizeof buf)) == ESP_ERR_INVALID_STATE);
    heap_caps_enable_nonos_stack_heaps();
    CHECK(!esp_ptr_internal(buf));
    CHECK(!esp_ptr_dma_capable(buf));
    CHECK_NULL(esp_ptr_diram_dram_to_iram(buf));
    capture_start();
    heap_caps_print_heap_info(MALLOC_CAP_8BIT);
    heap_caps_dump_all();
    capture_stop();
    CHECK(strcmp(out, "Heap summary for capabilities 0x00000004:\n  Totals:\n"
                      "    free 0 allocated 0 min_free 0 largest_free_block 0\n") == 0);
    capheap_espidf_set_error_hook(NULL, NULL);
}

/* ---------------------------------------------------------------- start-up */

/* Registered separately with CAPHEAP_CHIP=nosuch (skipped otherwise). */
static void t_unknown_chip(void)
{
    const char *name = getenv("CAPHEAP_CHIP");
    if (!name || capheap_chip_find(name)) {
        check_log("(CAPHEAP_CHIP names a known chip: skipped)\n");
        return;
    }
    capture_start();
    heap_caps_init();
    capture_stop();
    CHECK_NULL(capheap_espidf_instance());
    CHECK(strncmp(out, "E (", 3) == 0);
    char want[96];
    snprintf(want, sizeof want, "heap_init: unknown chip '%s' (CAPHEAP_CHIP); known:", name);
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, " esp32") && strstr(out, " w800") && strstr(out, " generic"));
    CHECK_NULL(heap_caps_malloc(16, MALLOC_CAP_8BIT));
    CHECK_EQ_SZ(heap_caps_get_total_size(0), 0);
}

/* The text of each line after the "I (<ms>) " time stamp. */
static void strip_stamps(const char *in, char *res, size_t cap)
{
    size_t o = 0;
    const char *p = in;
    while (*p && o + 1 < cap) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p + 1) : strlen(p);
        const char *body = p;
        if (len > 4 && p[1] == ' ' && p[2] == '(') {
            const char *close = memchr(p, ')', len);
            if (close && close[1] == ' ') {
                res[o++] = p[0];
                res[o++] = ' ';
                body = close + 2;
                len -= (size_t)(body - p);
            }
        }
        if (o + len >= cap)
            len = cap - 1 - o;
        memcpy(res + o, body, len);
        o += len;
        p = body + len;
    }
    res[o] = '\0';
}

static void t_init_log(void)
{
    capture_start();
    heap_caps_init();
    capture_stop();
    REQUIRE(capheap_espidf_instance() != NULL);
    REQUIRE(capheap_espidf_chip() != NULL);
    CHECK(strcmp(capheap_espidf_chip()->name, "esp32") == 0);
    static char text[4096];
    strip_stamps(out, text, sizeof text);
    const char *expect =
        "I heap_init: Initializing. RAM available for dynamic allocation:\n"
        "I heap_init: At 3FFAE6E0 len 00001920 (6 KiB): DRAM\n"
        "I heap_init: At 3FFB2EC8 len 0002D138 (180 KiB): DRAM\n"
        "I heap_init: At 3FFE0440 len 00003AE0 (14 KiB): D/IRAM\n"
        "I heap_init: At 3FFE4350 len 0001BCB0 (111 KiB): D/IRAM\n"
        "I heap_init: At 4008944C len 00016BB4 (90 KiB): IRAM\n";
    CHECK(strcmp(text, expect) == 0);
    if (strcmp(text, expect) != 0)
        check_log("got:\n%s", out);
    /* every line carries an "I (<digits>) " stamp */
    for (const char *p = out; *p; p = strchr(p, '\n') + 1) {
        CHECK(p[0] == 'I' && p[1] == ' ' && p[2] == '(');
        const char *q = p + 3;
        while (*q >= '0' && *q <= '9')
            q++;
        CHECK(q > p + 3 && q[0] == ')' && q[1] == ' ');
    }
}

static void t_init_twice(void)
{
    capheap_caps_t *inst = capheap_espidf_instance();
    void *p = heap_caps_malloc(100, MALLOC_CAP_8BIT);
    REQUIRE(p);
    size_t free_before = heap_caps_get_free_size(MALLOC_CAP_8BIT);
    capture_start();
    heap_caps_init();
    capture_stop();
    CHECK(capheap_espidf_instance() == inst);
    CHECK(strstr(out, "heap_init: already initialised, call ignored") != NULL);
    CHECK(out[0] == 'W');
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_8BIT), free_before);
    heap_caps_free(p);
    CHECK(capheap_espidf_init_chip(&capheap_chip_esp32) == ESP_ERR_INVALID_STATE);
    CHECK(capheap_espidf_init_instance(inst, NULL) == ESP_ERR_INVALID_STATE);
    CHECK(capheap_espidf_init_instance(NULL, NULL) == ESP_ERR_INVALID_ARG);
}

/* ---------------------------------------------------------------- zero & failures */

static void t_zero_sizes(void)
{
    failed_reset();
    size_t free0 = heap_caps_get_free_size(0);
    CHECK_NULL(heap_caps_malloc(0, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_calloc(0, 10, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_calloc(10, 0, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_aligned_alloc(16, 0, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_aligned_calloc(16, 0, 4, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_realloc(NULL, 0, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_malloc_prefer(0, 2, MALLOC_CAP_DMA, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_calloc_prefer(0, 4, 1, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_malloc_default(0));
    CHECK_NULL(heap_caps_realloc_default(NULL, 0));
    CHECK_EQ_U(failed_calls, 0); /* size 0 is not a failure */
    /* realloc to 0 frees */
    void *p = heap_caps_malloc(300, MALLOC_CAP_8BIT);
    REQUIRE(p);
    CHECK_NULL(heap_caps_realloc(p, 0, MALLOC_CAP_8BIT));
    p = heap_caps_malloc_default(300);
    REQUIRE(p);
    CHECK_NULL(heap_caps_realloc_default(p, 0));
    p = heap_caps_malloc(300, MALLOC_CAP_8BIT);
    REQUIRE(p);
    CHECK_NULL(heap_caps_realloc_prefer(p, 0, 1, MALLOC_CAP_DMA));
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
    CHECK_EQ_U(failed_calls, 0);
    heap_caps_free(NULL);
    heap_caps_aligned_free(NULL);
    CHECK_EQ_SZ(heap_caps_get_allocated_size(NULL), 0);
    CHECK_EQ_SZ(heap_caps_get_containing_block_size(NULL), 0);
}

static void t_failures(void)
{
    size_t free0 = heap_caps_get_free_size(0);
    failed_reset();
    CHECK_NULL(heap_caps_malloc(1u << 30, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1);
    CHECK_EQ_SZ(failed_size, 1u << 30);
    CHECK_EQ_U(failed_caps, MALLOC_CAP_8BIT);
    CHECK(strcmp(failed_fn, "heap_caps_malloc") == 0);
    /* requests that cannot be met by construction */
    CHECK_NULL(heap_caps_malloc(64, MALLOC_CAP_EXEC | MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_malloc(64, MALLOC_CAP_EXEC | MALLOC_CAP_DMA));
    CHECK_NULL(heap_caps_malloc(64, MALLOC_CAP_INVALID));
    CHECK_NULL(heap_caps_malloc(64, MALLOC_CAP_IRAM_8BIT)); /* no such memory here */
    CHECK_NULL(heap_caps_malloc(64, MALLOC_CAP_DMA | MALLOC_CAP_SPIRAM));
    CHECK_NULL(heap_caps_malloc(64, 0)); /* no capability asked matches any priority */
    CHECK_EQ_U(failed_calls, 7);
    failed_reset();
    CHECK_NULL(heap_caps_aligned_alloc(3, 64, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_aligned_alloc(0, 64, MALLOC_CAP_8BIT));
    CHECK_NULL(heap_caps_aligned_alloc(48, 64, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 3);
    CHECK(strcmp(failed_fn, "heap_caps_aligned_alloc") == 0);
    CHECK_NULL(heap_caps_aligned_calloc(24, 2, 2, MALLOC_CAP_8BIT));
    CHECK(strcmp(failed_fn, "heap_caps_aligned_calloc") == 0);
    /* realloc failure leaves the block as it was */
    unsigned char *p = heap_caps_malloc(200, MALLOC_CAP_8BIT);
    REQUIRE(p);
    memset(p, 0x3C, 200);
    failed_reset();
    CHECK_NULL(heap_caps_realloc(p, 1u << 30, MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1);
    CHECK(strcmp(failed_fn, "heap_caps_realloc") == 0);
    CHECK_NULL(heap_caps_realloc(p, 64, MALLOC_CAP_EXEC | MALLOC_CAP_8BIT));
    for (int i = 0; i < 200; i++)
        CHECK(p[i] == 0x3C);
    heap_caps_free(p);
    /* prefer: the callback runs once, with the last caps tried */
    failed_reset();
    CHECK_NULL(heap_caps_malloc_prefer(1u << 30, 3, MALLOC_CAP_DMA, MALLOC_CAP_SPIRAM,
                                       MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1);
    CHECK_EQ_U(failed_caps, MALLOC_CAP_8BIT);
    CHECK(strcmp(failed_fn, "heap_caps_malloc_prefer") == 0);
    CHECK_NULL(heap_caps_malloc_prefer(64, 0));
    CHECK_EQ_U(failed_calls, 2);
    CHECK_NULL(heap_caps_calloc_prefer(1u << 20, 1u << 12, 1, MALLOC_CAP_8BIT));
    CHECK(strcmp(failed_fn, "heap_caps_calloc_prefer") == 0);
    CHECK_NULL(heap_caps_realloc_prefer(NULL, 1u << 30, 1, MALLOC_CAP_8BIT));
    CHECK(strcmp(failed_fn, "heap_caps_realloc_prefer") == 0);
    /* a foreign pointer is reported and ignored */
    capheap_espidf_set_error_hook(on_bad, NULL);
    bad_calls = 0;
    heap_caps_free(&foreign_object);
    CHECK_EQ_U(bad_calls, 1);
    CHECK(bad_reason == CAPHEAP_E_NOT_OWNED);
    CHECK_NULL(heap_caps_realloc(&foreign_object, 64, MALLOC_CAP_8BIT));
    CHECK_EQ_SZ(heap_caps_get_allocated_size(&foreign_object), 0);
    CHECK(bad_calls >= 2);
#if CAPHEAP_CHECKS
    /* double free: reported, nothing disturbed */
    p = heap_caps_malloc(64, MALLOC_CAP_8BIT);
    void *q = heap_caps_malloc(64, MALLOC_CAP_8BIT);
    REQUIRE(p && q);
    heap_caps_free(p);
    int before = bad_calls;
    heap_caps_free(p);
    CHECK(bad_calls == before + 1);
    heap_caps_free(q);
#else
    check_log("  CAPHEAP_CHECKS=0: double free not applicable\n");
#endif
    capheap_espidf_set_error_hook(NULL, NULL);
    CHECK(heap_caps_check_integrity_all(true));
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
}

/* ---------------------------------------------------------------- allocation */

static void t_malloc_family(void)
{
    size_t free0 = heap_caps_get_free_size(0);
    failed_reset();
    /* calloc zeroes */
    unsigned char *c = heap_caps_calloc(50, 20, MALLOC_CAP_8BIT);
    REQUIRE(c);
    for (int i = 0; i < 1000; i++)
        CHECK(c[i] == 0);
    CHECK(heap_caps_get_allocated_size(c) >= 1000);
    /* realloc keeps the content */
    memset(c, 0x11, 1000);
    c = heap_caps_realloc(c, 20000, MALLOC_CAP_8BIT);
    REQUIRE(c);
    for (int i = 0; i < 1000; i++)
        CHECK(c[i] == 0x11);
    heap_caps_free(c);
    /* aligned */
    for (size_t a = 1; a <= 4096; a <<= 1) {
        void *p = heap_caps_aligned_alloc(a, 100, MALLOC_CAP_8BIT);
        REQUIRE(p);
        CHECK((uintptr_t)p % a == 0);
        heap_caps_aligned_free(p);
        unsigned char *z = heap_caps_aligned_calloc(a, 10, 10, MALLOC_CAP_DMA);
        REQUIRE(z);
        CHECK((uintptr_t)z % a == 0);
        for (int i = 0; i < 100; i++)
            CHECK(z[i] == 0);
        heap_caps_free(z);
    }
    /* 32BIT and EXEC round the size to words */
    void *w = heap_caps_malloc(5, MALLOC_CAP_32BIT);
    REQUIRE(w);
    CHECK(heap_caps_get_allocated_size(w) >= 8);
    CHECK_EQ_SZ(heap_caps_get_allocated_size(w) % 4, 0);
    heap_caps_free(w);
    /* DMA memory is word aligned on the ESP32 */
    for (int i = 0; i < 8; i++) {
        void *d = heap_caps_malloc((size_t)(1 + i * 3), MALLOC_CAP_DMA);
        REQUIRE(d);
        CHECK((uintptr_t)d % 4 == 0);
        CHECK(esp_ptr_dma_capable(d));
        heap_caps_free(d);
    }
    /* prefer: first caps that works */
    void *p = heap_caps_malloc_prefer(100, 2, MALLOC_CAP_SPIRAM, MALLOC_CAP_8BIT);
    REQUIRE(p); /* no SPIRAM yet: the second choice */
    CHECK(esp_ptr_internal(p));
    unsigned char *z = heap_caps_calloc_prefer(10, 10, 2, MALLOC_CAP_SPIRAM, MALLOC_CAP_DMA);
    REQUIRE(z);
    CHECK(esp_ptr_dma_capable(z));
    for (int i = 0; i < 100; i++)
        CHECK(z[i] == 0);
    memset(z, 0x77, 100);
    z = heap_caps_realloc_prefer(z, 3000, 2, MALLOC_CAP_SPIRAM, MALLOC_CAP_8BIT);
    REQUIRE(z);
    for (int i = 0; i < 100; i++)
        CHECK(z[i] == 0x77);
    heap_caps_free(z);
    heap_caps_free(p);
    CHECK_EQ_U(failed_calls, 0);
    /* sizes of a pointer */
    unsigned char *b = heap_caps_malloc(777, MALLOC_CAP_8BIT);
    REQUIRE(b);
    size_t asz = heap_caps_get_allocated_size(b);
    size_t csz = heap_caps_get_containing_block_size(b);
    CHECK(asz >= 777);
    CHECK(csz >= asz);
    CHECK_EQ_SZ(heap_caps_get_containing_block_size(b + 500), csz);
    CHECK_EQ_SZ(heap_caps_get_containing_block_size(b + 776), csz);
    heap_caps_free(b);
    CHECK_EQ_SZ(heap_caps_get_containing_block_size(b + 10), 0); /* freed */
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
}

static void t_default_and_extmem(void)
{
    /* malloc() policy without external memory: internal only */
    void *a = heap_caps_malloc_default(20000);
    REQUIRE(a);
    CHECK(esp_ptr_internal(a));
    heap_caps_free(a);
    /* add the 4 MiB PSRAM window (chip addresses, as on a device) */
    CHECK(heap_caps_add_region(0x3F800000, 0x3FC00000) == ESP_OK);
    CHECK(heap_caps_add_region(0x3F800000, 0x3FC00000) == ESP_FAIL); /* twice */
    CHECK(heap_caps_get_total_size(MALLOC_CAP_SPIRAM) > 4000000);
    /* malloc() still never uses SPIRAM until enabled */
    a = heap_caps_malloc_default(20000);
    REQUIRE(a);
    CHECK(!esp_ptr_external_ram(a));
    heap_caps_free(a);
    /* but heap_caps_malloc(DEFAULT) may (run-time heaps are tried first) */
    void *d = heap_caps_malloc(100, MALLOC_CAP_DEFAULT);
    REQUIRE(d);
    CHECK(esp_ptr_external_ram(d));
    heap_caps_free(d);
    heap_caps_malloc_extmem_enable(4096);
    void *big = heap_caps_malloc_default(8192);
    void *small = heap_caps_malloc_default(100);
    REQUIRE(big && small);
    CHECK(esp_ptr_external_ram(big));
    CHECK(esp_ptr_internal(small));
    /* realloc_default follows the same limit */
    memset(small, 0x5D, 100);
    unsigned char *grown = heap_caps_realloc_default(small, 10000);
    REQUIRE(grown);
    CHECK(esp_ptr_external_ram(grown));
    for (int i = 0; i < 100; i++)
        CHECK(grown[i] == 0x5D);
    heap_caps_free(grown);
    heap_caps_free(big);
    heap_caps_malloc_extmem_enable(SIZE_MAX); /* off again (ESP-IDF's -1) */
    big = heap_caps_malloc_default(8192);
    REQUIRE(big);
    CHECK(!esp_ptr_external_ram(big));
    heap_caps_free(big);
    /* realloc across caps keeps the content: internal -> SPIRAM -> DMA */
    unsigned char *m = heap_caps_malloc(3000, MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL);
    REQUIRE(m);
    for (int i = 0; i < 3000; i++)
        m[i] = (unsigned char)(i * 7);
    m = heap_caps_realloc(m, 5000, MALLOC_CAP_SPIRAM);
    REQUIRE(m);
    CHECK(esp_ptr_external_ram(m));
    for (int i = 0; i < 3000; i++)
        CHECK(m[i] == (unsigned char)(i * 7));
    m = heap_caps_realloc(m, 2500, MALLOC_CAP_DMA);
    REQUIRE(m);
    CHECK(esp_ptr_dma_capable(m) && !esp_ptr_external_ram(m));
    for (int i = 0; i < 2500; i++)
        CHECK(m[i] == (unsigned char)(i * 7));
    heap_caps_free(m);
    CHECK(heap_caps_check_integrity_all(true));
}

/* ---------------------------------------------------------------- statistics */

static void t_statistics(void)
{
    uint32_t masks[] = { MALLOC_CAP_8BIT, MALLOC_CAP_DMA, MALLOC_CAP_EXEC, MALLOC_CAP_32BIT,
                         MALLOC_CAP_SPIRAM, MALLOC_CAP_INTERNAL, MALLOC_CAP_DEFAULT };
    for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++) {
        uint32_t m = masks[i];
        multi_heap_info_t info;
        heap_caps_get_info(&info, m);
        CHECK_EQ_SZ(info.total_free_bytes, heap_caps_get_free_size(m));
        CHECK_EQ_SZ(info.largest_free_block, heap_caps_get_largest_free_block(m));
        CHECK_EQ_SZ(info.minimum_free_bytes, heap_caps_get_minimum_free_size(m));
        CHECK_EQ_SZ(info.total_blocks, info.allocated_blocks + info.free_blocks);
        CHECK(heap_caps_get_total_size(m) >= heap_caps_get_free_size(m));
        CHECK(heap_caps_get_minimum_free_size(m) <= heap_caps_get_free_size(m));
    }
    /* largest free block is exact for 8-bit memory */
    size_t largest = heap_caps_get_largest_free_block(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    void *p = heap_caps_malloc(largest, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    CHECK_NOT_NULL(p);
    heap_caps_free(p);
    failed_reset();
    CHECK_NULL(heap_caps_malloc(largest + 1, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT));
    CHECK_EQ_U(failed_calls, 1);
    /* free size moves with allocations */
    size_t f0 = heap_caps_get_free_size(MALLOC_CAP_8BIT);
    p = heap_caps_malloc(4000, MALLOC_CAP_8BIT);
    REQUIRE(p);
    CHECK(heap_caps_get_free_size(MALLOC_CAP_8BIT) <= f0 - 4000);
    heap_caps_free(p);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_8BIT), f0);
}

static void t_monitor(void)
{
    const uint32_t m = MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT;
    /* a lifetime low first */
    void *dip = heap_caps_malloc(30000, m);
    REQUIRE(dip);
    heap_caps_free(dip);
    size_t lifetime = heap_caps_get_minimum_free_size(m);
    CHECK(lifetime < heap_caps_get_free_size(m));
    CHECK(heap_caps_monitor_local_minimum_free_size_start() == ESP_OK);
    CHECK(heap_caps_monitor_local_minimum_free_size_start() == ESP_FAIL);
    CHECK_EQ_SZ(heap_caps_get_minimum_free_size(m), heap_caps_get_free_size(m));
    void *q = heap_caps_malloc(5000, m);
    REQUIRE(q);
    heap_caps_free(q);
    size_t window = heap_caps_get_minimum_free_size(m);
    CHECK(window < heap_caps_get_free_size(m));
    CHECK(window > lifetime);
    CHECK(heap_caps_monitor_local_minimum_free_size_stop() == ESP_OK);
    CHECK(heap_caps_monitor_local_minimum_free_size_stop() == ESP_FAIL);
    /* per heap, the lower of its lifetime and window minimums: the sum is
     * the lifetime one, less the window's dip in heaps the earlier dip did
     * not touch */
    size_t after = heap_caps_get_minimum_free_size(m);
    CHECK(after <= lifetime);
    CHECK(after + 5000 + 64 >= lifetime);
}

static void t_print_info_format(void)
{
    const uint32_t m = MALLOC_CAP_DMA;
    capture_start();
    heap_caps_print_heap_info(m);
    capture_stop();
    CHECK(strncmp(out, "Heap summary for capabilities 0x00000008:\n", 42) == 0);
    size_t heaps = 0;
    for (size_t i = 0; i < capheap_caps_heap_count(capheap_espidf_instance()); i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(capheap_espidf_instance(), i);
        if ((capheap_caps_heap_caps(h) & m) == m)
            heaps++;
    }
    CHECK(heaps >= 3);
    CHECK_EQ_SZ(count_substr(out, "\n  At 0x"), heaps);
    CHECK_EQ_SZ(count_substr(out, "\n    largest_free_block "), heaps);
    multi_heap_info_t info;
    heap_caps_get_info(&info, m);
    char totals[200];
    snprintf(totals, sizeof totals,
             "  Totals:\n    free %zu allocated %zu min_free %zu largest_free_block %zu\n",
             info.total_free_bytes, info.total_allocated_bytes, info.minimum_free_bytes,
             info.largest_free_block);
    size_t tl = strlen(totals);
    CHECK(out_len >= tl && strcmp(out + out_len - tl, totals) == 0);
    /* one heap line, field by field */
    CHECK(strstr(out, "  At 0x3ffb2ec8 len 184632 free ") != NULL);
}

/* ---------------------------------------------------------------- integrity, dump, walk */

static void t_integrity(void)
{
    CHECK(heap_caps_check_integrity_all(true));
    unsigned char *a = heap_caps_malloc(64, MALLOC_CAP_DMA);
    unsigned char *b = heap_caps_malloc(64, MALLOC_CAP_DMA);
    REQUIRE(a && b);
    CHECK(heap_caps_check_integrity_addr((intptr_t)a, false));
    CHECK(!heap_caps_check_integrity_addr(0, false));
    CHECK(!heap_caps_check_integrity_addr((intptr_t)&foreign_object, false));
    /* smash what follows a's block */
    size_t n = heap_caps_get_allocated_size(a);
    unsigned char saved[32];
    memcpy(saved, a + n, sizeof saved);
    memset(a + n, 0xEE, 2 * sizeof(void *));
    capture_start();
    CHECK(!heap_caps_check_integrity_all(true));
    size_t printed = out_len;
    CHECK(!heap_caps_check_integrity(MALLOC_CAP_DMA, false));
    CHECK(!heap_caps_check_integrity_addr((intptr_t)a, false));
    CHECK(heap_caps_check_integrity(MALLOC_CAP_EXEC | MALLOC_CAP_32BIT, false) ||
          esp_ptr_in_diram_dram(a)); /* other heaps are sound */
    capture_stop();
    CHECK(printed > 0);            /* the damage was described */
    CHECK_EQ_SZ(out_len, printed); /* ... only when asked */
    memcpy(a + n, saved, sizeof saved);
    CHECK(heap_caps_check_integrity_all(false));
    heap_caps_free(a);
    heap_caps_free(b);
}

static void t_dump(void)
{
    void *a = heap_caps_malloc(48, MALLOC_CAP_EXEC);
    REQUIRE(a);
    capture_start();
    heap_caps_dump(MALLOC_CAP_EXEC);
    capture_stop();
    size_t exec_heaps = 0;
    capheap_caps_t *inst = capheap_espidf_instance();
    for (size_t i = 0; i < capheap_caps_heap_count(inst); i++)
        if (capheap_caps_heap_caps(capheap_caps_heap_at(inst, i)) & MALLOC_CAP_EXEC)
            exec_heaps++;
    CHECK_EQ_SZ(count_substr(out, "Showing data for heap: "), exec_heaps);
    char line[120];
    snprintf(line, sizeof line, "Block %p data, size: %zu bytes, Free: No \n", a,
             heap_caps_get_allocated_size(a));
    CHECK(strstr(out, line) != NULL);
    capture_start();
    heap_caps_dump_all();
    capture_stop();
    CHECK_EQ_SZ(count_substr(out, "Showing data for heap: "), capheap_caps_heap_count(inst));
    heap_caps_free(a);
}

typedef struct {
    size_t heaps, blocks, used_bytes;
    intptr_t last_start;
    bool inside, stop_each_heap;
    uint32_t caps;
} walk_t;

static bool walker(walker_heap_into_t heap, walker_block_info_t block, void *user)
{
    walk_t *w = user;
    if (heap.start != w->last_start) {
        w->heaps++;
        w->last_start = heap.start;
    }
    w->blocks++;
    if (block.used)
        w->used_bytes += block.size;
    if ((intptr_t)block.ptr < heap.start || (intptr_t)block.ptr + (intptr_t)block.size > heap.end)
        w->inside = false;
    return !w->stop_each_heap;
}

static void t_walk(void)
{
    capheap_caps_t *inst = capheap_espidf_instance();
    void *a = heap_caps_malloc(100, MALLOC_CAP_8BIT);
    REQUIRE(a);
    walk_t w = { 0, 0, 0, 0, true, false, 0 };
    heap_caps_walk_all(walker, &w);
    multi_heap_info_t info;
    heap_caps_get_info(&info, 0);
    CHECK_EQ_SZ(w.heaps, capheap_caps_heap_count(inst));
    CHECK_EQ_SZ(w.blocks, info.total_blocks);
    CHECK_EQ_SZ(w.used_bytes, info.total_allocated_bytes);
    CHECK(w.inside);
    /* false skips the rest of that heap only */
    walk_t s = { 0, 0, 0, 0, true, true, 0 };
    heap_caps_walk(MALLOC_CAP_INVALID, walker, &s);
    CHECK_EQ_SZ(s.heaps, capheap_caps_heap_count(inst));
    CHECK_EQ_SZ(s.blocks, s.heaps);
    /* by caps */
    walk_t e = { 0, 0, 0, 0, true, true, 0 };
    heap_caps_walk(MALLOC_CAP_SPIRAM, walker, &e);
    CHECK_EQ_SZ(e.heaps, 1);
    heap_caps_walk(MALLOC_CAP_8BIT, NULL, NULL);
    heap_caps_free(a);
}

/* ---------------------------------------------------------------- regions */

static void t_add_region(void)
{
    static unsigned char tiny[64];
    static _Alignas(16) unsigned char pool[64 * 1024];
    const uint32_t pid_caps[3] = { MALLOC_CAP_PID2 | MALLOC_CAP_8BIT, 0, 0 };
    const uint32_t none[3] = { 0, 0, 0 };
    CHECK(heap_caps_add_region(0, 0x1000) == ESP_ERR_INVALID_ARG);
    CHECK(heap_caps_add_region(0x2000, 0x1000) == ESP_ERR_INVALID_ARG);
    CHECK(heap_caps_add_region((intptr_t)pool, (intptr_t)(pool + sizeof pool)) ==
          ESP_ERR_NOT_FOUND); /* not memory of the chip's table */
    CHECK(heap_caps_add_region_with_caps(NULL, (intptr_t)pool, (intptr_t)(pool + 100)) ==
          ESP_ERR_INVALID_ARG);
    CHECK(heap_caps_add_region_with_caps(none, (intptr_t)pool, (intptr_t)(pool + 1000)) ==
          ESP_ERR_INVALID_ARG);
    CHECK(heap_caps_add_region_with_caps(pid_caps, (intptr_t)pool, (intptr_t)pool) ==
          ESP_ERR_INVALID_ARG);
    CHECK(heap_caps_add_region_with_caps(pid_caps, 0, 100) == ESP_ERR_INVALID_ARG);
    CHECK(heap_caps_add_region_with_caps(pid_caps, (intptr_t)tiny, (intptr_t)(tiny + sizeof tiny)) ==
          ESP_ERR_INVALID_SIZE);
    CHECK_NULL(heap_caps_malloc(10, MALLOC_CAP_PID2));
    CHECK(heap_caps_add_region_with_caps(pid_caps, (intptr_t)pool,
                                         (intptr_t)(pool + sizeof pool)) == ESP_OK);
    /* a heap added at run time starts its minimum at its own free size */
    CHECK_EQ_SZ(heap_caps_get_minimum_free_size(MALLOC_CAP_PID2),
                heap_caps_get_free_size(MALLOC_CAP_PID2));
    void *p = heap_caps_malloc(1000, MALLOC_CAP_PID2);
    REQUIRE(p);
    CHECK((unsigned char *)p >= pool && (unsigned char *)p < pool + sizeof pool);
    heap_caps_free(p);
    CHECK(heap_caps_get_minimum_free_size(MALLOC_CAP_PID2) + 1000 <=
          heap_caps_get_free_size(MALLOC_CAP_PID2));
    /* the same range, or one overlapping its start or end: ESP_FAIL */
    CHECK(heap_caps_add_region_with_caps(pid_caps, (intptr_t)pool,
                                         (intptr_t)(pool + sizeof pool)) == ESP_FAIL);
    CHECK(heap_caps_add_region_with_caps(pid_caps, (intptr_t)pool - 256,
                                         (intptr_t)(pool + 4096)) == ESP_FAIL);
    CHECK(heap_caps_add_region_with_caps(pid_caps, (intptr_t)(pool + sizeof pool - 4096),
                                         (intptr_t)pool + (intptr_t)sizeof pool + 256) == ESP_FAIL);
    /* a range inside a block the caller allocated is its memory: allowed */
    unsigned char *blk = heap_caps_malloc(16384, MALLOC_CAP_8BIT);
    REQUIRE(blk);
    const uint32_t pid3[3] = { MALLOC_CAP_PID3, 0, 0 };
    CHECK(heap_caps_add_region_with_caps(pid3, (intptr_t)(blk + 1024), (intptr_t)(blk + 9216)) ==
          ESP_OK);
    void *inner = heap_caps_malloc(100, MALLOC_CAP_PID3);
    REQUIRE(inner);
    CHECK((unsigned char *)inner >= blk + 1024 && (unsigned char *)inner < blk + 9216);
    CHECK(heap_caps_check_integrity_all(true));
}

static void t_nonos_stack_heaps(void)
{
    size_t before = heap_caps_get_total_size(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    size_t exec_before = heap_caps_get_total_size(MALLOC_CAP_EXEC);
    heap_caps_enable_nonos_stack_heaps();
    size_t after = heap_caps_get_total_size(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    /* the 14 KiB D/IRAM block at 3FFE0440 joins (less its records) */
    CHECK(after > before + 12 * 1024);
    CHECK(after <= before + 0x3AE0);
    CHECK_EQ_SZ(heap_caps_get_total_size(MALLOC_CAP_EXEC) - exec_before, after - before);
    heap_caps_enable_nonos_stack_heaps(); /* second call: nothing */
    CHECK_EQ_SZ(heap_caps_get_total_size(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT), after);
}

/* ---------------------------------------------------------------- predicates */

static void t_predicates(void)
{
    CHECK(!esp_dram_match_iram());
    void *d = heap_caps_malloc(64, MALLOC_CAP_DMA);
    void *x = heap_caps_malloc(64, MALLOC_CAP_EXEC);   /* IRAM first */
    void *s = heap_caps_malloc(64, MALLOC_CAP_SPIRAM);
    REQUIRE(d && x && s);
    CHECK(esp_ptr_dma_capable(d) && esp_ptr_internal(d) && esp_ptr_byte_accessible(d));
    CHECK(esp_ptr_in_dram(d) && !esp_ptr_executable(d) && !esp_ptr_external_ram(d));
    CHECK(esp_ptr_executable(x) && esp_ptr_in_iram(x) && esp_ptr_internal(x));
    CHECK(!esp_ptr_byte_accessible(x) && !esp_ptr_dma_capable(x) && !esp_ptr_in_dram(x));
    CHECK(esp_ptr_external_ram(s) && !esp_ptr_internal(s) && !esp_ptr_dma_capable(s));
    CHECK(esp_ptr_byte_accessible(s) && !esp_ptr_dma_ext_capable(s));
    CHECK(esp_ptr_word_aligned(d) && !esp_ptr_word_aligned((char *)d + 1));
    CHECK(!esp_ptr_internal(&foreign_object));
    /* the ESP32's D/IRAM alias is word-reversed */
    capheap_sim_t *sim = capheap_espidf_sim();
    REQUIRE(sim);
    void *dram = capheap_sim_to_host(sim, 0x3FFE4350);
    REQUIRE(dram);
    CHECK(esp_ptr_in_diram_dram(dram) && esp_ptr_in_dram(dram) && !esp_ptr_in_diram_iram(dram));
    void *iram = esp_ptr_diram_dram_to_iram(dram);
    REQUIRE(iram);
    CHECK_EQ_U(capheap_sim_to_chip(sim, iram), 0x400C0000u - (0x3FFE4350u - 0x3FFE0000u) - 4u);
    CHECK(esp_ptr_in_diram_iram(iram) && esp_ptr_executable(iram) && esp_ptr_in_iram(iram));
    CHECK(esp_ptr_diram_iram_to_dram(iram) == dram);
    CHECK_NULL(esp_ptr_diram_dram_to_iram((char *)dram + 1));
    CHECK_NULL(esp_ptr_diram_iram_to_dram(dram));
    void *rtc = capheap_sim_to_host(sim, 0x3FF80010);
    CHECK(rtc && esp_ptr_in_rtc_dram_fast(rtc) && !esp_ptr_in_rtc_iram_fast(rtc));
    heap_caps_free(d);
    heap_caps_free(x);
    heap_caps_free(s);
}

/* ---------------------------------------------------------------- overflow sweep */

static void t_overflow_sweep(void)
{
    /* Sizes near SIZE_MAX, and products that overflow, must fail cleanly in
     * every entry point: NULL, nothing allocated, heaps intact (the 2021
     * "BadAlloc" class: rounding or adding a header must not wrap). */
    const size_t huge[] = { SIZE_MAX, SIZE_MAX - 1, SIZE_MAX - 3, SIZE_MAX - 7, SIZE_MAX - 15,
                            SIZE_MAX - 64, SIZE_MAX / 2 + 1, SIZE_MAX / 2, (size_t)1 << 31 };
    const uint32_t caps[] = { MALLOC_CAP_8BIT, MALLOC_CAP_32BIT, MALLOC_CAP_EXEC, MALLOC_CAP_DMA,
                              MALLOC_CAP_SPIRAM, MALLOC_CAP_DEFAULT, MALLOC_CAP_CACHE_ALIGNED };
    size_t free0 = heap_caps_get_free_size(0);
    unsigned char *keep = heap_caps_malloc(64, MALLOC_CAP_8BIT);
    REQUIRE(keep);
    memset(keep, 0x99, 64);
    size_t keep_free = heap_caps_get_free_size(0);
    failed_reset();
    int expected_calls = 0;
    for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        size_t n = huge[i];
        for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
            uint32_t m = caps[c];
            CHECK_NULL(heap_caps_malloc(n, m));
            CHECK_NULL(heap_caps_calloc(1, n, m));
            CHECK_NULL(heap_caps_calloc(n, 1, m));
            CHECK_NULL(heap_caps_calloc(n, 3, m));   /* product overflows for the big ones */
            CHECK_NULL(heap_caps_aligned_alloc(16, n, m));
            CHECK_NULL(heap_caps_aligned_alloc(4096, n, m));
            CHECK_NULL(heap_caps_aligned_calloc(64, n, 2, m));
            CHECK_NULL(heap_caps_realloc(NULL, n, m));
            CHECK_NULL(heap_caps_realloc(keep, n, m));
            CHECK_NULL(heap_caps_malloc_prefer(n, 2, m, MALLOC_CAP_8BIT));
            CHECK_NULL(heap_caps_calloc_prefer(n, 2, 2, m, MALLOC_CAP_8BIT));
            CHECK_NULL(heap_caps_realloc_prefer(keep, n, 2, m, MALLOC_CAP_8BIT));
            expected_calls += 12;
        }
        CHECK_NULL(heap_caps_malloc_default(n));
        CHECK_NULL(heap_caps_realloc_default(keep, n));
        CHECK_NULL(heap_caps_realloc_default(NULL, n));
        expected_calls += 3;
        /* multi_heap on one of the chip's heaps sees the same sizes */
    }
    CHECK_EQ_U(failed_calls, expected_calls); /* every failure was reported */
    for (int i = 0; i < 64; i++)
        CHECK(keep[i] == 0x99);
    CHECK_EQ_SZ(heap_caps_get_free_size(0), keep_free);
    CHECK(heap_caps_check_integrity_all(true));
    heap_caps_free(keep);
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);

    /* multi_heap entry points */
    static _Alignas(16) unsigned char region[16384];
    multi_heap_handle_t h = multi_heap_register(region, sizeof region);
    REQUIRE(h);
    size_t mfree = multi_heap_free_size(h);
    void *mk = multi_heap_malloc(h, 32);
    REQUIRE(mk);
    for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        CHECK_NULL(multi_heap_malloc(h, huge[i]));
        CHECK_NULL(multi_heap_aligned_alloc(h, huge[i], 64));
        CHECK_NULL(multi_heap_aligned_alloc_offs(h, huge[i], 64, 16));
        CHECK_NULL(multi_heap_realloc(h, mk, huge[i]));
        CHECK_NULL(multi_heap_realloc(h, NULL, huge[i]));
    }
    multi_heap_free(h, mk);
    CHECK(multi_heap_check(h, true));
    CHECK_EQ_SZ(multi_heap_free_size(h), mfree);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_constants);
    RUN(t_before_init);
    RUN(t_unknown_chip);
    if (capheap_espidf_instance() == NULL && getenv("CAPHEAP_CHIP") &&
        !capheap_chip_find(getenv("CAPHEAP_CHIP")))
        return check_summary("espidf.api (unknown chip)");
    RUN(t_init_log);
    RUN(t_init_twice);
    RUN(t_zero_sizes);
    RUN(t_failures);
    RUN(t_malloc_family);
    RUN(t_default_and_extmem);
    RUN(t_statistics);
    RUN(t_monitor);
    RUN(t_print_info_format);
    RUN(t_integrity);
    RUN(t_dump);
    RUN(t_walk);
    RUN(t_add_region);
    RUN(t_nonos_stack_heaps);
    RUN(t_predicates);
    RUN(t_overflow_sweep);
    return check_summary("espidf.api");
}
