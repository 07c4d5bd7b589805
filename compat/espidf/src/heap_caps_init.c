/*
 * heap_caps_init(): creates the default instance from a chip table (through
 * the host simulation) and logs ESP-IDF's start-up summary.
 */
#include <stdlib.h>
#include <string.h>

#include "capheap/layout.h"
#include "espidf_internal.h"
#include "esp_heap_caps_init.h"

#ifndef CAPHEAP_ESPIDF_DEFAULT_CHIP
#define CAPHEAP_ESPIDF_DEFAULT_CHIP "esp32"
#endif

static void log_summary(const capheap_chip_t *chip)
{
    char prefix[40];
    espidf_printf("I (%lu) heap_init: Initializing. RAM available for dynamic allocation:\n",
                  espidf_log_ms());
    capheap_snprintf(prefix, sizeof prefix, "I (%lu) heap_init: ", espidf_log_ms());
    capheap_layout_print(chip, CAPHEAP_LAYOUT_STARTUP | CAPHEAP_LAYOUT_DEFERRED, prefix,
                         espidf_print_trampoline, NULL);
}

static void adopt(capheap_caps_t *caps, const capheap_chip_t *chip, capheap_sim_t *sim)
{
    espidf_state.caps = caps;
    espidf_state.chip = chip;
    espidf_state.sim = sim;
    espidf_state.free_caps = caps;
    espidf_update_quiet();
    if (espidf_extmem_limit != SIZE_MAX)
        capheap_caps_malloc_extmem_enable(caps, espidf_extmem_limit);
    espidf_trace_adopt(caps);
}

esp_err_t capheap_espidf_init_chip(const capheap_chip_t *chip)
{
    if (espidf_state.caps)
        return ESP_ERR_INVALID_STATE;
    if (!chip)
        return ESP_ERR_INVALID_ARG;
    capheap_sim_t *sim = NULL;
    capheap_err_t e = capheap_sim_create(chip, 0, &sim);
    if (e == CAPHEAP_ERR_STATE) {
        /* no host simulation in this build (bare metal): the table's
         * addresses are the real memory */
        sim = NULL;
        e = CAPHEAP_OK;
    }
    if (e != CAPHEAP_OK) {
        espidf_printf("E (%lu) heap_init: cannot simulate chip '%s' (%s)\n", espidf_log_ms(),
                      chip->name, e == CAPHEAP_ERR_INVALID_ARG ? "invalid table" : "host mapping refused");
        return e == CAPHEAP_ERR_INVALID_ARG ? ESP_ERR_INVALID_ARG : ESP_ERR_NO_MEM;
    }
    capheap_caps_config_t cfg;
    capheap_caps_config_init(&cfg);
    cfg.chip = chip;
    cfg.map = sim ? capheap_sim_map(sim) : NULL;
    cfg.error_hook = espidf_error_trampoline;
    cfg.print = espidf_print_trampoline;
    capheap_caps_t *caps = NULL;
    e = capheap_caps_create_from_chip(&cfg, &caps);
    if (e != CAPHEAP_OK) {
        espidf_printf("E (%lu) heap_init: cannot create the heaps of chip '%s' (error %d)\n",
                      espidf_log_ms(), chip->name, (int)e);
        capheap_sim_destroy(sim);
        return e == CAPHEAP_ERR_INVALID_ARG ? ESP_ERR_INVALID_ARG : ESP_ERR_NO_MEM;
    }
    log_summary(chip);
    adopt(caps, chip, sim);
    return ESP_OK;
}

esp_err_t capheap_espidf_init_instance(capheap_caps_t *caps, const capheap_chip_t *chip)
{
    if (!caps)
        return ESP_ERR_INVALID_ARG;
    if (espidf_state.caps)
        return ESP_ERR_INVALID_STATE;
    if (chip)
        log_summary(chip);
    adopt(caps, chip, NULL);
    return ESP_OK;
}

void heap_caps_init(void)
{
    if (espidf_state.caps) {
        espidf_printf("W (%lu) heap_init: already initialised, call ignored\n", espidf_log_ms());
        return;
    }
    const char *name = getenv("CAPHEAP_CHIP");
    if (!name || !*name)
        name = CAPHEAP_ESPIDF_DEFAULT_CHIP;
    const capheap_chip_t *chip = capheap_chip_find(name);
    if (!chip) {
        espidf_printf("E (%lu) heap_init: unknown chip '%s' (CAPHEAP_CHIP); known:",
                      espidf_log_ms(), name);
        size_t n = 0;
        const capheap_chip_t *const *list = capheap_chip_list(&n);
        for (size_t i = 0; i < n; i++)
            espidf_printf(" %s", list[i]->name);
        espidf_printf("\n");
        return;
    }
    (void)capheap_espidf_init_chip(chip);
}
