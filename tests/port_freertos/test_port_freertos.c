/*
 * The example FreeRTOS lock port (ports/freertos) against a stub of the
 * kernel API that records every call (stub/): the caps allocator creates
 * one mutex per lock and deletes them all, takes and gives them in pairs,
 * never recursively and always waiting forever, takes none before the
 * scheduler starts, fails cleanly when a mutex cannot be created; the
 * critical-section port uses the task-level or the FROM_ISR calls by
 * context and hands each exit its own enter's mask; the owner hook names
 * the running task. Hosted builds also run threads that contend for the
 * same heaps through each port, then check the heaps' integrity.
 * Built twice: mutexes from the kernel heap, and with
 * CAPHEAP_PORT_FREERTOS_STATIC=1 inside capheap's lock storage.
 */
#include "capheap/caps.h"
#include "capheap_port_freertos.h"
#include "check.h"
#include "prng.h"
#include "stub_kernel.h"
#include "task.h"

#include <string.h>

#if !defined(CAPHEAP_BARE_METAL)
#include <pthread.h>
#endif

#ifndef CAPHEAP_PORT_FREERTOS_STATIC
#define CAPHEAP_PORT_FREERTOS_STATIC 0
#endif

static _Alignas(64) unsigned char ram_a[48 * 1024];
/* 32 KiB: the 32 blocks below (20 KiB requested) all fit in this, the
 * smaller heap, also with comprehensive poisoning and task tracking on
 * 64-bit (36 bytes per block, a 304-byte owner table per heap) */
static _Alignas(64) unsigned char ram_b[32 * 1024];

static capheap_caps_t *make(const capheap_lock_ops_t *ops)
{
    capheap_region_t r[2];
    memset(r, 0, sizeof r);
    r[0].start = r[0].chip_start = (uintptr_t)ram_a;
    r[0].size = sizeof ram_a;
    r[0].caps[0] = CAPHEAP_CAP_DEFAULT | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL;
    r[0].type = -1;
    r[1].start = r[1].chip_start = (uintptr_t)ram_b;
    r[1].size = sizeof ram_b;
    r[1].caps[0] = CAPHEAP_CAP_DMA | CAPHEAP_CAP_8BIT | CAPHEAP_CAP_INTERNAL;
    r[1].type = -1;
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.lock_ops = ops;
    capheap_caps_t *inst = NULL;
    if (capheap_caps_create(&cfg, r, 2, &inst) != CAPHEAP_OK)
        return NULL;
    return inst;
}

static unsigned long mutexes_created(void)
{
    return CAPHEAP_PORT_FREERTOS_STATIC ? stub.created_static : stub.created;
}

static void t_mutex_pairs(void)
{
    stub_reset();
    capheap_caps_t *inst = make(&capheap_port_lock_freertos_mutex);
    REQUIRE(inst != NULL);
    /* one mutex per heap and one for the instance, from the chosen place */
    CHECK(mutexes_created() >= capheap_caps_heap_count(inst) + 1);
    CHECK_EQ_U(CAPHEAP_PORT_FREERTOS_STATIC ? stub.created : stub.created_static, 0);
    CHECK_EQ_U(stub_live_mutexes(), mutexes_created());
    unsigned long takes0 = stub.takes;
    void *p[32];
    for (int i = 0; i < 32; i++)
        CHECK_NOT_NULL(p[i] = capheap_caps_malloc(inst, 24u + (size_t)i * 40u,
                                                  i & 1 ? CAPHEAP_CAP_DMA : CAPHEAP_CAP_8BIT));
    for (int i = 0; i < 32; i++)
        capheap_caps_free(inst, p[i]);
    CHECK(stub.takes - takes0 >= 64); /* at least one lock round per call */
    CHECK_EQ_U(stub.takes, stub.gives);
    CHECK(capheap_caps_check_integrity_all(inst, NULL, NULL));
    CHECK_EQ_U(stub.takes, stub.gives);
    capheap_caps_destroy(inst);
    CHECK_EQ_U(stub.deleted, mutexes_created());
    CHECK_EQ_U(stub_live_mutexes(), 0);
    CHECK_EQ_U(stub.errors, 0);
}

static void t_mutex_before_scheduler(void)
{
    stub_reset();
    stub_scheduler_state = taskSCHEDULER_NOT_STARTED;
    capheap_caps_t *inst = make(&capheap_port_lock_freertos_mutex);
    REQUIRE(inst != NULL);
    void *p = capheap_caps_malloc(inst, 100, CAPHEAP_CAP_8BIT);
    CHECK_NOT_NULL(p);
    capheap_caps_free(inst, p);
    CHECK_EQ_U(stub.takes, 0); /* start-up code: one context, no locking */
    stub_scheduler_state = taskSCHEDULER_RUNNING;
    p = capheap_caps_malloc(inst, 100, CAPHEAP_CAP_8BIT);
    CHECK_NOT_NULL(p);
    capheap_caps_free(inst, p);
    CHECK(stub.takes >= 2);
    CHECK_EQ_U(stub.takes, stub.gives);
    capheap_caps_destroy(inst);
    CHECK_EQ_U(stub_live_mutexes(), 0);
    CHECK_EQ_U(stub.errors, 0);
}

static void t_mutex_create_fails(void)
{
    stub_reset();
    stub_fail_create = 1;
    CHECK_NULL(make(&capheap_port_lock_freertos_mutex));
    stub_fail_create = 0;
    CHECK_EQ_U(stub_live_mutexes(), 0);
    CHECK_EQ_U(stub.errors, 0);
}

