#!/usr/bin/env bash
# capheap benchmark suite (issue 2): builds bench/build, runs every workload
# on every allocator, writes the raw lines and the report.
#   bench/run.sh            full run (~5 min here), results in bench/results/
#   QUICK=1 bench/run.sh    smoke run (small op counts, 1 timing run, < 1 min),
#                           results in bench/build/results-quick/ (tracked files untouched)
# Environment: BENCH_CPU (CPU to pin to, default 1), RUNS (timing runs, default 5),
# OUT (results directory), JOBS (build jobs, default 2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
QUICK=${QUICK:-0}
JOBS=${JOBS:-2}
if [ "$QUICK" = 1 ]; then
  OPS=${OPS:-50000}; W4OPS=${W4OPS:-25000}; RUNS=${RUNS:-1}; ROUNDS=3
  OUT=${OUT:-$here/build/results-quick}
else
  OPS=${OPS:-2000000}; W4OPS=${W4OPS:-1000000}; RUNS=${RUNS:-5}; ROUNDS=8
  OUT=${OUT:-$here/results}
fi
B=$here/build
mkdir -p "$OUT"
mkdir -p "$B"
raw=$(mktemp "$B/raw.XXXXXX")   # private to this run: concurrent runs never mix
trap 'rm -f "$raw"' EXIT
log() { echo "bench: $*" >&2; }

log "building (make -C bench -j$JOBS)"
exec 9>"$B/.build.lock"
flock 9   # one build at a time in bench/build
make -s -C "$here" BUILD="$B" -j"$JOBS" all >/dev/null
caps=0
if make -s -C "$here" BUILD="$B" JOBS="$JOBS" caps >"$B/caps-build.log" 2>&1; then caps=1; else log "caps variant not built (see $B/caps-build.log)"; fi
icount=0
if [ "$(uname -m)" = x86_64 ] && make -s -C "$here" BUILD="$B" icount >"$B/icount-build.log" 2>&1; then icount=1
else log "instruction counts skipped: the Valgrind tool did not build (see $B/icount-build.log)"; fi
flock -u 9

pin=()
CPU=${BENCH_CPU:-1}
if command -v taskset >/dev/null && taskset -c "$CPU" true 2>/dev/null; then pin=(taskset -c "$CPU"); else log "not pinned (taskset -c $CPU unavailable)"; fi
run32=()
if command -v qemu-i386 >/dev/null; then run32=(qemu-i386); fi
vg=(env VALGRIND_LIB="$B/vglib" valgrind --tool=icount -q)

peers=(capheap glibc mimalloc jemalloc)
regions=(262144 4194304)

for a in "${peers[@]}"; do "$B/bench_$a" info >> "$raw"; done
# The caps variant (issue 3 figure): W1 at 256 KiB only, on the esp32 layout;
# its start-up log goes to stdout too, so keep only the result lines.
caps_run() { "$@" | grep '^alloc=' >> "$raw" || true; }
if [ $caps = 1 ]; then for a in caps caps_mt caps_nolock caps_engine; do caps_run "$B/bench_$a" info; done; fi
for a in capheap_a8 capheap32_a4 capheap32; do
  case $a in *32*) r=("${run32[@]}") ;; *) r=() ;; esac
  "${r[@]}" "$B/bench_$a" info | sed "s/^alloc=capheap/alloc=$a/" >> "$raw"
done

log "Cortex-M4 code size"
"$here/size.sh" "$B/size" | sed 's/^/mode=size /' >> "$raw"

if [ $icount = 1 ]; then
log "instruction counts (valgrind --tool=icount)"
count_workloads=(W1 W2 W4); count_regions=("${regions[@]}")
if [ "$QUICK" = 1 ]; then count_workloads=(W1 W4); count_regions=(262144); fi
for w in "${count_workloads[@]}"; do
  n=$OPS; [ $w = W4 ] && n=$W4OPS
  for reg in "${count_regions[@]}"; do
    for a in "${peers[@]}"; do
      "${vg[@]}" "$B/bench_$a" count $w $reg $n >> "$raw"
    done
  done
done

if [ "$QUICK" != 1 ]; then
  log "cross-check of the counts by trap-flag single-stepping (short prefixes)"
  for spec in "capheap W1 262144 2000" "capheap W2 262144 1500" "capheap W4 262144 300" "glibc W1 262144 1000"; do
    set -- $spec
    "$B/bench_$1" tfcount $2 $3 $4 >> "$raw"
    "${vg[@]}" "$B/bench_$1" count $2 $3 $4 | sed 's/mode=count/mode=xcount/' >> "$raw"
  done
fi

