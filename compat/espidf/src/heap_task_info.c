/*
 * ESP-IDF heap task tracking (esp_heap_task_info.h) over the default
 * instance's per-owner accounting (capheap/tasks.h). Empty without
 * CAPHEAP_TASK_TRACKING.
 *
 * Figures per task and heap come from the heaps' owner tables; block lists
 * from a walk of one heap under its lock, reading each block's owner word
 * (src/debug/owner_internal.h).
 */
#include "esp_heap_task_info.h"

#if CAPHEAP_TASK_TRACKING

#include "espidf_internal.h"
#include "owner_internal.h"
#include "poison.h"

#include <string.h>

static capheap_owner_name_fn s_names;
static void *s_names_ctx;

void capheap_espidf_set_task_names(capheap_owner_name_fn fn, void *ctx)
{
    s_names = fn;
    s_names_ctx = ctx;
}

static uintptr_t owner_of_handle(TaskHandle_t t)
{
    return (uintptr_t)t;
}

static TaskHandle_t handle_of_owner(uintptr_t o)
{
    return (TaskHandle_t)o;
}

/* The owner's name and liveness, as the native prints give them. */
static bool task_name(uintptr_t o, char *name, size_t len)
{
    name[0] = 0;
    bool alive = true;
    if (o != CAPHEAP_OWNER_OTHER && s_names) {
        alive = s_names(s_names_ctx, o, name, len);
        name[len - 1] = 0;
    }
    if (o == CAPHEAP_OWNER_PRE_SCHEDULER || o == CAPHEAP_OWNER_OTHER)
        alive = true;
    if (!name[0]) {
        if (o == CAPHEAP_OWNER_PRE_SCHEDULER)
            capheap_snprintf(name, len, "Pre-scheduler");
        else if (o == CAPHEAP_OWNER_OTHER)
            capheap_snprintf(name, len, "other");
        else
            capheap_snprintf(name, len, "0x%llx", (unsigned long long)o);
    }
    return alive;
}

/* o's figures in heap h, false when it has none there (the "other" bucket:
 * once used). */
static bool usage_in(const capheap_caps_heap_t *h, uintptr_t o, capheap_owner_usage_t *u)
{
    if (!capheap_caps_heap_owner_usage(h, o, u))
        return false;
    return o != CAPHEAP_OWNER_OTHER || u->blocks != 0 || u->peak_bytes != 0;
}

/* ------------------------------------------------------------ block walks */

/* Calls fn for every live block of heap h (owner, user pointer, size) with
 * the heap's lock held; the table is passed for "other" tests. */
typedef void (*block_fn)(void *ctx, capheap_owner_table_t *t, uintptr_t owner, void *ptr,
                         size_t size);

typedef struct {
    block_fn fn;
    void *ctx;
    capheap_owner_table_t *table;
} walk_t;

static bool walk_cb(void *ctx, void *ptr, size_t size, bool used)
{
    walk_t *w = (walk_t *)ctx;
    if (used)
        w->fn(w->ctx, w->table, capheap_owner_of((uintptr_t)ptr), ptr, size);
    return true;
}

static void walk_blocks(const capheap_caps_heap_t *h, block_fn fn, void *ctx)
{
    capheap_heap_t *e = capheap_caps_heap_engine(h);
    walk_t w = { fn, ctx, NULL };
    capheap_caps_heap_lock(h);
    w.table = capheap_owner_table(e);
    capheap_dbg_walk(e, walk_cb, &w);
    capheap_caps_heap_unlock(h);
}

/* Is the block of `owner` one of `want`'s (the bucket: those it counts)? */
static bool is_of(capheap_owner_table_t *t, uintptr_t want, uintptr_t owner)
{
    if (want == CAPHEAP_OWNER_OTHER)
        return capheap_owner_counted_in(t, owner) == &t->other;
    return owner == want && capheap_owner_counted_in(t, owner) != &t->other;
}

typedef struct {
    uintptr_t want;
    heap_task_block_t *out;
    size_t max, n;
} collect_t;

static void collect_cb(void *ctx, capheap_owner_table_t *t, uintptr_t owner, void *ptr,
                       size_t size)
{
    collect_t *c = (collect_t *)ctx;
    if (!is_of(t, c->want, owner))
        return;
    if (c->n < c->max)
        c->out[c->n] = (heap_task_block_t){ handle_of_owner(owner), ptr, (uint32_t)size };
    c->n++;
}

