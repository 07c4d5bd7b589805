/* A stand-in for the kernel's FreeRTOS.h: only its include guard and the
 * include of portable.h, which is what capheap_freertos.h looks at. */
#ifndef INC_FREERTOS_H
#define INC_FREERTOS_H
#include <stddef.h>
#include <stdint.h>
#include "portable.h"
#endif
