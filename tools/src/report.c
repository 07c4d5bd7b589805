/*
 * Text and JSON reports of a replay.
 */
#include <string.h>

#include "tool.h"

static const char *op_name(uint8_t kind)
{
    static const char *const names[] = { "alloc",  "calloc",    "realloc",  "free",
                                         "region", "deferred",  "extmem",   "check",
                                         "phase",  "gc create", "gc alloc", "gc drop",
                                         "gc collect" };
    return kind <= OP_LAST ? names[kind] : "?";
}

const char *tool_phase_name(const run_t *r, const workload_t *w, size_t p);
const char *tool_phase_name(const run_t *r, const workload_t *w, size_t p)
{
    uint32_t ph = r->phases[p].phase;
    return ph == UINT32_MAX ? "(start)" : w->phases[ph];
}

/* A phase is shown when it has ops (the implicit start phase often has none). */
bool tool_phase_shown(const run_t *r, size_t p);
bool tool_phase_shown(const run_t *r, size_t p)
{
    size_t end = p + 1 < r->phase_count ? r->phases[p + 1].op_index : r->ops_done;
    return r->phases[p].phase != UINT32_MAX || end > r->phases[p].op_index;
}

static void class_table(FILE *f, const run_t *r, const class_stat_t *c, const char *indent)
{
    fprintf(f, "%s%-9s %10s %10s %10s %10s\n", indent, "caps", "free", "min_free", "largest",
            "total");
    for (size_t i = 0; i < r->class_count; i++)
        if (r->class_shown[i])
            fprintf(f, "%s%-9s %10zu %10zu %10zu %10zu\n", indent, r->classes[i].name, c[i].free,
                c[i].min_free, c[i].largest, c[i].total);
}

static void gc_line(FILE *f, const gc_stat_t *g, const char *indent)
{
    if (g->present)
        fprintf(f,
                "%sGC heap: total %zu, used %zu, free %zu, largest free run %zu, areas %zu, "
                "collections %zu\n",
                indent, g->total, g->used, g->free, g->max_free, g->areas, g->collections);
}

static void gc_json(FILE *f, const gc_stat_t *g)
{
    if (!g->present) {
        fprintf(f, "null");
        return;
    }
    fprintf(f,
            "{\"total\": %zu, \"used\": %zu, \"free\": %zu, \"largest_free\": %zu, "
            "\"areas\": %zu, \"collections\": %zu}",
            g->total, g->used, g->free, g->max_free, g->areas, g->collections);
}

static void fail_caps(const failure_t *fl, char *buf, size_t n)
{
    if (fl->kind == OP_GC_ALLOC)
        snprintf(buf, n, "gc");
    else if (fl->has_caps)
        caps_name(fl->caps, buf, n);
    else
        snprintf(buf, n, "malloc");
}

