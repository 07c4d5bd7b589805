/*
 * Engine bad-input tests (docs/behaviour.md, engine rows): huge sizes (the
 * sweep of glibc's tst-malloc-too-large) and bad pointers (double free,
 * foreign, interior, misaligned), each reported through the error hook with
 * the right reason and address and harmless to the heap.
 */
#include "engine_test.h"

#include <stddef.h>

static uint64_t seed;

/* A heap with a few live stamped blocks, a hole and a free tail. */
#define NB 8
typedef struct {
    unsigned char *buf;
    capheap_heap_t *h;
    hook_rec_t rec;
    unsigned char *blk[NB];
    size_t len[NB];
    capheap_heap_info_t info;
} fixture_t;

static bool setup(fixture_t *f, size_t region)
{
    memset(f, 0, sizeof *f);
    f->buf = region_new(region);
    if (!f->buf)
        return false;
    f->h = capheap_heap_create(f->buf, region);
    if (!f->h)
        return false;
    capheap_heap_set_error_hook(f->h, hook_record, &f->rec);
    for (int i = 0; i < NB; i++) {
        f->len[i] = 40 + 24 * (size_t)i;
        f->blk[i] = (unsigned char *)capheap_heap_malloc(f->h, f->len[i]);
        if (!f->blk[i])
            return false;
        fill_block(f->blk[i], f->len[i], 100u + (uint32_t)i);
    }
    /* a hole between blocks 5 and 7 */
    capheap_heap_free(f->h, f->blk[6]);
    f->blk[6] = NULL;
    capheap_heap_get_info(f->h, &f->info);
    return true;
}

static void teardown(fixture_t *f) { region_delete(f->buf); }

/* Nothing changed: statistics, every live block, soundness; and the heap
 * still allocates and frees. */
static void expect_unharmed(fixture_t *f)
{
    capheap_heap_info_t now;
    capheap_heap_get_info(f->h, &now);
    CHECK_EQ_SZ(now.total_free_bytes, f->info.total_free_bytes);
    CHECK_EQ_SZ(now.total_allocated_bytes, f->info.total_allocated_bytes);
    CHECK_EQ_SZ(now.largest_free_block, f->info.largest_free_block);
    CHECK_EQ_SZ(now.minimum_free_bytes, f->info.minimum_free_bytes);
    CHECK_EQ_SZ(now.allocated_blocks, f->info.allocated_blocks);
    CHECK_EQ_SZ(now.free_blocks, f->info.free_blocks);
    for (int i = 0; i < NB; i++)
        if (f->blk[i])
            CHECK(block_intact(f->blk[i], f->len[i], 100u + (uint32_t)i));
    CHECK_HEAP(f->h);
    int before = f->rec.count;
    void *p = capheap_heap_malloc(f->h, 64);
    CHECK_NOT_NULL(p);
    capheap_heap_free(f->h, p);
    CHECK_EQ_U(f->rec.count, before);
    CHECK_HEAP(f->h);
}

/* ------------------------------------------------------------ huge sizes */

static int huge_failures;

