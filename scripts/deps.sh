#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages a job needs that are missing.
# Quiet, idempotent; does nothing when everything is present.
#   scripts/deps.sh build|test|bench|all ...
set -euo pipefail

pkgs_build=(cmake ninja-build make gcc g++ pkg-config)
pkgs_test=(clang valgrind libclang-rt-14-dev llvm)
pkgs_bench=(valgrind libmimalloc-dev libjemalloc-dev gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi)

want=()
for group in "${@:-build}"; do
  case "$group" in
    build) want+=("${pkgs_build[@]}") ;;
    test)  want+=("${pkgs_build[@]}" "${pkgs_test[@]}") ;;
    bench) want+=("${pkgs_build[@]}" "${pkgs_bench[@]}") ;;
    all)   want+=("${pkgs_build[@]}" "${pkgs_test[@]}" "${pkgs_bench[@]}") ;;
    *) echo "deps.sh: unknown group '$group'" >&2; exit 2 ;;
  esac
done
# Extra packages a layer needs can be listed one per line in scripts/deps.d/<group>.txt
here=$(cd "$(dirname "$0")" && pwd)
for group in "${@:-build}"; do
  for f in "$here"/deps.d/"$group".txt; do
    [ -f "$f" ] && while read -r p; do [ -n "$p" ] && [ "${p#\#}" = "$p" ] && want+=("$p"); done < "$f"
  done
done

missing=()
for p in $(printf '%s\n' "${want[@]}" | sort -u); do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps.sh: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
