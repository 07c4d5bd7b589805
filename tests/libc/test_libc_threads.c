/*
 * The malloc family from several threads at once: each thread allocates,
 * stamps, reallocates, verifies and frees blocks, and frees blocks another
 * thread allocated (handed over through a shared slot array). The heap is
 * checked at the end; every block's pattern is checked before it is freed.
 */
#include "libc_fixture.h"
#include "prng.h"
#include "stress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#define THREADS 4
#define OPS 20000
#define SLOTS 64

typedef struct {
    _Atomic(uintptr_t) slot[SLOTS]; /* block | token in a side table */
} shared_t;

static shared_t shared;
static _Atomic int failures;
static unsigned char *arena;

static void *worker(void *arg)
{
    prng_t rng;
    prng_init(&rng, (uint64_t)(uintptr_t)arg * 7919u + 1u);
    void *mine[32] = { 0 };
    size_t size[32] = { 0 };
    uint32_t token[32] = { 0 };
    for (int i = 0; i < OPS; i++) {
        unsigned k = prng_range(&rng, 0, 31);
        unsigned op = prng_range(&rng, 0, 9);
        if (mine[k] == NULL) {
            size_t n = prng_range(&rng, 0, 2000);
            void *p = op < 2 ? capheap_libc_aligned_alloc((size_t)64 << (op * 2), n)
                             : op < 4 ? capheap_libc_calloc(1, n) : capheap_libc_malloc(n);
            if (!p)
                continue;
            token[k] = prng_next(&rng);
            stress_stamp(p, n, token[k]);
            mine[k] = p;
            size[k] = n;
        } else if (op < 3) {
            size_t n = prng_range(&rng, 1, 3000);
            void *p = capheap_libc_realloc(mine[k], n);
            if (!p)
                continue;
            size_t keep = n < size[k] ? n : size[k];
            if (stress_verify(p, keep, token[k]) != keep)
                atomic_fetch_add(&failures, 1);
            stress_stamp(p, n, token[k]);
            mine[k] = p;
            size[k] = n;
        } else if (op < 5) {
            /* hand the block over: whoever finds it frees it */
            uintptr_t old = atomic_exchange(&shared.slot[k % SLOTS], (uintptr_t)mine[k]);
            capheap_libc_free((void *)old);
            mine[k] = NULL;
        } else {
            if (stress_verify(mine[k], size[k], token[k]) != size[k])
                atomic_fetch_add(&failures, 1);
            capheap_libc_free(mine[k]);
            mine[k] = NULL;
        }
    }
    for (unsigned k = 0; k < 32; k++)
        capheap_libc_free(mine[k]);
    return NULL;
}

static void t_threads(void)
{
    size_t size = (size_t)8 << 20;
    arena = (unsigned char *)malloc(size);
    REQUIRE(arena != NULL);
    libc_fx_t f;
    REQUIRE(libc_fx_open(&f, arena, size));
    size_t free0 = libc_fx_free(&f);
    pthread_t t[THREADS];
    for (uintptr_t i = 0; i < THREADS; i++)
        REQUIRE(pthread_create(&t[i], NULL, worker, (void *)i) == 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    for (unsigned k = 0; k < SLOTS; k++)
        capheap_libc_free((void *)atomic_exchange(&shared.slot[k], 0));
    CHECK_EQ_U(atomic_load(&failures), 0);
    CHECK_EQ_U(f.errors, 0);
    CHECK_EQ_U(libc_fx_free(&f), free0);
    CHECK(capheap_caps_check_integrity_all(f.caps, NULL, NULL));
    libc_fx_close(&f);
    free(arena);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_threads);
    return check_summary("libc.threads");
}
