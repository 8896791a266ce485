"""Batched commits: the writer's transactions, a batch of documents each, each result given out
once its document is committed."""

from __future__ import annotations

import sqlite3

from .results import IngestResult, Prepared


class Commits:
    """The writer's transactions: documents are written a batch a transaction, committed once
    the batch holds ``BATCH_DOCUMENTS`` documents or is ``BATCH_SECONDS`` old.

    One commit per document rewrote every index page its figures touch (~100 pages a report
    of the bench's, 400 KB into the WAL); a batch shares those pages. Results come back in
    file order, each only once its document is committed (a result with nothing to write
    waits behind the documents before it), so what a run reports stored is stored, whole,
    whatever happens next; an interrupt or error rolls back the batch not yet committed
    (:meth:`rollback`), which was not reported. The full-text index is brought up to date every
    ``store.FTS_BATCH`` documents written (see migration 10) and at the end of the run (an
    interrupted one leaves the rest to the next write). ``bulk`` (a run that started on an empty
    database): the figures', tasks' and status counts' indexes are dropped in the first batch and
    built at the end (``store.bulk``)."""

    def __init__(self, connection, force: bool = False, bulk: bool = False) -> None:
        self.connection, self.force, self.bulk = connection, force, bulk
        self.deferred = False  # the indexes a bulk load defers were dropped by this run
        self.pending: list[IngestResult] = []
        self.started = 0.0
        self.written = 0  # documents written in the open batch
        self.indexed = 0  # documents written in this run, for the full-text flushes

    def add(self, result: IngestResult) -> list[IngestResult]:
        """A result with nothing to write: out now, or after the documents waiting before it."""
        if self.pending:
            self.pending.append(result)
            return []
        return [result]

    def store(self, prep: Prepared) -> list[IngestResult]:
        """Write one parsed file in the open batch (opening one); the results now committed."""
        import time

        conn = self.connection()
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            self.started = time.monotonic()
            if self.bulk and not self.deferred:
                from ..store.bulk import drop_indexes

                drop_indexes(conn)  # (in the batch: a run stopped before its first commit keeps them)
                self.deferred = True
        result = _store_prepared(conn, prep, self.force)
        self.pending.append(result)
        if result.status in ("new", "replaced"):
            from ..store import FTS_BATCH, flush_fulltext

            self.written += 1
            self.indexed += 1
            if self.indexed % FTS_BATCH == 0:
                flush_fulltext(conn)  # (in the open batch)
        if self.written >= BATCH_DOCUMENTS or self.age() >= BATCH_SECONDS:
            return self.commit()
        return []

    def age(self) -> float:
        """Seconds the open batch has been open (0 when none is)."""
        import time

        return time.monotonic() - self.started if self.connection().in_transaction else 0.0

    def commit(self) -> list[IngestResult]:
        conn = self.connection()
        if conn.in_transaction:
            conn.execute("COMMIT")
        out, self.pending, self.written = self.pending, [], 0
        return out

    def finish(self) -> list[IngestResult]:
        """The end of the run: the last batch committed, the full-text index brought up to date,
        the indexes a bulk load deferred built."""
        from ..store import flush_fulltext

        out = self.commit()
        flush_fulltext(self.connection())
        if self.deferred:
            from ..store.bulk import build_indexes

            build_indexes(self.connection())
        return out

    def rollback(self) -> None:
        """Drop the batch not yet committed (after an error or an interrupt); its results go too."""
        from ..store import _rollback

        self.pending, self.written = [], 0
        _rollback(self.connection())


# A batch is committed at this many documents written, or this old (so a slow parser does not
# hold the write lock, and the results on the screen stay live).
BATCH_DOCUMENTS = 32
BATCH_SECONDS = 0.25


def _store_prepared(conn: sqlite3.Connection, prep: Prepared, force: bool = False) -> IngestResult:
    """The write of the parsed document (if there is one), in the open batch's transaction or one of its own."""
    from ..store import document_rows, document_state, store_rows

    result, rows = prep.result, prep.rows
    force = force or prep.rewrite
    if rows is None:
        if prep.doc is None:
            return result
        rows = document_rows(prep.doc)
    result.status = store_rows(conn, rows, mtime=prep.mtime, force=force)
    d = rows.document
    if result.status in ("unchanged", "duplicate"):
        # the same bytes were stored between the check and the write (by another process,
        # or, with parser processes, from an earlier file of this run)
        if result.status == "duplicate":
            other = document_state(conn, d["sha256"], d["path"])[1]
            result.warnings.append(f"same content as {other or 'a file already stored'}; not stored twice")
        _fill_from_db(conn, d["sha256"], result)
        return result
    result.doc_type, result.title, result.year, result.period = d["doc_type"], d["title"], d["year"], d["period"]
    result.type = d.get("type")
    result.observations, result.tasks, result.unreadable = d["observations"], d["tasks"], d["unreadable"]
    result.warnings.extend(rows.warnings)
    return result


def _fill_from_db(conn: sqlite3.Connection, sha: str, result: IngestResult) -> None:
    row = conn.execute(
        "SELECT doc_type, title, year, period, observations, tasks, unreadable, encoding, type "
        "FROM documents WHERE sha256 = ?", (sha,)).fetchone()
    if row:
        (result.doc_type, result.title, result.year, result.period, result.observations,
         result.tasks, result.unreadable, result.encoding, result.type) = row
