# ringtrace developer commands. `make demo` and `make test` each create or refresh the local
# virtualenv (.venv) and install what they need, so both work on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_OUT ?= demo-out

.PHONY: venv demo test test-fast lint accuracy bench worlds neo4j neo4j-stop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

## The main job on the embedded default: synthetic province -> ingest -> scan -> HTML + evaluation.
demo: venv
	$(VENV)/bin/ringtrace demo --out $(DEMO_OUT)

## The whole test suite, with headless Chromium and a real Neo4j started for it.
test: venv
	bash tools/run-tests.sh

## Tests without the browser and Neo4j servers (quick inner loop).
test-fast: venv
	$(VENV)/bin/pytest -q -m "not neo4j and not browser"

lint: venv
	$(VENV)/bin/ruff check ringtrace tests benchmarks
	$(VENV)/bin/mypy

accuracy: venv
	$(PY) -m ringtrace.loaders.judgments.accuracy tests/fixtures/real_docs

bench: venv
	bash tools/run-bench.sh

## Detection across the evaluation worlds (docs/evaluation.md): worst and median, calibration,
## ablation. Heavy (10 worlds of 6,000 raw documents; kept under .worlds/ and reused).
worlds: venv
	$(VENV)/bin/ringtrace eval --worlds 10 --split eval --ablation

## Start a throwaway Neo4j for development (prints the bolt URI; stop with `make neo4j-stop`).
neo4j: venv
	@bash tools/neo4j-dev/start.sh >/dev/null
	@echo "Neo4j is up. Point ringtrace and the neo4j tests at it with:"
	@echo "  export NEO4J_URI=$$(cat tools/neo4j-dev/target/run/uri)"

neo4j-stop:
	bash tools/neo4j-dev/stop.sh

clean:
	rm -rf $(DEMO_OUT) ringtrace-workspace .worlds .pytest_cache .mypy_cache .ruff_cache
