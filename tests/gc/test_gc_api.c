/*
 * GC heap (issue 6): the native API on heaps in static buffers. Roots are
 * given explicitly (a registered array, collect_root), so what survives is
 * exactly what the test makes reachable.
 */
#include "capheap/gc.h"
#include "check.h"

#include <string.h>

#define B CAPHEAP_GC_BLOCK

static _Alignas(64) unsigned char mem_a[64 * 1024];
static _Alignas(64) unsigned char mem_b[16 * 1024];
static _Alignas(64) unsigned char mem_c[16 * 1024];

static void *roots[64];

static capheap_gc_t *make(unsigned char *mem, size_t size, capheap_gc_config_t *cfg)
{
    capheap_gc_config_t def;
    if (!cfg) {
        capheap_gc_config_init(&def);
        cfg = &def;
    }
    capheap_gc_t *gc = NULL;
    memset(mem, 0xA5, size); /* tables and blocks must not rely on zeroed memory */
    if (capheap_gc_create(cfg, mem, size, &gc) != CAPHEAP_OK)
        return NULL;
    memset(roots, 0, sizeof roots);
    capheap_gc_add_root_range(gc, roots, roots + 64);
    return gc;
}

static bool live(capheap_gc_t *gc, const void *p)
{
    return capheap_gc_size(gc, p) != 0;
}

static void t_alloc_basics(void)
{
    capheap_gc_t *gc = make(mem_a, sizeof mem_a, NULL);
    REQUIRE(gc);
    capheap_gc_info_t info;
    capheap_gc_get_info(gc, &info);
    /* the table arithmetic: blocks use most of the memory */
    CHECK(info.total > sizeof mem_a * 9 / 10);
    CHECK(info.total <= sizeof mem_a);
    CHECK_EQ_SZ(info.used, 0);
    CHECK_EQ_SZ(info.free, info.total);
    CHECK_EQ_SZ(info.max_free * B, info.total);

    unsigned char *p = (unsigned char *)capheap_gc_alloc(gc, 1, 0);
    REQUIRE(p);
    CHECK_EQ_U((uintptr_t)p % B, 0);
    CHECK_EQ_SZ(capheap_gc_size(gc, p), B);
    unsigned char *q = (unsigned char *)capheap_gc_alloc(gc, 3 * B + 1, 0);
    REQUIRE(q);
    CHECK_EQ_SZ(capheap_gc_size(gc, q), 4 * B);
    for (size_t i = 0; i < 4 * B; i++)
        REQUIRE(q[i] == 0); /* zeroed although the buffer was 0xA5 */
    void *z = capheap_gc_alloc(gc, 0, 0);
    roots[0] = p;
    roots[1] = q;
    roots[2] = z;
    CHECK_EQ_SZ(capheap_gc_size(gc, z), B);
    CHECK_NULL(capheap_gc_alloc(gc, SIZE_MAX, 0));
    CHECK_NULL(capheap_gc_alloc(gc, SIZE_MAX - B, 0));
    CHECK_NULL(capheap_gc_alloc(gc, sizeof mem_a, 0)); /* more than the heap */

    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.used, 6 * B);
    CHECK_EQ_SZ(info.num_1block, 2);
    CHECK_EQ_SZ(info.num_2block, 0);
    CHECK_EQ_SZ(info.max_block, 4);
    CHECK_EQ_SZ(capheap_gc_used_bytes(gc), 6 * B);
    CHECK_EQ_SZ(capheap_gc_free_bytes(gc), info.total - 6 * B);

    /* first fit: a freed hole is reused */
    capheap_gc_free(gc, p);
    roots[0] = NULL;
    CHECK_EQ_SZ(capheap_gc_size(gc, p), 0);
    void *p2 = capheap_gc_alloc(gc, B, 0);
    CHECK(p2 == p);
    /* a 2-block request does not fit the 1-block hole */
    capheap_gc_free(gc, p2);
    void *r = capheap_gc_alloc(gc, 2 * B, 0);
    CHECK(r != p && r);
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.num_2block, 1);
    capheap_gc_destroy(gc);
}

