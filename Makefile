# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.

DATA ?= ./data
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test fuzz-http bench clean

## Installs LMDB's headers and library (Debian's liblmdb-dev) when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists lmdb 2>/dev/null; then \
		echo "Installing liblmdb-dev (LMDB) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblmdb-dev pkg-config; \
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
	Tests/http/fuzz.sh "$$($(SWIFT) build --show-bin-path)/order-engine"

## Fuzzes the HTTP service against Docs/openapi.yaml with schemathesis (installed into .build/fuzz-venv).
fuzz-http: deps
	$(SWIFT) build --product order-engine
	Tests/http/fuzz.sh "$$($(SWIFT) build --show-bin-path)/order-engine"

## Append-throughput benchmarks (a nested package, so users and tests never build its dependencies).
bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build Benchmarks/.build
