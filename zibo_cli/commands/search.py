"""`zibo search TEXT` as a plain function (see zibo_cli/commands/__init__.py): where a word or
phrase occurs in the documents."""

from __future__ import annotations

import sys
from pathlib import Path

from .messages import say

CSV_COLUMNS = ["document", "title", "period", "line", "position", "match", "snippet"]


def search(db: Path, fmt: str = "table", *, text: str, limit: int | None = 20, doc: str | None = None,
           period: str | None = None) -> None:
    from ..query import Zibo
    from ..query.search import search_counted
    from ..render import emit

    with Zibo(db) as z:
        # the hits shown are snipped; the rest only counted, and only for the table's last line
        hits, total = search_counted(z.conn, text, limit=limit or None, document=doc, period=period,
                                     count=fmt == "table")
    if fmt != "table":
        emit(hits, CSV_COLUMNS, fmt)
        return
    if not hits:
        say(f"no matches for {text}")
        return
    _print_hits(hits)
    if total is not None and len(hits) < total:
        say(f"{len(hits)} of {total} matches (-n 0 shows all)")


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
