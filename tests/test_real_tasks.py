"""The real task corpus (tests/data/realtasks): its gold is built from gold.txt, split by the number
rule, kept apart from the pages that measure the project independently, and zibo's task rows on
each half stay at or above the floor of the first measurement (raise them as the reader improves;
never lower one to make a change pass)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest

from tests.test_acceptance import RUN_SCORER, SCORER, zibo_on

TASKS = Path(__file__).resolve().parent / "data" / "realtasks"
# loaded by its path: tests/data/real has a build_gold module of its own
_spec = importlib.util.spec_from_file_location("realtasks_build_gold", TASKS / "build_gold.py")
task_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(task_gold)

# First measurement, 2026-12-07, with the structure stage (scorer: seq, status, reason and the
# fragments each gold row names): tune 38/144 rows, measure 14/76 rows.
# 2026-12-08: t41–t94 added (54 documents, 313 rows, of shapes the corpus lacked), then readers for
# them (numbered titles over paragraphs, bullets, status and band lists, plan lists, result lines,
# titled blocks, labelled sections): tune 229/368 rows, measure 26/178.
# t95–t115 (21 documents, 110 rows) then: tune 265/439, measure 26/220.
# 2026-12-08 (second session): t116–t139 added (24 documents, 140 rows; before any change for them
# tune 285/545, measure 26/254), then single-spaced tables, headed item statuses, shared project
# words: tune 295/545, measure 26/254.
FLOORS = {"tune": 293, "measure": 26}


def test_the_gold_json_is_built_from_gold_txt():
    assert task_gold.main(["--check"]) == 0, "run python tests/data/realtasks/build_gold.py"


def test_halves_follow_the_number_rule_and_every_document_has_gold():
    docs = task_gold.parse((TASKS / "gold.txt").read_text(encoding="utf-8"))
    assert sorted(d["file"] for d in docs) == sorted(p.name for p in (TASKS / "docs").iterdir())
    for d in docs:
        number = int(re.match(r"t(\d+)_", d["file"])[1])
        assert d["half"] == ("measure" if number % 3 == 0 else "tune"), d["file"]
    assert len(docs) >= 40 and sum(len(d["tasks"]) for d in docs) >= 200


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/acceptance/score.py is not here")
def test_no_address_is_one_that_measures_the_project_independently():
    excluded = {ln.strip() for ln in (SCORER.parent / "excluded-sources.txt").read_text(encoding="utf-8").splitlines()
                if ln.startswith("http")}
    used = set(re.findall(r"https?://\S+?(?=\s*\|)", (TASKS / "SOURCES.md").read_text(encoding="utf-8")))
    assert used and not used & excluded


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/acceptance/score.py is not here")
@pytest.mark.parametrize("half", sorted(FLOORS))
def test_task_rows_stay_above_their_floor(half, ingested):
    db = ingested(TASKS / "docs", copy=True)  # one ingest for both halves: a second one in each
    p = subprocess.run([*RUN_SCORER, "--docs", str(TASKS / "docs"), "--gold",
                        str(TASKS / f"{half}.gold.json"), "--zibo", zibo_on(db), "--min-core", "0", "--min-all", "0"],
                       capture_output=True, text=True, timeout=600)
    line = p.stdout.strip().splitlines()[-1]
    right = int(re.search(r"tasks (\d+)/", line)[1])
    assert right >= FLOORS[half], line
