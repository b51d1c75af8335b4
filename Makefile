# The two set-up commands of the README:
#   make run   index the demo corpus into the embedded store, then serve API + UI on :8000
#   make test  install everything the tests need, then run unit, integration and browser tests
#              and the evaluation on the gold test split against its recorded floors

VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test install install-dev browser lint eval screenshots

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

install: $(PY)
	$(PIP) install -q -e .

# torch is pinned to the CPU wheel on disk before sentence-transformers can ask for a CUDA build
install-dev: $(PY)
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[dev,st]'

browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@fc-list 2>/dev/null | grep -qi dejavu || (apt-get install -y -qq fonts-dejavu-core >/dev/null || true)

run: install
	$(PY) -m indexer build
	$(PY) -m assistant serve --host 0.0.0.0 --port 8000

test: install-dev browser
	$(PY) -m ruff check assistant indexer eval ui tests
	$(PY) -m mypy
	$(PY) -m pytest -q -rs
	DQA_DATA_DIR=artifacts/eval-data $(PY) -m indexer build
	DQA_DATA_DIR=artifacts/eval-data $(PY) -m eval run --gold eval/gold/test.jsonl --out artifacts/eval-test
	$(PY) -m eval check --metrics artifacts/eval-test/metrics.json --floors eval/floors.json

lint: $(PY)
	$(PY) -m ruff check assistant indexer eval ui tests
	$(PY) -m mypy

# refresh the README screenshot (test runs otherwise write screenshots to artifacts/screenshots/ only)
screenshots: install-dev browser
	DQA_UPDATE_SCREENSHOTS=1 $(PY) -m pytest -q tests/ui/test_browser.py -k desktop_answer
