/*
 * Tests of the stress rig itself: it passes a correct toy allocator and
 * catches each kind of misbehaviour it promises to catch (stress.h).
 *
 * The toy allocator hands out fixed 512-byte slots of a 512-aligned buffer;
 * every misbehaviour is switched on by one field of its context.
 */
#include "check.h"
#include "prng.h"
#include "stress.h"

#include <string.h>

#define SLOT 512u
#define NSLOTS 64u

enum {
    BUG_NONE,
    BUG_OVERLAP,        /* hands out a live slot shifted by 16 bytes */
    BUG_REALLOC_COPY,   /* a moving realloc drops the last kept byte */
    BUG_REALLOC_FAIL,   /* a failed realloc scribbles on the old block */
    BUG_FREE_BYTES,     /* free forgets to count the slot back */
    BUG_VALIDATE,       /* validate fails after a while */
    BUG_LARGEST,        /* largest_free one byte short */
    BUG_SCRIBBLE,       /* free writes one byte into another live block */
    BUG_USABLE,         /* usable_size smaller than asked */
    BUG_ALIGN,          /* aligned requests get a pointer 8 bytes off */
    BUG_OUTSIDE         /* a block past the end of the heap */
};

typedef struct {
    _Alignas(SLOT) unsigned char mem[NSLOTS * SLOT + 2 * SLOT];
    bool used[NSLOTS];
    size_t asked[NSLOTS];
    int bug;
    unsigned long calls;
} toy_t;

static toy_t toy;

static long slot_of(toy_t *t, const void *p)
{
    uintptr_t a = (uintptr_t)p, b = (uintptr_t)t->mem;
    if (a < b || a >= b + NSLOTS * SLOT)
        return -1;
    return (long)((a - b) / SLOT);
}

static void *toy_alloc(void *ctx, size_t n, size_t align)
{
    toy_t *t = (toy_t *)ctx;
    t->calls++;
    if (n > SLOT || align > SLOT)
        return NULL;
    if (t->bug == BUG_OUTSIDE && t->calls > 50)
        return t->mem + NSLOTS * SLOT;
    for (unsigned i = 0; i < NSLOTS; i++) {
        if (!t->used[i])
            continue;
        if (t->bug == BUG_OVERLAP && t->calls > 50 && n > 16)
            return t->mem + i * SLOT + 16;   /* not marked: a second owner */
        break;
    }
    for (unsigned i = 0; i < NSLOTS; i++) {
        if (t->used[i])
            continue;
        t->used[i] = true;
        t->asked[i] = n;
        unsigned char *p = t->mem + i * SLOT;
        if (t->bug == BUG_ALIGN && align > 8)
            p += 8;
        return p;
    }
    return NULL;
}

static void toy_free(void *ctx, void *p)
{
    toy_t *t = (toy_t *)ctx;
    long s = slot_of(t, p);
    if (s < 0)
        return;
    if (t->bug != BUG_FREE_BYTES || t->calls < 50)
        t->used[s] = false;
    if (t->bug == BUG_SCRIBBLE && t->calls > 50) {
        for (unsigned i = 0; i < NSLOTS; i++)
            if (t->used[i] && (long)i != s && t->asked[i] > 0) {
                t->mem[i * SLOT] ^= 0x40;
                break;
            }
    }
}

static void *toy_realloc(void *ctx, void *p, size_t n)
{
    toy_t *t = (toy_t *)ctx;
    long s = slot_of(t, p);
    if (s < 0)
        return NULL;
    if (n > SLOT || (t->bug == BUG_REALLOC_FAIL && n > SLOT / 2)) {
        if (t->bug == BUG_REALLOC_FAIL)
            ((unsigned char *)p)[0] ^= 1;   /* fails, and damages the block */
        return NULL;
    }
    /* move every other time, to exercise the copy */
    if (t->calls++ & 1) {
        t->asked[s] = n;
        return p;
    }
    unsigned char *q = (unsigned char *)toy_alloc(ctx, n, 0);
    if (!q) {
        t->asked[s] = n;
        return p;
    }
    size_t keep = t->asked[s] < n ? t->asked[s] : n;
    memcpy(q, p, keep);
    if (t->bug == BUG_REALLOC_COPY && keep > 0)
        q[keep - 1] ^= 0x80;
    t->used[s] = false;
    return q;
}

static size_t toy_usable(void *ctx, const void *p)
{
    toy_t *t = (toy_t *)ctx;
    long s = slot_of(t, p);
    if (s < 0)
        return 0;
    if (t->bug == BUG_USABLE && t->calls > 50 && t->asked[s] > 0)
        return t->asked[s] - 1;
    return t->asked[s];
}

