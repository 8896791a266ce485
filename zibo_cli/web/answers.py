"""The web view's answers, computed from the database whenever they are asked for.

Everything here takes a :class:`~zibo_cli.query.Zibo` (the CLI's library, on any connection:
Datasette's own read connection in ``zibo serve``, a fresh one in ``zibo report``), so a page
shows what the database holds at the moment it is asked, and judges targets exactly as
``zibo targets`` does. No Datasette here: ``zibo report`` uses it without a server.

A place is a region as documents and figures store it; rows with none are the place
:data:`NO_PLACE` (未注明地区). A figure is cited by its document's SHA-256 and the offset of
its sentence in the document's text: ``/-/figure/SHA256/OFFSET`` stays the same address for
the same file in any database.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..query import Zibo

__all__ = ["NO_PLACE", "STATUS_LABELS", "places", "default_choice", "scorecard", "target_rows",
           "unfinished_tasks", "task_departments", "latest_figures", "figure", "series_points",
           "series_list", "fmt", "figure_path", "VIEW_ROWS"]

NO_PLACE = "未注明地区"
STATUS_LABELS = {"met": "已完成", "on_track": "符合序时", "behind": "落后", "estimate": "仅有预计",
                 "unknown": "暂无实际"}
STATUS_ORDER = {"behind": 0, "on_track": 1, "estimate": 2, "met": 3, "unknown": 4}
TASK_STATUS_LABELS = {"done": "已完成", "partial": "基本完成", "not_done": "未完成", "unknown": "未注明"}
MEASURE_LABELS = {"growth": "增长", "level": "总量", "change": "变化", "share": "占比", "rank": "位次"}


def fmt(value: float | None, unit: str | None = None, sign: bool = False) -> str:
    """6.1 → '6.1', 2800 → '2,800', 1099.80591 → '1,099.81', with the unit after it ('6.1%')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    v = float(value)
    text = f"{v:,.0f}" if v == int(v) and abs(v) < 1e15 else f"{v:,.2f}".rstrip("0").rstrip(".")
    if sign and v > 0:
        text = "+" + text
    return text + (unit or "")


def figure_path(sha256: str | None, offset: int | None) -> str | None:
    """The permanent address of a figure's sentence (relative to the server's root)."""
    if not sha256 or offset is None:
        return None
    return f"/-/figure/{sha256}/{int(offset)}"


def _place_sql(column: str) -> str:
    return f"coalesce(nullif({column}, ''), '{NO_PLACE}') = ?"


# -- places and years ------------------------------------------------------------------
def places(z: Zibo) -> list[dict[str, Any]]:
    """Every place with its number of documents and the years its figures and tasks are of,
    most documents first (rows that name no place last)."""
    docs = {r["place"]: r["n"] for r in z.rows(
        f"SELECT coalesce(nullif(region, ''), '{NO_PLACE}') AS place, count(*) AS n FROM documents "
        "GROUP BY 1")}
    years: dict[str, set[int]] = {}
    for table in ("observations", "tasks"):
        for r in z.rows(f"SELECT DISTINCT coalesce(nullif(region, ''), '{NO_PLACE}') AS place, year "
                        f"FROM {table} WHERE year IS NOT NULL"):
            years.setdefault(r["place"], set()).add(r["year"])
    out = [{"place": p, "documents": docs.get(p, 0), "years": sorted(years.get(p, ()), reverse=True)}
           for p in set(docs) | set(years)]
    out.sort(key=lambda r: (r["place"] == NO_PLACE, -r["documents"], -len(r["years"]), r["place"]))
    return out


def default_choice(z: Zibo, place: str | None = None, year: int | None = None) -> tuple[str | None, int | None]:
    """The place and year a page shows: those asked for, else the named place with most
    documents and its latest year (also when the place has nothing of the year asked for)."""
    found = places(z)
    if not place:
        place = found[0]["place"] if found else None
    years = next((p["years"] for p in found if p["place"] == place), [])
    if year is None or (years and year not in years):
        year = years[0] if years else year
    return place, year


