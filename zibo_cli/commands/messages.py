"""Warnings and errors on stderr, one line each (``zibo: warning: …``), without click."""

from __future__ import annotations

import sys

__all__ = ["warn", "one_line"]


def one_line(message: str) -> str:
    """The message on one line, its control characters made visible (a file name may hold ESC)."""
    from ..render import visible

    return visible(" ".join(str(message).split()))


def warn(message: str) -> None:
    sys.stderr.write(f"zibo: warning: {one_line(message)}\n")
    sys.stderr.flush()


def describe(e: BaseException, debug: bool = False) -> tuple[str, int] | None:
    """The one line and exit code for an error a command raised (None: re-raise it, with
    ``debug`` for anything unexpected). Both the typer commands and the fast path use it."""
    import sqlite3

    from ..errors import INTERRUPTED, Interrupted, ZiboError

    if isinstance(e, ZiboError):
        return str(e), e.exit_code
    if isinstance(e, KeyboardInterrupt):
        code = e.exit_code if isinstance(e, Interrupted) else INTERRUPTED
        return ("interrupted; documents already stored stay whole, the one in progress was rolled back: run the "
                "same command again to finish"), code
    if debug or not isinstance(e, Exception):
        return None
    if isinstance(e, sqlite3.Error):
        return f"database error: {e}; run `zibo doctor` to check the database", 1
    if isinstance(e, OSError):
        where = f"{e.filename}: " if e.filename else ""
        return f"{where}{e.strerror or e}", 1
    return f"internal error ({type(e).__name__}: {e}); please report it (ZIBO_DEBUG=1 shows the traceback)", 1


def pipe_closed() -> None:
    """The reader of stdout went away (zibo tasks --json | head): quietly, exit 0 — and no
    'Exception ignored' when Python flushes stdout at exit."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    try:
        sys.stderr.close()
    except OSError:
        pass
