/*
 * Fuzz input reader shared by the harnesses: turns the fuzzer's bytes into
 * numbers. Reading past the end yields zeros, so every input is a complete
 * program (the harness stops when the input is used up).
 */
#ifndef CAPHEAP_FUZZ_INPUT_H
#define CAPHEAP_FUZZ_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *p;
    size_t n;
} fin_t;

static inline bool fin_more(const fin_t *in)
{
    return in->n > 0;
}

static inline uint8_t fin_u8(fin_t *in)
{
    if (in->n == 0)
        return 0;
    in->n--;
    return *in->p++;
}

static inline uint16_t fin_u16(fin_t *in)
{
    uint16_t lo = fin_u8(in);
    return (uint16_t)(lo | (uint16_t)(fin_u8(in) << 8));
}

static inline uint32_t fin_u32(fin_t *in)
{
    uint32_t lo = fin_u16(in);
    return lo | ((uint32_t)fin_u16(in) << 16);
}

/*
 * A request size: mostly small and medium sizes, sometimes sizes around
 * `big` (the heap's size), and sometimes the edges of size_t arithmetic
 * (SIZE_MAX, PTRDIFF_MAX and their neighbours).
 */
static inline size_t fin_size(fin_t *in, size_t big)
{
    uint8_t k = fin_u8(in);
    uint16_t v = fin_u16(in);
    switch (k & 7) {
    case 0: case 1: case 2:
        return v & 0xff;
    case 3: case 4:
        return v & 0xfff;
    case 5:
        return big ? (size_t)v * (big / 0xffffu + 1) % (big + 64) : v;
    case 6:
        return big < 64 ? (size_t)(v & 0x3f) : big - (v & 0x3f) + ((k >> 3) & 0x1f);
    default:
        switch ((k >> 3) & 3) {
        case 0: return SIZE_MAX - (v & 0xff);
        case 1: return (size_t)PTRDIFF_MAX - 64 + (v & 0x7f);
        case 2: return SIZE_MAX / 2 + (v & 0xff);
        default: return (size_t)1 << (v % (8 * sizeof(size_t)));
        }
    }
}

#endif
