/*
 * Integrity check tests (white-box): capheap_heap_check() is true on sound
 * heaps and false, with a message, after any header, footer, link, bitmap
 * or counter is smashed in the heap's own memory; it never crashes, even on
 * random damage. The cheap checks of free() report a smashed header or a
 * neighbour that does not point back. Every smash is undone afterwards and
 * the heap must be sound again.
 *
 * Reaches the private block layout through src/engine/block.h (test-only
 * include path), as STYLE.md asks of white-box tests.
 */
#include "engine_test.h"

#include "block.h"

static uint64_t seed;

/* ------------------------------------------------------------ fixture */

#define NLIVE 64

typedef struct {
    unsigned char *buf;
    size_t size;
    capheap_heap_t *h;
    unsigned char *live[NLIVE];
    size_t usable[NLIVE];
    hook_rec_t rec;
} fx_t;

/* A fragmented heap: used blocks, free holes of several sizes, a free tail. */
static bool fx_setup(fx_t *f, size_t size, uint64_t s)
{
    memset(f, 0, sizeof *f);
    f->size = size;
    f->buf = region_new(size);
    if (!f->buf)
        return false;
    f->h = capheap_heap_create(f->buf, size);
    if (!f->h)
        return false;
    capheap_heap_set_error_hook(f->h, hook_record, &f->rec);
    prng_t rng;
    prng_init(&rng, s);
    for (int i = 0; i < NLIVE; i++) {
        size_t n = prng_range(&rng, 0, 3) ? prng_range(&rng, 1, 100) : prng_range(&rng, 100, 2000);
        f->live[i] = (unsigned char *)capheap_heap_malloc(f->h, n);
        if (!f->live[i])
            return false;
        f->usable[i] = capheap_heap_usable_size(f->h, f->live[i]);
        fill_block(f->live[i], f->usable[i], (uint32_t)i);
    }
    for (int i = 1; i < NLIVE; i += 3) {   /* holes, none adjacent */
        capheap_heap_free(f->h, f->live[i]);
        f->live[i] = NULL;
    }
    return capheap_heap_check(f->h, NULL, NULL);
}

static bool fx_blocks_intact(const fx_t *f)
{
    for (int i = 0; i < NLIVE; i++)
        if (f->live[i] && !block_intact(f->live[i], f->usable[i], (uint32_t)i))
            return false;
    return true;
}

/* Payload address of the k-th free block (address order), or NULL. */
typedef struct { size_t k, seen; void *found; } nth_t;
static bool nth_free(void *ctx, void *ptr, size_t size, bool used)
{
    nth_t *n = (nth_t *)ctx;
    (void)size;
    if (!used && n->seen++ == n->k) {
        n->found = ptr;
        return false;
    }
    return true;
}
static blk_t *free_block(capheap_heap_t *h, size_t k)
{
    nth_t n = { k, 0, NULL };
    capheap_heap_walk(h, nth_free, &n);
    return n.found ? block_from_payload(n.found) : NULL;
}

/* ------------------------------------------------------------ smashing */

static int smash_count;

/* Writes `value` over the word at `word`, runs check (and a walk) which
 * must report damage with a message, then restores the word; the heap must
 * be sound again. */
static void expect_detected(fx_t *f, void *word, size_t value, const char *what)
{
    size_t *w = (size_t *)word;
    size_t saved = *w;
    if (value == saved)
        return;  /* no damage to detect */
    smash_count++;
    *w = value;
    sink_t s;
    memset(&s, 0, sizeof s);
    bool ok = capheap_heap_check(f->h, sink_print, &s);
    walk_sums_t ws = walk_sums(f->h);   /* must not crash either */
    (void)ws;
    *w = saved;
    if (ok) {
        check_log("  %s: word %p 0x%zx -> 0x%zx not detected\n", what, word, saved, value);
        CHECK_FAILED("smashed metadata not detected by check");
    } else if (s.len == 0 || !strstr(s.text, "expected") || !strstr(s.text, "found")) {
        check_log("  %s: message \"%s\" lacks expected/found\n", what, s.text);
        CHECK_FAILED("check message incomplete");
    }
    CHECK_HEAP(f->h);
}

