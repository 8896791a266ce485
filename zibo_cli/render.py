"""Output, in one place: a rich table on a terminal, plain aligned text in a pipe,
JSON (one array) or CSV for scripts.

JSON and CSV are written with ``sys.stdout.write`` (rich would wrap at 80
columns in a pipe). rich is imported only when a table goes to a terminal.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import Any

__all__ = ["emit", "write_json", "output_format", "is_terminal", "console", "err_console", "display_width", "shorten",
           "visible"]


def is_terminal(stream=None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


WIDE = False  # zibo --wide: whole cells on a terminal
BOM = False  # zibo --bom: CSV/TSV for Excel


def output_format(json_: bool = False, csv_: bool = False, tsv_: bool = False, nl_: bool = False) -> str:
    chosen = [name for name, on in (("json", json_), ("csv", csv_), ("tsv", tsv_), ("nl", nl_)) if on]
    if len(chosen) > 1:
        from .errors import UsageError

        named = [f"--{c}" for c in chosen]
        raise UsageError("choose one of " + ", ".join(named[:-1]) + " and " + named[-1])
    return chosen[0] if chosen else "table"


def console(stderr: bool = False):
    """A rich console; colourless when NO_COLOR is set or the stream is not a terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, no_color="NO_COLOR" in os.environ or not is_terminal(stream),
                   soft_wrap=False)


def err_console():
    return console(stderr=True)


