/*
 * Which memory each capability combination gets, per chip, through
 * heap_caps_malloc, and the documented statements of ESP-IDF's heap
 * documentation, on the chip named by CAPHEAP_CHIP (CTest runs every chip).
 *
 * Set-up: heap_caps_init(), every run-time region of the table added with
 * heap_caps_add_region (table order, so the last one is the newest), and the
 * start-up-stack regions enabled. Then, for each row of the chip's table,
 * the expected memory types in order: a request must land in the first type;
 * once every heap of that type is made full, in the next; after the last,
 * the request must fail. This checks the priority levels, the run-time-first
 * order, the reserve attribute and the refusals.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capheap/debug.h"
#include "capheap_espidf.h"
#include "check.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "esp_memory_utils.h"

#define MAXSEQ 6

typedef struct {
    uint32_t caps;
    const char *seq[MAXSEQ]; /* memory type names, in the order tried; NULL ends */
} row_t;

typedef struct {
    const char *chip;
    const row_t *rows;
} chip_rows_t;

#define C(x) MALLOC_CAP_##x

static const row_t esp32_rows[] = {
    { C(8BIT), { "DRAM", "RTCRAM", "D/IRAM", "SPIRAM" } },
    { C(DEFAULT), { "SPIRAM", "DRAM", "RTCRAM", "D/IRAM" } },
    { C(DEFAULT) | C(INTERNAL), { "DRAM", "RTCRAM", "D/IRAM" } },
    { C(INTERNAL) | C(8BIT), { "DRAM", "RTCRAM", "D/IRAM" } },
    { C(DMA), { "DRAM", "D/IRAM" } },
    { C(DMA) | C(8BIT), { "DRAM", "D/IRAM" } },
    /* CACHE_ALIGNED asks an alignment, not a kind of memory (ESP-IDF strips it) */
    { C(DMA) | C(CACHE_ALIGNED), { "DRAM", "D/IRAM" } },
    { C(8BIT) | C(CACHE_ALIGNED), { "DRAM", "RTCRAM", "D/IRAM", "SPIRAM" } },
    { C(32BIT), { "IRAM", "DRAM", "RTCRAM", "SPIRAM", "D/IRAM" } },
    /* D/IRAM has INTERNAL at priority 1, RTC RAM only at 2 */
    { C(32BIT) | C(INTERNAL), { "IRAM", "DRAM", "D/IRAM", "RTCRAM" } },
    { C(EXEC), { "IRAM", "D/IRAM" } },
    { C(EXEC) | C(32BIT) | C(INTERNAL), { "IRAM", "D/IRAM" } },
    { C(SPIRAM), { "SPIRAM" } },
    { C(SPIRAM) | C(8BIT), { "SPIRAM" } },
    { C(RTCRAM), { "RTCRAM" } },
    { C(DMA) | C(SPIRAM), { NULL } },
    { C(EXEC) | C(8BIT), { NULL } },
    { C(EXEC) | C(DMA), { NULL } },
    { C(IRAM_8BIT), { NULL } },
    { C(SIMD), { NULL } },
    { C(INVALID), { NULL } },
    { 0, { NULL } },
    { ~(uint32_t)0 >> 1, { NULL } },
};

static const row_t esp32s3_rows[] = {
    { C(8BIT), { "DRAM", "RTCRAM", "D/IRAM", "SPIRAM" } },
    { C(DEFAULT), { "SPIRAM", "DRAM", "RTCRAM", "D/IRAM" } },
    { C(DEFAULT) | C(INTERNAL), { "DRAM", "RTCRAM", "D/IRAM" } },
    { C(DMA), { "DRAM", "D/IRAM" } },
    { C(SIMD), { "DRAM", "D/IRAM", "SPIRAM" } },
    { C(SIMD) | C(INTERNAL), { "DRAM", "D/IRAM" } },
    { C(DMA) | C(CACHE_ALIGNED), { "DRAM", "D/IRAM" } },
    { C(32BIT), { "DRAM", "RTCRAM", "SPIRAM", "D/IRAM" } },
    { C(EXEC), { "D/IRAM" } },
    { C(SPIRAM), { "SPIRAM" } },
    { C(RTCRAM), { "RTCRAM" } },
    { C(DMA) | C(SPIRAM), { NULL } },
    { C(EXEC) | C(8BIT), { NULL } },
    { C(EXEC) | C(DMA), { NULL } },
    { C(INVALID), { NULL } },
    { 0, { NULL } },
};

