/*
 * capheap bench: the allocator seam. Each bench binary links exactly one
 * alloc_*.c that defines `bench_alloc`; the driver (main.c) and the request
 * sequences (workload.c) are the same for every allocator.
 *
 * Every call goes through the function pointers below with a context
 * argument, so the glue around a call is identical for all allocators and
 * can be measured once (`calib` holds functions of the same shape that end in
 * a one-instruction function; see bench/README.md, "Instruction counts").
 */
#ifndef CAPHEAP_BENCH_ALLOC_H
#define CAPHEAP_BENCH_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    void *(*malloc)(void *ctx, size_t n);
    void (*free)(void *ctx, void *p);
    void *(*realloc)(void *ctx, void *p, size_t n);
} bench_calls_t;

typedef struct {
    const char *name;        /* short id used in the results ("capheap", "glibc", ...) */
    bool bounded;            /* true: lives in a region of the size asked for */
    /* Sets up a fresh heap of `region` bytes (ignored when !bounded); returns
     * the context passed to every call, NULL on failure. May be called again
     * for a fresh heap (the previous one is abandoned). */
    void *(*init)(size_t region);
    bench_calls_t calls;     /* the measured calls */
    bench_calls_t calib;     /* same call shapes, ending in bench_ret_only */
    size_t (*usable)(void *ctx, void *p);
    /* Payload bytes still free in the region (bounded allocators only). */
    size_t (*free_bytes)(void *ctx);
    /* One line describing the build (version, options), for the report. */
    const char *(*describe)(void);
} bench_alloc_t;

extern const bench_alloc_t bench_alloc;

/*
 * One `ret` instruction under several C prototypes (bench/ret_only.c), the
 * end point of the calibration calls: a measured call minus its calibration
 * call plus one is the instruction count of the allocator function itself,
 * from its first instruction through its return.
 */
void *bench_ret_p_ps(void *ctx, size_t n);
void *bench_ret_p_s(size_t n);
void *bench_ret_p_pps(void *ctx, void *p, size_t n);
void *bench_ret_p_ps2(void *p, size_t n);
void bench_ret_v_pp(void *ctx, void *p);
void bench_ret_v_p(void *p);

#endif
