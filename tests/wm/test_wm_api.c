/*
 * WM IoT SDK heap API (wm_heap.h) on the w800 table: cap and return-code
 * values, every function before and after wm_heap_init, capabilities to
 * memories (SRAM, shared DRAM, PSRAM after wm_heap_append_to_heap), realloc
 * keeping the block's caps with caps 0 and never copying past the old
 * block, calloc's overflow check, 8-byte alignment, bad pointers reported,
 * print_stats per memory and print_tracing with file and line from the
 * tracing macros, an overflow sweep through every allocation function and
 * the stress rig through alloc / realloc / free.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "prng.h"
#include "stress.h"
#include "tracing_part.h"
#include "wm_heap.h"

_Static_assert(WM_HEAP_CAP_DEFAULT == 1 && WM_HEAP_CAP_INTERNAL == 2 && WM_HEAP_CAP_SPIRAM == 4 &&
                   WM_HEAP_CAP_EXEC == 8 && WM_HEAP_CAP_SHARED == 16 &&
                   WM_HEAP_CAP_INVALID == (1 << 20),
               "WM_HEAP_CAP_* values");
_Static_assert(WM_ERR_SUCCESS == 0 && WM_ERR_FAILED == -1 && WM_ERR_INVALID_PARAM == -3 &&
                   WM_ERR_NO_INITED == -7,
               "WM_ERR_* values");

#define WMC(x) ((wm_heap_cap_type_t)(x))

static char s_out[16384];
static size_t s_out_len;
static void capture(void *ctx, const char *text)
{
    (void)ctx;
    size_t n = strlen(text);
    if (s_out_len + n < sizeof s_out) {
        memcpy(s_out + s_out_len, text, n + 1);
        s_out_len += n;
    }
}
static void clear_out(void)
{
    s_out_len = 0;
    s_out[0] = 0;
}

static unsigned s_errors;
static capheap_error_reason_t s_last_reason;
static void count_errors(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    (void)where;
    s_errors++;
    s_last_reason = reason;
}

static const char *memory_of(const void *p)
{
    const capheap_caps_heap_t *h = capheap_caps_heap_of(capheap_wm_instance(), p);
    if (!h)
        return "none";
    capheap_region_t r;
    capheap_caps_heap_region(h, &r);
    return r.name ? r.name : "?";
}

static void t_before_init(void)
{
    capheap_wm_set_print(capture, NULL);
    clear_out();
    CHECK_NULL(capheap_wm_instance());
    CHECK_NULL(wm_heap_caps_alloc(16, WM_HEAP_CAP_DEFAULT));
    CHECK_NULL(wm_heap_caps_calloc(2, 8, WM_HEAP_CAP_DEFAULT));
    CHECK_NULL(wm_heap_caps_realloc(NULL, 16, WM_HEAP_CAP_DEFAULT));
    wm_heap_caps_free(NULL);
    static char foreign[16];
    wm_heap_caps_free(foreign); /* nothing to own it: ignored */
    CHECK_EQ_SZ(wm_heap_get_free_size(), 0);
    CHECK_EQ_SZ(wm_heap_get_minimum_ever_free_size(), 0);
    CHECK(wm_heap_append_to_heap("PSRAM") == WM_ERR_NO_INITED);
    CHECK(wm_heap_append_to_heap(NULL) == WM_ERR_INVALID_PARAM);
    wm_heap_print_stats();
    CHECK(strstr(s_out, "heap: free 0 (0.00 KB), minimum 0 (0.00 KB)") != NULL);
    clear_out();
    wm_heap_print_tracing(NULL);
    CHECK(strstr(s_out, "summary: malloc size 0, malloc count 0") != NULL);
}

