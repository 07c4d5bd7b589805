/*
 * Corruption detection at this build's poisoning level (capheap/debug.h).
 *
 * One caps instance over a static buffer with an error hook that records
 * every report. Each test makes one kind of mistake on purpose and checks
 * that it is reported once, with the right reason and address, and that
 * the heap is still sound (the operation did not damage it further); the
 * clean run reports nothing. Canary tests need level >= 1 and fill tests
 * level 2: at lower levels they log that they are skipped.
 */
#include <stdio.h>
#include <string.h>

#include "capheap/caps.h"
#include "capheap/debug.h"
#include "check.h"

#define REGION_SIZE (64 * 1024)
#define HEAP_CAPS (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT | CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL)
/* what requests ask for (no 32BIT: that would round sizes up to words) */
#define CAPS_RAM (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT)

static _Alignas(64) unsigned char s_region[REGION_SIZE];
static capheap_caps_t *s_caps;

static unsigned s_reports;
static capheap_error_reason_t s_reason;
static const void *s_where;
static capheap_poison_report_t s_detail; /* what inspect said inside the hook */
static bool s_detail_ok;

static char s_text[1024];

static void on_error(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    s_reports++;
    s_reason = reason;
    s_where = where;
    /* the hook may examine the damaged block: it is left as it was */
    const capheap_caps_heap_t *h = capheap_caps_heap_of(s_caps, where);
    s_detail_ok = h && capheap_poison_inspect(capheap_caps_heap_engine(h), where, &s_detail);
}

static void on_print(void *ctx, const char *text)
{
    (void)ctx;
    size_t n = strlen(s_text);
    if (n + strlen(text) < sizeof s_text)
        memcpy(s_text + n, text, strlen(text) + 1);
}

static void open_heap(void)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.error_hook = on_error;
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = (uintptr_t)s_region;
    r.size = sizeof s_region;
    r.chip_start = r.start;
    r.caps[0] = HEAP_CAPS;
    r.type = -1;
    s_caps = NULL;
    capheap_err_t e = capheap_caps_create(&cfg, &r, 1, &s_caps);
    CHECK_EQ_U(e, CAPHEAP_OK);
    s_reports = 0;
    s_where = NULL;
    s_text[0] = 0;
}

static bool sound(void)
{
    return capheap_caps_check_integrity_all(s_caps, NULL, NULL);
}

static bool skipped_below(int level, const char *what)
{
    if (capheap_poisoning_level() >= level)
        return false;
    check_log("  %s: skipped at poisoning level %d (needs %d)\n", what,
              capheap_poisoning_level(), level);
    return true;
}

/* ------------------------------------------------------------ clean runs */

static void t_clean_run_reports_nothing(void)
{
    open_heap();
    void *p[64];
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < 64; i++) {
            size_t n = 1 + (i * 37 + (size_t)round * 11) % 700;
            p[i] = (i % 5 == 0) ? capheap_caps_aligned_alloc(s_caps, 64, n, CAPS_RAM)
                                : capheap_caps_malloc(s_caps, n, CAPS_RAM);
            REQUIRE(p[i]);
            CHECK_EQ_SZ(capheap_caps_get_allocated_size(s_caps, p[i]) >= n, 1);
            memset(p[i], 0x5A, n); /* every requested byte is the caller's */
        }
        for (size_t i = 0; i < 64; i += 3) {
            void *q = capheap_caps_realloc(s_caps, p[i], 10 + i * 13, CAPS_RAM);
            REQUIRE(q);
            p[i] = q;
            memset(q, 0x33, 10 + i * 13);
        }
        void *z = capheap_caps_calloc(s_caps, 7, 13, CAPS_RAM);
        REQUIRE(z);
        for (size_t i = 0; i < 91; i++)
            CHECK_EQ_U(((unsigned char *)z)[i], 0);
        capheap_caps_free(s_caps, z);
        CHECK(capheap_caps_check_integrity_all(s_caps, on_print, NULL));
        for (size_t i = 0; i < 64; i++)
            capheap_caps_free(s_caps, p[i]);
    }
    CHECK_EQ_U(s_reports, 0);
    CHECK(sound());
    CHECK_EQ_SZ(s_text[0], 0);
}

