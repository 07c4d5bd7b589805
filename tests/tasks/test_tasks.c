/*
 * Per-owner (task) accounting (capheap/tasks.h), single-threaded: the owner
 * is chosen with capheap_port_set_owner_fn, as an RTOS port does, so this
 * runs on bare metal too. Every allocation path of the caps allocator
 * updates the owner's current/peak/blocks in the right heap exactly;
 * realloc hands the block to the caller; block lists; the overview and the
 * detailed print; pre-scheduler attribution; the "other" bucket when a
 * heap's table is full; reset and clear; bad input; a random model run
 * (seed printed, CAPHEAP_SEED=n replays it).
 */
#include "tasks_fixture.h"
#include "prng.h"

#include <stdlib.h>

static uintptr_t g_owner;
static uintptr_t test_owner(void)
{
    return g_owner;
}

static tfx_t F;

static bool open_fx(void)
{
    g_owner = CAPHEAP_OWNER_PRE_SCHEDULER;
    capheap_port_set_owner_fn(test_owner);
    return tfx_open(&F);
}

static void close_fx(void)
{
    capheap_port_set_owner_fn(NULL);
}

#define TASK_A ((uintptr_t)0x1000)
#define TASK_B ((uintptr_t)0x2000)
#define TASK_C ((uintptr_t)0x3000)

/* current, peak, blocks of owner o in heap h */
#define CHECK_USAGE(h, o, cur, pk, n)                              \
    do {                                                           \
        capheap_owner_usage_t u_ = tfx_usage((h), (o));            \
        CHECK_EQ_SZ(u_.current_bytes, (cur));                      \
        CHECK_EQ_SZ(u_.peak_bytes, (pk));                          \
        CHECK_EQ_SZ(u_.blocks, (n));                               \
    } while (0)

/* ------------------------------------------------------------------ basics */

static void t_pre_scheduler(void)
{
    REQUIRE(open_fx());
    /* start-up code: no task yet */
    void *a = capheap_caps_malloc(F.caps, 100, TFX_INT);
    void *b = capheap_caps_malloc(F.caps, 40, TFX_EXT);
    REQUIRE(a && b);
    /* the scheduler runs: the port installs its "current task" */
    g_owner = TASK_A;
    void *c = capheap_caps_malloc(F.caps, 24, TFX_INT);
    REQUIRE(c);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_PRE_SCHEDULER, 100, 100, 1);
    CHECK_USAGE(F.spiram, CAPHEAP_OWNER_PRE_SCHEDULER, 40, 40, 1);
    CHECK_USAGE(F.dram, TASK_A, 24, 24, 1);
    CHECK(!capheap_caps_heap_owner_usage(F.spiram, TASK_A, &(capheap_owner_usage_t){ 0, 0, 0, 0 }));
    /* a task frees start-up memory: the pre-scheduler owner loses it */
    capheap_caps_free(F.caps, a);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_PRE_SCHEDULER, 0, 100, 0);
    CHECK_USAGE(F.dram, TASK_A, 24, 24, 1);
    /* the pre-scheduler owner is listed first, by its name */
    uintptr_t owners[4];
    CHECK_EQ_SZ(capheap_caps_owners(F.caps, owners, 4), 2);
    CHECK_EQ_U(owners[0], CAPHEAP_OWNER_PRE_SCHEDULER);
    CHECK_EQ_U(owners[1], TASK_A);
    uintptr_t o = 77;
    CHECK(capheap_caps_owner_at(F.caps, 1, &o) && o == TASK_A);
    CHECK(capheap_caps_owner_at(F.caps, 0, &o) && o == CAPHEAP_OWNER_PRE_SCHEDULER);
    o = 77;
    CHECK(!capheap_caps_owner_at(F.caps, 2, &o) && o == 77);
    CHECK(!capheap_caps_owner_at(F.caps, 0, NULL));
    CHECK(!capheap_caps_owner_at(NULL, 0, &o));
    capheap_caps_free(F.caps, b);
    capheap_caps_free(F.caps, c);
    CHECK_EQ_U(F.errors, 0);
    close_fx();
}

