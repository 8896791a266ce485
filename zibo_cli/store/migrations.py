"""The schema's history: an ordered list of frozen steps, each applied once to a database.

A step is SQL (or a small function of a connection) as it was when it was written: it never
imports code that changes later (views, models, the web package), so a database built step by
step today is the database built the day each step shipped. Append a step to change the schema;
never edit one that has shipped. The views are not history: :func:`migrate` recreates them from
``views.VIEWS`` after the steps. A new, empty database gets what the steps build in one step
(``zibo_cli/schema.py``, written by ``make schema``).

``_migrations`` records each step applied (name, when); ``PRAGMA user_version`` holds their
count, so a database of a newer zibo is refused early. As llm's ``migrations.py`` does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..errors import DatabaseError
from .atomic import _now, _rollback
from .views import VIEWS, recreate_views, view_sql

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(conn: sqlite3.Connection) -> None:
    conn.execute('''CREATE TABLE "documents" (
   "id" TEXT PRIMARY KEY,
   "document" TEXT NOT NULL,
   "path" TEXT NOT NULL,
   "title" TEXT,
   "year" INTEGER,
   "start_month" INTEGER,
   "end_month" INTEGER,
   "period" TEXT,
   "published" TEXT,
   "publisher" TEXT,
   "index_no" TEXT,
   "doc_no" TEXT,
   "doc_type" TEXT,
   "format" TEXT,
   "encoding" TEXT,
   "size" INTEGER,
   "chars" INTEGER,
   "unreadable" INTEGER,
   "pinyin_removed" INTEGER,
   "lines_joined" INTEGER,
   "observations" INTEGER,
   "tasks" INTEGER,
   "warnings" TEXT,
   "mtime" REAL,
   "ingested_at" TEXT,
   "text" TEXT
)''')
    conn.execute('''CREATE TABLE "observations" (
   "id" INTEGER PRIMARY KEY,
   "doc_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "name" TEXT NOT NULL,
   "indicator_id" TEXT,
   "raw_name" TEXT,
   "year" INTEGER,
   "start_month" INTEGER,
   "end_month" INTEGER,
   "period" TEXT,
   "kind" TEXT NOT NULL,
   "measure" TEXT,
   "value" REAL,
   "unit" TEXT,
   "qualifier" TEXT,
   "char_offset" INTEGER,
   "quote" TEXT,
   "task_seq" TEXT
)''')
    conn.execute('''CREATE TABLE "tasks" (
   "id" INTEGER PRIMARY KEY,
   "doc_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "seq" TEXT NOT NULL,
   "row_index" INTEGER,
   "status" TEXT NOT NULL,
   "status_raw" TEXT,
   "annual_target" TEXT,
   "period_target" TEXT,
   "progress" TEXT,
   "reason" TEXT,
   "next_steps" TEXT,
   "leader" TEXT,
   "departments" TEXT,
   "departments_raw" TEXT,
   "year" INTEGER,
   "start_month" INTEGER,
   "end_month" INTEGER,
   "period" TEXT,
   "char_offset" INTEGER
)''')
    for table, columns in (("documents", ("path",)), ("observations", ("doc_id",)), ("observations", ("name",)),
                           ("observations", ("indicator_id",)),
                           ("observations", ("year", "start_month", "end_month")),
                           ("tasks", ("doc_id",)), ("tasks", ("status",))):
        cols = ", ".join(f'"{c}"' for c in columns)
        conn.execute(f'CREATE INDEX "idx_{table}_{"_".join(columns)}"\n    ON "{table}" ({cols})')


@migration
def m002_fulltext_search(conn: sqlite3.Connection) -> None:
    """Full-text index over documents.text (FTS5, trigram: Chinese has no spaces between words).

    Named and built the way sqlite-utils builds one (``documents_fts``, external content,
    triggers ``documents_ai/_ad/_au``), so sqlite-utils and Datasette find it too. An SQLite
    without the trigram tokenizer (before 3.34) gets no index; search then scans the text.
    """
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
def m003_unique_path(conn: sqlite3.Connection) -> None:
    """One document per path: the constraint behind "no file is stored twice". A database from
    before it may hold a path twice: the older copies go (the newest ingest of a file wins)."""
    for (path,) in conn.execute("SELECT path FROM documents GROUP BY path HAVING count(*) > 1").fetchall():
        ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE path = ? "
                                          "ORDER BY coalesce(ingested_at, '') DESC, rowid DESC", (path,))]
        for old in ids[1:]:
            for table in ("observations", "tasks"):
                conn.execute(f"DELETE FROM [{table}] WHERE doc_id = ?", (old,))
            conn.execute("DELETE FROM documents WHERE id = ?", (old,))
    conn.execute("DROP INDEX IF EXISTS idx_documents_path")
    conn.execute('CREATE UNIQUE INDEX IF NOT EXISTS "idx_documents_path_unique"\n    ON "documents" ("path")')


@migration
def m004_query_indexes(conn: sqlite3.Connection) -> None:
    """Indexes the queries read instead of the tables (see zibo_cli/query/indicators.py).

    * observations by indicator, covering every column series() and compare() group on,
      so grouping an indicator's figures never touches the table (replaces the index on
      indicator_id alone);
    * observations by name and indicator, to see at once whether a catalogue name is also
      written on figures of another indicator (replaces the index on name alone);
    * documents by id with the document name, and by name: a join for the name, or a
      lookup by name, reads a small index instead of the rows holding each text.
    """
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_indicator_cover ON observations (indicator_id, year, "
                 "start_month, end_month, kind, measure, unit, qualifier, value, doc_id, char_offset, name, "
                 "task_seq, period)")
    conn.execute("DROP INDEX IF EXISTS idx_observations_indicator_id")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_name_indicator ON observations (name, indicator_id)")
    conn.execute("DROP INDEX IF EXISTS idx_observations_name")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_id_document ON documents (id, document)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_document ON documents (document, id)")


@migration
def m005_context(conn: sqlite3.Connection) -> None:
    """What extraction now reads from context: regions (documents, figures, tasks), the document
    frame's evidence and report kind; a figure's basis (yoy, avg_2y, mom, vs_period …), the
    period a change is against, and whether a target was derived from a stated gap; a task's
    category, completion rate and source; and the status counts reports state per document."""
    for table, cols in (("documents", (("region", "TEXT"), ("report_kind", "TEXT"), ("frame", "TEXT"))),
                        ("observations", (("region", "TEXT"), ("basis", "TEXT"), ("base_period", "TEXT"),
                                          ("derived", "INTEGER"))),
                        ("tasks", (("category", "TEXT"), ("completion_rate", "REAL"), ("region", "TEXT"),
                                   ("source", "TEXT")))):
        have = {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}
        for name, kind in cols:
            if name not in have:
                conn.execute(f"ALTER TABLE [{table}] ADD COLUMN [{name}] {kind}")
    conn.execute('''CREATE TABLE IF NOT EXISTS "status_counts" (
   "id" INTEGER PRIMARY KEY,
   "doc_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "status" TEXT NOT NULL,
   "label" TEXT,
   "count" INTEGER NOT NULL,
   "total" INTEGER,
   "char_offset" INTEGER,
   "quote" TEXT
)''')
    conn.execute('CREATE INDEX IF NOT EXISTS "idx_status_counts_doc_id"\n    ON "status_counts" ("doc_id")')
    conn.execute("CREATE INDEX IF NOT EXISTS idx_observations_region ON observations (region)")


@migration
def m006_views(conn: sqlite3.Connection) -> None:
    """Views that answer users' questions without SQL (in Datasette, sqlite-utils, any client):
    ``figures`` and ``unfinished_tasks`` (as they were then; store/views.py has them now)."""
    # as they were then: m011 gives them the integer document key
    conn.execute("""CREATE VIEW IF NOT EXISTS [figures] AS
        SELECT o.name, o.region, o.period, o.kind, o.value, o.unit, o.qualifier, o.measure, o.basis,
               o.quote, d.document, d.title, o.doc_id || ':' || coalesce(o.char_offset, 0) AS source
        FROM observations o JOIN documents d ON d.id = o.doc_id""")
    conn.execute("""CREATE VIEW IF NOT EXISTS [unfinished_tasks] AS
        SELECT d.document, t.seq, t.category, t.status, t.annual_target, t.progress, t.reason, t.leader,
               t.departments_raw AS departments, t.completion_rate, t.region, t.period
        FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done'""")


