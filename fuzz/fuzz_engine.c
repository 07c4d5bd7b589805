/*
 * libFuzzer harness (1): one engine heap (include/capheap/heap.h) against a
 * model of its live blocks.
 *
 * The input picks a region (size and misalignment of its start) and then a
 * sequence of operations: malloc, calloc, realloc, free, aligned
 * allocation, usable size, minimum-free windows, bad pointers given to free,
 * realloc and usable_size, and walks. The model knows every live block
 * (pointer, usable size, a stamp written over all its usable bytes).
 * After every operation:
 *   - capheap_heap_check() passes;
 *   - the statistics equal the model (allocated blocks and bytes, free
 *     bytes = capacity - allocated - one header per extra block, minimum
 *     free never above free);
 * and on every allocation: the block lies in the region, is aligned, holds
 * what was asked for and overlaps no live block; malloc succeeds iff the
 * size is at most largest_free() taken just before; realloc keeps the
 * contents; a bad pointer is reported through the error hook and changes
 * nothing (statistics identical, every live block's stamp intact).
 * Any violation aborts (a finding).
 */
#include "capheap/heap.h"
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIVE 64
#define MAX_REGION (256u * 1024u)
#define W sizeof(size_t)

typedef struct {
    unsigned char *p;
    size_t usable;
    uint32_t id;
} live_t;

static _Alignas(64) unsigned char region[MAX_REGION + 128];

static struct {
    capheap_heap_t *h;
    live_t live[MAX_LIVE];
    size_t nlive;
    uint32_t next_id;
    unsigned errors;          /* error hook calls */
    size_t last_min;          /* minimum free seen last step */
    unsigned char *freed[8];  /* recently freed pointers */
    unsigned nfreed;
    char report[512];
} m;

#define FAIL(...)                                                              \
    do {                                                                       \
        fprintf(stderr, "fuzz_engine: " __VA_ARGS__);                          \
        fprintf(stderr, "\n%s\n", m.report);                                   \
        abort();                                                               \
    } while (0)
