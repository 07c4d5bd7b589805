/*
 * Engine unit tests: create, malloc/calloc/free, split and merge, full heap,
 * statistics, largest free block, walk, contains/region bounds.
 */
#include "engine_test.h"

static uint64_t seed;

/* A fresh heap over a new buffer; *buf receives the buffer to delete. */
static capheap_heap_t *new_heap(size_t size, unsigned char **buf)
{
    *buf = region_new(size);
    if (!*buf)
        return NULL;
    return capheap_heap_create(*buf, size);
}

/* Can the machine give `size` bytes? (logs a skip when not) */
static bool region_probe(size_t size)
{
    unsigned char *p = region_new_or_skip(size, "region");
    region_delete(p);
    return p != NULL;
}

/* ------------------------------------------------------------ create */

static void t_min_region(void)
{
    size_t m = capheap_heap_min_region_size();
    CHECK(m > 0);
    unsigned char *buf = region_new(m + 256);
    REQUIRE(buf);

    /* aligned start: m works and holds at least one allocatable byte */
    capheap_heap_t *h = capheap_heap_create(buf, m);
    REQUIRE(h);
    CHECK((unsigned char *)h >= buf && (unsigned char *)h < buf + 64);
    CHECK(capheap_heap_region_start(h) == buf);
    CHECK(capheap_heap_region_end(h) == buf + m);
    CHECK(capheap_heap_capacity(h) >= 1);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_EQ_SZ(capheap_heap_largest_free(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    void *p = capheap_heap_malloc(h, 1);
    CHECK_NOT_NULL(p);
    CHECK(capheap_heap_contains(h, p));
    CHECK_NULL(capheap_heap_malloc(h, 1));          /* the one block is taken */
    capheap_heap_free(h, p);
    p = capheap_heap_malloc(h, capheap_heap_capacity(h));
    CHECK_NOT_NULL(p);
    capheap_heap_free(h, p);
    CHECK_HEAP(h);

    /* every size below the minimum fails */
    for (size_t s = 0; s < m; s++)
        if (capheap_heap_create(buf, s) != NULL) {
            check_log("  create(aligned, %zu) succeeded below the minimum %zu\n", s, m);
            CHECK_FAILED("create below the minimum size");
            break;
        }

    /* misaligned starts: m + ALIGN - 1 always suffices */
    for (size_t off = 1; off < ALIGN_; off++) {
        h = capheap_heap_create(buf + off, m + ALIGN_ - 1);
        CHECK_NOT_NULL(h);
        if (h) {
            CHECK(capheap_heap_region_start(h) == buf + off);
            CHECK(capheap_heap_region_end(h) == buf + off + m + ALIGN_ - 1);
            p = capheap_heap_malloc(h, 1);
            CHECK_NOT_NULL(p);
            CHECK((uintptr_t)p % ALIGN_ == 0);
            CHECK((unsigned char *)p >= buf + off && (unsigned char *)p < buf + off + m + ALIGN_ - 1);
            CHECK_HEAP(h);
        }
    }

    region_delete(buf);
}

static void t_create_monotonic_in_size(void)
{
    /* for every start offset: once a size works, every larger one works
     * (NULL iff too small), and every heap created, however small, works.
     * Sizes from just below the minimum to several KiB above it, where the
     * index gains rows. */
    size_t m = capheap_heap_min_region_size();
    size_t top = m + 8192;
    unsigned char *buf = region_new(top + 64);
    REQUIRE(buf);
    void *p;
    capheap_heap_t *h;
    size_t lo_size = m > 2 * ALIGN_ + 64 ? m - 2 * ALIGN_ - 64 : 0;
    for (size_t off = 0; off < ALIGN_ + 8; off++) {
        bool seen_ok = false;
        for (size_t s = lo_size; s <= top; s++) {
            h = capheap_heap_create(buf + off, s);
            if (!h) {
                if (seen_ok) {
                    check_log("  offset %zu: create(%zu) failed after a smaller size worked\n", off, s);
                    CHECK_FAILED("create not monotonic in size");
                    break;
                }
                continue;
            }
            seen_ok = true;
            size_t cap = capheap_heap_capacity(h);
            CHECK(cap >= 1);
            p = capheap_heap_malloc(h, cap);
            CHECK_NOT_NULL(p);
            CHECK((unsigned char *)p >= buf + off && (unsigned char *)p + cap <= buf + off + s);
            CHECK_NULL(capheap_heap_malloc(h, 0));
            capheap_heap_free(h, p);
            if (s % 61 == 0 || s < m + 2 * ALIGN_)
                CHECK_HEAP(h);
            if (check_failures_in_test) {
                check_log("  offset %zu size %zu\n", off, s);
                break;
            }
        }
        CHECK(seen_ok);
        if (check_failures_in_test)
            break;
    }
    region_delete(buf);
}

static void t_create_rejects_bad_ranges(void)
{
    CHECK_NULL(capheap_heap_create(NULL, 4096));
    /* a range that wraps around the address space is refused before any
     * byte of it is touched (the addresses are not mapped) */
    CHECK_NULL(capheap_heap_create((void *)(UINTPTR_MAX - 4095), 8192));
    CHECK_NULL(capheap_heap_create((void *)(UINTPTR_MAX - 15), SIZE_MAX));
    unsigned char small[8];
    CHECK_NULL(capheap_heap_create(small, 0));
    CHECK_NULL(capheap_heap_create(small, sizeof small));
}

static void t_create_touches_only_its_region(void)
{
    size_t size = 4096;
    unsigned char *buf = region_new(size + 128);
    REQUIRE(buf);
    memset(buf, 0xC3, size + 128);
    capheap_heap_t *h = capheap_heap_create(buf + 64, size - 64);
    REQUIRE(h);
    for (size_t i = 0; i < 64; i++)
        CHECK(buf[i] == 0xC3);
    for (size_t i = size; i < size + 128; i++)
        CHECK(buf[i] == 0xC3);
    /* a full heap never writes outside either */
    while (capheap_heap_malloc(h, 24))
        ;
    while (capheap_heap_malloc(h, 0))
        ;
    for (size_t i = 0; i < 64; i++)
        CHECK(buf[i] == 0xC3);
    for (size_t i = size; i < size + 128; i++)
        CHECK(buf[i] == 0xC3);
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_capacity_and_control_overhead(void)
{
    /* the control structure is sized from the region: small regions do not
     * pay for a big index, and capacity grows with the region */
    const size_t sizes[] = { capheap_heap_min_region_size(), 1024, 4096, 16384, 65536, 1u << 20, 16u << 20 };
    size_t prev_cap = 0, prev_overhead = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        if (sizes[i] >= (4u << 20) && !region_probe(sizes[i]))
            continue;
        unsigned char *buf;
        capheap_heap_t *h = new_heap(sizes[i], &buf);
        REQUIRE(h);
        size_t cap = capheap_heap_capacity(h);
        size_t overhead = sizes[i] - cap;
        check_log("  region %8zu: capacity %8zu, overhead %5zu bytes\n", sizes[i], cap, overhead);
        CHECK(cap < sizes[i]);
        CHECK(cap > prev_cap);
        CHECK(overhead >= prev_overhead);
        /* the cost config.h documents (CAPHEAP_SL_LOG2): the index holds
         * (log2(region) - log2(2^SL_LOG2 * ALIGN) + 1) rows of
         * (2^SL_LOG2 + 1) words; on top, the heap's own fields, a header
         * and the sentinel, alignment: 32 words and 2 ALIGN at most.
         * Checked on power-of-two regions, the usual MCU case, where every
         * block is below the region's power of two so that many rows list
         * it (other sizes may need one row more). */
        unsigned lg = 0, lg_unit = 0;
        while (((size_t)2 << lg) <= sizes[i])
            lg++;
        while (((size_t)2 << lg_unit) <= ((size_t)1 << CAPHEAP_SL_LOG2) * ALIGN_)
            lg_unit++;
        size_t rows = lg >= lg_unit ? lg - lg_unit + 1 : 1;
        size_t bound = rows * (((size_t)1 << CAPHEAP_SL_LOG2) + 1) * sizeof(void *) + 32 * sizeof(void *) +
                       2 * ALIGN_;
        bool pow2 = (sizes[i] & (sizes[i] - 1)) == 0;
        if (pow2 && overhead > bound) {
            check_log("  region %zu: overhead %zu above the documented %zu rows (bound %zu)\n", sizes[i],
                      overhead, rows, bound);
            CHECK(overhead <= bound);
        }
        CHECK_EQ_SZ(capheap_heap_largest_free(h), cap);
        CHECK_NOT_NULL(capheap_heap_malloc(h, cap));
        CHECK_HEAP(h);
        prev_cap = cap;
        prev_overhead = overhead;
        region_delete(buf);
    }
}

static void t_one_gib_region(void)
{
#if SIZE_MAX > 0xFFFFFFFFu
    size_t size = (size_t)1 << 30;
    unsigned char *buf = region_new_or_skip(size, "1 GiB region");   /* not touched beyond headers */
    if (!buf)
        return;
    capheap_heap_t *h = capheap_heap_create(buf, size);
    REQUIRE(h);
    CHECK(capheap_heap_capacity(h) > size - 16384);
    void *a = capheap_heap_malloc(h, (size_t)512 << 20);
    /* after a, the free tail holds ~512 MiB: a 128 MiB-aligned 128 MiB block fits */
    void *b = capheap_heap_aligned_alloc(h, (size_t)128 << 20, (size_t)128 << 20);
    CHECK_NOT_NULL(a);
    CHECK_NOT_NULL(b);
    CHECK((uintptr_t)b % ((size_t)128 << 20) == 0);
    CHECK_HEAP(h);
    capheap_heap_free(h, a);
    capheap_heap_free(h, b);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_EQ_SZ(capheap_heap_largest_free(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
#endif
}

/* ------------------------------------------------------------ malloc */

static void t_zero_size(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(8192, &buf);
    REQUIRE(h);
    void *p = capheap_heap_malloc(h, 0);
    void *q = capheap_heap_malloc(h, 0);
    CHECK_NOT_NULL(p);
    CHECK_NOT_NULL(q);
    CHECK(p != q);
    CHECK((uintptr_t)p % ALIGN_ == 0);
    CHECK(capheap_heap_contains(h, p));
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.allocated_blocks, 2);
    capheap_heap_free(h, p);
    capheap_heap_free(h, q);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_malloc_alignment_usable_and_overhead(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(256 * 1024, &buf);
    REQUIRE(h);
    unsigned char *prev = NULL;
    size_t prev_n = 0;
    for (size_t n = 0; n <= 600; n++) {
        unsigned char *p = (unsigned char *)capheap_heap_malloc(h, n);
        REQUIRE(p);
        CHECK((uintptr_t)p % ALIGN_ == 0);
        size_t u = capheap_heap_usable_size(h, p);
        CHECK(u >= n);
        /* no more waste than the alignment and the minimum block impose */
        CHECK(u < n + ALIGN_ + 4 * sizeof(void *));
        memset(p, 0xEE, u);  /* the whole usable size is usable */
        /* blocks taken one after another from the free tail sit next to
         * each other: one header word each (issue 2: one word per block) */
        if (prev && prev_n >= 4 * sizeof(void *)) {
            size_t stride = (size_t)(p - prev);
            size_t want = (prev_n + sizeof(size_t) + ALIGN_ - 1) / ALIGN_ * ALIGN_;
            if (stride > want) {
                check_log("  malloc(%zu) then malloc(%zu): stride %zu > %zu\n", prev_n, n, stride, want);
                CHECK(stride <= want);
            }
        }
        prev = p;
        prev_n = n;
    }
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_free_null_does_nothing(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(4096, &buf);
    REQUIRE(h);
    hook_rec_t rec = { 0, 0, NULL };
    capheap_heap_set_error_hook(h, hook_record, &rec);
    capheap_heap_free(h, NULL);
    CHECK_EQ_U(rec.count, 0);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_calloc(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    /* dirty the heap first */
    void *d = capheap_heap_malloc(h, 8000);
    REQUIRE(d);
    memset(d, 0xAB, 8000);
    capheap_heap_free(h, d);
    for (size_t n = 1; n < 40; n += 3) {
        unsigned char *p = (unsigned char *)capheap_heap_calloc(h, n, 97);
        REQUIRE(p);
        for (size_t i = 0; i < n * 97; i++)
            if (p[i]) {
                CHECK_FAILED("calloc memory not zero");
                break;
            }
        memset(p, 0xCD, n * 97);
        capheap_heap_free(h, p);
    }
    /* calloc of zero elements is malloc(0): a unique block */
    void *z1 = capheap_heap_calloc(h, 0, 16), *z2 = capheap_heap_calloc(h, 16, 0);
    CHECK_NOT_NULL(z1);
    CHECK_NOT_NULL(z2);
    CHECK(z1 != z2);
    capheap_heap_free(h, z1);
    capheap_heap_free(h, z2);
    /* products that overflow size_t */
    size_t half = (size_t)1 << (sizeof(size_t) * 4);
    CHECK_NULL(capheap_heap_calloc(h, half, half));
    CHECK_NULL(capheap_heap_calloc(h, SIZE_MAX / 2 + 1, 2));
    CHECK_NULL(capheap_heap_calloc(h, 2, SIZE_MAX / 2 + 1));
    CHECK_NULL(capheap_heap_calloc(h, SIZE_MAX, SIZE_MAX));
    /* a product that does not overflow but wraps after rounding would */
    CHECK_NULL(capheap_heap_calloc(h, 1, SIZE_MAX - 3));
    /* too large for the heap */
    CHECK_NULL(capheap_heap_calloc(h, 1024, 1024));
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
}

/* ------------------------------------------------------------ split/merge */

static void t_split_and_merge_back(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(32 * 1024, &buf);
    REQUIRE(h);
    size_t cap = capheap_heap_capacity(h);
    void *p = capheap_heap_malloc(h, 100);
    REQUIRE(p);
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.allocated_blocks, 1);
    CHECK_EQ_SZ(info.free_blocks, 1);
    CHECK_EQ_SZ(info.total_blocks, 2);
    CHECK_EQ_SZ(info.total_allocated_bytes, capheap_heap_usable_size(h, p));
    CHECK(info.total_free_bytes < cap - 100);
    CHECK(info.total_free_bytes + info.total_allocated_bytes < cap);  /* one header went */
    CHECK(info.total_free_bytes + info.total_allocated_bytes >= cap - 4 * sizeof(void *));
    CHECK_HEAP(h);
    capheap_heap_free(h, p);
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.allocated_blocks, 0);
    CHECK_EQ_SZ(info.free_blocks, 1);
    CHECK_EQ_SZ(info.total_free_bytes, cap);
    CHECK_EQ_SZ(info.largest_free_block, cap);
    CHECK_HEAP(h);
    region_delete(buf);
}

/*
 * A heap with five 200-byte blocks A..E at its start and the rest taken by
 * one block, so that no block is free: every free block afterwards is one
 * the test made.
 */
typedef struct {
    unsigned char *buf;
    capheap_heap_t *h;
    unsigned char *blk[5];
    size_t usable[5];
    void *rest;
} five_t;

static bool five_setup(five_t *f)
{
    memset(f, 0, sizeof *f);
    f->h = new_heap(16 * 1024, &f->buf);
    if (!f->h)
        return false;
    for (int i = 0; i < 5; i++) {
        f->blk[i] = (unsigned char *)capheap_heap_malloc(f->h, 200);
        if (!f->blk[i])
            return false;
        f->usable[i] = capheap_heap_usable_size(f->h, f->blk[i]);
        fill_block(f->blk[i], f->usable[i], (uint32_t)i + 1);
        if (i && f->blk[i] <= f->blk[i - 1])
            return false;
    }
    size_t l = capheap_heap_largest_free(f->h);
    f->rest = capheap_heap_malloc(f->h, l);
    capheap_heap_info_t info;
    capheap_heap_get_info(f->h, &info);
    return f->rest && info.free_blocks == 0 && info.total_free_bytes == 0 &&
           capheap_heap_largest_free(f->h) == 0 && capheap_heap_malloc(f->h, 0) == NULL;
}

static size_t free_blocks_of(capheap_heap_t *h)
{
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    return info.free_blocks;
}

/* After freeing blocks [lo, hi] of f in any order, they form one free block
 * that a malloc of their summed usable sizes gets back, at blk[lo]. */
static void expect_merged(five_t *f, int lo, int hi)
{
    size_t sum = 0;
    for (int i = lo; i <= hi; i++)
        sum += f->usable[i];
    CHECK_EQ_SZ(free_blocks_of(f->h), 1);
    /* merging returns the inner headers to the free space */
    CHECK(capheap_heap_free_size(f->h) > sum);
    CHECK_EQ_SZ(capheap_heap_largest_free(f->h), capheap_heap_free_size(f->h));
    CHECK_HEAP(f->h);
    void *p = capheap_heap_malloc(f->h, sum);
    CHECK(p == f->blk[lo]);
    CHECK_HEAP(f->h);
    /* neighbours kept their content */
    if (lo > 0)
        CHECK(block_intact(f->blk[lo - 1], f->usable[lo - 1], (uint32_t)lo));
    if (hi < 4)
        CHECK(block_intact(f->blk[hi + 1], f->usable[hi + 1], (uint32_t)hi + 2));
}

static void t_merge_with_next(void)
{
    five_t f;
    REQUIRE(five_setup(&f));
    capheap_heap_free(f.h, f.blk[2]);
    CHECK_EQ_SZ(free_blocks_of(f.h), 1);
    capheap_heap_free(f.h, f.blk[1]);        /* B merges with the free C after it */
    expect_merged(&f, 1, 2);
    region_delete(f.buf);
}

static void t_merge_with_previous(void)
{
    five_t f;
    REQUIRE(five_setup(&f));
    capheap_heap_free(f.h, f.blk[1]);
    capheap_heap_free(f.h, f.blk[2]);        /* C merges with the free B before it */
    expect_merged(&f, 1, 2);
    region_delete(f.buf);
}

static void t_merge_with_both(void)
{
    five_t f;
    REQUIRE(five_setup(&f));
    capheap_heap_free(f.h, f.blk[1]);
    capheap_heap_free(f.h, f.blk[3]);
    CHECK_EQ_SZ(free_blocks_of(f.h), 2);
    capheap_heap_free(f.h, f.blk[2]);        /* C joins B and D */
    expect_merged(&f, 1, 3);
    region_delete(f.buf);
}

static void t_merge_at_heap_edges(void)
{
    five_t f;
    REQUIRE(five_setup(&f));
    /* first block of the heap, merging with its next */
    capheap_heap_free(f.h, f.blk[1]);
    capheap_heap_free(f.h, f.blk[0]);
    expect_merged(&f, 0, 1);
    /* last block of the heap (before the end), merging with its previous */
    capheap_heap_free(f.h, f.blk[0]);        /* the merged A+B block from expect_merged */
    capheap_heap_free(f.h, f.blk[4]);
    capheap_heap_free(f.h, f.rest);
    CHECK_EQ_SZ(free_blocks_of(f.h), 2);
    capheap_heap_free(f.h, f.blk[2]);
    capheap_heap_free(f.h, f.blk[3]);
    CHECK_EQ_SZ(free_blocks_of(f.h), 1);
    CHECK_EQ_SZ(capheap_heap_free_size(f.h), capheap_heap_capacity(f.h));
    CHECK_HEAP(f.h);
    region_delete(f.buf);
}

static void t_exact_fit(void)
{
    five_t f;
    REQUIRE(five_setup(&f));
    capheap_heap_free(f.h, f.blk[2]);
    CHECK_EQ_SZ(capheap_heap_largest_free(f.h), f.usable[2]);
    CHECK_NULL(capheap_heap_malloc(f.h, f.usable[2] + 1));
    void *p = capheap_heap_malloc(f.h, f.usable[2]);
    CHECK(p == f.blk[2]);
    CHECK_EQ_SZ(free_blocks_of(f.h), 0);
    CHECK_EQ_SZ(capheap_heap_free_size(f.h), 0);
    CHECK_HEAP(f.h);
    /* a smaller request takes the same hole (the only one) and splits it */
    capheap_heap_free(f.h, p);
    p = capheap_heap_malloc(f.h, 8);
    CHECK(p == f.blk[2]);
    CHECK_EQ_SZ(free_blocks_of(f.h), 1);
    CHECK_HEAP(f.h);
    for (int i = 0; i < 5; i++)
        if (i != 2)
            CHECK(block_intact(f.blk[i], f.usable[i], (uint32_t)i + 1));
    region_delete(f.buf);
}

static void t_full_heap(void)
{
    static const size_t sizes[] = { 4096, 1000, 256, 64, 16, 1, 0 };
    size_t region_sizes[] = { capheap_heap_min_region_size(), 1024, 64 * 1024, 1024 * 1024 };
    prng_t rng;
    prng_init(&rng, seed);
    for (size_t r = 0; r < sizeof region_sizes / sizeof region_sizes[0]; r++) {
        unsigned char *buf;
        capheap_heap_t *h = new_heap(region_sizes[r], &buf);
        REQUIRE(h);
        size_t cap = capheap_heap_capacity(h);
        size_t max = region_sizes[r] / 8 + 1;
        void **ptrs = (void **)malloc(max * sizeof *ptrs);
        REQUIRE(ptrs);
        size_t n = 0, usable_sum = 0;
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            void *p;
            while (n < max && (p = capheap_heap_malloc(h, sizes[s])) != NULL) {
                ptrs[n++] = p;
                usable_sum += capheap_heap_usable_size(h, p);
            }
        }
        CHECK(n < max);
        /* malloc(0) failed: not one free block is left */
        capheap_heap_info_t info;
        capheap_heap_get_info(h, &info);
        CHECK_EQ_SZ(info.total_free_bytes, 0);
        CHECK_EQ_SZ(info.free_blocks, 0);
        CHECK_EQ_SZ(info.largest_free_block, 0);
        CHECK_EQ_SZ(info.minimum_free_bytes, 0);
        CHECK_EQ_SZ(info.allocated_blocks, n);
        CHECK_EQ_SZ(info.total_allocated_bytes, usable_sum);
        CHECK(usable_sum < cap || n == 1);
        CHECK_NULL(capheap_heap_malloc(h, 1));
        CHECK_NULL(capheap_heap_aligned_alloc(h, 1, 64));
        CHECK_HEAP(h);
        /* free all, in random order */
        for (size_t i = n; i > 1; i--) {
            size_t j = prng_range(&rng, 0, (uint32_t)(i - 1));
            void *t = ptrs[j];
            ptrs[j] = ptrs[i - 1];
            ptrs[i - 1] = t;
        }
        for (size_t i = 0; i < n; i++) {
            capheap_heap_free(h, ptrs[i]);
            if (i % 64 == 0)
                CHECK_HEAP(h);
        }
        capheap_heap_get_info(h, &info);
        CHECK_EQ_SZ(info.total_free_bytes, cap);
        CHECK_EQ_SZ(info.largest_free_block, cap);
        CHECK_EQ_SZ(info.free_blocks, 1);
        CHECK_EQ_SZ(info.allocated_blocks, 0);
        CHECK_EQ_SZ(info.total_allocated_bytes, 0);
        CHECK_EQ_SZ(info.minimum_free_bytes, 0);
        CHECK_HEAP(h);
        free(ptrs);
        region_delete(buf);
    }
}

/* ------------------------------------------------------------ statistics */

static void check_stats_against_walk(capheap_heap_t *h)
{
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    walk_sums_t w = walk_sums(h);
    CHECK(w.ok);
    CHECK_EQ_SZ(info.total_free_bytes, w.free_bytes);
    CHECK_EQ_SZ(info.total_free_bytes, capheap_heap_free_size(h));
    CHECK_EQ_SZ(info.total_allocated_bytes, w.used_bytes);
    CHECK_EQ_SZ(info.allocated_blocks, w.used_blocks);
    CHECK_EQ_SZ(info.free_blocks, w.free_blocks);
    CHECK_EQ_SZ(info.total_blocks, w.used_blocks + w.free_blocks);
    CHECK_EQ_SZ(info.largest_free_block, capheap_heap_largest_free(h));
    CHECK(info.largest_free_block <= w.largest_free_payload);
    CHECK_EQ_SZ(info.minimum_free_bytes, capheap_heap_minimum_free_size(h));
    CHECK(info.minimum_free_bytes <= info.total_free_bytes);
}

/* largest_free is exact: malloc(L) succeeds and malloc(L + 1) fails. */
static void check_largest_exact(capheap_heap_t *h)
{
    size_t l = capheap_heap_largest_free(h);
    void *big = capheap_heap_malloc(h, l + 1);
    if (big) {
        check_log("  malloc(largest + 1 = %zu) succeeded\n", l + 1);
        CHECK_NULL(big);
        capheap_heap_free(h, big);
    }
    if (l == 0) {
        CHECK_EQ_SZ(free_blocks_of(h), 0);
        return;
    }
    void *p = capheap_heap_malloc(h, l);
    if (!p) {
        check_log("  malloc(largest = %zu) failed\n", l);
        CHECK_NOT_NULL(p);
        return;
    }
    capheap_heap_free(h, p);
    CHECK_EQ_SZ(capheap_heap_largest_free(h), l);
}

static void t_statistics_and_largest_on_fragmented_heaps(void)
{
    prng_t rng;
    prng_init(&rng, seed ^ 0x57A7);
    static const size_t regions[] = { 2048, 65536, 1u << 20 };
    for (size_t r = 0; r < 3; r++) {
        unsigned char *buf;
        capheap_heap_t *h = new_heap(regions[r], &buf);
        REQUIRE(h);
        enum { N = 400 };
        void *live[N] = { 0 };
        size_t maxsz = regions[r] / 16;
        for (int step = 0; step < 3000; step++) {
            size_t i = prng_range(&rng, 0, N - 1);
            if (live[i]) {
                capheap_heap_free(h, live[i]);
                live[i] = NULL;
            } else {
                size_t n = prng_range(&rng, 0, 3) ? prng_range(&rng, 0, 64) : prng_range(&rng, 0, (uint32_t)maxsz);
                live[i] = prng_range(&rng, 0, 7) ? capheap_heap_malloc(h, n)
                                                 : capheap_heap_aligned_alloc(h, n, (size_t)1 << prng_range(&rng, 1, 10));
            }
            if (step % 25 == 0) {
                check_stats_against_walk(h);
                check_largest_exact(h);
                if (check_failures_in_test) {
                    check_log("  region %zu step %d\n", regions[r], step);
                    region_delete(buf);
                    return;
                }
            }
        }
        for (size_t i = 0; i < N; i++)
            capheap_heap_free(h, live[i]);
        check_stats_against_walk(h);
        CHECK_EQ_SZ(capheap_heap_largest_free(h), capheap_heap_capacity(h));
        region_delete(buf);
    }
}

static void t_largest_at_class_edges(void)
{
    /* one free hole of every size from the minimum block to a few KiB: the
     * largest free block must be exactly the hole's usable size */
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    for (size_t n = 0; n < 5000; n += (n < 300 ? 1 : 37)) {
        void *a = capheap_heap_malloc(h, n);
        void *guard = capheap_heap_malloc(h, 1);
        void *rest = capheap_heap_malloc(h, capheap_heap_largest_free(h));
        REQUIRE(a && guard && rest);
        REQUIRE(capheap_heap_largest_free(h) == 0);
        size_t u = capheap_heap_usable_size(h, a);
        capheap_heap_free(h, a);
        if (capheap_heap_largest_free(h) != u) {
            check_log("  hole of usable %zu (malloc %zu): largest says %zu\n", u, n,
                      capheap_heap_largest_free(h));
            CHECK_EQ_SZ(capheap_heap_largest_free(h), u);
        }
        CHECK_NULL(capheap_heap_malloc(h, u + 1));
        void *b = capheap_heap_malloc(h, u);
        CHECK(b == a);
        capheap_heap_free(h, b);
        capheap_heap_free(h, guard);
        capheap_heap_free(h, rest);
        if (check_failures_in_test)
            break;
    }
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK_HEAP(h);
    region_delete(buf);
}

static void t_minimum_free_reset_restore(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(64 * 1024, &buf);
    REQUIRE(h);
    size_t cap = capheap_heap_capacity(h);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), cap);
    void *a = capheap_heap_malloc(h, 20000);
    REQUIRE(a);
    size_t low = capheap_heap_free_size(h);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), low);
    capheap_heap_free(h, a);
    CHECK_EQ_SZ(capheap_heap_free_size(h), cap);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), low);   /* a minimum stays */

    /* measurement window */
    size_t old = capheap_heap_reset_minimum_free(h);
    CHECK_EQ_SZ(old, low);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), cap);
    void *b = capheap_heap_malloc(h, 1000);
    REQUIRE(b);
    size_t window = capheap_heap_free_size(h);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), window);
    CHECK(window > low);
    /* restore: the lower of the two */
    capheap_heap_restore_minimum_free(h, old);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), low);
    /* restoring a higher value never raises the minimum */
    capheap_heap_restore_minimum_free(h, cap);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), low);
    /* a reset with blocks live starts from the current free size */
    old = capheap_heap_reset_minimum_free(h);
    CHECK_EQ_SZ(old, low);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), window);
    capheap_heap_free(h, b);
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), window);
    /* failed requests do not move it */
    CHECK_NULL(capheap_heap_malloc(h, cap + 1));
    CHECK_EQ_SZ(capheap_heap_minimum_free_size(h), window);
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.minimum_free_bytes, window);
    CHECK_HEAP(h);
    region_delete(buf);
}

