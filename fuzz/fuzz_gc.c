/*
 * libFuzzer harness (3): the GC heap (include/capheap/gc.h) against a model
 * of the reachable set.
 *
 * The input picks the instance (one or two areas given by the caller, or
 * areas grown from a caps instance; interior pointers on or off; a mark
 * stack of 1 to 8 entries so that overflow recovery runs; a threshold) and
 * then operations on an object graph: allocate (with or without a
 * finaliser), store a reference (exact, interior, tagged handle, NULL) into
 * a slot of an object or into one of the registered roots, free, realloc
 * (in place or moving), never_free, collections (registered roots, extra
 * roots given to collect_root, sweep_all), lock/unlock, bad pointers.
 *
 * The model knows every live object (address, size, finaliser flag, the
 * references in its first words and a stamp over the rest, whose bytes all
 * have the top bit set so no stamp word is an address). It computes
 * reachability itself, by address, as gc.h defines it: a word refers to an
 * object iff it is the exact address of its HEAD (or, with
 * CAPHEAP_GC_INTERIOR, any address inside it). After every collection,
 * whether explicit or run by an allocation (seen through the collections
 * counter): every reachable object is live and intact, every unreachable
 * one is gone (capheap_gc_size 0), the finaliser ran exactly for the
 * unreachable objects that have one. After every step: sizes and finaliser
 * flags of live objects match, objects do not overlap, contents are intact,
 * used + free = total, used = the model's bytes (plus the never_free chain),
 * and bad pointers are reported and change nothing.
 */
#include "capheap/caps.h"
#include "capheap/gc.h"
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OBJ 96
#define NROOTS 8
#define SLOTS 4
#define B CAPHEAP_GC_BLOCK
#define W sizeof(void *)

typedef struct {
    unsigned char *p;
    size_t size;        /* capheap_gc_size */
    bool fin;
    uint32_t id;
    bool finalised;     /* scratch during a model collection */
    bool mark;
} obj_t;

static _Alignas(64) unsigned char area0[64 * 1024], area1[16 * 1024], caps_mem[192 * 1024];

static struct {
    capheap_gc_t *gc;
    capheap_caps_t *caps;
    bool interior;
    obj_t obj[MAX_OBJ];
    size_t nobj;
    uint32_t next_id;
    void *roots[NROOTS];       /* registered root range */
    void *perm[64];            /* never_free objects */
    size_t nperm;
    size_t collections;
    unsigned errors;
    void *finalised[MAX_OBJ];  /* finaliser calls of the last collection */
    size_t nfinalised;
    const void *moving;        /* object a realloc is moving */
} m;

