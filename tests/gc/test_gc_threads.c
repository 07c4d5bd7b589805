/*
 * GC heap from several threads at once (issue 6; label threads, run under
 * TSan by the matrix): allocation, explicit free, realloc, size and info
 * from four threads on one instance with the pthread lock, each thread
 * checking its own objects' stamps; then a collection from one thread whose
 * roots are every thread's surviving objects.
 */
#include "capheap/gc.h"
#include "check.h"
#include "prng.h"

#include <pthread.h>
#include <string.h>

#define B CAPHEAP_GC_BLOCK
#define THREADS 4
#define SLOTS 64
#define STEPS 20000

static _Alignas(64) unsigned char mem[512 * 1024];
static capheap_gc_t *gc;

typedef struct {
    int id;
    uintptr_t *obj[SLOTS];
    size_t words[SLOTS];
    int bad;
} worker_t;

static worker_t workers[THREADS];

static void *work(void *arg)
{
    worker_t *w = (worker_t *)arg;
    prng_t r;
    prng_init(&r, 1000u + (unsigned)w->id);
    for (int s = 0; s < STEPS; s++) {
        int k = (int)prng_range(&r, 0, SLOTS - 1);
        uintptr_t stamp = ((uintptr_t)w->id << 20) | (uintptr_t)k << 1 | 1u;
        if (!w->obj[k]) {
            size_t words = prng_range(&r, 1, 24);
            uintptr_t *p = (uintptr_t *)capheap_gc_alloc(gc, words * sizeof(uintptr_t), 0);
            if (!p)
                continue;
            for (size_t i = 0; i < words; i++)
                p[i] = stamp;
            w->obj[k] = p;
            w->words[k] = words;
        } else {
            uintptr_t *p = w->obj[k];
            for (size_t i = 0; i < w->words[k]; i++)
                if (p[i] != stamp)
                    w->bad++;
            if (capheap_gc_size(gc, p) < w->words[k] * sizeof(uintptr_t))
                w->bad++;
            uint32_t op = prng_range(&r, 0, 3);
            if (op == 0) {
                size_t words = prng_range(&r, 1, 40);
                uintptr_t *q = (uintptr_t *)capheap_gc_realloc(gc, p, words * sizeof(uintptr_t),
                                                               true);
                if (q) {
                    for (size_t i = 0; i < words; i++)
                        q[i] = stamp;
                    w->obj[k] = q;
                    w->words[k] = words;
                }
            } else if (op == 1 && (s & 255) == 0) {
                capheap_gc_info_t info;
                capheap_gc_get_info(gc, &info);
                if (info.used + info.free != info.total)
                    w->bad++;
            } else {
                capheap_gc_free(gc, p);
                w->obj[k] = NULL;
            }
        }
    }
    return NULL;
}

static void t_threads(void)
{
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    REQUIRE(capheap_gc_create(&cfg, mem, sizeof mem, &gc) == CAPHEAP_OK);
    capheap_gc_disable(gc); /* no roots are registered while threads run */
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++) {
        memset(&workers[i], 0, sizeof workers[i]);
        workers[i].id = i + 1;
        REQUIRE(pthread_create(&th[i], NULL, work, &workers[i]) == 0);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    size_t expect = 0;
    for (int i = 0; i < THREADS; i++) {
        CHECK_EQ_U(workers[i].bad, 0);
        for (int k = 0; k < SLOTS; k++)
            if (workers[i].obj[k])
                expect += capheap_gc_size(gc, workers[i].obj[k]);
    }
    CHECK_EQ_SZ(capheap_gc_used_bytes(gc), expect);
    /* a collection rooted at every surviving object frees nothing */
    capheap_gc_collect_start(gc);
    for (int i = 0; i < THREADS; i++)
        capheap_gc_collect_root(gc, (void *const *)workers[i].obj, SLOTS);
    CHECK_EQ_SZ(capheap_gc_collect_end(gc), 0);
    CHECK_EQ_SZ(capheap_gc_used_bytes(gc), expect);
    capheap_gc_destroy(gc);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_threads);
    return check_summary("gc.threads");
}
