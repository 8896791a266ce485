"""`zibo indicator` and `zibo compare` as plain functions (see zibo_cli/commands/__init__.py)."""

from __future__ import annotations

from pathlib import Path

from .messages import disagreement, say_assumed_region, say_disagreements, warn

SOURCE_COLUMNS = ["name", "region", "period", "kind", "value", "unit", "document", "char_offset", "quote"]


def _fmt(value, qualifier) -> str:
    from ..render import qualified

    return qualified(value, qualifier)


def say_assumed_year(z, *texts: str | None) -> None:
    """A period typed without its year (H1, 前三季度) is of the latest year with figures: say so."""
    import re

    from ..query import indicators as q

    if any(t and not re.search(r"\d{4}", t) for t in texts):
        year = q.latest_year(z)
        if year is not None:
            warn(f"{year} assumed: the latest year with figures (write the year to choose another)")


def indicator(db: Path, fmt: str = "table", *, name: str | None = None, periods: bool = False, behind: bool = False,
              source: bool = False, period: str | None = None, kind: str | None = None, region: str | None = None,
              basis: str | None = None, chart: bool = False, catalog: bool = False, fields: str | None = None,
              limit: int | None = None, sort: str | None = None) -> None:
    from ..errors import UsageError
    from ..query import Zibo
    from ..query import indicators as q
    from ..render import emit, listing

    listing(fields, limit, sort)

    if sum((periods, source, catalog)) > 1:
        raise UsageError("choose one of --periods, --source and --catalog")
    with Zibo(db) as z:
        if catalog:
            rows = q.catalogue(z)
            emit(rows, ["id", "name", "english", "aliases", "figures"], fmt, title="indicator catalogue",
                 max_widths={"aliases": 48})
            return
        if behind:
            from .targets import targets

            targets(db, fmt, name=name, behind=True, region=region)
            return
        if chart and not periods:
            raise UsageError("--chart goes with --periods")
        if chart and fmt != "table":
            raise UsageError("--chart draws for a terminal; leave out --json/--csv")
        if periods:
            if period:
                raise UsageError("--periods shows every period; leave out --period")
            rows = q.series(z, name, kind, quotes=fmt == "json", region=region, basis=basis or "yoy", keys=chart)
            for r in rows:
                r["disagreement"] = disagreement(r["values"], r["unit"])
            say_assumed_region(z, rows)
            if chart:
                _print_charts(rows)
                say_disagreements(rows, "periods")
                return
            if fmt != "json":
                for r in rows:  # the documents named, and how many more there are
                    more = r.get("documents_count", 0) - len(r["documents"])
                    if more > 0:
                        r["documents"] = [*r["documents"], f"… {more} more"]
            if fmt == "table":
                for r in rows:
                    for k in ("target", "actual"):
                        r[k] = _fmt(r[k], r[f"{k}_qualifier"])
                        stated = (r.get("values") or {}).get(k)
                        if stated:  # documents disagree: show every value
                            r[k] = " ≠ ".join(_fmt(v["value"], None) for v in stated)
                    r["met"] = {True: "yes", False: "no", None: ""}[r["met"]]
                say_disagreements(rows, "periods")
            elif fmt in ("csv", "tsv"):
                for r in rows:
                    r["met"] = {True: "yes", False: "no", None: ""}[r["met"]]
            columns = q.SERIES_COLUMNS + (["disagreement"] if fmt in ("csv", "tsv") else [])
            emit(rows, columns, fmt, title="series", headers={"met": "met target?"},
                 max_widths={"documents": 30})
            if not rows and fmt == "table":
                warn(f"no figures{f' for {name!r}' if name else ''}"
                     + (f" of {region}" if region else "") + (f" of kind {kind}" if kind else ""))
            return
        if period:
            q.read_period(q.with_year(z, period))  # an unreadable period is a usage error before any word
            say_assumed_year(z, period)
        if fmt != "table" and not source:  # for scripts: written as they are read
            rows_of = q.iter_observations_json if fmt in ("json", "nl") else q.iter_observations
            emit(rows_of(z, name, period, kind, region=region, basis=basis), q.OBSERVATION_COLUMNS, fmt)
            say_assumed_region(z, None)
            return
        rows = q.observations(z, name, period, kind, region=region, basis=basis)
        if source:
            columns = SOURCE_COLUMNS
            urls = {r["document"]: r["source"] for r in z.rows(
                "SELECT document, source FROM documents WHERE source IS NOT NULL")}
            if urls:  # reports fetched from the web: the address of each figure's page or file
                rows = [{**r, "source": urls.get(r["document"])} for r in rows]
                columns = [*SOURCE_COLUMNS[:7], "source", *SOURCE_COLUMNS[7:]]
            emit(rows, columns, fmt, title="sources", headers={"char_offset": "offset"},
                 max_widths={"source": 40})
        else:
            emit(rows, q.OBSERVATION_COLUMNS, fmt, title="figures", max_widths={"name": 30})
        say_assumed_region(z, rows)
        if not rows and fmt == "table":
            what = f" for {name!r}" if name else ""
            hint = ""
            if period:
                p = q.read_period(q.with_year(z, period))
                same = [x for x in q.periods_with_figures(z) if x.startswith(str(p.year))]
                if same:
                    from ..periods import Period

                    to_date = Period(p.year, 1, p.end_month).label
                    hint = (f"; {p.year} has figures for {', '.join(same)}"
                            + (f" ({p.label} is that quarter alone; the year to its end is {to_date})"
                               if p.start_month == p.end_month - 2 and p.start_month > 1 else ""))
            warn(f"no figures{what}" + (f" in {period}" if period else "") + (f" of kind {kind}" if kind else "")
                 + (f" of {region}" if region else "") + hint)


