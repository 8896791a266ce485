"""`zibo indicator` and `zibo compare`: the figures reports state, over time and side by side."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from . import complete
from .application import CsvOpt, FieldsOpt, JsonOpt, LimitOpt, NlOpt, SortOpt, TsvOpt, app, db_path


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
    fields: FieldsOpt = None,
    limit: LimitOpt = None,
    sort: SortOpt = None,
) -> None:
    """Figures the reports state: value, unit, period, target or actual, and where each comes from.

    Examples: `zibo indicator` (every figure), `zibo indicator gdp`, `zibo indicator 固定资产投资
    --periods`, `zibo indicator GDP --source`, `zibo indicator --period 2024H1 --kind actual`,
    `zibo targets --behind` (which annual targets the latest figures fall short of).
    """
    from ..commands import indicators as run
    from ..render import output_format

    run.indicator(db_path(ctx), output_format(json_, csv_, tsv_, nl_), name=name, periods=periods, behind=behind,
                  source=source, period=period, kind=kind.value if kind else None, region=region, basis=basis,
                  chart=chart, catalog=catalog, fields=fields, limit=limit, sort=sort)


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
    fields: FieldsOpt = None,
    limit: LimitOpt = None,
    sort: SortOpt = None,
) -> None:
    """Every indicator reported in period A and/or B (or only NAME), with the change from A to B.

    Only like is compared with like: actual figures of the same indicator, measure and
    unit. A % figure's change is in percentage points. Indicators reported in only one of
    the periods are listed after the rest with an empty change.
    """
    from ..commands import indicators as run
    from ..render import output_format

    run.compare(db_path(ctx), output_format(json_, csv_, tsv_, nl_), a=a, b=b, name=name, common=common,
                region=region, fields=fields, limit=limit, sort=sort)
