/*
 * libcapheap_malloc.so: the C library's allocator names for a host process
 * (LD_PRELOAD, docs/libc.md) over a capheap caps instance on the "host" chip
 * table, whose one memory type gets a new heap region from mmap whenever
 * the heaps are full.
 *
 *  - Initialisation is lazy (the first call of any entry point), uses only
 *    mmap and getenv (dlsym, pthread and stdio may call malloc: none of them
 *    runs before the instance is ready), and is safe when threads race to it.
 *  - Large requests (from 256 KiB, rising as glibc's threshold does) get their own mapping
 *    (returned to the OS on free, resized by mremap); a small open-addressed
 *    table records them so free, realloc and malloc_usable_size know them.
 *  - Locks are a futex word (three states: free, held, held with waiters),
 *    one per heap, one for the table and one for growth; pthread_atfork
 *    takes them all around fork, so the child finds them free.
 *  - A pointer that is in no heap and no mapping of ours (ld.so's early
 *    blocks, a wild pointer) is ignored by free and reported nowhere.
 *  - glibc's mallinfo, mallinfo2, malloc_trim, mallopt, malloc_stats and
 *    malloc_info report on (and trim) capheap's heaps (docs/libc.md).
 *  - CAPHEAP_MALLOC_STATS=<file>: each process appends one line of
 *    statistics to <file> at exit ("capheap_malloc pid=... calls=...").
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "capheap_malloc.h"
#include "../../../src/port/futex_lock.h"

#if !CAPHEAP_PORT_HAS_FUTEX
#error "the preload library needs the futex lock port (CAPHEAP_PORT_HAS_FUTEX=1)"
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Requests from big_threshold bytes get their own mapping. It starts at
 * CAPHEAP_PRELOAD_BIG and, as glibc's mmap threshold does, rises to the size
 * of every such block freed (up to CAPHEAP_PRELOAD_BIG_MAX): a program that
 * keeps freeing blocks of one large size then gets them from the heaps,
 * without a system call and page faults each time. */
#ifndef CAPHEAP_PRELOAD_BIG
#define CAPHEAP_PRELOAD_BIG ((size_t)256 * 1024)
#endif
#ifndef CAPHEAP_PRELOAD_BIG_MAX
#define CAPHEAP_PRELOAD_BIG_MAX ((size_t)32 * 1024 * 1024)
#endif
/* The first heap: untouched pages cost nothing, and every further heap a
 * program spills into adds its own peak of touched pages (docs/libc.md). */
#define FIRST_REGION ((size_t)16 * 1024 * 1024)
#define MAX_REGION ((size_t)1024 * 1024 * 1024)
#define HOST_CAPS (CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL | CAPHEAP_CAP_8BIT | \
                   CAPHEAP_CAP_32BIT | CAPHEAP_CAP_DMA)

/* ------------------------------------------------------------ futex lock */

/* capheap_fx_* (src/port/futex_lock.h): the same lock word as the futex
 * lock port, for the library's own locks (grow_lock, big_lock). */
typedef capheap_fx_t fx_t;
#define fx_lock capheap_fx_lock
#define fx_unlock capheap_fx_unlock

/* ----------------------------------------------------------- host chip */

static const capheap_mem_type_t host_types[] = {
    { "RAM", { HOST_CAPS, 0, 0 }, 0 },
};

/* No fixed regions: every heap is a mapping added at run time. */
static const capheap_chip_t host_chip = {
    "host", "host process memory, grown by mmap", host_types, 1,
    NULL, 0, NULL, 0, NULL, 8, 0
};

/* ----------------------------------------------------------------- state */

enum { ST_NONE, ST_INIT, ST_READY, ST_FAILED };
static _Atomic int state;
static capheap_caps_t *inst;
static size_t page;
static fx_t grow_lock;
static size_t mapped_heap_bytes;     /* under grow_lock */
static size_t heap_regions;          /* under grow_lock */
static bool stats_on;
static _Atomic size_t big_threshold = CAPHEAP_PRELOAD_BIG;
static _Atomic unsigned long long stat_calls;

