/*
 * Heap tracing (capheap/trace.h) over a simulated ESP32: every allocation
 * path records, leaks mode keeps exactly the blocks never freed, the buffer
 * drops its oldest record when full, pause/resume/stop, mode ALL keeps
 * frees, dumps in ESP-IDF's format and in the capheap trace format match
 * golden files (tests/trace/golden), removal against a model of the
 * buffer, and real call stacks with symbol names on hosted builds.
 *
 * Dumps are made deterministic with a test clock (+10 us per reading), a
 * test owner function and a test unwinder (fixed frames per event); block
 * addresses, which depend on alignment and poisoning, are replaced by names
 * (<a>, <b>, ...) before the comparison.
 * CAPHEAP_TRACE_GOLDEN_OUT=dir writes the actual dumps there (to update
 * the golden files after a deliberate format change).
 */
#include "caps_fixture.h"
#include "prng.h"

#include "capheap/trace.h"

#include <stdio.h>

#if !(defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING)
int main(void)
{
    check_log("trace: SKIPPED: the library is built without CAPHEAP_HEAP_TRACING\n");
    return 0;
}
#else

#include "trace_golden.h" /* generated from the files in golden/ */

/* ------------------------------------------------------------ test hooks */

static uint64_t g_clock;
static uint64_t test_clock(void)
{
    g_clock += 10;
    return g_clock;
}

static uintptr_t g_owner;
static uintptr_t test_owner(void)
{
    return g_owner;
}

static unsigned g_bt_calls;
static int test_backtrace(void **frames, int depth, int skip)
{
    (void)skip;
    g_bt_calls++;
    int n = depth < 3 ? depth : 3;
    for (int j = 0; j < n; j++)
        frames[j] = (void *)(uintptr_t)(0x400d0000u + g_bt_calls * 0x100u + (unsigned)j * 4u);
    return n;
}

/* A trace over fixture f with the deterministic hooks. */
typedef struct {
    fixture_t f;
    capheap_trace_storage_t storage;
    capheap_trace_t *t;
    capheap_trace_record_t *rec;
    size_t n;
} tfx_t;

static bool tfx_open(tfx_t *x, size_t n, bool fake)
{
    memset(x, 0, sizeof *x);
    if (!fx_open(&x->f, "esp32", 0))
        return false;
    x->rec = (capheap_trace_record_t *)calloc(n, sizeof *x->rec);
    x->n = n;
    capheap_trace_config_t cfg;
    capheap_trace_config_init(&cfg);
    if (fake) {
        cfg.clock = test_clock;
        cfg.backtrace = test_backtrace;
        cfg.depth = 3;
        g_clock = 1000;
        g_bt_calls = 0;
        g_owner = 0;
        capheap_port_set_owner_fn(test_owner);
    }
    x->t = capheap_trace_create(&x->storage, x->rec, n, &cfg);
    if (!x->t)
        return false;
    capheap_trace_attach(x->t, x->f.caps);
    return true;
}

static void tfx_close(tfx_t *x)
{
    capheap_trace_attach(x->t, NULL);
    capheap_port_set_owner_fn(NULL);
    fx_close(&x->f);
    free(x->rec);
}

/* ------------------------------------------------------------ dumps */

typedef struct {
    char buf[65536];
    size_t len;
} big_sink_t;

static void big_sink(void *ctx, const char *text)
{
    big_sink_t *s = (big_sink_t *)ctx;
    size_t n = strlen(text);
    if (s->len + n >= sizeof s->buf)
        n = sizeof s->buf - 1 - s->len;
    memcpy(s->buf + s->len, text, n);
    s->len += n;
    s->buf[s->len] = 0;
}

/* Replaces every "0x<hex>" equal to a named address with its name. */
static void name_addresses(big_sink_t *s, const uintptr_t *addr, const char *const *name,
                           size_t count)
{
    static char out[65536];
    size_t o = 0;
    for (size_t i = 0; i < s->len && o + 16 < sizeof out;) {
        if (s->buf[i] == '0' && s->buf[i + 1] == 'x') {
            size_t j = i + 2;
            unsigned long long v = 0;
            while (j < s->len && ((s->buf[j] >= '0' && s->buf[j] <= '9') ||
                                  (s->buf[j] >= 'a' && s->buf[j] <= 'f'))) {
                v = v * 16 + (unsigned)(s->buf[j] <= '9' ? s->buf[j] - '0' : s->buf[j] - 'a' + 10);
                j++;
            }
            const char *nm = NULL;
            for (size_t k = 0; k < count; k++)
                if (addr[k] == v)
                    nm = name[k];
            if (nm) {
                size_t l = strlen(nm);
                memcpy(out + o, nm, l);
                o += l;
            } else {
                memcpy(out + o, s->buf + i, j - i);
                o += j - i;
            }
            i = j;
            continue;
        }
        out[o++] = s->buf[i++];
    }
    memcpy(s->buf, out, o);
    s->len = o;
    s->buf[o] = 0;
}