#define ENSURE(c)                                                              \
    do {                                                                       \
        if (!(c))                                                              \
            FAIL("%s:%d: %s", __FILE__, __LINE__, #c);                         \
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

/* Stamp byte i of block id: the top bit set in every byte, so a word of a
 * block's payload never looks like a block header (a plausible stride):
 * the engine's O(1) checks are promised to catch interior pointers only
 * when the bytes before them do not form a plausible header (behaviour.md). */
static unsigned char stamp(uint32_t id, size_t i)
{
    return (unsigned char)(0x80u | ((id * 37u + (uint32_t)i * 11u) & 0x7fu));
}

static void fill(const live_t *b)
{
    for (size_t i = 0; i < b->usable; i++)
        b->p[i] = stamp(b->id, i);
}

static void verify(const live_t *b, size_t n)
{
    for (size_t i = 0; i < n && i < b->usable; i++)
        if (b->p[i] != stamp(b->id, i))
            FAIL("block %p (id %u, %zu bytes) byte %zu changed", (void *)b->p, b->id, b->usable, i);
}

static void verify_all(void)
{
    for (size_t i = 0; i < m.nlive; i++)
        verify(&m.live[i], m.live[i].usable);
}

static bool overlaps(const unsigned char *p, size_t n, size_t skip)
{
    for (size_t i = 0; i < m.nlive; i++)
        if (i != skip && p < m.live[i].p + m.live[i].usable && m.live[i].p < p + n)
            return true;
    return false;
}

/* A new block: in the region, aligned, large enough, disjoint from every
 * live block; then stamped and added to the model. */
static void adopt(unsigned char *p, size_t asked)
{
    size_t usable = capheap_heap_usable_size(m.h, p);
    ENSURE(usable >= asked);
    ENSURE(((uintptr_t)p & (CAPHEAP_ALIGNMENT - 1)) == 0);
    ENSURE(p >= (unsigned char *)capheap_heap_region_start(m.h));
    ENSURE(p + usable <= (unsigned char *)capheap_heap_region_end(m.h));
    ENSURE(!overlaps(p, usable, SIZE_MAX));
    ENSURE(m.nlive < MAX_LIVE);
    live_t *b = &m.live[m.nlive++];
    b->p = p;
    b->usable = usable;
    b->id = m.next_id++;
    fill(b);
}

static void forget(size_t i)
{
    m.freed[m.nfreed++ % 8] = m.live[i].p;
    m.live[i] = m.live[--m.nlive];
}

static void check_state(void)
{
    m.report[0] = 0;
    if (!capheap_heap_check(m.h, on_print, NULL))
        FAIL("capheap_heap_check failed");
    capheap_heap_info_t info;
    capheap_heap_get_info(m.h, &info);
    size_t used = 0;
    for (size_t i = 0; i < m.nlive; i++)
        used += m.live[i].usable;
    ENSURE(info.allocated_blocks == m.nlive);
    ENSURE(info.total_allocated_bytes == used);
    ENSURE(info.total_blocks == info.allocated_blocks + info.free_blocks);
    ENSURE(info.total_free_bytes == capheap_heap_free_size(m.h));
    /* conservation: every block but the first costs one header word */
    ENSURE(info.total_free_bytes + used + W * (info.total_blocks - 1) == capheap_heap_capacity(m.h));
    ENSURE(info.minimum_free_bytes <= info.total_free_bytes);
    ENSURE(info.minimum_free_bytes <= m.last_min);
    m.last_min = info.minimum_free_bytes;
    ENSURE(info.largest_free_block == capheap_heap_largest_free(m.h));
    ENSURE(info.largest_free_block <= info.total_free_bytes);
    ENSURE(m.errors == 0);
}

/* heap.h: malloc(n) succeeds iff n <= largest_free(); largest_free() is 0
 * when no n succeeds (no free block), malloc(0) included. */
static bool can_alloc(size_t n, size_t largest)
{
    return largest > 0 && n <= largest;
}

static size_t pick(fin_t *in)
{
    return m.nlive ? fin_u8(in) % m.nlive : 0;
}

static void op_malloc(fin_t *in)
{
    size_t n = fin_size(in, capheap_heap_capacity(m.h));
    size_t largest = capheap_heap_largest_free(m.h);
    if (m.nlive == MAX_LIVE)
        return;
    unsigned char *p = capheap_heap_malloc(m.h, n);
    if ((p != NULL) != can_alloc(n, largest))
        FAIL("malloc(%zu) = %p with largest_free %zu (free %zu, capacity %zu, %zu live)", n,
             (void *)p, largest, capheap_heap_free_size(m.h), capheap_heap_capacity(m.h),
             m.nlive);
    if (p)
        adopt(p, n);
}

static void op_calloc(fin_t *in)
{
    size_t a = fin_size(in, 256), b = fin_size(in, 256);
    if (fin_u8(in) & 1) {
        size_t t = a;
        a = b;
        b = t;
    }
    if (m.nlive == MAX_LIVE)
        return;
    size_t total;
    bool overflow = __builtin_mul_overflow(a, b, &total);
    size_t largest = capheap_heap_largest_free(m.h);
    unsigned char *p = capheap_heap_calloc(m.h, a, b);
    ENSURE((p != NULL) == (!overflow && can_alloc(total, largest)));
    if (p) {
        for (size_t i = 0; i < total; i++)
            ENSURE(p[i] == 0);
        adopt(p, total);
    }
}

static void op_free(fin_t *in)
{
    if (!m.nlive) {
        capheap_heap_free(m.h, NULL);
        return;
    }
    size_t i = pick(in);
    verify(&m.live[i], m.live[i].usable);
    capheap_heap_free(m.h, m.live[i].p);
    forget(i);
}

static void op_realloc(fin_t *in)
{
    size_t n = fin_size(in, capheap_heap_capacity(m.h));
    if (!m.nlive || (fin_u8(in) & 7) == 0) {
        /* realloc(NULL, n) is malloc(n) */
        size_t largest = capheap_heap_largest_free(m.h);
        if (m.nlive == MAX_LIVE)
            return;
        unsigned char *p = capheap_heap_realloc(m.h, NULL, n);
        ENSURE((p != NULL) == can_alloc(n, largest));
        if (p)
            adopt(p, n);
        return;
    }
    size_t i = pick(in);
    live_t old = m.live[i];
    size_t largest = capheap_heap_largest_free(m.h);
    unsigned char *p = capheap_heap_realloc(m.h, old.p, n);
    if (n == 0) {
        ENSURE(p == NULL); /* frees */
        forget(i);
        return;
    }
    if (!p) {
        /* only when neither in place nor a new block could hold n */
        ENSURE(n > old.usable && !can_alloc(n, largest));
        verify(&old, old.usable);
        ENSURE(capheap_heap_usable_size(m.h, old.p) == old.usable);
        return;
    }
    if (n <= old.usable)
        ENSURE(p == old.p); /* shrinks in place */
    size_t keep = n < old.usable ? n : old.usable;
    for (size_t k = 0; k < keep; k++)
        if (p[k] != stamp(old.id, k))
            FAIL("realloc %p -> %p (%zu -> %zu) lost byte %zu", (void *)old.p, (void *)p,
                 old.usable, n, k);
    m.live[i] = m.live[--m.nlive];
    adopt(p, n);
}

static void op_aligned(fin_t *in)
{
    size_t n = fin_size(in, capheap_heap_capacity(m.h));
    uint8_t a = fin_u8(in);
    size_t align = (a & 0x80) ? (size_t)fin_u16(in) : (size_t)1 << (a % 20);
    size_t offset = (fin_u8(in) & 3) == 0 ? (size_t)fin_u16(in) : 0;
    if (m.nlive == MAX_LIVE)
        return;
    bool bad = align == 0 || (align & (align - 1)) || (offset & (CAPHEAP_ALIGNMENT - 1)) ||
               offset > n;
    unsigned char *p = offset || (a & 0x40)
                           ? capheap_heap_aligned_alloc_offs(m.h, n, align, offset)
                           : capheap_heap_aligned_alloc(m.h, n, align);
    if (bad)
        ENSURE(p == NULL);
    if (!p)
        return;
    ENSURE(((uintptr_t)(p + offset) & (align - 1)) == 0);
    adopt(p, n);
}

/* A pointer the heap did not hand out, or one it took back. */
static unsigned char *bad_pointer(fin_t *in)
{
    static unsigned char static_byte[64];
    unsigned char on_stack[32];
    uint8_t k = fin_u8(in);
    uint16_t d = fin_u16(in);
    unsigned char *p = NULL;
    switch (k % 8) {
    case 0: /* freed before */
        p = m.nfreed ? m.freed[d % (m.nfreed < 8 ? m.nfreed : 8)] : NULL;
        break;
    case 1: /* inside a live block, aligned or not */
    case 2:
        if (m.nlive) {
            const live_t *b = &m.live[d % m.nlive];
            size_t off = 1 + (size_t)fin_u16(in) % (b->usable > 1 ? b->usable - 1 : 1);
            if (k & 8)
                off = (off + CAPHEAP_ALIGNMENT - 1) & ~(size_t)(CAPHEAP_ALIGNMENT - 1);
            if (off < b->usable)
                p = b->p + off;
        }
        break;
    case 3: /* a few bytes before a live block */
        if (m.nlive)
            p = m.live[d % m.nlive].p - 1 - (k >> 3) % 16;
        break;
    case 4:
        p = on_stack + (d & 15); /* reported as outside; never dereferenced */
        break;
    case 5:
        p = static_byte + (d & 31);
        break;
    case 6:
        p = (d & 1) ? (unsigned char *)capheap_heap_region_start(m.h)
                    : (unsigned char *)capheap_heap_region_end(m.h);
        break;
    default:
        p = (unsigned char *)(uintptr_t)(((uintptr_t)0 - 64u) + (d & 63u));
        break;
    }
    /* the start of a live block is a good pointer again */
    for (size_t i = 0; p && i < m.nlive; i++)
        if (m.live[i].p == p)
            return NULL;
    return p;
}

static void op_bad(fin_t *in)
{
    uint8_t how = fin_u8(in);
    unsigned char *p = bad_pointer(in);
    if (!p)
        return;
    capheap_heap_info_t before, after;
    capheap_heap_get_info(m.h, &before);
    m.errors = 0;
    switch (how % 3) {
    case 0:
        capheap_heap_free(m.h, p);
        break;
    case 1:
        ENSURE(capheap_heap_realloc(m.h, p, (size_t)fin_u8(in) + 1) == NULL);
        break;
    default:
        ENSURE(capheap_heap_usable_size(m.h, p) == 0);
        break;
    }
    if (m.errors == 0)
        FAIL("bad pointer %p (region %p..%p) not reported", (void *)p,
             capheap_heap_region_start(m.h), capheap_heap_region_end(m.h));
    m.errors = 0;
    capheap_heap_get_info(m.h, &after);
    ENSURE(memcmp(&before, &after, sizeof before) == 0);
    verify_all();
}

static void op_minimum(fin_t *in)
{
    uint8_t k = fin_u8(in);
    if (k & 1) {
        size_t old = capheap_heap_reset_minimum_free(m.h);
        ENSURE(capheap_heap_minimum_free_size(m.h) == capheap_heap_free_size(m.h));
        m.last_min = capheap_heap_minimum_free_size(m.h);
        if (k & 2) {
            capheap_heap_restore_minimum_free(m.h, old);
            size_t now = capheap_heap_minimum_free_size(m.h);
            ENSURE(now == (old < m.last_min ? old : m.last_min));
            m.last_min = now;
        }
    }
}

typedef struct {
    size_t used, free_blocks;
    uintptr_t last;
    bool bad;
} walk_t;

static bool walk_fn(void *ctx, void *ptr, size_t size, bool used)
{
    walk_t *w = (walk_t *)ctx;
    if ((uintptr_t)ptr <= w->last)
        w->bad = true;
    w->last = (uintptr_t)ptr;
    if (!used) {
        w->free_blocks++;
        return true;
    }
    w->used++;
    bool found = false;
    for (size_t i = 0; i < m.nlive; i++)
        if (m.live[i].p == ptr)
            found = m.live[i].usable == size;
    if (!found)
        w->bad = true;
    return true;
}

static void op_walk(void)
{
    walk_t w = { 0, 0, 0, false };
    ENSURE(capheap_heap_walk(m.h, walk_fn, &w));
    ENSURE(!w.bad);
    ENSURE(w.used == m.nlive);
    verify_all();
}

/* largest_free() is exact: malloc of it succeeds, one more byte fails. */
static void op_largest(void)
{
    size_t l = capheap_heap_largest_free(m.h);
    if (m.nlive == MAX_LIVE)
        return;
    ENSURE(capheap_heap_malloc(m.h, l + 1) == NULL);
    if (l == 0)
        return;
    unsigned char *p = capheap_heap_malloc(m.h, l);
    ENSURE(p != NULL);
    adopt(p, l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fin_t in = { data, size };
    memset(&m, 0, sizeof m);
    size_t min = capheap_heap_min_region_size();
    size_t rsize = fin_u16(&in);
    switch (fin_u8(&in) & 3) {
    case 0: rsize = min - 16 + rsize % 96; break;       /* tiny, some too small */
    case 1: rsize = min + rsize % 4096; break;
    case 2: rsize = min + rsize; break;                  /* up to 64 KiB */
    default: rsize = min + rsize * 3u % MAX_REGION; break;
    }
    if (rsize > MAX_REGION)
        rsize = MAX_REGION;
    size_t mis = fin_u8(&in) % 64;
    /* heap.h: a misaligned start needs up to CAPHEAP_ALIGNMENT-1 more */
    size_t pad = (CAPHEAP_ALIGNMENT - mis % CAPHEAP_ALIGNMENT) % CAPHEAP_ALIGNMENT;
    m.h = capheap_heap_create(region + mis, rsize);
    if (rsize < min && pad == 0)
        ENSURE(m.h == NULL); /* too small */
    if (!m.h && rsize < min + pad)
        return 0;
    if (!m.h)
        FAIL("create(%zu bytes at +%zu) failed (minimum %zu)", rsize, mis, min);
    capheap_heap_set_error_hook(m.h, on_error, NULL);
    m.last_min = SIZE_MAX;
    check_state();
    unsigned steps = 0;
    while (fin_more(&in) && steps++ < 2000) {
        switch (fin_u8(&in) % 12) {
        case 0: case 1: op_malloc(&in); break;
        case 2: op_calloc(&in); break;
        case 3: case 4: op_free(&in); break;
        case 5: case 6: op_realloc(&in); break;
        case 7: op_aligned(&in); break;
        case 8: op_bad(&in); break;
        case 9: op_minimum(&in); break;
        case 10: op_walk(); break;
        default: op_largest(); break;
        }
        check_state();
    }
    verify_all();
    while (m.nlive)
        op_free(&(fin_t){ NULL, 0 });
    check_state();
    ENSURE(capheap_heap_free_size(m.h) == capheap_heap_capacity(m.h));
    return 0;
}
