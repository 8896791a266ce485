"""Output, in one place: a rich table on a terminal, TAB-separated text in a pipe,
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

__all__ = ["emit", "number", "qualified", "write_json", "output_format", "is_terminal", "console", "err_console",
           "display_width", "shorten", "visible"]


def is_terminal(stream=None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


WIDE = False  # zibo --wide: whole cells on a terminal
BOM = False  # zibo --bom: CSV/TSV for Excel
FIELDS: list[str] | None = None  # --fields a,b,c: only these columns (keys of JSON), in this order
LIMIT: int | None = None  # --limit N: the first N rows
SORT: str | None = None  # --sort FIELD (-FIELD or FIELD:desc: descending)


def listing(fields: str | None = None, limit: int | None = None, sort: str | None = None) -> None:
    """What a listing's --fields, --limit and --sort ask of :func:`emit`."""
    global FIELDS, LIMIT, SORT
    from .errors import UsageError

    if limit is not None and limit < 0:
        raise UsageError("--limit takes a number of rows (0: all)")
    FIELDS = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    LIMIT = limit or None
    SORT = sort.strip() if sort and sort.strip() else None


def _plain(row: Any) -> dict[str, Any]:
    return json.loads(row) if isinstance(row, RawJSON) else row


def _sort_key(v: Any) -> tuple:
    if isinstance(v, bool) or v is None:
        return (1, str(v))
    if isinstance(v, int | float):
        return (0, float(v))
    text = _cell(v)
    try:
        return (0, float(text.replace("+", "", 1)))
    except ValueError:
        return (1, text)


def _shaped(rows: Iterable[Any], columns: Sequence[str] | None, fmt: str) -> tuple[Iterable[Any], Sequence[str] | None]:
    """Rows and columns as --sort, --limit and --fields ask; an unknown field is a usage error
    naming the fields there are (checked on the first row, before anything is written)."""
    if not (FIELDS or LIMIT or SORT):
        return rows, columns
    from .errors import UsageError

    it = iter(rows)
    first = next(it, None)
    if first is None:
        return [], list(FIELDS) if FIELDS else columns
    first = _plain(first)
    known = list(dict.fromkeys([*(columns or []), *first]))
    key = desc = None
    if SORT:
        key, desc = (SORT[1:], True) if SORT.startswith("-") else (SORT.removesuffix(":desc"), SORT.endswith(":desc"))
    for f in [*(FIELDS or []), *([key] if key else [])]:
        if f not in known:
            raise UsageError(f"no field {f!r}; the fields are: {', '.join(known)}")
    rows = chain([first], it)
    if key:
        every = [_plain(r) for r in rows]
        present = sorted((r for r in every if r.get(key) not in (None, "")), key=lambda r: _sort_key(r.get(key)),
                         reverse=bool(desc))
        rows = present + [r for r in every if r.get(key) in (None, "")]  # empty cells last, either way
    if LIMIT:
        rows = islice(rows, LIMIT)
    if FIELDS:
        columns = list(FIELDS)
        if fmt in ("json", "nl"):
            rows = ({f: _plain(r).get(f) for f in FIELDS} for r in rows)
    return rows, columns


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


def number(v: float | int | None) -> str:
    """A figure as people write it: every digit it has, no exponent (1349000, not 1.349e+06;
    0.00001, not 1e-05), no trailing .0."""
    if v is None:
        return ""
    if isinstance(v, bool) or not isinstance(v, float | int):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if v != v or v in (float("inf"), float("-inf")):
        return str(v)
    text = repr(round(v, 10))
    if "e" in text or "E" in text:
        from decimal import Decimal

        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# qualifiers written after the number (5.5左右, 8以上); every other one goes before it (近50,
# 预计超2300, 突破6)
_AFTER = ("左右", "以上", "以内", "以下", "之内", "以外", "多")


def qualified(value: float | None, qualifier: str | None) -> str:
    """A figure with its qualifier, as a report would write it: 5.5左右, 近50, 预计超2300."""
    if value is None:
        return ""
    q = qualifier or ""
    after = next((w for w in _AFTER if q.endswith(w)), "")
    return f"{q[:len(q) - len(after)]}{number(value)}{after}"


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return number(v)
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
    rows, columns = _shaped(rows, columns, fmt)
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
        _terminal_table(rows, cols, title, headers, max_widths)
        return
    # A pipe: what tools read (as gh prints): a header line, then one record a line, its cells
    # TAB-separated, empty cells kept, no colour, no cell ever cut.
    clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
    out.write("\t".join(headers.get(c, c) for c in cols) + "\n")
    for r in rows:
        out.write("\t".join(visible(_cell(r.get(c)).translate(clean)) for c in cols) + "\n")


