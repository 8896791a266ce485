"""`zibo targets` as a plain function (see zibo_cli/commands/__init__.py)."""

from __future__ import annotations

from pathlib import Path

from .messages import warn

HEADERS = {"target_qualifier": "", "actual_end_month": "to month", "target_document": "target from",
           "actual_document": "actual from", "direction": "way"}
TABLE_COLUMNS = ["name", "region", "year", "target", "direction", "actual", "actual_end_month", "pace", "gap", "unit",
                 "status", "target_document", "actual_document"]
WAYS = {"min": "≥", "max": "≤"}  # at least the target; a ceiling, at most


def targets(db: Path, fmt: str = "table", *, name: str | None = None, behind: bool = False, year: int | None = None,
            region: str | None = None, fields: str | None = None, limit: int | None = None,
            sort: str | None = None) -> None:
    from ..query import Zibo
    from ..query.targets import TARGET_COLUMNS
    from ..query.targets import targets as find
    from ..render import emit, listing, number, qualified

    listing(fields, limit, sort)
    from .messages import disagreement, say_assumed_region, say_disagreements

    with Zibo(db) as z:
        rows = find(z, name, year=year, region=region, behind=behind)
        for r in rows:
            r["disagreement"] = "; ".join(
                disagreement({kind: r[f"{kind}_values"]}, r["unit"]) for kind in ("target", "actual")
                if r.get(f"{kind}_values"))
        say_assumed_region(z, rows)
        if not rows:
            _say_why_empty(z, find, name, year, region, behind)
    if fmt != "table":
        columns = TARGET_COLUMNS + (["disagreement"] if fmt in ("csv", "tsv") else [])
        emit(rows, columns, fmt)
        return
    if not rows:
        return
    shown = []
    for r in rows:
        r = dict(r)
        r["target"] = (" ≠ ".join(number(v["value"]) for v in r["target_values"]) if r.get("target_values")
                       else qualified(r["target"], r["target_qualifier"]) + ("*" if r["target_derived"] else ""))
        r["actual"] = (" ≠ ".join(number(v["value"]) for v in r["actual_values"]) if r.get("actual_values")
                       else qualified(r["actual"], r["actual_qualifier"]))
        r["direction"] = WAYS.get(r["direction"], "")
        r["pace"] = number(r["pace"])
        r["gap"] = "" if r["gap"] is None else ("+" if r["gap"] > 0 else "") + number(r["gap"])
        r["period"] = str(r["year"])
        shown.append(r)
    say_disagreements(shown, "targets")
    emit(shown, TABLE_COLUMNS, fmt, title="targets", headers=HEADERS, max_widths={"target_document": 24,
                                                                                  "actual_document": 24})


def _say_why_empty(z, find, name: str | None, year: int | None, region: str | None, behind: bool) -> None:
    """An empty answer says why: no annual target at all, or none of them behind (with the count)."""
    of = (f" for {name!r}" if name else "") + (f" in {year}" if year else "") + (f" of {region}" if region else "")
    if not behind:
        warn(f"no annual targets{of}" + ("" if of else " in the database"))
        return
    every = find(z, name, year=year, region=region)
    if not every:
        warn(f"no annual targets{of}" + ("" if of else " in the database") + ", so none fell behind")
        return
    counts: dict[str, int] = {}
    for r in every:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    said = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    warn(f"no target fell behind{of} ({len(every)} annual target{'s' if len(every) > 1 else ''}: {said})")
