#!/usr/bin/env bash
# Consumer tests of the packaging (issue 8): install, then build and run a
# small program against capheap each way a user would.
#   run.sh <mode> <source-dir> <work-dir>
#   mode: install | find_package | find_package_shared | pkgconfig | subdir | fetch
# "install" must run first (CTest fixture); the others use its prefix. The
# installed library is built with non-default CAPHEAP_ALIGNMENT and
# CAPHEAP_CHECKS: the consumers built against it (static, shared,
# pkg-config) must see the same values (main.c stops at compile time
# otherwise).
expect=(-DEXPECT_ALIGNMENT=32 -DEXPECT_CHECKS=0)
set -euo pipefail
mode=$1 src=$2 work=$3
prefix=$work/prefix
mkdir -p "$work"
log=$work/$mode.log
: >"$log"

run() {
    if ! "$@" >>"$log" 2>&1; then
        echo "install test $mode: '$*' failed:"
        tail -n 40 "$log"
        exit 1
    fi
}

consumer() {  # consumer <build-dir> <cmake args...>
    local b=$1; shift
    rm -rf "$b"
    run cmake -S "$src/tests/install/consumer" -B "$b" -G Ninja "$@"
    run cmake --build "$b"
    "$b/consumer"
    "$b/vendor_consumer"
    # the same and more through the per-API targets (capheap::espidf, ...)
    "$b/apis_consumer"
    "$b/vendor_apis_consumer"
    "$b/mp_consumer"
}

case "$mode" in
install)
    rm -rf "$prefix" "$work/lib-build"
    run cmake -S "$src" -B "$work/lib-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCAPHEAP_BUILD_SHARED=ON -DCAPHEAP_BUILD_TESTS=OFF -DCAPHEAP_BUILD_TOOLS=OFF \
        -DCAPHEAP_BUILD_EXAMPLES=OFF -DCAPHEAP_POISONING=light \
        -DCAPHEAP_ALIGNMENT=32 -DCAPHEAP_CHECKS=0 \
        -DCMAKE_INSTALL_PREFIX="$prefix"
    run cmake --build "$work/lib-build" -j 1
    run cmake --install "$work/lib-build"
    for f in include/capheap/heap.h include/capheap/config.h lib/libcapheap.a \
             lib/libcapheap.so lib/pkgconfig/capheap.pc \
             include/capheap/gc.h include/capheap/micropython/py/gc.h \
             lib/pkgconfig/capheap-micropython.pc \
             lib/cmake/capheap/capheapConfig.cmake lib/cmake/capheap/capheapConfigVersion.cmake \
             lib/pkgconfig/capheap-freertos.pc lib/pkgconfig/capheap-espidf-legacy.pc \
             lib/pkgconfig/capheap-wm.pc include/capheap/freertos/capheap_freertos.h \
             include/capheap/espidf_legacy/esp_heap_alloc_caps.h \
             include/capheap/espidf_legacy/heap_regions.h \
             include/capheap/espidf_legacy/freertos/heap_regions.h include/capheap/wm/wm_heap.h; do
        [ -e "$prefix/$f" ] || { echo "install: $prefix/$f is missing"; exit 1; }
    done
    echo "installed: $(cd "$prefix" && find . -type f | sort | tr '\n' ' ')"
    ;;
find_package)
    consumer "$work/fp" -DMODE=find_package -DCMAKE_PREFIX_PATH="$prefix" "${expect[@]}"
    ;;
find_package_shared)
    consumer "$work/fps" -DMODE=find_package -DSHARED=ON -DCMAKE_PREFIX_PATH="$prefix" "${expect[@]}"
    deps=$(ldd "$work/fps/consumer")
    grep -q "$prefix/lib/libcapheap.so" <<<"$deps" ||
        { echo "consumer is not linked to the installed libcapheap.so"; exit 1; }
    ;;
pkgconfig)
    export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
    run pkg-config --exists --print-errors capheap
    # shellcheck disable=SC2046  # pkg-config prints a list of flags
    run cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags capheap) \
        -DCAPHEAP_EXPECT_ALIGNMENT=32 -DCAPHEAP_EXPECT_CHECKS=0 \
        "$src/tests/install/consumer/main.c" -o "$work/pc-consumer" \
        $(pkg-config --libs capheap)
    LD_LIBRARY_PATH=$prefix/lib "$work/pc-consumer"
    # MicroPython's py/gc.h through capheap-micropython, as C and as C++
    run pkg-config --exists --print-errors capheap-micropython
    # shellcheck disable=SC2046
    run cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags capheap-micropython) \
        "$src/tests/install/consumer/mp_consumer.c" -o "$work/pc-mp-consumer" \
        $(pkg-config --libs capheap-micropython) -pthread
    # shellcheck disable=SC2046
    run c++ -std=c++11 -Wall -Wextra -Werror -x c++ $(pkg-config --cflags capheap-micropython) \
        "$src/tests/install/consumer/mp_consumer.c" -x none -o "$work/pc-mp-consumer-cxx" \
        $(pkg-config --libs capheap-micropython) -pthread
    LD_LIBRARY_PATH=$prefix/lib "$work/pc-mp-consumer"
    LD_LIBRARY_PATH=$prefix/lib "$work/pc-mp-consumer-cxx"
    # the vendor APIs (issue 5), each through its own pkg-config file
    vendor_pcs="capheap-freertos capheap-espidf-legacy capheap-wm"
    # shellcheck disable=SC2086  # a list of package names
    run pkg-config --exists --print-errors $vendor_pcs
    # shellcheck disable=SC2046,SC2086
    run cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags $vendor_pcs) \
        "$src/tests/install/consumer/vendor.c" -o "$work/pc-vendor-consumer" \
        $(pkg-config --libs $vendor_pcs) -pthread
    LD_LIBRARY_PATH=$prefix/lib "$work/pc-vendor-consumer"
    ;;
subdir)
    consumer "$work/sub" -DMODE=subdir -DCAPHEAP_SOURCE_DIR="$src"
    ;;
fetch)
    consumer "$work/fetch" -DMODE=fetch -DCAPHEAP_SOURCE_DIR="$src"
    ;;
*) echo "run.sh: unknown mode $mode"; exit 2 ;;
esac