static void compare_golden(const big_sink_t *s, const char *golden, const char *file)
{
#if !defined(CAPHEAP_BARE_METAL)
    const char *dir = getenv("CAPHEAP_TRACE_GOLDEN_OUT");
    if (dir) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, file);
        FILE *fp = fopen(path, "w");
        if (fp) {
            fputs(s->buf, fp);
            fclose(fp);
        }
    }
#endif
    if (strcmp(s->buf, golden) != 0) {
        check_log("--- %s expected:\n%s--- got:\n%s---\n", file, golden, s->buf);
        CHECK_FAILED("dump differs from its golden file");
    }
}

/*
 * The golden workload: one allocation through several paths, a realloc
 * that must move (larger than the heap holding b), frees at the end only (so no
 * address is used twice), c and d leaked.
 */
typedef struct {
    void *a, *b, *c, *d, *e, *b2;
} golden_blocks_t;

static void golden_workload(tfx_t *x, golden_blocks_t *g)
{
    capheap_caps_t *caps = x->f.caps;
    static const uint32_t prefer[2] = { CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_DEFAULT };
    g_owner = 0; /* start-up code */
    g->a = capheap_caps_malloc(caps, 100, CAPHEAP_CAP_DEFAULT);
    g_owner = 7;
    g->b = capheap_caps_calloc(caps, 4, 25, CAPHEAP_CAP_DEFAULT); /* the 6 KiB DRAM heap */
    g->c = capheap_caps_aligned_alloc(caps, 64, 48, CAPHEAP_CAP_DMA);
    g_owner = 9;
    g->d = capheap_caps_malloc_prefer(caps, 200, prefer, 2);
    g->e = capheap_caps_malloc_default(caps, 40);
    g->b2 = capheap_caps_realloc(caps, g->b, 8000, CAPHEAP_CAP_DEFAULT); /* beyond the 6 KiB heap */
    capheap_caps_free(caps, g->a);
    capheap_caps_free(caps, g->e);
    capheap_caps_free(caps, g->b2);
}

static void golden_names(const tfx_t *x, const golden_blocks_t *g, uintptr_t *addr)
{
    const void *p[6] = { g->a, g->b, g->c, g->d, g->e, g->b2 };
    for (int i = 0; i < 6; i++)
        addr[i] = fx_chip(&x->f, p[i]);
}

static const char *const k_names[6] = { "<a>", "<b>", "<c>", "<d>", "<e>", "<b2>" };

static void run_golden(capheap_trace_mode_t mode, const char *espidf, const char *espidf_file,
                       const char *native, const char *native_file)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 16, true));
    golden_blocks_t g;
    REQUIRE(capheap_trace_start(x.t, mode) == CAPHEAP_OK);
    golden_workload(&x, &g);
    REQUIRE(g.a && g.b && g.c && g.d && g.e && g.b2);
    CHECK(g.b2 != g.b); /* the workload relies on a moving realloc */
    REQUIRE(capheap_trace_stop(x.t) == CAPHEAP_OK);
    uintptr_t addr[6];
    golden_names(&x, &g, addr);
    static big_sink_t s;
    s.len = 0;
    s.buf[0] = 0;
    capheap_trace_dump_espidf(x.t, CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_SPIRAM, false, big_sink, &s);
    name_addresses(&s, addr, k_names, 6);
    compare_golden(&s, espidf, espidf_file);
    s.len = 0;
    s.buf[0] = 0;
    capheap_trace_dump_capheap(x.t, "esp32", big_sink, &s);
    name_addresses(&s, addr, k_names, 6);
    compare_golden(&s, native, native_file);
    capheap_caps_free(x.f.caps, g.c);
    capheap_caps_free(x.f.caps, g.d);
    tfx_close(&x);
}

