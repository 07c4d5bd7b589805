/*
 * Chip tables and layout: the ESP32 start-up summary matches ESP-IDF's log
 * line for line, reserved ranges and coalescing cut the tables as the docs
 * say, alias arithmetic round-trips, every table validates, and the host
 * simulation backs every region (aliases shared where they are linear).
 */
#include "capheap/layout.h"
#include "capheap/sim.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char buf[4096];
    size_t len;
} sink_t;

static void sink_fn(void *ctx, const char *text)
{
    sink_t *s = (sink_t *)ctx;
    size_t n = strlen(text);
    if (s->len + n >= sizeof s->buf)
        n = sizeof s->buf - 1 - s->len;
    memcpy(s->buf + s->len, text, n);
    s->len += n;
    s->buf[s->len] = 0;
}

static void t_esp32_startup_log_exact(void)
{
    sink_t s = { "", 0 };
    capheap_layout_print(&capheap_chip_esp32, CAPHEAP_LAYOUT_STARTUP | CAPHEAP_LAYOUT_DEFERRED,
                         "I (0) heap_init: ", sink_fn, &s);
    const char *want =
        "I (0) heap_init: At 3FFAE6E0 len 00001920 (6 KiB): DRAM\n"
        "I (0) heap_init: At 3FFB2EC8 len 0002D138 (180 KiB): DRAM\n"
        "I (0) heap_init: At 3FFE0440 len 00003AE0 (14 KiB): D/IRAM\n"
        "I (0) heap_init: At 3FFE4350 len 0001BCB0 (111 KiB): D/IRAM\n"
        "I (0) heap_init: At 4008944C len 00016BB4 (90 KiB): IRAM\n";
    CHECK(strcmp(s.buf, want) == 0);
    if (strcmp(s.buf, want) != 0)
        check_log("got:\n%s", s.buf);
}

static void t_esp32_regions(void)
{
    capheap_region_t r[16];
    size_t n = capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_STARTUP, NULL, r, 16);
    /* the deferred start-up stack block is not a start-up heap */
    REQUIRE(n == 4);
    CHECK_EQ_U(r[0].start, 0x3FFAE6E0u);
    CHECK_EQ_U(r[2].start, 0x3FFE4350u);
    CHECK_EQ_U(r[2].alias_kind, CAPHEAP_ALIAS_WORD_REVERSED);
    /* view of [3FFE4350, 40000000) is the bottom of 400A0000.. */
    CHECK_EQ_U(r[2].alias, 0x400A0000u);
    CHECK(r[2].flags & CAPHEAP_MT_DIRAM);
    CHECK_EQ_U(r[3].alias, 0);

    n = capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_DEFERRED, NULL, r, 16);
    REQUIRE(n == 1);
    CHECK_EQ_U(r[0].start, 0x3FFE0440u);
    CHECK_EQ_U(r[0].size, 0x3AE0u);
    CHECK(r[0].flags & CAPHEAP_MT_DEFERRED);
    /* last word 3FFE3F1C is seen at 400C0000 - 4 - 3F1C */
    CHECK_EQ_U(r[0].alias, 0x400BC0E0u);

    n = capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_RUNTIME, NULL, r, 16);
    REQUIRE(n == 2);
    CHECK_EQ_U(r[0].start, 0x3F800000u);
    CHECK_EQ_U(r[0].size, 4u << 20);
    CHECK(strcmp(r[0].name, "SPIRAM") == 0);
    CHECK(strcmp(r[1].name, "RTCRAM") == 0);
    CHECK_EQ_U(r[1].size, 8192);

    /* snprintf-like sizing */
    CHECK_EQ_U(capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_STARTUP, NULL, NULL, 0), 4);
    CHECK_EQ_U(capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_STARTUP, NULL, r, 1), 4);
    /* raw: the table itself */
    CHECK_EQ_U(capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_RAW | CAPHEAP_LAYOUT_STARTUP |
                                          CAPHEAP_LAYOUT_DEFERRED | CAPHEAP_LAYOUT_RUNTIME, NULL, r, 16),
               capheap_chip_esp32.region_count);
}