#define FAIL(...)                                                              \
    do {                                                                       \
        fprintf(stderr, "fuzz_gc: " __VA_ARGS__);                              \
        fprintf(stderr, "\n");                                                 \
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

static void on_finalise(void *ctx, void *obj)
{
    (void)ctx;
    ENSURE(m.nfinalised < MAX_OBJ);
    m.finalised[m.nfinalised++] = obj;
    /* gc.h: the instance refuses calls from a finaliser */
    ENSURE(capheap_gc_alloc(m.gc, 8, 0) == NULL);
}

static void print_err(void *ctx, const char *text)
{
    (void)ctx;
    fputs(text, stderr);
}

static unsigned char stamp(uint32_t id, size_t i)
{
    return (unsigned char)(0x80u | ((id * 41u + (uint32_t)i * 5u) & 0x7fu));
}

static size_t slots_of(const obj_t *o)
{
    size_t n = o->size / W;
    return n < SLOTS ? n : SLOTS;
}

static void **slot(const obj_t *o, size_t k)
{
    return (void **)(void *)(o->p + k * W);
}

static void verify(const obj_t *o)
{
    for (size_t i = slots_of(o) * W; i < o->size; i++)
        if (o->p[i] != stamp(o->id, i))
            FAIL("object %p (id %u, %zu bytes) byte %zu changed", (void *)o->p, o->id, o->size, i);
}

static obj_t *find_head(const void *a)
{
    for (size_t i = 0; i < m.nobj; i++)
        if (m.obj[i].p == a)
            return &m.obj[i];
    return NULL;
}

/* The object a word refers to, as gc.h defines it. */
static obj_t *referent(const void *a)
{
    if (!a)
        return NULL;
    if (!m.interior)
        return find_head(a);
    for (size_t i = 0; i < m.nobj; i++)
        if ((const unsigned char *)a >= m.obj[i].p && (const unsigned char *)a < m.obj[i].p + m.obj[i].size)
            return &m.obj[i];
    return NULL;
}

static void mark_from(const void *a)
{
    obj_t *stack[MAX_OBJ];
    size_t n = 0;
    obj_t *o = referent(a);
    if (!o || o->mark)
        return;
    o->mark = true;
    stack[n++] = o;
    while (n) {
        obj_t *t = stack[--n];
        for (size_t k = 0; k < slots_of(t); k++) {
            obj_t *r = referent(*slot(t, k));
            if (r && !r->mark) {
                r->mark = true;
                stack[n++] = r;
            }
        }
    }
}

/*
 * A collection happened (roots: the registered range, the never_free
 * objects, `extra`): check the survivors, the dead and the finaliser calls,
 * and drop the dead from the model. `fresh` is an object allocated after
 * the collection (its address may be a dead one's).
 */
static void model_collect(void *const *extra, size_t nextra, const void *fresh)
{
    TRACE("  collection (%zu extra roots, fresh %p)\n", nextra, fresh);
    for (size_t i = 0; i < m.nobj; i++)
        m.obj[i].mark = false;
    for (size_t r = 0; r < NROOTS; r++)
        mark_from(m.roots[r]);
    for (size_t r = 0; r < m.nperm; r++)
        mark_from(m.perm[r]);
    for (size_t r = 0; r < nextra; r++)
        mark_from(extra[r]);
    size_t expect_fin = 0;
    for (size_t i = 0; i < m.nobj;) {
        obj_t *o = &m.obj[i];
        if (o->mark) {
            if (o->p == m.moving) { /* realloc moves it after the collection */
                i++;
                continue;
            }
            ENSURE(capheap_gc_size(m.gc, o->p) == o->size);
            verify(o);
            i++;
            continue;
        }
        if (o->fin) {
            bool called = false;
            for (size_t k = 0; k < m.nfinalised; k++)
                called |= m.finalised[k] == o->p;
            if (!called)
                FAIL("unreachable object %p with a finaliser was not finalised", (void *)o->p);
            expect_fin++;
        }
        if (o->p != fresh && capheap_gc_size(m.gc, o->p) != 0 && tracing)
            capheap_gc_dump_alloc_table(m.gc, print_err, NULL);
        if (o->p != fresh && capheap_gc_size(m.gc, o->p) != 0)
            FAIL("unreachable object %p (id %u) survived the collection", (void *)o->p, o->id);
        *o = m.obj[--m.nobj];
    }
    if (m.nfinalised != expect_fin)
        FAIL("%zu finaliser calls for %zu unreachable objects with a finaliser", m.nfinalised,
             expect_fin);
    m.nfinalised = 0;
}

/* Did the last call collect? Then apply it to the model. */
static bool collected(const void *fresh)
{
    capheap_gc_info_t info;
    capheap_gc_get_info(m.gc, &info);
    if (info.collections == m.collections) {
        ENSURE(m.nfinalised == 0);
        return false;
    }
    ENSURE(info.collections == m.collections + 1);
    m.collections = info.collections;
    model_collect(NULL, 0, fresh);
    return true;
}

static void adopt(unsigned char *p, size_t asked, bool fin)
{
    ENSURE(m.nobj < MAX_OBJ);
    obj_t *o = &m.obj[m.nobj];
    memset(o, 0, sizeof *o);
    o->p = p;
    o->size = capheap_gc_size(m.gc, p);
    o->fin = fin;
    o->id = m.next_id++;
    ENSURE(((uintptr_t)p % W) == 0);
    ENSURE(o->size == (asked == 0 ? B : (asked + B - 1) / B * B)); /* ceil(n / B) blocks, n 0: one */
    for (size_t i = 0; i < m.nobj; i++)
        if (p < m.obj[i].p + m.obj[i].size && m.obj[i].p < p + o->size)
            FAIL("object %p+%zu overlaps %p+%zu", (void *)p, o->size, (void *)m.obj[i].p,
                 m.obj[i].size);
    for (size_t i = 0; i < o->size; i++)
        ENSURE(p[i] == 0); /* new memory is zeroed */
    for (size_t i = slots_of(o) * W; i < o->size; i++)
        p[i] = stamp(o->id, i);
    ENSURE(capheap_gc_has_finaliser(m.gc, p) == fin);
    TRACE("  object id %u at %p size %zu fin %d\n", o->id, (void *)p, o->size, fin);
    m.nobj++;
}

static size_t chain_bytes(void)
{
    size_t per = (8 * W + B - 1) / B * B;
    return (m.nperm + 6) / 7 * per;
}

static void check_state(void)
{
    ENSURE(m.errors == 0);
    capheap_gc_info_t info;
    capheap_gc_get_info(m.gc, &info);
    ENSURE(info.collections == m.collections);
    size_t used = 0;
    for (size_t i = 0; i < m.nobj; i++) {
        const obj_t *o = &m.obj[i];
        ENSURE(capheap_gc_size(m.gc, o->p) == o->size);
        ENSURE(capheap_gc_has_finaliser(m.gc, o->p) == o->fin);
        used += o->size;
    }
    ENSURE(info.used == used + chain_bytes());
    ENSURE(info.used + info.free == info.total);
    ENSURE(capheap_gc_used_bytes(m.gc) == info.used);
    ENSURE(capheap_gc_free_bytes(m.gc) == info.free);
    ENSURE(info.max_free * B <= info.free);
    ENSURE(info.areas == capheap_gc_area_count(m.gc));
    if (m.caps)
        ENSURE(capheap_caps_check_integrity_all(m.caps, NULL, NULL));
}

/* A word to store: a reference (exact or interior), a tagged handle, NULL. */
static void *pick_ref(fin_t *in)
{
    uint8_t k = fin_u8(in);
    uint8_t d = fin_u8(in);
    if (!m.nobj || (k & 7) == 7)
        return NULL;
    const obj_t *o = &m.obj[d % m.nobj];
    switch (k & 7) {
    case 4: /* interior, word-aligned */
        return o->size > W ? o->p + W * (1 + (k >> 3) % (o->size / W - 1)) : o->p;
    case 5:
        return (void *)capheap_gc_from_small_int((intptr_t)d - 100);
    case 6:
        return (void *)capheap_gc_from_qstr(d);
    default:
        return o->p;
    }
}

static void op_alloc(fin_t *in)
{
    size_t n = fin_size(in, 2048);
    bool fin = fin_u8(in) & 1;
    uint8_t where = fin_u8(in);
    if (m.nobj == MAX_OBJ)
        return;
    unsigned char *p = capheap_gc_alloc(m.gc, n, fin ? CAPHEAP_GC_FINALISER : 0);
    collected(p);
    if (capheap_gc_is_locked(m.gc))
        ENSURE(p == NULL);
    if (!p)
        return;
    adopt(p, n, fin);
    if (where & 1)
        m.roots[(where >> 1) % NROOTS] = p;
}

static void op_store(fin_t *in)
{
    uint8_t k = fin_u8(in);
    void *ref = pick_ref(in);
    if ((k & 1) || !m.nobj) {
        m.roots[(k >> 1) % NROOTS] = ref;
        return;
    }
    const obj_t *o = &m.obj[(k >> 1) % m.nobj];
    if (slots_of(o)) {
        TRACE("  store %p into id %u slot %zu\n", ref, o->id, (size_t)((k >> 5) % slots_of(o)));
        *slot(o, (k >> 5) % slots_of(o)) = ref;
    }
}

static void op_free(fin_t *in)
{
    uint8_t k = fin_u8(in);
    if (!m.nobj)
        return;
    size_t i = k % m.nobj;
    verify(&m.obj[i]);
    capheap_gc_free(m.gc, m.obj[i].p);
    if (capheap_gc_is_locked(m.gc)) {
        ENSURE(capheap_gc_size(m.gc, m.obj[i].p) == m.obj[i].size); /* ignored */
        return;
    }
    ENSURE(capheap_gc_size(m.gc, m.obj[i].p) == 0);
    m.obj[i] = m.obj[--m.nobj];
}

/* Replaces every stored word equal to `from` by `to` (a program updating
 * its pointers after a move). */
static void repoint(void *from, void *to)
{
    for (size_t r = 0; r < NROOTS; r++)
        if (m.roots[r] == from)
            m.roots[r] = to;
    for (size_t i = 0; i < m.nobj; i++)
        for (size_t k = 0; k < slots_of(&m.obj[i]); k++)
            if (*slot(&m.obj[i], k) == from)
                *slot(&m.obj[i], k) = to;
}

static void op_realloc(fin_t *in)
{
    size_t n = fin_size(in, 2048);
    uint8_t k = fin_u8(in);
    if (!m.nobj)
        return;
    size_t i = k % m.nobj;
    obj_t old = m.obj[i];
    bool move = k & 0x80;
    void *extra = old.p; /* gc.h: the old object stays reachable */
    unsigned char *p = capheap_gc_realloc(m.gc, old.p, n, move);
    TRACE("  realloc id %u %p (%zu) -> %zu move %d = %p\n", old.id, (void *)old.p, old.size, n, move,
          (void *)p);
    capheap_gc_info_t info;
    capheap_gc_get_info(m.gc, &info);
    if (info.collections != m.collections) {
        ENSURE(info.collections == m.collections + 1);
        m.collections = info.collections;
        m.moving = old.p;
        model_collect(&extra, 1, p); /* the new block may take a dead one's address */
        m.moving = NULL;
    }
    obj_t *cur = find_head(old.p);
    ENSURE(cur != NULL);
    if (n == 0) {
        ENSURE(p == NULL);
        if (!capheap_gc_is_locked(m.gc)) {
            ENSURE(capheap_gc_size(m.gc, old.p) == 0);
            *cur = m.obj[--m.nobj];
        }
        return;
    }
    if (!p) {
        ENSURE(capheap_gc_size(m.gc, old.p) == old.size);
        verify(cur);
        return;
    }
    if (!move)
        ENSURE(p == old.p);
    size_t size = capheap_gc_size(m.gc, p);
    ENSURE(size >= n);
    size_t keep = old.size < size ? old.size : size;
    for (size_t b = slots_of(&old) * W; b < keep; b++)
        if (p[b] != stamp(old.id, b))
            FAIL("realloc %p -> %p (%zu -> %zu) lost byte %zu", (void *)old.p, (void *)p, old.size,
                 size, b);
    for (size_t b = old.size; b < size; b++)
        ENSURE(p[b] == 0); /* grown bytes are zeroed */
    ENSURE(capheap_gc_has_finaliser(m.gc, p) == old.fin);
    if (p != old.p)
        ENSURE(capheap_gc_size(m.gc, old.p) == 0 || find_head(old.p) != cur);
    /* the object keeps its identity; the new bytes get its stamp */
    cur->p = p;
    cur->size = size;
    for (size_t b = keep > slots_of(cur) * W ? keep : slots_of(cur) * W; b < size; b++)
        p[b] = stamp(cur->id, b);
    /* a slot that was stamp (object grew past SLOTS words) stays stamp */
    for (size_t b = slots_of(&old) * W; b < slots_of(cur) * W && b < keep; b++)
        ;
    if (slots_of(cur) > slots_of(&old)) {
        /* new slots were stamp or zero bytes: make them NULL references */
        for (size_t s = slots_of(&old); s < slots_of(cur); s++)
            *slot(cur, s) = NULL;
    }
    if (p != old.p)
        repoint(old.p, p);
}

static void op_collect(fin_t *in)
{
    uint8_t k = fin_u8(in);
    if (capheap_gc_is_locked(m.gc))
        return;
    if ((k & 3) == 0) {
        capheap_gc_collect(m.gc);
        m.collections++;
        model_collect(NULL, 0, NULL);
    } else if ((k & 3) == 1) {
        void *extra[4];
        size_t n = (k >> 2) % 5;
        for (size_t i = 0; i < n; i++)
            extra[i] = pick_ref(in);
        capheap_gc_collect_start(m.gc);
        ENSURE(capheap_gc_alloc(m.gc, 8, 0) == NULL); /* this thread is collecting */
        capheap_gc_collect_root(m.gc, extra, n);
        capheap_gc_collect_end(m.gc);
        m.collections++;
        model_collect(extra, n, NULL);
    } else if ((k & 15) == 2 && m.nperm == 0) {
        /* everything goes, finalisers run */
        capheap_gc_sweep_all(m.gc);
        size_t fin = 0;
        for (size_t i = 0; i < m.nobj; i++)
            fin += m.obj[i].fin;
        ENSURE(m.nfinalised == fin);
        m.nfinalised = 0;
        m.nobj = 0;
        memset(m.roots, 0, sizeof m.roots);
        capheap_gc_info_t info;
        capheap_gc_get_info(m.gc, &info);
        m.collections = info.collections;
    } else if (m.nobj && m.nperm < 64) {
        /* the chain object never_free may allocate is not in the model:
         * no automatic collection may reuse a dead object's address for it */
        void *p = m.obj[(k >> 2) % m.nobj].p;
        bool on = capheap_gc_is_enabled(m.gc);
        capheap_gc_disable(m.gc);
        if (capheap_gc_never_free(m.gc, p))
            m.perm[m.nperm++] = p;
        if (on)
            capheap_gc_enable(m.gc);
        collected(NULL);
    }
}

static void op_lock(fin_t *in)
{
    if (fin_u8(in) & 1)
        capheap_gc_lock(m.gc);
    else
        capheap_gc_unlock(m.gc);
}

static void op_bad(fin_t *in)
{
    static unsigned char static_bytes[64];
    uint8_t k = fin_u8(in);
    uint16_t d = fin_u16(in);
    unsigned char *p = NULL;
    if (capheap_gc_is_locked(m.gc))
        return;
    switch (k % 4) {
    case 0:
        p = static_bytes + (d & 31);
        break;
    case 1: /* inside an object: not at a block boundary, or at a TAIL */
        if (m.nobj) {
            const obj_t *o = &m.obj[d % m.nobj];
            p = o->p + 1 + (size_t)(d >> 4) % (o->size - 1);
        }
        break;
    case 2: /* a free block: the end of the last area's objects, if free */
        if (m.nobj) {
            const obj_t *o = &m.obj[d % m.nobj];
            p = o->p + o->size;
            if (find_head(p) || capheap_gc_size(m.gc, p) != 0)
                p = NULL;
        }
        break;
    default:
        p = (unsigned char *)(uintptr_t)(((uintptr_t)0 - 64u) + (d & 63u));
        break;
    }
    if (!p || find_head(p))
        return;
    size_t used = capheap_gc_used_bytes(m.gc);
    m.errors = 0;
    if (k & 4)
        capheap_gc_free(m.gc, p);
    else
        ENSURE(capheap_gc_realloc(m.gc, p, 16, true) == NULL);
    if (m.errors == 0)
        FAIL("bad pointer %p not reported", (void *)p);
    m.errors = 0;
    ENSURE(capheap_gc_used_bytes(m.gc) == used);
    for (size_t i = 0; i < m.nobj; i++)
        verify(&m.obj[i]);
}

static void op_largest(void)
{
    capheap_gc_info_t info;
    capheap_gc_get_info(m.gc, &info);
    if (!info.max_free || m.nobj == MAX_OBJ || capheap_gc_is_locked(m.gc))
        return;
    unsigned char *p = capheap_gc_alloc(m.gc, info.max_free * B, 0);
    collected(p);
    ENSURE(p != NULL);
    adopt(p, info.max_free * B, false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fin_t in = { data, size };
    memset(&m, 0, sizeof m);
    if (tracing < 0)
        tracing = getenv("FUZZ_TRACE") != NULL;
    uint8_t mode = fin_u8(&in);
    TRACE("mode %#x\n", mode);
    capheap_gc_config_t cfg;
    capheap_gc_config_init(&cfg);
    cfg.finaliser = on_finalise;
    cfg.error_hook = on_error;
    cfg.mark_stack = 1 + fin_u8(&in) % 8;
    m.interior = mode & 1;
    cfg.flags = m.interior ? CAPHEAP_GC_INTERIOR : 0;
    if (mode & 2)
        cfg.lock_ops = &capheap_port_lock_none;
    size_t s0 = 1024 + (size_t)fin_u16(&in) % (sizeof area0 - 1024);
    capheap_err_t e;
    if (mode & 4) {
        /* areas grow from a caps instance (and go back to it) */
        capheap_caps_config_t cc;
        capheap_caps_config_init(&cc);
        capheap_region_t r;
        memset(&r, 0, sizeof r);
        r.start = (uintptr_t)caps_mem;
        r.size = sizeof caps_mem;
        r.caps[0] = CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT;
        r.type = -1;
        ENSURE(capheap_caps_create(&cc, &r, 1, &m.caps) == CAPHEAP_OK);
        cfg.caps = m.caps;
        cfg.grow_caps = CAPHEAP_CAP_8BIT;
        cfg.grow_min = 512 + (size_t)fin_u16(&in) % 8192;
        cfg.grow_max = (mode & 8) ? 32768 : 0;
        cfg.reserve = (mode & 16) ? 16384 : 0;
        e = capheap_gc_create(&cfg, (mode & 32) ? NULL : area0, (mode & 32) ? s0 / 4 + 512 : s0,
                              &m.gc);
    } else {
        e = capheap_gc_create(&cfg, area0, s0, &m.gc);
    }
    ENSURE(e == CAPHEAP_OK);
    if ((mode & 0x40) && !(mode & 32))
        ENSURE(capheap_gc_add_area(m.gc, area1, 512 + (size_t)fin_u16(&in) % (sizeof area1 - 512)) ==
               CAPHEAP_OK);
    ENSURE(capheap_gc_add_root_range(m.gc, m.roots, m.roots + NROOTS) == CAPHEAP_OK);
    if (mode & 0x80)
        capheap_gc_set_threshold(m.gc, (size_t)fin_u16(&in) * 4);
    check_state();
    unsigned steps = 0;
    while (fin_more(&in) && steps++ < 1500) {
        uint8_t op = fin_u8(&in) % 12;
        TRACE("op %u (%zu objects, roots %p %p %p %p %p %p %p %p)\n", op, m.nobj, m.roots[0],
              m.roots[1], m.roots[2], m.roots[3], m.roots[4], m.roots[5], m.roots[6], m.roots[7]);
        switch (op) {
        case 0: case 1: case 2: op_alloc(&in); break;
        case 3: case 4: case 5: op_store(&in); break;
        case 6: op_free(&in); break;
        case 7: op_realloc(&in); break;
        case 8: op_collect(&in); break;
        case 9: op_lock(&in); break;
        case 10: op_bad(&in); break;
        default: op_largest(); break;
        }
        check_state();
    }
    while (capheap_gc_is_locked(m.gc))
        capheap_gc_unlock(m.gc);
    capheap_gc_collect(m.gc);
    m.collections++;
    model_collect(NULL, 0, NULL);
    check_state();
    capheap_gc_destroy(m.gc);
    if (m.caps) {
        /* every grown area went back */
        capheap_heap_info_t hi;
        capheap_caps_get_info(m.caps, &hi, 0);
        ENSURE(hi.allocated_blocks == 0);
        capheap_caps_destroy(m.caps);
    }
    return 0;
}