static size_t toy_free_bytes(void *ctx)
{
    toy_t *t = (toy_t *)ctx;
    size_t f = 0;
    for (unsigned i = 0; i < NSLOTS; i++)
        f += t->used[i] ? 0 : SLOT;
    return f;
}

static size_t toy_largest(void *ctx)
{
    toy_t *t = (toy_t *)ctx;
    if (toy_free_bytes(ctx) == 0)
        return 0;
    return t->bug == BUG_LARGEST ? SLOT - 1 : SLOT;
}

static bool toy_validate(void *ctx)
{
    toy_t *t = (toy_t *)ctx;
    return !(t->bug == BUG_VALIDATE && t->calls > 300);
}

static stress_ops_t toy_ops(void)
{
    stress_ops_t o;
    memset(&o, 0, sizeof o);
    o.ctx = &toy;
    o.alloc = toy_alloc;
    o.free = toy_free;
    o.realloc = toy_realloc;
    o.usable_size = toy_usable;
    o.validate = toy_validate;
    o.free_bytes = toy_free_bytes;
    o.largest_free = toy_largest;
    return o;
}

static uint64_t seed;

static stress_config_t toy_config(const char *name, int bug)
{
    memset(&toy, 0, sizeof toy);
    toy.bug = bug;
    stress_config_t c = stress_config_default();
    c.name = name;
    c.seed = seed;
    c.ops = 3000;
    c.capacity = NSLOTS * SLOT;
    c.fill_percent = 100;
    c.min_size = 0;
    c.max_size = SLOT;
    c.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_ZERO | STRESS_QUIET;
    c.max_align = SLOT;
    c.min_align = 8;
    c.lo = toy.mem;
    c.hi = toy.mem + NSLOTS * SLOT;
    return c;
}

static void t_correct_allocator_passes(void)
{
    stress_ops_t o = toy_ops();
    stress_config_t c = toy_config("toy", BUG_NONE);
    c.flags &= ~(unsigned)STRESS_QUIET;
    stress_result_t r1, r2;
    CHECK(stress_run(&o, &c, &r1));
    CHECK(r1.ok);
    CHECK(r1.allocs > 500);
    CHECK(r1.frees > 500);
    CHECK(r1.reallocs > 300);
    CHECK(r1.aligned_allocs > 20);
    CHECK(r1.failed_allocs > 0);       /* 100 % fill reaches a full heap */
    CHECK(r1.peak_live_blocks == NSLOTS);
    CHECK_EQ_U(toy_free_bytes(&toy), NSLOTS * SLOT);   /* drained */

    /* same seed, same run */
    c = toy_config("toy", BUG_NONE);
    CHECK(stress_run(&o, &c, &r2));
    CHECK_EQ_U(r1.allocs, r2.allocs);
    CHECK_EQ_U(r1.failed_allocs, r2.failed_allocs);
    CHECK_EQ_U(r1.reallocs, r2.reallocs);
    CHECK_EQ_U(r1.peak_live_bytes, r2.peak_live_bytes);

    /* another stream, another run */
    c = toy_config("toy", BUG_NONE);
    c.stream = 7;
    CHECK(stress_run(&o, &c, &r2));
    CHECK(r1.allocs != r2.allocs || r1.peak_live_bytes != r2.peak_live_bytes ||
          r1.failed_allocs != r2.failed_allocs);
}

static void t_half_fill_and_distributions(void)
{
    stress_ops_t o = toy_ops();
    for (int d = STRESS_DIST_UNIFORM; d <= STRESS_DIST_POW2; d++) {
        stress_config_t c = toy_config("toy dist", BUG_NONE);
        c.fill_percent = 50;
        c.dist = (stress_dist_t)d;
        c.min_size = SLOT / 2;
        c.flags &= ~(unsigned)(STRESS_ALIGNED | STRESS_REALLOC | STRESS_ZERO);
        stress_result_t r;
        CHECK(stress_run(&o, &c, &r));
        /* live bytes hover around 50 % of 32 KiB: never the 64 slots */
        CHECK(r.peak_live_blocks < NSLOTS);
        CHECK(r.peak_live_bytes >= NSLOTS * SLOT / 2 - SLOT);
        CHECK(r.peak_live_bytes <= NSLOTS * SLOT / 2 + 8 * SLOT);
        CHECK_EQ_U(r.failed_allocs, 0);
    }
}