/* Every way of asking for `size` bytes fails and changes nothing. */
static void try_huge(fixture_t *f, size_t size)
{
    capheap_heap_t *h = f->h;
    int bad = 0;
    bad += capheap_heap_malloc(h, size) != NULL;
    bad += capheap_heap_calloc(h, 1, size) != NULL;
    bad += capheap_heap_calloc(h, size, 1) != NULL;
    for (size_t nmemb = 2; nmemb <= 8; nmemb *= 2) {
        bad += capheap_heap_calloc(h, nmemb, size / nmemb) != NULL;
        bad += capheap_heap_calloc(h, size / nmemb, nmemb) != NULL;
        bad += capheap_heap_calloc(h, nmemb, size) != NULL;
        bad += capheap_heap_calloc(h, size, nmemb) != NULL;
    }
    bad += capheap_heap_realloc(h, NULL, size) != NULL;
    bad += capheap_heap_realloc(h, f->blk[0], size) != NULL;
    bad += capheap_heap_realloc(h, f->blk[7], size) != NULL;
    for (size_t a = 1; a <= ((size_t)1 << 20); a <<= 4) {
        bad += capheap_heap_aligned_alloc(h, size, a) != NULL;
        bad += capheap_heap_aligned_alloc_offs(h, size, a, ALIGN_) != NULL;
        bad += capheap_heap_aligned_alloc_offs(h, size, a, 8 * ALIGN_) != NULL;
    }
    bad += capheap_heap_aligned_alloc(h, size, (SIZE_MAX >> 1) + 1) != NULL;
    if (bad) {
        if (huge_failures++ < 5)
            check_log("  size %zu (0x%zx): %d requests succeeded\n", size, size, bad);
        CHECK_FAILED("a huge request succeeded");
    }
}

static void sweep(fixture_t *f, size_t from, size_t count)
{
    for (size_t i = 0; i <= count; i++) {
        try_huge(f, from + i);
        if (i % 1024 == 0) {
            CHECK(block_intact(f->blk[0], f->len[0], 100));
            CHECK(block_intact(f->blk[7], f->len[7], 107));
            CHECK_HEAP(f->h);
        }
        if (huge_failures > 20)
            return;
    }
}

static void t_huge_sizes_sweep(void)
{
    const size_t n14 = (size_t)1 << 14;
    const size_t regions[] = { 4096, 1u << 20 };
    for (int r = 0; r < 2; r++) {
        fixture_t f;
        REQUIRE(setup(&f, regions[r]));
        huge_failures = 0;
        sweep(&f, SIZE_MAX - n14, n14);                   /* [SIZE_MAX-2^14, SIZE_MAX] */
        sweep(&f, (size_t)PTRDIFF_MAX - n14, 2 * n14);    /* around PTRDIFF_MAX */
        sweep(&f, SIZE_MAX / 2 - n14, 2 * n14);
        sweep(&f, SIZE_MAX / 4 - 64, 128);
        sweep(&f, SIZE_MAX / 8 - 64, 128);
        CHECK_EQ_U(f.rec.count, 0);    /* sizes are not pointers: nothing reported */
        expect_unharmed(&f);
        teardown(&f);
    }
}

static void t_sizes_just_beyond_capacity(void)
{
    /* on an empty heap, every size from the capacity + 1 to + 64 KiB fails
     * and the capacity itself works */
    unsigned char *buf = region_new(64 * 1024);
    REQUIRE(buf);
    capheap_heap_t *h = capheap_heap_create(buf, 64 * 1024);
    REQUIRE(h);
    size_t cap = capheap_heap_capacity(h);
    for (size_t n = cap + 1; n < cap + 65536; n++)
        if (capheap_heap_malloc(h, n) || capheap_heap_calloc(h, 1, n)) {
            check_log("  malloc(%zu) succeeded, capacity %zu\n", n, cap);
            CHECK_FAILED("request above capacity succeeded");
            break;
        }
    void *p = capheap_heap_calloc(h, 1, cap);
    CHECK_NOT_NULL(p);
    capheap_heap_free(h, p);
    CHECK_EQ_SZ(capheap_heap_free_size(h), cap);
    CHECK_HEAP(h);
    region_delete(buf);
}

/* ------------------------------------------------------------ bad pointers */

#if CAPHEAP_CHECKS

typedef enum { VIA_FREE, VIA_REALLOC, VIA_USABLE } via_t;
static const char *via_name[] = { "free", "realloc", "usable_size" };

/* Gives `p` to free, realloc and usable_size in turn: each call must be
 * reported once, with `p` and one of the allowed reasons, and do nothing. */
