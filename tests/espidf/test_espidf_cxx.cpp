// The ESP-IDF compatibility headers in a C++ program: they compile, link
// (extern "C") and work.
#include "capheap_espidf.h"
#include "esp_heap_caps.h"
#include "esp_heap_caps_init.h"
#include "esp_memory_utils.h"
#include "multi_heap.h"

#include <cstdio>
#include <cstring>

static bool count_blocks(walker_heap_into_t, walker_block_info_t, void *user)
{
    ++*static_cast<size_t *>(user);
    return true;
}

int main()
{
    heap_caps_init();
    int failures = 0;
    void *p = heap_caps_malloc(100, MALLOC_CAP_8BIT | MALLOC_CAP_INTERNAL);
    void *x = heap_caps_malloc(100, MALLOC_CAP_EXEC);
    if (!p || !x || !esp_ptr_internal(p) || !esp_ptr_executable(x))
        failures++;
    size_t blocks = 0;
    heap_caps_walk_all(count_blocks, &blocks);
    multi_heap_info_t info;
    heap_caps_get_info(&info, 0);
    if (blocks != info.total_blocks || info.allocated_blocks != 2)
        failures++;
    heap_caps_free(p);
    heap_caps_free(x);
    static unsigned char region[4096];
    multi_heap_handle_t h = multi_heap_register(region, sizeof region);
    void *m = multi_heap_malloc(h, 64);
    if (!m || !multi_heap_check(h, false))
        failures++;
    multi_heap_free(h, m);
    if (heap_caps_add_region(0, 0) != ESP_ERR_INVALID_ARG)
        failures++;
    std::printf("espidf.cxx: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