static void t_coalescing(void)
{
    capheap_region_t r[16];
    size_t n = capheap_layout_regions(&capheap_chip_stm32h743, CAPHEAP_LAYOUT_STARTUP, NULL, r, 16);
    REQUIRE(n == 4);
    /* DTCM minus .data/.bss and the stack */
    CHECK_EQ_U(r[0].start, 0x20004000u);
    CHECK_EQ_U(r[0].size, 0x18000u);
    /* SRAM1+2+3 touch: one region */
    CHECK_EQ_U(r[2].start, 0x30000000u);
    CHECK_EQ_U(r[2].size, 0x48000u);
    CHECK(r[3].flags & CAPHEAP_MT_RESERVE);
    /* ESP32 DRAM pools 0x3FFAE000..0x3FFE0000 are one memory cut by reserved ranges */
    n = capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_STARTUP, NULL, r, 16);
    CHECK_EQ_U(r[1].start + r[1].size, 0x3FFE0000u);
    /* esp32c3: two D/IRAM blocks with continuing linear aliases coalesce */
    n = capheap_layout_regions(&capheap_chip_esp32c3, CAPHEAP_LAYOUT_STARTUP, NULL, r, 16);
    REQUIRE(n == 1);
    CHECK_EQ_U(r[0].start, 0x3FC93000u);
    CHECK_EQ_U(r[0].size, 0x3FCC0000u - 0x3FC93000u);
    CHECK_EQ_U(r[0].alias, 0x40393000u);
}

static void t_alias_arithmetic(void)
{
    capheap_region_t r[16];
    size_t n = capheap_layout_regions(&capheap_chip_esp32, CAPHEAP_LAYOUT_STARTUP, NULL, r, 16);
    REQUIRE(n == 4);
    const capheap_region_t *d = &r[2];
    /* ESP32: DRAM 3FFE4350 <-> IRAM 400C0000 - 4 - (3FFE4350 - 3FFE0000) */
    CHECK_EQ_U(capheap_region_dram_to_iram(d, 0x3FFE4350u), 0x400C0000u - 4u - 0x4350u);
    CHECK_EQ_U(capheap_region_dram_to_iram(d, 0x3FFFFFFCu), 0x400A0000u);
    for (uintptr_t a = d->start; a < d->start + d->size; a += 0x1234 & ~3u) {
        uintptr_t i = capheap_region_dram_to_iram(d, a);
        CHECK(i >= d->alias && i < d->alias + d->size);
        CHECK_EQ_U(capheap_region_iram_to_dram(d, i), a);
    }
    CHECK_EQ_U(capheap_region_dram_to_iram(d, d->start - 4), 0);
    CHECK_EQ_U(capheap_region_iram_to_dram(d, d->alias - 4), 0);
    CHECK_EQ_U(capheap_region_dram_to_iram(&r[0], r[0].start), 0);

    n = capheap_layout_regions(&capheap_chip_esp32s3, CAPHEAP_LAYOUT_STARTUP, NULL, r, 16);
    REQUIRE(n >= 1);
    CHECK_EQ_U(r[0].alias_kind, CAPHEAP_ALIAS_LINEAR);
    CHECK_EQ_U(capheap_region_dram_to_iram(&r[0], r[0].start + 100), r[0].start + 100 + 0x6F0000u);
    CHECK_EQ_U(capheap_region_iram_to_dram(&r[0], r[0].alias + 100), r[0].start + 100);
}

static void t_every_chip_valid(void)
{
    size_t n;
    const capheap_chip_t *const *list = capheap_chip_list(&n);
    CHECK_EQ_U(n, 8);
    const char *names[] = { "esp32", "esp32s3", "esp32c3", "w800", "stm32h743", "generic",
                            "mps2_an385", "mps2_an500" };
    for (size_t i = 0; i < 8; i++) {
        const capheap_chip_t *c = capheap_chip_find(names[i]);
        CHECK(c != NULL);
        if (!c)
            continue;
        CHECK(c == list[i]);
        CHECK_EQ_U(capheap_chip_validate(c, NULL, NULL), CAPHEAP_OK);
        CHECK(capheap_layout_regions(c, CAPHEAP_LAYOUT_STARTUP, NULL, NULL, 0) >= 1);
        /* region look-up agrees with the table */
        for (size_t k = 0; k < c->region_count; k++) {
            CHECK_EQ_U(capheap_chip_region_at(c, c->regions[k].start), k);
            CHECK_EQ_U(capheap_chip_region_at(c, c->regions[k].start + c->regions[k].size - 1), k);
        }
    }
    CHECK(capheap_chip_find("esp8266") == NULL);
    CHECK(capheap_chip_find(NULL) == NULL);
    CHECK_EQ_U(capheap_chip_region_at(&capheap_chip_esp32, 0x1000), (unsigned long long)-1);
    /* alias addresses report the D/IRAM caps, including EXEC */
    CHECK(capheap_chip_caps_at(&capheap_chip_esp32, 0x400B0000u) & CAPHEAP_CAP_EXEC);
    CHECK(capheap_chip_caps_at(&capheap_chip_esp32, 0x3FFB0000u) & CAPHEAP_CAP_DMA);
    CHECK(!(capheap_chip_caps_at(&capheap_chip_esp32, 0x3F900000u) & CAPHEAP_CAP_DMA));
    CHECK_EQ_U(capheap_chip_caps_at(&capheap_chip_esp32, 0x10), 0);
}

