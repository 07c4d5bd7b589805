/*
 * The application's static data (docs/simulator.md, --static-dram and
 * --elf): a copy of the chip table whose "application ..." reserved ranges
 * are resized, either to a given size or to the end of the allocated
 * sections of an ELF file (read directly, no libelf).
 */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

/* What the chip's start-up allows for static data. */
typedef struct {
    const char *chip;
    size_t max_static_dram;
} chip_limit_t;

static const chip_limit_t limits[] = {
    /* ESP32: the linker script gives .dram0.data/.bss at most 160 KiB
     * (0x3FFB0000-0x3FFD8000); the rest of SRAM2 is heap only. */
    { "esp32", 160 * 1024 },
};

/* Contiguous table memory of the same type from addr on: its end. */
static uintptr_t contiguous_end(const capheap_chip_t *chip, uintptr_t addr)
{
    int i = capheap_chip_region_at(chip, addr);
    if (i < 0)
        return addr;
    size_t k = (size_t)i;
    uintptr_t end = chip->regions[k].start + chip->regions[k].size;
    while (k + 1 < chip->region_count && chip->regions[k + 1].start == end &&
           chip->regions[k + 1].type == chip->regions[k].type) {
        k++;
        end = chip->regions[k].start + chip->regions[k].size;
    }
    return end;
}

static bool is_app(const capheap_reserved_t *r, const char *what)
{
    return r->what && strncmp(r->what, what, strlen(what)) == 0;
}

/* Sets the end of the reserved range called `what` to start + bytes
 * (rounded up to 8), refusing what the chip cannot do. */
int tool_set_static(custom_chip_t *c, const char *what, uint64_t bytes, const char *source)
{
    for (size_t i = 0; i < c->chip.reserved_count; i++) {
        capheap_reserved_t *r = &c->reserved[i];
        if (!is_app(r, what))
            continue;
        /* sizes within 7 of 2^64 must not round up to 0 */
        uint64_t need = bytes > UINT64_MAX - 7 ? UINT64_MAX : (bytes + 7) & ~(uint64_t)7;
        for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
            if (strcmp(limits[l].chip, c->chip.name) == 0 && strcmp(what, "application .data") == 0 &&
                need > limits[l].max_static_dram) {
                fprintf(tool_err(),
                        "capheap: %s needs %llu bytes of static DRAM; the %s holds at most %zu "
                        "(%zu KiB)\n",
                        source, (unsigned long long)bytes, c->chip.name,
                        limits[l].max_static_dram, limits[l].max_static_dram / 1024);
                return EXIT_CHIP;
            }
        }
        uintptr_t limit = contiguous_end(&c->chip, r->start);
        if (i + 1 < c->chip.reserved_count && c->reserved[i + 1].start < limit)
            limit = c->reserved[i + 1].start;
        if (need > limit - r->start) {
            fprintf(tool_err(),
                    "capheap: %s needs %llu bytes for %s; %s has %lu bytes there (0x%lx-0x%lx)\n",
                    source, (unsigned long long)bytes, r->what, c->chip.name,
                    (unsigned long)(limit - r->start), (unsigned long)r->start,
                    (unsigned long)limit);
            return EXIT_CHIP;
        }
        r->end = r->start + (uintptr_t)need;
        if (r->end == r->start)
            r->end = r->start + 8; /* keep the range non-empty */
        return EXIT_OK;
    }
    fprintf(tool_err(), "capheap: chip %s has no '%s...' reserved range to size\n", c->chip.name,
            what);
    return EXIT_CHIP;
}

bool tool_custom_init(custom_chip_t *c, const capheap_chip_t *chip)
{
    c->chip = *chip;
    c->reserved = calloc(chip->reserved_count + 1, sizeof *c->reserved);
    if (!c->reserved)
        return false;
    if (chip->reserved_count)
        memcpy(c->reserved, chip->reserved, chip->reserved_count * sizeof *c->reserved);
    c->chip.reserved = c->reserved;
    return true;
}

