/*
 * Start-up for QEMU's MPS2 boards (mps2-an385 Cortex-M3, mps2-an386
 * Cortex-M4F), linked into every executable of a bare-metal build
 * (cmake/toolchains/cortex-*-mps2.cmake).
 *
 * The vector table gives the initial stack pointer and the reset handler.
 * The reset handler turns on the FPU when the build uses it (hard-float ABI)
 * and enters newlib's semihosting C run-time start
 * (_mainCRTStartup: zeroes .bss, sets up stdio, calls main, exits through
 * semihosting so QEMU returns main's status). Every fault ends the run with
 * a message and a failing exit status instead of hanging until the timeout.
 */
#include <errno.h>
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

extern void _mainCRTStartup(void);
extern uint32_t __stack_top;

void capheap_mps2_reset(void);
void capheap_mps2_fault(void);
int posix_memalign(void **out, size_t align, size_t size);

/*
 * newlib's C11 aligned_alloc() calls posix_memalign(), which the Arm build
 * of newlib leaves out; this board support supplies it over memalign() so
 * test code can use aligned_alloc() on the target as on the host.
 */
__attribute__((weak)) int posix_memalign(void **out, size_t align, size_t size)
{
    if (align < sizeof(void *) || (align & (align - 1)) != 0)
        return EINVAL;
    void *p = memalign(align, size);
    if (p == NULL)
        return ENOMEM;
    *out = p;
    return 0;
}

void capheap_mps2_reset(void)
{
#if defined(__ARM_FP)
    volatile uint32_t *cpacr = (volatile uint32_t *)0xE000ED88u;
    *cpacr |= 0xFu << 20;   /* CP10 and CP11: full access */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
    _mainCRTStartup();
    for (;;) {
    }
}

void capheap_mps2_fault(void)
{
    volatile uint32_t *cfsr = (volatile uint32_t *)0xE000ED28u;
    volatile uint32_t *hfsr = (volatile uint32_t *)0xE000ED2Cu;
    volatile uint32_t *mmfar = (volatile uint32_t *)0xE000ED34u;
    volatile uint32_t *bfar = (volatile uint32_t *)0xE000ED38u;
    printf("\nFAULT: CFSR=%08lx HFSR=%08lx MMFAR=%08lx BFAR=%08lx\n",
           (unsigned long)*cfsr, (unsigned long)*hfsr, (unsigned long)*mmfar,
           (unsigned long)*bfar);
    fflush(stdout);
    exit(134);
}

typedef void (*capheap_vector_fn)(void);

/* Initial SP, reset, then NMI, HardFault, MemManage, BusFault, UsageFault. */
__attribute__((section(".vectors"), used))
const uintptr_t capheap_mps2_vectors[16] = {
    (uintptr_t)&__stack_top,
    (uintptr_t)capheap_mps2_reset,
    (uintptr_t)capheap_mps2_fault,
    (uintptr_t)capheap_mps2_fault,
    (uintptr_t)capheap_mps2_fault,
    (uintptr_t)capheap_mps2_fault,
    (uintptr_t)capheap_mps2_fault,
};
