# zibo: two commands do everything on a fresh machine with only Python:
#   make demo   set up .venv, install, ingest seeds/, run sample queries
#   make test   set up .venv, install, run lint and the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= $(CURDIR)/demo.db
export ZIBO_DB := $(DB)

.PHONY: demo test lint bench install clean score

$(BIN)/zibo: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/zibo

demo: install
	@echo "== zibo ingest seeds/  (database: $(DB))"
	$(BIN)/zibo ingest seeds/
	@echo; echo "== zibo docs"
	$(BIN)/zibo docs
	@echo; echo "== the same again: nothing changes"
	$(BIN)/zibo ingest seeds/ --quiet
	@echo; echo "== zibo indicator 固定资产投资 --periods"
	$(BIN)/zibo indicator 固定资产投资 --periods
	@echo; echo "== zibo compare 2024H1 2024Q1-Q3"
	$(BIN)/zibo compare 2024H1 2024Q1-Q3

lint: install
	$(BIN)/ruff check zibo_cli tests bench

test: install lint
	$(BIN)/python -m pytest

score: install
	$(BIN)/python ../shared/acceptance/score.py --docs seeds --gold ../shared/acceptance/seeds.gold.json --zibo $(BIN)/zibo -v

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .ruff_cache
