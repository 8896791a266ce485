"""Transactions: ``BEGIN IMMEDIATE`` … ``COMMIT``, and a rollback that never masks an error."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; roll back on any exception (or interrupt).

    Should the process die instead (SIGKILL, power loss), SQLite's journal rolls the
    open transaction back the next time the database is opened. Inside a transaction the
    caller opened (an ingest writes many documents in one: ``ingest.Commits``) this joins
    it: what it writes commits, or rolls back, with the rest of that transaction.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise



def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is open; never mask the error that caused it."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # closing the connection (or the process ending) rolls back all the same


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

