/*
 * Host simulation of a chip's memory map (capheap/sim.h).
 *
 * Table regions that touch (or share a host page) form one *segment*,
 * mapped as one piece so that the layout's coalesced regions are contiguous
 * on the host too. A segment holding a region with a linear alias is backed
 * by a memfd and each run of such regions is mapped a second time at its
 * alias address: both views are the same pages. A word-reversed alias gets
 * its own anonymous memory (its instruction view). Every mapping is first
 * tried at the chip's address with MAP_FIXED_NOREPLACE, then anywhere.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include "capheap/sim.h"
#include "../util/fault.h"

#if CAPHEAP_PORT_HAS_PTHREAD || defined(__unix__)
#define SIM_HOSTED 1
#else
#define SIM_HOSTED 0
#endif

#include <string.h>

#if SIM_HOSTED
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#endif

typedef struct {
    uintptr_t chip_lo, chip_hi; /* chip addresses covered */
    uintptr_t host_lo;          /* host address of chip_lo */
    void *map_base;             /* what to munmap */
    size_t map_len;
} sim_view_t;

struct capheap_sim {
    const capheap_chip_t *chip;
    capheap_addr_map_t map;
    size_t self_len;            /* bytes of this mapping (0: in a caller's buffer) */
    size_t nviews;
    bool all_fixed;
    bool alias_shared;
    capheap_chip_t chip_copy;   /* create_in: the table with run-time regions cut */
    sim_view_t views[];         /* data segments, then alias views */
};

static uintptr_t sim_to_host_fn(void *ctx, uintptr_t chip_addr)
{
    const capheap_sim_t *sim = (const capheap_sim_t *)ctx;
    for (size_t i = 0; i < sim->nviews; i++) {
        const sim_view_t *v = &sim->views[i];
        if (chip_addr >= v->chip_lo && chip_addr < v->chip_hi)
            return v->host_lo + (chip_addr - v->chip_lo);
    }
    return 0;
}

static uintptr_t sim_to_chip_fn(void *ctx, uintptr_t host)
{
    const capheap_sim_t *sim = (const capheap_sim_t *)ctx;
    for (size_t i = 0; i < sim->nviews; i++) {
        const sim_view_t *v = &sim->views[i];
        if (host >= v->host_lo && host - v->host_lo < v->chip_hi - v->chip_lo)
            return v->chip_lo + (host - v->host_lo);
    }
    return 0;
}

/* Whether table region b's alias continues a's (same rule as the layout's,
 * without type or flags: this is about memory, not heaps). */
static bool alias_continues(const capheap_chip_region_t *a, const capheap_chip_region_t *b)
{
    if (a->alias_kind != b->alias_kind || a->start + a->size != b->start)
        return false;
    if (a->alias_kind == CAPHEAP_ALIAS_LINEAR)
        return a->alias + a->size == b->alias;
    if (a->alias_kind == CAPHEAP_ALIAS_WORD_REVERSED)
        return b->alias + b->size == a->alias;
    return false;
}


/* ------------------------------------------------------ in a caller's buffer */

#define SIM_BUF_ALIGN 64u

static size_t sim_round(size_t v)
{
    return (v + SIM_BUF_ALIGN - 1) & ~(size_t)(SIM_BUF_ALIGN - 1);
}

static size_t cut_size(const capheap_chip_t *chip, const capheap_chip_region_t *r, size_t max_runtime)
{
    uint32_t f = chip->types[r->type].flags | r->flags;
    return (f & CAPHEAP_MT_RUNTIME) && r->size > max_runtime ? max_runtime : r->size;
}

/* Walks the (cut) table: segments of touching regions and their alias runs.
 * With sim NULL it only counts bytes. */
