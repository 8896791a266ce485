"""Warnings and errors on stderr, one line each (``zibo: warning: …``), without click."""

from __future__ import annotations

import sys

__all__ = ["warn", "say", "fail", "one_line", "say_assumed_region", "disagreement", "say_disagreements"]


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


# what an answer says about itself (the indicator and target commands)


def say_assumed_region(z, rows) -> None:
    """Figures of documents that name no region, taken to be about the one region the database's
    documents name (query.indicators.sole_region): say so when an answer shows that region."""
    from ..query.selection import sole_region

    sole = sole_region(z)
    if not sole or (rows is not None and not any(r.get("region") == sole for r in rows)):
        return
    n = z.conn.execute("SELECT count(*) FROM documents WHERE coalesce(region, '') = ''").fetchone()[0]
    if n:
        warn(f"{n} document{'s' if n > 1 else ''} name no region; {'their' if n > 1 else 'its'} figures are "
             f"taken to be {sole}'s, the only region the database's documents name")


def disagreement(values: dict | None, unit: str | None) -> str:
    """What documents that disagree state, each value with its documents:
    ``actual 5.1% (a.txt) ≠ 5.3% (b.txt)``."""
    from ..render import number

    if not values:
        return ""
    parts = []
    for kind, stated in values.items():
        said = " ≠ ".join(f"{number(v['value'])}{unit or ''} ({_documents(v)})" for v in stated)
        parts.append(f"{kind} {said}" if kind else said)
    return "; ".join(parts)


def _documents(v: dict) -> str:
    more = v.get("documents_count", len(v["documents"])) - len(v["documents"])
    return "、".join(v["documents"]) + (f" … {more} more" if more > 0 else "")


def say_disagreements(rows: list[dict], what: str) -> None:
    """One line on stderr for each row whose documents disagree (at most 10, then a count)."""
    told = [r for r in rows if r.get("disagreement")]
    for r in told[:10]:
        where = f" ({r['region']})" if r.get("region") else ""
        warn(f"documents disagree: {r['name']}{where} {r.get('period') or ''} {r['disagreement']}")
    if len(told) > 10:
        warn(f"… and {len(told) - 10} more {what} where documents disagree (`zibo doctor` lists them all)")


def say(line: str, err: bool = True) -> None:
    """One line on stderr (or stdout), as it is."""
    stream = sys.stderr if err else sys.stdout
    stream.write(line + "\n")
    stream.flush()


def fail(message: str, code: int = 1) -> None:
    """``zibo: error: message`` (on one line) on stderr, and exit with ``code``."""
    say(f"zibo: error: {one_line(message)}")
    raise SystemExit(code)
