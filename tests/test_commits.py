"""ingest.Commits: documents written a batch a transaction, each result given out only once its
document is committed, in file order; a batch closes at BATCH_DOCUMENTS documents or
BATCH_SECONDS of age, and with parser processes a slow parser does not hold it open."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from zibo_cli import ingest
from zibo_cli.ingest import Commits, IngestResult, ToParse, check_file, ingest_paths, parse_read_file
from zibo_cli.store import connect


def _report(folder: Path, i: int) -> Path:
    p = folder / f"r{i:02d}.txt"
    p.write_text(f"2024年上半年第{i}号经济运行情况\n上半年，全市地区生产总值同比增长{i}.5%。\n", encoding="utf-8")
    return p


def _prepared(conn, path: Path):
    todo = check_file(conn, path)
    assert isinstance(todo, ToParse)
    return parse_read_file(todo)


def _committed(db: Path) -> list[str]:
    """The documents another connection sees (what is committed)."""
    other = sqlite3.connect(db)
    try:
        return [r[0] for r in other.execute("SELECT document FROM documents ORDER BY document")]
    finally:
        other.close()


def test_results_come_out_in_order_once_their_batch_is_committed(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.commits, "BATCH_DOCUMENTS", 2)
    monkeypatch.setattr(ingest.commits, "BATCH_SECONDS", 3600.0)
    db = tmp_path / "z.db"
    conn = connect(db)
    commits = Commits(lambda: conn)
    files = [_report(tmp_path, i) for i in range(3)]
    assert commits.store(_prepared(conn, files[0])) == []  # written, not committed: not given out
    assert _committed(db) == []
    failed = IngestResult(path="x", document="x.txt", status="failed", error="unreadable")
    assert commits.add(failed) == []  # waits behind r00, so the order stays the files'
    out = commits.store(_prepared(conn, files[1]))  # the second document closes the batch
    assert [(r.document, r.status) for r in out] == [("r00.txt", "new"), ("x.txt", "failed"), ("r01.txt", "new")]
    assert _committed(db) == ["r00.txt", "r01.txt"]
    assert commits.add(failed) == [failed]  # nothing waiting: out at once
    assert commits.store(_prepared(conn, files[2])) == []
    assert [r.document for r in commits.finish()] == ["r02.txt"]
    assert _committed(db) == ["r00.txt", "r01.txt", "r02.txt"]
    conn.close()


def test_a_batch_is_committed_when_it_is_old_enough(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.commits, "BATCH_SECONDS", 0.0)  # every batch is old at once
    db = tmp_path / "z.db"
    conn = connect(db)
    commits = Commits(lambda: conn)
    out = commits.store(_prepared(conn, _report(tmp_path, 0)))
    assert [r.document for r in out] == ["r00.txt"] and _committed(db) == ["r00.txt"]
    conn.close()


def test_rollback_drops_the_open_batch_and_its_results(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.commits, "BATCH_SECONDS", 3600.0)
    db = tmp_path / "z.db"
    conn = connect(db)
    commits = Commits(lambda: conn)
    commits.store(_prepared(conn, _report(tmp_path, 0)))
    commits.rollback()
    assert commits.pending == [] and not conn.in_transaction
    assert commits.finish() == []
    assert _committed(db) == []
    conn.close()


def test_unchanged_files_are_given_out_at_once(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        _report(folder, i)
    db = tmp_path / "z.db"
    assert [r.status for r in ingest_paths([folder], db, workers=0)] == ["new"] * 3
    # a second run writes nothing: each result comes as soon as its file is checked
    monkeypatch.setattr(ingest.commits, "BATCH_SECONDS", 3600.0)
    assert [r.status for r in ingest_paths([folder], db, workers=0)] == ["unchanged"] * 3


def test_a_consumer_that_stops_early_leaves_only_what_it_was_given(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.commits, "BATCH_DOCUMENTS", 2)
    monkeypatch.setattr(ingest.commits, "BATCH_SECONDS", 3600.0)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        _report(folder, i)
    db = tmp_path / "z.db"
    run = ingest_paths([folder], db, workers=0)
    first = next(run)  # r00 and r01 committed together; r00 given out
    assert first.document == "r00.txt"
    run.close()  # the consumer stops: the open batch (if any) is rolled back
    got = _committed(db)
    assert got[:2] == ["r00.txt", "r01.txt"] and len(got) == 2


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="parser processes are forked (Linux)")
def test_a_slow_parser_does_not_hold_the_batch_open(tmp_path, monkeypatch):
    """With parser processes, the writer waits for the next file no longer than BATCH_SECONDS
    with a batch open: the files before a slow one are committed and given out meanwhile."""
    from zibo_cli import pipeline

    monkeypatch.setattr(ingest.commits, "BATCH_SECONDS", 0.05)
    original = pipeline.extract_observations
    # the first file of the last chunk (a chunk's files come back together; the first file of the
    # run is parsed before the parsers start, the others go to them CHUNK at a time)
    slow = 1 + ingest.CHUNK * ((60 - 2) // ingest.CHUNK)

    def slow_for_the_last(text, meta, *args, **kwargs):
        if f"第{slow}号" in text:
            time.sleep(3.0)  # (the parser processes are forked after this patch: they have it)
        return original(text, meta, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_observations", slow_for_the_last)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        _report(folder, i)
    start = time.monotonic()
    seen: list[tuple[str, float]] = []
    for r in ingest_paths([folder], tmp_path / "z.db", workers=2):
        seen.append((r.document, time.monotonic() - start))
    assert [d for d, _ in seen] == [f"r{i:02d}.txt" for i in range(60)]
    # the files before it came out (committed) while it was still parsing, though the batch
    # they were in was not full (BATCH_DOCUMENTS)
    assert seen[slow - 1][1] < 2.0, seen
    assert seen[slow][1] >= 3.0
