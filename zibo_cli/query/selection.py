"""What a query selects: the indicator a name a user typed means, the periods, regions and bases
it asks for (as SQL on ``o``, observations, and ``d``, documents), and what makes figures one
series (their indicator, measure, unit and place). Shared by the indicator queries
(``query.indicators``) and the targets (``query.targets``), which import nothing of each other
for it."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from ..catalog import BY_ID, Indicator, closest, lookup, name_key, unit_scale
from ..errors import UsageError, ZiboError

if TYPE_CHECKING:  # periods (its many patterns) is imported only by the commands that read a period
    from ..periods import Period
    from . import Zibo

KINDS = ("actual", "target")


# ---------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------


class Selection:
    """What a name a user typed selects: a catalogue entry, or names as reports wrote them.
    (A plain class: dataclasses would import inspect at every query's start.)"""

    __slots__ = ("text", "entry", "names", "measure")

    def __init__(self, text: str, entry: Indicator | None, names: list[str], measure: str | None = None) -> None:
        self.text, self.entry, self.names, self.measure = text, entry, names, measure

    def __repr__(self) -> str:
        return f"Selection({self.text!r}, {self.entry!r}, {self.names!r})"

    @property
    def label(self) -> str:
        if self.entry:
            return f"{self.entry.name} ({self.entry.id})"
        return "、".join(self.names[:5]) + (" …" if len(self.names) > 5 else "")


def _known_names(z: Zibo) -> list[tuple[str, str | None, str | None]]:
    return [(r[0], r[1], r[2]) for r in z.conn.execute(
        "SELECT DISTINCT name, raw_name, indicator_id FROM observations")]


def resolve(z: Zibo, text: str) -> Selection:
    """Read an indicator name the way a user writes it.

    1. a catalogue id, canonical name or alias, any case (``gdp``, ``GDP``, ``生产总值``);
    2. a name as a report wrote it (the observation's name or raw name);
    3. part of such names (``公交`` → 定制公交线路 …).

    Raises :class:`ZiboError` naming the closest known names when nothing matches.
    """
    from ..catalog import lookup_english, lookup_part

    if not text.isascii():
        from ..normalize import normalize_text  # 地區生產總值 → 地区生产总值

        text = normalize_text(text) or text
    entry = lookup(text) or lookup_english(text)
    if entry is not None:
        return Selection(text, entry, [entry.name])
    key = name_key(text)
    if not key:
        raise UsageError("give an indicator name, or leave it out to list every figure")
    known = _known_names(z)
    exact = sorted({n for n, raw, _ in known if key in (name_key(n), name_key(raw or ""))})
    if exact:
        by_raw_only = all(key != name_key(n) for n in exact)
        # 重点项目完成投资占年度计划比例: a share's raw name selects the share, not every figure
        return Selection(text, None, exact, "share" if by_raw_only and _SHARE_WORDS.search(text) else None)
    m = _SHARE_ASKED.search(text)
    if m and m.start() >= 2:
        # 工业投资占比: the shares of 工业投资 (stored as its name, measure share)
        try:
            base = resolve(z, text[:m.start()])
        except ZiboError:
            base = None
        if base is not None:
            return Selection(text, base.entry, base.names, "share")
    entry = lookup_part(text)  # the catalogue first: 外资 → 实际使用外资
    if entry is not None:
        return Selection(text, entry, [entry.name])
    part = sorted({n for n, raw, _ in known if key in name_key(n) or key in name_key(raw or "")})
    if part:
        return Selection(text, None, part)
    pool = [n for n, _, _ in known] + [ind.name for ind in BY_ID.values()] + list(BY_ID)
    hints = closest(text, pool)
    hint = f"; closest: {', '.join(hints)}" if hints else ""
    raise ZiboError(f"no indicator named {text!r}{hint} (`zibo indicator --catalog` lists the catalogue)")


def figure_aliases(row: dict[str, Any]) -> list[str]:
    out: list[str] = []
    entry = BY_ID.get(row.get("indicator_id") or "")
    if entry is not None:
        out.extend(n for n in entry.names if n != row["name"])
    raw = row.get("raw_name")
    if raw and raw != row["name"] and raw not in out:
        out.append(raw)
        plan = _PLAN_SHARE.fullmatch(raw)
        if plan and "投资" in plan["base"] and plan["name"].endswith("投资"):
            # 完成投资占年计划投资比例 is what reports call 完成投资占年计划比例: the plan's 投资 repeats the name's
            out.append(f"{plan['name']}{plan['verb']}{plan['base'].replace('投资', '')}比例")
    if row.get("measure") == "share" and not _SHARE_WORDS.search(row["name"]):
        out.append(row["name"] + "占比")  # a share of 工业投资 is what reports call 工业投资占比
    for short, full in (("GDP", "地区生产总值"), ("地区生产总值", "GDP")):
        if short in row["name"] and _SHARE_WORDS.search(row["name"]):
            out.append(row["name"].replace(short, full))  # 第一产业增加值占GDP比重, spelt out
    return out


_SHARE_WORDS = re.compile(r"占|比重|比例")
_PLAN_SHARE = re.compile(r"(?P<name>.+?)(?P<verb>占|完成)(?P<base>(?:全年|年度|年|本年)[^占]{0,6}?(?:计划|目标)[^占]{0,4}?)比例")
_SHARE_ASKED = re.compile(r"(?:占比|所占比重|比重)$")


# ---------------------------------------------------------------------------
# periods
# ---------------------------------------------------------------------------


def read_period(text: str) -> Period:
    """A period a user typed (2024H1, 2024Q1-Q3, 2023Q2, 2023, 2024年上半年 …), or UsageError."""
    from ..periods import PeriodError, parse_period

    try:
        return parse_period(text)
    except PeriodError as e:
        raise UsageError(str(e)) from None


def latest_year(z: Zibo) -> int | None:
    row = z.conn.execute("SELECT max(year) FROM observations").fetchone()
    return row[0] if row else None


def with_year(z: Zibo, text: str) -> str:
    """上半年, 前三季度, H1 without a year: of the latest year the database has figures for."""
    t = text.strip()
    if re.search(r"\d{4}", t):
        return t
    year = latest_year(z)
    if year is None:
        return t
    return f"{year}{t}" if re.match(r"^[HQMhqm]\d", t) else f"{year}年{t}"


def period_filter(text: str, z: Zibo | None = None) -> tuple[str, tuple]:
    """SQL for --period: a bare year means any figure of that year; otherwise exact months.
    A period without a year (上半年) is of the latest year with figures."""
    if z is not None:
        text = with_year(z, text)
    p = read_period(text)
    if re.fullmatch(r"\d{4}\s*(?:年度?|FY|Y)?", text.strip(), re.I):
        return "o.year = ?", (p.year,)
    return "o.year = ? AND o.start_month = ? AND o.end_month = ?", (p.year, p.start_month, p.end_month)


# ---------------------------------------------------------------------------
# observations
# ---------------------------------------------------------------------------


# series() and compare() compare like with like: plain year-on-year figures (and levels),
# not two-year averages, month-on-month rates or changes against another period
YOY_SQL = "(o.basis IS NULL OR o.basis = 'yoy')"
BASES = ("yoy", "avg_2y", "mom", "vs_period", "vs_region", "vs_target")


def database_regions(z: Zibo) -> list[str]:
    """Every region the database's figures, documents or tasks are about, by name."""
    known = {r[0] for r in z.conn.execute("SELECT DISTINCT region FROM observations WHERE region <> ''")}
    known |= {r[0] for r in z.conn.execute("SELECT DISTINCT region FROM documents WHERE region <> ''")}
    known |= {r[0] for r in z.conn.execute("SELECT DISTINCT region FROM tasks WHERE region <> ''")}
    return sorted(known)


def regions_matching(z: Zibo, text: str) -> list[str]:
    """The regions in the database that ``--region text`` names (淄博 = 淄博市, 张店 = 张店区)."""
    from ..normalize import normalize
    from ..places import region_matches

    query = normalize(text).text.strip()
    return [r for r in database_regions(z) if region_matches(query, r)]


def region_filter(z: Zibo, text: str | None, column: str = "o.region") -> tuple[str, tuple]:
    """SQL (and parameters) keeping the rows of one region (short or full name: 淄博, 淄博市).

    A region the database does not know is an error (exit 1) naming the regions it has. In a
    database whose documents name one region only, rows of no known region are taken to be
    about it (see :func:`sole_region`), so ``--region`` keeps them too."""
    if not text:
        return "", ()
    names = regions_matching(z, text)
    if not names:
        have = database_regions(z)
        listed = "、".join(have[:30]) + (f" … ({len(have)} in all)" if len(have) > 30 else "")
        raise ZiboError(f"no region {text!r} in the database; "
                        + (f"it has figures of: {listed}" if have else "no figure or task of it names a region"))
    sql = f"{column} IN (SELECT value FROM json_each(?))"
    sole = sole_region(z)
    if sole and sole in names:
        sql = f"({sql} OR coalesce({column}, '') = '')"
    return sql, (json.dumps(names, ensure_ascii=False),)


# ---------------------------------------------------------------------------
# the place of a figure: what keeps series of different places apart
# ---------------------------------------------------------------------------


def sole_region(z: Zibo) -> str | None:
    """The place a figure of no known region is taken to be about, or None: then it is its own
    document's alone and never joins another document's series.

    Only a database whose documents name at most one region takes such figures to be about it
    (a folder of one city's reports, some of which never write the city's name): that region,
    or "" (one unnamed place) when no document names one. A database of several regions
    guesses nothing."""
    cached = getattr(z, "_sole_region", False)
    if cached is not False:
        return cached
    found = [r[0] for r in z.conn.execute(
        "SELECT DISTINCT region FROM documents WHERE region IS NOT NULL AND region <> '' LIMIT 2")]
    sole = found[0] if len(found) == 1 else "" if not found else None
    z._sole_region = sole
    return sole


DOC_MARK = "\x1f"  # starts a place that is one document's (no region, or no year, known)


def place_of(region: str | None, year: int | None, document: str, sole: str | None) -> str:
    """The place part of a figure's series key: its region; with no region, the database's sole
    region (see :func:`sole_region`) or else its document alone; with no year, its document alone."""
    if year is not None:
        if region:
            return region
        if sole is not None:
            return sole
    return f"{DOC_MARK}{document}{DOC_MARK}{region or ''}"


def place_sql(sole: str | None) -> str:
    """:func:`place_of` in SQL, on ``o`` (observations) and ``d`` (documents)."""
    fallback = "'" + sole.replace("'", "''") + "'" if sole is not None else None
    assumed = f"WHEN o.year IS NOT NULL THEN {fallback} " if fallback is not None else ""
    return (f"CASE WHEN o.year IS NOT NULL AND coalesce(o.region, '') <> '' THEN o.region {assumed}"
            f"ELSE char(31) || d.document || char(31) || coalesce(o.region, '') END")


def region_level(region: str | None) -> str | None:
    """nation, province, city, district, county, zone or township, from the region's name."""
    from ..places import place_level

    return place_level(region)


def shown_region(place: str, sole: str | None = None) -> str | None:
    """The region a row shows for its place key (:func:`place_of`): a document's own place shows
    the region its figures name, or the database's sole region, or none."""
    if place.startswith(DOC_MARK):
        return place.rsplit(DOC_MARK, 1)[1] or sole or None
    return place or None


def name_filter(z: Zibo, name: str) -> tuple[str, list[Any]]:
    """SQL (on ``o``) and parameters for the figures of the indicator ``name`` resolves to: its
    catalogue id or its catalogue name, else the database names it matches."""
    sel = resolve(z, name)
    if sel.measure:
        sql, params = _name_sql(z, sel)
        return f"({sql}) AND o.measure = ?", [*params, sel.measure]
    return _name_sql(z, sel)


def _name_sql(z: Zibo, sel: Selection) -> tuple[str, list[Any]]:
    if sel.entry is None:
        return f"o.name IN ({', '.join('?' for _ in sel.names)})", list(sel.names)
    if z.conn.execute("SELECT 1 FROM observations WHERE name = ? AND indicator_id IS NOT ? LIMIT 1",
                      (sel.entry.name, sel.entry.id)).fetchone() is None:
        # the usual case: every figure of that name carries the catalogue id (one index read)
        return "o.indicator_id = ?", [sel.entry.id]
    return "(o.indicator_id = ? OR o.name = ?)", [sel.entry.id, sel.entry.name]


def where_clause(z: Zibo, name: str | None = None, period: str | None = None,
           kind: str | None = None, region: str | None = None, basis: str | None = None) -> tuple[str, tuple]:
    """The WHERE clause (and its parameters) selecting figures by indicator, period, kind,
    region (loose: 淄博 = 淄博市) and basis (``yoy`` also takes figures with no basis)."""
    where: list[str] = []
    params: list[Any] = []
    if region:
        sql, p = region_filter(z, region)
        where.append(sql)
        params.extend(p)
    if basis:
        if basis not in BASES:
            raise UsageError(f"--basis must be one of {', '.join(BASES)}, not {basis!r}")
        if basis == "yoy":
            where.append(YOY_SQL)
        else:
            where.append("o.basis = ?")
            params.append(basis)
    if name:
        sql, p = name_filter(z, name)
        where.append(sql)
        params.extend(p)
    if period:
        sql, p = period_filter(period, z)
        where.append(sql)
        params.extend(p)
    if kind:
        if kind not in KINDS:
            raise UsageError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
        where.append("o.kind = ?")
        params.append(kind)
    return (" WHERE " + " AND ".join(where) if where else ""), tuple(params)


def is_forecast(qualifier: str | None) -> bool:
    """An estimate (预计全年增长5%左右), stored as an actual qualified 预计: it never meets a
    target, and a figure of the same period without 预计 wins over it."""
    return bool(qualifier) and qualifier.startswith("预计")


def series_key(r: dict[str, Any], sole: str | None, task_scoped: bool = False) -> tuple:
    """What makes figures one series: the indicator, its measure and base unit, and its place
    (:func:`place_of`: the region; a figure of unknown region or year is its document's alone,
    unless the database names one region only, ``sole``). Regions are never merged.

    ``task_scoped``: a name the catalogue does not know, read from a task-table row, is
    only that row's (完成投资 in one task is not 完成投资 in another), so its target is
    paired with actuals of the same row only.
    """
    key = (r["indicator_id"] or r["name"], r["measure"], unit_scale(r["unit"])[1],
           place_of(r.get("region"), r["year"], r["document"], sole))
    if task_scoped and r["indicator_id"] is None and r.get("task_seq"):
        key += (r["document"], r["task_seq"])
    return key
