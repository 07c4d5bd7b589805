/*
 * capheap ESP-IDF compatibility: the esp_err_t subset the heap API returns.
 *
 * Values are ESP-IDF's (esp_err.h), so code that compares against them or
 * prints them with esp_err_to_name() on a device behaves the same here.
 *
 * Coexistence with ESP-IDF's own esp_err.h:
 *  - define CAPHEAP_ESPIDF_USE_ESP_ERR_H to include the real "esp_err.h"
 *    instead of these definitions (firmware builds inside ESP-IDF);
 *  - otherwise, when ESP_OK is already defined (esp_err.h or an equivalent
 *    was included first) nothing here is defined again;
 *  - when esp_err.h comes after this header it still compiles: C11 and C++
 *    accept the repeated `typedef int esp_err_t`, and every macro below is
 *    spelled token for token as in esp_err.h (so the redefinition is benign).
 */
#ifndef CAPHEAP_ESP_ERR_H
#define CAPHEAP_ESP_ERR_H

#if defined(CAPHEAP_ESPIDF_USE_ESP_ERR_H)
#include "esp_err.h"
#elif !defined(ESP_OK)
typedef int esp_err_t;
#define ESP_OK          0
#define ESP_FAIL        -1
#ifndef ESP_ERR_NO_MEM
#define ESP_ERR_NO_MEM              0x101
#endif
#ifndef ESP_ERR_INVALID_ARG
#define ESP_ERR_INVALID_ARG         0x102
#endif
#ifndef ESP_ERR_INVALID_STATE
#define ESP_ERR_INVALID_STATE       0x103
#endif
#ifndef ESP_ERR_INVALID_SIZE
#define ESP_ERR_INVALID_SIZE        0x104
#endif
#ifndef ESP_ERR_NOT_FOUND
#define ESP_ERR_NOT_FOUND           0x105
#endif
#ifndef ESP_ERR_NOT_SUPPORTED
#define ESP_ERR_NOT_SUPPORTED       0x106
#endif
#endif

#endif /* CAPHEAP_ESP_ERR_H */
