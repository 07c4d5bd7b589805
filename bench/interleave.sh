#!/usr/bin/env bash
# Timing on a shared, noisy machine: runs the `time` mode of several bench
# binaries in turn, pinned to one CPU, for many rounds, and prints for each
# the median and minimum ns/op and the median of its per-round ratio to the
# first binary (the reference, measured in the same round).
#
#   bench/interleave.sh [ROUNDS [W [REGION [OPS]]]] [-- BINARY...]
#     defaults: 21 W1 262144 2000000, binaries bench/build/bench_glibc
#     and bench/build/bench_capheap (build them first: make -C bench all)
#   BENCH_CPU: the CPU to pin to (default 1)
#
# Example, two builds of the engine against glibc:
#   bench/interleave.sh 31 W1 262144 2000000 -- bench/build/bench_glibc \
#     /tmp/before/bench_capheap bench/build/bench_capheap
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
args=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
[ $# -gt 0 ] && shift
ROUNDS=${args[0]:-21}
W=${args[1]:-W1}
REGION=${args[2]:-262144}
OPS=${args[3]:-2000000}
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=("$here/build/bench_glibc" "$here/build/bench_capheap")
pin=()
CPU=${BENCH_CPU:-1}
if command -v taskset >/dev/null && taskset -c "$CPU" true 2>/dev/null; then pin=(taskset -c "$CPU"); fi

rows=$(mktemp "${TMPDIR:-/tmp}/interleave.XXXXXX")
trap 'rm -f "$rows"' EXIT
for ((r = 0; r < ROUNDS; r++)); do
  line=
  for b in "${bins[@]}"; do
    ns=$("${pin[@]}" "$b" time "$W" "$REGION" "$OPS" | sed -n 's/.*ns_per_op=\([0-9.]*\).*/\1/p') || ns=
    [ -n "$ns" ] || { echo "interleave: no ns_per_op from $b" >&2; exit 1; }
    line="$line $ns"
  done
  echo "$line" >> "$rows"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "interleave: $W region=$REGION ops=$OPS rounds=$ROUNDS pinned=${pin[*]:-no} reference=${bins[0]}"
for ((k = 1; k <= ${#bins[@]}; k++)); do
  med=$(awk -v k=$k '{ print $k }' "$rows" | median)
  min=$(awk -v k=$k '{ print $k }' "$rows" | sort -g | head -1)
  ratio=$(awk -v k=$k '{ printf "%.6f\n", $k / $1 }' "$rows" | median)
  printf '%s ns_per_op_median=%.2f ns_per_op_min=%.2f ratio_median=%.3f\n' "${bins[k - 1]}" "$med" "$min" "$ratio"
done
