#!/usr/bin/env bash
# One cell of the test matrix: configure, build and test a sub-build of the
# source tree, so its result is one test in the top-level CTest summary.
#   subbuild.sh <source-dir> <build-dir> <ctest-args> [cmake -D args...]
# The sub-build has CAPHEAP_MATRIX=OFF, so it never starts sub-builds itself.
# Build output is kept in <build-dir>.log and shown only when a step fails.
# CAPHEAP_SUBBUILD_JOBS (default 1) sets the build parallelism; the top-level
# CTest runs two cells at once on the 2-core budget.
# <build-dir>.counts gets "<passed> <failed>" of the tests run inside (a
# failed configure or build is "0 1"), which scripts/test.sh adds up.
set -uo pipefail
src=$1 bin=$2 ctest_args=$3
shift 3
jobs=${CAPHEAP_SUBBUILD_JOBS:-1}
log=$bin.log
mkdir -p "$bin"

counts=$bin.counts
step() {
    local what=$1; shift
    if ! "$@" >>"$log" 2>&1; then
        echo "subbuild $(basename "$bin"): $what failed; last lines of $log:"
        tail -n 60 "$log"
        echo "0 1" >"$counts"
        exit 1
    fi
}

rm -f "$counts"
: >"$log"
start=$(date +%s)
step configure cmake -S "$src" -B "$bin" -G Ninja -DCAPHEAP_MATRIX=OFF \
    -DCAPHEAP_BUILD_TESTS=ON "$@"
step build cmake --build "$bin" -j "$jobs"
built=$(date +%s)
echo "subbuild $(basename "$bin"): configured and built in $((built - start)) s"
out=$bin.ctest.log
# shellcheck disable=SC2086  # ctest_args is a list of words on purpose
ctest --test-dir "$bin" --output-on-failure --timeout 900 $ctest_args 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$out" | tail -n 1)
if [ -n "$summary" ]; then
    f=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$summary")
    t=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1 t=$((t + 1)); fi
    echo "$((t - f)) $f" >"$counts"
elif [ "$rc" -eq 0 ]; then
    echo "0 0" >"$counts"      # no test matched (e.g. no "threads" test yet)
else
    echo "0 1" >"$counts"
fi
echo "subbuild $(basename "$bin"): tests ran in $(($(date +%s) - built)) s (exit $rc)"
exit $rc
