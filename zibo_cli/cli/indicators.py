"""`zibo indicator` and `zibo compare`: the figures reports state, over time and side by side."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from . import complete
from .app import CsvOpt, JsonOpt, NlOpt, TsvOpt, app, db_path, warn


class Kind(StrEnum):
    actual = "actual"
    target = "target"


def _complete_name(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for NAME: catalogue ids and names, and names in the database."""
    try:
        from ..catalog import all_names
        from ..query import Zibo

        names = set(all_names())
        with Zibo(db_path(ctx)) as z:
            names.update(r["name"] for r in z.rows("SELECT DISTINCT name FROM observations"))
    except Exception:  # completion must never fail loudly; no database is fine
        from ..catalog import all_names

        names = set(all_names())
    low = incomplete.lower()
    return sorted(n for n in names if n.lower().startswith(low))


SOURCE_COLUMNS = ["name", "period", "kind", "value", "unit", "document", "char_offset", "quote"]


def _fmt(value, qualifier) -> str:
    if value is None:
        return ""
    return f"{value:g}{qualifier or ''}"


@app.command("indicator")
def indicator(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(
        metavar="NAME", help="Indicator: catalogue id or any name or alias (gdp, GDP, 地区生产总值, 生产总值), or a name "
             "as a report writes it. Leave out to list every figure.", show_default=False,
        autocompletion=_complete_name)] = None,
    periods: Annotated[bool, typer.Option(
        "--periods", help="The series over time: target and actual side by side, and whether the target "
                          "was met.")] = False,
    behind: Annotated[bool, typer.Option(
        "--behind", help="The annual targets the latest figure of their year falls short of: the same as "
                         "`zibo targets --behind` (kept for scripts).")] = False,
    source: Annotated[bool, typer.Option(
        "--source", help="Show the sentence each figure comes from (document, offset, quote).")] = False,
    period: Annotated[str | None, typer.Option(
        "--period", metavar="PERIOD", autocompletion=complete.periods, help="Only this period: 2024H1, 2024Q1-Q3, 2023Q2, 2024年1-9月; a bare year (2023) "
                         "means any figure of that year.", show_default=False)] = None,
    kind: Annotated[Kind | None, typer.Option(
        "--kind", help="Only actual figures or only targets.", show_default=False)] = None,
    region: Annotated[str | None, typer.Option(
        "--region", "-r", metavar="PLACE", autocompletion=complete.regions, help="Only figures about this region (淄博 = 淄博市, 张店 = 张店区).",
        show_default=False)] = None,
    basis: Annotated[str | None, typer.Option(
        "--basis", metavar="BASIS", help="Only figures on this basis: yoy (year on year), avg_2y (两年平均), mom "
        "(环比), vs_period (a change against another period). --periods shows yoy unless told.",
        show_default=False)] = None,
    chart: Annotated[bool, typer.Option(
        "--chart", help="With --periods: draw the series as bars in the terminal, targets marked ┃.")] = False,
    catalog: Annotated[bool, typer.Option(
        "--catalog", help="List the indicator catalogue (ids, names, aliases) with how many figures each has.")
    ] = False,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    tsv_: TsvOpt = False,
    nl_: NlOpt = False,
) -> None:
    """Figures the reports state: value, unit, period, target or actual, and where each comes from.

    Examples: `zibo indicator` (every figure), `zibo indicator gdp`, `zibo indicator 固定资产投资
    --periods`, `zibo indicator GDP --source`, `zibo indicator --period 2024H1 --kind actual`,
    `zibo targets --behind` (which annual targets the latest figures fall short of).
    """
    from ..errors import UsageError
    from ..query import Zibo
    from ..query import indicators as q
    from ..render import emit, output_format

    fmt = output_format(json_, csv_, tsv_, nl_)
    if sum((periods, source, catalog)) > 1:
        raise UsageError("choose one of --periods, --source and --catalog")
    with Zibo(db_path(ctx)) as z:
        if catalog:
            rows = q.catalogue(z)
            emit(rows, ["id", "name", "english", "aliases", "figures"], fmt, title="indicator catalogue",
                 max_widths={"aliases": 48})
            return
        if behind:
            from . import targets as targets_cli

            ctx.invoke(targets_cli.targets, ctx, name=name, behind=True, year=None, region=region,
                       json_=json_, csv_=csv_)
            return
        if chart and not periods:
            raise UsageError("--chart goes with --periods")
        if chart and fmt != "table":
            raise UsageError("--chart draws for a terminal; leave out --json/--csv")
        if periods:
            if period:
                raise UsageError("--periods shows every period; leave out --period")
            if chart:
                _print_charts(q.observations(z, name, kind=kind.value if kind else None, region=region,
                                             basis=basis or "yoy"))
                return
            rows = q.series(z, name, kind.value if kind else None, quotes=fmt == "json", region=region,
                            basis=basis or "yoy")
            if fmt == "table":
                for r in rows:
                    for kind in ("target", "actual"):
                        r[kind] = _fmt(r[kind], r[f"{kind}_qualifier"])
                        stated = (r.get("values") or {}).get(kind)
                        if stated:  # documents disagree: show every value
                            r[kind] = " ≠ ".join(f"{v['value']:g}" for v in stated)
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
            rows = q.observations(z, name, period, kind.value if kind else None, region=region, basis=basis)
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
            warn(f"no figures{what}" + (f" in {period}" if period else "") + (f" of kind {kind.value}" if kind else "")
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
            typer.echo("")
        typer.echo(f"{first['name']} · {first['measure']} · {first['unit'] or 'index'}")
        for line in chart_lines(group):
            typer.echo(line)


@app.command("compare")
def compare(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(metavar="A", help="First period: 2024H1, 2024Q1-Q3, 2023Q2, 2023, 2024年上半年 …",
                                     show_default=False)],
    b: Annotated[str, typer.Argument(metavar="B", help="Second period.", show_default=False)],
    name: Annotated[str | None, typer.Argument(metavar="[NAME]", help="Only this indicator (gdp, 固定资产投资 …).",
                                               show_default=False, autocompletion=_complete_name)] = None,
    common: Annotated[bool, typer.Option(
        "--common", help="Only indicators reported in both periods.")] = False,
    region: Annotated[str | None, typer.Option(
        "--region", "-r", metavar="PLACE", autocompletion=complete.regions, help="Only figures about this region (淄博 = 淄博市).",
        show_default=False)] = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    tsv_: TsvOpt = False,
    nl_: NlOpt = False,
) -> None:
    """Every indicator reported in period A and/or B (or only NAME), with the change from A to B.

    Only like is compared with like: actual figures of the same indicator, measure and
    unit. A % figure's change is in percentage points. Indicators reported in only one of
    the periods are listed after the rest with an empty change.
    """
    from ..query import Zibo
    from ..query import indicators as q
    from ..render import emit, output_format

    fmt = output_format(json_, csv_, tsv_, nl_)
    with Zibo(db_path(ctx)) as z:
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