static void t_golden_all(void)
{
    run_golden(CAPHEAP_TRACE_ALL, golden_espidf_all, "espidf_all.txt", golden_capheap_all,
               "capheap_all.txt");
}

static void t_golden_leaks(void)
{
    run_golden(CAPHEAP_TRACE_LEAKS, golden_espidf_leaks, "espidf_leaks.txt",
               golden_capheap_leaks, "capheap_leaks.txt");
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The golden workload as a massif file: one snapshot per event, the peak
 * (after the realloc to 8000 bytes) with its tree of five call sites. With
 * CAPHEAP_TRACE_MASSIF_OUT=file the file is written for ms_print
 * (CTest trace.massif.ms_print). */
static void t_massif(void)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 16, true));
    golden_blocks_t g;
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_ALL) == CAPHEAP_OK);
    golden_workload(&x, &g);
    REQUIRE(capheap_trace_stop(x.t) == CAPHEAP_OK);
    static big_sink_t s;
    s.len = 0;
    s.buf[0] = 0;
    capheap_trace_dump_massif(x.t, "golden workload", 4, big_sink, &s);
    static const char head[] =
        "desc: capheap trace, mode all, 6 records\ncmd: golden workload\ntime_unit: B\n";
    CHECK(strncmp(s.buf, head, sizeof head - 1) == 0);
    CHECK_EQ_SZ(count_of(s.buf, "\nsnapshot="), 11); /* 0, then 6 allocations and 4 frees */
    CHECK(strstr(s.buf, "mem_heap_B=8388\nmem_heap_extra_B=0\nmem_stacks_B=0\nheap_tree=peak\n"
                        "n5: 8388 (heap allocation functions)") != NULL);
    CHECK_EQ_SZ(count_of(s.buf, "heap_tree=peak"), 1);
    CHECK_EQ_SZ(count_of(s.buf, "heap_tree=detailed"), 2); /* snapshots 4 and 8 */
    CHECK(strstr(s.buf, "\n n1: 8000 0x400D0600: ") != NULL);  /* the realloc's site */
    CHECK(strstr(s.buf, "\n  n1: 8000 0x400D0604: ") != NULL); /* its caller */
    CHECK(strstr(s.buf, "time=16728\nmem_heap_B=248\n") != NULL); /* c and d left */
#if !defined(CAPHEAP_BARE_METAL)
    const char *path = getenv("CAPHEAP_TRACE_MASSIF_OUT");
    if (path) {
        FILE *fp = fopen(path, "w");
        if (fp) {
            fputs(s.buf, fp);
            fclose(fp);
        }
    }
#endif
    capheap_caps_free(x.f.caps, g.c);
    capheap_caps_free(x.f.caps, g.d);
    tfx_close(&x);
}

/* ------------------------------------------------------------ behaviour */

/* Every public allocation function adds exactly one record with the size
 * and caps asked; every free removes one (leaks mode). */
static void t_every_path(void)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 64, true));
    capheap_caps_t *c = x.f.caps;
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
    static const uint32_t prefer[2] = { CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_INTERNAL };
    struct {
        void *p;
        size_t size;
        uint32_t caps;
    } want[12];
    int n = 0;
#define ADD(expr, sz, cp) do { want[n].p = (expr); want[n].size = (sz); want[n].caps = (cp); n++; } while (0)
    ADD(capheap_caps_malloc(c, 10, CAPHEAP_CAP_8BIT), 10, CAPHEAP_CAP_8BIT);
    ADD(capheap_caps_calloc(c, 3, 7, CAPHEAP_CAP_DEFAULT), 21, CAPHEAP_CAP_DEFAULT);
    ADD(capheap_caps_aligned_alloc(c, 32, 33, CAPHEAP_CAP_DEFAULT), 33, CAPHEAP_CAP_DEFAULT);
    ADD(capheap_caps_aligned_calloc(c, 16, 2, 9, CAPHEAP_CAP_DMA), 18, CAPHEAP_CAP_DMA);
    ADD(capheap_caps_malloc_prefer(c, 12, prefer, 2), 12, CAPHEAP_CAP_INTERNAL);
    ADD(capheap_caps_calloc_prefer(c, 2, 6, prefer, 2), 12, CAPHEAP_CAP_INTERNAL);
    ADD(capheap_caps_malloc_default(c, 14), 14, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL);
    ADD(capheap_caps_calloc_default(c, 5, 3), 15, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL);
    ADD(capheap_caps_realloc(c, NULL, 16, CAPHEAP_CAP_8BIT), 16, CAPHEAP_CAP_8BIT);
    ADD(capheap_caps_realloc_prefer(c, NULL, 17, prefer, 2), 17, CAPHEAP_CAP_INTERNAL);
    ADD(capheap_caps_realloc_default(c, NULL, 18), 18, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL);