/* ----------------------------------------------------- legacy per-task info */

typedef struct {
    heap_task_info_params_t *p;
    int part;           /* partition of this heap, -1: none */
    size_t blocks;      /* blocks written */
} per_task_t;

static bool listed(const heap_task_info_params_t *p, TaskHandle_t t)
{
    if (!p->tasks)
        return true;
    for (size_t i = 0; i < p->num_tasks; i++)
        if (p->tasks[i] == t)
            return true;
    return false;
}

static void per_task_cb(void *ctx, capheap_owner_table_t *t, uintptr_t owner, void *ptr,
                        size_t size)
{
    (void)t;
    per_task_t *x = (per_task_t *)ctx;
    heap_task_info_params_t *p = x->p;
    TaskHandle_t task = handle_of_owner(owner);
    if (x->part >= 0 && p->totals && p->num_totals) {
        size_t k = 0;
        while (k < *p->num_totals && p->totals[k].task != task)
            k++;
        if (k == *p->num_totals && k < p->max_totals) {
            memset(&p->totals[k], 0, sizeof p->totals[k]);
            p->totals[k].task = task;
            (*p->num_totals)++;
        }
        if (k < *p->num_totals) {
            p->totals[k].size[x->part] += size;
            p->totals[k].count[x->part]++;
        }
    }
    if (p->blocks && x->blocks < p->max_blocks && listed(p, task))
        p->blocks[x->blocks++] = (heap_task_block_t){ task, ptr, (uint32_t)size };
}

size_t heap_caps_get_per_task_info(heap_task_info_params_t *p)
{
    capheap_caps_t *c = capheap_espidf_instance();
    if (!p || !c)
        return 0;
    if (p->totals && p->num_totals) {
        if (*p->num_totals > p->max_totals)
            *p->num_totals = p->max_totals;
        for (size_t k = 0; k < *p->num_totals; k++) {
            memset(p->totals[k].size, 0, sizeof p->totals[k].size);
            memset(p->totals[k].count, 0, sizeof p->totals[k].count);
        }
    }
    per_task_t x = { p, -1, 0 };
    for (size_t i = 0, n = capheap_caps_heap_count(c); i < n; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(c, i);
        uint32_t hc = capheap_caps_heap_caps(h);
        x.part = -1;
        for (int k = 0; k < NUM_HEAP_TASK_CAPS && x.part < 0; k++)
            if ((hc & (uint32_t)p->mask[k]) == (uint32_t)p->caps[k])
                x.part = k;
        walk_blocks(h, per_task_cb, &x);
    }
    return x.blocks;
}

/* ---------------------------------------------------------- task stats */

/* Fills *s for owner o (heap_stat NULL); returns false when it has no
 * figures in any heap. */
static bool task_stat_of(capheap_caps_t *c, uintptr_t o, task_stat_t *s)
{
    capheap_owner_usage_t u;
    memset(s, 0, sizeof *s);
    s->handle = handle_of_owner(o);
    s->is_alive = task_name(o, s->name, sizeof s->name);
    for (size_t i = 0, n = capheap_caps_heap_count(c); i < n; i++) {
        if (!usage_in(capheap_caps_heap_at(c, i), o, &u))
            continue;
        s->heap_count++;
        s->overall_current_usage += u.current_bytes;
        s->overall_peak_usage += u.peak_bytes;
    }
    return s->heap_count != 0;
}

/* Writes o's heap entries from heaps[*hi] on (at most hmax) and their
 * blocks from allocs[*ai] on (at most amax; a heap whose blocks do not all
 * fit gets alloc_stat NULL); advances the indexes. */
