/*
 * The shared stress rig through the ESP-IDF API, with every heap of the chip
 * named by CAPHEAP_CHIP (start-up, start-up stacks and run-time regions):
 * allocations, reallocations (which move blocks between kinds of memory) and
 * aligned allocations with capability sets drawn at random from those the
 * chip can serve, at 50 % and at 100 % fill, with
 * heap_caps_check_integrity_all() after every operation.
 *
 * The seed is printed; replay a failure with CAPHEAP_SEED=<seed> and the
 * same CAPHEAP_CHIP.
 */
#include <stdint.h>
#include <string.h>

#include "capheap/debug.h"
#include "capheap_espidf.h"
#include "check.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "prng.h"
#include "stress.h"

typedef struct {
    prng_t rng;
    uint32_t caps[24];
    size_t ncaps;
    unsigned long by_caps[24];
} ctx_t;

static uint32_t pick(ctx_t *c)
{
    size_t i = prng_range(&c->rng, 0, (uint32_t)c->ncaps - 1);
    c->by_caps[i]++;
    return c->caps[i];
}

static void *s_alloc(void *ctx, size_t size, size_t align)
{
    ctx_t *c = ctx;
    uint32_t caps = pick(c);
    if (align)
        return heap_caps_aligned_alloc(align, size, caps);
    return heap_caps_malloc(size, caps);
}

static void s_free(void *ctx, void *p)
{
    (void)ctx;
    heap_caps_free(p);
}

static void *s_realloc(void *ctx, void *p, size_t size)
{
    return heap_caps_realloc(p, size, pick(ctx));
}

static size_t s_usable(void *ctx, const void *p)
{
    (void)ctx;
    return heap_caps_get_allocated_size((void *)p);
}

static bool s_validate(void *ctx)
{
    (void)ctx;
    return heap_caps_check_integrity_all(true);
}

static size_t s_free_bytes(void *ctx)
{
    (void)ctx;
    return heap_caps_get_free_size(0);
}

static const capheap_chip_t *chip;
static ctx_t ctx;

static void t_setup(void)
{
    heap_caps_init();
    chip = capheap_espidf_chip();
    REQUIRE(chip);
    for (size_t i = 0; i < chip->region_count; i++) {
        const capheap_chip_region_t *r = &chip->regions[i];
        if ((r->flags | chip->types[r->type].flags) & CAPHEAP_MT_RUNTIME)
            CHECK_EQ_U(heap_caps_add_region((intptr_t)r->start, (intptr_t)(r->start + r->size)),
                       ESP_OK);
    }
    heap_caps_enable_nonos_stack_heaps();
    /* every capability set this chip can serve, from single bits to the
     * usual combinations */
    const uint32_t candidates[] = {
        MALLOC_CAP_8BIT, MALLOC_CAP_DEFAULT, MALLOC_CAP_DEFAULT | MALLOC_CAP_INTERNAL,
        MALLOC_CAP_DMA, MALLOC_CAP_DMA | MALLOC_CAP_8BIT, MALLOC_CAP_32BIT, MALLOC_CAP_EXEC,
        MALLOC_CAP_EXEC | MALLOC_CAP_32BIT, MALLOC_CAP_SPIRAM, MALLOC_CAP_SPIRAM | MALLOC_CAP_8BIT,
        MALLOC_CAP_INTERNAL, MALLOC_CAP_RTCRAM, MALLOC_CAP_SPM, MALLOC_CAP_SIMD,
        MALLOC_CAP_DMA | MALLOC_CAP_CACHE_ALIGNED,
    };
    prng_init(&ctx.rng, prng_seed_from_env("CAPHEAP_SEED", 0xca95eed) ^ 0x1234);
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        if (heap_caps_get_total_size(candidates[i] & ~MALLOC_CAP_CACHE_ALIGNED) > 0)
            ctx.caps[ctx.ncaps++] = candidates[i];
    }
    CHECK(ctx.ncaps >= 3);
    check_log("chip %s: %zu heaps, %zu bytes free, %zu capability sets\n", chip->name,
              capheap_caps_heap_count(capheap_espidf_instance()), heap_caps_get_free_size(0),
              ctx.ncaps);
}

static void run(unsigned fill, uint32_t stream)
{
    REQUIRE(chip && ctx.ncaps > 0);
    size_t capacity = heap_caps_get_free_size(0);
    size_t max = capacity / 512;
    if (max < 1024)
        max = 1024;
    if (max > 64 * 1024)
        max = 64 * 1024;
    stress_ops_t ops = { &ctx, s_alloc, s_free, s_realloc, s_usable, s_validate, s_free_bytes,
                         NULL };
    stress_config_t cfg = stress_config_default();
    char name[64];
    snprintf(name, sizeof name, "heap_caps %s %u%%", chip->name, fill);
    cfg.name = name;
    cfg.seed = prng_seed_from_env("CAPHEAP_SEED", 0xca95eed);
    cfg.stream = stream;
    cfg.ops = 20000;
    cfg.capacity = capacity;
    cfg.fill_percent = fill;
    cfg.min_size = 1;
    cfg.max_size = max;
    cfg.dist = STRESS_DIST_LOG;
    cfg.flags = STRESS_REALLOC | STRESS_ALIGNED | STRESS_STAMP_USABLE;
    cfg.min_align = 4;
    cfg.max_align = 256;
    cfg.validate_every = 1;
    /* With comprehensive poisoning an integrity check also reads every free
     * byte (capheap/debug.h): on the chips with tens of MiB of heap, check
     * about every MiB of capacity's worth of operations instead of every
     * one (every op on the small chips; a full check ends the run). */
    if (capheap_poisoning_level() >= 2 && capacity > ((size_t)1 << 20))
        cfg.validate_every = (unsigned)(capacity >> 20);
    cfg.full_verify_every = 500;
    stress_result_t res;
    CHECK(stress_run(&ops, &cfg, &res));
    CHECK(heap_caps_check_integrity_all(true));
    CHECK_EQ_SZ(heap_caps_get_free_size(0), capacity);
    multi_heap_info_t info;
    heap_caps_get_info(&info, 0);
    CHECK_EQ_SZ(info.allocated_blocks, 0);
}

static void t_fill_50(void)
{
    run(50, 1);
}

static void t_fill_100(void)
{
    run(100, 2);
    /* every capability set was exercised */
    for (size_t i = 0; i < ctx.ncaps; i++)
        CHECK(ctx.by_caps[i] > 0);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_setup);
    RUN(t_fill_50);
    RUN(t_fill_100);
    return check_summary("espidf.stress");
}
