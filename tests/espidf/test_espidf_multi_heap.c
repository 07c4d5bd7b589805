/*
 * multi_heap_* (ESP-IDF v5.5 API) over one engine heap: every function,
 * its documented edge cases, the struct layout, the text of dump, the lock,
 * and the stress rig through multi_heap.
 */
#include <pthread.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "capheap/port.h"
#include "capheap_espidf.h"
#include "check.h"
#include "multi_heap.h"
#include "prng.h"
#include "stress.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static alignas(64) unsigned char region[96 * 1024];

#include "espidf_capture.h"

static multi_heap_handle_t fresh(void)
{
    multi_heap_handle_t h = multi_heap_register(region, sizeof region);
    return h;
}

static void t_info_layout(void)
{
    /* ESP-IDF's field order: code that reads the struct by position (or
     * shares it with a device) depends on it. */
    CHECK_EQ_SZ(offsetof(multi_heap_info_t, total_free_bytes), 0 * sizeof(size_t));
    CHECK_EQ_SZ(offsetof(multi_heap_info_t, total_allocated_bytes), 1 * sizeof(size_t));
    CHECK_EQ_SZ(offsetof(multi_heap_info_t, largest_free_block), 2 * sizeof(size_t));
    CHECK_EQ_SZ(offsetof(multi_heap_info_t, minimum_free_bytes), 3 * sizeof(size_t));
    CHECK_EQ_SZ(offsetof(multi_heap_info_t, allocated_blocks), 4 * sizeof(size_t));
    CHECK_EQ_SZ(offsetof(multi_heap_info_t, free_blocks), 5 * sizeof(size_t));
    CHECK_EQ_SZ(offsetof(multi_heap_info_t, total_blocks), 6 * sizeof(size_t));
    CHECK_EQ_SZ(sizeof(multi_heap_info_t), 7 * sizeof(size_t));
}

static void t_register(void)
{
    CHECK_NULL(multi_heap_register(NULL, 4096));
    CHECK_NULL(multi_heap_register(region, 0));
    CHECK_NULL(multi_heap_register(region, 16));
    /* a range wrapping around the address space */
    CHECK_NULL(multi_heap_register((void *)(UINTPTR_MAX - 100), 4096));
    /* any alignment of start works */
    for (size_t off = 0; off < 16; off++) {
        multi_heap_handle_t h = multi_heap_register(region + off, 8192);
        REQUIRE(h != NULL);
        CHECK((unsigned char *)h >= region + off);
        void *p = multi_heap_malloc(h, 100);
        CHECK_NOT_NULL(p);
        CHECK((unsigned char *)p >= region + off && (unsigned char *)p + 100 <= region + off + 8192);
        CHECK(multi_heap_check(h, false));
    }
    multi_heap_handle_t h = fresh();
    REQUIRE(h != NULL);
    size_t total = multi_heap_free_size(h);
    CHECK(total > sizeof region - 4096); /* handle + engine control structure */
    CHECK(total < sizeof region);
    CHECK_EQ_SZ(multi_heap_minimum_free_size(h), total);
}

