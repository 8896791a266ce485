"""`zibo report PLACE YEAR --html out.html`: the scorecard of `zibo serve`'s home page as one
self-contained page, for people who only get attachments (zibo_cli/commands/report.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command

command("report", """One page with a place and year's targets (on track or behind), unfinished tasks with their
departments, latest figures and charts; every figure links to its sentence, kept in the page.

Needs the web extra (Jinja2, vl-convert): pip install 'zibo[web]'.""", {
    "place": Annotated[str, typer.Argument(metavar="PLACE", help="The place (淄博市, or 淄博; 未注明地区 for figures "
                                           "with none).")],
    "year": Annotated[int, typer.Argument(metavar="YEAR", help="The year (2024).")],
}, defaults={"html": ..., "lang": "zh"})
