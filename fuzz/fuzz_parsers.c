/*
 * libFuzzer harness (4): the input files of the simulator (tools/,
 * docs/simulator.md): workload files (tools/src/load.c), heap traces in
 * capheap's format and ESP-IDF's heap_trace_dump() text (tools/src/trace.c,
 * docs/trace-format.md) and the firmware ELF of --elf (tools/src/elf.c),
 * linked from the tool's own sources.
 *
 * Byte 0 of the input chooses what the rest is:
 *   bits 0-1  0 or 3: a workload, 1: a trace, 2: an ELF file
 *   bit  2    replay a loaded workload or trace on the chip (as `capheap
 *             run` / `capheap replay` do) and write both reports
 *   bits 3-7  the chip (index into capheap_chip_list, modulo its length)
 * The rest is the file's content (a text file stops at its first NUL, as
 * the tool reads it).
 *
 * What is checked, beyond the sanitizers:
 *   - a load that fails printed "FILE:LINE: what was expected" (the ELF
 *     reader "capheap: ..."): an input error is never silent;
 *   - a load that succeeds gives ops the replay can trust: known kinds,
 *     every id names a slot, every phase index a phase, alignments are
 *     powers of two, table regions are not empty, slot names are unique,
 *     source lines increase and exist in the file;
 *   - a trace yields a consistent history: the first op enables the
 *     deferred heaps, every block is allocated once under a fresh slot and
 *     only a live block is freed or reallocated; for an ESP-IDF dump every
 *     record is freed (inferred or at the end) or counted as never freed;
 *   - an ELF that is accepted leaves a chip table that validates, with
 *     every resized application range non-empty and inside the chip's RAM;
 *   - a replay runs every op and leaves every heap intact.
 */
#include "tool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...)                                                              \
    do {                                                                       \
        fprintf(stderr, "fuzz_parsers: " __VA_ARGS__);                         \
        fputc('\n', stderr);                                                   \
        abort();                                                               \
    } while (0)
