# zibo: two commands do everything on a fresh machine with only Python:
#   make demo   set up .venv, install, ingest seeds/, run sample queries
#   make test   set up .venv, install, run lint and the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= $(CURDIR)/demo.db
export ZIBO_DB := $(DB)

.PHONY: demo test test-browser lint bench install clean docs score score-real score-frames fuzz need-scorer schema

$(BIN)/zibo: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,web]'
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
	@echo; echo "== zibo indicator GDP --periods --chart"
	$(BIN)/zibo indicator GDP --periods --chart
	@echo; echo "== zibo compare 2024H1 2024Q1-Q3 --common"
	$(BIN)/zibo compare 2024H1 2024Q1-Q3 --common
	@echo; echo "== zibo tasks --incomplete"
	$(BIN)/zibo tasks --incomplete
	@echo; echo "== zibo search 淄博烧烤"
	$(BIN)/zibo search 淄博烧烤
	@echo; echo "== zibo tasks --json | first task's seq, status and departments"
	$(BIN)/zibo tasks --json | $(BIN)/python -c "import json,sys; t=json.load(sys.stdin)[0]; print(t['seq'], t['status'], t['departments'])"
	@echo; echo "== zibo targets --behind"
	$(BIN)/zibo targets --behind
	@echo; echo "Done. Next: export ZIBO_DB=$(DB); $(VENV)/bin/zibo tasks --summary   (or $(VENV)/bin/zibo serve)"

lint: install
	$(BIN)/ruff check zibo_cli tests bench docs

# The suite, in under five minutes; the browser tests (headless Chromium over zibo serve, ~3 min)
# are their own target, which .ci/run runs after it.
test: install lint
	$(BIN)/python -m pytest -m "not browser"

test-browser: install
	$(BIN)/python -m pytest -m browser tests/test_web_browser.py

# The acceptance scorer lives beside the project (../shared/acceptance), not in it: a clone
# elsewhere names it with SCORER=path/to/score.py.
SCORER ?= $(firstword $(wildcard ../shared/acceptance/score.py ../../shared/acceptance/score.py))
need-scorer:
	@test -n "$(SCORER)" || { echo "no acceptance scorer here: make $(MAKECMDGOALS) SCORER=path/to/score.py" >&2; exit 2; }

score: install need-scorer
	$(BIN)/python $(SCORER) --docs seeds --gold $(dir $(SCORER))seeds.gold.json --zibo $(BIN)/zibo -v

# The scorer on the real corpus (tests/data/real): one line for the half tuned on, one for the
# half only measured (SOURCES.md says which is which), then each half's name precision (name_precision.py:
# among figures whose amount stands in an exhaustive file's gold, the share with a gold name).
REAL := tests/data/real
score-real: install need-scorer
	@for half in tune measure; do \
	  printf '%-8s ' "$$half"; \
	  $(BIN)/python $(SCORER) --docs $(REAL)/docs --gold $(REAL)/$$half.gold.json \
	    --zibo $(BIN)/zibo --min-core 0 --min-all 0 | tail -n 1; \
	done
	@for half in tune measure; do \
	  printf '%-8s task corpus (tests/data/realtasks): ' "$$half"; \
	  $(BIN)/python $(SCORER) --docs tests/data/realtasks/docs --gold tests/data/realtasks/$$half.gold.json \
	    --zibo $(BIN)/zibo --min-core 0 --min-all 0 | tail -n 1 | grep -o 'tasks [0-9]*/[0-9]*'; \
	done
	@$(BIN)/python $(REAL)/name_precision.py --zibo $(BIN)/zibo --scorer $(SCORER)

# The document frame (type, region, data year, months, target year) against its hand-read gold
# (tests/data/frames): one line a half; -v lists the tune half's misses (FRAMES_ARGS=-v).
score-frames: install
	@$(BIN)/python tests/data/frames/score_frames.py --zibo $(BIN)/zibo $(FRAMES_ARGS)

# Property tests with random seeds and many examples, over and over for FUZZ_SECONDS (default
# 600); `make test` runs the same tests derandomized. Turn what this finds into @example cases.
FUZZ_SECONDS ?= 600
FUZZ_TESTS := tests/test_properties.py tests/test_periods_speed.py tests/test_indicators_speed.py \
	tests/test_indicators_general.py tests/test_tasks_parse.py tests/test_normalize.py tests/test_fuzz_stages.py
fuzz: install
	@end=$$(( $$(date +%s) + $(FUZZ_SECONDS) )); round=0; \
	while [ $$(date +%s) -lt $$end ]; do \
	  round=$$((round + 1)); echo "== fuzz round $$round"; \
	  ZIBO_HYPOTHESIS=fuzz ZIBO_FUZZ_EXAMPLES=$${ZIBO_FUZZ_EXAMPLES:-500} $(BIN)/python -m pytest -q -p no:cacheprovider \
	    $(FUZZ_TESTS) || exit 1; \
	done; echo "fuzzing found nothing in $$round rounds ($(FUZZ_SECONDS) s)"

# Benchmarks: 1,000 and 10,000 generated reports (BENCH_BIG=1: also 100,000, ~40 minutes more);
# the editable install beside a normal one built from a wheel. Figures, not pass/fail tests.
bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .ruff_cache

# docs/commands.md: the command reference, from each command's --help (tests/test_docs.py checks it)
docs: install
	$(BIN)/python docs/make_commands.py

# zibo_cli/schema.py: the schema a new database gets in one step (run after adding a migration)
schema: install
	$(BIN)/python -c "from pathlib import Path; from zibo_cli.store import write_schema_module as w; w(Path('zibo_cli/schema.py'))"
