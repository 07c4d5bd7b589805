#include "check.h"

#include <stdarg.h>

int check_failures_in_test;
static int passed, failed;
static const char *current;

void check_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fflush(stdout);
}

void check_fail(const char *file, int line, const char *expr)
{
    check_failures_in_test++;
    check_log("  FAIL %s:%d: %s (in %s)\n", file, line, expr, current ? current : "?");
}

void check_fail_u(const char *file, int line, const char *expr,
                  unsigned long long a, unsigned long long b)
{
    check_failures_in_test++;
    check_log("  FAIL %s:%d: %s: %llu (0x%llx) != %llu (0x%llx) (in %s)\n", file, line, expr,
              a, a, b, b, current ? current : "?");
}

void check_run(const char *name, void (*fn)(void))
{
    current = name;
    check_failures_in_test = 0;
    fn();
    if (check_failures_in_test) {
        failed++;
        check_log("[FAIL] %s\n", name);
    } else {
        passed++;
        check_log("[ ok ] %s\n", name);
    }
    current = NULL;
}

int check_summary(const char *suite)
{
    check_log("%s: %d passed, %d failed\n", suite, passed, failed);
    return failed ? 1 : 0;
}
