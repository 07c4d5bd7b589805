/* ESP-IDF 2.x programs include <freertos/heap_regions.h>: the same header. */
#ifndef CAPHEAP_ESPIDF_LEGACY_FREERTOS_HEAP_REGIONS_H
#define CAPHEAP_ESPIDF_LEGACY_FREERTOS_HEAP_REGIONS_H
#include "../heap_regions.h"
#endif
