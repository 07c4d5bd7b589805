/*
 * GC heap over the caps allocator (issue 6): the instance and its areas
 * taken from memory of chosen capabilities, auto-grow with doubling sizes
 * and a reserve left to the rest of the system, empty areas given back after
 * a sweep, all visible in capheap_caps_get_free_size and, through the
 * ESP-IDF layer's default instance, in heap_caps_get_free_size.
 * The chip is two static buffers (internal DMA RAM, external RAM), so this
 * runs bare-metal too.
 */
#include "capheap/gc.h"
#include "capheap_espidf.h"
#include "check.h"
#include "esp_heap_caps.h"

#include <string.h>

#define B CAPHEAP_GC_BLOCK
#define INTERNAL (CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA | CAPHEAP_CAP_8BIT | \
                  CAPHEAP_CAP_32BIT | CAPHEAP_CAP_DEFAULT)
#define EXTERNAL (CAPHEAP_CAP_SPIRAM | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_32BIT | \
                  CAPHEAP_CAP_DEFAULT)

static _Alignas(64) unsigned char ram_int[96 * 1024];
static _Alignas(64) unsigned char ram_ext[512 * 1024];
static capheap_caps_t *caps;

static bool in(const void *p, const unsigned char *r, size_t n)
{
    return (const unsigned char *)p >= r && (const unsigned char *)p < r + n;
}

static int caps_reason;
static const void *caps_where;
static void on_caps_error(void *ctx, capheap_error_reason_t why, const void *where)
{
    (void)ctx;
    caps_reason = (int)why;
    caps_where = where;
}

static void open_caps(void)
{
    if (caps)
        return;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.error_hook = on_caps_error;
    capheap_region_t r[2];
    memset(r, 0, sizeof r);
    r[0].start = (uintptr_t)ram_int;
    r[0].size = sizeof ram_int;
    r[0].chip_start = r[0].start;
    r[0].caps[0] = INTERNAL;
    r[0].type = -1;
    r[1].start = (uintptr_t)ram_ext;
    r[1].size = sizeof ram_ext;
    r[1].chip_start = r[1].start;
    r[1].caps[0] = EXTERNAL;
    r[1].type = -1;
    if (capheap_caps_create(&cfg, r, 2, &caps) != CAPHEAP_OK)
        caps = NULL;
    else
        capheap_espidf_init_instance(caps, NULL);
}

static void *roots[4];

static void t_grow_and_give_back(void)
{
    open_caps();
    REQUIRE(caps);
    const size_t reserve = 64 * 1024;
    size_t ext0 = capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM);
    size_t int0 = capheap_caps_get_free_size(caps, CAPHEAP_CAP_INTERNAL);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_SPIRAM), ext0);

    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.caps = caps;
    cfg.grow_caps = CAPHEAP_CAP_SPIRAM;
    cfg.grow_min = 8 * 1024;
    cfg.reserve = reserve;
    capheap_gc_t *gc = NULL;
    /* the instance itself comes from external RAM too */
    REQUIRE(capheap_gc_create(&cfg, NULL, 4096, &gc) == CAPHEAP_OK);
    CHECK(in(gc, ram_ext, sizeof ram_ext));
    size_t ext1 = capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM);
    CHECK(ext1 < ext0 - 4096 + 1);
    CHECK_EQ_SZ(capheap_gc_area_count(gc), 1);
    capheap_gc_add_root_range(gc, roots, roots + 4);

    /* a growing linked list: the heap takes new areas, each about twice the
     * last, and never leaves less than the reserve */
    void **list = NULL;
    size_t objs = 0, areas = 1, last_free = ext1;
    size_t grows = 0;
    for (;;) {
        void **o = (void **)capheap_gc_alloc(gc, 4 * B, 0);
        if (!o)
            break;
        o[0] = list;
        list = o;
        roots[0] = list;
        objs++;
        size_t n = capheap_gc_area_count(gc);
        if (n != areas) {
            size_t now = capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM);
            CHECK(in(o, ram_ext, sizeof ram_ext));
            CHECK(now >= reserve);
            grows++;
            if (grows == 1)
                CHECK(last_free - now >= 8 * 1024);
            if (grows == 2)
                CHECK(last_free - now >= 16 * 1024);
            last_free = now;
            areas = n;
        }
    }
    CHECK(grows >= 3);
    size_t ext2 = capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM);
    CHECK(ext2 >= reserve);
    CHECK(ext2 < reserve + 64 * 1024); /* it really used what it could */
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_SPIRAM), ext2);
    /* internal memory was never touched */
    CHECK_EQ_SZ(capheap_caps_get_free_size(caps, CAPHEAP_CAP_INTERNAL), int0);
    capheap_gc_info_t info;
    capheap_gc_get_info(gc, &info);
    CHECK_EQ_SZ(info.used, objs * 4 * B);
    /* every object survived the collections the growth went through */
    size_t n = 0;
    for (void **o = list; o; o = (void **)o[0])
        n++;
    CHECK_EQ_SZ(n, objs);

    /* drop everything: the sweep gives every grown area back */
    roots[0] = NULL;
    list = NULL;
    capheap_gc_collect(gc);
    CHECK_EQ_SZ(capheap_gc_area_count(gc), 1);
    CHECK_EQ_SZ(capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM), ext1);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_SPIRAM), ext1);
    /* and grows again when needed */
    void *big = capheap_gc_alloc(gc, 20 * 1024, 0);
    CHECK(big != NULL);
    CHECK_EQ_SZ(capheap_gc_area_count(gc), 2);
    roots[0] = big;
    capheap_gc_collect(gc);
    CHECK_EQ_SZ(capheap_gc_area_count(gc), 2);
    roots[0] = NULL;
    capheap_gc_destroy(gc);
    CHECK_EQ_SZ(capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM), ext0);
}

