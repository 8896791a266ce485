"""Indicator queries: observations, one indicator's series over time, two periods compared.

    from zibo_cli.query import Zibo
    from zibo_cli.query import indicators as q
    with Zibo("zibo.db") as z:
        q.observations(z, "gdp")                       # every GDP figure, with its quote
        q.series(z, "固定资产投资")                       # target and actual per period, met?
        q.compare(z, "2024H1", "2024Q1-Q3")            # like with like, with the change

Plain dicts out; reads only, on the read-only connection of :class:`~zibo_cli.query.Zibo`.
Every value reaches SQLite as a parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..catalog import BY_ID, convert, unit_scale
from .judge import direction, judge
from .selection import (  # noqa: F401  (also read from here by the commands and scripts)
    BASES,
    DOC_MARK,
    KINDS,
    YOY_SQL,
    Selection,
    database_regions,
    figure_aliases,
    is_forecast,
    latest_year,
    name_filter,
    period_filter,
    place_of,
    place_sql,
    read_period,
    region_filter,
    region_level,
    regions_matching,
    resolve,
    series_key,
    shown_region,
    sole_region,
    where_clause,
    with_year,
)

if TYPE_CHECKING:  # periods (its many patterns) is imported only by the commands that read a period
    from ..periods import Period
    from . import Zibo

__all__ = ["OBSERVATION_COLUMNS", "SERIES_COLUMNS", "COMPARE_COLUMNS", "Selection", "resolve", "observations",
           "series", "compare", "conflicts", "catalogue", "read_period", "met_target", "is_forecast"]

OBSERVATION_COLUMNS = ["name", "region", "period", "kind", "value", "qualifier", "unit", "measure", "document"]
SERIES_COLUMNS = ["name", "region", "measure", "period", "target", "actual", "unit", "met", "documents"]
COMPARE_COLUMNS = ["name", "region", "measure", "unit", "a", "b", "change", "change_unit", "status"]

_SELECT = """
SELECT o.name, o.indicator_id, o.raw_name, o.year, o.start_month, o.end_month, o.period, o.kind,
       o.measure, o.value, o.unit, o.qualifier, d.document, o.char_offset, o.quote, o.task_seq,
       o.region, o.basis, o.base_period, o.derived
