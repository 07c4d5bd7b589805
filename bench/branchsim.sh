#!/usr/bin/env bash
# Branch mispredictions and cache misses per operation, from Valgrind's
# deterministic simulators (cachegrind --branch-sim=yes --cache-sim=yes), for
# hosts where hardware counters are not available (perf: "not supported").
#
#   bench/branchsim.sh [W [REGION [OPS [ALLOCATORS...]]]]
#     defaults: W1 262144 2000000 capheap glibc
#   VERBOSE=1 also lists every function with its share.
#   BUILD=dir  binaries from dir (default bench/build); NOBUILD=1 uses them as they are.
#
# Each allocator runs its `time` mode (warm-up replay + timed replay, so
# 2 * OPS calls) under cachegrind. Costs are summed per function from the
# cachegrind output file and split into the allocator's own share and the
# replay loop's (bench/main.c, alloc_*.c, ret_only.c: the same code in every
# binary; its misses include the first touch of each block the allocator
# hands out); making the request sequence (workload.c, tests/support) is left
# out. Figures are per call (malloc or free).
# Caches are fixed, not the host's, so the figures do not depend on the
# machine: I1 32 KiB 8-way, D1 48 KiB 12-way, LL 1 MiB 16-way (an L2-sized
# last level), 64-byte lines. The branch predictor is cachegrind's (a table
# of 2-bit counters indexed by address and recent history): far simpler than
# a real core's, so compare allocators with it rather than read it as a
# count of a given CPU's mispredictions.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
W=${1:-W1}
REGION=${2:-262144}
OPS=${3:-2000000}
shift $(( $# < 3 ? $# : 3 ))
allocs=("$@")
[ ${#allocs[@]} -gt 0 ] || allocs=(capheap glibc)
B=${BUILD:-$here/build}
[ "${NOBUILD:-0}" = 1 ] || make -s -C "$here" BUILD="$B" -j"${JOBS:-2}" all >/dev/null
out=$(mktemp -d "${TMPDIR:-/tmp}/branchsim.XXXXXX")
trap 'rm -rf "$out"' EXIT

for a in "${allocs[@]}"; do
  valgrind --tool=cachegrind --branch-sim=yes --cache-sim=yes \
    --I1=32768,8,64 --D1=49152,12,64 --LL=1048576,16,64 \
    --cachegrind-out-file="$out/cg.$a" "$B/bench_$a" time "$W" "$REGION" "$OPS" >"$out/line.$a" 2>"$out/log.$a" ||
    { cat "$out/log.$a" >&2; exit 1; }
  calls=$(sed -n 's/.*mallocs=\([0-9]*\) frees=\([0-9]*\) reallocs=\([0-9]*\).*/\1 \2 \3/p' "$out/line.$a" |
          awk '{print 2 * ($1 + $2 + $3)}')
  awk -v name="$a" -v calls="$calls" -v verbose="${VERBOSE:-0}" '
    /^events:/ { for (i = 2; i <= NF; i++) ev[i - 1] = $i; nev = NF - 1; next }
    /^fl=/ { fl = substr($0, 4); next }
    /^fn=/ { fn = substr($0, 4); key = fl ":" fn; next }
    /^[0-9]/ { for (i = 2; i <= NF; i++) c[key, ev[i - 1]] += $i; keys[key] = 1; next }
    END {
      split("Ir Bc Bcm Bim D1mr D1mw DLmr DLmw", show, " ")
      for (k in keys) {
        if (k ~ /bench\/workload\.c:/ || k ~ /tests\/support\//) continue
        part = k ~ /bench\/(main|ret_only|alloc_[a-z_]*)\.c:/ ? "replay" : "alloc"
        for (j = 1; j <= 8; j++) tot[part, show[j]] += c[k, show[j]]
      }
      printf "branchsim alloc=%s calls=%d", name, calls
      for (p = 1; p <= 2; p++) {
        part = p == 1 ? "alloc" : "replay"
        printf " | %s: ins=%.1f brcond=%.2f mispred_cond=%.4f mispred_ind=%.4f D1_rd_miss=%.4f D1_wr_miss=%.4f LL_miss=%.4f",
          part, tot[part, "Ir"] / calls, tot[part, "Bc"] / calls, tot[part, "Bcm"] / calls, tot[part, "Bim"] / calls,
          tot[part, "D1mr"] / calls, tot[part, "D1mw"] / calls, (tot[part, "DLmr"] + tot[part, "DLmw"]) / calls
      }
      printf "\n"
      if (verbose == 1)
        for (k in keys)
          if (c[k, "Bcm"] + c[k, "D1mr"] + c[k, "D1mw"] >= calls / 1000)
            printf "  %-70s ins=%8.2f mispred=%.4f D1_rd_miss=%.4f D1_wr_miss=%.4f%s\n", k, c[k, "Ir"] / calls,
              c[k, "Bcm"] / calls, c[k, "D1mr"] / calls, c[k, "D1mw"] / calls,
              (k ~ /bench\/workload\.c:/ || k ~ /tests\/support\//) ? " (making the sequence: not counted)" : ""
    }' "$out/cg.$a"
done
