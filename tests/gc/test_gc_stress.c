/*
 * GC heap random object-graph stress (issue 6). A model keeps every object
 * the test allocated (size, stamp, outgoing edges) and the roots. Random
 * steps allocate objects (some with finalisers), link and unlink them, drop
 * and set roots, free explicitly, realloc; every few steps a collection runs
 * and the model computes the reachable set: every reachable object must
 * survive intact (stamp and edges), every unreachable one must be freed,
 * each finaliser called exactly once, and the heap's used bytes must equal
 * the reachable objects' blocks. Objects hold only edges (HEAD addresses)
 * and odd stamps, so the conservative marker sees exactly the model's graph.
 *
 *   test_gc_stress [steps]   CAPHEAP_SEED=<n> replays a seed
 * The short run is the normal test; gc.stress.long (label slow) runs more
 * steps on a split heap with a tiny mark stack.
 */
#include "capheap/gc.h"
#include "check.h"
#include "prng.h"

#include <stdlib.h>
#include <string.h>

#define B CAPHEAP_GC_BLOCK
#define MAXOBJ 4000
#define NROOTS 64
#define EDGES 6 /* edge slots at words 1..EDGES when the object is big enough */

typedef struct {
    void **p;          /* NULL: not live in the model */
    size_t words;      /* usable words */
    uintptr_t stamp;   /* word 0, odd */
    bool fin;
    int fin_calls;
    bool reach;
    int pos;           /* index in live_list */
} obj_t;

static obj_t objs[MAXOBJ];
static int live_list[MAXOBJ]; /* the model's live objects, dense */
static int live_n;
static void *roots[NROOTS];
static _Alignas(64) unsigned char mem1[512 * 1024];
static _Alignas(64) unsigned char mem2[48 * 1024];
static capheap_gc_t *gc;
static int bad_fin;

/* model index of the object at each block of the two buffers, +1 (0: none) */
static int16_t at1[sizeof mem1 / (2 * sizeof(void *))];
static int16_t at2[sizeof mem2 / (2 * sizeof(void *))];

static int16_t *slot(const void *p)
{
    const unsigned char *c = (const unsigned char *)p;
    if (c >= mem1 && c < mem1 + sizeof mem1)
        return &at1[(size_t)(c - mem1) / (2 * sizeof(void *))];
    if (c >= mem2 && c < mem2 + sizeof mem2)
        return &at2[(size_t)(c - mem2) / (2 * sizeof(void *))];
    return NULL;
}

static int find_obj(const void *p)
{
    int16_t *s = slot(p);
    int i = s ? *s - 1 : -1;
    return i >= 0 && objs[i].p == p ? i : -1;
}

static void forget(int i)
{
    int16_t *s = slot(objs[i].p);
    if (s)
        *s = 0;
    objs[i].p = NULL;
    int last = live_list[--live_n];
    live_list[objs[i].pos] = last;
    objs[last].pos = objs[i].pos;
}

static void on_final(void *ctx, void *o)
{
    (void)ctx;
    int i = find_obj(o);
    if (i < 0 || objs[i].reach || !objs[i].fin)
        bad_fin++;
    else
        objs[i].fin_calls++;
}

static size_t edges_of(const obj_t *o)
{
    return o->words - 1 < EDGES ? o->words - 1 : EDGES;
}

static void mark_model(int i)
{
    /* iterative DFS over the model */
    static int stack[MAXOBJ];
    int n = 0;
    if (objs[i].reach)
        return;
    objs[i].reach = true;
    stack[n++] = i;
    while (n) {
        obj_t *o = &objs[stack[--n]];
        for (size_t e = 1; e <= edges_of(o); e++) {
            if (!o->p[e])
                continue;
            int j = find_obj(o->p[e]);
            if (j >= 0 && !objs[j].reach) {
                objs[j].reach = true;
                stack[n++] = j;
            }
        }
    }
}

static int live_index(prng_t *r)
{
    return live_n ? live_list[prng_range(r, 0, (uint32_t)live_n - 1)] : -1;
}