void report_text(FILE *f, const run_t *r, const workload_t *w)
{
    char buf[160];
    fprintf(f, "capheap: %s on %s (poisoning %s): %zu operations in %.3f s", w->file,
            r->chip->name, r->poison, r->ops_done, r->seconds);
    if (r->seconds > 0 && r->ops_done >= 10000)
        fprintf(f, " (%.2f M ops/s)", (double)r->ops_done / r->seconds / 1e6);
    fprintf(f, "\n  alloc %zu, calloc %zu, realloc %zu, free %zu, regions %zu, checks %zu",
            r->counts[OP_ALLOC], r->counts[OP_CALLOC], r->counts[OP_REALLOC],
            r->counts[OP_FREE], r->counts[OP_REGION], r->counts[OP_CHECK]);
    if (w->counted_records || w->inferred_frees || w->dropped)
        fprintf(f, "\n  trace: %zu frees inferred from address reuse, %zu freed at the end "
                   "(time unknown), %zu never freed, %zu records of untraced blocks skipped",
                w->inferred_frees, w->freed_at_end, w->never_freed, w->dropped);
    fprintf(f, "\n\n");

    fprintf(f, "Failed requests: %zu\n", r->failure_count);
    size_t shown = r->failure_count < 50 ? r->failure_count : 50;
    for (size_t i = 0; i < shown; i++) {
        const failure_t *fl = &r->failures[i];
        fail_caps(fl, buf, sizeof buf);
        fprintf(f, "  %s:%u %s %s %llu %s", w->file, (unsigned)fl->line, op_name(fl->kind),
                w->names[fl->id], (unsigned long long)fl->size, buf);
        if (fl->phase != UINT32_MAX)
            fprintf(f, " [phase %s]", w->phases[fl->phase]);
        fprintf(f, ": %s", fl->reason);
        if (fl->free || fl->largest)
            fprintf(f, " (free %zu, largest block %zu)", fl->free, fl->largest);
        fprintf(f, "\n");
    }
    if (shown < r->failure_count)
        fprintf(f, "  ... %zu more (--json lists them all)\n", r->failure_count - shown);
    if (r->bad_ops || r->checks_failed)
        fprintf(f, "Workload errors: %zu (see messages above); integrity checks failed: %zu\n",
                r->bad_ops, r->checks_failed);

    for (size_t p = 0; p < r->phase_count; p++) {
        if (!tool_phase_shown(r, p))
            continue;
        fprintf(f, "\nPhase %s (from op %zu, %zu failed): at its end, min_free within it\n",
                tool_phase_name(r, w, p), r->phases[p].op_index, r->phases[p].failures);
        class_table(f, r, r->phases[p].at_end, "  ");
        gc_line(f, &r->phases[p].gc, "  ");
    }
    fprintf(f, "\nAt the end (min_free over the whole run):\n");
    class_table(f, r, r->at_end, "  ");
    gc_line(f, &r->gc_end, "  ");
    if (r->gc_end.present)
        fprintf(f, "  GC heap peak used %zu\n", r->gc_peak_used);

    fprintf(f, "\nPeak usage per memory type (allocated bytes):\n");
    for (size_t t = 0; t < r->type_count; t++) {
        if (!r->types[t].total && !r->types[t].peak)
            continue;
        fprintf(f, "  %-11s peak %10zu of %10zu (%5.1f%%), at the end %10zu\n", r->types[t].name,
                r->types[t].peak, r->types[t].total,
                r->types[t].total ? 100.0 * (double)r->types[t].peak / (double)r->types[t].total
                                  : 0.0,
                r->types[t].used);
    }

    fprintf(f, "\nHeaps at the end (fragmentation = 1 - largest / free):\n");
    fprintf(f, "  %-10s %-11s %9s %9s %9s %9s %6s %6s %6s\n", "address", "type", "size",
            "free", "largest", "min_free", "used#", "free#", "frag");
    for (size_t i = 0; i < r->heap_count; i++) {
        capheap_heap_info_t info;
        capheap_caps_heap_get_info(r->heaps[i].heap, &info);
        fprintf(f, "  0x%08lx %-11s %9zu %9zu %9zu %9zu %6zu %6zu %5.1f%%\n",
                (unsigned long)r->heaps[i].region.chip_start,
                r->heaps[i].region.name ? r->heaps[i].region.name : "?",
                r->heaps[i].region.size, info.total_free_bytes, info.largest_free_block,
                info.minimum_free_bytes, info.allocated_blocks, info.free_blocks,
                100.0 * heap_fragmentation(&info));
    }
}

/* ------------------------------------------------------------ JSON */

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_classes(FILE *f, const run_t *r, const class_stat_t *c)
{
    fprintf(f, "{");
    bool first = true;
    for (size_t i = 0; i < r->class_count; i++) {
        if (!r->class_shown[i])
            continue;
        fprintf(f, "%s", first ? "" : ", ");
        first = false;
        json_str(f, r->classes[i].name);
        fprintf(f,
                ": {\"caps\": %u, \"free\": %zu, \"min_free\": %zu, \"largest\": %zu, "
                "\"total\": %zu}",
                (unsigned)r->classes[i].caps, c[i].free, c[i].min_free, c[i].largest,
                c[i].total);
    }
    fprintf(f, "}");
}

