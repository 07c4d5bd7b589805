/*
 * libFuzzer harness (2): the capabilities allocator (include/capheap/caps.h)
 * on a chip table generated from the input.
 *
 * The input first describes a chip: 1-4 memory types (capability masks at
 * three priorities drawn from a pool of bits, D/IRAM, reserve, deferred and
 * run-time flags), 1-6 address-sorted regions (sizes, gaps, linear or
 * word-reversed instruction aliases for D/IRAM types), up to 3 reserved
 * ranges and an alignment hook (DMA / cache-aligned alignments). Tables
 * that capheap_chip_validate refuses are skipped. The chip is simulated in
 * a buffer (capheap_sim_create_in) and an instance is built the way an
 * application does it (create_from_chip, enable_deferred, run-time regions
 * added), with no-op or pthread locks.
 *
 * Then a sequence of operations (malloc, calloc, realloc with new caps,
 * aligned allocation, the prefer and default families, free, bad pointers,
 * largest-free probes, minimum windows, walks, a run-time region nested in
 * an allocated block), each followed by:
 *   - capheap_caps_check_integrity_all();
 *   - statistics equal the model: allocated blocks and bytes of the
 *     instance and of every heap;
 * and each allocation checked: the block lies in a heap whose caps contain
 * every bit asked (CACHE_ALIGNED aside) inside that heap's data range or
 * instruction alias, is aligned as asked (and as the hook says), holds what
 * was asked, overlaps no live block in data-bus terms (an alias block is
 * translated back through the alias formula of chip.h); refused caps
 * (EXEC with 8BIT or DMA, INVALID) give NULL; malloc(n) succeeds when n is
 * at most get_largest_free_block(caps) and, when the hook does not raise
 * the alignment, fails when n is larger; contents survive realloc; a bad
 * pointer is reported and changes nothing. Any violation aborts.
 */
#include "capheap/caps.h"
#include "capheap/sim.h"
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIVE 48
#define MAX_PIN 4
#define SIM_BYTES (3u << 20)

typedef struct {
    unsigned char *p;           /* as returned */
    size_t asked;
    size_t usable;              /* capheap_caps_get_allocated_size */
    size_t whole;               /* capheap_caps_get_containing_block_size */
    uint32_t caps;
    uint32_t id;
    const capheap_caps_heap_t *heap;
    uintptr_t lo, hi;           /* data-bus range (for overlap) */
} blk_t;

static _Alignas(64) unsigned char sim_mem[SIM_BYTES];

static struct {
    /* the chip */
    capheap_mem_type_t types[4];
    char names[4][8];
    capheap_chip_region_t regions[6];
    capheap_reserved_t reserved[3];
    capheap_chip_t chip;
    size_t dma_align, cache_align;
    /* the instance */
    capheap_sim_t *sim;
    capheap_caps_t *c;
    uint32_t all_caps;          /* union of every type's masks */
    /* the model */
    blk_t live[MAX_LIVE];
    size_t nlive;
    blk_t pinned[MAX_PIN];      /* blocks that hold a nested heap */
    size_t npinned;
    unsigned char *freed[8];
    unsigned nfreed;
    uint32_t next_id;
    unsigned errors;
    bool window;
    bool prefer;                /* adopting a _prefer block: which entry
                                   served it is unknown, so is its alignment */
    char report[1024];
} m;

#define FAIL(...)                                                              \
    do {                                                                       \
        fprintf(stderr, "fuzz_caps: " __VA_ARGS__);                            \
        fprintf(stderr, "\n%s\n", m.report);                                   \
        abort();                                                               \
    } while (0)
