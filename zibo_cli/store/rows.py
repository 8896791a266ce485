"""Row writes: a parsed document as the rows it becomes, written in one transaction (or the
caller's), replacing the rows of the file it supersedes; and the names documents go by."""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from .atomic import _now, transaction

if TYPE_CHECKING:  # the query path imports store; it needs no dataclasses
    from ..models import ParsedDocument

# the tables whose rows belong to a document, by ``doc_id``
DOCUMENT_ROW_TABLES = ("observations", "tasks", "status_counts")


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
    from ..periods import Period, PeriodError

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

        from ..models import Observation, Task

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
