"""Reliability round 2: inputs that are not reports, names that are not UTF-8, unsafe Office
files, empty paths, bounds on options, closed output, and the summary of a run with failures."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.test_errors import REPORT, error_lines

ZIBO = Path(sys.executable).with_name("zibo")


def test_a_readable_file_with_no_report_is_skipped_not_stored(zibo, zibo_json, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "README.md").write_text("# notes\nshopping list: milk, eggs\n")
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    r = zibo("ingest", folder, "--json")
    assert r.exit_code == 0, r.stderr
    rows = {Path(x["path"]).name: x for x in json.loads(r.stdout)}
    assert rows["README.md"]["status"] == "skipped" and "no report" in rows["README.md"]["warnings"][0]
    assert [d["document"] for d in zibo_json("docs")] == ["r.txt"]


@pytest.mark.parametrize("name, data, cause", [
    ("junk.txt", bytes(range(0xB0, 0xF7)) * 40, "no readable text"),
    ("script.html", b"<html><head><script>var a=1;</script></head><body><script>b()</script></body></html>",
     "without text"),
])
def test_junk_and_empty_pages_are_refused(zibo, tmp_path, name, data, cause):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    r = zibo("ingest", folder)
    assert r.exit_code == 1
    (line,) = error_lines(r.stderr)
    assert name in line and cause in line
    assert "1 of 2 files failed; the others were stored" in r.stderr


def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/bad\xff.txt"
    with open(bad, "wb") as f:
        f.write(REPORT.encode("utf-8"))
    env = dict(os.environ, ZIBO_DB=str(tmp_path / "z.db"))
    p = subprocess.run([str(ZIBO), "ingest", str(folder), "--json"], capture_output=True, env=env)
    assert p.returncode == 0, p.stderr
    (row,) = json.loads(p.stdout)
    assert row["status"] == "new" and row["document"] == "bad\ufffd.txt"
    q = subprocess.run([os.fsencode(ZIBO), b"search", b"\xff\xfe", b"--json"], capture_output=True, env=env)
    assert q.returncode == 0 and json.loads(q.stdout) == []
    q = subprocess.run([os.fsencode(ZIBO), b"tasks", b"-d", b"\xff", b"--json"], capture_output=True, env=env)
    assert q.returncode == 0 and json.loads(q.stdout) == []


def _xlsx(mutate=None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"] = "序号", "任务", "责任单位"
    buf = io.BytesIO()
    wb.save(buf)
    if mutate is None:
        return buf.getvalue()
    zin, out = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, mutate(info.filename, zin.read(info)))
    return out.getvalue()


def test_a_merge_over_the_whole_sheet_is_refused_at_once(zibo, tmp_path):
    def merge(name, data):
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                                b'<mergeCell ref="A1:XFD1048576"/></mergeCells>')
        return data

    f = tmp_path / "bomb.xlsx"
    f.write_bytes(_xlsx(merge))
    r = zibo("ingest", f)
    assert r.exit_code == 1
    (line,) = error_lines(r.stderr)
    assert "17,179,869,184 cells" in line and "too large to read safely" in line


def test_an_office_file_that_unpacks_to_too_much_is_refused(zibo, tmp_path, monkeypatch):
    from zibo_cli import sources

    monkeypatch.setattr(sources, "MAX_UNPACKED", 1000)  # a small bound; the real one is 256 MiB
    f = tmp_path / "big.xlsx"
    f.write_bytes(_xlsx())
    r = zibo("ingest", f)
    assert r.exit_code == 1 and "unpacks to" in r.stderr


def test_an_empty_path_is_refused_not_the_current_folder(zibo, zibo_json, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    r = zibo("ingest", "")
    assert r.exit_code == 1 and "an empty path" in r.stderr
    assert zibo_json("docs") == []  # the folder it runs in was not ingested


def test_workers_are_bounded(zibo, tmp_path):
    r = zibo("ingest", tmp_path, "--workers", "50")
    assert r.exit_code == 2 and "--workers" in r.stderr


def test_closed_stdout_is_one_line_not_a_traceback(tmp_path):
    env = dict(os.environ, ZIBO_DB=str(tmp_path / "z.db"))
    p = subprocess.run(f"'{ZIBO}' docs >&-", shell=True, capture_output=True, env=env, text=True)
    assert p.returncode == 1 and p.stderr.strip() == "zibo: error: standard output is closed; nothing can be printed"
