// The engine's public header used from C++: it compiles, links (extern "C")
// and works.
#include "capheap/heap.h"
#include "check.h"

#include <cstring>
#include <vector>

static void t_from_cxx()
{
    std::vector<unsigned char> region(16384);
    capheap_heap_t *h = capheap_heap_create(region.data(), region.size());
    REQUIRE(h != nullptr);
    void *p = capheap_heap_malloc(h, 100);
    CHECK(p != nullptr);
    std::memset(p, 1, 100);
    capheap_heap_info_t info;
    capheap_heap_get_info(h, &info);
    CHECK_EQ_SZ(info.allocated_blocks, 1);
    capheap_heap_free(h, p);
    CHECK_EQ_SZ(capheap_heap_free_size(h), capheap_heap_capacity(h));
    CHECK(capheap_heap_check(h, nullptr, nullptr));
}

int main()
{
    RUN(t_from_cxx);
    return check_summary("engine.cxx");
}
