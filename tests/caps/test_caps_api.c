/*
 * Caps allocator API behaviour: add_region accept/refuse, D/IRAM aliases,
 * realloc across caps, the huge-size sweep, hooks and failure policy,
 * statistics, print/dump/walk/check, minimum-free windows, instances built
 * from hand-made regions with other lock ports.
 */
#include "caps_fixture.h"
#include "prng.h"
#include "capheap/debug.h"

#include <setjmp.h>
#include <stdio.h>

/* ------------------------------------------------------------ error hook */

typedef struct {
    int count;
    capheap_error_reason_t last;
    const void *where;
} errs_t;

static void err_hook(void *ctx, capheap_error_reason_t why, const void *where)
{
    errs_t *e = (errs_t *)ctx;
    e->count++;
    e->last = why;
    e->where = where;
}

static bool open_with_errs(fixture_t *f, const char *chip, unsigned what, errs_t *e)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    memset(e, 0, sizeof *e);
    cfg.error_hook = err_hook;
    cfg.error_ctx = e;
    return fx_open_cfg(f, chip, what, &cfg);
}

/* ------------------------------------------------------------ layout */

/* The esp32 table gives exactly the five heaps of ESP-IDF's start-up log. */
static void t_esp32_five_heaps(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", 0));
    CHECK_EQ_U(capheap_caps_heap_count(f.caps), 4); /* the ROM stack block is deferred */
    CHECK_EQ_U(capheap_caps_enable_deferred(f.caps), CAPHEAP_OK);
    REQUIRE(capheap_caps_heap_count(f.caps) == 5);
    static const struct { uintptr_t start; size_t len; const char *name; } want[] = {
        { 0x3FFAE6E0u, 0x1920u, "DRAM" }, { 0x3FFB2EC8u, 0x2D138u, "DRAM" },
        { 0x3FFE0440u, 0x3AE0u, "D/IRAM" }, { 0x3FFE4350u, 0x1BCB0u, "D/IRAM" },
        { 0x4008944Cu, 0x16BB4u, "IRAM" },
    };
    bool seen[5] = { false, false, false, false, false };
    for (size_t i = 0; i < 5; i++) {
        capheap_region_t r;
        capheap_caps_heap_region(capheap_caps_heap_at(f.caps, i), &r);
        for (size_t k = 0; k < 5; k++)
            if (r.chip_start == want[k].start && r.size == want[k].len &&
                strcmp(r.name, want[k].name) == 0)
                seen[k] = true;
        /* selection order: ascending size */
        if (i > 0) {
            capheap_region_t p;
            capheap_caps_heap_region(capheap_caps_heap_at(f.caps, i - 1), &p);
            CHECK(p.size <= r.size);
        }
        CHECK(!capheap_caps_heap_is_runtime(capheap_caps_heap_at(f.caps, i)));
    }
    for (size_t k = 0; k < 5; k++)
        CHECK(seen[k]);
    fx_close(&f);
}

/* ------------------------------------------------------------ add_region */

