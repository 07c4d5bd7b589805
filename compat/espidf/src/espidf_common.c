/*
 * Print sink, log time stamps and error reporting of the ESP-IDF layer.
 * compat/ may print to the console: the default sink writes to stdout.
 */
#include <stdarg.h>
#include <stdio.h>

#include "capheap/port.h"
#include "espidf_internal.h"
#include "poison.h"
#include "../../../src/caps/caps_internal.h" /* the stand-in instance */

/* The stand-in instance: its heap record's fast-path words refuse every
 * request and every pointer (fast_block all ones, fast_span 0); nothing
 * else of it is ever read. */
static caps_heap_t s_idle_heap = { .fast_block = { ~0u, ~0u } };
struct capheap_caps espidf_idle = { .first = &s_idle_heap, .hint = &s_idle_heap };

espidf_state_t espidf_state = { .free_caps = &espidf_idle, .quiet_caps = &espidf_idle };
size_t espidf_extmem_limit = SIZE_MAX;

static void stdout_sink(void *ctx, const char *text)
{
    (void)ctx;
    fputs(text, stdout);
}

static capheap_print_fn s_print = stdout_sink;
static void *s_print_ctx;

void capheap_espidf_set_print(capheap_print_fn print, void *ctx)
{
    s_print = print ? print : stdout_sink;
    s_print_ctx = print ? ctx : NULL;
}

void espidf_get_print(capheap_print_fn *print, void **ctx)
{
    *print = s_print;
    *ctx = s_print_ctx;
}

void espidf_print_trampoline(void *ctx, const char *text)
{
    (void)ctx;
    s_print(s_print_ctx, text);
}

void espidf_printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    /* capheap_snprintf has no va_list form; compat/ may use stdio. */
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    s_print(s_print_ctx, buf);
}

unsigned long espidf_log_ms(void)
{
    static uint64_t base;
    static bool have_base;
    uint64_t now = capheap_port_time_us();
    if (!have_base) {
        base = now;
        have_base = true;
    }
    return (unsigned long)((now - base) / 1000u);
}

static capheap_error_fn s_error_hook;
static void *s_error_ctx;

void capheap_espidf_set_error_hook(capheap_error_fn hook, void *ctx)
{
    s_error_hook = hook;
    s_error_ctx = hook ? ctx : NULL;
}

void espidf_error_trampoline(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    if (s_error_hook) {
        s_error_hook(s_error_ctx, reason, where);
        return;
    }
    espidf_printf("E (%lu) heap_caps: %s at %p\n", espidf_log_ms(),
                  capheap_error_reason_str(reason), where);
}

capheap_caps_t *capheap_espidf_instance(void)
{
    return espidf_state.caps;
}

const capheap_chip_t *capheap_espidf_chip(void)
{
    return espidf_state.chip;
}

capheap_sim_t *capheap_espidf_sim(void)
{
    return espidf_state.sim;
}

typedef struct {
    uintptr_t target;
    void *found;
} find_ctx_t;

static bool find_cb(void *ctx, void *ptr, size_t size, bool used)
{
    find_ctx_t *f = ctx;
    uintptr_t a = (uintptr_t)ptr;
    if (f->target < a)
        return false; /* blocks come in address order: passed it */
    if (used && f->target < a + size) {
        f->found = ptr;
        return false;
    }
    return true;
}

void *espidf_find_used_block(capheap_heap_t *h, uintptr_t target)
{
    find_ctx_t f = { target, NULL };
    capheap_dbg_walk(h, find_cb, &f);
    return f.found;
}

void espidf_info_from(multi_heap_info_t *info, const capheap_heap_info_t *ci)
{
    info->total_free_bytes = ci->total_free_bytes;
    info->total_allocated_bytes = ci->total_allocated_bytes;
    info->largest_free_block = ci->largest_free_block;
    info->minimum_free_bytes = ci->minimum_free_bytes;
    info->allocated_blocks = ci->allocated_blocks;
    info->free_blocks = ci->free_blocks;
    info->total_blocks = ci->total_blocks;
}
