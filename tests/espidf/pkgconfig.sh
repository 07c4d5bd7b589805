#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, then builds and runs a
# program that includes "esp_heap_caps.h" and "multi_heap.h", with the flags
# of `pkg-config capheap-espidf` only, as C and as C++.
#   pkgconfig.sh BUILD_DIR WORK_DIR SOURCE_DIR
set -euo pipefail
build=$1 work=$2 src=$3
rm -rf "$work" && mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log"
pc=$(find "$work/prefix" -name capheap-espidf.pc | head -n1)
[ -n "$pc" ] || { echo "capheap-espidf.pc not installed"; exit 1; }
for h in esp_heap_caps.h esp_heap_caps_init.h multi_heap.h esp_memory_utils.h; do
  [ -n "$(find "$work/prefix" -name "$h")" ] || { echo "$h not installed"; exit 1; }
done
export PKG_CONFIG_PATH=$(dirname "$pc")
# the scratch prefix is not the configured one: let pkg-config derive it
# from where the .pc files are (pkgconf's --define-prefix)
pc_() { pkg-config --define-prefix "$@"; }
pc_ --exists --print-errors capheap-espidf
cflags=$(pc_ --cflags capheap-espidf)
libs=$(pc_ --libs capheap-espidf)
echo "cflags: $cflags"
echo "libs:   $libs"
# shellcheck disable=SC2086  # flag lists
cc -std=c11 -Wall -Wextra -Werror $cflags "$src/consumer.c" -o "$work/consumer_c" $libs -lpthread
# shellcheck disable=SC2086
c++ -std=c++11 -Wall -Wextra -Werror -x c++ $cflags "$src/consumer.c" -x none -o "$work/consumer_cxx" $libs -lpthread
CAPHEAP_CHIP=esp32 "$work/consumer_c" | tee "$work/out_c.txt"
CAPHEAP_CHIP=esp32 "$work/consumer_cxx" | tee "$work/out_cxx.txt"
grep -q "heap_init: At 3FFAE6E0 len 00001920 (6 KiB): DRAM" "$work/out_c.txt"
grep -q "^consumer: ok" "$work/out_c.txt"
grep -q "^consumer: ok" "$work/out_cxx.txt"