static void t_realloc(void)
{
    capheap_gc_t *gc = make(mem_a, sizeof mem_a, NULL);
    REQUIRE(gc);
    unsigned char *p = (unsigned char *)capheap_gc_alloc(gc, B, 0);
    REQUIRE(p);
    memset(p, 7, B);
    /* grows in place (following blocks are free), new part zeroed */
    unsigned char *q = (unsigned char *)capheap_gc_realloc(gc, p, 3 * B, false);
    CHECK(q == p);
    CHECK_EQ_SZ(capheap_gc_size(gc, p), 3 * B);
    CHECK(p[B - 1] == 7 && p[B] == 0 && p[3 * B - 1] == 0);
    /* blocked behind: in place impossible */
    void *wall = capheap_gc_alloc(gc, B, 0);
    CHECK(wall == p + 3 * B);
    CHECK_NULL(capheap_gc_realloc(gc, p, 5 * B, false));
    CHECK_EQ_SZ(capheap_gc_size(gc, p), 3 * B); /* untouched */
    roots[0] = p;
    roots[1] = wall;
    unsigned char *m = (unsigned char *)capheap_gc_realloc(gc, p, 5 * B, true);
    REQUIRE(m && m != p);
    CHECK(m[0] == 7 && m[B - 1] == 7 && m[B] == 0);
    CHECK_EQ_SZ(capheap_gc_size(gc, m), 5 * B);
    CHECK_EQ_SZ(capheap_gc_size(gc, p), 0); /* old one freed */
    /* shrink in place frees the tail */
    CHECK(capheap_gc_realloc(gc, m, B, false) == m);
    CHECK_EQ_SZ(capheap_gc_size(gc, m), B);
    CHECK(capheap_gc_alloc(gc, 4 * B, 0) == m + B);
    /* NULL = alloc, 0 = free */
    void *n = capheap_gc_realloc(gc, NULL, 10, true);
    CHECK_EQ_SZ(capheap_gc_size(gc, n), B);
    CHECK_NULL(capheap_gc_realloc(gc, n, 0, true));
    CHECK_EQ_SZ(capheap_gc_size(gc, n), 0);
    /* the finaliser flag moves with the object */
    void *f = capheap_gc_alloc(gc, B, CAPHEAP_GC_FINALISER);
    void *g = capheap_gc_alloc(gc, B, 0);
    (void)g;
    CHECK(capheap_gc_has_finaliser(gc, f));
    void *f2 = capheap_gc_realloc(gc, f, 8 * B, true);
    CHECK(f2 != f && capheap_gc_has_finaliser(gc, f2));
    capheap_gc_destroy(gc);
}

/* Error hook recording the last report. */
static int last_reason;
static const void *last_where;
static void on_error(void *ctx, capheap_error_reason_t why, const void *where)
{
    (void)ctx;
    last_reason = (int)why;
    last_where = where;
}

