/*
 * Deterministic PRNG for tests and benchmarks (xoshiro128** core on 32-bit
 * state words: identical sequences on every target and endianness).
 * Seed from the environment with prng_seed_from_env("CAPHEAP_SEED", dflt):
 * tests print the seed they use so any failure can be replayed.
 */
#ifndef CAPHEAP_TEST_PRNG_H
#define CAPHEAP_TEST_PRNG_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct { uint32_t s[4]; } prng_t;

static inline uint32_t prng_rotl_(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline void prng_init(prng_t *r, uint64_t seed)
{
    /* splitmix64 expands the seed into the state */
    for (int i = 0; i < 2; i++) {
        uint64_t z = (seed += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        r->s[2 * i] = (uint32_t)z;
        r->s[2 * i + 1] = (uint32_t)(z >> 32);
    }
    if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3]))
        r->s[0] = 1;
}

static inline uint32_t prng_next(prng_t *r)
{
    uint32_t *s = r->s;
    uint32_t result = prng_rotl_(s[1] * 5, 7) * 9;
    uint32_t t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = prng_rotl_(s[3], 11);
    return result;
}

/* Uniform in [lo, hi] (inclusive); hi - lo < 2^32. */
static inline uint32_t prng_range(prng_t *r, uint32_t lo, uint32_t hi)
{
    uint64_t span = (uint64_t)hi - lo + 1;
    return lo + (uint32_t)(((uint64_t)prng_next(r) * span) >> 32);
}

/* Seed from environment variable `name` (decimal or 0x hex) or `dflt`. */
uint64_t prng_seed_from_env(const char *name, uint64_t dflt);

#ifdef __cplusplus
}
#endif
#endif
