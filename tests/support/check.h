/*
 * Tiny check harness shared by every test, on the host and on bare-metal
 * targets (only needs a putchar-like output: stdio's fputs on hosted builds,
 * semihosting stdout on bare metal).
 *
 *   static void t_split(void) { CHECK(x == 1); CHECK_EQ_SZ(a, b); }
 *   int main(int argc, char **argv) {
 *       check_select(argc, argv);   // optional: run a subset by name
 *       RUN(t_split); return check_summary("engine"); }
 *
 * A failed CHECK prints file:line and the expression, marks the current test
 * failed and carries on (REQUIRE returns from the test function instead).
 * check_summary() prints "N passed, N failed" (the plain closing line) and
 * returns the process exit code: 0 iff at least one test ran and none
 * failed.
 */
#ifndef CAPHEAP_TEST_CHECK_H
#define CAPHEAP_TEST_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

extern int check_failures_in_test;   /* failures in the running test */

void check_fail(const char *file, int line, const char *expr);
void check_fail_u(const char *file, int line, const char *expr,
                  unsigned long long a, unsigned long long b);
void check_run(const char *name, void (*fn)(void));
/* Optional test selection from the command line: each argument is a
 * substring of the test names to run, or, prefixed with '-', of names to
 * skip (`test_engine_bad double_free -merge`). No arguments: run all.
 * Call before the RUNs; skipped tests count as neither passed nor failed.
 * Ignored on bare-metal targets (CAPHEAP_BARE_METAL), whose start-up code
 * passes no real arguments. */
void check_select(int argc, char **argv);
int check_summary(const char *suite);
/* printf-like output that works on every target. */
void check_log(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#define CHECK(e) do { if (!(e)) check_fail(__FILE__, __LINE__, #e); } while (0)
#define REQUIRE(e) do { if (!(e)) { check_fail(__FILE__, __LINE__, #e); return; } } while (0)
#define CHECK_EQ_U(a, b) do { unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
    if (a_ != b_) check_fail_u(__FILE__, __LINE__, #a " == " #b, a_, b_); } while (0)
#define CHECK_EQ_SZ(a, b) CHECK_EQ_U(a, b)
/* Fails the running test with a message (for conditions tested by hand). */
#define CHECK_FAILED(msg) check_fail(__FILE__, __LINE__, msg)
#define CHECK_NULL(p) CHECK((p) == NULL)
#define CHECK_NOT_NULL(p) CHECK((p) != NULL)
#define RUN(fn) check_run(#fn, fn)

#ifdef __cplusplus
}
#endif
#endif