static void t_statistics_without_overhead(void)
{
    open_heap();
    size_t largest = capheap_caps_get_largest_free_block(s_caps, CAPS_RAM);
    void *p = capheap_caps_malloc(s_caps, largest, CAPS_RAM);
    CHECK_NOT_NULL(p); /* the largest block is what a caller can have */
    CHECK_EQ_SZ(capheap_caps_get_allocated_size(s_caps, p), largest);
    capheap_caps_free(s_caps, p);
    CHECK_NULL(capheap_caps_malloc(s_caps, largest + 1, CAPS_RAM));
    p = capheap_caps_malloc(s_caps, 100, CAPS_RAM);
    REQUIRE(p);
    capheap_heap_info_t info;
    capheap_caps_get_info(s_caps, &info, CAPS_RAM);
    if (capheap_debug_overhead() > 0)
        CHECK_EQ_SZ(info.total_allocated_bytes, 100); /* the requested bytes */
    else
        CHECK(info.total_allocated_bytes >= 100);
    capheap_caps_free(s_caps, p);
    CHECK_EQ_U(s_reports, 0);
}

/* ------------------------------------------------------ always-on checks */

/* What a second free of a block is reported as: the engine's double-free
 * check, unless CAPHEAP_CHECKS=0 removed it; then the debug layer's canary
 * test at levels light and comprehensive, whose free (and moving realloc)
 * overwrites the freed block's head canary (level 1 stores the free fill
 * there, level 2's fill covers it). False, logged, when nothing catches it
 * (checks off, no poisoning). */
static bool second_free_reason(const char *what, capheap_error_reason_t *why)
{
#if CAPHEAP_CHECKS
    (void)what;
    *why = CAPHEAP_E_DOUBLE_FREE;
    return true;
#else
    *why = CAPHEAP_E_HEAD_CANARY;
    if (capheap_poisoning_level() < 1) {
        check_log("  %s: not applicable with CAPHEAP_CHECKS=0 without poisoning\n", what);
        return false;
    }
    return true;
#endif
}

static void t_double_free(void)
{
    capheap_error_reason_t why;
    if (!second_free_reason("double free", &why))
        return;
    open_heap();
    void *a = capheap_caps_malloc(s_caps, 40, CAPS_RAM);
    void *b = capheap_caps_malloc(s_caps, 40, CAPS_RAM);
    REQUIRE(a && b);
    capheap_caps_free(s_caps, a);
    capheap_caps_free(s_caps, a);
    CHECK_EQ_U(s_reports, 1);
    CHECK_EQ_U(s_reason, why);
    CHECK(s_where == a);
    /* and once merged into a free neighbour */
    capheap_caps_free(s_caps, b);
    capheap_caps_free(s_caps, b);
    CHECK_EQ_U(s_reports, 2);
    CHECK_EQ_U(s_reason, why);
    CHECK(s_where == b);
    CHECK(sound());
}

/* A free of the old pointer after realloc moved the block. */
static void t_free_after_moving_realloc(void)
{
    capheap_error_reason_t why;
    if (!second_free_reason("free after a moving realloc", &why))
        return;
    open_heap();
    void *pre = capheap_caps_malloc(s_caps, 40, CAPS_RAM);
    unsigned char *a = capheap_caps_malloc(s_caps, 40, CAPS_RAM);
    void *fence = capheap_caps_malloc(s_caps, 40, CAPS_RAM); /* a cannot grow in place */
    REQUIRE(pre && a && fence);
    /* freed, so that the old block merges into it when realloc moves a: its
     * prefix is then not rewritten by the engine's list links */
    capheap_caps_free(s_caps, pre);
    memset(a, 0x11, 40);
    unsigned char *b = capheap_caps_realloc(s_caps, a, 4000, CAPS_RAM);
    REQUIRE(b);
    CHECK(b != a);
    for (size_t i = 0; i < 40; i++)
        CHECK_EQ_U(b[i], 0x11);
    CHECK_EQ_U(s_reports, 0);
    capheap_caps_free(s_caps, a); /* stale */
    CHECK_EQ_U(s_reports, 1);
    CHECK_EQ_U(s_reason, why);
    CHECK(s_where == a);
    /* a realloc that fails leaves the block as it was: freeing it is fine */
    CHECK_NULL(capheap_caps_realloc(s_caps, b, (size_t)1 << 30, CAPS_RAM));
    capheap_caps_free(s_caps, b);
    capheap_caps_free(s_caps, fence);
    CHECK_EQ_U(s_reports, 1);
    CHECK(sound());
}