static void t_add_region_accept_refuse(void)
{
    fixture_t f;
    errs_t e;
    REQUIRE(open_with_errs(&f, "esp32", FX_DEFERRED, &e));
    size_t heaps = capheap_caps_heap_count(&*f.caps);
    CHECK_EQ_U(heaps, 5);

    /* disjoint, by the chip's type at that address: SPIRAM */
    unsigned char *sp = capheap_sim_to_host(f.sim, 0x3F800000u);
    REQUIRE(sp);
    CHECK_EQ_U(capheap_caps_add_region(f.caps, sp, sp + (4u << 20)), CAPHEAP_OK);
    CHECK_EQ_U(capheap_caps_heap_count(f.caps), heaps + 1);
    const capheap_caps_heap_t *h = capheap_caps_heap_of(f.caps, sp + 1000);
    REQUIRE(h);
    CHECK(capheap_caps_heap_is_runtime(h));
    CHECK(capheap_caps_heap_caps(h) & CAPHEAP_CAP_SPIRAM);
    /* a heap added later starts its minimum at its own free size */
    CHECK_EQ_U(capheap_caps_get_minimum_free_size(f.caps, CAPHEAP_CAP_SPIRAM),
               capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_SPIRAM));
    CHECK(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_SPIRAM) > (4u << 20) - 8192); /* engine index + record */

    /* identical range: refused */
    CHECK_EQ_U(capheap_caps_add_region(f.caps, sp, sp + (4u << 20)),
               (unsigned long long)CAPHEAP_ERR_EXISTS);
    /* partial overlap with free memory of a heap */
    CHECK_EQ_U(capheap_caps_add_region(f.caps, sp + (1u << 20), sp + (2u << 20)),
               (unsigned long long)CAPHEAP_ERR_OVERLAP);
    /* range straddling a heap's start (reserved bytes before DRAM's second heap) */
    unsigned char *d = capheap_sim_to_host(f.sim, 0x3FFB2EC8u);
    uint32_t m[3] = { CAPHEAP_CAP_PID2, 0, 0 };
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, m, d - 256, d + 256),
               (unsigned long long)CAPHEAP_ERR_OVERLAP);
    /* the reserved range itself (application .data/.bss) is disjoint from heaps */
    unsigned char *app = capheap_sim_to_host(f.sim, 0x3FFB0000u);
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, m, app, app + 0x2000), CAPHEAP_OK);
    void *pid = capheap_caps_malloc(f.caps, 100, CAPHEAP_CAP_PID2);
    CHECK(pid && (unsigned char *)pid > app && (unsigned char *)pid < app + 0x2000);
    capheap_caps_free(f.caps, pid);
    /* range over a D/IRAM heap's instruction alias */
    unsigned char *al = capheap_sim_to_host(f.sim, 0x400B0000u);
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, m, al, al + 4096),
               (unsigned long long)CAPHEAP_ERR_OVERLAP);

    /* nested inside an allocation of another heap: accepted, used, freed into */
    unsigned char *blk = capheap_caps_malloc(f.caps, 65536, CAPHEAP_CAP_SPIRAM);
    REQUIRE(blk);
    uint32_t m3[3] = { CAPHEAP_CAP_PID3 | CAPHEAP_CAP_8BIT, 0, 0 };
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, m3, blk + 64, blk + 65536 - 64), CAPHEAP_OK);
    void *in = capheap_caps_malloc(f.caps, 1000, CAPHEAP_CAP_PID3);
    CHECK(in && (unsigned char *)in > blk && (unsigned char *)in < blk + 65536);
    CHECK(capheap_caps_heap_of(f.caps, in) != capheap_caps_heap_of(f.caps, blk));
    CHECK(capheap_caps_get_allocated_size(f.caps, in) >= 1000);
    capheap_caps_free(f.caps, in);
    CHECK_EQ_U(e.count, 0);
    /* again the same nested range: exists; a second nested range overlapping it: refused */
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, m3, blk + 64, blk + 65536 - 64),
               (unsigned long long)CAPHEAP_ERR_EXISTS);
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, m3, blk + 32, blk + 4096),
               (unsigned long long)CAPHEAP_ERR_OVERLAP);
    /* lookups around the nested heap still find the outer heap */
    CHECK(capheap_caps_heap_of(f.caps, blk + 10) == capheap_caps_heap_of(f.caps, sp + 100));
    CHECK(capheap_caps_heap_of(f.caps, blk + 65536 - 10) == capheap_caps_heap_of(f.caps, sp + 100));

    /* too small */
    static unsigned char tiny[64];
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, m, tiny, tiny + sizeof tiny),
               (unsigned long long)CAPHEAP_ERR_TOO_SMALL);
    /* by type at an address the chip does not have */
    static unsigned char host[8192];
    CHECK_EQ_U(capheap_caps_add_region(f.caps, host, host + sizeof host),
               (unsigned long long)CAPHEAP_ERR_NOT_FOUND);
    /* bad arguments */
    CHECK_EQ_U(capheap_caps_add_region(f.caps, sp + 10, sp + 10), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    uint32_t none[3] = { 0, 0, 0 };
    CHECK_EQ_U(capheap_caps_add_region_with_caps(f.caps, none, host, host + sizeof host),
               (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    /* deferred twice */
    CHECK_EQ_U(capheap_caps_enable_deferred(f.caps), (unsigned long long)CAPHEAP_ERR_STATE);

    /* new heaps are tried first within their priority: PID2 heap aside, SPIRAM
     * is the newest DEFAULT heap at priority 0 */
    void *p = capheap_caps_malloc(f.caps, 100, CAPHEAP_CAP_DEFAULT);
    CHECK(p && strcmp(fx_type_of(&f, p), "SPIRAM") == 0);
    capheap_caps_free(f.caps, p);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    /* blk now holds a heap: it is never freed */
    fx_close(&f);
}

/* Random nesting: heaps added inside blocks of heaps added inside blocks...;
 * the owner of every address must be the innermost heap containing it, and
 * adds that straddle a block's end are refused. Seed: CAPHEAP_SEED. */
static void t_nested_index_model(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_RUNTIME));
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x4E57);
    check_log("  nested index model: seed=0x%llx\n", (unsigned long long)seed);
    prng_t rng;
    prng_init(&rng, seed);
    enum { MAXH = 64 };
    struct { uintptr_t s, e; } heaps[MAXH];
    int nh = 0;
    unsigned char *sp = capheap_sim_to_host(f.sim, 0x3F800000u);
    REQUIRE(sp);
    heaps[nh].s = (uintptr_t)sp;
    heaps[nh++].e = (uintptr_t)sp + (4u << 20);
    uint32_t caps_of_level[3] = { CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_PID2, CAPHEAP_CAP_PID3 };
    int refused = 0;
    for (int level = 0; level < 2; level++) {
        for (int k = 0; k < 12 && nh < MAXH; k++) {
            size_t sz = 20000 + prng_range(&rng, 0, 60000) / (size_t)(level + 1);
            unsigned char *b = capheap_caps_malloc(f.caps, sz, caps_of_level[level]);
            if (!b)
                continue;
            size_t u = capheap_caps_get_allocated_size(f.caps, b);
            /* straddling the block's end: refused */
            uint32_t m[3] = { caps_of_level[level + 1] | CAPHEAP_CAP_8BIT, 0, 0 };
            capheap_err_t err = capheap_caps_add_region_with_caps(f.caps, m, b + u - 4096, b + u + 64);
            CHECK(err == CAPHEAP_ERR_OVERLAP);
            refused += err == CAPHEAP_ERR_OVERLAP;
            /* a random inside range: accepted */
            size_t lo = prng_range(&rng, 0, 512), hi = u - prng_range(&rng, 0, 512);
            err = capheap_caps_add_region_with_caps(f.caps, m, b + lo, b + hi);
            CHECK_EQ_U(err, CAPHEAP_OK);
            if (err == CAPHEAP_OK) {
                heaps[nh].s = (uintptr_t)(b + lo);
                heaps[nh++].e = (uintptr_t)(b + hi);
            }
            /* and again the same: exists */
            CHECK(capheap_caps_add_region_with_caps(f.caps, m, b + lo, b + hi) == CAPHEAP_ERR_EXISTS);
        }
    }
    CHECK(nh > 12);
    /* owners of random addresses against the model (innermost = smallest) */
    int mismatches = 0;
    for (int i = 0; i < 20000; i++) {
        uintptr_t a = (uintptr_t)sp + prng_range(&rng, 0, (4u << 20) - 1);
        int best = -1;
        for (int h = 0; h < nh; h++)
            if (a >= heaps[h].s && a < heaps[h].e &&
                (best < 0 || heaps[h].e - heaps[h].s < heaps[best].e - heaps[best].s))
                best = h;
        const capheap_caps_heap_t *got = capheap_caps_heap_of(f.caps, (void *)a);
        capheap_region_t r;
        capheap_caps_heap_region(got, &r);
        if (!got || r.start != heaps[best].s || r.start + r.size != heaps[best].e)
            mismatches++;
    }
    CHECK_EQ_U(mismatches, 0);
    /* blocks in nested heaps free cleanly through the index */
    void *q[32];
    int nq = 0;
    for (int i = 0; i < 32; i++)
        if ((q[nq] = capheap_caps_malloc(f.caps, 100 + (size_t)i * 10, CAPHEAP_CAP_PID3)) != NULL)
            nq++;
    CHECK(nq > 0);
    for (int i = 0; i < nq; i++)
        capheap_caps_free(f.caps, q[i]);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    CHECK(refused > 0);
    fx_close(&f);
}

