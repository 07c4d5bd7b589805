/*
 * ESP-IDF heap task tracking (esp_heap_task_info.h) over capheap's
 * per-owner accounting (capheap/tasks.h, docs/debugging.md), for the
 * default instance behind heap_caps_*. As in ESP-IDF, declared only when
 * task tracking is built (CAPHEAP_TASK_TRACKING, ESP-IDF's
 * CONFIG_HEAP_TASK_TRACKING); without it this header declares nothing.
 *
 * Tasks are capheap owners: a TaskHandle_t is the value the owner hook
 * returns (xTaskGetCurrentTaskHandle() on FreeRTOS; on the host the thread
 * number), NULL the pre-scheduler owner. Where capheap differs from
 * ESP-IDF:
 *  - names and ALIVE/DELETED come from capheap_espidf_set_task_names (no
 *    FreeRTOS here); without it, "Pre-scheduler" for NULL, the handle in hex
 *    otherwise, all ALIVE;
 *  - overall_peak_usage is the sum of the task's per-heap peaks (capheap
 *    keeps peaks per heap; exact when the task used one heap);
 *  - a heap's table holds CAPHEAP_TASK_TRACKING_OWNERS tasks; later tasks
 *    of that heap are reported as one pseudo-task "other" whose handle is
 *    (TaskHandle_t)CAPHEAP_OWNER_OTHER;
 *  - block sizes are the sizes heap_caps_get_allocated_size reports;
 *  - the arrays of heap_caps_alloc_*_task_stat_arrays come from
 *    heap_caps_malloc(MALLOC_CAP_DEFAULT) and are counted for the caller;
 *  - the print functions write to `stream`, or when it is NULL to the
 *    layer's print sink (capheap_espidf_set_print; stdout by default).
 * Functions may be called from any task; none from an interrupt.
 */
#ifndef CAPHEAP_ESP_HEAP_TASK_INFO_H
#define CAPHEAP_ESP_HEAP_TASK_INFO_H

#include "capheap/tasks.h"
#include "capheap_esp_err.h"

#if CAPHEAP_TASK_TRACKING

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* FreeRTOS's task handle type, spelled as FreeRTOS spells it (a repeated
 * identical typedef is valid C11 and C++). */
typedef struct tskTaskControlBlock *TaskHandle_t;

#ifndef configMAX_TASK_NAME_LEN
#define configMAX_TASK_NAME_LEN 16
#endif

/* Partitions of heap_caps_get_per_task_info's totals. */
#define NUM_HEAP_TASK_CAPS 4

/* One task's totals per partition. */
typedef struct {
    TaskHandle_t task;
    size_t size[NUM_HEAP_TASK_CAPS];
    size_t count[NUM_HEAP_TASK_CAPS];
} heap_task_totals_t;

/* One live block. */
typedef struct {
    TaskHandle_t task;
    void *address;
    uint32_t size;
} heap_task_block_t;

/* Parameters of heap_caps_get_per_task_info (see there). */
typedef struct {
    int32_t caps[NUM_HEAP_TASK_CAPS];
    int32_t mask[NUM_HEAP_TASK_CAPS];
    TaskHandle_t *tasks;
    size_t num_tasks;
    heap_task_totals_t *totals;
    size_t *num_totals;
    size_t max_totals;
    heap_task_block_t *blocks;
    size_t max_blocks;
} heap_task_info_params_t;

/* One task's use of one heap. */
typedef struct {
    const char *name;              /* the heap's memory-type name */
    uint32_t caps;                 /* union of the heap's caps */
    size_t size;                   /* the region's size */
    size_t current_usage;
    size_t peak_usage;
    size_t alloc_count;            /* live blocks */
    heap_task_block_t *alloc_stat; /* its blocks, NULL if they did not fit */
} heap_stat_t;

/* One task. */
typedef struct {
    char name[configMAX_TASK_NAME_LEN];
    TaskHandle_t handle;
    bool is_alive;
    size_t overall_peak_usage;     /* sum of the per-heap peaks */
    size_t overall_current_usage;
    size_t heap_count;             /* heaps in which it has figures */
    heap_stat_t *heap_stat;        /* NULL if they did not fit */
} task_stat_t;