static void t_malloc_free(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    size_t free0 = multi_heap_free_size(h);
    CHECK_NULL(multi_heap_malloc(h, 0)); /* ESP-IDF: size 0 gives NULL */
    CHECK_NULL(multi_heap_malloc(NULL, 10));
    CHECK_NULL(multi_heap_malloc(h, SIZE_MAX));
    CHECK_NULL(multi_heap_malloc(h, sizeof region));
    void *p = multi_heap_malloc(h, 1000);
    REQUIRE(p);
    CHECK((uintptr_t)p % CAPHEAP_ALIGNMENT == 0);
    memset(p, 0xA5, 1000);
    CHECK(multi_heap_get_allocated_size(h, p) >= 1000);
    CHECK_EQ_SZ(multi_heap_get_full_block_size(h, p), multi_heap_get_allocated_size(h, p));
    CHECK(multi_heap_free_size(h) <= free0 - 1000);
    multi_heap_free(h, NULL);
    multi_heap_free(NULL, p); /* NULL heap: nothing */
    CHECK(multi_heap_check(h, false));
    multi_heap_free(h, p);
    CHECK_EQ_SZ(multi_heap_free_size(h), free0);
    /* a pointer this heap did not give is ignored, the heap stays sound */
    static int foreign;
    multi_heap_free(h, &foreign);
#if CAPHEAP_CHECKS /* a pointer inside the region: the engine's header checks */
    multi_heap_free(h, region + sizeof region / 2);
#else
    check_log("  CAPHEAP_CHECKS=0: free of a pointer inside the region not applicable\n");
#endif
    CHECK_EQ_SZ(multi_heap_get_allocated_size(h, &foreign), 0);
    CHECK_EQ_SZ(multi_heap_get_allocated_size(h, NULL), 0);
    CHECK(multi_heap_check(h, false));
    CHECK_EQ_SZ(multi_heap_free_size(h), free0);
    /* the deprecated aligned_free is free */
    p = multi_heap_aligned_alloc(h, 64, 256);
    REQUIRE(p);
    multi_heap_aligned_free(h, p);
    CHECK_EQ_SZ(multi_heap_free_size(h), free0);
}

static void t_aligned(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    size_t free0 = multi_heap_free_size(h);
    CHECK_NULL(multi_heap_aligned_alloc(h, 100, 0));
    CHECK_NULL(multi_heap_aligned_alloc(h, 100, 3));
    CHECK_NULL(multi_heap_aligned_alloc(h, 100, 48));
    CHECK_NULL(multi_heap_aligned_alloc(h, 0, 16));
    CHECK_NULL(multi_heap_aligned_alloc(NULL, 100, 16));
    CHECK_NULL(multi_heap_aligned_alloc(h, SIZE_MAX - 8, 64));
    for (size_t a = 1; a <= 8192; a <<= 1) {
        void *p = multi_heap_aligned_alloc(h, 77, a);
        REQUIRE(p);
        CHECK((uintptr_t)p % a == 0);
        memset(p, 1, 77);
        CHECK(multi_heap_get_allocated_size(h, p) >= 77);
        multi_heap_free(h, p);
    }
    /* offset variant: p + offset aligned */
    for (size_t a = 32; a <= 4096; a <<= 1) {
        size_t off = 2 * CAPHEAP_ALIGNMENT;
        void *p = multi_heap_aligned_alloc_offs(h, 200, a, off);
        REQUIRE(p);
        CHECK(((uintptr_t)p + off) % a == 0);
        memset(p, 2, 200);
        multi_heap_free(h, p);
    }
    /* small alignments need only offset % alignment == 0 */
    void *p = multi_heap_aligned_alloc_offs(h, 64, 4, 8);
    CHECK_NOT_NULL(p);
    multi_heap_free(h, p);
    CHECK_NULL(multi_heap_aligned_alloc_offs(h, 64, 4, 2));       /* impossible */
    CHECK_NULL(multi_heap_aligned_alloc_offs(h, 64, 256, 128));   /* offset > size */
    CHECK_NULL(multi_heap_aligned_alloc_offs(h, 512, 256, 4));    /* misaligned offset */
    CHECK(multi_heap_check(h, false));
    CHECK_EQ_SZ(multi_heap_free_size(h), free0);
}

static void t_realloc(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    size_t free0 = multi_heap_free_size(h);
    unsigned char *p = multi_heap_realloc(h, NULL, 100); /* = malloc */
    REQUIRE(p);
    for (int i = 0; i < 100; i++)
        p[i] = (unsigned char)i;
    unsigned char *q = multi_heap_realloc(h, p, 5000);
    REQUIRE(q);
    for (int i = 0; i < 100; i++)
        CHECK(q[i] == (unsigned char)i);
    q = multi_heap_realloc(h, q, 50);
    REQUIRE(q);
    for (int i = 0; i < 50; i++)
        CHECK(q[i] == (unsigned char)i);
    /* failure leaves the block untouched */
    CHECK_NULL(multi_heap_realloc(h, q, sizeof region));
    CHECK_NULL(multi_heap_realloc(h, q, SIZE_MAX));
    for (int i = 0; i < 50; i++)
        CHECK(q[i] == (unsigned char)i);
    CHECK_NULL(multi_heap_realloc(NULL, q, 10));
    /* size 0 frees and returns NULL */
    CHECK_NULL(multi_heap_realloc(h, q, 0));
    CHECK_EQ_SZ(multi_heap_free_size(h), free0);
    CHECK(multi_heap_check(h, false));
}

