"""`zibo search TEXT`: where a word or phrase occurs in the documents."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from . import complete
from .application import CsvOpt, JsonOpt, NlOpt, TsvOpt, app, db_path

CSV_COLUMNS = ["document", "title", "period", "line", "position", "match", "snippet"]


@app.command("search")
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Text to find (simplified or traditional Chinese).",
                                        show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Show at most N hits (0: all).")] = 20,
    doc: Annotated[str | None, typer.Option("--doc", metavar="NAME", autocompletion=complete.documents,
                                            help="Only this document (its name, a path, or the start of one).",
                                            show_default=False)] = None,
    period: Annotated[str | None, typer.Option("--period", metavar="PERIOD", autocompletion=complete.periods, help="Only documents of this period "
                                               "(2024H1; a bare year: any of that year).", show_default=False)] = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    tsv_: TsvOpt = False,
    nl_: NlOpt = False,
) -> None:
    """Full-text search over every document's text: each hit with its document, line,
    character position and a snippet (the hit highlighted on a terminal). Several words
    (淄博 烧烤) find the documents holding all of them."""
    from ..query import Zibo
    from ..query.search import search_counted
    from ..render import emit, output_format

    fmt = output_format(json_, csv_, tsv_, nl_)
    with Zibo(db_path(ctx)) as z:
        # the hits shown are snipped; the rest only counted, and only for the table's last line
        hits, total = search_counted(z.conn, text, limit=limit or None, document=doc, period=period,
                                     count=fmt == "table")
    if fmt != "table":
        emit(hits, CSV_COLUMNS, fmt)
        return
    if not hits:
        typer.echo(f"no matches for {text}", err=True)
        return
    _print_hits(hits)
    if total is not None and len(hits) < total:
        typer.echo(f"{len(hits)} of {total} matches (-n 0 shows all)", err=True)


def _print_hits(hits: list[dict]) -> None:
    """Grouped by document, like grep/ripgrep: a header line, then `line:position  snippet`."""
    from ..render import console, is_terminal, visible

    colour = is_terminal()
    out = console() if colour else None
    last = None
    for h in hits:
        if h["document"] != last:
            head = "  ".join(str(x) for x in (h["document"], h["period"], h["title"]) if x)
            if last is not None:
                _write(out, "")
            _write(out, head, style="bold")
            last = h["document"]
        where = f"  {h['line']}:{h['position']}  "
        s, at, n = h["snippet"], h["match_start"], len(h["match"])
        if out is None:
            sys.stdout.write(visible(where + s) + "\n")
        else:
            from rich.text import Text

            line = Text()
            line.append(where, style="dim")
            line.append(visible(s[:at]))
            line.append(visible(s[at:at + n]), style="bold red")
            line.append(visible(s[at + n:]))
            out.print(line, soft_wrap=True)


def _write(out, line: str, style: str | None = None) -> None:
    from ..render import visible

    line = visible(line)
    if out is None:
        sys.stdout.write(line + "\n")
    else:
        from rich.text import Text

        out.print(Text(line, style=style or ""), soft_wrap=True)
