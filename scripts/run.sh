#!/usr/bin/env bash
# `make run`: the capheap simulator (tools/, docs/simulator.md) replays the
# ESP32 Wi-Fi + TLS workload (examples/workloads/esp32_wifi_tls.wl), prints
# its report and draws the heap map, the timeline and the HTML report.
#   scripts/run.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$build/pictures
mkdir -p "$out"
exec "$build/tools/capheap" run esp32 "$here/examples/workloads/esp32_wifi_tls.wl" \
  --map "$out/heap-map.svg" --timeline "$out/timeline.svg" --report "$out/report.html"
