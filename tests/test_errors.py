"""Bad input and database faults: one line on stderr naming the file and the cause, the
documented exit code, and a database left exactly as it was.

Permission tests run zibo in a subprocess as an unprivileged user (see zibo_proc.py), since
root reads and writes everything whatever the permission bits say.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPORT = "2024年上半年全市经济运行情况\n上半年，全市地区生产总值同比增长5.1%。\n"


def dump(db: Path) -> list[str]:
    """The whole database as SQL: equal dumps mean an unchanged database."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("zibo: error:")]


@pytest.fixture
def stored(zibo, tmp_path, db):
    """A database holding one good report; returns its dump before the test acts."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "h1.txt").write_text(REPORT, encoding="utf-8")
    assert zibo("ingest", good).exit_code == 0
    return dump(db)


# ---------------------------------------------------------------------------
# bad input files: exit 1, one line "zibo: error: PATH: cause; what to do", db unchanged
# ---------------------------------------------------------------------------


def _png(p: Path) -> None:
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)


def _zip(p: Path) -> None:
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("report.txt", REPORT)


def _random_bytes(p: Path) -> None:
    p.write_bytes(random.Random(5).randbytes(20000))


def _random_bytes_without_nul(p: Path) -> None:
    r = random.Random(7)
    p.write_bytes(bytes(r.randrange(1, 256) for _ in range(20000)))


def _fifo(p: Path) -> None:
    os.mkfifo(p)  # opening it for reading would block: it must never be opened so


def _loop(p: Path) -> None:
    p.symlink_to(p.name)  # a link to itself


def _broken_link(p: Path) -> None:
    p.symlink_to(p.parent / "nowhere.txt")


def _huge(p: Path) -> None:
    line = (REPORT * 20).encode("utf-8")
    with p.open("wb") as f:
        for _ in range(50 * 2**20 // len(line) + 1):  # 50 MiB of real report text
            f.write(line)


BAD_FILES = [
    ("empty.txt", lambda p: p.write_bytes(b""), "empty file"),
    ("blank.txt", lambda p: p.write_text(" \n\n\t\n"), "empty file"),
    ("chart.png", _png, "an image (PNG)"),
    ("chart.txt", _png, "an image (PNG)"),  # the bytes decide, not the name
    ("reports.zip", _zip, "a ZIP archive; unpack it"),
    ("noise.bin", _random_bytes, "binary data"),
    ("noise.txt", _random_bytes_without_nul, "not text"),
    ("zibo.db", lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.close(),
     "a SQLite database"),
    ("pipe.txt", _fifo, "not a regular file"),
    ("loop.txt", _loop, "symbolic link loop"),
    ("gone.txt", _broken_link, "broken symbolic link"),
    ("huge.txt", _huge, "more than the 16 MiB a text report can be"),
]


@pytest.mark.parametrize("name, make, cause", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_named_alone(zibo, tmp_path, db, stored, name, make, cause):
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    make(bad)
    r = zibo("ingest", bad)
    assert r.exit_code == 1
    (line,) = r.stderr.splitlines()  # one line: the file, the cause, what to do
    assert line.startswith(f"zibo: error: {bad}: ") and cause in line
    assert dump(db) == stored


@pytest.mark.parametrize("name, make, cause", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_in_a_folder_does_not_stop_the_good_ones(zibo_json, zibo, tmp_path, db, name, make, cause):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(REPORT, encoding="utf-8")
    make(folder / name)
    (folder / "z_good.txt").write_text(REPORT.replace("5.1", "5.3"), encoding="gbk")
    r = zibo("ingest", folder, "--json")
    assert r.exit_code == 1
    rows = {Path(x["path"]).name: x for x in json.loads(r.stdout)}
    assert rows["a_good.txt"]["status"] == rows["z_good.txt"]["status"] == "new"
    assert rows[name]["status"] == "failed" and cause in rows[name]["error"]
    assert len(error_lines(r.stderr)) == 1 and cause in r.stderr
    docs = zibo_json("docs")
    assert sorted(d["document"] for d in docs) == ["a_good.txt", "z_good.txt"]


def test_path_that_does_not_exist(zibo, tmp_path, db, stored):
    missing = tmp_path / "no" / "such.txt"
    r = zibo("ingest", missing)
    assert r.exit_code == 1
    assert error_lines(r.stderr) == [f"zibo: error: {missing}: no such file or folder"]
    assert dump(db) == stored


def test_folder_with_no_files_is_an_error(zibo, tmp_path, db, stored):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".hidden.txt").write_text(REPORT)
    r = zibo("ingest", empty)
    assert r.exit_code == 1
    assert error_lines(r.stderr) == ["zibo: error: no files found under the given paths (hidden files are skipped)"]
    assert dump(db) == stored


def test_the_database_in_the_folder_being_ingested_is_not_a_report(zibo, zibo_json, tmp_path, db):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    assert zibo("ingest", tmp_path).exit_code == 0  # db (and its -wal, -shm) live in tmp_path
    rows = zibo_json("ingest", tmp_path)
    assert [(Path(r["path"]).name, r["status"]) for r in rows] == [("r.txt", "unchanged")]


def test_symlink_loop_between_folders_is_walked_once(zibo_json, tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "r.txt").write_text(REPORT, encoding="utf-8")
    (root / "sub" / "up").symlink_to(root)  # in/sub/up -> in: a loop
    rows = zibo_json("ingest", root)
    assert [(Path(r["path"]).name, r["status"]) for r in rows] == [("r.txt", "new")]


# ---------------------------------------------------------------------------
# odd but readable input: ingested (exit 0), with a warning where something is off
# ---------------------------------------------------------------------------

READABLE = [
    ("utf16le.txt", REPORT.encode("utf-16-le"), "utf-16-le", None),
    ("utf16be.txt", REPORT.encode("utf-16-be"), "utf-16-be", None),
    ("utf16bom.txt", REPORT.encode("utf-16"), "utf-16", None),
    ("gbk.txt", REPORT.encode("gbk"), "gb18030", None),
    ("cut_utf8.txt", REPORT.rstrip("\n").encode("utf-8")[:-1], "utf-8", "truncated"),
    ("cut_gbk.txt", REPORT.rstrip("\n").encode("gbk")[:-1], "gb18030", "truncated"),
    ("cut_utf16.txt", REPORT.encode("utf-16-le")[:-1], "utf-16-le", "truncated"),
    ("damaged.txt", (REPORT * 30).encode("utf-8")[:200] + b"\xff" + (REPORT * 30).encode("utf-8")[200:],
     "utf-8", "invalid UTF-8"),
]


@pytest.mark.parametrize("name, data, encoding, warning", READABLE, ids=[r[0] for r in READABLE])
def test_readable_input_is_ingested(zibo, tmp_path, db, name, data, encoding, warning):
    f = tmp_path / name
    f.write_bytes(data)
    r = zibo("ingest", f, "--json")
    assert r.exit_code == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["status"] == "new" and row["encoding"] == encoding
    if warning:
        assert any(warning in w for w in row["warnings"])
    assert row["period"] == "2024H1"
    # the table output shows the warning on stderr, one line per warning, not an error
    f2 = tmp_path / "again" / name
    f2.parent.mkdir()
    f2.write_bytes(data + b"\n" if not name.startswith("cut") else data)
    r = zibo("ingest", f2)
    assert r.exit_code == 0
    assert not error_lines(r.stderr)


# ---------------------------------------------------------------------------
# the database
# ---------------------------------------------------------------------------


def test_db_that_is_not_sqlite(zibo, tmp_path, seeds):
    notdb = tmp_path / "notes.txt"
    notdb.write_text("not a database\n")
    for args in (["ingest", seeds], ["docs"], ["doctor"]):
        r = zibo("--db", notdb, *args)
        assert r.exit_code == 1
        assert r.stderr.splitlines() == [f"zibo: error: {notdb} is not a SQLite database; pass another --db"]
    assert notdb.read_text() == "not a database\n"


def test_db_that_is_a_folder(zibo, tmp_path, seeds):
    r = zibo("--db", tmp_path, "ingest", seeds)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [f"zibo: error: {tmp_path} is a folder, not a database file; "
                                     "pass a file path to --db"]


def test_db_from_a_newer_zibo_is_refused_and_left_alone(zibo, tmp_path, db, stored, seeds):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = dump(db)
    for args in (["ingest", seeds], ["docs"]):
        r = zibo(*args)
        assert r.exit_code == 1
        (line,) = r.stderr.splitlines()
        assert line.startswith("zibo: error: the database was written by a newer zibo (schema 99")
        assert "upgrade zibo" in line
    r = zibo("doctor", "--json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)[0]["status"] == "error"
    assert dump(db) == before
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 99


def test_locked_db_waits_then_says_so(zibo, zibo_json, db, stored, seeds, monkeypatch):
    monkeypatch.setenv("ZIBO_BUSY_TIMEOUT", "0.2")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        r = zibo("ingest", seeds)
        assert r.exit_code == 1
        (line,) = r.stderr.splitlines()
        assert line == (f"zibo: error: database {db} is busy: another process kept it locked for 0.2s; "
                        "try again when it is done (ZIBO_BUSY_TIMEOUT sets the wait)")
        assert "database is locked" not in r.stderr
        assert len(zibo_json("docs")) == 1  # readers are not blocked by a writer
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dump(db) == stored
    assert zibo("ingest", seeds).exit_code == 0  # and once the lock is gone, ingest works


# ---------------------------------------------------------------------------
# permissions, as an unprivileged user
# ---------------------------------------------------------------------------


@pytest.fixture
def shared_dir():
    """A temporary folder an unprivileged process can enter (pytest's tmp_path may not be)."""
    d = Path(tempfile.mkdtemp(prefix="zibo-perm-"))
    d.chmod(0o777)
    yield d
    for p in [d, *d.rglob("*")]:
        if not p.is_symlink():
            p.chmod(0o777)
    shutil.rmtree(d)


def zibo_unprivileged(*args, db: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZIBO_DB": str(db), "ZIBO_TEST_UNPRIVILEGED": "1"}
    r = subprocess.run([sys.executable, str(HERE / "zibo_proc.py"), *map(str, args)],
                       env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    if r.returncode == 77:
        pytest.skip("cannot drop root's privileges here (no user namespaces)")
    return r


def test_unreadable_file_and_folder(zibo, shared_dir, db):
    folder = shared_dir / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    secret = folder / "b_secret.txt"
    secret.write_text(REPORT.replace("5.1", "6.0"), encoding="utf-8")
    locked = folder / "c_locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(REPORT, encoding="utf-8")
    for p in (shared_dir, folder):
        p.chmod(0o777)
    (folder / "a.txt").chmod(0o644)
    secret.chmod(0o000)
    locked.chmod(0o000)
    db = shared_dir / "zibo.db"
    r = zibo_unprivileged("ingest", "in", "--json", db=db, cwd=shared_dir)
    assert r.returncode == 1, r.stderr
    assert error_lines(r.stderr) == [
        "zibo: error: in/b_secret.txt: permission denied; make the file readable (chmod u+r) "
        "or run as its owner",
        "zibo: error: in/c_locked: cannot open folder: permission denied; make the folder readable "
        "(chmod u+r) or run as its owner",
    ]
    rows = {Path(x["path"]).name: x["status"] for x in json.loads(r.stdout)}
    assert rows == {"a.txt": "new", "b_secret.txt": "failed", "c_locked": "failed"}


def _ingest_refused_queries_work(db, shared_dir, seeds):
    """As an unprivileged user: ingest says the database is read-only, queries still answer."""
    r = zibo_unprivileged("ingest", seeds, db=db, cwd=shared_dir)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [f"zibo: error: database {db} is read-only; queries work, but to "
                                     "ingest make the file and its folder writable or pass another --db"]
    r = zibo_unprivileged("docs", "--json", db=db, cwd=shared_dir)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == 3


def test_read_only_database_file(zibo, shared_dir, seeds):
    db = shared_dir / "zibo.db"
    assert zibo("--db", db, "ingest", seeds).exit_code == 0
    db.chmod(0o444)
    before = dump(db)
    _ingest_refused_queries_work(db, shared_dir, seeds)
    assert dump(db) == before


def test_database_in_a_read_only_folder(zibo, shared_dir, seeds):
    folder = shared_dir / "ro"
    folder.mkdir()
    db = folder / "zibo.db"
    assert zibo("--db", db, "ingest", seeds).exit_code == 0
    db.chmod(0o666)  # the file itself is writable; its folder is not
    folder.chmod(0o555)
    before = dump(db)
    _ingest_refused_queries_work(db, shared_dir, seeds)
    r = zibo_unprivileged("doctor", "--json", "--no-files", db=db, cwd=shared_dir)
    assert r.returncode == 0, r.stderr
    assert sorted(os.listdir(folder)) == ["zibo.db"]
    assert dump(db) == before


# ---------------------------------------------------------------------------
# usage errors and unexpected failures
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("args, message", [
    (["ingest"], "zibo: error: Missing argument 'PATHS...'. (try 'zibo ingest -h')"),
    (["ingest", ".", "--bogus"], "zibo: error: No such option: --bogus (Possible options: --verbose) (try 'zibo ingest -h')"),
    (["--bogus"], "zibo: error: No such option: --bogus (Possible options: --bom) (try 'zibo -h')"),
    (["nosuch"], "zibo: error: No such command 'nosuch'. (try 'zibo -h')"),
    (["docs", "--json", "--csv"], "zibo: error: choose one of --json and --csv"),
])
def test_usage_errors_are_one_line_and_exit_2(zibo, args, message):
    r = zibo(*args)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [message]


def test_a_bug_in_an_extractor_fails_that_file_only(zibo, zibo_json, tmp_path, monkeypatch):
    from zibo_cli import pipeline

    real = pipeline.extract_metadata

    def flaky(text, source=None):
        if "炸" in text:
            raise ValueError("boom")
        return real(text, source)

    monkeypatch.setattr(pipeline, "extract_metadata", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT + "炸\n", encoding="utf-8")
    r = zibo("ingest", folder)
    assert r.exit_code == 1
    assert error_lines(r.stderr) == [
        f"zibo: error: {folder / 'b.txt'}: internal error while parsing (ValueError: boom); please "
        "report it with this file (ZIBO_DEBUG=1 shows the traceback)"]
    assert [d["document"] for d in zibo_json("docs")] == ["a.txt"]


def test_unexpected_error_is_one_line(zibo, db, stored, monkeypatch):
    from zibo_cli import query

    def broken(self, doc_type=None):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(query.Zibo, "documents", broken)
    r = zibo("docs")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == ["zibo: error: internal error (RuntimeError: disk on fire); please "
                                     "report it (ZIBO_DEBUG=1 shows the traceback)"]
    monkeypatch.setenv("ZIBO_DEBUG", "1")
    with pytest.raises(RuntimeError):
        zibo("docs")


# ---------------------------------------------------------------------------
# query arguments are data, never SQL
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["x' OR 1=1 --", "%", "_", "'; DROP TABLE documents; --", '"', "*"])
def test_query_arguments_are_data(zibo, db, stored, name):
    from zibo_cli.query import Zibo

    with Zibo(db) as z:
        assert z.document_text(name) is None
        assert z.documents(doc_type=name) == []
    assert dump(db) == stored


NASTY = ["x' OR 1=1 --", "%", "_", "'; DROP TABLE tasks; --", "\\", "*"]


def test_task_filters_are_data(zibo, zibo_json, db, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    everything = zibo_json("tasks")
    assert everything
    before = dump(db)
    for name in NASTY:
        for option in ("--leader", "--department", "--doc"):
            assert zibo_json("tasks", option, name) == [], (option, name)
        assert zibo_json("task", name) == []
        found = zibo_json("tasks", "--grep", name)
        # a literal match only: % and _ are not wildcards
        assert len(found) < len(everything)
        assert all(name in json.dumps(row, ensure_ascii=False) for row in found)
    assert dump(db) == before


def test_on_a_terminal_the_progress_bar_path_reports_the_same(zibo, zibo_json, tmp_path, monkeypatch):
    from zibo_cli import render

    real = render.is_terminal
    monkeypatch.setattr(render, "is_terminal", lambda stream=None: True)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    r = zibo("ingest", folder, tmp_path / "missing.txt")
    assert r.exit_code == 1
    assert error_lines(r.stderr) == [
        f"zibo: error: {folder / 'b.txt'}: empty file; nothing to ingest (was the download incomplete?)",
        f"zibo: error: {tmp_path / 'missing.txt'}: no such file or folder"]
    assert "1 new, 2 failed" in r.stderr
    monkeypatch.setattr(render, "is_terminal", real)
    assert [d["document"] for d in zibo_json("docs")] == ["a.txt"]


def test_indicator_and_search_arguments_are_data(zibo, zibo_json, db, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    before = dump(db)
    for name in ("x' OR 1=1 --", "%", "_", "'; DROP TABLE observations; --", "*"):
        r = zibo("indicator", name, "--json")
        assert r.exit_code == 1  # no such indicator: one line, nothing on stdout
        (line,) = r.stderr.splitlines()
        assert line.startswith("zibo: error: no indicator named")
        assert r.stdout == ""
        hits = zibo_json("search", name, "-n", "0")
        assert all(h["match"] == name for h in hits)  # literal text, no wildcards
    assert zibo_json("search", "_", "-n", "0") == []
    assert zibo_json("search", "%", "-n", "0")  # the reports do write per cent signs
    assert dump(db) == before
