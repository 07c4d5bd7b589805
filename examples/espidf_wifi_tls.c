/*
 * ESP-IDF heap API on a simulated ESP32: what `make run` shows.
 *
 * The program uses only ESP-IDF's heap API (esp_heap_caps.h and friends),
 * as firmware would, on capheap's host simulation of the ESP32 memory map
 * (CAPHEAP_CHIP chooses another chip). It plays a small, representative
 * day of a Wi-Fi station that talks TLS:
 *   1. start-up: heap_caps_init() prints ESP-IDF's heap summary, the PSRAM
 *      driver adds the 4 MiB SPIRAM window, the scheduler starts and the
 *      start-up stack memory joins the heap;
 *   2. Wi-Fi init: many small internal allocations, DMA-capable RX/TX
 *      buffers, a few IRAM (EXEC) code trampolines;
 *   3. a TLS handshake: a short spike of internal memory (record buffers,
 *      certificate chain, big-number scratch) measured with the local
 *      minimum monitor; the session survives it;
 *   4. application buffers in SPIRAM, one moved to DMA memory with realloc;
 * then prints heap_caps_print_heap_info for DEFAULT, DMA, EXEC and SPIRAM.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "esp_memory_utils.h"

#include "capheap_espidf.h" /* capheap extras: the simulated chip's table */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void on_alloc_failed(size_t size, uint32_t caps, const char *function_name)
{
    printf("W heap: %s(%zu, caps 0x%08x) failed\n", function_name, size, (unsigned)caps);
}

/* A tiny deterministic generator, so every run does the same thing. */
static uint32_t rng = 0x2545F491u;
static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* The chip's external RAM that the application adds at run time. */
static bool external_ram_window(intptr_t *start, intptr_t *end)
{
    const capheap_chip_t *chip = capheap_espidf_chip();
    for (size_t i = 0; chip && i < chip->region_count; i++) {
        const capheap_chip_region_t *r = &chip->regions[i];
        const capheap_mem_type_t *t = &chip->types[r->type];
        if (((t->caps[0] | t->caps[1] | t->caps[2]) & MALLOC_CAP_SPIRAM) &&
            ((t->flags | r->flags) & CAPHEAP_MT_RUNTIME)) {
            *start = (intptr_t)r->start;
            *end = (intptr_t)(r->start + r->size);
            return true;
        }
    }
    return false;
}

static void line(const char *what)
{
    printf("%-34s internal free %7zu  largest %7zu  DMA free %7zu  SPIRAM free %8zu\n", what,
           heap_caps_get_free_size(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT),
           heap_caps_get_largest_free_block(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT),
           heap_caps_get_free_size(MALLOC_CAP_DMA), heap_caps_get_free_size(MALLOC_CAP_SPIRAM));
}

