#!/usr/bin/env python3
"""Score the document frame: ingest every document the frame gold names (``gold/*.tsv``) into a
throw-away database with the ``zibo`` CLI, read ``zibo docs --json``, and hold each document's
type, region, region level, data year, months and target year against its gold line.

A field is right when it equals the gold, or when both say unknown. One line a half:

    tune     frames 180: type 93% | region 91% (level 95%) | data_year 96% | months 92% | target_year 90%

``-v`` lists the tune half's misses. The measure half is only counted: its misses are never
shown (a miss there is a sign to label more documents of that kind, not to fix that file).
``--json`` prints the scores as one JSON object (the tests read it).

    python tests/data/frames/score_frames.py [--zibo .venv/bin/zibo] [-v] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent  # tests/data
FIELDS = ("type", "region", "region_level", "data_year", "months", "target_year")
SHOWN = ("type", "region", "data_year", "months", "target_year")
TYPES = ("stats_release", "monthly_brief", "analysis", "bulletin_gongbao", "work_report", "plan",
         "plan_execution", "progress_on_report", "five_year_review", "yearbook", "news_about_report",
         "task_table", "task_bulletin", "other")
LEVELS = ("nation", "province", "city", "district", "county", "zone", "township")


@dataclass
class Gold:
    path: str  # from tests/data: frames/docs/f101_x.txt
    half: str
    fields: dict[str, str | None]
    where: str

    @property
    def name(self) -> str:
        return Path(self.path).name


def _dash(v: str) -> str | None:
    return None if v in ("-", "") else v


def load(strict: bool = True) -> list[Gold]:
    out: list[Gold] = []
    for tsv in sorted((HERE / "gold").glob("*.tsv")):
        for n, raw in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ")]
            where = f"{tsv.name}:{n}"
            if len(parts) < 10:
                raise ValueError(f"{where}: a frame line has 11 fields, not {len(parts)}")
            path, half, type_, region, level, year, months, target, published = parts[:9]
            if half not in ("tune", "measure") or type_ not in TYPES or (level != "-" and level not in LEVELS):
                raise ValueError(f"{where}: half, type or level not one of the allowed values")
            if not (DATA / path).is_file():
                if not strict:
                    continue
                raise ValueError(f"{where}: no document {path}")
            out.append(Gold(path, half, {
                "type": type_, "region": _dash(region), "region_level": _dash(level),
                "data_year": _dash(year), "months": _dash(months), "target_year": _dash(target),
                "published": _dash(published)}, where))
    return out


def _got(doc: dict) -> dict[str, str | None]:
    months = None
    if doc.get("start_month") and doc.get("end_month"):
        months = f"{doc['start_month']}-{doc['end_month']}"
    return {"type": doc.get("type"), "region": doc.get("region"), "region_level": doc.get("region_level"),
            "data_year": None if doc.get("data_year") is None else str(doc["data_year"]),
            "months": months,
            "target_year": None if doc.get("target_year") is None else str(doc["target_year"])}


def run_zibo(zibo: str, golds: list[Gold]) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for g in golds:  # one flat folder: every document is known by its base name
            shutil.copyfile(DATA / g.path, folder / g.name)
        env = dict(os.environ, ZIBO_DB=str(Path(tmp) / "frames.db"))
        subprocess.run([zibo, "ingest", str(folder), "-q"], env=env, check=False,
                       stdout=subprocess.DEVNULL)
        out = subprocess.run([zibo, "docs", "--json"], env=env, check=True, capture_output=True, text=True)
    return {d["document"]: d for d in json.loads(out.stdout)}


def score(golds: list[Gold], docs: dict[str, dict]) -> tuple[dict, list[str]]:
    scores: dict[str, dict] = {}
    misses: list[str] = []
    for half in ("tune", "measure"):
        part = [g for g in golds if g.half == half]
        right = dict.fromkeys(FIELDS, 0)
        for g in part:
            got = _got(docs.get(g.name, {}))
            for f in FIELDS:
                if got[f] == g.fields[f]:
                    right[f] += 1
                elif half == "tune":
                    misses.append(f"{g.name}: {f} {got[f]} (gold {g.fields[f]})")
        scores[half] = {"documents": len(part), **{f: (right[f] / len(part) if part else 0.0) for f in FIELDS}}
    return scores, misses


# The gold as it stood when a floor was set: tests/test_frames_gold.py holds each generation's
# floors on its own documents, so adding documents never lowers a floor already set.
GENERATIONS = {
    # batches A–G, the figure corpus and the task corpus's t01–t40 (492 documents)
    "2026-12-07": lambda g: g.where.split(":")[0] not in _LATER["2026-12-07"] and not _task_after(g, 40),
    # with batch H and the task corpus's t41–t64 (567 documents)
    "2026-12-08": lambda g: g.where.split(":")[0] not in _LATER["2026-12-08"] and not _task_after(g, 64),
    # with batch I and t65–t94 (653 documents)
    "2026-12-08b": lambda g: g.where.split(":")[0] not in _LATER["2026-12-08b"] and not _task_after(g, 94),
    # with batch J and t95–t115 (717 documents)
    "2026-12-08c": lambda g: g.where.split(":")[0] not in _LATER["2026-12-08c"] and not _task_after(g, 115),
    # with batch K and t116–t139 (778 documents)
    "2026-12-08d": lambda g: not _task_after(g, 139),
}
# the batches labelled after each generation
_LATER = {"2026-12-07": ("H.tsv", "I.tsv", "J.tsv", "K.tsv"), "2026-12-08": ("I.tsv", "J.tsv", "K.tsv"),
          "2026-12-08b": ("J.tsv", "K.tsv"), "2026-12-08c": ("K.tsv",)}


def _task_after(g: Gold, n: int) -> bool:
    stem = g.name.split("_", 1)[0]
    return g.path.startswith("realtasks/") and stem[1:].isdigit() and int(stem[1:]) > n


def line(half: str, s: dict) -> str:
    return (f"{half:<8} frames {s['documents']}: type {s['type']:.0%} | region {s['region']:.0%} "
            f"(level {s['region_level']:.0%}) | data_year {s['data_year']:.0%} | months {s['months']:.0%} "
            f"| target_year {s['target_year']:.0%}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zibo", default=str(Path(sys.executable).parent / "zibo"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list the tune half's misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    golds = load()
    docs = run_zibo(args.zibo, golds)
    scores, misses = score(golds, docs)
    generations = {name: score([g for g in golds if keep(g)], docs)[0] for name, keep in GENERATIONS.items()}
    if args.json:
        print(json.dumps({**scores, "generations": generations}))
        return 0
    if args.verbose:
        for m in misses:
            print(m)
    for half in ("tune", "measure"):
        print(line(half, scores[half]))
    for name, s in generations.items():
        for half in ("tune", "measure"):
            print(f"  (the gold of {name}) " + line(half, s[half]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
