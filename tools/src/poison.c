/*
 * --poison LEVEL: poisoning is a build-time option of the library
 * (CAPHEAP_POISONING_LEVEL), so each level is a separate build of the tool
 * (tools/CMakeLists.txt builds capheap-poison-light and
 * capheap-poison-comprehensive next to capheap). A level other than this
 * build's runs that sibling with the same arguments.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool.h"

int tool_poison_reexec(const char *level, char **argv);

int tool_poison_reexec(const char *level, char **argv)
{
    int want;
    if (strcmp(level, "none") == 0)
        want = 0;
    else if (strcmp(level, "light") == 0)
        want = 1;
    else if (strcmp(level, "comprehensive") == 0)
        want = 2;
    else {
        fprintf(stderr, "capheap: --poison expects none, light or comprehensive, got '%s'\n",
                level);
        return EXIT_USAGE;
    }
    if (want == CAPHEAP_POISONING_LEVEL)
        return EXIT_OK;
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 40);
    if (n <= 0) {
        perror("capheap: cannot find my own executable (/proc/self/exe)");
        return EXIT_USAGE;
    }
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return EXIT_USAGE;
    /* the variant sits next to this binary; a variant that still does not
     * match (a misbuilt install) must not loop */
    snprintf(slash + 1, sizeof self - (size_t)(slash + 1 - self), "capheap-poison-%s", level);
    if (getenv("CAPHEAP_TOOL_VARIANT")) {
        fprintf(stderr, "capheap: %s was not built with poisoning %s\n", self, level);
        return EXIT_USAGE;
    }
    setenv("CAPHEAP_TOOL_VARIANT", level, 1);
    execv(self, argv);
    fprintf(stderr, "capheap: this capheap is built with poisoning %s; the %s variant is not "
                    "available: ",
            CAPHEAP_POISONING_LEVEL == 2   ? "comprehensive"
            : CAPHEAP_POISONING_LEVEL == 1 ? "light"
                                           : "none",
            level);
    fflush(stderr);
    perror(self);
    return EXIT_USAGE;
}