int main(void)
{
    /* ---- 1. start-up */
    heap_caps_init();
    if (heap_caps_get_total_size(MALLOC_CAP_8BIT) == 0) {
        fprintf(stderr, "heap_caps_init failed\n");
        return 1;
    }
    heap_caps_register_failed_alloc_callback(on_alloc_failed);
    /* The PSRAM driver adds the external RAM window and lets malloc() use
     * it for requests above 16 KiB. On an ESP32 that is
     *     heap_caps_add_region(0x3F800000, 0x3FC00000);
     * here the window comes from the simulated chip's table. */
    intptr_t ext_start = 0, ext_end = 0;
    esp_err_t err = ESP_ERR_NOT_FOUND;
    if (external_ram_window(&ext_start, &ext_end))
        err = heap_caps_add_region(ext_start, ext_end);
    if (err == ESP_OK) {
        printf("I esp_psram: Adding pool of %zuK of PSRAM memory to heap allocator\n",
               heap_caps_get_total_size(MALLOC_CAP_SPIRAM) / 1024);
        heap_caps_malloc_extmem_enable(16 * 1024);
    } else {
        printf("I esp_psram: no PSRAM window on this chip (error 0x%x)\n", (unsigned)err);
    }
    heap_caps_enable_nonos_stack_heaps(); /* the scheduler runs */
    printf("\n");
    line("after start-up");

    /* ---- 2. Wi-Fi driver */
    static void *wifi_small[120];
    for (size_t i = 0; i < COUNT(wifi_small); i++)
        wifi_small[i] = heap_caps_malloc_default(24 + next() % 480);
    static void *dma_rx[10], *dma_tx[6];
    for (size_t i = 0; i < COUNT(dma_rx); i++)
        dma_rx[i] = heap_caps_malloc(1600, MALLOC_CAP_DMA);
    for (size_t i = 0; i < COUNT(dma_tx); i++)
        dma_tx[i] = heap_caps_malloc(1600, MALLOC_CAP_DMA);
    static void *iram_code[3];
    for (size_t i = 0; i < COUNT(iram_code); i++) {
        iram_code[i] = heap_caps_malloc(2048, MALLOC_CAP_EXEC);
        if (iram_code[i])
            memset(iram_code[i], 0, 2048); /* "copy code" (32-bit stores on a device) */
    }
    /* drop every third small allocation: the driver's temporary state */
    for (size_t i = 0; i < COUNT(wifi_small); i += 3) {
        heap_caps_free(wifi_small[i]);
        wifi_small[i] = NULL;
    }
    line("Wi-Fi started");
    printf("  DMA buffers DMA-capable: %s, EXEC buffers executable: %s\n",
           esp_ptr_dma_capable(dma_rx[0]) && esp_ptr_dma_capable(dma_tx[5]) ? "yes" : "NO",
           !iram_code[0] ? "none (no executable RAM on this chip)"
           : esp_ptr_executable(iram_code[0]) && esp_ptr_executable(iram_code[2]) ? "yes"
                                                                                  : "NO");

    /* ---- 3. TLS handshake */
    heap_caps_monitor_local_minimum_free_size_start();
    size_t before = heap_caps_get_free_size(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    void *in_buf = heap_caps_calloc(1, 16384 + 325, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    void *out_buf = heap_caps_calloc(1, 4096 + 325, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    static void *chain[60];
    for (size_t i = 0; i < COUNT(chain); i++)
        chain[i] = heap_caps_calloc(1, 64 + next() % 700, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    static void *bignum[40];
    for (size_t i = 0; i < COUNT(bignum); i++)
        bignum[i] = heap_caps_malloc_default(128 + next() % 384);
    line("TLS handshake peak");
    for (size_t i = 0; i < COUNT(bignum); i++)
        heap_caps_free(bignum[i]);
    for (size_t i = 0; i < COUNT(chain); i++)
        heap_caps_free(chain[i]);
    void *session = heap_caps_malloc_default(2048);
    out_buf = heap_caps_realloc(out_buf, 1024 + 325, MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    size_t window_min = heap_caps_get_minimum_free_size(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT);
    heap_caps_monitor_local_minimum_free_size_stop();
    line("TLS session up");
    printf("  handshake used at most %zu bytes of internal RAM (window minimum %zu)\n",
           before - window_min, window_min);

    /* ---- 4. application buffers */
    void *http = heap_caps_malloc_default(64 * 1024);   /* > 16 KiB: SPIRAM */
    void *json = heap_caps_malloc_default(512);         /* small: internal */
    void *frame = heap_caps_malloc(32 * 1024, MALLOC_CAP_SPIRAM);
    if (frame)
        memset(frame, 0x42, 32 * 1024);
    /* the frame goes to a DMA peripheral: move it to DMA-capable memory */
    void *dma_frame = heap_caps_realloc(frame, 8 * 1024, MALLOC_CAP_DMA);
    printf("  http buffer in %s, json in %s, frame moved to DMA memory: %s\n",
           esp_ptr_external_ram(http) ? "SPIRAM" : "internal RAM",
           esp_ptr_internal(json) ? "internal RAM" : "SPIRAM",
           !frame ? "no frame (no SPIRAM)"
           : dma_frame && esp_ptr_dma_capable(dma_frame) &&
                   ((unsigned char *)dma_frame)[8191] == 0x42 ? "yes, content kept" : "NO");
    line("application running");
    printf("\n");

    heap_caps_print_heap_info(MALLOC_CAP_DEFAULT);
    heap_caps_print_heap_info(MALLOC_CAP_DMA);
    heap_caps_print_heap_info(MALLOC_CAP_EXEC);
    heap_caps_print_heap_info(MALLOC_CAP_SPIRAM);

    bool ok = heap_caps_check_integrity_all(true);
    printf("\nheap integrity: %s\n", ok ? "OK" : "DAMAGED");

    /* tidy up: everything goes back */
    heap_caps_free(http);
    heap_caps_free(json);
    heap_caps_free(dma_frame);
    heap_caps_free(session);
    heap_caps_free(in_buf);
    heap_caps_free(out_buf);
    for (size_t i = 0; i < COUNT(iram_code); i++)
        heap_caps_free(iram_code[i]);
    for (size_t i = 0; i < COUNT(dma_rx); i++)
        heap_caps_free(dma_rx[i]);
    for (size_t i = 0; i < COUNT(dma_tx); i++)
        heap_caps_free(dma_tx[i]);
    for (size_t i = 0; i < COUNT(wifi_small); i++)
        heap_caps_free(wifi_small[i]);
    multi_heap_info_t info;
    heap_caps_get_info(&info, 0); /* caps 0: every heap */
    printf("after freeing everything: %zu blocks allocated\n", info.allocated_blocks);
    return ok && info.allocated_blocks == 0 ? 0 : 1;
}