static void t_dma_heap_and_reserve(void)
{
    open_caps();
    REQUIRE(caps);
    /* a GC heap for buffers hardware reads: INTERNAL|DMA memory */
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.caps = caps;
    cfg.grow_caps = CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_DMA;
    cfg.grow_min = 4096;
    size_t int0 = capheap_caps_get_free_size(caps, CAPHEAP_CAP_INTERNAL);
    cfg.reserve = int0 - 16 * 1024; /* only ~16 KiB may go to the GC */
    capheap_gc_t *gc = NULL;
    REQUIRE(capheap_gc_create(&cfg, NULL, 2048, &gc) == CAPHEAP_OK);
    capheap_gc_add_root_range(gc, roots, roots + 4);
    void *p = capheap_gc_alloc(gc, 3000, 0);
    REQUIRE(p);
    CHECK(in(p, ram_int, sizeof ram_int));
    const capheap_caps_heap_t *h = capheap_caps_heap_of(caps, p);
    CHECK(h && (capheap_caps_heap_caps(h) & CAPHEAP_CAP_DMA));
    roots[0] = p;
    /* a request the reserve forbids fails cleanly */
    CHECK_NULL(capheap_gc_alloc(gc, 20 * 1024, 0));
    CHECK(capheap_caps_get_free_size(caps, CAPHEAP_CAP_INTERNAL) >= cfg.reserve);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_INTERNAL),
                capheap_caps_get_free_size(caps, CAPHEAP_CAP_INTERNAL));
    /* creation refused when the reserve leaves too little */
    capheap_gc_t *g2 = NULL;
    CHECK_EQ_U(capheap_gc_create(&cfg, NULL, 32 * 1024, &g2), CAPHEAP_ERR_NO_MEM);
    roots[0] = NULL;
    capheap_gc_destroy(gc);
    CHECK_EQ_SZ(capheap_caps_get_free_size(caps, CAPHEAP_CAP_INTERNAL), int0);
}

static void t_foreign_pointers(void)
{
    open_caps();
    REQUIRE(caps);
    static _Alignas(64) unsigned char mem[8192];
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    capheap_gc_t *gc = NULL;
    REQUIRE(capheap_gc_create(&cfg, mem, sizeof mem, &gc) == CAPHEAP_OK);
    /* a caps block given to gc_free is not owned: ignored, block intact */
    unsigned char *c = (unsigned char *)capheap_caps_malloc(caps, 64, CAPHEAP_CAP_DEFAULT);
    REQUIRE(c);
    memset(c, 0x5A, 64);
    capheap_gc_free(gc, c);
    CHECK(c[0] == 0x5A && c[63] == 0x5A);
    CHECK(capheap_caps_get_allocated_size(caps, c) >= 64); /* still allocated */
    capheap_caps_free(caps, c);
    /* a GC object given to the caps allocator: reported, heap untouched */
    void *o = capheap_gc_alloc(gc, 3 * B, 0);
    REQUIRE(o);
    caps_reason = 0;
    capheap_caps_free(caps, o);
    CHECK_EQ_U(caps_reason, CAPHEAP_E_NOT_OWNED);
    CHECK(caps_where == o);
    CHECK_EQ_SZ(capheap_gc_size(gc, o), 3 * B);
    capheap_gc_destroy(gc);

#if CAPHEAP_CHECKS
    /* the same when the GC area is itself a block of the caps allocator:
     * the GC object is inside that block, whose heap's engine checks refuse
     * it (an interior pointer) */
    capheap_gc_config_t gcfg;
    capheap_gc_config_init(&gcfg);
    gcfg.caps = caps;
    gcfg.grow_caps = CAPHEAP_CAP_SPIRAM;
    REQUIRE(capheap_gc_create(&gcfg, NULL, 8192, &gc) == CAPHEAP_OK);
    size_t ext = capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM);
    o = capheap_gc_alloc(gc, 2 * B, 0);
    void *o2 = capheap_gc_alloc(gc, 2 * B, 0);
    REQUIRE(o && o2);
    caps_reason = 0;
    capheap_caps_free(caps, o2);
    CHECK(caps_reason != 0);
    CHECK_EQ_SZ(capheap_caps_get_free_size(caps, CAPHEAP_CAP_SPIRAM), ext);
    CHECK_EQ_SZ(capheap_gc_size(gc, o2), 2 * B);
    CHECK(capheap_caps_check_integrity_all(caps, NULL, NULL));
    capheap_gc_destroy(gc);
#else
    check_log("  CAPHEAP_CHECKS=0: a GC object inside a caps block given to caps free: not applicable\n");
#endif
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_grow_and_give_back);
    RUN(t_dma_heap_and_reserve);
    RUN(t_foreign_pointers);
    return check_summary("gc.caps");
}
