"""Excel ``.xlsx`` workbooks (openpyxl): every visible sheet is one table.

Values are read as Excel last computed them (``data_only``): numbers without a
trailing ``.0``, percentages as written (``5.5%``), dates as ISO dates. A merged
range's value is repeated over the cells it covers (a range across the whole
width, such as a title row, stays in its first column); one-cell rows above the
header (the sheet's title) and below the table (notes) become text lines.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ..models import SourceText
from .tables import Block, Cell, assemble, grid

__all__ = ["read", "cell_text"]


def cell_text(value, number_format: str = "General") -> str:
    """A cell value as the sheet shows it (roughly): 5.0 → 5, 0.055 with a % format → 5.5%."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float):
        if "%" in (number_format or ""):
            return _number(value * 100) + "%"
        return _number(value)
    return str(value)


def _number(v: float) -> str:
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return f"{round(float(v), 10):.10f}".rstrip("0").rstrip(".")


def _sheet_rows(ws) -> list[list[str]]:
    merged = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    cells: list[Cell] = []
    for row in ws.iter_rows():
        for cell in row:
            key = (cell.row, cell.column)
            if key in covered:
                continue
            text = cell_text(cell.value, cell.number_format)
            rs, cs = merged.get(key, (1, 1))
            if text or key in merged:
                cells.append(Cell(cell.row - 1, cell.column - 1, text, rs, cs))
    return grid(cells)


def read(path: Path, data: bytes) -> SourceText:
    import openpyxl

    from ..sources import SourceError

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # zipfile.BadZipFile, KeyError, InvalidFileException: a damaged file
        raise SourceError(f"not a readable Excel .xlsx file ({type(e).__name__}); open and save it "
                          "again in Excel or LibreOffice") from None
    blocks: list[Block] = []
    warnings: list[str] = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        rows = _sheet_rows(ws)
        if rows:
            blocks.append(Block(rows=rows))
    wb.close()
    text, tables = assemble(blocks)
    if not text.strip():
        raise SourceError("an .xlsx workbook with no text in its visible sheets")
    return SourceText(text=text, encoding="xlsx", format="xlsx", tables=tables, warnings=warnings)