/* Big blocks: open addressing with linear probing, key = address. */
typedef struct {
    uintptr_t addr;   /* 0: empty */
    size_t len;       /* bytes mapped */
} big_t;
static fx_t big_lock;
static big_t *big_tab;
static size_t big_cap;               /* power of two */
static size_t big_count;
static _Atomic size_t big_live;      /* big_count, readable without the lock */
static unsigned long long big_maps;  /* mappings made (statistics) */
static size_t big_bytes, big_peak;
static size_t big_count_peak;        /* most big blocks live at once */
static _Atomic bool big_fixed;       /* mallopt(M_MMAP_THRESHOLD) was called */

static void *map_anon(size_t len)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static size_t round_page(size_t n)
{
    return (n + page - 1) & ~(page - 1);
}

/* Adds a heap of at least `need` bytes (caller holds grow_lock). */
static bool add_heap(size_t need)
{
    size_t len = mapped_heap_bytes < FIRST_REGION ? FIRST_REGION : mapped_heap_bytes;
    if (len > MAX_REGION)
        len = MAX_REGION;
    if (need > SIZE_MAX / 2 - len)
        return false;
    if (len < need + need / 8 + 65536)
        len = round_page(need + need / 8 + 65536);
    void *m = map_anon(len);
    if (!m)
        return false;
    capheap_region_t r;
    memset(&r, 0, sizeof r);
    r.start = (uintptr_t)m;
    r.size = len;
    r.chip_start = (uintptr_t)m;
    r.caps[0] = HOST_CAPS;
    r.type = 0;
    r.name = host_types[0].name;
    capheap_err_t e = inst ? capheap_caps_add_region_desc(inst, &r) : CAPHEAP_OK;
    if (e == CAPHEAP_OK && !inst) {
        capheap_caps_config_t cfg;
        capheap_caps_config_init(&cfg);
        cfg.chip = &host_chip;
        cfg.lock_ops = &capheap_port_lock_futex; /* the heaps' locks: the same word */
        e = capheap_caps_create(&cfg, &r, 1, &inst);
    }
    if (e != CAPHEAP_OK) {
        munmap(m, len);
        return false;
    }
    mapped_heap_bytes += len;
    heap_regions++;
    return true;
}

/* The growth hook of the libc layer. */
static bool grow_hook(void *ctx, size_t size, size_t align)
{
    (void)ctx;
    size_t need = size + align;
    if (need < size)
        return false;
    fx_lock(&grow_lock);
    /* another thread may have grown meanwhile */
    bool ok = capheap_caps_get_largest_free_block(inst, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL) >= need;
    if (!ok)
        ok = add_heap(need);
    fx_unlock(&grow_lock);
    return ok;
}

static void lock_all(void)
{
    fx_lock(&grow_lock);
    fx_lock(&big_lock);
    size_t n = capheap_caps_heap_count(inst);
    for (size_t i = 0; i < n; i++)
        capheap_caps_heap_lock(capheap_caps_heap_at(inst, i));
}

static void unlock_all(void)
{
    size_t n = capheap_caps_heap_count(inst);
    for (size_t i = n; i-- > 0;)
        capheap_caps_heap_unlock(capheap_caps_heap_at(inst, i));
    fx_unlock(&big_lock);
    fx_unlock(&grow_lock);
}

static bool init_slow(void)
{
    int s = ST_NONE;
    if (atomic_compare_exchange_strong(&state, &s, ST_INIT)) {
        long ps = sysconf(_SC_PAGESIZE);
        page = ps > 0 ? (size_t)ps : 4096u;
        const char *st = getenv("CAPHEAP_MALLOC_STATS");
        stats_on = st && *st;
        bool ok = add_heap(0);
        if (ok) {
            capheap_malloc_set_instance(inst);
            capheap_malloc_set_grow(grow_hook, NULL);
        }
        atomic_store(&state, ok ? ST_READY : ST_FAILED);
        if (ok)
            (void)pthread_atfork(lock_all, unlock_all, unlock_all); /* may malloc: ready now */
        return ok;
    }
    while ((s = atomic_load(&state)) == ST_INIT)
        sched_yield();
    return s == ST_READY;
}

