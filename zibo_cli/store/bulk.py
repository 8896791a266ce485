"""A bulk load into a new database: the indexes of the figures', tasks' and status counts' tables
are dropped while an ingest that started on an empty database writes its documents, and built once
at its end, from the rows in order, instead of being updated row by row (the writer spends a
fifth less CPU and a quarter less time on 1,000 bench reports: bench/writer.py --bulk).

Safe on interruption: the indexes are dropped inside the first batch's transaction, so a run
stopped before its first commit leaves them as they were; a run stopped later leaves a database
whose queries are right but slower, and the next connection that writes (any ``zibo ingest``,
``zibo docs set``) builds what is missing (:func:`build_indexes`, from ``connect``). A second
ingest into the same database meanwhile builds them when it connects, and the first goes on
writing with them. The documents' own indexes (by hash, path and file name), which ingest reads
to find what is stored, are never dropped."""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

DEFERRED_TABLES = ("observations", "tasks", "status_counts")


@lru_cache(maxsize=1)
def deferred_indexes() -> tuple[tuple[str, str], ...]:
    """(name, statement) of each index a bulk load defers, in the order the schema makes them
    (the statements are the schema's own, so a database built either way has the same schema)."""
    from ..schema import STATEMENTS

    out = []
    for sql in STATEMENTS:
        m = re.match(r'CREATE INDEX "?(\w+)"?\s+ON "?(\w+)"?', sql)
        if m and m[2] in DEFERRED_TABLES:
            out.append((m[1], sql))
    return tuple(out)


def is_empty(conn: sqlite3.Connection) -> bool:
    """Whether no document is stored: an ingest starting here may load in bulk."""
    return conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None


def drop_indexes(conn: sqlite3.Connection) -> None:
    """Drop the deferred indexes (in the caller's transaction)."""
    for name, _ in deferred_indexes():
        conn.execute(f"DROP INDEX IF EXISTS [{name}]")


def missing_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    return [(name, sql) for name, sql in deferred_indexes() if name not in present]


def build_indexes(conn: sqlite3.Connection) -> int:
    """Build the deferred indexes that are missing, in one transaction; how many."""
    from .atomic import transaction

    if not missing_indexes(conn):
        return 0
    with transaction(conn):
        todo = missing_indexes(conn)  # (again under the write lock: another writer may have built them)
        for _, sql in todo:
            conn.execute(sql)
    return len(todo)
