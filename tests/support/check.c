#include "check.h"

#include <stdarg.h>
#include <string.h>

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

static int sel_argc;
static char **sel_argv;

void check_select(int argc, char **argv)
{
#if defined(CAPHEAP_BARE_METAL) && CAPHEAP_BARE_METAL
    /* start-up code of bare-metal targets passes no real arguments */
    (void)argc;
    (void)argv;
#else
    if (argc < 2 || !argv)
        return;
    sel_argc = argc;
    sel_argv = argv;
#endif
}

static bool selected(const char *name)
{
    bool any_include = false, included = false;
    for (int i = 1; i < sel_argc; i++) {
        const char *a = sel_argv[i];
        if (!a || !a[0])
            continue;
        if (a[0] == '-') {
            if (a[1] && strstr(name, a + 1))
                return false;
        } else {
            any_include = true;
            if (strstr(name, a))
                included = true;
        }
    }
    return !any_include || included;
}

void check_run(const char *name, void (*fn)(void))
{
    if (!selected(name))
        return;
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
    /* a run in which no test ran is a failure, not a pass (a filter that
     * matches nothing, arguments the start-up code made up, ...) */
    if (passed + failed == 0)
        check_log("%s: no test ran\n", suite);
    check_log("%s: %d passed, %d failed\n", suite, passed, failed);
    return failed || passed + failed == 0 ? 1 : 0;
}