# -- the three questions ---------------------------------------------------------------
def _figure_ref(z: Zibo, document: str | None, key: str, year: int, target: bool,
                months: tuple[int | None, int | None] | None = None) -> dict[str, Any] | None:
    """The figure a targets row names (its document, indicator and months): the first in the
    document, as ``zibo targets`` chooses."""
    if not document:
        return None
    sql = ("SELECT d.sha256, o.char_offset, o.quote, o.value, o.unit FROM observations o "
           "JOIN documents d ON d.id = o.doc_id WHERE d.document = ? "
           "AND coalesce(nullif(o.indicator_id, ''), o.name) = ? AND o.year = ? AND "
           + ("o.kind = 'target' AND o.start_month = 1 AND o.end_month = 12" if target else
              "o.kind <> 'target' AND o.start_month IS ? AND o.end_month IS ?")
           + " ORDER BY o.char_offset, o.id LIMIT 1")
    params: tuple = (document, key, year) + (() if target else tuple(months or (None, None)))
    rows = z.rows(sql, params)
    return rows[0] if rows else None


def _period_label(year: int | None, start: int | None, end: int | None) -> str:
    if year is None or start is None or end is None:
        return ""
    if (start, end) == (1, 12):
        return f"{year}年全年"
    if start == end:
        return f"{year}年{end}月"
    return f"{year}年{start}-{end}月"