static void t_wild_free(void)
{
    open_heap();
    static unsigned char foreign[64];
    capheap_caps_free(s_caps, foreign + 16);
    CHECK_EQ_U(s_reports, 1);
    CHECK_EQ_U(s_reason, CAPHEAP_E_NOT_OWNED);
    CHECK(s_where == foreign + 16);
    CHECK_NULL(capheap_caps_realloc(s_caps, foreign + 16, 10, CAPS_RAM));
    CHECK_EQ_U(s_reports, 2);
    CHECK(s_where == foreign + 16);
    CHECK_EQ_SZ(capheap_caps_get_allocated_size(s_caps, foreign + 16), 0);
    CHECK(sound());
}

static void t_header_smash(void)
{
    open_heap();
    unsigned char *a = capheap_caps_malloc(s_caps, 64, CAPS_RAM);
    unsigned char *b = capheap_caps_malloc(s_caps, 64, CAPS_RAM);
    REQUIRE(a && b);
    /* the engine's header word, just before the debug prefix */
    unsigned char *hdr = a - CAPHEAP_DEBUG_PREFIX - sizeof(size_t);
    size_t saved;
    memcpy(&saved, hdr, sizeof saved);
    memset(hdr, 0xA5, sizeof saved);
#if CAPHEAP_CHECKS
    capheap_caps_free(s_caps, a);
    CHECK_EQ_U(s_reports, 1);
    CHECK(s_reason == CAPHEAP_E_BAD_HEADER || s_reason == CAPHEAP_E_BAD_NEIGHBOUR);
    CHECK(s_where == a);
    const unsigned reports = 1;
#else
    /* the canaries are intact: only the engine's checks would see it */
    check_log("  free of a block with a smashed header: not applicable with CAPHEAP_CHECKS=0\n");
    const unsigned reports = 0;
#endif
    s_text[0] = 0;
    CHECK(!capheap_caps_check_integrity_all(s_caps, on_print, NULL));
    CHECK(strstr(s_text, "CORRUPT HEAP") != NULL);
    memcpy(hdr, &saved, sizeof saved); /* repaired: usable again */
    CHECK(sound());
    capheap_caps_free(s_caps, a);
    capheap_caps_free(s_caps, b);
    CHECK_EQ_U(s_reports, reports);
}

/* ---------------------------------------------------------------- canaries */

static void t_overrun_by_one(void)
{
    if (skipped_below(1, "overrun by one byte"))
        return;
    open_heap();
    unsigned char *a = capheap_caps_malloc(s_caps, 13, CAPS_RAM);
    REQUIRE(a);
    a[13] = 0x00; /* one past the end */
    s_text[0] = 0;
    CHECK(!capheap_caps_check_integrity_all(s_caps, on_print, NULL));
    char want[160];
    snprintf(want, sizeof want, "block %p: tail canary damaged at %p (expected 0xbaad5678", (void *)a,
             (void *)(a + 13));
    CHECK(strstr(s_text, want) != NULL);
    capheap_caps_free(s_caps, a);
    CHECK_EQ_U(s_reports, 1);
    CHECK_EQ_U(s_reason, CAPHEAP_E_TAIL_CANARY);
    CHECK(s_where == a);
    CHECK(!s_detail_ok);
    CHECK(s_detail.where == a + 13);
    CHECK_EQ_U(s_detail.expected, CAPHEAP_POISON_TAIL_CANARY);
    uint32_t found;
    uint32_t tail = CAPHEAP_POISON_TAIL_CANARY;
    memcpy(&found, &tail, 4);
    ((unsigned char *)&found)[0] = 0; /* the byte we wrote, native order */
    CHECK_EQ_U(s_detail.found, found);
    /* realloc and size queries refuse the damaged block too */
    CHECK_NULL(capheap_caps_realloc(s_caps, a, 100, CAPS_RAM));
    CHECK_EQ_U(s_reports, 2);
    CHECK_EQ_SZ(capheap_caps_get_allocated_size(s_caps, a), 0);
    CHECK_EQ_U(s_reports, 3);
    a[13] = ((const unsigned char *)&tail)[0]; /* repaired */
    CHECK(sound());
    capheap_caps_free(s_caps, a);
    CHECK_EQ_U(s_reports, 3);
    CHECK(sound());
}

