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

Each target has a direction (``direction``): ``min`` (at least: 以上, 不低于, 超过, and most targets)
or ``max`` (a ceiling: 以内, 以下, 控制在, 不超过, 低于…控制目标, a fall such as 下降2% or 降低3%以上, and
what should stay low whatever the words: 失业率, 能耗, PM2.5, 居民消费价格涨幅 …). "met" and
"on_track" mean the right side of it. A 左右 ("about") target counts as reached within 0.5
percentage points for a growth rate, within 1% for an amount.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..catalog import convert, unit_scale
from .judge import ABOUT_PP, ABOUT_SHARE, at_most, direction, judge
from .selection import (
    YOY_SQL,
    is_forecast,
    name_filter,
    place_sql,
    region_filter,
    region_level,
    series_key,
    shown_region,
    sole_region,
)

if TYPE_CHECKING:
    from . import Zibo

__all__ = ["targets", "judge", "direction", "at_most", "TARGET_COLUMNS", "STATUSES", "ABOUT_PP", "ABOUT_SHARE"]

TARGET_COLUMNS = ["name", "region", "year", "unit", "target", "target_qualifier", "direction", "actual",
                  "actual_start_month", "actual_end_month", "pace", "gap", "status",
                  "target_document", "actual_document"]
STATUSES = ("met", "on_track", "behind", "estimate", "unknown")
_SELECT = """
SELECT o.name, o.indicator_id, o.raw_name, o.year, o.start_month, o.end_month, o.kind, o.measure,
       o.value, o.unit, o.qualifier, o.region, o.task_seq, o.derived, d.document, o.char_offset, o.quote, o.id
FROM observations o JOIN documents d INDEXED BY idx_documents_id_document ON d.id = o.doc_id
"""


def _filters(z: Zibo, name: str | None, year: int | None, region: str | None) -> tuple[list[str], list[Any]]:
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
    return where, params


def _rows(z: Zibo, name: str | None, year: int | None, region: str | None) -> list[dict[str, Any]]:
    """Every figure a targets() question covers, in document order (the reference
    :func:`targets_reading_every_figure` groups)."""
    where, params = _filters(z, name, year, region)
    sql = _SELECT + " WHERE " + " AND ".join(where) + " ORDER BY o.year, d.document, o.char_offset, o.id"
    return z.rows(sql, tuple(params))


# Per series and year (the key of series_key: indicator or name, measure, base unit, place
# (region, or a document of unknown region alone), a task row's own name with its document and row), SQLite picks
# the first annual target in document order and the actual that says most about the year (as
# _latest: the furthest end month, a year-to-date figure, a stated one over a 预计, then the
# first in document order). Each choice is one max()/min() over a text that sorts in that
# order and ends with the figure's id, so only the chosen ids come back to Python.
_CHOICES = """
WITH pos AS (SELECT id, document, dense_rank() OVER (ORDER BY document) AS p
             FROM documents INDEXED BY idx_documents_document),
f AS (
  SELECT o.id, o.kind, o.start_month, o.end_month, o.qualifier, o.char_offset, d.p, o.year,
         coalesce(nullif(o.indicator_id, ''), o.name) AS k, o.measure, {base} AS base,
         {place} AS rk,
         CASE WHEN o.indicator_id IS NULL AND coalesce(o.task_seq, '') <> ''
              THEN d.document || char(31) || o.task_seq ELSE '' END AS tk
  FROM observations o JOIN pos d ON d.id = o.doc_id
  WHERE {where} AND ((o.kind = 'target' AND o.start_month = 1 AND o.end_month = 12)
                     OR (o.kind <> 'target' AND o.start_month IS NOT NULL AND o.end_month IS NOT NULL))
)
SELECT k, measure, base, rk, tk, year,
       min(CASE WHEN kind = 'target' THEN printf('%010d%013d%013d', p, coalesce(char_offset, -1) + 1, id) END),
       max(CASE WHEN kind <> 'target' THEN
           printf('%02d%d%d%010d%013d%013d', end_month, start_month = 1,
                  substr(coalesce(qualifier, ''), 1, 2) <> '预计', 9999999999 - p,
                  9999999999999 - (coalesce(char_offset, -1) + 1), 9999999999999 - id) END)
FROM f
GROUP BY k, measure, base, rk, tk, year
"""


