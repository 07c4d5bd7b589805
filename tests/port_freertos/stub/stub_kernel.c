/*
 * The stub kernel: mutexes, critical sections, scheduler state and task
 * handles, each call counted, misuse counted in stub.errors:
 *   - a take with a finite timeout (capheap must wait forever), of a mutex
 *     the calling thread already holds (a recursive take: a real
 *     non-recursive mutex would deadlock), of an unknown or deleted mutex;
 *   - a give of a mutex the caller does not hold;
 *   - deleting a held mutex;
 *   - a FROM_ISR exit with a mask other than its enter's, a task-level
 *     enter or exit while "in an interrupt" or the reverse.
 */
#if !defined(_POSIX_C_SOURCE) && !defined(CAPHEAP_BARE_METAL)
#define _POSIX_C_SOURCE 200809L
#endif
#include "stub_kernel.h"
#include "semphr.h"
#include "task.h"

#include <string.h>

#if !defined(CAPHEAP_BARE_METAL)
#define STUB_THREADS 1
#include <pthread.h>
#include <stdatomic.h>
#else
#define STUB_THREADS 0
#endif

stub_counts_t stub;
BaseType_t stub_scheduler_state = taskSCHEDULER_RUNNING;
int stub_in_isr;
int stub_fail_create;

#define STUB_MUTEXES 64

struct stub_mutex {
    int in_use;
    int held;
#if STUB_THREADS
    pthread_t holder;
    pthread_mutex_t m;
#endif
};

static struct stub_mutex mutexes[STUB_MUTEXES];

#if STUB_THREADS
/* Counters are bumped by several threads: one mutex guards them. */
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t crit_lock = PTHREAD_MUTEX_INITIALIZER;
#define COUNT(stmt) do { pthread_mutex_lock(&count_lock); stmt; pthread_mutex_unlock(&count_lock); } while (0)
#else
#define COUNT(stmt) do { stmt; } while (0)
#endif

static unsigned long crit_depth;
static UBaseType_t next_mask = 0x100;

void stub_reset(void)
{
    for (int i = 0; i < STUB_MUTEXES; i++) {
        if (mutexes[i].in_use) {
#if STUB_THREADS
            pthread_mutex_destroy(&mutexes[i].m);
#endif
        }
        memset(&mutexes[i], 0, sizeof mutexes[i]);
    }
    memset(&stub, 0, sizeof stub);
    stub_scheduler_state = taskSCHEDULER_RUNNING;
    stub_in_isr = 0;
    stub_fail_create = 0;
    crit_depth = 0;
}

unsigned long stub_live_mutexes(void)
{
    unsigned long n = 0;
    for (int i = 0; i < STUB_MUTEXES; i++)
        n += mutexes[i].in_use != 0;
    return n;
}

static struct stub_mutex *new_mutex(void)
{
    if (stub_fail_create)
        return NULL;
    for (int i = 0; i < STUB_MUTEXES; i++) {
        if (!mutexes[i].in_use) {
            memset(&mutexes[i], 0, sizeof mutexes[i]);
            mutexes[i].in_use = 1;
#if STUB_THREADS
            pthread_mutex_init(&mutexes[i].m, NULL);
#endif
            return &mutexes[i];
        }
    }
    return NULL;
}

SemaphoreHandle_t xSemaphoreCreateMutex(void)
{
    struct stub_mutex *m = new_mutex();
    if (m)
        COUNT(stub.created++);
    return m;
}

/* As FreeRTOS: the handle is the buffer's address. */
SemaphoreHandle_t xSemaphoreCreateMutexStatic(StaticSemaphore_t *buffer)
{
    struct stub_mutex *m = new_mutex();
    if (!m)
        return NULL;
    memset(buffer, 0, sizeof *buffer);
    buffer->stub_entry = m;
    COUNT(stub.created_static++);
    return (SemaphoreHandle_t)(void *)buffer;
}

