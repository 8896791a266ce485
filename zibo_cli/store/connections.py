"""Connections: where the database is, opening it to write (created and migrated) or to read
(never created, never written unless an older schema must be upgraded), the busy timeout, WAL,
and the full-text index's pending documents."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import DatabaseError
from .atomic import _rollback, transaction
from .bulk import build_indexes
from .migrations import SCHEMA_VERSION, migrate

BUSY_TIMEOUT = 30.0  # seconds to wait for another writer; ZIBO_BUSY_TIMEOUT overrides it


def busy_timeout() -> float:
    """Seconds to wait for another process's write lock (``$ZIBO_BUSY_TIMEOUT``, default 30)."""
    try:
        return max(0.0, float(os.environ.get("ZIBO_BUSY_TIMEOUT", BUSY_TIMEOUT)))
    except ValueError:
        return BUSY_TIMEOUT


def default_db_path() -> Path:
    """Where the database lives by default: the user's data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("zibo", appauthor=False)) / "zibo.db"


def resolve_db_path(option: str | os.PathLike[str] | None) -> Path:
    """``--db`` wins, then ``ZIBO_DB``, then the default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("ZIBO_DB")
    if env:
        return Path(env).expanduser()
    return default_db_path()


FTS_BATCH = 64  # documents stored between two full-text flushes during an ingest
WRITER_CACHE_KIB = 16 * 1024  # page cache of a connection that writes


def fulltext_pending(conn: sqlite3.Connection) -> int:
    """How many documents wait for the full-text index (0 without one)."""
    try:
        return conn.execute("SELECT count(*) FROM [_fts_pending]").fetchone()[0]
    except sqlite3.OperationalError:  # no such table: no index, or a database from before
        return 0


def flush_fulltext(conn: sqlite3.Connection) -> int:
    """Index the documents waiting for the full-text index, in one transaction; how many."""
    if not fulltext_pending(conn):
        return 0
    with transaction(conn):
        n = conn.execute("INSERT INTO [documents_fts] (rowid, [text]) SELECT d.rowid, d.[text] FROM documents d "
                         "JOIN [_fts_pending] p ON p.rowid = d.rowid").rowcount
        conn.execute("DELETE FROM [_fts_pending]")
    return n



def _check_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise DatabaseError(f"cannot open database {path}: {e.strerror or e}") from None
    if head and head != b"SQLite format 3\x00":
        raise DatabaseError(f"{path} is not a SQLite database; pass another --db")


ZIBO_TABLES = ("documents", "observations", "tasks", "_migrations")