def target_rows(z: Zibo, place: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """``zibo targets`` for a place and a year, each row with its direction, Chinese status and
    the addresses of its target's and its actual's sentences; behind first."""
    from ..query.targets import at_most, targets

    out = []
    for r in targets(z, year=year):
        p = r["region"] or NO_PLACE
        if place and p != place:
            continue
        key = r.get("indicator_id") or r["name"]
        t = _figure_ref(z, r["target_document"], key, r["year"], True)
        a = _figure_ref(z, r["actual_document"], key, r["year"], False,
                        (r["actual_start_month"], r["actual_end_month"]))
        direction = r.get("direction")
        if direction is None and r["target"] is not None:
            direction = "max" if at_most(r["target"], r["target_qualifier"]) else "min"
        out.append({
            **r, "place": p, "direction": direction,
            "direction_label": {"max": "不高于", "min": "不低于"}.get(direction or "", ""),
            "status_label": STATUS_LABELS.get(r["status"], r["status"]),
            "actual_period": _period_label(r["year"], r["actual_start_month"], r["actual_end_month"]),
            "target_text": fmt(r["target"], r["unit"]) + (r["target_qualifier"] or ""),
            "actual_text": fmt(r["actual"], r["unit"]) if r["actual"] is not None else "—",
            "pace_text": fmt(r["pace"], r["unit"]) if r["pace"] is not None else "",
            "gap_text": fmt(r["gap"], "个百分点" if r["unit"] == "%" else r["unit"], sign=True)
            if r["gap"] is not None else "",
            "target_link": figure_path(t and t["sha256"], t and t["char_offset"]),
            "actual_link": figure_path(a and a["sha256"], a and a["char_offset"]),
            "target_source": t and f"{t['sha256']}:{t['char_offset']}",
            "actual_source": a and f"{a['sha256']}:{a['char_offset']}",
        })
    out.sort(key=lambda r: (STATUS_ORDER.get(r["status"], 9), r["place"], -(r["year"] or 0), r["name"]))
    return out


_TASK_SQL = f"""
SELECT t.seq, t.category, t.status, t.status_raw, t.annual_target, t.progress, t.reason, t.next_steps,
       t.leader, t.departments, t.departments_raw, t.completion_rate, t.year, t.period,
       coalesce(nullif(t.region, ''), '{NO_PLACE}') AS place, t.char_offset,
       d.document, d.title, d.sha256
FROM tasks t JOIN documents d ON d.id = t.doc_id
"""


def _departments(row: dict[str, Any]) -> list[str]:
    try:
        found = json.loads(row["departments"] or "[]")
    except ValueError:
        found = []
    return [str(d).strip() for d in found if str(d).strip()] if isinstance(found, list) else []


def unfinished_tasks(z: Zibo, place: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """Tasks not done, each with its list of departments."""
    where, params = ["t.status <> 'done'"], []
    if place:
        where.append(_place_sql("t.region"))
        params.append(place)
    if year is not None:
        where.append("t.year = ?")
        params.append(year)
    rows = z.rows(_TASK_SQL + " WHERE " + " AND ".join(where) + " ORDER BY t.year DESC, d.document, t.row_index, t.id",
                  tuple(params))
    for r in rows:
        r["department_list"] = _departments(r)
        r["status_label"] = TASK_STATUS_LABELS.get(r["status"], r["status"])
        r["link"] = figure_path(r["sha256"], r["char_offset"])
    return rows


def task_departments(z: Zibo) -> list[dict[str, Any]]:
    """Every task once per department it names (a task naming none: once, no department)."""
    out = []
    for r in z.rows(_TASK_SQL + " ORDER BY t.year DESC, d.document, t.row_index, t.id"):
        for dep in _departments(r) or [None]:
            out.append({"department": dep, "seq": r["seq"], "status": TASK_STATUS_LABELS.get(r["status"], r["status"]),
                        "place": r["place"], "year": r["year"], "period": r["period"], "category": r["category"],
                        "annual_target": r["annual_target"], "progress": r["progress"], "reason": r["reason"],
                        "leader": r["leader"], "document": r["document"],
                        "source": f"{r['sha256']}:{r['char_offset']}" if r["char_offset"] is not None else None})
    return out


_FIGURE_SQL = f"""
SELECT o.name, o.indicator_id, o.year, o.start_month, o.end_month, o.period, o.kind, o.measure, o.basis,
       o.value, o.unit, o.qualifier, o.quote, o.char_offset, coalesce(nullif(o.region, ''), '{NO_PLACE}') AS place,
       d.document, d.title, d.sha256, d.published, o.id
FROM observations o JOIN documents d ON d.id = o.doc_id
"""


def _latest_key(r: dict[str, Any]) -> tuple:
    from ..query.indicators import is_forecast

    return (r["end_month"] or 0, r["start_month"] == 1, not is_forecast(r["qualifier"]), -(r["id"] or 0))


def latest_figures(z: Zibo, place: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """The latest actual of each indicator (name, measure, basis, unit) of a place and year:
    the furthest months, a year-to-date figure, a stated one over a forecast."""
    where, params = ["o.kind <> 'target'", "o.value IS NOT NULL", "o.task_seq IS NULL"], []
    if place:
        where.append(_place_sql("o.region"))
        params.append(place)
    if year is not None:
        where.append("o.year = ?")
        params.append(year)
    best: dict[tuple, dict[str, Any]] = {}
    for r in z.iter_rows(_FIGURE_SQL + " WHERE " + " AND ".join(where), tuple(params)):
        key = (r["place"], r["indicator_id"] or r["name"], r["measure"], r["basis"] or "", r["unit"] or "")
        if key not in best or _latest_key(r) > _latest_key(best[key]):
            best[key] = r
    out = sorted(best.values(), key=lambda r: (r["indicator_id"] is None, r["name"], r["measure"] or ""))
    for r in out:
        _describe(r)
    return out


def _describe(r: dict[str, Any]) -> dict[str, Any]:
    r["value_text"] = fmt(r["value"], r["unit"]) + (r["qualifier"] or "" if r["qualifier"] != "预计" else "")
    r["measure_label"] = MEASURE_LABELS.get(r["measure"] or "", r["measure"] or "")
    r["period_label"] = _period_label(r["year"], r["start_month"], r["end_month"]) or (r["period"] or "")
    r["forecast"] = (r["qualifier"] or "").startswith("预计")
    r["link"] = figure_path(r["sha256"], r["char_offset"])
    r["source"] = f"{r['sha256']}:{r['char_offset']}" if r["char_offset"] is not None else None
    return r


def scorecard(z: Zibo, place: str | None = None, year: int | None = None) -> dict[str, Any]:
    """The three questions for a place and a year (default: :func:`default_choice`)."""
    asked = year
    place, year = default_choice(z, place, year)
    goals = target_rows(z, place, year)
    found = places(z)
    return {
        "place": place, "year": year, "places": found, "asked_year": asked if asked != year else None,
        "years": next((p["years"] for p in found if p["place"] == place), []),
        "targets": goals,
        "counts": {s: sum(1 for g in goals if g["status"] == s) for s in STATUS_LABELS},
        "tasks": unfinished_tasks(z, place, year),
        "latest": latest_figures(z, place, year),
    }


# -- one figure, one series ------------------------------------------------------------
def figure(z: Zibo, sha256: str, offset: int, context: int = 160) -> dict[str, Any] | None:
    """A figure's sentence in its document: the text before and after it, the figures it
    states, and the document's title, date, publisher and address. None if no such document."""
    docs = z.rows("SELECT id, document, title, published, publisher, source, period, region, text "
                  "FROM documents WHERE sha256 = ?", (sha256,))
    if not docs:
        return None
    d = docs[0]
    text = d.pop("text") or ""
    figs = [_describe(r) for r in z.rows(_FIGURE_SQL + " WHERE o.doc_id = ? AND o.char_offset = ? ORDER BY o.id",
                                         (d["id"], offset))]
    tasks = z.rows("SELECT seq, status, annual_target, progress FROM tasks WHERE doc_id = ? AND char_offset = ?",
                   (d["id"], offset))
    quote = figs[0]["quote"] if figs and figs[0]["quote"] else ""
    if not quote and 0 <= offset < len(text):  # a task row: its line
        end = text.find("\n", offset)
        quote = text[offset:end if end >= 0 else len(text)]
    stop = _quote_end(text, offset, quote)
    if stop is None:
        return {**d, "sha256": sha256, "offset": offset, "figures": figs, "tasks": tasks, "found": False,
                "before": "", "quote": quote, "after": ""}
    # the quote's own paragraph, cut at ``context`` characters either side
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", stop)
    end = len(text) if end < 0 else end
    before, after = text[start:offset], text[stop:end]
    quote = text[offset:stop]  # the document's own words (the stored quote writes 第六 as 第6)
    if len(before) > context:
        before = "…" + before[-context:]
    if len(after) > context:
        after = after[:context] + "…"
    return {**d, "sha256": sha256, "offset": offset, "figures": figs, "tasks": tasks, "found": True,
            "before": before, "quote": quote, "after": after}


def _quote_end(text: str, offset: int, quote: str) -> int | None:
    """Where the quote starting at ``offset`` ends in the text: exactly, or, when the stored
    quote normalised it (numerals: 第六 → 第6), where its last matching characters are."""
    if not quote or not 0 <= offset < len(text):
        return None
    if text.startswith(quote, offset):
        return offset + len(quote)
    import difflib

    window = text[offset:offset + len(quote) + 20]
    blocks = [b for b in difflib.SequenceMatcher(None, quote, window, autojunk=False).get_matching_blocks() if b.size]
    if not blocks or blocks[0].b != 0 or sum(b.size for b in blocks) < 0.7 * len(quote):
        return None
    return offset + blocks[-1].b + blocks[-1].size


def series_list(z: Zibo, place: str | None = None) -> list[dict[str, Any]]:
    """Indicators with actuals in more than one dated period, per place: the series worth a chart
    (a chart draws only figures with a year; the yearless stay in the table under it)."""
    where, params = "", ()
    if place:
        where, params = " AND " + _place_sql("o.region"), (place,)
    return z.rows(
        f"SELECT o.name, coalesce(nullif(o.region, ''), '{NO_PLACE}') AS place, count(DISTINCT o.period) AS periods "
        f"FROM observations o WHERE o.kind <> 'target' AND o.value IS NOT NULL AND o.year IS NOT NULL{where} "
        "GROUP BY 1, 2 HAVING periods > 1 ORDER BY periods DESC, o.name", params)


def series_points(z: Zibo, name: str, place: str | None = None) -> list[dict[str, Any]]:
    """Every figure of an indicator (by name or catalogue id) in a place, oldest first, each
    with its address; targets included (kind)."""
    where = ["(o.name = ? OR o.indicator_id = ?)"]
    params: list[Any] = [name, name]
    if place:
        where.append(_place_sql("o.region"))
        params.append(place)
    rows = z.rows(_FIGURE_SQL + " WHERE " + " AND ".join(where)
                  + " ORDER BY o.year, o.end_month, o.start_month DESC, o.kind, d.document, o.char_offset",
                  tuple(params))
    return [_describe(r) for r in rows if r["value"] is not None]


# -- live views: rows for the SQL views of zibo_answers ----------------------------------
def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _targets_view(z: Zibo) -> list[dict[str, Any]]:
    return [{"指标": r["name"], "地区": r["place"], "年份": r["year"], "状态": r["status_label"],
             "方向": r["direction_label"], "目标": r["target"], "目标说明": r["target_qualifier"],
             "最新实际": _round(r["actual"]), "实际期间": r["actual_period"], "序时进度": _round(r["pace"]),
             "差距": _round(r["gap"]),
             "单位": r["unit"], "目标来源": r["target_source"], "实际来源": r["actual_source"],
             "status": r["status"]} for r in target_rows(z)]


def _tasks_view(z: Zibo) -> list[dict[str, Any]]:
    return [{"部门": r["department"], "序号": r["seq"], "状态": r["status"], "地区": r["place"], "年份": r["year"],
             "期间": r["period"], "类别": r["category"], "年度目标": r["annual_target"], "进展": r["progress"],
             "未完成原因": r["reason"], "分管领导": r["leader"], "文件": r["document"], "来源": r["source"]}
            for r in task_departments(z)]


def _latest_view(z: Zibo) -> list[dict[str, Any]]:
    return [{"指标": r["name"], "地区": r["place"], "年份": r["year"], "期间": r["period_label"],
             "口径": r["measure_label"], "数值": r["value"], "单位": r["unit"], "说明": r["qualifier"],
             "文件": r["document"], "来源": r["source"]} for r in latest_figures(z)]


def _conflicts_view(z: Zibo) -> list[dict[str, Any]]:
    from ..query.indicators import conflicts

    return [{"指标": c["name"], "地区": c["region"], "期间": c["period"], "类型": c["kind"], "单位": c["unit"],
             "各文件数值": json.dumps(c["values"], ensure_ascii=False)} for c in conflicts(z)]


def _catalogue_view(z: Zibo) -> list[dict[str, Any]]:
    from ..query.indicators import catalogue

    return [{"id": c["id"], "指标": c["name"], "英文": c["english"], "别名": "、".join(c["aliases"]),
             "数据条数": c["figures"]} for c in catalogue(z)]


# name → (columns, rows): each becomes a view of zibo_answers over zibo_answer('name')
VIEW_ROWS = {
    "targets": (["指标", "地区", "年份", "状态", "方向", "目标", "目标说明", "最新实际", "实际期间", "序时进度", "差距",
                 "单位", "目标来源", "实际来源", "status"], _targets_view),
    "unfinished_tasks": (["部门", "序号", "状态", "地区", "年份", "期间", "类别", "年度目标", "进展", "未完成原因",
                          "分管领导", "文件", "来源"], _tasks_view),
    "latest_figures": (["指标", "地区", "年份", "期间", "口径", "数值", "单位", "说明", "文件", "来源"], _latest_view),
    "conflicts": (["指标", "地区", "期间", "类型", "单位", "各文件数值"], _conflicts_view),
    "catalogue": (["id", "指标", "英文", "别名", "数据条数"], _catalogue_view),
}


BASIS_LABELS = {"yoy": "同比", "avg_2y": "两年平均", "mom": "环比", "vs_period": "比上期", "vs_target": "比目标"}


def series_charts(z: Zibo, name: str, place: str | None = None, href=None, lang: str = "zh") -> dict[str, Any]:
    """An indicator's figures in a place, one chart per measure, basis and unit (growth rates
    and amounts are not drawn on one axis), each point a link to its figure (``href`` turns a
    figure's address into the link: an anchor in a static page); titles and labels in ``lang``."""
    from .chart import series_svg
    from .i18n import indicator_english, translator

    _ = translator(lang)
    shown = (indicator_english(name) or name) if lang == "en" else name

    groups: dict[tuple, list[dict[str, Any]]] = {}
    points = series_points(z, name, place)
    for p in points:
        if href is not None:
            p["link"] = href(p["link"])
        groups.setdefault((p["measure"] or "", p["basis"] or "", p["unit"] or ""), []).append(p)
    charts = []
    for (measure, basis, unit), rows in sorted(groups.items(), key=lambda g: -len(g[1])):
        label = "·".join(_(x) for x in (MEASURE_LABELS.get(measure, measure), BASIS_LABELS.get(basis, "")) if x)
        title = f"{shown} {label}" if label else shown
        # a figure whose year its document does not say (a bare "M04") has no place on a time
        # axis: it stays in the table under the chart, not in the chart
        dated = [r for r in rows if r["year"] is not None]
        charts.append({"title": title, "unit": unit, "points": rows,
                       "svg": series_svg(dated, title, unit, lang=lang) if dated else ""})
    return {"points": points, "charts": charts,
            "places": sorted({p["place"] for p in series_points(z, name)})}
