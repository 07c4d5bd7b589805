#!/usr/bin/env bash
# Writes capheap as an Arduino library (format 1.5, "recursive" layout):
#   arduino/export.sh <dir>     -> <dir>/capheap/
#     library.properties        arduino/library.properties
#     src/capheap.h             arduino/capheap.h (what "Include Library" adds)
#     src/capheap/*.h           include/capheap/*.h (public headers)
#     src/<layer>/*.c *.h       src/<layer>/ (engine, layout, caps, debug, gc,
#                               port, util), without the test-only
#                               src/util/fault.c and without the tracing layer
#                               (src/debug/trace*.c, off by default)
#     src/chips/*.c             chips/*.c (chip tables)
# Arduino compiles every source under src/ recursively and puts only src/ on
# the include path, so "capheap/heap.h" and the layers' relative includes
# ("../util/fault.h") resolve as in this tree. The configuration is
# include/capheap/config.h's defaults (docs/configuration.md).
# Copy or zip <dir>/capheap into the sketchbook's libraries/ folder.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <output-dir>" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1/capheap
rm -rf "$out"
mkdir -p "$out/src/capheap" "$out/src/chips"
cp "$root/arduino/library.properties" "$out/"
cp "$root/arduino/capheap.h" "$out/src/"
cp "$root"/include/capheap/*.h "$out/src/capheap/"
for f in "$root"/src/*/*.c "$root"/src/*/*.h; do
    rel=${f#"$root"/src/}
    case $rel in
    util/fault.c | debug/trace*.c) continue ;;
    esac
    mkdir -p "$out/src/${rel%/*}"
    cp "$f" "$out/src/$rel"
done
cp "$root"/chips/*.c "$out/src/chips/"
echo "$out"
