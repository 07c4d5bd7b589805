/*
 * MicroPython py/gc.h with the port's own gc_collect (issue 6): capheap
 * calls it when an allocation fails and when the threshold is crossed; the
 * port gives its roots with gc_collect_root.
 */
#include "capheap_micropython.h"
#include "check.h"
#include "py/gc.h"

#define B CAPHEAP_GC_BLOCK

static _Alignas(64) unsigned char heap[16 * 1024];
static void *port_roots[8];
static int port_calls;

/* The port's collector (overrides libcapheap's weak default). */
void gc_collect(void)
{
    port_calls++;
    gc_collect_start();
    gc_collect_root(port_roots, 8);
    gc_collect_end();
}

static void t_port_collect(void)
{
    gc_init(heap, heap + sizeof heap);
    port_roots[0] = gc_alloc(4 * B, 0);
    REQUIRE(port_roots[0]);
    port_calls = 0;
    size_t cap = sizeof heap / B;
    for (size_t i = 0; i < 3 * cap; i++)
        REQUIRE(gc_alloc(B, 0));
    CHECK(port_calls >= 2);
    CHECK_EQ_SZ(gc_nbytes(port_roots[0]), 4 * B);
    /* gc.collect() goes through the port too and reports what it freed */
    int c0 = port_calls;
    size_t freed = capheap_mp_gc_collect();
    CHECK_EQ_U(port_calls, c0 + 1);
    CHECK(freed > 0);
    CHECK_EQ_SZ(capheap_mp_gc_collect(), 0);
    /* threshold: one collection per 32 blocks */
    capheap_mp_gc_threshold_set(32 * B);
    c0 = port_calls;
    for (int i = 0; i < 32 * 4; i++)
        REQUIRE(gc_alloc(B, 0));
    CHECK_EQ_U(port_calls - c0, 3);
    /* disabled: a full heap fails without calling the port */
    capheap_mp_gc_threshold_set(-1);
    capheap_mp_gc_disable();
    c0 = port_calls;
    while (gc_alloc(B, 0))
        ;
    CHECK_EQ_U(port_calls, c0);
    capheap_mp_gc_enable();
    CHECK(gc_alloc(B, 0) != NULL);
    CHECK_EQ_U(port_calls, c0 + 1);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_port_collect);
    return check_summary("gc.mp_port");
}
