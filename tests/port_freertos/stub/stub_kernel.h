/* What the stub kernel recorded (stub_kernel.c), and its knobs. */
#ifndef STUB_KERNEL_H
#define STUB_KERNEL_H
#include "FreeRTOS.h"

typedef struct stub_counts {
    unsigned long created, created_static, deleted;
    unsigned long takes, gives;
    unsigned long crit_enters, crit_exits, isr_enters, isr_exits;
    unsigned long errors;            /* misuse: see stub_kernel.c */
    unsigned long max_crit_depth;
} stub_counts_t;

extern stub_counts_t stub;
extern BaseType_t stub_scheduler_state; /* taskSCHEDULER_* */
extern int stub_in_isr;                 /* what xPortIsInsideInterrupt says */
extern int stub_fail_create;            /* next mutex creations fail */

void stub_reset(void);
/* Mutexes created and not deleted. */
unsigned long stub_live_mutexes(void);
#endif
