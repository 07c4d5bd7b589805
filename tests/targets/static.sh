#!/usr/bin/env bash
# Static checkers over src/ (every .c there that the build compiles), using
# the compile commands of a configured build, so they see the real flags.
#   static.sh cppcheck|clang-tidy <source-dir> <build-dir>
# Findings fail the test. Suppressions go in the code, next to the line,
# with a reason: `// cppcheck-suppress <id>` or `// NOLINT(<check>): why`.
set -euo pipefail
tool=$1 src=$2 bin=$3
db=$bin/compile_commands.json
[ -f "$db" ] || { echo "static.sh: no $db"; exit 1; }
mapfile -t files < <(grep -o '"file": *"[^"]*"' "$db" | sed 's/.*: *"//; s/"$//' |
                     grep "^$src/src/" | sort -u)
if [ ${#files[@]} -eq 0 ]; then
    echo "static.sh: no sources under $src/src in $db"; exit 1
fi
echo "$tool: ${#files[@]} files under src/"
case "$tool" in
cppcheck)
    out=$bin/cppcheck-build
    mkdir -p "$out"
    cppcheck --project="$db" --file-filter="$src/src/*" --cppcheck-build-dir="$out" \
        --enable=warning,performance,portability --std=c11 --inline-suppr \
        --suppress=missingIncludeSystem --error-exitcode=1 --quiet \
        --template='{file}:{line}: {severity} ({id}): {message}' -j 2
    ;;
clang-tidy)
    # Flags gcc knows and clang does not must not turn into errors.
    rc=0
    clang-tidy -p "$bin" --quiet --warnings-as-errors='*' \
        --extra-arg=-Wno-unknown-warning-option "${files[@]}" >"$bin/clang-tidy.log" 2>&1 || rc=$?
    grep -v 'warnings\? generated\.$' "$bin/clang-tidy.log" || true
    [ "$rc" -eq 0 ] || { echo "clang-tidy: findings (exit $rc)"; exit 1; }
    ;;
*) echo "static.sh: unknown tool $tool"; exit 2 ;;
esac
echo "$tool: no findings"
