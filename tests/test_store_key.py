"""Documents are keyed by an integer (``documents.id``), their SHA-256 kept as ``documents.sha256``;
a document's rows refer to the integer. A database written before (schema 10: the SHA-256 as
``documents.id`` and as every row's ``doc_id``) is rebuilt by migration m011 to answer every query
as a new database holding the same files does."""

from __future__ import annotations

import sqlite3

import pytest

from zibo_cli import store
from zibo_cli.export import user_tables
from zibo_cli.pipeline import parse_file
from zibo_cli.query import Zibo
from zibo_cli.query.search import search

BEFORE_KEY = 10  # migrations before m011_integer_document_key
FRAME = ("type", "region_level", "data_year", "target_year", "evidence")
# the task columns of migration 13, filled by the next ingest
TASK_COLUMNS_LATER = ("target_amount", "actual", "measure_unit", "on_schedule", "notes", "deadline", "quote",
                      "alignment")


def _old_database(path, docs, monkeypatch, pending_last: bool = True) -> None:
    """Write ``docs`` as zibo wrote them at schema 10: its migrations, its row shapes. The last
    document is left waiting for the full-text index (``_fts_pending``) when ``pending_last``."""
    assert store.MIGRATIONS[BEFORE_KEY][0] == "m011_integer_document_key"
    with monkeypatch.context() as m:
        m.setattr(store.migrations, "MIGRATIONS", store.MIGRATIONS[:BEFORE_KEY])
        conn = sqlite3.connect(path, isolation_level=None)
        store.migrate(conn, at_once=False)
    for i, doc in enumerate(docs):
        rows = store.document_rows(doc)
        sha = rows.document["sha256"]
        have = {r[1] for r in conn.execute("PRAGMA table_info([documents])")}  # schema 10's columns only
        document = {"id": sha, **{k: v for k, v in rows.document.items() if k != "sha256" and k in have},
                    "mtime": 1.5, "ingested_at": "2026-01-01T00:00:00+00:00"}
        conn.execute("BEGIN")
        conn.execute(store._insert_sql("documents", tuple(document)), tuple(document.values()))
        for table, keyed in (("observations", rows.observations), ("tasks", rows.tasks)):
            if keyed:
                cols = {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}
                keep = [i for i, c in enumerate(keyed.columns) if c in cols]  # schema 10's columns only
                conn.executemany(store._insert_sql(table, ("doc_id", *(keyed.columns[i] for i in keep))),
                                 [(sha, *(r[i] for i in keep)) for r in keyed])
        for c in rows.status_counts:
            conn.execute(store._insert_sql("status_counts", ("doc_id", *c)), (sha, *c.values()))
        conn.execute("COMMIT")
        if not (pending_last and i == len(docs) - 1):
            store.flush_fulltext(conn)
    conn.close()


def _new_database(path, docs) -> None:
    conn = store.connect(path)
    for doc in docs:
        assert store.store_document(conn, doc, mtime=1.5) == "new"
    store.flush_fulltext(conn)
    conn.close()


def _answers(path) -> dict:
    """What the queries see, less when each file was ingested."""
    with Zibo(path) as z:
        # the document frame (migration 12) is read by the next ingest, not by a migration
        docs = [{k: v for k, v in d.items() if k not in ("ingested_at", *FRAME)} for d in z.documents()]
        figures = z.rows("SELECT d.sha256, o.* FROM observations o JOIN documents d ON d.id = o.doc_id "
                         "ORDER BY o.id")
        tasks = [{k: v for k, v in t.items() if k not in TASK_COLUMNS_LATER}
                 for t in z.rows("SELECT d.sha256, t.* FROM tasks t JOIN documents d ON d.id = t.doc_id ORDER BY t.id")]
        counts = z.rows("SELECT d.sha256, c.* FROM status_counts c JOIN documents d ON d.id = c.doc_id "
                        "ORDER BY c.id")
        views = (z.rows("SELECT * FROM figures ORDER BY source, quote"),
                 z.rows("SELECT * FROM unfinished_tasks ORDER BY document, seq"))
        found = [(h["document"], h.get("offset")) for h in search(z.conn, "生产总值", limit=None)]
    return {"documents": docs, "figures": figures, "tasks": tasks, "counts": counts, "views": views,
            "search": found}


@pytest.fixture
def seed_docs(seeds):
    return [parse_file(p) for p in sorted(seeds.glob("*.txt"))]


