/*
 * Engine unit tests: aligned allocation (with hidden prefix) and realloc.
 */
#include "engine_test.h"

static uint64_t seed;

static capheap_heap_t *new_heap(size_t size, unsigned char **buf)
{
    *buf = region_new(size);
    if (!*buf)
        return NULL;
    return capheap_heap_create(*buf, size);
}

static size_t free_blocks_count(capheap_heap_t *h)
{
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    return info.free_blocks;
}

/* Is there a free block with payload at p of exactly `size` bytes? */
typedef struct { const void *p; size_t size; bool found; } find_t;
static bool find_free(void *ctx, void *ptr, size_t size, bool used)
{
    find_t *f = (find_t *)ctx;
    if (ptr == f->p && !used && size == f->size)
        f->found = true;
    return true;
}
static bool free_block_at(capheap_heap_t *h, const void *p, size_t size)
{
    find_t f = { p, size, false };
    capheap_heap_walk(h, find_free, &f);
    return f.found;
}

/* ------------------------------------------------------------ aligned */

static void t_alignment_sweep(void)
{
    /* every power of two from 1 B to 64 KiB, with a few sizes each, on a
     * heap that holds other blocks between the aligned ones */
    unsigned char *buf;
    capheap_heap_t *h = new_heap(1024 * 1024, &buf);
    REQUIRE(h);
    prng_t rng;
    prng_init(&rng, seed);
    enum { MAXLIVE = 256 };
    void *live[MAXLIVE];
    size_t live_n[MAXLIVE];
    uint32_t live_tok[MAXLIVE];
    size_t nlive = 0;
    uint32_t tok = 1;
    for (size_t align = 1; align <= 64 * 1024; align <<= 1) {
        const size_t sizes[] = { 0, 1, ALIGN_, 24, 100, align, align + 1, 3 * align / 2, 1000 };
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            size_t n = sizes[k];
            unsigned char *p = (unsigned char *)capheap_heap_aligned_alloc(h, n, align);
            if (!p) {
                check_log("  aligned_alloc(%zu, %zu) failed\n", n, align);
                CHECK_NOT_NULL(p);
                continue;
            }
            size_t want = align > ALIGN_ ? align : ALIGN_;
            if ((uintptr_t)p % want) {
                check_log("  aligned_alloc(%zu, %zu) = %p\n", n, align, (void *)p);
                CHECK((uintptr_t)p % want == 0);
            }
            CHECK(capheap_heap_usable_size(h, p) >= n);
            CHECK(capheap_heap_contains(h, p));
            fill_block(p, n, tok);
            /* keep some, with a small plain block after to fragment */
            if (nlive < MAXLIVE - 1 && prng_range(&rng, 0, 1)) {
                live[nlive] = p;
                live_n[nlive] = n;
                live_tok[nlive++] = tok;
                void *s = capheap_heap_malloc(h, prng_range(&rng, 1, 200));
                if (s) {
                    live[nlive] = s;
                    live_n[nlive] = 0;
                    live_tok[nlive++] = 0;
                }
            } else {
                CHECK(block_intact(p, n, tok));
                capheap_heap_free(h, p);
            }
            tok++;
        }
        CHECK_HEAP(h);
    }
    for (size_t i = 0; i < nlive; i++) {
        CHECK(block_intact(live[i], live_n[i], live_tok[i]));
        capheap_heap_free(h, live[i]);
    }
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_alignment_with_hidden_prefix(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(1024 * 1024, &buf);
    REQUIRE(h);
    for (size_t align = 1; align <= 64 * 1024; align <<= 1) {
        for (size_t k = 0; k <= 6; k++) {
            size_t off = k * ALIGN_;
            size_t n = off + 40 + k * 13;
            unsigned char *p = (unsigned char *)capheap_heap_aligned_alloc_offs(h, n, align, off);
            if (!p) {
                check_log("  aligned_alloc_offs(%zu, %zu, %zu) failed\n", n, align, off);
                CHECK_NOT_NULL(p);
                continue;
            }
            CHECK((uintptr_t)p % ALIGN_ == 0);
            if ((uintptr_t)(p + off) % align) {
                check_log("  aligned_alloc_offs(%zu, %zu, %zu) = %p: p+off not aligned\n", n, align, off,
                          (void *)p);
                CHECK((uintptr_t)(p + off) % align == 0);
            }
            CHECK(capheap_heap_usable_size(h, p) >= n);
            memset(p, 0x77, n);
            /* offset equal to the size: the aligned point is the block's end */
            unsigned char *q = (unsigned char *)capheap_heap_aligned_alloc_offs(h, off, align, off);
            CHECK_NOT_NULL(q);
            if (q) {
                CHECK((uintptr_t)(q + off) % align == 0);
                capheap_heap_free(h, q);
            }
            capheap_heap_free(h, p);
        }
        CHECK_HEAP(h);
    }
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    /* aligned_alloc is offs with 0 */
    void *a = capheap_heap_aligned_alloc(h, 64, 4096);
    CHECK(a && (uintptr_t)a % 4096 == 0);
    capheap_heap_free(h, a);
    region_delete(buf);
}

