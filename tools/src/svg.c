/*
 * Pictures of a replay: the heap map and the timeline (SVG), and the HTML
 * report that bundles them with the tables (self-contained: no script, no
 * external resource).
 */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

const char *tool_phase_name(const run_t *r, const workload_t *w, size_t p);
bool tool_phase_shown(const run_t *r, size_t p);

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* ------------------------------------------------------------ heap map */

static const char *const palette[] = { "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948",
                                       "#76b7b2", "#ff9da7", "#9c755f", "#e15759", "#bab0ac" };
#define PALETTE (sizeof palette / sizeof palette[0])

typedef struct {
    uintptr_t addr; /* data-view host address of the caller's pointer */
    uint32_t caps;
} live_block_t;

typedef struct {
    FILE *f;
    run_t *r;
    live_block_t *live;
    size_t live_n;
    uint32_t legend[PALETTE];
    size_t legend_n;
    /* the band being drawn */
    const capheap_caps_heap_t *heap;
    uintptr_t base;
    double scale, x0, y;
    uintptr_t big_at;
    size_t big_size;
    size_t blocks;
    bool other_used; /* a used block no workload id owns (GC heap areas) */
} map_ctx_t;

static int live_cmp(const void *a, const void *b)
{
    uintptr_t x = ((const live_block_t *)a)->addr, y = ((const live_block_t *)b)->addr;
    return x < y ? -1 : x > y;
}

static size_t colour_of(map_ctx_t *m, uint32_t caps)
{
    for (size_t i = 0; i < m->legend_n; i++)
        if (m->legend[i] == caps)
            return i;
    if (m->legend_n < PALETTE) {
        m->legend[m->legend_n] = caps;
        return m->legend_n++;
    }
    return PALETTE - 1; /* "other" */
}

/* Caps asked for the used block [p, p+size): the live block whose pointer
 * lies inside it. */
static bool caps_in(const map_ctx_t *m, uintptr_t p, size_t size, uint32_t *caps)
{
    size_t lo = 0, hi = m->live_n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->live[mid].addr < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < m->live_n && m->live[lo].addr < p + size) {
        *caps = m->live[lo].caps;
        return true;
    }
    return false;
}

static bool largest_fn(void *ctx, const capheap_caps_heap_t *heap, void *ptr, size_t size,
                       bool used)
{
    map_ctx_t *m = ctx;
    if (heap == m->heap && !used && size > m->big_size) {
        m->big_size = size;
        m->big_at = (uintptr_t)ptr;
    }
    return true;
}

static bool block_fn(void *ctx, const capheap_caps_heap_t *heap, void *ptr, size_t size,
                     bool used)
{
    map_ctx_t *m = ctx;
    if (heap != m->heap)
        return true;
    m->blocks++;
    uintptr_t p = (uintptr_t)ptr;
    double x = m->x0 + (double)(p - m->base) * m->scale;
    double w = (double)size * m->scale;
    if (w < 0.4)
        w = 0.4;
    if (used) {
        uint32_t caps = 0;
        const char *col = "#999999";
        if (caps_in(m, p, size, &caps))
            col = palette[colour_of(m, caps)];
        else
            m->other_used = true;
        fprintf(m->f, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"24\" fill=\"%s\"/>\n",
                x, m->y, w, col);
    } else {
        fprintf(m->f, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"24\" fill=\"#ffffff\"/>\n",
                x, m->y, w);
    }
    if (!used && p == m->big_at) {
        fprintf(m->f,
                "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"24\" fill=\"none\" "
                "stroke=\"#d62728\" stroke-width=\"2\"><title>largest free block: %zu "
                "bytes</title></rect>\n",
                x, m->y, w, size);
    }
    return true;
}