static void t_critical_task_and_isr(void)
{
    stub_reset();
    capheap_caps_t *inst = make(&capheap_port_lock_freertos_critical);
    REQUIRE(inst != NULL);
    CHECK_EQ_U(stub_live_mutexes(), 0);
    void *a = capheap_caps_malloc(inst, 64, CAPHEAP_CAP_8BIT);
    CHECK_NOT_NULL(a);
    CHECK(stub.crit_enters >= 1);
    CHECK_EQ_U(stub.isr_enters, 0);
    /* the same instance from an "interrupt" */
    stub_in_isr = 1;
    unsigned long task_enters = stub.crit_enters;
    void *b = capheap_caps_malloc(inst, 64, CAPHEAP_CAP_DMA);
    CHECK_NOT_NULL(b);
    capheap_caps_free(inst, b);
    capheap_caps_free(inst, a);
    CHECK(stub.isr_enters >= 2);
    CHECK_EQ_U(stub.crit_enters, task_enters);
    stub_in_isr = 0;
    CHECK_EQ_U(stub.crit_enters, stub.crit_exits);
    CHECK_EQ_U(stub.isr_enters, stub.isr_exits);
    CHECK_EQ_U(stub.max_crit_depth, 1); /* never nested */
    CHECK_EQ_U(stub.errors, 0);          /* each exit had its enter's mask */
    capheap_caps_destroy(inst);
}

static void t_owner(void)
{
    stub_reset();
    stub_scheduler_state = taskSCHEDULER_NOT_STARTED;
    CHECK_EQ_U(capheap_port_freertos_owner(), CAPHEAP_OWNER_PRE_SCHEDULER);
    stub_scheduler_state = taskSCHEDULER_RUNNING;
    CHECK_EQ_U(capheap_port_freertos_owner(), (uintptr_t)(void *)xTaskGetCurrentTaskHandle());
    CHECK(capheap_port_freertos_owner() != CAPHEAP_OWNER_PRE_SCHEDULER);
}

#if !defined(CAPHEAP_BARE_METAL)
/* Several tasks (threads) share the instance through a port: each keeps
 * its own blocks stamped with its id, checks the stamps before freeing;
 * the heaps are checked after. Without a working lock the heaps break. */
#define THREADS 4
#define OPS 20000
static capheap_caps_t *shared;
static int stamp_errors[THREADS];

static void *task(void *arg)
{
    int id = (int)(intptr_t)arg;
    prng_t rng;
    prng_init(&rng, 1000u + (uint32_t)id);
    unsigned char *held[16] = { 0 };
    size_t sizes[16] = { 0 };
    for (int op = 0; op < OPS; op++) {
        unsigned k = prng_range(&rng, 0, 15);
        if (held[k]) {
            for (size_t i = 0; i < sizes[k]; i++)
                if (held[k][i] != (unsigned char)id)
                    stamp_errors[id]++;
            capheap_caps_free(shared, held[k]);
            held[k] = NULL;
        } else {
            sizes[k] = prng_range(&rng, 1, 300);
            held[k] = capheap_caps_malloc(shared, sizes[k],
                                          k & 1 ? CAPHEAP_CAP_DMA : CAPHEAP_CAP_8BIT);
            if (held[k])
                memset(held[k], id, sizes[k]);
        }
    }
    for (int k = 0; k < 16; k++)
        capheap_caps_free(shared, held[k]);
    return NULL;
}

static void contend(const capheap_lock_ops_t *ops)
{
    stub_reset();
    shared = make(ops);
    REQUIRE(shared != NULL);
    size_t free0 = capheap_caps_get_free_size(shared, CAPHEAP_CAP_8BIT);
    pthread_t th[THREADS];
    for (int t = 0; t < THREADS; t++) {
        stamp_errors[t] = 0;
        REQUIRE(pthread_create(&th[t], NULL, task, (void *)(intptr_t)t) == 0);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(th[t], NULL);
        CHECK_EQ_U(stamp_errors[t], 0);
    }
    CHECK(capheap_caps_check_integrity_all(shared, NULL, NULL));
    CHECK_EQ_U(capheap_caps_get_free_size(shared, CAPHEAP_CAP_8BIT), free0);
    CHECK_EQ_U(stub.takes, stub.gives);
    CHECK_EQ_U(stub.crit_enters, stub.crit_exits);
    CHECK_EQ_U(stub.errors, 0);
    capheap_caps_destroy(shared);
    CHECK_EQ_U(stub_live_mutexes(), 0);
}

static void t_threads_mutex(void)
{
    contend(&capheap_port_lock_freertos_mutex);
    CHECK(stub.takes >= (unsigned long)THREADS * OPS);
}

static void t_threads_critical(void)
{
    contend(&capheap_port_lock_freertos_critical);
    CHECK(stub.crit_enters >= (unsigned long)THREADS * OPS);
}
#endif

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(t_mutex_pairs);
    RUN(t_mutex_before_scheduler);
    RUN(t_mutex_create_fails);
    RUN(t_critical_task_and_isr);
    RUN(t_owner);
#if !defined(CAPHEAP_BARE_METAL)
    RUN(t_threads_mutex);
    RUN(t_threads_critical);
#endif
    return check_summary(CAPHEAP_PORT_FREERTOS_STATIC ? "port_freertos (static mutexes)"
                                                      : "port_freertos");
}