# Control characters in report text or file names (ESC starts a terminal's escape sequences: set
# the title, clear the screen, OSC 8 links), and the bidirectional overrides, are shown as \\x1b or
# \\u202e on output for people, never sent raw; tab and line feed stay. JSON escapes them itself.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
_CONTROLS.update({c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(text: str) -> str:
    """``text`` with every control character made visible (``\\x1b``), except tab and line feed."""
    return text.translate(_CONTROLS)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, list | tuple):
        return "、".join(str(x) for x in v)
    return str(v)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # as export.FORMULA_STARTS


def _csv_cell(v: Any) -> str:
    """A CSV/TSV cell: text a spreadsheet would run as a formula gets a leading ' (numbers do not);
    a carriage return is a line break (the csv module quotes a field for \\n, not for a lone \\r)."""
    if isinstance(v, str):
        v = v.replace("\r\n", "\n").replace("\r", "\n")
        return "'" + v if v.startswith(_FORMULA_STARTS + ("\n",)) else v
    return _cell(v)


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def shorten(s: str, width: int) -> str:
    """Cut ``s`` to ``width`` display columns, ending with … when cut."""
    if display_width(s) <= width:
        return s
    out, w = [], 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > width - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


class RawJSON(str):
    """A row already written as JSON text (by SQLite: ``query.indicators.iter_observations_json``),
    written as it is."""

    __slots__ = ()


def _row_encoder():
    """A function encoding one value as JSON text (``ensure_ascii=False``, ``default=str``).

    Built once: ``JSONEncoder.encode`` makes a new C encoder for every call, which on
    ten thousand small rows costs as much as the encoding itself.
    """
    from json import encoder as jenc

    make = getattr(jenc, "c_make_encoder", None)
    basestring = getattr(jenc, "c_encode_basestring", None)
    if make is None or basestring is None:  # pragma: no cover - a Python without _json
        return json.JSONEncoder(ensure_ascii=False, default=str).encode
    # allow_nan off: json would write Infinity and NaN, which no JSON parser accepts; a value
    # with one is written again with null for it (never met in what zibo stores)
    iterencode = make({}, str, basestring, None, ": ", ", ", False, False, False)
    join = "".join

    def encode(value: Any) -> str:
        if isinstance(value, str):
            if isinstance(value, RawJSON):
                return str.__str__(value)
            return basestring(value)
        try:
            return join(iterencode(value, 0))
        except ValueError:
            return join(iterencode(_finite_only(value), 0))

    return encode


def _finite_only(value: Any) -> Any:
    """``value`` with null for every infinite or NaN float in it."""
    if isinstance(value, float):
        return value if value - value == 0 else None
    if isinstance(value, dict):
        return {k: _finite_only(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite_only(v) for v in value]
    return value


def write_json(rows: Iterable[Any], out) -> None:
    """One JSON array, one element per line (as ``sqlite-utils query`` prints it), written as
    the rows come: a large answer is never held whole in memory.

    Each element goes through the C encoder (``indent`` would switch json to its
    pure-Python encoder, about 5x slower on ten thousand rows).
    """
    encode = _row_encoder()
    opened = False
    for chunk in _chunks(rows):
        text = ",\n ".join(map(encode, chunk))
        out.write(("[" if not opened else ",\n ") + text)
        opened = True
    out.write("]\n" if opened else "[]\n")


STREAM_CHUNK = 512  # rows encoded and written at a time


def _chunks(rows: Iterable[Any]) -> Iterator[list[Any]]:
    it = iter(rows)
    while True:
        chunk = list(islice(it, STREAM_CHUNK))
        if not chunk:
            return
        yield chunk


def emit(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None, fmt: str = "table",
         title: str | None = None, headers: dict[str, str] | None = None,
         max_widths: dict[str, int] | None = None, out=None) -> None:
    """Write rows in the chosen format.

    ``columns`` picks and orders the table/CSV columns (JSON always carries every key);
    ``headers`` renames them for display; ``max_widths`` shortens long cells in tables.
    JSON, JSON lines, CSV and TSV are written as the rows come (``rows`` may be a generator
    reading a cursor); a table needs them all first, for its widths.
    """
    out = out or sys.stdout
    if fmt == "json":
        write_json(rows, out)
        return
    if fmt == "nl":
        encode = _row_encoder()
        for chunk in _chunks(rows):
            out.write("".join(encode(r) + "\n" for r in chunk))
        return
    if fmt in ("csv", "tsv"):
        chunks = _chunks(rows)
        first = next(chunks, [])
        cols = list(columns) if columns else (list(first[0]) if first else [])
        buf = io.StringIO()
        if BOM:
            buf.write("\ufeff")
        w = csv.writer(buf, lineterminator="\n")
        clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
        if fmt == "csv":
            w.writerow(cols)
        else:
            buf.write("\t".join(cols) + "\n")
        for chunk in chain([first], chunks) if first else ():
            if fmt == "csv":
                w.writerows([_csv_cell(r.get(c)) for c in cols] for r in chunk)
            else:
                buf.write("".join("\t".join(_csv_cell(r.get(c)).translate(clean) for c in cols) + "\n"
                                  for r in chunk))
            out.write(buf.getvalue())
            buf.seek(0)
            buf.truncate()
        out.write(buf.getvalue())
        return
    rows = list(rows)
    cols = list(columns) if columns else (list(rows[0]) if rows else [])
    headers = headers or {}
    max_widths = max_widths or {}
    if not rows:
        if is_terminal(out):
            err_console().print(f"[dim]no {title or 'rows'}[/dim]" if title else "[dim]nothing found[/dim]")
        return
    if is_terminal(out):
        from rich.table import Table
        from rich.text import Text

        # Names, periods, numbers and units never wrap; what width is left goes to the long
        # texts (titles, quotes, targets, notes), cut with … (--wide: shown whole, wrapped).
        texts = [c for c in cols if any(display_width(_cell(r.get(c))) > 24 for r in rows)]
        table = Table(title=Text(visible(title)) if title else None, show_lines=False, header_style="bold")
        for c in cols:
            if c in texts:
                table.add_column(headers.get(c, c), overflow="fold" if WIDE else "ellipsis", no_wrap=not WIDE,
                                 ratio=1, max_width=None if WIDE else max_widths.get(c))
            else:
                whole = max([display_width(headers.get(c, c))] + [display_width(_cell(r.get(c))) for r in rows])
                table.add_column(headers.get(c, c), no_wrap=True, min_width=whole,
                                 overflow="fold" if WIDE else "ellipsis")
        for r in rows:
            table.add_row(*[Text(visible(_cell(r.get(c)).replace("\n", " ") if c in texts and not WIDE
                                         else _cell(r.get(c)))) for c in cols])
        console().print(table)
        return
    # A pipe: plain aligned text, no colour, no cell ever cut.
    cells = [[visible(_cell(r.get(c)).replace("\n", " ")) for c in cols] for r in rows]
    head = [headers.get(c, c) for c in cols]
    widths = [max(display_width(x) for x in [h] + [row[i] for row in cells]) for i, h in enumerate(head)]

    def line(values: list[str]) -> str:
        parts = [v + " " * (widths[i] - display_width(v)) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    out.write(line(head) + "\n")
    for row in cells:
        out.write(line(row) + "\n")