FROM observations o JOIN documents d ON d.id = o.doc_id
"""
_FROM = "FROM observations o JOIN documents d ON d.id = o.doc_id"
_ORDER = " ORDER BY o.year, o.start_month, o.end_month, d.document, o.char_offset, o.id"


def observations(z: Zibo, name: str | None = None, period: str | None = None,
                 kind: str | None = None, region: str | None = None,
                 basis: str | None = None) -> list[dict[str, Any]]:
    """Every figure (of one indicator, in one period, of one kind, region or basis), oldest
    period first.

    Each row has name, aliases, indicator_id, raw_name, year, start_month, end_month,
    period, kind, measure, value, unit, qualifier, document, char_offset, quote, task_seq,
    region, basis, base_period, derived.
    """
    return list(iter_observations(z, name, period, kind, region, basis))


def iter_observations(z: Zibo, name: str | None = None, period: str | None = None,
                      kind: str | None = None, region: str | None = None,
                      basis: str | None = None) -> Iterator[dict[str, Any]]:
    """:func:`observations` read as they are wanted (``zibo indicator --json`` streams them)."""
    where, params = where_clause(z, name, period, kind, region, basis)
    if where:
        # the ids first (from an index), then the rows in table order, not the index's order
        select = _SELECT.replace(_FROM, _JOIN_NAMES.strip())
        sql = f"{select} WHERE o.id IN (SELECT o.id FROM observations o{where}){_ORDER}"
    else:
        sql = _SELECT + _ORDER
    return _with_aliases(z.iter_rows(sql, params), sole_region(z))


def _json_columns() -> list[tuple[str, str]]:
    """(key, SQL expression) of each column of _SELECT, in order."""
    exprs = _SELECT.split("SELECT", 1)[1].split("FROM", 1)[0]
    return [(e.strip().rsplit(".", 1)[-1], e.strip()) for e in exprs.split(",")]


def iter_observations_json(z: Zibo, name: str | None = None, period: str | None = None,
                           kind: str | None = None, region: str | None = None,
                           basis: str | None = None) -> Iterator[str]:
    """:func:`iter_observations` as JSON text, each row built by SQLite (``json_object``) and
    only given its aliases here: at 10,000 reports ``indicator GDP --json`` is 30,000 rows, and
    building and encoding a dict for each cost more than the query. The same objects, keys in
    the same order (tests/test_query_fast_paths.py), written compactly."""
    sole = sole_region(z)
    region_sql = "nullif(o.region, '')"
    if sole:  # as _with_aliases: a figure of no known region is the database's one region's
        region_sql = f"coalesce(nullif(o.region, ''), '{sole.replace(chr(39), chr(39) * 2)}')"
    obj = "json_object(" + ", ".join(f"'{k}', {region_sql if k == 'region' else e}" for k, e in _json_columns()) + ")"
    where, params = where_clause(z, name, period, kind, region, basis)
    head = f"SELECT o.indicator_id, o.name, o.raw_name, o.measure, {region_sql}, {obj} "
    if where:
        sql = f"{head}{_JOIN_NAMES.strip()} WHERE o.id IN (SELECT o.id FROM observations o{where}){_ORDER}"
    else:
        sql = f"{head}{_FROM}{_ORDER}"
    from ..render import RawJSON  # written as it is by render

    cur = z.conn.execute(sql, params)
    aliases: dict[tuple, str] = {}
    levels: dict[str | None, str] = {}

    def rows() -> Iterator[str]:
        for ind, name_, raw, measure, place, text in cur:
            key = (ind, name_, raw, measure)
            found = aliases.get(key)
            if found is None:
                row = {"indicator_id": ind, "name": name_, "raw_name": raw, "measure": measure}
                found = aliases[key] = json.dumps(figure_aliases(row), ensure_ascii=False, separators=(",", ":"))
            level = levels.get(place)
            if level is None:
                level = levels[place] = json.dumps(region_level(place))
            yield RawJSON(f'{text[:-1]},"aliases":{found},"region_level":{level}}}')

    return rows()


def _with_aliases(rows: Iterable[dict[str, Any]], sole: str | None = None) -> Iterator[dict[str, Any]]:
    """Each figure with its aliases, its region (a figure of no known region in a database whose
    documents name one region only is taken to be about it: :func:`sole_region`) and its level."""
    aliases: dict[tuple, list[str]] = {}  # the same few names repeat on every row
    for r in rows:
        key = (r["indicator_id"], r["name"], r["raw_name"], r.get("measure"))
        found = aliases.get(key)
        if found is None:
            found = aliases[key] = figure_aliases(r)
        r["aliases"] = found.copy()
        if "region" in r:
            r["region"] = r["region"] or sole or None
            r["region_level"] = region_level(r["region"])
        yield r


# What makes figures alike for series() and compare(), in SQL: series_key with the unit
# as written (a finer split than its base unit), and whether a figure is an estimate.
def _key_columns(sole: str | None) -> list[str]:
    return ["coalesce(nullif(o.indicator_id, ''), o.name)", "o.measure", "o.unit", place_sql(sole)]


_FORECAST_SQL = "substr(o.qualifier, 1, 2) = '预计'"


# Joins that need only a document's name read the index on (id, document), not the
# rows that carry each document's text.
_JOIN_NAMES = " FROM observations o JOIN documents d INDEXED BY idx_documents_id_document ON d.id = o.doc_id"


def _first_rows(z: Zibo, where: str, params: tuple, classes: list[str], order: str,
                firsts: list[str] | None = None) -> list[dict[str, Any]]:
    """The figures ``where`` selects, but only those in the document that holds the first
    figure (in ``order``: the class, then document, char_offset, id) of their class
    (``classes``: SQL expressions). Every class's first figure is among them, and so is
    every figure of its class that comes before it. With ``firsts`` (those documents, if
    known) every figure of those documents is taken, whatever its class.

    series() and compare() only ever take the first figure of such a class, so they give
    the same answer on these rows as on every row, without reading (and quoting) them all.
    """
    through_names = ("FROM documents d INDEXED BY idx_documents_document "
                     "CROSS JOIN observations o INDEXED BY idx_observations_doc_id ON o.doc_id = d.id")
    and_ = where + " AND" if where else " WHERE"
    if firsts is not None:
        sql = (_SELECT.replace(_FROM, through_names) + and_
               + " d.document IN (SELECT value FROM json_each(?))" + order)
        return z.rows(sql, (*params, json.dumps(sorted(firsts))))
    keys = ", ".join(f"{c} AS k{i}" for i, c in enumerate(classes))
    firsts_sql = (f"SELECT {keys}, min(d.document) AS first{_JOIN_NAMES}{where} "
                  f"GROUP BY {', '.join(f'k{i}' for i in range(len(classes)))}")
    sql = (_SELECT.replace(_FROM, f"FROM ({firsts_sql}) f CROSS JOIN documents d INDEXED BY idx_documents_document "
                                  "ON d.document = f.first CROSS JOIN observations o INDEXED BY "
                                  "idx_observations_doc_id ON o.doc_id = d.id")
           + and_ + " " + " AND ".join(f"{c} IS f.k{i}" for i, c in enumerate(classes)) + order)
    return z.rows(sql, params + params)


def met_target(target: float, qualifier: str | None, actual: float, rate: bool = True,
               way: str | None = None) -> bool:
    """Did the actual meet the target? The judgement of ``zibo targets`` (query.targets.judge):
    at or above it; at or below it for a ceiling (``way`` ``max``: query.targets.direction);
    a 左右 ("about") target within 0.5 percentage points for a rate, 1% for an amount."""
    return judge(target, qualifier, actual, rate, way)


def series(z: Zibo, name: str | None = None, kind: str | None = None,
           quotes: bool = True, region: str | None = None, basis: str = "yoy",
           keys: bool = False) -> list[dict[str, Any]]:
    """One row per indicator, measure and period: target and actual side by side, and
    whether the target was met where both exist. Values of one series are shown in the
    unit of its first figure (3.15万人 and 31500人 are one amount).

    ``quotes=False`` leaves out each row's ``quotes`` (every sentence behind it) and
    reads only the figures that decide the values, grouping the rest in SQL. Figures of
    different regions are different series (a row per region, never merged); only
    year-on-year figures and levels are compared unless ``basis`` says otherwise.

    ``keys``: each row also has ``_series``, what makes its figures one series (indicator,
    measure, base unit, place), for the charts of ``--periods --chart``.
    """
    where, params = where_clause(z, name, kind=kind, region=region, basis=basis)
    sole = sole_region(z)
    if quotes:
        out = _series(z.rows(_SELECT + where + _ORDER, params), sole, quotes=True)
        for g in out:
            names = g.get("documents") or []
            g["documents"], g["documents_count"] = names[:DOCUMENTS_SHOWN], len(names)
        return _with_conflicts(z, out, name, keys)
    scope = ("CASE WHEN o.indicator_id IS NULL AND o.task_seq <> '' THEN d.document END, "
             "CASE WHEN o.indicator_id IS NULL AND o.task_seq <> '' THEN o.task_seq END")
    period = "o.year, o.start_month, o.end_month"
    # per class (the first target, the first actual, the first actual that is no estimate):
    # the document of its first figure, and every document with a figure of it
    docs: dict[tuple, set[str]] = {}
    firsts: set[str] = set()
    key_sql = ", ".join(_key_columns(sole))
    for ikey, measure, unit, place, doc, seq, year, start, end, first, names in z.conn.execute(
            f"SELECT {key_sql}, {scope}, {period}, min(d.document), json_group_array(DISTINCT d.document)"
            f"{_JOIN_NAMES}{where} GROUP BY {key_sql}, {scope}, {period}, o.kind, {_FORECAST_SQL}", params):
        key = (ikey, measure, unit_scale(unit)[1], place) + ((doc, seq) if doc is not None else ())
        docs.setdefault((key, year, start, end), set()).update(json.loads(names))
        firsts.add(first)
    rows = _first_rows(z, where, params, [], _ORDER, list(firsts))
    out = _series(rows, sole, quotes=False)
    for g in out:
        # the figures of one row share its period, so they come in document order
        names = sorted(docs.get((g.pop("_key"), g["year"], g["start_month"], g["end_month"]), ()))
        g["documents"], g["documents_count"] = names[:DOCUMENTS_SHOWN], len(names)
    return _with_conflicts(z, out, name, keys)


def _with_conflicts(z: Zibo, out: list[dict[str, Any]], name: str | None, keys: bool = False) -> list[dict[str, Any]]:
    """Mark the rows of series() whose figures disagree between documents: ``values`` lists
    what each document states, per kind ({"actual": [...], "target": [...]})."""
    by_kind: dict[tuple, dict[str, list]] = {}
    for key, c in conflicts_by_key(z, name):  # key: the series (as series_key), the period, the kind
        by_kind.setdefault(key[:-1], {})[c["kind"]] = c["values"]
    for g in out:
        series_key = g.pop("_place_key")
        g["values"] = by_kind.get((*series_key, g["year"], g["start_month"], g["end_month"]))
        if keys:
            g["_series"] = series_key
    return out


def _series(rows: list[dict[str, Any]], sole: str | None, quotes: bool) -> list[dict[str, Any]]:
    units: dict[tuple, str] = {}
    groups: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        skey = series_key(r, sole, task_scoped=True)
        unit = units.setdefault(skey, r["unit"])
        key = (*skey, r["year"], r["start_month"], r["end_month"])
        g = groups.get(key)
        if g is None:
            region = shown_region(skey[3], sole)
            g = groups[key] = {
                "name": r["name"], "indicator_id": r["indicator_id"], "region": region,
                "region_level": region_level(region), "measure": r["measure"], "unit": unit,
                "year": r["year"], "start_month": r["start_month"], "end_month": r["end_month"],
                "period": r["period"], "target": None, "target_qualifier": None, "actual": None,
                "actual_qualifier": None, "target_direction": None, "met": None, "documents": [],
            }
            g["_place_key"] = skey[:4]  # what _with_conflicts matches on
            if quotes:
                g["quotes"] = []
            else:
                g["_key"] = skey
        value = convert(r["value"], r["unit"], unit)
        replaces_forecast = (r["kind"] == "actual" and is_forecast(g["actual_qualifier"])
                             and not is_forecast(r["qualifier"]))
        if (g[r["kind"]] is None or replaces_forecast) and value is not None:
            g[r["kind"]] = round(value, 10)
            g[f"{r['kind']}_qualifier"] = r["qualifier"]
            if r["kind"] == "target":

                g["target_direction"] = direction(r["name"], g["target"], r["qualifier"], r["quote"])
        if quotes:
            if r["document"] not in g["documents"]:
                g["documents"].append(r["document"])
            g["quotes"].append(r["quote"])
    out = list(groups.values())
    for g in out:
        if g["target"] is not None and g["actual"] is not None and not is_forecast(g["actual_qualifier"]):
            rate = g["measure"] in ("growth", "change", "share", "rank") or g["unit"] in ("%", "‰", "")
            g["met"] = met_target(g["target"], g["target_qualifier"], g["actual"], rate, g["target_direction"])
    out.sort(key=lambda g: (g["name"], g["_place_key"][3].startswith(DOC_MARK), g["_place_key"][3], g["measure"],
                            g["year"] or 0, g["end_month"] or 0, g["start_month"] or 0))
    return out


def compare(z: Zibo, a: str, b: str, region: str | None = None) -> list[dict[str, Any]]:
    a, b = with_year(z, a), with_year(z, b)
    return _compare(z, a, b, region)


def _compare(z: Zibo, a: str, b: str, region: str | None = None) -> list[dict[str, Any]]:
    """Every indicator reported in period ``a`` or ``b`` (actual figures, exact months).

    Like is compared with like: the same indicator, measure and unit (amounts in other
    prefixes are converted: 31500人 → 3.15万人). ``change`` is b − a (percentage points
    for a % figure), null when either side is missing; ``status`` says which.
    """
    pa, pb = read_period(a), read_period(b)
    sole = sole_region(z)
    rows_a = _actuals(z, pa, region)
    rows_b = _actuals(z, pb, region)
    order: list[tuple] = []
    first_a: dict[tuple, dict] = {}
    first_b: dict[tuple, dict] = {}
    for rows, first in ((rows_a, first_a), (rows_b, first_b)):
        for r in rows:
            key = series_key(r, sole)
            if key not in first:
                first[key] = r
            if key not in order:
                order.append(key)
    out: list[dict[str, Any]] = []
    keys: list[tuple] = []
    for key in order:
        ra, rb = first_a.get(key), first_b.get(key)
        ref = ra or rb
        assert ref is not None
        unit = ref["unit"]
        va = ra["value"] if ra else None
        vb = convert(rb["value"], rb["unit"], unit) if rb else None
        change = round(vb - va, 10) if va is not None and vb is not None else None
        region_ = shown_region(key[3], sole)
        out.append({
            "name": ref["name"], "indicator_id": ref["indicator_id"], "region": region_,
            "region_level": region_level(region_), "measure": ref["measure"], "unit": unit, "a": va,
            "b": None if vb is None else round(vb, 10), "change": change,
            "change_unit": None if change is None else "百分点" if unit == "%" else unit,
            "a_period": pa.label, "b_period": pb.label,
            "a_document": ra["document"] if ra else None, "b_document": rb["document"] if rb else None,
            "a_quote": ra["quote"] if ra else None, "b_quote": rb["quote"] if rb else None,
            "a_qualifier": ra["qualifier"] if ra else None, "b_qualifier": rb["qualifier"] if rb else None,
            "status": "both" if ra and rb else "only_a" if ra else "only_b",
            "a_values": None, "b_values": None,
        })
        keys.append(key)
    if out:  # documents that state the same figure differently: every value, with its documents
        found = {k: c["values"] for k, c in conflicts_by_key(z, periods=(pa, pb), kind="actual")}
        for row, key in zip(out, keys, strict=True):
            for side, p in (("a", pa), ("b", pb)):
                row[f"{side}_values"] = found.get((*key, p.year, p.start_month, p.end_month, "actual"))
    rank = {"both": 0, "only_a": 1, "only_b": 2}
    out.sort(key=lambda r: rank[r["status"]])
    return out


def _actuals(z: Zibo, p: Period, region: str | None = None) -> list[dict[str, Any]]:
    """Actual year-on-year figures (and levels) of period ``p``, each indicator's preferred
    first: catalogued, not an estimate, then in document order. Only those that can come
    first for their indicator, measure, unit and region are read (see _first_rows)."""
    where = f" WHERE o.kind = 'actual' AND o.year = ? AND o.start_month = ? AND o.end_month = ? AND {YOY_SQL}"
    params: tuple = (p.year, p.start_month, p.end_month)
    if region:
        sql, rp = region_filter(z, region)
        where += " AND " + sql
        params += rp
    preference = ["(o.indicator_id IS NULL)", "(COALESCE(o.qualifier, '') LIKE '预计%')"]
    order = f" ORDER BY {', '.join(preference)}, d.document, o.char_offset, o.id"
    return _first_rows(z, where, params, _key_columns(sole_region(z)) + preference, order)


# figures that may disagree: of one series (catalogued, or an uncatalogued name outside a task
# row, which is its row's own), stated (an estimate gives way to a stated figure), of one basis.
# Only the figures of classes (indicator, measure, period, kind) that two documents state with two
# values (or one number in two units: 6.5亿元, 6.5万元) are read: a coarser class than conflicts()
# groups by (no unit, no place), so no conflict is missed, and the few rows read are grouped
# exactly in Python.
_IKEY = "coalesce(nullif(o.indicator_id, ''), o.name)"
_CONFLICT_WHERE = f"""o.year IS NOT NULL AND o.start_month IS NOT NULL AND {YOY_SQL}
  AND NOT (nullif(o.indicator_id, '') IS NULL AND coalesce(o.task_seq, '') <> '')
  AND NOT {_FORECAST_SQL.replace('o.qualifier', "coalesce(o.qualifier, '')")}"""
_CONFLICT_SQL = f"""
WITH classes AS (
  SELECT {_IKEY} AS k, o.measure, o.year, o.start_month, o.end_month, o.kind FROM observations o
  WHERE {_CONFLICT_WHERE} {{only}}
  GROUP BY k, o.measure, o.year, o.start_month, o.end_month, o.kind
  HAVING count(DISTINCT o.doc_id) > 1 AND count(DISTINCT o.value || ' ' || coalesce(o.unit, '')) > 1)
