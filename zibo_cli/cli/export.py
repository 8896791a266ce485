"""`zibo export`: every table as CSV or JSON lines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import JsonOpt, app, db_path


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or jsonl (one JSON object a line).")] = "csv",
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write <table>.csv / <table>.jsonl into; "
                                      "- writes one --table to stdout.", file_okay=False)] = Path("zibo-export"),
    table: Annotated[list[str] | None, typer.Option("--table", "-t",
                                                    help="Export only this table (repeatable).")] = None,
    json_: JsonOpt = False,
) -> None:
    """Write every table (documents, observations, tasks …) to files for other tools."""
    from ..export import export_tables, export_to_stream
    from ..render import emit, output_format

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
