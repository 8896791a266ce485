"""Ingest with parser processes (--workers N) stores exactly what ingest in one process stores."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from zibo_cli.ingest import PARALLEL_MIN_FILES, default_workers, ingest_paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("corpus")
    module.generate(16, folder, seed=7)
    (folder / "zz_copy.txt").write_bytes((folder / sorted(p.name for p in folder.iterdir())[0]).read_bytes())
    (folder / "zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def _content(db: Path) -> dict:
    conn = sqlite3.connect(db)
    out = {}
    for table, cols in (("documents", "id, document, title, year, start_month, end_month, doc_type, "
                                      "observations, tasks, unreadable, warnings, text"),
                        ("observations", "doc_id, name, year, start_month, end_month, kind, value, unit, "
                                         "char_offset, quote"),
                        ("tasks", "doc_id, seq, status, reason, leader, departments, row_index")):
        out[table] = sorted(conn.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
    conn.close()
    return out


def _results(rows) -> list[tuple]:
    return [(r.document, r.status, r.doc_type, r.period, r.observations, r.tasks, r.error, tuple(r.warnings))
            for r in rows]


def test_parser_processes_store_the_same_rows_in_the_same_order(corpus, tmp_path):
    one = list(ingest_paths([corpus], tmp_path / "one.db", workers=0))
    two = list(ingest_paths([corpus], tmp_path / "two.db", workers=2))
    assert _results(one) == _results(two)
    statuses = [r.status for r in two]
    assert statuses.count("new") == 16 and statuses.count("duplicate") == 1 and statuses.count("failed") == 1
    assert _content(tmp_path / "one.db") == _content(tmp_path / "two.db")


def test_parallel_reingest_changes_nothing(corpus, tmp_path):
    db = tmp_path / "z.db"
    list(ingest_paths([corpus], db, workers=1))
    before = _content(db)
    again = list(ingest_paths([corpus], db, workers=3))
    assert {r.status for r in again} == {"unchanged", "duplicate", "failed"}
    assert [r.observations for r in again if r.status == "unchanged"] == [
        r.observations for r in ingest_paths([corpus], db, workers=0) if r.status == "unchanged"]
    assert _content(db) == before


def test_unchanged_corpus_starts_no_parser_process(corpus, tmp_path, monkeypatch):
    import concurrent.futures
    import shutil

    good = tmp_path / "good"
    shutil.copytree(corpus, good, ignore=shutil.ignore_patterns("zz_binary.txt"))  # a failed file is parsed again
    db = tmp_path / "z.db"
    list(ingest_paths([good], db, workers=2))

    def no_pool(*a, **k):
        raise AssertionError("parser processes started for files that need no parsing")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert {r.status for r in ingest_paths([good], db, workers=2)} == {"unchanged", "duplicate"}


def test_cli_workers_option(zibo, corpus, db):
    result = zibo("ingest", corpus, "--workers", "2", "--json")
    assert result.exit_code == 1  # the binary file failed; the others went in
    rows = json.loads(result.stdout)
    assert [r["document"] for r in rows] == sorted(p.name for p in corpus.iterdir())
    assert zibo("ingest", corpus, "-w", "-1").exit_code == 2


def test_default_workers_parse_a_few_files_here():
    assert default_workers(PARALLEL_MIN_FILES - 1) == 0
    assert 0 <= default_workers(10_000) <= 3


def _children(pid: int) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return {int(x) for x in f.read().split()}
    except OSError:
        return set()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig, code", [("SIGTERM", 143), ("SIGINT", 130)])
def test_interrupt_with_parser_processes_leaves_whole_documents_and_no_processes(tmp_path, sig, code):
    import signal
    import time

    from test_atomic import ROWS, consistency, make_reports, start, stored_before_interrupt, wait_for

    from zibo_cli.ingest import BATCH_DOCUMENTS

    pause = BATCH_DOCUMENTS + 4  # at least one batch is committed before the pause
    make_reports(tmp_path / "in", pause + 4)
    db, marker = tmp_path / "zibo.db", tmp_path / "paused"
    proc = start(["ingest", tmp_path / "in", "--json", "--workers", "2"], db,
                 ZIBO_TEST_PAUSE_AT=str(pause), ZIBO_TEST_MARKER=str(marker))
    wait_for(marker, proc)  # the rows of the document `pause` are written, not committed
    workers = _children(proc.pid)
    assert len(workers) == 2
    proc.send_signal(getattr(signal, sig))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    stored = stored_before_interrupt(err)
    assert 1 <= stored < pause
    assert consistency(db) == {"documents": stored, "observations": stored * ROWS}
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]


def _gone(pids: set[int], seconds: float = 10) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = {p for p in pids if Path(f"/proc/{p}").exists()
                 and "zombie" not in Path(f"/proc/{p}/status").read_text(errors="replace").lower()}
        if not alive:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_parsers_die_with_a_killed_ingest(tmp_path):
    import signal

    from test_atomic import make_reports, start, wait_for

    make_reports(tmp_path / "in", 8)
    db, marker = tmp_path / "zibo.db", tmp_path / "paused"
    proc = start(["ingest", tmp_path / "in", "--json", "--workers", "2"], db,
                 ZIBO_TEST_PAUSE_AT="4", ZIBO_TEST_MARKER=str(marker))
    wait_for(marker, proc)
    workers = _children(proc.pid)
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert _gone(workers), "parser processes outlived the ingest that started them"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_a_second_ctrl_c_ends_the_run_at_once(tmp_path):
    import signal
    import time

    from test_atomic import make_reports, start

    make_reports(tmp_path / "in", 60)
    db = tmp_path / "zibo.db"
    # every document takes 20 s to parse in the parser processes: a first Ctrl-C must not wait
    # for the files in them (the main process parses its first file at once: no 20 s before they start)
    proc = start(["ingest", tmp_path / "in", "--json", "--workers", "2"], db,
                 ZIBO_TEST_ROWS="3", ZIBO_TEST_PARSE_SECONDS="20", ZIBO_TEST_SIGINT="1",
                 ZIBO_TEST_SLOW_IN_WORKERS="1")
    deadline = time.monotonic() + 30
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(proc.pid)
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()  # it ignores signals after the first interrupt: leave nothing behind
        proc.communicate()
        raise
    assert proc.returncode == 130
    assert time.monotonic() - started < 10, "the interrupt waited for files being parsed"
    assert _gone(workers)


def test_a_document_that_takes_too_long_fails_and_the_others_go_on(tmp_path):
    from test_atomic import make_reports, start

    make_reports(tmp_path / "in", 2)
    db = tmp_path / "zibo.db"
    proc = start(["ingest", tmp_path / "in", "--json", "--workers", "0"], db,
                 ZIBO_TEST_ROWS="3", ZIBO_TEST_PARSE_SECONDS="3", ZIBO_PARSE_TIMEOUT="1")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["failed", "failed"]
    assert all("too complex" in r["error"] for r in rows)


def test_a_walk_resolves_the_folder_once_not_every_file(tmp_path, monkeypatch):
    """Re-ingesting a large unchanged folder is mostly reading and hashing: the resolved path of
    each file comes from its folder's (a link is still resolved to where it points)."""
    import os

    from test_atomic import make_reports

    from zibo_cli.ingest import ingest_paths

    files = make_reports(tmp_path / "in", 20)
    target = tmp_path / "elsewhere.txt"
    target.write_text("2023年一季度经济运行情况\n一季度，全市固定资产投资增长3%。\n", encoding="utf-8")
    (tmp_path / "in" / "zz-link.txt").symlink_to(target)
    db = tmp_path / "z.db"
    first = {r.document: r for r in ingest_paths([tmp_path / "in"], db, workers=0)}
    assert first["zz-link.txt"].status == "new"
    calls = []
    real = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda p, *a, **k: calls.append(p) or real(p, *a, **k))
    again = list(ingest_paths([tmp_path / "in"], db, workers=0))
    assert {r.status for r in again} == {"unchanged"} and len(again) == 21
    assert len(calls) < 10, calls  # the folder, the link, the database: not one a file
    import sqlite3

    paths = {r[0] for r in sqlite3.connect(db).execute("SELECT path FROM documents")}
    assert str(target.resolve()) in paths and str(files[0].resolve()) in paths


def test_a_few_changed_files_among_many_unchanged_ones(tmp_path):
    """Re-ingesting with parser processes a folder where a few files changed, far apart among many
    unchanged ones: a changed file waits for its parser while the unchanged files after it fill the
    window, so its chunk goes out before it is full; a file changed further on goes in a new chunk
    (it once joined the chunk already sent, and the run stopped on an internal error)."""
    from test_atomic import make_reports

    from zibo_cli.ingest import CHUNK

    workers = 2
    files = make_reports(tmp_path / "in", 3 * workers * CHUNK + 40)
    db = tmp_path / "z.db"
    assert {r.status for r in ingest_paths([tmp_path / "in"], db, workers=workers)} == {"new"}
    changed = [files[0], files[3 * workers * CHUNK + 10], files[-1]]
    for path in changed:
        path.write_text(path.read_text(encoding="utf-8") + "\n上半年，全市固定资产投资增长4%。\n", encoding="utf-8")
    again = {r.document: r for r in ingest_paths([tmp_path / "in"], db, workers=workers)}
    assert len(again) == len(files)
    assert {name for name, r in again.items() if r.status == "replaced"} == {p.name for p in changed}
    assert {r.status for name, r in again.items() if name not in {p.name for p in changed}} == {"unchanged"}