static const row_t esp32c3_rows[] = {
    { C(8BIT), { "STACK/DRAM", "RTCRAM", "D/IRAM" } },
    { C(DEFAULT), { "STACK/DRAM", "RTCRAM", "D/IRAM" } },
    { C(DEFAULT) | C(INTERNAL), { "STACK/DRAM", "RTCRAM", "D/IRAM" } },
    { C(DMA), { "STACK/DRAM", "D/IRAM" } },
    { C(32BIT), { "STACK/DRAM", "RTCRAM", "D/IRAM" } },
    { C(EXEC), { "D/IRAM" } },
    { C(RTCRAM), { "RTCRAM" } },
    { C(SPIRAM), { NULL } },
    { C(EXEC) | C(8BIT), { NULL } },
    { C(INVALID), { NULL } },
    { 0, { NULL } },
};

static const row_t w800_rows[] = {
    { C(8BIT), { "SRAM", "DRAM", "PSRAM" } },
    { C(DEFAULT), { "SRAM", "DRAM" } },
    { C(DEFAULT) | C(INTERNAL), { "SRAM", "DRAM" } },
    { C(DMA), { "DRAM" } },
    { C(EXEC), { "SRAM" } },
    { C(32BIT), { "PSRAM", "SRAM", "DRAM" } },
    { C(SPIRAM), { "PSRAM" } },
    { C(SPIRAM) | C(8BIT), { "PSRAM" } },
    { C(SPIRAM) | C(DEFAULT), { NULL } },
    { C(EXEC) | C(8BIT), { NULL } },
    { C(EXEC) | C(DMA), { NULL } },
    { C(INVALID), { NULL } },
    { 0, { NULL } },
};

static const row_t stm32h743_rows[] = {
    { C(DEFAULT), { "SDRAM", "DTCM", "SRAM_D2", "AXISRAM", "SRAM4" } },
    { C(DEFAULT) | C(INTERNAL), { "DTCM", "SRAM_D2", "AXISRAM", "SRAM4" } },
    { C(DMA), { "SRAM_D2", "AXISRAM", "SRAM4" } },
    { C(8BIT), { "DTCM", "SDRAM", "SRAM_D2", "AXISRAM", "SRAM4" } },
    { C(32BIT), { "DTCM", "SDRAM", "SRAM_D2", "AXISRAM", "SRAM4" } },
    { C(SPM), { "DTCM" } },
    { C(SPIRAM), { "SDRAM" } },
    { C(EXEC), { NULL } },
    { C(DMA) | C(SPIRAM), { NULL } },
    { C(DMA) | C(SPM), { NULL } },
    { C(INVALID), { NULL } },
    { 0, { NULL } },
};

static const row_t generic_rows[] = {
    { C(8BIT), { "RAM" } },
    { C(DEFAULT), { "RAM" } },
    { C(DMA), { "RAM" } },
    { C(32BIT), { "RAM" } },
    { C(INTERNAL), { "RAM" } },
    { C(EXEC), { NULL } },
    { C(SPIRAM), { NULL } },
    { 0, { NULL } },
};

static const chip_rows_t tables[] = {
    { "esp32", esp32_rows },     { "esp32s3", esp32s3_rows },     { "esp32c3", esp32c3_rows },
    { "w800", w800_rows },       { "stm32h743", stm32h743_rows }, { "generic", generic_rows },
};

