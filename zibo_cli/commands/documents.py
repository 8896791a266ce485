"""`zibo show DOC` and `zibo forget DOC…` as plain functions (see zibo_cli/commands/__init__.py):
a document's text, or the lines around a quote; removing documents and their rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .messages import say, warn


def show(db: Path, *, doc: str, around: int | None = None, lines: int = 2) -> None:
    """Print ``doc``'s text as stored (only the lines around ``around`` when given)."""
    import sys

    from ..query import Zibo
    from ..render import console, is_terminal, visible

    with Zibo(db) as z:
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


def forget(db: Path, *, docs: list[str], yes: bool = False, dry_run: bool = False,
           confirm: Callable[[str], bool] | None = None) -> None:
    """Remove ``docs`` and their rows in one transaction; more than one needs ``yes`` or, on a
    terminal, ``confirm(question)`` (the CLI asks the user)."""
    confirm = confirm or (lambda question: False)
    from ..errors import UsageError
    from ..query import Zibo
    from ..render import visible
    from ..store import DOCUMENT_ROW_TABLES, base_name, connect, name_documents, transaction

    path = db
    with Zibo(path) as z:
        found = list({f["id"]: f for f in (z.find_document(d) for d in docs)}.values())
    if dry_run:
        for f in found:
            say(visible(f"would forget {f['document']} ({f['path']})"), err=False)
        return
    if len(found) > 1 and not yes:
        if not _asking():
            raise UsageError(f"forgetting {len(found)} documents needs --yes (--dry-run lists them)")
        names = ", ".join(f["document"] for f in found[:5]) + (" …" if len(found) > 5 else "")
        if not confirm(visible(f"forget {len(found)} documents ({names})?")):
            say("nothing forgotten")
            raise SystemExit(1)
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
        say(visible(f"forgot {f['document']} ({f['path']})"))