static void map_body(FILE *f, run_t *r, double *height)
{
    map_ctx_t m = { 0 };
    m.f = f;
    m.r = r;
    size_t n = 0;
    /* live blocks, in data-view host addresses */
    for (size_t i = 0; r->slots && i < r->slot_count; i++)
        if (r->slots[i].ptr)
            n++;
    m.live = calloc(n ? n : 1, sizeof *m.live);
    for (size_t i = 0; m.live && i < r->slot_count; i++) {
        void *p = r->slots[i].ptr;
        if (!p)
            continue;
        uintptr_t a = (uintptr_t)p;
        const capheap_caps_heap_t *h = capheap_caps_heap_of(r->caps, p);
        if (h) {
            capheap_region_t reg;
            capheap_caps_heap_region(h, &reg);
            if (reg.alias && (a < reg.start || a >= reg.start + reg.size)) {
                uintptr_t d = capheap_region_iram_to_dram(&reg, a & ~(uintptr_t)3);
                if (d)
                    a = d;
            }
        }
        m.live[m.live_n].addr = a;
        m.live[m.live_n].caps = r->colour_owner ? r->slots[i].owner : r->slots[i].caps;
        m.live_n++;
    }
    if (m.live)
        qsort(m.live, m.live_n, sizeof *m.live, live_cmp);
    double y = 40;
    fprintf(f, "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Heap map of %s "
               "at the end (each band to its own scale; used blocks coloured by the %s)</text>\n",
            r->chip->name, r->colour_owner ? "task that allocated them" : "caps asked");
    for (size_t i = 0; i < r->heap_count; i++) {
        heap_rec_t *h = &r->heaps[i];
        capheap_heap_info_t info;
        capheap_caps_heap_get_info(h->heap, &info);
        m.heap = h->heap;
        m.base = h->region.start;
        m.x0 = 230;
        m.scale = 740.0 / (double)h->region.size;
        m.y = y;
        m.big_at = 0;
        m.big_size = 0;
        (void)capheap_caps_walk(r->caps, CAPHEAP_CAP_INVALID, largest_fn, &m);
        fprintf(f, "<text x=\"10\" y=\"%.1f\" font-size=\"12\">%s 0x%08lx</text>\n", y + 11,
                h->region.name ? h->region.name : "?", (unsigned long)h->region.chip_start);
        fprintf(f, "<text x=\"10\" y=\"%.1f\" font-size=\"10\" fill=\"#555\">%zu bytes, "
                   "%.1f%% fragmented</text>\n",
                y + 23, h->region.size, 100.0 * heap_fragmentation(&info));
        fprintf(f, "<rect x=\"230\" y=\"%.1f\" width=\"740\" height=\"24\" fill=\"#dddddd\" "
                   "stroke=\"#333\" stroke-width=\"0.5\"/>\n",
                y);
        (void)capheap_caps_walk(r->caps, CAPHEAP_CAP_INVALID, block_fn, &m);
        if (m.big_size) {
            double x = m.x0 + (double)(m.big_at - m.base) * m.scale;
            fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#d62728\">largest "
                       "free %zu</text>\n",
                    x < 900 ? x : 900, y + 34, m.big_size);
        }
        y += 46;
    }
    /* legend */
    y += 6;
    fprintf(f, "<text x=\"10\" y=\"%.1f\" font-size=\"12\" font-weight=\"bold\">Legend</text>\n",
            y);
    y += 8;
    for (size_t i = 0; i < m.legend_n; i++) {
        char name[160];
        if (r->colour_owner)
            snprintf(name, sizeof name, m.legend[i] ? "owner %u" : "owner 0 (pre-scheduler or unknown)",
                     (unsigned)m.legend[i]);
        else
            caps_name(m.legend[i], name, sizeof name);
        if (i == PALETTE - 1 && m.legend_n == PALETTE)
            snprintf(name, sizeof name, "other caps");
        fprintf(f, "<rect x=\"10\" y=\"%.1f\" width=\"14\" height=\"12\" fill=\"%s\"/>"
                   "<text x=\"30\" y=\"%.1f\" font-size=\"11\">",
                y, palette[i], y + 10);
        xml_text(f, name);
        fprintf(f, "</text>\n");
        y += 16;
    }
    fprintf(f, "<rect x=\"10\" y=\"%.1f\" width=\"14\" height=\"12\" fill=\"#ffffff\" "
               "stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"30\" y=\"%.1f\" "
               "font-size=\"11\">free</text>\n",
            y, y + 10);
    y += 16;
    fprintf(f, "<rect x=\"10\" y=\"%.1f\" width=\"14\" height=\"12\" fill=\"none\" "
               "stroke=\"#d62728\" stroke-width=\"2\"/><text x=\"30\" y=\"%.1f\" "
               "font-size=\"11\">largest free block of the heap</text>\n",
            y, y + 10);
    y += 16;
    if (m.other_used) {
        fprintf(f, "<rect x=\"10\" y=\"%.1f\" width=\"14\" height=\"12\" fill=\"#999999\"/>"
                   "<text x=\"30\" y=\"%.1f\" font-size=\"11\">used by the GC heap (its areas)"
                   "</text>\n",
                y, y + 10);
        y += 16;
    }
    fprintf(f, "<rect x=\"10\" y=\"%.1f\" width=\"14\" height=\"12\" fill=\"#dddddd\"/>"
               "<text x=\"30\" y=\"%.1f\" font-size=\"11\">heap records and control "
               "structures (not blocks)</text>\n",
            y, y + 10);
    y += 20;
    free(m.live);
    *height = y;
}