static void t_bad_input(void)
{
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.error_hook = on_error;
    capheap_gc_t *gc = make(mem_a, sizeof mem_a, &cfg);
    REQUIRE(gc);
    unsigned char *p = (unsigned char *)capheap_gc_alloc(gc, 2 * B, 0);
    REQUIRE(p);
    static uintptr_t foreign[8];
    last_reason = 0;
    capheap_gc_free(gc, foreign);
    CHECK_EQ_U(last_reason, CAPHEAP_E_NOT_OWNED);
    CHECK(last_where == foreign);
    capheap_gc_free(gc, p + 4);
    CHECK_EQ_U(last_reason, CAPHEAP_E_MISALIGNED);
    capheap_gc_free(gc, p + B);
    CHECK_EQ_U(last_reason, CAPHEAP_E_BAD_HEADER);
    CHECK_EQ_SZ(capheap_gc_size(gc, p), 2 * B); /* still whole */
    capheap_gc_free(gc, p);
    last_reason = 0;
    capheap_gc_free(gc, p);
    CHECK_EQ_U(last_reason, CAPHEAP_E_DOUBLE_FREE);
    last_reason = 0;
    capheap_gc_free(gc, NULL);
    CHECK_EQ_U(last_reason, 0);
    CHECK_NULL(capheap_gc_realloc(gc, foreign, 10, true));
    CHECK_EQ_U(last_reason, CAPHEAP_E_NOT_OWNED);
    CHECK_EQ_SZ(capheap_gc_size(gc, foreign), 0);
    CHECK_EQ_SZ(capheap_gc_size(gc, NULL), 0);
    CHECK(!capheap_gc_never_free(gc, foreign));

    /* creation errors */
    capheap_gc_t *x = NULL;
    CHECK_EQ_U(capheap_gc_create(NULL, mem_b, sizeof mem_b, &x), CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_U(capheap_gc_create(&cfg, NULL, sizeof mem_b, &x), CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_U(capheap_gc_create(&cfg, mem_b, 16, &x), CAPHEAP_ERR_TOO_SMALL);
    CHECK_EQ_U(capheap_gc_create(&cfg, (void *)(UINTPTR_MAX - 4095u), 8192, &x),
               CAPHEAP_ERR_INVALID_ARG); /* wraps: refused before any write */
    CHECK_NULL(x);
    CHECK_EQ_U(capheap_gc_create(&cfg, mem_b, sizeof mem_b, NULL), CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_U(capheap_gc_add_area(gc, mem_a + 100, 1000), CAPHEAP_ERR_OVERLAP);
    CHECK_EQ_U(capheap_gc_add_area(gc, mem_b, 8), CAPHEAP_ERR_TOO_SMALL);
    CHECK_EQ_U(capheap_gc_add_area(gc, NULL, 100), CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_U(capheap_gc_add_root_range(gc, (char *)roots + 1, roots + 2),
               CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_U(capheap_gc_remove_root_range(gc, roots, roots + 1), CAPHEAP_ERR_NOT_FOUND);
    /* the root table is bounded (one range is taken by make) */
    static uintptr_t extra[CAPHEAP_GC_ROOT_RANGES];
    for (int i = 1; i < CAPHEAP_GC_ROOT_RANGES; i++)
        CHECK_EQ_U(capheap_gc_add_root_range(gc, &extra[i], &extra[i] + 1), CAPHEAP_OK);
    CHECK_EQ_U(capheap_gc_add_root_range(gc, &extra[0], &extra[0] + 1), CAPHEAP_ERR_NO_MEM);
    CHECK_EQ_U(capheap_gc_remove_root_range(gc, &extra[3], &extra[3] + 1), CAPHEAP_OK);
    CHECK_EQ_U(capheap_gc_add_root_range(gc, &extra[0], &extra[0] + 1), CAPHEAP_OK);
    /* realloc to a huge size: NULL, object untouched */
    unsigned char *h = (unsigned char *)capheap_gc_alloc(gc, B, 0);
    REQUIRE(h);
    h[0] = 9;
    CHECK_NULL(capheap_gc_realloc(gc, h, SIZE_MAX, true));
    CHECK_NULL(capheap_gc_realloc(gc, h, sizeof mem_a, true));
    CHECK_EQ_SZ(capheap_gc_size(gc, h), B);
    CHECK(h[0] == 9);
    /* NULL instance: nothing happens */
    CHECK_NULL(capheap_gc_alloc(NULL, 8, 0));
    capheap_gc_free(NULL, p);
    CHECK_EQ_SZ(capheap_gc_collect(NULL), 0);
    capheap_gc_destroy(gc);
}

static void t_reachability(void)
{
    capheap_gc_t *gc = make(mem_a, sizeof mem_a, NULL);
    REQUIRE(gc);
    /* a chain a -> b -> c rooted at a; d unreachable; e given as collect_root */
    void **a = (void **)capheap_gc_alloc(gc, 4 * sizeof(void *), 0);
    void **b = (void **)capheap_gc_alloc(gc, 8 * sizeof(void *), 0);
    void **c = (void **)capheap_gc_alloc(gc, sizeof(void *), 0);
    void **d = (void **)capheap_gc_alloc(gc, sizeof(void *), 0);
    void **e = (void **)capheap_gc_alloc(gc, sizeof(void *), 0);
    REQUIRE(a && b && c && d && e);
    a[3] = b;
    b[7] = c; /* last word of a 2-block object */
    d[0] = a; /* d points at live things but nothing points at d */
    roots[5] = a;
    capheap_gc_collect_start(gc);
    capheap_gc_collect_root(gc, (void *const *)&e, 1);
    size_t freed = capheap_gc_collect_end(gc);
    CHECK_EQ_SZ(freed, 1);
    CHECK(live(gc, a) && live(gc, b) && live(gc, c) && live(gc, e));
    CHECK(!live(gc, d));
    CHECK(a[3] == b && b[7] == c); /* contents intact */
    /* without e as root it goes */
    CHECK_EQ_SZ(capheap_gc_collect(gc), 1);
    CHECK(!live(gc, e));
    /* cutting the root frees the whole chain, blocks counted */
    roots[5] = NULL;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 1 + 2 + 1);
    CHECK(!live(gc, a) && !live(gc, b) && !live(gc, c));
    CHECK_EQ_SZ(capheap_gc_used_bytes(gc), 0);
    capheap_gc_info_t info;
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.collections, 3);
    capheap_gc_destroy(gc);
}

static void t_cycles_and_handles(void)
{
    capheap_gc_t *gc = make(mem_a, sizeof mem_a, NULL);
    REQUIRE(gc);
    /* a ring of 50 objects, rooted by one member */
    void **first = NULL, **prev = NULL;
    for (int i = 0; i < 50; i++) {
        void **o = (void **)capheap_gc_alloc(gc, 2 * sizeof(void *), 0);
        REQUIRE(o);
        if (prev)
            prev[0] = o;
        else
            first = o;
        prev = o;
    }
    prev[0] = first;
    roots[0] = prev;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 0);
    CHECK_EQ_SZ(capheap_gc_used_bytes(gc), 50 * B);
    roots[0] = NULL;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 50); /* the cycle alone keeps nothing */

    /* tagged handles are not references */
    void *o = capheap_gc_alloc(gc, B, 0);
    REQUIRE(o);
    capheap_gc_handle_t h = capheap_gc_from_ptr(o);
    CHECK(capheap_gc_is_ptr(h) && !capheap_gc_is_small_int(h));
    CHECK(capheap_gc_to_ptr(h) == o);
    roots[0] = (void *)(h | 1u);                        /* small-int shape */
    roots[1] = (void *)(((uintptr_t)o << 3) | 2u);      /* qstr shape */
    roots[2] = (void *)(((uintptr_t)o << 3) | 6u);      /* immediate shape */
    roots[3] = (void *)capheap_gc_from_small_int((intptr_t)((uintptr_t)o >> 1));
    CHECK_EQ_SZ(capheap_gc_collect(gc), 1);
    CHECK(!live(gc, o));
    /* helpers round-trip */
    CHECK_EQ_U((uintptr_t)capheap_gc_to_small_int(capheap_gc_from_small_int(-12345)),
               (uintptr_t)(intptr_t)-12345);
    CHECK_EQ_U(capheap_gc_to_small_int(capheap_gc_from_small_int(777)), 777);
    CHECK(capheap_gc_is_small_int(capheap_gc_from_small_int(-1)));
    CHECK(capheap_gc_is_qstr(capheap_gc_from_qstr(42)));
    CHECK(!capheap_gc_is_immediate(capheap_gc_from_qstr(42)));
    CHECK(!capheap_gc_is_ptr(capheap_gc_from_qstr(42)));
    CHECK_EQ_U(capheap_gc_to_qstr(capheap_gc_from_qstr(42)), 42);
    CHECK(capheap_gc_is_immediate(capheap_gc_from_immediate(3)));
    CHECK(!capheap_gc_is_qstr(capheap_gc_from_immediate(3)));
    CHECK_EQ_U(capheap_gc_to_immediate(capheap_gc_from_immediate(3)), 3);
    memset(roots, 0, sizeof roots);
    capheap_gc_destroy(gc);
}

static void t_interior(void)
{
    /* default: a pointer into the middle (TAIL block or mid-block) keeps
     * nothing alive */
    capheap_gc_t *gc = make(mem_a, sizeof mem_a, NULL);
    REQUIRE(gc);
    char *o = (char *)capheap_gc_alloc(gc, 3 * B, 0);
    REQUIRE(o);
    roots[0] = o + B;
    roots[1] = o + 8;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 3);
    capheap_gc_destroy(gc);
    /* CAPHEAP_GC_INTERIOR: they do */
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.flags = CAPHEAP_GC_INTERIOR;
    gc = make(mem_a, sizeof mem_a, &cfg);
    REQUIRE(gc);
    char *x = (char *)capheap_gc_alloc(gc, 3 * B, 0);
    char *y = (char *)capheap_gc_alloc(gc, 3 * B, 0);
    char *z = (char *)capheap_gc_alloc(gc, 3 * B, 0);
    REQUIRE(x && y && z);
    roots[0] = x + 2 * B + 5;
    roots[1] = y + 1;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 3);
    CHECK(live(gc, x) && live(gc, y) && !live(gc, z));
    memset(roots, 0, sizeof roots);
    capheap_gc_destroy(gc);
}

