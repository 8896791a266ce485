"""`zibo indicator` and `zibo compare` as plain functions (see zibo_cli/commands/__init__.py)."""

from __future__ import annotations

from pathlib import Path

from .messages import warn

SOURCE_COLUMNS = ["name", "period", "kind", "value", "unit", "document", "char_offset", "quote"]


def _fmt(value, qualifier) -> str:
    if value is None:
        return ""
    return f"{value:g}{qualifier or ''}"



def indicator(db: Path, fmt: str = "table", *, name: str | None = None, periods: bool = False, behind: bool = False,
              source: bool = False, period: str | None = None, kind: str | None = None, region: str | None = None,
              basis: str | None = None, chart: bool = False, catalog: bool = False) -> None:
    from ..errors import UsageError
    from ..query import Zibo
    from ..query import indicators as q
    from ..render import emit

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
            if chart:
                _print_charts(q.observations(z, name, kind=kind, region=region,
                                             basis=basis or "yoy"))
                return
            rows = q.series(z, name, kind, quotes=fmt == "json", region=region,
                            basis=basis or "yoy")
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
                            r[k] = " ≠ ".join(f"{v['value']:g}" for v in stated)
                    r["met"] = {True: "yes", False: "no", None: ""}[r["met"]]
                if any(r.get("values") for r in rows):
                    warn("documents state different values for some figures (≠); "
                         "`zibo indicator NAME --source` shows each sentence, `zibo doctor` lists them all")
            elif fmt == "csv":
                for r in rows:
                    r["met"] = {True: "yes", False: "no", None: ""}[r["met"]]
            emit(rows, q.SERIES_COLUMNS, fmt, title="series", headers={"met": "met target?"},
                 max_widths={"documents": 30})
        else:
            if fmt != "table" and not source:  # for scripts: written as they are read
                rows_of = q.iter_observations_json if fmt in ("json", "nl") else q.iter_observations
                emit(rows_of(z, name, period, kind, region=region, basis=basis), q.OBSERVATION_COLUMNS, fmt)
                return
            rows = q.observations(z, name, period, kind, region=region, basis=basis)
            if source:
                columns = SOURCE_COLUMNS
                urls = {r["document"]: r["source"] for r in z.rows(
                    "SELECT document, source FROM documents WHERE source IS NOT NULL")}
                if urls:  # reports fetched from the web: the address of each figure's page or file
                    rows = [{**r, "source": urls.get(r["document"])} for r in rows]
                    columns = [*SOURCE_COLUMNS[:6], "source", *SOURCE_COLUMNS[6:]]
                emit(rows, columns, fmt, title="sources", headers={"char_offset": "offset"},
                     max_widths={"source": 40})
            else:
                emit(rows, q.OBSERVATION_COLUMNS, fmt, title="figures", max_widths={"name": 30})
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
                 + hint)


def _print_charts(rows: list[dict]) -> None:
    """One chart per series (indicator, measure, unit) of the selected figures."""
    from ..chart import chart_lines
    from ..query.indicators import _by_region, _series_key

    groups: dict[tuple, list[dict]] = {}
    by_region = _by_region(rows)  # as --periods: one known region and unknown ones are one series
    for r in rows:
        groups.setdefault(_series_key(r, by_region=by_region), []).append(r)
    if not groups:
        warn("no figures to draw")
    for i, group in enumerate(groups.values()):
        first = group[0]
        if i:
            print()
        print(f"{first['name']} · {first['measure']} · {first['unit'] or 'index'}")
        for line in chart_lines(group):
            print(line)


def compare(db: Path, fmt: str = "table", *, a: str, b: str, name: str | None = None, common: bool = False,
            region: str | None = None) -> None:
    from ..query import Zibo
    from ..query import indicators as q
    from ..render import emit

    with Zibo(db) as z:
        rows = q.compare(z, a, b, region=region)
        if name:
            sel = q.resolve(z, name)
            rows = [r for r in rows if (sel.entry is not None and r["indicator_id"] == sel.entry.id)
                    or r["name"] in sel.names]
        if common:
            rows = [r for r in rows if r["a"] is not None and r["b"] is not None]
        if not rows:
            have = q.periods_with_figures(z)
            warn(f"no figures for {a} or {b}" + (f"; periods with figures: {', '.join(have)}" if have else ""))
        pa, pb = q.read_period(q.with_year(z, a)), q.read_period(q.with_year(z, b))
    if fmt == "table":  # qualifiers beside their values: 5.3预计, 近50, 6左右
        rows = [{**r, "a": _fmt(r["a"], r["a_qualifier"]), "b": _fmt(r["b"], r["b_qualifier"])} for r in rows]
    emit(rows, q.COMPARE_COLUMNS, fmt, title=f"{pa.label} → {pb.label}",
         headers={"a": pa.label, "b": pb.label}, max_widths={"name": 30})