/* Many regions: no fixed limit; free finds each owner. */
static void t_many_regions(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_RUNTIME));
    /* every add stores a new address index (4 words per heap) in its region,
     * so slices must grow with the count: 27 KiB each here */
    unsigned char *big = capheap_caps_malloc(f.caps, 4000 * 1024, CAPHEAP_CAP_SPIRAM);
    REQUIRE(big);
    enum { N = 150 };
    uint32_t m[3] = { CAPHEAP_CAP_PID4, 0, 0 };
    size_t slice = 4000 * 1024 / N;
    for (int i = 0; i < N; i++) {
        unsigned char *s = big + (size_t)i * slice;
        capheap_err_t err = capheap_caps_add_region_with_caps(f.caps, m, s, s + slice);
        CHECK_EQ_U(err, CAPHEAP_OK);
        if (err != CAPHEAP_OK)
            break;
    }
    CHECK_EQ_U(capheap_caps_heap_count(f.caps), 6 + N);
    size_t pid_free = capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_PID4);
    /* fill every one of them, then free everything: each free finds its owner */
    static void *ptrs[4096];
    size_t got = 0;
    while (got < 4096 && (ptrs[got] = capheap_caps_malloc(f.caps, 2048, CAPHEAP_CAP_PID4)) != NULL)
        got++;
    /* each heap was filled until no block fits: less than one block's
     * footprint (size, debug overhead, header and rounding) is left in each */
    size_t per = 2048 + capheap_debug_overhead() + 2 * (size_t)CAPHEAP_ALIGNMENT;
    CHECK(got > 9 * N && got * per + N * per >= pid_free);
    size_t owners = 0;
    const capheap_caps_heap_t *prev = NULL;
    for (size_t i = 0; i < got; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_of(f.caps, ptrs[i]);
        owners += h != prev;
        prev = h;
    }
    CHECK_EQ_U(owners, N);
    for (size_t i = 0; i < got; i++)
        capheap_caps_free(f.caps, ptrs[i]);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    CHECK_EQ_U(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_PID4), pid_free);
    fx_close(&f);
}

/* ------------------------------------------------------------ D/IRAM alias */

static void check_exec_alias(const char *chip, uintptr_t iram_lo, uintptr_t iram_hi, bool linear)
{
    fixture_t f;
    errs_t e;
    REQUIRE(open_with_errs(&f, chip, FX_DEFERRED, &e));
    /* take the plain IRAM first (ESP32), so EXEC must come from D/IRAM */
    void *hold[600];
    int nh = 0;
    void *x = NULL;
    for (size_t bs = 4096; bs >= 256; bs /= 16) {
        while (nh < 600 && (x = capheap_caps_malloc(f.caps, bs, CAPHEAP_CAP_EXEC)) != NULL &&
               strcmp(fx_type_of(&f, x), "IRAM") == 0)
            hold[nh++] = x;
        if (x && strcmp(fx_type_of(&f, x), "IRAM") != 0)
            capheap_caps_free(f.caps, x);
    }

    size_t dram_free = capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_8BIT);
    size_t iram_free = capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_EXEC);
    size_t dma_free = capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_DMA);
    unsigned char *p = capheap_caps_malloc(f.caps, 1001, CAPHEAP_CAP_EXEC);
    REQUIRE(p);
    CHECK(strcmp(fx_type_of(&f, p), "D/IRAM") == 0);
    uintptr_t cp = fx_chip(&f, p);
    CHECK(cp >= iram_lo && cp < iram_hi); /* executable address */
    CHECK(((uintptr_t)p & 3u) == 0);
    CHECK(capheap_caps_get_allocated_size(f.caps, p) >= 1004); /* rounded to words */
    /* lowers the free size seen as DRAM and as IRAM */
    CHECK(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_8BIT) <= dram_free - 1004);
    CHECK(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_EXEC) <= iram_free - 1004);
    CHECK(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_DMA) <= dma_free - 1004);
    for (int i = 0; i < 1004; i++)
        p[i] = (unsigned char)(i * 7);
    if (linear && capheap_sim_alias_shared(f.sim)) {
        /* the same bytes at the data-bus address */
        unsigned char *dview = capheap_sim_to_host(f.sim, 0);
        (void)dview;
        capheap_region_t r;
        capheap_caps_heap_region(capheap_caps_heap_of(f.caps, p), &r);
        unsigned char *dp = (unsigned char *)capheap_region_iram_to_dram(&r, (uintptr_t)p);
        REQUIRE(dp);
        CHECK(memcmp(dp, p, 1004) == 0);
    }
    CHECK(capheap_caps_check_integrity_addr(f.caps, p, NULL, NULL));
    /* an alignment asked is honoured at the alias or the heap is skipped
     * (word-reversed views only give words) */
    for (size_t al = 8; al <= 256; al *= 2) {
        void *a = capheap_caps_aligned_alloc(f.caps, al, 1000, CAPHEAP_CAP_EXEC);
        CHECK(a == NULL || ((uintptr_t)a & (al - 1)) == 0);
        if (linear)
            CHECK(a != NULL);
        capheap_caps_free(f.caps, a);
    }
    /* realloc at the alias keeps content and stays executable */
    unsigned char *q = capheap_caps_realloc(f.caps, p, 3000, CAPHEAP_CAP_EXEC);
    REQUIRE(q);
    CHECK(fx_chip(&f, q) >= iram_lo && fx_chip(&f, q) < iram_hi);
    for (int i = 0; i < 1004; i++)
        if (q[i] != (unsigned char)(i * 7)) {
            CHECK(!"content lost");
            break;
        }
    /* realloc from the alias into plain data memory */
    unsigned char *r8 = capheap_caps_realloc(f.caps, q, 2000, CAPHEAP_CAP_8BIT);
    REQUIRE(r8);
    CHECK(fx_chip(&f, r8) < 0x40000000u);
    for (int i = 0; i < 1004; i++)
        if (r8[i] != (unsigned char)(i * 7)) {
            CHECK(!"content lost (to data)");
            break;
        }
    capheap_caps_free(f.caps, r8);
    CHECK_EQ_U(e.count, 0);
    /* frees cleanly: everything back */
    CHECK_EQ_U(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_8BIT), dram_free);
    CHECK_EQ_U(capheap_caps_get_free_size(f.caps, CAPHEAP_CAP_EXEC), iram_free);
    /* a bogus alias pointer is reported and harmless */
    unsigned char *bogus = capheap_sim_to_host(f.sim, iram_hi - 64);
    capheap_caps_free(f.caps, bogus);
    CHECK(e.count >= 1);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    for (int i = 0; i < nh; i++)
        capheap_caps_free(f.caps, hold[i]);
    fx_close(&f);
}

