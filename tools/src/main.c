/*
 * capheap: the command-line simulator (docs/simulator.md).
 *
 *   capheap chips
 *   capheap layout CHIP [--static-dram BYTES | --elf FIRMWARE.elf]
 *   capheap run CHIP WORKLOAD [options]
 *   capheap replay CHIP TRACE [options]
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool.h"

bool tool_parse_size(const char *s, uint64_t *out);

static void usage(FILE *f)
{
    fprintf(f,
            "usage: capheap chips\n"
            "       capheap layout CHIP [--static-dram BYTES | --elf FIRMWARE.elf]\n"
            "       capheap run CHIP WORKLOAD [options]\n"
            "       capheap replay CHIP TRACE [options]\n"
            "options: --extmem LIMIT  --json  --map FILE.svg  --timeline FILE.svg\n"
            "         --report FILE.html  --colour caps|owner\n"
            "         --poison none|light|comprehensive\n"
            "         --static-dram BYTES  --elf FIRMWARE.elf  --no-progress\n"
            "exit codes: 0 ok, 1 requests failed or damage found, 2 usage,\n"
            "            3 bad input file, 4 the chip cannot do it\n");
}

static void list_chips(FILE *f, const char *sep)
{
    size_t n = 0;
    const capheap_chip_t *const *list = capheap_chip_list(&n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%s", i ? sep : "", list[i]->name);
}

static const capheap_chip_t *find_chip(const char *name)
{
    const capheap_chip_t *chip = capheap_chip_find(name);
    if (!chip) {
        fprintf(stderr, "capheap: unknown chip '%s'; known chips: ", name);
        list_chips(stderr, ", ");
        fprintf(stderr, "\n");
    }
    return chip;
}

/* "capheap: WHAT PATH: <system reason>" (perror: no <errno.h> needed, which
 * some cross sysroots lack). */
static void sys_error(const char *what, const char *path)
{
    fprintf(stderr, "capheap: %s ", what);
    fflush(stderr);
    perror(path);
}

void print_size(FILE *f, size_t bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        fprintf(f, "%zu MiB", bytes / (1024 * 1024));
    else if (bytes >= 1024)
        fprintf(f, "%zu KiB", bytes / 1024);
    else
        fprintf(f, "%zu B", bytes);
}

static void print_sink(void *ctx, const char *text)
{
    fputs(text, (FILE *)ctx);
}

/* --elf FILE: the application's static data measured from the file. */
static int elf_static(custom_chip_t *c, const char *path)
{
    size_t len = 0;
    unsigned char *b = (unsigned char *)read_file(path, &len);
    if (!b) {
        sys_error("cannot read", path);
        return EXIT_INPUT;
    }
    int rc = tool_elf_apply(c, b, len, path);
    free(b);
    return rc;
}

/* ------------------------------------------------------------ commands */

static int cmd_chips(void)
{
    size_t n = 0;
    const capheap_chip_t *const *list = capheap_chip_list(&n);
    for (size_t i = 0; i < n; i++)
        printf("%-10s %s\n", list[i]->name, list[i]->description);
    return EXIT_OK;
}

static void type_flags(FILE *f, uint32_t flags)
{
    if (flags & CAPHEAP_MT_DIRAM)
        fprintf(f, " D/IRAM-alias");
    if (flags & CAPHEAP_MT_DEFERRED)
        fprintf(f, " deferred");
    if (flags & CAPHEAP_MT_RESERVE)
        fprintf(f, " reserve");
    if (flags & CAPHEAP_MT_RUNTIME)
        fprintf(f, " run-time");
}

