#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/fuzz_*.c) and runs each for a while.
#   fuzz/run.sh [--no-build] [--build-only] [harness...]
#   FUZZ_SECONDS=60   time per harness (default 60)
#   FUZZ_BUILD=dir    build directory (default build-fuzz at the top)
#   FUZZ_JOBS=2       build parallelism
# Each harness starts from its committed seeds (fuzz/corpus/<name>) plus
# what earlier runs found (<build>/corpus/<name>, kept between runs); the
# committed seeds are never modified. A finding leaves its input in
# <build>/artifacts/<name>/ and makes the script fail; replay it with
#   <build>/fuzz_<name> <build>/artifacts/<name>/crash-...
# The last line per harness: "fuzz <name>: <runs> runs in <s> s, no finding".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build=${FUZZ_BUILD:-$top/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}
do_build=1 do_run=1
names=()
for a in "$@"; do
  case "$a" in
    --no-build) do_build=0 ;;
    --build-only) do_run=0 ;;
    *) names+=("$a") ;;
  esac
done
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/fuzz_*.c; do
    n=$(basename "$f" .c)
    names+=("${n#fuzz_}")
  done
fi

# Only the harnesses (and the library they link) are built: other targets
# of the tree (a preload shared library, ...) are not meant for
# -fsanitize=fuzzer builds.
if [ $do_build -eq 1 ]; then
  mkdir -p "$build"
  if ! { cmake -S "$here" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang \
           -DCMAKE_CXX_COMPILER=clang++ -DCAPHEAP_FUZZ_ENGINE=libfuzzer &&
         cmake --build "$build" -j "$jobs" --target "${names[@]/#/fuzz_}"; } >"$build/build.log" 2>&1; then
    echo "fuzz: build failed (log: $build/build.log)"
    tail -n 40 "$build/build.log"
    exit 1
  fi
fi
[ $do_run -eq 1 ] || exit 0

rc=0
for n in "${names[@]}"; do
  bin=$build/fuzz_$n
  if [ ! -x "$bin" ]; then
    echo "fuzz $n: no harness $bin"
    rc=1
    continue
  fi
  work=$build/corpus/$n art=$build/artifacts/$n
  mkdir -p "$work" "$art"
  log=$build/fuzz_$n.log
  start=$(date +%s)
  # leak detection stays on (ASan); one input at a time.
  "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$art/" "$work" "$here/corpus/$n" >"$log" 2>&1
  r=$?
  took=$(($(date +%s) - start))
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n 1)
  if [ $r -ne 0 ]; then
    echo "fuzz $n: FINDING after ${took} s (exit $r); input in $art/, log $log:"
    grep -E "fuzz_|ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -n 20
    rc=1
  else
    echo "fuzz $n: ${runs:-?} runs in ${took} s, no finding"
  fi
done
exit $rc