#undef ADD
    REQUIRE(capheap_trace_count(x.t) == (size_t)n);
    for (int i = 0; i < n; i++) {
        capheap_trace_record_t r;
        REQUIRE(want[i].p != NULL);
        REQUIRE(capheap_trace_get(x.t, (size_t)i, &r) == CAPHEAP_OK);
        CHECK(r.address == want[i].p);
        CHECK_EQ_SZ(r.size, want[i].size);
        CHECK_EQ_U(r.caps, want[i].caps);
        CHECK(!r.freed);
        CHECK(r.alloced_by[0] != NULL);
    }
    /* realloc of each kind replaces its record (one free, one allocation) */
    void *r1 = capheap_caps_realloc(c, want[8].p, 40, CAPHEAP_CAP_8BIT);
    void *r2 = capheap_caps_realloc_prefer(c, want[9].p, 41, prefer, 2);
    void *r3 = capheap_caps_realloc_default(c, want[10].p, 42);
    REQUIRE(r1 && r2 && r3);
    CHECK_EQ_SZ(capheap_trace_count(x.t), (size_t)n);
    capheap_trace_record_t last;
    REQUIRE(capheap_trace_get(x.t, (size_t)n - 1, &last) == CAPHEAP_OK);
    CHECK(last.address == r3);
    CHECK_EQ_SZ(last.size, 42);
    CHECK(last.flags & CAPHEAP_TRACE_F_REALLOC);
    CHECK(last.realloc_from == want[10].p);
    /* realloc to 0 frees */
    CHECK(capheap_caps_realloc(c, r1, 0, CAPHEAP_CAP_8BIT) == NULL);
    CHECK(capheap_caps_realloc_prefer(c, r2, 0, prefer, 2) == NULL);
    CHECK(capheap_caps_realloc_default(c, r3, 0) == NULL);
    CHECK_EQ_SZ(capheap_trace_count(x.t), (size_t)n - 3);
    for (int i = 0; i < 8; i++)
        capheap_caps_free(c, want[i].p);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 0);
    capheap_trace_summary_t s;
    REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
    CHECK_EQ_SZ(s.total_allocations, (size_t)n + 3);
    CHECK_EQ_SZ(s.total_frees, 3 + 3 + 8);
    CHECK_EQ_SZ(s.high_water_mark, (size_t)n);
    CHECK_EQ_SZ(s.has_overflowed, 0);
    /* failed allocations and free(NULL) record nothing */
    CHECK_NULL(capheap_caps_malloc(c, (size_t)1 << 30, CAPHEAP_CAP_DEFAULT));
    capheap_caps_free(c, NULL);
    REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
    CHECK_EQ_SZ(s.total_allocations, (size_t)n + 3);
    CHECK_EQ_SZ(s.total_frees, 14);
    tfx_close(&x);
}

/* Leaks mode over a random workload through several paths: at the end the
 * records are exactly the blocks the workload leaked, oldest first. */