static void t_init_and_memories(void)
{
    wm_heap_init();
    REQUIRE(capheap_wm_instance() != NULL);
    capheap_caps_t *first = capheap_wm_instance();
    wm_heap_init(); /* again: nothing */
    CHECK(capheap_wm_instance() == first);
    capheap_wm_set_error_hook(count_errors, NULL);
    size_t free0 = wm_heap_get_free_size();
    CHECK(free0 > 240 * 1024 && free0 < 248 * 1024); /* 120 KiB SRAM + 128 KiB DRAM */
    CHECK_EQ_SZ(wm_heap_get_minimum_ever_free_size(), free0);

    CHECK_NULL(wm_heap_caps_alloc(0, WM_HEAP_CAP_DEFAULT));
    CHECK_NULL(wm_heap_caps_alloc(16, WM_HEAP_CAP_INVALID));
    CHECK_NULL(wm_heap_caps_alloc(16, WMC(WM_HEAP_CAP_DEFAULT | WM_HEAP_CAP_INVALID)));
    CHECK_NULL(wm_heap_caps_alloc(16, WMC(1 << 7)));
    CHECK_NULL(wm_heap_caps_alloc(16, WM_HEAP_CAP_SPIRAM)); /* no PSRAM yet */
    CHECK_NULL(wm_heap_caps_alloc(16, WMC(WM_HEAP_CAP_EXEC | WM_HEAP_CAP_SHARED)));

    void *d = wm_heap_caps_alloc(100, WMC(0));
    void *s = wm_heap_caps_alloc(100, WM_HEAP_CAP_SHARED);
    void *x = wm_heap_caps_alloc(100, WM_HEAP_CAP_EXEC);
    void *in = wm_heap_caps_alloc(100, WMC(WM_HEAP_CAP_INTERNAL | WM_HEAP_CAP_DEFAULT));
    REQUIRE(d && s && x && in);
    CHECK(strcmp(memory_of(s), "DRAM") == 0);
    CHECK(strcmp(memory_of(x), "SRAM") == 0);
    CHECK(strcmp(memory_of(d), "none") != 0);
    CHECK(wm_heap_get_free_size() <= free0 - 400);
    CHECK(wm_heap_get_minimum_ever_free_size() <= wm_heap_get_free_size());
    void *all[4] = { d, s, x, in };
    for (int i = 0; i < 4; i++) {
        CHECK_EQ_U((uintptr_t)all[i] % 8, 0);
        memset(all[i], 0x11 * (i + 1), 100);
        wm_heap_caps_free(all[i]);
    }
    CHECK_EQ_SZ(wm_heap_get_free_size(), free0);
    CHECK(wm_heap_get_minimum_ever_free_size() < free0);

    CHECK(wm_heap_append_to_heap("FLASH") == WM_ERR_INVALID_PARAM);
    CHECK(wm_heap_append_to_heap(NULL) == WM_ERR_INVALID_PARAM);
    CHECK(wm_heap_append_to_heap(WM_HEAP_SRAM_NAME) == WM_ERR_SUCCESS);
    CHECK_EQ_SZ(wm_heap_get_free_size(), free0);
    CHECK(wm_heap_append_to_heap(WM_HEAP_PSRAM_NAME) == WM_ERR_SUCCESS);
    size_t with_psram = wm_heap_get_free_size();
    CHECK(with_psram > free0 + 7 * 1024 * 1024);
    CHECK(wm_heap_append_to_heap(WM_HEAP_PSRAM_NAME) == WM_ERR_SUCCESS); /* again */
    CHECK_EQ_SZ(wm_heap_get_free_size(), with_psram);
    void *ps = wm_heap_caps_alloc(4096, WM_HEAP_CAP_SPIRAM);
    REQUIRE(ps);
    CHECK(strcmp(memory_of(ps), "PSRAM") == 0);
    wm_heap_caps_free(ps);
    /* PSRAM is not DEFAULT memory: fill DEFAULT memory, none of it PSRAM */
    void *blocks[300];
    size_t n = 0;
    while (n < 300 && (blocks[n] = wm_heap_caps_alloc(4096, WM_HEAP_CAP_DEFAULT)) != NULL) {
        CHECK(strcmp(memory_of(blocks[n]), "PSRAM") != 0);
        n++;
    }
    CHECK(n > 50 && n < 70);
    for (size_t i = 0; i < n; i++)
        wm_heap_caps_free(blocks[i]);
    CHECK_EQ_U(s_errors, 0);
    CHECK(capheap_caps_check_integrity_all(capheap_wm_instance(), NULL, NULL));
}

typedef struct {
    uintptr_t target, start, size;
} find_t;
static bool find_block(void *ctx, const capheap_caps_heap_t *heap, void *ptr, size_t size,
                       bool used)
{
    (void)heap;
    find_t *f = ctx;
    uintptr_t p = (uintptr_t)ptr;
    if (used && f->target >= p && f->target < p + size) {
        f->start = p;
        f->size = size;
        return false;
    }
    return true;
}

/* Bytes of p's engine block after its first n bytes (the walk's view). */
static size_t tail_padding(const uint8_t *p, size_t n)
{
    find_t f = { (uintptr_t)p, 0, 0 };
    capheap_caps_walk(capheap_wm_instance(), CAPHEAP_CAP_INVALID, find_block, &f);
    if (!f.start || f.start + f.size < (uintptr_t)p + n)
        return 0;
    return (size_t)(f.start + f.size - ((uintptr_t)p + n));
}

