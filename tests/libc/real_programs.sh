#!/bin/sh
# A real program shipped by Debian, run twice: on glibc's malloc and under
# LD_PRELOAD=libcapheap_malloc.so. Passes iff both runs succeed with
# identical output (and, for gcc, identical object files) and the library's
# exit statistics (CAPHEAP_MALLOC_STATS) prove it served the second run.
#   real_programs.sh python3|gcc|git|sqlite3 <lib> <source dir> <work dir>
# Exit 77 (CTest: skipped) when the program is not installed, or for git
# when the source tree is not a git checkout.
# bench/libc_programs.sh times the same commands (real_programs.sh cmd ...).
set -u
prog=$1 lib=$2 src=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)

need() {
  if [ ! -x "$1" ]; then
    echo "SKIP: $1 is not installed (scripts/deps.d/test.txt lists its package)"
    exit 77
  fi
}

# The workload of each program; runs in the current directory ($out/<run>).
workload() {
  case $prog in
    python3) /usr/bin/python3 -I "$here/programs/workload.py" ;;
    sqlite3) rm -f work.db && /usr/bin/sqlite3 work.db < "$here/programs/workload.sql" ;;
    git) /usr/bin/git --no-pager -C "$src" log --stat --format=fuller "$rev" ;;
    gcc)
      # capheap's own sources, each compiled on its own (diagnostics on
      # stdout, object files compared afterwards)
      incs=""
      for d in "$src"/include "$src"/compat/*/include "$src"/compat/*/src; do
        [ -d "$d" ] && incs="$incs -I$d"
      done
      rc=0
      for f in $(cd "$src" && ls src/*/*.c chips/*.c compat/*/src/*.c 2>/dev/null); do
        o=obj/$(echo "$f" | tr / _).o
        mkdir -p obj
        # shellcheck disable=SC2086
        /usr/bin/gcc -std=c11 -O2 -Wall -Wextra -Wconversion $incs \
          -DCAPHEAP_POISONING_LEVEL=0 -DCAPHEAP_HEAP_TRACING=0 -DCAPHEAP_TASK_TRACKING=0 \
          -c "$src/$f" -o "$o" 2>&1 || rc=1
      done
      echo "gcc status $rc"
      ;;
    *) echo "real_programs.sh: unknown program '$prog'" >&2; return 2 ;;
  esac
}

case $prog in
  python3) need /usr/bin/python3; min=10000 ;;
  sqlite3) need /usr/bin/sqlite3; min=100000 ;;
  gcc) need /usr/bin/gcc; min=10000 ;;
  git)
    need /usr/bin/git
    if ! rev=$(/usr/bin/git -C "$src" rev-parse --verify -q HEAD 2>/dev/null); then
      echo "SKIP: $src is not a git checkout (git log needs one)"
      exit 77
    fi
    min=1000 ;;
  *) echo "real_programs.sh: unknown program '$prog'" >&2; exit 2 ;;
esac

if [ "${REAL_PROGRAMS_RUN_ONLY:-}" != "" ]; then
  # used by bench/libc_programs.sh: just the workload in the current directory
  workload >/dev/null 2>&1
  exit $?
fi

rm -rf "$out"
mkdir -p "$out/glibc" "$out/capheap"
(cd "$out/glibc" && workload) > "$out/glibc.out" 2>&1
rc_glibc=$?
(cd "$out/capheap" && CAPHEAP_MALLOC_STATS="$out/stats" LD_PRELOAD="$lib" workload) \
  > "$out/capheap.out" 2>&1
rc_capheap=$?
fail=0
if [ $rc_glibc -ne 0 ]; then
  echo "FAIL: the glibc run failed ($rc_glibc):"; tail -n 20 "$out/glibc.out"; fail=1
fi
if [ $rc_capheap -ne 0 ]; then
  echo "FAIL: the run under $lib failed ($rc_capheap):"; tail -n 20 "$out/capheap.out"; fail=1
fi
if ! cmp -s "$out/glibc.out" "$out/capheap.out"; then
  echo "FAIL: output differs (glibc vs capheap):"
  diff "$out/glibc.out" "$out/capheap.out" | head -n 30
  fail=1
fi
if [ "$prog" = gcc ]; then
  nobj=0
  for o in "$out"/glibc/obj/*.o; do
    nobj=$((nobj + 1))
    cmp -s "$o" "$out/capheap/obj/$(basename "$o")" || {
      echo "FAIL: object file $(basename "$o") differs"; fail=1; }
  done
  echo "gcc: $nobj object files compared"
  [ $nobj -gt 10 ] || { echo "FAIL: only $nobj object files"; fail=1; }
fi
lines=$(wc -l < "$out/glibc.out")
echo "$prog: $lines lines of output compared"
[ "$lines" -gt 0 ] || [ "$prog" = gcc ] || { echo "FAIL: no output"; fail=1; }
if [ ! -s "$out/stats" ]; then
  echo "FAIL: no statistics from $lib: it was not used"
  fail=1
else
  cat "$out/stats"
  max=$(sed -n 's/.* calls=\([0-9]*\) .*/\1/p' "$out/stats" | sort -n | tail -n 1)
  if [ "${max:-0}" -lt "$min" ]; then
    echo "FAIL: busiest process made ${max:-0} malloc-family calls, expected >= $min"
    fail=1
  fi
fi
[ $fail -eq 0 ] && echo "PASS: $prog under capheap: same output as on glibc"
exit $fail
