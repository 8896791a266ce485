"""Export every table of the database as CSV or JSON lines, for other tools.

    from zibo_cli.export import export_tables
    export_tables("zibo.db", "out/", fmt="jsonl")   # → out/documents.jsonl, out/observations.jsonl …

The user's tables are exported: the full-text index (``documents_fts`` and its
shadow tables) and bookkeeping tables (names starting with ``_`` or ``sqlite_``)
are not. Rows are written as stored, and rows that came from a document (``doc_id``) also carry its
name (``document``: its base name, or its path from the folder ingested when two share one); JSON lists kept in TEXT columns (such as
``tasks.departments``) stay JSON strings in CSV and become lists in JSON lines.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import IO, Any

__all__ = ["export_tables", "export_to_stream", "export_xlsx", "write_table", "user_tables", "FORMATS"]

FORMATS = ("csv", "jsonl")
# TEXT columns that hold a JSON list
_JSON_COLUMNS = {("tasks", "departments"), ("documents", "warnings")}


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables that hold data: not virtual tables, their shadow tables, or internal ones."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    out = []
    for name, _sql in rows:
        if name in virtual or name.startswith(("_", "sqlite_")):
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue
        out.append(name)
    return out


def _chosen_tables(conn: sqlite3.Connection, tables: list[str] | None) -> list[str]:
    """The tables to export: those named (UsageError for one that is not there), else every one."""
    from .errors import UsageError

    available = user_tables(conn)
    wanted = tables or available
    unknown = [t for t in wanted if t not in available]
    if unknown:
        raise UsageError(f"no table {unknown[0]!r}; the tables are: {', '.join(available)}")
    return wanted


def _rows(conn: sqlite3.Connection, table: str):
    """The rows of ``table``; a table of rows from documents (``doc_id``) gets the document's name
    beside its id, so a spreadsheet says which file a row came from, and a table with a region its
    level beside it (``region_level``: city, district, county …)."""
    cols, cur = _table_rows(conn, table)
    if "region" not in cols or "region_level" in cols:
        return cols, cur
    from .places import place_level

    at = cols.index("region") + 1
    return cols[:at] + ["region_level"] + cols[at:], _Leveled(cur, at, place_level)


class _Leveled:
    """A cursor's rows with the region's level put after the region (a cursor's fetchmany too)."""

    def __init__(self, cur, at: int, level) -> None:
        self.cur, self.at, self.level = cur, at, level

    def _row(self, row: tuple) -> tuple:
        return (*row[:self.at], self.level(row[self.at - 1]), *row[self.at:])

    def __iter__(self):
        return (self._row(r) for r in self.cur)

    def fetchmany(self, n: int) -> list[tuple]:
        return [self._row(r) for r in self.cur.fetchmany(n)]


def _table_rows(conn: sqlite3.Connection, table: str):
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
    if "doc_id" in cols and "document" not in cols and table != "documents":
        at = cols.index("doc_id") + 1
        select = [f"t.[{c}]" for c in cols]
        select.insert(at, "d.document AS document")
        cols.insert(at, "document")
        cur = conn.execute(f"SELECT {', '.join(select)} FROM [{table}] t LEFT JOIN documents d ON d.id = t.doc_id "
                           "ORDER BY t.rowid")
        return cols, cur
    cur = conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid")
    return [d[0] for d in cur.description], cur


def export_tables(db: str | os.PathLike[str], out_dir: str | os.PathLike[str], fmt: str = "csv",
                  tables: list[str] | None = None) -> list[dict[str, Any]]:
    """Write each table to ``out_dir/<table>.<fmt>``; return [{table, rows, file}]."""
    from .errors import UsageError
    from .store import open_readonly

    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose csv or jsonl")
    conn = open_readonly(Path(db))
    try:
        wanted = _chosen_tables(conn, tables)
        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"cannot create {out}: {e.strerror or e}") from None
        summary = []
        for table in wanted:
            path = out / f"{table}.{fmt}"
            n = _write(conn, table, path, fmt)
            summary.append({"table": table, "rows": n, "file": str(path)})
        return summary
    finally:
        conn.close()


