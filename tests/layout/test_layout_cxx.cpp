// The caps-layer public headers compile and link in C++.
#include "capheap/caps.h"
#include "capheap/chip.h"
#include "capheap/layout.h"
#include "capheap/port.h"
#include "capheap/sim.h"

#include <cstdio>

int main()
{
    const capheap_chip_t *chip = capheap_chip_find("esp32");
    size_t n = capheap_layout_regions(chip, CAPHEAP_LAYOUT_STARTUP, nullptr, nullptr, 0);
    capheap_sim_t *sim = nullptr;
    capheap_err_t e = capheap_sim_create(chip, 0, &sim);
    bool ok = chip && n == 4 && (e == CAPHEAP_OK || e == CAPHEAP_ERR_STATE /* bare metal */);
    capheap_sim_destroy(sim);
    std::printf("%s\n", ok ? "1 passed, 0 failed" : "0 passed, 1 failed");
    return ok ? 0 : 1;
}
