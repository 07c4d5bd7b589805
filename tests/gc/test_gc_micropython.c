/*
 * MicroPython py/gc.h compatibility (issue 6) with capheap's default
 * gc_collect (a conservative scan of this thread's stack): objects whose
 * only reference is a local variable survive; garbage goes; allocation
 * failure collects through gc_collect; the `gc` module operations.
 */
#include "capheap_micropython.h"
#include "check.h"
#include "py/gc.h"

#include <string.h>

#define B CAPHEAP_GC_BLOCK

static _Alignas(64) unsigned char heap1[64 * 1024];
static _Alignas(64) unsigned char heap2[16 * 1024];

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

static void t_before_init(void)
{
    CHECK_NULL(gc_alloc(16, 0));
    CHECK_EQ_SZ(gc_nbytes(heap1), 0);
    CHECK(!gc_is_locked());
    CHECK_EQ_U((unsigned long long)capheap_mp_gc_mem_alloc(), (unsigned long long)-1);
    gc_info_t info;
    gc_info(&info);
    CHECK_EQ_SZ(info.total, 0);
}

/* Allocates n objects nothing will reference once it returns. */
static NOINLINE void make_garbage(int n)
{
    for (int i = 0; i < n; i++) {
        volatile void *p = gc_alloc(3 * B, 0);
        (void)p;
    }
}

static NOINLINE void **make_list(int n)
{
    void **head = NULL;
    for (int i = 0; i < n; i++) {
        void **o = (void **)gc_alloc(2 * sizeof(void *), 0);
        if (!o)
            return NULL;
        o[0] = head;
        o[1] = (void *)(uintptr_t)(2 * i + 1);
        head = o;
    }
    return head;
}

static void t_stack_roots(void)
{
    gc_init(heap1, heap1 + sizeof heap1);
    REQUIRE(capheap_micropython_instance());
    gc_info_t info;
    gc_info(&info);
    CHECK(info.total > sizeof heap1 * 9 / 10);
    CHECK_EQ_SZ(info.used, 0);
    CHECK_EQ_SZ(info.free, info.total);
    CHECK_EQ_SZ(info.max_free * B, info.total);

    void **volatile list = make_list(200);
    REQUIRE(list);
    make_garbage(100);
    ptrdiff_t before = capheap_mp_gc_mem_alloc();
    CHECK_EQ_U((unsigned long long)before, (200 * 1 + 100 * 3) * B);
    size_t freed = capheap_mp_gc_collect();
    /* the list (reachable from a local) survives; nearly all garbage goes
     * (a stale copy in a dead stack slot may keep one or two) */
    int n = 0;
    for (void **o = list; o; o = (void **)o[0]) {
        REQUIRE(gc_nbytes(o) == B);
        CHECK_EQ_U((uintptr_t)o[1], (uintptr_t)(2 * (199 - n) + 1));
        n++;
    }
    CHECK_EQ_U(n, 200);
    CHECK(freed >= 90 * 3);
    CHECK(capheap_mp_gc_mem_alloc() <= before - 90 * 3 * (ptrdiff_t)B);

    /* allocation failure calls gc_collect: 10 heaps of garbage go through
     * while the list stays */
    size_t ok = 0;
    for (int i = 0; i < 10 * (int)(sizeof heap1 / (3 * B)); i++)
        ok += gc_alloc(3 * B, 0) != NULL;
    CHECK_EQ_SZ(ok, 10 * (sizeof heap1 / (3 * B)));
    n = 0;
    for (void **o = list; o; o = (void **)o[0])
        n++;
    CHECK_EQ_U(n, 200);
    list = NULL;
}