static void t_info_and_minimum(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    multi_heap_info_t info;
    memset(&info, 0xFF, sizeof info);
    multi_heap_get_info(NULL, &info);
    CHECK_EQ_SZ(info.total_free_bytes, 0);
    CHECK_EQ_SZ(info.total_blocks, 0);
    multi_heap_get_info(h, NULL); /* nothing happens */
    size_t free0 = multi_heap_free_size(h);
    void *a = multi_heap_malloc(h, 4000);
    void *b = multi_heap_malloc(h, 300);
    void *c = multi_heap_malloc(h, 7000);
    REQUIRE(a && b && c);
    multi_heap_free(h, b);
    multi_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.total_free_bytes, multi_heap_free_size(h));
    CHECK_EQ_SZ(info.allocated_blocks, 2);
    CHECK(info.free_blocks >= 2); /* the hole and the tail */
    CHECK_EQ_SZ(info.total_blocks, info.allocated_blocks + info.free_blocks);
    CHECK(info.total_allocated_bytes >= 11000);
    CHECK_EQ_SZ(info.minimum_free_bytes, multi_heap_minimum_free_size(h));
    CHECK(info.minimum_free_bytes < info.total_free_bytes);
    /* largest_free_block is exactly what malloc can get */
    void *big = multi_heap_malloc(h, info.largest_free_block);
    CHECK_NOT_NULL(big);
    multi_heap_free(h, big);
    CHECK_NULL(multi_heap_malloc(h, info.largest_free_block + 1));
    /* measurement window: reset returns the old minimum */
    size_t lifetime_min = multi_heap_minimum_free_size(h);
    size_t old = multi_heap_reset_minimum_free_bytes(h);
    CHECK_EQ_SZ(old, lifetime_min);
    CHECK_EQ_SZ(multi_heap_minimum_free_size(h), multi_heap_free_size(h));
    void *d = multi_heap_malloc(h, 100);
    size_t window_min = multi_heap_minimum_free_size(h);
    CHECK(window_min < multi_heap_free_size(h) + 100 + 1);
    multi_heap_free(h, d);
    multi_heap_restore_minimum_free_bytes(h, old);
    CHECK_EQ_SZ(multi_heap_minimum_free_size(h), lifetime_min < window_min ? lifetime_min : window_min);
    CHECK_EQ_SZ(multi_heap_reset_minimum_free_bytes(NULL), 0);
    multi_heap_restore_minimum_free_bytes(NULL, 5);
    CHECK_EQ_SZ(multi_heap_free_size(NULL), 0);
    CHECK_EQ_SZ(multi_heap_minimum_free_size(NULL), 0);
    multi_heap_free(h, a);
    multi_heap_free(h, c);
    CHECK_EQ_SZ(multi_heap_free_size(h), free0);
}

typedef struct {
    int blocks, used, stop_after;
    size_t used_bytes;
    uintptr_t last;
    bool ordered;
} walk_t;

static bool walker(void *ptr, size_t size, int used, void *user)
{
    walk_t *w = user;
    w->blocks++;
    if (used) {
        w->used++;
        w->used_bytes += size;
    }
    if ((uintptr_t)ptr <= w->last)
        w->ordered = false;
    w->last = (uintptr_t)ptr;
    return w->stop_after == 0 || w->blocks < w->stop_after;
}