static size_t rnd_word(prng_t *r)
{
    uint64_t x = ((uint64_t)prng_next(r) << 32) | prng_next(r);
    return (size_t)x;
}

static void t_check_true_on_sound_heaps(void)
{
    prng_t rng;
    prng_init(&rng, seed);
    const size_t regions[] = { capheap_heap_min_region_size(), 1024, 8192, 256 * 1024 };
    for (int r = 0; r < 4; r++) {
        unsigned char *buf = region_new(regions[r]);
        REQUIRE(buf);
        capheap_heap_t *h = capheap_heap_create(buf, regions[r]);
        REQUIRE(h);
        sink_t s;
        memset(&s, 0, sizeof s);
        CHECK(capheap_heap_check(h, sink_print, &s));
        CHECK(capheap_heap_check(h, NULL, NULL));
        void *p[50] = { 0 };
        for (int step = 0; step < 2000; step++) {
            int i = (int)prng_range(&rng, 0, 49);
            if (p[i]) {
                capheap_heap_free(h, p[i]);
                p[i] = NULL;
            } else {
                p[i] = capheap_heap_malloc(h, prng_range(&rng, 0, (uint32_t)(regions[r] / 20)));
            }
            if (!capheap_heap_check(h, sink_print, &s)) {
                check_log("  region %zu step %d: %s\n", regions[r], step, s.text);
                CHECK_FAILED("check false on a sound heap");
                break;
            }
        }
        CHECK_EQ_SZ(s.len, 0);   /* nothing printed for a sound heap */
        region_delete(buf);
    }
}

static void t_smashed_used_headers(void)
{
    fx_t f;
    REQUIRE(fx_setup(&f, 256 * 1024, seed));
    prng_t rng;
    prng_init(&rng, seed ^ 0x5A5A);
    int picks[] = { 0, 2, 3, NLIVE / 2, NLIVE - 1 };
    for (size_t k = 0; k < sizeof picks / sizeof picks[0]; k++) {
        if (!f.live[picks[k]])
            continue;
        blk_t *b = block_from_payload(f.live[picks[k]]);
        size_t hdr = b->header, st = block_stride(b);
        const size_t values[] = {
            0, ~(size_t)0, hdr ^ F_FREE, hdr ^ F_PREV_FREE, hdr + ALIGN, hdr - ALIGN,
            hdr + (st << 1), (hdr & F_MASK) | (ALIGN * 2), hdr | ((size_t)1 << (sizeof(size_t) * 8 - 1)),
            hdr + 4 * ALIGN, rnd_word(&rng), rnd_word(&rng) & ~F_MASK,
        };
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
            expect_detected(&f, &b->header, values[v], "used header");
        /* heap.h: walk returns false when it meets a damaged header; a size
         * of 0 or one beyond the region cannot be taken for a block */
        const size_t hopeless[] = { 0, ~(size_t)0 };
        for (size_t v = 0; v < 2; v++) {
            size_t saved = b->header;
            b->header = hopeless[v];
            walk_sums_t ws = walk_sums(f.h);
            b->header = saved;
            CHECK(!ws.ok);
        }
    }
    CHECK(fx_blocks_intact(&f));
    region_delete(f.buf);
}