/* Sizes count as the caller asked; peaks follow each owner's own history. */
static void t_current_and_peak(void)
{
    REQUIRE(open_fx());
    g_owner = TASK_A;
    void *a1 = capheap_caps_malloc(F.caps, 1000, TFX_INT);
    void *a2 = capheap_caps_malloc(F.caps, 3000, TFX_EXT);
    g_owner = TASK_B;
    void *b1 = capheap_caps_malloc(F.caps, 200, TFX_INT);
    void *b2 = capheap_caps_malloc(F.caps, 300, TFX_INT);
    REQUIRE(a1 && a2 && b1 && b2);
    CHECK_USAGE(F.dram, TASK_A, 1000, 1000, 1);
    CHECK_USAGE(F.spiram, TASK_A, 3000, 3000, 1);
    CHECK_USAGE(F.dram, TASK_B, 500, 500, 2);
    capheap_caps_free(F.caps, b1);
    void *b3 = capheap_caps_malloc(F.caps, 100, TFX_INT);
    REQUIRE(b3);
    CHECK_USAGE(F.dram, TASK_B, 400, 500, 2);
    /* the totals over heaps: current and blocks add up, peaks are summed */
    capheap_owner_usage_t u;
    CHECK_EQ_SZ(capheap_caps_owner_usage(F.caps, TASK_A, 0, &u), 2);
    CHECK_EQ_SZ(u.current_bytes, 4000);
    CHECK_EQ_SZ(u.peak_bytes, 4000);
    CHECK_EQ_SZ(u.blocks, 2);
    CHECK_EQ_SZ(capheap_caps_owner_usage(F.caps, TASK_A, TFX_EXT, &u), 1);
    CHECK_EQ_SZ(u.current_bytes, 3000);
    CHECK_EQ_SZ(capheap_caps_owner_usage(F.caps, TASK_B, TFX_EXT, &u), 0);
    CHECK_EQ_SZ(u.current_bytes, 0);
    CHECK_EQ_U(u.owner, TASK_B);
    /* the table of one heap */
    capheap_owner_usage_t t[4];
    CHECK_EQ_SZ(capheap_caps_heap_owners(F.dram, t, 4), 2);
    CHECK_EQ_U(t[0].owner, TASK_A);
    CHECK_EQ_U(t[1].owner, TASK_B);
    CHECK_EQ_SZ(t[1].current_bytes, 400);
    CHECK_EQ_SZ(capheap_caps_heap_owners(F.dram, NULL, 0), 2);
    /* a dead owner keeps its figures until cleared */
    g_owner = TASK_C;
    capheap_caps_free(F.caps, a1);
    capheap_caps_free(F.caps, a2);
    CHECK_USAGE(F.dram, TASK_A, 0, 1000, 0);
    CHECK_USAGE(F.spiram, TASK_A, 0, 3000, 0);
    CHECK_EQ_SZ(capheap_caps_owners(F.caps, NULL, 0), 2);
    capheap_caps_free(F.caps, b2);
    capheap_caps_free(F.caps, b3);
    CHECK_EQ_U(F.errors, 0);
    close_fx();
}

/* Every allocation path of the caps allocator counts, in the heap that
 * served it, with the size get_allocated_size reports. */
static void t_every_path(void)
{
    REQUIRE(open_fx());
    g_owner = TASK_A;
    void *p[10];
    size_t want_int = 0, want_ext = 0, n_int = 0, n_ext = 0;
    p[0] = capheap_caps_malloc(F.caps, 33, TFX_INT);
    p[1] = capheap_caps_calloc(F.caps, 7, 9, TFX_INT);
    p[2] = capheap_caps_aligned_alloc(F.caps, 256, 100, TFX_EXT);
    p[3] = capheap_caps_aligned_calloc(F.caps, 64, 3, 10, TFX_EXT);
    uint32_t prefer[2] = { TFX_EXT, TFX_INT };
    p[4] = capheap_caps_malloc_prefer(F.caps, 50, prefer, 2);
    p[5] = capheap_caps_calloc_prefer(F.caps, 2, 20, prefer, 2);
    p[6] = capheap_caps_malloc_default(F.caps, 70);  /* internal */
    p[7] = capheap_caps_calloc_default(F.caps, 3, 5); /* internal */
    p[8] = capheap_caps_malloc(F.caps, 0, TFX_INT);
    p[9] = capheap_caps_realloc(F.caps, NULL, 12, TFX_EXT);
    for (int i = 0; i < 10; i++) {
        REQUIRE(p[i]);
        size_t n = capheap_caps_get_allocated_size(F.caps, p[i]);
        if (capheap_caps_heap_of(F.caps, p[i]) == F.dram) {
            want_int += n;
            n_int++;
        } else {
            want_ext += n;
            n_ext++;
        }
    }
    CHECK_EQ_SZ(n_int, 5);
    CHECK_EQ_SZ(n_ext, 5);
    CHECK_EQ_SZ(want_int, 33 + 63 + 70 + 15 + 0);
    CHECK_EQ_SZ(want_ext, 100 + 30 + 50 + 40 + 12);
    CHECK_USAGE(F.dram, TASK_A, want_int, want_int, n_int);
    CHECK_USAGE(F.spiram, TASK_A, want_ext, want_ext, n_ext);
    /* realloc (grow, shrink), through the default and prefer families. A
     * block that moves within its heap is counted twice for a moment (the
     * new one exists before the old one is freed): the peak says so; in
     * place it is counted once. */
    void *old = p[0];
    p[0] = capheap_caps_realloc(F.caps, p[0], 60, TFX_INT);
    REQUIRE(p[0]);
    size_t peak_int = want_int + 27 + (p[0] != old ? 33 : 0);
    CHECK_USAGE(F.dram, TASK_A, want_int + 27, peak_int, n_int);
    p[0] = capheap_caps_realloc_default(F.caps, p[0], 20); /* a shrink stays */
    REQUIRE(p[0]);
    CHECK_USAGE(F.dram, TASK_A, want_int - 13, peak_int, n_int);
    old = p[9];
    p[9] = capheap_caps_realloc_prefer(F.caps, p[9], 112, prefer, 2);
    REQUIRE(p[9]);
    size_t peak_ext = want_ext + 100 + (p[9] != old ? 12 : 0);
    CHECK_USAGE(F.spiram, TASK_A, want_ext + 100, peak_ext, n_ext);
    /* free through every path, the realloc-to-0 one included */
    CHECK_NULL(capheap_caps_realloc(F.caps, p[9], 0, TFX_EXT));
    for (int i = 0; i < 9; i++)
        capheap_caps_free(F.caps, p[i]);
    CHECK_USAGE(F.dram, TASK_A, 0, peak_int, 0);
    CHECK_USAGE(F.spiram, TASK_A, 0, peak_ext, 0);
    CHECK_EQ_U(F.errors, 0);
    close_fx();
}

