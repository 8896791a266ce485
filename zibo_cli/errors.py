"""Errors the CLI turns into one line on stderr and an exit code (see README "Errors and exit codes")."""

from __future__ import annotations

# Exit codes
OK = 0
FAILED = 1  # some input failed, or nothing matched where that is an error
USAGE = 2  # bad arguments (click uses 2 as well)


class ZiboError(Exception):
    """An expected failure: its message is shown to the user as is."""

    exit_code = FAILED


class UsageError(ZiboError):
    exit_code = USAGE


class DatabaseError(ZiboError):
    """The database cannot be opened, read or written."""
