/*
 * The FreeRTOS heap_5 and WM IoT layers from several threads at once: each
 * thread allocates, stamps, checks and frees (WM: also reallocates) blocks
 * of random sizes; at the end the heap_5 counters agree (successful
 * allocations == frees, both equal to the operations done), the free sizes
 * are back to their start, the WM live-block list is empty and every heap
 * passes its integrity check. Label `threads` (the TSan cell runs it).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "capheap_freertos.h"
#include "check.h"
#include "prng.h"
#include "wm_heap.h"

#define THREADS 4
#define ROUNDS 3000
#define SLOTS 16

static _Alignas(16) uint8_t s_ram_a[96 * 1024];
static _Alignas(16) uint8_t s_ram_b[32 * 1024];
static unsigned long s_rtos_allocs[THREADS];
static unsigned s_bad[THREADS];

typedef struct {
    int id;
    uint64_t seed;
} arg_t;

static void stamp(uint8_t *p, size_t n, uint8_t v)
{
    memset(p, v, n);
}

static bool intact(const uint8_t *p, size_t n, uint8_t v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return false;
    return true;
}

static void *worker(void *argp)
{
    arg_t *a = argp;
    prng_t rng;
    prng_init(&rng, a->seed + (uint64_t)a->id);
    uint8_t *rtos[SLOTS] = { 0 }, *wm[SLOTS] = { 0 };
    size_t rtos_n[SLOTS] = { 0 }, wm_n[SLOTS] = { 0 };
    uint8_t tag = (uint8_t)(0x10 * (a->id + 1));
    for (int r = 0; r < ROUNDS; r++) {
        size_t i = prng_range(&rng, 0, SLOTS - 1);
        if (rtos[i]) {
            if (!intact(rtos[i], rtos_n[i], tag))
                s_bad[a->id]++;
            vPortFree(rtos[i]);
            rtos[i] = NULL;
        } else {
            size_t n = prng_range(&rng, 1, 600);
            rtos[i] = pvPortMalloc(n);
            if (rtos[i]) {
                s_rtos_allocs[a->id]++;
                rtos_n[i] = n;
                stamp(rtos[i], n, tag);
            }
        }
        size_t j = prng_range(&rng, 0, SLOTS - 1);
        wm_heap_cap_type_t caps = prng_range(&rng, 0, 1) ? WM_HEAP_CAP_SHARED : WM_HEAP_CAP_DEFAULT;
        if (wm[j] && prng_range(&rng, 0, 2) == 0) {
            size_t n = prng_range(&rng, 1, 900);
            uint8_t *q = wm_heap_caps_realloc(wm[j], n, (wm_heap_cap_type_t)0);
            if (q) {
                if (!intact(q, n < wm_n[j] ? n : wm_n[j], tag))
                    s_bad[a->id]++;
                wm[j] = q;
                wm_n[j] = n;
                stamp(q, n, tag);
            }
        } else if (wm[j]) {
            if (!intact(wm[j], wm_n[j], tag))
                s_bad[a->id]++;
            wm_heap_caps_free(wm[j]);
            wm[j] = NULL;
        } else {
            size_t n = prng_range(&rng, 1, 900);
            wm[j] = wm_heap_caps_alloc(n, caps);
            if (wm[j]) {
                wm_n[j] = n;
                stamp(wm[j], n, tag);
            }
        }
    }
    for (size_t i = 0; i < SLOTS; i++) {
        if (rtos[i])
            vPortFree(rtos[i]);
        if (wm[i])
            wm_heap_caps_free(wm[i]);
    }
    return NULL;
}

static char s_out[4096];
static void capture(void *ctx, const char *text)
{
    (void)ctx;
    size_t have = strlen(s_out), n = strlen(text);
    if (have + n < sizeof s_out)
        memcpy(s_out + have, text, n + 1);
}

static void t_threads(void)
{
    const HeapRegion_t regions[] = { { s_ram_a, sizeof s_ram_a }, { s_ram_b, sizeof s_ram_b },
                                     { NULL, 0 } };
    vPortDefineHeapRegions(regions);
    REQUIRE(capheap_freertos_instance() != NULL);
    wm_heap_init();
    REQUIRE(capheap_wm_instance() != NULL);
    size_t rtos_free0 = xPortGetFreeHeapSize(), wm_free0 = wm_heap_get_free_size();
    uint64_t seed = prng_seed_from_env("CAPHEAP_SEED", 0x7e5);
    check_log("threads: seed=0x%llx (replay with CAPHEAP_SEED)\n", (unsigned long long)seed);
    pthread_t th[THREADS];
    arg_t args[THREADS];
    for (int i = 0; i < THREADS; i++) {
        args[i].id = i;
        args[i].seed = seed;
        REQUIRE(pthread_create(&th[i], NULL, worker, &args[i]) == 0);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    unsigned long total = 0;
    for (int i = 0; i < THREADS; i++) {
        CHECK_EQ_U(s_bad[i], 0);
        total += s_rtos_allocs[i];
    }
    HeapStats_t st;
    vPortGetHeapStats(&st);
    CHECK(total > 1000);
    CHECK_EQ_U(st.xNumberOfSuccessfulAllocations, total);
    CHECK_EQ_U(st.xNumberOfSuccessfulFrees, total);
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), rtos_free0);
    CHECK(xPortGetMinimumEverFreeHeapSize() < rtos_free0);
    CHECK_EQ_SZ(wm_heap_get_free_size(), wm_free0);
    capheap_wm_set_print(capture, NULL);
    wm_heap_print_tracing(NULL);
    CHECK(strstr(s_out, "summary: malloc size 0, malloc count 0") != NULL);
    CHECK(capheap_caps_check_integrity_all(capheap_freertos_instance(), NULL, NULL));
    CHECK(capheap_caps_check_integrity_all(capheap_wm_instance(), NULL, NULL));
    vPortHeapResetState();
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_threads);
    return check_summary("wm.vendor_threads");
}