static void expect_rejected(fixture_t *f, const void *p, capheap_error_reason_t r1,
                            capheap_error_reason_t r2, const char *what)
{
    for (int v = VIA_FREE; v <= VIA_USABLE; v++) {
        int before = f->rec.count;
        f->rec.reason = 0;
        f->rec.where = NULL;
        if (v == VIA_FREE) {
            capheap_heap_free(f->h, (void *)(uintptr_t)p);
        } else if (v == VIA_REALLOC) {
            void *r = capheap_heap_realloc(f->h, (void *)(uintptr_t)p, 32);
            CHECK_NULL(r);
        } else {
            CHECK_EQ_SZ(capheap_heap_usable_size(f->h, p), 0);
        }
        bool ok = f->rec.count == before + 1 && f->rec.where == p &&
                  (f->rec.reason == r1 || f->rec.reason == r2);
        if (!ok) {
            check_log("  %s via %s: %d reports, reason %d (%s), where %p; expected 1 report, reason %s%s%s, "
                      "where %p\n",
                      what, via_name[v], f->rec.count - before, (int)f->rec.reason,
                      f->rec.reason ? capheap_error_reason_str(f->rec.reason) : "-", f->rec.where,
                      capheap_error_reason_str(r1), r2 != r1 ? " or " : "",
                      r2 != r1 ? capheap_error_reason_str(r2) : "", p);
            CHECK_FAILED("bad pointer not reported as it should");
        }
        expect_unharmed(f);
    }
}

static void t_double_free(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    /* neighbours used: no merge */
    unsigned char *p = f.blk[2];
    capheap_heap_free(f.h, p);
    f.blk[2] = NULL;
    capheap_heap_get_info(f.h, &f.info);
    expect_rejected(&f, p, CAPHEAP_E_DOUBLE_FREE, CAPHEAP_E_DOUBLE_FREE, "double free");
    teardown(&f);
}

static void t_double_free_after_merge_with_next(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    unsigned char *p = f.blk[1];
    capheap_heap_free(f.h, f.blk[2]);
    capheap_heap_free(f.h, p);          /* merges with the free block after it */
    f.blk[1] = f.blk[2] = NULL;
    capheap_heap_get_info(f.h, &f.info);
    expect_rejected(&f, p, CAPHEAP_E_DOUBLE_FREE, CAPHEAP_E_DOUBLE_FREE, "double free (merged with next)");
    teardown(&f);
}

static void t_double_free_after_merge_with_previous(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    unsigned char *p = f.blk[2];
    capheap_heap_free(f.h, f.blk[1]);
    capheap_heap_free(f.h, p);          /* merges into the free block before it */
    f.blk[1] = f.blk[2] = NULL;
    capheap_heap_get_info(f.h, &f.info);
    expect_rejected(&f, p, CAPHEAP_E_DOUBLE_FREE, CAPHEAP_E_DOUBLE_FREE,
                    "double free (merged with previous)");
    teardown(&f);
}

static void t_double_free_after_merge_with_both(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    unsigned char *p = f.blk[7];        /* hole (6) before it, free tail after it */
    capheap_heap_free(f.h, p);
    f.blk[7] = NULL;
    capheap_heap_get_info(f.h, &f.info);
    expect_rejected(&f, p, CAPHEAP_E_DOUBLE_FREE, CAPHEAP_E_DOUBLE_FREE, "double free (merged with both)");
    teardown(&f);
}

static void t_free_of_never_allocated_free_block(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    /* the payload address of the free tail, found by a walk */
    walked_t blocks[32];
    walk_rec_t w = { blocks, 0, 32, 0, 0 };
    CHECK(capheap_heap_walk(f.h, walk_collect, &w));
    REQUIRE(w.n > 0 && !blocks[w.n - 1].used);
    expect_rejected(&f, blocks[w.n - 1].ptr, CAPHEAP_E_DOUBLE_FREE, CAPHEAP_E_DOUBLE_FREE, "free of a free block");
    teardown(&f);
}

static unsigned char static_bytes[256];