def test_a_new_database_keys_documents_by_integer_and_keeps_the_hash(tmp_path, seed_docs):
    db = tmp_path / "new.db"
    _new_database(db, seed_docs)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, sha256 FROM documents ORDER BY id").fetchall()
    assert rows == [(i + 1, d.sha256) for i, d in enumerate(seed_docs)]
    for table in store.DOCUMENT_ROW_TABLES:
        kinds = {r[0] for r in conn.execute(f"SELECT DISTINCT typeof(doc_id) FROM [{table}]")}
        assert kinds <= {"integer"}, table
    with pytest.raises(sqlite3.IntegrityError):  # the same bytes twice: refused by the index
        conn.execute("INSERT INTO documents (sha256, document, path) VALUES (?, 'x', '/x')", (rows[0][1],))
    conn.close()


def test_an_old_database_migrates_to_what_a_new_one_holds(tmp_path, seed_docs, monkeypatch):
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    _old_database(old, seed_docs, monkeypatch)
    _new_database(new, seed_docs)
    conn = store.connect(old)  # migrates, then indexes the pending document (under its key)
    assert store.fulltext_pending(conn) == 0
    # the same schema (VACUUM, which follows the rebuild, lists it in its own order) and tables
    assert sorted(store.schema_statements(conn)) == sorted(store.schema_statements(sqlite3.connect(new)))
    assert user_tables(conn) == user_tables(sqlite3.connect(new))[:4] == ["documents", *store.DOCUMENT_ROW_TABLES]
    conn.close()
    before, after = _answers(old), _answers(new)
    assert before["figures"] and before["tasks"] and before["search"]
    for part in after:
        assert before[part] == after[part], part


def test_the_migration_drops_rows_of_no_document_and_keeps_user_views(tmp_path, seed_docs, monkeypatch):
    old = tmp_path / "old.db"
    _old_database(old, seed_docs[:1], monkeypatch, pending_last=False)
    conn = sqlite3.connect(old, isolation_level=None)
    n = conn.execute("SELECT count(*) FROM observations").fetchone()[0]
    conn.execute("INSERT INTO observations (doc_id, name, kind) VALUES (?, '孤儿', 'actual')", ("f" * 64,))
    conn.execute("CREATE VIEW mine AS SELECT o.name, d.document FROM observations o "
                 "JOIN documents d ON d.id = o.doc_id")
    conn.close()
    conn = store.connect(old)
    assert conn.execute("SELECT count(*) FROM observations").fetchone()[0] == n
    assert conn.execute("SELECT count(*) FROM mine").fetchone()[0] == n  # a user's view still answers
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_figure_cites_its_document_by_hash(tmp_path, seed_docs):
    db = tmp_path / "new.db"
    _new_database(db, seed_docs)
    with Zibo(db) as z:
        shas = {d.sha256 for d in seed_docs}
        sources = [r["source"] for r in z.rows("SELECT source FROM figures")]
    assert sources and all(s.split(":")[0] in shas and s.split(":")[1].isdigit() for s in sources)


def test_a_document_is_found_by_its_hash_or_its_start(tmp_path, seed_docs):
    db = tmp_path / "new.db"
    _new_database(db, seed_docs)
    doc = seed_docs[1]
    with Zibo(db) as z:
        assert z.find_document(doc.sha256)["document"] == doc.document
        assert z.find_document(doc.sha256[:12])["document"] == doc.document
        assert z.document_text(doc.sha256) == z.document_text(doc.document)


def test_the_commands_take_a_documents_hash(zibo, zibo_json, seeds, seed_docs):
    assert zibo("ingest", seeds).exit_code == 0
    doc = next(d for d in seed_docs if d.tasks)
    tasks = zibo_json("tasks", "--doc", doc.sha256)
    assert len(tasks) == len(doc.tasks) and {t["document"] for t in tasks} == {doc.document}
    hits = zibo_json("search", "完成", "--doc", doc.sha256)
    assert hits and {h["document"] for h in hits} == {doc.document}
    assert [d["sha256"] for d in zibo_json("docs") if d["document"] == doc.document] == [doc.sha256]
    assert zibo("forget", doc.sha256[:10]).exit_code == 0
    assert doc.document not in {d["document"] for d in zibo_json("docs")}


def test_the_rebuilt_database_is_compacted(tmp_path, seed_docs, monkeypatch):
    old = tmp_path / "old.db"
    _old_database(old, seed_docs, monkeypatch)
    conn = store.connect(old)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] <= 0.25 * conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()


def test_compacting_waits_for_enough_free_pages_and_survives_a_failure(tmp_path):
    conn = sqlite3.connect(tmp_path / "z.db", isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,) for _ in range(400)])
    assert not store._compact(conn)  # nothing free
    conn.execute("DELETE FROM t WHERE rowid > 200")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert store._compact(conn)  # half the pages free: compacted
    assert conn.execute("PRAGMA page_count").fetchone()[0] < pages
    conn.execute("DELETE FROM t WHERE rowid > 100")
    conn.execute("BEGIN")  # VACUUM cannot run inside a transaction: refused, nothing lost
    assert not store._compact(conn)
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 100