static size_t row_count(const char *chip)
{
    if (!strcmp(chip, "esp32"))
        return sizeof esp32_rows / sizeof esp32_rows[0];
    if (!strcmp(chip, "esp32s3"))
        return sizeof esp32s3_rows / sizeof esp32s3_rows[0];
    if (!strcmp(chip, "esp32c3"))
        return sizeof esp32c3_rows / sizeof esp32c3_rows[0];
    if (!strcmp(chip, "w800"))
        return sizeof w800_rows / sizeof w800_rows[0];
    if (!strcmp(chip, "stm32h743"))
        return sizeof stm32h743_rows / sizeof stm32h743_rows[0];
    if (!strcmp(chip, "generic"))
        return sizeof generic_rows / sizeof generic_rows[0];
    return 0;
}

/* ---------------------------------------------------------------- helpers */

static capheap_caps_t *inst;
static const capheap_chip_t *chip;

static const char *type_of(const void *p)
{
    const capheap_caps_heap_t *h = capheap_caps_heap_of(inst, p);
    if (!h)
        return "(no heap)";
    capheap_region_t r;
    capheap_caps_heap_region(h, &r);
    return r.name ? r.name : "(unnamed)";
}

static bool chip_has_type(const char *name)
{
    for (size_t i = 0; i < chip->type_count; i++)
        if (!strcmp(chip->types[i].name, name))
            return true;
    return false;
}

/* Heaps made full behind the allocator's back (engine blocks, heap locked). */
#define MAX_FILL 256
static struct {
    const capheap_caps_heap_t *heap;
    void *block;
} fill[MAX_FILL];
static size_t nfill;

static void make_full(const char *type)
{
    size_t n = capheap_caps_heap_count(inst);
    for (size_t i = 0; i < n; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(inst, i);
        capheap_region_t r;
        capheap_caps_heap_region(h, &r);
        if (!r.name || strcmp(r.name, type))
            continue;
        capheap_caps_heap_lock(h);
        capheap_heap_t *e = capheap_caps_heap_engine(h);
        /* blocks in this build's format (debug header at poisoning levels):
         * the largest one the engine has, less that header */
        const size_t ovh = capheap_debug_overhead();
        for (size_t big; nfill < MAX_FILL && (big = capheap_heap_largest_free(e)) > ovh;) {
            void *b = capheap_debug_heap_malloc(e, big - ovh);
            if (!b)
                break;
            fill[nfill].heap = h;
            fill[nfill].block = b;
            nfill++;
        }
        capheap_caps_heap_unlock(h);
    }
}

static void release_all(void)
{
    while (nfill > 0) {
        nfill--;
        capheap_caps_heap_lock(fill[nfill].heap);
        capheap_debug_heap_free(capheap_caps_heap_engine(fill[nfill].heap), fill[nfill].block);
        capheap_caps_heap_unlock(fill[nfill].heap);
    }
}

static bool is_diram_type(const char *name)
{
    for (size_t i = 0; i < chip->type_count; i++)
        if (!strcmp(chip->types[i].name, name))
            return (chip->types[i].flags & CAPHEAP_MT_DIRAM) != 0;
    return false;
}

/* ---------------------------------------------------------------- set-up */

static void t_setup(void)
{
    heap_caps_init();
    inst = capheap_espidf_instance();
    chip = capheap_espidf_chip();
    REQUIRE(inst && chip);
    const char *want = getenv("CAPHEAP_CHIP");
    if (want)
        CHECK(!strcmp(chip->name, want));
    check_log("chip %s\n", chip->name);
    /* run-time regions, in table order */
    for (size_t i = 0; i < chip->region_count; i++) {
        const capheap_chip_region_t *r = &chip->regions[i];
        if ((r->flags | chip->types[r->type].flags) & CAPHEAP_MT_RUNTIME) {
            esp_err_t e = heap_caps_add_region((intptr_t)r->start, (intptr_t)(r->start + r->size));
            CHECK_EQ_U(e, ESP_OK);
        }
    }
    /* the start-up stacks join: more memory iff the chip has some */
    bool has_deferred = false;
    for (size_t i = 0; i < chip->region_count; i++)
        if ((chip->regions[i].flags | chip->types[chip->regions[i].type].flags) &
            CAPHEAP_MT_DEFERRED)
            has_deferred = true;
    size_t before = heap_caps_get_total_size(0);
    heap_caps_enable_nonos_stack_heaps();
    size_t after = heap_caps_get_total_size(0);
    CHECK(has_deferred ? after > before : after == before);
    CHECK(heap_caps_check_integrity_all(true));
}