# Columns that give way on a narrow terminal (cut with …) before any number, unit, period, status,
# sequence number, region or document name does: long texts, and the documents behind a row.
GIVE_WAY = {"documents", "quote", "title", "target_document", "actual_document", "publisher", "source",
            "departments", "reason", "annual_target", "from", "snippet", "aliases", "disagreement", "relpath",
            "path", "progress", "next_steps", "period_target", "note", "detail"}
MIN_TEXT = 6  # the narrowest a giving-way column is drawn; narrower than that, one record a block


def _terminal_table(rows: list[dict[str, Any]], cols: list[str], title: str | None, headers: dict[str, str],
                    max_widths: dict[str, int]) -> None:
    """A rich table on a terminal. Names, periods, numbers, units, statuses and regions are never
    cut or wrapped; long texts and document names take the width left, cut with …; when even the
    columns that keep their width do not fit, one record a block (``--wide``: whole cells, wrapped)."""
    from rich.table import Table
    from rich.text import Text

    con = console()
    cells = {c: [visible(_cell(r.get(c)).replace("\n", " ")) for r in rows] for c in cols}
    natural = {c: max([display_width(headers.get(c, c))] + [display_width(x) for x in cells[c]]) for c in cols}
    give = [c for c in cols if c in GIVE_WAY or any(display_width(x) > 24 for x in cells[c])]
    # no box: two spaces between columns, as in a pipe, so that numbers keep the width
    table = Table(title=Text(visible(title)) if title else None, box=None, padding=(0, 2, 0, 0), pad_edge=False,
                  show_lines=False,
                  header_style="bold underline", title_justify="left")
    if WIDE:
        for c in cols:
            table.add_column(headers.get(c, c), overflow="fold", no_wrap=False, ratio=1 if c in give else None,
                             min_width=None if c in give else natural[c])
        for r in rows:  # Text: report text is never read as rich markup
            table.add_row(*[Text(visible(_cell(r.get(c)))) for c in cols])
        con.print(table)
        return
    keep = [c for c in cols if c not in give]
    free = con.width - 2 * (len(cols) - 1) - 1 - sum(natural[c] for c in keep)
    wanted = {c: min(natural[c], max_widths.get(c) or natural[c]) for c in give}
    if free < MIN_TEXT * len(give) or (not give and free < 0):
        _blocks(rows, cols, cells, title, headers, con.width)
        return
    widths = {c: min(wanted[c], MIN_TEXT) for c in give}
    left = free - sum(widths.values())
    while left > 0:  # what is left goes to the texts that want more, a share each
        hungry = [c for c in give if widths[c] < wanted[c]]
        if not hungry:
            break
        share = max(1, left // len(hungry))
        for c in hungry:
            more = min(share, wanted[c] - widths[c], left)
            widths[c] += more
            left -= more
    for c in cols:
        w = widths.get(c, natural[c])
        table.add_column(headers.get(c, c), overflow="ellipsis", no_wrap=True, width=w, min_width=w, max_width=w)
    for i in range(len(rows)):
        table.add_row(*[Text(cells[c][i]) for c in cols])
    con.print(table)


def _blocks(rows: list[dict[str, Any]], cols: list[str], cells: dict[str, list[str]], title: str | None,
            headers: dict[str, str], width: int) -> None:
    """One record a block: ``header value`` pairs on lines as wide as the terminal, every value
    whole but a long text, which has a line of its own cut to the width."""
    out = sys.stdout
    if title:
        out.write(f"{title}\n")
    for i in range(len(rows)):
        out.write("\n" if i or title else "")
        line = ""
        for c in cols:
            value = cells[c][i]
            if not value:
                continue
            pair = f"{headers.get(c, c) or c} {value}"
            if display_width(pair) > width - 2:
                if line:
                    out.write(line + "\n")
                    line = ""
                out.write("  " + shorten(pair, width - 2) + "\n")
                continue
            if line and display_width(line) + 2 + display_width(pair) > width:
                out.write(line + "\n")
                line = ""
            line = f"{line}  {pair}" if line else f"  {pair}"
        if line:
            out.write(line + "\n")

