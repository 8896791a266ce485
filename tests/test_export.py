"""`zibo export`: every table as CSV or JSON lines."""

from __future__ import annotations

import csv
import json

import pytest


@pytest.fixture
def ingested(zibo, seeds):
    assert zibo("ingest", seeds).exit_code == 0


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_writes_every_table(ingested, zibo_json, tmp_path, fmt):
    out = tmp_path / "out"
    summary = zibo_json("export", "--format", fmt, "--out", out)
    tables = {s["table"]: s for s in summary}
    assert {"documents", "observations", "tasks"} <= set(tables)
    assert not any(t.startswith(("documents_fts", "_", "sqlite_")) for t in tables)
    assert tables["documents"]["rows"] == 3
    path = out / f"documents.{fmt}"
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert all(isinstance(r["warnings"], list) for r in rows)
    assert len(rows) == 3
    assert {r["document"] for r in rows} == {"000_f3de8a4f265dc74f.txt", "003_295b3a97b3453646.txt",
                                            "004_a21875ee7b56be1a.txt"}
    assert "烧烤" in next(r["text"] for r in rows if r["document"].startswith("000"))
    for name, info in tables.items():
        assert (out / f"{name}.{fmt}").exists() and info["file"].endswith(f"{name}.{fmt}")
    assert not list(out.glob("*.part"))


def test_export_one_table_and_unknown_table(ingested, zibo, zibo_json, tmp_path):
    summary = zibo_json("export", "--table", "tasks", "--out", tmp_path)
    assert [s["table"] for s in summary] == ["tasks"]
    r = zibo("export", "--table", "nope", "--out", tmp_path)
    assert r.exit_code == 2 and "documents" in r.stderr
    r = zibo("export", "--format", "xml", "--out", tmp_path)
    assert r.exit_code == 2 and "csv or jsonl" in r.stderr


def test_export_needs_a_database(zibo, db, tmp_path):
    r = zibo("export", "--out", tmp_path / "x")
    assert r.exit_code == 1 and "no database" in r.stderr
    assert not db.exists()


def test_out_dash_writes_one_table_to_stdout(ingested, zibo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = zibo("export", "--out", "-", "--table", "documents")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert len(rows) == 3 and "title" in rows[0]
    r = zibo("export", "-o", "-", "-t", "tasks", "-f", "jsonl")
    assert r.exit_code == 0 and all(isinstance(json.loads(line)["departments"], list) for line in r.stdout.splitlines())
    assert zibo("--bom", "export", "-o", "-", "-t", "documents").stdout.startswith("\ufeff")  # for Excel
    r = zibo("export", "--out", "-")  # which table? one line, no folder named -
    assert r.exit_code == 2 and "--table" in r.stderr and not (tmp_path / "-").exists()


def test_export_xlsx_writes_a_sheet_per_table_with_a_frozen_header(zibo, seeds, tmp_path):
    from openpyxl import load_workbook

    assert zibo("ingest", seeds).exit_code == 0
    book_path = tmp_path / "zibo.xlsx"
    r = zibo("export", "--xlsx", book_path, "--json")
    assert r.exit_code == 0, r.stderr
    summary = {s["table"]: s["rows"] for s in json.loads(r.stdout)}
    book = load_workbook(book_path, read_only=False)
    assert book.sheetnames[:3] == ["documents", "observations", "tasks"]
    for name in ("documents", "observations", "tasks"):
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == summary[name] + 1  # the header and every row
    tasks = book["tasks"]
    header = [c.value for c in tasks[1]]
    assert header[:3] == ["id", "doc_id", "document"]
    assert tasks.cell(2, 3).value == "004_a21875ee7b56be1a.txt"
    widths = {c: tasks.column_dimensions[c].width for c in ("A", "B", "H")}
    assert widths["A"] < 10 and widths["B"] < 10 and 10 < widths["H"] <= 60  # id, document key, a text
    assert not (tmp_path / "zibo.xlsx.part").exists()


def test_export_xlsx_refuses_folder_options_and_a_folder(zibo, seeds, tmp_path):
    assert zibo("ingest", seeds).exit_code == 0
    r = zibo("export", "--xlsx", tmp_path / "a.xlsx", "--format", "jsonl")
    assert r.exit_code == 2 and "leave out --out and --format" in r.stderr
    r = zibo("export", "--xlsx", tmp_path)
    assert r.exit_code == 2 and not (tmp_path / "documents.csv").exists()


def test_a_cell_longer_than_excel_allows_is_cut(zibo, tmp_path):
    from openpyxl import load_workbook

    long = "2024年上半年经济运行情况\n" + "上半年，全市地区生产总值同比增长5.1%。\n" * 2000
    (tmp_path / "long.txt").write_text(long, encoding="utf-8")
    assert zibo("ingest", tmp_path / "long.txt").exit_code == 0
    assert zibo("export", "--xlsx", tmp_path / "b.xlsx", "--table", "documents").exit_code == 0
    sheet = load_workbook(tmp_path / "b.xlsx")["documents"]
    col = [c.value for c in sheet[1]].index("text") + 1
    text = sheet.cell(2, col).value
    assert len(text) == 32767 and text.endswith("…")
