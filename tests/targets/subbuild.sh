#!/usr/bin/env bash
# One cell of the test matrix: configure, build and test a sub-build of the
# source tree, so its result is one test in the top-level CTest summary.
#   subbuild.sh <source-dir> <build-dir> <ctest-args> [cmake -D args...]
# The sub-build has CAPHEAP_MATRIX=OFF, so it never starts sub-builds itself.
# Build output is kept in <build-dir>.log and shown only when a step fails.
# CAPHEAP_SUBBUILD_JOBS (default 1) sets the build parallelism; the top-level
# CTest runs two cells at once on the 2-core budget.
set -uo pipefail
src=$1 bin=$2 ctest_args=$3
shift 3
jobs=${CAPHEAP_SUBBUILD_JOBS:-1}
log=$bin.log
mkdir -p "$bin"

step() {
    local what=$1; shift
    if ! "$@" >>"$log" 2>&1; then
        echo "subbuild $(basename "$bin"): $what failed; last lines of $log:"
        tail -n 60 "$log"
        exit 1
    fi
}

: >"$log"
start=$(date +%s)
step configure cmake -S "$src" -B "$bin" -G Ninja -DCAPHEAP_MATRIX=OFF \
    -DCAPHEAP_BUILD_TESTS=ON "$@"
step build cmake --build "$bin" -j "$jobs"
built=$(date +%s)
echo "subbuild $(basename "$bin"): configured and built in $((built - start)) s"
# shellcheck disable=SC2086  # ctest_args is a list of words on purpose
ctest --test-dir "$bin" --output-on-failure --timeout 900 $ctest_args
rc=$?
echo "subbuild $(basename "$bin"): tests ran in $(($(date +%s) - built)) s (exit $rc)"
exit $rc
