# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.

DATA ?= ./data
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test bench flash-sale clean

## Installs LMDB's headers and library (Debian's liblmdb-dev) and SQLite's (libsqlite3-dev, for
## the flash-sale baseline) when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists lmdb 2>/dev/null; then \
		echo "Installing liblmdb-dev (LMDB) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblmdb-dev pkg-config; \
	fi
	@if ! pkg-config --exists sqlite3 2>/dev/null; then \
		echo "Installing libsqlite3-dev (SQLite) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build -c release --product order-engine

## Runs the main job on an embedded data directory ($(DATA)): a scripted day in a small mall
## through the engine, then a full verification of the log and its projections. Running it again
## on the same directory writes nothing: every command is answered from the log.
run: build
	$(SWIFT) run -c release order-engine demo --data $(DATA)
	$(SWIFT) run -c release order-engine verify --data $(DATA)

## Unit and integration tests, then end-to-end checks of the command line.
test: deps
	$(SWIFT) test
	$(SWIFT) build --product order-engine
	Tests/cli/run.sh "$$($(SWIFT) build --show-bin-path)/order-engine"

## Append-throughput benchmarks (a nested package, so users and tests never build its dependencies).
bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

## The peak-sale benchmark, every scenario, durable, one JSON line each (see Docs/benchmarks.md).
flash-sale: build
	for scenario in sell-out sustained many-skus full-path; do \
		$(SWIFT) run -c release order-engine flash-sale --scenario $$scenario --json; \
	done

clean:
	rm -rf .build Benchmarks/.build