def _print_charts(rows: list[dict]) -> None:
    """One chart per series of --periods (indicator, measure, unit and place), drawn from the very
    rows --periods lists: the same value for each period, and every value where documents disagree."""
    from ..chart import bar_chart
    from ..render import number

    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["_series"], []).append(r)
    if not groups:
        warn("no figures to draw")
    for i, group in enumerate(groups.values()):
        first = group[0]
        if i:
            print()
        place = first["region"] or f"{'、'.join(first['documents'][:1])} (region unknown)"
        print(f"{first['name']} · {place} · {first['measure']} · {first['unit'] or 'index'}")
        unit = first["unit"] or ""
        points = []
        for r in group:
            note = None
            if r.get("values"):  # documents disagree: the bar is the first value, the text every value
                note = "; ".join(f"{'target ' if k == 'target' else ''}"
                                 + " ≠ ".join(f"{number(v['value'])}{unit}" for v in vs)
                                 for k, vs in r["values"].items())
            points.append((r["period"] or "?", r["actual"], r["target"], note))
        for line in bar_chart(points, unit):
            print(line)


def compare(db: Path, fmt: str = "table", *, a: str, b: str, name: str | None = None, common: bool = False,
            region: str | None = None, fields: str | None = None, limit: int | None = None,
            sort: str | None = None) -> None:
    from ..query import Zibo
    from ..query import indicators as q
    from ..render import emit, listing

    listing(fields, limit, sort)

    with Zibo(db) as z:
        every = q.compare(z, a, b, region=region)
        say_assumed_year(z, a, b)
        rows = every
        if name:
            sel = q.resolve(z, name)
            rows = [r for r in rows if (sel.entry is not None and r["indicator_id"] == sel.entry.id)
                    or r["name"] in sel.names]
        if common:
            rows = [r for r in rows if r["a"] is not None and r["b"] is not None]
        pa, pb = q.read_period(q.with_year(z, a)), q.read_period(q.with_year(z, b))
        if not rows:
            _say_why_empty(z, every, rows, pa.label, pb.label, name, common, region)
        for r in rows:
            r["disagreement"] = "; ".join(
                f"{side} {disagreement({'': r[f'{side}_values']}, r['unit'])}"
                for side in ("a", "b") if r.get(f"{side}_values"))
            r["period"] = f"{pa.label} → {pb.label}"
        say_assumed_region(z, rows)
    if fmt == "table":  # qualifiers beside their values: 预计5.3, 近50, 6左右
        shown = []
        for r in rows:
            r = dict(r)
            for side in ("a", "b"):
                stated = r.get(f"{side}_values")
                r[side] = (" ≠ ".join(_fmt(v["value"], None) for v in stated) if stated
                           else _fmt(r[side], r[f"{side}_qualifier"]))
            shown.append(r)
        say_disagreements(rows, "indicators")
        rows = shown
    columns = q.COMPARE_COLUMNS + (["disagreement"] if fmt in ("csv", "tsv") else [])
    if fmt == "table" and any(r["region"] is None for r in rows):
        # a row of no known region is one document's: name it
        for r in rows:
            r["from"] = r["a_document"] or r["b_document"] if r["region"] is None else ""
        columns = [*columns, "from"]
    emit(rows, columns, fmt, title=f"{pa.label} → {pb.label}",
         headers={"a": pa.label, "b": pb.label}, max_widths={"name": 30})


def _say_why_empty(z, every: list[dict], rows: list[dict], a: str, b: str, name: str | None, common: bool,
                   region: str | None) -> None:
    from ..query import indicators as q

    of = (f" of {name!r}" if name else "") + (f" in {region}" if region else "")
    if not every:
        have = q.periods_with_figures(z)
        warn(f"no figures for {a} or {b}" + of + (f"; periods with figures: {', '.join(have)}" if have else ""))
    elif common:
        warn(f"no indicator{of} is reported for one place in both {a} and {b} (figures of different regions, or "
             "of documents that name no region, are never compared); leave out --common to see each side")
    else:
        warn(f"no figures{of} for {a} or {b}")