static void t_smashed_free_blocks(void)
{
    fx_t f;
    REQUIRE(fx_setup(&f, 256 * 1024, seed + 1));
    prng_t rng;
    prng_init(&rng, seed ^ 0xF4EE);
    capheap_heap_t *h = f.h;
    blk_t *used = block_from_payload(f.live[0]);
    for (size_t k = 0; k < 6; k++) {
        blk_t *b = free_block(h, k * 3);
        if (!b)
            break;
        size_t hdr = b->header;
        const size_t hv[] = { 0, hdr ^ F_FREE, hdr + ALIGN, hdr - ALIGN, hdr * 2, ~(size_t)0, rnd_word(&rng) };
        for (size_t v = 0; v < sizeof hv / sizeof hv[0]; v++)
            expect_detected(&f, &b->header, hv[v], "free header");
        /* list links: null, self, outside, a used block, misaligned, random */
        const size_t links[] = { 0, (size_t)(uintptr_t)b, (size_t)(uintptr_t)f.buf - 4096,
                                 (size_t)(uintptr_t)used, (size_t)(uintptr_t)b + 1,
                                 (size_t)(uintptr_t)b + ALIGN, rnd_word(&rng), (size_t)(uintptr_t)f.buf + f.size };
        for (size_t v = 0; v < sizeof links / sizeof links[0]; v++) {
            expect_detected(&f, &b->next_free, links[v], "next link");
            expect_detected(&f, &b->link_to_me, links[v], "prev link");
        }
        /* the footer in the word before the next header */
        blk_t *next = block_next(b);
        void *footer = (size_t *)(void *)next - 1;
        const size_t fv[] = { 0, (size_t)(uintptr_t)b + ALIGN, (size_t)(uintptr_t)used, rnd_word(&rng) };
        for (size_t v = 0; v < sizeof fv / sizeof fv[0]; v++)
            expect_detected(&f, footer, fv[v], "footer");
        /* the follower's PREV_FREE flag */
        expect_detected(&f, &next->header, next->header ^ F_PREV_FREE, "follower PREV_FREE");
    }
    CHECK(fx_blocks_intact(&f));
    region_delete(f.buf);
}

static void t_smashed_control_structure(void)
{
    fx_t f;
    REQUIRE(fx_setup(&f, 256 * 1024, seed + 2));
    capheap_heap_t *h = f.h;
    blk_t *used = block_from_payload(f.live[0]);
    /* bitmaps: flip each bit of the first-level map, a few second-level */
    for (unsigned bit = 0; bit < h->rows && bit < 32; bit++) {
        uint32_t v = h->fl_bitmap ^ (1u << bit);
        uint32_t saved = h->fl_bitmap;
        h->fl_bitmap = v;
        sink_t s;
        memset(&s, 0, sizeof s);
        bool ok = capheap_heap_check(h, sink_print, &s);
        h->fl_bitmap = saved;
        CHECK(!ok);
    }
    for (unsigned row = 0; row < h->rows; row++)
        for (unsigned bit = 0; bit < SL_COUNT; bit += 7) {
            uint32_t saved = h->sl_bitmap[row];
            h->sl_bitmap[row] ^= 1u << bit;
            bool ok = capheap_heap_check(h, NULL, NULL);
            h->sl_bitmap[row] = saved;
            if (ok) {
                check_log("  sl_bitmap[%u] bit %u flip not detected\n", row, bit);
                CHECK(!ok);
            }
        }
    /* list heads: garbage in an empty one, and in a used one */
    for (unsigned cls = 0; cls < h->rows * SL_COUNT; cls += 5) {
        size_t *slot = (size_t *)(void *)&h->heads[cls];
        expect_detected(&f, slot, (size_t)(uintptr_t)used, "list head -> used block");
        expect_detected(&f, slot, (size_t)(uintptr_t)f.buf + f.size + 4096, "list head -> outside");
        expect_detected(&f, slot, 0x10, "list head -> low address");
    }
    for (unsigned cls = 0; cls < h->rows * SL_COUNT; cls++)
        if (h->heads[cls])
            expect_detected(&f, &h->heads[cls], 0, "non-empty list head cleared");
    /* counters */
    expect_detected(&f, &h->free_strides, h->free_strides + ALIGN, "free bytes");
    expect_detected(&f, &h->free_strides, h->free_strides - 1, "free bytes");
    expect_detected(&f, &h->free_blocks, h->free_blocks + 1, "free blocks");
    expect_detected(&f, &h->free_blocks, h->free_blocks - 1, "free blocks");
    expect_detected(&f, &h->total_blocks, h->total_blocks + 1, "total blocks");
    expect_detected(&f, &h->total_blocks, h->total_blocks - 1, "total blocks");
    expect_detected(&f, &h->min_free, free_payload(h) + 1, "minimum above free");
    CHECK(fx_blocks_intact(&f));
    region_delete(f.buf);
}