static inline bool ready(void)
{
    if (LIKELY(atomic_load_explicit(&state, memory_order_acquire) == ST_READY)) {
        if (UNLIKELY(stats_on))
            atomic_fetch_add_explicit(&stat_calls, 1, memory_order_relaxed);
        return true;
    }
    return init_slow();
}

/* ------------------------------------------------------------ big blocks */

static size_t big_slot(uintptr_t a)
{
    uint64_t h = (uint64_t)(a >> 12) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (big_cap - 1);
}

/* Inserts (caller holds big_lock); false when the table cannot grow. */
static bool big_insert(uintptr_t addr, size_t len)
{
    if ((big_count + 1) * 2 > big_cap) {
        size_t ncap = big_cap ? big_cap * 2 : 1024;
        big_t *nt = (big_t *)map_anon(ncap * sizeof(big_t));
        if (!nt)
            return false;
        big_t *old = big_tab;
        size_t ocap = big_cap;
        big_tab = nt;
        big_cap = ncap;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].addr) {
                size_t j = big_slot(old[i].addr);
                while (big_tab[j].addr)
                    j = (j + 1) & (big_cap - 1);
                big_tab[j] = old[i];
            }
        if (old)
            munmap(old, ocap * sizeof(big_t));
    }
    size_t j = big_slot(addr);
    while (big_tab[j].addr)
        j = (j + 1) & (big_cap - 1);
    big_tab[j].addr = addr;
    big_tab[j].len = len;
    big_count++;
    if (big_count > big_count_peak)
        big_count_peak = big_count;
    big_bytes += len;
    if (big_bytes > big_peak)
        big_peak = big_bytes;
    atomic_store_explicit(&big_live, big_count, memory_order_relaxed);
    return true;
}

/* Slot of addr or SIZE_MAX (caller holds big_lock). */
static size_t big_find(uintptr_t addr)
{
    if (!big_cap)
        return SIZE_MAX;
    for (size_t j = big_slot(addr);; j = (j + 1) & (big_cap - 1)) {
        if (big_tab[j].addr == addr)
            return j;
        if (!big_tab[j].addr)
            return SIZE_MAX;
    }
}

/* Removes slot i, shifting back the entries of its probe run. */
static void big_remove(size_t i)
{
    big_bytes -= big_tab[i].len;
    size_t mask = big_cap - 1;
    for (size_t j = i;;) {
        j = (j + 1) & mask;
        if (!big_tab[j].addr)
            break;
        size_t k = big_slot(big_tab[j].addr);
        /* entry j may move to i iff its home k is not in (i, j] cyclically */
        bool stays = (i <= j) ? (i < k && k <= j) : (i < k || k <= j);
        if (!stays) {
            big_tab[i] = big_tab[j];
            i = j;
        }
    }
    big_tab[i].addr = 0;
    big_tab[i].len = 0;
    big_count--;
    atomic_store_explicit(&big_live, big_count, memory_order_relaxed);
}

/* A new mapping of at least size bytes aligned to align (0 or a power of
 * two); NULL when the OS refuses. */
static void *big_alloc(size_t size, size_t align)
{
    if (align < page)
        align = page;
    if (size > SIZE_MAX / 2 || align > SIZE_MAX / 4)
        return NULL;
    size_t len = round_page(size ? size : 1); /* size 0 when the threshold is 0 */
    size_t extra = align > page ? align : 0;
    char *m = (char *)map_anon(len + extra);
    if (!m)
        return NULL;
    char *p = m;
    if (extra) {
        p = (char *)(((uintptr_t)m + align - 1) & ~(uintptr_t)(align - 1));
        if (p > m)
            munmap(m, (size_t)(p - m));
        size_t tail = (size_t)(m + len + extra - (p + len));
        if (tail)
            munmap(p + len, tail);
    }
    fx_lock(&big_lock);
    bool ok = big_insert((uintptr_t)p, len);
    if (ok)
        big_maps++;
    fx_unlock(&big_lock);
    if (!ok) {
        munmap(p, len);
        return NULL;
    }
    return p;
}

