/*
 * Names of code addresses for trace dumps: dladdr on hosted glibc builds
 * (names of functions the dynamic linker can see: shared libraries, and
 * programs linked with -rdynamic / CMake ENABLE_EXPORTS), nothing elsewhere.
 */
#if defined(__linux__) && !defined(CAPHEAP_BARE_METAL)
#define _GNU_SOURCE 1
#include <dlfcn.h>
#endif

#include "trace_internal.h"

#include <string.h>

bool capheap_trace_symbol(const void *addr, char *name, size_t n, uintptr_t *offset)
{
    if (!addr || !name || n == 0)
        return false;
#if defined(__GLIBC__) && !defined(CAPHEAP_BARE_METAL)
    Dl_info info;
    /* a return address points after the call: look one byte back, inside
     * the calling function even when the call is its last instruction */
    const char *probe = (const char *)addr - 1;
    if (dladdr(probe, &info) == 0 || !info.dli_sname || !info.dli_saddr)
        return false;
    size_t len = strlen(info.dli_sname);
    if (len >= n)
        len = n - 1;
    memcpy(name, info.dli_sname, len);
    name[len] = 0;
    if (offset)
        *offset = (uintptr_t)addr - (uintptr_t)info.dli_saddr;
    return true;
#else
    (void)offset;
    return false;
#endif
}
