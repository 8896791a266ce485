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


def test_a_report_without_figures_is_stored_with_its_frame(zibo, zibo_json, tmp_path):
    """A yearbook's preface or a plan with no figure read is still a document of a known kind:
    it is stored (0 figures) so that ``zibo docs`` says what it is; a shopping list is not, nor a
    page that is only a title (its report is an attachment)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "preface.txt").write_text(
        "某市统计年鉴2020\n编辑说明\n一、《某市统计年鉴2020》是一部全面反映全市国民经济和社会发展情况的资料性年刊。"
        "本书收录了全市及各县区2019年经济和社会各方面的统计数据，反映了全市主要统计数据。\n"
        "二、全书内容共分三个部分。第一部分为特载，收录了市人民代表大会的《政府工作报告》及统计公报。"
        "第二部分为统计资料，由23篇章组成：综合、国民经济核算、人口、就业和职工工资、固定资产投资、能源、财政。"
        "第三部分为附录，收录了主要统计指标解释。\n", encoding="utf-8")
    (folder / "notes.txt").write_text("周末去买菜，记得带伞。\n", encoding="utf-8")
    r = zibo("ingest", folder, "--json")
    assert r.exit_code == 0, r.stderr
    rows = {Path(x["path"]).name: x for x in json.loads(r.stdout)}
    assert rows["notes.txt"]["status"] == "skipped"
    docs = {d["document"]: d for d in zibo_json("docs")}
    assert list(docs) == ["preface.txt"]
    assert docs["preface.txt"]["type"] == "yearbook" and docs["preface.txt"]["data_year"] == 2019


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


def _foreign(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    conn.execute("INSERT INTO customers VALUES (1, 'a')")
    conn.commit()
    conn.close()


def _snapshot(path: Path) -> bytes:
    return path.read_bytes()


def test_someone_elses_database_is_never_touched(zibo, tmp_path, seeds):
    other = tmp_path / "other.db"
    _foreign(other)
    before = _snapshot(other)
    for args in (["docs"], ["indicator"], ["tasks"], ["ingest", str(seeds)]):
        r = zibo("--db", other, *args)
        assert r.exit_code == 1, args
        (line,) = error_lines(r.stderr)
        assert "another program" in line and "customers" in line
    assert _snapshot(other) == before and not Path(str(other) + "-wal").exists()
    r = zibo("--db", other, "ingest", str(seeds), "--force")  # told to: it may
    assert r.exit_code == 0


def test_an_empty_file_gets_no_schema_from_a_query(zibo, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    r = zibo("--db", empty, "docs")
    assert r.exit_code == 1 and "no zibo data yet" in r.stderr
    assert empty.read_bytes() == b""


def _old_schema(db: Path, dup_path: bool = False) -> None:
    """Take a zibo database back to schema 2 (before the unique path index)."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("DELETE FROM _migrations WHERE name NOT IN ('m001_initial', 'm002_fulltext_search')")
    conn.execute("DROP INDEX IF EXISTS idx_documents_path_unique")
    if dup_path:
        row = conn.execute("SELECT * FROM documents LIMIT 1").fetchone()
        cols = [d[1] for d in conn.execute("PRAGMA table_info(documents)")]
        values = list(row)
        values[cols.index("id")] = None  # a new key: the same path under other bytes
        values[cols.index("sha256")] = "0" * 64
        values[cols.index("ingested_at")] = "1999-01-01T00:00:00+00:00"
        conn.execute(f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", values)
    conn.commit()
    conn.close()


def test_an_older_database_whose_rows_share_a_path_upgrades(zibo, zibo_json, db, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    _old_schema(db, dup_path=True)
    r = zibo("ingest", seeds)
    assert r.exit_code == 0, r.stderr
    assert len(zibo_json("docs")) == 3


def test_a_dropped_migrations_table_is_rebuilt(zibo, zibo_json, db, seeds):
    import sqlite3

    assert zibo("ingest", seeds).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE _migrations")
    conn.commit()
    conn.close()
    assert zibo("ingest", seeds).exit_code == 0
    assert len(zibo_json("docs")) == 3


def test_an_older_database_on_read_only_media_is_still_queried(zibo, zibo_json, db, seeds, monkeypatch):
    from zibo_cli import store

    assert zibo("ingest", seeds).exit_code == 0
    _old_schema(db)
    before = _snapshot(db)
    # read-only media (a CD, a share): os.access says no (root may write anywhere, so it is told)
    monkeypatch.setattr(store.connections, "writable", lambda path: False)
    assert len(zibo_json("docs")) == 3
    assert _snapshot(db) == before  # upgraded in a temporary copy, the file itself untouched


def test_an_encrypted_pdf_is_called_encrypted_not_damaged(zibo, tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("user", "owner"))
    c.drawString(100, 750, "report 5%")
    c.save()
    f = tmp_path / "locked.pdf"
    f.write_bytes(buf.getvalue())
    r = zibo("ingest", f)
    assert r.exit_code == 1
    (line,) = error_lines(r.stderr)
    assert "encrypted (password-protected) PDF" in line
