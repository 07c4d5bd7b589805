#!/usr/bin/env bash
# `make run`: the main job.
set -euo pipefail
build=${1:-build}
exec "$build/examples/basic_heap"
