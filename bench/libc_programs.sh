#!/usr/bin/env bash
# Real programs on glibc's malloc and under LD_PRELOAD=libcapheap_malloc.so
# in the same run (issue 5 figures): wall time and peak resident memory of
# the workloads of tests/libc/real_programs.sh (python3 list/dict/modules,
# gcc compiling capheap's sources, git log --stat, sqlite3 with 100 000
# rows). Runs alternate glibc / capheap; each figure is the median of RUNS.
#   bench/libc_programs.sh            (RUNS=5 by default)
#   LIB=/path/libcapheap_malloc.so bench/libc_programs.sh   (skip the build)
# Output: one line per program and a table (ratios capheap / glibc; the
# issue's target is a time ratio of at most 1.3 for every program).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
B=$here/build/libc
RUNS=${RUNS:-5}
JOBS=${JOBS:-2}
mkdir -p "$B"
if [ -z "${LIB:-}" ]; then
  cmake -S "$src" -B "$B/cmake" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAPHEAP_BUILD_TESTS=OFF \
    -DCAPHEAP_BUILD_TOOLS=OFF -DCAPHEAP_BUILD_EXAMPLES=OFF >/dev/null
  cmake --build "$B/cmake" -j "$JOBS" --target capheap_malloc_preload >/dev/null
  LIB=$B/cmake/compat/libc/libcapheap_malloc.so
fi
${CC:-cc} -O2 -o "$B/libc_run" "$here/libc_run.c"
work=$B/work
mkdir -p "$work"
progs=(${PROGRAMS:-python3 gcc git sqlite3})

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

echo "libc programs: $RUNS runs each, alternating glibc / capheap; lib=$LIB"
printf '| program | glibc wall s | capheap wall s | wall ratio | CPU ratio | glibc peak RSS KiB | capheap peak RSS KiB | RSS ratio |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for p in "${progs[@]}"; do
  : > "$work/$p.glibc"; : > "$work/$p.capheap"
  for r in $(seq 1 "$RUNS"); do
    for v in glibc capheap; do
      d=$work/$p-$v; mkdir -p "$d"
      if [ $v = glibc ]; then pre=(); else pre=(env LD_PRELOAD="$LIB"); fi
      (cd "$d" && REAL_PROGRAMS_RUN_ONLY=1 "${pre[@]}" "$B/libc_run" \
        "$src/tests/libc/real_programs.sh" "$p" "$LIB" "$src" "$d") >> "$work/$p.$v"
    done
  done
  if grep -qv 'status=0' "$work/$p.glibc" "$work/$p.capheap"; then
    echo "| $p | failed or skipped (see $work/$p.*) | | | | | | |"
    continue
  fi
  tg=$(field wall_s < "$work/$p.glibc" | median); tc=$(field wall_s < "$work/$p.capheap" | median)
  cg=$(field cpu_s < "$work/$p.glibc" | median); cc=$(field cpu_s < "$work/$p.capheap" | median)
  mg=$(field maxrss_kb < "$work/$p.glibc" | median); mc=$(field maxrss_kb < "$work/$p.capheap" | median)
  awk -v p="$p" -v tg="$tg" -v tc="$tc" -v cg="$cg" -v cc="$cc" -v mg="$mg" -v mc="$mc" 'BEGIN {
    printf "| %s | %.3f | %.3f | %.2f%s | %.2f | %d | %d | %.2f |\n", p, tg, tc, tc / tg,
           (tc / tg <= 1.3 ? "" : " (over 1.3)"), cc / cg, mg, mc, mc / mg }'
done
