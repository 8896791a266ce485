"""Ingest: find the files under the given paths, parse each, store each in its own transaction.

    from zibo_cli.ingest import ingest_paths
    for result in ingest_paths(["seeds/"], db_path):
        print(result.document, result.status)

A file that fails to read is reported (``status="failed"`` with a reason) and
the others go on; nothing of it is written.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DatabaseError
from .sources import SourceError

__all__ = ["IngestResult", "find_files", "ingest_paths", "ingest_file"]

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

    Folders are walked recursively in name order, hidden entries skipped, symlinked
    folders followed once (a loop is not walked twice). A path that does not exist
    yields an error instead of a file.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    for p in paths:
        p = Path(p)
        if not p.exists():
            yield p, "no such file or folder" if not p.is_symlink() else "broken symbolic link"
            continue
        if p.is_file():
            key = str(p.resolve())
            if key not in seen_files:
                seen_files.add(key)
                yield p, None
            continue
        yield from _walk(p, seen_dirs, seen_files)


def _walk(folder: Path, seen_dirs: set, seen_files: set[str]) -> Iterator[tuple[Path, str | None]]:
    try:
        st = folder.stat()
    except OSError as e:
        yield folder, f"cannot open folder: {e.strerror or e}"
        return
    key = (st.st_dev, st.st_ino)
    if key in seen_dirs:
        return  # a symlink loop, or a folder reached twice
    seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield folder, f"cannot open folder: {e.strerror or e}"
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIP_NAMES:
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as e:
            yield path, f"cannot read: {e.strerror or e}"
            continue
        if is_dir:
            yield from _walk(path, seen_dirs, seen_files)
        elif is_file:
            real = str(path.resolve())
            if real not in seen_files:
                seen_files.add(real)
                yield path, None
        elif entry.is_symlink():
            yield path, "broken symbolic link"


def ingest_file(conn: sqlite3.Connection, path: Path) -> IngestResult:
    """Parse and store one file; failures come back as a result, never raise (but DB errors do)."""
    from .sources import MAX_BYTES, read_source
    from .store import document_state, store_document

    result = IngestResult(path=str(path), document=path.name, status="failed")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"file is {size / 2**20:.0f} MiB, larger than the "
                              f"{MAX_BYTES // 2**20} MiB a report can be")
        data = path.read_bytes()
    except SourceError as e:
        result.error = str(e)
        return result
    except OSError as e:
        result.error = f"cannot read: {e.strerror or e}"
        return result
    sha = hashlib.sha256(data).hexdigest()  # = pipeline.file_sha256, without importing the parsers
    resolved = str(path.resolve())
    # Fast path: unchanged bytes at the same path need no parsing at all.
    state, other = document_state(conn, sha, resolved)
    if state in ("unchanged", "duplicate"):
        result.status = state
        if state == "duplicate":
            result.warnings.append(f"same content as {other}; not stored twice")
        _fill_from_db(conn, sha, result)
        return result
    from .pipeline import parse_source  # only now: an unchanged file needs no parser

    try:
        source = read_source(path, data)
        doc = parse_source(source, resolved, path.name, sha, len(data))
    except SourceError as e:
        result.error = str(e)
        return result
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = None
    try:
        result.status = store_document(conn, doc, mtime=mtime)
    except sqlite3.Error as e:
        from .store import describe_sqlite_error

        raise DatabaseError(describe_sqlite_error(e, Path(conn_path(conn)))) from None
    m = doc.meta
    result.doc_type, result.title, result.year = m.doc_type, m.title, m.year
    result.period = _label(m.year, m.start_month, m.end_month)
    result.observations, result.tasks = len(doc.observations), len(doc.tasks)
    result.unreadable, result.encoding = doc.normalized.unreadable, source.encoding
    result.warnings.extend(doc.warnings)
    if result.status == "duplicate":
        result.warnings.append("same content as a file already stored; not stored twice")
    return result


def conn_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row else "?"


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


def ingest_paths(paths: Iterable[str | os.PathLike[str]], db_path: Path) -> Iterator[IngestResult]:
    """Ingest every file under ``paths`` into the database at ``db_path``."""
    from .store import connect

    conn = connect(db_path)
    db_real = str(Path(db_path).resolve())
    own_files = {db_real, db_real + "-wal", db_real + "-shm", db_real + "-journal"}
    try:
        for path, error in find_files(paths):
            if not error and str(path.resolve()) in own_files:
                continue  # the database itself lives in the folder being ingested
            if error:
                yield IngestResult(path=str(path), document=path.name, status="failed", error=error)
                continue
            yield ingest_file(conn, path)
    finally:
        conn.close()