static void t_aligned_invalid_arguments(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    hook_rec_t rec = { 0, 0, NULL };
    capheap_heap_set_error_hook(h, hook_record, &rec);
    void *keep = capheap_heap_malloc(h, 100);
    REQUIRE(keep);
    fill_block(keep, 100, 9);
    size_t fb = capheap_heap_free_size(h), minf = capheap_heap_minimum_free_size(h);

    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, 0));
    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, 3));
    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, 24));
    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, 4096 + 64));
    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, SIZE_MAX));
    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, (SIZE_MAX >> 1) + 2));
    /* a power of two larger than the region: nothing fits */
    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, 1024 * 1024));
    CHECK_NULL(capheap_heap_aligned_alloc(h, 16, (SIZE_MAX >> 1) + 1));
    /* offsets: must be a multiple of the alignment unit and at most size */
    if (ALIGN_ > 1)
        CHECK_NULL(capheap_heap_aligned_alloc_offs(h, 64, 256, ALIGN_ / 2));
    CHECK_NULL(capheap_heap_aligned_alloc_offs(h, 64, 256, 1));
    CHECK_NULL(capheap_heap_aligned_alloc_offs(h, 64, 256, 64 + ALIGN_));
    CHECK_NULL(capheap_heap_aligned_alloc_offs(h, 64, 256, SIZE_MAX - (ALIGN_ - 1)));
    CHECK_NULL(capheap_heap_aligned_alloc_offs(h, 64, 0, 0));
    /* size + align overflows */
    CHECK_NULL(capheap_heap_aligned_alloc(h, SIZE_MAX - 100, 4096));
    CHECK_NULL(capheap_heap_aligned_alloc(h, SIZE_MAX - 4095, 4096));

    CHECK_EQ_U(rec.count, 0);
    CHECK_EQ_SZ(capheap_heap_free_size(h), fb);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), minf);
    CHECK(block_intact(keep, 100, 9));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_aligned_uses_the_whole_heap(void)
{
    /* an aligned request succeeds whenever a free block holds it: on an
     * empty heap, any alignment up to a quarter of the region works for a
     * quarter of the region */
    size_t size = 256 * 1024;
    for (size_t off = 0; off < 64; off += 8) {
        unsigned char *buf = region_new(size + 64);
        REQUIRE(buf);
        capheap_heap_t *h = capheap_heap_create(buf + off, size);
        REQUIRE(h);
        for (size_t align = 1; align <= size / 4; align <<= 1) {
            void *p = capheap_heap_aligned_alloc(h, size / 4, align);
            if (!p) {
                check_log("  start+%zu: aligned_alloc(%zu, %zu) failed on an empty heap\n", off, size / 4, align);
                CHECK_NOT_NULL(p);
                continue;
            }
            CHECK((uintptr_t)p % align == 0);
            capheap_heap_free(h, p);
            CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
            CHECK_EQ_SZ(capheap_heap_largest_free(h), capheap_heap_capacity(h));
        }
        CHECK_HEAP(h);
        region_delete(buf);
    }
}