SELECT {_IKEY} AS ikey, o.name, o.measure, o.unit, o.region, o.year, o.start_month,
       o.end_month, o.kind, o.value, d.document
FROM observations o JOIN documents d INDEXED BY idx_documents_id_document ON d.id = o.doc_id
WHERE {_CONFLICT_WHERE} {{only}}
  AND ({_IKEY}, coalesce(o.measure, ''), o.year, o.start_month, coalesce(o.end_month, -1), o.kind) IN (
    SELECT k, coalesce(measure, ''), year, start_month, coalesce(end_month, -1), kind FROM classes)
ORDER BY o.year, o.start_month, o.end_month, d.document, o.char_offset, o.id
"""
# (one pass over the figures, each looked up among the classes: a join of the classes with the
# figures scanned a period's figures for every class, 10 s at 3,000 reports. A NULL measure or end
# month is read with '' or -1 of the same class: rows read beyond a class are grouped exactly below,
# and a group that disagrees lies within a class that does, so the answer is the same.)


def conflicts(z: Zibo, name: str | None = None) -> list[dict[str, Any]]:
    """Where documents state different values for one (place, indicator, measure, period, kind):
    each with its values and the documents that state them. A document that restates a figure
    identically is no conflict; amounts in other prefixes are converted (3.15万人 = 31500人).
    Figures of different regions never conflict, nor do those of a document whose region is
    unknown with another document's (see :func:`place_of`)."""
    return [c for _, c in conflicts_by_key(z, name)]


