/*
 * Not a test: the harness behind the "cost of the caps layer" figures in
 * docs/caps.md. 200 000 malloc+free pairs, sizes 16..256 B (W1), once on a
 * bare engine heap and once through the caps layer on the simulated esp32
 * (CAP_8BIT). Count instructions with callgrind, e.g.
 *   valgrind --tool=callgrind --collect-atstart=no --toggle-collect='run_*' \
 *       build/tests/caps/caps_cost caps nolock
 * modes: engine | caps [nolock]
 */
#include "capheap/caps.h"
#include "capheap/sim.h"

#include <stdio.h>
#include <string.h>

#define PAIRS 200000

static size_t sizes[PAIRS];

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

NOINLINE void run_engine(capheap_heap_t *h);
NOINLINE void run_caps(capheap_caps_t *c);

NOINLINE void run_engine(capheap_heap_t *h)
{
    for (int i = 0; i < PAIRS; i++)
        capheap_heap_free(h, capheap_heap_malloc(h, sizes[i]));
}

NOINLINE void run_caps(capheap_caps_t *c)
{
    for (int i = 0; i < PAIRS; i++)
        capheap_caps_free(c, capheap_caps_malloc(c, sizes[i], CAPHEAP_CAP_8BIT));
}

static _Alignas(16) unsigned char arena[200000];

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "caps";
    unsigned x = 1;
    for (int i = 0; i < PAIRS; i++) {
        x = x * 1103515245u + 12345u;
        sizes[i] = 16 + (x >> 8) % 241;
    }
    if (strcmp(mode, "engine") == 0) {
        capheap_heap_t *h = capheap_heap_create(arena, sizeof arena);
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