/* ---------------------------------------------------------------- the table */

static void t_caps_table(void)
{
    const row_t *rows = NULL;
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        if (!strcmp(tables[i].chip, chip->name))
            rows = tables[i].rows;
    REQUIRE(rows != NULL);
    size_t n = row_count(chip->name);
    size_t free0 = heap_caps_get_free_size(0);
    for (size_t i = 0; i < n; i++) {
        const row_t *row = &rows[i];
        for (size_t k = 0; k <= MAXSEQ; k++) {
            const char *want = k < MAXSEQ ? row->seq[k] : NULL;
            void *p = heap_caps_malloc(64, row->caps);
            if (!want) {
                if (p) {
                    check_log("caps 0x%08x step %zu: expected NULL, got %s\n",
                              (unsigned)row->caps, k, type_of(p));
                    CHECK_NULL(p);
                    heap_caps_free(p);
                }
                break;
            }
            CHECK(chip_has_type(want));
            if (!p) {
                check_log("caps 0x%08x step %zu: expected %s, got NULL\n", (unsigned)row->caps, k,
                          want);
                CHECK_NOT_NULL(p);
                break;
            }
            if (strcmp(type_of(p), want)) {
                check_log("caps 0x%08x step %zu: expected %s, got %s\n", (unsigned)row->caps, k,
                          want, type_of(p));
                CHECK(!strcmp(type_of(p), want));
            }
            /* the block really has what was asked */
            if (row->caps & MALLOC_CAP_EXEC)
                CHECK(esp_ptr_executable(p));
            if (row->caps & MALLOC_CAP_DMA)
                CHECK(esp_ptr_dma_capable(p));
            if (row->caps & MALLOC_CAP_SPIRAM)
                CHECK(esp_ptr_external_ram(p));
            if (row->caps & MALLOC_CAP_INTERNAL)
                CHECK(esp_ptr_internal(p));
            if (row->caps & MALLOC_CAP_8BIT)
                CHECK(esp_ptr_byte_accessible(p));
            if (row->caps & MALLOC_CAP_CACHE_ALIGNED)
                CHECK((uintptr_t)p % 32 == 0);
            heap_caps_free(p);
            make_full(want);
        }
        release_all();
    }
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
    CHECK(heap_caps_check_integrity_all(true));
}

/* ---------------------------------------------------------------- statements */

#define MAXP 8192
static void *ptrs[MAXP];

/* Allocates with alloc() until it fails (sizes halve from 4 KiB to 16 B),
 * calling check() on every block; then frees everything. */
static void drain(void *(*alloc)(size_t, uint32_t), uint32_t caps, bool (*check)(void *))
{
    size_t n = 0;
    bool ok = true;
    for (size_t sz = 4096; sz >= 16 && n < MAXP; sz /= 2) {
        void *p;
        while (n < MAXP && (p = alloc(sz, caps)) != NULL) {
            if (!check(p))
                ok = false;
            ptrs[n++] = p;
        }
    }
    CHECK(ok);
    while (n > 0)
        heap_caps_free(ptrs[--n]);
}

static void *by_caps(size_t n, uint32_t caps)
{
    return heap_caps_malloc(n, caps);
}

static void *by_malloc(size_t n, uint32_t caps)
{
    (void)caps;
    return heap_caps_malloc_default(n);
}