#define ASSERT(c)                                                              \
    do {                                                                       \
        if (!(c))                                                              \
            FAIL("%s:%d: %s", __FILE__, __LINE__, #c);                         \
    } while (0)

#define PATH "input"
#define MAX_REPLAY_OPS 4096

extern const capheap_chip_t *tool_trace_chip; /* trace.c */

/* Messages of the tool go to a memory stream, looked at after each load. */
static char *msg;
static size_t msg_len;

static void messages_begin(void)
{
    msg = NULL;
    msg_len = 0;
    tool_messages = open_memstream(&msg, &msg_len);
    ASSERT(tool_messages != NULL);
}

static void messages_end(void)
{
    fclose(tool_messages);
    tool_messages = NULL;
    free(msg);
    msg = NULL;
}

static bool said(const char *prefix)
{
    fflush(tool_messages);
    return msg_len > strlen(prefix) && strncmp(msg, prefix, strlen(prefix)) == 0;
}

static bool uses_slot(const op_t *op)
{
    switch ((op_kind_t)op->kind) {
    case OP_ALLOC: case OP_CALLOC: case OP_REALLOC: case OP_FREE:
    case OP_GC_CREATE: case OP_GC_ALLOC: case OP_GC_DROP:
        return true;
    case OP_REGION:
        return op->size == 0; /* region TYPE: the type's name is a slot */
    default:
        return false;
    }
}

static void check_ops(const workload_t *w, uint32_t lines)
{
    uint32_t last = 0;
    for (size_t i = 0; i < w->count; i++) {
        const op_t *op = &w->ops[i];
        ASSERT(op->kind <= OP_LAST);
        if (uses_slot(op))
            ASSERT(op->id < w->slots);
        if (op->kind == OP_PHASE)
            ASSERT(op->n < w->phase_count);
        if (op->kind == OP_ALLOC && op->n)
            ASSERT((op->n & (op->n - 1)) == 0);
        if (op->kind == OP_REGION && op->size)
            ASSERT(op->n + op->size > op->n);
        ASSERT(op->line >= last && op->line <= lines);
        last = op->line;
    }
    if (w->slots <= 512)
        for (size_t i = 0; i < w->slots; i++)
            for (size_t j = i + 1; j < w->slots; j++)
                ASSERT(strcmp(w->names[i], w->names[j]) != 0);
}

/* A trace's history: each block under a fresh slot, only live ones freed
 * or reallocated. */
static void check_history(const workload_t *w, bool espidf)
{
    ASSERT(w->count > 0 && w->ops[0].kind == OP_DEFERRED);
    unsigned char *state = calloc(w->slots ? w->slots : 1, 1); /* 0 new, 1 live, 2 gone */
    ASSERT(state != NULL);
    size_t allocs = 0, frees = 0;
    for (size_t i = 1; i < w->count; i++) {
        const op_t *op = &w->ops[i];
        switch ((op_kind_t)op->kind) {
        case OP_ALLOC:
            ASSERT(state[op->id] == 0);
            state[op->id] = 1;
            allocs++;
            break;
        case OP_FREE:
            ASSERT(state[op->id] == 1);
            state[op->id] = 2;
            frees++;
            break;
        case OP_REALLOC:
            ASSERT(!espidf && state[op->id] == 1);
            if (op->size == 0)
                state[op->id] = 2;
            break;
        case OP_PHASE:
        case OP_REGION:
            ASSERT(!espidf || op->kind == OP_REGION);
            break;
        default:
            FAIL("op %zu: kind %u in a trace", i, op->kind);
        }
        if (espidf && op->kind == OP_ALLOC && (op->flags & OP_HAS_CAPS))
            ASSERT(op->caps == (CAPHEAP_CAP_SPIRAM | CAPHEAP_CAP_8BIT) ||
                   op->caps == CAPHEAP_CAP_EXEC ||
                   op->caps == (CAPHEAP_CAP_EXEC | CAPHEAP_CAP_32BIT));
    }
    if (espidf) {
        ASSERT(allocs == w->counted_records);
        ASSERT(frees == w->inferred_frees + w->freed_at_end);
        ASSERT(allocs == frees + w->never_freed);
    }
    free(state);
}

static void replay(const capheap_chip_t *chip, const workload_t *w)
{
    run_t r;
    memset(&r, 0, sizeof r);
    r.poison = "none";
    if (!run_setup(&r, chip))
        FAIL("the simulation of %s could not be set up", chip->name);
    ASSERT(run_exec(&r, w));
    ASSERT(r.ops_done == w->count);
    ASSERT(capheap_caps_check_integrity_all(r.caps, NULL, NULL));
    ASSERT(r.checks_failed == 0);
    report_json(tool_messages, &r, w);
    report_text(tool_messages, &r, w);
    run_teardown(&r);
}

static void load_text(const capheap_chip_t *chip, bool trace, bool run, const uint8_t *data,
                      size_t size)
{
    char *text = malloc(size + 1);
    ASSERT(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    uint32_t lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    bool espidf = false;
    if (trace) {
        const char *p = text + strspn(text, " \n\r\t");
        espidf = strncmp(p, "capheap-trace ", 14) != 0;
    }
    workload_t w;
    memset(&w, 0, sizeof w);
    tool_trace_chip = chip;
    messages_begin();
    bool ok = trace ? trace_load(&w, PATH, text) : workload_load(&w, PATH, text);
    if (!ok) {
        if (!said(PATH ":"))
            FAIL("the load failed without a message");
    } else {
        check_ops(&w, lines);
        if (trace)
            check_history(&w, espidf);
        if (run && w.count <= MAX_REPLAY_OPS)
            replay(chip, &w);
    }
    messages_end();
    workload_free(&w);
    free(text);
}

static void load_elf(const capheap_chip_t *chip, const uint8_t *data, size_t size)
{
    custom_chip_t c;
    ASSERT(tool_custom_init(&c, chip));
    unsigned char *b = malloc(size ? size : 1); /* exactly the file: reads past it are caught */
    ASSERT(b != NULL);
    memcpy(b, data, size);
    messages_begin();
    int rc = tool_elf_apply(&c, b, size, PATH);
    if (rc == EXIT_OK) {
        ASSERT(capheap_chip_validate(&c.chip, NULL, NULL) == CAPHEAP_OK);
        for (size_t i = 0; i < c.chip.reserved_count; i++) {
            const capheap_reserved_t *r = &c.reserved[i];
            ASSERT(r->end > r->start);
            if (r->end != chip->reserved[i].end)
                ASSERT(capheap_chip_region_at(&c.chip, r->end - 1) >= 0);
        }
    } else {
        ASSERT(rc == EXIT_INPUT || rc == EXIT_CHIP);
        if (!said("capheap: "))
            FAIL("the ELF was refused (%d) without a message", rc);
    }
    messages_end();
    free(b);
    free(c.reserved);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t nchips = 0;
    const capheap_chip_t *const *chips = capheap_chip_list(&nchips);
    const capheap_chip_t *chip = chips[(size_t)(data[0] >> 3) % nchips];
    unsigned mode = data[0] & 3u;
    bool run = (data[0] & 4u) != 0;
    if (mode == 2)
        load_elf(chip, data + 1, size - 1);
    else
        load_text(chip, mode == 1, run, data + 1, size - 1);
    return 0;
}