/* Finaliser recorder: each call logged once; allocation inside fails. */
static capheap_gc_t *fin_gc;
static void *fin_seen[64];
static int fin_calls;
static int fin_alloc_ok;
static size_t fin_used_at_call;
static void finaliser(void *ctx, void *obj)
{
    (void)ctx;
    if (fin_calls < 64)
        fin_seen[fin_calls] = obj;
    fin_calls++;
    if (capheap_gc_alloc(fin_gc, 8, 0))
        fin_alloc_ok++;
    capheap_gc_free(fin_gc, obj); /* ignored */
    fin_used_at_call = ((size_t *)obj)[0];
}

static void t_finalisers(void)
{
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.finaliser = finaliser;
    fin_gc = make(mem_a, sizeof mem_a, &cfg);
    REQUIRE(fin_gc);
    capheap_gc_t *gc = fin_gc;
    size_t *f1 = (size_t *)capheap_gc_alloc(gc, B, CAPHEAP_GC_FINALISER);
    size_t *f2 = (size_t *)capheap_gc_alloc(gc, 3 * B, CAPHEAP_GC_FINALISER);
    size_t *n1 = (size_t *)capheap_gc_alloc(gc, B, 0);
    REQUIRE(f1 && f2 && n1);
    f1[0] = 11;
    f2[0] = 22;
    CHECK(capheap_gc_has_finaliser(gc, f1) && !capheap_gc_has_finaliser(gc, n1));
    fin_calls = 0;
    fin_alloc_ok = 0;
    roots[0] = f2;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 2); /* f1 and n1 */
    CHECK_EQ_U(fin_calls, 1);
    CHECK(fin_seen[0] == f1);
    CHECK_EQ_U(fin_used_at_call, 11); /* called before the block was freed */
    CHECK_EQ_U(fin_alloc_ok, 0);
    /* again: f1 is gone, its finaliser is not called twice */
    CHECK_EQ_SZ(capheap_gc_collect(gc), 0);
    CHECK_EQ_U(fin_calls, 1);
    /* explicit free never calls it */
    size_t *f3 = (size_t *)capheap_gc_alloc(gc, B, CAPHEAP_GC_FINALISER);
    capheap_gc_free(gc, f3);
    CHECK_EQ_SZ(capheap_gc_collect(gc), 0);
    CHECK_EQ_U(fin_calls, 1);
    /* sweep_all runs the remaining ones, ignoring roots */
    CHECK_EQ_SZ(capheap_gc_sweep_all(gc), 3);
    CHECK_EQ_U(fin_calls, 2);
    CHECK(fin_seen[1] == f2);
    CHECK_EQ_U(fin_used_at_call, 22);
    CHECK_EQ_SZ(capheap_gc_used_bytes(gc), 0);
    roots[0] = NULL;
    capheap_gc_destroy(gc);
}