bool report_map_svg(FILE *f, run_t *r, const workload_t *w)
{
    (void)w;
    /* the height is known after drawing: draw into a buffer first */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return false;
    double h = 0;
    map_body(mem, r, &h);
    fclose(mem);
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"%.0f\" "
               "viewBox=\"0 0 1000 %.0f\" font-family=\"sans-serif\">\n",
            h, h);
    fwrite(buf, 1, len, f);
    fprintf(f, "</svg>\n");
    free(buf);
    return !ferror(f);
}

/* ------------------------------------------------------------ timeline */

static void timeline_body(FILE *f, const run_t *r, const workload_t *w, double *height)
{
    const double x0 = 90, wd = 880, ph = 110;
    double y = 40;
    size_t total = r->ops_done ? r->ops_done : 1;
    const char *base = strrchr(w->file, '/') ? strrchr(w->file, '/') + 1 : w->file;
    fprintf(f, "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Timeline: ");
    xml_text(f, base);
    fprintf(f, " on %s (bytes per caps against operations)</text>\n", r->chip->name);
    fprintf(f, "<line x1=\"600\" y1=\"30\" x2=\"625\" y2=\"30\" stroke=\"#1f77b4\" "
               "stroke-width=\"1.5\"/><text x=\"630\" y=\"34\" font-size=\"11\">free</text>\n"
               "<line x1=\"670\" y1=\"30\" x2=\"695\" y2=\"30\" stroke=\"#d62728\" "
               "stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/><text x=\"700\" y=\"34\" "
               "font-size=\"11\">minimum free</text>\n"
               "<line x1=\"780\" y1=\"30\" x2=\"805\" y2=\"30\" stroke=\"#2ca02c\" "
               "stroke-width=\"1.5\" stroke-dasharray=\"1.5 2\"/><text x=\"810\" y=\"34\" "
               "font-size=\"11\">largest free block</text>\n");
    for (size_t c = 0; c < r->class_count; c++) {
        if (!r->class_shown[c])
            continue;
        size_t top = 1;
        for (size_t s = 0; s < r->sample_count; s++)
            if (r->samples[s].c[c].total > top)
                top = r->samples[s].c[c].total;
        double yt = y + 18, yb = y + 18 + ph;
        fprintf(f, "<text x=\"10\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\">%s</text>\n",
                y + 12, r->classes[c].name);
        fprintf(f, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" "
                   "stroke=\"#999\" stroke-width=\"0.5\"/>\n",
                x0, yt, wd, ph);
        fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"end\">%zu</text>\n",
                x0 - 4, yt + 8, top);
        fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"end\">0</text>\n",
                x0 - 4, yb);
        /* phases (labels on two rows so that close ones do not collide) */
        int row = 0;
        for (size_t p = 0; p < r->phase_count; p++) {
            if (!tool_phase_shown(r, p) || r->phases[p].phase == UINT32_MAX)
                continue;
            double x = x0 + wd * (double)r->phases[p].op_index / (double)total;
            fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" "
                       "stroke-width=\"1\"/>\n",
                    x, yt, x, yb);
            fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#666\">", x + 2,
                    yt + 9 + 10 * (row++ % 2));
            xml_text(f, tool_phase_name(r, w, p));
            fprintf(f, "</text>\n");
        }
        static const char *const dash[3] = { "", " stroke-dasharray=\"6 3\"",
                                             " stroke-dasharray=\"1.5 2\"" };
        static const char *const colour[3] = { "#1f77b4", "#d62728", "#2ca02c" };
        for (int k = 0; k < 3; k++) {
            fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.3\"%s points=\"",
                    colour[k], dash[k]);
            for (size_t s = 0; s < r->sample_count; s++) {
                const class_stat_t *cs = &r->samples[s].c[c];
                size_t v = k == 0 ? cs->free : k == 1 ? cs->min_free : cs->largest;
                double x = x0 + wd * (double)r->samples[s].op_index / (double)total;
                double yy = yb - ph * (double)v / (double)top;
                fprintf(f, "%.1f,%.1f ", x, yy);
            }
            fprintf(f, "\"/>\n");
        }
        y += ph + 34;
    }
    fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" font-size=\"10\">operation 0 .. %zu</text>\n", x0,
            y, r->ops_done);
    *height = y + 14;
}