static void t_walk_find(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    unsigned char *a = multi_heap_malloc(h, 128);
    unsigned char *b = multi_heap_malloc(h, 256);
    unsigned char *c = multi_heap_malloc(h, 512);
    REQUIRE(a && b && c);
    multi_heap_free(h, b);
    walk_t w = { 0, 0, 0, 0, 0, true };
    multi_heap_walk(h, walker, &w);
    multi_heap_info_t info;
    multi_heap_get_info(h, &info);
    CHECK_EQ_U(w.blocks, info.total_blocks);
    CHECK_EQ_U(w.used, 2);
    CHECK_EQ_SZ(w.used_bytes, info.total_allocated_bytes);
    CHECK(w.ordered);
    walk_t w2 = { 0, 0, 1, 0, 0, true };
    multi_heap_walk(h, walker, &w2); /* false stops the walk */
    CHECK_EQ_U(w2.blocks, 1);
    multi_heap_walk(NULL, walker, &w2);
    multi_heap_walk(h, NULL, NULL);
    /* find_containing_block: any interior pointer of a used block */
    CHECK(multi_heap_find_containing_block(h, a) == a);
    CHECK(multi_heap_find_containing_block(h, a + 127) == a);
    CHECK(multi_heap_find_containing_block(h, c + 300) == c);
    CHECK_NULL(multi_heap_find_containing_block(h, b + 10)); /* free block */
    CHECK_NULL(multi_heap_find_containing_block(h, NULL));
    static int foreign;
    CHECK_NULL(multi_heap_find_containing_block(h, &foreign));
}

static void t_dump_text(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    void *a = multi_heap_malloc(h, 64);
    REQUIRE(a);
    capture_start();
    multi_heap_dump(h);
    multi_heap_dump(NULL);
    capture_stop();
    char expect[128];
    snprintf(expect, sizeof expect, "Showing data for heap: %p \n", (void *)h);
    CHECK(strncmp(out, expect, strlen(expect)) == 0);
    snprintf(expect, sizeof expect, "Block %p data, size: %zu bytes, Free: No \n", a,
             multi_heap_get_allocated_size(h, a));
    CHECK(strstr(out, expect) != NULL);
    CHECK(strstr(out, "bytes, Free: Yes \n") != NULL);
}

static void t_check_detects(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    CHECK(!multi_heap_check(NULL, false));
    unsigned char *a = multi_heap_malloc(h, 64);
    unsigned char *b = multi_heap_malloc(h, 64);
    REQUIRE(a && b);
    CHECK(multi_heap_check(h, true));
    /* overrun a's block into b's header */
    size_t n = multi_heap_get_allocated_size(h, a);
    unsigned char saved[64];
    memcpy(saved, a + n, sizeof saved);
    memset(a + n, 0x5A, 2 * sizeof(void *));
    capture_start();
    bool ok = multi_heap_check(h, true);
    capture_stop();
    CHECK(!ok);
    CHECK(out_len > 0); /* the problem was described */
    capture_start();
    ok = multi_heap_check(h, false);
    capture_stop();
    CHECK(!ok);
    CHECK_EQ_SZ(out_len, 0); /* ... only when asked */
    memcpy(a + n, saved, sizeof saved);
    CHECK(multi_heap_check(h, false));
}

/* ---------------------------------------------------------------- lock */

static int lock_calls;

static bool cnt_init(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    (void)l;
    return true;
}
static void cnt_acq(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    (void)l;
    lock_calls++;
}
static void cnt_rel(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    (void)l;
    lock_calls++;
}
static const capheap_lock_ops_t counting = { cnt_init, cnt_acq, cnt_rel, NULL, NULL, 0 };

static void t_lock_used(void)
{
    multi_heap_handle_t h = fresh();
    REQUIRE(h);
    /* ESP-IDF code passes its own lock object (a portMUX_TYPE): it is a
     * switch only and is never written */
    static uint32_t lock = 0xB33FC0DEu;
    lock_calls = 0;
    void *p = multi_heap_malloc(h, 10);
    multi_heap_free(h, p);
    CHECK_EQ_U(lock_calls, 0); /* no lock after register */
    capheap_espidf_set_multi_heap_lock_port(&counting);
    multi_heap_set_lock(h, &lock);
    p = multi_heap_malloc(h, 10);
    multi_heap_free(h, p);
    CHECK_EQ_U(lock_calls, 4);
    multi_heap_set_lock(h, NULL);
    p = multi_heap_malloc(h, 10);
    multi_heap_free(h, p);
    CHECK_EQ_U(lock_calls, 4);
    CHECK_EQ_U(lock, 0xB33FC0DEu);
    capheap_espidf_set_multi_heap_lock_port(NULL);
    multi_heap_set_lock(NULL, &lock);
}