/* realloc gives the block to the owner that calls it, in place and when it
 * moves to another heap; a failed realloc changes nothing. */
static void t_realloc_changes_owner(void)
{
    REQUIRE(open_fx());
    g_owner = TASK_A;
    void *p = capheap_caps_malloc(F.caps, 100, TFX_INT);
    REQUIRE(p);
    g_owner = TASK_B;
    void *q = capheap_caps_realloc(F.caps, p, 300, TFX_INT);
    REQUIRE(q);
    CHECK(capheap_caps_heap_of(F.caps, q) == F.dram);
    CHECK_USAGE(F.dram, TASK_A, 0, 100, 0);
    CHECK_USAGE(F.dram, TASK_B, 300, 300, 1);
    /* moved to the other heap by its new caps, by a third owner */
    g_owner = TASK_C;
    void *r = capheap_caps_realloc(F.caps, q, 500, TFX_EXT);
    REQUIRE(r);
    CHECK(capheap_caps_heap_of(F.caps, r) == F.spiram);
    CHECK_USAGE(F.dram, TASK_B, 0, 300, 0);
    CHECK_USAGE(F.spiram, TASK_C, 500, 500, 1);
    CHECK(!capheap_caps_heap_owner_usage(F.dram, TASK_C, &(capheap_owner_usage_t){ 0, 0, 0, 0 }));
    /* a realloc that cannot be served leaves the block with its owner */
    g_owner = TASK_A;
    CHECK_NULL(capheap_caps_realloc(F.caps, r, 1u << 20, TFX_EXT));
    CHECK_USAGE(F.spiram, TASK_C, 500, 500, 1);
    CHECK_USAGE(F.spiram, TASK_A, 0, 0, 0);
    capheap_caps_free(F.caps, r);
    CHECK_USAGE(F.spiram, TASK_C, 0, 500, 0);
    close_fx();
}

/* ------------------------------------------------------------------ blocks */

