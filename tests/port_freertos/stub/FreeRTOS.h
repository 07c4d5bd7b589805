/*
 * A stand-in for the FreeRTOS kernel's headers, just what
 * ports/freertos/capheap_port_freertos.c uses (names and types as in
 * FreeRTOS 10/11), recording every call so the test can check how capheap
 * drives them (stub_kernel.c). Hosted builds back the mutexes and the
 * critical section with pthread mutexes, so several threads really
 * contend; bare-metal builds have one context.
 */
#ifndef INC_FREERTOS_H
#define INC_FREERTOS_H

#include <stddef.h>
#include <stdint.h>

typedef long BaseType_t;
typedef unsigned long UBaseType_t;
typedef uint32_t TickType_t;
#define pdFALSE ((BaseType_t)0)
#define pdTRUE ((BaseType_t)1)
#define portMAX_DELAY ((TickType_t)0xffffffffu)

/* Smaller than a real 32-bit port's (20 words), so that the static mutex
 * fits the library's default CAPHEAP_LOCK_WORDS in this test. */
typedef struct StaticSemaphore {
    void *stub_entry;
    void *dummy[3];
} StaticSemaphore_t;

typedef struct stub_mutex *SemaphoreHandle_t;
typedef struct stub_task *TaskHandle_t;

#define taskSCHEDULER_SUSPENDED ((BaseType_t)0)
#define taskSCHEDULER_NOT_STARTED ((BaseType_t)1)
#define taskSCHEDULER_RUNNING ((BaseType_t)2)

BaseType_t xPortIsInsideInterrupt(void);

#endif
