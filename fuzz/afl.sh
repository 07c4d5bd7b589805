#!/usr/bin/env bash
# AFL++ build of the caps allocator harness (fuzz/fuzz_caps.c) and a run.
#   fuzz/afl.sh [harness]      (default caps)
#   AFL_SECONDS=60             run time (afl-fuzz -V)
#   FUZZ_AFL_BUILD=dir         build directory (default build-afl at the top)
# Needs Debian's afl++ (afl-clang-fast, afl-fuzz; scripts/deps.sh test
# installs it). The harness is the libFuzzer one: afl-clang-fast links
# AFL++'s driver for -fsanitize=fuzzer, with ASan + UBSan as in fuzz/run.sh.
# Starts from the committed seeds (fuzz/corpus/<harness>); findings land in
# <build>/out/default/crashes and make the script fail. Last line:
# "afl <harness>: <execs> execs in <s> s, no finding".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
name=${1:-caps}
build=${FUZZ_AFL_BUILD:-$top/build-afl}
seconds=${AFL_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}

for tool in afl-clang-fast afl-fuzz; do
  if ! command -v "$tool" >/dev/null; then
    echo "afl: $tool not found: the Debian package afl++ is missing (scripts/deps.sh test)"
    exit 1
  fi
done
mkdir -p "$build"
if ! { cmake -S "$here" -B "$build" -G Ninja -DCMAKE_C_COMPILER=afl-clang-fast \
         -DCMAKE_CXX_COMPILER=afl-clang-fast++ -DCAPHEAP_FUZZ_ENGINE=afl &&
       cmake --build "$build" -j "$jobs" --target "fuzz_$name"; } >"$build/build.log" 2>&1; then
  echo "afl: build failed (log: $build/build.log)"
  tail -n 40 "$build/build.log"
  exit 1
fi

out=$build/out
rm -rf "$out"
# No CPU binding or frequency check on a shared machine; crashes are
# reported by ASan's abort (no core_pattern change needed).
export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0
start=$(date +%s)
afl-fuzz -i "$here/corpus/$name" -o "$out" -V "$seconds" -m none -t 5000 \
  -- "$build/fuzz_$name" >"$build/afl.log" 2>&1
r=$?
took=$(($(date +%s) - start))
stats=$out/default/fuzzer_stats
execs=$(sed -nE 's/^execs_done *: *([0-9]+).*/\1/p' "$stats" 2>/dev/null)
crashes=$(sed -nE 's/^saved_crashes *: *([0-9]+).*/\1/p' "$stats" 2>/dev/null)
if [ $r -ne 0 ] || [ -z "$execs" ]; then
  echo "afl $name: afl-fuzz failed (exit $r); log $build/afl.log:"
  tail -n 20 "$build/afl.log"
  exit 1
fi
if [ "${crashes:-0}" -ne 0 ]; then
  echo "afl $name: $crashes FINDING(s) in $out/default/crashes after $took s"
  exit 1
fi
echo "afl $name: $execs execs in $took s, no finding"
