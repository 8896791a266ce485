"""`zibo ingest PATH...`: read reports into the database (zibo_cli/commands/ingest.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command

command("ingest", """Read report files (text in any common Chinese encoding, HTML pages, .docx, .xlsx, PDF).

Files are stored a batch a transaction: unchanged files are skipped, changed
files replace their old rows, and a bad file is reported (one line on stderr:
the file, why, what to do) while the rest go on. Exit status 1 when any file
failed; an interrupt (Ctrl-C, SIGTERM) leaves every document whole or absent.""", {
    "paths": Annotated[list[str], typer.Argument(help="Report files or folders (walked recursively), or addresses of "
                                                 "report pages (http:// or https://).", metavar="PATHS...",
                                                 show_default=False)],
})
