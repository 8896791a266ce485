"""The rows of a text: TAB- or pipe-separated lines with broken lines rejoined, or a table
flattened one cell per line."""

from __future__ import annotations

import re

from ...models import STATUS_UNKNOWN
from ..cells import clean_cell
from ..structure import item_mark, split_cells
from .align import _cell_score
from .header import map_header
from .rows import _HEADING_RE, _Row
from .status import classify_status
from .text import _is_separator, _join, _seq_like, _seq_value


def _split_line(line: str) -> list[str] | None:
    """The cells of a table line (TAB- or pipe-separated, runs of spaces; see
    ``structure.split_cells``), or None for prose."""
    return split_cells(line)


_PAGE_FURNITURE = re.compile(r"^(?:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页.*|共\s*\d+\s*页)$")


# -- a table flattened one cell per line -------------------------------------------
# An HTML table saved as text often comes out one cell per line, each perhaps followed by
# " |" (an empty cell is a line holding only "|"): 序号 | / 项目名称 | / 责任单位 | … then
# 1 | / 新建幼儿园 | / 教育局 | …. The header's cells fix the width; a row starts at the next
# 序号 once it holds enough cells to be a row (so a cell reading 2 is not taken for row 2).

_FLAT_CELL_MAX = 24
_FLAT_HEADER_MAX = 12


def _flat_cell(line: str) -> str:
    s = line.strip()
    if s.endswith("|"):
        s = s[:-1].rstrip()
    return s


def _flat_table_rows(text: str) -> list[_Row]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, _flat_cell(line)))
        offset += len(line) + 1
    for i in range(len(lines)):
        if not lines[i][1] or len(lines[i][1]) > _FLAT_CELL_MAX:
            continue
        for width in range(3, _FLAT_HEADER_MAX + 1):
            if i + width >= len(lines):
                break
            cells = [c for _, c in lines[i:i + width]]
            if any(len(c) > _FLAT_CELL_MAX or not c for c in cells):
                break
            header = map_header(cells)
            if header is None or header.keys[0] != "seq":
                continue
            first = lines[i + width][1]
            if _seq_value(first) not in ("1", "一"):
                continue
            wider = map_header([c for _, c in lines[i:i + width + 1]])
            if wider is not None and i + width + 1 < len(lines) and wider.width > width \
                    and _seq_value(lines[i + width + 1][1]) in ("1", "一"):
                continue  # the header goes on
            return _flat_rows(lines[i:], width)
    return []


def _flat_rows(lines: list[tuple[int, str]], width: int) -> list[_Row]:
    rows = [_Row([c for _, c in lines[:width]], lines[0][0])]
    current: _Row | None = None
    expected = 1
    for off, cell in lines[width:]:
        starts = _seq_like(cell) and _seq_value(cell) == str(expected)
        if starts and (current is None or len(current.cells) >= max(2, width - 2)):
            current = _Row([cell], off)
            rows.append(current)
            expected += 1
            continue
        if current is None:
            continue
        if len(current.cells) >= width + 3 and len(cell) >= 40 and cell[-1] in "。；！？":
            break  # prose after the table
        current.cells.append(cell)
    return rows


def _text_table_rows(text: str) -> list[_Row]:
    """The table rows of the text, with their offsets; broken lines rejoined.

    A line without cells inside a table is page furniture or a heading (skipped),
    the middle of a cell cut by a line break (joined to the unfinished row), or a
    note or paragraph after the table (which ends it).
    """
    rows: list[_Row] = []
    width: int | None = None
    keys: list[str | None] = []
    seq_first = False
    offset = 0
    in_table = False
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        cells = _split_line(line)
        if cells is not None:
            header = map_header(cells)
            if header is not None:
                width, in_table = header.width, True
                keys = header.keys
                seq_first = keys[0] == "seq"
                rows.append(_Row(cells, here))
                continue
            if not in_table:
                continue
            prev = rows[-1] if rows else None
            # a line break inside a cell: the line's first piece ends the row's last cell.
            # With a 序号 column a new row starts with its number, so a row may be put
            # together from several lines; without one, only when the pieces add up exactly.
            # When the pieces fill the row without joining, the line broke between cells.
            if (prev is not None and width and len(prev.cells) < width and cells[0].strip()
                    and not _seq_like(cells[0]) and not _is_separator(cells) and item_mark(cells[0]) is None
                    and map_header(prev.cells) is None):
                total = len(prev.cells) + len(cells)
                numbered = seq_first and _seq_like(prev.cells[0])
                last_key = keys[len(prev.cells) - 1] if len(prev.cells) <= len(keys) else None
                if numbered and total <= width and _cell_closed(prev.cells[-1], last_key):
                    prev.cells.extend(cells)  # the line broke between two cells
                    continue
                if total - 1 == width or (numbered and total - 1 < width):
                    prev.cells[-1] = _join(prev.cells[-1], cells[0])
                    prev.cells.extend(cells[1:])
                    continue
            rows.append(_Row(cells, here))
            continue
        s = line.strip()
        if not s or not in_table or _PAGE_FURNITURE.match(s):
            continue
        prev = rows[-1] if rows else None
        if seq_first and width and len(s) <= 40 and _HEADING_RE.match(s):
            rows.append(_Row([s] + [""] * (width - 1), here))  # a category over the rows below
            continue
        if (prev is not None and width and len(prev.cells) < width and map_header(prev.cells) is None
                and not _HEADING_RE.match(s)):
            last_key = keys[len(prev.cells) - 1] if len(prev.cells) <= len(keys) else None
            fit = _cell_score(last_key, s) if last_key in _NAME_KEYS else 0.0
            if fit < 0 <= _cell_score(last_key, prev.cells[-1]):
                prev.cells.append(s)  # units one a line, then the next column's text: a new cell
            elif fit > 0:
                prev.cells[-1] = prev.cells[-1].rstrip() + "\n" + s  # one more unit
            else:
                prev.cells[-1] = _join(prev.cells[-1], s)  # a cell with a line break in it
            continue
        if _TABLE_END_RE.match(s) or (len(s) >= 40 and s[-1] in "。；！？"):
            in_table, width = False, None  # a note or prose after the table
        # a short line (a category heading, a repeated title) keeps the table open
    return rows


# columns of names (区农业农村委 / 区林业局 / … one a line): a line that names none ends them
_NAME_KEYS = ("departments", "leader")


def _cell_closed(cell: str, key: str | None) -> bool:
    """A cell that reads as complete (a sentence's end, a bare status word), so a line
    break after it falls between two cells rather than inside this one."""
    t = clean_cell(cell)
    if not t or t[-1] in "，,、：:（(":
        return False
    if t[-1] in "。；;！!？?":
        return True
    return key == "status" and len(t) <= 8 and classify_status(t) != STATUS_UNKNOWN


_TABLE_END_RE = re.compile(r"^(?:注|备注|说明|附件|附表|资料来源|数据来源)[:：\d\s]")
