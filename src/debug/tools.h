/*
 * Private: brackets around allocator code that reads memory Valgrind sees
 * as not the program's (free blocks, red zones) in CAPHEAP_VALGRIND builds
 * (src/debug/CMakeLists.txt); nothing in other builds.
 */
#ifndef CAPHEAP_DEBUG_TOOLS_H
#define CAPHEAP_DEBUG_TOOLS_H

#if defined(CAPHEAP_VALGRIND) && CAPHEAP_VALGRIND
#include <valgrind/valgrind.h>
#define CAPHEAP_TOOLS_QUIET_BEGIN() VALGRIND_DISABLE_ERROR_REPORTING
#define CAPHEAP_TOOLS_QUIET_END() VALGRIND_ENABLE_ERROR_REPORTING
#else
#define CAPHEAP_TOOLS_QUIET_BEGIN() ((void)0)
#define CAPHEAP_TOOLS_QUIET_END() ((void)0)
#endif

#endif /* CAPHEAP_DEBUG_TOOLS_H */
