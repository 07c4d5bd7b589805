# capheap front door. `make run` and `make test` do all set-up on a fresh machine.
BUILD     ?= build
PREFIX    ?= /usr/local
POISONING ?= none
HEAP_TRACING  ?= OFF
TASK_TRACKING ?= OFF
JOBS      ?= 2
CMAKE_ARGS ?=

CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCAPHEAP_POISONING=$(POISONING) -DCAPHEAP_HEAP_TRACING=$(HEAP_TRACING) \
  -DCAPHEAP_TASK_TRACKING=$(TASK_TRACKING) $(CMAKE_ARGS)

.PHONY: all deps build run test bench install size clean

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@scripts/run.sh $(BUILD)

test:
	@scripts/deps.sh test
	@scripts/test.sh

bench:
	@scripts/deps.sh bench
	@bench/run.sh

install: deps
	@cmake -S . -B $(BUILD)-install $(CMAKE_FLAGS) -DCAPHEAP_BUILD_SHARED=ON \
	  -DCAPHEAP_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=$(abspath $(PREFIX)) >/dev/null
	@cmake --build $(BUILD)-install -j $(JOBS)
	@cmake --install $(BUILD)-install >/dev/null
	@echo "installed into $(abspath $(PREFIX))"

clean:
	rm -rf $(BUILD) $(BUILD)-* bench/build
