# The two commands a new clone needs: `make site` and `make test`. Everything else is optional.
SWIFT ?= swift
CONTENT ?= content
RELEASE_BIN = .build/release/helpcenter

.PHONY: site test setup build lint model bench bench-setup format clean

## site: install what is missing, build, and parse all of content/ (the generator comes next)
site: build
	$(RELEASE_BIN) lint --content $(CONTENT)

## test: the whole test suite (what .ci/run calls)
test: setup
	$(SWIFT) test

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product helpcenter

## lint / model: what the parser understood of content/
lint: build
	$(RELEASE_BIN) lint --content $(CONTENT)

model: build
	$(RELEASE_BIN) model --content $(CONTENT)

## bench: parse the synthetic corpus side by side with the cmark CLI (docs/performance.md)
bench: build
	@scripts/setup.sh bench
	python3 bench/parse_bench.py

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build site
