/*
 * ESP-IDF's esp_heap_task_info.h over capheap's accounting: the test
 * fixture's instance becomes the default instance (capheap_espidf_init_
 * instance), tasks are chosen with capheap_port_set_owner_fn (a TaskHandle_t
 * is the owner value), so this runs on bare metal too.
 * heap_caps_get_all_task_stat / _single_task_stat fill the caller's arrays
 * with exact figures and blocks and follow ESP-IDF's rules when they are
 * too small; the legacy heap_caps_get_per_task_info partitions totals by
 * caps; the alloc/free array helpers; the prints reach the stream or the
 * layer's sink.
 */
#include "tasks_fixture.h"

#include "capheap_espidf.h"
#include "esp_heap_caps.h"
#include "esp_heap_task_info.h"

static uintptr_t g_owner;
static uintptr_t test_owner(void)
{
    return g_owner;
}

static tfx_t F;

#define TA ((TaskHandle_t)(uintptr_t)0x1000)
#define TB ((TaskHandle_t)(uintptr_t)0x2000)

static bool names(void *ctx, uintptr_t owner, char *name, size_t len)
{
    (void)ctx;
    capheap_snprintf(name, len, "%s", owner == 0x1000 ? "alpha" : owner == 0x2000 ? "beta" : "");
    return owner != 0x2000;
}

/* Workload: pre-scheduler 64 B internal; A: 100 + 200 internal, 300
 * external; B: 50 external (then B is "deleted"). */
static void *g_blocks[5];

static void workload(void)
{
    g_owner = 0;
    g_blocks[0] = heap_caps_malloc(64, MALLOC_CAP_INTERNAL);
    g_owner = 0x1000;
    g_blocks[1] = heap_caps_malloc(100, MALLOC_CAP_INTERNAL);
    g_blocks[2] = heap_caps_malloc(200, MALLOC_CAP_INTERNAL);
    g_blocks[3] = heap_caps_malloc(300, MALLOC_CAP_SPIRAM);
    g_owner = 0x2000;
    g_blocks[4] = heap_caps_malloc(50, MALLOC_CAP_SPIRAM);
    g_owner = 0x1000;
}

static bool has_block(const heap_task_block_t *b, size_t n, const void *p, uint32_t size,
                      TaskHandle_t t)
{
    for (size_t i = 0; i < n; i++)
        if (b[i].address == p && b[i].size == size && b[i].task == t)
            return true;
    return false;
}

/* Before the default instance exists (run first). */
static void t_before_init(void)
{
    task_stat_t tasks[1];
    heap_all_tasks_stat_t s = { 1, tasks, 0, NULL, 0, NULL };
    CHECK_EQ_U(heap_caps_get_all_task_stat(&s), ESP_ERR_INVALID_STATE);
    heap_single_task_stat_t one;
    memset(&one, 0, sizeof one);
    CHECK_EQ_U(heap_caps_get_single_task_stat(&one, NULL), ESP_ERR_INVALID_STATE);
    CHECK_EQ_U(heap_caps_alloc_single_task_stat_arrays(&one, NULL), ESP_ERR_INVALID_STATE);
    heap_task_info_params_t p;
    memset(&p, 0, sizeof p);
    CHECK_EQ_SZ(heap_caps_get_per_task_info(&p), 0);
    static sink_t out;
    capheap_espidf_set_print(sink_fn, &out);
    heap_caps_print_all_task_stat_overview(NULL);
    heap_caps_print_all_task_stat(NULL);
    capheap_espidf_set_print(NULL, NULL);
    CHECK_EQ_SZ(out.len, 0);
}