/* Length of the big block at p, 0 if p is none. */
static size_t big_len(const void *p)
{
    if (!atomic_load_explicit(&big_live, memory_order_relaxed))
        return 0;
    fx_lock(&big_lock);
    size_t i = big_find((uintptr_t)p);
    size_t len = i == SIZE_MAX ? 0 : big_tab[i].len;
    fx_unlock(&big_lock);
    return len;
}

/* Unmaps the big block at p; false if p is none. */
static bool big_free(void *p)
{
    if (!atomic_load_explicit(&big_live, memory_order_relaxed))
        return false;
    fx_lock(&big_lock);
    size_t i = big_find((uintptr_t)p);
    size_t len = 0;
    if (i != SIZE_MAX) {
        len = big_tab[i].len;
        big_remove(i);
    }
    fx_unlock(&big_lock);
    if (len) {
        munmap(p, len);
        if (!atomic_load_explicit(&big_fixed, memory_order_relaxed) &&
            len > atomic_load_explicit(&big_threshold, memory_order_relaxed) &&
            len <= CAPHEAP_PRELOAD_BIG_MAX)
            atomic_store_explicit(&big_threshold, len, memory_order_relaxed);
    }
    return len != 0;
}

/* Resizes big block p (len bytes) to size >= CAPHEAP_PRELOAD_BIG. */
static void *big_resize(void *p, size_t len, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t nlen = round_page(size);
    if (nlen == len)
        return p;
    /* the entry leaves the table while the mapping moves: p is the
     * caller's, no other thread may free it meanwhile */
    fx_lock(&big_lock);
    size_t i = big_find((uintptr_t)p);
    if (i != SIZE_MAX)
        big_remove(i);
    fx_unlock(&big_lock);
    void *q = mremap(p, len, nlen, MREMAP_MAYMOVE);
    bool moved = q != MAP_FAILED;
    fx_lock(&big_lock);
    bool ok = big_insert(moved ? (uintptr_t)q : (uintptr_t)p, moved ? nlen : len);
    fx_unlock(&big_lock);
    if (!ok) {
        munmap(moved ? q : p, moved ? nlen : len);
        return NULL; /* cannot happen in practice: the table only shrank */
    }
    return moved ? q : NULL;
}

static inline size_t big_min(void)
{
    return atomic_load_explicit(&big_threshold, memory_order_relaxed);
}

/* True when p may be a heap block (or a foreign pointer, which the caps
 * layer ignores). Own mappings start on a page: any other address skips the
 * O(log heaps) lookup. */
static inline bool in_heap(const void *p)
{
    return ((uintptr_t)p & (page - 1)) != 0 || capheap_caps_heap_of(inst, p) != NULL;
}

/* ------------------------------------------------------- the C library */

EXPORT void *malloc(size_t size);
EXPORT void free(void *ptr);
EXPORT void *calloc(size_t n, size_t size);
EXPORT void *realloc(void *ptr, size_t size);
EXPORT void *reallocarray(void *ptr, size_t n, size_t size);
EXPORT void *aligned_alloc(size_t align, size_t size);
EXPORT void *memalign(size_t align, size_t size);
EXPORT int posix_memalign(void **out, size_t align, size_t size);
EXPORT void *valloc(size_t size);
EXPORT void *pvalloc(size_t size);
EXPORT size_t malloc_usable_size(void *ptr);

static void *fail_nomem(void)
{
    errno = ENOMEM;
    return NULL;
}

EXPORT void *malloc(size_t size)
{
    if (UNLIKELY(!ready()))
        return fail_nomem();
    if (UNLIKELY(size >= big_min())) {
        void *p = big_alloc(size, 0);
        return p ? p : fail_nomem();
    }
    void *p = capheap_caps_malloc(inst, size, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL);
    return LIKELY(p != NULL) ? p : capheap_libc_malloc(size); /* grows, or ENOMEM */
}