static bool dma_ok(void *p)
{
    return esp_ptr_dma_capable(p) && !esp_ptr_external_ram(p) && (uintptr_t)p % 4 == 0;
}

static bool plain_ok(void *p)
{
    /* byte-addressable and internal (so never the ESP32's IRAM, which is
     * word-only; the W800's SRAM is both byte-addressable and executable) */
    return esp_ptr_byte_accessible(p) && esp_ptr_internal(p) && !esp_ptr_external_ram(p);
}

static bool not_external(void *p)
{
    return !esp_ptr_external_ram(p);
}

static void t_dma_never_spiram(void)
{
    size_t free0 = heap_caps_get_free_size(0);
    drain(by_caps, MALLOC_CAP_DMA, dma_ok);
    drain(by_caps, MALLOC_CAP_DMA | MALLOC_CAP_8BIT, dma_ok);
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
}

static void t_malloc_never_iram(void)
{
    /* plain malloc only ever returns internal byte-addressable memory, even
     * when it runs out; MALLOC_CAP_32BIT may return IRAM it never uses */
    size_t free0 = heap_caps_get_free_size(0);
    drain(by_malloc, 0, plain_ok);
    if (!strcmp(chip->name, "esp32")) {
        void *w = heap_caps_malloc(64, MALLOC_CAP_32BIT);
        REQUIRE(w);
        CHECK(esp_ptr_in_iram(w) && !esp_ptr_byte_accessible(w));
        CHECK(!strcmp(type_of(w), "IRAM"));
        heap_caps_free(w);
        CHECK(heap_caps_get_free_size(MALLOC_CAP_32BIT) > heap_caps_get_free_size(MALLOC_CAP_8BIT));
    }
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
}

/* EXEC served from D/IRAM (the others made full first). */
static void *exec_from_diram(size_t n)
{
    for (size_t i = 0; i < chip->type_count; i++) {
        const capheap_mem_type_t *t = &chip->types[i];
        if (((t->caps[0] | t->caps[1] | t->caps[2]) & MALLOC_CAP_EXEC) &&
            !(t->flags & CAPHEAP_MT_DIRAM))
            make_full(t->name);
    }
    void *p = heap_caps_malloc(n, MALLOC_CAP_EXEC);
    release_all();
    return p;
}

static bool chip_has_diram(void)
{
    for (size_t i = 0; i < chip->type_count; i++)
        if (chip->types[i].flags & CAPHEAP_MT_DIRAM)
            return true;
    return false;
}

static void t_diram_lowers_both(void)
{
    if (!chip_has_diram()) {
        check_log("(no D/IRAM on %s)\n", chip->name);
        return;
    }
    size_t d0 = heap_caps_get_free_size(MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL);
    size_t i0 = heap_caps_get_free_size(MALLOC_CAP_EXEC);
    void *x = exec_from_diram(4096);
    REQUIRE(x);
    CHECK(is_diram_type(type_of(x)));
    size_t d1 = heap_caps_get_free_size(MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL);
    size_t i1 = heap_caps_get_free_size(MALLOC_CAP_EXEC);
    CHECK(d1 + 4096 <= d0); /* seen as DRAM ... */
    CHECK(i1 + 4096 <= i0); /* ... and as IRAM */
    heap_caps_free(x);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL), d0);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_EXEC), i0);
    /* and a data allocation in D/IRAM lowers the executable free size */
    for (size_t i = 0; i < chip->type_count; i++)
        if (!(chip->types[i].flags & CAPHEAP_MT_DIRAM))
            make_full(chip->types[i].name);
    void *d = heap_caps_malloc(4096, MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL);
    release_all();
    REQUIRE(d);
    CHECK(is_diram_type(type_of(d)));
    CHECK(esp_ptr_in_diram_dram(d) && !esp_ptr_executable(d));
    CHECK(heap_caps_get_free_size(MALLOC_CAP_EXEC) + 4096 <= i0);
    heap_caps_free(d);
    CHECK_EQ_SZ(heap_caps_get_free_size(MALLOC_CAP_EXEC), i0);
}