static void t_all_task_stat(void)
{
    task_stat_t tasks[4];
    heap_stat_t heaps[8];
    heap_task_block_t blocks[8];
    heap_all_tasks_stat_t s = { 4, tasks, 8, heaps, 8, blocks };
    REQUIRE(heap_caps_get_all_task_stat(&s) == ESP_OK);
    CHECK_EQ_SZ(s.task_count, 3);
    CHECK_EQ_SZ(s.heap_count, 4);
    CHECK_EQ_SZ(s.alloc_count, 5);
    /* pre-scheduler, A (DRAM then SPIRAM: first appearance), B */
    CHECK(tasks[0].handle == NULL && strcmp(tasks[0].name, "Pre-scheduler") == 0);
    CHECK(tasks[0].is_alive);
    CHECK_EQ_SZ(tasks[0].overall_current_usage, 64);
    CHECK(tasks[1].handle == TA && strcmp(tasks[1].name, "alpha") == 0 && tasks[1].is_alive);
    CHECK_EQ_SZ(tasks[1].overall_current_usage, 600);
    CHECK_EQ_SZ(tasks[1].overall_peak_usage, 600);
    CHECK_EQ_SZ(tasks[1].heap_count, 2);
    CHECK(tasks[2].handle == TB && !tasks[2].is_alive);
    REQUIRE(tasks[1].heap_stat != NULL);
    size_t in_dram = 0;
    for (size_t h = 0; h < 2; h++) {
        const heap_stat_t *hs = &tasks[1].heap_stat[h];
        REQUIRE(hs->alloc_stat != NULL);
        if (strcmp(hs->name, "DRAM") == 0) {
            in_dram++;
            CHECK_EQ_SZ(hs->current_usage, 300);
            CHECK_EQ_SZ(hs->alloc_count, 2);
            CHECK_EQ_SZ(hs->size, TFX_DRAM_SIZE);
            CHECK(has_block(hs->alloc_stat, 2, g_blocks[1], 100, TA));
            CHECK(has_block(hs->alloc_stat, 2, g_blocks[2], 200, TA));
        } else {
            CHECK(strcmp(hs->name, "SPIRAM") == 0);
            CHECK_EQ_SZ(hs->current_usage, 300);
            CHECK_EQ_SZ(hs->alloc_count, 1);
            CHECK(has_block(hs->alloc_stat, 1, g_blocks[3], 300, TA));
        }
    }
    CHECK_EQ_SZ(in_dram, 1);
    /* too small: two tasks; the block array holds only 2 blocks, so the
     * second task's heap with 2 blocks gets no block list */
    heap_all_tasks_stat_t t = { 2, tasks, 8, heaps, 2, blocks };
    REQUIRE(heap_caps_get_all_task_stat(&t) == ESP_OK);
    CHECK_EQ_SZ(t.task_count, 2);
    CHECK_EQ_SZ(t.alloc_count, 2); /* pre-scheduler's 1, then A's SPIRAM 1 */
    REQUIRE(tasks[1].heap_stat != NULL);
    for (size_t h = 0; h < 2; h++)
        CHECK((tasks[1].heap_stat[h].alloc_stat == NULL) == (tasks[1].heap_stat[h].alloc_count == 2));
    /* heap array too small for A's two heaps: no heap list for A */
    heap_all_tasks_stat_t u = { 4, tasks, 2, heaps, 8, blocks };
    REQUIRE(heap_caps_get_all_task_stat(&u) == ESP_OK);
    CHECK(tasks[0].heap_stat != NULL);
    CHECK(tasks[1].heap_stat == NULL);
    CHECK(tasks[2].heap_stat != NULL);
    CHECK_EQ_SZ(u.heap_count, 2);
    /* bad arguments */
    heap_all_tasks_stat_t bad = { 1, NULL, 0, NULL, 0, NULL };
    CHECK_EQ_U(heap_caps_get_all_task_stat(&bad), ESP_ERR_INVALID_ARG);
    CHECK_EQ_U(heap_caps_get_all_task_stat(NULL), ESP_ERR_INVALID_ARG);
}