static struct stub_mutex *entry(SemaphoreHandle_t h)
{
    for (int i = 0; i < STUB_MUTEXES; i++)
        if (h == &mutexes[i])
            return mutexes[i].in_use ? &mutexes[i] : NULL;
    /* a static mutex: the handle is a StaticSemaphore_t */
    struct stub_mutex *m = h ? (struct stub_mutex *)((StaticSemaphore_t *)(void *)h)->stub_entry : NULL;
    for (int i = 0; i < STUB_MUTEXES; i++)
        if (m == &mutexes[i])
            return mutexes[i].in_use ? m : NULL;
    return NULL;
}

/* held/holder are read and written under count_lock (several threads). */
BaseType_t xSemaphoreTake(SemaphoreHandle_t h, TickType_t ticks)
{
    struct stub_mutex *m = entry(h);
    if (!m || ticks != portMAX_DELAY || stub_in_isr) {
        COUNT(stub.errors++);
        return pdFALSE;
    }
#if STUB_THREADS
    int recursive;
    COUNT(recursive = m->held && pthread_equal(m->holder, pthread_self()));
    if (recursive) {
        COUNT(stub.errors++);
        return pdFALSE;
    }
    pthread_mutex_lock(&m->m);
    COUNT(m->held = 1; m->holder = pthread_self(); stub.takes++);
#else
    if (m->held) {
        stub.errors++;
        return pdFALSE;
    }
    m->held = 1;
    stub.takes++;
#endif
    return pdTRUE;
}

BaseType_t xSemaphoreGive(SemaphoreHandle_t h)
{
    struct stub_mutex *m = entry(h);
    int mine;
#if STUB_THREADS
    COUNT(mine = m && m->held && pthread_equal(m->holder, pthread_self()));
#else
    mine = m && m->held;
#endif
    if (!mine) {
        COUNT(stub.errors++);
        return pdFALSE;
    }
    COUNT(m->held = 0; stub.gives++);
#if STUB_THREADS
    pthread_mutex_unlock(&m->m);
#endif
    return pdTRUE;
}

void vSemaphoreDelete(SemaphoreHandle_t h)
{
    struct stub_mutex *m = entry(h);
    if (!m || m->held) {
        COUNT(stub.errors++);
        return;
    }
#if STUB_THREADS
    pthread_mutex_destroy(&m->m);
#endif
    m->in_use = 0;
    COUNT(stub.deleted++);
}

BaseType_t xTaskGetSchedulerState(void)
{
    return stub_scheduler_state;
}

BaseType_t xPortIsInsideInterrupt(void)
{
    return stub_in_isr ? pdTRUE : pdFALSE;
}

/* Each thread is a task; its handle is the address of a thread-local. */
#if STUB_THREADS
static _Thread_local char task_tag;
#else
static char task_tag;
#endif

TaskHandle_t xTaskGetCurrentTaskHandle(void)
{
    return (TaskHandle_t)(void *)&task_tag;
}

/* The critical section: one global lock (interrupts masked on one core). */
static void crit_in(void)
{
#if STUB_THREADS
    pthread_mutex_lock(&crit_lock);
#endif
    crit_depth++;
    if (crit_depth > stub.max_crit_depth)
        stub.max_crit_depth = crit_depth;
}

static void crit_out(void)
{
    if (crit_depth == 0)
        stub.errors++;
    else
        crit_depth--;
#if STUB_THREADS
    pthread_mutex_unlock(&crit_lock);
#endif
}

void stub_enter_critical(void)
{
    crit_in();
    stub.crit_enters++;
    if (stub_in_isr)
        stub.errors++;
}

void stub_exit_critical(void)
{
    stub.crit_exits++;
    if (stub_in_isr)
        stub.errors++;
    crit_out();
}

static UBaseType_t masks[8];

UBaseType_t stub_enter_critical_from_isr(void)
{
    crit_in();
    stub.isr_enters++;
    if (!stub_in_isr)
        stub.errors++;
    UBaseType_t mask = next_mask++;
    masks[crit_depth % 8] = mask;
    return mask;
}

void stub_exit_critical_from_isr(UBaseType_t saved)
{
    stub.isr_exits++;
    if (!stub_in_isr || saved != masks[crit_depth % 8])
        stub.errors++;
    crit_out();
}