static void t_known_leaks(void)
{
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x7ace);
    check_log("t_known_leaks seed %llu\n", (unsigned long long)seed);
    prng_t rng;
    prng_init(&rng, seed);
    tfx_t x;
    REQUIRE(tfx_open(&x, 512, false));
    capheap_caps_t *c = x.f.caps;
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
    enum { N = 300 };
    static void *live[N];
    static size_t sizes[N];
    static bool leak[N];
    size_t nlive = 0;
    for (int step = 0; step < 2000; step++) {
        uint32_t op = prng_range(&rng, 0, 9);
        if (nlive < N && (op < 5 || nlive == 0)) {
            size_t sz = prng_range(&rng, 1, 256);
            void *p;
            switch (op % 3) {
            case 0: p = capheap_caps_malloc(c, sz, CAPHEAP_CAP_8BIT); break;
            case 1: p = capheap_caps_calloc(c, 1, sz, CAPHEAP_CAP_INTERNAL); break;
            default: p = capheap_caps_malloc_default(c, sz); break;
            }
            if (!p)
                continue;
            live[nlive] = p;
            sizes[nlive] = sz;
            leak[nlive] = prng_range(&rng, 0, 19) == 0;
            nlive++;
        } else if (nlive) {
            size_t k = prng_range(&rng, 0, (uint32_t)nlive - 1);
            if (leak[k])
                continue;
            if (op == 9) {
                size_t sz = prng_range(&rng, 1, 300);
                void *q = capheap_caps_realloc(c, live[k], sz, CAPHEAP_CAP_8BIT);
                if (q) {
                    /* a realloc is a new allocation: it goes to the end */
                    memmove(&live[k], &live[k + 1], (nlive - k - 1) * sizeof live[0]);
                    memmove(&sizes[k], &sizes[k + 1], (nlive - k - 1) * sizeof sizes[0]);
                    memmove(&leak[k], &leak[k + 1], (nlive - k - 1) * sizeof leak[0]);
                    live[nlive - 1] = q;
                    sizes[nlive - 1] = sz;
                    leak[nlive - 1] = false;
                }
                continue;
            }
            capheap_caps_free(c, live[k]);
            memmove(&live[k], &live[k + 1], (nlive - k - 1) * sizeof live[0]);
            memmove(&sizes[k], &sizes[k + 1], (nlive - k - 1) * sizeof sizes[0]);
            memmove(&leak[k], &leak[k + 1], (nlive - k - 1) * sizeof leak[0]);
            nlive--;
        }
    }
    /* free everything that is not a deliberate leak */
    size_t nleak = 0;
    for (size_t k = 0; k < nlive; k++) {
        if (leak[k]) {
            live[nleak] = live[k];
            sizes[nleak] = sizes[k];
            nleak++;
        } else {
            capheap_caps_free(c, live[k]);
        }
    }
    REQUIRE(capheap_trace_stop(x.t) == CAPHEAP_OK);
    CHECK(nleak > 0);
    CHECK_EQ_SZ(capheap_trace_count(x.t), nleak);
    for (size_t k = 0; k < nleak; k++) {
        capheap_trace_record_t r;
        REQUIRE(capheap_trace_get(x.t, k, &r) == CAPHEAP_OK);
        CHECK(r.address == live[k]);
        CHECK_EQ_SZ(r.size, sizes[k]);
    }
    capheap_trace_summary_t s;
    REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
    CHECK_EQ_SZ(s.has_overflowed, 0);
    CHECK_EQ_SZ(s.total_allocations - s.total_frees, nleak);
    for (size_t k = 0; k < nleak; k++)
        capheap_caps_free(c, live[k]);
    tfx_close(&x);
}

/* Removal and eviction against a model of the buffer (small buffer, so
 * chains collide and the buffer overflows often). */
static void t_model(void)
{
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x30de);
    check_log("t_model seed %llu\n", (unsigned long long)seed);
    prng_t rng;
    prng_init(&rng, seed);
    for (size_t cap = 1; cap <= 17; cap += 4) {
        tfx_t x;
        REQUIRE(tfx_open(&x, cap, false));
        capheap_caps_t *c = x.f.caps;
        REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
        enum { N = 64 };
        void *live[N];          /* blocks alive, allocation order */
        void *model[N];         /* what the trace should hold, oldest first */
        size_t nlive = 0, nmodel = 0, dropped = 0;
        for (int step = 0; step < 1500; step++) {
            if (nlive < N && (prng_range(&rng, 0, 1) == 0 || nlive == 0)) {
                void *p = capheap_caps_malloc(c, prng_range(&rng, 1, 64), CAPHEAP_CAP_8BIT);
                REQUIRE(p);
                live[nlive++] = p;
                if (nmodel == cap) {
                    memmove(&model[0], &model[1], (nmodel - 1) * sizeof model[0]);
                    nmodel--;
                    dropped++;
                }
                model[nmodel++] = p;
            } else {
                size_t k = prng_range(&rng, 0, (uint32_t)nlive - 1);
                void *p = live[k];
                capheap_caps_free(c, p);
                live[k] = live[--nlive];
                for (size_t m = 0; m < nmodel; m++)
                    if (model[m] == p) {
                        memmove(&model[m], &model[m + 1], (nmodel - m - 1) * sizeof model[0]);
                        nmodel--;
                        break;
                    }
            }
            REQUIRE(capheap_trace_count(x.t) == nmodel);
            for (size_t m = 0; m < nmodel; m++) {
                capheap_trace_record_t r;
                REQUIRE(capheap_trace_get(x.t, m, &r) == CAPHEAP_OK);
                if (r.address != model[m]) {
                    check_log("cap %zu step %d record %zu\n", cap, step, m);
                    CHECK_FAILED("trace differs from the model");
                    tfx_close(&x);
                    return;
                }
            }
        }
        capheap_trace_summary_t s;
        REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
        CHECK_EQ_SZ(s.dropped, dropped);
        CHECK_EQ_SZ(s.has_overflowed, dropped != 0);
        for (size_t k = 0; k < nlive; k++)
            capheap_caps_free(c, live[k]);
        tfx_close(&x);
    }
}

