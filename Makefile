# capheap front door. `make run` and `make test` do all set-up on a fresh
# Debian machine (scripts/deps.sh installs what is missing).
#   make run | test | test-host | bench | size | coverage | fuzz | fuzz-afl | install PREFIX=dir | clean
#   make test CTEST_ARGS="-R engine"   (any ctest arguments)
# Build options (docs/configuration.md), for build, run, test, size, install:
#   POISONING=none|light|comprehensive  HEAP_TRACING=ON|OFF  TASK_TRACKING=ON|OFF
#   CMAKE_ARGS="-DCAPHEAP_ALIGNMENT=8 ..."
BUILD     ?= build
TEST_BUILD ?= build-test
PREFIX    ?= /usr/local
POISONING ?= none
HEAP_TRACING  ?= OFF
TASK_TRACKING ?= OFF
JOBS      ?= 2
CMAKE_ARGS ?=
QUICK     ?=
CTEST_ARGS ?=

OPTION_FLAGS = -DCAPHEAP_POISONING=$(POISONING) -DCAPHEAP_HEAP_TRACING=$(HEAP_TRACING) \
  -DCAPHEAP_TASK_TRACKING=$(TASK_TRACKING) $(CMAKE_ARGS)
CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(OPTION_FLAGS)

.PHONY: all deps build run test test-host bench size coverage install clean

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The simulator replays the ESP32 Wi-Fi workload (docs/simulator.md); only
# the library and the tool are built.
run: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target capheap_tool
	@scripts/run.sh $(BUILD)

# Everything: host suite + matrix (sanitizers, valgrind, clang, 32-bit,
# big-endian, bare metal, static checkers, headers, install). Last line:
# "N passed, N failed".
test:
	@scripts/deps.sh test bench
	@CMAKE_FLAGS="$(OPTION_FLAGS)" BUILD=$(TEST_BUILD) JOBS=$(JOBS) CTEST_ARGS="$(CTEST_ARGS)" scripts/test.sh

# The host suite only (no matrix cells): the quick loop while developing.
test-host:
	@scripts/deps.sh build
	@CMAKE_FLAGS="$(OPTION_FLAGS) -DCAPHEAP_MATRIX=OFF" BUILD=$(TEST_BUILD)-host \
	  JOBS=$(JOBS) CTEST_ARGS="$(CTEST_ARGS)" scripts/test.sh

bench:
	@scripts/deps.sh bench
	@test -x bench/run.sh || { echo "bench/run.sh is missing"; exit 1; }
	@QUICK=$(QUICK) bench/run.sh

# Cortex-M4F -Os text/data/bss of each layer (src/<layer>, compat/<api>).
size:
	@scripts/deps.sh size
	@cmake -S . -B $(BUILD)-size -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
	  -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/cmake/toolchains/cortex-m4f-mps2.cmake \
	  -DCAPHEAP_BUILD_TESTS=OFF -DCAPHEAP_BUILD_EXAMPLES=OFF $(OPTION_FLAGS) >/dev/null
	@cmake --build $(BUILD)-size -j $(JOBS) --target capheap
	@cmake/size.sh $(BUILD)-size

# Line and branch coverage of src/ and compat/ by the host suite (gcovr);
# the last line gives both figures next to the targets of issue 9.
# Tests that link the instrumented library into an outside build (pkgconfig)
# cannot link without --coverage and are left out.
COVERAGE_FIGURE = /^lines:/ { l = $$2 } /^branches:/ { b = $$2 } \
  END { printf "coverage of src/ and compat/: lines %s, branches %s (targets 95%%, 85%%)\n", l, b }
coverage:
	@scripts/deps.sh coverage
	@cmake -S . -B $(BUILD)-coverage -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCAPHEAP_MATRIX=OFF \
	  -DCMAKE_C_FLAGS=--coverage -DCMAKE_CXX_FLAGS=--coverage \
	  -DCMAKE_EXE_LINKER_FLAGS=--coverage $(OPTION_FLAGS) >/dev/null
	@cmake --build $(BUILD)-coverage -j $(JOBS) >/dev/null
	@find $(BUILD)-coverage -name '*.gcda' -delete
	@ctest --test-dir $(BUILD)-coverage -j $(JOBS) --timeout 900 --output-on-failure \
	  -E pkgconfig $(CTEST_ARGS) >$(BUILD)-coverage/ctest.log 2>&1 || \
	  { tail -n 30 $(BUILD)-coverage/ctest.log; echo "coverage: some tests failed"; }
	@gcovr -r . --object-directory $(BUILD)-coverage --filter 'src/' --filter 'compat/' \
	  --exclude-unreachable-branches --gcov-ignore-parse-errors --print-summary \
	  --gcov-exclude '.*CompilerId.*' --txt $(BUILD)-coverage/coverage.txt \
	  --html-details $(BUILD)-coverage/coverage.html >$(BUILD)-coverage/summary.txt 2>&1; \
	  tail -n 3 $(BUILD)-coverage/summary.txt
	@echo "report: $(BUILD)-coverage/coverage.txt, $(BUILD)-coverage/coverage.html"
	@awk '$(COVERAGE_FIGURE)' $(BUILD)-coverage/summary.txt

# libFuzzer harnesses (fuzz/fuzz_*.c): build, then run each for FUZZ_SECONDS
# (default 60); `make fuzz-afl` runs the AFL++ build of the caps harness.
FUZZ_SECONDS ?= 60
.PHONY: fuzz fuzz-afl
fuzz:
	@scripts/deps.sh test
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(JOBS) fuzz/run.sh

fuzz-afl:
	@scripts/deps.sh test
	@AFL_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(JOBS) fuzz/afl.sh caps

install: deps
	@cmake -S . -B $(BUILD)-install $(CMAKE_FLAGS) -DCAPHEAP_BUILD_SHARED=ON \
	  -DCAPHEAP_BUILD_TESTS=OFF -DCAPHEAP_BUILD_EXAMPLES=OFF \
	  -DCMAKE_INSTALL_PREFIX=$(abspath $(PREFIX)) >/dev/null
	@cmake --build $(BUILD)-install -j $(JOBS)
	@cmake --install $(BUILD)-install >/dev/null
	@echo "installed into $(abspath $(PREFIX))"

clean:
	rm -rf $(BUILD) $(BUILD)-* $(TEST_BUILD) $(TEST_BUILD)-* bench/build
