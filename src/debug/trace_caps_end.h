/*
 * Included at the end of src/caps/caps_alloc.c (see trace_caps_begin.h):
 * the public allocation functions of a build with tracing and/or the tool
 * annotations.
 *
 * Tracing: each function costs one test of the instance's trace pointer
 * when no trace is attached.
 *
 * CAPHEAP_VALGRIND (host): every block is announced to Valgrind as a
 * malloc-like block of the size asked (VALGRIND_MALLOCLIKE_BLOCK) and
 * retired as free-like (VALGRIND_FREELIKE_BLOCK), so memcheck reports reads
 * and writes of freed blocks and past the end of a block with the stacks of
 * its allocation and free, and massif attributes heap memory to call sites.
 * Each allocation asks the engine for DBG_RZ more bytes and marks them
 * unaddressable: a red zone behind every block. The allocator's own
 * accesses to free memory run with error reporting off.
 *
 * CAPHEAP_ASAN (host, with -fsanitize=address): the same red zone, freed
 * blocks and each block's header word are poisoned
 * (__asan_poison_memory_region), a new block unpoisoned. The engine and this
 * file are compiled without address instrumentation (src/debug/CMakeLists),
 * so the allocator itself reads and writes poisoned memory freely while the
 * program's own accesses are checked.
 */
#ifndef CAPHEAP_TRACE_CAPS_END_H
#define CAPHEAP_TRACE_CAPS_END_H

#if defined(CAPHEAP_CAPS_WRAPPED)

#undef capheap_caps_malloc
#undef capheap_caps_calloc
#undef capheap_caps_free
#undef capheap_caps_realloc
#undef capheap_caps_aligned_alloc
#undef capheap_caps_aligned_calloc
#undef capheap_caps_malloc_prefer
#undef capheap_caps_calloc_prefer
#undef capheap_caps_realloc_prefer
#undef capheap_caps_malloc_default
#undef capheap_caps_calloc_default
#undef capheap_caps_realloc_default

#define TRACE_SITE() CAPHEAP_CALLER_ADDRESS()

/* ------------------------------------------------------------ tools */

#include "tools.h"
#if defined(CAPHEAP_VALGRIND) && CAPHEAP_VALGRIND
#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>
#define DBG_VALGRIND 1
#else
#define DBG_VALGRIND 0
#endif
#if defined(CAPHEAP_ASAN) && CAPHEAP_ASAN
#include <sanitizer/asan_interface.h>
#define DBG_ASAN 1
#else
#define DBG_ASAN 0
#endif
#define DBG_TOOLS (DBG_VALGRIND || DBG_ASAN)
/* bytes of red zone behind every block when a tool is on */
#define DBG_RZ ((size_t)(DBG_TOOLS ? 16 : 0))

static inline size_t dbg_grow(size_t size)
{
    return size > SIZE_MAX - DBG_RZ ? SIZE_MAX : size + DBG_RZ;
}

/* The allocator is about to touch memory the tools see as not the
 * program's (free blocks, red zones). */
static inline void dbg_enter(void)
{
    CAPHEAP_TOOLS_QUIET_BEGIN();
}

static inline void dbg_leave(void)
{
    CAPHEAP_TOOLS_QUIET_END();
}

/* p (NULL: nothing) is now a block of `size` bytes for the program. The
 * red zone runs from its end to the next word boundary DBG_RZ bytes on
 * (within the DBG_RZ extra bytes asked, as usable sizes are whole words):
 * no word the allocator reads is then partly addressable, which memcheck
 * would read as partly undefined. */
static inline void dbg_allocated(void *p, size_t size, bool zeroed)
{
    if (!p)
        return;
    size_t rz = ((size + DBG_RZ + sizeof(void *) - 1) & ~(sizeof(void *) - 1)) - size;
    (void)rz;
#if DBG_VALGRIND
    VALGRIND_MALLOCLIKE_BLOCK(p, size, 0, zeroed ? 1 : 0);
    VALGRIND_MAKE_MEM_NOACCESS((char *)p + size, rz);
#endif
#if DBG_ASAN
    /* the functions, not the ASAN_* macros: this file is compiled without
     * address instrumentation, where the macros do nothing */
    __asan_unpoison_memory_region(p, size);
    __asan_poison_memory_region((char *)p + size, rz);
    __asan_poison_memory_region((char *)p - sizeof(size_t), sizeof(size_t)); /* the header */
#endif
    (void)zeroed;
    (void)size;
}

