/*
 * The list of chips capheap knows. Adding a chip: write chips/<name>.c with
 * its tables (see chips/README.md), declare it in include/capheap/chip.h and
 * add it here and to chips/CMakeLists.txt.
 */
#include "capheap/chip.h"

static const capheap_chip_t *const chips[] = {
    &capheap_chip_esp32,
    &capheap_chip_esp32s3,
    &capheap_chip_esp32c3,
    &capheap_chip_w800,
    &capheap_chip_stm32h743,
    &capheap_chip_generic,
    &capheap_chip_mps2_an385,
    &capheap_chip_mps2_an500,
};

const capheap_chip_t *const *capheap_chip_list(size_t *count)
{
    if (count)
        *count = sizeof chips / sizeof chips[0];
    return chips;
}