static void t_block_lists(void)
{
    REQUIRE(open_fx());
    g_owner = TASK_A;
    void *a1 = capheap_caps_malloc(F.caps, 16, TFX_INT);
    void *a2 = capheap_caps_malloc(F.caps, 48, TFX_EXT);
    g_owner = TASK_B;
    void *b1 = capheap_caps_malloc(F.caps, 80, TFX_INT);
    g_owner = TASK_A;
    void *a3 = capheap_caps_malloc(F.caps, 24, TFX_INT);
    REQUIRE(a1 && a2 && b1 && a3);
    capheap_owner_block_t b[8];
    size_t n = capheap_caps_owner_blocks(F.caps, TASK_A, 0, b, 8);
    REQUIRE(n == 3);
    /* heaps in address order (DRAM first), blocks in address order */
    const capheap_owner_block_t *d = &b[0];
    const capheap_owner_block_t *s = &b[2];
    void *lo = (uintptr_t)a1 < (uintptr_t)a3 ? a1 : a3;
    void *hi = lo == a1 ? a3 : a1;
    CHECK(d[0].ptr == lo && d[1].ptr == hi);
    CHECK_EQ_SZ(d[0].size, lo == a1 ? 16 : 24);
    CHECK(d[0].heap == F.dram && d[1].heap == F.dram);
    CHECK(s->ptr == a2 && s->size == 48 && s->heap == F.spiram && s->owner == TASK_A);
    /* by caps, for everyone, only counting, truncated */
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, TASK_A, TFX_EXT, b, 8), 1);
    CHECK(b[0].ptr == a2);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, TASK_B, 0, b, 8), 1);
    CHECK(b[0].ptr == b1 && b[0].size == 80 && b[0].owner == TASK_B);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, CAPHEAP_OWNER_ALL, 0, NULL, 0), 4);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, TASK_A, 0, b, 1), 3);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, TASK_C, 0, b, 8), 0);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, CAPHEAP_OWNER_OTHER, 0, b, 8), 0);
    capheap_caps_free(F.caps, a1);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, TASK_A, 0, b, 8), 2);
    capheap_caps_free(F.caps, a2);
    capheap_caps_free(F.caps, a3);
    capheap_caps_free(F.caps, b1);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, CAPHEAP_OWNER_ALL, 0, NULL, 0), 0);
    close_fx();
}

/* ------------------------------------------------------------------ prints */

static bool test_names(void *ctx, uintptr_t owner, char *name, size_t len)
{
    (void)ctx;
    const char *n = owner == TASK_A ? "task_a" : owner == TASK_B ? "task_b" : "";
    strncpy(name, n, len - 1);
    name[len - 1] = 0;
    return owner != TASK_B; /* task_b was deleted */
}

static void t_overview(void)
{
    REQUIRE(open_fx());
    void *s = capheap_caps_malloc(F.caps, 64, TFX_INT); /* pre-scheduler */
    g_owner = TASK_A;
    void *a1 = capheap_caps_malloc(F.caps, 1000, TFX_INT);
    void *a2 = capheap_caps_malloc(F.caps, 500, TFX_EXT);
    g_owner = TASK_B;
    void *b1 = capheap_caps_malloc(F.caps, 7000, TFX_EXT);
    REQUIRE(s && a1 && a2 && b1);
    capheap_caps_free(F.caps, b1);
    g_owner = TASK_C;
    void *c1 = capheap_caps_malloc(F.caps, 12, TFX_INT);
    REQUIRE(c1);
    static sink_t out;
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, test_names, NULL, sink_fn, &out);
    /* owners in order of first appearance, heaps by address: DRAM's
     * table (pre-scheduler, A, C), then SPIRAM's (B) */
    static const char *const expect[] = {
        "\xe2\x94\x8c\xe2\x94\x80",
        "\xe2\x94\x82 TASK               \xe2\x94\x82 STATUS  \xe2\x94\x82 CURRENT MEMORY USAGE "
        "\xe2\x94\x82 PEAK MEMORY USAGE \xe2\x94\x82 TOTAL HEAP USED \xe2\x94\x82\n",
        "\xe2\x94\x82      Pre-scheduler \xe2\x94\x82 ALIVE   \xe2\x94\x82                   64 "
        "\xe2\x94\x82                64 \xe2\x94\x82               1 \xe2\x94\x82\n",
        "\xe2\x94\x82             task_a \xe2\x94\x82 ALIVE   \xe2\x94\x82                 1500 "
        "\xe2\x94\x82              1500 \xe2\x94\x82               2 \xe2\x94\x82\n",
        "\xe2\x94\x82             0x3000 \xe2\x94\x82 ALIVE   \xe2\x94\x82                   12 "
        "\xe2\x94\x82                12 \xe2\x94\x82               1 \xe2\x94\x82\n",
        "\xe2\x94\x82             task_b \xe2\x94\x82 DELETED \xe2\x94\x82                    0 "
        "\xe2\x94\x82              7000 \xe2\x94\x82               1 \xe2\x94\x82\n",
        "\xe2\x94\x94\xe2\x94\x80",
    };
    const char *at = out.buf;
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        const char *f = strstr(at, expect[i]);
        if (!f) {
            check_log("missing line %u after:\n%s\n", (unsigned)i, at);
            CHECK_FAILED("overview line in order");
            break;
        }
        at = f + strlen(expect[i]);
    }
    /* one owner's row only */
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_overview(F.caps, TASK_B, test_names, NULL, sink_fn, &out);
    CHECK(strstr(out.buf, expect[5]) != NULL && strstr(out.buf, "task_a") == NULL); /* task_b */
    CHECK(strstr(out.buf, expect[1]) != NULL);
    /* the default names */
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, NULL, NULL, sink_fn, &out);
    CHECK(strstr(out.buf, "             0x1000 \xe2\x94\x82 ALIVE ") != NULL);
    CHECK(strstr(out.buf, "             0x2000 \xe2\x94\x82 ALIVE ") != NULL);
    /* after clearing the dead task's entry it is gone from the overview */
    CHECK_EQ_SZ(capheap_caps_owner_clear(F.caps, TASK_B), 1);
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, test_names, NULL, sink_fn, &out);
    CHECK(strstr(out.buf, "task_b") == NULL);
    CHECK(strstr(out.buf, "task_a") != NULL);

    /* the detailed print: totals, heaps, blocks */
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_stats(F.caps, TASK_A, test_names, NULL, sink_fn, &out);
    char line[160];
    capheap_snprintf(line, sizeof line,
                     "ALIVE: task_a, CURRENT MEMORY USAGE 1500, PEAK MEMORY USAGE 1500, TOTAL HEAP USED 2:\n");
    CHECK(strstr(out.buf, line) != NULL);
    capheap_snprintf(line, sizeof line,
                     "HEAP: DRAM, CAPS: 0x%08x, SIZE: %u, USAGE: CURRENT 1000 (6%%), PEAK 1000 (6%%), ALLOC COUNT: 1\n",
                     (unsigned)capheap_caps_heap_caps(F.dram), (unsigned)TFX_DRAM_SIZE);
    CHECK(strstr(out.buf, line) != NULL);
    capheap_snprintf(line, sizeof line, "ALLOC 0x%08llx, SIZE 1000\n", (unsigned long long)(uintptr_t)a1);
    CHECK(strstr(out.buf, line) != NULL);
    capheap_snprintf(line, sizeof line, "ALLOC 0x%08llx, SIZE 500\n", (unsigned long long)(uintptr_t)a2);
    CHECK(strstr(out.buf, line) != NULL);
    capheap_snprintf(line, sizeof line, "ALLOC 0x%08llx,", (unsigned long long)(uintptr_t)c1);
    CHECK(strstr(out.buf, line) == NULL); /* another owner's block */
    /* everyone: each owner once, the last one closes the tree */
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_stats(F.caps, CAPHEAP_OWNER_ALL, NULL, NULL, sink_fn, &out);
    CHECK(strstr(out.buf, "\xe2\x94\x9c ALIVE: Pre-scheduler, CURRENT MEMORY USAGE 64,") == out.buf);
    CHECK(strstr(out.buf, "\xe2\x94\x9c ALIVE: 0x1000, CURRENT MEMORY USAGE 1500,") != NULL);
    CHECK(strstr(out.buf, "\xe2\x94\x94 ALIVE: 0x3000, CURRENT MEMORY USAGE 12,") != NULL);
    capheap_caps_free(F.caps, s);
    capheap_caps_free(F.caps, a1);
    capheap_caps_free(F.caps, a2);
    capheap_caps_free(F.caps, c1);
    close_fx();
}