bool report_timeline_svg(FILE *f, const run_t *r, const workload_t *w)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return false;
    double h = 0;
    timeline_body(mem, r, w, &h);
    fclose(mem);
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"%.0f\" "
               "viewBox=\"0 0 1000 %.0f\" font-family=\"sans-serif\">\n",
            h, h);
    fwrite(buf, 1, len, f);
    fprintf(f, "</svg>\n");
    free(buf);
    return !ferror(f);
}

/* ------------------------------------------------------------ HTML */

bool report_html(FILE *f, run_t *r, const workload_t *w)
{
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
               "capheap report: ");
    xml_text(f, w->file);
    fprintf(f, " on %s</title>\n<style>\nbody{font-family:sans-serif;margin:1.5em;max-width:"
               "1100px}\ntable{border-collapse:collapse;margin:0.5em 0 1.5em}\ntd,th{border:1px "
               "solid #ccc;padding:2px 8px;text-align:right}\nth{background:#eee}\n"
               "td.l,th.l{text-align:left}\npre{background:#f6f6f6;padding:0.5em}\n</style>\n"
               "</head>\n<body>\n<h1>capheap: ",
            r->chip->name);
    xml_text(f, w->file);
    fprintf(f, " on %s</h1>\n", r->chip->name);
    /* the text report, as the terminal shows it */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return false;
    report_text(mem, r, w);
    fclose(mem);
    fprintf(f, "<h2>Summary</h2>\n<pre>");
    xml_text(f, buf);
    fprintf(f, "</pre>\n");
    free(buf);
    fprintf(f, "<h2>Phases</h2>\n<table>\n<tr><th class=\"l\">phase</th><th>failed</th>");
    for (size_t c = 0; c < r->class_count; c++)
        if (r->class_shown[c])
            fprintf(f, "<th>%s free</th><th>%s min</th><th>%s largest</th>", r->classes[c].name,
                r->classes[c].name, r->classes[c].name);
    fprintf(f, "</tr>\n");
    for (size_t p = 0; p < r->phase_count; p++) {
        if (!tool_phase_shown(r, p))
            continue;
        fprintf(f, "<tr><td class=\"l\">");
        xml_text(f, tool_phase_name(r, w, p));
        fprintf(f, "</td><td>%zu</td>", r->phases[p].failures);
        for (size_t c = 0; c < r->class_count; c++)
            if (r->class_shown[c])
                fprintf(f, "<td>%zu</td><td>%zu</td><td>%zu</td>", r->phases[p].at_end[c].free,
                    r->phases[p].at_end[c].min_free, r->phases[p].at_end[c].largest);
        fprintf(f, "</tr>\n");
    }
    fprintf(f, "</table>\n<h2>Heap map</h2>\n");
    double h = 0;
    mem = open_memstream(&buf, &len);
    if (!mem)
        return false;
    map_body(mem, r, &h);
    fclose(mem);
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"%.0f\" "
               "viewBox=\"0 0 1000 %.0f\" font-family=\"sans-serif\">\n",
            h, h);
    fwrite(buf, 1, len, f);
    fprintf(f, "</svg>\n<h2>Timeline</h2>\n");
    free(buf);
    mem = open_memstream(&buf, &len);
    if (!mem)
        return false;
    timeline_body(mem, r, w, &h);
    fclose(mem);
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"%.0f\" "
               "viewBox=\"0 0 1000 %.0f\" font-family=\"sans-serif\">\n",
            h, h);
    fwrite(buf, 1, len, f);
    fprintf(f, "</svg>\n</body>\n</html>\n");
    free(buf);
    return !ferror(f);
}
