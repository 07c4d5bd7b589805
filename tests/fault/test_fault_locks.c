/*
 * A lock port whose init fails (capheap/port.h: the call that needed the
 * lock then fails with CAPHEAP_ERR_NO_MEM). Needs no fault-injection build:
 * the port itself fails. For every k, the k-th lock creation fails; the
 * call must return CAPHEAP_ERR_NO_MEM and destroy every lock it created
 * (regression: capheap_caps_create leaked the largest region's lock when a
 * region listed before it failed).
 */
#include "capheap/caps.h"
#include "check.h"

#include <string.h>

static long live, made, fail_at;

static bool fl_init(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    if (++made == fail_at)
        return false;
    memset(l, 0, sizeof *l);
    l->u.words[0] = (void *)&live;
    live++;
    return true;
}

static void fl_acquire(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    (void)l;
}

static void fl_destroy(void *ctx, capheap_lock_t *l)
{
    (void)ctx;
    CHECK(l->u.words[0] == (void *)&live); /* only locks that were created */
    l->u.words[0] = NULL;
    live--;
}

static const capheap_lock_ops_t failing_locks = { fl_init, fl_acquire, fl_acquire, fl_destroy,
                                                  NULL, 0 };

static unsigned char mem[4][8192];

static void region(capheap_region_t *r, void *m, size_t size)
{
    memset(r, 0, sizeof *r);
    r->start = (uintptr_t)m;
    r->size = size;
    r->caps[0] = CAPHEAP_CAP_8BIT | CAPHEAP_CAP_DEFAULT;
    r->type = -1;
}

static void create_fails_cleanly(void)
{
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.lock_ops = &failing_locks;
    capheap_region_t r[4];
    /* the largest region is the third: regions before and after it fail */
    region(&r[0], mem[0], 2048);
    region(&r[1], mem[1], 4096);
    region(&r[2], mem[2], 8192);
    region(&r[3], mem[3], 1024);
    for (fail_at = 1; fail_at <= 6; fail_at++) {
        live = made = 0;
        capheap_caps_t *c = NULL;
        capheap_err_t e = capheap_caps_create(&cfg, r, 4, &c);
        if (fail_at <= 5) { /* admin + 4 heaps */
            CHECK_EQ_U(e, CAPHEAP_ERR_NO_MEM);
            CHECK_NULL(c);
            CHECK_EQ_U(live, 0);
        } else {
            REQUIRE(e == CAPHEAP_OK);
            CHECK_EQ_U(live, 5);
            /* and a run-time region whose lock fails leaves it intact */
            fail_at = made + 1;
            static unsigned char extra[4096];
            CHECK_EQ_U(capheap_caps_add_region_desc(c, &(capheap_region_t){
                           (uintptr_t)extra, sizeof extra, (uintptr_t)extra,
                           { CAPHEAP_CAP_8BIT, 0, 0 }, 0, 0, 0, -1, NULL }),
                       CAPHEAP_ERR_NO_MEM);
            CHECK_EQ_U(capheap_caps_heap_count(c), 4);
            CHECK(capheap_caps_check_integrity_all(c, NULL, NULL));
            void *p = capheap_caps_malloc(c, 64, CAPHEAP_CAP_8BIT);
            CHECK_NOT_NULL(p);
            capheap_caps_free(c, p);
            capheap_caps_destroy(c);
            CHECK_EQ_U(live, 0);
            break;
        }
    }
}

int main(int argc, char **argv)
{
    check_select(argc, argv);
    RUN(create_fails_cleanly);
    return check_summary("fault_locks");
}
