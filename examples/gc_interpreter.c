/*
 * The heap of a tiny interpreter on the MPS2 board: list cells live in a
 * garbage-collected heap (capheap/gc.h) that starts in 8 KiB of internal
 * SRAM and grows into external RAM (SPIRAM) when a collection does not free
 * enough. The interpreter's variables are the GC roots; each "statement"
 * builds a list, sums it and drops an older list, so most cells become
 * garbage. Built and run in the Cortex-M cells (example.gc_interpreter).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "capheap/caps.h"
#include "capheap/gc.h"

#if defined(CAPHEAP_EXAMPLE_MPS2_AN500)
#define BOARD (&capheap_chip_mps2_an500)
#else
#define BOARD (&capheap_chip_mps2_an385)
#endif

typedef struct cell {
    struct cell *next;
    intptr_t value;
} cell_t;

static cell_t *vars[16]; /* the interpreter's variables: GC roots */

static cell_t *build_list(capheap_gc_t *gc, int n)
{
    cell_t *head = NULL;
    for (int i = 1; i <= n; i++) {
        vars[15] = head; /* keep the partial list reachable while allocating */
        cell_t *c = capheap_gc_alloc(gc, sizeof *c, 0);
        if (!c)
            return NULL;
        c->next = head;
        c->value = i;
        head = c;
    }
    vars[15] = NULL;
    return head;
}

int main(void)
{
    capheap_caps_config_t ccfg;
    capheap_caps_config_init(&ccfg);
    ccfg.chip = BOARD;
    capheap_caps_t *heap;
    char *psram = malloc(1u << 20);
    if (capheap_caps_create_from_chip(&ccfg, &heap) != CAPHEAP_OK || !psram ||
        capheap_caps_add_region(heap, psram, psram + (1u << 20)) != CAPHEAP_OK)
        return 1;
    size_t spiram_before = capheap_caps_get_free_size(heap, CAPHEAP_CAP_SPIRAM);

    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.caps = heap;
    cfg.grow_caps = CAPHEAP_CAP_SPIRAM; /* grow into external RAM */
    cfg.grow_min = 16 * 1024;
    cfg.grow_max = 256 * 1024;
    void *first = capheap_caps_malloc(heap, 8 * 1024, CAPHEAP_CAP_INTERNAL);
    capheap_gc_t *gc;
    if (!first || capheap_gc_create(&cfg, first, 8 * 1024, &gc) != CAPHEAP_OK ||
        capheap_gc_add_root_range(gc, vars, vars + 16) != CAPHEAP_OK)
        return 1;

    int ok = 1;
    for (int stmt = 0; stmt < 300 && ok; stmt++) {
        int n = 20 + (stmt * 37) % 400;
        cell_t *list = build_list(gc, n);
        vars[stmt % 15] = list; /* replaces (and so drops) an older list */
        intptr_t sum = 0;
        for (cell_t *c = list; c; c = c->next)
            sum += c->value;
        ok = list != NULL && sum == (intptr_t)n * (n + 1) / 2;
    }
    /* every live list is still intact */
    for (int v = 0; v < 15 && ok; v++) {
        for (cell_t *c = vars[v]; c && ok; c = c->next)
            ok = c->next ? c->next->value == c->value - 1 : c->value == 1;
    }
    capheap_gc_info_t info;
    capheap_gc_get_info(gc, &info);
    size_t areas = capheap_gc_area_count(gc);
    size_t spiram_used = spiram_before - capheap_caps_get_free_size(heap, CAPHEAP_CAP_SPIRAM);
    printf("GC heap: %lu areas, %lu bytes used, %lu free; %lu bytes of SPIRAM taken by growth\n",
           (unsigned long)areas, (unsigned long)capheap_gc_used_bytes(gc),
           (unsigned long)capheap_gc_free_bytes(gc), (unsigned long)spiram_used);
    ok = ok && areas > 1 && spiram_used > 0;
    capheap_gc_destroy(gc);
    puts(ok ? "gc_interpreter: ok" : "gc_interpreter: FAILED");
    return ok ? 0 : 1;
}