/* Collect and check the heap against the model. */
static bool collect_and_check(bool via_roots_api)
{
    for (int i = 0; i < MAXOBJ; i++)
        objs[i].reach = false;
    for (int k = 0; k < NROOTS; k++)
        if (roots[k]) {
            int i = find_obj(roots[k]);
            if (i >= 0)
                mark_model(i);
        }
    if (via_roots_api) {
        capheap_gc_collect_start(gc);
        capheap_gc_collect_root(gc, roots, NROOTS);
        capheap_gc_collect_end(gc);
    } else {
        capheap_gc_collect(gc); /* roots registered as a range */
    }
    size_t used = 0;
    bool ok = true;
    int dbg_live = 0, dbg_reach = 0;
    for (int i = 0; i < MAXOBJ; i++) {
        obj_t *o = &objs[i];
        if (!o->p)
            continue;
        dbg_live++;
        dbg_reach += o->reach;
        if (o->reach) {
            if (capheap_gc_size(gc, o->p) != ((o->words * sizeof(void *) + B - 1) / B) * B ||
                (uintptr_t)o->p[0] != o->stamp) {
                check_log("reachable object %d damaged or freed\n", i);
                ok = false;
            }
            if (o->fin_calls) {
                check_log("finaliser of live object %d ran\n", i);
                ok = false;
            }
            used += capheap_gc_size(gc, o->p);
        } else {
            if (capheap_gc_size(gc, o->p) != 0) {
                check_log("unreachable object %d survived\n", i);
                ok = false;
            }
            if (o->fin_calls != (o->fin ? 1 : 0)) {
                check_log("object %d: %d finaliser calls\n", i, o->fin_calls);
                ok = false;
            }
            /* gone from the model; edges to it are dangling only inside
             * other unreachable objects */
            forget(i);
        }
    }
    if (getenv("GC_STRESS_DEBUG"))
        check_log("live %d reach %d\n", dbg_live, dbg_reach);
    if (capheap_gc_used_bytes(gc) != used) {
        check_log("used %zu, model %zu\n", capheap_gc_used_bytes(gc), used);
        ok = false;
    }
    if (bad_fin) {
        check_log("%d bad finaliser calls\n", bad_fin);
        ok = false;
    }
    return ok;
}

