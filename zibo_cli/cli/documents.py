"""`zibo show DOC` (a document's text, or the lines around a quote) and `zibo forget DOC…`."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import app, db_path, warn


@app.command("show")
def show(
    ctx: typer.Context,
    doc: Annotated[str, typer.Argument(metavar="DOC", help="The document: file name, path, or a unique start of one.",
                                       show_default=False)],
    around: Annotated[int | None, typer.Option("--around", metavar="OFFSET", min=0, show_default=False,
                                               help="Only the lines around this character offset (the offset "
                                                    "`zibo indicator --source` gives a figure).")] = None,
    lines: Annotated[int, typer.Option("--lines", "-n", metavar="N", min=0,
                                       help="With --around: lines before and after.")] = 2,
) -> None:
    """Print a document's text as zibo stored it (normalised: simplified, one paragraph a line),
    so "where does this number come from?" ends in the text itself. Characters lost to the
    encoding (? and �) are marked on a terminal."""
    import sys

    from ..query import Zibo
    from ..render import console, is_terminal, visible

    with Zibo(db_path(ctx)) as z:
        found = z.find_document(doc)
        text = z.document_text(found["sha256"]) or ""
    start_line = 0
    if around is not None:
        if around > len(text):
            from ..errors import UsageError

            raise UsageError(f"--around {around} is past the end of the text ({len(text)} characters)")
        line_no = text.count("\n", 0, around)
        all_lines = text.split("\n")
        start_line = max(0, line_no - lines)
        chosen = all_lines[start_line:line_no + lines + 1]
        column = around - (text.rfind("\n", 0, around) + 1)
        body = []
        for i, line in enumerate(chosen, start_line):
            body.append(f"{i + 1:>5}  {line}")
            if i == line_no:
                from ..render import display_width

                body.append(" " * (7 + display_width(line[:column])) + "^")
        text = "\n".join(body)
    text = visible(text)  # (after --around's columns are counted)
    if is_terminal():
        from rich.text import Text

        out = Text(text)
        for i, ch in enumerate(text):
            if ch in "?\ufffd":
                out.stylize("reverse red", i, i + 1)
        console().print(out, soft_wrap=True)
    else:
        sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))
    if found["unreadable"]:
        warn(f"{found['unreadable']} character(s) of {found['document']} were lost to its encoding (shown as ? or �)")


def _asking() -> bool:
    """Can the user be asked (stdin and stderr on a terminal)?"""
    import sys

    from ..render import is_terminal

    return is_terminal(sys.stdin) and is_terminal(sys.stderr)


@app.command("forget")
def forget(
    ctx: typer.Context,
    docs: Annotated[list[str], typer.Argument(metavar="DOC...", help="Documents to remove (file name, path or a "
                                              "unique start of one).", show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Forget several documents without asking.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="List the documents that would go; "
                                          "change nothing.")] = False,
) -> None:
    """Remove documents and every row that came from them, in one transaction (a file that is
    gone, or was ingested by mistake). The files themselves are not touched. More than one
    document: asked for on a terminal, else needs --yes."""
    from ..errors import UsageError
    from ..query import Zibo
    from ..render import visible
    from ..store import DOCUMENT_ROW_TABLES, base_name, connect, name_documents, transaction

    path = db_path(ctx)
    with Zibo(path) as z:
        found = list({f["id"]: f for f in (z.find_document(d) for d in docs)}.values())
    if dry_run:
        for f in found:
            typer.echo(visible(f"would forget {f['document']} ({f['path']})"))
        return
    if len(found) > 1 and not yes:
        if not _asking():
            raise UsageError(f"forgetting {len(found)} documents needs --yes (--dry-run lists them)")
        names = ", ".join(f["document"] for f in found[:5]) + (" …" if len(found) > 5 else "")
        if not typer.confirm(visible(f"forget {len(found)} documents ({names})?"), default=False, err=True):
            typer.echo("nothing forgotten", err=True)
            raise typer.Exit(1)
    conn = connect(path)
    try:
        with transaction(conn):
            for f in found:
                for table in DOCUMENT_ROW_TABLES:
                    conn.execute(f"DELETE FROM [{table}] WHERE doc_id = ?", (f["id"],))
                conn.execute("DELETE FROM documents WHERE id = ?", (f["id"],))
            name_documents(conn, {base_name(f["relpath"] or f["document"]) for f in found})  # = their file_name
    finally:
        conn.close()
    for f in found:
        typer.echo(visible(f"forgot {f['document']} ({f['path']})"), err=True)
