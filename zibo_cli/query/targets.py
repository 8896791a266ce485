"""Are we on track? Each annual target against the latest actual of its year.

    from zibo_cli.query import Zibo
    from zibo_cli.query.targets import targets
    with Zibo("zibo.db") as z:
        targets(z, behind=True)            # every annual target the latest figure falls short of

One row per (region, indicator, measure, year) with a target for months 1–12. Its status:

* ``met``: a full-year actual meets it;
* ``on_track`` / ``behind``: a year-to-date actual against it. A growth rate is judged against
  the growth target itself; a cumulative amount against the pro-rata pace, target × months/12
  (the 序时进度 government bulletins use); a full-year actual that falls short is ``behind``;
* ``estimate``: the only actual is a forecast (预计), which never counts as ``met``;
* ``unknown``: no actual of that year yet.

Qualifiers decide the direction: 以上, 不低于, 超过 (and no qualifier): at least; 以内, 以下,
控制在, 不超过, 低于, and a negative target (下降2%): at most. A 左右 ("about") target counts as
reached within 0.5 percentage points for a growth rate, within 1% for an amount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..catalog import convert
from .indicators import YOY_SQL, _by_region, _series_key, is_forecast, name_filter, region_filter

if TYPE_CHECKING:
    from . import Zibo

__all__ = ["targets", "judge", "TARGET_COLUMNS", "STATUSES", "ABOUT_PP", "ABOUT_SHARE"]

TARGET_COLUMNS = ["name", "region", "year", "unit", "target", "target_qualifier", "actual",
                  "actual_start_month", "actual_end_month", "pace", "gap", "status",
                  "target_document", "actual_document"]
STATUSES = ("met", "on_track", "behind", "estimate", "unknown")
ABOUT_PP = 0.5  # 左右 for a growth rate: within half a percentage point
ABOUT_SHARE = 0.01  # 左右 for an amount: within 1%

_AT_MOST = ("以内", "以下", "控制在", "不超过", "低于", "之内")

_SELECT = """
SELECT o.name, o.indicator_id, o.raw_name, o.year, o.start_month, o.end_month, o.kind, o.measure,
       o.value, o.unit, o.qualifier, o.region, o.task_seq, o.derived, d.document, o.char_offset
FROM observations o JOIN documents d ON d.id = o.doc_id
"""


def at_most(target: float, qualifier: str | None) -> bool:
    """Is the target a ceiling (以内, 以下, 控制在 …, or a fall: 下降2% is -2)?"""
    q = qualifier or ""
    return any(w in q for w in _AT_MOST) or target < 0


def judge(target: float, qualifier: str | None, actual: float, growth: bool) -> bool:
    """Does ``actual`` reach ``target`` (see the module docstring for the directions)?"""
    about = "左右" in (qualifier or "")
    slack = (ABOUT_PP if growth else abs(target) * ABOUT_SHARE) if about else 0.0
    if at_most(target, qualifier):
        return actual <= target + slack
    return actual >= target - slack


def _rows(z: Zibo, name: str | None, year: int | None, region: str | None) -> list[dict[str, Any]]:
    where = [YOY_SQL, "o.year IS NOT NULL"]
    params: list[Any] = []
    if name:
        sql, p = name_filter(z, name)
        where.append(sql)
        params.extend(p)
    if year is not None:
        where.append("o.year = ?")
        params.append(year)
    if region:
        sql, p = region_filter(z, region)
        where.append(sql)
        params.extend(p)
    sql = _SELECT + " WHERE " + " AND ".join(where) + " ORDER BY o.year, d.document, o.char_offset, o.id"
    return z.rows(sql, tuple(params))


def targets(z: Zibo, name: str | None = None, year: int | None = None, region: str | None = None,
            behind: bool = False) -> list[dict[str, Any]]:
    """Every annual target with the latest actual of its year and a status (module docstring)."""
    rows = _rows(z, name, year, region)
    by_region = _by_region(rows)
    goals: dict[tuple, dict[str, Any]] = {}
    actuals: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        key = (_series_key(r, task_scoped=True, by_region=by_region), r["year"])
        if r["kind"] == "target":
            if (r["start_month"], r["end_month"]) == (1, 12) and key not in goals:
                goals[key] = r
        elif r["start_month"] is not None and r["end_month"] is not None:
            actuals.setdefault(key, []).append(r)
    out = []
    for key, t in goals.items():
        row = _judged(t, actuals.get(key, []), by_region)
        if not behind or row["status"] == "behind":
            out.append(row)
    out.sort(key=lambda r: (r["region"] or "", r["year"], r["name"]))
    return out


def _latest(found: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The actual that says most about the year: the furthest end month, a stated figure over
    a forecast of the same months, the first document's."""
    if not found:
        return None
    return max(found, key=lambda r: (r["end_month"], r["start_month"] == 1, not is_forecast(r["qualifier"])))


def _judged(t: dict[str, Any], found: list[dict[str, Any]], by_region: bool) -> dict[str, Any]:
    a = _latest(found)
    # a rate (a growth, a share, a % level such as 失业率) is judged as it is; only an amount
    # (亿元, 万人, 个) accumulates over the year and is judged against the pro-rata pace
    growth = t["measure"] in ("growth", "change", "share", "rank") or t["unit"] in ("%", "‰", "")
    row = {
        "name": t["name"], "indicator_id": t["indicator_id"], "region": t["region"] if by_region else
        next((r["region"] for r in [t, *found] if r["region"]), None),
        "year": t["year"], "measure": t["measure"], "unit": t["unit"], "target": t["value"],
        "target_qualifier": t["qualifier"], "target_derived": bool(t["derived"]), "actual": None,
        "actual_qualifier": None, "actual_start_month": None, "actual_end_month": None, "pace": None,
        "gap": None, "status": "unknown", "target_document": t["document"], "actual_document": None,
    }
    if a is None:
        return row
    value = convert(a["value"], a["unit"], t["unit"])
    if value is None:
        return row
    months = a["end_month"] - a["start_month"] + 1 if a["start_month"] == 1 else None
    row.update(actual=round(value, 10), actual_qualifier=a["qualifier"], actual_start_month=a["start_month"],
               actual_end_month=a["end_month"], actual_document=a["document"])
    full_year = (a["start_month"], a["end_month"]) == (1, 12)
    if growth or full_year:
        mark = t["value"]
    elif months is not None:
        mark = round(t["value"] * months / 12, 10)
        row["pace"] = mark
    else:
        return row  # a single month's amount says nothing of the year's target
    row["gap"] = round(value - mark, 10)
    if is_forecast(a["qualifier"]):
        row["status"] = "estimate"
    elif judge(mark, t["qualifier"], value, growth):
        row["status"] = "met" if full_year else "on_track"
    else:
        row["status"] = "behind"
    return row