static size_t carve(const capheap_chip_t *chip, const capheap_chip_region_t *regs, capheap_sim_t *sim,
                    uintptr_t next)
{
    size_t used = 0;
    for (size_t i = 0; i < chip->region_count;) {
        size_t j = i + 1;
        while (j < chip->region_count && regs[j - 1].start + regs[j - 1].size == regs[j].start)
            j++;
        uintptr_t lo = regs[i].start, hi = regs[j - 1].start + regs[j - 1].size;
        size_t len = sim_round((size_t)(hi - lo));
        if (sim)
            sim->views[sim->nviews++] = (sim_view_t){ lo, hi, next + used, NULL, 0 };
        used += len;
        for (size_t k = i; k < j;) {
            size_t m = k + 1;
            if (regs[k].alias_kind == CAPHEAP_ALIAS_NONE) {
                k = m;
                continue;
            }
            while (m < j && alias_continues(&regs[m - 1], &regs[m]))
                m++;
            uintptr_t ds = regs[k].start, de = regs[m - 1].start + regs[m - 1].size;
            uintptr_t alo = regs[k].alias_kind == CAPHEAP_ALIAS_LINEAR ? regs[k].alias
                                                                       : regs[m - 1].alias;
            if (sim)
                sim->views[sim->nviews++] = (sim_view_t){ alo, alo + (de - ds), next + used, NULL, 0 };
            used += sim_round((size_t)(de - ds));
            k = m;
        }
        i = j;
    }
    return used;
}

static size_t header_bytes(const capheap_chip_t *chip)
{
    return sim_round(sizeof(capheap_sim_t) + (2 * chip->region_count + 1) * sizeof(sim_view_t)) +
           sim_round(chip->region_count * sizeof(capheap_chip_region_t));
}

size_t capheap_sim_bytes_needed(const capheap_chip_t *chip, size_t max_runtime)
{
    if (!chip || capheap_chip_validate(chip, NULL, NULL) != CAPHEAP_OK)
        return 0;
    /* the cut sizes, without writing anything: count segment by segment */
    size_t total = header_bytes(chip) + SIM_BUF_ALIGN;
    for (size_t i = 0; i < chip->region_count;) {
        size_t j = i + 1;
        size_t span = cut_size(chip, &chip->regions[i], max_runtime);
        bool cut = span != chip->regions[i].size;
        while (!cut && j < chip->region_count &&
               chip->regions[j - 1].start + chip->regions[j - 1].size == chip->regions[j].start) {
            size_t s2 = cut_size(chip, &chip->regions[j], max_runtime);
            cut = s2 != chip->regions[j].size;
            span += s2;
            j++;
        }
        total += sim_round(span);
        for (size_t k = i; k < j; k++)
            if (chip->regions[k].alias_kind != CAPHEAP_ALIAS_NONE)
                total += sim_round(cut_size(chip, &chip->regions[k], max_runtime)) + SIM_BUF_ALIGN;
        i = j;
    }
    return total;
}

capheap_err_t capheap_sim_create_in(const capheap_chip_t *chip, void *mem, size_t size,
                                    size_t max_runtime, capheap_sim_t **out)
{
    if (!out)
        return CAPHEAP_ERR_INVALID_ARG;
    *out = NULL;
    if (!chip || !mem || capheap_chip_validate(chip, NULL, NULL) != CAPHEAP_OK)
        return CAPHEAP_ERR_INVALID_ARG;
    if (max_runtime < CAPHEAP_LAYOUT_MIN_REGION)
        max_runtime = CAPHEAP_LAYOUT_MIN_REGION;
    size_t need = capheap_sim_bytes_needed(chip, max_runtime);
    if (size < need)
        return CAPHEAP_ERR_TOO_SMALL;
    uintptr_t base = ((uintptr_t)mem + SIM_BUF_ALIGN - 1) & ~(uintptr_t)(SIM_BUF_ALIGN - 1);
    capheap_sim_t *sim = (capheap_sim_t *)base;
    memset(sim, 0, sizeof *sim);
    capheap_chip_region_t *regs = (capheap_chip_region_t *)(base + sim_round(
        sizeof(capheap_sim_t) + (2 * chip->region_count + 1) * sizeof(sim_view_t)));
    for (size_t i = 0; i < chip->region_count; i++) {
        regs[i] = chip->regions[i];
        regs[i].size = cut_size(chip, &chip->regions[i], max_runtime);
    }
    sim->chip_copy = *chip;
    sim->chip_copy.regions = regs;
    sim->chip = &sim->chip_copy;
    sim->map.to_host = sim_to_host_fn;
    sim->map.to_chip = sim_to_chip_fn;
    sim->map.ctx = sim;
    sim->all_fixed = false;
    sim->alias_shared = false;
    uintptr_t next = base + header_bytes(chip);
    size_t used = carve(chip, regs, sim, next);
    memset((void *)next, 0, used);
    *out = sim;
    return CAPHEAP_OK;
}