static void t_realloc_calloc(void)
{
    CHECK_NULL(wm_heap_caps_realloc(NULL, 0, WM_HEAP_CAP_DEFAULT));
    uint8_t *p = wm_heap_caps_realloc(NULL, 64, WM_HEAP_CAP_SHARED);
    REQUIRE(p);
    CHECK(strcmp(memory_of(p), "DRAM") == 0);
    for (int i = 0; i < 64; i++)
        p[i] = (uint8_t)i;
    /* caps 0 keeps SHARED */
    uint8_t *q = wm_heap_caps_realloc(p, 5000, WMC(0));
    REQUIRE(q);
    CHECK(strcmp(memory_of(q), "DRAM") == 0);
    for (int i = 0; i < 64; i++)
        CHECK_EQ_U(q[i], i);
    /* new caps move it */
    uint8_t *r = wm_heap_caps_realloc(q, 32, WM_HEAP_CAP_SPIRAM);
    REQUIRE(r);
    CHECK(strcmp(memory_of(r), "PSRAM") == 0);
    for (int i = 0; i < 32; i++)
        CHECK_EQ_U(r[i], i);
    /* a failed realloc leaves the block alone */
    CHECK_NULL(wm_heap_caps_realloc(r, 64 * 1024 * 1024, WMC(0)));
    CHECK_EQ_U(r[31], 31);
    /* size 0 frees */
    size_t before = wm_heap_get_free_size();
    CHECK_NULL(wm_heap_caps_realloc(r, 0, WMC(0)));
    CHECK(wm_heap_get_free_size() > before);

    /* never copies past the old block: mark the bytes of a 10-byte block's
     * engine block after its 10 bytes (padding to the engine's granule; none
     * when poisoning puts a canary there) and check realloc leaves them */
    uint8_t *a = wm_heap_caps_alloc(10, WM_HEAP_CAP_DEFAULT);
    REQUIRE(a);
    memset(a, 0xA1, 10);
    size_t pad = tail_padding(a, 10);
    CHECK(pad < 64);
    memset(a + 10, 0xEE, pad);
    uint8_t *a2 = wm_heap_caps_realloc(a, 200, WMC(0));
    REQUIRE(a2);
    for (int i = 0; i < 10; i++)
        CHECK_EQ_U(a2[i], 0xA1);
    size_t marked = 0;
    for (size_t i = 10; i < 10 + pad; i++)
        marked += a2[i] == 0xEE;
    CHECK(pad == 0 || marked < pad);
    wm_heap_caps_free(a2);

    uint32_t *c = wm_heap_caps_calloc(100, sizeof(uint32_t), WM_HEAP_CAP_DEFAULT);
    REQUIRE(c);
    for (int i = 0; i < 100; i++)
        CHECK_EQ_U(c[i], 0);
    wm_heap_caps_free(c);
    CHECK_NULL(wm_heap_caps_calloc(SIZE_MAX / 4 + 1, 4, WM_HEAP_CAP_DEFAULT)); /* wraps to 0 */
    CHECK_NULL(wm_heap_caps_calloc(SIZE_MAX / 8 + 2, 8, WM_HEAP_CAP_DEFAULT)); /* wraps to 8 */
    CHECK_NULL(wm_heap_caps_calloc(0, 8, WM_HEAP_CAP_DEFAULT));
    CHECK_NULL(wm_heap_caps_calloc(8, 0, WM_HEAP_CAP_DEFAULT));
    CHECK_EQ_U(s_errors, 0);
}

