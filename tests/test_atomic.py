"""Atomicity and concurrency: an ingest killed or interrupted midway leaves every document
fully in or fully out (the batches committed in, the one open out, and exactly the documents
it reported stored are stored), the next run finishes the job, and two ingests at once both
succeed without storing anything twice.

The subprocess tests run tests/zibo_proc.py, which gives every document many rows and can
pause inside the transaction of a chosen document, so the kill lands there every time.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from zibo_proc import fake_observations

HERE = Path(__file__).resolve().parent
ROWS = 40  # observations per document


def make_reports(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"r{i:03d}.txt"
        p.write_text(f"2024年上半年第{i}号经济运行情况\n上半年，全市地区生产总值同比增长{i}.1%。\n",
                     encoding="utf-8")
        paths.append(p)
    return paths


def start(args, db: Path, **env) -> subprocess.Popen:
    full_env = {**os.environ, "ZIBO_DB": str(db), "ZIBO_TEST_ROWS": str(ROWS), **env}
    return subprocess.Popen([sys.executable, str(HERE / "zibo_proc.py"), *map(str, args)], env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(marker: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, f"zibo ended before the pause: {proc.communicate()}"
        assert time.monotonic() < deadline, "zibo never reached the pause"
        time.sleep(0.02)


_INTERRUPTED = re.compile(r"zibo: error: interrupted after storing (\d+) new or changed file\(s\) of this run, "
                          r"each whole; the files not yet committed were rolled back: run the same command "
                          r"again to finish")


def stored_before_interrupt(err: str) -> int:
    """How many documents the interrupt message says were stored (it is the only line)."""
    (line,) = err.splitlines()
    m = _INTERRUPTED.fullmatch(line)
    assert m, line
    return int(m[1])


def consistency(db: Path) -> dict[str, int]:
    """Assert every document has exactly its rows; return the counts."""
    conn = sqlite3.connect(db)
    try:
        docs = conn.execute("SELECT id, observations, tasks FROM documents").fetchall()
        for doc_id, n_obs, n_tasks in docs:
            assert conn.execute("SELECT count(*) FROM observations WHERE doc_id = ?", (doc_id,)
                                ).fetchone()[0] == n_obs
            assert conn.execute("SELECT count(*) FROM tasks WHERE doc_id = ?", (doc_id,)).fetchone()[0] == n_tasks
        orphans = conn.execute("SELECT count(*) FROM observations WHERE doc_id NOT IN "
                               "(SELECT id FROM documents)").fetchone()[0]
        assert orphans == 0
        paths = conn.execute("SELECT count(*), count(DISTINCT path) FROM documents").fetchone()
        assert paths[0] == paths[1]
        return {"documents": len(docs),
                "observations": conn.execute("SELECT count(*) FROM observations").fetchone()[0]}
    finally:
        conn.close()


@pytest.mark.parametrize("sig, code", [(signal.SIGKILL, -signal.SIGKILL), (signal.SIGTERM, 143),
                                       (signal.SIGINT, 130)], ids=["SIGKILL", "SIGTERM", "SIGINT"])
def test_killed_midway_leaves_whole_documents_and_rerun_finishes(tmp_path, sig, code, zibo, monkeypatch):
    from zibo_cli.ingest import BATCH_DOCUMENTS

    n, pause = BATCH_DOCUMENTS + 8, BATCH_DOCUMENTS + 4  # at least one batch is committed before the pause
    make_reports(tmp_path / "in", n)
    db, marker = tmp_path / "zibo.db", tmp_path / "paused"
    proc = start(["ingest", tmp_path / "in", "--json"], db,
                 ZIBO_TEST_PAUSE_AT=str(pause), ZIBO_TEST_MARKER=str(marker))
    wait_for(marker, proc)  # the rows of the document `pause` are written, not committed
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    stored = consistency(db)["documents"]
    assert 1 <= stored < pause  # the committed batches are in, whole; the open one is out
    if sig != signal.SIGKILL:
        assert stored_before_interrupt(err) == stored  # what it said it stored, and nothing else
        assert out == ""
    assert consistency(db) == {"documents": stored, "observations": stored * ROWS}

    from zibo_cli import pipeline

    monkeypatch.setattr(pipeline, "extract_observations", fake_observations(ROWS))
    r = zibo("--db", db, "ingest", tmp_path / "in", "--json")
    assert r.exit_code == 0, r.stderr
    statuses = [x["status"] for x in json.loads(r.stdout)]
    assert statuses == ["unchanged"] * stored + ["new"] * (n - stored)
    assert consistency(db) == {"documents": n, "observations": n * ROWS}
    assert zibo("--db", db, "doctor").exit_code == 0


def test_two_ingests_at_once_both_succeed_and_store_each_file_once(tmp_path):
    make_reports(tmp_path / "in", 30)
    db = tmp_path / "zibo.db"  # does not exist yet: both also race to create it
    procs = [start(["ingest", tmp_path / "in", "--json"], db, ZIBO_TEST_PARSE_SECONDS="0.01")
             for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert err == ""
    runs = [{Path(r["path"]).name: r["status"] for r in json.loads(out)} for out, _ in results]
    assert runs[0].keys() == runs[1].keys() and len(runs[0]) == 30
    for name in runs[0]:  # each file stored by exactly one of the two
        assert sorted([runs[0][name], runs[1][name]]) == ["new", "unchanged"], name
    assert consistency(db) == {"documents": 30, "observations": 30 * ROWS}


def test_keyboard_interrupt_in_process_rolls_back_the_open_batch(zibo, zibo_json, tmp_path, db, monkeypatch):
    from zibo_cli import ingest, store

    monkeypatch.setattr(ingest.commits, "BATCH_DOCUMENTS", 2)  # (and BATCH_SECONDS: a slow machine commits sooner)
    make_reports(tmp_path / "in", 5)
    original = store.rows._insert_document
    seen = []

    def interrupting(conn, document):
        key = original(conn, document)
        seen.append(document["document"])
        if len(seen) == 4:
            raise KeyboardInterrupt
        return key

    monkeypatch.setattr(store.rows, "_insert_document", interrupting)
    r = zibo("ingest", tmp_path / "in")
    assert r.exit_code == 130
    stored = [d["document"] for d in zibo_json("docs")]
    assert stored_before_interrupt(r.stderr) == len(stored)
    # r000 and r001 made a batch, committed; r002 and r003 were the open one, rolled back
    # (r002 alone when it had waited out BATCH_SECONDS: committed at once)
    assert stored in (["r000.txt", "r001.txt"], ["r000.txt", "r001.txt", "r002.txt"])
    monkeypatch.setattr(store.rows, "_insert_document", original)
    assert [r["status"] for r in zibo_json("ingest", tmp_path / "in")] == \
        ["unchanged"] * len(stored) + ["new"] * (5 - len(stored))
    assert len(zibo_json("docs")) == 5


def test_force_rewrites_a_damaged_document(zibo, zibo_json, tmp_path, db):
    (f,) = make_reports(tmp_path / "in", 1)
    zibo("ingest", f)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE documents SET observations = 7")  # as if rows went missing
    conn.commit()
    conn.close()
    r = zibo("doctor", "--json", "--no-files")
    assert r.exit_code == 1
    bad = [x for x in json.loads(r.stdout) if x["status"] == "error"]
    assert [(x["check"], x["document"]) for x in bad] == [("counts", "r000.txt")]
    assert r.stderr.splitlines() == ["zibo: error: 1 problem(s) found in the database"]
    assert zibo_json("ingest", f)[0]["status"] == "unchanged"  # a plain re-run skips it
    assert zibo_json("ingest", "--force", f)[0]["status"] == "replaced"
    assert zibo("doctor", "--no-files").exit_code == 0
    assert len(zibo_json("docs")) == 1


def test_four_ingests_of_overlapping_folders_store_each_file_once(tmp_path):
    import shutil

    make_reports(tmp_path / "all", 24)
    names = sorted(p.name for p in (tmp_path / "all").iterdir())
    folders = []
    for k in range(4):  # each folder shares files with the next: 0-11, 4-15, 8-19, 12-23
        folder = tmp_path / f"part{k}"
        folder.mkdir()
        for name in names[4 * k:4 * k + 12]:
            shutil.copy(tmp_path / "all" / name, folder / name)
        folders.append(folder)
    db = tmp_path / "zibo.db"
    procs = [start(["ingest", f, "--json"], db, ZIBO_TEST_PARSE_SECONDS="0.01") for f in folders]
    results = [p.communicate(timeout=180) for p in procs]
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    statuses: dict[str, list[str]] = {}
    for out, _ in results:
        for r in json.loads(out):
            statuses.setdefault(Path(r["path"]).name, []).append(r["status"])
    # the same bytes under several paths: one is stored, the others are duplicates of it
    assert all(s.count("new") == 1 for s in statuses.values()), statuses
    assert consistency(db) == {"documents": 24, "observations": 24 * ROWS}


def test_a_full_disk_leaves_the_database_as_it_was(zibo, zibo_json, tmp_path, db, monkeypatch, seeds):
    import sqlite3

    from zibo_cli import store

    assert zibo("ingest", seeds / "000_f3de8a4f265dc74f.txt").exit_code == 0
    before = zibo_json("docs")
    original = store.rows._insert_keyed

    def full(conn, table, key, rows):
        if table == "observations":
            raise sqlite3.OperationalError("database or disk is full")
        original(conn, table, key, rows)

    monkeypatch.setattr(store.rows, "_insert_keyed", full)
    r = zibo("ingest", seeds)
    assert r.exit_code == 1
    (line,) = [x for x in r.stderr.splitlines() if x.startswith("zibo: error:")]
    assert "full" in line
    monkeypatch.setattr(store.rows, "_insert_keyed", original)
    assert zibo_json("docs") == before
    assert zibo_json("doctor")[1]["status"] == "ok"  # integrity


def test_kill_9_during_a_2000_file_ingest_leaves_a_sound_database_and_a_rerun_completes(tmp_path):
    import signal
    import sqlite3
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2000):
        (folder / f"r{i:04d}.txt").write_text(f"2024年上半年第{i}号经济运行情况\n上半年，全市地区生产总值同比增长{i % 9}.1%。\n",
                                             encoding="utf-8")
    db = tmp_path / "zibo.db"
    proc = start(["ingest", folder, "--json"], db, ZIBO_TEST_ROWS="5")
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if stored >= 300:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    counts = consistency(db)  # every stored document has all its rows
    assert 300 <= counts["documents"] < 2000
    again = start(["ingest", folder, "--json"], db, ZIBO_TEST_ROWS="5")
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    statuses = [r["status"] for r in json.loads(out)]
    assert statuses.count("unchanged") == counts["documents"] and statuses.count("new") == 2000 - counts["documents"]
    assert consistency(db) == {"documents": 2000, "observations": 2000 * 5}


def test_an_interrupt_after_an_earlier_parallel_run_in_the_same_process_is_reported(zibo, tmp_path, db, monkeypatch):
    """A script (or this test run) may ingest with parser processes, then ingest again in the same
    process: the second run's interrupt is its own (one line, exit 130), not the end of the process
    the first run's parsers would have called for (found when test_atomic ran after
    test_parallel_ingest: the whole pytest run exited 130)."""
    from zibo_cli import ingest, store

    make_reports(tmp_path / "many", 6)
    assert zibo("ingest", tmp_path / "many", "--workers", "2", "-q").exit_code == 0
    assert ingest.parsers_started
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "other.txt").write_text("2023年一季度经济运行情况\n一季度，全市固定资产投资增长3%。\n",
                                               encoding="utf-8")
    original = store.rows._insert_document

    def interrupting(conn, document):
        original(conn, document)
        raise KeyboardInterrupt

    monkeypatch.setattr(store.rows, "_insert_document", interrupting)
    r = zibo("ingest", tmp_path / "in", "--workers", "0")
    assert r.exit_code == 130 and "interrupted after storing 0 new" in r.stderr