/* p's block (usable bytes) has been given back. */
static inline void dbg_freed(void *p, size_t usable)
{
#if DBG_VALGRIND
    VALGRIND_FREELIKE_BLOCK(p, 0);
#endif
#if DBG_ASAN
    __asan_poison_memory_region(p, usable);
#endif
    (void)p;
    (void)usable;
}

/* Usable size of a block about to be freed or reallocated; 0 (reported
 * through the error hook, like the free itself would) when ptr is not a
 * live block. */
static inline size_t dbg_usable(capheap_caps_t *c, void *ptr)
{
    dbg_enter();
    size_t u = capheap_caps_get_allocated_size(c, ptr);
    dbg_leave();
    return u;
}

/* ------------------------------------------------------------ tracing */

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING
#define DBG_TRACE 1
static inline capheap_trace_t *trace_of(const struct capheap_caps *c)
{
    return c ? c->trace : NULL;
}
#define NOTE_ALLOC(c, p, size, caps_expr)                                          \
    do {                                                                           \
        capheap_trace_t *t_ = trace_of(c);                                         \
        if ((p) && t_)                                                             \
            capheap_trace_note_alloc(t_, (p), (size), (caps_expr), TRACE_SITE()); \
    } while (0)
#define NOTE_FREE(c, p)                                                            \
    do {                                                                           \
        capheap_trace_t *t_ = trace_of(c);                                         \
        if ((p) && t_)                                                             \
            capheap_trace_note_free(t_, (p), TRACE_SITE());                        \
    } while (0)
#else
#define DBG_TRACE 0
#define NOTE_ALLOC(c, p, size, caps_expr) ((void)0)
#define NOTE_FREE(c, p) ((void)0)
#endif

/* The entry of a prefer list that p's heap serves first (the one that
 * succeeded: earlier entries the heap matches would have been served by
 * it), else the last. */
static inline uint32_t served_caps(const struct capheap_caps *c, const void *p,
                                   const uint32_t *list, size_t count)
{
    const caps_index_entry_t *e = caps_index_find(index_get(c), (uintptr_t)p);
    for (size_t i = 0; e && i < count; i++)
        if (heap_matches(e->heap, list[i] & ~CAPS_ALIGN_ONLY))
            return list[i];
    return list[count - 1];
}

/* n * size, or SIZE_MAX when it overflows */
static inline size_t dbg_total(size_t n, size_t size)
{
    return size && n > SIZE_MAX / size ? SIZE_MAX : n * size;
}

/* ------------------------------------------------------------ functions */

void *capheap_caps_malloc(capheap_caps_t *c, size_t size, uint32_t caps)
{
    dbg_enter();
    void *p = caps_malloc_untraced(c, dbg_grow(size), caps);
    dbg_leave();
    dbg_allocated(p, size, false);
    NOTE_ALLOC(c, p, size, caps);
    return p;
}

void *capheap_caps_calloc(capheap_caps_t *c, size_t n, size_t size, uint32_t caps)
{
    size_t total = dbg_total(n, size);
    dbg_enter();
    void *p = DBG_TOOLS && total != SIZE_MAX ? caps_calloc_untraced(c, 1, dbg_grow(total), caps)
                                             : caps_calloc_untraced(c, n, size, caps);
    dbg_leave();
    dbg_allocated(p, total, true);
    NOTE_ALLOC(c, p, total, caps);
    return p;
}

void *capheap_caps_aligned_alloc(capheap_caps_t *c, size_t align, size_t size, uint32_t caps)
{
    dbg_enter();
    void *p = caps_aligned_alloc_untraced(c, align, dbg_grow(size), caps);
    dbg_leave();
    dbg_allocated(p, size, false);
    NOTE_ALLOC(c, p, size, caps);
    return p;
}

