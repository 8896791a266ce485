"""The full-text index written in batches (migration 10): every stored document is found by
search whether or not its batch was flushed, and the index always matches the documents."""

from __future__ import annotations

import sqlite3

from zibo_cli import store
from zibo_cli.pipeline import parse_file
from zibo_cli.query import Zibo
from zibo_cli.query.search import search


def _index_matches_documents(db) -> None:
    conn = sqlite3.connect(db)
    try:  # with rank 1, FTS5 checks its index against the content table itself
        conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def _pending(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return store.fulltext_pending(conn)
    finally:
        conn.close()


def test_an_ingest_leaves_nothing_pending_and_a_whole_index(zibo, db, seeds, tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    text = (seeds / "000_f3de8a4f265dc74f.txt").read_text(encoding="utf-8")
    for i in range(store.FTS_BATCH + 5):  # more than one batch
        (many / f"r{i:03}.txt").write_text(text + f"\n第{i}号附记：淄博烧烤{i}号摊位。\n", encoding="utf-8")
    assert zibo("ingest", many, "-q", "--workers", "0").exit_code == 0
    assert _pending(db) == 0
    _index_matches_documents(db)
    with Zibo(db) as z:
        assert len({h["document"] for h in search(z.conn, "烧烤68号摊位", limit=None)}) == 1


def test_documents_not_yet_indexed_are_still_found_then_indexed_by_the_next_write(db, seeds):
    conn = store.connect(db)
    for path in sorted(seeds.iterdir()):
        store.store_document(conn, parse_file(path))  # stored, the batch never flushed
    conn.close()
    assert _pending(db) == 3
    with Zibo(db) as z:  # a reader cannot flush: it searches the text itself
        found = {h["document"] for h in search(z.conn, "淄博烧烤")}
    assert found == {"000_f3de8a4f265dc74f.txt", "003_295b3a97b3453646.txt"}
    store.connect(db).close()  # the next writer flushes
    assert _pending(db) == 0
    _index_matches_documents(db)
    with Zibo(db) as z:
        assert {h["document"] for h in search(z.conn, "淄博烧烤")} == found


def test_forgetting_or_rewriting_a_pending_document_keeps_the_index_whole(zibo, db, seeds):
    conn = store.connect(db)
    for path in sorted(seeds.iterdir()):
        store.store_document(conn, parse_file(path))
    conn.close()
    assert zibo("forget", "003").exit_code == 0  # pending: taken off the list, not out of the index
    assert zibo("ingest", seeds, "--force", "-q").exit_code == 0  # rewrites every document
    assert _pending(db) == 0
    _index_matches_documents(db)
    assert zibo("forget", "000").exit_code == 0  # indexed: out of the index
    _index_matches_documents(db)
    with Zibo(db) as z:
        assert {h["document"] for h in search(z.conn, "淄博烧烤")} == {"003_295b3a97b3453646.txt"}
