#!/usr/bin/env bash
# `make run`: the ESP-IDF heap API on a simulated ESP32 (examples/espidf_wifi_tls.c):
# start-up summary, a Wi-Fi + TLS workload, heap_caps_print_heap_info for
# DEFAULT, DMA, EXEC and SPIRAM. CAPHEAP_CHIP=<chip> simulates another chip.
set -euo pipefail
build=${1:-build}
exec "$build/examples/espidf_wifi_tls"
