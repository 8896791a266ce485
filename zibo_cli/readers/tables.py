"""What every structured reader does with a table, in one place.

* ``grid``: cells with row/column spans → a rectangular list of rows. A merged
  cell's text is repeated in every row and column it covers (a 分管领导 merged
  over three task rows belongs to each of them), except a cell spanning the
  whole width (a section heading inside a table), which stays in the first column.
* ``tidy``: cell text on one line, empty rows and columns dropped.
* ``split_captions``: one-cell rows before the first real row (the sheet's
  title) or after the last (a 注： line) are text, not table rows.
* ``render``: TAB-separated lines, as a task table saved as text looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cell", "grid", "clean_cell", "tidy", "split_captions", "render", "Block", "assemble"]

_WS_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")


@dataclass
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


def clean_cell(text: str | None) -> str:
    """One line: the cell's lines (paragraphs) joined by a space, runs of blanks collapsed."""
    if not text:
        return ""
    parts = [_WS_RE.sub(" ", p).strip() for p in str(text).split("\n")]
    return " ".join(p for p in parts if p)


def grid(cells: list[Cell]) -> list[list[str]]:
    """Lay spanning cells out on a grid (see the module docstring for the merge rule)."""
    if not cells:
        return []
    nrows = max(c.row + max(c.rowspan, 1) for c in cells)
    ncols = max(c.col + max(c.colspan, 1) for c in cells)
    out = [[""] * ncols for _ in range(nrows)]
    for c in cells:
        rs, cs = max(c.rowspan, 1), max(c.colspan, 1)
        full_width = cs >= ncols > 1
        for r in range(c.row, min(c.row + rs, nrows)):
            if full_width:
                out[r][c.col] = c.text
                continue
            for k in range(c.col, min(c.col + cs, ncols)):
                out[r][k] = c.text
    return out


def tidy(rows: list[list[str | None]]) -> list[list[str]]:
    """Clean every cell, pad rows to one width, drop empty rows and empty columns."""
    rows = [[clean_cell(c) for c in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [i for i in range(width) if any(r[i] for r in rows)]
    return [[r[i] for i in keep] for r in rows]


def _single(row: list[str]) -> bool:
    return sum(1 for c in row if c) <= 1


def split_captions(rows: list[list[str]]) -> tuple[list[str], list[list[str]], list[str]]:
    """(lines before, table rows, lines after): one-cell rows at either end are text."""
    if not rows or len(rows[0]) < 2:
        return [], rows, []
    start, end = 0, len(rows)
    while start < end and _single(rows[start]):
        start += 1
    while end > start and _single(rows[end - 1]):
        end -= 1
    before = [next((c for c in r if c), "") for r in rows[:start]]
    after = [next((c for c in r if c), "") for r in rows[end:]]
    body = rows[start:end]
    if body:
        keep = [i for i in range(len(body[0])) if any(r[i] for r in body)]
        body = [[r[i] for i in keep] for r in body]
    return before, body, after


def render(rows: list[list[str]]) -> list[str]:
    """TAB-separated lines; a row with text in its first cell only is written as a plain line."""
    lines = []
    for row in rows:
        cells = [c.replace("\t", " ") for c in row]
        if cells and cells[0] and not any(cells[1:]):
            lines.append(cells[0])
        else:
            lines.append("\t".join(cells))
    return lines


@dataclass
class Block:
    """A piece of a document in reading order: a paragraph (``text``) or a table (``rows``)."""

    text: str | None = None
    rows: list[list[str]] | None = None


def assemble(blocks: list[Block]) -> tuple[str, list[list[list[str]]]]:
    """Text (paragraphs on their own lines, tables as TAB rows) and the list of tables.

    A table gets a blank line before and after it, so it never runs into the prose.
    """
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    for b in blocks:
        if b.rows is not None:
            before, body, after = split_captions(tidy(b.rows))
            lines.extend(before)
            if len(body) >= 2 and len(body[0]) >= 2:
                tables.append(body)
                if lines and lines[-1]:
                    lines.append("")
                lines.extend(render(body))
                lines.append("")
            else:  # a one-row or one-column "table" is text laid out in a box
                lines.extend(" ".join(c for c in row if c) for row in body)
            lines.extend(after)
        elif b.text is not None:
            for line in b.text.split("\n"):
                line = _WS_RE.sub(" ", line).strip()
                if line:
                    lines.append(line)
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text), tables
