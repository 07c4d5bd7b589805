/* Stand-in for FreeRTOS's semphr.h (see FreeRTOS.h here). */
#ifndef SEMAPHORE_H
#define SEMAPHORE_H
#include "FreeRTOS.h"

SemaphoreHandle_t xSemaphoreCreateMutex(void);
SemaphoreHandle_t xSemaphoreCreateMutexStatic(StaticSemaphore_t *buffer);
BaseType_t xSemaphoreTake(SemaphoreHandle_t m, TickType_t ticks);
BaseType_t xSemaphoreGive(SemaphoreHandle_t m);
void vSemaphoreDelete(SemaphoreHandle_t m);
#endif
