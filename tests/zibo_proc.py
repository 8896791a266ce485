"""Run the zibo CLI in a subprocess with test hooks (used by test_atomic.py and test_errors.py).

    python tests/zibo_proc.py ingest DIR --json

Hooks, set by environment variables:

* ``ZIBO_TEST_ROWS=N``: every document gets N made-up observations, so a document
  has many rows to be half-written (whatever the real extractors find).
* ``ZIBO_TEST_PARSE_SECONDS=S``: parsing each document takes S seconds longer (outside
  any transaction, as real parsing does), so two processes take turns at the database.
  With ``ZIBO_TEST_SLOW_IN_WORKERS=1`` only the parser processes are slow: the main process
  parses its first file at once (it does so before it forks them), so a test of the workers
  does not first wait S seconds for them to start.
* ``ZIBO_TEST_PAUSE_AT=K`` with ``ZIBO_TEST_MARKER=FILE``: inside the transaction of
  the K-th document this process writes (its documents row and observations already
  inserted, not committed), create FILE and sleep, so a test can kill the process at
  a known point mid-transaction.
* ``ZIBO_TEST_SIGINT=1``: take Ctrl-C (SIGINT) as a terminal delivers it, even when the test
  run ignores it.
* ``ZIBO_TEST_UNPRIVILEGED=1``: drop root's powers first (a new user namespace; the
  process becomes "nobody"), so file permissions apply as they do to a normal user.
  Exits 77 when that is impossible here.
"""

from __future__ import annotations

import os
import sys
import time


def _unprivileged() -> None:
    if os.geteuid() != 0:
        return
    # Everything the command may import later must be imported now: after the
    # namespace change the interpreter's own files (under /root) may be out of reach.
    import csv  # noqa: F401
    import ctypes
    import json  # noqa: F401

    import charset_normalizer  # noqa: F401
    import platformdirs  # noqa: F401
    import rich.console  # noqa: F401
    import rich.table  # noqa: F401
    import sqlite_utils  # noqa: F401

    import zibo_cli.cli  # noqa: F401
    import zibo_cli.doctor  # noqa: F401
    import zibo_cli.ingest  # noqa: F401
    import zibo_cli.pipeline  # noqa: F401
    import zibo_cli.query  # noqa: F401
    import zibo_cli.render  # noqa: F401
    import zibo_cli.store  # noqa: F401
    from zibo_cli.normalize import _opencc

    _opencc()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(0x10000000) != 0:  # CLONE_NEWUSER
        sys.exit(77)


def fake_observations(rows: int, parse_seconds: float = 0.0, main_pid: int | None = None):
    """An extractor that finds ``rows`` made-up figures in any text (slow everywhere, or, with
    ``main_pid``, in every process but that one)."""
    from zibo_cli.models import Observation

    def extract(text, meta, tasks=None, frame=None, segments=None):
        if main_pid is None or os.getpid() != main_pid:
            time.sleep(parse_seconds)
        return [Observation(name=f"指标{i}", value=float(i), unit="%", year=2024, start_month=1,
                            end_month=6, quote=f"指标{i}增长{i}%") for i in range(rows)]

    return extract


def _hooks() -> None:
    from zibo_cli import pipeline, store

    rows = int(os.environ.get("ZIBO_TEST_ROWS", "0"))
    if rows:
        pipeline.extract_observations = fake_observations(
            rows, float(os.environ.get("ZIBO_TEST_PARSE_SECONDS", "0")),
            os.getpid() if os.environ.get("ZIBO_TEST_SLOW_IN_WORKERS") else None)

    if os.environ.get("ZIBO_TEST_SIGINT"):
        import signal

        signal.signal(signal.SIGINT, signal.default_int_handler)
    pause_at = int(os.environ.get("ZIBO_TEST_PAUSE_AT", "0"))
    if pause_at:
        import signal

        # Ctrl-C must reach us as on a terminal, even when the test run itself ignores SIGINT
        signal.signal(signal.SIGINT, signal.default_int_handler)
        marker = os.environ["ZIBO_TEST_MARKER"]
        write_document, write_keyed = store.rows._insert_document, store.rows._insert_keyed
        written = {"documents": 0}

        def counting_document(conn, document):
            written["documents"] += 1
            return write_document(conn, document)

        def pausing_keyed(conn, table, key, rows_):
            write_keyed(conn, table, key, rows_)
            if table == "observations" and written["documents"] == pause_at:
                with open(marker, "w") as f:
                    f.write(str(os.getpid()))
                time.sleep(120)  # the test kills us here, inside the transaction

        store.rows._insert_document, store.rows._insert_keyed = counting_document, pausing_keyed


if __name__ == "__main__":
    if os.environ.get("ZIBO_TEST_UNPRIVILEGED"):
        _unprivileged()
    _hooks()
    from zibo_cli.cli import main

    sys.argv[0] = "zibo"
    main()
