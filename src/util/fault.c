/*
 * Fault injection counter (fault.h). Compiled only with
 * CAPHEAP_FAULT_INJECTION: a test-only build, so the process-wide counter
 * does not break the rule of no mutable globals in shipped builds.
 */
#include "fault.h"

#include <stddef.h>

#if CAPHEAP_FAULT_INJECTION

static unsigned long fault_armed;   /* 0: none */
static unsigned long fault_count;   /* sites reached since arm */
static const char *fault_site;      /* the site that failed */

bool capheap_fault_fail(const char *site)
{
    fault_count++;
    if (fault_armed != 0 && fault_count == fault_armed) {
        fault_site = site;
        return true;
    }
    return false;
}

void capheap_fault_arm(unsigned long n)
{
    fault_armed = n;
    fault_count = 0;
    fault_site = NULL;
}

unsigned long capheap_fault_seen(void)
{
    return fault_count;
}

const char *capheap_fault_failed_site(void)
{
    return fault_site;
}

#endif
