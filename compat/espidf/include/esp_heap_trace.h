/*
 * ESP-IDF heap tracing API (esp_heap_trace.h), standalone mode, over
 * capheap's tracing layer (capheap/trace.h) on the default instance.
 *
 * Names, types and constant values are ESP-IDF's. The functions work when
 * the library is built with CAPHEAP_HEAP_TRACING=1 (CMake option
 * CAPHEAP_HEAP_TRACING=ON); otherwise each returns ESP_ERR_NOT_SUPPORTED
 * (or 0 / does nothing), as ESP-IDF does with tracing off in menuconfig.
 *
 * Differences from ESP-IDF (docs/tracing.md):
 *  - a free finds its record through a hash index kept inside the record
 *    buffer (O(1)), without ESP-IDF's separate hash-map allocation;
 *  - records have capheap's extra fields (caps, owner, time stamps, realloc
 *    link); `ccount` holds the time stamp in microseconds with bits 0-1
 *    clear (CPU 0), not a cycle count;
 *  - heap_trace_init_tohost() returns ESP_ERR_NOT_SUPPORTED;
 *  - on the host, heap_trace_dump() follows each record with one line per
 *    caller the build can name ("0x...: function+0x..."), like ESP-IDF's
 *    monitor does.
 * Allocations through heap_caps_*, malloc of the default instance and
 * anything built on capheap_caps_* are traced; multi_heap_* calls on heaps
 * registered by hand are not (ESP-IDF traces the heap_caps layer too).
 */
#ifndef CAPHEAP_ESP_HEAP_TRACE_H
#define CAPHEAP_ESP_HEAP_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capheap/trace.h"
#include "capheap_esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    HEAP_TRACE_ALL = 0,   /* every allocation and free */
    HEAP_TRACE_LEAKS = 1  /* a free removes the allocation's record */
} heap_trace_mode_t;

/* One record (capheap/trace.h: ESP-IDF's fields first, then capheap's). */
typedef struct capheap_trace_record heap_trace_record_t;

typedef struct {
    heap_trace_mode_t mode;
    size_t total_allocations;
    size_t total_frees;
    size_t count;
    size_t capacity;
    size_t high_water_mark;
    size_t has_overflowed;
} heap_trace_summary_t;

/*
 * Uses record_buffer[0..num_records) for the trace (the buffer must outlive
 * it). ESP_ERR_INVALID_STATE while tracing runs, ESP_ERR_INVALID_ARG for a
 * NULL buffer or 0 records, except (NULL, 0), which releases the buffer.
 * O(1).
 */
esp_err_t heap_trace_init_standalone(heap_trace_record_t *record_buffer, size_t num_records);

/* Host-based tracing (through JTAG) is not provided: ESP_ERR_NOT_SUPPORTED. */
esp_err_t heap_trace_init_tohost(void);

/*
 * Clears the buffer and starts tracing the default instance in `mode`
 * (restarts a running trace). ESP_ERR_INVALID_STATE without a buffer,
 * ESP_ERR_INVALID_ARG for an unknown mode. O(records).
 */
esp_err_t heap_trace_start(heap_trace_mode_t mode);

/* Stops tracing (records stay). ESP_ERR_INVALID_STATE if not tracing. O(1). */
esp_err_t heap_trace_stop(void);

/* Stops recording allocations; frees are still recorded.
 * ESP_ERR_INVALID_STATE unless tracing runs unpaused. O(1). */
esp_err_t heap_trace_alloc_pause(void);

/* Continues after stop or pause without clearing the buffer, in the last
 * mode. ESP_ERR_INVALID_STATE if running or never initialised. O(1). */
esp_err_t heap_trace_resume(void);

/* Records in the buffer (0 without a buffer). O(1). */
size_t heap_trace_get_count(void);

/* Copies record `index` (0 = oldest). ESP_ERR_INVALID_STATE if record is
 * NULL or there is no buffer, ESP_ERR_INVALID_ARG if index >= count.
 * O(index); sequential reads O(1) each. */
esp_err_t heap_trace_get(size_t index, heap_trace_record_t *record);

/* Prints the records and the summary in ESP-IDF's format to the ESP-IDF
 * layer's print sink (capheap_espidf_set_print). O(records). */
void heap_trace_dump(void);

/* As heap_trace_dump, only records in MALLOC_CAP_INTERNAL and/or
 * MALLOC_CAP_SPIRAM memory as `caps` asks. */
void heap_trace_dump_caps(const uint32_t caps);

/* Totals. ESP_ERR_INVALID_ARG if summary is NULL. O(1). */
esp_err_t heap_trace_summary(heap_trace_summary_t *summary);

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING
/* capheap extension: the trace behind this API (NULL before
 * heap_trace_init_standalone), for capheap_trace_dump_capheap() and the
 * other native functions. */
capheap_trace_t *capheap_espidf_heap_trace(void);
#endif

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_ESP_HEAP_TRACE_H */