static void t_bad_pointers(void)
{
    s_errors = 0;
    size_t free0 = wm_heap_get_free_size();
    static uint8_t foreign[64];
    wm_heap_caps_free(foreign + 8);
    CHECK_EQ_U(s_errors, 1);
    CHECK(s_last_reason == CAPHEAP_E_NOT_OWNED);
    uint8_t *p = wm_heap_caps_alloc(128, WM_HEAP_CAP_DEFAULT);
    REQUIRE(p);
    wm_heap_caps_free(p + 16); /* interior */
    CHECK_EQ_U(s_errors, 2);
    wm_heap_caps_free(p + 3); /* misaligned */
    CHECK_EQ_U(s_errors, 3);
    CHECK_NULL(wm_heap_caps_realloc(p + 16, 256, WMC(0)));
    CHECK_EQ_U(s_errors, 4);
    p[127] = 7; /* still live */
    wm_heap_caps_free(p);
    CHECK_EQ_SZ(wm_heap_get_free_size(), free0);
    wm_heap_caps_free(p); /* double free */
    CHECK_EQ_U(s_errors, 5);
    CHECK(s_last_reason == CAPHEAP_E_DOUBLE_FREE);
    CHECK_NULL(wm_heap_caps_realloc(p, 256, WMC(0)));
    CHECK_EQ_U(s_errors, 6);
    CHECK_EQ_SZ(wm_heap_get_free_size(), free0);
    CHECK(capheap_caps_check_integrity_all(capheap_wm_instance(), NULL, NULL));
    s_errors = 0;
    /* without an error hook: one line on the print sink */
    capheap_wm_set_error_hook(NULL, NULL);
    clear_out();
    wm_heap_caps_free(foreign + 8);
    char want[96];
    snprintf(want, sizeof want, "wm_heap: %s at %p\r\n",
             capheap_error_reason_str(CAPHEAP_E_NOT_OWNED), (void *)(foreign + 8));
    CHECK(strcmp(s_out, want) == 0);
    capheap_wm_set_error_hook(count_errors, NULL);
    CHECK_EQ_SZ(wm_heap_get_free_size(), free0);
}

static void t_prints(void)
{
    int line1 = 0, line2 = 0;
    void *a = traced_alloc(100, WM_HEAP_CAP_DEFAULT, &line1);
    void *b = wm_heap_caps_alloc(33, WM_HEAP_CAP_SHARED); /* no macro here */
    void *c = traced_alloc(7, WM_HEAP_CAP_EXEC, &line2);
    REQUIRE(a && b && c);
    int line3 = 0;
    c = traced_realloc(c, 9, WMC(0), &line3);
    REQUIRE(c);
    clear_out();
    wm_heap_print_tracing(NULL);
    char want[160];
    snprintf(want, sizeof want, "%p\t%s:%d\t100\r\n", a, tracing_part_file(), line1);
    CHECK(strstr(s_out, want) != NULL);
    snprintf(want, sizeof want, "%p\t-:-1\t33\r\n", b);
    CHECK(strstr(s_out, want) != NULL);
    snprintf(want, sizeof want, "%p\t%s:%d\t9\r\n", c, tracing_part_file(), line3);
    CHECK(strstr(s_out, want) != NULL);
    CHECK(strstr(s_out, "summary: malloc size 142, malloc count 3\r\n") != NULL);
    /* the realloc replaced the record of the first traced block of c */
    snprintf(want, sizeof want, "%s:%d\t7\r\n", tracing_part_file(), line2);
    CHECK(strstr(s_out, want) == NULL);

    clear_out();
    wm_heap_print_tracing(a);
    snprintf(want, sizeof want, "block %p in %s:%d size 100\r\n", a, tracing_part_file(), line1);
    CHECK(strstr(s_out, want) != NULL);
    CHECK(strstr(s_out, "heap: free ") != NULL);
    wm_heap_caps_free(a);
    clear_out();
    wm_heap_print_tracing(a);
    snprintf(want, sizeof want, "%p is not a live block\r\n", a);
    CHECK(strstr(s_out, want) != NULL);
    CHECK(strstr(s_out, "summary: malloc size 42, malloc count 2\r\n") != NULL);
    wm_heap_caps_free(b);
    wm_heap_caps_free(c);

    clear_out();
    wm_heap_print_stats();
    CHECK(strstr(s_out, "heap: free ") != NULL);
    CHECK(strstr(s_out, "    SRAM     free ") != NULL);
    CHECK(strstr(s_out, "    DRAM     free ") != NULL);
    CHECK(strstr(s_out, "    PSRAM    free ") != NULL);
    char tot[80];
    snprintf(tot, sizeof tot, "heap: free %lu (", (unsigned long)wm_heap_get_free_size());
    CHECK(strstr(s_out, tot) != NULL);
    snprintf(tot, sizeof tot, "minimum %lu (", (unsigned long)wm_heap_get_minimum_ever_free_size());
    CHECK(strstr(s_out, tot) != NULL);
}

