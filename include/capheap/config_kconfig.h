/*
 * Kconfig front end: maps the CONFIG_CAPHEAP_* symbols of capheap's Kconfig
 * (Kconfig.options, used by the ESP-IDF component and the Zephyr module) to
 * the CAPHEAP_* macros of capheap/config.h. The ESP-IDF component and the
 * Zephyr module name this header in CAPHEAP_CONFIG_HEADER, so config.h reads
 * it first; nothing in src/ includes it or reads CONFIG_* itself.
 *
 * Where the CONFIG_* symbols come from: ESP-IDF writes them to sdkconfig.h
 * (included here when ESP_PLATFORM is defined); Zephyr force-includes its
 * autoconf.h in every translation unit. A bool option that is off is not
 * defined at all, which reads as 0 below.
 *
 * A macro already set (on the command line) wins over the Kconfig value.
 */
#ifndef CAPHEAP_CONFIG_KCONFIG_H
#define CAPHEAP_CONFIG_KCONFIG_H

#if defined(ESP_PLATFORM)
#include "sdkconfig.h"
#endif

#ifndef CAPHEAP_POISONING_LEVEL
#if defined(CONFIG_CAPHEAP_POISONING_COMPREHENSIVE)
#define CAPHEAP_POISONING_LEVEL 2
#elif defined(CONFIG_CAPHEAP_POISONING_LIGHT)
#define CAPHEAP_POISONING_LEVEL 1
#else /* CONFIG_CAPHEAP_POISONING_NONE, or no Kconfig */
#define CAPHEAP_POISONING_LEVEL 0
#endif
#endif

#ifndef CAPHEAP_HEAP_TRACING
#if defined(CONFIG_CAPHEAP_HEAP_TRACING)
#define CAPHEAP_HEAP_TRACING 1
#else
#define CAPHEAP_HEAP_TRACING 0
#endif
#endif

#if !defined(CAPHEAP_TRACE_STACK_DEPTH) && defined(CONFIG_CAPHEAP_TRACE_STACK_DEPTH)
#define CAPHEAP_TRACE_STACK_DEPTH CONFIG_CAPHEAP_TRACE_STACK_DEPTH
#endif

#ifndef CAPHEAP_TASK_TRACKING
#if defined(CONFIG_CAPHEAP_TASK_TRACKING)
#define CAPHEAP_TASK_TRACKING 1
#else
#define CAPHEAP_TASK_TRACKING 0
#endif
#endif

/* 0 keeps config.h's default (alignof(max_align_t)). */
#if !defined(CAPHEAP_ALIGNMENT) && defined(CONFIG_CAPHEAP_ALIGNMENT)
#if CONFIG_CAPHEAP_ALIGNMENT > 0
#define CAPHEAP_ALIGNMENT CONFIG_CAPHEAP_ALIGNMENT
#endif
#endif

#if !defined(CAPHEAP_SL_LOG2) && defined(CONFIG_CAPHEAP_SL_LOG2)
#define CAPHEAP_SL_LOG2 CONFIG_CAPHEAP_SL_LOG2
#endif

/* Only when the Kconfig is present: a bool that is off is undefined. */
#if !defined(CAPHEAP_CHECKS) && defined(CONFIG_CAPHEAP_SL_LOG2)
#if defined(CONFIG_CAPHEAP_CHECKS)
#define CAPHEAP_CHECKS 1
#else
#define CAPHEAP_CHECKS 0
#endif
#endif

#if !defined(CAPHEAP_LAYOUT_MIN_REGION) && defined(CONFIG_CAPHEAP_LAYOUT_MIN_REGION)
#define CAPHEAP_LAYOUT_MIN_REGION CONFIG_CAPHEAP_LAYOUT_MIN_REGION
#endif

#if !defined(CAPHEAP_GC_ROOT_RANGES) && defined(CONFIG_CAPHEAP_GC_ROOT_RANGES)
#define CAPHEAP_GC_ROOT_RANGES CONFIG_CAPHEAP_GC_ROOT_RANGES
#endif

#endif /* CAPHEAP_CONFIG_KCONFIG_H */