/* --------------------------------------------------------------- table full */

static void t_table_full(void)
{
    enum { N = CAPHEAP_TASK_TRACKING_OWNERS, EXTRA = 3 };
    REQUIRE(open_fx());
    void *p[N + EXTRA];
    /* N owners fill the DRAM heap's table; the next ones go to "other" */
    for (size_t i = 0; i < N + EXTRA; i++) {
        g_owner = 0x100 + i;
        p[i] = capheap_caps_malloc(F.caps, 8 + i, TFX_INT);
        REQUIRE(p[i]);
    }
    capheap_owner_usage_t t[N + 2];
    CHECK_EQ_SZ(capheap_caps_heap_owners(F.dram, t, N + 2), N + 1);
    CHECK_EQ_U(t[N - 1].owner, 0x100 + N - 1);
    CHECK_EQ_U(t[N].owner, CAPHEAP_OWNER_OTHER);
    size_t other = 0;
    for (size_t i = N; i < N + EXTRA; i++)
        other += 8 + i;
    CHECK_EQ_SZ(t[N].current_bytes, other);
    CHECK_EQ_SZ(t[N].blocks, EXTRA);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_OTHER, other, other, EXTRA);
    CHECK(!capheap_caps_heap_owner_usage(F.dram, 0x100 + N, &t[0]));
    /* the SPIRAM heap's table is separate: room there */
    g_owner = 0x100 + N;
    void *x = capheap_caps_malloc(F.caps, 5, TFX_EXT);
    REQUIRE(x);
    CHECK_USAGE(F.spiram, 0x100 + N, 5, 5, 1);
    /* the overflowing owners' blocks are listed under "other", named by
     * their owner */
    capheap_owner_block_t b[EXTRA + 1];
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, CAPHEAP_OWNER_OTHER, 0, b, EXTRA + 1), EXTRA);
    CHECK_EQ_U(b[0].owner >= 0x100 + N, 1);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, 0x100 + N + 1, 0, b, EXTRA + 1), 1);
    /* the overview has an "other" row */
    static sink_t out;
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, NULL, NULL, sink_fn, &out);
    CHECK(strstr(out.buf, "              other \xe2\x94\x82 ALIVE ") != NULL);
    /* an owner with an entry frees all and is cleared: its entry is not
     * reused while "other" still holds blocks */
    capheap_caps_free(F.caps, p[0]);
    CHECK_EQ_SZ(capheap_caps_owner_clear(F.caps, 0x100), 1);
    CHECK_EQ_SZ(capheap_caps_heap_owners(F.dram, NULL, 0), N);
    g_owner = 0x900;
    void *y = capheap_caps_malloc(F.caps, 10, TFX_INT);
    REQUIRE(y);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_OTHER, other + 10, other + 10, EXTRA + 1);
    /* frees of "other" blocks, by whoever, leave the bucket */
    for (size_t i = N; i < N + EXTRA; i++)
        capheap_caps_free(F.caps, p[i]);
    capheap_caps_free(F.caps, y);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_OTHER, 0, other + 10, 0);
    /* the bucket is empty: a new owner gets the free entry */
    void *z = capheap_caps_malloc(F.caps, 10, TFX_INT);
    REQUIRE(z);
    CHECK_USAGE(F.dram, 0x900, 10, 10, 1);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_OTHER, 0, other + 10, 0);
    /* reset of everyone: the bucket's peak goes to 0 and it is not listed */
    capheap_caps_owner_reset_peak(F.caps, CAPHEAP_OWNER_ALL);
    CHECK_EQ_SZ(capheap_caps_heap_owners(F.dram, NULL, 0), N);
    capheap_caps_free(F.caps, z);
    capheap_caps_free(F.caps, x);
    for (size_t i = 1; i < N; i++)
        capheap_caps_free(F.caps, p[i]);
    CHECK_EQ_U(F.errors, 0);
    close_fx();
}