/* Watchdog hook counter. */
static unsigned hook_calls;
static void hook(void *ctx)
{
    (void)ctx;
    hook_calls++;
}

static void t_mark_stack_overflow(void)
{
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.mark_stack = 1; /* as small as it gets */
    cfg.hook = hook;
    capheap_gc_t *gc = make(mem_a, sizeof mem_a, &cfg);
    REQUIRE(gc);
    /* a wide tree: root -> 200 children each -> 3 grandchildren, allocated
     * in an order that puts children before their parent in the heap, and a
     * long list built backwards */
    enum { KIDS = 120 };
    void **top = (void **)capheap_gc_alloc(gc, KIDS * sizeof(void *), 0);
    REQUIRE(top);
    size_t expect = capheap_gc_size(gc, top) / B;
    for (int i = 0; i < KIDS; i++) {
        void **k = (void **)capheap_gc_alloc(gc, 3 * sizeof(void *), 0);
        REQUIRE(k);
        expect += 1;
        for (int j = 0; j < 3; j++) {
            k[j] = capheap_gc_alloc(gc, B, 0);
            REQUIRE(k[j]);
            expect += 1;
        }
        top[i] = k;
    }
    void *list = NULL;
    for (int i = 0; i < 300; i++) {
        void **o = (void **)capheap_gc_alloc(gc, 2 * B, 0);
        REQUIRE(o);
        o[3] = list;
        list = o;
        expect += 2;
    }
    /* garbage mixed in */
    for (int i = 0; i < 50; i++)
        capheap_gc_alloc(gc, B, 0);
    roots[0] = top;
    roots[1] = list;
    hook_calls = 0;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 50);
    CHECK_EQ_SZ(capheap_gc_used_bytes(gc), expect * B);
    CHECK(hook_calls > 0);
    /* everything reachable is still there */
    for (int i = 0; i < KIDS; i++) {
        void **k = (void **)top[i];
        REQUIRE(live(gc, k));
        for (int j = 0; j < 3; j++)
            CHECK(live(gc, k[j]));
    }
    int n = 0;
    for (void **o = (void **)list; o; o = (void **)o[3]) {
        REQUIRE(live(gc, o));
        n++;
    }
    CHECK_EQ_U(n, 300);
    roots[0] = roots[1] = NULL;
    CHECK_EQ_SZ(capheap_gc_collect(gc), expect);
    capheap_gc_destroy(gc);
}

