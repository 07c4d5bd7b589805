/*
 * Workload files (docs/simulator.md, "Workload format") -> list of ops.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"

/* ------------------------------------------------------------ helpers */

FILE *tool_messages;

FILE *tool_err(void)
{
    return tool_messages ? tool_messages : stderr;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf)
            break;
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf || err) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

bool wl_push(workload_t *w, const op_t *op)
{
    if (w->count == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 1024;
        op_t *n = realloc(w->ops, cap * sizeof *n);
        if (!n)
            return false;
        w->ops = n;
        w->cap = cap;
    }
    w->ops[w->count++] = *op;
    return true;
}

/* Slot names: open-addressing hash table of indices into w->names. */
static uint32_t *table;
static size_t table_size;

static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static bool table_grow(workload_t *w)
{
    size_t size = table_size ? table_size * 2 : 4096;
    uint32_t *t = calloc(size, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < w->slots; i++) {
        size_t at = (size_t)hash(w->names[i], strlen(w->names[i])) & (size - 1);
        while (t[at])
            at = (at + 1) & (size - 1);
        t[at] = (uint32_t)i + 1;
    }
    free(table);
    table = t;
    table_size = size;
    return true;
}

uint32_t wl_slot(workload_t *w, const char *name, size_t len)
{
    if ((w->slots + 1) * 2 > table_size && !table_grow(w))
        return UINT32_MAX;
    size_t at = (size_t)hash(name, len) & (table_size - 1);
    while (table[at]) {
        const char *s = w->names[table[at] - 1];
        if (strncmp(s, name, len) == 0 && s[len] == '\0')
            return table[at] - 1;
        at = (at + 1) & (table_size - 1);
    }
    if ((w->slots & (w->slots - 1)) == 0 || w->slots == 0) {
        size_t cap = w->slots ? w->slots * 2 : 64;
        char **n = realloc(w->names, cap * sizeof *n);
        if (!n)
            return UINT32_MAX;
        w->names = n;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return UINT32_MAX;
    memcpy(copy, name, len);
    copy[len] = '\0';
    w->names[w->slots] = copy;
    table[at] = (uint32_t)w->slots + 1;
    return (uint32_t)w->slots++;
}

uint32_t wl_phase(workload_t *w, const char *name, size_t len)
{
    char **n = realloc(w->phases, (w->phase_count + 1) * sizeof *n);
    if (!n)
        return UINT32_MAX;
    w->phases = n;
    char *copy = malloc(len + 1);
    if (!copy)
        return UINT32_MAX;
    memcpy(copy, name, len);
    copy[len] = '\0';
    w->phases[w->phase_count] = copy;
    return (uint32_t)w->phase_count++;
}

void workload_free(workload_t *w)
{
    for (size_t i = 0; i < w->slots; i++)
        free(w->names[i]);
    for (size_t i = 0; i < w->phase_count; i++)
        free(w->phases[i]);
    free(w->names);
    free(w->phases);
    free(w->ops);
    free(table);
    table = NULL;
    table_size = 0;
    memset(w, 0, sizeof *w);
}

/* ------------------------------------------------------------ caps names */

static const struct {
    const char *name;
    uint32_t bit;
} cap_names[] = {
    { "EXEC", CAPHEAP_CAP_EXEC },         { "32BIT", CAPHEAP_CAP_32BIT },
    { "8BIT", CAPHEAP_CAP_8BIT },         { "DMA", CAPHEAP_CAP_DMA },
    { "PID2", CAPHEAP_CAP_PID2 },         { "PID3", CAPHEAP_CAP_PID3 },
    { "PID4", CAPHEAP_CAP_PID4 },         { "PID5", CAPHEAP_CAP_PID5 },
    { "PID6", CAPHEAP_CAP_PID6 },         { "PID7", CAPHEAP_CAP_PID7 },
    { "SPIRAM", CAPHEAP_CAP_SPIRAM },     { "INTERNAL", CAPHEAP_CAP_INTERNAL },
    { "DEFAULT", CAPHEAP_CAP_DEFAULT },   { "IRAM_8BIT", CAPHEAP_CAP_IRAM_8BIT },
    { "RETENTION", CAPHEAP_CAP_RETENTION }, { "RTCRAM", CAPHEAP_CAP_RTCRAM },
    { "TCM", CAPHEAP_CAP_TCM },           { "DMA_DESC_AHB", CAPHEAP_CAP_DMA_DESC_AHB },
    { "DMA_DESC_AXI", CAPHEAP_CAP_DMA_DESC_AXI },
    { "CACHE_ALIGNED", CAPHEAP_CAP_CACHE_ALIGNED }, { "SIMD", CAPHEAP_CAP_SIMD },
    { "INVALID", CAPHEAP_CAP_INVALID },
};

static bool parse_u64(const char *s, size_t len, uint64_t *out);

static int ncase(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int d = toupper((unsigned char)a[i]) - toupper((unsigned char)b[i]);
        if (d)
            return d;
    }
    return 0;
}