void *capheap_caps_aligned_calloc(capheap_caps_t *c, size_t align, size_t n, size_t size,
                                  uint32_t caps)
{
    size_t total = dbg_total(n, size);
    dbg_enter();
    void *p = DBG_TOOLS && total != SIZE_MAX
                  ? caps_aligned_calloc_untraced(c, align, 1, dbg_grow(total), caps)
                  : caps_aligned_calloc_untraced(c, align, n, size, caps);
    dbg_leave();
    dbg_allocated(p, total, true);
    NOTE_ALLOC(c, p, total, caps);
    return p;
}

void capheap_caps_free(capheap_caps_t *c, void *ptr)
{
    size_t u = 0;
    if (DBG_TOOLS && c && ptr && (u = dbg_usable(c, ptr)) == 0)
        return; /* not a live block: reported, ignored (as free does) */
    NOTE_FREE(c, ptr);
    dbg_enter();
    caps_free_untraced(c, ptr);
    dbg_leave();
    if (DBG_TOOLS && c && ptr)
        dbg_freed(ptr, u);
}

/*
 * realloc through `call` (an untraced body, given dbg_grow(size) as its
 * size): NULL is an allocation, size 0 a free, anything else a realloc of
 * ptr (recorded only if it succeeded; a block that is not live is reported
 * once and NULL returned).
 */
#if DBG_TRACE
#define TRACE_MARK(c, ptr) (ptr && trace_of(c) ? capheap_trace_note_mark(trace_of(c)) : 0u)
#define TRACE_REALLOC(c, ptr, n, size, caps_expr, site, mark)                          \
    do {                                                                               \
        if (trace_of(c))                                                               \
            capheap_trace_note_realloc(trace_of(c), ptr, n, size, caps_expr, site, mark); \
    } while (0)
#else
#define TRACE_MARK(c, ptr) 0u
#define TRACE_REALLOC(c, ptr, n, size, caps_expr, site, mark) ((void)0)
#endif

/* ASan builds move every realloc through `alloc` and a byte copy: the
 * engine's own move uses memcpy, which ASan checks even when called from
 * uninstrumented code, and the old block's red zone is poisoned. */
static inline void *dbg_move(capheap_caps_t *c, void *ptr, size_t old, size_t size, void *n)
{
    if (!n)
        return NULL;
    volatile unsigned char *d = (volatile unsigned char *)n;
    const volatile unsigned char *s = (const volatile unsigned char *)ptr;
    for (size_t i = 0; i < (old < size ? old : size); i++)
        d[i] = s[i];
    caps_free_untraced(c, ptr);
    return n;
}

#define DBG_REALLOC(c, ptr, size, caps_expr, call, alloc)                               \
    do {                                                                                \
        void *site_ = TRACE_SITE();                                                     \
        (void)site_;                                                                    \
        if (!c)                                                                         \
            return NULL;                                                                \
        size_t old_ = 0;                                                                \
        if (ptr && DBG_TOOLS && (old_ = dbg_usable(c, ptr)) == 0)                       \
            return NULL;                                                                \
        if (ptr && size == 0) {                                                         \
            NOTE_FREE(c, ptr);                                                          \
            dbg_enter();                                                                \
            void *r_ = call;                                                            \
            dbg_leave();                                                                \
            if (DBG_TOOLS)                                                              \
                dbg_freed(ptr, old_);                                                   \
            return r_;                                                                  \
        }                                                                               \
        uint32_t mark_ = TRACE_MARK(c, ptr);                                            \
        (void)mark_;                                                                    \
        dbg_enter();                                                                    \
        void *n_ = DBG_ASAN && ptr ? dbg_move(c, ptr, old_, size, alloc) : call;        \
        dbg_leave();                                                                    \
        if (!n_)                                                                        \
            return NULL;                                                                \
        if (!ptr) {                                                                     \
            dbg_allocated(n_, size, false);                                             \
            NOTE_ALLOC(c, n_, size, caps_expr);                                         \
            return n_;                                                                  \
        }                                                                               \
        if (DBG_TOOLS) {                                                                \
            size_t keep_ = old_ - DBG_RZ < size ? old_ - DBG_RZ : size;                 \
            dbg_freed(ptr, old_);                                                       \
            dbg_allocated(n_, size, false);                                             \
            (void)keep_;                                                                \
            if (DBG_VALGRIND)                                                           \
                VALGRIND_MAKE_MEM_DEFINED_IF_ANY(n_, keep_);                            \
        }                                                                               \
        TRACE_REALLOC(c, ptr, n_, size, caps_expr, site_, mark_);                       \
        return n_;                                                                      \
    } while (0)

