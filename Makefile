# newsgraph: `make demo` ingests the demo corpus (436 real news articles) into newsgraph.db and serves the web UI on
# http://127.0.0.1:8000; `make test` runs every test (lint, types, pytest).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint fix eval bench serve clean screenshots

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev,ray]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsgraph ingest samples/corpus.jsonl.gz --db sqlite:///newsgraph.db --workers 2
	$(BIN)/newsgraph serve --db sqlite:///newsgraph.db --host 127.0.0.1 --port 8000

# Screenshots of the demo store's home, entity, article and events pages into docs/screenshots/
# (the store is built from the demo corpus when absent).
DEMO_CORPUS ?= $(firstword $(wildcard samples/corpus.jsonl.gz) samples/articles.jsonl)

screenshots: install
	test -f newsgraph.db || $(BIN)/newsgraph ingest $(DEMO_CORPUS) --db sqlite:///newsgraph.db
	$(BIN)/python scripts/screenshots.py --db sqlite:///newsgraph.db --out docs/screenshots

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

fix: install
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

eval: install
	$(BIN)/newsgraph evaluate cleaning ../shared/data/extract_text/input.jsonl | tail -1
	$(BIN)/newsgraph evaluate extract_page ../shared/data/extract_page/input.jsonl | tail -1
	$(BIN)/newsgraph evaluate extract ../shared/data/extract/expected.jsonl | tail -1
	for task in ner quotes events times places quantities; do \
		$(BIN)/newsgraph evaluate $$task ../shared/data/$$task/dev.jsonl | tail -1; \
	done

BENCH_STORE ?= /tmp/newsgraph-bench

bench: install
	mkdir -p benchmarks/results $(BENCH_STORE)
	$(BIN)/python benchmarks/cpu.py --limit 150 --runs 3 --out benchmarks/results/cpu.md
	$(BIN)/python benchmarks/bench_store.py --limit 120 --runs 3 --articles 100000 --keep $(BENCH_STORE) > benchmarks/results/store.md
	$(BIN)/python benchmarks/bench_api.py --db $(BENCH_STORE)/search.db
	$(BIN)/python benchmarks/run.py --runs 3

clean:
	rm -rf $(VENV) newsgraph.db newsgraph.db-wal newsgraph.db-shm