/* esp_ptr_* of NULL, and (host simulation) of memory that is not the
 * chip's (the stack, static data): no predicate holds, no conversion */
static unsigned char outside_static[64];
static void t_pointers_outside(void)
{
    unsigned char on_stack[64];
    const void *bad[3] = { NULL, on_stack + 4, outside_static + 8 };
    size_t n = capheap_espidf_sim() ? 3 : 1; /* bare metal: the stack is chip RAM */
    for (size_t i = 0; i < n; i++) {
        const void *p = bad[i];
        CHECK(!esp_ptr_executable(p));
        CHECK(!esp_ptr_in_iram(p));
        CHECK(!esp_ptr_in_dram(p));
        CHECK(!esp_ptr_in_diram_dram(p));
        CHECK(!esp_ptr_in_diram_iram(p));
        CHECK(!esp_ptr_in_rtc_iram_fast(p));
        CHECK(!esp_ptr_in_rtc_dram_fast(p));
        CHECK(!esp_ptr_dma_capable(p));
        CHECK(!esp_ptr_dma_ext_capable(p));
        CHECK(!esp_ptr_byte_accessible(p));
        CHECK(!esp_ptr_internal(p));
        CHECK(!esp_ptr_external_ram(p));
        CHECK_NULL(esp_ptr_diram_dram_to_iram(p));
        CHECK_NULL(esp_ptr_diram_iram_to_dram(p));
    }
    /* a misaligned D/IRAM address has no word at the other bus */
    if (chip_has_diram()) {
        unsigned char *d = heap_caps_malloc(64, MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL);
        REQUIRE(d);
        if (esp_ptr_in_diram_dram(d))
            CHECK_NULL(esp_ptr_diram_dram_to_iram(d + 1));
        heap_caps_free(d);
    }
}

static void t_exec_from_diram(void)
{
    if (!chip_has_diram()) {
        check_log("(no D/IRAM on %s)\n", chip->name);
        return;
    }
    size_t free0 = heap_caps_get_free_size(0);
    unsigned char *x = exec_from_diram(1000);
    REQUIRE(x);
    /* executable-addressed: the instruction-bus view */
    CHECK(esp_ptr_executable(x));
    CHECK(esp_ptr_in_diram_iram(x) || esp_dram_match_iram());
    CHECK(!esp_ptr_in_dram(x));
    CHECK((uintptr_t)x % 4 == 0);
    CHECK(heap_caps_get_allocated_size(x) >= 1000);
    CHECK_EQ_SZ(heap_caps_get_allocated_size(x) % 4, 0);
    for (int i = 0; i < 1000; i++)
        x[i] = (unsigned char)(i ^ 0x5A);
    /* with a linear alias the data view shows the same bytes */
    capheap_sim_t *sim = capheap_espidf_sim();
    const unsigned char *d = esp_ptr_diram_iram_to_dram(x);
    if (d && sim && capheap_sim_alias_shared(sim) && !esp_dram_match_iram()) {
        bool linear = false;
        for (size_t i = 0; i < chip->region_count; i++)
            if (chip->regions[i].alias_kind == CAPHEAP_ALIAS_LINEAR)
                linear = true;
        if (linear)
            CHECK(memcmp(d, x, 1000) == 0);
    }
    CHECK(heap_caps_check_integrity_addr((intptr_t)x, true));
    CHECK(heap_caps_get_containing_block_size(x + 500) >= 1000);
    /* realloc keeps it executable and keeps the content */
    unsigned char *y = heap_caps_realloc(x, 1500, MALLOC_CAP_EXEC);
    REQUIRE(y);
    CHECK(esp_ptr_executable(y));
    for (int i = 0; i < 1000; i++)
        CHECK(y[i] == (unsigned char)(i ^ 0x5A));
    /* aligned EXEC requests are aligned, wherever they are served from */
    heap_caps_free(y);
    for (size_t i = 0; i < chip->type_count; i++) {
        const capheap_mem_type_t *t = &chip->types[i];
        if (((t->caps[0] | t->caps[1] | t->caps[2]) & MALLOC_CAP_EXEC) &&
            !(t->flags & CAPHEAP_MT_DIRAM))
            make_full(t->name);
    }
    for (size_t a = 4; a <= 64; a *= 2) {
        for (size_t n = 90; n < 100; n++) {
            void *q = heap_caps_aligned_alloc(a, n, MALLOC_CAP_EXEC);
            if (q) {
                if ((uintptr_t)q % a)
                    check_log("aligned_alloc(%zu, %zu, EXEC) = %p\n", a, n, q);
                CHECK((uintptr_t)q % a == 0);
                CHECK(esp_ptr_executable(q));
                heap_caps_free(q);
            }
        }
    }
    release_all();
    /* frees cleanly */
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
    CHECK(heap_caps_check_integrity_all(true));
}