#if DBG_VALGRIND
#define VALGRIND_MAKE_MEM_DEFINED_IF_ANY(p, n) VALGRIND_MAKE_MEM_DEFINED(p, n)
#else
#define VALGRIND_MAKE_MEM_DEFINED_IF_ANY(p, n) ((void)0)
#endif

void *capheap_caps_realloc(capheap_caps_t *c, void *ptr, size_t size, uint32_t caps)
{
    DBG_REALLOC(c, ptr, size, caps,
                caps_realloc_untraced(c, ptr, size ? dbg_grow(size) : 0, caps),
                caps_malloc_untraced(c, dbg_grow(size), caps));
}

void *capheap_caps_malloc_prefer(capheap_caps_t *c, size_t size, const uint32_t *list,
                                 size_t count)
{
    dbg_enter();
    void *p = caps_malloc_prefer_untraced(c, dbg_grow(size), list, count);
    dbg_leave();
    dbg_allocated(p, size, false);
    NOTE_ALLOC(c, p, size, served_caps(c, p, list, count));
    return p;
}

void *capheap_caps_calloc_prefer(capheap_caps_t *c, size_t n, size_t size, const uint32_t *list,
                                 size_t count)
{
    size_t total = dbg_total(n, size);
    dbg_enter();
    void *p = DBG_TOOLS && total != SIZE_MAX
                  ? caps_calloc_prefer_untraced(c, 1, dbg_grow(total), list, count)
                  : caps_calloc_prefer_untraced(c, n, size, list, count);
    dbg_leave();
    dbg_allocated(p, total, true);
    NOTE_ALLOC(c, p, total, served_caps(c, p, list, count));
    return p;
}

void *capheap_caps_realloc_prefer(capheap_caps_t *c, void *ptr, size_t size,
                                  const uint32_t *list, size_t count)
{
    if (!list || count == 0)
        return caps_realloc_prefer_untraced(c, ptr, size, list, count);
    DBG_REALLOC(c, ptr, size, served_caps(c, n_, list, count),
                caps_realloc_prefer_untraced(c, ptr, size ? dbg_grow(size) : 0, list, count),
                caps_malloc_prefer_untraced(c, dbg_grow(size), list, count));
}

void *capheap_caps_malloc_default(capheap_caps_t *c, size_t size)
{
    dbg_enter();
    void *p = caps_malloc_default_untraced(c, dbg_grow(size));
    dbg_leave();
    dbg_allocated(p, size, false);
#if DBG_TRACE
    if (p && trace_of(c)) {
        uint32_t list[2];
        size_t count = default_list(c, size, list);
        capheap_trace_note_alloc(trace_of(c), p, size, served_caps(c, p, list, count),
                                 TRACE_SITE());
    }
#endif
    return p;
}

void *capheap_caps_calloc_default(capheap_caps_t *c, size_t n, size_t size)
{
    size_t total = dbg_total(n, size);
    dbg_enter();
    void *p = DBG_TOOLS && total != SIZE_MAX ? caps_calloc_default_untraced(c, 1, dbg_grow(total))
                                             : caps_calloc_default_untraced(c, n, size);
    dbg_leave();
    dbg_allocated(p, total, true);
#if DBG_TRACE
    if (p && trace_of(c)) {
        uint32_t list[2];
        size_t count = default_list(c, total, list);
        capheap_trace_note_alloc(trace_of(c), p, total, served_caps(c, p, list, count),
                                 TRACE_SITE());
    }
#endif
    return p;
}

void *capheap_caps_realloc_default(capheap_caps_t *c, void *ptr, size_t size)
{
    uint32_t list[2] = { 0, 0 };
    size_t count = c ? default_list(c, size, list) : 1;
    (void)count;
    DBG_REALLOC(c, ptr, size, served_caps(c, n_, list, count),
                caps_realloc_default_untraced(c, ptr, size ? dbg_grow(size) : 0),
                caps_malloc_default_untraced(c, dbg_grow(size)));
}

#undef DBG_REALLOC
#undef TRACE_SITE

#endif
#endif
