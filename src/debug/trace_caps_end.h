/*
 * Included at the end of src/caps/caps_alloc.c (see trace_caps_begin.h):
 * the public allocation functions of a tracing build. Each costs one test
 * of the instance's trace pointer when no trace is attached.
 */
#ifndef CAPHEAP_TRACE_CAPS_END_H
#define CAPHEAP_TRACE_CAPS_END_H

#if defined(CAPHEAP_HEAP_TRACING) && CAPHEAP_HEAP_TRACING

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

static inline capheap_trace_t *trace_of(const struct capheap_caps *c)
{
    return c ? c->trace : NULL;
}

/* The entry of a prefer list that p's heap serves first (the one that
 * succeeded: earlier entries the heap matches would have been served by
 * it), else the last. */
static uint32_t served_caps(const struct capheap_caps *c, const void *p, const uint32_t *list,
                            size_t count)
{
    const caps_index_entry_t *e = caps_index_find(index_get(c), (uintptr_t)p);
    for (size_t i = 0; e && i < count; i++)
        if (heap_matches(e->heap, list[i] & ~CAPS_ALIGN_ONLY))
            return list[i];
    return list[count - 1];
}

void *capheap_caps_malloc(capheap_caps_t *c, size_t size, uint32_t caps)
{
    void *p = caps_malloc_untraced(c, size, caps);
    capheap_trace_t *t = trace_of(c);
    if (p && t)
        capheap_trace_note_alloc(t, p, size, caps, TRACE_SITE());
    return p;
}

void *capheap_caps_calloc(capheap_caps_t *c, size_t n, size_t size, uint32_t caps)
{
    void *p = caps_calloc_untraced(c, n, size, caps);
    capheap_trace_t *t = trace_of(c);
    if (p && t)
        capheap_trace_note_alloc(t, p, n * size, caps, TRACE_SITE());
    return p;
}

void *capheap_caps_aligned_alloc(capheap_caps_t *c, size_t align, size_t size, uint32_t caps)
{
    void *p = caps_aligned_alloc_untraced(c, align, size, caps);
    capheap_trace_t *t = trace_of(c);
    if (p && t)
        capheap_trace_note_alloc(t, p, size, caps, TRACE_SITE());
    return p;
}

void *capheap_caps_aligned_calloc(capheap_caps_t *c, size_t align, size_t n, size_t size,
                                  uint32_t caps)
{
    void *p = caps_aligned_calloc_untraced(c, align, n, size, caps);
    capheap_trace_t *t = trace_of(c);
    if (p && t)
        capheap_trace_note_alloc(t, p, n * size, caps, TRACE_SITE());
    return p;
}

void capheap_caps_free(capheap_caps_t *c, void *ptr)
{
    capheap_trace_t *t = trace_of(c);
    if (ptr && t)
        capheap_trace_note_free(t, ptr, TRACE_SITE());
    caps_free_untraced(c, ptr);
}

/* realloc through `body` with the trace's view: NULL is an allocation, size
 * 0 a free, anything else a realloc of ptr (recorded only if it succeeded). */
#define TRACED_REALLOC(c, ptr, size, caps_expr, call)                                   \
    do {                                                                                \
        capheap_trace_t *t_ = trace_of(c);                                              \
        if (!t_)                                                                        \
            return call;                                                                \
        void *site_ = TRACE_SITE();                                                     \
        if (ptr && size == 0) {                                                         \
            capheap_trace_note_free(t_, ptr, site_);                                    \
            return call;                                                                \
        }                                                                               \
        uint32_t mark_ = ptr ? capheap_trace_note_mark(t_) : 0;                         \
        void *n_ = call;                                                                \
        if (n_ && !ptr)                                                                 \
            capheap_trace_note_alloc(t_, n_, size, caps_expr, site_);                   \
        else if (n_)                                                                    \
            capheap_trace_note_realloc(t_, ptr, n_, size, caps_expr, site_, mark_);     \
        return n_;                                                                      \
    } while (0)

void *capheap_caps_realloc(capheap_caps_t *c, void *ptr, size_t size, uint32_t caps)
{
    TRACED_REALLOC(c, ptr, size, caps, caps_realloc_untraced(c, ptr, size, caps));
}

void *capheap_caps_malloc_prefer(capheap_caps_t *c, size_t size, const uint32_t *list,
                                 size_t count)
{
    void *p = caps_malloc_prefer_untraced(c, size, list, count);
    capheap_trace_t *t = trace_of(c);
    if (p && t)
        capheap_trace_note_alloc(t, p, size, served_caps(c, p, list, count), TRACE_SITE());
    return p;
}

void *capheap_caps_calloc_prefer(capheap_caps_t *c, size_t n, size_t size, const uint32_t *list,
                                 size_t count)
{
    void *p = caps_calloc_prefer_untraced(c, n, size, list, count);
    capheap_trace_t *t = trace_of(c);
    if (p && t)
        capheap_trace_note_alloc(t, p, n * size, served_caps(c, p, list, count), TRACE_SITE());
    return p;
}

void *capheap_caps_realloc_prefer(capheap_caps_t *c, void *ptr, size_t size,
                                  const uint32_t *list, size_t count)
{
    if (!list || count == 0)
        return caps_realloc_prefer_untraced(c, ptr, size, list, count);
    TRACED_REALLOC(c, ptr, size, served_caps(c, n_, list, count),
                   caps_realloc_prefer_untraced(c, ptr, size, list, count));
}

void *capheap_caps_malloc_default(capheap_caps_t *c, size_t size)
{
    void *p = caps_malloc_default_untraced(c, size);
    capheap_trace_t *t = trace_of(c);
    if (p && t) {
        uint32_t list[2];
        size_t count = default_list(c, size, list);
        capheap_trace_note_alloc(t, p, size, served_caps(c, p, list, count), TRACE_SITE());
    }
    return p;
}

void *capheap_caps_calloc_default(capheap_caps_t *c, size_t n, size_t size)
{
    void *p = caps_calloc_default_untraced(c, n, size);
    capheap_trace_t *t = trace_of(c);
    if (p && t) {
        uint32_t list[2];
        size_t count = default_list(c, n * size, list);
        capheap_trace_note_alloc(t, p, n * size, served_caps(c, p, list, count), TRACE_SITE());
    }
    return p;
}

void *capheap_caps_realloc_default(capheap_caps_t *c, void *ptr, size_t size)
{
    uint32_t list[2] = { 0, 0 };
    size_t count = c ? default_list(c, size, list) : 1;
    TRACED_REALLOC(c, ptr, size, served_caps(c, n_, list, count),
                   caps_realloc_default_untraced(c, ptr, size));
}

#undef TRACED_REALLOC
#undef TRACE_SITE

#endif
#endif
