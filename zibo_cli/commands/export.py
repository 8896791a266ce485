"""`zibo export` as a plain function (see zibo_cli/commands/__init__.py): every table as CSV or
JSON lines in a folder, one table to stdout, an Excel workbook or Parquet datasets."""

from __future__ import annotations

from pathlib import Path


def export(db: Path, fmt: str = "table", *, file_format: str | None = None, out: Path | None = None,
           table: list[str] | None = None, xlsx: Path | None = None, parquet: Path | None = None) -> None:
    """Write the tables; ``fmt`` is how the summary is printed (table or json), ``file_format``
    what the files hold (csv, jsonl)."""
    from ..export import export_tables, export_to_stream
    from ..render import emit

    if parquet is not None:
        from ..errors import UsageError
        from ..parquet import export_parquet

        if out is not None or file_format is not None or xlsx is not None or table:
            raise UsageError("--parquet writes its four datasets: leave out --out, --format, --xlsx and --table")
        summary = export_parquet(db, parquet)
        emit(summary, ["table", "rows", "file"], fmt, title=f"exported to {parquet}")
        return

    if xlsx is not None:
        from ..errors import UsageError
        from ..export import export_xlsx

        if out is not None or file_format is not None:
            raise UsageError("--xlsx writes one workbook: leave out --out and --format")
        summary = export_xlsx(db, xlsx, tables=table or None)
        emit(summary, ["table", "rows", "file"], fmt, title=f"exported to {xlsx}")
        return

    file_format = file_format or "csv"
    out = Path("zibo-export") if out is None else out
    if str(out) == "-":
        import sys

        from ..errors import UsageError

        if len(table or []) != 1 or fmt == "json":
            raise UsageError("--out - writes one table to stdout: name it with --table (and leave out --json)")
        from .. import render

        if render.BOM and file_format.lower() == "csv":
            sys.stdout.write("\ufeff")  # zibo --bom export --out - -t tasks > tasks.csv: for Excel
        export_to_stream(db, sys.stdout, table[0], fmt=file_format.lower())
        return
    summary = export_tables(db, out, fmt=file_format.lower(), tables=table or None)
    emit(summary, ["table", "rows", "file"], fmt, title=f"exported to {out}")
