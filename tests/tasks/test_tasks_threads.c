/*
 * Per-owner accounting under threads (host, label `threads`: the TSan cell
 * runs it). Each thread is its own owner (the host default of
 * capheap_port_owner). Threads allocate, realloc and free known amounts in
 * both heaps at once; each owner's figures depend only on its own
 * operations, so they are exact whatever the interleaving: per heap its
 * current bytes and blocks are what it still holds and its peak is its own
 * largest working set. Then the main thread checks the block lists and the
 * overview, frees the dead threads' blocks (their figures drop, their peaks
 * stay) and clears them.
 */
#include "tasks_fixture.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { THREADS = 4, ITER = 300, PER = 8 };

static tfx_t F;

typedef struct {
    unsigned index;
    uintptr_t owner;
    size_t moved;       /* largest old size of a growth that moved */
    void *kept[PER];
    bool ok;
} worker_t;

/* Block j of thread i: its size and heap (even j: DRAM, odd: SPIRAM). */
static size_t block_size(unsigned i, unsigned j)
{
    return 16u * (i + 1u) + j;
}

static uint32_t block_caps(unsigned j)
{
    return (j & 1u) ? TFX_EXT : TFX_INT;
}

static void *worker(void *arg)
{
    worker_t *w = (worker_t *)arg;
    w->owner = capheap_port_owner();
    w->ok = true;
    void *p[PER];
    for (unsigned it = 0; it < ITER; it++) {
        for (unsigned j = 0; j < PER; j++) {
            p[j] = capheap_caps_malloc(F.caps, block_size(w->index, j), block_caps(j));
            if (!p[j])
                w->ok = false;
        }
        /* block 0 grows by 40 and shrinks back: the peak includes the 40,
         * and the old block too when the growth moved it */
        void *q = capheap_caps_realloc(F.caps, p[0], block_size(w->index, 0) + 40, TFX_INT);
        if (q && q != p[0])
            w->moved = block_size(w->index, 0);
        if (q)
            p[0] = q;
        else
            w->ok = false;
        q = capheap_caps_realloc(F.caps, p[0], block_size(w->index, 0), TFX_INT);
        if (q)
            p[0] = q;
        else
            w->ok = false;
        if (it + 1 == ITER)
            break;
        for (unsigned j = 0; j < PER; j++)
            capheap_caps_free(F.caps, p[j]);
    }
    memcpy(w->kept, p, sizeof p);
    return NULL;
}

static bool name_thread(void *ctx, uintptr_t owner, char *name, size_t len)
{
    const worker_t *w = (const worker_t *)ctx;
    for (unsigned i = 0; i < THREADS; i++) {
        if (w[i].owner == owner) {
            capheap_snprintf(name, len, "worker%u", i);
            return false; /* joined: deleted */
        }
    }
    capheap_snprintf(name, len, "main");
    return true;
}