bool caps_parse(const char *s, size_t len, uint32_t *out)
{
    uint32_t caps = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != '|')
            j++;
        const char *t = s + i;
        size_t tl = j - i;
        if (tl > 11 && ncase(t, "MALLOC_CAP_", 11) == 0) {
            t += 11;
            tl -= 11;
        }
        bool found = false;
        for (size_t k = 0; k < sizeof cap_names / sizeof cap_names[0]; k++) {
            if (strlen(cap_names[k].name) == tl && ncase(cap_names[k].name, t, tl) == 0) {
                caps |= cap_names[k].bit;
                found = true;
                break;
            }
        }
        uint64_t v;
        if (!found && tl > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') &&
            parse_u64(t, tl, &v) && v <= UINT32_MAX) {
            caps |= (uint32_t)v;
            found = true;
        }
        if (!found || tl == 0)
            return false;
        i = j + 1;
    }
    *out = caps;
    return len > 0;
}

void caps_name(uint32_t caps, char *buf, size_t n)
{
    size_t at = 0;
    buf[0] = '\0';
    if (caps == 0) {
        snprintf(buf, n, "malloc");
        return;
    }
    for (size_t k = 0; k < sizeof cap_names / sizeof cap_names[0]; k++) {
        if (caps & cap_names[k].bit) {
            int w = snprintf(buf + at, at < n ? n - at : 0, "%s%s", at ? "|" : "",
                             cap_names[k].name);
            if (w > 0)
                at += (size_t)w;
        }
    }
    if (at >= n && n > 4)
        snprintf(buf, n, "0x%08x", (unsigned)caps);
}

/* ------------------------------------------------------------ numbers */

static bool parse_u64(const char *s, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = 0;
    unsigned base = 10;
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        i = 2;
    }
    if (i == len)
        return false;
    for (; i < len; i++) {
        unsigned d;
        char c = s[i];
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            break;
        if (v > (UINT64_MAX - d) / base)
            return false;
        v = v * base + d;
    }
    if (i < len && base == 10 && i + 1 == len) {
        unsigned shift = s[i] == 'K' || s[i] == 'k' ? 10 : s[i] == 'M' || s[i] == 'm' ? 20 : 0;
        if (!shift || v > (UINT64_MAX >> shift))
            return false;
        v <<= shift;
        i++;
    }
    if (i != len)
        return false;
    *out = v;
    return true;
}

/* A size: decimal, 0x hex, or decimal with a K or M suffix (KiB, MiB). */
bool tool_parse_size(const char *s, uint64_t *out)
{
    return parse_u64(s, strlen(s), out);
}

/* ------------------------------------------------------------ parser */

typedef struct {
    const char *s;
    size_t len;
} tok_t;

#define MAX_TOKS 8