#if SIM_HOSTED

static uintptr_t page_size(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (uintptr_t)p : 4096u;
}

/* Maps len bytes (page multiple) at `want` if the host allows it, else
 * anywhere. fd < 0: private anonymous memory. Returns NULL on failure. */
static void *map_at(uintptr_t want, size_t len, int fd, size_t off, bool try_fixed, bool *fixed)
{
    int prot = PROT_READ | PROT_WRITE;
    int flags = fd >= 0 ? MAP_SHARED : (MAP_PRIVATE | MAP_ANONYMOUS);
    void *p;

    *fixed = false;
    if (capheap_fault_fail("sim map"))
        return NULL;
#if defined(MAP_FIXED_NOREPLACE)
    if (try_fixed && want != 0) {
        p = mmap((void *)want, len, prot, flags | MAP_FIXED_NOREPLACE, fd, (off_t)off);
        if (p != MAP_FAILED) {
            if ((uintptr_t)p == want) {
                *fixed = true;
                return p;
            }
            munmap(p, len); /* an old kernel took the address as a hint */
        }
    }
#else
    (void)want;
    (void)try_fixed;
#endif
    p = mmap(NULL, len, prot, flags, fd, (off_t)off);
    return p == MAP_FAILED ? NULL : p;
}

static int make_memfd(size_t len)
{
#if defined(__linux__) && defined(MFD_CLOEXEC)
    int fd = memfd_create("capheap-sim", MFD_CLOEXEC);
    if (fd < 0)
        return -1;
    if (ftruncate(fd, (off_t)len) != 0) {
        close(fd);
        return -1;
    }
    return fd;
#else
    (void)len;
    return -1;
#endif
}

void capheap_sim_destroy(capheap_sim_t *sim)
{
    if (!sim || sim->self_len == 0)
        return; /* NULL, or memory the caller owns */
    for (size_t i = 0; i < sim->nviews; i++)
        if (sim->views[i].map_base)
            munmap(sim->views[i].map_base, sim->views[i].map_len);
    munmap(sim, sim->self_len);
}

