/*
 * The firmware link option: this program links capheap::malloc, so malloc,
 * free, ... of the whole program (the C library's own calls included:
 * strdup, stdio buffers) are capheap's, over an instance on a static arena
 * set up by a constructor that runs before main. Each check proves that a
 * block came from that arena, i.e. that the C library's allocator is gone.
 * Runs on the bare-metal cells (newlib, picolibc) and the host.
 */
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1
#endif
#include "libc_fixture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Declared by <malloc.h> on glibc/newlib; not every C library has it. */
void *memalign(size_t align, size_t size);
size_t malloc_usable_size(void *ptr);
void *reallocarray(void *ptr, size_t n, size_t size);
int posix_memalign(void **out, size_t align, size_t size);

static unsigned char arena[LIBC_ARENA_SIZE] __attribute__((aligned(64)));
static libc_fx_t fx;
static bool opened;

__attribute__((constructor(101))) static void open_heap(void)
{
    opened = libc_fx_open(&fx, arena, sizeof arena);
}

/* volatile: keeps the compiler's own allocation-size warnings out */
static volatile size_t huge_count = SIZE_MAX / 2, huge_size = SIZE_MAX - 8, bad_align = 3;

static bool ours(const void *p)
{
    return (uintptr_t)p >= (uintptr_t)arena && (uintptr_t)p < (uintptr_t)arena + sizeof arena;
}

static void t_instance(void)
{
    CHECK(opened);
    CHECK(capheap_malloc_instance() == fx.caps);
}

static void t_standard_names(void)
{
    void *volatile p = malloc(24);
    REQUIRE(p != NULL);
    CHECK(ours(p));
    CHECK(malloc_usable_size(p) >= 24);
    size_t free1 = libc_fx_free(&fx);
    p = realloc(p, 5000);
    REQUIRE(p != NULL);
    CHECK(ours(p));
    CHECK(libc_fx_free(&fx) < free1); /* capheap's heap paid for the growth */
    free(p);
    unsigned char *c = (unsigned char *)calloc(10, 10);
    REQUIRE(c != NULL);
    CHECK(ours(c));
    CHECK(c[0] == 0 && c[99] == 0);
    free(c);
    void *a = aligned_alloc(256, 256);
    void *m = memalign(128, 10);
    void *pm = NULL;
    CHECK_EQ_U(posix_memalign(&pm, 64, 10), 0);
    CHECK(a && m && pm && ours(a) && ours(m) && ours(pm));
    CHECK_EQ_U((uintptr_t)a % 256, 0);
    CHECK_EQ_U((uintptr_t)m % 128, 0);
    CHECK_EQ_U((uintptr_t)pm % 64, 0);
    free(a);
    free(m);
    free(pm);
    void *volatile r = reallocarray(NULL, 4, 8);
    CHECK(r != NULL && ours(r));
    errno = 0;
    CHECK_NULL(reallocarray(r, huge_count, 4));
    CHECK_EQ_U(errno, ENOMEM);
    free(r);
    errno = 0;
    CHECK_NULL(aligned_alloc(bad_align, 8));
    CHECK_EQ_U(errno, EINVAL);
    errno = 0;
    CHECK_NULL(malloc(huge_size));
    CHECK_EQ_U(errno, ENOMEM);
    free(NULL);
    CHECK_EQ_U(fx.errors, 0);
}

/* The C library's own allocations land in the arena too. */
static void t_libc_internal(void)
{
    size_t free0 = libc_fx_free(&fx);
    char *s = strdup("capheap malloc link option");
    REQUIRE(s != NULL);
    CHECK(ours(s));
    CHECK(libc_fx_free(&fx) < free0);
    CHECK(strcmp(s, "capheap malloc link option") == 0);
    free(s);
    CHECK_EQ_U(libc_fx_free(&fx), free0);
    CHECK(capheap_caps_check_integrity_all(fx.caps, NULL, NULL));
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_instance);
    RUN(t_standard_names);
    RUN(t_libc_internal);
    return check_summary("libc.link");
}
