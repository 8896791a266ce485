"""`zibo doctor` as a plain function (see zibo_cli/commands/__init__.py): the database's health."""

from __future__ import annotations

from pathlib import Path

from .messages import say

COLUMNS = ["check", "status", "document", "detail"]


def doctor(db: Path, fmt: str = "table", *, no_files: bool = False) -> None:
    """Every check's finding in ``fmt``; exit status 1 when one is an error."""
    from ..doctor import ERROR, check_database
    from ..render import emit

    findings = check_database(db, check_files=not no_files)
    emit(findings, COLUMNS, fmt, title="zibo doctor", max_widths={"detail": 70})
    errors = sum(1 for f in findings if f["status"] == ERROR)
    if errors:
        say(f"zibo: error: {errors} problem(s) found in the database")
        raise SystemExit(1)