/* A full buffer drops its oldest record and says so. */
static void t_overflow(void)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 4, true));
    capheap_caps_t *c = x.f.caps;
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
    void *p[6];
    for (int i = 0; i < 6; i++)
        REQUIRE((p[i] = capheap_caps_malloc(c, 8u + (size_t)i, CAPHEAP_CAP_8BIT)) != NULL);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 4);
    capheap_trace_record_t r;
    REQUIRE(capheap_trace_get(x.t, 0, &r) == CAPHEAP_OK);
    CHECK(r.address == p[2]);
    REQUIRE(capheap_trace_get(x.t, 3, &r) == CAPHEAP_OK);
    CHECK(r.address == p[5]);
    CHECK(capheap_trace_get(x.t, 4, &r) == CAPHEAP_ERR_INVALID_ARG);
    capheap_trace_summary_t s;
    REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
    CHECK_EQ_SZ(s.has_overflowed, 1);
    CHECK_EQ_SZ(s.dropped, 2);
    CHECK_EQ_SZ(s.high_water_mark, 4);
    CHECK_EQ_SZ(s.total_allocations, 6);
    /* freeing a dropped block is counted but removes nothing */
    capheap_caps_free(c, p[0]);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 4);
    static big_sink_t sk;
    sk.len = 0;
    capheap_trace_dump_espidf(x.t, CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_SPIRAM, false, big_sink, &sk);
    CHECK(strstr(sk.buf, "(NB: Internal Buffer has overflowed, so trace data is incomplete.)\n") != NULL);
    CHECK(strstr(sk.buf, "records: 4 (4 capacity, 4 high water mark)\n") != NULL);
    sk.len = 0;
    capheap_trace_dump_capheap(x.t, NULL, big_sink, &sk);
    CHECK(strstr(sk.buf, "# overflowed") != NULL);
    for (int i = 1; i < 6; i++)
        capheap_caps_free(c, p[i]);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 0);
    tfx_close(&x);
}

/* Pause stops recording allocations but not frees; stop stops both;
 * resume keeps the records. */