static int cmd_layout(const capheap_chip_t *chip)
{
    char buf[160];
    printf("%s: %s\n\nCapability table (a heap is tried at priority p when its mask there\n"
           "shares a bit with the request, and its three masks hold every bit):\n",
           chip->name, chip->description);
    printf("  %-11s %-28s %-28s %-28s flags\n", "type", "priority 0", "priority 1",
           "priority 2");
    for (size_t t = 0; t < chip->type_count; t++) {
        printf("  %-11s", chip->types[t].name);
        for (int p = 0; p < CAPHEAP_PRIORITIES; p++) {
            if (chip->types[t].caps[p])
                caps_name(chip->types[t].caps[p], buf, sizeof buf);
            else
                snprintf(buf, sizeof buf, "-");
            printf(" %-28s", buf);
        }
        type_flags(stdout, chip->types[t].flags);
        printf("\n");
    }
    printf("\nRegions:\n");
    for (size_t i = 0; i < chip->region_count; i++) {
        const capheap_chip_region_t *r = &chip->regions[i];
        printf("  0x%08lx-0x%08lx %10zu bytes (", (unsigned long)r->start,
               (unsigned long)(r->start + r->size), r->size);
        print_size(stdout, r->size);
        printf(") %s", chip->types[r->type].name);
        type_flags(stdout, r->flags | chip->types[r->type].flags);
        if (r->alias_kind != CAPHEAP_ALIAS_NONE)
            printf(" alias 0x%08lx %s", (unsigned long)r->alias,
                   r->alias_kind == CAPHEAP_ALIAS_LINEAR ? "linear" : "word-reversed");
        printf("\n");
    }
    if (chip->reserved_count) {
        printf("\nReserved (never heap):\n");
        for (size_t i = 0; i < chip->reserved_count; i++)
            printf("  0x%08lx-0x%08lx %8lu bytes  %s\n", (unsigned long)chip->reserved[i].start,
                   (unsigned long)chip->reserved[i].end,
                   (unsigned long)(chip->reserved[i].end - chip->reserved[i].start),
                   chip->reserved[i].what);
    }
    printf("\nStart-up heaps (ESP-IDF heap_init format):\n");
    printf("I (0) heap_init: Initializing. RAM available for dynamic allocation:\n");
    capheap_layout_print(chip, CAPHEAP_LAYOUT_STARTUP | CAPHEAP_LAYOUT_DEFERRED,
                         "I (0) heap_init: ", print_sink, stdout);
    size_t nrt = capheap_layout_regions(chip, CAPHEAP_LAYOUT_RUNTIME, NULL, NULL, 0);
    if (nrt) {
        printf("\nRun-time regions (added by the application: region TYPE in a workload):\n");
        capheap_layout_print(chip, CAPHEAP_LAYOUT_RUNTIME, "  ", print_sink, stdout);
    }
    return EXIT_OK;
}

typedef struct {
    const char *cmd, *chip, *input;
    const char *map, *timeline, *report, *elf, *poison;
    bool json, no_progress, colour_owner;
    bool have_static;
    uint64_t static_dram, extmem;
    bool have_extmem;
} args_t;

static int parse_args(int argc, char **argv, args_t *a)
{
    int pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_VAL()                                                                      \
    do {                                                                                \
        if (!val) {                                                                     \
            fprintf(stderr, "capheap: %s needs a value\n", s);                         \
            return EXIT_USAGE;                                                          \
        }                                                                               \
        i++;                                                                            \
    } while (0)
        if (strcmp(s, "--json") == 0) {
            a->json = true;
        } else if (strcmp(s, "--colour") == 0 || strcmp(s, "--color") == 0) {
            NEED_VAL();
            if (strcmp(val, "caps") != 0 && strcmp(val, "owner") != 0) {
                fprintf(stderr, "capheap: --colour expects caps or owner, got '%s'\n", val);
                return EXIT_USAGE;
            }
            a->colour_owner = strcmp(val, "owner") == 0;
        } else if (strcmp(s, "--no-progress") == 0) {
            a->no_progress = true;
        } else if (strcmp(s, "--map") == 0) {
            NEED_VAL();
            a->map = val;
        } else if (strcmp(s, "--timeline") == 0) {
            NEED_VAL();
            a->timeline = val;
        } else if (strcmp(s, "--report") == 0) {
            NEED_VAL();
            a->report = val;
        } else if (strcmp(s, "--elf") == 0) {
            NEED_VAL();
            a->elf = val;
        } else if (strcmp(s, "--poison") == 0) {
            NEED_VAL();
            a->poison = val;
        } else if (strcmp(s, "--static-dram") == 0) {
            NEED_VAL();
            if (!tool_parse_size(val, &a->static_dram)) {
                fprintf(stderr, "capheap: --static-dram expects a size in bytes, got '%s'\n",
                        val);
                return EXIT_USAGE;
            }
            a->have_static = true;
        } else if (strcmp(s, "--extmem") == 0) {
            NEED_VAL();
            if (!tool_parse_size(val, &a->extmem)) {
                fprintf(stderr, "capheap: --extmem expects a size in bytes, got '%s'\n", val);
                return EXIT_USAGE;
            }
            a->have_extmem = true;
        } else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
            usage(stdout);
            exit(EXIT_OK);
        } else if (s[0] == '-' && s[1] == '-') {
            fprintf(stderr, "capheap: unknown option '%s'\n", s);
            usage(stderr);
            return EXIT_USAGE;
        } else {
            if (pos == 0)
                a->cmd = s;
            else if (pos == 1)
                a->chip = s;
            else if (pos == 2)
                a->input = s;
            else {
                fprintf(stderr, "capheap: unexpected argument '%s'\n", s);
                return EXIT_USAGE;
            }
            pos++;
        }
#undef NEED_VAL
    }
    return EXIT_OK;
}