static void t_exec_alias_word_reversed(void)
{
    check_exec_alias("esp32", 0x400A0000u, 0x400C0000u, false);
}

static void t_exec_alias_linear(void)
{
    check_exec_alias("esp32c3", 0x40380000u, 0x403E0000u, true);
    check_exec_alias("esp32s3", 0x40378000u, 0x403E0000u, true);
}

/* ----------------------------------------------------- realloc across caps */

static void t_realloc_across_caps(void)
{
    fixture_t f;
    errs_t e;
    REQUIRE(open_with_errs(&f, "esp32", FX_ALL, &e));
    unsigned char *p = capheap_caps_malloc(f.caps, 1000, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL);
    REQUIRE(p);
    size_t u = capheap_caps_get_allocated_size(f.caps, p);
    for (size_t i = 0; i < u; i++)
        p[i] = (unsigned char)(i ^ 0x5A);
    unsigned char *q = capheap_caps_realloc(f.caps, p, 5000, CAPHEAP_CAP_SPIRAM);
    REQUIRE(q);
    CHECK(strcmp(fx_type_of(&f, q), "SPIRAM") == 0);
    for (size_t i = 0; i < u; i++)
        if (q[i] != (unsigned char)(i ^ 0x5A)) {
            CHECK(!"content lost moving to SPIRAM");
            break;
        }
    /* in place when the heap still qualifies */
    unsigned char *r = capheap_caps_realloc(f.caps, q, 4000, CAPHEAP_CAP_SPIRAM);
    CHECK(r == q);
    /* shrink while moving to DMA memory: copies the new size only */
    unsigned char *s = capheap_caps_realloc(f.caps, r, 500, CAPHEAP_CAP_DMA);
    REQUIRE(s);
    CHECK(strcmp(fx_type_of(&f, s), "DRAM") == 0 || strcmp(fx_type_of(&f, s), "D/IRAM") == 0);
    for (size_t i = 0; i < 500; i++)
        if (s[i] != (unsigned char)(i ^ 0x5A)) {
            CHECK(!"content lost moving to DMA");
            break;
        }
    /* failure: NULL, old block intact and still owned */
    CHECK(capheap_caps_realloc(f.caps, s, 64u << 20, CAPHEAP_CAP_DMA) == NULL);
    CHECK(capheap_caps_realloc(f.caps, s, 100, CAPHEAP_CAP_TCM) == NULL);
    CHECK(capheap_caps_realloc(f.caps, s, 100, CAPHEAP_CAP_EXEC | CAPHEAP_CAP_8BIT) == NULL);
    for (size_t i = 0; i < 500; i++)
        if (s[i] != (unsigned char)(i ^ 0x5A)) {
            CHECK(!"failed realloc damaged the block");
            break;
        }
    CHECK(capheap_caps_get_allocated_size(f.caps, s) >= 500);
    /* realloc NULL = malloc, size 0 = free */
    void *n = capheap_caps_realloc(f.caps, NULL, 10, CAPHEAP_CAP_8BIT);
    CHECK(n != NULL);
    CHECK(capheap_caps_realloc(f.caps, n, 0, CAPHEAP_CAP_8BIT) == NULL);
    CHECK(capheap_caps_realloc(f.caps, s, 0, CAPHEAP_CAP_8BIT) == NULL);
    CHECK_EQ_U(e.count, 0);
    /* realloc of a pointer no heap owns: reported, NULL */
    static char foreign[32];
    CHECK(capheap_caps_realloc(f.caps, foreign, 10, CAPHEAP_CAP_8BIT) == NULL);
    CHECK_EQ_U(e.count, 1);
    CHECK_EQ_U(e.last, CAPHEAP_E_NOT_OWNED);
    capheap_caps_free(f.caps, foreign);
    CHECK_EQ_U(e.count, 2);
    capheap_caps_free(f.caps, NULL);
    CHECK_EQ_U(e.count, 2);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

/* ------------------------------------------------------------ huge sizes */

static void t_huge_size_sweep(void)
{
    fixture_t f;
    errs_t e;
    REQUIRE(open_with_errs(&f, "esp32", FX_ALL, &e));
    const uint32_t caps[] = { CAPHEAP_CAP_DEFAULT, CAPHEAP_CAP_8BIT, CAPHEAP_CAP_32BIT,
                              CAPHEAP_CAP_EXEC, CAPHEAP_CAP_DMA, CAPHEAP_CAP_SPIRAM,
                              CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL };
    size_t free0 = capheap_caps_get_free_size(f.caps, 0);
    void *keep = capheap_caps_malloc(f.caps, 100, CAPHEAP_CAP_8BIT);
    REQUIRE(keep);
    memset(keep, 0xAB, 100);
    unsigned long tried = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t base = pass == 0 ? SIZE_MAX - (1u << 14) : (size_t)PTRDIFF_MAX - 512;
        size_t end = pass == 0 ? SIZE_MAX : (size_t)PTRDIFF_MAX + 512;
        for (size_t s = base;; s++) {
            for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
                CHECK(capheap_caps_malloc(f.caps, s, caps[c]) == NULL);
                CHECK(capheap_caps_calloc(f.caps, s, 2, caps[c]) == NULL);
                CHECK(capheap_caps_calloc(f.caps, 2, s, caps[c]) == NULL);
                CHECK(capheap_caps_aligned_alloc(f.caps, 64, s, caps[c]) == NULL);
                CHECK(capheap_caps_realloc(f.caps, keep, s, caps[c]) == NULL);
                tried += 5;
            }
            if (s == end)
                break;
        }
    }
    /* calloc whose product overflows but each factor is small-ish */
    CHECK(capheap_caps_calloc(f.caps, (SIZE_MAX >> 4) + 2, 16, CAPHEAP_CAP_8BIT) == NULL);
    CHECK(capheap_caps_aligned_calloc(f.caps, 16, (SIZE_MAX >> 4) + 2, 16, CAPHEAP_CAP_8BIT) == NULL);
    uint32_t l[] = { CAPHEAP_CAP_8BIT };
    CHECK(capheap_caps_calloc_prefer(f.caps, (SIZE_MAX >> 4) + 2, 16, l, 1) == NULL);
    CHECK(capheap_caps_calloc_default(f.caps, (SIZE_MAX >> 4) + 2, 16) == NULL);
    for (int i = 0; i < 100; i++)
        CHECK(((unsigned char *)keep)[i] == 0xAB);
    capheap_caps_free(f.caps, keep);
    CHECK_EQ_U(capheap_caps_get_free_size(f.caps, 0), free0);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    CHECK_EQ_U(e.count, 0);
    check_log("  %lu huge requests refused\n", tried);
    fx_close(&f);
}

