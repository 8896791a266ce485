#!/usr/bin/env python3
"""Build the scorer's gold for the task corpus (tests/data/realtasks) from the hand-written
``gold.txt`` (its header says the format): ``tune.gold.json`` and ``measure.gold.json``, task rows
and task counts only (this corpus has no figure gold).

    python tests/data/realtasks/build_gold.py            # write them
    python tests/data/realtasks/build_gold.py --check    # exit 1 when they are not up to date
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HALVES = ("tune", "measure")


def _dash(s: str) -> str | None:
    return None if s in ("-", "") else s


def parse(text: str) -> list[dict]:
    docs: list[dict] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if line.startswith("=="):
            doc = {"file": parts[0][2:].strip(), "half": "", "task_count": None, "tasks": []}
            for opt in parts[1:]:
                if opt.startswith("half="):
                    doc["half"] = opt[5:]
                elif opt.startswith("task_count="):
                    doc["task_count"] = int(opt[11:])
            if doc["half"] not in HALVES:
                raise ValueError(f"gold.txt:{n}: half must be one of {HALVES}")
            docs.append(doc)
            continue
        doc = docs[-1]
        if parts[0] == "counts":
            continue  # stated counts: the task summary's, not scored by rows
        if parts[0] != "task" or len(parts) < 6:
            raise ValueError(f"gold.txt:{n}: a task line has 6 to 8 fields")
        _, seq, status, reason, depts, progress, *more = parts + ["-", "-"]
        task = {"file": doc["file"], "seq": seq, "status": status, "reason": _dash(reason)}
        if _dash(depts):
            task["departments_include"] = depts.split(";")
        if _dash(progress):
            task["progress_contains"] = progress
        if _dash(more[0]):
            task["leader"] = more[0]
        if _dash(more[1]):
            task["next_steps_contains"] = more[1]
        doc["tasks"].append(task)
    return docs


def gold_for(docs: list[dict]) -> dict:
    return {"indicators": [], "tasks": [t for d in docs for t in d["tasks"]],
            "task_count": {d["file"]: d["task_count"] for d in docs if d["task_count"] is not None},
            "exhaustive": []}


def outputs() -> dict[Path, str]:
    docs = parse((HERE / "gold.txt").read_text(encoding="utf-8"))
    return {HERE / f"{half}.gold.json": json.dumps(gold_for([d for d in docs if d["half"] == half]),
                                                   ensure_ascii=False, indent=1) + "\n" for half in HALVES}


def main(argv: list[str]) -> int:
    want = outputs()
    if "--check" in argv:
        return 0 if all(p.exists() and p.read_text(encoding="utf-8") == t for p, t in want.items()) else 1
    for path, text in want.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
