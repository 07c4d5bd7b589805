/*
 * The libc-style peers, one binary each, chosen at compile time:
 *   BENCH_PEER_GLIBC     glibc malloc
 *   BENCH_PEER_MIMALLOC  mimalloc through its mi_* API (libmimalloc-dev)
 *   BENCH_PEER_JEMALLOC  jemalloc linked in place of malloc (libjemalloc-dev,
 *                        Debian builds it without a symbol prefix)
 * None is bounded by a region: the request sequence alone decides the live
 * set, exactly as for capheap.
 */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>

#if defined(BENCH_PEER_MIMALLOC)
#include <mimalloc.h>
#define P_NAME "mimalloc"
#define P_MALLOC mi_malloc
#define P_FREE mi_free
#define P_REALLOC mi_realloc
#define P_USABLE mi_usable_size
#elif defined(BENCH_PEER_JEMALLOC)
#include <jemalloc/jemalloc.h>
#define P_NAME "jemalloc"
#define P_MALLOC malloc
#define P_FREE free
#define P_REALLOC realloc
#define P_USABLE malloc_usable_size
#elif defined(BENCH_PEER_GLIBC)
#include <gnu/libc-version.h>
#include <malloc.h>
#define P_NAME "glibc"
#define P_MALLOC malloc
#define P_FREE free
#define P_REALLOC realloc
#define P_USABLE malloc_usable_size
#else
#error "define one of BENCH_PEER_GLIBC, BENCH_PEER_MIMALLOC, BENCH_PEER_JEMALLOC"
#endif

static int dummy_ctx;

static void *p_init(size_t region) { (void)region; return &dummy_ctx; }

static void *p_malloc(void *ctx, size_t n) { (void)ctx; return P_MALLOC(n); }
static void p_free(void *ctx, void *p) { (void)ctx; P_FREE(p); }
static void *p_realloc(void *ctx, void *p, size_t n) { (void)ctx; return P_REALLOC(p, n); }

static void *cal_malloc(void *ctx, size_t n) { (void)ctx; return bench_ret_p_s(n); }
static void cal_free(void *ctx, void *p) { (void)ctx; bench_ret_v_p(p); }
static void *cal_realloc(void *ctx, void *p, size_t n) { (void)ctx; return bench_ret_p_ps2(p, n); }

static size_t p_usable(void *ctx, void *p) { (void)ctx; return P_USABLE(p); }
static size_t p_free_bytes(void *ctx) { (void)ctx; return 0; }

static const char *p_describe(void)
{
    static char text[128];
#if defined(BENCH_PEER_MIMALLOC)
    snprintf(text, sizeof text, "mimalloc %d (mi_* API)", mi_version());
#elif defined(BENCH_PEER_JEMALLOC)
    const char *v = "?";
    size_t len = sizeof v;
    if (mallctl("version", &v, &len, NULL, 0) != 0)
        v = "? (mallctl failed: not jemalloc?)";
    snprintf(text, sizeof text, "jemalloc %s", v);
#else
    snprintf(text, sizeof text, "glibc %s malloc", gnu_get_libc_version());
#endif
    return text;
}

const bench_alloc_t bench_alloc = {
    .name = P_NAME,
    .bounded = false,
    .init = p_init,
    .calls = { p_malloc, p_free, p_realloc },
    .calib = { cal_malloc, cal_free, cal_realloc },
    .usable = p_usable,
    .free_bytes = p_free_bytes,
    .describe = p_describe,
};
