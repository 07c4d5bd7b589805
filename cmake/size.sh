#!/usr/bin/env bash
# `make size`: text/data/bss of each layer of a Cortex-M build of libcapheap
# (objects of src/<layer>, compat/<api> and chips/, summed with
# arm-none-eabi-size). Sizes are of the objects before --gc-sections, so
# they are what a program using every function of the layer pays.
#   cmake/size.sh <build-dir>
set -euo pipefail
bin=$1
objs=$bin/CMakeFiles/capheap.dir
[ -d "$objs" ] || { echo "size.sh: no objects in $objs"; exit 1; }
opts=$(grep -o 'CAPHEAP_[A-Z_]*=[^ ]*' "$bin/build.ninja" | sort -u | tr '\n' ' ' || true)
echo "capheap on Cortex-M4F, arm-none-eabi-gcc -Os; $opts"
printf '%-22s %8s %8s %8s\n' layer text data bss
total_t=0 total_d=0 total_b=0
for dir in "$objs"/src/* "$objs"/compat/* "$objs"/chips; do
    [ -d "$dir" ] || continue
    mapfile -t files < <(find "$dir" \( -name '*.o' -o -name '*.obj' \) | sort)
    [ ${#files[@]} -gt 0 ] || continue
    read -r t d b < <(arm-none-eabi-size -t "${files[@]}" | tail -n 1 | awk '{print $1, $2, $3}')
    printf '%-22s %8d %8d %8d\n' "${dir#"$objs"/}" "$t" "$d" "$b"
    total_t=$((total_t + t)) total_d=$((total_d + d)) total_b=$((total_b + b))
done
printf '%-22s %8d %8d %8d\n' total "$total_t" "$total_d" "$total_b"