static void t_overflow_sweep(void)
{
    size_t free0 = wm_heap_get_free_size();
    uint8_t *live = wm_heap_caps_alloc(32, WM_HEAP_CAP_DEFAULT);
    REQUIRE(live);
    memset(live, 0x5C, 32);
    static const wm_heap_cap_type_t caps[] = { WMC(0), WM_HEAP_CAP_DEFAULT, WM_HEAP_CAP_SHARED,
                                               WM_HEAP_CAP_EXEC, WM_HEAP_CAP_SPIRAM };
    int line;
    for (size_t k = 0; k < 1024; k++) {
        size_t sizes[3] = { SIZE_MAX - k, SIZE_MAX / 2 + k, SIZE_MAX - 48 - k };
        for (size_t s = 0; s < 3; s++) {
            for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
                CHECK_NULL(wm_heap_caps_alloc(sizes[s], caps[c]));
                CHECK_NULL(wm_heap_caps_alloc_tracing(sizes[s], caps[c], __FILE__, __LINE__));
                CHECK_NULL(wm_heap_caps_realloc(NULL, sizes[s], caps[c]));
                CHECK_NULL(wm_heap_caps_realloc(live, sizes[s], caps[c]));
                CHECK_NULL(wm_heap_caps_realloc_tracing(live, sizes[s], caps[c], __FILE__, __LINE__));
                CHECK_NULL(wm_heap_caps_calloc(1, sizes[s], caps[c]));
                CHECK_NULL(wm_heap_caps_calloc(sizes[s], 3, caps[c]));
            }
            CHECK_NULL(traced_alloc(sizes[s], WM_HEAP_CAP_DEFAULT, &line));
        }
    }
    for (int i = 0; i < 32; i++)
        CHECK_EQ_U(live[i], 0x5C);
    wm_heap_caps_free(live);
    CHECK_EQ_SZ(wm_heap_get_free_size(), free0);
    CHECK_EQ_U(s_errors, 0);
    CHECK(capheap_caps_check_integrity_all(capheap_wm_instance(), NULL, NULL));
}

static prng_t s_rng;
static wm_heap_cap_type_t pick_caps(void)
{
    static const wm_heap_cap_type_t caps[] = {
        WMC(0), WM_HEAP_CAP_DEFAULT, WM_HEAP_CAP_SHARED, WM_HEAP_CAP_EXEC,
        WMC(WM_HEAP_CAP_INTERNAL | WM_HEAP_CAP_DEFAULT), WM_HEAP_CAP_SPIRAM,
    };
    return caps[prng_range(&s_rng, 0, 5)];
}
static void *st_alloc(void *ctx, size_t n, size_t align)
{
    (void)ctx;
    (void)align;
    return wm_heap_caps_alloc(n, pick_caps());
}
static void st_free(void *ctx, void *p)
{
    (void)ctx;
    wm_heap_caps_free(p);
}
static void *st_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    /* half keep the block's caps (0), half ask new ones */
    return wm_heap_caps_realloc(p, n, prng_range(&s_rng, 0, 1) ? WMC(0) : pick_caps());
}
static bool st_validate(void *ctx)
{
    (void)ctx;
    return capheap_caps_check_integrity_all(capheap_wm_instance(), NULL, NULL);
}
static size_t st_free_bytes(void *ctx)
{
    (void)ctx;
    return wm_heap_get_free_size();
}

static void t_stress(void)
{
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x800);
    prng_init(&s_rng, seed ^ 0x57u);
    stress_ops_t ops = { 0 };
    ops.alloc = st_alloc;
    ops.free = st_free;
    ops.realloc = st_realloc;
    ops.validate = st_validate;
    ops.free_bytes = st_free_bytes;
    stress_config_t cfg = stress_config_default();
    cfg.name = "wm_heap";
    cfg.seed = seed;
    /* the internal memories; PSRAM takes the rest of the load */
    cfg.capacity = 2 * 248 * 1024;
    cfg.min_size = 1;
    cfg.max_size = 16384;
    cfg.dist = STRESS_DIST_LOG;
    cfg.flags = STRESS_REALLOC | STRESS_ZERO;
    cfg.min_align = 8;
    cfg.ops = 3000;
    cfg.validate_every = 10;
    for (unsigned fill = 50; fill <= 100; fill += 50) {
        cfg.fill_percent = fill;
        cfg.stream = fill;
        CHECK(stress_run(&ops, &cfg, NULL));
    }
    CHECK_EQ_U(s_errors, 0);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_before_init);
    RUN(t_init_and_memories);
    RUN(t_realloc_calloc);
    RUN(t_bad_pointers);
    RUN(t_prints);
    RUN(t_overflow_sweep);
    RUN(t_stress);
    return check_summary("wm.api");
}
