#!/bin/sh
# Runs a command with LD_PRELOAD=<lib> and proves the library served it:
# the command must succeed, and the statistics line the library appends at
# exit (CAPHEAP_MALLOC_STATS, compat/libc/src/preload.c) must show at least
# <min_calls> calls of the malloc family in one process.
#   run_preloaded.sh <lib> <stats file> <min_calls> <command> [args...]
set -u
lib=$1 stats=$2 min=$3
shift 3
rm -f "$stats"
CAPHEAP_MALLOC_STATS=$stats LD_PRELOAD=$lib "$@"
rc=$?
if [ $rc -ne 0 ]; then
  echo "run_preloaded: '$*' exited with $rc"
  exit 1
fi
if [ ! -s "$stats" ]; then
  echo "run_preloaded: no statistics in $stats: $lib was not used"
  exit 1
fi
cat "$stats"
max=$(sed -n 's/.* calls=\([0-9]*\) .*/\1/p' "$stats" | sort -n | tail -n 1)
if [ -z "$max" ] || [ "$max" -lt "$min" ]; then
  echo "run_preloaded: at most ${max:-0} calls seen, expected at least $min"
  exit 1
fi
echo "run_preloaded: ok ($max calls in the busiest process)"
