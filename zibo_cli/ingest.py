"""Ingest: find the files under the given paths, parse each, store each in its own transaction.

    from zibo_cli.ingest import ingest_paths
    for result in ingest_paths(["seeds/"], db_path):
        print(result.document, result.status)

A file that fails to read is reported (``status="failed"`` with a reason) and
the others go on; nothing of it is written.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISDIR, S_ISREG

from .errors import DatabaseError
from .sources import SourceError, describe_os_error

__all__ = ["IngestResult", "find_files", "ingest_paths", "ingest_found", "ingest_file"]

# Files that are never reports: skipped silently when walking a folder.
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass
class IngestResult:
    path: str
    document: str
    status: str  # new | replaced | unchanged | duplicate | failed
    doc_type: str | None = None
    title: str | None = None
    year: int | None = None
    period: str | None = None
    observations: int = 0
    tasks: int = 0
    unreadable: int = 0
    encoding: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def find_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, error) for every file under ``paths``, in a stable order.

    Folders are walked recursively in name order, hidden entries (``.name``) and
    system litter (``.DS_Store``, ``Thumbs.db``) skipped, symlinked folders followed
    once (a loop is not walked twice). Nothing else is dropped silently: a path that
    does not exist, a broken link or a link loop, a pipe or device, and a folder that
    cannot be opened each yield an error instead of a file.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for p in paths:
        p = Path(p)
        try:
            st = p.stat()
        except OSError as e:
            yield p, _missing(p, e)
            continue
        if S_ISDIR(st.st_mode):
            yield from _walk(p, seen_dirs, seen_files)
        elif not S_ISREG(st.st_mode):
            yield p, _NOT_REGULAR
        elif (st.st_dev, st.st_ino) not in seen_files:
            seen_files.add((st.st_dev, st.st_ino))
            yield p, None


_NOT_REGULAR = "not a regular file (a pipe, socket or device); copy the report to a file"


def _missing(p: Path, e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symbolic link loop; fix or remove the link"
    if p.is_symlink():
        return "broken symbolic link (its target does not exist)"
    if e.errno == errno.ENOENT:
        return "no such file or folder"
    return describe_os_error(e)


def _walk(folder: Path, seen_dirs: set, seen_files: set) -> Iterator[tuple[Path, str | None]]:
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # a symlink loop, or a folder reached twice
        seen_dirs.add(key)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield folder, "cannot open folder: " + describe_os_error(e, "folder")
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIP_NAMES:
            continue
        path = Path(entry.path)
        try:
            st = path.stat()  # follows links
        except OSError as e:
            yield path, _missing(path, e)
            continue
        if S_ISDIR(st.st_mode):
            yield from _walk(path, seen_dirs, seen_files)
        elif not S_ISREG(st.st_mode):
            yield path, _NOT_REGULAR
        elif (st.st_dev, st.st_ino) not in seen_files:
            seen_files.add((st.st_dev, st.st_ino))
            yield path, None


def ingest_file(conn: sqlite3.Connection, path: Path, force: bool = False) -> IngestResult:
    """Parse and store one file.

    A file that cannot be read or parsed comes back as a ``failed`` result (nothing of it
    is written); database errors raise :class:`DatabaseError`. Each file is stored in
    one transaction, so an interrupt leaves it either fully in or fully out.
    ``force`` parses and rewrites a file even when its bytes are already stored.
    """
    from .pipeline import file_sha256, parse_source
    from .sources import read_file_bytes, read_source
    from .store import document_state, store_document

    result = IngestResult(path=str(path), document=path.name, status="failed")
    try:
        data = read_file_bytes(path)
    except SourceError as e:
        result.error = str(e)
        return result
    sha = file_sha256(data)
    resolved = str(path.resolve())
    # Fast path: unchanged bytes at the same path need no parsing at all.
    state, other = document_state(conn, sha, resolved)
    if state == "duplicate" or (state == "unchanged" and not force):
        result.status = state
        if state == "duplicate":
            result.warnings.append(f"same content as {other}; not stored twice")
        _fill_from_db(conn, sha, result)
        return result
    try:
        source = read_source(path, data)
        doc = parse_source(source, resolved, path.name, sha, len(data))
    except SourceError as e:
        result.error = str(e)
        return result
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as e:  # a bug in a reader or extractor must not stop the other files
        if os.environ.get("ZIBO_DEBUG"):
            raise
        result.error = (f"internal error while parsing ({type(e).__name__}: {e}); please report it "
                        "with this file (ZIBO_DEBUG=1 shows the traceback)")
        return result
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = None
    result.status = store_document(conn, doc, mtime=mtime, force=force)
    if result.status in ("unchanged", "duplicate"):
        # another process stored the same bytes between the check above and the write
        if result.status == "duplicate":
            result.warnings.append("same content as a file already stored; not stored twice")
        _fill_from_db(conn, sha, result)
        return result
    m = doc.meta
    result.doc_type, result.title, result.year = m.doc_type, m.title, m.year
    result.period = _label(m.year, m.start_month, m.end_month)
    result.observations, result.tasks = len(doc.observations), len(doc.tasks)
    result.unreadable, result.encoding = doc.normalized.unreadable, source.encoding
    result.warnings.extend(doc.warnings)
    return result


def _label(year, start, end) -> str | None:
    from .store import _period_label

    return _period_label(year, start, end)


def _fill_from_db(conn: sqlite3.Connection, sha: str, result: IngestResult) -> None:
    row = conn.execute(
        "SELECT doc_type, title, year, period, observations, tasks, unreadable, encoding "
        "FROM documents WHERE id = ?", (sha,)).fetchone()
    if row:
        (result.doc_type, result.title, result.year, result.period, result.observations,
         result.tasks, result.unreadable, result.encoding) = row


def ingest_paths(paths: Iterable[str | os.PathLike[str]], db_path: Path,
                 force: bool = False) -> Iterator[IngestResult]:
    """Ingest every file under ``paths`` into the database at ``db_path``.

    Raises :class:`DatabaseError` (one line) when the database cannot be opened or
    written; the documents stored before that stay, whole.
    """
    return ingest_found(find_files(paths), db_path, force=force)


def ingest_found(found: Iterable[tuple[Path, str | None]], db_path: Path,
                 force: bool = False) -> Iterator[IngestResult]:
    """Like :func:`ingest_paths`, for the (file, error) pairs :func:`find_files` gave."""
    from .store import connect, describe_sqlite_error

    conn = connect(db_path)
    # the database itself (and SQLite's files beside it) may sit in the folder being ingested
    own = {os.path.realpath(db_path) + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    try:
        for path, error in found:
            if os.path.realpath(path) in own:
                continue
            if error:
                yield IngestResult(path=str(path), document=path.name, status="failed", error=error)
                continue
            try:
                result = ingest_file(conn, path, force=force)
            except sqlite3.Error as e:
                raise DatabaseError(describe_sqlite_error(e, Path(db_path))) from None
            yield result
    finally:
        conn.close()