void report_json(FILE *f, const run_t *r, const workload_t *w)
{
    char buf[160];
    fprintf(f, "{\n  \"file\": ");
    json_str(f, w->file);
    fprintf(f, ",\n  \"chip\": ");
    json_str(f, r->chip->name);
    fprintf(f, ",\n  \"poisoning\": ");
    json_str(f, r->poison);
    fprintf(f,
            ",\n  \"operations\": %zu,\n  \"seconds\": %.6f,\n  \"counts\": {\"alloc\": %zu, "
            "\"calloc\": %zu, \"realloc\": %zu, \"free\": %zu, \"region\": %zu, \"check\": %zu, "
            "\"gc_alloc\": %zu, \"gc_collect\": %zu},\n",
            r->ops_done, r->seconds, r->counts[OP_ALLOC], r->counts[OP_CALLOC],
            r->counts[OP_REALLOC], r->counts[OP_FREE], r->counts[OP_REGION], r->counts[OP_CHECK],
            r->counts[OP_GC_ALLOC], r->counts[OP_GC_COLLECT]);
    fprintf(f,
            "  \"trace\": {\"records\": %zu, \"inferred_frees\": %zu, \"freed_at_end\": %zu, "
            "\"never_freed\": %zu, \"skipped\": %zu},\n",
            w->counted_records, w->inferred_frees, w->freed_at_end, w->never_freed, w->dropped);
    fprintf(f, "  \"workload_errors\": %zu,\n  \"checks\": %zu,\n  \"checks_failed\": %zu,\n",
            r->bad_ops, r->checks, r->checks_failed);
    fprintf(f, "  \"failures\": [");
    for (size_t i = 0; i < r->failure_count; i++) {
        const failure_t *fl = &r->failures[i];
        fail_caps(fl, buf, sizeof buf);
        fprintf(f, "%s\n    {\"line\": %u, \"op\": \"%s\", \"id\": ", i ? "," : "",
                (unsigned)fl->line, op_name(fl->kind));
        json_str(f, w->names[fl->id]);
        fprintf(f, ", \"size\": %llu, \"caps\": ", (unsigned long long)fl->size);
        json_str(f, buf);
        fprintf(f, ", \"phase\": ");
        if (fl->phase == UINT32_MAX)
            fprintf(f, "null");
        else
            json_str(f, w->phases[fl->phase]);
        fprintf(f, ", \"reason\": ");
        json_str(f, fl->reason);
        fprintf(f, ", \"free\": %zu, \"largest\": %zu}", fl->free, fl->largest);
    }
    fprintf(f, "%s],\n  \"phases\": [", r->failure_count ? "\n  " : "");
    bool first = true;
    for (size_t p = 0; p < r->phase_count; p++) {
        if (!tool_phase_shown(r, p))
            continue;
        fprintf(f, "%s\n    {\"name\": ", first ? "" : ",");
        first = false;
        json_str(f, tool_phase_name(r, w, p));
        fprintf(f, ", \"first_op\": %zu, \"failures\": %zu, \"caps\": ", r->phases[p].op_index,
                r->phases[p].failures);
        json_classes(f, r, r->phases[p].at_end);
        fprintf(f, ", \"gc\": ");
        gc_json(f, &r->phases[p].gc);
        fprintf(f, "}");
    }
    fprintf(f, "\n  ],\n  \"end\": ");
    json_classes(f, r, r->at_end);
    fprintf(f, ",\n  \"gc\": ");
    gc_json(f, &r->gc_end);
    fprintf(f, ",\n  \"gc_peak_used\": %zu", r->gc_peak_used);
    fprintf(f, ",\n  \"memory_types\": {");
    first = true;
    for (size_t t = 0; t < r->type_count; t++) {
        if (!r->types[t].total && !r->types[t].peak)
            continue;
        fprintf(f, "%s\n    ", first ? "" : ",");
        first = false;
        json_str(f, r->types[t].name);
        fprintf(f, ": {\"peak\": %zu, \"used\": %zu, \"total\": %zu}", r->types[t].peak,
                r->types[t].used, r->types[t].total);
    }
    fprintf(f, "\n  },\n  \"heaps\": [");
    for (size_t i = 0; i < r->heap_count; i++) {
        capheap_heap_info_t info;
        capheap_caps_heap_get_info(r->heaps[i].heap, &info);
        fprintf(f, "%s\n    {\"address\": \"0x%08lx\", \"type\": ", i ? "," : "",
                (unsigned long)r->heaps[i].region.chip_start);
        json_str(f, r->heaps[i].region.name ? r->heaps[i].region.name : "?");
        fprintf(f,
                ", \"size\": %zu, \"free\": %zu, \"allocated\": %zu, \"largest\": %zu, "
                "\"min_free\": %zu, \"used_blocks\": %zu, \"free_blocks\": %zu, "
                "\"fragmentation\": %.4f}",
                r->heaps[i].region.size, info.total_free_bytes, info.total_allocated_bytes,
                info.largest_free_block, info.minimum_free_bytes, info.allocated_blocks,
                info.free_blocks, heap_fragmentation(&info));
    }
    fprintf(f, "\n  ]\n}\n");
}
