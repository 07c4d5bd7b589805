/*
 * capheap_freertos.h next to the kernel's headers (a minimal stand-in of
 * FreeRTOS.h / portable.h in fake_kernel/): it compiles without redefining
 * the kernel's types, the kernel's prototypes link to capheap, and with the
 * library source built with CAPHEAP_FREERTOS_USE_MALLOC_FAILED_HOOK=1 the
 * application's vApplicationMallocFailedHook() runs on every failure, as
 * with configUSE_MALLOC_FAILED_HOOK in heap_5.
 */
#include "FreeRTOS.h"
#include "capheap_freertos.h"

#include <string.h>

#include "check.h"

void vApplicationMallocFailedHook(void);
static unsigned s_failed;
void vApplicationMallocFailedHook(void)
{
    s_failed++;
}

static _Alignas(16) uint8_t s_ram[16384];

static void t_kernel_headers_and_hook(void)
{
    vPortHeapResetState();
    CHECK_NULL(pvPortMalloc(8)); /* no heap yet */
    CHECK_EQ_U(s_failed, 1);
    HeapRegion_t regions[2] = { { s_ram, sizeof s_ram }, { NULL, 0 } };
    vPortDefineHeapRegions(regions);
    REQUIRE(capheap_freertos_instance() != NULL);
    size_t free0 = xPortGetFreeHeapSize();
    void *p = pvPortMalloc(128);
    REQUIRE(p);
    CHECK((uint8_t *)p >= s_ram && (uint8_t *)p < s_ram + sizeof s_ram);
    CHECK_NULL(pvPortMalloc(0));
    CHECK_EQ_U(s_failed, 2);
    CHECK_NULL(pvPortMalloc(sizeof s_ram));
    CHECK_EQ_U(s_failed, 3);
    CHECK_NULL(pvPortCalloc(SIZE_MAX, 4)); /* overflow: no hook (heap_5) */
    CHECK_EQ_U(s_failed, 3);
    HeapStats_t st;
    vPortGetHeapStats(&st);
    CHECK_EQ_SZ(st.xNumberOfSuccessfulAllocations, 1);
    vPortFree(p);
    CHECK(st.xAvailableHeapSpaceInBytes <= free0 - 128);
    CHECK_EQ_SZ(xPortGetFreeHeapSize(), free0);
    /* the run-time setter still replaces the configured hook */
    capheap_freertos_set_malloc_failed_hook(NULL);
    CHECK_NULL(pvPortMalloc(0));
    CHECK_EQ_U(s_failed, 3);
    capheap_freertos_set_malloc_failed_hook(vApplicationMallocFailedHook);
    CHECK_NULL(pvPortMalloc(0));
    CHECK_EQ_U(s_failed, 4);
    vPortHeapResetState();
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_kernel_headers_and_hook);
    return check_summary("freertos.kernel");
}