/* ------------------------------------------------------------ walk */

static void t_walk(void)
{
    unsigned char *buf;
    capheap_heap_t *h = new_heap(32 * 1024, &buf);
    REQUIRE(h);
    walked_t blocks[64];
    walk_rec_t w = { blocks, 0, 64, 0, 0 };

    /* empty heap: one free block of the whole capacity */
    CHECK(capheap_heap_walk(h, walk_collect, &w));
    CHECK_EQ_SZ(w.n, 1);
    CHECK(!blocks[0].used);
    CHECK_EQ_SZ(blocks[0].size, capheap_heap_capacity(h));

    void *p[10];
    for (int i = 0; i < 10; i++) {
        p[i] = capheap_heap_malloc(h, 50 + 30 * (size_t)i);
        REQUIRE(p[i]);
    }
    capheap_heap_free(h, p[3]);
    capheap_heap_free(h, p[7]);
    memset(&w, 0, sizeof w);
    w.blocks = blocks;
    w.cap = 64;
    CHECK(capheap_heap_walk(h, walk_collect, &w));
    CHECK_EQ_SZ(w.n, 11);   /* 8 used, 2 holes, the free tail */
    size_t used = 0;
    for (size_t i = 0; i < w.n; i++) {
        if (i)
            CHECK((uintptr_t)blocks[i].ptr > (uintptr_t)blocks[i - 1].ptr);
        if (i)  /* blocks tile the heap: no gap bigger than a header */
            CHECK((uintptr_t)blocks[i].ptr - (uintptr_t)blocks[i - 1].ptr - blocks[i - 1].size <= ALIGN_ + sizeof(size_t));
        CHECK(capheap_heap_contains(h, blocks[i].ptr));
        if (blocks[i].used) {
            used++;
            CHECK_EQ_SZ(blocks[i].size, capheap_heap_usable_size(h, blocks[i].ptr));
        }
    }
    CHECK_EQ_SZ(used, 8);
    for (int i = 0; i < 10; i++) {   /* every block is seen, used or not as it should */
        bool seen = false;
        for (size_t k = 0; k < w.n; k++)
            if (blocks[k].ptr == p[i])
                seen = blocks[k].used == (i != 3 && i != 7);
        CHECK(seen);
    }
    CHECK(!blocks[3].used && blocks[3].ptr == p[3]);
    CHECK(!blocks[7].used && blocks[7].ptr == p[7]);

    /* early stop: fn's false ends the walk and makes it return false */
    for (size_t k = 1; k <= 11; k++) {
        memset(&w, 0, sizeof w);
        w.blocks = blocks;
        w.cap = 64;
        w.stop_after = k;
        CHECK(!capheap_heap_walk(h, walk_collect, &w));
        CHECK_EQ_SZ(w.calls, k);
    }
    CHECK_HEAP(h);
    region_delete(buf);
}