static void perr(const char *file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void perr(const char *file, uint32_t line, const char *fmt, ...)
{
    va_list ap;
    fprintf(tool_err(), "%s:%u: ", file, (unsigned)line);
    va_start(ap, fmt);
    vfprintf(tool_err(), fmt, ap);
    va_end(ap);
    fputc('\n', tool_err());
}

static bool tok_is(const tok_t *t, const char *word)
{
    return strlen(word) == t->len && strncmp(t->s, word, t->len) == 0;
}

static bool num(const tok_t *t, uint64_t *v)
{
    return parse_u64(t->s, t->len, v);
}

static bool id_ok(const tok_t *t)
{
    for (size_t i = 0; i < t->len; i++) {
        unsigned char c = (unsigned char)t->s[i];
        if (!isalnum(c) && c != '_' && c != '.' && c != '-' && c != ':' && c != '/' && c != '[' &&
            c != ']')
            return false;
    }
    return t->len > 0;
}

/* The fixed fields of alloc/calloc/realloc: an ID and `what`. */
static bool fields(const char *file, uint32_t line, const tok_t *tk, size_t nt, size_t need,
                   const char *usage, const char *what)
{
    if (nt < 2 || !id_ok(&tk[1])) {
        perr(file, line, "expected an ID (letters, digits, _ . - : / [ ]) after '%.*s' (%s)",
             (int)tk[0].len, tk[0].s, usage);
        return false;
    }
    if (nt < need) {
        perr(file, line, "expected %s after the ID (%s)", what, usage);
        return false;
    }
    return true;
}

static bool num_field(const char *file, uint32_t line, const tok_t *t, const char *what,
                      const char *usage, uint64_t *v)
{
    if (num(t, v))
        return true;
    perr(file, line, "%s must be a number (decimal, 0x hex, or with a K or M suffix), got '%.*s' (%s)",
         what, (int)t->len, t->s, usage);
    return false;
}

/* Optional caps and options after the fixed fields: [CAPS] [align N]. */
static bool tail(const char *file, uint32_t line, const tok_t *tk, size_t nt, size_t from,
                 op_t *op, bool allow_align, const char *usage)
{
    for (size_t i = from; i < nt; i++) {
        if (tok_is(&tk[i], "align") && allow_align) {
            uint64_t a;
            if (i + 1 >= nt || !num(&tk[i + 1], &a) || a == 0 || (a & (a - 1)) || a > (1u << 30)) {
                perr(file, line, "expected a power of two after 'align' (%s)", usage);
                return false;
            }
            op->n = a;
            i++;
        } else if (!(op->flags & OP_HAS_CAPS) && !tok_is(&tk[i], "-") && !tok_is(&tk[i], "malloc")) {
            if (!caps_parse(tk[i].s, tk[i].len, &op->caps)) {
                perr(file, line,
                     "expected capabilities such as DMA|INTERNAL or 0x808, got '%.*s' (%s)",
                     (int)tk[i].len, tk[i].s, usage);
                return false;
            }
            op->flags |= OP_HAS_CAPS;
        } else if (tok_is(&tk[i], "-") || tok_is(&tk[i], "malloc")) {
            /* plain malloc policy, explicitly */
        } else {
            perr(file, line, "unexpected '%.*s' (%s)", (int)tk[i].len, tk[i].s, usage);
            return false;
        }
    }
    return true;
}

bool workload_load(workload_t *w, const char *path, char *text)
{
    w->file = path;
    uint32_t line = 0;
    char *p = text;
    while (*p) {
        line++;
        char *end = strchr(p, '\n');
        char *next = end ? end + 1 : p + strlen(p);
        if (!end)
            end = next;
        tok_t tk[MAX_TOKS + 1];
        size_t nt = 0;
        char *q = p;
        while (q < end && nt <= MAX_TOKS) {
            while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
                q++;
            if (q >= end || *q == '#')
                break;
            tk[nt].s = q;
            while (q < end && *q != ' ' && *q != '\t' && *q != '\r')
                q++;
            tk[nt].len = (size_t)(q - tk[nt].s);
            nt++;
        }
        p = next;
        if (nt == 0)
            continue;
        if (nt > MAX_TOKS) {
            perr(path, line, "too many fields");
            return false;
        }
        op_t op = { 0 };
        op.line = line;
        const tok_t *k = &tk[0];
        if (tok_is(k, "alloc") || tok_is(k, "malloc")) {
            const char *u = "alloc ID SIZE [CAPS] [align N]";
            if (!fields(path, line, tk, nt, 3, u, "SIZE") || !num_field(path, line, &tk[2], "SIZE", u, &op.size))
                return false;
            op.kind = OP_ALLOC;
            if (!tail(path, line, tk, nt, 3, &op, true, u))
                return false;
        } else if (tok_is(k, "calloc")) {
            const char *u = "calloc ID COUNT SIZE [CAPS]";
            if (!fields(path, line, tk, nt, 4, u, "COUNT SIZE") ||
                !num_field(path, line, &tk[2], "COUNT", u, &op.n) ||
                !num_field(path, line, &tk[3], "SIZE", u, &op.size))
                return false;
            op.kind = OP_CALLOC;
            if (!tail(path, line, tk, nt, 4, &op, false, u))
                return false;
        } else if (tok_is(k, "realloc")) {
            const char *u = "realloc ID SIZE [CAPS]";
            if (!fields(path, line, tk, nt, 3, u, "SIZE") || !num_field(path, line, &tk[2], "SIZE", u, &op.size))
                return false;
            op.kind = OP_REALLOC;
            if (!tail(path, line, tk, nt, 3, &op, false, u))
                return false;
        } else if (tok_is(k, "free")) {
            if (nt != 2 || !id_ok(&tk[1])) {
                perr(path, line, "expected: free ID");
                return false;
            }
            op.kind = OP_FREE;
        } else if (tok_is(k, "region")) {
            uint64_t a, b;
            op.kind = OP_REGION;
            if (nt == 3 && num(&tk[1], &a) && num(&tk[2], &b) && b > a) {
                op.n = a;
                op.size = b - a;
            } else if (nt == 2 && id_ok(&tk[1])) {
                op.id = wl_slot(w, tk[1].s, tk[1].len); /* memory type name */
                op.size = 0;
            } else {
                perr(path, line,
                     "expected: region START END (chip addresses, END > START) or region TYPE");
                return false;
            }
            if (!wl_push(w, &op))
                return false;
            continue;
        } else if (tok_is(k, "deferred")) {
            if (nt != 1) {
                perr(path, line, "expected: deferred (no arguments)");
                return false;
            }
            op.kind = OP_DEFERRED;
        } else if (tok_is(k, "extmem")) {
            if (nt != 2 || !num(&tk[1], &op.size)) {
                perr(path, line, "expected: extmem LIMIT (bytes)");
                return false;
            }
            op.kind = OP_EXTMEM;
        } else if (tok_is(k, "check")) {
            if (nt != 1) {
                perr(path, line, "expected: check (no arguments)");
                return false;
            }
            op.kind = OP_CHECK;
        } else if (tok_is(k, "phase")) {
            if (nt != 2 || !id_ok(&tk[1])) {
                perr(path, line, "expected: phase NAME (one word)");
                return false;
            }
            op.kind = OP_PHASE;
            op.n = wl_phase(w, tk[1].s, tk[1].len);
        } else if (tok_is(k, "gc")) {
            const char *u = "gc create CAPS SIZE [max BYTES] | gc alloc ID SIZE | gc drop ID | "
                            "gc collect";
            if (nt >= 2 && tok_is(&tk[1], "create")) {
                op.kind = OP_GC_CREATE;
                if (nt < 4 || !caps_parse(tk[2].s, tk[2].len, &op.caps) ||
                    !num_field(path, line, &tk[3], "SIZE", u, &op.size)) {
                    perr(path, line, "expected: gc create CAPS SIZE [max BYTES]");
                    return false;
                }
                op.flags = OP_HAS_CAPS;
                op.id = wl_slot(w, "gc", 2);
                if (nt == 6 && tok_is(&tk[4], "max")) {
                    if (!num_field(path, line, &tk[5], "max", u, &op.n))
                        return false;
                } else if (nt != 4) {
                    perr(path, line, "expected: gc create CAPS SIZE [max BYTES]");
                    return false;
                }
            } else if (nt >= 2 && tok_is(&tk[1], "alloc")) {
                op.kind = OP_GC_ALLOC;
                if (nt != 4 || !id_ok(&tk[2]) || !num_field(path, line, &tk[3], "SIZE", u, &op.size)) {
                    if (nt != 4 || !id_ok(&tk[2]))
                        perr(path, line, "expected: gc alloc ID SIZE");
                    return false;
                }
                op.id = wl_slot(w, tk[2].s, tk[2].len);
            } else if (nt >= 2 && tok_is(&tk[1], "drop")) {
                op.kind = OP_GC_DROP;
                if (nt != 3 || !id_ok(&tk[2])) {
                    perr(path, line, "expected: gc drop ID");
                    return false;
                }
                op.id = wl_slot(w, tk[2].s, tk[2].len);
            } else if (nt == 2 && tok_is(&tk[1], "collect")) {
                op.kind = OP_GC_COLLECT;
            } else {
                perr(path, line, "expected: %s", u);
                return false;
            }
            if (op.id == UINT32_MAX || !wl_push(w, &op))
                return false;
            continue;
        } else if (tok_is(k, "chip")) {
            if (nt != 2) {
                perr(path, line, "expected: chip NAME");
                return false;
            }
            ((char *)tk[1].s)[tk[1].len] = '\0';
            w->chip = tk[1].s;
            continue;
        } else {
            perr(path, line,
                 "unknown operation '%.*s' (expected alloc, calloc, realloc, free, region, "
                 "deferred, extmem, check, phase, gc or chip)",
                 (int)k->len, k->s);
            return false;
        }
        if (op.kind <= OP_FREE) {
            op.id = wl_slot(w, tk[1].s, tk[1].len);
            if (op.id == UINT32_MAX)
                return false;
        }
        if (op.kind == OP_PHASE && op.n == UINT32_MAX)
            return false;
        if (!wl_push(w, &op)) {
            perr(path, line, "out of memory");
            return false;
        }
    }
    return true;
}