/* ------------------------------------------------------------ reset/clear */

static void t_reset_and_clear(void)
{
    REQUIRE(open_fx());
    g_owner = TASK_A;
    void *a = capheap_caps_malloc(F.caps, 500, TFX_INT);
    void *a2 = capheap_caps_malloc(F.caps, 300, TFX_INT);
    g_owner = TASK_B;
    void *b = capheap_caps_malloc(F.caps, 200, TFX_EXT);
    REQUIRE(a && a2 && b);
    capheap_caps_free(F.caps, a2);
    capheap_caps_free(F.caps, b);
    CHECK_USAGE(F.dram, TASK_A, 500, 800, 1);
    /* a measurement window for A only */
    capheap_caps_owner_reset_peak(F.caps, TASK_A);
    CHECK_USAGE(F.dram, TASK_A, 500, 500, 1);
    CHECK_USAGE(F.spiram, TASK_B, 0, 200, 0);
    /* clearing an owner with live blocks keeps its entry (peak reset) */
    g_owner = TASK_A;
    void *a3 = capheap_caps_malloc(F.caps, 100, TFX_INT);
    REQUIRE(a3);
    capheap_caps_free(F.caps, a3);
    CHECK_EQ_SZ(capheap_caps_owner_clear(F.caps, TASK_A), 0);
    CHECK_USAGE(F.dram, TASK_A, 500, 500, 1);
    /* everyone: B (nothing live) goes, A stays */
    CHECK_EQ_SZ(capheap_caps_owner_clear(F.caps, CAPHEAP_OWNER_ALL), 1);
    uintptr_t o[4];
    CHECK_EQ_SZ(capheap_caps_owners(F.caps, o, 4), 1);
    CHECK_EQ_U(o[0], TASK_A);
    /* unknown owners: nothing happens */
    CHECK_EQ_SZ(capheap_caps_owner_clear(F.caps, TASK_C), 0);
    capheap_caps_owner_reset_peak(F.caps, TASK_C);
    capheap_caps_free(F.caps, a);
    CHECK_EQ_SZ(capheap_caps_owner_clear(F.caps, TASK_A), 1);
    CHECK_EQ_SZ(capheap_caps_owners(F.caps, NULL, 0), 0);
    close_fx();
}

/* ---------------------------------------------------------------- bad input */