#define ENSURE(c)                                                              \
    do {                                                                       \
        if (!(c))                                                              \
            FAIL("%s:%d: %s", __FILE__, __LINE__, #c);                         \
    } while (0)

/* FUZZ_TRACE=1 in the environment: each operation is printed (replays). */
static int tracing = -1;
#define TRACE(...)                                                             \
    do {                                                                       \
        if (tracing)                                                           \
            fprintf(stderr, __VA_ARGS__);                                      \
    } while (0)

static void on_error(void *ctx, capheap_error_reason_t reason, const void *where)
{
    (void)ctx;
    (void)reason;
    (void)where;
    m.errors++;
}

static void on_print(void *ctx, const char *text)
{
    (void)ctx;
    size_t n = strlen(m.report);
    snprintf(m.report + n, sizeof m.report - n, "%s", text);
}

static size_t align_hook(uint32_t caps, size_t align)
{
    size_t need = 1;
    if (caps & CAPHEAP_CAP_DMA)
        need = m.dma_align;
    if ((caps & CAPHEAP_CAP_CACHE_ALIGNED) && m.cache_align > need)
        need = m.cache_align;
    return need > align ? need : align;
}

/* ------------------------------------------------------------ the chip */

static const uint32_t cap_pool[] = {
    CAPHEAP_CAP_EXEC, CAPHEAP_CAP_32BIT, CAPHEAP_CAP_8BIT, CAPHEAP_CAP_DMA,
    CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_INTERNAL, CAPHEAP_CAP_DEFAULT, CAPHEAP_CAP_RTCRAM,
};
#define POOL (sizeof cap_pool / sizeof cap_pool[0])

static uint32_t caps_from(uint8_t bits)
{
    uint32_t c = 0;
    for (unsigned i = 0; i < POOL; i++)
        if (bits & (1u << i))
            c |= cap_pool[i];
    return c;
}

static bool build_chip(fin_t *in)
{
    memset(&m.chip, 0, sizeof m.chip);
    size_t nt = 1 + fin_u8(in) % 4;
    for (size_t t = 0; t < nt; t++) {
        capheap_mem_type_t *mt = &m.types[t];
        snprintf(m.names[t], sizeof m.names[t], "T%zu", t);
        mt->name = m.names[t];
        for (int p = 0; p < CAPHEAP_PRIORITIES; p++)
            mt->caps[p] = caps_from(fin_u8(in));
        uint8_t f = fin_u8(in);
        mt->flags = 0;
        if ((f & 7) == 1)
            mt->flags |= CAPHEAP_MT_DIRAM;
        if ((f & 0x38) == 0x08)
            mt->flags |= CAPHEAP_MT_RESERVE;
        if ((f & 0xc0) == 0x40)
            mt->flags |= CAPHEAP_MT_RUNTIME;
    }
    size_t nr = 1 + fin_u8(in) % 6;
    uintptr_t at = 0x20000000u, alias_base = 0x60000000u;
    for (size_t i = 0; i < nr; i++) {
        capheap_chip_region_t *r = &m.regions[i];
        uint16_t s = fin_u16(in);
        uint8_t g = fin_u8(in), f = fin_u8(in);
        if (g & 1)
            at += (uintptr_t)(g & 0xf0) << 4; /* a gap; otherwise the regions touch */
        r->start = at;
        r->size = 256u + (size_t)(s % 0xffc0u) * 4u / ((f & 0x80) ? 1u : 8u);
        r->size &= ~(size_t)3;
        r->type = (uint16_t)(f % nt);
        r->flags = (f & 0x70) == 0x10 ? CAPHEAP_MT_DEFERRED : 0;
        r->alias_kind = CAPHEAP_ALIAS_NONE;
        r->alias = 0;
        if (m.types[r->type].flags & CAPHEAP_MT_DIRAM) {
            /* views consistent over touching regions: linear aliases run
             * along, reversed ones run backwards from the end of a window */
            if (f & 8) {
                r->alias_kind = CAPHEAP_ALIAS_WORD_REVERSED;
                r->alias = alias_base + 0x08000000u - (r->start + r->size - 0x20000000u);
            } else {
                r->alias_kind = CAPHEAP_ALIAS_LINEAR;
                r->alias = alias_base + (r->start - 0x20000000u);
            }
        }
        at += r->size;
    }
    size_t nres = 0;
    uint8_t k = fin_u8(in);
    for (size_t i = 0; i < nr && nres < 3; i++) {
        if (!(k & (1u << i)))
            continue;
        const capheap_chip_region_t *r = &m.regions[i];
        uintptr_t off = (uintptr_t)(fin_u16(in) % r->size) & ~(uintptr_t)3;
        uintptr_t len = 4 + ((uintptr_t)fin_u16(in) % (r->size - off)) & ~(uintptr_t)3;
        if (len == 0)
            len = 4;
        m.reserved[nres].start = r->start + off;
        m.reserved[nres].end = r->start + off + len;
        if (m.reserved[nres].end > r->start + r->size)
            m.reserved[nres].end = r->start + r->size;
        m.reserved[nres].what = "reserved";
        nres++;
    }
    uint8_t a = fin_u8(in);
    m.dma_align = (size_t)4 << (a & 3);          /* 4..32 */
    m.cache_align = (size_t)16 << ((a >> 2) & 3); /* 16..128 */
    m.chip.name = "fuzz";
    m.chip.description = "generated by fuzz_caps";
    m.chip.types = m.types;
    m.chip.type_count = nt;
    m.chip.regions = m.regions;
    m.chip.region_count = nr;
    m.chip.reserved = nres ? m.reserved : NULL;
    m.chip.reserved_count = nres;
    m.chip.align_for_caps = (a & 0x30) == 0x30 ? NULL : align_hook;
    m.chip.word_size = 4;
    m.chip.align_caps = (a & 0x40) ? 0 : (CAPHEAP_CAP_DMA | CAPHEAP_CAP_CACHE_ALIGNED);
    m.all_caps = 0;
    for (size_t t = 0; t < nt; t++)
        m.all_caps |= m.types[t].caps[0] | m.types[t].caps[1] | m.types[t].caps[2];
    return capheap_chip_validate(&m.chip, NULL, NULL) == CAPHEAP_OK;
}

static bool build_instance(fin_t *in)
{
    size_t need = capheap_sim_bytes_needed(&m.chip, 64u * 1024u);
    if (need == 0 || need > SIM_BYTES)
        return false;
    ENSURE(capheap_sim_create_in(&m.chip, sim_mem, need, 64u * 1024u, &m.sim) == CAPHEAP_OK);
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = capheap_sim_chip(m.sim);
    cfg.map = capheap_sim_map(m.sim);
    cfg.error_hook = on_error;
    if (fin_u8(in) & 1)
        cfg.lock_ops = &capheap_port_lock_none;
    capheap_err_t e = capheap_caps_create_from_chip(&cfg, &m.c);
    if (e != CAPHEAP_OK) {
        ENSURE(m.c == NULL);
        /* only for tables whose start-up regions cannot hold an instance */
        ENSURE(e == CAPHEAP_ERR_TOO_SMALL || e == CAPHEAP_ERR_INVALID_ARG);
        return false;
    }
    e = capheap_caps_enable_deferred(m.c);
    ENSURE(e == CAPHEAP_OK || e == CAPHEAP_ERR_TOO_SMALL);
    ENSURE(capheap_caps_enable_deferred(m.c) == CAPHEAP_ERR_STATE);
    capheap_region_t r[8];
    size_t n = capheap_layout_regions(cfg.chip, CAPHEAP_LAYOUT_RUNTIME, cfg.map, r, 8);
    for (size_t i = 0; i < n && i < 8; i++) {
        e = capheap_caps_add_region(m.c, (void *)r[i].start, (void *)(r[i].start + r[i].size));
        ENSURE(e == CAPHEAP_OK || e == CAPHEAP_ERR_TOO_SMALL);
        if (e == CAPHEAP_OK)
            ENSURE(capheap_caps_add_region(m.c, (void *)r[i].start,
                                           (void *)(r[i].start + r[i].size)) ==
                   CAPHEAP_ERR_EXISTS);
    }
    return true;
}

/* ------------------------------------------------------------ the model */

static unsigned char stamp(uint32_t id, size_t i)
{
    return (unsigned char)(0x80u | ((id * 29u + (uint32_t)i * 13u) & 0x7fu));
}

static void verify(const blk_t *b, size_t n)
{
    for (size_t i = 0; i < n && i < b->usable; i++)
        if (b->p[i] != stamp(b->id, i))
            FAIL("block %p (id %u, %zu bytes, caps 0x%x) byte %zu changed", (void *)b->p, b->id,
                 b->usable, b->caps, i);
}

static void verify_all(void)
{
    for (size_t i = 0; i < m.nlive; i++)
        verify(&m.live[i], m.live[i].usable);
}

/* The caps a heap must have for a request (CACHE_ALIGNED only aligns). */
static uint32_t match_caps(uint32_t caps)
{
    return caps & ~CAPHEAP_CAP_CACHE_ALIGNED;
}



/* Caps every new allocation is refused with: EXEC with 8BIT or DMA,
 * INVALID, and no bit to match at all (0 or only CACHE_ALIGNED: no heap
 * shares a bit with it at any priority, as in ESP-IDF; the statistics with
 * caps 0 still cover every heap). */
static bool refused(uint32_t caps)
{
    return ((caps & CAPHEAP_CAP_EXEC) && (caps & (CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DMA))) ||
           (caps & CAPHEAP_CAP_INVALID) || match_caps(caps) == 0;
}

/* Does the chip's hook raise the alignment of these caps? */
static bool raises(uint32_t caps)
{
    if (!m.chip.align_for_caps)
        return false;
    if (m.chip.align_caps && !(caps & m.chip.align_caps))
        return false;
    return m.chip.align_for_caps(caps, 1) > CAPHEAP_ALIGNMENT;
}

/* Places p in its heap; fills the block's data-bus range. */
static void locate(blk_t *b, uint32_t caps, size_t align)
{
    const capheap_caps_heap_t *h = capheap_caps_heap_of(m.c, b->p);
    if (!h)
        FAIL("block %p (caps 0x%x) in no heap", (void *)b->p, caps);
    uint32_t want = match_caps(caps);
    if ((capheap_caps_heap_caps(h) & want) != want)
        FAIL("block %p for caps 0x%x in a heap with caps 0x%x", (void *)b->p, caps,
             capheap_caps_heap_caps(h));
    capheap_region_t r;
    capheap_caps_heap_region(h, &r);
    uintptr_t p = (uintptr_t)b->p, n = b->usable ? b->usable : 1;
    if (p >= r.start && p + n <= r.start + r.size) {
        b->lo = p;
        b->hi = p + n;
        ENSURE((p & (CAPHEAP_ALIGNMENT - 1)) == 0);
    } else if (r.alias_kind != CAPHEAP_ALIAS_NONE && p >= r.alias && p + n <= r.alias + r.size) {
        ENSURE(caps & CAPHEAP_CAP_EXEC); /* only EXEC is returned at the alias */
        ENSURE((r.flags & CAPHEAP_MT_DIRAM) != 0);
        if (r.alias_kind == CAPHEAP_ALIAS_LINEAR) {
            b->lo = r.start + (p - r.alias);
            b->hi = b->lo + n;
        } else {
            /* chip.h: iram(word at dram) = alias + (start + size - 4 - dram) */
            ENSURE((p & 3) == 0);
            uintptr_t first = r.start + r.size - 4 - (p - r.alias);
            uintptr_t lastw = (p + n - 1) & ~(uintptr_t)3;
            b->lo = r.start + r.size - 4 - (lastw - r.alias);
            b->hi = first + 4;
        }
    } else {
        FAIL("block %p+%zu outside its heap %#lx+%zu (alias %#lx)", (void *)b->p, b->usable,
             (unsigned long)r.start, r.size, (unsigned long)r.alias);
    }
    if (align > 1)
        ENSURE((p & (align - 1)) == 0);
    if (m.chip.align_for_caps && !m.prefer && !(r.alias_kind == CAPHEAP_ALIAS_WORD_REVERSED && p >= r.alias &&
                                   p < r.alias + r.size)) {
        size_t hook = m.chip.align_caps && !(caps & m.chip.align_caps)
                          ? 1
                          : m.chip.align_for_caps(caps, 1);
        ENSURE((p & (hook - 1)) == 0);
    }
    b->heap = h;
}

static void adopt(unsigned char *p, size_t asked, uint32_t caps, size_t align)
{
    ENSURE(m.nlive < MAX_LIVE);
    blk_t *b = &m.live[m.nlive];
    memset(b, 0, sizeof *b);
    b->p = p;
    b->asked = asked;
    b->caps = caps;
    b->usable = capheap_caps_get_allocated_size(m.c, p);
    b->whole = capheap_caps_get_containing_block_size(m.c, p);
    ENSURE(b->usable >= asked);
    ENSURE(b->whole >= b->usable);
    if (caps & (CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT))
        ENSURE(b->usable >= ((asked + 3) & ~(size_t)3));
    locate(b, caps, align);
    for (size_t i = 0; i < m.nlive; i++)
        if (b->lo < m.live[i].hi && m.live[i].lo < b->hi)
            FAIL("block %p [%#lx, %#lx) overlaps %p [%#lx, %#lx)", (void *)p,
                 (unsigned long)b->lo, (unsigned long)b->hi, (void *)m.live[i].p,
                 (unsigned long)m.live[i].lo, (unsigned long)m.live[i].hi);
    for (size_t i = 0; i < m.npinned; i++)
        ENSURE(!(b->lo < m.pinned[i].hi && m.pinned[i].lo < b->hi) ||
               (b->lo >= m.pinned[i].lo && b->hi <= m.pinned[i].hi &&
                b->heap != m.pinned[i].heap));
    b->id = m.next_id++;
    TRACE("  block id %u at %p usable %zu caps 0x%x data [%#lx, %#lx)\n", b->id, (void *)p,
          b->usable, caps, (unsigned long)b->lo, (unsigned long)b->hi);
    for (size_t i = 0; i < b->usable; i++)
        p[i] = stamp(b->id, i);
    m.nlive++;
}

static void forget(size_t i)
{
    m.freed[m.nfreed++ % 8] = m.live[i].p;
    m.live[i] = m.live[--m.nlive];
}

typedef struct {
    size_t used;
} walk_t;

static bool walk_fn(void *ctx, const capheap_caps_heap_t *heap, void *ptr, size_t size, bool used)
{
    (void)heap;
    (void)ptr;
    (void)size;
    if (used)
        ((walk_t *)ctx)->used++;
    return true;
}

static void check_state(void)
{
    m.report[0] = 0;
    if (!capheap_caps_check_integrity_all(m.c, on_print, NULL))
        FAIL("integrity check failed");
    ENSURE(m.errors == 0);
    capheap_heap_info_t info;
    capheap_caps_get_info(m.c, &info, 0);
    ENSURE(info.allocated_blocks == m.nlive + m.npinned);
    /* engine bytes of every block (a pinned block's start now belongs to
     * its nested heap: its size was taken when it was allocated) */
    size_t bytes = 0;
    for (size_t i = 0; i < m.nlive; i++) {
        ENSURE(capheap_caps_get_containing_block_size(m.c, m.live[i].p) == m.live[i].whole);
        bytes += m.live[i].whole;
    }
    for (size_t i = 0; i < m.npinned; i++)
        bytes += m.pinned[i].whole;
    size_t heaps = capheap_caps_heap_count(m.c), per_heap_blocks = 0, per_heap_bytes = 0;
    for (size_t i = 0; i < heaps; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(m.c, i);
        ENSURE(h != NULL);
        capheap_heap_info_t hi;
        capheap_caps_heap_get_info(h, &hi);
        size_t n = 0;
        for (size_t j = 0; j < m.nlive; j++)
            n += m.live[j].heap == h;
        for (size_t j = 0; j < m.npinned; j++)
            n += m.pinned[j].heap == h;
        ENSURE(hi.allocated_blocks == n);
        ENSURE(hi.minimum_free_bytes <= hi.total_free_bytes);
        per_heap_blocks += hi.allocated_blocks;
        per_heap_bytes += hi.total_allocated_bytes;
    }
    ENSURE(per_heap_blocks == info.allocated_blocks);
    ENSURE(per_heap_bytes == info.total_allocated_bytes);
    ENSURE(bytes == info.total_allocated_bytes);
    ENSURE(capheap_caps_get_free_size(m.c, 0) == info.total_free_bytes);
    ENSURE(capheap_caps_get_minimum_free_size(m.c, 0) <= info.total_free_bytes);
}

/* ------------------------------------------------------------ operations */

static uint32_t pick_caps(fin_t *in)
{
    uint8_t k = fin_u8(in);
    uint32_t c;
    switch (k & 7) {
    case 0: c = 0; break;
    case 1: c = CAPHEAP_CAP_DEFAULT; break;
    case 2: c = CAPHEAP_CAP_EXEC; break;
    case 3: c = CAPHEAP_CAP_DMA; break;
    case 4: c = (uint32_t)1 << (fin_u8(in) % 32); break;
    default: c = caps_from(fin_u8(in)) & (k & 8 ? ~0u : m.all_caps); break;
    }
    if ((k & 0x30) == 0x30)
        c |= CAPHEAP_CAP_CACHE_ALIGNED;
    if ((k & 0xc0) == 0xc0)
        c |= CAPHEAP_CAP_32BIT;
    return c;
}

static size_t big(void)
{
    return capheap_caps_get_largest_free_block(m.c, 0) + 64;
}

/* The result of an allocation of n with caps: refused caps fail; sizes up
 * to the largest free block for these caps succeed; larger ones fail when
 * the alignment is not raised. */
static void expect(void *p, size_t n, uint32_t caps, size_t largest)
{
    if (refused(caps)) {
        ENSURE(p == NULL);
        return;
    }
    if (largest > 0 && n <= largest && !p)
        FAIL("allocation of %zu caps 0x%x failed with largest free %zu", n, caps, largest);
    if (p && !raises(caps) && n > largest)
        FAIL("allocation of %zu caps 0x%x succeeded beyond largest free %zu", n, caps, largest);
}

static void op_malloc(fin_t *in)
{
    size_t n = fin_size(in, big());
    uint32_t caps = pick_caps(in);
    if (m.nlive == MAX_LIVE)
        return;
    size_t largest = capheap_caps_get_largest_free_block(m.c, caps);
    if (refused(caps) && match_caps(caps) != 0)
        ENSURE(largest == 0);
    unsigned char *p = capheap_caps_malloc(m.c, n, caps);
    expect(p, n, caps, largest);
    if (p)
        adopt(p, n, caps, 1);
}

static void op_calloc(fin_t *in)
{
    size_t a = fin_size(in, 300), b = fin_size(in, 300);
    uint32_t caps = pick_caps(in);
    bool aligned = fin_u8(in) & 1;
    size_t align = (size_t)1 << (fin_u8(in) % 10);
    if (m.nlive == MAX_LIVE)
        return;
    size_t total;
    bool overflow = __builtin_mul_overflow(a, b, &total);
    unsigned char *p = aligned ? capheap_caps_aligned_calloc(m.c, align, a, b, caps)
                               : capheap_caps_calloc(m.c, a, b, caps);
    if (overflow)
        ENSURE(p == NULL);
    if (!p)
        return;
    for (size_t i = 0; i < total; i++)
        ENSURE(p[i] == 0);
    adopt(p, total, caps, aligned ? align : 1);
}

static void op_aligned(fin_t *in)
{
    size_t n = fin_size(in, big());
    uint32_t caps = pick_caps(in);
    uint8_t a = fin_u8(in);
    size_t align = (a & 0x80) ? (size_t)fin_u16(in) : (size_t)1 << (a % 16);
    if (m.nlive == MAX_LIVE)
        return;
    unsigned char *p = capheap_caps_aligned_alloc(m.c, align, n, caps);
    if (align == 0 || (align & (align - 1)) || refused(caps))
        ENSURE(p == NULL);
    if (p)
        adopt(p, n, caps, align);
}

static void op_prefer(fin_t *in)
{
    uint32_t list[3];
    size_t count = fin_u8(in) % 4;
    for (size_t i = 0; i < count; i++)
        list[i] = pick_caps(in);
    size_t n = fin_size(in, big());
    if (m.nlive == MAX_LIVE)
        return;
    unsigned char *p = capheap_caps_malloc_prefer(m.c, n, list, count);
    if (count == 0)
        ENSURE(p == NULL);
    if (!p)
        return;
    /* from a heap that satisfies one of the entries */
    const capheap_caps_heap_t *h = capheap_caps_heap_of(m.c, p);
    ENSURE(h != NULL);
    uint32_t hc = capheap_caps_heap_caps(h);
    /* An earlier entry the heap satisfies may still have failed there (e.g.
     * DMA with an alignment raised to whole cache lines) while a later one
     * succeeded: a block at the instruction alias was served by an EXEC
     * entry, one at the data address of a heap with an alias by a non-EXEC
     * entry. */
    capheap_region_t hr;
    capheap_caps_heap_region(h, &hr);
    bool has_alias = hr.alias_kind != CAPHEAP_ALIAS_NONE;
    bool at_alias = has_alias && (uintptr_t)p >= hr.alias && (uintptr_t)p < hr.alias + hr.size;
    size_t which = count;
    for (size_t i = 0; i < count && which == count; i++)
        if (!refused(list[i]) && (hc & match_caps(list[i])) == match_caps(list[i]) &&
            (!has_alias || at_alias == ((list[i] & CAPHEAP_CAP_EXEC) != 0)))
            which = i;
    ENSURE(which < count);
    m.prefer = true;
    adopt(p, n, list[which], 1);
    m.prefer = false;
}

static void op_default(fin_t *in)
{
    size_t n = fin_size(in, big());
    uint8_t k = fin_u8(in);
    if (k & 1)
        capheap_caps_malloc_extmem_enable(m.c, (k & 2) ? SIZE_MAX : (size_t)fin_u16(in));
    if (m.nlive == MAX_LIVE)
        return;
    unsigned char *p = capheap_caps_malloc_default(m.c, n);
    if (p)
        adopt(p, n, CAPHEAP_CAP_DEFAULT, 1);
}

static void op_free(fin_t *in)
{
    if (!m.nlive) {
        capheap_caps_free(m.c, NULL);
        return;
    }
    size_t i = fin_u8(in) % m.nlive;
    verify(&m.live[i], m.live[i].usable);
    TRACE("  free id %u %p\n", m.live[i].id, (void *)m.live[i].p);
    capheap_caps_free(m.c, m.live[i].p);
    forget(i);
}

static void op_realloc(fin_t *in)
{
    size_t n = fin_size(in, big());
    uint32_t caps = pick_caps(in);
    if (!m.nlive)
        return;
    size_t i = fin_u8(in) % m.nlive;
    blk_t old = m.live[i];
    size_t largest = capheap_caps_get_largest_free_block(m.c, caps);
    unsigned char *p = capheap_caps_realloc(m.c, old.p, n, caps);
    TRACE("  realloc id %u %p -> %zu caps 0x%x = %p\n", old.id, (void *)old.p, n, caps, (void *)p);
    if (n == 0) {
        ENSURE(p == NULL);
        forget(i);
        return;
    }
    if (!p) {
        /* the old block is untouched and still valid */
        ENSURE(refused(caps) || largest == 0 || n > largest);
        verify(&old, old.usable);
        ENSURE(capheap_caps_get_allocated_size(m.c, old.p) == old.usable);
        return;
    }
    size_t keep = n < old.usable ? n : old.usable;
    for (size_t k = 0; k < keep; k++)
        if (p[k] != stamp(old.id, k))
            FAIL("realloc %p -> %p (%zu -> %zu, caps 0x%x -> 0x%x) lost byte %zu",
                 (void *)old.p, (void *)p, old.usable, n, old.caps, caps, k);
    m.live[i] = m.live[--m.nlive];
    adopt(p, n, caps, 1);
}

/* The data-bus address of p when p lies in a heap's instruction alias view
 * (p itself otherwise). */
static uintptr_t data_address(const unsigned char *p)
{
    const capheap_caps_heap_t *h = capheap_caps_heap_of(m.c, p);
    uintptr_t a = (uintptr_t)p;
    if (!h)
        return a;
    capheap_region_t r;
    capheap_caps_heap_region(h, &r);
    if (r.alias_kind == CAPHEAP_ALIAS_NONE || a < r.alias || a - r.alias >= r.size)
        return a;
    if (r.alias_kind == CAPHEAP_ALIAS_LINEAR)
        return r.start + (a - r.alias);
    return r.start + r.size - 4 - ((a - r.alias) & ~(uintptr_t)3);
}

static unsigned char *bad_pointer(fin_t *in)
{
    static unsigned char static_bytes[64];
    unsigned char on_stack[32];
    uint8_t k = fin_u8(in);
    uint16_t d = fin_u16(in);
    unsigned char *p = NULL;
    switch (k % 6) {
    case 0:
        p = m.nfreed ? m.freed[d % (m.nfreed < 8 ? m.nfreed : 8)] : NULL;
        break;
    case 1:
    case 2:
        if (m.nlive) {
            const blk_t *b = &m.live[d % m.nlive];
            size_t off = 1 + (size_t)fin_u16(in) % (b->usable > 1 ? b->usable - 1 : 1);
            if (k & 8)
                off = (off + CAPHEAP_ALIGNMENT - 1) & ~(size_t)(CAPHEAP_ALIGNMENT - 1);
            if (off < b->usable)
                p = b->p + off;
        }
        break;
    case 3:
        p = on_stack + (d & 15); /* never dereferenced: in no heap */
        break;
    case 4:
        p = static_bytes + (d & 31);
        break;
    default:
        p = (unsigned char *)(uintptr_t)(((uintptr_t)0 - 64u) + (d & 63u));
        break;
    }
    /* the instruction alias of a D/IRAM heap is a second view of its data:
     * free/realloc/size accept it for every block (caps.h), also for one
     * returned at its data address (e.g. a freed alias pointer whose data
     * address now starts a new block) */
    uintptr_t da = p ? data_address(p) : 0;
    for (size_t i = 0; p && i < m.nlive; i++) {
        const blk_t *b = &m.live[i];
        if (b->p == p)
            return NULL;
        if (da != (uintptr_t)p && da + 2 * CAPHEAP_ALIGNMENT >= b->lo && da < b->hi)
            return NULL;
        /* a block returned at an instruction alias is also a valid block
         * at its data address (free accepts both); its data-side bytes are
         * not the stamped ones (the simulated alias is separate memory) */
        if ((uintptr_t)b->p != b->lo && (uintptr_t)p + 2 * CAPHEAP_ALIGNMENT >= b->lo &&
            (uintptr_t)p < b->hi)
            return NULL;
    }
    for (size_t i = 0; p && i < m.npinned; i++) {
        uintptr_t lo = (uintptr_t)m.pinned[i].p, hi = lo + m.pinned[i].usable;
        if (((uintptr_t)p >= lo && (uintptr_t)p < hi) ||
            (da != (uintptr_t)p && da + 2 * CAPHEAP_ALIGNMENT >= lo && da < hi))
            return NULL; /* a nested heap's own records and blocks live there
                          * (also seen through a stale alias pointer whose
                          * data address is the pinned block: a live block) */
    }
    return p;
}

static void op_bad(fin_t *in)
{
    uint8_t how = fin_u8(in);
    unsigned char *p = bad_pointer(in);
    if (!p)
        return;
    capheap_heap_info_t before, after;
    capheap_caps_get_info(m.c, &before, 0);
    TRACE("  bad pointer %p how %u\n", (void *)p, how % 3u);
    m.errors = 0;
    switch (how % 3) {
    case 0:
        capheap_caps_free(m.c, p);
        break;
    case 1:
        ENSURE(capheap_caps_realloc(m.c, p, 16, 0) == NULL);
        break;
    default:
        ENSURE(capheap_caps_get_allocated_size(m.c, p) == 0);
        break;
    }
    if (m.errors == 0)
        FAIL("bad pointer %p not reported (how %u)", (void *)p, how % 3);
    m.errors = 0;
    capheap_caps_get_info(m.c, &after, 0);
    ENSURE(memcmp(&before, &after, sizeof before) == 0);
    verify_all();
}

static void op_largest(fin_t *in)
{
    uint32_t caps = pick_caps(in);
    size_t l = capheap_caps_get_largest_free_block(m.c, caps);
    if (m.nlive == MAX_LIVE || l == 0 || refused(caps))
        return;
    unsigned char *p = capheap_caps_malloc(m.c, l, caps);
    if (!p)
        FAIL("malloc(largest free %zu, caps 0x%x) failed", l, caps);
    adopt(p, l, caps, 1);
    if (!raises(caps) && m.nlive < MAX_LIVE) {
        size_t l2 = capheap_caps_get_largest_free_block(m.c, caps);
        unsigned char *q = capheap_caps_malloc(m.c, l2 + 1, caps);
        if (q)
            FAIL("malloc(largest free %zu + 1, caps 0x%x) succeeded", l2, caps);
    }
}

static void op_window(fin_t *in)
{
    uint8_t k = fin_u8(in);
    if (k & 1) {
        capheap_err_t e = capheap_caps_monitor_local_minimum_free_size_start(m.c);
        ENSURE(e == (m.window ? CAPHEAP_ERR_STATE : CAPHEAP_OK));
        m.window = true;
    } else {
        capheap_err_t e = capheap_caps_monitor_local_minimum_free_size_stop(m.c);
        ENSURE(e == (m.window ? CAPHEAP_OK : CAPHEAP_ERR_STATE));
        m.window = false;
    }
}

static void op_walk(void)
{
    walk_t w = { 0 };
    ENSURE(capheap_caps_walk(m.c, CAPHEAP_CAP_INVALID, walk_fn, &w));
    ENSURE(w.used == m.nlive + m.npinned);
    verify_all();
}

/* A run-time region nested in an allocated block (caps.h: accepted; the
 * block then holds a heap and is never freed). */
static void op_nested(fin_t *in)
{
    uint32_t masks[3] = { pick_caps(in) & ~CAPHEAP_CAP_CACHE_ALIGNED, 0, 0 };
    uint16_t d = fin_u16(in);
    if (!m.nlive || m.npinned == MAX_PIN)
        return;
    size_t i = d % m.nlive;
    blk_t b = m.live[i];
    const capheap_caps_heap_t *h = capheap_caps_heap_of(m.c, b.p);
    capheap_region_t r;
    capheap_caps_heap_region(h, &r);
    if ((uintptr_t)b.p < r.start || (uintptr_t)b.p >= r.start + r.size)
        return; /* at an instruction alias: not a data range */
    if (!masks[0])
        masks[0] = CAPHEAP_CAP_8BIT;
    size_t heaps = capheap_caps_heap_count(m.c);
    capheap_err_t e = capheap_caps_add_region_with_caps(m.c, masks, b.p, b.p + b.usable);
    TRACE("  nested region in id %u %p+%zu caps 0x%x: %d\n", b.id, (void *)b.p, b.usable, masks[0],
          (int)e);
    if (e != CAPHEAP_OK) {
        ENSURE(e == CAPHEAP_ERR_TOO_SMALL);
        ENSURE(capheap_caps_heap_count(m.c) == heaps);
        verify(&b, b.usable); /* nothing written into the block */
        return;
    }
    ENSURE(capheap_caps_heap_count(m.c) == heaps + 1);
    ENSURE(capheap_caps_add_region_with_caps(m.c, masks, b.p, b.p + b.usable) ==
           CAPHEAP_ERR_EXISTS);
    m.live[i] = m.live[--m.nlive];
    m.pinned[m.npinned++] = b;
    /* the new heap holds the block's range */
    const capheap_caps_heap_t *nh = capheap_caps_heap_of(m.c, b.p + b.usable - 1);
    ENSURE(nh != NULL && nh != h);
    ENSURE(capheap_caps_heap_is_runtime(nh));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fin_t in = { data, size };
    memset(&m, 0, sizeof m);
    if (tracing < 0)
        tracing = getenv("FUZZ_TRACE") != NULL;
    if (!build_chip(&in) || !build_instance(&in)) {
        capheap_caps_destroy(m.c);
        capheap_sim_destroy(m.sim);
        return 0;
    }
    if (tracing) {
        for (size_t i = 0; i < m.chip.region_count; i++) {
            const capheap_chip_region_t *r = &m.regions[i];
            const capheap_mem_type_t *t = &m.types[r->type];
            fprintf(stderr, "region %#lx+%#zx type %s caps %#x/%#x/%#x flags %#x/%#x alias %u %#lx\n",
                    (unsigned long)r->start, r->size, t->name, t->caps[0], t->caps[1], t->caps[2],
                    t->flags, r->flags, r->alias_kind, (unsigned long)r->alias);
        }
        for (size_t i = 0; i < capheap_caps_heap_count(m.c); i++) {
            capheap_region_t r;
            capheap_caps_heap_region(capheap_caps_heap_at(m.c, i), &r);
            fprintf(stderr, "heap %zu: %#lx+%#zx caps %#x alias %u %#lx\n", i,
                    (unsigned long)r.start, r.size, r.caps[0] | r.caps[1] | r.caps[2],
                    r.alias_kind, (unsigned long)r.alias);
        }
    }
    check_state();
    unsigned steps = 0;
    while (fin_more(&in) && steps++ < 1500) {
        uint8_t op = fin_u8(&in) % 14;
        TRACE("op %u (%zu live)\n", op, m.nlive);
        switch (op) {
        case 0: case 1: op_malloc(&in); break;
        case 2: op_calloc(&in); break;
        case 3: case 4: op_free(&in); break;
        case 5: case 6: op_realloc(&in); break;
        case 7: op_aligned(&in); break;
        case 8: op_prefer(&in); break;
        case 9: op_default(&in); break;
        case 10: op_bad(&in); break;
        case 11: op_largest(&in); break;
        case 12: op_window(&in); break;
        default: (fin_u8(&in) & 3) ? op_walk() : op_nested(&in); break;
        }
        check_state();
    }
    verify_all();
    while (m.nlive)
        op_free(&(fin_t){ NULL, 0 });
    check_state();
    if (m.window)
        ENSURE(capheap_caps_monitor_local_minimum_free_size_stop(m.c) == CAPHEAP_OK);
    capheap_caps_destroy(m.c);
    capheap_sim_destroy(m.sim);
    return 0;
}