static void heaps_of(capheap_caps_t *c, uintptr_t o, heap_stat_t *heaps, size_t *hi, size_t hmax,
                     heap_task_block_t *allocs, size_t *ai, size_t amax)
{
    capheap_owner_usage_t u;
    for (size_t i = 0, n = capheap_caps_heap_count(c); i < n && *hi < hmax; i++) {
        const capheap_caps_heap_t *h = capheap_caps_heap_at(c, i);
        if (!usage_in(h, o, &u))
            continue;
        capheap_region_t r;
        capheap_caps_heap_region(h, &r);
        heap_stat_t *hs = &heaps[(*hi)++];
        *hs = (heap_stat_t){ r.name ? r.name : "?", capheap_caps_heap_caps(h), r.size,
                             u.current_bytes, u.peak_bytes, u.blocks, NULL };
        if (*ai + u.blocks > amax)
            continue;
        collect_t k = { o, allocs ? allocs + *ai : NULL, u.blocks, 0 };
        walk_blocks(h, collect_cb, &k);
        if (k.n > u.blocks)
            k.n = u.blocks; /* blocks added since the table was read */
        hs->alloc_count = k.n;
        hs->alloc_stat = allocs ? allocs + *ai : NULL;
        *ai += k.n;
    }
}

esp_err_t heap_caps_get_all_task_stat(heap_all_tasks_stat_t *s)
{
    if (!s || (!s->stat_arr && s->task_count) || (!s->heap_stat_start && s->heap_count) ||
        (!s->alloc_stat_start && s->alloc_count))
        return ESP_ERR_INVALID_ARG;
    capheap_caps_t *c = capheap_espidf_instance();
    if (!c)
        return ESP_ERR_INVALID_STATE;
    size_t ti = 0, hi = 0, ai = 0;
    uintptr_t o;
    for (size_t k = 0; ti < s->task_count && capheap_caps_owner_at(c, k, &o); k++) {
        task_stat_t *t = &s->stat_arr[ti];
        if (!task_stat_of(c, o, t))
            continue; /* cleared since it was listed */
        ti++;
        if (hi + t->heap_count > s->heap_count)
            continue;
        t->heap_stat = s->heap_stat_start + hi;
        size_t before = hi;
        heaps_of(c, o, s->heap_stat_start, &hi, hi + t->heap_count, s->alloc_stat_start, &ai,
                 s->alloc_count);
        t->heap_count = hi - before;
    }
    s->task_count = ti;
    s->heap_count = hi;
    s->alloc_count = ai;
    return ESP_OK;
}

esp_err_t heap_caps_get_single_task_stat(heap_single_task_stat_t *s, TaskHandle_t task)
{
    if (!s || (!s->heap_stat_start && s->heap_count) || (!s->alloc_stat_start && s->alloc_count))
        return ESP_ERR_INVALID_ARG;
    capheap_caps_t *c = capheap_espidf_instance();
    if (!c)
        return ESP_ERR_INVALID_STATE;
    uintptr_t o = task ? owner_of_handle(task) : capheap_port_owner();
    if (!task_stat_of(c, o, &s->stat))
        return ESP_FAIL;
    size_t hi = 0, ai = 0;
    s->stat.heap_stat = s->heap_stat_start;
    heaps_of(c, o, s->heap_stat_start, &hi, s->heap_count, s->alloc_stat_start, &ai,
             s->alloc_count);
    s->heap_count = hi;
    s->alloc_count = ai;
    return ESP_OK;
}

/* ------------------------------------------------------------ arrays */

/* Room for what may be added between the alloc and the get calls. */
enum { SLACK_TASKS = 2, SLACK_HEAPS = 4, SLACK_BLOCKS = 16 };

static esp_err_t alloc_arrays(size_t heaps, size_t blocks, heap_stat_t **hs, heap_task_block_t **bs)
{
    *hs = (heap_stat_t *)heap_caps_calloc(heaps, sizeof **hs, MALLOC_CAP_DEFAULT);
    *bs = (heap_task_block_t *)heap_caps_calloc(blocks, sizeof **bs, MALLOC_CAP_DEFAULT);
    if (*hs && *bs)
        return ESP_OK;
    heap_caps_free(*hs);
    heap_caps_free(*bs);
    *hs = NULL;
    *bs = NULL;
    return ESP_FAIL;
}

esp_err_t heap_caps_alloc_single_task_stat_arrays(heap_single_task_stat_t *s, TaskHandle_t task)
{
    if (!s)
        return ESP_ERR_INVALID_ARG;
    capheap_caps_t *c = capheap_espidf_instance();
    if (!c)
        return ESP_ERR_INVALID_STATE;
    capheap_owner_usage_t u;
    uintptr_t o = task ? owner_of_handle(task) : capheap_port_owner();
    size_t heaps = capheap_caps_owner_usage(c, o, 0, &u) + SLACK_HEAPS;
    size_t blocks = u.blocks + SLACK_BLOCKS;
    esp_err_t e = alloc_arrays(heaps, blocks, &s->heap_stat_start, &s->alloc_stat_start);
    s->heap_count = e == ESP_OK ? heaps : 0;
    s->alloc_count = e == ESP_OK ? blocks : 0;
    return e;
}

