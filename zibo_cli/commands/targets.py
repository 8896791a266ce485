"""`zibo targets` as a plain function (see zibo_cli/commands/__init__.py)."""

from __future__ import annotations

from pathlib import Path

from .messages import warn

HEADERS = {"target_qualifier": "", "actual_end_month": "to month", "target_document": "target from",
           "actual_document": "actual from"}
TABLE_COLUMNS = ["name", "region", "year", "target", "actual", "actual_end_month", "pace", "gap", "unit", "status",
                 "target_document", "actual_document"]



def targets(db: Path, fmt: str = "table", *, name: str | None = None, behind: bool = False, year: int | None = None,
            region: str | None = None) -> None:
    from ..query import Zibo
    from ..query.targets import TARGET_COLUMNS
    from ..query.targets import targets as find
    from ..render import emit

    with Zibo(db) as z:
        rows = find(z, name, year=year, region=region, behind=behind)
    if fmt != "table":
        emit(rows, TARGET_COLUMNS, fmt)
        return
    if not rows:
        warn("no target fell behind" if behind else "no annual targets" + (f" for {name!r}" if name else ""))
        return
    shown = []
    for r in rows:
        r = dict(r)
        r["target"] = f"{r['target']:g}{r['target_qualifier'] or ''}" + ("*" if r["target_derived"] else "")
        r["actual"] = "" if r["actual"] is None else f"{r['actual']:g}{r['actual_qualifier'] or ''}"
        r["pace"] = "" if r["pace"] is None else f"{r['pace']:g}"
        r["gap"] = "" if r["gap"] is None else f"{r['gap']:+g}"
        shown.append(r)
    columns = [c for c in TABLE_COLUMNS if c != "region" or any(r["region"] for r in rows)]
    emit(shown, columns, fmt, title="targets", headers=HEADERS, max_widths={"target_document": 24,
                                                                            "actual_document": 24})