static void t_api(void)
{
    gc_init(heap1, heap1 + sizeof heap1);
    void *volatile keep = gc_alloc(B, 0);
    REQUIRE(keep);
    /* realloc, nbytes */
    void *volatile r = gc_realloc(keep, 3 * B, false);
    CHECK(r == keep);
    CHECK_EQ_SZ(gc_nbytes(keep), 3 * B);
    CHECK_EQ_SZ(gc_nbytes((char *)keep + B), 0);
    /* lock */
    gc_lock();
    gc_lock();
    CHECK(gc_is_locked());
    CHECK_NULL(gc_alloc(8, 0));
    gc_unlock();
    CHECK_NULL(gc_alloc(8, 0));
    gc_unlock();
    CHECK(!gc_is_locked());
    void *volatile x = gc_alloc(8, 0);
    CHECK(x != NULL);
    gc_free(x);
    CHECK_EQ_SZ(gc_nbytes(x), 0);
    gc_free(NULL);
    gc_free(heap2); /* foreign: ignored */
    /* gc module */
    CHECK(capheap_mp_gc_isenabled());
    capheap_mp_gc_disable();
    CHECK(!capheap_mp_gc_isenabled());
    capheap_mp_gc_enable();
    CHECK(capheap_mp_gc_isenabled());
    CHECK_EQ_U((unsigned long long)capheap_mp_gc_threshold_get(), (unsigned long long)-1);
    capheap_mp_gc_threshold_set(4096);
    CHECK_EQ_U((unsigned long long)capheap_mp_gc_threshold_get(), 4096);
    capheap_mp_gc_threshold_set(-1);
    CHECK_EQ_U((unsigned long long)capheap_mp_gc_threshold_get(), (unsigned long long)-1);
    gc_info_t info;
    gc_info(&info);
    CHECK_EQ_U((unsigned long long)capheap_mp_gc_mem_alloc(), info.used);
    CHECK_EQ_U((unsigned long long)capheap_mp_gc_mem_free(), info.free);
    CHECK_EQ_SZ(info.max_block, 3);
    /* split heap */
    gc_add(heap2, heap2 + sizeof heap2);
    gc_info_t info2;
    gc_info(&info2);
    CHECK(info2.total > info.total + sizeof heap2 * 9 / 10);
    CHECK_EQ_SZ(capheap_gc_area_count(capheap_micropython_instance()), 2);
    /* never_free: survives although nothing references it */
    void *pinned = gc_alloc(5 * B, 0);
    REQUIRE(pinned);
    uintptr_t pinned_addr = (uintptr_t)pinned;
    pinned = NULL;
    CHECK(gc_never_free((void *)pinned_addr));
    CHECK(!gc_never_free(heap2 + 3));
    capheap_mp_gc_collect();
    CHECK_EQ_SZ(gc_nbytes((void *)pinned_addr), 5 * B);
    (void)r;
}

static char out[4096];
static size_t out_len;
static void strn(void *data, const char *s, size_t n)
{
    CHECK(data == out);
    if (out_len + n < sizeof out) {
        memcpy(out + out_len, s, n);
        out_len += n;
        out[out_len] = 0;
    }
}

static int finalised;
static void on_final(void *ctx, void *obj)
{
    (void)ctx;
    (void)obj;
    finalised++;
}

static void t_dump_and_sweep_all(void)
{
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.finaliser = on_final;
    capheap_micropython_configure(&cfg);
    gc_init(heap2, heap2 + sizeof heap2);
    capheap_micropython_configure(NULL);
    void *volatile a = gc_alloc(B, GC_ALLOC_FLAG_HAS_FINALISER);
    void *volatile b = gc_alloc(2 * B, 0);
    REQUIRE(a && b);
    mp_print_t pr = { out, strn };
    out_len = 0;
    gc_dump_info(&pr);
    CHECK(strstr(out, "GC: total: ") != NULL);
    CHECK(strstr(out, "No. of 1-blocks: 1, 2-blocks: 1") != NULL);
    out_len = 0;
    gc_dump_alloc_table(&pr);
    CHECK(strstr(out, "000000 fh=...") != NULL);
    gc_dump_info(NULL); /* nothing, no crash */
    finalised = 0;
    gc_sweep_all();
    CHECK_EQ_U(finalised, 1);
    CHECK_EQ_SZ(gc_nbytes(a), 0);
    CHECK_EQ_SZ(gc_nbytes(b), 0);
}

int main(int argc, char **argv)
{
    volatile int top = 0;
    capheap_micropython_set_stack_top((void *)(&top + 1));
    check_select(argc, argv);
    RUN(t_before_init);
    RUN(t_stack_roots);
    RUN(t_api);
    RUN(t_dump_and_sweep_all);
    return check_summary("gc.micropython");
}
