/*
 * A capheap_print_fn sink that collects printed text into a fixed buffer
 * (truncated, always NUL-terminated), for tests that check what a print or
 * report function wrote. Header-only; shared by the caps and tasks fixtures.
 */
#ifndef CAPHEAP_TEST_TEXT_SINK_H
#define CAPHEAP_TEST_TEXT_SINK_H

#include <stddef.h>
#include <string.h>

typedef struct {
    char buf[16384];
    size_t len;
} sink_t;

static inline void sink_fn(void *ctx, const char *text)
{
    sink_t *s = (sink_t *)ctx;
    size_t n = strlen(text);
    if (s->len + n >= sizeof s->buf)
        n = sizeof s->buf - 1 - s->len;
    memcpy(s->buf + s->len, text, n);
    s->len += n;
    s->buf[s->len] = 0;
}

#endif
