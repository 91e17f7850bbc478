# Scaling Series Companion: the task runner. CI runs `make check` then `make test` (.ci/run).
#
#   make serve   set up, build the site and serve it at http://127.0.0.1:8000
#   make check   lint, format and type checks (ruff, mypy) and the workflows (actionlint);
#                no network needed
#   make test    set up (venv, npm ci, Chromium) and run every test layer
#   make test-fast  core, golden cases, cross-checks and doctests on both cores (25 s idle on the
#                machine the target was set on; 34 s quiet on 2026-12-03's, 53-60 s beside other work)
#   make deep    the property and never-raises tests with many more random examples, every
#                calculator's inputs in pairs at every pair of edge values, and the whole core
#                suite in Pyodide (weekly in CI)
#   make build   set up and build the site into site/ (mkdocs build --strict)
#   make dev     mkdocs' live-reloading server, for writing pages
#   make bench   performance figures against their budgets (benchmarks/run.py)
#   make publish SITE_URL=https://…/   build the tagged release for its public address and
#                add it to the versioned archive on the gh-pages branch (mike)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast deep check check-workflows build dev bench setup chromium clean publish

setup: $(VENV)/.installed node_modules/.installed

# The venv is rebuilt whenever pyproject.toml changes. pip >= 25.1 reads dependency groups.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --group docs --group tests --group lint
	# The core itself, editable, so the build hooks and tests import the working tree.
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium, and its headless shell (the same version) that the browser tests drive;
# the bench, the screenshot tool and the tests that need a reader's browser drive Chromium
# itself (tools/chromium.py). Playwright cannot download browsers here.
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium and its headless shell for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell; }

build: setup
	$(BIN)/mkdocs build --strict

serve: build
	$(BIN)/python tools/serve_site.py --port $(PORT) --dir site

dev: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# Every layer: core in CPython, cross-checks, core in Pyodide (Node), the strict site build,
# and the browser tests against that build. Two workers take the tests one or two at a time,
# those that need no build first (conftest.py orders them), while the strict builds are made
# once, in the background, for both (tests/builds.py); each worker boots Python once for its
# browser tests. The slowest tests are listed at the end.
# One layer alone: $(BIN)/python -m pytest -m crosscheck (markers: pyproject.toml).
test: setup chromium
	$(BIN)/python -m pytest -n 2 --dist load --maxschedchunk 1 --durations=15

# The loop to run while changing the core: no build, no Node, no browser, and 50 Hypothesis
# examples a property instead of ci's 100 (tests/conftest.py); `make test` runs them all.
test-fast: $(VENV)/.installed
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-fast} $(BIN)/python -m pytest -n 2 calculators tests/core tests/crosscheck

# Opt-in, and weekly in CI (.github/workflows/deep.yml): the same property, cross-check and
# never-raises tests as make test-fast, under the Hypothesis profile "deep" (DEEP_EXAMPLES
# random examples a property, 2,000 unless set; fresh ones each run, so it keeps finding new
# cases where CI's derandomized 100 cannot), plus the tests marked deep, which make test
# leaves out: every pair of every calculator's inputs at every pair of 16 edge values, and
# the whole core suite and doctests in Pyodide under Node (10 random examples a property
# there; make test asks Pyodide readers' cases instead, tests/pyodide). It prints the profile
# and what each part ran; a failure prints how to reproduce it. Measured on this 2-core
# machine: DEEP_EXAMPLES=300 took 11 min (1,308 tests) on 2026-12-03, and DEEP_EXAMPLES=500
# 3 min 40 s (2,072 tests) on 2026-12-05, whose machine was faster; the edge-value pairs
# alone take about 30 s, the suite in Pyodide about 65 s.
DEEP_EXAMPLES ?= 2000
DEEP_WORKERS ?= 2
deep: setup
	@echo "make deep: Hypothesis profile 'deep', $(DEEP_EXAMPLES) examples a property (tests/core, tests/crosscheck);"
	@echo "           marked deep (edge-value pairs, the core suite in Pyodide): $$($(BIN)/python -m pytest -q --collect-only -m deep tests/core tests/pyodide | tail -1)"
	HYPOTHESIS_PROFILE=deep DEEP_EXAMPLES=$(DEEP_EXAMPLES) $(BIN)/python -m pytest -n $(DEEP_WORKERS) \
		-m "core or crosscheck or deep" tests/core tests/crosscheck tests/pyodide --durations=10

# Lint and format (ruff) over the Python the project owns; strict types on the core (mypy).
LINTED := calculators hooks tests tools benchmarks conftest.py
check: $(VENV)/.installed
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

# A script, not a test: it prints figures and checks the budgets (see benchmarks/run.py).
bench: setup chromium
	$(BIN)/python benchmarks/run.py

# The deploy workflow's syntax, expressions and action versions, checked by actionlint.
check-workflows: setup
	$(BIN)/actionlint .github/workflows/*.yml

check: check-workflows

# A release, built for where it will live. SITE_URL is the site's root; mike builds the
# release into its own folder under it (SITE_URL/0.1.0/, which its plugin adds to site_url,
# so canonical links, citations and the install line name the versioned address), points
# `latest` there by redirects, copies its 404 page to the root (GitHub Pages serves only that
# one; tools/root_404.sh), and commits it all to the local gh-pages branch; the deploy
# workflow pushes that branch. SITE_PUBLISH makes the build refuse a missing or local
# address and a commit that is not tagged v<version> (hooks/site_address.py, hooks/citation.py).
VERSION = $(shell sed -n 's/^version: *//p' CITATION.cff)
publish: setup
	@test -n "$(SITE_URL)" || { echo "make publish needs SITE_URL, the site's public address (https://…/)"; exit 1; }
	PATH="$(CURDIR)/$(BIN):$$PATH" SITE_PUBLISH=1 SITE_URL="$(SITE_URL)" \
		$(BIN)/mike deploy --update-aliases --alias-type=redirect $(VERSION) latest
	$(BIN)/mike set-default latest
	sh tools/root_404.sh $(VERSION)

clean:
	rm -rf site build .pytest_cache .hypothesis .mypy_cache .ruff_cache
