"""Reading and checking a file against the database: its bytes hashed, and either the final result
(unreadable, or the same bytes stored already) or what the parser needs; one file parsed and stored."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from ..errors import shown
from ..sources import SourceError
from .commits import _fill_from_db, _store_prepared
from .parse import parse_read_file
from .results import IngestResult, ToParse


def ingest_file(conn: sqlite3.Connection, path: Path, force: bool = False,
                relpath: str | None = None, origin: tuple = (None, None, None),
                real: str | None = None, user: dict | None = None) -> IngestResult:
    """Parse and store one file.

    A file that cannot be read or parsed comes back as a ``failed`` result (nothing of it
    is written); database errors raise :class:`DatabaseError`. Each file is stored in
    one transaction, so an interrupt leaves it either fully in or fully out.
    ``force`` parses and rewrites a file even when its bytes are already stored.
    """
    todo = check_file(conn, path, force, relpath, origin, real, user)
    if isinstance(todo, IngestResult):
        return todo
    return _store_prepared(conn, parse_read_file(todo), force)



def check_file(conn: sqlite3.Connection, path: Path, force: bool = False,
               relpath: str | None = None, origin: tuple = (None, None, None),
               real: str | None = None, user: dict | None = None) -> IngestResult | ToParse:
    """Read and hash a file: the final result when there is nothing to parse (it cannot
    be read, or the same bytes are stored with the same user-stated frame), else what the
    parser needs. ``user``: what this run states about every file's frame (``--region``,
    ``--year``), over what was stated before (kept on the document row). Reads the database,
    never writes it."""
    from ..sources import read_file_bytes
    from ..store import document_state

    source, linked_from, name, *more = origin
    page_meta = more[0] if more else None
    result = IngestResult(path=source or str(path), document=name or path.name, status="failed", relpath=relpath)
    try:
        data = read_file_bytes(path)
    except SourceError as e:
        result.error = str(e)
        return result
    sha = hashlib.sha256(data).hexdigest()  # = pipeline.file_sha256, without importing the parsers
    resolved = source or shown(real or str(path.resolve()))
    # Fast path: unchanged bytes at the same path need no parsing at all.
    state, other = document_state(conn, sha, resolved)
    stated = stated_frame(conn, sha, resolved)
    wanted = {**stated, **{k: str(v) for k, v in (user or {}).items() if v}}
    rewrite = state == "unchanged" and wanted != stated  # the same bytes, a frame newly stated
    if state == "duplicate" or (state == "unchanged" and not (force or rewrite)):
        result.status = state
        if state == "duplicate":
            result.warnings.append(f"same content as {other}; not stored twice")
        _fill_from_db(conn, sha, result)
        return result
    return ToParse(path, data, sha, resolved, relpath, source, linked_from, name, user=wanted or None,
                   rewrite=rewrite, page_meta=page_meta)


def stated_frame(conn: sqlite3.Connection, sha: str, path: str) -> dict[str, str]:
    """What a user stated about the frame of the document with these bytes (else of the one
    at this path: an edited file keeps it)."""
    import json

    try:
        row = conn.execute("SELECT frame_user FROM documents WHERE sha256 = ? UNION ALL "
                           "SELECT frame_user FROM documents WHERE path = ? LIMIT 1", (sha, path)).fetchone()
    except sqlite3.OperationalError:  # a database from before the frame
        return {}
    return json.loads(row[0]) if row and row[0] else {}