/* Caller's storage for heap_caps_get_single_task_stat. */
typedef struct {
    task_stat_t stat;
    size_t heap_count;                   /* in: entries at heap_stat_start;
                                            out: entries used */
    heap_stat_t *heap_stat_start;
    size_t alloc_count;                  /* in/out as heap_count */
    heap_task_block_t *alloc_stat_start;
} heap_single_task_stat_t;

/* Caller's storage for heap_caps_get_all_task_stat. */
typedef struct {
    size_t task_count;                   /* in: entries at stat_arr; out: used */
    task_stat_t *stat_arr;
    size_t heap_count;
    heap_stat_t *heap_stat_start;
    size_t alloc_count;
    heap_task_block_t *alloc_stat_start;
} heap_all_tasks_stat_t;

/*
 * ESP-IDF's first task-tracking call. Totals: for each task with live
 * blocks, per partition i the bytes and blocks in heaps whose caps ANDed
 * with mask[i] equal caps[i] (first match; mask 0 and caps 0 match every
 * heap); the first *num_totals entries of totals are kept in place (their
 * figures recomputed), new tasks appended up to max_totals (later ones are
 * not collected); totals may be NULL. Blocks: of the listed tasks (tasks
 * NULL: of every task) up to max_blocks. Returns the number of blocks
 * written; 0 for NULL params or before heap_caps_init. O(blocks).
 */
size_t heap_caps_get_per_task_info(heap_task_info_params_t *params);

/*
 * Fills the caller's arrays for every task, in capheap_caps_owners order,
 * up to task_count; a task whose heaps do not all fit in the heap array
 * gets heap_stat NULL, a heap whose blocks do not all fit in the block
 * array gets alloc_stat NULL. The counts are set to what was used.
 * ESP_ERR_INVALID_ARG for NULL, or an array NULL with a non-zero count;
 * ESP_ERR_INVALID_STATE before heap_caps_init.
 */
esp_err_t heap_caps_get_all_task_stat(heap_all_tasks_stat_t *tasks_stat);

/*
 * The same for one task (NULL: the calling task). ESP_FAIL when the task
 * has no figures; ESP_ERR_INVALID_ARG / _STATE as above.
 */
esp_err_t heap_caps_get_single_task_stat(heap_single_task_stat_t *task_stat,
                                         TaskHandle_t task_handle);

/* The detailed tree (capheap_caps_print_owner_stats) of every task / one. */
void heap_caps_print_all_task_stat(FILE *stream);
void heap_caps_print_single_task_stat(FILE *stream, TaskHandle_t task_handle);

/* The overview table (capheap_caps_print_owner_overview) of every task /
 * one. */
void heap_caps_print_all_task_stat_overview(FILE *stream);
void heap_caps_print_single_task_stat_overview(FILE *stream, TaskHandle_t task_handle);

/*
 * Allocates arrays sized for the figures now (plus room for a few more:
 * they may grow before the get call) and sets the counts and pointers.
 * ESP_FAIL when they cannot be allocated (nothing kept), ESP_ERR_INVALID_ARG
 * for NULL, ESP_ERR_INVALID_STATE before heap_caps_init. The free
 * functions release them and zero the pointers and counts (NULL: nothing).
 */
esp_err_t heap_caps_alloc_single_task_stat_arrays(heap_single_task_stat_t *task_stat,
                                                  TaskHandle_t task_handle);
void heap_caps_free_single_task_stat_arrays(heap_single_task_stat_t *task_stat);
esp_err_t heap_caps_alloc_all_task_stat_arrays(heap_all_tasks_stat_t *tasks_stat);
void heap_caps_free_all_task_stat_arrays(heap_all_tasks_stat_t *tasks_stat);

/*
 * capheap extension: names tasks and says whether each is alive, for the
 * statistics and prints above (e.g. pcTaskGetName and the task list on
 * FreeRTOS). NULL restores the defaults. Not thread-safe with concurrent
 * calls of the functions above. O(1).
 */
void capheap_espidf_set_task_names(capheap_owner_name_fn fn, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_TASK_TRACKING */

#endif /* CAPHEAP_ESP_HEAP_TASK_INFO_H */
