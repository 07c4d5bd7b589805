/*
 * Heap traces -> list of ops (docs/simulator.md, "Replaying traces"):
 *   - capheap's own trace format (docs/trace-format.md): explicit
 *     allocations, frees, reallocs and phases, in order;
 *   - ESP-IDF's heap_trace_dump() text: allocation records in order, with a
 *     "freed by" line for blocks freed while tracing (mode ALL) and no free
 *     times. A block was freed before the first later allocation that
 *     overlaps its address range; a block marked freed that nothing later
 *     overlaps is freed at the end of the trace.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"

typedef struct {
    uint64_t start, end;
    uint32_t slot;
    bool freed; /* ESP-IDF: the dump says "freed by" */
} live_t;

typedef struct {
    live_t *v;
    size_t n, cap;
} live_set_t;

/* Index of the first entry with start >= a. */
static size_t live_lower(const live_set_t *s, uint64_t a)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->v[mid].start < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool live_insert(live_set_t *s, const live_t *e)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        live_t *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return false;
        s->v = v;
        s->cap = cap;
    }
    size_t at = live_lower(s, e->start);
    memmove(&s->v[at + 1], &s->v[at], (s->n - at) * sizeof *s->v);
    s->v[at] = *e;
    s->n++;
    return true;
}

static void live_remove(live_set_t *s, size_t at)
{
    memmove(&s->v[at], &s->v[at + 1], (s->n - at - 1) * sizeof *s->v);
    s->n--;
}

