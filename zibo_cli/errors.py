"""Errors the CLI turns into one line on stderr and an exit code (see README "Errors and exit codes").

Exit codes:

* 0   everything asked for was done (an empty query result is still 0)
* 1   some input failed (a file that cannot be read, a database that cannot be opened
      or written), or nothing matched where that is an error (no files under the paths)
* 2   usage error: a bad option, argument or value (click uses 2 as well)
* 130 interrupted by Ctrl-C (SIGINT); 143 stopped by SIGTERM. Nothing is half-written.
"""

from __future__ import annotations

import signal

# Exit codes
OK = 0
FAILED = 1  # some input failed, or nothing matched where that is an error
USAGE = 2  # bad arguments (click uses 2 as well)
INTERRUPTED = 128 + signal.SIGINT  # 130
TERMINATED = 128 + signal.SIGTERM  # 143


class ZiboError(Exception):
    """An expected failure: its message is shown to the user as is."""

    exit_code = FAILED


class UsageError(ZiboError):
    exit_code = USAGE


class DatabaseError(ZiboError):
    """The database cannot be opened, read or written."""


class Interrupted(KeyboardInterrupt):
    """A signal (SIGTERM, SIGHUP) turned into an interrupt, so open transactions roll back."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def shown(text: str) -> str:
    """Text that can be printed and stored: a file name that is not UTF-8 (``bad\\xff.txt``,
    common in archives from Windows) keeps its readable part, the rest shown as �."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