static void t_aligned_into_an_exactly_fitting_hole(void)
{
    /* heap.h: aligned allocation "Returns NULL iff ... no free block fits".
     * The only free block is an aligned hole of usable size u: an aligned
     * request of u (and of less) fits it and must succeed. */
    const size_t aligns[] = { 2 * ALIGN_, 256, 4096 };
    for (size_t k = 0; k < sizeof aligns / sizeof aligns[0]; k++) {
        size_t align = aligns[k];
        unsigned char *buf;
        capheap_heap_t *h = new_heap(64 * 1024, &buf);
        REQUIRE(h);
        unsigned char *a = (unsigned char *)capheap_heap_aligned_alloc(h, 256, align);
        REQUIRE(a);
        REQUIRE((uintptr_t)a % align == 0);
        size_t u = capheap_heap_usable_size(h, a);
        /* fill every other free block */
        for (size_t l; (l = capheap_heap_largest_free(h)) != 0;)
            REQUIRE(capheap_heap_malloc(h, l));
        while (capheap_heap_malloc(h, 0))
            ;
        capheap_heap_free(h, a);
        REQUIRE(free_blocks_count(h) == 1);
        REQUIRE(free_block_at(h, a, u));
        void *p = capheap_heap_aligned_alloc(h, u, align);
        if (p != a) {
            check_log("  hole of %zu bytes at %p (aligned to %zu): aligned_alloc(%zu, %zu) = %p\n", u,
                      (void *)a, align, u, align, p);
            CHECK(p == a);
        }
        if (p)
            capheap_heap_free(h, p);
        p = capheap_heap_aligned_alloc(h, u / 2, align);
        CHECK(p == a);
        if (p)
            capheap_heap_free(h, p);
        CHECK(capheap_heap_malloc(h, u) == a);   /* plain malloc always could */
        CHECK_HEAP(h);
        region_delete(buf);
    }
}

static void t_aligned_fails_only_as_documented(void)
{
    /* heap.h: aligned allocation fails only when no free block holds
     * size + align + a minimum block (the first candidate, found like
     * malloc's). So on any heap, after a failed aligned_alloc(n, a), a
     * malloc of n + a + a minimum block (4 words, rounded up) fails too. */
    prng_t rng;
    prng_init(&rng, seed ^ 0xA11C);
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    enum { N = 200 };
    void *live[N] = { 0 };
    size_t min_block = (4 * sizeof(void *) + ALIGN_ - 1) / ALIGN_ * ALIGN_;
    int failures = 0;
    for (int step = 0; step < 20000 && !check_failures_in_test; step++) {
        size_t i = prng_range(&rng, 0, N - 1);
        if (live[i]) {
            capheap_heap_free(h, live[i]);
            live[i] = NULL;
            continue;
        }
        size_t n = prng_range(&rng, 0, 3) ? prng_range(&rng, 1, 200) : prng_range(&rng, 200, 6000);
        size_t a = (size_t)1 << prng_range(&rng, 1, 12);
        size_t off = ALIGN_ * prng_range(&rng, 0, 3);   /* hidden prefix, sometimes */
        if (off > n || prng_range(&rng, 0, 1))
            off = 0;
        live[i] = capheap_heap_aligned_alloc_offs(h, n, a, off);
        if (live[i]) {
            if (((uintptr_t)live[i] + off) % a || (uintptr_t)live[i] % ALIGN_) {
                check_log("  aligned_alloc_offs(%zu, %zu, %zu) = %p\n", n, a, off, live[i]);
                CHECK_FAILED("aligned placement wrong");
            }
            CHECK(capheap_heap_usable_size(h, live[i]) >= n);
            continue;
        }
        failures++;
        void *m = capheap_heap_malloc(h, n + a + min_block);
        if (m) {
            check_log("  step %d: aligned_alloc(%zu, %zu) failed but malloc(%zu) worked\n", step, n, a,
                      n + a + min_block);
            CHECK_FAILED("aligned allocation failed with a block that holds size + align + min block");
            capheap_heap_free(h, m);
        }
    }
    check_log("  %d aligned requests failed, each with no block of size + align + min block\n", failures);
    CHECK(failures > 50);   /* the heap was full often enough to matter */
    for (size_t i = 0; i < N; i++)
        capheap_heap_free(h, live[i]);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_aligned_padding_is_not_lost(void)
{
    /* the gap in front of an aligned block goes back to the heap: allocate
     * and free aligned blocks until the heap is full, then free all: the
     * free size is back at capacity with one free block */
    unsigned char *buf;
    capheap_heap_t *h = new_heap(128 * 1024, &buf);
    REQUIRE(h);
    void *p[512];
    size_t n = 0;
    for (size_t a = 32; n < 512; a = a >= 8192 ? 32 : a * 2) {
        void *q = capheap_heap_aligned_alloc(h, 100, a);
        if (!q)
            break;
        p[n++] = q;
    }
    CHECK(n > 20);
    CHECK_HEAP(h);
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    /* padding in front of aligned blocks was turned into free blocks, not
     * hidden inside the used ones */
    for (size_t i = 0; i < n; i++)
        CHECK(capheap_heap_usable_size(h, p[i]) < 100 + 4 * sizeof(void *) + ALIGN_);
    for (size_t i = 0; i < n; i += 2)
        capheap_heap_free(h, p[i]);
    for (size_t i = 1; i < n; i += 2)
        capheap_heap_free(h, p[i]);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.free_blocks, 1);
    CHECK_HEAP(h);
    region_delete(buf);
}

