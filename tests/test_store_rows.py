"""store.document_rows: the rows a parser process sends are the document's fields, column by
column, as Observation.row() and Task.row() give them."""

from __future__ import annotations

import json
import pickle
import sqlite3

from zibo_cli.pipeline import parse_file
from zibo_cli.store import _period_label, connect, document_rows, store_document, store_rows


def _rows(db, table):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    conn.close()
    return rows


def test_stored_rows_are_the_dataclass_fields(tmp_path, seeds):
    db = tmp_path / "z.db"
    conn = connect(db)
    docs = [parse_file(p) for p in sorted(seeds.glob("*.txt"))]
    for doc in docs:
        assert store_document(conn, doc, mtime=1.5) == "new"
    conn.close()
    obs = _rows(db, "observations")
    tasks = _rows(db, "tasks")
    key = {r["sha256"]: r["id"] for r in _rows(db, "documents")}  # each document's integer key
    assert sorted(key.values()) == [1, 2, 3]
    expected_obs = [{"doc_id": key[d.sha256], **o.row(), "period": _period_label(o.year, o.start_month, o.end_month)}
                    for d in docs for o in d.observations]
    expected_tasks = [{"doc_id": key[d.sha256], **{k: json.dumps(v, ensure_ascii=False) if k == "departments" else v
                                              for k, v in t.row().items()},
                       "period": _period_label(t.year, t.start_month, t.end_month)}
                      for d in docs for t in d.tasks]
    assert expected_obs and expected_tasks
    assert [{k: v for k, v in r.items() if k != "id"} for r in obs] == expected_obs
    assert [{k: v for k, v in r.items() if k != "id"} for r in tasks] == expected_tasks


def test_rows_survive_pickling_and_store_the_same(tmp_path, seeds):
    # what a parser process sends (pickled rows) stores what the document itself stores
    doc = parse_file(sorted(seeds.glob("*.txt"))[0])
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    conn = connect(a)
    store_document(conn, doc, mtime=2.0)
    conn.close()
    conn = connect(b)
    assert store_rows(conn, pickle.loads(pickle.dumps(document_rows(doc))), mtime=2.0) == "new"
    conn.close()
    for table in ("observations", "tasks"):
        assert _rows(a, table) == _rows(b, table)
    strip = [{k: v for k, v in r.items() if k != "ingested_at"} for r in _rows(a, "documents")]
    assert strip == [{k: v for k, v in r.items() if k != "ingested_at"} for r in _rows(b, "documents")]
