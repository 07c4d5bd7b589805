/*
 * Lock skipping (capheap/port.h: CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED).
 * While the process has one thread, the caps allocator's malloc and free
 * fast paths take no lock of a port carrying the flag, and always take
 * the lock of a port without it; once a second thread has existed, every
 * call takes it again; acquire and release always pair up; and four
 * threads sharing an instance over a flagged port leave every heap intact.
 * Where the C library does not say whether the process is single-threaded
 * (no <sys/single_threaded.h>), the flag changes nothing: checked too.
 * The order of main() matters: the single-threaded part runs first.
 */
#include "capheap/caps.h"
#include "check.h"
#include "prng.h"

#include "../../src/port/single_thread.h" /* the library's own decision */

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

/* A pthread mutex in the lock storage, with counters. */
static atomic_long g_acquires, g_releases;

static bool cnt_init(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    return pthread_mutex_init((pthread_mutex_t *)(void *)l->u.words, NULL) == 0;
}

static void cnt_acquire(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    pthread_mutex_lock((pthread_mutex_t *)(void *)l->u.words);
    atomic_fetch_add(&g_acquires, 1);
}

static void cnt_release(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    atomic_fetch_add(&g_releases, 1);
    pthread_mutex_unlock((pthread_mutex_t *)(void *)l->u.words);
}

static void cnt_destroy(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    pthread_mutex_destroy((pthread_mutex_t *)(void *)l->u.words);
}

static const capheap_lock_ops_t skippable = { cnt_init, cnt_acquire, cnt_release, cnt_destroy, NULL,
                                              CAPHEAP_LOCK_SKIP_WHEN_SINGLE_THREADED };
static const capheap_lock_ops_t always = { cnt_init, cnt_acquire, cnt_release, cnt_destroy, NULL, 0 };

static _Alignas(64) unsigned char ram[4][2][65536]; /* per instance */
static int g_made;

/* Two heaps in memory of its own: the instance's records live in the
 * larger one; small requests are served by the smaller one (tried first). */
static capheap_caps_t *make(const capheap_lock_ops_t *ops)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.lock_ops = ops;
    capheap_region_t r[2];
    memset(r, 0, sizeof r);
    unsigned char(*mem)[65536] = ram[g_made++ % 4];
    for (int i = 0; i < 2; i++) {
        r[i].start = (uintptr_t)mem[i];
        r[i].size = i ? sizeof mem[i] : sizeof mem[i] / 2;
        r[i].caps[0] = CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT;
        r[i].type = -1;
    }
    capheap_caps_t *c = NULL;
    CHECK(capheap_caps_create(&cfg, r, 2, &c) == CAPHEAP_OK);
    return c; /* NULL on failure: the callers stop */
}

/* n malloc/free pairs of small blocks; returns the acquires they took.
 * One pair first, not counted: the first free of a heap finds it through
 * the address index, a path that always locks; then it is free's hint. */
static long pairs(capheap_caps_t *c, int n)
{
    capheap_caps_free(c, capheap_caps_malloc(c, 16, CAPHEAP_CAP_8BIT));
    long before = atomic_load(&g_acquires);
    for (int i = 0; i < n; i++) {
        void *p = capheap_caps_malloc(c, 16 + (size_t)(i % 200), CAPHEAP_CAP_8BIT);
        CHECK(p != NULL);
        memset(p, 0x5A, 16);
        capheap_caps_free(c, p);
    }
    return atomic_load(&g_acquires) - before;
}

static void t_single_threaded(void)
{
    capheap_caps_t *s = make(&skippable);
    capheap_caps_t *a = make(&always);
    REQUIRE(s && a);
    long skipped = pairs(s, 1000);
    long taken = pairs(a, 1000);
#if CAPHEAP_HAVE_SINGLE_THREADED
    CHECK_EQ_U(skipped, 0);
#else
    CHECK_EQ_U(skipped, 2000);
#endif
    CHECK_EQ_U(taken, 2000); /* one lock round trip per call */
    CHECK_EQ_U(atomic_load(&g_acquires), atomic_load(&g_releases));
    CHECK(capheap_caps_check_integrity_all(s, NULL, NULL));
    CHECK(capheap_caps_check_integrity_all(a, NULL, NULL));
    capheap_caps_destroy(s);
    capheap_caps_destroy(a);
}

static void *nothing(void *arg) { return arg; }

static void t_after_a_thread(void)
{
    pthread_t t;
    REQUIRE(pthread_create(&t, NULL, nothing, NULL) == 0);
    pthread_join(t, NULL);
    capheap_caps_t *s = make(&skippable);
    REQUIRE(s);
    CHECK_EQ_U(pairs(s, 1000), 2000); /* glibc never says "single" again */
    CHECK_EQ_U(atomic_load(&g_acquires), atomic_load(&g_releases));
    capheap_caps_destroy(s);
}

typedef struct {
    capheap_caps_t *c;
    uint64_t seed;
    void *mine[64];
} worker_t;

/* Random malloc/free; every fourth free gives a block to the next worker
 * (cross-thread frees through the shared slots). */
static _Atomic(void *) g_slots[256];

static void *work(void *arg)
{
    worker_t *w = (worker_t *)arg;
    prng_t r;
    prng_init(&r, w->seed);
    for (int i = 0; i < 20000; i++) {
        unsigned k = (unsigned)prng_range(&r, 0, 63);
        if (w->mine[k]) {
            if (prng_range(&r, 0, 3) == 0) {
                void *old = atomic_exchange(&g_slots[prng_range(&r, 0, 255)], w->mine[k]);
                capheap_caps_free(w->c, old);
            } else {
                capheap_caps_free(w->c, w->mine[k]);
            }
            w->mine[k] = NULL;
        } else {
            w->mine[k] = capheap_caps_malloc(w->c, 8 + (size_t)prng_range(&r, 0, 299), CAPHEAP_CAP_8BIT);
        }
    }
    for (int k = 0; k < 64; k++)
        capheap_caps_free(w->c, w->mine[k]);
    return NULL;
}

static void t_four_threads(void)
{
    capheap_caps_t *c = make(&skippable);
    REQUIRE(c);
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x5C1F);
    check_log("caps.lock_skip: seed=0x%llx (replay with CAPHEAP_SEED=0x%llx)\n", (unsigned long long)seed,
              (unsigned long long)seed);
    worker_t w[4];
    pthread_t t[4];
    memset(w, 0, sizeof w);
    for (int i = 0; i < 4; i++) {
        w[i].c = c;
        w[i].seed = seed + (uint64_t)i;
        REQUIRE(pthread_create(&t[i], NULL, work, &w[i]) == 0);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < 256; i++)
        capheap_caps_free(c, atomic_exchange(&g_slots[i], NULL));
    CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
    CHECK_EQ_U(atomic_load(&g_acquires), atomic_load(&g_releases));
    capheap_heap_info_t info; /* every block came back */
    capheap_caps_get_info(c, &info, CAPHEAP_CAP_8BIT);
    CHECK_EQ_U(info.allocated_blocks, 0);
    capheap_caps_destroy(c);
}

int main(void)
{
    RUN(t_single_threaded); /* first: no thread may exist before it */
    RUN(t_after_a_thread);
    RUN(t_four_threads);
    return check_summary("caps.lock_skip");
}
