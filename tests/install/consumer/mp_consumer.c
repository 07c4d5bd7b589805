/* A runtime written against MicroPython's py/gc.h, built with the flags of
 * `pkg-config capheap-micropython` only (as C and as C++). Exits 0 when the
 * collector behaves. */
#include <stdio.h>

#include "py/gc.h"

static void *roots[2];
static int collections;

/* The port's collector. */
void gc_collect(void)
{
    collections++;
    gc_collect_start();
    gc_collect_root(roots, 2);
    gc_collect_end();
}

static unsigned char heap[16 * 1024];

int main(void)
{
    gc_init(heap, heap + sizeof heap);
    roots[0] = gc_alloc(100, GC_ALLOC_FLAG_HAS_FINALISER);
    if (!roots[0] || gc_nbytes(roots[0]) < 100)
        return 1;
    for (int i = 0; i < 10000; i++)
        if (!gc_alloc(64, 0))
            return 2;
    gc_info_t info;
    gc_info(&info);
    if (collections == 0 || gc_nbytes(roots[0]) < 100 || info.used == 0 ||
        info.total != info.used + info.free)
        return 3;
    printf("mp consumer ok (%d collections)\n", collections);
    return 0;
}
