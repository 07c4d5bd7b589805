/*
 * Private to compat/espidf: the default instance's state, the print sink and
 * the log line helper shared by the ESP-IDF compatibility sources.
 */
#ifndef CAPHEAP_ESPIDF_INTERNAL_H
#define CAPHEAP_ESPIDF_INTERNAL_H

#include "capheap_espidf.h"
#include "esp_heap_caps.h"

/* The one default instance (written only by the init functions). */
typedef struct espidf_state {
    capheap_caps_t *caps;        /* NULL until initialised */
    const capheap_chip_t *chip;  /* may be NULL (init_instance without chip) */
    capheap_sim_t *sim;          /* NULL on bare metal / init_instance */
    /* The fast paths' instances, never NULL: before heap_caps_init they
     * are espidf_idle, a stand-in whose one heap record turns every fast
     * path away (heap_caps.c tells it apart on the way out). */
    capheap_caps_t *free_caps;   /* caps, once initialised */
    capheap_caps_t *quiet_caps;  /* caps while nothing has to follow a failed
                                    heap_caps_malloc (no failure callback, no
                                    abort on failure) */
} espidf_state_t;

extern espidf_state_t espidf_state;
extern struct capheap_caps espidf_idle;

/* Sets espidf_state.quiet_caps from the instance and the failure policy. */
void espidf_update_quiet(void);

/* Current print sink (never NULL: the stdout default when none is set). */
void espidf_get_print(capheap_print_fn *print, void **ctx);

/* Formats (capheap_snprintf rules, at most 255 bytes) to the print sink. */
void espidf_printf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Milliseconds since the first call (ESP-IDF log time stamps). */
unsigned long espidf_log_ms(void);

/* Copies capheap's heap statistics into ESP-IDF's multi_heap_info_t. */
void espidf_info_from(multi_heap_info_t *info, const capheap_heap_info_t *ci);

/* The allocated block of engine heap h whose payload holds address
 * `target`, or NULL. O(blocks) walk; the caller holds the heap's lock. */
void *espidf_find_used_block(capheap_heap_t *h, uintptr_t target);

/* The error hook given to the default instance: forwards to the user's
 * hook or prints "E (ms) heap_caps: <reason> at <addr>". */
void espidf_error_trampoline(void *ctx, capheap_error_reason_t reason, const void *where);

/* The print sink given to the default instance (forwards to the current
 * sink). */
void espidf_print_trampoline(void *ctx, const char *text);

/* The extmem limit set before / after init (SIZE_MAX: off). */
extern size_t espidf_extmem_limit;

/* The default instance was just set: installs the esp_heap_trace_*_hook
 * trampolines (when the program defines a hook) and attaches a heap trace
 * made before (heap_trace.c). */
void espidf_trace_adopt(capheap_caps_t *caps);

#endif /* CAPHEAP_ESPIDF_INTERNAL_H */
