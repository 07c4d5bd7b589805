#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages a job needs that are missing.
# Quiet and idempotent: does nothing (not even apt-get update) when every
# package is present.
#   scripts/deps.sh build|test|bench|size|coverage|all ...
# Groups include what they build on: every group implies build.
# Other layers add packages, one per line (# comments allowed), in
# scripts/deps.d/<group>.txt; those of every implied group are read too.
set -euo pipefail

pkgs_build=(cmake ninja-build make gcc g++ pkg-config)
# Checkers and the test matrix (tests/targets): clang + sanitizer runtimes,
# static checkers, valgrind, 32-bit x86 (-m32, not gcc-multilib, which
# conflicts with the cross compilers), big-endian PowerPC, bare-metal
# Cortex-M and RV32 under QEMU.
pkgs_test=(clang clang-tidy cppcheck valgrind libclang-rt-14-dev llvm
           qemu-user qemu-system-arm
           lib32gcc-12-dev lib32stdc++-12-dev libc6-dev-i386
           gcc-powerpc-linux-gnu g++-powerpc-linux-gnu
           gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi
           libstdc++-arm-none-eabi-newlib
           gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc)
pkgs_bench=(valgrind libmimalloc-dev libjemalloc-dev
            gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi)
pkgs_size=(gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi)
pkgs_coverage=(gcovr)

groups=()
for group in "${@:-build}"; do
  case "$group" in
    build) groups+=(build) ;;
    test)  groups+=(build test) ;;
    bench) groups+=(build bench) ;;
    size)  groups+=(build size) ;;
    coverage) groups+=(build coverage) ;;
    all)   groups+=(build test bench size coverage) ;;
    *) echo "deps.sh: unknown group '$group'" >&2; exit 2 ;;
  esac
done

here=$(cd "$(dirname "$0")" && pwd)
want=()
for group in $(printf '%s\n' "${groups[@]}" | sort -u); do
  eval 'want+=("${pkgs_'"$group"'[@]}")'
  f=$here/deps.d/$group.txt
  if [ -f "$f" ]; then
    while read -r p _; do
      [ -n "$p" ] && [ "${p#\#}" = "$p" ] && want+=("$p")
    done < "$f"
  fi
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
$SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
$SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
