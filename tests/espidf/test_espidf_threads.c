/*
 * Four threads use the ESP-IDF API at once on the simulated esp32 (all heaps,
 * SPIRAM included): allocations with different caps, reallocations across
 * caps, and frees of blocks another thread allocated (handed over through a
 * mailbox). Afterwards every heap is sound and every byte is free again.
 * Meant to run under ThreadSanitizer too (the CAPHEAP_SANITIZE=thread cell).
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "capheap_espidf.h"
#include "check.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "prng.h"

#define THREADS 4
#define OPS 20000
#define SLOTS 64
#define MAILBOX 256

static pthread_mutex_t box_lock = PTHREAD_MUTEX_INITIALIZER;
static void *box[THREADS][MAILBOX]; /* blocks handed to thread i to free */
static size_t box_n[THREADS];
static int errors;
static uint64_t seed;

static const uint32_t kinds[] = { MALLOC_CAP_8BIT, MALLOC_CAP_DMA, MALLOC_CAP_EXEC,
                                  MALLOC_CAP_SPIRAM, MALLOC_CAP_32BIT,
                                  MALLOC_CAP_DEFAULT | MALLOC_CAP_INTERNAL };

static void hand_over(int to, void *p)
{
    pthread_mutex_lock(&box_lock);
    if (box_n[to] < MAILBOX) {
        box[to][box_n[to]++] = p;
        p = NULL;
    }
    pthread_mutex_unlock(&box_lock);
    heap_caps_free(p); /* the box was full: free it here */
}

static void drain_box(int me)
{
    void *mine[MAILBOX];
    size_t n;
    pthread_mutex_lock(&box_lock);
    n = box_n[me];
    memcpy(mine, box[me], n * sizeof mine[0]);
    box_n[me] = 0;
    pthread_mutex_unlock(&box_lock);
    for (size_t i = 0; i < n; i++)
        heap_caps_free(mine[i]);
}

static void *body(void *arg)
{
    int me = (int)(intptr_t)arg;
    prng_t r;
    prng_init(&r, seed + (uint64_t)me);
    struct {
        uint32_t *p;
        size_t words;
        uint32_t tag;
    } slot[SLOTS];
    memset(slot, 0, sizeof slot);
    int local_errors = 0;
    for (int op = 0; op < OPS; op++) {
        unsigned k = prng_range(&r, 0, SLOTS - 1);
        uint32_t caps = kinds[prng_range(&r, 0, sizeof kinds / sizeof kinds[0] - 1)];
        if (!slot[k].p) {
            size_t words = prng_range(&r, 1, 256);
            slot[k].p = heap_caps_malloc(words * 4, caps);
            slot[k].words = words;
            slot[k].tag = prng_next(&r);
            if (slot[k].p)
                for (size_t i = 0; i < words; i++)
                    slot[k].p[i] = slot[k].tag + (uint32_t)i;
            continue;
        }
        for (size_t i = 0; i < slot[k].words; i++)
            if (slot[k].p[i] != slot[k].tag + (uint32_t)i) {
                local_errors++;
                break;
            }
        switch (prng_range(&r, 0, 2)) {
        case 0: /* someone else frees it */
            hand_over((me + 1) % THREADS, slot[k].p);
            slot[k].p = NULL;
            break;
        case 1: { /* move it to other memory */
            size_t words = prng_range(&r, 1, 256);
            uint32_t *q = heap_caps_realloc(slot[k].p, words * 4, caps);
            if (q) {
                size_t keep = words < slot[k].words ? words : slot[k].words;
                for (size_t i = 0; i < keep; i++)
                    if (q[i] != slot[k].tag + (uint32_t)i) {
                        local_errors++;
                        break;
                    }
                for (size_t i = 0; i < words; i++)
                    q[i] = slot[k].tag + (uint32_t)i;
                slot[k].p = q;
                slot[k].words = words;
            }
            break;
        }
        default:
            heap_caps_free(slot[k].p);
            slot[k].p = NULL;
        }
        if (op % 64 == 0)
            drain_box(me);
    }
    for (int k = 0; k < SLOTS; k++)
        heap_caps_free(slot[k].p);
    pthread_mutex_lock(&box_lock);
    errors += local_errors;
    pthread_mutex_unlock(&box_lock);
    return NULL;
}

static void t_threads(void)
{
    heap_caps_init();
    REQUIRE(capheap_espidf_instance());
    CHECK(heap_caps_add_region(0x3F800000, 0x3FC00000) == ESP_OK);
    heap_caps_enable_nonos_stack_heaps();
    seed = prng_seed_from_env("CAPHEAP_SEED", 0x7407);
    check_log("threads: seed=0x%llx (replay with CAPHEAP_SEED)\n", (unsigned long long)seed);
    size_t free0 = heap_caps_get_free_size(0);
    pthread_t t[THREADS];
    for (intptr_t i = 0; i < THREADS; i++)
        REQUIRE(pthread_create(&t[i], NULL, body, (void *)i) == 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < THREADS; i++)
        drain_box(i);
    CHECK_EQ_U(errors, 0);
    CHECK(heap_caps_check_integrity_all(true));
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
    multi_heap_info_t info;
    heap_caps_get_info(&info, 0);
    CHECK_EQ_SZ(info.allocated_blocks, 0);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_threads);
    return check_summary("espidf.threads");
}
