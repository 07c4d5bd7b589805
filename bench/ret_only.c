/* One x86 `ret` under several names: see alloc.h (bench_ret_*). Other
 * architectures get an ordinary empty function; instruction counts are only
 * taken on x86-64. */
#include "alloc.h"

#if defined(__x86_64__) && defined(__ELF__)
__asm__(".text\n"
        ".globl bench_ret_p_ps\n.globl bench_ret_p_s\n.globl bench_ret_p_pps\n"
        ".globl bench_ret_p_ps2\n.globl bench_ret_v_pp\n.globl bench_ret_v_p\n"
        "bench_ret_p_ps:\nbench_ret_p_s:\nbench_ret_p_pps:\n"
        "bench_ret_p_ps2:\nbench_ret_v_pp:\nbench_ret_v_p:\n"
        "\tret\n");
#else
void *bench_ret_p_ps(void *ctx, size_t n) { (void)ctx; (void)n; return NULL; }
void *bench_ret_p_s(size_t n) { (void)n; return NULL; }
void *bench_ret_p_pps(void *ctx, void *p, size_t n) { (void)ctx; (void)p; (void)n; return NULL; }
void *bench_ret_p_ps2(void *p, size_t n) { (void)p; (void)n; return NULL; }
void bench_ret_v_pp(void *ctx, void *p) { (void)ctx; (void)p; }
void bench_ret_v_p(void *p) { (void)p; }
#endif
