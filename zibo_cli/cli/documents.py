"""`zibo show DOC` (a document's text, or the lines around a quote) and `zibo forget DOC…`
(zibo_cli/commands/documents.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command

command("show", """Print a document's text as zibo stored it (normalised: simplified, one paragraph a line),
so "where does this number come from?" ends in the text itself. Characters lost to the
encoding (? and �) are marked on a terminal.""", {
    "doc": Annotated[str, typer.Argument(metavar="DOC", help="The document: file name, path, or a unique start of one.",
                                         show_default=False)],
}, defaults={"lines": 2})


def _confirm(question: str) -> bool:
    return typer.confirm(question, default=False, err=True)


command("forget", """Remove documents and every row that came from them, in one transaction (a file that is
gone, or was ingested by mistake). The files themselves are not touched. More than one
document: asked for on a terminal, else needs --yes.""", {
    "docs": Annotated[list[str], typer.Argument(metavar="DOC...", help="Documents to remove (file name, path or a "
                                                "unique start of one).", show_default=False)],
}, confirm=_confirm)