void heap_caps_free_single_task_stat_arrays(heap_single_task_stat_t *s)
{
    if (!s)
        return;
    heap_caps_free(s->heap_stat_start);
    heap_caps_free(s->alloc_stat_start);
    s->heap_stat_start = NULL;
    s->alloc_stat_start = NULL;
    s->heap_count = s->alloc_count = 0;
}

esp_err_t heap_caps_alloc_all_task_stat_arrays(heap_all_tasks_stat_t *s)
{
    if (!s)
        return ESP_ERR_INVALID_ARG;
    capheap_caps_t *c = capheap_espidf_instance();
    if (!c)
        return ESP_ERR_INVALID_STATE;
    size_t tasks = SLACK_TASKS, heaps = SLACK_HEAPS, blocks = SLACK_BLOCKS;
    uintptr_t o;
    for (size_t k = 0; capheap_caps_owner_at(c, k, &o); k++) {
        capheap_owner_usage_t u;
        tasks++;
        heaps += capheap_caps_owner_usage(c, o, 0, &u);
        blocks += u.blocks;
    }
    s->stat_arr = (task_stat_t *)heap_caps_calloc(tasks, sizeof *s->stat_arr, MALLOC_CAP_DEFAULT);
    esp_err_t e = s->stat_arr ? alloc_arrays(heaps, blocks, &s->heap_stat_start,
                                             &s->alloc_stat_start)
                              : ESP_FAIL;
    if (e != ESP_OK) {
        heap_caps_free(s->stat_arr);
        s->stat_arr = NULL;
        tasks = heaps = blocks = 0;
    }
    s->task_count = tasks;
    s->heap_count = heaps;
    s->alloc_count = blocks;
    return e;
}

void heap_caps_free_all_task_stat_arrays(heap_all_tasks_stat_t *s)
{
    if (!s)
        return;
    heap_caps_free(s->stat_arr);
    heap_caps_free(s->heap_stat_start);
    heap_caps_free(s->alloc_stat_start);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------ prints */

static void stream_sink(void *ctx, const char *text)
{
    fputs(text, (FILE *)ctx);
}

/* The sink for `stream` (NULL: the layer's print sink). */
static void sink_for(FILE *stream, capheap_print_fn *print, void **ctx)
{
    if (stream) {
        *print = stream_sink;
        *ctx = stream;
    } else {
        espidf_get_print(print, ctx);
    }
}

void heap_caps_print_all_task_stat(FILE *stream)
{
    capheap_print_fn print;
    void *ctx;
    sink_for(stream, &print, &ctx);
    capheap_caps_print_owner_stats(capheap_espidf_instance(), CAPHEAP_OWNER_ALL, s_names,
                                   s_names_ctx, print, ctx);
}

void heap_caps_print_single_task_stat(FILE *stream, TaskHandle_t task)
{
    capheap_print_fn print;
    void *ctx;
    sink_for(stream, &print, &ctx);
    capheap_caps_print_owner_stats(capheap_espidf_instance(),
                                   task ? owner_of_handle(task) : capheap_port_owner(), s_names,
                                   s_names_ctx, print, ctx);
}

void heap_caps_print_all_task_stat_overview(FILE *stream)
{
    capheap_print_fn print;
    void *ctx;
    sink_for(stream, &print, &ctx);
    capheap_caps_print_owner_overview(capheap_espidf_instance(), CAPHEAP_OWNER_ALL, s_names,
                                      s_names_ctx, print, ctx);
}

void heap_caps_print_single_task_stat_overview(FILE *stream, TaskHandle_t task)
{
    capheap_print_fn print;
    void *ctx;
    sink_for(stream, &print, &ctx);
    capheap_caps_print_owner_overview(capheap_espidf_instance(),
                                      task ? owner_of_handle(task) : capheap_port_owner(),
                                      s_names, s_names_ctx, print, ctx);
}

#endif /* CAPHEAP_TASK_TRACKING */
