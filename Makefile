# The two commands a new clone needs: `make site` and `make test`. Everything else is optional.
SWIFT ?= swift
CONTENT ?= content
SITE ?= site
RELEASE_BIN = .build/release/helpcenter

.PHONY: site test setup build lint model corpus validate check watch serve feedback-report engine screenshots bench bench-build bench-validate bench-engine bench-check bench-feedback bench-search bench-import format clean

## site: install what is missing, build, generate site/ from content/, validate the site and
## the content (errors fail; warnings such as a missing translation are printed), then run
## every procedure and claim against the embedded account engine (a procedure without a check
## fails too: --require-checks)
site: build
	$(RELEASE_BIN) build --content $(CONTENT) --output $(SITE)
	$(RELEASE_BIN) validate $(SITE) --content $(CONTENT) --fail-on error
	$(RELEASE_BIN) check --content $(CONTENT) --require-checks

## test: the whole test suite (what .ci/run calls): Swift Testing, then the help center end to
## end in a real headless Chromium against `helpcenter serve` (reading, search, language switch,
## votes with and without script, live reload, CSP, axe-core in every locale)
# Serially: on 2 cores, parallel suites that block threads (child processes, servers,
# PostgreSQL) could starve the cooperative pool and hang the whole run (seen twice under load).
test: setup
	$(SWIFT) test --no-parallel
	node --test Tests/SearchScript/
	@scripts/setup-browser.sh
	$(SWIFT) build --product helpcenter
	.venv-browser/bin/python Tests/Browser/test_site.py .build/debug/helpcenter

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product helpcenter

## lint / model: what the parser understood of content/
lint: build
	$(RELEASE_BIN) lint --content $(CONTENT)

model: build
	$(RELEASE_BIN) model --content $(CONTENT)

## validate: check the built site/ and the content across locales (any finding exits 1)
validate: build
	$(RELEASE_BIN) validate $(SITE) --content $(CONTENT)

## check: run every procedure and claim of every locale against the embedded engine
check: build
	$(RELEASE_BIN) check --content $(CONTENT)

## watch: build, then rebuild what each saved edit affects
watch: build
	$(RELEASE_BIN) build --watch --content $(CONTENT) --output $(SITE)

## screenshots: article pages at 1280 and 390 px wide, light and dark, in screenshots/
screenshots: site
	@scripts/setup-browser.sh
	.venv-browser/bin/python scripts/screenshots.py $(SITE) screenshots --widths 1280,390
	.venv-browser/bin/python scripts/screenshots.py $(SITE) screenshots/dark --widths 1280,390 --dark

## corpus: how many sentences of each locale's step corpus the phrasebooks read as expected
## (the measure of the grammar; docs/performance.md)
corpus: build
	$(RELEASE_BIN) explain --content $(CONTENT) $(foreach locale,fr en de es,--corpus Tests/HelpParserTests/Corpus/steps.$(locale).yml)

## bench: parse the synthetic corpus side by side with the cmark CLI (docs/performance.md)
bench: build
	@scripts/setup.sh bench
	python3 bench/parse_bench.py

## bench-validate: validate the 20,000-page benchmark site beside the build that wrote it
bench-validate: build
	@scripts/setup.sh bench
	python3 bench/validate_bench.py

## bench-build: build 20,000 pages side by side with Hugo, and the rebuild after one edit
bench-build: build
	@scripts/setup.sh bench
	python3 bench/build_bench.py

## bench-import: helpcenter import of the Bitwarden help center (a local copy: extracted from the
## git mirror, or SOURCE=DIR), then helpcenter build of it; times, counts, steps read, dead links
bench-import: build
	@scripts/setup.sh bench
	python3 bench/import_bench.py $(if $(SOURCE),--source $(SOURCE))

## bench-engine: wrk against the release engine on loopback, sign-in page and a signed-in page
bench-engine: build
	@scripts/setup.sh bench
	python3 bench/engine_bench.py

## bench-feedback: wrk POSTing votes and comments to the release feedback collector on loopback,
## side by side with Isso; checks the rows in SQLite against the 201 answers (docs/performance.md)
bench-feedback: build
	@scripts/setup.sh bench
	python3 bench/feedback_bench.py

## bench-search: our split search index and Pagefind on the same 20,000-page site: index time and
## size, bytes fetched for a one-word and a two-word query in headless Chromium, and relevance
## (MRR@5, recall@10) over bench/search_queries.json on the real help center (docs/performance.md)
bench-search: build
	@scripts/setup.sh bench
	@scripts/setup-browser.sh
	.venv-browser/bin/python bench/search_bench.py

## bench-check: helpcenter check on the content (median of 5), 1,000 synthetic executions, and
## one headless-Chromium page load + click on the same engine (docs/performance.md)
bench-check: build
	@scripts/setup-browser.sh
	python3 bench/check_bench.py

## serve: the help center on http://127.0.0.1:8000/ for writers: rebuilt on every save, open
## pages reload and show build errors; the feedback collector (votes in .build/feedback.sqlite,
## report at /_serve/feedback) and the account engine in test mode (.build/serve-engine.sqlite) run beside it
serve: build
	$(RELEASE_BIN) serve --content $(CONTENT) --output $(SITE) --port 8000 --feedback-database .build/feedback.sqlite

## feedback-report: helpfulness per article and locale from the preview's votes
feedback-report: build
	$(RELEASE_BIN) feedback report --database .build/feedback.sqlite --site $(SITE)

## engine: the reference account engine on http://127.0.0.1:8080 with the outbox page (/_dev/outbox)
engine: build
	$(RELEASE_BIN) engine --port 8080 --database .build/engine.sqlite --dev

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(SITE) screenshots