/* ------------------------------------------------------------ realloc */

static void t_realloc_null_is_malloc_and_zero_frees(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(16 * 1024, &buf);
    REQUIRE(h);
    void *p = capheap_heap_realloc(h, NULL, 300);
    REQUIRE(p);
    CHECK(capheap_heap_usable_size(h, p) >= 300);
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.allocated_blocks, 1);
    CHECK_NULL(capheap_heap_realloc(h, p, 0));   /* frees, returns NULL */
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.allocated_blocks, 0);
    CHECK_EQ_SZ(info.total_free_bytes, capheap_heap_capacity(h));
    /* realloc(NULL, 0) is malloc(0): a unique block */
    void *z = capheap_heap_realloc(h, NULL, 0);
    CHECK_NOT_NULL(z);
    capheap_heap_free(h, z);
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_realloc_grows_in_place_into_free_tail(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    unsigned char *a = (unsigned char *)capheap_heap_malloc(h, 100);
    REQUIRE(a);
    fill_block(a, 100, 1);
    for (size_t n = 101; n < 40000; n = n * 3 / 2) {
        unsigned char *b = (unsigned char *)capheap_heap_realloc(h, a, n);
        CHECK(b == a);
        if (b != a)
            break;
        CHECK(capheap_heap_usable_size(h, a) >= n);
        CHECK(block_intact(a, 100, 1));
    }
    CHECK_EQ_SZ(free_blocks_count(h), 1);
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_realloc_to_the_whole_heap(void)
{
    /* the only block grows in place to the whole capacity, and back */
    unsigned char *buf;
    capheap_heap_t *h = new_heap(32 * 1024, &buf);
    REQUIRE(h);
    size_t cap = capheap_heap_capacity(h);
    unsigned char *a = (unsigned char *)capheap_heap_malloc(h, 10);
    REQUIRE(a);
    fill_block(a, 10, 8);
    CHECK_NULL(capheap_heap_realloc(h, a, cap + 1));
    unsigned char *r = (unsigned char *)capheap_heap_realloc(h, a, cap);
    CHECK(r == a);
    CHECK(block_intact(a, 10, 8));
    CHECK_EQ_SZ(capheap_heap_free_size(h), 0);
    CHECK_EQ_SZ(capheap_heap_largest_free(h), 0);
    r = (unsigned char *)capheap_heap_realloc(h, a, 10);
    CHECK(r == a);
    CHECK(block_intact(a, 10, 8));
    capheap_heap_free(h, a);
    CHECK_EQ_SZ(capheap_heap_free_size(h), cap);
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_realloc_grows_in_place_into_freed_neighbour(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    unsigned char *a = (unsigned char *)capheap_heap_malloc(h, 200);
    unsigned char *b = (unsigned char *)capheap_heap_malloc(h, 300);
    unsigned char *c = (unsigned char *)capheap_heap_malloc(h, 50);
    REQUIRE(a && b && c);
    size_t ua = capheap_heap_usable_size(h, a), ub = capheap_heap_usable_size(h, b);
    fill_block(a, ua, 11);
    fill_block(c, 50, 33);
    capheap_heap_free(h, b);
    /* a's next neighbour is free and large enough: a grows where it is,
     * using b's header too */
    unsigned char *r = (unsigned char *)capheap_heap_realloc(h, a, ua + ub);
    CHECK(r == a);
    CHECK(capheap_heap_usable_size(h, a) >= ua + ub);
    CHECK(block_intact(a, ua, 11));
    CHECK(block_intact(c, 50, 33));
    CHECK_HEAP(h);
    /* growing by just a part of the neighbour leaves the rest free */
    capheap_heap_free(h, a);
    a = (unsigned char *)capheap_heap_malloc(h, 200);
    CHECK(a == r);
    ua = capheap_heap_usable_size(h, a);
    fill_block(a, ua, 12);
    size_t before = free_blocks_count(h);
    r = (unsigned char *)capheap_heap_realloc(h, a, ua + 64);
    CHECK(r == a);
    CHECK(block_intact(a, ua, 12));
    CHECK_EQ_SZ(free_blocks_count(h), before);
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_realloc_shrinks_in_place(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    unsigned char *a = (unsigned char *)capheap_heap_malloc(h, 4000);
    unsigned char *g = (unsigned char *)capheap_heap_malloc(h, 16);   /* guard: the tail is not a's neighbour */
    REQUIRE(a && g);
    fill_block(a, 4000, 5);
    size_t free0 = capheap_heap_free_size(h), blocks0 = free_blocks_count(h);
    unsigned char *r = (unsigned char *)capheap_heap_realloc(h, a, 1000);
    CHECK(r == a);
    CHECK(block_intact(a, 1000, 5));
    CHECK(capheap_heap_usable_size(h, a) >= 1000);
    CHECK(capheap_heap_usable_size(h, a) < 4000);
    /* the tail went back to the heap as a block of its own */
    CHECK(capheap_heap_free_size(h) > free0 + 2900);
    CHECK_EQ_SZ(free_blocks_count(h), blocks0 + 1);
    CHECK_HEAP(h);
    /* shrinking next to a free block merges the tail into it */
    capheap_heap_free(h, g);
    blocks0 = free_blocks_count(h);
    free0 = capheap_heap_free_size(h);
    r = (unsigned char *)capheap_heap_realloc(h, a, 200);
    CHECK(r == a);
    CHECK(block_intact(a, 200, 5));
    CHECK_EQ_SZ(free_blocks_count(h), blocks0);
    CHECK(capheap_heap_free_size(h) >= free0 + 700);
    /* shrinking by less than a block keeps the block as it is */
    size_t u = capheap_heap_usable_size(h, a);
    r = (unsigned char *)capheap_heap_realloc(h, a, u - 1);
    CHECK(r == a);
    CHECK(block_intact(a, 200, 5));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_realloc_moves_and_keeps_content(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    unsigned char *a = (unsigned char *)capheap_heap_malloc(h, 100);
    unsigned char *g = (unsigned char *)capheap_heap_malloc(h, 100);
    REQUIRE(a && g);
    size_t ua = capheap_heap_usable_size(h, a);
    fill_block(a, ua, 77);          /* the whole usable size: it must all move */
    fill_block(g, 100, 78);
    capheap_heap_info_t before;
    capheap_heap_get_info(h, &before);
    unsigned char *r = (unsigned char *)capheap_heap_realloc(h, a, 5000);
    REQUIRE(r);
    CHECK(r != a);
    CHECK(block_intact(r, ua, 77));
    CHECK(block_intact(g, 100, 78));
    CHECK(capheap_heap_usable_size(h, r) >= 5000);
    capheap_heap_info_t after;
    capheap_heap_get_info(h, &after);
    CHECK_EQ_SZ(after.allocated_blocks, before.allocated_blocks);   /* the old block was freed */
    /* a's old place is a free block again */
    CHECK(free_block_at(h, a, ua));
    CHECK_HEAP(h);

    /* g moves too (its neighbours are a hole too small and r): content kept */
    unsigned char *big = (unsigned char *)capheap_heap_realloc(h, g, 20000);
    REQUIRE(big);
    CHECK(block_intact(big, 100, 78));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_realloc_failure_keeps_block(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(16 * 1024, &buf);
    REQUIRE(h);
    hook_rec_t rec = { 0, 0, NULL };
    capheap_heap_set_error_hook(h, hook_record, &rec);
    unsigned char *a = (unsigned char *)capheap_heap_malloc(h, 1000);
    unsigned char *b = (unsigned char *)capheap_heap_malloc(h, 1000);
    REQUIRE(a && b);
    fill_block(a, 1000, 3);
    fill_block(b, 1000, 4);
    capheap_heap_info_t i0, i1;
    capheap_heap_get_info(h, &i0);
    CHECK_NULL(capheap_heap_realloc(h, a, capheap_heap_capacity(h)));
    CHECK_NULL(capheap_heap_realloc(h, a, 15000));
    CHECK_NULL(capheap_heap_realloc(h, a, SIZE_MAX));
    CHECK_NULL(capheap_heap_realloc(h, a, SIZE_MAX - ALIGN_));
    capheap_heap_get_info(h, &i1);
    CHECK(memcmp(&i0, &i1, sizeof i0) == 0);
    CHECK(block_intact(a, 1000, 3));
    CHECK(block_intact(b, 1000, 4));
    CHECK_EQ_U(rec.count, 0);
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_realloc_random_walk(void)
{
    /* one block grown and shrunk at random among others: content kept */
    unsigned char *buf;
    capheap_heap_t *h = new_heap(256 * 1024, &buf);
    REQUIRE(h);
    prng_t rng;
    prng_init(&rng, seed ^ 0xA110C);
    enum { N = 32 };
    unsigned char *p[N] = { 0 };
    size_t n[N] = { 0 };
    for (int step = 0; step < 4000; step++) {
        int i = (int)prng_range(&rng, 0, N - 1);
        size_t want = prng_range(&rng, 0, 3) ? prng_range(&rng, 1, 512) : prng_range(&rng, 1, 16000);
        unsigned char *r = (unsigned char *)capheap_heap_realloc(h, p[i], want);
        if (!r) {
            if (p[i])
                CHECK(block_intact(p[i], n[i], (uint32_t)i));
            continue;
        }
        size_t keep = n[i] < want ? n[i] : want;
        if (!block_intact(r, keep, (uint32_t)i)) {
            check_log("  step %d: realloc(%zu -> %zu) lost content\n", step, n[i], want);
            CHECK_FAILED("realloc lost content");
            break;
        }
        fill_block(r, want, (uint32_t)i);
        p[i] = r;
        n[i] = want;
        if (step % 50 == 0)
            CHECK_HEAP(h);
    }
    for (int i = 0; i < N; i++)
        capheap_heap_free(h, p[i]);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    seed = test_seed("engine.align");
    RUN(t_alignment_sweep);
    RUN(t_alignment_with_hidden_prefix);
    RUN(t_aligned_invalid_arguments);
    RUN(t_aligned_uses_the_whole_heap);
    RUN(t_aligned_into_an_exactly_fitting_hole);
    RUN(t_aligned_fails_only_as_documented);
    RUN(t_aligned_padding_is_not_lost);
    RUN(t_realloc_null_is_malloc_and_zero_frees);
    RUN(t_realloc_grows_in_place_into_free_tail);
    RUN(t_realloc_to_the_whole_heap);
    RUN(t_realloc_grows_in_place_into_freed_neighbour);
    RUN(t_realloc_shrinks_in_place);
    RUN(t_realloc_moves_and_keeps_content);
    RUN(t_realloc_failure_keeps_block);
    RUN(t_realloc_random_walk);
    return check_summary("engine.align");
}