capheap_err_t capheap_sim_create(const capheap_chip_t *chip, unsigned flags, capheap_sim_t **out)
{
    if (!out)
        return CAPHEAP_ERR_INVALID_ARG;
    *out = NULL;
    if (!chip || capheap_chip_validate(chip, NULL, NULL) != CAPHEAP_OK)
        return CAPHEAP_ERR_INVALID_ARG;

    const uintptr_t pg = page_size();
    const bool try_fixed = !(flags & CAPHEAP_SIM_ANYWHERE);
    size_t max_views = 2 * chip->region_count + 1;
    size_t self_len = (sizeof(capheap_sim_t) + max_views * sizeof(sim_view_t) + pg - 1) & ~(pg - 1);
    void *mem = capheap_fault_fail("sim map")
                    ? MAP_FAILED
                    : mmap(NULL, self_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        return CAPHEAP_ERR_NO_MEM;
    capheap_sim_t *sim = (capheap_sim_t *)mem;
    memset(sim, 0, sizeof *sim);
    sim->chip = chip;
    sim->self_len = self_len;
    sim->map.to_host = sim_to_host_fn;
    sim->map.to_chip = sim_to_chip_fn;
    sim->map.ctx = sim;
    sim->all_fixed = true;
    sim->alias_shared = true;

    /* data segments (and their linear alias views, which need the fd) */
    for (size_t i = 0; i < chip->region_count;) {
        size_t j = i + 1;
        uintptr_t lo = chip->regions[i].start & ~(pg - 1);
        uintptr_t hi = (chip->regions[i].start + chip->regions[i].size + pg - 1) & ~(pg - 1);
        bool linear = chip->regions[i].alias_kind == CAPHEAP_ALIAS_LINEAR;
        while (j < chip->region_count && (chip->regions[j].start & ~(pg - 1)) <= hi) {
            hi = (chip->regions[j].start + chip->regions[j].size + pg - 1) & ~(pg - 1);
            linear |= chip->regions[j].alias_kind == CAPHEAP_ALIAS_LINEAR;
            j++;
        }
        size_t len = (size_t)(hi - lo);
        int fd = linear ? make_memfd(len) : -1;
        bool fixed;
        if (linear && fd < 0)
            sim->alias_shared = false;
        void *p = map_at(lo, len, fd, 0, try_fixed, &fixed);
        if (!p) {
            if (fd >= 0)
                close(fd);
            capheap_sim_destroy(sim);
            return CAPHEAP_ERR_NO_MEM;
        }
        sim->all_fixed &= fixed;
        sim->views[sim->nviews++] = (sim_view_t){ lo, hi, (uintptr_t)p, p, len };

        /* alias views of the regions of this segment, run by run */
        for (size_t k = i; k < j;) {
            const capheap_chip_region_t *r = &chip->regions[k];
            size_t m = k + 1;
            if (r->alias_kind == CAPHEAP_ALIAS_NONE) {
                k = m;
                continue;
            }
            while (m < j && alias_continues(&chip->regions[m - 1], &chip->regions[m]))
                m++;
            const capheap_chip_region_t *last = &chip->regions[m - 1];
            uintptr_t ds = r->start, de = last->start + last->size;
            uintptr_t alo = r->alias_kind == CAPHEAP_ALIAS_LINEAR ? r->alias : last->alias;
            uintptr_t ahi = alo + (de - ds);
            uintptr_t plo = alo & ~(pg - 1), phi = (ahi + pg - 1) & ~(pg - 1);
            void *a = NULL;
            bool afixed = false;
            if (r->alias_kind == CAPHEAP_ALIAS_LINEAR && fd >= 0 && ((alo - ds) & (pg - 1)) == 0) {
                /* same pages: map the fd range that holds [ds, de) */
                uintptr_t dlo = ds & ~(pg - 1);
                a = map_at(plo, (size_t)(phi - plo), fd, (size_t)(dlo - lo), try_fixed, &afixed);
            } else {
                if (r->alias_kind == CAPHEAP_ALIAS_LINEAR)
                    sim->alias_shared = false;
                a = map_at(plo, (size_t)(phi - plo), -1, 0, try_fixed, &afixed);
            }
            if (!a) {
                if (fd >= 0)
                    close(fd);
                capheap_sim_destroy(sim);
                return CAPHEAP_ERR_NO_MEM;
            }
            sim->all_fixed &= afixed;
            sim->views[sim->nviews++] =
                (sim_view_t){ alo, ahi, (uintptr_t)a + (alo - plo), a, (size_t)(phi - plo) };
            k = m;
        }
        if (fd >= 0)
            close(fd); /* the mappings keep the memory */
        i = j;
    }
    *out = sim;
    return CAPHEAP_OK;
}

#else /* no host memory mapping: only capheap_sim_create_in */

capheap_err_t capheap_sim_create(const capheap_chip_t *chip, unsigned flags, capheap_sim_t **out)
{
    (void)chip;
    (void)flags;
    if (out)
        *out = NULL;
    return CAPHEAP_ERR_STATE;
}

void capheap_sim_destroy(capheap_sim_t *sim)
{
    (void)sim; /* create_in memory belongs to the caller */
}

#endif

const capheap_chip_t *capheap_sim_chip(const capheap_sim_t *sim)
{
    return sim ? sim->chip : NULL;
}

const capheap_addr_map_t *capheap_sim_map(const capheap_sim_t *sim)
{
    return sim ? &sim->map : NULL;
}

void *capheap_sim_to_host(const capheap_sim_t *sim, uintptr_t chip_addr)
{
    return sim ? (void *)sim_to_host_fn((void *)(uintptr_t)sim, chip_addr) : NULL;
}

uintptr_t capheap_sim_to_chip(const capheap_sim_t *sim, const void *host)
{
    return sim ? sim_to_chip_fn((void *)(uintptr_t)sim, (uintptr_t)host) : 0;
}

bool capheap_sim_at_chip_addresses(const capheap_sim_t *sim)
{
    return sim && sim->all_fixed;
}

bool capheap_sim_alias_shared(const capheap_sim_t *sim)
{
    return sim && sim->alias_shared;
}