static void terr(const char *file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void terr(const char *file, uint32_t line, const char *fmt, ...)
{
    va_list ap;
    fprintf(tool_err(), "%s:%u: ", file, (unsigned)line);
    va_start(ap, fmt);
    vfprintf(tool_err(), fmt, ap);
    va_end(ap);
    fputc('\n', tool_err());
}

/* Unique slot name for the n-th block traced at an address. */
static uint32_t new_slot(workload_t *w, uint64_t addr)
{
    char name[48];
    int len = snprintf(name, sizeof name, "0x%llx#%zu", (unsigned long long)addr, w->slots);
    return wl_slot(w, name, (size_t)len);
}

static bool hexnum(const char **p, uint64_t *v)
{
    const char *s = *p;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    char *end;
    unsigned long long x = strtoull(s, &end, 16);
    if (end == s)
        return false;
    *v = x;
    *p = end;
    return true;
}

static bool decnum(const char **p, uint64_t *v)
{
    const char *s = *p;
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    char *end;
    *v = strtoull(s, &end, 10);
    *p = end;
    return true;
}

/* Frees (before the allocation at [a, e)) every live block it overlaps. */
static bool free_overlaps(workload_t *w, live_set_t *s, uint64_t a, uint64_t e, uint32_t line)
{
    size_t at = live_lower(s, a);
    if (at > 0 && s->v[at - 1].end > a)
        at--;
    while (at < s->n && s->v[at].start < e) {
        op_t op = { 0 };
        op.kind = OP_FREE;
        op.line = line;
        op.id = s->v[at].slot;
        if (!wl_push(w, &op))
            return false;
        w->inferred_frees++;
        live_remove(s, at);
    }
    return true;
}

/* Caps of a dumped block: where it lies on the chip named by the trace (or
 * the target chip). */
static uint32_t caps_from_address(const capheap_chip_t *chip, uint64_t addr, uint8_t *flags)
{
    uint32_t c = chip ? capheap_chip_caps_at(chip, (uintptr_t)addr) : 0;
    *flags = 0;
    if (c & CAPHEAP_CAP_SPIRAM) {
        *flags = OP_HAS_CAPS;
        return CAPHEAP_CAP_SPIRAM | CAPHEAP_CAP_8BIT;
    }
    if (chip && capheap_chip_region_at_alias(chip, (uintptr_t)addr) >= 0) {
        *flags = OP_HAS_CAPS;
        return CAPHEAP_CAP_EXEC;
    }
    if ((c & CAPHEAP_CAP_EXEC) && !(c & CAPHEAP_CAP_8BIT)) {
        *flags = OP_HAS_CAPS;
        return CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT;
    }
    return 0; /* plain malloc */
}

const capheap_chip_t *tool_trace_chip; /* set by main: classifies addresses */

static bool esp_idf_load(workload_t *w, const char *path, char *text)
{
    live_set_t s = { 0 };
    uint32_t line = 0;
    bool ok = true;
    size_t last_record_slot = SIZE_MAX;
    for (char *p = text; *p && ok;) {
        line++;
        char *end = strchr(p, '\n');
        char *next = end ? end + 1 : p + strlen(p);
        if (end)
            *end = '\0';
        char *rec = strstr(p, " bytes (@ ");
        char *freed = strstr(p, "freed by");
        if (rec) {
            /* "<size> bytes (@ <addr>[, <where>]) allocated CPU <n> ccount <hex> caller ..." */
            const char *q = rec;
            while (q > p && isdigit((unsigned char)q[-1]))
                q--;
            uint64_t size, addr;
            const char *a = rec + 10;
            if (q == rec || !decnum(&q, &size) || !hexnum(&a, &addr) || !strstr(a, "allocated")) {
                terr(path, line,
                     "expected an ESP-IDF heap trace record: SIZE bytes (@ 0xADDR) allocated "
                     "CPU N ccount 0xHEX caller ...");
                ok = false;
                break;
            }
            if (!free_overlaps(w, &s, addr, addr + (size ? size : 1), line)) {
                ok = false;
                break;
            }
            op_t op = { 0 };
            op.kind = OP_ALLOC;
            op.line = line;
            op.size = size;
            op.caps = caps_from_address(tool_trace_chip, addr, &op.flags);
            op.id = new_slot(w, addr);
            live_t e = { addr, addr + (size ? size : 1), op.id, false };
            if (op.id == UINT32_MAX || !wl_push(w, &op) || !live_insert(&s, &e)) {
                ok = false;
                break;
            }
            last_record_slot = op.id;
            w->counted_records++;
        } else if (freed && last_record_slot != SIZE_MAX) {
            for (size_t i = 0; i < s.n; i++)
                if (s.v[i].slot == last_record_slot)
                    s.v[i].freed = true;
        }
        p = next;
    }
    /* blocks the dump says were freed, with no later allocation over them:
     * freed at the end (their real time is unknown) */
    for (size_t i = 0; ok && i < s.n; i++) {
        if (!s.v[i].freed) {
            w->never_freed++;
            continue;
        }
        op_t op = { 0 };
        op.kind = OP_FREE;
        op.line = line;
        op.id = s.v[i].slot;
        ok = wl_push(w, &op);
        w->freed_at_end++;
    }
    free(s.v);
    if (ok && w->counted_records == 0) {
        terr(path, line, "no heap trace records found (expected ESP-IDF's heap_trace_dump() "
                         "output or a capheap-trace file)");
        return false;
    }
    return ok;
}

static bool capheap_trace_load(workload_t *w, const char *path, char *text)
{
    live_set_t s = { 0 };
    uint32_t line = 0;
    bool ok = true;
    for (char *p = text; *p && ok;) {
        line++;
        char *end = strchr(p, '\n');
        char *next = end ? end + 1 : p + strlen(p);
        if (end)
            *end = '\0';
        char *q = p;
        p = next;
        while (*q == ' ' || *q == '\t')
            q++;
        size_t l = strlen(q);
        while (l && (q[l - 1] == '\r' || q[l - 1] == ' '))
            q[--l] = '\0';
        if (*q == '\0' || *q == '#' || strncmp(q, "capheap-trace ", 14) == 0)
            continue;
        if (strncmp(q, "chip ", 5) == 0) {
            w->chip = q + 5;
            continue;
        }
        char kind = q[0];
        const char *c = q + 1;
        uint64_t t, addr, addr2 = 0, size = 0, caps = 0, owner;
        bool good = q[1] == ' ';
        if (good && kind == 'p') {
            while (*c == ' ')
                c++;
            op_t op = { 0 };
            op.kind = OP_PHASE;
            op.line = line;
            op.n = wl_phase(w, c, strlen(c));
            ok = *c && op.n != UINT32_MAX && wl_push(w, &op);
            if (!*c) {
                terr(path, line, "expected: p NAME");
            }
            continue;
        }
        good = good && decnum(&c, &t) && *c == ' ';
        while (good && *c == ' ')
            c++;
        good = good && hexnum(&c, &addr);
        if (good && kind == 'r') {
            while (*c == ' ')
                c++;
            good = hexnum(&c, &addr2);
        }
        if (good && (kind == 'a' || kind == 'r')) {
            while (*c == ' ')
                c++;
            good = decnum(&c, &size);
            while (good && *c == ' ')
                c++;
            good = good && hexnum(&c, &caps) && caps <= UINT32_MAX && decnum(&c, &owner);
        } else if (good && kind != 'f') {
            good = false;
        }
        if (!good) {
            terr(path, line,
                 "expected a capheap trace record: a TIME 0xADDR SIZE 0xCAPS OWNER [callers], "
                 "f TIME 0xADDR, r TIME 0xOLD 0xNEW SIZE 0xCAPS OWNER [callers] or p NAME");
            ok = false;
            break;
        }
        w->counted_records++;
        op_t op = { 0 };
        op.line = line;
        if (kind == 'f' || kind == 'r') {
            size_t at = live_lower(&s, addr);
            if (at >= s.n || s.v[at].start != addr) {
                w->dropped++; /* allocated before tracing started */
                if (kind == 'f')
                    continue;
                kind = 'a'; /* a realloc of an untraced block: its new block */
                addr = addr2;
            } else {
                op.id = s.v[at].slot;
                live_remove(&s, at);
                if (kind == 'f') {
                    op.kind = OP_FREE;
                    ok = wl_push(w, &op);
                    continue;
                }
                op.kind = OP_REALLOC;
                op.owner = (uint32_t)owner;
                op.size = size;
                op.caps = (uint32_t)caps;
                op.flags = caps ? OP_HAS_CAPS : 0;
                live_t e = { addr2, addr2 + (size ? size : 1), op.id, false };
                ok = wl_push(w, &op) && (size == 0 || live_insert(&s, &e));
                continue;
            }
        }
        /* an allocation: anything still live over it was freed unseen */
        if (!free_overlaps(w, &s, addr, addr + (size ? size : 1), line)) {
            ok = false;
            break;
        }
        op.kind = OP_ALLOC;
        op.owner = (uint32_t)owner;
        op.size = size;
        op.caps = (uint32_t)caps;
        op.flags = caps ? OP_HAS_CAPS : 0;
        op.id = new_slot(w, addr);
        live_t e = { addr, addr + (size ? size : 1), op.id, false };
        ok = op.id != UINT32_MAX && wl_push(w, &op) && live_insert(&s, &e);
    }
    free(s.v);
    return ok;
}

/* A trace was recorded on a running device: the start-up stacks are heap
 * and external RAM was added. Replays start there. */
static bool device_started(workload_t *w)
{
    const capheap_chip_t *chip = tool_trace_chip;
    op_t op = { 0 };
    op.kind = OP_DEFERRED;
    if (!wl_push(w, &op))
        return false;
    for (size_t t = 0; chip && t < chip->type_count; t++) {
        bool runtime = (chip->types[t].flags & CAPHEAP_MT_RUNTIME) != 0;
        for (size_t i = 0; i < chip->region_count; i++)
            if (chip->regions[i].type == t && (chip->regions[i].flags & CAPHEAP_MT_RUNTIME))
                runtime = true;
        if (!runtime)
            continue;
        op.kind = OP_REGION;
        op.size = 0;
        op.id = wl_slot(w, chip->types[t].name, strlen(chip->types[t].name));
        if (op.id == UINT32_MAX || !wl_push(w, &op))
            return false;
    }
    return true;
}

bool trace_load(workload_t *w, const char *path, char *text)
{
    w->file = path;
    if (!device_started(w))
        return false;
    const char *p = text;
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        p++;
    if (strncmp(p, "capheap-trace ", 14) == 0) {
        if (strncmp(p + 14, "1", 1) != 0 || (p[15] != '\n' && p[15] != '\r' && p[15] != '\0')) {
            terr(path, 1, "unsupported capheap trace version (this tool reads 'capheap-trace 1')");
            return false;
        }
        return capheap_trace_load(w, path, text);
    }
    return esp_idf_load(w, path, text);
}
