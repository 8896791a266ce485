"""A bulk load into a new database (store.bulk): the figures', tasks' and status counts' indexes are
dropped while an ingest that started on an empty database writes, and built at its end; the
database ends with the schema a row-by-row load gives, an interrupted load is repaired by the next
writer, and a database that held documents keeps its indexes throughout."""

from __future__ import annotations

import sqlite3

import pytest
from test_atomic import make_reports

from zibo_cli import store
from zibo_cli.ingest import commits as batches
from zibo_cli.ingest import ingest_paths
from zibo_cli.store import bulk


def indexes(db) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        conn.close()


def content(db) -> list:
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("observations", "tasks")]
    finally:
        conn.close()


def new_database(tmp_path, reports: int) -> tuple:
    """``reports`` files in tmp_path/in and an empty database; (its path, its indexes)."""
    make_reports(tmp_path / "in", reports)
    db = tmp_path / "z.db"
    store.connect(db).close()
    return db, indexes(db)


def test_the_deferred_indexes_are_those_of_the_figures_tasks_and_status_counts():
    names = [name for name, _ in bulk.deferred_indexes()]
    assert "idx_observations_indicator_cover" in names and "idx_tasks_status" in names
    assert "idx_status_counts_doc_id" in names
    assert not any("documents" in name for name in names)  # ingest reads those while it writes


@pytest.mark.parametrize("workers", [0, 2])
def test_a_new_database_ends_with_every_index_and_the_same_rows(tmp_path, monkeypatch, workers):
    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 3)
    make_reports(tmp_path / "in", 12)
    fresh = tmp_path / "fresh.db"
    store.connect(fresh).close()
    schema = indexes(fresh)
    dropped = []
    monkeypatch.setattr(bulk, "drop_indexes", lambda conn, drop=bulk.drop_indexes: dropped.append(1) or drop(conn))
    db = tmp_path / "z.db"
    assert {r.status for r in ingest_paths([tmp_path / "in"], db, workers=workers)} == {"new"}
    assert dropped == [1]
    assert indexes(db) == schema
    # the same rows as a load into a database that held a document already (indexes kept)
    other = tmp_path / "other.db"
    list(ingest_paths([tmp_path / "in" / "r000.txt"], other, workers=0))
    assert dropped == [1, 1]
    list(ingest_paths([tmp_path / "in"], other, workers=0))
    assert dropped == [1, 1]  # not empty at the start: no bulk load
    assert content(other) == content(db)


def test_an_interrupted_bulk_load_is_repaired_by_the_next_writer(tmp_path, monkeypatch):
    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 2)
    db, schema = new_database(tmp_path, 6)
    original = store.rows._insert_document
    calls = []

    def interrupting(conn, document):
        calls.append(1)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return original(conn, document)

    monkeypatch.setattr(store.rows, "_insert_document", interrupting)
    stored = []
    with pytest.raises(KeyboardInterrupt):
        for r in ingest_paths([tmp_path / "in"], db, workers=0):
            stored.append(r.document)
    assert len(stored) == 4  # two batches committed, whole
    missing = set(schema) - set(indexes(db))
    assert missing == {name for name, _ in bulk.deferred_indexes()}  # left for the next writer
    monkeypatch.setattr(store.rows, "_insert_document", original)
    store.connect(db).close()
    assert indexes(db) == schema


def test_an_interrupt_before_the_first_commit_keeps_the_indexes(tmp_path, monkeypatch):
    db, schema = new_database(tmp_path, 3)
    monkeypatch.setattr(store.rows, "_insert_document", lambda conn, document: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        list(ingest_paths([tmp_path / "in"], db, workers=0))
    assert indexes(db) == schema


def test_another_writer_during_a_bulk_load_builds_the_indexes_and_the_load_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 2)
    db, schema = new_database(tmp_path, 8)
    run = ingest_paths([tmp_path / "in"], db, workers=0)
    first = [next(run), next(run)]  # one batch committed: the indexes are dropped
    assert set(indexes(db)) < set(schema)
    store.connect(db).close()  # another writer (a second ingest, zibo docs set) connects
    assert indexes(db) == schema
    rest = list(run)
    assert len(first) + len(rest) == 8 and {r.status for r in first + rest} == {"new"}
    assert indexes(db) == schema
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (8,)
