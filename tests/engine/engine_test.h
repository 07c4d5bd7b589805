/*
 * Helpers shared by the engine tests: region buffers, an error-hook
 * recorder, a print sink, a heap-check macro, a walk collector and the
 * stress-rig adapter for one engine heap.
 */
#ifndef CAPHEAP_TEST_ENGINE_TEST_H
#define CAPHEAP_TEST_ENGINE_TEST_H

#include "capheap/heap.h"
#include "check.h"
#include "prng.h"
#include "stress.h"

#include <stdlib.h>
#include <string.h>

#define ALIGN_ ((size_t)CAPHEAP_ALIGNMENT)

/* ---------------------------------------------------------- buffers */

/* A buffer of `size` bytes whose start is 4096-aligned, filled with 0x5A
 * (up to 64 MiB) so nothing depends on zeroed memory; NULL when the
 * machine has not that much. Plain malloc (newlib on bare metal has no
 * aligned_alloc); the malloc'd address is kept in the word before. */
static inline unsigned char *region_new(size_t size)
{
    size_t slack = 4096 + sizeof(void *);
    if (size > SIZE_MAX - slack)
        return NULL;
    unsigned char *raw = (unsigned char *)malloc(size + slack);
    if (!raw)
        return NULL;
    uintptr_t a = ((uintptr_t)raw + sizeof(void *) + 4095) & ~(uintptr_t)4095;
    unsigned char *p = (unsigned char *)a;
    memcpy(p - sizeof(void *), &raw, sizeof raw);
    if (size <= (64u << 20))
        memset(p, 0x5A, size);
    return p;
}

static inline void region_delete(unsigned char *p)
{
    if (!p)
        return;
    unsigned char *raw;
    memcpy(&raw, p - sizeof(void *), sizeof raw);
    free(raw);
}

/* A big buffer for a test that may be skipped where RAM is short: logs the
 * skip and returns NULL instead of failing. */
static inline unsigned char *region_new_or_skip(size_t size, const char *what)
{
    unsigned char *p = region_new(size);
    if (!p)
        check_log("  (skipped %s: no %zu bytes on this machine)\n", what, size);
    return p;
}

/* ---------------------------------------------------------- error hook */

typedef struct {
    int count;
    capheap_error_reason_t reason;   /* of the last report */
    const void *where;               /* of the last report */
} hook_rec_t;

static inline void hook_record(void *ctx, capheap_error_reason_t reason, const void *where)
{
    hook_rec_t *r = (hook_rec_t *)ctx;
    r->count++;
    r->reason = reason;
    r->where = where;
}

/* ---------------------------------------------------------- print sink */

typedef struct {
    char text[2048];
    size_t len;
    int pieces;
} sink_t;

static inline void sink_print(void *ctx, const char *text)
{
    sink_t *s = (sink_t *)ctx;
    s->pieces++;
    size_t n = strlen(text);
    if (n > sizeof s->text - 1 - s->len)
        n = sizeof s->text - 1 - s->len;
    memcpy(s->text + s->len, text, n);
    s->len += n;
    s->text[s->len] = 0;
}

/* capheap_heap_check, printing the engine's message on failure. */
static inline bool heap_sound(capheap_heap_t *h)
{
    sink_t s;
    memset(&s, 0, sizeof s);
    bool ok = capheap_heap_check(h, sink_print, &s);
    if (!ok)
        check_log("  heap check: %s\n", s.len ? s.text : "(no message)");
    return ok;
}

#define CHECK_HEAP(h) CHECK(heap_sound(h))

/* ---------------------------------------------------------- walk */

typedef struct {
    void *ptr;
    size_t size;
    bool used;
} walked_t;

typedef struct {
    walked_t *blocks;
    size_t n, cap;
    size_t stop_after;   /* 0 = never stop */
    size_t calls;
} walk_rec_t;

static inline bool walk_collect(void *ctx, void *ptr, size_t size, bool used)
{
    walk_rec_t *w = (walk_rec_t *)ctx;
    w->calls++;
    if (w->n < w->cap) {
        w->blocks[w->n].ptr = ptr;
        w->blocks[w->n].size = size;
        w->blocks[w->n].used = used;
        w->n++;
    }
    return !(w->stop_after && w->calls >= w->stop_after);
}

/* Sums of a full walk. */
typedef struct {
    size_t free_bytes, used_bytes, free_blocks, used_blocks, largest_free_payload;
    bool ok;
} walk_sums_t;

static inline bool walk_sum_fn(void *ctx, void *ptr, size_t size, bool used)
{
    walk_sums_t *s = (walk_sums_t *)ctx;
    (void)ptr;
    if (used) {
        s->used_bytes += size;
        s->used_blocks++;
    } else {
        s->free_bytes += size;
        s->free_blocks++;
        if (size > s->largest_free_payload)
            s->largest_free_payload = size;
    }
    return true;
}

static inline walk_sums_t walk_sums(capheap_heap_t *h)
{
    walk_sums_t s;
    memset(&s, 0, sizeof s);
    s.ok = capheap_heap_walk(h, walk_sum_fn, &s);
    return s;
}

/* ---------------------------------------------------------- rig adapter */

static inline void *rig_alloc(void *ctx, size_t n, size_t align)
{
    capheap_heap_t *h = (capheap_heap_t *)ctx;
    return align ? capheap_heap_aligned_alloc(h, n, align) : capheap_heap_malloc(h, n);
}
static inline void rig_free(void *ctx, void *p) { capheap_heap_free((capheap_heap_t *)ctx, p); }
static inline void *rig_realloc(void *ctx, void *p, size_t n)
{
    return capheap_heap_realloc((capheap_heap_t *)ctx, p, n);
}
static inline size_t rig_usable(void *ctx, const void *p)
{
    return capheap_heap_usable_size((capheap_heap_t *)ctx, p);
}
static inline bool rig_validate(void *ctx) { return heap_sound((capheap_heap_t *)ctx); }
static inline size_t rig_free_bytes(void *ctx) { return capheap_heap_free_size((capheap_heap_t *)ctx); }
static inline size_t rig_largest(void *ctx) { return capheap_heap_largest_free((capheap_heap_t *)ctx); }

static inline stress_ops_t rig_ops(capheap_heap_t *h)
{
    stress_ops_t o;
    memset(&o, 0, sizeof o);
    o.ctx = h;
    o.alloc = rig_alloc;
    o.free = rig_free;
    o.realloc = rig_realloc;
    o.usable_size = rig_usable;
    o.validate = rig_validate;
    o.free_bytes = rig_free_bytes;
    o.largest_free = rig_largest;
    return o;
}

/* ---------------------------------------------------------- misc */

static inline uint64_t test_seed(const char *suite)
{
    uint64_t s = prng_seed_from_env("CAPHEAP_SEED", 0xC0FFEE);
    check_log("%s: seed=0x%llx (replay with CAPHEAP_SEED=0x%llx)\n", suite, (unsigned long long)s,
              (unsigned long long)s);
    return s;
}

/* Stamps / verifies a block with a byte pattern from `token`. */
static inline void fill_block(void *p, size_t n, uint32_t token) { stress_stamp(p, n, token); }
static inline bool block_intact(const void *p, size_t n, uint32_t token)
{
    return stress_verify(p, n, token) == n;
}

#endif
