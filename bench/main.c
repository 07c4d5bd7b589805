/*
 * capheap bench driver: one binary per allocator (alloc_*.c), same code and
 * same request sequences for all. Prints one line of key=value pairs.
 *
 *   bench_<alloc> info
 *   bench_<alloc> time  W1|W2|W4 REGION [OPS]  ns/op of the whole sequence
 *                                              (after one untimed warm-up replay)
 *   bench_<alloc> count W1|W2|W4 REGION [OPS]  exact instructions per call
 *                                              (only under valgrind --tool=icount)
 *   bench_<alloc> tfcount W REGION OPS         same counts by trap-flag single-stepping
 *                                              (slow: a cross-check on a short prefix)
 *   bench_<alloc> eff   REGION [ROUNDS]        W3 efficiency (bounded allocators)
 *   bench_<alloc> foot                         footprint of a 16-byte block
 */
#define _GNU_SOURCE
#include "alloc.h"
#include "icount.h"
#include "workload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define HIST_MAX (1u << 20) /* instruction counts above this land in the last bucket */

static void usage(void)
{
    fprintf(stderr, "usage: bench info | time W REGION [OPS] | count|tfcount W REGION [OPS] | eff REGION [ROUNDS] | foot\n");
    exit(2);
}

static size_t parse_size(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 0);
    if (*end == 'K' || *end == 'k')
        v <<= 10;
    else if (*end == 'M' || *end == 'm')
        v <<= 20;
    return (size_t)v;
}

static bench_workload_t parse_workload(const char *s)
{
    if (s[0] == 'W' && s[1] >= '1' && s[1] <= '4' && s[2] == 0)
        return (bench_workload_t)(s[1] - '0');
    usage();
    return BENCH_W1;
}