static void run(uint64_t seed, long steps, size_t stack, bool split, size_t heap, size_t scale)
{
    memset(objs, 0, sizeof objs);
    memset(at1, 0, sizeof at1);
    memset(at2, 0, sizeof at2);
    live_n = 0;
    memset(roots, 0, sizeof roots);
    bad_fin = 0;
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.finaliser = on_final;
    cfg.mark_stack = stack;
    REQUIRE(capheap_gc_create(&cfg, mem1, heap, &gc) == CAPHEAP_OK);
    if (split)
        REQUIRE(capheap_gc_add_area(gc, mem2, sizeof mem2) == CAPHEAP_OK);
    capheap_gc_add_root_range(gc, roots, roots + NROOTS);
    capheap_gc_disable(gc); /* collections happen when the test says */
    prng_t r;
    prng_init(&r, seed);
    uintptr_t stamp = 1;
    long collections = 0;
    for (long s = 0; s < steps; s++) {
        uint32_t op = prng_range(&r, 0, 99);
        if (op < 55) { /* allocate */
            int i = (int)prng_range(&r, 0, MAXOBJ - 1);
            if (objs[i].p)
                continue;
            size_t words = prng_range(&r, 0, 9) ? prng_range(&r, 1, 16) : prng_range(&r, 17, 200);
            words *= scale;
            bool fin = prng_range(&r, 0, 3) == 0;
            void **p = (void **)capheap_gc_alloc(gc, words * sizeof(void *),
                                                 fin ? CAPHEAP_GC_FINALISER : 0u);
            if (!p) {
                /* automatic collection is off: a failure means no free run
                 * of that many blocks exists anywhere */
                capheap_gc_info_t info;
                capheap_gc_get_info(gc, &info);
                if (info.max_free * B >= words * sizeof(void *)) {
                    check_log("allocation of %zu words failed with a free run of %zu blocks\n",
                              words, info.max_free);
                    CHECK_FAILED("false out-of-memory");
                    break;
                }
                /* full: cut edges of about 1 object in 16 so that this
                 * collection has garbage to find */
                for (int c = 0; c < live_n / 16; c++) {
                    int a = live_index(&r);
                    if (edges_of(&objs[a]))
                        objs[a].p[prng_range(&r, 1, (uint32_t)edges_of(&objs[a]))] = NULL;
                }
                if (!collect_and_check(prng_range(&r, 0, 1)))
                    break;
                collections++;
                continue;
            }
            bool zero = true;
            for (size_t w = 0; w < words; w++)
                zero = zero && p[w] == NULL;
            CHECK(zero);
            stamp += 2;
            p[0] = (void *)stamp;
            objs[i] = (obj_t){ p, words, stamp, fin, 0, false, live_n };
            live_list[live_n++] = i;
            *slot(p) = (int16_t)(i + 1);
            /* new objects hang off a root or another object most of the time */
            uint32_t where = prng_range(&r, 0, 9);
            if (where < 2) {
                roots[prng_range(&r, 0, NROOTS - 1)] = p;
            } else if (where < 9) {
                /* into an empty edge slot: growing graphs, not churn */
                int j = live_index(&r);
                if (j >= 0 && j != i)
                    for (size_t e = 1; e <= edges_of(&objs[j]); e++)
                        if (!objs[j].p[e]) {
                            objs[j].p[e] = p;
                            break;
                        }
            }
        } else if (op < 70) { /* link two objects (cycles welcome) */
            int a = live_index(&r), b = live_index(&r);
            if (a >= 0 && b >= 0 && edges_of(&objs[a]))
                objs[a].p[prng_range(&r, 1, (uint32_t)edges_of(&objs[a]))] = objs[b].p;
        } else if (op < 78) { /* cut an edge */
            int a = live_index(&r);
            if (a >= 0 && edges_of(&objs[a]))
                objs[a].p[prng_range(&r, 1, (uint32_t)edges_of(&objs[a]))] = NULL;
        } else if (op < 82) { /* drop or move a root */
            int a = live_index(&r);
            roots[prng_range(&r, 0, NROOTS - 1)] =
                prng_range(&r, 0, 1) && a >= 0 ? (void *)objs[a].p : NULL;
        } else if (op < 86) { /* explicit free of an object nothing points to */
            int a = live_index(&r);
            if (a < 0)
                continue;
            bool referenced = false;
            for (int k = 0; k < NROOTS; k++)
                referenced = referenced || roots[k] == objs[a].p;
            for (int j = 0; j < MAXOBJ && !referenced; j++)
                if (objs[j].p)
                    for (size_t e = 1; e <= edges_of(&objs[j]); e++)
                        referenced = referenced || objs[j].p[e] == objs[a].p;
            if (!referenced) {
                capheap_gc_free(gc, objs[a].p);
                CHECK_EQ_SZ(capheap_gc_size(gc, objs[a].p), 0);
                forget(a);
            }
        } else if (op < 96) { /* realloc in place only (pointers stay valid) */
            int a = live_index(&r);
            if (a < 0)
                continue;
            size_t words = prng_range(&r, 1, 24);
            if (words < objs[a].words && edges_of(&objs[a]) > 0)
                continue; /* shrinking could cut edges the model keeps */
            void *q = capheap_gc_realloc(gc, objs[a].p, words * sizeof(void *), false);
            if (q) {
                CHECK(q == objs[a].p);
                if (words > objs[a].words)
                    objs[a].words = words;
            }
        } else if (op < 99) {
            if (!collect_and_check(prng_range(&r, 0, 1)))
                break;
            collections++;
        }
    }
    if (!check_failures_in_test) {
        for (int k = 0; k < NROOTS; k++)
            roots[k] = NULL;
        CHECK(collect_and_check(false));
        CHECK_EQ_SZ(capheap_gc_used_bytes(gc), 0);
    }
    if (check_failures_in_test)
        check_log("seed %llu failed (replay: CAPHEAP_SEED=%llu)\n", (unsigned long long)seed,
                  (unsigned long long)seed);
    check_log("  %ld steps, %ld collections\n", steps, collections);
    capheap_gc_destroy(gc);
}

static long g_steps = 10000;
static uint64_t g_seed;

static void t_graph(void)
{
    run(g_seed, g_steps, 64, false, 96 * 1024, 1);
}

static void t_graph_split_tiny_stack(void)
{
    run(g_seed + 1, g_steps, 2, true, 48 * 1024, 1);
}

/* many groups of the allocation table (gc_internal.h) and big objects */
static void t_graph_big(void)
{
    run(g_seed + 2, g_steps / 2, 64, false, sizeof mem1, 6);
}

int main(int argc, char **argv)
{
    if (argc > 1 && argv[1][0] >= '0' && argv[1][0] <= '9') {
        g_steps = atol(argv[1]);
        argc = 1;
    }
    g_seed = prng_seed_from_env("CAPHEAP_SEED", 0x6c0ffee);
    check_log("gc.stress seed %llu (CAPHEAP_SEED), %ld steps\n", (unsigned long long)g_seed,
              g_steps);
    check_select(argc, argv);
    RUN(t_graph);
    RUN(t_graph_split_tiny_stack);
    RUN(t_graph_big);
    return check_summary("gc.stress");
}
