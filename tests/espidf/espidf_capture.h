/*
 * Captures what the ESP-IDF layer prints (its print sink) into `out`, for
 * tests that compare output. Header-only: each test program has one copy.
 */
#ifndef CAPHEAP_TEST_ESPIDF_CAPTURE_H
#define CAPHEAP_TEST_ESPIDF_CAPTURE_H

#include <string.h>

#include "capheap_espidf.h"

static char out[128 * 1024];
static size_t out_len;

static void capture(void *ctx, const char *text)
{
    (void)ctx;
    size_t n = strlen(text);
    if (out_len + n >= sizeof out)
        n = sizeof out - 1 - out_len;
    memcpy(out + out_len, text, n);
    out_len += n;
    out[out_len] = '\0';
}

static void capture_start(void)
{
    out_len = 0;
    out[0] = '\0';
    capheap_espidf_set_print(capture, NULL);
}

static void capture_stop(void)
{
    capheap_espidf_set_print(NULL, NULL);
}

#endif