static void *init_or_die(size_t region)
{
    void *ctx = bench_alloc.init(region);
    if (ctx == NULL) {
        fprintf(stderr, "bench: %s: init(%zu) failed\n", bench_alloc.name, region);
        exit(2);
    }
    return ctx;
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* ---------------------------------------------------------------- replay */

/* Replays the sequence through `c`; returns the number of refused requests.
 * Each block's first byte is written, as a program would. */
static size_t replay(const bench_calls_t *c, void *ctx, const bench_seq_t *s, void **ptrs, bool is_realloc)
{
    size_t fails = 0;
    for (size_t i = 0; i < s->nops; i++) {
        bench_op_t op = s->ops[i];
        if (is_realloc) {
            void *p = c->realloc(ctx, ptrs[op.slot], op.size);
            if (p == NULL) {
                fails++;
                continue;
            }
            *(volatile char *)p = (char)i;
            ptrs[op.slot] = p;
        } else if (op.size) {
            void *p = c->malloc(ctx, op.size);
            if (p == NULL)
                fails++;
            else
                *(volatile char *)p = (char)i;
            ptrs[op.slot] = p;
        } else if (ptrs[op.slot]) {
            c->free(ctx, ptrs[op.slot]);
            ptrs[op.slot] = NULL;
        }
    }
    return fails;
}

static int cmd_time(bench_workload_t w, size_t region, size_t nops)
{
    bench_seq_t s;
    if (w == BENCH_W3 || bench_seq_make(&s, w, region, nops, BENCH_SEED) != 0)
        usage();
    void **ptrs = bench_mem(s.nslots * sizeof *ptrs);
    void *ctx = init_or_die(region);
    /* Untimed warm-up: replay once and free everything, so page faults and
     * cold caches of the first touches are not timed, for any allocator. */
    if (!getenv("BENCH_NO_WARMUP"))
        replay(&bench_alloc.calls, ctx, &s, ptrs, w == BENCH_W4);
    for (uint32_t i = 0; i < s.nslots; i++)
        if (ptrs[i]) {
            bench_alloc.calls.free(ctx, ptrs[i]);
            ptrs[i] = NULL;
        }
    double t0 = now_ns();
    size_t fails = replay(&bench_alloc.calls, ctx, &s, ptrs, w == BENCH_W4);
    double t1 = now_ns();
    printf("alloc=%s mode=time workload=W%d region=%zu ops=%zu mallocs=%zu frees=%zu reallocs=%zu "
           "fails=%zu seq=%016llx ns_per_op=%.2f\n",
           bench_alloc.name, (int)w, region, s.nops, s.mallocs, s.frees, s.reallocs, fails,
           (unsigned long long)s.hash, (t1 - t0) / (double)s.nops);
    return 0;
}

/* ---------------------------------------------------------------- count */

typedef struct {
    uint32_t *hist;
    uint64_t n, sum, max;
} dist_t;

static void dist_init(dist_t *d) { *d = (dist_t){ bench_mem(HIST_MAX * sizeof(uint32_t)), 0, 0, 0 }; }

static void dist_add(dist_t *d, uint64_t v)
{
    d->hist[v < HIST_MAX ? v : HIST_MAX - 1]++;
    d->n++;
    d->sum += v;
    if (v > d->max)
        d->max = v;
}

/* Smallest value v with at least ceil(q * n) samples <= v. */
static uint64_t dist_quantile(const dist_t *d, double q)
{
    uint64_t rank = (uint64_t)((double)d->n * q);
    if ((double)rank < (double)d->n * q)
        rank++;
    if (rank == 0)
        rank = 1;
    uint64_t cum = 0;
    for (uint64_t v = 0; v < HIST_MAX; v++) {
        cum += d->hist[v];
        if (cum >= rank)
            return v;
    }
    return d->max;
}

static void dist_print(const char *name, const dist_t *d)
{
    if (d->n == 0)
        return;
    printf(" %s_n=%llu %s_median=%llu %s_p9999=%llu %s_max=%llu %s_mean=%.2f", name,
           (unsigned long long)d->n, name, (unsigned long long)dist_quantile(d, 0.5), name,
           (unsigned long long)dist_quantile(d, 0.9999), name, (unsigned long long)d->max, name,
           (double)d->sum / (double)d->n);
    /* The five most frequent counts (value:share), i.e. the common paths. */
    uint64_t top[5] = { 0 };
    uint32_t topn[5] = { 0 };
    for (uint64_t v = 0; v < HIST_MAX; v++) {
        uint32_t c = d->hist[v];
        for (int k = 0; k < 5; k++)
            if (c > topn[k]) {
                for (int j = 4; j > k; j--) {
                    top[j] = top[j - 1];
                    topn[j] = topn[j - 1];
                }
                top[k] = v;
                topn[k] = c;
                break;
            }
    }
    printf(" %s_modes=", name);
    for (int k = 0; k < 5 && topn[k]; k++)
        printf("%s%llu:%.1f%%", k ? "," : "", (unsigned long long)top[k], 100.0 * topn[k] / (double)d->n);
}

/* The measured window: the same code for the real call and for the
 * calibration call (whose callee is a single `ret`). */
static __attribute__((noinline)) void *counted_malloc(const bench_calls_t *c, void *ctx, size_t n, uint64_t *ins)
{
    uint64_t a = BENCH_ICOUNT();
    void *p = c->malloc(ctx, n);
    uint64_t b = BENCH_ICOUNT();
    *ins = (uint64_t)(uintptr_t)(b - a); /* the request returns a machine word */
    return p;
}

static __attribute__((noinline)) void counted_free(const bench_calls_t *c, void *ctx, void *p, uint64_t *ins)
{
    uint64_t a = BENCH_ICOUNT();
    c->free(ctx, p);
    uint64_t b = BENCH_ICOUNT();
    *ins = (uint64_t)(uintptr_t)(b - a); /* the request returns a machine word */
}

static __attribute__((noinline)) void *counted_realloc(const bench_calls_t *c, void *ctx, void *p, size_t n,
                                                       uint64_t *ins)
{
    uint64_t a = BENCH_ICOUNT();
    void *q = c->realloc(ctx, p, n);
    uint64_t b = BENCH_ICOUNT();
    *ins = (uint64_t)(uintptr_t)(b - a); /* the request returns a machine word */
    return q;
}

typedef struct {
    void *(*m)(const bench_calls_t *c, void *ctx, size_t n, uint64_t *ins);
    void (*f)(const bench_calls_t *c, void *ctx, void *p, uint64_t *ins);
    void *(*r)(const bench_calls_t *c, void *ctx, void *p, size_t n, uint64_t *ins);
} counter_t;

static const counter_t vg_counter = { counted_malloc, counted_free, counted_realloc };

/*
 * Cross-check counter: the x86 trap flag. Every instruction executed while
 * TF is set raises SIGTRAP once; the handler counts them. Exact but about
 * 20 us per instruction here, so it is only used on a short prefix of a
 * sequence to confirm the Valgrind tool's counts (mode `tfcount`).
 */
#if defined(__x86_64__)
#include <signal.h>
static volatile uint64_t tf_steps;
static void tf_handler(int sig) { (void)sig; tf_steps++; }
#define TF_ON() __asm__ volatile("pushfq\n\torq $0x100, (%%rsp)\n\tpopfq" ::: "memory", "cc")
#define TF_OFF() __asm__ volatile("pushfq\n\tandq $-257, (%%rsp)\n\tpopfq" ::: "memory", "cc")

static __attribute__((noinline)) void *tf_malloc(const bench_calls_t *c, void *ctx, size_t n, uint64_t *ins)
{
    tf_steps = 0;
    TF_ON();
    void *p = c->malloc(ctx, n);
    TF_OFF();
    *ins = tf_steps;
    return p;
}

static __attribute__((noinline)) void tf_free(const bench_calls_t *c, void *ctx, void *p, uint64_t *ins)
{
    tf_steps = 0;
    TF_ON();
    c->free(ctx, p);
    TF_OFF();
    *ins = tf_steps;
}

static __attribute__((noinline)) void *tf_realloc(const bench_calls_t *c, void *ctx, void *p, size_t n, uint64_t *ins)
{
    tf_steps = 0;
    TF_ON();
    void *q = c->realloc(ctx, p, n);
    TF_OFF();
    *ins = tf_steps;
    return q;
}

static const counter_t tf_counter = { tf_malloc, tf_free, tf_realloc };
#endif

/* Glue instructions of each counted_* window: the calibration call's count
 * minus the one `ret` it executes. Checked to be constant. */
static void calibrate(const counter_t *ct, uint64_t glue[3])
{
    const bench_calls_t *k = &bench_alloc.calib;
    uint64_t v[3][4];
    for (int i = 0; i < 4; i++) {
        ct->m(k, NULL, 16, &v[0][i]);
        ct->f(k, NULL, NULL, &v[1][i]);
        ct->r(k, NULL, NULL, 16, &v[2][i]);
    }
    for (int j = 0; j < 3; j++) {
        for (int i = 1; i < 4; i++)
            if (v[j][i] != v[j][0]) {
                fprintf(stderr, "bench: calibration not constant (%d: %llu vs %llu)\n", j,
                        (unsigned long long)v[j][i], (unsigned long long)v[j][0]);
                exit(3);
            }
        glue[j] = v[j][0] - 1;
    }
}

static int cmd_count(bench_workload_t w, size_t region, size_t nops, bool use_tf)
{
    const counter_t *ct = &vg_counter;
    if (use_tf) {
#if defined(__x86_64__)
        ct = &tf_counter;
        signal(SIGTRAP, tf_handler);
#else
        fprintf(stderr, "bench: tfcount needs x86-64\n");
        return 2;
#endif
    } else if (!BENCH_HAVE_ICOUNT || BENCH_ICOUNT() == 0) {
        fprintf(stderr, "bench: count mode needs valgrind --tool=icount (bench/run.sh sets it up)\n");
        return 2;
    }
    bench_seq_t s;
    if (w == BENCH_W3 || bench_seq_make(&s, w, region, nops, BENCH_SEED) != 0)
        usage();
    uint64_t glue[3];
    calibrate(ct, glue);
    void **ptrs = bench_mem(s.nslots * sizeof *ptrs);
    void *ctx = init_or_die(region);
    const bench_calls_t *c = &bench_alloc.calls;
    dist_t dm, df, dr;
    dist_init(&dm);
    dist_init(&df);
    dist_init(&dr);
    size_t fails = 0;
    uint64_t ins, hash = 14695981039346656037ull; /* FNV-1a over every call's count */
    for (size_t i = 0; i < s.nops; i++) {
        bench_op_t op = s.ops[i];
        ins = UINT64_MAX;
        if (w == BENCH_W4) {
            void *p = ct->r(c, ctx, ptrs[op.slot], op.size, &ins);
            ins -= glue[2];
            dist_add(&dr, ins);
            hash = (hash ^ ins) * 1099511628211ull;
            ins = UINT64_MAX;
            if (p == NULL) {
                fails++;
                continue;
            }
            *(volatile char *)p = (char)i;
            ptrs[op.slot] = p;
        } else if (op.size) {
            void *p = ct->m(c, ctx, op.size, &ins);
            ins -= glue[0];
            dist_add(&dm, ins);
            if (p == NULL)
                fails++;
            else
                *(volatile char *)p = (char)i;
            ptrs[op.slot] = p;
        } else if (ptrs[op.slot]) {
            ct->f(c, ctx, ptrs[op.slot], &ins);
            ins -= glue[1];
            dist_add(&df, ins);
            ptrs[op.slot] = NULL;
        }
        if (ins != UINT64_MAX)
            hash = (hash ^ ins) * 1099511628211ull;
    }
    printf("alloc=%s mode=%s workload=W%d region=%zu ops=%zu seq=%016llx fails=%zu glue=%llu/%llu/%llu hash=%016llx",
           bench_alloc.name, use_tf ? "tfcount" : "count", (int)w, region, s.nops, (unsigned long long)s.hash, fails,
           (unsigned long long)glue[0], (unsigned long long)glue[1], (unsigned long long)glue[2],
           (unsigned long long)hash);
    dist_print("malloc", &dm);
    dist_print("free", &df);
    dist_print("realloc", &dr);
    printf("\n");
    return 0;
}

/* ---------------------------------------------------------------- W3 */

/*
 * Allocate W1-sized blocks until the first refusal; record the live
 * requested payload and the live usable size as % of the region; free a
 * random half of the live blocks; continue until the next refusal; repeat.
 */
static int cmd_eff(size_t region, unsigned rounds)
{
    if (!bench_alloc.bounded) {
        printf("alloc=%s mode=eff region=%zu eff_first=n/a\n", bench_alloc.name, region);
        return 0;
    }
    void *ctx = init_or_die(region);
    const bench_calls_t *c = &bench_alloc.calls;
    size_t cap = region / 16 + 1;
    void **live = bench_mem(cap * sizeof *live);
    uint32_t *req = bench_mem(cap * sizeof *req);
    size_t nlive = 0, payload = 0, usable = 0;
    prng_t r;
    prng_init(&r, BENCH_SEED ^ 3);
    double first = 0, first_usable = 0, first_free = 0, second = 0, worst_after = 100, sum_after = 0;
    size_t first_blocks = 0;
    for (unsigned round = 0; round < rounds;) {
        uint32_t size = bench_size_w1(&r);
        void *p = nlive < cap ? c->malloc(ctx, size) : NULL;
        if (p) {
            live[nlive] = p;
            req[nlive++] = size;
            payload += size;
            usable += bench_alloc.usable(ctx, p);
            continue;
        }
        double e = 100.0 * (double)payload / (double)region;
        if (round == 0) {
            first = e;
            first_usable = 100.0 * (double)usable / (double)region;
            first_free = 100.0 * (double)bench_alloc.free_bytes(ctx) / (double)region;
            first_blocks = nlive;
        } else {
            if (round == 1)
                second = e;
            if (e < worst_after)
                worst_after = e;
            sum_after += e;
        }
        round++;
        for (size_t half = nlive / 2; half > 0; half--) {
            size_t k = prng_range(&r, 0, (uint32_t)(nlive - 1));
            payload -= req[k];
            usable -= bench_alloc.usable(ctx, live[k]);
            c->free(ctx, live[k]);
            live[k] = live[--nlive];
            req[k] = req[nlive];
        }
    }
    printf("alloc=%s mode=eff region=%zu rounds=%u first_blocks=%zu eff_first=%.2f usable_first=%.2f "
           "free_left=%.2f eff_second=%.2f eff_after_min=%.2f eff_after_mean=%.2f\n",
           bench_alloc.name, region, rounds, first_blocks, first, first_usable, first_free, second, worst_after,
           rounds > 1 ? sum_after / (rounds - 1) : 0.0);
    return 0;
}

/* ---------------------------------------------------------------- footprint */

/*
 * Bounded: drop in free payload bytes per malloc(16) over 1000 allocations
 * from a fresh 256 KiB heap (header + rounding + any split remainder), and
 * region bytes per block when the region is filled with 16-byte blocks.
 * Unbounded peers: median address distance between consecutive malloc(16)
 * results (a comparable figure: the heap spacing of a small block).
 */
static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int cmd_foot(void)
{
    enum { N = 1000 };
    size_t region = 256u << 10;
    void *ctx = init_or_die(region);
    const bench_calls_t *c = &bench_alloc.calls;
    static void *p[N];
    if (bench_alloc.bounded) {
        size_t f0 = bench_alloc.free_bytes(ctx);
        for (int i = 0; i < N; i++)
            p[i] = c->malloc(ctx, 16);
        size_t f1 = bench_alloc.free_bytes(ctx);
        size_t n = N;
        while (c->malloc(ctx, 16))
            n++;
        printf("alloc=%s mode=foot ptr_bits=%u foot16=%.2f region_per_block16=%.2f blocks16=%zu\n",
               bench_alloc.name, (unsigned)(8 * sizeof(void *)),
               (double)(f0 - f1) / N, (double)region / (double)n, n);
    } else {
        static size_t d[N - 1];
        for (int i = 0; i < N; i++)
            p[i] = c->malloc(ctx, 16);
        for (int i = 1; i < N; i++) {
            size_t a = (size_t)p[i], b = (size_t)p[i - 1];
            d[i - 1] = a > b ? a - b : b - a;
        }
        qsort(d, N - 1, sizeof d[0], cmp_size);
        printf("alloc=%s mode=foot ptr_bits=%u stride16=%zu\n", bench_alloc.name,
               (unsigned)(8 * sizeof(void *)), d[(N - 1) / 2]);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    const char *cmd = argv[1];
    if (!strcmp(cmd, "info")) {
        printf("alloc=%s mode=info desc=\"%s\"\n", bench_alloc.name, bench_alloc.describe());
        return 0;
    }
    if (!strcmp(cmd, "foot"))
        return cmd_foot();
    if (!strcmp(cmd, "eff") && argc >= 3)
        return cmd_eff(parse_size(argv[2]), argc >= 4 ? (unsigned)atoi(argv[3]) : 8);
    if ((!strcmp(cmd, "time") || !strcmp(cmd, "count") || !strcmp(cmd, "tfcount")) && argc >= 4) {
        bench_workload_t w = parse_workload(argv[2]);
        size_t region = parse_size(argv[3]);
        size_t ops = argc >= 5 ? parse_size(argv[4]) : 2000000;
        if (!strcmp(cmd, "time"))
            return cmd_time(w, region, ops);
        return cmd_count(w, region, ops, cmd[0] == 't');
    }
    usage();
    return 2;
}