static void t_split_areas(void)
{
    capheap_gc_t *gc = make(mem_b, sizeof mem_b, NULL);
    REQUIRE(gc);
    CHECK_EQ_SZ(capheap_gc_area_count(gc), 1);
    size_t total1 = capheap_gc_free_bytes(gc);
    CHECK_EQ_U(capheap_gc_add_area(gc, mem_c, sizeof mem_c), CAPHEAP_OK);
    CHECK_EQ_U(capheap_gc_add_area(gc, mem_c, sizeof mem_c), CAPHEAP_ERR_OVERLAP);
    CHECK_EQ_SZ(capheap_gc_area_count(gc), 2);
    CHECK(capheap_gc_free_bytes(gc) > total1);
    /* fill both areas; objects in the second area link to the first */
    void **prev = NULL;
    size_t count = 0;
    bool in_c = false;
    capheap_gc_disable(gc);
    for (;;) {
        void **o = (void **)capheap_gc_alloc(gc, 2 * B, 0);
        if (!o)
            break;
        o[0] = prev;
        prev = o;
        count++;
        if ((unsigned char *)o >= mem_c && (unsigned char *)o < mem_c + sizeof mem_c)
            in_c = true;
    }
    CHECK(in_c);
    CHECK(count > (sizeof mem_b + sizeof mem_c) / (2 * B) * 8 / 10);
    roots[0] = prev;
    CHECK_EQ_SZ(capheap_gc_collect(gc), 0);
    capheap_gc_info_t info;
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.areas, 2);
    CHECK_EQ_SZ(info.used, count * 2 * B);
    roots[0] = NULL;
    CHECK_EQ_SZ(capheap_gc_collect(gc), count * 2);
    capheap_gc_destroy(gc);
}