static void t_bad_input(void)
{
    REQUIRE(open_fx());
    capheap_owner_usage_t u = { 1, 2, 3, 4 };
    CHECK(!capheap_caps_heap_owner_usage(NULL, TASK_A, &u));
    CHECK_EQ_U(u.owner, TASK_A);
    CHECK_EQ_SZ(u.current_bytes + u.peak_bytes + u.blocks, 0);
    CHECK(!capheap_caps_heap_owner_usage(F.dram, TASK_A, NULL));
    CHECK_EQ_SZ(capheap_caps_heap_owners(NULL, &u, 1), 0);
    CHECK_EQ_SZ(capheap_caps_owner_usage(NULL, TASK_A, 0, &u), 0);
    CHECK_EQ_SZ(capheap_caps_owner_usage(F.caps, TASK_A, 0, NULL), 0);
    CHECK_EQ_SZ(capheap_caps_owners(NULL, NULL, 0), 0);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(NULL, CAPHEAP_OWNER_ALL, 0, NULL, 0), 0);
    capheap_caps_owner_reset_peak(NULL, CAPHEAP_OWNER_ALL);
    CHECK_EQ_SZ(capheap_caps_owner_clear(NULL, CAPHEAP_OWNER_ALL), 0);
    static sink_t out;
    memset(&out, 0, sizeof out);
    capheap_caps_print_owner_overview(NULL, CAPHEAP_OWNER_ALL, NULL, NULL, sink_fn, &out);
    capheap_caps_print_owner_stats(NULL, CAPHEAP_OWNER_ALL, NULL, NULL, sink_fn, &out);
    capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, NULL, NULL, NULL, NULL);
    capheap_caps_print_owner_stats(F.caps, CAPHEAP_OWNER_ALL, NULL, NULL, NULL, NULL);
    CHECK_EQ_SZ(out.len, 0);
    /* an unknown owner: zeros, no entry */
    CHECK(!capheap_caps_heap_owner_usage(F.dram, TASK_C, &u));
    CHECK_EQ_SZ(u.current_bytes + u.peak_bytes + u.blocks, 0);
    CHECK_EQ_SZ(capheap_caps_owner_usage(F.caps, TASK_C, 0, &u), 0);
    /* the bucket always has figures, listed only once used */
    CHECK(capheap_caps_heap_owner_usage(F.dram, CAPHEAP_OWNER_OTHER, &u));
    CHECK_EQ_SZ(capheap_caps_heap_owners(F.dram, NULL, 0), 0);
    /* an empty instance prints only the frame */
    capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, NULL, NULL, sink_fn, &out);
    CHECK(strstr(out.buf, "TASK") != NULL);
    CHECK(strstr(out.buf, "ALIVE") == NULL);
    /* an owner hook returning a reserved value: counted in the bucket */
    g_owner = CAPHEAP_OWNER_ALL;
    void *r1 = capheap_caps_malloc(F.caps, 24, TFX_INT);
    g_owner = CAPHEAP_OWNER_OTHER;
    void *r2 = capheap_caps_malloc(F.caps, 8, TFX_INT);
    REQUIRE(r1 && r2);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_OTHER, 32, 32, 2);
    CHECK_EQ_SZ(capheap_caps_heap_owners(F.dram, NULL, 0), 1);
    capheap_caps_free(F.caps, r1);
    capheap_caps_free(F.caps, r2);
    CHECK_USAGE(F.dram, CAPHEAP_OWNER_OTHER, 0, 32, 0);
    capheap_caps_owner_reset_peak(F.caps, CAPHEAP_OWNER_ALL);
    /* a bad free does not touch the figures */
    g_owner = TASK_A;
    void *p = capheap_caps_malloc(F.caps, 40, TFX_INT);
    REQUIRE(p);
    capheap_caps_free(F.caps, p);
#if CAPHEAP_CHECKS
    capheap_caps_free(F.caps, p); /* double free: reported by the engine, ignored */
    CHECK_EQ_U(F.errors, 1);
#else
    check_log("  CAPHEAP_CHECKS=0: double free not applicable\n");
#endif
    CHECK_USAGE(F.dram, TASK_A, 0, 40, 0);
    close_fx();
}

/* ------------------------------------------------------------------- model */

/* Random operations by four owners over both heaps against a model of each
 * owner's per-heap current/peak/blocks; block lists compared at the end. */