static void t_foreign_pointers(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    /* a block of another heap */
    unsigned char *other_buf = region_new(16 * 1024);
    REQUIRE(other_buf);
    capheap_heap_t *other = capheap_heap_create(other_buf, 16 * 1024);
    REQUIRE(other);
    void *theirs = capheap_heap_malloc(other, 100);
    REQUIRE(theirs);
    expect_rejected(&f, theirs, CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "another heap's block");
    CHECK(capheap_heap_check(other, NULL, NULL));
    capheap_heap_free(other, theirs);     /* still fine for its own heap */
    CHECK_EQ_SZ(capheap_heap_free_size(other), capheap_heap_capacity(other));
    region_delete(other_buf);

    _Alignas(64) unsigned char stack_bytes[128];
    memset(stack_bytes, 0, sizeof stack_bytes);
    expect_rejected(&f, stack_bytes + 64, CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "stack pointer");
    expect_rejected(&f, static_bytes + 64, CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "static pointer");
    expect_rejected(&f, (void *)(uintptr_t)(16 * ALIGN_), CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "low address");
    expect_rejected(&f, (void *)(UINTPTR_MAX - ALIGN_ + 1), CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "top address");
    /* the region's edges: its end, just past it, just before it */
    unsigned char *end = (unsigned char *)capheap_heap_region_end(f.h);
    unsigned char *start = (unsigned char *)capheap_heap_region_start(f.h);
    expect_rejected(&f, end, CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "region end");
    expect_rejected(&f, end + 64, CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "past the region");
    expect_rejected(&f, start - 64, CAPHEAP_E_OUTSIDE, CAPHEAP_E_OUTSIDE, "before the region");
    /* inside the region, in the control structure: not a block */
    expect_rejected(&f, start + 2 * ALIGN_, CAPHEAP_E_OUTSIDE, CAPHEAP_E_BAD_HEADER, "control structure");
    expect_rejected(&f, start, CAPHEAP_E_OUTSIDE, CAPHEAP_E_BAD_HEADER, "region start");
    teardown(&f);
}

static void t_misaligned_pointers(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    unsigned char *p = f.blk[3];
    expect_rejected(&f, p + 1, CAPHEAP_E_MISALIGNED, CAPHEAP_E_MISALIGNED, "one byte after");
    expect_rejected(&f, p - 1, CAPHEAP_E_MISALIGNED, CAPHEAP_E_MISALIGNED, "one byte before");
    for (size_t off = 1; off < ALIGN_; off++)
        expect_rejected(&f, p + off, CAPHEAP_E_MISALIGNED, CAPHEAP_E_MISALIGNED, "misaligned");
    /* the block itself is still fine */
    CHECK(capheap_heap_usable_size(f.h, p) >= f.len[3]);
    CHECK_EQ_U(f.rec.count, 3 * (int)ALIGN_ + 3);
    teardown(&f);
}

static void t_interior_pointers(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    /* block 5's content under control: zeros, ones, the stamp pattern */
    unsigned char *p = f.blk[5];
    size_t n = f.len[5];
    static const int fills[] = { 0x00, 0xFF, 0xA5, -1 };
    for (int k = 0; k < 4; k++) {
        if (fills[k] >= 0)
            memset(p, fills[k], n);
        else
            fill_block(p, n, 105);
        for (size_t off = ALIGN_; off + ALIGN_ <= n; off += ALIGN_) {
            /* the fixture checks block 5 by its stamp only while it holds it */
            f.blk[5] = fills[k] >= 0 ? NULL : p;
            expect_rejected(&f, p + off, CAPHEAP_E_BAD_HEADER, CAPHEAP_E_BAD_NEIGHBOUR, "interior pointer");
            if (check_failures_in_test) {
                check_log("  fill 0x%x offset %zu\n", (unsigned)fills[k], off);
                break;
            }
        }
        if (fills[k] >= 0) {
            for (size_t i = 0; i < n; i++)
                if (p[i] != (unsigned char)fills[k]) {
                    CHECK_FAILED("interior free changed the block's content");
                    break;
                }
        }
    }
    f.blk[5] = p;
    fill_block(p, n, 105);
    expect_unharmed(&f);
    teardown(&f);
}