static void t_threads_exact(void)
{
    REQUIRE(tfx_open(&F));
    static worker_t w[THREADS];
    pthread_t th[THREADS];
    for (unsigned i = 0; i < THREADS; i++) {
        w[i].index = i;
        REQUIRE(pthread_create(&th[i], NULL, worker, &w[i]) == 0);
    }
    for (unsigned i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    for (unsigned i = 0; i < THREADS; i++) {
        CHECK(w[i].ok);
        size_t in_int = 0, in_ext = 0;
        for (unsigned j = 0; j < PER; j++)
            *((j & 1u) ? &in_ext : &in_int) += block_size(i, j);
        capheap_owner_usage_t u = tfx_usage(F.dram, w[i].owner);
        CHECK_EQ_SZ(u.current_bytes, in_int);
        CHECK_EQ_SZ(u.peak_bytes, in_int + 40 + w[i].moved);
        CHECK_EQ_SZ(u.blocks, PER / 2);
        u = tfx_usage(F.spiram, w[i].owner);
        CHECK_EQ_SZ(u.current_bytes, in_ext);
        CHECK_EQ_SZ(u.peak_bytes, in_ext);
        CHECK_EQ_SZ(u.blocks, PER / 2);
        /* its block list is exactly what it kept */
        capheap_owner_block_t b[PER + 1];
        size_t n = capheap_caps_owner_blocks(F.caps, w[i].owner, 0, b, PER + 1);
        CHECK_EQ_SZ(n, PER);
        for (unsigned j = 0; j < PER; j++) {
            bool found = false;
            for (size_t k = 0; k < n && !found; k++)
                found = b[k].ptr == w[i].kept[j] && b[k].size == block_size(i, j) &&
                        b[k].heap == ((j & 1u) ? F.spiram : F.dram);
            CHECK(found);
        }
    }
    CHECK_EQ_SZ(capheap_caps_owners(F.caps, NULL, 0), THREADS);

    /* the overview names every worker with its figures */
    static sink_t out;
    capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, name_thread, w, sink_fn, &out);
    for (unsigned i = 0; i < THREADS; i++) {
        capheap_owner_usage_t u;
        CHECK_EQ_SZ(capheap_caps_owner_usage(F.caps, w[i].owner, 0, &u), 2);
        char row[128];
        capheap_snprintf(row, sizeof row, "worker%u \xe2\x94\x82 DELETED \xe2\x94\x82 %20zu \xe2\x94\x82 %17zu \xe2\x94\x82               2 ",
                         i, u.current_bytes, u.peak_bytes);
        CHECK(strstr(out.buf, row) != NULL);
    }

    /* the main thread frees the dead workers' blocks: their current drops,
     * their peaks stay, nothing is charged to main */
    uintptr_t me = capheap_port_owner();
    for (unsigned i = 0; i < THREADS; i++)
        for (unsigned j = 0; j < PER; j++)
            capheap_caps_free(F.caps, w[i].kept[j]);
    for (unsigned i = 0; i < THREADS; i++) {
        capheap_owner_usage_t u = tfx_usage(F.dram, w[i].owner);
        CHECK_EQ_SZ(u.current_bytes, 0);
        CHECK(u.peak_bytes > 0);
    }
    CHECK_EQ_SZ(capheap_caps_owner_usage(F.caps, me, 0, &(capheap_owner_usage_t){ 0, 0, 0, 0 }), 0);
    CHECK_EQ_SZ(capheap_caps_owner_clear(F.caps, CAPHEAP_OWNER_ALL), 2 * THREADS);
    CHECK_EQ_SZ(capheap_caps_owners(F.caps, NULL, 0), 0);
    CHECK(capheap_caps_check_integrity_all(F.caps, NULL, NULL));
    CHECK_EQ_U(F.errors, 0);
}

/* Readers run while writers allocate: every snapshot is sane (a heap's
 * table is read under its lock, so current never exceeds peak). */
static atomic_int g_stop;

static void *reader(void *arg)
{
    (void)arg;
    static sink_t out;
    while (!atomic_load(&g_stop)) {
        capheap_owner_usage_t t[CAPHEAP_TASK_TRACKING_OWNERS + 1];
        size_t n = capheap_caps_heap_owners(F.dram, t, CAPHEAP_TASK_TRACKING_OWNERS + 1);
        for (size_t i = 0; i < n && i <= CAPHEAP_TASK_TRACKING_OWNERS; i++)
            if (t[i].current_bytes > t[i].peak_bytes)
                return (void *)1;
        (void)capheap_caps_owner_blocks(F.caps, CAPHEAP_OWNER_ALL, 0, NULL, 0);
        out.len = 0;
        capheap_caps_print_owner_overview(F.caps, CAPHEAP_OWNER_ALL, NULL, NULL, sink_fn, &out);
    }
    return NULL;
}

static void t_readers_while_writing(void)
{
    REQUIRE(tfx_open(&F));
    static worker_t w[THREADS];
    pthread_t th[THREADS], rd;
    atomic_store(&g_stop, 0);
    REQUIRE(pthread_create(&rd, NULL, reader, NULL) == 0);
    for (unsigned i = 0; i < THREADS; i++) {
        w[i].index = i;
        REQUIRE(pthread_create(&th[i], NULL, worker, &w[i]) == 0);
    }
    for (unsigned i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    atomic_store(&g_stop, 1);
    void *bad = NULL;
    pthread_join(rd, &bad);
    CHECK(bad == NULL);
    for (unsigned i = 0; i < THREADS; i++) {
        CHECK(w[i].ok);
        for (unsigned j = 0; j < PER; j++)
            capheap_caps_free(F.caps, w[i].kept[j]);
    }
    CHECK_EQ_SZ(capheap_caps_owner_blocks(F.caps, CAPHEAP_OWNER_ALL, 0, NULL, 0), 0);
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_threads_exact);
    RUN(t_readers_while_writing);
    return check_summary("tasks_threads");
}