static void t_underrun(void)
{
    if (skipped_below(1, "underrun"))
        return;
    open_heap();
    unsigned char *a = capheap_caps_malloc(s_caps, 32, CAPS_RAM);
    REQUIRE(a);
    unsigned char keep = a[-1];
    a[-1] ^= 0xFF;
    capheap_caps_free(s_caps, a);
    CHECK_EQ_U(s_reports, 1);
    CHECK_EQ_U(s_reason, CAPHEAP_E_HEAD_CANARY);
    CHECK(s_where == a);
    CHECK(s_detail.where == a - 4);
    CHECK_EQ_U(s_detail.expected, CAPHEAP_POISON_HEAD_CANARY);
    CHECK(s_detail.found != CAPHEAP_POISON_HEAD_CANARY);
    s_text[0] = 0;
    CHECK(!capheap_caps_check_integrity_all(s_caps, on_print, NULL));
    CHECK(strstr(s_text, "head canary damaged") != NULL);
    CHECK(strstr(s_text, "expected 0xabba1234") != NULL);
    a[-1] = keep;
    capheap_caps_free(s_caps, a);
    CHECK_EQ_U(s_reports, 1);
    CHECK(sound());
}

static void t_aligned_and_realloc_keep_canaries(void)
{
    if (skipped_below(1, "canaries through aligned and realloc"))
        return;
    open_heap();
    unsigned char *a = capheap_caps_aligned_alloc(s_caps, 256, 50, CAPS_RAM);
    REQUIRE(a);
    CHECK_EQ_U((uintptr_t)a % 256, 0);
    memset(a, 1, 50);
    a = capheap_caps_realloc(s_caps, a, 20, CAPS_RAM); /* shrink in place */
    REQUIRE(a);
    a[20] = 0; /* now past the end */
    CHECK_EQ_SZ(capheap_caps_get_allocated_size(s_caps, a), 0);
    CHECK_EQ_U(s_reason, CAPHEAP_E_TAIL_CANARY);
    a[20] = ((const unsigned char *)&(uint32_t){ CAPHEAP_POISON_TAIL_CANARY })[0];
    CHECK_EQ_SZ(capheap_caps_get_allocated_size(s_caps, a), 20);
    unsigned char *b = capheap_caps_realloc(s_caps, a, 3000, CAPS_RAM); /* grow */
    REQUIRE(b);
    for (int i = 0; i < 20; i++)
        CHECK_EQ_U(b[i], 1);
    CHECK_EQ_SZ(capheap_caps_get_allocated_size(s_caps, b), 3000);
    capheap_caps_free(s_caps, b);
    CHECK_EQ_U(s_reports, 1);
    CHECK(sound());
}

/* ------------------------------------------------------------------ fills */

static void t_fills_and_write_after_free(void)
{
    if (skipped_below(2, "fills and write after free"))
        return;
    open_heap();
    unsigned char *a = capheap_caps_malloc(s_caps, 200, CAPS_RAM);
    unsigned char *guard = capheap_caps_malloc(s_caps, 16, CAPS_RAM);
    REQUIRE(a && guard);
    for (int i = 0; i < 200; i++)
        CHECK_EQ_U(a[i], CAPHEAP_POISON_MALLOC_FILL);
    capheap_caps_free(s_caps, a);
    for (int i = 40; i < 180; i++)
        CHECK_EQ_U(a[i], CAPHEAP_POISON_FREE_FILL);
    CHECK(sound());
    a[100] = 0x11; /* write after free */
    s_text[0] = 0;
    CHECK(!capheap_caps_check_integrity_all(s_caps, on_print, NULL));
    char want[120];
    snprintf(want, sizeof want, "written after free at %p (expected 0xfe, found 0x11)", (void *)(a + 100));
    CHECK(strstr(s_text, want) != NULL);
    /* the same block handed out again: the write is reported at its byte */
    unsigned char *c = capheap_caps_malloc(s_caps, 200, CAPS_RAM);
    REQUIRE(c == a);
    CHECK_EQ_U(s_reports, 1);
    CHECK_EQ_U(s_reason, CAPHEAP_E_USE_AFTER_FREE);
    CHECK(s_where == a + 100);
    CHECK_EQ_U(c[100], CAPHEAP_POISON_MALLOC_FILL); /* then filled as new */
    capheap_caps_free(s_caps, c);
    capheap_caps_free(s_caps, guard);
    CHECK(sound());
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    check_log("poisoning level %d, overhead %u bytes per block\n", capheap_poisoning_level(),
              (unsigned)capheap_debug_overhead());
    RUN(t_clean_run_reports_nothing);
    RUN(t_statistics_without_overhead);
    RUN(t_double_free);
    RUN(t_free_after_moving_realloc);
    RUN(t_wild_free);
    RUN(t_header_smash);
    RUN(t_overrun_by_one);
    RUN(t_underrun);
    RUN(t_aligned_and_realloc_keep_canaries);
    RUN(t_fills_and_write_after_free);
    return check_summary("debug_poison");
}