static void t_random_interior_pointers(void)
{
    /* aligned addresses at random inside used blocks holding random data:
     * every one is reported, none disturbs the heap */
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    prng_t rng;
    prng_init(&rng, seed ^ 0xBADF);
    for (int i = 0; i < 3000 && !check_failures_in_test; i++) {
        int b = (int)prng_range(&rng, 0, NB - 1);
        if (!f.blk[b])
            continue;
        size_t slots = f.len[b] / ALIGN_;
        if (slots < 2)
            continue;
        size_t off = ALIGN_ * prng_range(&rng, 1, (uint32_t)(slots - 1));
        int before = f.rec.count;
        capheap_heap_free(f.h, f.blk[b] + off);
        if (f.rec.count != before + 1 || f.rec.where != f.blk[b] + off) {
            check_log("  interior %p (block %d + %zu) not reported\n", (void *)(f.blk[b] + off), b, off);
            CHECK_FAILED("interior pointer not reported");
        }
        if (i % 100 == 0)
            expect_unharmed(&f);
    }
    expect_unharmed(&f);
    teardown(&f);
}

static void t_no_hook_is_still_harmless(void)
{
    fixture_t f;
    REQUIRE(setup(&f, 64 * 1024));
    capheap_heap_set_error_hook(f.h, NULL, NULL);
    unsigned char *p = f.blk[2];
    capheap_heap_free(f.h, p);
    f.blk[2] = NULL;
    capheap_heap_get_info(f.h, &f.info);
    capheap_heap_free(f.h, p);
    capheap_heap_free(f.h, f.blk[3] + 1);
    capheap_heap_free(f.h, f.blk[3] + ALIGN_);
    int local;
    capheap_heap_free(f.h, &local);
    CHECK_NULL(capheap_heap_realloc(f.h, p, 100));
    CHECK_EQ_SZ(capheap_heap_usable_size(f.h, p), 0);
    CHECK_EQ_U(f.rec.count, 0);
    expect_unharmed(&f);
    teardown(&f);
}

static void t_reason_strings(void)
{
    for (int r = CAPHEAP_E_DOUBLE_FREE; r <= CAPHEAP_E_NOT_OWNED; r++) {
        const char *s = capheap_error_reason_str((capheap_error_reason_t)r);
        CHECK(s != NULL && s[0] != 0);
    }
    CHECK(capheap_error_reason_str((capheap_error_reason_t)0) != NULL);
    CHECK(capheap_error_reason_str((capheap_error_reason_t)999) != NULL);
    CHECK(strstr(capheap_error_reason_str(CAPHEAP_E_DOUBLE_FREE), "double") != NULL);
}

#endif /* CAPHEAP_CHECKS */

int main(int argc, char **argv)
{
    check_select(argc, argv);
    seed = test_seed("engine.bad");
    RUN(t_huge_sizes_sweep);
    RUN(t_sizes_just_beyond_capacity);
#if CAPHEAP_CHECKS
    RUN(t_double_free);
    RUN(t_double_free_after_merge_with_next);
    RUN(t_double_free_after_merge_with_previous);
    RUN(t_double_free_after_merge_with_both);
    RUN(t_free_of_never_allocated_free_block);
    RUN(t_foreign_pointers);
    RUN(t_misaligned_pointers);
    RUN(t_interior_pointers);
    RUN(t_random_interior_pointers);
    RUN(t_no_hook_is_still_harmless);
    RUN(t_reason_strings);
#else
    check_log("engine.bad: CAPHEAP_CHECKS=0: bad-pointer tests not applicable\n");
#endif
    return check_summary("engine.bad");
}