static void t_smashed_sentinel(void)
{
    fx_t f;
    REQUIRE(fx_setup(&f, 64 * 1024, seed + 3));
    /* the word after the last block: the last block's payload end */
    walked_t blocks[256];
    walk_rec_t w = { blocks, 0, 256, 0, 0 };
    CHECK(capheap_heap_walk(f.h, walk_collect, &w));
    REQUIRE(w.n > 0 && w.n < 256);
    size_t *sentinel = (size_t *)(void *)((unsigned char *)blocks[w.n - 1].ptr + blocks[w.n - 1].size);
    expect_detected(&f, sentinel, *sentinel | F_FREE, "sentinel FREE");
    expect_detected(&f, sentinel, *sentinel + ALIGN, "sentinel size");
    expect_detected(&f, sentinel, *sentinel ^ F_PREV_FREE, "sentinel PREV_FREE");
    region_delete(f.buf);
}

/* Payload address of the first block. */
static bool first_block(void *ctx, void *ptr, size_t size, bool used)
{
    (void)size;
    (void)used;
    *(void **)ctx = ptr;
    return false;
}

/* Any word of [lo, hi) xor-ed with random bits: check runs to an answer;
 * damage to a used block's header is always found; damage to a used
 * block's payload (user data) never makes the heap unsound. */
static void random_damage(bool control_too)
{
    fx_t f;
    REQUIRE(fx_setup(&f, 64 * 1024, seed + 4));
    prng_t rng;
    prng_init(&rng, seed ^ 0xDA3A ^ control_too);
    void *first = NULL;
    capheap_heap_walk(f.h, first_block, &first);
    REQUIRE(first);
    unsigned char *lo = control_too ? (unsigned char *)capheap_heap_region_start(f.h)
                                    : (unsigned char *)first - sizeof(size_t);
    unsigned char *hi = (unsigned char *)capheap_heap_region_end(f.h);
    size_t words = (size_t)(hi - lo) / sizeof(size_t);
    int header_hits = 0, payload_hits = 0, false_count = 0;
    for (int it = 0; it < 20000; it++) {
        size_t *w = (size_t *)(void *)lo + prng_range(&rng, 0, (uint32_t)(words - 1));
        size_t x = rnd_word(&rng);
        if (prng_range(&rng, 0, 1))
            x &= (size_t)1 << prng_range(&rng, 0, (uint32_t)(sizeof(size_t) * 8 - 1));  /* one bit */
        if (!x)
            continue;
        int kind = 0;   /* 1 header of a used block, 2 payload of a used block */
        for (int i = 0; i < NLIVE; i++) {
            if (!f.live[i])
                continue;
            uintptr_t a = (uintptr_t)w, p = (uintptr_t)f.live[i];
            if (a == p - sizeof(size_t))
                kind = 1;
            else if (a >= p && a < p + f.usable[i])
                kind = 2;
        }
        size_t saved = *w;
        *w ^= x;
        bool ok = capheap_heap_check(f.h, NULL, NULL);
        walk_sums_t ws = walk_sums(f.h);
        (void)ws;
        *w = saved;
        false_count += !ok;
        if (kind == 1) {
            header_hits++;
            if (ok) {
                check_log("  used header %p ^ 0x%zx not detected\n", (void *)w, x);
                CHECK(!ok);
            }
        } else if (kind == 2) {
            payload_hits++;
            if (!ok) {
                check_log("  user data %p ^ 0x%zx reported as damage\n", (void *)w, x);
                CHECK(ok);
            }
        }
        if (check_failures_in_test)
            break;
    }
    check_log("  %d smashes of used headers, %d of user data, %d reported corrupt\n", header_hits,
              payload_hits, false_count);
    CHECK(header_hits > 5);
    CHECK(payload_hits > 100);
    CHECK_HEAP(f.h);
    CHECK(fx_blocks_intact(&f));
    region_delete(f.buf);
}

static void t_random_damage_to_blocks_never_crashes(void) { random_damage(false); }

