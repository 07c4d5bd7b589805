/* Stand-in for FreeRTOS's task.h (see FreeRTOS.h here). */
#ifndef INC_TASK_H
#define INC_TASK_H
#include "FreeRTOS.h"

BaseType_t xTaskGetSchedulerState(void);
TaskHandle_t xTaskGetCurrentTaskHandle(void);
void stub_enter_critical(void);
void stub_exit_critical(void);
UBaseType_t stub_enter_critical_from_isr(void);
void stub_exit_critical_from_isr(UBaseType_t saved);
#define taskENTER_CRITICAL() stub_enter_critical()
#define taskEXIT_CRITICAL() stub_exit_critical()
#define taskENTER_CRITICAL_FROM_ISR() stub_enter_critical_from_isr()
#define taskEXIT_CRITICAL_FROM_ISR(x) stub_exit_critical_from_isr(x)
#endif
