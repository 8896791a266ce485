"""SQLite storage, in three parts: connections (``connections``: where the database is, opening
it to write or to read), the schema's history (``migrations``: frozen steps, each applied once;
``views``: the current views, made after the steps) and row writes (``rows``: a parsed document
in one transaction).

Tables (see docs/schema.md):

* ``documents``     one row per ingested file, keyed by an integer; ``sha256`` its bytes' hash
* ``observations``  every figure, with its period, kind, quote and offset
* ``tasks``         every task-table row
* ``status_counts`` the counts a report states
* ``_migrations``   the schema steps applied, in order; ``PRAGMA user_version``
                    holds their count, so a newer database is refused early.

Writes use plain ``sqlite3`` statements inside an explicit ``BEGIN IMMEDIATE … COMMIT``: a
document is either fully in or fully out, and two writers queue on SQLite's lock (with a busy
timeout) instead of failing. Everything callers use is importable from ``zibo_cli.store``.
"""

from __future__ import annotations

from .atomic import _rollback, transaction
from .connections import (
    BUSY_TIMEOUT,
    FTS_BATCH,
    WRITER_CACHE_KIB,
    ZIBO_TABLES,
    _use_wal,  # noqa: F401  (tests)
    busy_timeout,
    connect,
    default_db_path,
    describe_sqlite_error,
    flush_fulltext,
    foreign_database,
    fulltext_pending,
    open_existing,
    open_readonly,
    resolve_db_path,
    tables_of,
    writable,
)
from .migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    _compact,  # noqa: F401  (tests)
    migrate,
    migration,
    schema_statements,
    write_schema_module,
)
from .rows import (  # noqa: F401  (tests)
    DOCUMENT_ROW_TABLES,
    DocumentRows,
    TupleRows,
    _insert_sql,
    _period_label,
    base_name,
    document_rows,
    document_state,
    name_documents,
    store_document,
    store_rows,
)
from .views import VIEWS, recreate_views

__all__ = ["connect", "open_readonly", "migrate", "SCHEMA_VERSION", "store_document",
           "document_state", "default_db_path", "resolve_db_path", "busy_timeout", "BUSY_TIMEOUT",
           "describe_sqlite_error", "transaction", "document_rows", "store_rows", "DocumentRows",
           "MIGRATIONS", "migration", "schema_statements", "write_schema_module", "DOCUMENT_ROW_TABLES",
           "TupleRows", "base_name", "name_documents", "FTS_BATCH", "WRITER_CACHE_KIB", "ZIBO_TABLES",
           "flush_fulltext", "fulltext_pending", "foreign_database", "open_existing", "tables_of",
           "writable", "VIEWS", "recreate_views", "_rollback"]