def conflicts_by_key(z: Zibo, name: str | None = None, periods: tuple[Period, ...] = (),
                     kind: str | None = None, ikeys: Iterable[str] | None = None,
                     wanted: set[tuple] | None = None) -> list[tuple[tuple, dict[str, Any]]]:
    """:func:`conflicts`, each with its key: the series key of series_key, the period, the kind.
    ``periods`` and ``kind`` read only the classes of those periods and that kind (compare's);
    ``ikeys`` only those of these indicators (ids, or names of uncatalogued figures: targets');
    ``wanted`` only the (indicator, year, first month, last month, kind) an answer shows."""
    only, params = "", ()
    if name:
        sel = resolve(z, name)
        keep = sorted({sel.entry.id} if sel.entry else set(sel.names))
        only, params = f"AND {_IKEY} IN (SELECT value FROM json_each(?))", (json.dumps(keep),)
    if ikeys is not None:
        only += f" AND {_IKEY} IN (SELECT value FROM json_each(?))"
        params += (json.dumps(sorted(set(ikeys)), ensure_ascii=False),)
    if periods:
        only += " AND (" + " OR ".join(["(o.year = ? AND o.start_month = ? AND o.end_month = ?)"] * len(periods)) + ")"
        params += tuple(v for p in periods for v in (p.year, p.start_month, p.end_month))
    if kind:
        only += " AND o.kind = ?"
        params += (kind,)
    sole = sole_region(z)
    # tuples, not dicts: at 10,000 reports a name like GDP has ~30,000 such figures
    rows = z.conn.execute(_CONFLICT_SQL.replace("{only}", only), params * 2)  # read as grouped, not held
    groups: dict[tuple, dict[str, Any]] = {}
    entries: dict[tuple, dict[float, dict[str, Any]]] = {}  # each group's values by value
    scales: dict[str | None, str] = {}
    last: dict[int, str] = {}  # the last document counted for each value
    for ikey, name_, measure, unit, region, year, start, end, kind, raw, document in rows:
        if wanted is not None and (ikey, year, start, end, kind) not in wanted:
            continue
        base = scales.get(unit)
        if base is None:
            base = scales[unit] = unit_scale(unit)[1]
        place = place_of(region, year, document, sole)
        key = (ikey, measure, base, place, year, start, end, kind)
        g = groups.get(key)
        if g is None:  # what only a conflict shows (its region, level, period label) is made at the end
            g = groups[key] = {"name": name_, "unit": unit, "values": []}
            entries[key] = {}
        value = raw if unit == g["unit"] else convert(raw, unit, g["unit"])
        if value is None:
            continue
        value = round(value, 6)
        by_value = entries[key]
        entry = by_value.get(value)
        if entry is None:
            entry = by_value[value] = {"value": value, "documents": [document], "documents_count": 1}
            g["values"].append(entry)
        elif document != last.get(id(entry)):  # a group's rows come in document order
            entry["documents_count"] += 1
            if len(entry["documents"]) < DOCUMENTS_SHOWN:
                entry["documents"].append(document)
        last[id(entry)] = document
    out = []
    for k, g in groups.items():
        if len(g["values"]) > 1 and len({d for v in g["values"] for d in v["documents"]}) > 1:
            _ikey, measure, _base, place, year, start, end, kind = k
            shown = shown_region(place, sole)
            out.append((k, {"name": g["name"], "region": shown, "region_level": region_level(shown),
                            "measure": measure, "unit": g["unit"], "year": year, "start_month": start,
                            "end_month": end, "period": _label(year, start, end), "kind": kind,
                            "values": g["values"]}))
    return out


