/*
 * Makes heap mistakes on purpose inside a capheap heap, for the tool tests
 * (tests/trace/tools.sh): built with CAPHEAP_VALGRIND (run under memcheck
 * and massif) or CAPHEAP_ASAN (with -fsanitize=address).
 *   tools_demo clean      correct use of every path: the tools report nothing
 *   tools_demo uaf        reads a freed block
 *   tools_demo overflow   writes one byte past a block
 *   tools_demo underrun   writes one byte before a block (its header)
 *   tools_demo massif     allocations from two call sites, most from big_site
 */
#include "caps_fixture.h"

#include <stdio.h>

static fixture_t g_f;

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* the empty asm keeps each call from becoming a tail call, so the site
 * has its own frame in the tools' stacks */
NOINLINE static char *demo_alloc_site(size_t n)
{
    char *p = (char *)capheap_caps_malloc(g_f.caps, n, CAPHEAP_CAP_8BIT);
    __asm__ volatile("" ::: "memory");
    return p;
}

NOINLINE static void demo_free_site(void *p)
{
    capheap_caps_free(g_f.caps, p);
    __asm__ volatile("" ::: "memory");
}

NOINLINE static void big_site(void **keep, int n)
{
    for (int i = 0; i < n; i++)
        keep[i] = capheap_caps_malloc(g_f.caps, 2000, CAPHEAP_CAP_8BIT);
}

NOINLINE static void small_site(void **keep, int n)
{
    for (int i = 0; i < n; i++)
        keep[i] = capheap_caps_malloc(g_f.caps, 100, CAPHEAP_CAP_8BIT);
}

static int clean(void)
{
    static const uint32_t prefer[2] = { CAPHEAP_CAP_SPIRAM, CAPHEAP_CAP_DEFAULT };
    void *p[64];
    unsigned sum = 0;
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 64; i++) {
            size_t n = (size_t)(i * 37 % 300) + 1;
            switch (i % 5) {
            case 0: p[i] = capheap_caps_malloc(g_f.caps, n, CAPHEAP_CAP_8BIT); break;
            case 1: p[i] = capheap_caps_calloc(g_f.caps, 2, n, CAPHEAP_CAP_DEFAULT); break;
            case 2: p[i] = capheap_caps_aligned_alloc(g_f.caps, 64, n, CAPHEAP_CAP_DEFAULT); break;
            case 3: p[i] = capheap_caps_malloc_prefer(g_f.caps, n, prefer, 2); break;
            default: p[i] = capheap_caps_malloc_default(g_f.caps, n); break;
            }
            if (!p[i])
                return 1;
            memset(p[i], i, n);
        }
        for (int i = 0; i < 64; i += 2) {
            size_t n = (size_t)(i * 37 % 300) + 1;
            char *q = (char *)capheap_caps_realloc(g_f.caps, p[i], n * 3, CAPHEAP_CAP_8BIT);
            if (!q)
                return 1;
            sum += (unsigned char)q[n - 1]; /* kept across the move */
            q[n * 3 - 1] = 1;
            p[i] = q;
        }
        for (int i = 0; i < 64; i++)
            capheap_caps_free(g_f.caps, p[i]);
    }
    capheap_caps_free(g_f.caps, NULL);
    printf("clean: sum %u, integrity %d\n", sum,
           (int)capheap_caps_check_integrity_all(g_f.caps, NULL, NULL));
    return 0;
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "clean";
    if (!fx_open(&g_f, "esp32", 0)) {
        fprintf(stderr, "tools_demo: no simulation\n");
        return 2;
    }
    int rc = 0;
    if (strcmp(what, "clean") == 0) {
        rc = clean();
    } else if (strcmp(what, "uaf") == 0) {
        volatile char *p = demo_alloc_site(40);
        p[0] = 1;
        demo_free_site((void *)(uintptr_t)p);
        printf("uaf: read %d\n", p[3]); /* the mistake */
    } else if (strcmp(what, "overflow") == 0) {
        volatile char *p = demo_alloc_site(40);
        p[40] = 1; /* the mistake: one byte past the end */
        demo_free_site((void *)(uintptr_t)p);
    } else if (strcmp(what, "underrun") == 0) {
        volatile char *p = demo_alloc_site(40);
        p[-1] = 1; /* the mistake: into the block's header */
        demo_free_site((void *)(uintptr_t)p);
    } else if (strcmp(what, "massif") == 0) {
        static void *big[40], *small[40];
        big_site(big, 40);
        small_site(small, 40);
        for (int i = 0; i < 40; i++) {
            capheap_caps_free(g_f.caps, big[i]);
            capheap_caps_free(g_f.caps, small[i]);
        }
    } else {
        rc = 2;
    }
    fx_close(&g_f);
    return rc;
}