static void t_model(void)
{
    enum { SLOTS = 48, OWNERS = 4, STEPS = 3000 };
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x7a5c);
    check_log("t_model: seed %llu\n", (unsigned long long)seed);
    prng_t r;
    prng_init(&r, seed);
    REQUIRE(open_fx());
    struct {
        void *p;
        size_t size;
        unsigned owner, heap;
    } slot[SLOTS];
    memset(slot, 0, sizeof slot);
    size_t cur[OWNERS][2], peak[OWNERS][2], blocks[OWNERS][2];
    memset(cur, 0, sizeof cur);
    memset(peak, 0, sizeof peak);
    memset(blocks, 0, sizeof blocks);
    const capheap_caps_heap_t *heaps[2] = { F.dram, F.spiram };
    const uint32_t caps[2] = { TFX_INT, TFX_EXT };
    for (int step = 0; step < STEPS; step++) {
        unsigned who = prng_range(&r, 0, OWNERS - 1);
        g_owner = 0x10 + who;
        unsigned i = prng_range(&r, 0, SLOTS - 1);
        unsigned hp = prng_range(&r, 0, 1);
        size_t n = prng_range(&r, 0, 600);
        if (!slot[i].p) {
            unsigned kind = prng_range(&r, 0, 2);
            void *p = kind == 0   ? capheap_caps_malloc(F.caps, n, caps[hp])
                      : kind == 1 ? capheap_caps_calloc(F.caps, 1, n, caps[hp])
                                  : capheap_caps_aligned_alloc(F.caps, 64, n, caps[hp]);
            if (!p)
                continue;
            slot[i].p = p;
            slot[i].size = n;
            slot[i].owner = who;
            slot[i].heap = hp;
            cur[who][hp] += n;
            blocks[who][hp]++;
        } else if (prng_range(&r, 0, 1)) {
            capheap_caps_free(F.caps, slot[i].p);
            cur[slot[i].owner][slot[i].heap] -= slot[i].size;
            blocks[slot[i].owner][slot[i].heap]--;
            slot[i].p = NULL;
        } else {
            n += 1; /* realloc to 0 would free */
            void *q = capheap_caps_realloc(F.caps, slot[i].p, n, caps[hp]);
            if (!q)
                continue;
            /* moved: the new block is counted before the old one leaves */
            bool moved = q != slot[i].p;
            if (!moved) {
                cur[slot[i].owner][slot[i].heap] -= slot[i].size;
                blocks[slot[i].owner][slot[i].heap]--;
            }
            cur[who][hp] += n;
            blocks[who][hp]++;
            if (cur[who][hp] > peak[who][hp])
                peak[who][hp] = cur[who][hp];
            if (moved) {
                cur[slot[i].owner][slot[i].heap] -= slot[i].size;
                blocks[slot[i].owner][slot[i].heap]--;
            }
            slot[i].p = q;
            slot[i].size = n;
            slot[i].owner = who;
            slot[i].heap = hp;
        }
        for (unsigned o = 0; o < OWNERS; o++)
            for (unsigned h = 0; h < 2; h++)
                if (cur[o][h] > peak[o][h])
                    peak[o][h] = cur[o][h];
        for (unsigned h = 0; h < 2; h++) {
            capheap_owner_usage_t u = tfx_usage(heaps[h], 0x10 + who);
            if (u.current_bytes != cur[who][h] || u.peak_bytes != peak[who][h] ||
                u.blocks != blocks[who][h]) {
                check_log("step %d owner %u heap %u: %zu/%zu/%zu, model %zu/%zu/%zu\n", step, who,
                          h, u.current_bytes, u.peak_bytes, u.blocks, cur[who][h], peak[who][h],
                          blocks[who][h]);
                CHECK_FAILED("owner figures against the model");
                return;
            }
        }
    }
    /* every owner's block list is exactly its slots */
    for (unsigned o = 0; o < OWNERS; o++) {
        capheap_owner_block_t b[SLOTS];
        size_t n = capheap_caps_owner_blocks(F.caps, 0x10 + o, 0, b, SLOTS);
        size_t want = 0;
        for (unsigned i = 0; i < SLOTS; i++) {
            if (!slot[i].p || slot[i].owner != o)
                continue;
            want++;
            bool found = false;
            for (size_t k = 0; k < n && !found; k++)
                found = b[k].ptr == slot[i].p && b[k].size == slot[i].size &&
                        b[k].heap == heaps[slot[i].heap];
            CHECK(found);
        }
        CHECK_EQ_SZ(n, want);
    }
    for (unsigned i = 0; i < SLOTS; i++)
        capheap_caps_free(F.caps, slot[i].p);
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, CAPHEAP_OWNER_ALL, 0, NULL, 0), 0);
    CHECK(capheap_caps_check_integrity_all(F.caps, NULL, NULL));
    CHECK_EQ_U(F.errors, 0);
    close_fx();
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_pre_scheduler);
    RUN(t_current_and_peak);
    RUN(t_every_path);
    RUN(t_realloc_changes_owner);
    RUN(t_block_lists);
    RUN(t_overview);
    RUN(t_table_full);
    RUN(t_reset_and_clear);
    RUN(t_bad_input);
    RUN(t_model);
    return check_summary("tasks");
}