/* ELF: the end of the allocated sections in each application range. */
static uint64_t rd(const unsigned char *p, int n, bool be)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint64_t)p[be ? n - 1 - i : i] << (8 * i);
    return v;
}

int tool_elf_apply(custom_chip_t *c, const unsigned char *b, size_t len, const char *path)
{
    int rc = EXIT_INPUT;
    if (len < 52 || memcmp(b, "\x7f" "ELF", 4) != 0 || (b[4] != 1 && b[4] != 2) ||
        (b[5] != 1 && b[5] != 2)) {
        fprintf(tool_err(), "capheap: %s is not an ELF file\n", path);
        return rc;
    }
    bool is64 = b[4] == 2, be = b[5] == 2;
    if (len < (is64 ? 64u : 52u)) {
        fprintf(tool_err(), "capheap: %s: ELF header truncated\n", path);
        return rc;
    }
    uint64_t shoff = is64 ? rd(b + 0x28, 8, be) : rd(b + 0x20, 4, be);
    unsigned shentsize = (unsigned)rd(b + (is64 ? 0x3A : 0x2E), 2, be);
    unsigned shnum = (unsigned)rd(b + (is64 ? 0x3C : 0x30), 2, be);
    if (shnum == 0 || shentsize < (is64 ? 64u : 40u) || shoff > len ||
        (uint64_t)shnum * shentsize > len - shoff) {
        fprintf(tool_err(), "capheap: %s: section header table missing or truncated\n", path);
        return rc;
    }
    /* For each application range: the highest end of an allocated section
     * that starts inside its contiguous table memory. */
    uint64_t ends[16] = { 0 };
    size_t napp = c->chip.reserved_count < 16 ? c->chip.reserved_count : 16;
    for (unsigned s = 0; s < shnum; s++) {
        const unsigned char *sh = b + shoff + (uint64_t)s * shentsize;
        uint64_t flags = is64 ? rd(sh + 8, 8, be) : rd(sh + 8, 4, be);
        uint64_t addr = is64 ? rd(sh + 16, 8, be) : rd(sh + 12, 4, be);
        uint64_t size = is64 ? rd(sh + 32, 8, be) : rd(sh + 20, 4, be);
        if (!(flags & 2) || size == 0 || addr == 0) /* SHF_ALLOC */
            continue;
        if ((uint64_t)(uintptr_t)addr != addr) /* not an address of this chip */
            continue;
        /* a section reaching past 2^64 ends at 2^64 - 1: too large for any
         * range, so refused below (not wrapped to a small end) */
        uint64_t end = size > UINT64_MAX - addr ? UINT64_MAX : addr + size;
        /* instruction-bus addresses count at their data-bus view */
        int ai = capheap_chip_region_at_alias(&c->chip, (uintptr_t)addr);
        if (capheap_chip_region_at(&c->chip, (uintptr_t)addr) < 0 && ai >= 0 &&
            c->chip.regions[ai].alias_kind == CAPHEAP_ALIAS_LINEAR) {
            uint64_t delta = addr - c->chip.regions[ai].alias;
            addr = c->chip.regions[ai].start + delta;
            end = size > UINT64_MAX - addr ? UINT64_MAX : addr + size;
        }
        for (size_t i = 0; i < napp; i++) {
            const capheap_reserved_t *r = &c->reserved[i];
            if (!is_app(r, "application"))
                continue;
            if (addr >= r->start && addr < contiguous_end(&c->chip, r->start) && end > ends[i])
                ends[i] = end;
        }
    }
    rc = EXIT_OK;
    for (size_t i = 0; i < napp && rc == EXIT_OK; i++) {
        if (!is_app(&c->reserved[i], "application") || !ends[i])
            continue;
        const char *what = is_app(&c->reserved[i], "application .data") ? "application .data"
                                                                        : c->reserved[i].what;
        rc = tool_set_static(c, what, ends[i] - c->reserved[i].start, path);
    }
    return rc;
}