static void t_w800_psram_never_default(void)
{
    if (strcmp(chip->name, "w800")) {
        check_log("(w800 only)\n");
        return;
    }
    CHECK(heap_caps_get_total_size(MALLOC_CAP_SPIRAM) >= 8u * 1024 * 1024 - 4096);
    CHECK_EQ_SZ(heap_caps_get_total_size(MALLOC_CAP_SPIRAM | MALLOC_CAP_DEFAULT), 0);
    drain(by_caps, MALLOC_CAP_DEFAULT, not_external);
    drain(by_malloc, 0, not_external);
    heap_caps_malloc_extmem_enable(0); /* even when malloc may use external RAM */
    drain(by_malloc, 0, not_external);
    heap_caps_malloc_extmem_enable(SIZE_MAX);
    void *p = heap_caps_malloc(1024, MALLOC_CAP_SPIRAM);
    REQUIRE(p);
    CHECK(esp_ptr_external_ram(p));
    heap_caps_free(p);
}

static void t_realloc_across(void)
{
    /* content survives moves between every pair of memory kinds the chip has */
    const uint32_t kinds[] = { MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL, MALLOC_CAP_DMA,
                               MALLOC_CAP_SPIRAM, MALLOC_CAP_32BIT, MALLOC_CAP_RTCRAM,
                               MALLOC_CAP_SPM };
    size_t free0 = heap_caps_get_free_size(0);
    for (size_t a = 0; a < sizeof kinds / sizeof kinds[0]; a++) {
        for (size_t b = 0; b < sizeof kinds / sizeof kinds[0]; b++) {
            uint32_t *p = heap_caps_malloc(256, kinds[a]);
            if (!p)
                continue;
            for (uint32_t i = 0; i < 64; i++)
                p[i] = i * 2654435761u;
            uint32_t *q = heap_caps_realloc(p, 512, kinds[b]);
            if (!q) {
                /* the chip has no such memory: the old block is intact */
                for (uint32_t i = 0; i < 64; i++)
                    CHECK(p[i] == i * 2654435761u);
                heap_caps_free(p);
                continue;
            }
            for (uint32_t i = 0; i < 64; i++)
                CHECK(q[i] == i * 2654435761u);
            if (kinds[b] == MALLOC_CAP_SPIRAM)
                CHECK(esp_ptr_external_ram(q));
            if (kinds[b] == MALLOC_CAP_DMA)
                CHECK(esp_ptr_dma_capable(q));
            heap_caps_free(q);
        }
    }
    CHECK_EQ_SZ(heap_caps_get_free_size(0), free0);
    CHECK(heap_caps_check_integrity_all(true));
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_setup);
    RUN(t_caps_table);
    RUN(t_dma_never_spiram);
    RUN(t_malloc_never_iram);
    RUN(t_diram_lowers_both);
    RUN(t_exec_from_diram);
    RUN(t_pointers_outside);
    RUN(t_w800_psram_never_default);
    RUN(t_realloc_across);
    return check_summary("espidf.chips");
}