static void t_policy(void)
{
    capheap_gc_t *gc = make(mem_b, sizeof mem_b, NULL);
    REQUIRE(gc);
    CHECK(capheap_gc_is_enabled(gc));
    /* collection on failure: garbage of 20 heaps' worth is allocated
     * without one failure, collecting whenever the heap is full */
    capheap_gc_info_t info;
    capheap_gc_get_info(gc, &info);
    size_t cap = info.total / B;
    size_t ok = 0;
    for (size_t i = 0; i < 20 * cap; i++)
        ok += capheap_gc_alloc(gc, B, 0) != NULL;
    CHECK_EQ_SZ(ok, 20 * cap);
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.collections, 19);
    capheap_gc_sweep_all(gc);

    /* disabled: a full heap just fails */
    capheap_gc_disable(gc);
    CHECK(!capheap_gc_is_enabled(gc));
    size_t n = 0;
    while (capheap_gc_alloc(gc, B, 0))
        n++;
    capheap_gc_get_info(gc, &info);
    size_t c0 = info.collections;
    CHECK_EQ_SZ(n * B, info.total);
    CHECK_NULL(capheap_gc_alloc(gc, B, 0));
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.collections, c0);
    capheap_gc_enable(gc);
    CHECK(capheap_gc_alloc(gc, B, 0) != NULL); /* collected, then served */
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.collections, c0 + 1);
    capheap_gc_sweep_all(gc);

    /* threshold: a collection every 64 blocks allocated */
    CHECK_EQ_SZ(capheap_gc_get_threshold(gc), SIZE_MAX);
    capheap_gc_set_threshold(gc, 64 * B);
    CHECK_EQ_SZ(capheap_gc_get_threshold(gc), 64 * B);
    capheap_gc_get_info(gc, &info);
    c0 = info.collections;
    for (int i = 0; i < 64 * 5; i++)
        CHECK(capheap_gc_alloc(gc, B, 0));
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.collections - c0, 4); /* at the 65th, 129th, 193rd, 257th */
    CHECK_EQ_SZ(info.used, 64 * B);        /* garbage went each time */
    capheap_gc_set_threshold(gc, SIZE_MAX);
    CHECK_EQ_SZ(capheap_gc_get_threshold(gc), SIZE_MAX);

    /* lock: nested, every allocation fails, frees are ignored */
    void *keep = capheap_gc_alloc(gc, B, 0);
    REQUIRE(keep);
    capheap_gc_lock(gc);
    capheap_gc_lock(gc);
    CHECK(capheap_gc_is_locked(gc));
    CHECK_NULL(capheap_gc_alloc(gc, B, 0));
    CHECK_NULL(capheap_gc_realloc(gc, keep, 4 * B, true));
    capheap_gc_free(gc, keep);
    CHECK(live(gc, keep));
    capheap_gc_unlock(gc);
    CHECK(capheap_gc_is_locked(gc));
    CHECK_NULL(capheap_gc_alloc(gc, B, 0));
    capheap_gc_unlock(gc);
    CHECK(!capheap_gc_is_locked(gc));
    capheap_gc_unlock(gc); /* extra unlock: harmless */
    CHECK(!capheap_gc_is_locked(gc));
    CHECK(capheap_gc_alloc(gc, B, 0) != NULL);

    /* between collect_start and collect_end the collecting thread cannot
     * allocate */
    capheap_gc_collect_start(gc);
    CHECK_NULL(capheap_gc_alloc(gc, B, 0));
    capheap_gc_collect_end(gc);
    CHECK(capheap_gc_alloc(gc, B, 0) != NULL);
    /* collect_root outside a collection does nothing */
    capheap_gc_collect_root(gc, (void *const *)&keep, 1);
    CHECK_EQ_SZ(capheap_gc_collect_end(gc), 0);

    /* never_free: a permanent root */
    void *pinned[10];
    for (int i = 0; i < 10; i++) {
        pinned[i] = capheap_gc_alloc(gc, B, 0);
        CHECK(capheap_gc_never_free(gc, pinned[i]));
    }
    capheap_gc_collect(gc);
    for (int i = 0; i < 10; i++)
        CHECK(live(gc, pinned[i]));
    capheap_gc_destroy(gc);
}