EXPORT void free(void *ptr)
{
    if (!ptr || UNLIKELY(!ready()))
        return;
    if (LIKELY(in_heap(ptr)))
        capheap_caps_free(inst, ptr);
    else
        (void)big_free(ptr); /* or foreign: ignored */
}

EXPORT void *calloc(size_t n, size_t size)
{
    if (UNLIKELY(!ready()) || (size && n > SIZE_MAX / size))
        return fail_nomem();
    if (UNLIKELY(n * size >= big_min())) {
        void *p = big_alloc(n * size, 0); /* fresh mappings are zero */
        return p ? p : fail_nomem();
    }
    void *p = capheap_caps_malloc(inst, n * size, CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_INTERNAL);
    if (UNLIKELY(!p))
        return capheap_libc_calloc(n, size); /* grows, or ENOMEM */
    return memset(p, 0, n * size);
}

EXPORT void *realloc(void *ptr, size_t size)
{
    if (!ptr)
        return malloc(size);
    if (UNLIKELY(!ready()))
        return fail_nomem();
    if (LIKELY(in_heap(ptr))) {
        if (LIKELY(size < big_min()) || size == 0)
            return capheap_libc_realloc(ptr, size);
        size_t old = capheap_caps_get_allocated_size(inst, ptr);
        if (!old) {
            errno = EINVAL; /* not ours */
            return NULL;
        }
        void *q = big_alloc(size, 0);
        if (!q)
            return fail_nomem();
        memcpy(q, ptr, old < size ? old : size);
        capheap_caps_free(inst, ptr);
        return q;
    }
    size_t len = big_len(ptr);
    if (!len) {
        errno = EINVAL; /* not ours: its size is unknown */
        return NULL;
    }
    if (size == 0) {
        (void)big_free(ptr);
        return NULL;
    }
    if (size >= big_min()) {
        void *q = big_resize(ptr, len, size);
        return q ? q : fail_nomem();
    }
    void *q = capheap_libc_malloc(size);
    if (!q)
        return NULL;
    memcpy(q, ptr, size);
    (void)big_free(ptr);
    return q;
}

EXPORT void *reallocarray(void *ptr, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return fail_nomem();
    return realloc(ptr, n * size);
}

static void *aligned(size_t align, size_t size)
{
    if (UNLIKELY(!ready()))
        return fail_nomem();
    if (size >= big_min() || align > CAPHEAP_PRELOAD_BIG) {
        void *p = big_alloc(size, align);
        return p ? p : fail_nomem();
    }
    return capheap_libc_aligned_alloc(align, size);
}

EXPORT void *aligned_alloc(size_t align, size_t size)
{
    if (align == 0 || (align & (align - 1))) {
        errno = EINVAL;
        return NULL;
    }
    return aligned(align, size);
}

EXPORT void *memalign(size_t align, size_t size)
{
    size_t a = capheap_libc_memalign_alignment(align);
    if (!a) {
        errno = EINVAL;
        return NULL;
    }
    return aligned(a, size);
}