/* ------------------------------------------------------------ bounds */

static void t_contains_and_region_bounds(void)
{
    unsigned char *buf = region_new(8192 + 64);
    REQUIRE(buf);
    unsigned char *start = buf + 32;
    capheap_heap_t *h = capheap_heap_create(start, 8192);
    REQUIRE(h);
    CHECK(capheap_heap_region_start(h) == start);
    CHECK(capheap_heap_region_end(h) == start + 8192);
    CHECK(capheap_heap_contains(h, start));
    CHECK(capheap_heap_contains(h, start + 8191));
    CHECK(!capheap_heap_contains(h, start + 8192));
    CHECK(!capheap_heap_contains(h, start - 1));
    CHECK(!capheap_heap_contains(h, NULL));
    int local;
    CHECK(!capheap_heap_contains(h, &local));
    void *p = capheap_heap_malloc(h, 100);
    CHECK(capheap_heap_contains(h, p));
    CHECK(capheap_heap_contains(h, (unsigned char *)p + 99));
    region_delete(buf);
}

static void t_independent_heaps(void)
{
    unsigned char *b1, *b2;
    capheap_heap_t *h1 = new_heap(16384, &b1), *h2 = new_heap(16384, &b2);
    REQUIRE(h1 && h2);
    void *p1 = capheap_heap_malloc(h1, 500), *p2 = capheap_heap_malloc(h2, 700);
    REQUIRE(p1 && p2);
    CHECK(capheap_heap_contains(h1, p1) && !capheap_heap_contains(h1, p2));
    CHECK(capheap_heap_contains(h2, p2) && !capheap_heap_contains(h2, p1));
    CHECK(capheap_heap_free_size(h1) != capheap_heap_free_size(h2));
    capheap_heap_free(h1, p1);
    CHECK_EQ_SZ(capheap_heap_free_size(h1), capheap_heap_capacity(h1));
    CHECK(capheap_heap_free_size(h2) < capheap_heap_capacity(h2));
    CHECK_HEAP(h1);
    CHECK_HEAP(h2);
    region_delete(b1);
    region_delete(b2);
}