/* The control structure too (bitmaps, heads, counters, the block range):
 * a stray write there must be reported, not crash the check. */
static void t_random_damage_to_control_never_crashes(void) { random_damage(true); }

/* ------------------------------------------------------------ cheap checks */

#if CAPHEAP_CHECKS
static void t_free_reports_smashed_header_and_neighbour(void)
{
    fx_t f;
    REQUIRE(fx_setup(&f, 64 * 1024, seed + 5));
    capheap_heap_info_t before, after;
    capheap_heap_get_info(f.h, &before);
    /* blocks 3, 4 and 5 are used and adjacent (holes are at 1, 4?, ...):
     * find two adjacent used blocks */
    int a = -1;
    for (int i = 0; i + 1 < NLIVE; i++)
        if (f.live[i] && f.live[i + 1] && block_next(block_from_payload(f.live[i])) == block_from_payload(f.live[i + 1])) {
            a = i;
            break;
        }
    REQUIRE(a >= 0);
    blk_t *ba = block_from_payload(f.live[a]), *bb = block_from_payload(f.live[a + 1]);

    /* the follower claims its previous block is free: neighbour mismatch */
    size_t saved = bb->header;
    bb->header |= F_PREV_FREE;
    int n0 = f.rec.count;
    capheap_heap_free(f.h, f.live[a]);
    CHECK_EQ_U(f.rec.count, n0 + 1);
    CHECK_EQ_U(f.rec.reason, CAPHEAP_E_BAD_NEIGHBOUR);
    CHECK(f.rec.where == f.live[a]);
    bb->header = saved;
    capheap_heap_get_info(f.h, &after);
    CHECK(memcmp(&before, &after, sizeof before) == 0);
    CHECK_HEAP(f.h);

    /* the block's own header smashed: size not plausible */
    saved = ba->header;
    ba->header = (saved & F_MASK) | (f.size * 4);
    n0 = f.rec.count;
    capheap_heap_free(f.h, f.live[a]);
    CHECK_EQ_SZ(capheap_heap_usable_size(f.h, f.live[a]), 0);
    CHECK_NULL(capheap_heap_realloc(f.h, f.live[a], 10));
    CHECK_EQ_U(f.rec.count, n0 + 3);
    CHECK_EQ_U(f.rec.reason, CAPHEAP_E_BAD_HEADER);
    CHECK(f.rec.where == f.live[a]);
    ba->header = saved;
    CHECK_HEAP(f.h);

    /* the block claims a free previous block that is not there */
    saved = bb->header;
    bb->header |= F_PREV_FREE;   /* now for b's own header: prev (a) is used */
    n0 = f.rec.count;
    capheap_heap_free(f.h, f.live[a + 1]);
    CHECK_EQ_U(f.rec.count, n0 + 1);
    CHECK(f.rec.reason == CAPHEAP_E_BAD_NEIGHBOUR || f.rec.reason == CAPHEAP_E_BAD_HEADER);
    bb->header = saved;
    CHECK_HEAP(f.h);

    /* all restored: the blocks free normally */
    n0 = f.rec.count;
    capheap_heap_free(f.h, f.live[a]);
    capheap_heap_free(f.h, f.live[a + 1]);
    f.live[a] = f.live[a + 1] = NULL;
    CHECK_EQ_U(f.rec.count, n0);
    CHECK_HEAP(f.h);
    CHECK(fx_blocks_intact(&f));
    region_delete(f.buf);
}
#endif

int main(int argc, char **argv)
{
    check_select(argc, argv);
    seed = test_seed("engine.check");
    RUN(t_check_true_on_sound_heaps);
    RUN(t_smashed_used_headers);
    RUN(t_smashed_free_blocks);
    RUN(t_smashed_control_structure);
    RUN(t_smashed_sentinel);
    RUN(t_random_damage_to_blocks_never_crashes);
    RUN(t_random_damage_to_control_never_crashes);
#if CAPHEAP_CHECKS
    RUN(t_free_reports_smashed_header_and_neighbour);
#endif
    check_log("engine.check: %d targeted smashes\n", smash_count);
    return check_summary("engine.check");
}
