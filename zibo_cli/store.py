"""SQLite storage: schema, migrations, and the one-transaction-per-document ingest.

Tables (see README "Database"):

* ``documents``     one row per ingested file, keyed by the SHA-256 of its bytes
* ``observations``  every figure, with its period, kind, quote and offset
* ``tasks``         every task-table row
* ``_migrations``   the schema steps applied, in order; ``PRAGMA user_version``
                    holds their count, so a newer database is refused early.

Schema changes are an ordered list of small functions (``MIGRATIONS``), each run
once. Writes use plain ``sqlite3`` statements inside an explicit ``BEGIN
IMMEDIATE … COMMIT``: a document is either fully in or fully out, and two
writers queue on SQLite's lock (with a busy timeout) instead of failing.
sqlite-utils builds the tables and indexes, so the database looks natural in
sqlite-utils and Datasette (typed columns, foreign keys, JSON lists).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import DatabaseError

if TYPE_CHECKING:  # the query path imports store; it needs no dataclasses
    from .models import ParsedDocument

__all__ = ["connect", "open_readonly", "migrate", "SCHEMA_VERSION", "store_document",
           "document_state", "default_db_path", "resolve_db_path", "busy_timeout", "BUSY_TIMEOUT",
           "describe_sqlite_error", "transaction", "document_rows", "store_rows", "DocumentRows"]

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


# ---------------------------------------------------------------------------
# migrations
# ---------------------------------------------------------------------------

Migration = Callable[["object"], None]
MIGRATIONS: list[tuple[str, Callable[[object], None]]] = []


def migration(fn: Callable[[object], None]) -> Callable[[object], None]:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(db) -> None:  # db: sqlite_utils.Database
    db["documents"].create(
        {
            "id": str, "document": str, "path": str, "title": str, "year": int,
            "start_month": int, "end_month": int, "period": str, "published": str,
            "publisher": str, "index_no": str, "doc_no": str, "doc_type": str,
            "format": str, "encoding": str, "size": int, "chars": int, "unreadable": int,
            "pinyin_removed": int, "lines_joined": int, "observations": int, "tasks": int,
            "warnings": str, "mtime": float, "ingested_at": str, "text": str,
        },
        pk="id",
        not_null={"document", "path"},
    )
    db["observations"].create(
        {
            "id": int, "doc_id": str, "name": str, "indicator_id": str, "raw_name": str,
            "year": int, "start_month": int, "end_month": int, "period": str, "kind": str,
            "measure": str, "value": float, "unit": str, "qualifier": str, "char_offset": int,
            "quote": str, "task_seq": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "name", "kind"},
    )
    db["tasks"].create(
        {
            "id": int, "doc_id": str, "seq": str, "row_index": int, "status": str,
            "status_raw": str, "annual_target": str, "period_target": str, "progress": str,
            "reason": str, "next_steps": str, "leader": str, "departments": str,
            "departments_raw": str, "year": int, "start_month": int, "end_month": int,
            "period": str, "char_offset": int,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "seq", "status"},
    )
    db["documents"].create_index(["path"])
    db["observations"].create_index(["doc_id"])
    db["observations"].create_index(["name"])
    db["observations"].create_index(["indicator_id"])
    db["observations"].create_index(["year", "start_month", "end_month"])
    db["tasks"].create_index(["doc_id"])
    db["tasks"].create_index(["status"])


@migration
def m002_fulltext_search(db) -> None:
    """Full-text index over documents.text (FTS5, trigram: Chinese has no spaces between words).

    Named and built the way sqlite-utils builds one (``documents_fts``, external content,
    triggers ``documents_ai/_ad/_au``), so sqlite-utils and Datasette find it too. An SQLite
    without the trigram tokenizer (before 3.34) gets no index; search then scans the text.
    """
    conn = db.conn
    try:
        conn.execute("CREATE VIRTUAL TABLE [documents_fts] USING FTS5 ([text], tokenize='trigram', "
                     "content=[documents])")
    except sqlite3.OperationalError:
        return
    conn.execute("""CREATE TRIGGER [documents_ai] AFTER INSERT ON [documents] BEGIN
  INSERT INTO [documents_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END""")
    conn.execute("""CREATE TRIGGER [documents_ad] AFTER DELETE ON [documents] BEGIN
  INSERT INTO [documents_fts] ([documents_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
END""")
    conn.execute("""CREATE TRIGGER [documents_au] AFTER UPDATE ON [documents] BEGIN
  INSERT INTO [documents_fts] ([documents_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [documents_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END""")
    conn.execute("INSERT INTO [documents_fts] ([documents_fts]) VALUES ('rebuild')")


@migration
def m003_unique_path(db) -> None:
    """One document per path: the constraint behind "no file is stored twice". A database from
    before it may hold a path twice: the older copies go (the newest ingest of a file wins)."""
    conn = db.conn
    for (path,) in conn.execute("SELECT path FROM documents GROUP BY path HAVING count(*) > 1").fetchall():
        ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE path = ? "
                                          "ORDER BY coalesce(ingested_at, '') DESC, rowid DESC", (path,))]
        for old in ids[1:]:
            for table in ("observations", "tasks"):
                conn.execute(f"DELETE FROM [{table}] WHERE doc_id = ?", (old,))
            conn.execute("DELETE FROM documents WHERE id = ?", (old,))
    db.execute("DROP INDEX IF EXISTS idx_documents_path")
    db["documents"].create_index(["path"], index_name="idx_documents_path_unique", unique=True, if_not_exists=True)


@migration
def m004_query_indexes(db) -> None:
    """Indexes the queries read instead of the tables (see zibo_cli/query/indicators.py).

    * observations by indicator, covering every column series() and compare() group on,
      so grouping an indicator's figures never touches the table (replaces the index on
      indicator_id alone);
    * observations by name and indicator, to see at once whether a catalogue name is also
      written on figures of another indicator (replaces the index on name alone);
    * documents by id with the document name, and by name: a join for the name, or a
      lookup by name, reads a small index instead of the rows holding each text.
    """
    conn = db.conn
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_indicator_cover ON observations (indicator_id, year, "
                 "start_month, end_month, kind, measure, unit, qualifier, value, doc_id, char_offset, name, "
                 "task_seq, period)")
    conn.execute("DROP INDEX IF EXISTS idx_observations_indicator_id")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_name_indicator ON observations (name, indicator_id)")
    conn.execute("DROP INDEX IF EXISTS idx_observations_name")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_id_document ON documents (id, document)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_document ON documents (document, id)")


@migration
def m005_context(db) -> None:
    """What extraction now reads from context: regions (documents, figures, tasks), the document
    frame's evidence and report kind; a figure's basis (yoy, avg_2y, mom, vs_period …), the
    period a change is against, and whether a target was derived from a stated gap; a task's
    category, completion rate and source; and the status counts reports state per document."""
    conn = db.conn
    for table, cols in (("documents", (("region", "TEXT"), ("report_kind", "TEXT"), ("frame", "TEXT"))),
                        ("observations", (("region", "TEXT"), ("basis", "TEXT"), ("base_period", "TEXT"),
                                          ("derived", "INTEGER"))),
                        ("tasks", (("category", "TEXT"), ("completion_rate", "REAL"), ("region", "TEXT"),
                                   ("source", "TEXT")))):
        have = {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}
        for name, kind in cols:
            if name not in have:
                conn.execute(f"ALTER TABLE [{table}] ADD COLUMN [{name}] {kind}")
    db["status_counts"].create(
        {"id": int, "doc_id": str, "status": str, "label": str, "count": int, "total": int,
         "char_offset": int, "quote": str},
        pk="id", foreign_keys=[("doc_id", "documents", "id")], not_null={"doc_id", "status", "count"},
        if_not_exists=True,
    )
    db["status_counts"].create_index(["doc_id"], if_not_exists=True)
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_region ON observations (region)")


@migration
def m006_views(db) -> None:
    """Views that answer users' questions without SQL (in Datasette, sqlite-utils, any client):
    ``figures`` and ``unfinished_tasks`` (see zibo_cli/web)."""
    # as they were then: m011 gives them the integer document key (see zibo_cli/web VIEWS)
    db.conn.execute("""CREATE VIEW IF NOT EXISTS [figures] AS
        SELECT o.name, o.region, o.period, o.kind, o.value, o.unit, o.qualifier, o.measure, o.basis,
               o.quote, d.document, d.title, o.doc_id || ':' || coalesce(o.char_offset, 0) AS source
        FROM observations o JOIN documents d ON d.id = o.doc_id""")
    db.conn.execute("""CREATE VIEW IF NOT EXISTS [unfinished_tasks] AS
        SELECT d.document, t.seq, t.category, t.status, t.annual_target, t.progress, t.reason, t.leader,
               t.departments_raw AS departments, t.completion_rate, t.region, t.period
        FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done'""")


@migration
def m007_relpath(db) -> None:
    """Documents are known by their path from the folder named to ingest (``relpath``:
    ``reports/2024/a.txt``), so two ``report.txt`` in different folders have two names. Rows from
    before it take their base name."""
    conn = db.conn
    if "relpath" not in {r[1] for r in conn.execute("PRAGMA table_info([documents])")}:
        conn.execute("ALTER TABLE [documents] ADD COLUMN [relpath] TEXT")
    conn.execute("UPDATE documents SET relpath = document WHERE relpath IS NULL")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_relpath ON documents (relpath)")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents_au'").fetchone():
        # renaming a document (see name_documents) must not re-index its text
        conn.execute("DROP TRIGGER [documents_au]")
        conn.execute("""CREATE TRIGGER [documents_au] AFTER UPDATE OF [text] ON [documents] BEGIN
  INSERT INTO [documents_fts] ([documents_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [documents_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END""")


def base_name(relpath: str) -> str:
    return relpath.rsplit("/", 1)[-1]


def name_documents(conn: sqlite3.Connection, bases: set[str]) -> None:
    """Give the documents whose base name is one of ``bases`` their names: the base name when
    it is the only one stored, else each one's relpath (two ``report.txt`` from different
    folders are ``a/report.txt`` and ``b/report.txt``). Runs inside the caller's transaction;
    reads the index on ``file_name``, never the table."""
    for base in bases:
        rows = conn.execute("SELECT id, relpath, document FROM documents INDEXED BY idx_documents_file_name "
                            "WHERE file_name = ?", (base,)).fetchall()
        for sha, relpath, document in rows:
            name = base if len(rows) == 1 else (relpath or document)
            if name != document:
                conn.execute("UPDATE documents SET document = ? WHERE id = ?", (name, sha))


@migration
def m008_sources(db) -> None:
    """Reports fetched from the web (``zibo ingest URL``): ``source``, the address (also the
    document's ``path``), and ``linked_from``, the page an attachment was linked from."""
    conn = db.conn
    have = {r[1] for r in conn.execute("PRAGMA table_info([documents])")}
    for name in ("source", "linked_from"):
        if name not in have:
            conn.execute(f"ALTER TABLE [documents] ADD COLUMN [{name}] TEXT")


@migration
def m009_file_name(db) -> None:
    """``file_name``, the base name a document's file has (its ``document`` name unless another
    file of that name is stored too), indexed: naming documents reads the index, not the table."""
    conn = db.conn
    if "file_name" not in {r[1] for r in conn.execute("PRAGMA table_info([documents])")}:
        conn.execute("ALTER TABLE [documents] ADD COLUMN [file_name] TEXT")
    for sha, relpath, document in conn.execute("SELECT id, relpath, document FROM documents").fetchall():
        conn.execute("UPDATE documents SET file_name = ? WHERE id = ?", (base_name(relpath or document), sha))
    conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_file_name ON documents (file_name)")


@migration
def m010_fts_in_batches(db) -> None:
    """The full-text index is written in batches, not one document at a time (its trigger cost
    a third of storing a document): a new document's rowid goes to ``_fts_pending``, and
    :func:`flush_fulltext` indexes the pending ones together (ingest does every 64 documents
    and at its end; any write connection does on opening). A pending document that is deleted
    or rewritten is taken off the list instead of out of the index, which never held it."""
    conn = db.conn
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").fetchone():
        return
    conn.execute("CREATE TABLE IF NOT EXISTS [_fts_pending] ([rowid] INTEGER PRIMARY KEY)")
    for name in ("documents_ai", "documents_ad", "documents_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS [{name}]")
    unindex = """INSERT INTO [documents_fts] ([documents_fts], rowid, [text])
    SELECT 'delete', old.rowid, old.[text] WHERE NOT EXISTS (SELECT 1 FROM [_fts_pending] WHERE rowid = old.rowid);
  DELETE FROM [_fts_pending] WHERE rowid = old.rowid;"""
    conn.execute("""CREATE TRIGGER [documents_ai] AFTER INSERT ON [documents] BEGIN
  INSERT OR IGNORE INTO [_fts_pending] (rowid) VALUES (new.rowid);
END""")
    conn.execute(f"""CREATE TRIGGER [documents_ad] AFTER DELETE ON [documents] BEGIN
  {unindex}
END""")
    conn.execute(f"""CREATE TRIGGER [documents_au] AFTER UPDATE OF [text] ON [documents] BEGIN
  {unindex}
  INSERT OR IGNORE INTO [_fts_pending] (rowid) VALUES (new.rowid);
END""")


# the tables whose rows belong to a document, by ``doc_id``
DOCUMENT_ROW_TABLES = ("observations", "tasks", "status_counts")


@migration
def m011_integer_document_key(db) -> None:
    """Documents are keyed by an integer, ``documents.id`` (their rowid, which the full-text index
    already used), and keep their SHA-256 as ``documents.sha256`` (unique); the rows of a document
    (observations, tasks, status counts) refer to the integer. A 64-character key repeated in every
    figure and two indexes was a fifth of the database and of the time to write a document.
    Rows that referred to no stored document (``zibo doctor`` reports them) are not carried over;
    the ``figures`` view still cites a figure as ``sha256:offset``, which no rebuild changes."""
    from .web import VIEWS

    conn = db.conn
    doc_cols = list(conn.execute("PRAGMA table_info([documents])"))
    if any(r[1] == "sha256" for r in doc_cols):
        return
    tables = ("documents", *DOCUMENT_ROW_TABLES)
    marks = ", ".join("?" for _ in tables)
    keep = conn.execute(f"SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                        f"((type IN ('index', 'trigger') AND tbl_name IN ({marks})) OR type = 'view') "
                        f"ORDER BY rowid", tables).fetchall()
    for kind, name, _ in keep:
        if kind != "index":  # indexes go with their tables
            conn.execute(f"DROP {kind.upper()} [{name}]")

    def column(r) -> str:
        _, name, kind, notnull, default, _ = r
        return (f"[{name}] {kind or ''}".rstrip() + (" NOT NULL" if notnull else "")
                + (f" DEFAULT {default}" if default is not None else ""))

    rest = [r for r in doc_cols if r[1] != "id"]
    defs = ["[id] INTEGER PRIMARY KEY", "[sha256] TEXT NOT NULL", *(column(r) for r in rest)]
    names = ", ".join(f"[{r[1]}]" for r in rest)
    conn.execute(f"CREATE TABLE [_new_documents] ({', '.join(defs)})")
    # the rowid stays the key: the full-text index and its pending list refer to it
    conn.execute(f"INSERT INTO [_new_documents] ([id], [sha256], {names}) "
                 f"SELECT rowid, id, {names} FROM documents ORDER BY rowid")
    for table in DOCUMENT_ROW_TABLES:
        cols = list(conn.execute(f"PRAGMA table_info([{table}])"))
        if not cols:
            continue
        defs = ["[id] INTEGER PRIMARY KEY" if r[1] == "id" else
                "[doc_id] INTEGER NOT NULL REFERENCES [documents]([id])" if r[1] == "doc_id" else column(r)
                for r in cols]
        names = [r[1] for r in cols]
        conn.execute(f"CREATE TABLE [_new_{table}] ({', '.join(defs)})")
        conn.execute(f"INSERT INTO [_new_{table}] ({', '.join(f'[{n}]' for n in names)}) "
                     f"SELECT {', '.join('d.id' if n == 'doc_id' else f't.[{n}]' for n in names)} "
                     f"FROM [{table}] t JOIN [_new_documents] d ON d.sha256 = t.doc_id ORDER BY t.id")
    for table in tables:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (f"_new_{table}",)).fetchone():
            conn.execute(f"DROP TABLE [{table}]")
            conn.execute(f"ALTER TABLE [_new_{table}] RENAME TO [{table}]")
    conn.execute("CREATE UNIQUE INDEX idx_documents_sha256 ON documents (sha256)")
    for kind, name, sql in keep:
        if kind == "view" and name in VIEWS:
            sql = f"CREATE VIEW [{name}] AS {VIEWS[name]}"
        conn.execute(sql)


@migration
def m012_document_frame(db) -> None:
    """The document frame (``extract.frame``): the document's ``type`` (statistics release, work
    report, 统计公报 …), its region's level, the year its actual figures describe
    (``data_year``), the year whose targets it states (``target_year``), each field's evidence
    (``frame_why``, JSON); and ``frame_user``, what a user stated about the document
    (``zibo ingest --region/--year``, ``zibo docs set``; JSON), which a re-ingest keeps."""
    conn = db.conn
    have = {r[1] for r in conn.execute("PRAGMA table_info([documents])")}
    for col, typ in (("type", "TEXT"), ("region_level", "TEXT"), ("data_year", "INTEGER"),
                     ("target_year", "INTEGER"), ("frame_why", "TEXT"), ("frame_user", "TEXT")):
        if col not in have:
            conn.execute(f"ALTER TABLE [documents] ADD COLUMN [{col}] {typ}")

@migration
def m013_task_columns(db) -> None:
    """Task rows keep every column a table gives: the target beside the item, the amount done and
    its unit, 是否达序 (on schedule), 备注, 完成时限, the row as written, and whether its cells were
    aligned by what they hold."""
    conn = db.conn
    have = {r[1] for r in conn.execute("PRAGMA table_info([tasks])")}
    for name in ("target_amount", "actual", "measure_unit", "on_schedule", "notes", "deadline", "quote",
                 "alignment"):
        if name not in have:
            conn.execute(f"ALTER TABLE [tasks] ADD COLUMN [{name}] TEXT")

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


SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, at_once: bool = True) -> int:
    """Apply the migrations this database lacks; return how many ran. An empty database gets
    the current schema in one step (``at_once``; :func:`_create_current`)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise DatabaseError(
            f"the database was written by a newer zibo (schema {version}, this zibo knows "
            f"{len(MIGRATIONS)}); upgrade zibo or use another --db"
        )
    has_log = conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_migrations'").fetchone()
    if version and not has_log:
        # the record of applied steps is gone (dropped by hand): the schema version says them
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS [_migrations] ([name] TEXT PRIMARY KEY, [applied_at] TEXT)")
            conn.executemany("INSERT OR IGNORE INTO _migrations (name, applied_at) VALUES (?, ?)",
                             [(name, _now()) for name, _ in MIGRATIONS[:version]])
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
    if version == len(MIGRATIONS):
        return 0
    if version == 0 and at_once and _create_current(conn):
        return len(MIGRATIONS)
    import sqlite_utils  # lazy: only writers need it (and imports pandas, when installed: ~0.5 s)

    db = sqlite_utils.Database(conn)
    ran = 0
    # A step may rebuild a table others refer to (m011): foreign keys are not enforced while the
    # steps run (SQLite's own recipe for a schema change; the pragma is a no-op in a transaction).
    enforced = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        # re-read under the write lock: another process may have just migrated
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not db["_migrations"].exists():
            db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
        done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
        for name, fn in MIGRATIONS[version:]:
            if name in done:
                continue
            fn(db)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                         (name, _now()))
            ran += 1
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    finally:
        if enforced:
            conn.execute("PRAGMA foreign_keys = ON")
    if ran:
        _compact(conn)
    return ran


def _compact(conn: sqlite3.Connection, share: float = 0.25) -> bool:
    """VACUUM when more than ``share`` of the file is free pages (a step that rebuilt tables, as
    m011 does, leaves the old pages free: a 10,000-report database grew 525 → 766 MB, and VACUUM
    took 2.5 s to bring it to 410 MB). A failed VACUUM (no room for its copy, another process
    reading) leaves the database as it was, only larger: True when it ran."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    if not pages or free <= share * pages:
        return False
    try:
        conn.execute("VACUUM")
    except sqlite3.Error:
        return False
    return True


def _create_current(conn: sqlite3.Connection) -> bool:
    """Give an empty database the current schema in one step (``zibo_cli/schema.py``: what the
    migrations build, dumped by :func:`schema_statements`), without sqlite-utils; True when done.
    False (nothing written) when the database is not empty, or when this SQLite cannot build a
    statement (no trigram tokenizer): the migrations then run one by one as for any database."""
    from .schema import STATEMENTS

    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None:
            conn.execute("ROLLBACK")  # another process was first, or tables of another kind
            return False
        for sql in STATEMENTS:
            conn.execute(sql)
        conn.executemany("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                         [(name, _now()) for name, _ in MIGRATIONS])
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        conn.execute("COMMIT")
    except sqlite3.OperationalError:
        _rollback(conn)
        return False
    except BaseException:
        _rollback(conn)
        raise
    return True


# An FTS5 table's shadow tables come with it: a dump must not create them again.
_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


def schema_statements(conn: sqlite3.Connection) -> list[str]:
    """The statements that build this database's schema (tables in the order they were made,
    then indexes, triggers and views), as ``zibo_cli/schema.py`` keeps them for new databases."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    virtual = [name for kind, name, sql in rows if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
    shadow = {v + suffix for v in virtual for suffix in _SHADOW_SUFFIXES}
    order = {"table": 0, "index": 1, "trigger": 2, "view": 3}
    kept = [(order[kind], i, sql) for i, (kind, name, sql) in enumerate(rows) if name not in shadow]
    return [sql for _, _, sql in sorted(kept)]


def write_schema_module(path: Path) -> None:
    """Write ``zibo_cli/schema.py`` from a database the migrations built (``make schema``)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "schema.db", isolation_level=None)
        try:
            migrate(conn, at_once=False)
            statements = schema_statements(conn)
        finally:
            conn.close()
    body = "".join(f"    {sql!r},\n" for sql in statements)
    path.write_text(
        '"""The schema a new database gets in one step: what ``store.MIGRATIONS`` build, dumped by\n'
        "``store.schema_statements``. Generated: do not edit; after adding a migration run\n"
        '``make schema`` (tests/test_schema.py fails until then)."""\n\n'
        f"STATEMENTS: tuple[str, ...] = (\n{body})\n", encoding="utf-8")


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is open; never mask the error that caused it."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # closing the connection (or the process ending) rolls back all the same


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# ---------------------------------------------------------------------------
# connections
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# ingest
# ---------------------------------------------------------------------------


def document_state(conn: sqlite3.Connection, sha256: str, path: str) -> tuple[str, Any]:
    """What storing this file would do: ``unchanged``, ``duplicate`` (same bytes under
    another path), ``replace`` (this path held other bytes) or ``new``; and the other path
    (of a duplicate) or the key of the stored document (unchanged: this one; replace: the one
    it replaces)."""
    row = conn.execute("SELECT id, path FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    if row:
        return ("unchanged", row[0]) if row[1] == path else ("duplicate", row[1])
    row = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
    if row:
        return "replace", row[0]
    return "new", None


class TupleRows(list):
    """Rows as tuples in the order of ``columns``: written without building a dict per row,
    and cheap to send from a parser process."""

    def __init__(self, columns: tuple[str, ...], rows=()):
        super().__init__(rows)
        self.columns = columns


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if rows:
        cols = tuple(rows[0])
        conn.executemany(_insert_sql(table, cols), [tuple(r[c] for c in cols) for r in rows])


@lru_cache(maxsize=64)
def _insert_sql(table: str, cols: tuple[str, ...]) -> str:
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})")


@lru_cache(maxsize=1024)  # a document has many figures of few periods
def _period_label(year, start, end) -> str | None:
    from .periods import Period, PeriodError

    if start is None or end is None:
        return None if year is None else str(year)
    try:
        return Period(year, start, end).label
    except PeriodError:
        return None


class DocumentRows(NamedTuple):
    """A parsed document as the rows ``store_rows`` writes (built by :func:`document_rows`)."""

    document: dict[str, Any]  # the documents row; mtime and ingested_at are set when written
    observations: TupleRows
    tasks: TupleRows
    warnings: list[str]
    status_counts: list[dict[str, Any]] = []


_OBS_FIELDS: tuple[str, ...] | None = None
_TASK_FIELDS: tuple[str, ...] | None = None


def _fields() -> tuple[tuple[str, ...], tuple[str, ...]]:
    global _OBS_FIELDS, _TASK_FIELDS
    if _OBS_FIELDS is None or _TASK_FIELDS is None:
        from dataclasses import fields

        from .models import Observation, Task

        _OBS_FIELDS = tuple(f.name for f in fields(Observation))
        _TASK_FIELDS = tuple(f.name for f in fields(Task))
    return _OBS_FIELDS, _TASK_FIELDS


def document_rows(doc: ParsedDocument) -> DocumentRows:
    """The rows of one parsed document: the documents row (less ``mtime`` and ``ingested_at``),
    one tuple per observation and per task (columns as ``Observation.row()`` and ``Task.row()``
    give them, then ``period``; a task's departments as a JSON list). The document's key
    (``doc_id``) is known only when it is written: :func:`store_rows` puts it first."""
    obs_fields, task_fields = _fields()
    m, n = doc.meta, doc.normalized
    sha = doc.sha256
    document = {
        "sha256": sha, "document": doc.document, "path": doc.path, "title": m.title,
        "year": m.year, "start_month": m.start_month, "end_month": m.end_month,
        "period": _period_label(m.year, m.start_month, m.end_month),
        "published": m.published, "publisher": m.publisher, "index_no": m.index_no,
        "doc_no": m.doc_no, "doc_type": m.doc_type, "format": doc.source.format,
        "encoding": doc.source.encoding, "size": doc.size, "chars": len(n.text),
        "unreadable": n.unreadable, "pinyin_removed": n.pinyin_removed,
        "lines_joined": n.lines_joined, "observations": len(doc.observations),
        "tasks": len(doc.tasks), "warnings": json.dumps(doc.warnings, ensure_ascii=False),
        "mtime": None, "ingested_at": None, "text": n.text,
        "region": m.region, "report_kind": m.report_kind, "frame": json.dumps(m.frame, ensure_ascii=False),
        "type": m.type, "region_level": m.region_level, "data_year": m.data_year, "target_year": m.target_year,
        "frame_why": json.dumps(m.frame_why, ensure_ascii=False),
        "frame_user": json.dumps(m.frame_user, ensure_ascii=False) if m.frame_user else None,
        "relpath": doc.relpath or doc.document, "source": doc.source_url, "linked_from": doc.linked_from,
        "file_name": base_name(doc.relpath or doc.document),
    }
    get_obs = attrgetter(*obs_fields)
    observations = TupleRows((*obs_fields, "period"), [
        (*get_obs(o), _period_label(o.year, o.start_month, o.end_month)) for o in doc.observations
    ])
    dep = task_fields.index("departments")
    task_rows = []
    for t in doc.tasks:
        values = [t.__dict__[k] for k in task_fields]
        values[dep] = json.dumps(values[dep], ensure_ascii=False)
        task_rows.append((*values, _period_label(t.year, t.start_month, t.end_month)))
    tasks = TupleRows((*task_fields, "period"), task_rows)
    counts = [c.row() for c in doc.status_counts]
    return DocumentRows(document, observations, tasks, list(doc.warnings), counts)


def store_document(conn: sqlite3.Connection, doc: ParsedDocument, mtime: float | None = None,
                   force: bool = False) -> str:
    """Write one parsed document in one transaction; return what happened (see :func:`store_rows`)."""
    return store_rows(conn, document_rows(doc), mtime=mtime, force=force)


def store_rows(conn: sqlite3.Connection, rows: DocumentRows, mtime: float | None = None,
               force: bool = False) -> str:
    """Write one document's rows in one transaction (or in the one the caller has open: see
    :func:`transaction`); return what happened.

    ``unchanged``: the same bytes are already stored for this path (nothing written);
    ``duplicate``: the same bytes are stored under another path (nothing written);
    ``replaced``: this path held other bytes, whose rows were replaced; ``new``.
    ``force`` rewrites an unchanged document too (``replaced``), which repairs one
    whose rows were damaged.
    """
    document = rows.document
    sha, path = document["sha256"], document["path"]
    with transaction(conn):
        state, other = document_state(conn, sha, path)
        if state == "unchanged" and force:
            state = "replace"  # rewrite it: ``other`` is its key
        if state in ("unchanged", "duplicate"):
            return state
        bases = {document["file_name"]}
        if state == "replace":
            old = conn.execute("SELECT file_name FROM documents WHERE id = ?", (other,)).fetchone()
            if old and old[0]:
                bases.add(old[0])
            for table in DOCUMENT_ROW_TABLES:
                conn.execute(f"DELETE FROM [{table}] WHERE doc_id = ?", (other,))
            conn.execute("DELETE FROM documents WHERE id = ?", (other,))
        document = dict(document)
        document["mtime"], document["ingested_at"] = mtime, _now()
        key = _insert_document(conn, document)
        _insert_keyed(conn, "observations", key, rows.observations)
        _insert_keyed(conn, "tasks", key, rows.tasks)
        _insert(conn, "status_counts", [{"doc_id": key, **c} for c in rows.status_counts])
        name_documents(conn, bases)
        return "replaced" if state == "replace" else "new"


def _insert_document(conn: sqlite3.Connection, document: dict[str, Any]) -> int:
    """Write a documents row; its key (``documents.id``, given by SQLite)."""
    cols = tuple(document)
    return conn.execute(_insert_sql("documents", cols), tuple(document.values())).lastrowid


def _insert_keyed(conn: sqlite3.Connection, table: str, key: int, rows: TupleRows) -> None:
    """Write a document's rows of ``table`` with its key as their ``doc_id``."""
    if rows:
        conn.executemany(_insert_sql(table, ("doc_id", *rows.columns)), [(key, *r) for r in rows])
