#!/usr/bin/env bash
# `make test`: every test. Builds the host configuration and runs CTest; the
# last line printed is CTest's summary.
set -euo pipefail
build=${BUILD:-build-test}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j 2
cd "$build"
ctest --output-on-failure -j 2 --timeout 600
