#!/usr/bin/env bash
# `make test`: every test. Configures and builds the host configuration, then
# CTest runs the host suite and the matrix cells (tests/targets: sanitizers,
# valgrind, clang, i386, big-endian ppc32, bare-metal Cortex-M4F, cppcheck,
# clang-tidy), the header and install/consumer tests, two at a time.
# The last line printed is "N passed, N failed" over every test run: the
# top-level CTest tests, with each matrix cell replaced by the tests it ran
# inside (a failed configure or build counts as one failed test); the exit
# status is non-zero when anything failed.
#   BUILD=dir         build directory (default build-test)
#   CMAKE_FLAGS=...   extra cmake arguments (the Makefile passes the options)
#   CTEST_ARGS=...    extra ctest arguments, e.g. "-LE matrix" or "-R engine"
#   JOBS=n            parallelism (default 2)
set -uo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build-test}
jobs=${JOBS:-2}
start=$(date +%s)

fail_setup() {
    echo "test.sh: $1 failed (log: $build/$1.log)"
    tail -n 80 "$build/$1.log"
    echo "0 passed, 1 failed"
    exit 1
}

mkdir -p "$build"
# shellcheck disable=SC2086  # CMAKE_FLAGS is a list of words
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_FLAGS:-} \
    >"$build/configure.log" 2>&1 || fail_setup configure
# Keep going past a broken target, so one group that does not build does
# not hide the results of the others; the failed build counts as one failed
# test (and its tests fail as "not found").
build_failed=0
if ! cmake --build "$build" -j "$jobs" -- -k 0 >"$build/build.log" 2>&1; then
    build_failed=1
    echo "test.sh: the build failed (log: $build/build.log); errors:"
    grep -E '^FAILED:|error:' "$build/build.log" | head -n 40
fi
echo "test.sh: configured and built in $(($(date +%s) - start)) s"

out=$build/ctest.log
rm -f "$build"/matrix/*.counts
# shellcheck disable=SC2086  # CTEST_ARGS is a list of words
ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 600 \
    --no-tests=error ${CTEST_ARGS:-} 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}

# "NN% tests passed, F tests failed out of T" -> "P passed, F failed"
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$out" | tail -n 1)
echo "test.sh: $(($(date +%s) - start)) s in all"
if [ -n "$summary" ]; then
    failed=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$summary")
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
    passed=$((total - failed))
    # A matrix cell is one CTest test that ran a whole suite inside: count
    # the tests it ran instead of the cell (tests/targets/subbuild.sh writes
    # <cell>.counts). A cell that left no counts (timed out) stays one test.
    cells=0 inner=0
    for c in "$build"/matrix/*.counts; do
        [ -f "$c" ] || continue
        read -r ip if_ <"$c"
        cells=$((cells + 1)) inner=$((inner + ip + if_))
        if [ "$if_" -gt 0 ]; then failed=$((failed - 1)); else passed=$((passed - 1)); fi
        passed=$((passed + ip)) failed=$((failed + if_))
    done
    [ "$cells" -gt 0 ] && echo "test.sh: the $cells matrix cells ran $inner tests inside; they are counted one by one below"
    failed=$((failed + build_failed))
    [ "$failed" -gt 0 ] && [ "$rc" -eq 0 ] && rc=1
    [ "$build_failed" -eq 1 ] && echo "test.sh: counting the failed build as one failed test"
    echo "$passed passed, $failed failed"
else
    # No summary: CTest itself failed (no tests, bad arguments, ...).
    [ "$rc" -eq 0 ] && rc=1
    echo "0 passed, $((1 + build_failed)) failed"
fi
exit "$rc"
