"""The frame gold (tests/data/frames): sound, kept apart from the pages that measure the project
independently, split by the rule its README states, and zibo's frame scores on each half at or
above the floors set from the last honest measurement (raise them as the frame improves; never
lower one to make a change pass)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_acceptance import SCORER, ZIBO

FRAMES = Path(__file__).resolve().parent / "data" / "frames"
sys.path.insert(0, str(FRAMES))
import score_frames  # noqa: E402

# (type, region, data_year, months, target_year) per half, the type-first frame (README "The
# document frame"); before it the frame had no type and no region level. 2026-12-07, 372 documents:
# tune 61/84/80/77/86%, measure 61/78/83/77/87%; after the audit of the type boundaries, batches
# E–G (492 documents: the new ones are of the kinds the frame read worst, so the same rules score
# lower on them) and the rules that followed: tune 78/86/85/88/85%, measure 76/83/85/82/88%.
# Those floors hold on those 492 documents (score_frames.GENERATIONS), raised as the rules improved.
# 2026-12-08: batch H (51) and the task corpus's t41–t64 (24) made 567 documents; batch I (56) and
# t65–t94 (30) made 653, each round of the kinds read worst, so the same rules score lower on the
# whole. Each generation keeps its own floors; the whole gold gets floors of its own (2026-12-08, end of
# the day's rules: tune 76/88/86/85/88%, measure 72/84/81/81/86%).
# Batch J (43) and t95–t115 (21) made 717 documents (2026-12-08, evening): tune 76/88/85/85/86%,
# measure 72/85/81/81/86%.
FLOORS = {  # the whole gold as it stands (batches A–K, the figure corpus, the task corpus t01–t139)
    "tune": {"type": 0.78, "region": 0.87, "data_year": 0.86, "months": 0.85, "target_year": 0.87},
    "measure": {"type": 0.74, "region": 0.84, "data_year": 0.82, "months": 0.79, "target_year": 0.84},
}
GENERATION_FLOORS = {  # each generation of the gold keeps its floors: adding documents never lowers one
    "2026-12-07": {
        "tune": {"type": 0.81, "region": 0.89, "data_year": 0.89, "months": 0.89, "target_year": 0.89},
        "measure": {"type": 0.81, "region": 0.85, "data_year": 0.87, "months": 0.83, "target_year": 0.88},
    },
    "2026-12-08": {
        "tune": {"type": 0.81, "region": 0.88, "data_year": 0.88, "months": 0.88, "target_year": 0.88},
        "measure": {"type": 0.78, "region": 0.84, "data_year": 0.85, "months": 0.82, "target_year": 0.89},
    },
    "2026-12-08b": {
        "tune": {"type": 0.79, "region": 0.88, "data_year": 0.88, "months": 0.86, "target_year": 0.88},
        "measure": {"type": 0.77, "region": 0.85, "data_year": 0.82, "months": 0.81, "target_year": 0.86},
    },
    "2026-12-08c": {
        "tune": {"type": 0.78, "region": 0.88, "data_year": 0.86, "months": 0.85, "target_year": 0.87},
        "measure": {"type": 0.76, "region": 0.85, "data_year": 0.82, "months": 0.81, "target_year": 0.86},
    },
    "2026-12-08d": {
        "tune": {"type": 0.78, "region": 0.87, "data_year": 0.86, "months": 0.85, "target_year": 0.87},
        "measure": {"type": 0.74, "region": 0.84, "data_year": 0.82, "months": 0.79, "target_year": 0.84},
    },
}


@pytest.fixture(scope="module")
def golds():
    return score_frames.load()


def test_every_new_document_has_one_gold_line_and_the_split_rule_holds(golds):
    named = [g.path for g in golds]
    assert len(named) == len(set(named)), "a document has two gold lines"
    docs = sorted(f"frames/docs/{p.name}" for p in (FRAMES / "docs").iterdir())
    assert sorted(p for p in named if p.startswith("frames/")) == docs
    for g in golds:
        if g.path.startswith("frames/"):
            number = int(re.match(r"f(\d+)_", g.name)[1])
            assert g.half == ("measure" if number % 3 == 0 else "tune"), g.where


def test_the_gold_is_large_and_varied(golds):
    assert len(golds) >= 250
    by_type = {}
    for g in golds:
        by_type[g.fields["type"]] = by_type.get(g.fields["type"], 0) + 1
    thin = {t: n for t, n in by_type.items() if t != "other" and n < 12}
    assert not thin, f"types with fewer than 12 documents: {thin}"


def test_no_excluded_address():
    excluded_file = SCORER.parent / "excluded-sources.txt"
    if not excluded_file.exists():
        pytest.skip(f"no excluded-sources list beside the scorer ({excluded_file})")
    excluded = {ln.strip() for ln in excluded_file.read_text(encoding="utf-8").splitlines() if "://" in ln}
    lines = [ln for p in (FRAMES / "gold").glob("*.tsv") for ln in p.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    used = {ln.split(" | ")[9].strip() for ln in lines}
    assert not used & excluded


def test_frame_scores_stay_at_or_above_their_floors():
    out = subprocess.run([sys.executable, str(FRAMES / "score_frames.py"), "--zibo", str(ZIBO), "--json"],
                         check=True, capture_output=True, text=True)
    scores = json.loads(out.stdout)
    low = [f"{half} {field} {scores[half][field]:.0%} < {floor:.0%}"
           for half, floors in FLOORS.items() for field, floor in floors.items() if scores[half][field] < floor]
    for name, by_half in GENERATION_FLOORS.items():
        got = scores["generations"][name]
        low += [f"(gold of {name}) {half} {field} {got[half][field]:.0%} < {floor:.0%}"
                for half, floors in by_half.items() for field, floor in floors.items() if got[half][field] < floor]
    assert not low, "; ".join(low)