static void t_single_task_stat(void)
{
    heap_stat_t heaps[4];
    heap_task_block_t blocks[4];
    heap_single_task_stat_t s = { .heap_count = 4, .heap_stat_start = heaps,
                                  .alloc_count = 4, .alloc_stat_start = blocks };
    g_owner = 0x1000;
    REQUIRE(heap_caps_get_single_task_stat(&s, NULL) == ESP_OK); /* the calling task */
    CHECK(s.stat.handle == TA);
    CHECK_EQ_SZ(s.stat.overall_current_usage, 600);
    CHECK_EQ_SZ(s.heap_count, 2);
    CHECK_EQ_SZ(s.alloc_count, 3);
    CHECK(s.stat.heap_stat == heaps);
    s = (heap_single_task_stat_t){ .heap_count = 4, .heap_stat_start = heaps,
                                   .alloc_count = 4, .alloc_stat_start = blocks };
    REQUIRE(heap_caps_get_single_task_stat(&s, TB) == ESP_OK);
    CHECK(!s.stat.is_alive && strcmp(s.stat.name, "beta") == 0);
    CHECK_EQ_SZ(s.alloc_count, 1);
    CHECK(has_block(blocks, 1, g_blocks[4], 50, TB));
    /* unknown task, bad arguments */
    s = (heap_single_task_stat_t){ .heap_count = 4, .heap_stat_start = heaps };
    CHECK_EQ_U(heap_caps_get_single_task_stat(&s, (TaskHandle_t)(uintptr_t)0x7777), ESP_FAIL);
    s = (heap_single_task_stat_t){ .heap_count = 4 };
    CHECK_EQ_U(heap_caps_get_single_task_stat(&s, TA), ESP_ERR_INVALID_ARG);
    CHECK_EQ_U(heap_caps_get_single_task_stat(NULL, TA), ESP_ERR_INVALID_ARG);
}

static void t_per_task_info(void)
{
    heap_task_totals_t totals[4];
    size_t num = 0;
    heap_task_block_t blocks[8];
    heap_task_info_params_t p;
    memset(&p, 0, sizeof p);
    /* partition 0: internal heaps; 1: external */
    p.caps[0] = MALLOC_CAP_INTERNAL;
    p.mask[0] = MALLOC_CAP_INTERNAL;
    p.caps[1] = MALLOC_CAP_SPIRAM;
    p.mask[1] = MALLOC_CAP_SPIRAM;
    p.totals = totals;
    p.num_totals = &num;
    p.max_totals = 4;
    p.blocks = blocks;
    p.max_blocks = 8;
    CHECK_EQ_SZ(heap_caps_get_per_task_info(&p), 5);
    CHECK_EQ_SZ(num, 3);
    for (size_t k = 0; k < num; k++) {
        if (totals[k].task == TA) {
            CHECK_EQ_SZ(totals[k].size[0], 300);
            CHECK_EQ_SZ(totals[k].count[0], 2);
            CHECK_EQ_SZ(totals[k].size[1], 300);
            CHECK_EQ_SZ(totals[k].count[1], 1);
        } else if (totals[k].task == TB) {
            CHECK_EQ_SZ(totals[k].size[0], 0);
            CHECK_EQ_SZ(totals[k].size[1], 50);
        } else {
            CHECK(totals[k].task == NULL);
            CHECK_EQ_SZ(totals[k].size[0], 64);
        }
    }
    CHECK(has_block(blocks, 5, g_blocks[3], 300, TA));
    /* again with the totals kept: same order, same figures; blocks of B only */
    TaskHandle_t only[1] = { TB };
    p.tasks = only;
    p.num_tasks = 1;
    heap_task_totals_t before[4];
    memcpy(before, totals, sizeof before);
    CHECK_EQ_SZ(heap_caps_get_per_task_info(&p), 1);
    CHECK(blocks[0].task == TB && blocks[0].address == g_blocks[4]);
    CHECK_EQ_SZ(num, 3);
    CHECK(memcmp(before, totals, num * sizeof totals[0]) == 0);
    /* no partition matches: no totals, blocks still listed */
    for (int k = 0; k < NUM_HEAP_TASK_CAPS; k++)
        p.caps[k] = MALLOC_CAP_DMA; /* with mask 0: never equal */
    memset(p.mask, 0, sizeof p.mask);
    num = 0;
    p.tasks = NULL;
    CHECK_EQ_SZ(heap_caps_get_per_task_info(&p), 5);
    CHECK_EQ_SZ(num, 0);
    CHECK_EQ_SZ(heap_caps_get_per_task_info(NULL), 0);
}

