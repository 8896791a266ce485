"""`zibo targets`: each annual target against the latest actual of its year
(zibo_cli/commands/targets.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command

command("targets", """Are we on track? Each annual target beside the latest actual of its year.

Status: met (a full-year actual reaches it), on_track / behind (a year-to-date actual: a
growth rate against the growth target, an amount against the pro-rata pace, target ×
months/12), estimate (only a 预计 figure, never met), unknown (no actual yet).
以上/不低于: at least; 以内/以下/控制在 and falls (下降2%): at most; 左右 counts as reached
within 0.5 percentage points for a growth rate (within 1% for an amount).""", {
    "name": Annotated[str | None, typer.Argument(metavar="NAME", help="Only this indicator (gdp, 固定资产投资 …).",
                                                 show_default=False)],
})