int tool_poison_reexec(const char *level, char **argv); /* poison.c */
extern const capheap_chip_t *tool_trace_chip;           /* trace.c */

static bool write_file(const char *path, bool (*fn)(FILE *, run_t *, const workload_t *),
                       run_t *r, const workload_t *w)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        sys_error("cannot write", path);
        return false;
    }
    bool ok = fn(f, r, w);
    if (fclose(f) != 0)
        ok = false;
    return ok;
}

static bool timeline_adapter(FILE *f, run_t *r, const workload_t *w)
{
    return report_timeline_svg(f, r, w);
}

int main(int argc, char **argv)
{
    args_t a = { 0 };
    int rc = parse_args(argc, argv, &a);
    if (rc != EXIT_OK)
        return rc;
    if (!a.cmd) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (a.poison) {
        rc = tool_poison_reexec(a.poison, argv);
        if (rc != EXIT_OK)
            return rc;
    }
    if (strcmp(a.cmd, "chips") == 0)
        return cmd_chips();
    bool is_run = strcmp(a.cmd, "run") == 0, is_replay = strcmp(a.cmd, "replay") == 0;
    if (strcmp(a.cmd, "layout") != 0 && !is_run && !is_replay) {
        fprintf(stderr, "capheap: unknown command '%s'\n", a.cmd);
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!a.chip) {
        fprintf(stderr, "capheap: %s needs a chip (", a.cmd);
        list_chips(stderr, ", ");
        fprintf(stderr, ")\n");
        return EXIT_USAGE;
    }
    const capheap_chip_t *base = find_chip(a.chip);
    if (!base)
        return EXIT_USAGE;
    if (a.have_static && a.elf) {
        fprintf(stderr, "capheap: give --static-dram or --elf, not both\n");
        return EXIT_USAGE;
    }
    custom_chip_t custom;
    if (!tool_custom_init(&custom, base))
        return EXIT_CHIP;
    if (a.have_static)
        rc = tool_set_static(&custom, "application .data", a.static_dram, "--static-dram");
    else if (a.elf)
        rc = elf_static(&custom, a.elf);
    if (rc != EXIT_OK) {
        free(custom.reserved);
        return rc;
    }
    const capheap_chip_t *chip = &custom.chip;
    if (capheap_chip_validate(chip, print_sink, stderr) != CAPHEAP_OK) {
        free(custom.reserved);
        return EXIT_CHIP;
    }
    if (!is_run && !is_replay) {
        rc = cmd_layout(chip);
        free(custom.reserved);
        return rc;
    }
    if (!a.input) {
        fprintf(stderr, "capheap: %s needs a %s file\n", a.cmd, is_run ? "workload" : "trace");
        free(custom.reserved);
        return EXIT_USAGE;
    }
    char *text = read_file(a.input, NULL);
    if (!text) {
        sys_error("cannot read", a.input);
        free(custom.reserved);
        return EXIT_INPUT;
    }
    workload_t w = { 0 };
    tool_trace_chip = chip;
    bool ok = is_run ? workload_load(&w, a.input, text) : trace_load(&w, a.input, text);
    if (!ok) {
        workload_free(&w);
        free(text);
        free(custom.reserved);
        return EXIT_INPUT;
    }
    run_t r = { 0 };
    r.extmem = a.have_extmem ? (size_t)a.extmem : SIZE_MAX;
    r.progress = !a.no_progress && !a.json;
    r.colour_owner = a.colour_owner;
    r.poison = a.poison ? a.poison : (CAPHEAP_POISONING_LEVEL == 2   ? "comprehensive"
                                      : CAPHEAP_POISONING_LEVEL == 1 ? "light"
                                                                     : "none");
    if (!run_setup(&r, chip)) {
        workload_free(&w);
        free(text);
        free(custom.reserved);
        return EXIT_CHIP;
    }
    run_exec(&r, &w);
    if (a.json)
        report_json(stdout, &r, &w);
    else
        report_text(stdout, &r, &w);
    bool files_ok = true;
    if (a.map) {
        files_ok &= write_file(a.map, report_map_svg, &r, &w);
        if (!a.json)
            printf("heap map: %s\n", a.map);
    }
    if (a.timeline) {
        files_ok &= write_file(a.timeline, timeline_adapter, &r, &w);
        if (!a.json)
            printf("timeline: %s\n", a.timeline);
    }
    if (a.report) {
        files_ok &= write_file(a.report, report_html, &r, &w);
        if (!a.json)
            printf("report: %s\n", a.report);
    }
    rc = (r.failure_count || r.checks_failed || r.bad_ops) ? EXIT_FAILED : EXIT_OK;
    if (!files_ok)
        rc = EXIT_INPUT;
    run_teardown(&r);
    workload_free(&w);
    free(text);
    free(custom.reserved);
    return rc;
}
