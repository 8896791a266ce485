"""The run: every file found read and checked here, the new ones parsed (here, or in parser
processes), and written here, in file order, a batch a transaction. One loop for both ways of
parsing: the parsers (``pool.InProcess`` or ``pool.Parsers``) only say how far ahead files are
read and when a parsed file is ready."""

from __future__ import annotations

import os
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import DatabaseError
from . import commits as batches
from .check import check_file
from .commits import Commits
from .pool import InProcess, Parsers, default_workers
from .results import IngestResult
from .walk import FoundList, _origin, _real, _unreadable, find_files, own_files, relpath_of


def ingest_paths(paths: Iterable[str | os.PathLike[str]], db_path: Path,
                 force: bool = False, workers: int | None = None, user: dict | None = None) -> Iterator[IngestResult]:
    """Ingest every file under ``paths`` into the database at ``db_path``.

    Raises :class:`DatabaseError` (one line) when the database cannot be opened or
    written; the documents stored before that stay, whole. ``workers``: parser
    processes (None: :func:`default_workers`; 0: parse in this process). ``user``: what the
    user states about every file's frame (``{"region": "淄博市", "year": "2024"}``).
    """
    return ingest_found(find_files(paths), db_path, force=force, workers=workers, user=user)


def ingest_found(found: Iterable[tuple[Path, str | None]], db_path: Path,
                 force: bool = False, workers: int | None = None, user: dict | None = None) -> Iterator[IngestResult]:
    """Like :func:`ingest_paths`, for the (file, error) pairs :func:`find_files` gave.

    With ``workers`` > 0, new files are parsed in that many processes while this one
    reads, checks and writes; results still come in file order, each once its document is
    committed (:class:`Commits`), and only this process writes.
    """
    found = FoundList(found)
    if workers is None:
        workers = default_workers(len(found))
    yield from _run(found, Path(db_path), force, workers, user)


class _Writer:
    """The writer's connection, closed while parser processes are forked and opened again."""

    def __init__(self, db_path: Path, force: bool) -> None:
        self.db_path, self.force = db_path, force
        self.conn: sqlite3.Connection | None = None
        self.open()

    def open(self) -> None:
        from ..store import connect

        self.conn = connect(self.db_path, allow_foreign=self.force)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _run(found: FoundList, db_path: Path, force: bool, workers: int, user: dict | None) -> Iterator[IngestResult]:
    """Read, hash and check each file here; parse the new ones (``workers`` processes, or here);
    store here, in file order. A window holds what is read ahead: final results, and files
    being parsed; a result leaves it once the files before it are written."""
    from ..store import describe_sqlite_error

    def database_error(e: sqlite3.Error) -> DatabaseError:
        return DatabaseError(describe_sqlite_error(e, db_path))

    from ..store.bulk import is_empty

    writer = _Writer(db_path, force)
    try:
        bulk = is_empty(writer.conn)  # a new database: its figures' indexes are built after the load
    except sqlite3.Error as e:
        writer.close()
        raise database_error(e) from None
    commits = Commits(lambda: writer.conn, force, bulk)  # (the connection is opened again after forking)
    parsers = Parsers(workers, writer) if workers > 0 else InProcess()

    def finish(entry) -> Iterator[IngestResult]:
        """Write the next file in order; give out the results now committed."""
        if isinstance(entry, IngestResult):
            yield from commits.add(entry)
            return
        try:
            # a batch is open: wait for the parser no longer than the batch may stay open
            if commits.pending and not parsers.ready(entry, max(0.0, batches.BATCH_SECONDS - commits.age())):
                yield from commits.commit()  # (given out before waiting on)
            yield from commits.store(parsers.result(entry))
        except sqlite3.Error as e:
            raise database_error(e) from None

    try:
        own = own_files(db_path)
        window: deque = deque()
        for item in found:
            path, error = item
            real = _real(item)
            if real in own:
                continue
            if error:
                window.append(_unreadable(item))
            else:
                try:
                    todo = check_file(writer.conn, path, force, relpath_of(item), _origin(item), real, user)
                except sqlite3.Error as e:
                    raise database_error(e) from None
                # (parser processes start at the first file to parse: the window then holds no file)
                window.append(todo if isinstance(todo, IngestResult) else parsers.submit(todo))
            while len(window) > parsers.ahead or (window and isinstance(window[0], IngestResult)):
                yield from finish(window.popleft())
        while window:
            yield from finish(window.popleft())
        try:
            yield from commits.finish()
        except sqlite3.Error as e:
            raise database_error(e) from None
    except BaseException:
        commits.rollback()
        parsers.stop()  # Ctrl-C (once or twice), SIGTERM, an error: the parsers go at once
        raise
    finally:
        commits.rollback()  # (nothing open after a whole run; a consumer that stopped early: its batch)
        parsers.close()
        writer.close()