/* ------------------------------------------------------- malloc_or */

typedef struct {
    int calls;
    void *ctx_seen;
    size_t free_seen;
    capheap_heap_t *heap;
} refusal_t;

static char refusal_token;

static void *on_refused(void *ctx)
{
    refusal_t *r = (refusal_t *)ctx;
    r->calls++;
    r->ctx_seen = ctx;
    r->free_seen = capheap_heap_free_size(r->heap); /* the heap as the refusal left it */
    return &refusal_token;
}

/* malloc_or gives what malloc gives when it succeeds, and the continuation's
 * result, with the heap untouched, when malloc would return NULL. */
static void t_malloc_or(void)
{
    static const size_t sizes[] = { 0, 1, 24, 100, 256, 1000, 3000 };
    unsigned char *b1, *b2;
    capheap_heap_t *h1 = new_heap(16 * 1024, &b1);
    capheap_heap_t *h2 = new_heap(16 * 1024, &b2);
    REQUIRE(h1 && h2);

    /* without a continuation: plain NULL on refusal */
    CHECK_NULL(capheap_heap_malloc_or(h2, SIZE_MAX));

    refusal_t r = { 0, NULL, 0, h2 };
    capheap_heap_set_refused(h2, on_refused, &r);
    /* same requests on twin heaps: same offsets, same statistics */
    for (int round = 0; round < 40; round++) {
        size_t n = sizes[(size_t)round % (sizeof sizes / sizeof sizes[0])];
        void *p1 = capheap_heap_malloc(h1, n);
        void *p2 = capheap_heap_malloc_or(h2, n);
        if (!p1) {
            CHECK(p2 == &refusal_token);
            continue;
        }
        REQUIRE(p2 && p2 != &refusal_token);
        CHECK_EQ_SZ((size_t)((unsigned char *)p1 - b1), (size_t)((unsigned char *)p2 - b2));
        CHECK_EQ_SZ(capheap_heap_usable_size(h2, p2), capheap_heap_usable_size(h1, p1));
        if (round % 3 == 0) {
            capheap_heap_free(h1, p1);
            capheap_heap_free(h2, p2);
        }
    }
    CHECK_EQ_SZ(capheap_heap_free_size(h2), capheap_heap_free_size(h1));
    int calls_before = r.calls;

    /* refusals: too large for any block, larger than the capacity, SIZE_MAX */
    size_t free_before = capheap_heap_free_size(h2);
    size_t largest = capheap_heap_largest_free(h2);
    size_t refused_sizes[] = { largest + 1, capheap_heap_capacity(h2) + 1, SIZE_MAX };
    for (size_t i = 0; i < 3; i++) {
        CHECK(capheap_heap_malloc_or(h2, refused_sizes[i]) == &refusal_token);
        CHECK_EQ_SZ(r.free_seen, free_before);
    }
    CHECK(r.calls == calls_before + 3);
    CHECK(r.ctx_seen == &r);
    CHECK_EQ_SZ(capheap_heap_free_size(h2), free_before);
    CHECK_EQ_SZ(capheap_heap_largest_free(h2), largest);
    CHECK_HEAP(h2);
    /* the largest block itself is still served */
    CHECK(capheap_heap_malloc_or(h2, largest) != &refusal_token);
    CHECK_HEAP(h2);
    region_delete(b1);
    region_delete(b2);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    seed = test_seed("engine.basic");
    RUN(t_min_region);
    RUN(t_create_monotonic_in_size);
    RUN(t_create_rejects_bad_ranges);
    RUN(t_create_touches_only_its_region);
    RUN(t_capacity_and_control_overhead);
    RUN(t_one_gib_region);
    RUN(t_zero_size);
    RUN(t_malloc_alignment_usable_and_overhead);
    RUN(t_free_null_does_nothing);
    RUN(t_calloc);
    RUN(t_split_and_merge_back);
    RUN(t_merge_with_next);
    RUN(t_merge_with_previous);
    RUN(t_merge_with_both);
    RUN(t_merge_at_heap_edges);
    RUN(t_exact_fit);
    RUN(t_full_heap);
    RUN(t_statistics_and_largest_on_fragmented_heaps);
    RUN(t_largest_at_class_edges);
    RUN(t_minimum_free_reset_restore);
    RUN(t_walk);
    RUN(t_contains_and_region_bounds);
    RUN(t_independent_heaps);
    RUN(t_malloc_or);
    return check_summary("engine.basic");
}