EXPORT int posix_memalign(void **out, size_t align, size_t size)
{
    if (align < sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    int saved = errno;
    void *p = aligned(align, size);
    errno = saved;
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

EXPORT void *valloc(size_t size)
{
    if (UNLIKELY(!ready()))
        return fail_nomem();
    return aligned(page, size);
}

EXPORT void *pvalloc(size_t size)
{
    if (UNLIKELY(!ready()))
        return fail_nomem();
    if (size > SIZE_MAX - (page - 1))
        return fail_nomem();
    return aligned(page, size ? round_page(size) : page);
}

EXPORT size_t malloc_usable_size(void *ptr)
{
    if (!ptr || UNLIKELY(!ready()))
        return 0;
    if (LIKELY(in_heap(ptr)))
        return capheap_libc_malloc_usable_size(ptr);
    return big_len(ptr);
}

/* ------------------------------------- glibc's statistics and tuning calls */
/*
 * mallinfo, mallinfo2, malloc_stats and malloc_info report capheap's heaps
 * (each heap is one mapping, shown where glibc shows an arena) and the big
 * blocks (glibc's mmapped chunks); malloc_trim hands the whole pages inside
 * free blocks back to the OS; mallopt honours M_MMAP_THRESHOLD.
 */

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define HAVE_MALLINFO2 1
#else
#define HAVE_MALLINFO2 0
#endif

/* Bytes kept resident at each end of a free block by malloc_trim: the
 * engine's list links and footer live there. */
#define TRIM_MARGIN ((size_t)64)

/* Whole-page range inside a free block, or false if there is none. */
static bool trim_range(void *ptr, size_t size, uintptr_t *lo, uintptr_t *hi)
{
    if (size <= 2 * TRIM_MARGIN + page)
        return false;
    *lo = ((uintptr_t)ptr + TRIM_MARGIN + page - 1) & ~(uintptr_t)(page - 1);
    *hi = ((uintptr_t)ptr + size - TRIM_MARGIN) & ~(uintptr_t)(page - 1);
    return *hi > *lo;
}

/* Bytes of resident pages in [lo, hi) (whole pages), handed back to the OS
 * when release is set. */
static size_t resident_bytes(uintptr_t lo, uintptr_t hi, bool release)
{
    enum { CHUNK = 256 };
    unsigned char vec[CHUNK];
    size_t got = 0;
    int saved = errno;
    for (uintptr_t a = lo; a < hi;) {
        size_t len = (size_t)(hi - a) < CHUNK * page ? (size_t)(hi - a) : CHUNK * page;
        size_t np = len / page, res = 0;
        if (mincore((void *)a, len, vec) == 0) {
            for (size_t i = 0; i < np; i++)
                res += vec[i] & 1u;
        } else {
            res = np; /* unknown: assume resident */
        }
        if (res && release && madvise((void *)a, len, MADV_DONTNEED) != 0)
            res = 0;
        got += res * page;
        a += len;
    }
    errno = saved;
    return got;
}

typedef struct {
    bool release;       /* madvise the ranges (malloc_trim) or only count them */
    size_t trimmable;   /* resident bytes of the ranges */
    size_t free_blocks, free_bytes;
    struct { size_t count, total, min, max; } bucket[sizeof(size_t) * CHAR_BIT];
} walk_acc_t;

static bool walk_block(void *ctx, void *ptr, size_t size, bool used)
{
    walk_acc_t *a = (walk_acc_t *)ctx;
    if (used)
        return true;
    a->free_blocks++;
    a->free_bytes += size;
    unsigned b = 0;
    while (b + 1 < sizeof a->bucket / sizeof a->bucket[0] && ((size_t)2 << b) <= size)
        b++;
    if (!a->bucket[b].count || size < a->bucket[b].min)
        a->bucket[b].min = size;
    if (size > a->bucket[b].max)
        a->bucket[b].max = size;
    a->bucket[b].count++;
    a->bucket[b].total += size;
    uintptr_t lo, hi;
    /* comprehensive poisoning checks every free byte: leave them be */
    if (CAPHEAP_POISONING_LEVEL < 2 && trim_range(ptr, size, &lo, &hi))
        a->trimmable += resident_bytes(lo, hi, a->release);
    return true;
}

/* Walks heap h (under its lock) into *a. */
static void walk_heap(const capheap_caps_heap_t *h, walk_acc_t *a)
{
    capheap_caps_heap_lock(h);
    (void)capheap_heap_walk(capheap_caps_heap_engine(h), walk_block, a);
    capheap_caps_heap_unlock(h);
}

typedef struct {
    size_t heaps, heap_bytes, used_bytes, free_bytes, free_blocks, trimmable;
    size_t big_count, big_bytes, big_count_peak, big_peak;
} figures_t;

static void get_figures(figures_t *f, bool release)
{
    memset(f, 0, sizeof *f);
    size_t n = capheap_caps_heap_count(inst);
    for (size_t i = 0; i < n; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(inst, i);
        if (!h)
            break;
        capheap_heap_info_t hi;
        capheap_caps_heap_get_info(h, &hi);
        walk_acc_t a;
        memset(&a, 0, sizeof a);
        a.release = release;
        walk_heap(h, &a);
        f->heaps++;
        f->heap_bytes += capheap_caps_heap_total_size(h);
        f->used_bytes += hi.total_allocated_bytes;
        f->free_bytes += hi.total_free_bytes;
        f->free_blocks += hi.free_blocks;
        f->trimmable += a.trimmable;
    }
    fx_lock(&big_lock);
    f->big_count = big_count;
    f->big_bytes = big_bytes;
    f->big_count_peak = big_count_peak;
    f->big_peak = big_peak;
    fx_unlock(&big_lock);
}

#if HAVE_MALLINFO2
EXPORT struct mallinfo2 mallinfo2(void);
EXPORT struct mallinfo2 mallinfo2(void)
{
    struct mallinfo2 m;
    memset(&m, 0, sizeof m);
    if (!ready())
        return m;
    figures_t f;
    get_figures(&f, false);
    m.arena = f.heap_bytes;
    m.ordblks = f.free_blocks;
    m.hblks = f.big_count;
    m.hblkhd = f.big_bytes;
    m.uordblks = f.used_bytes;
    m.fordblks = f.free_bytes;
    m.keepcost = f.trimmable;
    return m;
}
#endif

static int clamp_int(size_t v)
{
    return v > (size_t)INT_MAX ? INT_MAX : (int)v;
}

EXPORT struct mallinfo mallinfo(void);
EXPORT struct mallinfo mallinfo(void)
{
    struct mallinfo m;
    memset(&m, 0, sizeof m);
    if (!ready())
        return m;
    figures_t f;
    get_figures(&f, false);
    m.arena = clamp_int(f.heap_bytes);
    m.ordblks = clamp_int(f.free_blocks);
    m.hblks = clamp_int(f.big_count);
    m.hblkhd = clamp_int(f.big_bytes);
    m.uordblks = clamp_int(f.used_bytes);
    m.fordblks = clamp_int(f.free_bytes);
    m.keepcost = clamp_int(f.trimmable);
    return m;
}

EXPORT int malloc_trim(size_t pad);
EXPORT int malloc_trim(size_t pad)
{
    (void)pad; /* no heap top here: every free page goes */
    if (!ready())
        return 0;
    figures_t f;
    get_figures(&f, true);
    return f.trimmable > 0;
}

EXPORT int mallopt(int param, int value);
EXPORT int mallopt(int param, int value)
{
    if (!ready())
        return 0;
    if (param == M_MMAP_THRESHOLD) {
        if (value < 0 || (size_t)value > CAPHEAP_PRELOAD_BIG_MAX)
            return 0;
        atomic_store_explicit(&big_fixed, true, memory_order_relaxed);
        atomic_store_explicit(&big_threshold, (size_t)value, memory_order_relaxed);
        return 1;
    }
    return 0; /* not a parameter of this allocator: nothing changed */
}

EXPORT void malloc_stats(void);
EXPORT void malloc_stats(void)
{
    if (!ready())
        return;
    figures_t t;
    memset(&t, 0, sizeof t);
    size_t n = capheap_caps_heap_count(inst);
    for (size_t i = 0; i < n; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(inst, i);
        if (!h)
            break;
        capheap_heap_info_t hi;
        capheap_caps_heap_get_info(h, &hi);
        size_t sys = capheap_caps_heap_total_size(h);
        t.heap_bytes += sys;
        t.used_bytes += hi.total_allocated_bytes;
        fprintf(stderr, "Arena %zu:\nsystem bytes     = %10zu\nin use bytes     = %10zu\n", i, sys,
                hi.total_allocated_bytes);
    }
    fx_lock(&big_lock);
    size_t bb = big_bytes, bcp = big_count_peak, bp = big_peak;
    fx_unlock(&big_lock);
    fprintf(stderr,
            "Total (incl. mmap):\nsystem bytes     = %10zu\nin use bytes     = %10zu\n"
            "max mmap regions = %10zu\nmax mmap bytes   = %10zu\n",
            t.heap_bytes + bb, t.used_bytes + bb, bcp, bp);
}

EXPORT int malloc_info(int options, FILE *fp);
EXPORT int malloc_info(int options, FILE *fp)
{
    if (options != 0 || !fp)
        return EINVAL;
    if (!ready())
        return EINVAL;
    figures_t t;
    memset(&t, 0, sizeof t);
    fputs("<malloc version=\"1\">\n", fp);
    size_t n = capheap_caps_heap_count(inst);
    for (size_t i = 0; i < n; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(inst, i);
        if (!h)
            break;
        walk_acc_t a;
        memset(&a, 0, sizeof a);
        walk_heap(h, &a); /* the figures first, the printing (which may allocate) after */
        size_t sys = capheap_caps_heap_total_size(h);
        t.heap_bytes += sys;
        t.free_blocks += a.free_blocks;
        t.free_bytes += a.free_bytes;
        fprintf(fp, "<heap nr=\"%zu\">\n<sizes>\n", i);
        for (size_t b = 0; b < sizeof a.bucket / sizeof a.bucket[0]; b++)
            if (a.bucket[b].count)
                fprintf(fp, "  <size from=\"%zu\" to=\"%zu\" total=\"%zu\" count=\"%zu\"/>\n",
                        a.bucket[b].min, a.bucket[b].max, a.bucket[b].total, a.bucket[b].count);
        fprintf(fp,
                "</sizes>\n<total type=\"fast\" count=\"0\" size=\"0\"/>\n"
                "<total type=\"rest\" count=\"%zu\" size=\"%zu\"/>\n"
                "<system type=\"current\" size=\"%zu\"/>\n<system type=\"max\" size=\"%zu\"/>\n"
                "<aspace type=\"total\" size=\"%zu\"/>\n<aspace type=\"mprotect\" size=\"%zu\"/>\n"
                "</heap>\n",
                a.free_blocks, a.free_bytes, sys, sys, sys, sys);
    }
    fx_lock(&big_lock);
    size_t bc = big_count, bb = big_bytes;
    fx_unlock(&big_lock);
    /* heaps are never unmapped: the current size is also the largest */
    fprintf(fp,
            "<total type=\"fast\" count=\"0\" size=\"0\"/>\n"
            "<total type=\"rest\" count=\"%zu\" size=\"%zu\"/>\n"
            "<total type=\"mmap\" count=\"%zu\" size=\"%zu\"/>\n"
            "<system type=\"current\" size=\"%zu\"/>\n<system type=\"max\" size=\"%zu\"/>\n"
            "<aspace type=\"total\" size=\"%zu\"/>\n<aspace type=\"mprotect\" size=\"%zu\"/>\n"
            "</malloc>\n",
            t.free_blocks, t.free_bytes, bc, bb, t.heap_bytes, t.heap_bytes, t.heap_bytes,
            t.heap_bytes);
    return 0;
}

/* ------------------------------------------------------------ statistics */

__attribute__((destructor)) static void write_stats(void)
{
    const char *path = getenv("CAPHEAP_MALLOC_STATS");
    if (!path || !*path || atomic_load(&state) != ST_READY)
        return;
    char line[256];
    fx_lock(&big_lock);
    unsigned long long maps = big_maps;
    size_t peak = big_peak;
    fx_unlock(&big_lock);
    int n = capheap_snprintf(line, sizeof line,
                             "capheap_malloc pid=%ld calls=%llu heaps=%zu heap_bytes=%zu "
                             "free_bytes=%zu min_free=%zu big_maps=%llu big_peak=%zu\n",
                             (long)getpid(), atomic_load(&stat_calls),
                             capheap_caps_heap_count(inst), mapped_heap_bytes,
                             capheap_caps_get_free_size(inst, 0),
                             capheap_caps_get_minimum_free_size(inst, 0), maps, peak);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    if (n > 0)
        (void)!write(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    close(fd);
}