if [ $caps = 1 ]; then
  caps_run "${vg[@]}" "$B/bench_caps" count W1 262144 $OPS
  # Light load: live set 60 % of 4 KiB, served by the first (smallest) heap.
  caps_run "${vg[@]}" "$B/bench_caps" count W1 4096 $OPS
  # The same after a second thread has existed: the locks are taken.
  caps_run "${vg[@]}" "$B/bench_caps_mt" count W1 4096 $OPS
  # The caps layer alone (no-op lock port, capheap_caps_* API): both loads;
  # and the engine of the heap that serves the light load, called directly.
  caps_run "${vg[@]}" "$B/bench_caps_nolock" count W1 262144 $OPS
  caps_run "${vg[@]}" "$B/bench_caps_nolock" count W1 4096 $OPS
  caps_run "${vg[@]}" "$B/bench_caps_engine" count W1 4096 $OPS
fi
# Heap tracing (issue 4): instructions per traced free in leaks mode with a
# 100- and a 100 000-record buffer (removal is O(1): the same count).
if [ "$QUICK" != 1 ]; then
  if make -s -C "$here" BUILD="$B" JOBS="$JOBS" trace >"$B/trace-build.log" 2>&1; then
    for n in 100 100000; do "${vg[@]}" "$B/bench_trace" $n >> "$raw"; done
  else log "trace benchmark not built (see $B/trace-build.log)"; fi
fi
fi # icount

# GC heap (issue 6, bench_gc, figures in docs/gc.md): its own lines in
# $OUT/gc.txt, not in the allocator report.
if make -s -C "$here" BUILD="$B" JOBS="$JOBS" gc >"$B/gc-build.log" 2>&1; then
  log "GC heap (bench_gc)"
  gcn=100000; [ "$QUICK" = 1 ] && gcn=10000
  {
    if [ $icount = 1 ]; then
      for h in 65536 4194304; do "${vg[@]}" "$B/bench_gc" alloc $h $gcn; done
      "${vg[@]}" "$B/bench_gc" collect 1048576
    fi
    "${pin[@]}" "$B/bench_gc" collect 1048576
  } > "$OUT/gc.txt"
else
  log "bench_gc not built (see $B/gc-build.log)"
fi

log "timing: $RUNS runs per case, ${pin[*]:-unpinned}"
for run in $(seq 1 "$RUNS"); do
  for w in W1 W2 W4; do
    n=$OPS; [ $w = W4 ] && n=$W4OPS
    for reg in "${regions[@]}"; do
      for a in "${peers[@]}"; do
        "${pin[@]}" "$B/bench_$a" time $w $reg $n | sed "s/\$/ run=$run/" >> "$raw"
      done
    done
  done
  if [ $caps = 1 ]; then caps_run "${pin[@]}" "$B/bench_caps" time W1 262144 $OPS; fi
done

log "W3 efficiency and footprint"
for reg in "${regions[@]}"; do
  for a in "${peers[@]}"; do "$B/bench_$a" eff $reg $ROUNDS >> "$raw"; done
  "$B/bench_capheap_a8" eff $reg $ROUNDS | sed 's/^alloc=capheap/alloc=capheap_a8/' >> "$raw"
  "${run32[@]}" "$B/bench_capheap32_a4" eff $reg $ROUNDS | sed 's/^alloc=capheap/alloc=capheap32_a4/' >> "$raw"
  "${run32[@]}" "$B/bench_capheap32" eff $reg $ROUNDS | sed 's/^alloc=capheap/alloc=capheap32/' >> "$raw"
done
for a in "${peers[@]}"; do "$B/bench_$a" foot >> "$raw"; done
"$B/bench_capheap_a8" foot | sed 's/^alloc=capheap/alloc=capheap_a8/' >> "$raw"
"${run32[@]}" "$B/bench_capheap32_a4" foot | sed 's/^alloc=capheap/alloc=capheap32_a4/' >> "$raw"
"${run32[@]}" "$B/bench_capheap32" foot | sed 's/^alloc=capheap/alloc=capheap32/' >> "$raw"

# Issue 5: real programs on glibc and under LD_PRELOAD=libcapheap_malloc.so
# (wall time, CPU time, peak RSS; table in $OUT/libc_programs.md).
if [ "$QUICK" != 1 ]; then
  log "real programs under LD_PRELOAD (bench/libc_programs.sh)"
  "$here/libc_programs.sh" > "$OUT/libc_programs.md" || log "bench/libc_programs.sh failed"
fi

{
  echo "host=\"$(uname -srm)\" cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')\" nproc=$(nproc)"
  rev=$(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$( { git -C "$here/.." status --porcelain -- src include 2>/dev/null || true; } | wc -l)
  echo "commit=$rev src_modified_files=$dirty"
  echo "cc=\"$(${CC:-cc} --version | head -1)\" date=\"$(date -u +%Y-%m-%dT%H:%MZ)\" quick=$QUICK ops=$OPS w4ops=$W4OPS runs=$RUNS pinned=\"${pin[*]:-no}\""
} | sed 's/^/mode=env /' >> "$raw"

cp "$raw" "$OUT/raw.txt"
python3 "$here/report.py" "$OUT/raw.txt" "$OUT"
log "results in $OUT (results.md, *.svg, raw.txt)"
