"""Output formats for scripts (--tsv, --nl, --bom), global options after the command, pipes
that never cut a cell, and terminal tables (a real pty) whose names, periods and numbers never wrap."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

ZIBO = Path(sys.executable).with_name("zibo")


def test_tsv_and_nl(zibo, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    tsv = zibo("docs", "--tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:3] == ["document", "title", "year"] and len(tsv) == 4
    nl = [json.loads(line) for line in zibo("tasks", "--nl").stdout.splitlines()]
    assert len(nl) == 19 and nl[0]["seq"] == "1"
    assert zibo("docs", "--tsv", "--nl").exit_code == 2


def test_bom_for_excel(zibo, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    out = zibo("--bom", "docs", "--csv").stdout
    assert out.startswith("\ufeffdocument,")
    assert zibo("docs", "--csv", "--bom").stdout.startswith("\ufeff")  # after the command too


def test_db_before_or_after_the_command(zibo, seeds, tmp_path):
    other = tmp_path / "other.db"
    assert zibo("ingest", seeds, "--db", other).exit_code == 0
    assert len(json.loads(zibo("docs", "--json", "--db", other).stdout)) == 3
    assert len(json.loads(zibo("--db", other, "docs", "--json").stdout)) == 3


def test_a_pipe_never_cuts_a_cell(zibo, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    out = zibo("tasks").stdout
    assert "…" not in out
    full = json.loads(zibo("tasks", "--json").stdout)
    assert all(t["annual_target"].replace("\n", " ")[:60] in out for t in full if t["annual_target"])


def _tty(args: list[str], env: dict, columns: int) -> str:
    """Run zibo on a pseudo-terminal of ``columns`` columns; its screen output."""
    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**env, "COLUMNS": str(columns), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    p = subprocess.Popen([str(ZIBO), *args], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    screen = _read_screen(master, p)
    import re

    return re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", screen)


def _read_screen(master: int, p: subprocess.Popen) -> str:
    """Everything written to the pty ``master`` until the process ``p`` ends; closes ``master``."""
    chunks = []
    while True:
        r, _, _ = select.select([master], [], [], 30)
        if not r:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=30)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_tables_keep_names_periods_and_numbers_whole(seeds, tmp_path):
    env = {**os.environ, "ZIBO_DB": str(tmp_path / "z.db")}
    subprocess.run([str(ZIBO), "ingest", str(seeds), "-q"], env=env, check=True)
    for columns in (80, 120):
        screen = _tty(["indicator", "--period", "2024Q1-Q3"], env, columns)
        assert "2024Q1-Q3" in screen, screen  # the period is never split over two lines
        docs = _tty(["docs"], env, columns)
        assert "003_295b3a97b3453646.txt" in docs.replace("\r", ""), docs
    wide = _tty(["--wide", "tasks"], env, 80)
    assert "…" not in wide


def test_ingest_shows_progress_on_a_terminal_stderr_when_stdout_is_a_file(seeds, tmp_path):
    """stderr a pty, stdout a file: the bar (with its ETA) goes to the terminal, the JSON to the file."""
    import fcntl
    import struct
    import termios

    env = {**os.environ, "ZIBO_DB": str(tmp_path / "z.db"), "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 100, 0, 0))
    out = tmp_path / "out.json"
    with out.open("wb") as f:
        p = subprocess.Popen([str(ZIBO), "ingest", str(seeds), "--json"], stdin=slave, stdout=f, stderr=slave,
                             env=env, close_fds=True)
        os.close(slave)
        screen = _read_screen(master, p)
    assert p.returncode == 0
    assert "ingesting" in screen or "ETA" in screen, screen  # the bar was drawn on stderr
    assert "ETA" in screen
    assert [x["status"] for x in json.loads(out.read_text(encoding="utf-8"))] == ["new"] * 3


def test_many_warnings_are_summed_up_by_kind(zibo, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(8):  # eight reports that never say their year
        (folder / f"r{i}.txt").write_text(f"经济运行情况\n全市地区生产总值增长{i}.5%。\n", encoding="utf-8")
    r = zibo("ingest", folder)
    lines = r.stderr.strip().splitlines()
    assert lines[0] == "zibo: warning: 8 warnings in 8 files (zibo ingest --verbose lists each):"
    assert lines[1] == "zibo: warning:   8 × no year found; figures have no year"
    assert len(lines) == 2
    r = zibo("ingest", folder, "--force", "--verbose")
    assert sum("no year found" in line for line in r.stderr.splitlines()) == 8
    assert all(str(folder) in line for line in r.stderr.splitlines() if "no year" in line)


def test_warning_kinds_leave_out_numbers_and_names():
    from zibo_cli.commands.ingest import warning_kind

    assert warning_kind("5 characters were lost to encoding ('?')") == "N characters were lost to encoding ('?')"
    assert warning_kind("same content as /a/b.txt; not stored twice") == "same content as another file; not stored twice"


def test_a_quiet_ingest_keeps_only_what_it_reports(zibo, tmp_path):
    """-q over many files holds a count by status and the files with something to say, not every
    result (memory flat over 100,000 files), and still ends with the right line and exit code."""
    from zibo_cli.commands.ingest import Results
    from zibo_cli.ingest import IngestResult

    kept = Results(keep_all=False)
    for i in range(50):
        kept.append(IngestResult(path=f"/r{i}.txt", document=f"r{i}.txt", status="new"))
    kept.append(IngestResult(path="/bad.txt", document="bad.txt", status="failed", error="empty file"))
    assert len(kept) == 51 and [r.document for r in kept] == ["bad.txt"] and kept.stored() == 50
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"r{i}.txt").write_text(f"2024年一季度经济运行\n一季度，全市地区生产总值增长{i}.1%。\n", encoding="utf-8")
    (folder / "z-empty.txt").write_bytes(b"")
    r = zibo("ingest", folder, "-q")
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.splitlines()[-1] == "zibo: 1 of 7 files failed; the others were stored"