static void t_bad_tables_refused(void)
{
    static const capheap_mem_type_t types[] = { { "RAM", { CAPHEAP_CAP_8BIT, 0, 0 }, 0 } };
    static const capheap_chip_region_t unsorted[] = {
        { 0x20010000u, 0x1000u, 0, 0, 0, 0 }, { 0x20000000u, 0x1000u, 0, 0, 0, 0 } };
    static const capheap_chip_region_t badtype[] = { { 0x20000000u, 0x1000u, 3, 0, 0, 0 } };
    static const capheap_chip_region_t badalias[] = {
        { 0x20000000u, 0x1000u, 0, CAPHEAP_ALIAS_LINEAR, 0, 0 } };
    capheap_chip_t c = { "bad", "", types, 1, unsorted, 2, NULL, 0, NULL, 4, 0 };
    sink_t s = { "", 0 };
    CHECK_EQ_U(capheap_chip_validate(&c, sink_fn, &s), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    CHECK(s.len > 0);
    c.regions = badtype;
    c.region_count = 1;
    CHECK_EQ_U(capheap_chip_validate(&c, NULL, NULL), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    c.regions = badalias;
    CHECK_EQ_U(capheap_chip_validate(&c, NULL, NULL), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
    CHECK_EQ_U(capheap_chip_validate(NULL, NULL, NULL), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
}

/* Every region of the table the sim simulates is backed, contiguous,
 * writable, translates both ways; linear aliases are the same memory when
 * the sim says so. */
static void check_sim(capheap_sim_t *sim)
{
    const capheap_chip_t *c = capheap_sim_chip(sim);
    for (size_t k = 0; k < c->region_count; k++) {
        const capheap_chip_region_t *r = &c->regions[k];
        unsigned char *lo = capheap_sim_to_host(sim, r->start);
        unsigned char *hi = capheap_sim_to_host(sim, r->start + r->size - 1);
        CHECK(lo != NULL && hi != NULL);
        if (!lo || !hi)
            continue;
        CHECK(hi - lo == (ptrdiff_t)(r->size - 1)); /* contiguous */
        CHECK_EQ_U(capheap_sim_to_chip(sim, lo), r->start);
        CHECK(lo[0] == 0 && hi[0] == 0); /* zero-filled */
        lo[0] = 0x5A;
        hi[0] = 0xA5;
        CHECK(lo[0] == 0x5A && hi[0] == 0xA5);
        if (r->alias_kind == CAPHEAP_ALIAS_NONE)
            continue;
        unsigned char *a = capheap_sim_to_host(sim, r->alias);
        CHECK(a != NULL);
        if (!a)
            continue;
        CHECK_EQ_U(capheap_sim_to_chip(sim, a), r->alias);
        if (r->alias_kind == CAPHEAP_ALIAS_LINEAR && capheap_sim_alias_shared(sim)) {
            /* same pages: a write through the alias is seen at the data address */
            a[16] = 0x77;
            CHECK(lo[16] == 0x77);
            lo[17] = 0x66;
            CHECK(a[17] == 0x66);
        } else {
            a[0] = 1; /* writable either way */
            CHECK(a[0] == 1);
        }
    }
    /* the whole layout translates */
    const unsigned all = CAPHEAP_LAYOUT_STARTUP | CAPHEAP_LAYOUT_DEFERRED | CAPHEAP_LAYOUT_RUNTIME;
    capheap_region_t rr[16];
    size_t m = capheap_layout_regions(c, all, capheap_sim_map(sim), rr, 16);
    CHECK_EQ_U(m, capheap_layout_regions(c, all, NULL, NULL, 0));
    for (size_t k = 0; k < m && k < 16; k++)
        CHECK_EQ_U(capheap_sim_to_chip(sim, (void *)rr[k].start), rr[k].chip_start);
}

static void t_sim_backs_every_region(void)
{
    capheap_sim_t *probe = NULL;
    if (capheap_sim_create(&capheap_chip_generic, 0, &probe) == CAPHEAP_ERR_STATE) {
        check_log("  no mmap simulation in this build (bare metal): skipped\n");
        return;
    }
    capheap_sim_destroy(probe);
    size_t n;
    const capheap_chip_t *const *list = capheap_chip_list(&n);
    for (size_t i = 0; i < n; i++) {
        capheap_sim_t *sim = NULL;
        REQUIRE(capheap_sim_create(list[i], 0, &sim) == CAPHEAP_OK);
        check_log("  sim %-10s at chip addresses: %s, linear aliases shared: %s\n", list[i]->name,
                  capheap_sim_at_chip_addresses(sim) ? "yes" : "no",
                  capheap_sim_alias_shared(sim) ? "yes" : "no");
        CHECK(capheap_sim_chip(sim) == list[i]);
        check_sim(sim);
        capheap_sim_destroy(sim);
    }
    /* anywhere: same behaviour, other addresses */
    capheap_sim_t *sim = NULL;
    REQUIRE(capheap_sim_create(&capheap_chip_esp32c3, CAPHEAP_SIM_ANYWHERE, &sim) == CAPHEAP_OK);
    unsigned char *d = capheap_sim_to_host(sim, 0x3FC90000u);
    unsigned char *a = capheap_sim_to_host(sim, 0x40390000u);
    REQUIRE(d && a);
    if (capheap_sim_alias_shared(sim)) {
        a[3] = 42;
        CHECK(d[3] == 42);
    }
    check_sim(sim);
    capheap_sim_destroy(sim);
    CHECK_EQ_U(capheap_sim_create(NULL, 0, &sim), (unsigned long long)CAPHEAP_ERR_INVALID_ARG);
}

/* The buffer-backed sim: every build, run-time regions cut. */
static void t_sim_in_buffer(void)
{
    size_t n;
    const capheap_chip_t *const *list = capheap_chip_list(&n);
    const size_t cut = 256u * 1024u;
    for (size_t i = 0; i < n; i++) {
        size_t need = capheap_sim_bytes_needed(list[i], cut);
        CHECK(need > 0);
        unsigned char *mem = malloc(need + 1);
        REQUIRE(mem);
        capheap_sim_t *sim = NULL;
        CHECK_EQ_U(capheap_sim_create_in(list[i], mem + 1, need - 64, cut, &sim),
                   (unsigned long long)CAPHEAP_ERR_TOO_SMALL);
        REQUIRE(capheap_sim_create_in(list[i], mem + 1, need, cut, &sim) == CAPHEAP_OK);
        const capheap_chip_t *c = capheap_sim_chip(sim);
        CHECK(c != list[i] && strcmp(c->name, list[i]->name) == 0);
        CHECK_EQ_U(capheap_chip_validate(c, NULL, NULL), CAPHEAP_OK);
        for (size_t k = 0; k < c->region_count; k++) {
            uint32_t f = c->types[c->regions[k].type].flags | c->regions[k].flags;
            if (f & CAPHEAP_MT_RUNTIME)
                CHECK(c->regions[k].size <= cut);
            else
                CHECK_EQ_U(c->regions[k].size, list[i]->regions[k].size);
        }
        CHECK(!capheap_sim_at_chip_addresses(sim));
        check_sim(sim);
        /* every view inside the buffer */
        unsigned char *p = capheap_sim_to_host(sim, c->regions[c->region_count - 1].start);
        CHECK(p > mem && p < mem + need + 1);
        capheap_sim_destroy(sim); /* nothing to do: the caller's memory */
        free(mem);
    }
}

int main(void)
{
    RUN(t_esp32_startup_log_exact);
    RUN(t_esp32_regions);
    RUN(t_coalescing);
    RUN(t_alias_arithmetic);
    RUN(t_every_chip_valid);
    RUN(t_bad_tables_refused);
    RUN(t_sim_backs_every_region);
    RUN(t_sim_in_buffer);
    return check_summary("layout");
}
