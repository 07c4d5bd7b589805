/*
 * Thread stress: 8 threads (issue 9) allocate with random capabilities from every heap
 * of the esp32 layout (EXEC blocks at the D/IRAM alias included) and swap
 * blocks through shared slots, so most frees happen on another thread than
 * the allocation; every block is stamped and verified before it is freed.
 * Meanwhile the main thread adds heaps at run time (nested in a SPIRAM
 * block) that the workers allocate from at once. Run under TSan with the
 * "threads" label. Seed: CAPHEAP_SEED (printed).
 */
#include "caps_fixture.h"
#include "prng.h"
#include "stress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { THREADS = 8, SLOTS = 512, OPS = 20000, ADDED = 16 }; /* OPS per thread */

static fixture_t fx;
static _Atomic(uintptr_t) slots[SLOTS];
static atomic_int failures;
static atomic_int added;
static uint64_t seed;

static const uint32_t caps_list[] = {
    CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL, CAPHEAP_CAP_DMA, CAPHEAP_CAP_8BIT,
    CAPHEAP_CAP_EXEC, CAPHEAP_CAP_32BIT, CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_PID5,
};

#define HDR 16 /* size (8) + token (4) + pad: written with memcpy */

static void *make_block(prng_t *r, uint32_t token)
{
    uint32_t caps = caps_list[prng_range(r, 0, sizeof caps_list / sizeof caps_list[0] - 1)];
    size_t size = HDR + prng_range(r, 0, 2000);
    if (caps == CAPHEAP_CAP_PID5 && atomic_load(&added) == 0)
        caps = CAPHEAP_CAP_8BIT;
    unsigned char *p = capheap_caps_malloc(fx.caps, size, caps);
    if (!p)
        return NULL;
    uint64_t s64 = size;
    memcpy(p, &s64, 8);
    memcpy(p + 8, &token, 4);
    stress_stamp(p + HDR, size - HDR, token);
    return p;
}

static bool verify_block(const unsigned char *p)
{
    uint64_t s64;
    uint32_t token;
    memcpy(&s64, p, 8);
    memcpy(&token, p + 8, 4);
    return s64 >= HDR && s64 <= HDR + 2000 && stress_verify(p + HDR, (size_t)s64 - HDR, token) == s64 - HDR;
}

static void *worker(void *arg)
{
    prng_t r;
    prng_init(&r, seed + (uintptr_t)arg);
    for (uint32_t op = 0; op < OPS; op++) {
        uint32_t i = prng_range(&r, 0, SLOTS - 1);
        uint32_t what = prng_range(&r, 0, 9);
        unsigned char *mine = NULL;
        if (what < 6)
            mine = make_block(&r, prng_next(&r));
        unsigned char *old = (unsigned char *)atomic_exchange(&slots[i], (uintptr_t)mine);
        if (!old)
            continue;
        if (!verify_block(old)) {
            atomic_fetch_add(&failures, 1);
            continue;
        }
        if (what == 9) {
            /* realloc a block another thread allocated, to other caps */
            uint64_t s64;
            memcpy(&s64, old, 8);
            unsigned char *n = capheap_caps_realloc(fx.caps, old, (size_t)s64 + 100, CAPHEAP_CAP_8BIT);
            if (n) {
                if (!verify_block(n))
                    atomic_fetch_add(&failures, 1);
                old = n;
            }
        }
        capheap_caps_free(fx.caps, old);
    }
    return NULL;
}

static void t_threads_cross_free(void)
{
    REQUIRE(fx_open(&fx, "esp32", FX_ALL));
    /* memory for the heaps added while the workers run (never freed: it
     * holds heaps) */
    unsigned char *arena = capheap_caps_malloc(fx.caps, ADDED * 32768, CAPHEAP_CAP_SPIRAM);
    REQUIRE(arena);
    size_t free0 = capheap_caps_get_free_size(fx.caps, CAPHEAP_CAP_INTERNAL) +
                   capheap_caps_get_free_size(fx.caps, CAPHEAP_CAP_SPIRAM);
    pthread_t th[THREADS];
    for (uintptr_t t = 0; t < THREADS; t++)
        REQUIRE(pthread_create(&th[t], NULL, worker, (void *)t) == 0);
    uint32_t m[3] = { CAPHEAP_CAP_PID5 | CAPHEAP_CAP_8BIT, 0, 0 };
    for (int k = 0; k < ADDED; k++) {
        unsigned char *s = arena + (size_t)k * 32768;
        CHECK_EQ_U(capheap_caps_add_region_with_caps(fx.caps, m, s, s + 32768), CAPHEAP_OK);
        atomic_fetch_add(&added, 1);
    }
    for (int t = 0; t < THREADS; t++)
        pthread_join(th[t], NULL);
    for (int i = 0; i < SLOTS; i++) {
        unsigned char *p = (unsigned char *)atomic_exchange(&slots[i], (uintptr_t)0);
        if (p) {
            CHECK(verify_block(p));
            capheap_caps_free(fx.caps, p);
        }
    }
    CHECK_EQ_U(atomic_load(&failures), 0);
    CHECK(capheap_caps_check_integrity_all(fx.caps, NULL, NULL));
    CHECK_EQ_U(capheap_caps_heap_count(fx.caps), 7 + ADDED);
    size_t added_free = capheap_caps_get_free_size(fx.caps, CAPHEAP_CAP_PID5);
    CHECK(added_free > ADDED * 28000u);
    CHECK_EQ_U(capheap_caps_get_minimum_free_size(fx.caps, CAPHEAP_CAP_PID5) <= added_free, 1);
    CHECK_EQ_U(capheap_caps_get_free_size(fx.caps, CAPHEAP_CAP_INTERNAL) +
                   capheap_caps_get_free_size(fx.caps, CAPHEAP_CAP_SPIRAM),
               free0);
    fx_close(&fx);
}

int main(void)
{
    seed = prng_seed_from_env("CAPHEAP_SEED", 0x7EAD);
    check_log("caps.threads: seed=0x%llx (replay with CAPHEAP_SEED=0x%llx)\n",
              (unsigned long long)seed, (unsigned long long)seed);
    RUN(t_threads_cross_free);
    return check_summary("caps.threads");
}
