# vexdb entry points for people and CI.
#
#   make run    build, then start the server on 127.0.0.1:4000 with data in ./data
#   make test   install what is missing, build, then run every test layer:
#               unit (ctest), slt (test/sql via tools/slt_runner.py), e2e (pytest test/e2e)
#   make bench      OLTP side by side with MariaDB (bench/oltp)
#   make bench-ann  HNSW in-process side by side with hnswlib and faiss (bench/ann)
#
# Every stage runs even if an earlier one failed; `make test` fails if any did.
# Variables: BUILD_DIR, BUILD_TYPE, JOBS, HOST, PORT, DATA_DIR (e.g. `make run PORT=4001`).

SHELL := /bin/bash

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= 2
HOST ?= 127.0.0.1
PORT ?= 4000
DATA_DIR ?= ./data

VENV := .venv
PYTHON := $(VENV)/bin/python
SERVER := $(BUILD_DIR)/bin/vexdb-server
TEST_STAGES := unit slt e2e

.PHONY: deps deps-system deps-python bench-deps build run test $(TEST_STAGES) bench bench-ann \
  clean

deps: deps-system deps-python

deps-system:
	scripts/setup.sh

deps-python: deps-system
	scripts/python_env.sh

bench-deps:
	scripts/setup.sh --bench

build: deps-system
	@if [[ ! -f $(BUILD_DIR)/build.ninja ]]; then \
	  echo "cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)"; \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); \
	fi
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	exec $(SERVER) --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR)

test: deps build
	@failed=""; \
	for stage in $(TEST_STAGES); do \
	  echo "==== make $$stage"; \
	  $(MAKE) --no-print-directory $$stage || failed="$$failed $$stage"; \
	done; \
	if [[ -n "$$failed" ]]; then echo "==== make test: failed:$$failed" >&2; exit 1; fi

unit: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

slt: build deps-python
	$(PYTHON) tools/slt_runner.py --server $(SERVER) test/sql

e2e: build deps-python
	VEXDB_SERVER=$(SERVER) $(PYTHON) -m pytest test/e2e

bench: build bench-deps
	bench/oltp/run.sh

bench-ann: deps-system
	BUILD_DIR=$(BUILD_DIR) bench/ann/run.sh

clean:
	rm -rf $(BUILD_DIR)