@migration
def m007_relpath(conn: sqlite3.Connection) -> None:
    """Documents are known by their path from the folder named to ingest (``relpath``:
    ``reports/2024/a.txt``), so two ``report.txt`` in different folders have two names. Rows from
    before it take their base name."""
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



@migration
def m008_sources(conn: sqlite3.Connection) -> None:
    """Reports fetched from the web (``zibo ingest URL``): ``source``, the address (also the
    document's ``path``), and ``linked_from``, the page an attachment was linked from."""
    have = {r[1] for r in conn.execute("PRAGMA table_info([documents])")}
    for name in ("source", "linked_from"):
        if name not in have:
            conn.execute(f"ALTER TABLE [documents] ADD COLUMN [{name}] TEXT")


@migration
def m009_file_name(conn: sqlite3.Connection) -> None:
    """``file_name``, the base name a document's file has (its ``document`` name unless another
    file of that name is stored too), indexed: naming documents reads the index, not the table."""
    if "file_name" not in {r[1] for r in conn.execute("PRAGMA table_info([documents])")}:
        conn.execute("ALTER TABLE [documents] ADD COLUMN [file_name] TEXT")
    for sha, relpath, document in conn.execute("SELECT id, relpath, document FROM documents").fetchall():
        conn.execute("UPDATE documents SET file_name = ? WHERE id = ?", ((relpath or document).rsplit("/", 1)[-1], sha))
    conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_file_name ON documents (file_name)")