static char text[8192];
static size_t len;
static void sink(void *ctx, const char *t)
{
    (void)ctx;
    size_t n = strlen(t);
    if (len + n < sizeof text) {
        memcpy(text + len, t, n + 1);
        len += n;
    }
}

static void t_instances_and_dump(void)
{
    /* two heaps at once: each keeps its own objects */
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    capheap_gc_t *g1 = NULL, *g2 = NULL;
    REQUIRE(capheap_gc_create(&cfg, mem_b, sizeof mem_b, &g1) == CAPHEAP_OK);
    REQUIRE(capheap_gc_create(&cfg, mem_c, sizeof mem_c, &g2) == CAPHEAP_OK);
    static void *r1[2], *r2[2];
    capheap_gc_add_root_range(g1, r1, r1 + 2);
    capheap_gc_add_root_range(g2, r2, r2 + 2);
    void **a = (void **)capheap_gc_alloc(g1, B, CAPHEAP_GC_FINALISER);
    void **b = (void **)capheap_gc_alloc(g2, B, 0);
    void *a2 = capheap_gc_alloc(g1, 2 * B, 0);
    REQUIRE(a && b && a2);
    /* a root of g2 pointing into g1 keeps nothing in g1 */
    r2[0] = a;
    r1[0] = a2;
    CHECK_EQ_SZ(capheap_gc_collect(g1), 1);
    CHECK_EQ_SZ(capheap_gc_collect(g2), 1);
    CHECK_EQ_SZ(capheap_gc_size(g1, b), 0); /* not g1's */
    CHECK_EQ_U(capheap_gc_remove_root_range(g1, r1, r1 + 2), CAPHEAP_OK);
    /* dump: one character per block */
    len = 0;
    text[0] = 0;
    void **h = (void **)capheap_gc_alloc(g1, 3 * B, CAPHEAP_GC_FINALISER);
    REQUIRE(h);
    CHECK(capheap_gc_alloc(g1, 1, 0) != NULL);
    capheap_gc_dump_alloc_table(g1, sink, NULL);
    /* the new one (h, in a's hole), a2 (h=), h (f==), then free blocks */
    CHECK(strstr(text, "000000 hh=f==....") != NULL);
    CHECK(strstr(text, "blocks ") != NULL);
    len = 0;
    text[0] = 0;
    capheap_gc_dump_info(g1, sink, NULL);
    CHECK(strstr(text, "GC: total: ") != NULL);
    CHECK(strstr(text, "No. of 1-blocks: 1, 2-blocks: 1, max blk sz: 3") != NULL);
    capheap_gc_destroy(g1);
    capheap_gc_destroy(g2);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_alloc_basics);
    RUN(t_realloc);
    RUN(t_bad_input);
    RUN(t_reachability);
    RUN(t_cycles_and_handles);
    RUN(t_interior);
    RUN(t_finalisers);
    RUN(t_mark_stack_overflow);
    RUN(t_split_areas);
    RUN(t_policy);
    RUN(t_instances_and_dump);
    return check_summary("gc.api");
}