# A spreadsheet takes a cell that starts with one of these for a formula (=cmd|' /C calc'!A0 in a
# 未完成原因 cell would run on open); the OWASP advice for CSV: write such text with a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> Any:
    """A value for a CSV cell: text a spreadsheet would take for a formula gets a leading
    apostrophe (shown as text, not run); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write(conn: sqlite3.Connection, table: str, path: Path, fmt: str) -> int:
    from .errors import ZiboError

    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as f:
            n = write_table(conn, table, f, fmt)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ZiboError(f"cannot write {path}: {e.strerror or e}") from None
    return n


def write_table(conn: sqlite3.Connection, table: str, f: IO[str], fmt: str) -> int:
    """Write one table's rows to ``f`` as CSV (with a header) or JSON lines; the row count."""
    cols, cur = _rows(conn, table)
    n = 0
    if fmt == "csv":
        w = csv.writer(f)
        w.writerow(cols)
        for row in cur:
            w.writerow(["" if v is None else csv_text(v) for v in row])
            n += 1
        return n
    json_cols = {i for i, c in enumerate(cols) if (table, c) in _JSON_COLUMNS}
    for row in cur:
        rec = {}
        for i, (c, v) in enumerate(zip(cols, row, strict=True)):
            if i in json_cols and isinstance(v, str):
                try:
                    v = json.loads(v)
                except ValueError:
                    pass
            elif isinstance(v, bytes):
                v = v.hex()
            rec[c] = v
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_to_stream(db: str | os.PathLike[str], f: IO[str], table: str, fmt: str = "csv") -> int:
    """``zibo export --out -``: one table to a stream (stdout); the row count."""
    from .errors import UsageError
    from .store import open_readonly

    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose csv or jsonl")
    conn = open_readonly(Path(db))
    try:
        return write_table(conn, _chosen_tables(conn, [table])[0], f, fmt)
    finally:
        conn.close()


# Excel holds at most this many characters in a cell; a document's text can be longer.
XLSX_CELL_LIMIT = 32767
_XLSX_MAX_WIDTH = 60  # columns wider than this (texts, quotes) are cut on screen, not in the cell
_XLSX_SAMPLE = 200  # rows read to size the columns


def export_xlsx(db: str | os.PathLike[str], path: str | os.PathLike[str],
                tables: list[str] | None = None) -> list[dict[str, Any]]:
    """Write the tables to one Excel workbook at ``path``: a sheet per table, the header row frozen,
    columns as wide as their first rows need (at most 60 characters; CJK counts double). A cell
    longer than Excel allows (a document's whole text) is cut there, ending with …. The file is
    written beside ``path`` and moved into place, so a failed export leaves no half workbook."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    from .errors import UsageError, ZiboError
    from .render import display_width
    from .store import open_readonly

    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target} is a folder; --xlsx takes a file name (zibo-export.xlsx)")
    conn = open_readonly(Path(db))
    summary = []
    tmp = target.with_name(target.name + ".part")
    try:
        wanted = _chosen_tables(conn, tables)
        book = Workbook(write_only=True)

        def cell(v: Any) -> Any:
            if isinstance(v, bytes):
                return v.hex()
            if isinstance(v, str):
                v = ILLEGAL_CHARACTERS_RE.sub("", v)
                if len(v) > XLSX_CELL_LIMIT:
                    v = v[:XLSX_CELL_LIMIT - 1] + "…"
                if v.startswith("="):  # openpyxl would write it as a formula: text it is
                    text = WriteOnlyCell(sheet, value=v)
                    text.data_type = "s"
                    return text
            return v

        for table in wanted:
            cols, cur = _rows(conn, table)
            sample = cur.fetchmany(_XLSX_SAMPLE)
            sheet = book.create_sheet(title=table[:31])  # Excel's limit on a sheet name
            sheet.freeze_panes = "A2"
            for i, c in enumerate(cols):
                seen = [display_width(c)] + [display_width(str(r[i])[:200]) for r in sample if r[i] is not None]
                sheet.column_dimensions[get_column_letter(i + 1)].width = min(max(seen) + 2, _XLSX_MAX_WIDTH)
            sheet.append(cols)
            n = 0
            for row in sample:
                sheet.append([cell(v) for v in row])
                n += 1
            for row in cur:
                sheet.append([cell(v) for v in row])
                n += 1
            summary.append({"table": table, "rows": n, "file": str(target)})
        try:
            book.save(tmp)
            os.replace(tmp, target)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise ZiboError(f"cannot write {target}: {e.strerror or e}") from None
        return summary
    finally:
        conn.close()