def tables_of(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%'")}


def foreign_database(conn: sqlite3.Connection, path: Path) -> str | None:
    """Why ``path`` is someone else's database (tables, none of them zibo's), or None."""
    tables = tables_of(conn)
    if tables and not tables & set(ZIBO_TABLES):
        shown = ", ".join(sorted(tables)[:4]) + (" …" if len(tables) > 4 else "")
        return (f"{path} is a SQLite database of another program (tables: {shown}); zibo adds its "
                "tables only to a database of its own: pass another --db")
    return None


def _use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Put the database in WAL mode (it stays so). Switching takes the whole file for a moment,
    and SQLite refuses at once, without the busy timeout, while another process opens the same
    new file (two ingests starting together): retry until the timeout, done as soon as either
    succeeds."""
    import time

    deadline = time.monotonic() + timeout
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
            return  # switched, or this file cannot be (SQLite then says the mode it kept)
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def connect(path: Path, timeout: float | None = None, allow_foreign: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the database for writing, migrated to the current schema.

    Checks at once that the database can be written (it takes and releases the write
    lock, waiting up to the busy timeout for another writer), so a read-only file or
    folder, or a database another process keeps locked, fails here with one line. A SQLite
    file of another program is refused (``allow_foreign``: add zibo's tables to it anyway).
    """
    path = Path(path)
    if path.exists():
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file; pass a file path to --db")
        _check_sqlite(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise DatabaseError(f"cannot create the database folder {path.parent}: {e.strerror or e}") from None
    conn = None
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout() if timeout is None else timeout,
                               isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        why = None if allow_foreign else foreign_database(conn, path)
        if why:
            raise DatabaseError(why + " (or ingest with --force to use it anyway)")
        _use_wal(conn, busy_timeout() if timeout is None else timeout)
        # WAL + NORMAL: a commit is atomic and survives a crash of zibo; only a power
        # cut can lose the last commits (never corrupt). FULL fsyncs every document.
        conn.execute("PRAGMA synchronous = NORMAL")
        # Checkpoint (copy the WAL into the database) every ~40 MB of WAL instead of every
        # 4 MB: one document's commit rewrites the same index and full-text pages as the
        # last one's, and a longer WAL copies each page once for many commits (ingest
        # spends a third less time writing). Closing the last connection checkpoints all.
        conn.execute("PRAGMA wal_autocheckpoint = 10000")
        # The writer's page cache holds what a batch of documents changes (ingest.Commits), so
        # none of it is written out before the commit: 16 MiB instead of SQLite's 2.
        conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        migrate(conn)
        # Can we write? A lock held by another process blocks BEGIN IMMEDIATE (up to the busy
        # timeout); a read-only file lets BEGIN through and only refuses a write statement.
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("UPDATE _migrations SET name = name WHERE 0")
        finally:
            _rollback(conn)
        flush_fulltext(conn)  # documents an interrupted ingest stored but did not index yet
        build_indexes(conn)  # indexes an interrupted bulk load into a new database did not build yet
    except sqlite3.Error as e:
        if conn is not None:
            conn.close()
        raise DatabaseError(describe_sqlite_error(e, path)) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open an existing database for queries; never creates a file, and never writes one
    that is not zibo's (an empty file, another program's database: refused, untouched).

    A database from an older zibo is upgraded in place when it can be written; on read-only
    media it is upgraded in a temporary copy, which the queries read instead.
    """
    path = Path(path)
    conn, version = open_existing(path)
    if version > SCHEMA_VERSION:
        conn.close()
        raise DatabaseError(
            f"the database was written by a newer zibo (schema {version}, this zibo knows "
            f"{SCHEMA_VERSION}); upgrade zibo or use another --db"
        )
    if version < SCHEMA_VERSION:
        why = foreign_database(conn, path)
        tables = tables_of(conn)
        conn.close()
        if why:
            raise DatabaseError(why)
        if not tables:
            raise DatabaseError(f"{path} holds no zibo data yet (an empty database); "
                                f"run `zibo --db {path} ingest PATH` first")
        if writable(path):
            connect(path).close()  # zibo's own database from an older zibo: upgrade in place
            conn, version = _open_ro(path)
        else:
            conn, version = _open_ro(_upgraded_copy(path))
    conn.row_factory = sqlite3.Row
    return conn


def writable(path: Path) -> bool:
    """Can the database file and its folder (for the -wal and -shm files) be written?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _upgraded_copy(path: Path) -> Path:
    """A temporary copy of an older-schema database that cannot be written, migrated; it is
    removed when the process ends."""
    import atexit
    import tempfile

    fd, name = tempfile.mkstemp(prefix="zibo-", suffix=".db")
    os.close(fd)
    copy = Path(name)
    atexit.register(lambda: [Path(str(copy) + s).unlink(missing_ok=True) for s in ("", "-wal", "-shm")])
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        dst = sqlite3.connect(copy)
        src.backup(dst)
        dst.close()
    finally:
        src.close()
    connect(copy).close()
    return copy


def open_existing(path: Path) -> tuple[sqlite3.Connection, int]:
    """A read-only connection to an existing SQLite database, and its schema version.

    Never creates a file; a missing path, a folder or a file that is not SQLite is a
    :class:`DatabaseError` saying what to do.
    """
    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"no database at {path}; run `zibo ingest PATH` first (or pass --db)")
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file; pass a file path to --db")
    _check_sqlite(path)
    return _open_ro(path)


def _open_ro(path: Path) -> tuple[sqlite3.Connection, int]:
    """A read-only connection and the schema version.

    A WAL database needs its ``-shm`` file even to be read; in a folder we cannot write
    (a read-only share, a CD, another user's folder) it cannot be created, so the file
    is then opened as immutable: nobody can be writing it through this folder anyway.
    """
    real = path.resolve()  # a link's target: its own folder holds the -shm file (zibo serve links it)
    uri = real.as_uri()
    conn = None
    try:
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=busy_timeout())
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as e:
            if conn is not None:
                conn.close()
            cannot_init = "unable to open" in str(e) or "readonly" in str(e)
            if not cannot_init or os.access(real.parent, os.W_OK):
                raise
            conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as e:
        if conn is not None:
            conn.close()
        raise DatabaseError(describe_sqlite_error(e, path)) from None
    # A large GROUP BY or ORDER BY (``targets`` sorts every figure, ``doctor`` the conflicts) sorts
    # on helper threads: at 10,000 reports ``targets --behind`` took 1.36 s on one CPU, 1.01 s on two.
    conn.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
    return conn, version


def describe_sqlite_error(e: sqlite3.Error, path: Path) -> str:
    """One line for a SQLite error: what is wrong with the database and what to do."""
    msg = str(e)
    if "locked" in msg or "busy" in msg:
        return (f"database {path} is busy: another process kept it locked for {busy_timeout():g}s; "
                "try again when it is done (ZIBO_BUSY_TIMEOUT sets the wait)")
    if "readonly" in msg or "read-only" in msg:
        return (f"database {path} is read-only; queries work, but to ingest make the file and its "
                "folder writable or pass another --db")
    if "not a database" in msg or "malformed" in msg:
        return f"{path} is not a usable SQLite database ({msg}); pass another --db"
    if "unable to open" in msg:
        return (f"cannot open database {path}; check that its folder exists and is writable "
                "(SQLite writes its journal beside the file)")
    if "disk is full" in msg or "disk I/O" in msg:
        return f"cannot write database {path}: {msg}; free some space or pass another --db"
    return f"database error on {path}: {msg}"