/* ------------------------------------------------- hooks and failure policy */

typedef struct {
    int allocs, frees, failed;
    size_t last_size;
    uint32_t last_caps;
    const char *last_fn;
    void *last_ptr;
    jmp_buf jb;
    int aborted;
} hooks_t;

static void on_alloc(void *ctx, void *p, size_t size, uint32_t caps)
{
    hooks_t *h = (hooks_t *)ctx;
    h->allocs++;
    h->last_ptr = p;
    h->last_size = size;
    h->last_caps = caps;
}

static void on_free(void *ctx, void *p)
{
    hooks_t *h = (hooks_t *)ctx;
    h->frees++;
    h->last_ptr = p;
}

static void on_failed(void *ctx, size_t size, uint32_t caps, const char *fn)
{
    hooks_t *h = (hooks_t *)ctx;
    h->failed++;
    h->last_size = size;
    h->last_caps = caps;
    h->last_fn = fn;
}

static void on_abort(void *ctx, const char *why)
{
    hooks_t *h = (hooks_t *)ctx;
    (void)why;
    h->aborted++;
    longjmp(h->jb, 1);
}

static void t_hooks_and_failure(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_DEFERRED));
    static hooks_t hk;
    memset(&hk, 0, sizeof hk);
    capheap_caps_set_hooks(f.caps, on_alloc, on_free, &hk);
    capheap_caps_set_failed_alloc_callback(f.caps, on_failed, &hk);
    void *p = capheap_caps_malloc(f.caps, 77, CAPHEAP_CAP_DMA);
    CHECK(hk.allocs == 1 && hk.last_ptr == p && hk.last_size == 77 && hk.last_caps == CAPHEAP_CAP_DMA);
    capheap_caps_free(f.caps, p);
    CHECK(hk.frees == 1 && hk.last_ptr == p);
    CHECK(capheap_caps_malloc(f.caps, 1u << 24, CAPHEAP_CAP_DMA) == NULL);
    CHECK(hk.failed == 1 && hk.last_size == (1u << 24) && hk.last_caps == CAPHEAP_CAP_DMA);
    CHECK(hk.last_fn && strcmp(hk.last_fn, "capheap_caps_malloc") == 0);
    CHECK(capheap_caps_malloc(f.caps, 8, CAPHEAP_CAP_EXEC | CAPHEAP_CAP_DMA) == NULL);
    CHECK(hk.failed == 2);
    /* prefer: one failure report, when every entry failed */
    uint32_t l[] = { CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_TCM };
    CHECK(capheap_caps_malloc_prefer(f.caps, 8, l, 2) == NULL);
    CHECK(hk.failed == 3 && hk.last_caps == CAPHEAP_CAP_TCM);
    /* abort on failure: through the hook, never abort() directly */
    capheap_caps_set_abort_on_failure(f.caps, true, on_abort, &hk);
    if (setjmp(hk.jb) == 0) {
        (void)capheap_caps_malloc(f.caps, 1u << 24, CAPHEAP_CAP_8BIT);
        CHECK(!"abort hook did not run");
    }
    CHECK(hk.aborted == 1 && hk.failed == 4);
    capheap_caps_set_abort_on_failure(f.caps, false, NULL, NULL);
    capheap_caps_set_failed_alloc_callback(f.caps, NULL, NULL);
    capheap_caps_set_hooks(f.caps, NULL, NULL, NULL);
    CHECK(capheap_caps_malloc(f.caps, 1u << 24, CAPHEAP_CAP_8BIT) == NULL);
    CHECK(hk.failed == 4);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

/* ------------------------------------------------------------ statistics */