static multi_heap_handle_t shared;

static void *thread_body(void *arg)
{
    prng_t r;
    prng_init(&r, (uint64_t)(uintptr_t)arg);
    void *mine[32] = { 0 };
    for (int i = 0; i < 20000; i++) {
        unsigned k = prng_range(&r, 0, 31);
        if (mine[k]) {
            multi_heap_free(shared, mine[k]);
            mine[k] = NULL;
        } else {
            size_t n = prng_range(&r, 1, 600);
            mine[k] = multi_heap_malloc(shared, n);
            if (mine[k])
                memset(mine[k], (int)k, n);
        }
    }
    for (int k = 0; k < 32; k++)
        multi_heap_free(shared, mine[k]);
    return NULL;
}

static void t_lock_threads(void)
{
    /* with the default (pthread) port, four threads share one heap */
    shared = fresh();
    REQUIRE(shared);
    static char lock; /* any object: only a switch */
    multi_heap_set_lock(shared, &lock);
    size_t free0 = multi_heap_free_size(shared);
    pthread_t t[4];
    for (uintptr_t i = 0; i < 4; i++)
        REQUIRE(pthread_create(&t[i], NULL, thread_body, (void *)(i + 1)) == 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    CHECK(multi_heap_check(shared, true));
    CHECK_EQ_SZ(multi_heap_free_size(shared), free0);
    multi_heap_set_lock(shared, NULL);
}

/* ---------------------------------------------------------------- stress */

static void *s_alloc(void *ctx, size_t size, size_t align)
{
    if (align)
        return multi_heap_aligned_alloc(ctx, size, align);
    return multi_heap_malloc(ctx, size);
}
static void s_free(void *ctx, void *p)
{
    multi_heap_free(ctx, p);
}
static void *s_realloc(void *ctx, void *p, size_t n)
{
    return multi_heap_realloc(ctx, p, n);
}
static size_t s_usable(void *ctx, const void *p)
{
    return multi_heap_get_allocated_size(ctx, (void *)p);
}
static bool s_validate(void *ctx)
{
    return multi_heap_check(ctx, true);
}
static size_t s_free_bytes(void *ctx)
{
    return multi_heap_free_size(ctx);
}
static size_t s_largest(void *ctx)
{
    multi_heap_info_t i;
    multi_heap_get_info(ctx, &i);
    return i.largest_free_block;
}

static void t_stress(void)
{
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x5eed);
    unsigned fills[2] = { 50, 100 };
    for (unsigned i = 0; i < 2; i++) {
        multi_heap_handle_t h = fresh();
        REQUIRE(h);
        stress_ops_t ops = { h, s_alloc, s_free, s_realloc, s_usable, s_validate,
                             s_free_bytes, s_largest };
        stress_config_t cfg = stress_config_default();
        cfg.name = fills[i] == 50 ? "multi_heap 50%" : "multi_heap 100%";
        cfg.seed = seed;
        cfg.stream = i;
        cfg.ops = 20000;
        cfg.capacity = multi_heap_free_size(h);
        cfg.fill_percent = fills[i];
        cfg.min_size = 1;
        cfg.max_size = 4096;
        cfg.dist = STRESS_DIST_LOG;
        cfg.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_STAMP_USABLE;
        cfg.min_align = CAPHEAP_ALIGNMENT;
        cfg.max_align = 1024;
        cfg.lo = region;
        cfg.hi = region + sizeof region;
        CHECK(stress_run(&ops, &cfg, NULL));
    }
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_info_layout);
    RUN(t_register);
    RUN(t_malloc_free);
    RUN(t_aligned);
    RUN(t_realloc);
    RUN(t_info_and_minimum);
    RUN(t_walk_find);
    RUN(t_dump_text);
    RUN(t_check_detects);
    RUN(t_lock_used);
    RUN(t_lock_threads);
    RUN(t_stress);
    return check_summary("espidf.multi_heap");
}