@migration
def m010_fts_in_batches(conn: sqlite3.Connection) -> None:
    """The full-text index is written in batches, not one document at a time (its trigger cost
    a third of storing a document): a new document's rowid goes to ``_fts_pending``, and
    :func:`flush_fulltext` indexes the pending ones together (ingest does every 64 documents
    and at its end; any write connection does on opening). A pending document that is deleted
    or rewritten is taken off the list instead of out of the index, which never held it."""
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



# the tables whose rows belong to a document, and the views as m011 left them (the integer key)
_M011_ROW_TABLES = ("observations", "tasks", "status_counts")
_M011_VIEWS = {
    "figures": """
        SELECT o.name, o.region, o.period, o.kind, o.value, o.unit, o.qualifier, o.measure, o.basis,
               o.quote, d.document, d.title, d.sha256 || ':' || coalesce(o.char_offset, 0) AS source
        FROM observations o JOIN documents d ON d.id = o.doc_id""",
    "unfinished_tasks": """
        SELECT d.document, t.seq, t.category, t.status, t.annual_target, t.progress, t.reason, t.leader,
               t.departments_raw AS departments, t.completion_rate, t.region, t.period
        FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done'""",
}


@migration
def m011_integer_document_key(conn: sqlite3.Connection) -> None:
    """Documents are keyed by an integer, ``documents.id`` (their rowid, which the full-text index
    already used), and keep their SHA-256 as ``documents.sha256`` (unique); the rows of a document
    (observations, tasks, status counts) refer to the integer. A 64-character key repeated in every
    figure and two indexes was a fifth of the database and of the time to write a document.
    Rows that referred to no stored document (``zibo doctor`` reports them) are not carried over;
    the ``figures`` view still cites a figure as ``sha256:offset``, which no rebuild changes."""
    doc_cols = list(conn.execute("PRAGMA table_info([documents])"))
    if any(r[1] == "sha256" for r in doc_cols):
        return
    tables = ("documents", *_M011_ROW_TABLES)
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
    for table in _M011_ROW_TABLES:
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
        if kind == "view" and name in _M011_VIEWS:
            sql = f"CREATE VIEW [{name}] AS {_M011_VIEWS[name]}"
        conn.execute(sql)


@migration
def m012_document_frame(conn: sqlite3.Connection) -> None:
    """The document frame (``extract.frame``): the document's ``type`` (statistics release, work
    report, 统计公报 …), its region's level, the year its actual figures describe
    (``data_year``), the year whose targets it states (``target_year``), each field's evidence
    (``frame_why``, JSON); and ``frame_user``, what a user stated about the document
    (``zibo ingest --region/--year``, ``zibo docs set``; JSON), which a re-ingest keeps."""
    have = {r[1] for r in conn.execute("PRAGMA table_info([documents])")}
    for col, typ in (("type", "TEXT"), ("region_level", "TEXT"), ("data_year", "INTEGER"),
                     ("target_year", "INTEGER"), ("frame_why", "TEXT"), ("frame_user", "TEXT")):
        if col not in have:
            conn.execute(f"ALTER TABLE [documents] ADD COLUMN [{col}] {typ}")

@migration
def m013_task_columns(conn: sqlite3.Connection) -> None:
    """Task rows keep every column a table gives: the target beside the item, the amount done and
    its unit, 是否达序 (on schedule), 备注, 完成时限, the row as written, and whether its cells were
    aligned by what they hold."""
    have = {r[1] for r in conn.execute("PRAGMA table_info([tasks])")}
    for name in ("target_amount", "actual", "measure_unit", "on_schedule", "notes", "deadline", "quote",
                 "alignment"):
        if name not in have:
            conn.execute(f"ALTER TABLE [tasks] ADD COLUMN [{name}] TEXT")


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
        _current_views(conn)
        return 0
    if version == 0 and at_once and _create_current(conn):
        return len(MIGRATIONS)
    ran = 0
    # A step may rebuild a table others refer to (m011): foreign keys are not enforced while the
    # steps run (SQLite's own recipe for a schema change; the pragma is a no-op in a transaction).
    enforced = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        # re-read under the write lock: another process may have just migrated
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute('''CREATE TABLE IF NOT EXISTS "_migrations" (
   "name" TEXT PRIMARY KEY,
   "applied_at" TEXT
)''')
        done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
        for name, fn in MIGRATIONS[version:]:
            if name in done:
                continue
            fn(conn)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                         (name, _now()))
            ran += 1
        if len(MIGRATIONS) == SCHEMA_VERSION:  # the views are written for the current schema
            recreate_views(conn)
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


def _current_views(conn: sqlite3.Connection) -> None:
    """At the current schema, views that differ from ``views.VIEWS`` (a newer zibo changed one)
    are made again; a read-only database keeps its views."""
    if len(MIGRATIONS) != SCHEMA_VERSION:
        return
    have = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    if all(have.get(name) == view_sql(name) for name in VIEWS):
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        recreate_views(conn)
        conn.execute("COMMIT")
    except sqlite3.OperationalError:
        _rollback(conn)  # read-only: the views stay as they are


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
    from ..schema import STATEMENTS

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

