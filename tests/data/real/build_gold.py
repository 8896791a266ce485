#!/usr/bin/env python3
"""Build the scorer's gold files for the real corpus from the hand-written ``gold.txt``.

``gold.txt`` is the source: it is shorter to read and write by hand than JSON, and every figure
carries the clause it was read from, so a check (``tests/test_real_corpus.py``) can confirm that
the quote stands in its document and that the value stands in the quote.

    == 01_some_report.txt | half=tune | exhaustive | task_count=3
    规上工业增加值;规模以上工业增加值 | 2024 | 1-5 | a | 9.2 | % | c | 1-5月,全市规模以上工业增加值175.8亿元,同比增长9.2%
    task | 1 | not_done | - | 县教育局 | 80%

A figure line: accepted names (canonical first, ``;`` between), year (``-`` when the text never
says it), months, ``a`` actual or ``t`` target, value, unit (``-`` for none), ``c`` core or ``e``
extra, and the quote. A task line: seq, status, reason (``-`` for none), departments that must be
named (``;`` between, ``-`` for none), text the progress cell must contain (``-`` for none).

    python tests/data/real/build_gold.py            # writes gold.json, tune.gold.json, measure.gold.json
    python tests/data/real/build_gold.py --check    # exit 1 when they are not up to date
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "gold.txt"
HALVES = ("tune", "measure")


@dataclass
class Doc:
    file: str
    half: str
    exhaustive: bool = False
    task_count: int | None = None
    figures: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)


def _dash(s: str) -> str | None:
    return None if s == "-" else s


def parse(text: str) -> list[Doc]:
    docs: list[Doc] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        where = f"gold.txt:{n}"
        if line.startswith("=="):
            head = parts[0][2:].strip()
            doc = Doc(file=head, half="")
            for opt in parts[1:]:
                if opt.startswith("half="):
                    doc.half = opt[5:]
                elif opt == "exhaustive":
                    doc.exhaustive = True
                elif opt.startswith("task_count="):
                    doc.task_count = int(opt[11:])
                else:
                    raise ValueError(f"{where}: unknown option {opt!r}")
            if doc.half not in HALVES:
                raise ValueError(f"{where}: half must be one of {HALVES}")
            docs.append(doc)
            continue
        if not docs:
            raise ValueError(f"{where}: a line before the first == header")
        doc = docs[-1]
        if parts[0] == "task":
            if len(parts) != 6:
                raise ValueError(f"{where}: a task line has 6 fields, not {len(parts)}")
            _, seq, status, reason, depts, progress = parts
            task = {"file": doc.file, "seq": seq, "status": status, "reason": _dash(reason)}
            if depts != "-":
                task["departments_include"] = depts.split(";")
            if progress != "-":
                task["progress_contains"] = progress
            doc.tasks.append(task)
            continue
        if len(parts) < 8:
            raise ValueError(f"{where}: a figure line has 8 fields, not {len(parts)}")
        names, year, months, kind, value, unit, tier = parts[:7]
        quote = "|".join(parts[7:])  # a quote may hold a '|' of its own
        start, _, end = months.partition("-")
        if kind not in ("a", "t") or tier not in ("c", "e"):
            raise ValueError(f"{where}: kind is a or t, tier c or e")
        doc.figures.append({
            "file": doc.file, "names": names.split(";"),
            "year": None if year == "-" else int(year),
            "start_month": int(start), "end_month": int(end or start),
            "kind": "actual" if kind == "a" else "target",
            "value": float(value) if "." in value else int(value),
            "unit": "" if unit == "-" else unit,
            "tier": "core" if tier == "c" else "extra",
            "quote": quote,
        })
    return docs


def gold_for(docs: list[Doc]) -> dict:
    out = {"indicators": [f for d in docs for f in d.figures],
           "tasks": [t for d in docs for t in d.tasks],
           "task_count": {d.file: d.task_count for d in docs if d.task_count is not None},
           "exhaustive": [d.file for d in docs if d.exhaustive]}
    return out


def outputs(docs: list[Doc]) -> dict[Path, str]:
    files = {HERE / "gold.json": gold_for(docs)}
    for half in HALVES:
        files[HERE / f"{half}.gold.json"] = gold_for([d for d in docs if d.half == half])
    return {p: json.dumps(g, ensure_ascii=False, indent=1) + "\n" for p, g in files.items()}


def load() -> list[Doc]:
    return parse(SOURCE.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    want = outputs(load())
    if "--check" in argv:
        stale = [p.name for p, text in want.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print(f"out of date: {', '.join(stale)}; run python {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    for path, text in want.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
