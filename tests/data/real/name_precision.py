#!/usr/bin/env python3
"""Name precision on the real corpus: among the figures zibo emits from an exhaustive file whose
value and unit stand in that file's gold (changes in 百分点 and ranks aside, as the scorer's
precision), the share whose name is a gold name of a row with that amount.

    python tests/data/real/name_precision.py --zibo .venv/bin/zibo --scorer ../shared/acceptance/score.py [-v]

One line a half. ``-v`` lists the tune half's misnamed figures; the measure half is only counted
(SOURCES.md: it is never studied).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("zibo_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def name_precision(sc, gold: dict, recs: list[dict]) -> tuple[int, int, list[str]]:
    files = set(gold.get("exhaustive", []))
    by_file: dict[str, list[dict]] = {}
    for g in gold["indicators"]:
        by_file.setdefault(g["file"], []).append(g)
    seen, named, wrong = 0, 0, []
    for r in recs:
        f = sc.base(r.get("document"))
        if f not in files or r.get("measure") in ("change", "rank") or sc.norm(r.get("unit")) in sc.DELTA_UNITS:
            continue
        same = [g for g in by_file.get(f, []) if sc.same_amount(r.get("value"), r.get("unit"), g["value"], g["unit"])]
        if not same:
            continue
        seen += 1
        rnames = {sc.norm(r.get("name"))} | {sc.norm(a) for a in r.get("aliases") or []}
        if any(rnames & {sc.norm(n) for n in g["names"]} for g in same):
            named += 1
        else:
            wrong.append(f"  misnamed: {f[:24]} {r.get('name')} {r.get('value')}{r.get('unit') or ''}"
                         f" (gold: {' / '.join(g['names'][0] for g in same[:3])})")
    return named, seen, wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zibo", default="zibo")
    ap.add_argument("--scorer", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    sc = load_scorer(a.scorer)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ZIBO_DB": str(Path(tmp) / "z.db")}
        subprocess.run([a.zibo, "ingest", str(HERE / "docs"), "--quiet"], check=True, env=env, capture_output=True)
        recs = json.loads(subprocess.run([a.zibo, "indicator", "--json"], check=True, env=env,
                                         capture_output=True).stdout)
    for half in ("tune", "measure"):
        gold = json.loads((HERE / f"{half}.gold.json").read_text(encoding="utf-8"))
        named, seen, wrong = name_precision(sc, gold, recs)
        share = f"{named / seen:.1%}" if seen else "-"
        print(f"{half:<8} name precision {named}/{seen} ({share}) on exhaustive files")
        if a.verbose and half == "tune" and wrong:
            print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
