/*
 * capheap lock port for FreeRTOS (an example RTOS port, docs/porting.md).
 *
 * Not part of libcapheap: add ports/freertos/capheap_port_freertos.c to the
 * firmware's build next to the kernel (its include path must reach
 * FreeRTOS.h, or ESP-IDF's freertos/FreeRTOS.h, and FreeRTOSConfig.h). Where
 * no FreeRTOS header is found the source compiles to nothing, so a build
 * that globs every source stays buildable.
 *
 * Two lock ports (capheap/port.h's capheap_lock_ops_t), for
 * capheap_caps_config_t.lock_ops:
 *
 *   capheap_port_lock_freertos_mutex      one FreeRTOS mutex per lock
 *       (priority inheritance). acquire waits forever (portMAX_DELAY).
 *       Task context only: never call the allocator from an interrupt with
 *       this port, nor while the scheduler is suspended (vTaskSuspendAll)
 *       by a task other than the lock's holder. Before the scheduler starts
 *       (one context only) acquire and release do nothing, so start-up code
 *       may allocate. Each lock's mutex comes from
 *         - the FreeRTOS heap (xSemaphoreCreateMutex), by default: then the
 *           FreeRTOS heap must not be this capheap instance itself
 *           (compat/freertos), or its creation would need itself;
 *         - the lock's own storage (xSemaphoreCreateMutexStatic) when
 *           CAPHEAP_PORT_FREERTOS_STATIC is 1 (needs
 *           configSUPPORT_STATIC_ALLOCATION, and CAPHEAP_LOCK_WORDS large
 *           enough for a StaticSemaphore_t: 20 words on a 32-bit port, a
 *           compile-time error says so).
 *       init fails (the capheap call then fails with CAPHEAP_ERR_NO_MEM)
 *       iff the mutex cannot be created.
 *
 *   capheap_port_lock_freertos_critical   a critical section: task context
 *       taskENTER_CRITICAL / taskEXIT_CRITICAL, interrupt context
 *       taskENTER_CRITICAL_FROM_ISR / taskEXIT_CRITICAL_FROM_ISR (the saved
 *       mask is kept in the lock's storage: capheap never holds two locks,
 *       so it is not overwritten). The allocation functions, free and the
 *       O(1) statistics are then ISR-safe (up to
 *       configMAX_SYSCALL_INTERRUPT_PRIORITY); walks, dumps and integrity
 *       checks keep interrupts masked for O(blocks) time. Single-core
 *       kernels only: an SMP kernel's critical sections (ESP-IDF's
 *       portMUX spinlocks) need their own port. Which context is running
 *       is CAPHEAP_PORT_FREERTOS_IN_ISR(), by default
 *       xPortIsInsideInterrupt() (Cortex-M ports); define it for a port
 *       without that function (or as 0 if the allocator is never called
 *       from an interrupt). init never fails.
 *
 * And an owner hook for task tracking and trace records
 * (capheap_port_set_owner_fn(capheap_port_freertos_owner)): the running
 * task's handle, CAPHEAP_OWNER_PRE_SCHEDULER (0) before the scheduler
 * starts. O(1), ISR-safe (in an interrupt it names the interrupted task).
 *
 * Needs INCLUDE_xTaskGetSchedulerState and INCLUDE_xTaskGetCurrentTaskHandle
 * (FreeRTOSConfig.h) for the mutex port and the owner hook.
 */
#ifndef CAPHEAP_PORT_FREERTOS_H
#define CAPHEAP_PORT_FREERTOS_H

#include "capheap/port.h"

#ifdef __cplusplus
extern "C" {
#endif

extern const capheap_lock_ops_t capheap_port_lock_freertos_mutex;
extern const capheap_lock_ops_t capheap_port_lock_freertos_critical;
uintptr_t capheap_port_freertos_owner(void);

#ifdef __cplusplus
}
#endif

#endif /* CAPHEAP_PORT_FREERTOS_H */