static void t_stats_and_print(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_DEFERRED));
    const uint32_t md = CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL;
    /* total: the regions of the four DEFAULT|INTERNAL heaps */
    CHECK_EQ_U(capheap_caps_get_total_size(f.caps, md), 0x1920u + 0x2D138u + 0x3AE0u + 0x1BCB0u);
    CHECK_EQ_U(capheap_caps_get_total_size(f.caps, CAPHEAP_CAP_EXEC), 0x3AE0u + 0x1BCB0u + 0x16BB4u);
    CHECK_EQ_U(capheap_caps_get_total_size(f.caps, 0), 0x1920u + 0x2D138u + 0x3AE0u + 0x1BCB0u + 0x16BB4u);
    size_t free0 = capheap_caps_get_free_size(f.caps, md);
    CHECK(free0 > 300000 && free0 < 0x1920u + 0x2D138u + 0x3AE0u + 0x1BCB0u);
    CHECK_EQ_U(capheap_caps_get_minimum_free_size(f.caps, md), free0);
    /* largest: the 180 KiB DRAM heap, max not sum */
    size_t largest = capheap_caps_get_largest_free_block(f.caps, md);
    CHECK(largest > 170000 && largest < 0x2D138u);
    void *big = capheap_caps_malloc(f.caps, largest, md);
    CHECK(big != NULL);
    CHECK(capheap_caps_malloc(f.caps, largest, md) == NULL || true);
    capheap_heap_info_t info;
    capheap_caps_get_info(f.caps, &info, md);
    CHECK_EQ_U(info.allocated_blocks, 1);
    CHECK(info.total_allocated_bytes >= largest);
    CHECK(info.minimum_free_bytes <= free0 - largest);
    CHECK_EQ_U(info.total_free_bytes, capheap_caps_get_free_size(f.caps, md));
    capheap_caps_free(f.caps, big);
    CHECK_EQ_U(capheap_caps_get_free_size(f.caps, md), free0);
    size_t min_after = capheap_caps_get_minimum_free_size(f.caps, md);
    CHECK(min_after <= free0 - largest);

    /* window: start resets to the current free, stop restores the lower */
    CHECK_EQ_U(capheap_caps_monitor_local_minimum_free_size_stop(f.caps),
               (unsigned long long)CAPHEAP_ERR_STATE);
    CHECK_EQ_U(capheap_caps_monitor_local_minimum_free_size_start(f.caps), CAPHEAP_OK);
    CHECK_EQ_U(capheap_caps_monitor_local_minimum_free_size_start(f.caps),
               (unsigned long long)CAPHEAP_ERR_STATE);
    CHECK_EQ_U(capheap_caps_get_minimum_free_size(f.caps, md), free0);
    void *w = capheap_caps_malloc(f.caps, 10000, md);
    REQUIRE(w);
    size_t in_window = capheap_caps_get_minimum_free_size(f.caps, md);
    CHECK(in_window <= free0 - 10000 && in_window > min_after);
    capheap_caps_free(f.caps, w);
    CHECK_EQ_U(capheap_caps_monitor_local_minimum_free_size_stop(f.caps), CAPHEAP_OK);
    CHECK_EQ_U(capheap_caps_get_minimum_free_size(f.caps, md), min_after);

    /* print in ESP-IDF's format */
    static sink_t s;
    s.len = 0;
    s.buf[0] = 0;
    void *q = capheap_caps_malloc(f.caps, 100, CAPHEAP_CAP_DMA);
    capheap_caps_print_heap_info(f.caps, md, sink_fn, &s);
    const char *head = "Heap summary for capabilities 0x00001800:\n  At 0x3ffae6e0 len 6432 free ";
    CHECK(strncmp(s.buf, head, strlen(head)) == 0);
    CHECK(strstr(s.buf, "  At 0x3ffb2ec8 len 184632 free ") != NULL);
    CHECK(strstr(s.buf, "    largest_free_block ") != NULL);
    CHECK(strstr(s.buf, " alloc_blocks 1 free_blocks ") != NULL);
    CHECK(strstr(s.buf, "  Totals:\n    free ") != NULL);
    CHECK(strstr(s.buf, "IRAM") == NULL && strstr(s.buf, "0x4008944c") == NULL);
    /* one "At" line per matching heap */
    int lines = 0;
    for (const char *c = s.buf; (c = strstr(c, "  At 0x")) != NULL; c++)
        lines++;
    CHECK_EQ_U(lines, 4);

    /* dump / walk / check: INVALID means every heap */
    s.len = 0;
    capheap_caps_dump(f.caps, CAPHEAP_CAP_INVALID, sink_fn, &s);
    int heads = 0;
    for (const char *c = s.buf; (c = strstr(c, "Heap ")) != NULL; c++)
        heads++;
    CHECK_EQ_U(heads, 5);
    CHECK(strstr(s.buf, " used ") != NULL);
    s.len = 0;
    capheap_caps_dump(f.caps, CAPHEAP_CAP_EXEC, sink_fn, &s);
    heads = 0;
    for (const char *c = s.buf; (c = strstr(c, "Heap ")) != NULL; c++)
        heads++;
    CHECK_EQ_U(heads, 3);
    CHECK(capheap_caps_check_integrity(f.caps, CAPHEAP_CAP_INVALID, NULL, NULL));
    CHECK(capheap_caps_check_integrity(f.caps, CAPHEAP_CAP_DMA, NULL, NULL));
    CHECK(capheap_caps_check_integrity_addr(f.caps, q, NULL, NULL));
    capheap_caps_free(f.caps, q);
    fx_close(&f);
}

typedef struct {
    const capheap_caps_heap_t *last;
    int heaps, used, blocks;
    uintptr_t prev;
    bool ordered;
} walk_t;

static bool walker(void *ctx, const capheap_caps_heap_t *h, void *ptr, size_t size, bool used)
{
    walk_t *w = (walk_t *)ctx;
    (void)size;
    if (h != w->last) {
        w->heaps++;
        w->last = h;
    }
    if ((uintptr_t)ptr <= w->prev)
        w->ordered = false;
    w->prev = (uintptr_t)ptr;
    w->blocks++;
    w->used += used;
    return true;
}

static bool stop_at_3(void *ctx, const capheap_caps_heap_t *h, void *ptr, size_t size, bool used)
{
    (void)h;
    (void)ptr;
    (void)size;
    (void)used;
    return --*(int *)ctx > 0;
}

static void t_walk(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_ALL));
    void *a = capheap_caps_malloc(f.caps, 10, CAPHEAP_CAP_SPIRAM);
    void *b = capheap_caps_malloc(f.caps, 10, CAPHEAP_CAP_EXEC);
    walk_t w = { NULL, 0, 0, 0, 0, true };
    CHECK(capheap_caps_walk(f.caps, CAPHEAP_CAP_INVALID, walker, &w));
    CHECK_EQ_U(w.heaps, capheap_caps_heap_count(f.caps));
    CHECK_EQ_U(w.used, 2);
    CHECK(w.ordered); /* heaps and blocks in address order */
    memset(&w, 0, sizeof w);
    w.ordered = true;
    CHECK(capheap_caps_walk(f.caps, CAPHEAP_CAP_SPIRAM, walker, &w));
    CHECK_EQ_U(w.heaps, 1);
    CHECK_EQ_U(w.used, 1);
    int left = 3;
    CHECK(!capheap_caps_walk(f.caps, CAPHEAP_CAP_INVALID, stop_at_3, &left));
    CHECK_EQ_U(left, 0);
    capheap_caps_free(f.caps, a);
    capheap_caps_free(f.caps, b);
    fx_close(&f);
}

/* Damage is found by the integrity check, by caps and by address. */
static void t_check_finds_damage(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "generic", 0));
    unsigned char *p = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_8BIT);
    unsigned char *q = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_8BIT);
    REQUIRE(p && q);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    size_t u = capheap_caps_get_allocated_size(f.caps, p);
    unsigned char saved[64];
    memcpy(saved, p + u, sizeof saved);
    memset(p + u, 0xEE, 2 * sizeof(void *)); /* overrun into q's header */
    static sink_t s;
    s.len = 0;
    CHECK(!capheap_caps_check_integrity_all(f.caps, sink_fn, &s));
    CHECK(s.len > 0);
    CHECK(!capheap_caps_check_integrity_addr(f.caps, p, NULL, NULL));
    CHECK(capheap_caps_check_integrity_addr(f.caps, saved, NULL, NULL)); /* no heap there */
    memcpy(p + u, saved, sizeof saved);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    capheap_caps_free(f.caps, p);
    capheap_caps_free(f.caps, q);
    fx_close(&f);
}

