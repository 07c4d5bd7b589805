/*
 * Instruction cost of the ESP-IDF layer, for the report (not a test: CTest
 * does not run it). Replays the same 100 000 free+malloc pairs (sizes
 * 16..256, 64 slots) through heap_caps_malloc/heap_caps_free (mode 0), the
 * native capheap_caps_malloc/free on the same instance (mode 1), and the
 * engine of the 180 KiB DRAM heap alone (mode 2), on the esp32 simulation.
 * Count with callgrind, one run per mode:
 *   valgrind --tool=callgrind --instr-atstart=no ./espidf_overhead <mode>
 * and divide "Collected" by 100 000 (instructions per pair).
 */
#include <stdio.h>
#include <stdlib.h>

#include "capheap_espidf.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#define PAIRS 100000

static void *slot[64];

int main(int argc, char **argv)
{
    int mode = argc > 1 ? atoi(argv[1]) : 0;
    capheap_espidf_set_print(NULL, NULL);
    heap_caps_init();
    capheap_caps_t *c = capheap_espidf_instance();
    if (!c)
        return 1;
    void *probe = heap_caps_malloc(16, MALLOC_CAP_8BIT);
    capheap_heap_t *engine = capheap_caps_heap_engine(capheap_caps_heap_of(c, probe));
    heap_caps_free(probe);
    unsigned x = 1;
    CALLGRIND_START_INSTRUMENTATION;
    for (int i = 0; i < PAIRS; i++) {
        x = x * 1103515245u + 12345u;
        size_t n = 16 + (x >> 8) % 241;
        unsigned k = (x >> 20) & 63;
        if (mode == 0) {
            heap_caps_free(slot[k]);
            slot[k] = heap_caps_malloc(n, MALLOC_CAP_8BIT);
        } else if (mode == 1) {
            capheap_caps_free(c, slot[k]);
            slot[k] = capheap_caps_malloc(c, n, MALLOC_CAP_8BIT);
        } else {
            capheap_heap_free(engine, slot[k]);
            slot[k] = capheap_heap_malloc(engine, n);
        }
    }
    CALLGRIND_STOP_INSTRUMENTATION;
    printf("mode %d: %d pairs\n", mode, PAIRS);
    return 0;
}
