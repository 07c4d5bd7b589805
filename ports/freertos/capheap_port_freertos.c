/*
 * FreeRTOS lock ports and owner hook (capheap_port_freertos.h). Compiles to
 * nothing when no FreeRTOS header is on the include path.
 */
#if defined(__has_include)
#if __has_include("FreeRTOS.h")
#define CAPHEAP_PORT_FREERTOS_HEADERS 1
#include "FreeRTOS.h"
#include "semphr.h"
#include "task.h"
#elif __has_include("freertos/FreeRTOS.h")
#define CAPHEAP_PORT_FREERTOS_HEADERS 1
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"
#include "freertos/task.h"
#endif
#endif

#if defined(CAPHEAP_PORT_FREERTOS_HEADERS)

#include "capheap_port_freertos.h"

#include <string.h>

#ifndef CAPHEAP_PORT_FREERTOS_STATIC
#define CAPHEAP_PORT_FREERTOS_STATIC 0
#endif

#ifndef CAPHEAP_PORT_FREERTOS_IN_ISR
#define CAPHEAP_PORT_FREERTOS_IN_ISR() (xPortIsInsideInterrupt() != pdFALSE)
#endif

/* ------------------------------------------------------------------ mutex */

/* Where a lock keeps its mutex: the handle in the first word (dynamic), or
 * the whole StaticSemaphore_t (static; the handle is its address). */
#if CAPHEAP_PORT_FREERTOS_STATIC
_Static_assert(sizeof(StaticSemaphore_t) <= sizeof(capheap_lock_t),
               "raise CAPHEAP_LOCK_WORDS: a StaticSemaphore_t does not fit in capheap_lock_t");
_Static_assert(_Alignof(StaticSemaphore_t) <= _Alignof(capheap_lock_t),
               "StaticSemaphore_t needs more alignment than capheap_lock_t has");

static SemaphoreHandle_t mutex_of(capheap_lock_t *lock)
{
    return (SemaphoreHandle_t)(void *)lock->u.words;
}
#else
static SemaphoreHandle_t mutex_of(capheap_lock_t *lock)
{
    return (SemaphoreHandle_t)lock->u.words[0];
}
#endif

static bool scheduler_started(void)
{
    return xTaskGetSchedulerState() != taskSCHEDULER_NOT_STARTED;
}

static bool mutex_init(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    memset(lock, 0, sizeof *lock);
#if CAPHEAP_PORT_FREERTOS_STATIC
    return xSemaphoreCreateMutexStatic((StaticSemaphore_t *)(void *)lock->u.words) != NULL;
#else
    SemaphoreHandle_t m = xSemaphoreCreateMutex();
    lock->u.words[0] = (void *)m;
    return m != NULL;
#endif
}

static void mutex_acquire(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    if (scheduler_started())
        (void)xSemaphoreTake(mutex_of(lock), portMAX_DELAY);
}

static void mutex_release(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    if (scheduler_started())
        (void)xSemaphoreGive(mutex_of(lock));
}

static void mutex_destroy(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    if (mutex_of(lock) != NULL)
        vSemaphoreDelete(mutex_of(lock));
}

const capheap_lock_ops_t capheap_port_lock_freertos_mutex = {
    mutex_init, mutex_acquire, mutex_release, mutex_destroy, NULL, 0
};

/* ------------------------------------------------------- critical section */

/* The lock's storage while held: words[0] is 1 when it was entered from an
 * interrupt, words[1] the mask taskENTER_CRITICAL_FROM_ISR returned. */
static bool critical_init(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    memset(lock, 0, sizeof *lock);
    return true;
}

static void critical_enter(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    if (CAPHEAP_PORT_FREERTOS_IN_ISR()) {
        UBaseType_t saved = taskENTER_CRITICAL_FROM_ISR();
        lock->u.words[0] = (void *)(uintptr_t)1;
        lock->u.words[1] = (void *)(uintptr_t)saved;
    } else {
        taskENTER_CRITICAL();
        lock->u.words[0] = NULL;
    }
}

static void critical_exit(void *ctx, capheap_lock_t *lock)
{
    (void)ctx;
    if (lock->u.words[0] != NULL) {
        UBaseType_t saved = (UBaseType_t)(uintptr_t)lock->u.words[1];
        lock->u.words[0] = NULL;
        taskEXIT_CRITICAL_FROM_ISR(saved);
    } else {
        taskEXIT_CRITICAL();
    }
}

const capheap_lock_ops_t capheap_port_lock_freertos_critical = {
    critical_init, critical_enter, critical_exit, NULL, NULL, 0
};

/* ------------------------------------------------------------------ owner */

uintptr_t capheap_port_freertos_owner(void)
{
    if (!scheduler_started())
        return CAPHEAP_OWNER_PRE_SCHEDULER;
    return (uintptr_t)(void *)xTaskGetCurrentTaskHandle();
}

#else
/* No FreeRTOS headers: nothing to build (ISO C wants a declaration). */
typedef int capheap_port_freertos_absent_t;
#endif
