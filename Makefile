# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.

DATA ?= ./data
HOST ?= 127.0.0.1
PORT ?= 8080
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test crash-test fuzz fuzz-http bench bench-check flash-sale clean

## Installs LMDB's headers and library (Debian's liblmdb-dev), SQLite's (libsqlite3-dev, for
## the flash-sale baseline) and jemalloc (libjemalloc-dev, the command-line tool's allocator) when
## pkg-config cannot find them.
deps:
	@if ! pkg-config --exists lmdb 2>/dev/null; then \
		echo "Installing liblmdb-dev (LMDB) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblmdb-dev pkg-config; \
	fi
	@if ! pkg-config --exists sqlite3 2>/dev/null; then \
		echo "Installing libsqlite3-dev (SQLite) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev pkg-config; \
	fi
	@if ! pkg-config --exists jemalloc 2>/dev/null; then \
		echo "Installing libjemalloc-dev (jemalloc) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjemalloc-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build -c release --product order-engine

## Runs the main job on an embedded data directory ($(DATA)): a scripted day in a small mall
## through the engine and a full verification of the log and its projections (running it again
## writes nothing: every command is answered from the log), then the HTTP service on that directory
## at http://$(HOST):$(PORT) until Ctrl-C. Without ORDER_ENGINE_API_KEYS it prints an admin key
## made for this run (Docs/http.md).
run: build
	$(SWIFT) run -c release order-engine demo --data $(DATA)
	$(SWIFT) run -c release order-engine verify --data $(DATA)
	$(SWIFT) run -c release order-engine serve --data $(DATA) --host $(HOST) --port $(PORT)

## Unit and integration tests (a bounded fuzz run among them), then end-to-end checks of the
## command line, and crash and storage-fault checks: 20 kill -9 restarts under load, killed backups
## and rebuilds, a full disk, a damaged data file (Docs/reliability.md).
test: deps
	$(SWIFT) test
	$(SWIFT) build --product order-engine
	Tests/cli/run.sh "$$($(SWIFT) build --show-bin-path)/order-engine"
	Tests/crash/run.sh "$$($(SWIFT) build --show-bin-path)/order-engine" 20
	Tests/fuzz/libfuzzer.sh 30
	Tests/http/fuzz.sh "$$($(SWIFT) build --show-bin-path)/order-engine"
	$(MAKE) bench-check

RESTARTS ?= 200
FUZZ_SECONDS ?= 300
FUZZ_SEED ?= $(shell date +%s)

## The crash checks at length: RESTARTS kill -9 restarts (CRASH_SEED=N repeats a run).
crash-test: deps
	$(SWIFT) build --product order-engine
	Tests/crash/run.sh "$$($(SWIFT) build --show-bin-path)/order-engine" $(RESTARTS)

## Each seeded fuzz target for FUZZ_SECONDS, from FUZZ_SEED (printed, to repeat a run), then the
## coverage-guided libFuzzer target for FUZZ_SECONDS.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) $(SWIFT) test --filter FuzzTests
	Tests/fuzz/libfuzzer.sh $(FUZZ_SECONDS)

## Fuzzes the HTTP service against Docs/openapi.yaml with schemathesis (installed into .build/fuzz-venv).
fuzz-http: deps
	$(SWIFT) build --product order-engine
	Tests/http/fuzz.sh "$$($(SWIFT) build --show-bin-path)/order-engine"

## Append-throughput benchmarks (a nested package, so users and tests never build its dependencies).
bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

## The checked-in malloc thresholds of the in-memory benchmarks (decide loop, codecs), whose counts
## are exact from run to run; a change in them fails until Benchmarks/Thresholds is updated
## (Benchmarks/README.md).
bench-check: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark thresholds check --filter 'Decide/.*|Codec/.*'

## The peak-sale benchmark, every scenario, durable, one JSON line each (see Docs/benchmarks.md).
flash-sale: build
	for scenario in sell-out sustained many-skus full-path; do \
		$(SWIFT) run -c release order-engine flash-sale --scenario $$scenario --json; \
	done

clean:
	rm -rf .build Benchmarks/.build