static void t_pause_resume(void)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 8, true));
    capheap_caps_t *c = x.f.caps;
    CHECK(capheap_trace_stop(x.t) == CAPHEAP_ERR_STATE);      /* not started */
    CHECK(capheap_trace_pause_alloc(x.t) == CAPHEAP_ERR_STATE);
    void *pre = capheap_caps_malloc(c, 8, CAPHEAP_CAP_8BIT);  /* before start */
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
    CHECK(capheap_trace_resume(x.t) == CAPHEAP_ERR_STATE);    /* already running */
    CHECK_EQ_SZ(capheap_trace_count(x.t), 0);
    void *a = capheap_caps_malloc(c, 16, CAPHEAP_CAP_8BIT);
    void *b = capheap_caps_malloc(c, 24, CAPHEAP_CAP_8BIT);
    REQUIRE(capheap_trace_pause_alloc(x.t) == CAPHEAP_OK);
    CHECK(capheap_trace_pause_alloc(x.t) == CAPHEAP_ERR_STATE);
    CHECK(capheap_trace_is_running(x.t));
    void *d = capheap_caps_malloc(c, 32, CAPHEAP_CAP_8BIT);   /* not recorded */
    CHECK_EQ_SZ(capheap_trace_count(x.t), 2);
    capheap_caps_free(c, a);                                  /* recorded */
    CHECK_EQ_SZ(capheap_trace_count(x.t), 1);
    REQUIRE(capheap_trace_resume(x.t) == CAPHEAP_OK);
    void *e = capheap_caps_malloc(c, 40, CAPHEAP_CAP_8BIT);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 2);
    REQUIRE(capheap_trace_stop(x.t) == CAPHEAP_OK);
    CHECK(!capheap_trace_is_running(x.t));
    capheap_caps_free(c, b);                                  /* not recorded */
    void *f = capheap_caps_malloc(c, 48, CAPHEAP_CAP_8BIT);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 2);
    REQUIRE(capheap_trace_resume(x.t) == CAPHEAP_OK);         /* records kept */
    capheap_trace_record_t r;
    REQUIRE(capheap_trace_get(x.t, 0, &r) == CAPHEAP_OK);
    CHECK(r.address == b);
    REQUIRE(capheap_trace_get(x.t, 1, &r) == CAPHEAP_OK);
    CHECK(r.address == e);
    capheap_trace_summary_t s;
    REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
    CHECK_EQ_SZ(s.total_allocations, 3);
    CHECK_EQ_SZ(s.total_frees, 1);
    CHECK(s.mode == CAPHEAP_TRACE_LEAKS);
    /* a restart clears everything */
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_ALL) == CAPHEAP_OK);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 0);
    REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
    CHECK_EQ_SZ(s.total_allocations, 0);
    CHECK(s.mode == CAPHEAP_TRACE_ALL);
    capheap_trace_stop(x.t);
    capheap_caps_free(c, pre);
    capheap_caps_free(c, d);
    capheap_caps_free(c, e);
    capheap_caps_free(c, f);
    tfx_close(&x);
}

/* Mode ALL keeps freed records, marked freed with the freeing stack and
 * time; a second block at a reused address gets its own record. */
static void t_all_keeps_frees(void)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 8, true));
    capheap_caps_t *c = x.f.caps;
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_ALL) == CAPHEAP_OK);
    void *a = capheap_caps_malloc(c, 64, CAPHEAP_CAP_8BIT);
    capheap_caps_free(c, a);
    void *b = capheap_caps_malloc(c, 64, CAPHEAP_CAP_8BIT); /* likely a's address */
    REQUIRE(a && b);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 2);
    capheap_trace_record_t r;
    REQUIRE(capheap_trace_get(x.t, 0, &r) == CAPHEAP_OK);
    CHECK(r.address == a);
    CHECK(r.freed);
    CHECK(r.freed_by[0] != NULL);
    CHECK(r.free_time_us > r.time_us);
    REQUIRE(capheap_trace_get(x.t, 1, &r) == CAPHEAP_OK);
    CHECK(r.address == b);
    CHECK(!r.freed);
    CHECK(r.freed_by[0] == NULL);
    capheap_caps_free(c, b); /* frees b's record, not a's again */
    REQUIRE(capheap_trace_get(x.t, 1, &r) == CAPHEAP_OK);
    CHECK(r.freed);
#if CAPHEAP_CHECKS /* the engine's checks make the double free harmless */
    capheap_caps_free(c, b); /* double free: counted, no record changes */
    const size_t frees = 3;
#else
    check_log("  CAPHEAP_CHECKS=0: double free not applicable\n");
    const size_t frees = 2;
#endif
    capheap_trace_summary_t s;
    REQUIRE(capheap_trace_summary(x.t, &s) == CAPHEAP_OK);
    CHECK_EQ_SZ(s.total_frees, frees);
    CHECK_EQ_SZ(s.count, 2);
    tfx_close(&x);
}

