/*
 * Not a test: the harness behind the "cost of the caps layer" figures in
 * docs/caps.md. 200 000 malloc+free pairs, sizes 16..256 B (W1), once on a
 * bare engine heap and once through the caps layer on the simulated esp32
 * (CAP_8BIT). Count instructions with callgrind, e.g.
 *   valgrind --tool=callgrind --collect-atstart=no --toggle-collect='run_*' \
 *       build/tests/caps/caps_cost caps nolock
 * modes: engine | caps [nolock]; a last argument `churn` keeps a live set
 * instead (bench/'s W1 shape: random live blocks freed while the live
 * payload would pass 60 % of 256 KiB), so the small esp32 heaps fill and
 * requests move on to later heaps; the engine then runs on a 256 KiB region.
 */
#include "capheap/caps.h"
#include "capheap/sim.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define PAIRS 200000

static size_t sizes[PAIRS];
static unsigned victims[PAIRS];
static bool churn;

#define LIVE_MAX 4096
#define REGION (256u * 1024u)
static void *live[LIVE_MAX];
static size_t live_size[LIVE_MAX];

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

NOINLINE void run_engine(capheap_heap_t *h);
NOINLINE void run_caps(capheap_caps_t *c);

/* churn: frees a random live block while the live payload would pass 60 %
 * of REGION, then allocates (the same sequence for both modes). */
#define CHURN_LOOP(FREE, MALLOC)                                                   \
    do {                                                                           \
        size_t n = 0, payload = 0;                                                 \
        for (int i = 0; i < PAIRS; i++) {                                          \
            while (n > 0 && (payload + sizes[i] > REGION / 10 * 6 || n == LIVE_MAX)) { \
                size_t k = victims[i] % n;                                         \
                FREE(live[k]);                                                     \
                payload -= live_size[k];                                           \
                live[k] = live[--n];                                               \
                live_size[k] = live_size[n];                                       \
            }                                                                      \
            void *p = MALLOC(sizes[i]);                                            \
            if (p) {                                                               \
                live[n] = p;                                                       \
                live_size[n++] = sizes[i];                                         \
                payload += sizes[i];                                               \
            }                                                                      \
        }                                                                          \
    } while (0)

NOINLINE void run_engine(capheap_heap_t *h)
{
#define E_FREE(p) capheap_heap_free(h, p)
#define E_MALLOC(n) capheap_heap_malloc(h, n)
    if (churn) {
        CHURN_LOOP(E_FREE, E_MALLOC);
        return;
    }
    for (int i = 0; i < PAIRS; i++)
        capheap_heap_free(h, capheap_heap_malloc(h, sizes[i]));
}

NOINLINE void run_caps(capheap_caps_t *c)
{
#define C_FREE(p) capheap_caps_free(c, p)
#define C_MALLOC(n) capheap_caps_malloc(c, n, CAPHEAP_CAP_8BIT)
    if (churn) {
        CHURN_LOOP(C_FREE, C_MALLOC);
        return;
    }
    for (int i = 0; i < PAIRS; i++)
        capheap_caps_free(c, capheap_caps_malloc(c, sizes[i], CAPHEAP_CAP_8BIT));
}

static _Alignas(16) unsigned char arena[REGION];

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "caps";
    churn = argc > 2 && strcmp(argv[argc - 1], "churn") == 0;
    unsigned x = 1, y = 7;
    for (int i = 0; i < PAIRS; i++) {
        x = x * 1103515245u + 12345u;
        sizes[i] = 16 + (x >> 8) % 241;
        y = y * 1103515245u + 12345u;
        victims[i] = y >> 8;
    }
    if (strcmp(mode, "engine") == 0) {
        capheap_heap_t *h = capheap_heap_create(arena, churn ? sizeof arena : 200000);
        if (!h)
            return 1;
        run_engine(h);
        puts("engine: done");
        return 0;
    }
    capheap_sim_t *sim = NULL;
    if (capheap_sim_create(&capheap_chip_esp32, 0, &sim) != CAPHEAP_OK)
        return 1;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = &capheap_chip_esp32;
    cfg.map = capheap_sim_map(sim);
    if (argc > 2 && strcmp(argv[2], "nolock") == 0)
        cfg.lock_ops = &capheap_port_lock_none;
    capheap_caps_t *c = NULL;
    if (capheap_caps_create_from_chip(&cfg, &c) != CAPHEAP_OK ||
        capheap_caps_enable_deferred(c) != CAPHEAP_OK)
        return 1;
    run_caps(c);
    puts("caps: done");
    capheap_caps_destroy(c);
    capheap_sim_destroy(sim);
    return 0;
}