static void t_arrays(void)
{
    /* the arrays are heap blocks of the calling task: a task of their own
     * here, so that A's figures stay as the workload left them */
    g_owner = 0x5000;
    heap_all_tasks_stat_t s;
    memset(&s, 0, sizeof s);
    REQUIRE(heap_caps_alloc_all_task_stat_arrays(&s) == ESP_OK);
    CHECK(s.task_count >= 3 && s.heap_count >= 4 && s.alloc_count >= 5);
    capheap_owner_usage_t mine;
    CHECK(capheap_caps_owner_usage(F.caps, 0x5000, 0, &mine) >= 1);
    CHECK_EQ_SZ(mine.blocks, 3);
    REQUIRE(heap_caps_get_all_task_stat(&s) == ESP_OK);
    CHECK(s.task_count >= 3);
    heap_caps_free_all_task_stat_arrays(&s);
    CHECK(s.stat_arr == NULL && s.task_count == 0);
    heap_single_task_stat_t one;
    memset(&one, 0, sizeof one);
    REQUIRE(heap_caps_alloc_single_task_stat_arrays(&one, TA) == ESP_OK);
    CHECK(one.heap_count >= 2 && one.alloc_count >= 3);
    REQUIRE(heap_caps_get_single_task_stat(&one, TA) == ESP_OK);
    CHECK_EQ_SZ(one.alloc_count, 3);
    heap_caps_free_single_task_stat_arrays(&one);
    CHECK(one.heap_stat_start == NULL && one.alloc_count == 0);
    CHECK_EQ_U(heap_caps_alloc_all_task_stat_arrays(NULL), ESP_ERR_INVALID_ARG);
    heap_caps_free_all_task_stat_arrays(NULL);
    CHECK(capheap_caps_owner_usage(F.caps, 0x5000, 0, &mine) >= 1);
    CHECK_EQ_SZ(mine.blocks, 0);
    g_owner = 0x1000;
}

static sink_t g_out;

static void t_prints(void)
{
    memset(&g_out, 0, sizeof g_out);
    capheap_espidf_set_print(sink_fn, &g_out);
    heap_caps_print_all_task_stat_overview(NULL);
    CHECK(strstr(g_out.buf, "               beta \xe2\x94\x82 DELETED \xe2\x94\x82                   50 ") != NULL);
    CHECK(strstr(g_out.buf, "              alpha \xe2\x94\x82 ALIVE   \xe2\x94\x82                  600 ") != NULL);
    memset(&g_out, 0, sizeof g_out);
    heap_caps_print_single_task_stat_overview(NULL, TB);
    CHECK(strstr(g_out.buf, "beta") != NULL && strstr(g_out.buf, "alpha") == NULL);
    memset(&g_out, 0, sizeof g_out);
    heap_caps_print_single_task_stat(NULL, TA);
    char line[96];
    capheap_snprintf(line, sizeof line, "ALLOC 0x%08llx, SIZE 300\n",
                     (unsigned long long)(uintptr_t)g_blocks[3]);
    CHECK(strstr(g_out.buf, line) != NULL);
    CHECK(strstr(g_out.buf, "\xe2\x94\x94 ALIVE: alpha, CURRENT MEMORY USAGE 600,") == g_out.buf);
    memset(&g_out, 0, sizeof g_out);
    heap_caps_print_all_task_stat(NULL);
    CHECK(strstr(g_out.buf, "\xe2\x94\x9c ALIVE: Pre-scheduler,") == g_out.buf);
    CHECK(strstr(g_out.buf, " DELETED: beta, CURRENT MEMORY USAGE 50,") != NULL);
    capheap_espidf_set_print(NULL, NULL);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    capheap_port_set_owner_fn(test_owner);
    RUN(t_before_init);
    if (!tfx_open(&F) || capheap_espidf_init_instance(F.caps, NULL) != ESP_OK) {
        check_log("tasks_espidf: no instance\n");
        return 1;
    }
    capheap_espidf_set_task_names(names, NULL);
    workload();
    for (int i = 0; i < 5; i++)
        if (!g_blocks[i])
            return 1;
    RUN(t_all_task_stat);
    RUN(t_single_task_stat);
    RUN(t_per_task_info);
    RUN(t_arrays);
    RUN(t_prints);
    return check_summary("tasks_espidf");
}
