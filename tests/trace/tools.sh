#!/usr/bin/env bash
# Tool integration (docs/tracing.md#tools): builds tools_demo in a sub-build
# with CAPHEAP_VALGRIND or CAPHEAP_ASAN and checks that the tool reports each
# mistake, with the block's history, and nothing on correct use.
#   tools.sh <source-dir> <build-dir> valgrind|asan
set -uo pipefail
src=$1 bin=$2 kind=$3
log=$bin.log
mkdir -p "$bin"
: >"$log"
case $kind in
  valgrind) opts=(-DCAPHEAP_VALGRIND=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan) opts=(-DCAPHEAP_ASAN=ON -DCAPHEAP_SANITIZE=address -DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  *) echo "tools.sh: unknown kind $kind"; exit 2 ;;
esac
if ! cmake -S "$src" -B "$bin" -G Ninja -DCAPHEAP_MATRIX=OFF -DCAPHEAP_BUILD_TESTS=ON \
     -DCAPHEAP_BUILD_EXAMPLES=OFF -DCAPHEAP_BUILD_TOOLS=OFF "${opts[@]}" >>"$log" 2>&1 ||
   ! cmake --build "$bin" --target test_trace_tools_demo -j "${CAPHEAP_SUBBUILD_JOBS:-1}" >>"$log" 2>&1; then
  echo "tools.sh: configure/build failed:"; tail -n 40 "$log"; exit 1
fi
demo=$(find "$bin" -name test_trace_tools_demo -type f | head -n 1)
fails=0
# expect <name> <exit-nonzero:0|1> <pattern...>: run the command stored in
# $cmd, keep its output, check each pattern appears
expect() {
  local name=$1 want_fail=$2; shift 2
  local out rc
  out=$("${cmd[@]}" 2>&1); rc=$?
  if [ "$want_fail" = 1 ] && [ $rc -eq 0 ]; then
    echo "FAIL $name: the tool did not fail the run"; echo "$out" | tail -n 30; fails=$((fails + 1)); return
  fi
  if [ "$want_fail" = 0 ] && [ $rc -ne 0 ]; then
    echo "FAIL $name: exit $rc on correct use"; echo "$out" | tail -n 30; fails=$((fails + 1)); return
  fi
  for pat in "$@"; do
    if ! grep -qE -- "$pat" <<<"$out"; then
      echo "FAIL $name: no '$pat' in:"; echo "$out" | tail -n 40; fails=$((fails + 1)); return
    fi
  done
  echo "ok   $name"
}
vg=(valgrind -q --error-exitcode=99 --exit-on-first-error=no)
if [ "$kind" = valgrind ]; then
  cmd=("${vg[@]}" "$demo" clean); expect memcheck.clean 0 "^clean: sum [0-9]+, integrity 1"
  cmd=("${vg[@]}" "$demo" uaf); expect memcheck.use_after_free 1 "Invalid read of size 1" \
    "is 3 bytes inside a block of size 40 free'd" "demo_free_site" "Block was alloc'd at" "demo_alloc_site"
  cmd=("${vg[@]}" "$demo" overflow); expect memcheck.overflow 1 "Invalid write of size 1" \
    "is 0 bytes after a block of size 40 alloc'd" "demo_alloc_site"
  out=$bin/massif.out
  cmd=(valgrind -q --tool=massif --massif-out-file="$out" --threshold=0.5 --detailed-freq=1 "$demo" massif)
  expect massif.run 0
  cmd=(ms_print "$out"); expect massif.call_sites 0 "big_site" "small_site" "80,000|80000"
else
  export ASAN_OPTIONS=detect_leaks=0
  cmd=("$demo" clean); expect asan.clean 0 "^clean: sum [0-9]+, integrity 1"
  cmd=("$demo" uaf); expect asan.use_after_free 1 "AddressSanitizer: use-after-poison" "READ of size 1" "main"
  cmd=("$demo" overflow); expect asan.overflow 1 "AddressSanitizer: use-after-poison" "WRITE of size 1"
  cmd=("$demo" underrun); expect asan.underrun 1 "AddressSanitizer: use-after-poison" "WRITE of size 1"
fi
[ $fails -eq 0 ]
