"""`zibo ingest PATH...`: read reports into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import CsvOpt, JsonOpt, app, db_path

SUMMARY_COLUMNS = ["document", "status", "doc_type", "period", "observations", "tasks", "unreadable", "note"]


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (walked recursively).",
                                                show_default=False)],
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Read report files (text in any common Chinese encoding, HTML pages, .docx, .xlsx, PDF).

    Each file is stored in its own transaction: unchanged files are skipped, changed
    files replace their old rows, and a bad file is reported while the rest go on.
    Exit status 1 when any file failed.
    """
    from ..ingest import find_files, ingest_paths
    from ..render import emit, err_console, is_terminal, output_format

    fmt = output_format(json_, csv_)
    db = db_path(ctx)
    results = []
    show_progress = is_terminal() and is_terminal(__import__("sys").stderr) and not quiet and fmt == "table"
    if show_progress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        files = list(find_files(paths))
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=err_console(),
                      transient=True) as progress:
            task = progress.add_task("ingesting", total=len(files))
            for r in ingest_paths([f for f, _ in files if _ is None], db):
                results.append(r)
                progress.update(task, advance=1, description=r.document[:30])
        # paths that failed before reading (missing, unreadable folders)
        results.extend(_failed_paths(files))
    else:
        results = list(ingest_paths(paths, db))

    for r in results:
        if r.status == "failed":
            typer.echo(f"zibo: error: {r.path}: {r.error}", err=True)
        elif not quiet and fmt == "table" and r.warnings:
            for w in r.warnings:
                typer.echo(f"zibo: warning: {r.path}: {w}", err=True)
    rows = [{**r.__dict__, "note": r.error or "; ".join(r.warnings)} for r in results]
    if fmt == "json":
        emit([{k: v for k, v in row.items() if k != "note"} for row in rows], fmt="json")
    elif not quiet:
        emit(rows, SUMMARY_COLUMNS, fmt, title=f"ingested into {db}",
             headers={"observations": "figures", "unreadable": "lost chars", "doc_type": "type"},
             max_widths={"note": 50})
    failed = sum(1 for r in results if r.status == "failed")
    if fmt == "table" and not quiet and is_terminal():
        counts = {s: sum(1 for r in results if r.status == s)
                  for s in ("new", "replaced", "unchanged", "duplicate", "failed")}
        err_console().print(", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no files")
    if not results:
        typer.echo("zibo: error: no files found under the given paths", err=True)
        raise typer.Exit(1)
    if failed:
        raise typer.Exit(1)


def _failed_paths(files):
    from ..ingest import IngestResult

    return [IngestResult(path=str(p), document=p.name, status="failed", error=e) for p, e in files if e]
