"""`zibo report PLACE YEAR --html out.html`: the scorecard of `zibo serve`'s home page as one
self-contained page, for people who only get attachments."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .application import app, db_path


@app.command("report")
def report(
    ctx: typer.Context,
    place: Annotated[str, typer.Argument(metavar="PLACE", help="The place (淄博市, or 淄博; 未注明地区 for figures with none).")],
    year: Annotated[int, typer.Argument(metavar="YEAR", help="The year (2024).")],
    html: Annotated[Path, typer.Option("--html", metavar="FILE", help="Write the page here (out.html).")],
    lang: Annotated[str, typer.Option("--lang", metavar="zh|en",
                                      help="Labels in Chinese (zh, the default) or English (en).")] = "zh",
) -> None:
    """One page with a place and year's targets (on track or behind), unfinished tasks with their
    departments, latest figures and charts; every figure links to its sentence, kept in the page.

    Needs the web extra (Jinja2, vl-convert): pip install 'zibo[web]'.
    """
    import importlib.util

    from ..errors import UsageError

    if lang not in ("zh", "en"):
        raise UsageError(f"--lang {lang!r}: zh (Chinese, the default) or en (English)")
    if importlib.util.find_spec("jinja2") is None:
        raise UsageError("zibo report needs the web extra: pip install 'zibo[web]'")
    from ..query import Zibo
    from ..web.report import resolve_place, write_report

    with Zibo(db_path(ctx)) as z:
        found = resolve_place(z, place)
        if found is None:
            raise UsageError(f"no place {place!r} in the database; the home page of `zibo serve` lists them")
        write_report(z, found, year, html, lang)
    typer.echo(f"wrote {html}", err=True)