def targets(z: Zibo, name: str | None = None, year: int | None = None, region: str | None = None,
            behind: bool = False) -> list[dict[str, Any]]:
    """Every annual target with the latest actual of its year and a status (module docstring).

    SQLite groups the figures and chooses (``_CHOICES``); Python reads only the chosen ones, so
    time and memory grow with the number of series, not of figures.
    :func:`targets_reading_every_figure` is the same in plain code (and the tests' reference).
    """
    where, params = _filters(z, name, year, region)
    clause = " AND ".join(where)
    # the base unit of each unit present, as one CASE (a join would compare every row with each)
    units = [r[0] for r in z.conn.execute("SELECT DISTINCT unit FROM observations") if r[0] is not None]
    base = ("CASE o.unit " + " ".join("WHEN ? THEN ?" for _ in units) + " ELSE '' END") if units else "''"
    unit_params = [x for u in units for x in (u, unit_scale(u)[1] or "")]
    sole = sole_region(z)
    sql = _CHOICES.replace("{base}", base).replace("{where}", clause).replace("{place}", place_sql(sole))
    # each series-year with an annual target: (year, its target's order text, the chosen actual's
    # id, its place); numbers and short texts only, however many figures there are
    chosen: list[tuple[int, str, int | None, str | None]] = []
    for *key, goal, actual in z.conn.execute(sql, (*unit_params, *params)):
        if goal is None:
            continue  # actuals of a series with no annual target that year
        chosen.append((key[-1], goal, None if actual is None else 9999999999999 - int(actual[-13:]),
                       shown_region(key[3], sole)))
    chosen.sort()  # year, then document, offset and id of the target (what the order text holds)
    out = []
    for at in range(0, len(chosen), _BATCH):  # the chosen figures are read a batch at a time
        batch = chosen[at:at + _BATCH]
        ids = [int(g[-13:]) for _, g, _, _ in batch] + [a for _, _, a, _ in batch if a is not None]
        rows = {r[-1]: r for r in z.conn.execute(_SELECT + " WHERE o.id IN (SELECT value FROM json_each(?))",
                                                 (json.dumps(ids),))}
        for _year, goal, actual, region_ in batch:
            t = rows[int(goal[-13:])]
            row = _judged(_as_dict(t), _as_dict(rows[actual]) if actual is not None else None, region_)
            if not behind or row["status"] == "behind":
                out.append(row)
    return _finished(z, out, name)


_BATCH = 2000


_FIELDS = ("name", "indicator_id", "raw_name", "year", "start_month", "end_month", "kind", "measure", "value",
           "unit", "qualifier", "region", "task_seq", "derived", "document", "char_offset", "quote", "id")


def _as_dict(row: tuple) -> dict[str, Any]:
    return dict(zip(_FIELDS, row, strict=True))


def targets_reading_every_figure(z: Zibo, name: str | None = None, year: int | None = None,
                                 region: str | None = None, behind: bool = False) -> list[dict[str, Any]]:
    """:func:`targets` grouped in Python over every figure: the reference the SQL must agree
    with (tests/test_targets.py), and the definition in plain code."""
    rows = _rows(z, name, year, region)
    sole = sole_region(z)
    goals: dict[tuple, dict[str, Any]] = {}
    actuals: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        key = (series_key(r, sole, task_scoped=True), r["year"])
        if r["kind"] == "target":
            if (r["start_month"], r["end_month"]) == (1, 12) and key not in goals:
                goals[key] = r
        elif r["start_month"] is not None and r["end_month"] is not None:
            actuals.setdefault(key, []).append(r)
    out = []
    for key, t in goals.items():
        row = _judged(t, _latest(actuals.get(key, [])), shown_region(key[0][3], sole))
        if not behind or row["status"] == "behind":
            out.append(row)
    return _finished(z, out, name)


def _latest(found: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The actual that says most about the year: the furthest end month, a stated figure over
    a forecast of the same months, the first document's."""
    if not found:
        return None
    return max(found, key=lambda r: (r["end_month"], r["start_month"] == 1, not is_forecast(r["qualifier"])))


def _finished(z: Zibo, out: list[dict[str, Any]], name: str | None) -> list[dict[str, Any]]:
    """The rows in order (region, year, name), each with what documents that disagree state about
    its target and its actual (``target_values``, ``actual_values``: None when they agree)."""
    from .indicators import conflicts_by_key

    sole = sole_region(z)
    # only the disagreements of the indicators and periods shown (--behind shows few): each row's
    # target year, and the actual chosen for it (of the same indicator)
    wanted = set()
    for row in out:
        t, a = row["_target"], row["_actual"]
        ikey = t["indicator_id"] or t["name"]
        wanted.add((ikey, t["year"], 1, 12, "target"))
        if a is not None:
            wanted.add((ikey, a["year"], a["start_month"], a["end_month"], a["kind"]))
    ikeys = {w[0] for w in wanted}
    found = {k: c["values"] for k, c in conflicts_by_key(z, name, ikeys=ikeys, wanted=wanted)} if out else {}
    for row in out:
        t, a = row.pop("_target"), row.pop("_actual")
        key = series_key(t, sole)
        row["target_values"] = found.get((*key, t["year"], 1, 12, "target"))
        row["actual_values"] = (found.get((*key, a["year"], a["start_month"], a["end_month"], "actual"))
                                if a is not None else None)
    out.sort(key=lambda r: (r["region"] is None, r["region"] or "", r["year"], r["name"]))
    return out


def _judged(t: dict[str, Any], a: dict[str, Any] | None, region: str | None) -> dict[str, Any]:
    # a rate (a growth, a share, a % level such as 失业率) is judged as it is; only an amount
    # (亿元, 万人, 个) accumulates over the year and is judged against the pro-rata pace
    growth = t["measure"] in ("growth", "change", "share", "rank") or t["unit"] in ("%", "‰", "")
    row = {
        "name": t["name"], "indicator_id": t["indicator_id"], "region": region, "region_level": region_level(region),
        "year": t["year"], "measure": t["measure"], "unit": t["unit"], "target": t["value"],
        "target_qualifier": t["qualifier"], "target_derived": bool(t["derived"]),
        "direction": direction(t["name"], t["value"], t["qualifier"], t.get("quote")), "actual": None,
        "actual_qualifier": None, "actual_start_month": None, "actual_end_month": None, "pace": None,
        "gap": None, "status": "unknown", "target_document": t["document"], "actual_document": None,
        "_target": t, "_actual": a,
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
    elif judge(mark, t["qualifier"], value, growth, row["direction"]):
        row["status"] = "met" if full_year else "on_track"
    else:
        row["status"] = "behind"
    return row