# The documents a row names (in series(), and behind each value of a conflict): the first ones,
# with their count. At 100,000 reports a period of GDP is stated by thousands of documents; the
# answer names enough to look them up (zibo indicator NAME --source lists every sentence).
DOCUMENTS_SHOWN = 20


def _label(year, start, end) -> str | None:
    from ..periods import Period, PeriodError

    try:
        return Period(year, start, end).label
    except PeriodError:
        return None


def periods_with_figures(z: Zibo) -> list[str]:
    """The periods the database has actual figures for (for hints)."""
    rows = z.conn.execute("SELECT DISTINCT year, start_month, end_month FROM observations "
                          "WHERE kind = 'actual' AND year IS NOT NULL AND start_month IS NOT NULL "
                          "ORDER BY year, start_month, end_month").fetchall()
    from ..periods import Period, PeriodError

    out = []
    for y, s, e in rows:
        try:
            out.append(Period(y, s, e).label)
        except PeriodError:
            continue
    return out


def catalogue(z: Zibo | None = None) -> list[dict[str, Any]]:
    """The catalogue, with how many figures each indicator has in the database (if given)."""
    counts: dict[str, int] = {}
    if z is not None:
        counts = {r[0]: r[1] for r in z.conn.execute(
            "SELECT indicator_id, COUNT(*) FROM observations WHERE indicator_id IS NOT NULL "
            "GROUP BY indicator_id")}
    return [{"id": ind.id, "name": ind.name, "english": ind.english, "aliases": list(ind.aliases),
             "figures": counts.get(ind.id, 0)} for ind in BY_ID.values()]