/* ------------------------------------------------- hand-made instances */

typedef struct {
    int enters, exits, depth, max_depth;
} cs_state_t;

static void cs_enter(void *arg, capheap_lock_t *lock)
{
    cs_state_t *s = (cs_state_t *)arg;
    (void)lock;
    s->enters++;
    if (++s->depth > s->max_depth)
        s->max_depth = s->depth;
}

static void cs_exit(void *arg, capheap_lock_t *lock)
{
    cs_state_t *s = (cs_state_t *)arg;
    (void)lock;
    s->exits++;
    s->depth--;
}

static _Alignas(64) unsigned char ram_a[32768];
static _Alignas(64) unsigned char ram_b[8192];

static void t_handmade_regions_critical_port(void)
{
    cs_state_t st = { 0, 0, 0, 0 };
    capheap_critical_port_t cs = { cs_enter, cs_exit, &st };
    capheap_lock_ops_t ops;
    capheap_port_lock_critical(&ops, &cs);
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.lock_ops = &ops;
    capheap_region_t r[2];
    memset(r, 0, sizeof r);
    r[0].start = (uintptr_t)ram_a;
    r[0].size = sizeof ram_a;
    r[0].caps[0] = CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT;
    r[0].type = -1;
    r[1].start = (uintptr_t)ram_b;
    r[1].size = sizeof ram_b;
    r[1].caps[0] = CAPHEAP_CAP_DMA | CAPHEAP_CAP_8BIT;
    r[1].type = -1;
    capheap_caps_t *c = NULL;
    REQUIRE(capheap_caps_create(&cfg, r, 2, &c) == CAPHEAP_OK);
    /* the instance lives in the largest region */
    CHECK((unsigned char *)c >= ram_a && (unsigned char *)c < ram_a + sizeof ram_a);
    void *p = capheap_caps_malloc(c, 100, CAPHEAP_CAP_DMA);
    CHECK(p && (unsigned char *)p >= ram_b && (unsigned char *)p < ram_b + sizeof ram_b);
    void *q = capheap_caps_malloc(c, 100, CAPHEAP_CAP_DEFAULT);
    CHECK(q && (unsigned char *)q >= ram_a);
    capheap_caps_free(c, p);
    capheap_caps_free(c, q);
    CHECK(st.enters > 0 && st.enters == st.exits && st.max_depth == 1);
    /* without a chip, add_region by type cannot work */
    CHECK_EQ_U(capheap_caps_add_region(c, ram_b, ram_b + 10), (unsigned long long)CAPHEAP_ERR_NOT_FOUND);
    CHECK_EQ_U(capheap_caps_enable_deferred(c), (unsigned long long)CAPHEAP_ERR_STATE);
    capheap_caps_destroy(c);

    /* refused instances */
    CHECK_EQ_U(capheap_caps_create(&cfg, r, 0, &c), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    capheap_region_t ov[2] = { r[0], r[0] };
    ov[1].start += 100;
    ov[1].size = 1000;
    CHECK_EQ_U(capheap_caps_create(&cfg, ov, 2, &c), (unsigned long long)CAPHEAP_ERR_OVERLAP);
    capheap_region_t small = r[1];
    small.size = 64;
    CHECK_EQ_U(capheap_caps_create(&cfg, &small, 1, &c), (unsigned long long)CAPHEAP_ERR_TOO_SMALL);
    capheap_region_t nocaps = r[1];
    memset(nocaps.caps, 0, sizeof nocaps.caps);
    CHECK_EQ_U(capheap_caps_create(&cfg, &nocaps, 1, &c), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_U(capheap_caps_create_from_chip(&cfg, &c), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    CHECK(c == NULL);
}

/* A heap that refused a size is skipped for that size and more until it
 * changes (caps_internal.h: full_at); the skip must never change which heap
 * serves a request. With the no-op port (fast paths) and the default port. */
static void full_heap_skip(const capheap_lock_ops_t *ops)
{
    fixture_t f;
    capheap_caps_config_t base;
    capheap_caps_config_init(&base);
    base.lock_ops = ops;
    REQUIRE(fx_open_cfg(&f, "esp32", FX_DEFERRED, &base));
    const capheap_caps_heap_t *first = capheap_caps_heap_at(f.caps, 0);
    capheap_heap_t *e = capheap_caps_heap_engine(first);
    static void *blk[512];
    size_t n = 0;
    void *other = NULL;
    while (n < 512) {
        void *p = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_8BIT);
        REQUIRE(p);
        if (capheap_caps_heap_of(f.caps, p) != first) {
            other = p;
            break;
        }
        blk[n++] = p;
    }
    REQUIRE(other && n > 4);
    for (int round = 0; round < 3; round++) {
        /* refused sizes go elsewhere, the sizes that still fit stay here */
        capheap_caps_heap_lock(first);
        size_t largest = capheap_heap_largest_free(e);
        capheap_caps_heap_unlock(first);
        /* what a caller can have of it: the engine block less this build's
         * debug header (capheap/debug.h; 0 without debug options) */
        largest = largest > capheap_debug_overhead() ? largest - capheap_debug_overhead() : 0;
        CHECK(largest < 64);
        void *q = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_8BIT);
        CHECK(q && capheap_caps_heap_of(f.caps, q) != first);
        capheap_caps_free(f.caps, q);
        if (largest >= 8) {
            void *s = capheap_caps_malloc(f.caps, largest, CAPHEAP_CAP_8BIT);
            CHECK(s && capheap_caps_heap_of(f.caps, s) == first);
            capheap_caps_free(f.caps, s);
        }
        /* a free into the heap makes it eligible again at once */
        capheap_caps_free(f.caps, blk[--n]);
        blk[n] = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_8BIT);
        CHECK(blk[n] && capheap_caps_heap_of(f.caps, blk[n]) == first);
        n++;
        /* so does a change made through the engine under the heap's lock */
        void *elsewhere = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_8BIT);
        CHECK(elsewhere && capheap_caps_heap_of(f.caps, elsewhere) != first);
        capheap_caps_free(f.caps, elsewhere);
        capheap_caps_heap_lock(first);
        capheap_debug_heap_free(e, blk[0]); /* blocks carry this build's debug header */
        capheap_caps_heap_unlock(first);
        blk[0] = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_8BIT);
        CHECK(blk[0] && capheap_caps_heap_of(f.caps, blk[0]) == first);
        /* aligned and DMA requests (general path) see the same state */
        void *a = capheap_caps_aligned_alloc(f.caps, 16, 64, CAPHEAP_CAP_8BIT);
        CHECK(a && capheap_caps_heap_of(f.caps, a) != first);
        capheap_caps_free(f.caps, a);
    }
    for (size_t i = 0; i < n; i++)
        capheap_caps_free(f.caps, blk[i]);
    capheap_caps_free(f.caps, other);
    void *whole = capheap_caps_malloc(f.caps, 4096, CAPHEAP_CAP_8BIT);
    CHECK(whole && capheap_caps_heap_of(f.caps, whole) == first);
    capheap_caps_free(f.caps, whole);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

