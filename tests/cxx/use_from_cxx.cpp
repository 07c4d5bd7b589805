// The engine API used from C++: the declarations link with extern "C",
// CAPHEAP_ALIGNMENT evaluates in C++, and the basic calls behave.
#include "capheap/heap.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace {

alignas(64) unsigned char region[16 * 1024];
int failures = 0;

void expect(bool ok, const char *what)
{
    if (!ok) {
        std::printf("FAIL: %s\n", what);
        failures++;
    }
}

}  // namespace

int main()
{
    static_assert(CAPHEAP_ALIGNMENT >= 4, "alignment is at least 4");
    static_assert((CAPHEAP_ALIGNMENT & (CAPHEAP_ALIGNMENT - 1)) == 0, "power of two");

    capheap_heap_t *heap = capheap_heap_create(region, sizeof region);
    expect(heap != nullptr, "create over 16 KiB");
    if (heap == nullptr)
        return 1;
    size_t empty = capheap_heap_free_size(heap);

    void *p = capheap_heap_malloc(heap, 100);
    expect(p != nullptr, "malloc(100)");
    expect(reinterpret_cast<std::uintptr_t>(p) % CAPHEAP_ALIGNMENT == 0, "aligned");
    expect(capheap_heap_usable_size(heap, p) >= 100, "usable size >= 100");
    std::memset(p, 0x5a, 100);
    void *q = capheap_heap_realloc(heap, p, 300);
    expect(q != nullptr, "realloc to 300");
    expect(q != nullptr && static_cast<unsigned char *>(q)[99] == 0x5a, "contents kept");
    capheap_heap_free(heap, q);
    expect(capheap_heap_free_size(heap) == empty, "all memory back after free");
    expect(capheap_heap_check(heap, nullptr, nullptr), "integrity");

    std::printf("%s: %d failed\n", failures ? "FAIL" : "ok", failures);
    return failures ? 1 : 0;
}