static void t_bad_arguments(void)
{
    capheap_trace_storage_t st;
    capheap_trace_record_t rec[2];
    capheap_trace_config_t cfg;
    capheap_trace_config_init(&cfg);
    CHECK_NULL(capheap_trace_create(NULL, rec, 2, NULL));
    CHECK_NULL(capheap_trace_create(&st, NULL, 2, NULL));
    CHECK_NULL(capheap_trace_create(&st, rec, 0, NULL));
    cfg.depth = CAPHEAP_TRACE_STACK_DEPTH + 1;
    CHECK_NULL(capheap_trace_create(&st, rec, 2, &cfg));
    cfg.depth = -1;
    CHECK_NULL(capheap_trace_create(&st, rec, 2, &cfg));
    capheap_trace_t *t = capheap_trace_create(&st, rec, 2, NULL);
    REQUIRE(t != NULL);
    CHECK(capheap_trace_instance(t) == NULL);
    CHECK(capheap_trace_start(NULL, CAPHEAP_TRACE_ALL) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_start(t, (capheap_trace_mode_t)7) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_stop(NULL) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_resume(NULL) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_pause_alloc(NULL) == CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_SZ(capheap_trace_count(NULL), 0);
    capheap_trace_record_t r;
    capheap_trace_summary_t s;
    CHECK(capheap_trace_get(NULL, 0, &r) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_get(t, 0, NULL) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_get(t, 0, &r) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_summary(t, NULL) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(capheap_trace_summary(NULL, &s) == CAPHEAP_ERR_INVALID_ARG);
    CHECK(!capheap_trace_is_running(NULL));
    capheap_trace_dump_espidf(NULL, 0, false, big_sink, NULL); /* nothing */
    capheap_trace_dump_capheap(NULL, NULL, big_sink, NULL);
    /* an unattached running trace records nothing and dumps an empty trace */
    REQUIRE(capheap_trace_start(t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
    static big_sink_t sk;
    sk.len = 0;
    capheap_trace_dump_capheap(t, NULL, big_sink, &sk);
    CHECK(strncmp(sk.buf, "capheap-trace 1\n# mode leaks, 0 records", 39) == 0);
}

/* Detaching stops recording for that instance; attaching to another
 * instance moves the trace. */
static void t_attach(void)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 8, true));
    CHECK(capheap_trace_instance(x.t) == x.f.caps);
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
    capheap_trace_attach(x.t, NULL);
    void *p = capheap_caps_malloc(x.f.caps, 8, CAPHEAP_CAP_8BIT);
    CHECK_EQ_SZ(capheap_trace_count(x.t), 0);
    capheap_trace_attach(x.t, x.f.caps);
    capheap_caps_free(x.f.caps, p);
    tfx_close(&x);
}

#if !defined(CAPHEAP_BARE_METAL) && defined(__GLIBC__)
/* Real stacks: the first frame is the allocation site in the caller, and
 * the dump names it (the test program exports its symbols). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
void *trace_test_alloc_site(capheap_caps_t *c);
void *trace_test_alloc_site(capheap_caps_t *c)
{
    void *p = capheap_caps_malloc(c, 24, CAPHEAP_CAP_8BIT);
    __asm__ volatile("" ::: "memory"); /* not a tail call */
    return p;
}

static void t_real_stack(void)
{
    tfx_t x;
    REQUIRE(tfx_open(&x, 8, false));
    REQUIRE(capheap_trace_start(x.t, CAPHEAP_TRACE_LEAKS) == CAPHEAP_OK);
    void *p = trace_test_alloc_site(x.f.caps);
    REQUIRE(p);
    capheap_trace_record_t r;
    REQUIRE(capheap_trace_get(x.t, 0, &r) == CAPHEAP_OK);
    uintptr_t site = (uintptr_t)r.alloced_by[0], fn = (uintptr_t)&trace_test_alloc_site;
    CHECK(site > fn && site < fn + 512);
    CHECK(r.alloced_by[1] != NULL); /* t_real_stack */
    static big_sink_t sk;
    sk.len = 0;
    capheap_trace_dump_espidf(x.t, CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_SPIRAM, true, big_sink, &sk);
    CHECK(strstr(sk.buf, ": trace_test_alloc_site+0x") != NULL);
    if (!strstr(sk.buf, ": trace_test_alloc_site+0x"))
        check_log("%s", sk.buf);
    capheap_caps_free(x.f.caps, p);
    tfx_close(&x);
}
#endif

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_golden_all);
    RUN(t_golden_leaks);
    RUN(t_massif);
    RUN(t_every_path);
    RUN(t_known_leaks);
    RUN(t_model);
    RUN(t_overflow);
    RUN(t_pause_resume);
    RUN(t_all_keeps_frees);
    RUN(t_bad_arguments);
    RUN(t_attach);
#if !defined(CAPHEAP_BARE_METAL) && defined(__GLIBC__)
    RUN(t_real_stack);
#endif
    return check_summary("trace");
}
#endif
