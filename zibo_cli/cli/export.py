"""`zibo export`: every table as CSV or JSON lines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import complete
from .application import JsonOpt, app, db_path


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="csv|jsonl", show_default=False,
                                            help="csv (the default) or jsonl (one JSON object a line).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", metavar="FOLDER", file_okay=False, show_default=False,
        help="Folder to write <table>.csv / <table>.jsonl into (default zibo-export); - writes one "
             "--table to stdout.")] = None,
    table: Annotated[list[str] | None, typer.Option("--table", "-t", metavar="TABLE", autocompletion=complete.tables,
                                                    help="Export only this table (repeatable).")] = None,
    xlsx: Annotated[Path | None, typer.Option(
        "--xlsx", metavar="FILE", dir_okay=False, show_default=False,
        help="Write one Excel workbook instead: a sheet per table, header row frozen.")] = None,
    parquet: Annotated[Path | None, typer.Option(
        "--parquet", metavar="FOLDER", file_okay=False, show_default=False,
        help="Write Parquet datasets instead (documents without text, figures, tasks, targets; typed "
             "columns; partitioned by year) for DuckDB, pandas or Spark. Needs pyarrow: "
             "pip install 'zibo[parquet]'.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Write every table (documents, observations, tasks …) to files for other tools: CSV or JSON
    lines in a folder, one table to stdout (--out -), an Excel workbook (--xlsx FILE), or Parquet
    datasets partitioned by year (--parquet FOLDER)."""
    from ..export import export_tables, export_to_stream
    from ..render import emit, output_format

    if parquet is not None:
        from ..errors import UsageError
        from ..parquet import export_parquet

        if out is not None or fmt is not None or xlsx is not None or table:
            raise UsageError("--parquet writes its four datasets: leave out --out, --format, --xlsx and --table")
        summary = export_parquet(db_path(ctx), parquet)
        emit(summary, ["table", "rows", "file"], output_format(json_, False), title=f"exported to {parquet}")
        return

    if xlsx is not None:
        from ..errors import UsageError
        from ..export import export_xlsx

        if out is not None or fmt is not None:
            raise UsageError("--xlsx writes one workbook: leave out --out and --format")
        summary = export_xlsx(db_path(ctx), xlsx, tables=table or None)
        emit(summary, ["table", "rows", "file"], output_format(json_, False), title=f"exported to {xlsx}")
        return

    fmt = fmt or "csv"
    out = Path("zibo-export") if out is None else out
    if str(out) == "-":
        import sys

        from ..errors import UsageError

        if len(table or []) != 1 or json_:
            raise UsageError("--out - writes one table to stdout: name it with --table (and leave out --json)")
        from .. import render

        if render.BOM and fmt.lower() == "csv":
            sys.stdout.write("\ufeff")  # zibo --bom export --out - -t tasks > tasks.csv: for Excel
        export_to_stream(db_path(ctx), sys.stdout, table[0], fmt=fmt.lower())
        return
    summary = export_tables(db_path(ctx), out, fmt=fmt.lower(), tables=table or None)
    emit(summary, ["table", "rows", "file"], output_format(json_, False), title=f"exported to {out}")
