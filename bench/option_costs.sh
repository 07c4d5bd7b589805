#!/usr/bin/env bash
# What each configuration option costs (docs/configuration.md, issue 8):
# builds the library's portable sources (src/<layer>, chips/; the tracing
# layer when tracing is on) once per option variant and prints a Markdown
# table:
#   - code: Cortex-M4F, arm-none-eabi-gcc -Os -ffunction-sections, text/data/
#     bss summed over the objects (arm-none-eabi-size), and text against the
#     default build;
#   - bytes: heap bytes one block of 24 / 100 requested bytes takes, and what
#     an instance over one 64 KiB region keeps for itself; 32-bit build
#     (gcc -m32) with alignment 8 like Cortex-M's newlib unless the variant
#     sets it;
#   - instructions: per malloc/free pair through the caps layer, x86-64 gcc
#     -O2, counted exactly by bench's Valgrind tool (bench/vgtool).
#   bench/option_costs.sh            (about 2 minutes here; output in bench/build/options)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
B=$here/build/options
mkdir -p "$B"
JOBS=${JOBS:-2}

# name | compile definitions | x86-64 alignment override | count args
variants=(
  "defaults||"
  "CAPHEAP_POISONING=light|-DCAPHEAP_POISONING_LEVEL=1|"
  "CAPHEAP_POISONING=comprehensive|-DCAPHEAP_POISONING_LEVEL=2|"
  "CAPHEAP_HEAP_TRACING=ON (no trace running)|-DCAPHEAP_HEAP_TRACING=1|"
  "CAPHEAP_HEAP_TRACING=ON, trace running (leaks, no call stacks)|-DCAPHEAP_HEAP_TRACING=1|trace"
  "CAPHEAP_TASK_TRACKING=ON|-DCAPHEAP_TASK_TRACKING=1|"
  "CAPHEAP_CHECKS=0|-DCAPHEAP_CHECKS=0|"
  "CAPHEAP_SL_LOG2=4|-DCAPHEAP_SL_LOG2=4|"
  "CAPHEAP_ALIGNMENT=4 (x86-64: 8)|-DCAPHEAP_ALIGNMENT=4|"
  "CAPHEAP_LOCK_WORDS=6|-DCAPHEAP_LOCK_WORDS=6|"
)

sources() {  # sources <defs>: the portable sources (cmake/portable_sources.cmake)
    local s
    for s in "$root"/src/*/*.c "$root"/chips/*.c; do
        case $s in
        */src/util/fault.c) continue ;;
        */src/debug/trace*.c) [[ $1 == *CAPHEAP_HEAP_TRACING=1* ]] || continue ;;
        esac
        echo "$s"
    done
}

# bench's Valgrind tool (instruction counts)
make -s -C "$here" BUILD="$here/build" icount >"$B/icount-build.log" 2>&1 ||
    { echo "option_costs: the Valgrind tool did not build (see $B/icount-build.log)" >&2; exit 1; }
vg=(env VALGRIND_LIB="$here/build/vglib" valgrind --tool=icount -q)

# 32-bit programs run under qemu-i386 (as bench/run.sh does: this kernel
# may not run i386 binaries itself)
run32=()
if command -v qemu-i386 >/dev/null; then run32=(qemu-i386); fi
m4=(arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -Os -std=c11
    -ffunction-sections -fdata-sections -Wall -Wextra -Werror -DCAPHEAP_BARE_METAL=1 -I"$root/include")
host=(gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$root/include" -I"$root/tests/support" -I"$here")

echo "capheap option costs: $(git -C "$root" log -1 --format='%h %cs' 2>/dev/null || echo 'tree')"
echo
echo "| option | Cortex-M4 text / data / bss (B) | text vs defaults | heap bytes per 24 B / 100 B block (32-bit) | fixed bytes, one 64 KiB region (32-bit) | instructions per malloc/free pair (x86-64) |"
echo "| --- | --- | --- | --- | --- | --- |"
base_text=
i=0
for v in "${variants[@]}"; do
    IFS='|' read -r name defs count_arg <<<"$v"
    d=$B/v$i
    i=$((i + 1))
    rm -rf "$d"
    mkdir -p "$d/m4"
    mapfile -t srcs < <(sources "$defs")
    # shellcheck disable=SC2086  # defs is a list of flags
    printf '%s\n' "${srcs[@]}" | xargs -P "$JOBS" -I{} sh -c \
        'o="$1/m4/$(echo "$2" | tr / _).o"; shift 2; exec "$@" -c "$0" -o "$o"' {} "$d" "{}" "${m4[@]}" $defs
    read -r t dd bb < <(arm-none-eabi-size -t "$d"/m4/*.o | tail -n 1 | awk '{print $1, $2, $3}')
    [ -n "$base_text" ] || base_text=$t
    delta=$((t - base_text))
    [ $delta -ge 0 ] && delta="+$delta"
    # 32-bit bytes: alignment 8 unless the variant sets one
    defs32=$defs
    [[ $defs == *CAPHEAP_ALIGNMENT=* ]] || defs32="$defs -DCAPHEAP_ALIGNMENT=8"
    # shellcheck disable=SC2086
    "${host[@]}" -m32 $defs32 "${srcs[@]}" "$here/option_cost.c" -o "$d/cost32" -lpthread
    bytes=$("${run32[@]}" "$d/cost32" bytes)
    b24=$(sed 's/.*block24=\([^ ]*\).*/\1/' <<<"$bytes")
    b100=$(sed 's/.*block100=\([^ ]*\).*/\1/' <<<"$bytes")
    fixed=$(sed 's/.*fixed=\([^ ]*\).*/\1/' <<<"$bytes")
    # x86-64 instructions (alignment >= 8 there)
    defs64=${defs/CAPHEAP_ALIGNMENT=4/CAPHEAP_ALIGNMENT=8}
    # shellcheck disable=SC2086
    "${host[@]}" $defs64 "${srcs[@]}" "$here/option_cost.c" -o "$d/cost64" -lpthread
    # shellcheck disable=SC2086
    pair=$("${vg[@]}" "$d/cost64" count $count_arg | sed 's/pair=//')
    echo "| $name | $t / $dd / $bb | $delta | $b24 / $b100 | $fixed | $pair |"
done
