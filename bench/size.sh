#!/usr/bin/env bash
# Cortex-M4 code size of the capheap engine at -Os (arm-none-eabi-gcc).
#   bench/size.sh [OUTDIR]   -> prints key=value lines, one per figure
# "core" keeps capheap_heap_create/malloc/free and whatever they pull in;
# "full" adds realloc and aligned allocation (aligned_alloc, aligned_alloc_offs).
# Everything else is dropped by --gc-sections. check/walk (src/engine/check.c)
# and the formatter (src/util/fmt.c) are not linked at all: they are only
# needed by capheap_heap_check. memcpy/memset/memmove come from tiny stubs
# whose size is subtracted, so the figure is the engine's own code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$here/build/size}
mkdir -p "$out"
CC=arm-none-eabi-gcc
FLAGS=(-mcpu=cortex-m4 -mthumb -Os -ffunction-sections -fdata-sections -std=c11 -I"$root/include")

engine_src=("$root"/src/engine/*.c)
compile_engine() { # extra flags... ; sets objs
  objs=()
  local tag=$1; shift
  for src in "${engine_src[@]}"; do
    case "$(basename "$src")" in check.c) continue ;; esac
    o="$out/$(basename "${src%.c}")$tag.o"
    $CC "${FLAGS[@]}" "$@" -c "$src" -o "$o"
    objs+=("$o")
  done
}
cat > "$out/stubs.c" <<'STUB'
#include <stddef.h>
void *memcpy(void *d, const void *s, size_t n) { char *a = d; const char *b = s; while (n--) *a++ = *b++; return d; }
void *memmove(void *d, const void *s, size_t n) { return memcpy(d, s, n); }
void *memset(void *d, int c, size_t n) { char *a = d; while (n--) *a++ = (char)c; return d; }
STUB
$CC "${FLAGS[@]}" -fno-builtin -c "$out/stubs.c" -o "$out/stubs.o"

measure() { # name roots...
  local name=$1; shift
  local roots=()
  for r in "$@"; do roots+=("-Wl,--require-defined=$r"); done
  $CC "${FLAGS[@]}" -nostdlib -nostartfiles -Wl,--gc-sections -Wl,-e,"$1" "${roots[@]}" \
      "${objs[@]}" "$out/stubs.o" -o "$out/$name.elf"
  local text stub=0 data=0 funcs="" sz sym type
  text=$(arm-none-eabi-size -A "$out/$name.elf" | awk '$1==".text"{print $2}')
  while read -r _ sz type sym; do
    case "$type" in
      [tT]) case "$sym" in
              memcpy|memset|memmove) stub=$((stub + 16#$sz)) ;;
              *) funcs="$funcs${funcs:+,}$sym:$((16#$sz))" ;;
            esac ;;
      [dDbBrR]) data=$((data + 16#$sz)) ;;
    esac
  done < <(arm-none-eabi-nm -S --size-sort "$out/$name.elf")
  echo "size_${name}_text=$((text - stub)) size_${name}_stubs=$stub size_${name}_data=$data size_${name}_functions=$funcs"
}
core=(capheap_heap_create capheap_heap_malloc capheap_heap_free)
full=("${core[@]}" capheap_heap_realloc capheap_heap_aligned_alloc capheap_heap_aligned_alloc_offs)
compile_engine ""
measure core "${core[@]}"
measure full "${full[@]}"
# For information: the same without the cheap always-on pointer checks.
compile_engine _nochecks -DCAPHEAP_CHECKS=0
measure core_nochecks "${core[@]}"
measure full_nochecks "${full[@]}"
echo "size_compiler=\"$($CC --version | head -1)\""