static void expect_caught(const char *name, int bug, const char *needle)
{
    stress_ops_t o = toy_ops();
    /* blocks the toy does not track upset its usable size and free bytes
     * too: leave those out so the check under test is the one that fires */
    if (bug == BUG_OVERLAP || bug == BUG_OUTSIDE) {
        o.usable_size = NULL;
        o.free_bytes = NULL;
        o.largest_free = NULL;
    }
    stress_config_t c = toy_config(name, bug);
    if (bug == BUG_OVERLAP)
        c.flags &= ~(unsigned)(STRESS_ALIGNED | STRESS_REALLOC); /* its shifted blocks upset those too */
    stress_result_t r;
    check_log("  (a FAIL line from the rig is expected here)\n");
    bool ok = stress_run(&o, &c, &r);
    CHECK(!ok);
    CHECK(!r.ok);
    if (!ok && !strstr(r.message, needle)) {
        check_log("  message \"%s\" lacks \"%s\"\n", r.message, needle);
        CHECK(strstr(r.message, needle) != NULL);
    }
}

static void t_catches_overlap(void) { expect_caught("overlap", BUG_OVERLAP, "overlaps"); }
static void t_catches_bad_realloc_copy(void) { expect_caught("realloc copy", BUG_REALLOC_COPY, "lost byte"); }
static void t_catches_failed_realloc_damage(void) { expect_caught("failed realloc", BUG_REALLOC_FAIL, "after failed realloc"); }
static void t_catches_free_bytes_leak(void) { expect_caught("free bytes", BUG_FREE_BYTES, "free bytes"); }
static void t_catches_validate_failure(void) { expect_caught("validate", BUG_VALIDATE, "validate"); }
static void t_catches_wrong_largest(void) { expect_caught("largest", BUG_LARGEST, "largest_free"); }
static void t_catches_scribble(void) { expect_caught("scribble", BUG_SCRIBBLE, "byte"); }
static void t_catches_short_usable(void) { expect_caught("usable", BUG_USABLE, "usable_size"); }
static void t_catches_misaligned(void) { expect_caught("align", BUG_ALIGN, "aligned"); }
static void t_catches_outside(void) { expect_caught("outside", BUG_OUTSIDE, "beyond"); }

static void t_rejects_bad_config(void)
{
    stress_ops_t o = toy_ops();
    stress_config_t c = toy_config("config", BUG_NONE);
    c.capacity = 0;
    CHECK(!stress_run(&o, &c, NULL));
    c = toy_config("config", BUG_NONE);
    c.min_size = 10;
    c.max_size = 5;
    CHECK(!stress_run(&o, &c, NULL));
    c = toy_config("config", BUG_NONE);
    o.realloc = NULL;
    CHECK(!stress_run(&o, &c, NULL));
}

static void t_caller_model_memory(void)
{
    static unsigned char model[16384];
    stress_ops_t o = toy_ops();
    stress_config_t c = toy_config("model mem", BUG_NONE);
    c.max_blocks = 100;
    c.model_mem = model;
    c.model_mem_size = sizeof model;
    CHECK(stress_model_bytes(100) <= sizeof model);
    CHECK(stress_run(&o, &c, NULL));
    c = toy_config("model mem", BUG_NONE);
    c.max_blocks = 100;
    c.model_mem = model;
    c.model_mem_size = 10;
    CHECK(!stress_run(&o, &c, NULL));
}

static void t_stamp_and_verify(void)
{
    unsigned char b[300];
    stress_stamp(b, sizeof b, 42);
    CHECK_EQ_U(stress_verify(b, sizeof b, 42), sizeof b);
    CHECK(stress_verify(b, sizeof b, 43) < sizeof b);
    b[257] ^= 1;
    CHECK_EQ_U(stress_verify(b, sizeof b, 42), 257);
    /* a block copied one byte off does not verify */
    unsigned char c[300];
    stress_stamp(c, sizeof c, 42);
    memmove(c + 1, c, sizeof c - 1);
    CHECK(stress_verify(c + 1, sizeof c - 1, 42) == sizeof c - 1);
    CHECK(stress_verify(c, sizeof c - 1, 42) < 2);
}

int main(void)
{
    seed = prng_seed_from_env("CAPHEAP_SEED", 0x5EED);
    check_log("test_stress_rig: seed=0x%llx (replay with CAPHEAP_SEED=0x%llx)\n",
              (unsigned long long)seed, (unsigned long long)seed);
    RUN(t_stamp_and_verify);
    RUN(t_correct_allocator_passes);
    RUN(t_half_fill_and_distributions);
    RUN(t_catches_overlap);
    RUN(t_catches_bad_realloc_copy);
    RUN(t_catches_failed_realloc_damage);
    RUN(t_catches_free_bytes_leak);
    RUN(t_catches_validate_failure);
    RUN(t_catches_wrong_largest);
    RUN(t_catches_scribble);
    RUN(t_catches_short_usable);
    RUN(t_catches_misaligned);
    RUN(t_catches_outside);
    RUN(t_rejects_bad_config);
    RUN(t_caller_model_memory);
    return check_summary("support");
}
