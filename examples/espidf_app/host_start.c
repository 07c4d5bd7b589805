/*
 * Host stand-in for ESP-IDF's start-up: builds the default heap from the
 * simulated chip (CAPHEAP_CHIP, default esp32), as the ESP-IDF start-up code
 * does before any task, then calls the application's app_main().
 */
#include "esp_heap_caps_init.h"

void app_main(void);
extern int app_main_result;

int main(void)
{
    heap_caps_init();
    app_main();
    return app_main_result;
}
