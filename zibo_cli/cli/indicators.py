"""`zibo indicator` and `zibo compare`: the figures reports state, over time and side by side
(zibo_cli/commands/indicators.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command, db_path


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


command("indicator", """Figures the reports state: value, unit, period, target or actual, and where each comes from.

Examples: `zibo indicator` (every figure), `zibo indicator gdp`, `zibo indicator 固定资产投资
--periods`, `zibo indicator GDP --source`, `zibo indicator --period 2024H1 --kind actual`,
`zibo targets --behind` (which annual targets the latest figures fall short of).""", {
    "name": Annotated[str | None, typer.Argument(
        metavar="NAME", help="Indicator: catalogue id or any name or alias (gdp, GDP, 地区生产总值, 生产总值), or a name "
             "as a report writes it. Leave out to list every figure.", show_default=False,
        autocompletion=_complete_name)],
})

command("compare", """Every indicator reported in period A and/or B (or only NAME), with the change from A to B.

Only like is compared with like: actual figures of the same indicator, measure and
unit. A % figure's change is in percentage points. Indicators reported in only one of
the periods are listed after the rest with an empty change.""", {
    "a": Annotated[str, typer.Argument(metavar="A", help="First period: 2024H1, 2024Q1-Q3, 2023Q2, 2023, 2024年上半年 …",
                                       show_default=False)],
    "b": Annotated[str, typer.Argument(metavar="B", help="Second period.", show_default=False)],
    "name": Annotated[str | None, typer.Argument(metavar="[NAME]", help="Only this indicator (gdp, 固定资产投资 …).",
                                                 show_default=False, autocompletion=_complete_name)],
})