static void t_full_heap_skip(void)
{
    full_heap_skip(&capheap_port_lock_none);
    full_heap_skip(NULL); /* the default port */
}


/* A DMA block on a cache-line chip owns whole cache lines: aligned to the
 * line and its usable end on a line boundary too, so that no neighbour's
 * header shares a line a cache invalidate would discard (review finding). */
static void t_dma_blocks_own_whole_cache_lines(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "stm32h743", FX_ALL));
    void *a = capheap_caps_malloc(f.caps, 20, CAPHEAP_CAP_DMA);
    void *b = capheap_caps_malloc(f.caps, 20, CAPHEAP_CAP_DMA);
    REQUIRE(a && b);
    size_t line = 32;
    CHECK_EQ_U((uintptr_t)a % line, 0);
    CHECK(capheap_caps_get_allocated_size(f.caps, a) >= line);
    /* the next block's header is not inside a's last line */
    uintptr_t lo = (uintptr_t)a, hi = lo + line;
    CHECK((uintptr_t)b >= hi || (uintptr_t)b + line <= lo);
    if ((uintptr_t)b > lo)
        CHECK((uintptr_t)b - sizeof(size_t) >= hi);
    /* realloc shrinking a DMA block keeps it where it is, even with the heap
     * full (the engine shrinks in place) */
    void *big = capheap_caps_malloc(f.caps, 4096, CAPHEAP_CAP_DMA);
    REQUIRE(big);
    void *fill[4096];
    size_t nfill = 0;
    while (nfill < 4096 && (fill[nfill] = capheap_caps_malloc(f.caps, 64, CAPHEAP_CAP_DMA)) != NULL)
        nfill++;
    CHECK_EQ_U((uintptr_t)capheap_caps_realloc(f.caps, big, 1000, CAPHEAP_CAP_DMA), (uintptr_t)big);
    CHECK_EQ_U((uintptr_t)big % line, 0);
    for (size_t i = 0; i < nfill; i++)
        capheap_caps_free(f.caps, fill[i]);
    capheap_caps_free(f.caps, big);
    capheap_caps_free(f.caps, a);
    capheap_caps_free(f.caps, b);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

/* calloc of an odd size from instruction memory zeroes it word by word and
 * realloc copies whole words (instruction buses fault on byte access). */
static void t_exec_odd_sizes_word_access(void)
{
    fixture_t f;
    REQUIRE(fx_open(&f, "esp32", FX_ALL));
    unsigned char *p = capheap_caps_calloc(f.caps, 1, 6, CAPHEAP_CAP_EXEC);
    REQUIRE(p);
    CHECK_EQ_U((uintptr_t)p % 4, 0);
    for (int i = 0; i < 6; i++)
        CHECK_EQ_U(p[i], 0);
    memcpy(p, "abcdef", 6);
    unsigned char *q = capheap_caps_realloc(f.caps, p, 4096, CAPHEAP_CAP_EXEC);
    REQUIRE(q);
    CHECK(memcmp(q, "abcdef", 6) == 0);
    capheap_caps_free(f.caps, q);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

/* A malloc(0) block is live at every debug level (its recorded size is 0
 * when a debug prefix exists): realloc grows it in place or by a move, size
 * queries answer, free takes it back, and nothing is reported. */
static void t_zero_size_block_lives(void)
{
    fixture_t f;
    errs_t e;
    REQUIRE(open_with_errs(&f, "esp32", FX_ALL, &e));
    static const uint32_t caps[] = { CAPHEAP_CAP_8BIT, CAPHEAP_CAP_DMA, CAPHEAP_CAP_SPIRAM };
    for (size_t k = 0; k < sizeof caps / sizeof caps[0]; k++) {
        unsigned char *p = capheap_caps_malloc(f.caps, 0, caps[k]);
        REQUIRE(p);
        CHECK(capheap_caps_get_containing_block_size(f.caps, p) > 0 ||
              capheap_caps_get_allocated_size(f.caps, p) == 0);
        unsigned char *q = capheap_caps_realloc(f.caps, p, 300, caps[k]);
        REQUIRE(q);
        CHECK(capheap_caps_get_allocated_size(f.caps, q) >= 300);
        memset(q, 0x3C, 300);
        unsigned char *z = capheap_caps_malloc(f.caps, 0, caps[k]);
        REQUIRE(z);
        capheap_caps_free(f.caps, z);
        capheap_caps_free(f.caps, q);
    }
    CHECK_EQ_U(e.count, 0);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    fx_close(&f);
}

int main(void)
{
    RUN(t_esp32_five_heaps);
    RUN(t_add_region_accept_refuse);
    RUN(t_nested_index_model);
    RUN(t_many_regions);
    RUN(t_exec_alias_word_reversed);
    RUN(t_exec_alias_linear);
    RUN(t_realloc_across_caps);
    RUN(t_huge_size_sweep);
    RUN(t_hooks_and_failure);
    RUN(t_stats_and_print);
    RUN(t_walk);
    RUN(t_check_finds_damage);
    RUN(t_handmade_regions_critical_port);
    RUN(t_full_heap_skip);
    RUN(t_dma_blocks_own_whole_cache_lines);
    RUN(t_exec_odd_sizes_word_access);
    RUN(t_zero_size_block_lives);
    return check_summary("caps.api");
}
