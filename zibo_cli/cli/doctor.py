"""`zibo doctor`: check the database's health (read-only)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import CsvOpt, JsonOpt, NlOpt, TsvOpt, app, db_path

COLUMNS = ["check", "status", "document", "detail"]


@app.command("doctor")
def doctor(
    ctx: typer.Context,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    tsv_: TsvOpt = False,
    nl_: NlOpt = False,
    no_files: Annotated[bool, typer.Option("--no-files", help="Skip comparing documents with their files on disk.")] = False,
) -> None:
    """Check the database: schema version, integrity, references, half-written
    documents, duplicates, and source files changed or gone since they were ingested.

    Changes nothing. Exit status 1 when any check finds an error (warnings such as a
    changed file exit 0).
    """
    from ..doctor import ERROR, check_database
    from ..render import emit, output_format

    fmt = output_format(json_, csv_, tsv_, nl_)
    findings = check_database(db_path(ctx), check_files=not no_files)
    emit(findings, COLUMNS, fmt, title="zibo doctor", max_widths={"detail": 70})
    errors = sum(1 for f in findings if f["status"] == ERROR)
    if errors:
        typer.echo(f"zibo: error: {errors} problem(s) found in the database", err=True)
        raise typer.Exit(1)
