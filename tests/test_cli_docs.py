"""`zibo ingest` and `zibo docs` through typer's CliRunner."""

from __future__ import annotations

import json
import sqlite3

GOLD_DOCS = {
    "000_f3de8a4f265dc74f.txt": ("2024年上半年全市经济社会发展主要目标任务进展情况", 2024, 1, 6, None, None),
    "003_295b3a97b3453646.txt": ("2024年度全市经济社会发展主要目标任务三季度进展情况通报", 2024, 1, 9,
                                 "2024-11-03", "淄博市人民政府办公室"),
}


def test_ingest_seeds_then_docs_json(zibo, zibo_json, seeds):
    result = zibo("ingest", seeds)
    assert result.exit_code == 0, result.stderr
    docs = {d["document"]: d for d in zibo_json("docs")}
    assert len(docs) == 3
    for name, (title, year, start, end, published, publisher) in GOLD_DOCS.items():
        d = docs[name]
        assert (d["title"], d["year"], d["start_month"], d["end_month"]) == (title, year, start, end)
        assert d["published"] == published
        assert d["publisher"] == publisher
    table = docs["004_a21875ee7b56be1a.txt"]
    assert table["year"] == 2023 and table["doc_type"] == "task_table"
    assert (table["start_month"], table["end_month"]) == (4, 6)


def test_reingest_changes_nothing(zibo, zibo_json, seeds, db):
    assert zibo("ingest", seeds).exit_code == 0
    before = sqlite3.connect(db).execute("SELECT id, ingested_at FROM documents ORDER BY id").fetchall()
    again = zibo_json("ingest", seeds)
    assert {r["status"] for r in again} == {"unchanged"}
    after = sqlite3.connect(db).execute("SELECT id, ingested_at FROM documents ORDER BY id").fetchall()
    assert before == after


def test_changed_file_replaces_its_rows(zibo, zibo_json, tmp_path, seeds):
    f = tmp_path / "r.txt"
    f.write_text("2024年上半年全市经济运行情况\n上半年，全市地区生产总值同比增长5.1%。", encoding="utf-8")
    assert zibo_json("ingest", f)[0]["status"] == "new"
    f.write_text("2024年前三季度全市经济运行情况\n前三季度，全市地区生产总值同比增长5.3%。", encoding="utf-8")
    assert zibo_json("ingest", f)[0]["status"] == "replaced"
    docs = zibo_json("docs")
    assert len(docs) == 1 and docs[0]["end_month"] == 9


def test_gbk_copy_ingests_like_utf8(zibo_json, tmp_path, seeds):
    src = seeds / "000_f3de8a4f265dc74f.txt"
    text = src.read_text(encoding="utf-8")
    (tmp_path / "utf8").mkdir()
    (tmp_path / "gbk").mkdir()
    (tmp_path / "utf8" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gbk" / "a.txt").write_bytes(text.encode("gbk"))
    utf8 = zibo_json("ingest", tmp_path / "utf8")[0]
    gbk = zibo_json("ingest", tmp_path / "gbk")[0]
    assert gbk["encoding"] == "gb18030" and utf8["encoding"] == "utf-8"
    docs = zibo_json("docs")
    assert docs[0]["title"] == docs[1]["title"] == "2024年上半年全市经济社会发展主要目标任务进展情况"


def test_csv_and_plain_output(zibo, seeds):
    zibo("ingest", seeds)
    csv_out = zibo("docs", "--csv").stdout.splitlines()
    assert csv_out[0].startswith("document,title,year")
    assert len(csv_out) == 4
    plain = zibo("docs").stdout
    assert "\x1b[" not in plain  # no colour codes in a pipe
    assert "000_f3de8a4f265dc74f.txt" in plain


def test_json_and_csv_together_is_a_usage_error(zibo, seeds):
    zibo("ingest", seeds)
    r = zibo("docs", "--json", "--csv")
    assert r.exit_code == 2
    assert r.stderr.startswith("zibo: error:")


def test_query_without_database_does_not_create_one(zibo, db):
    r = zibo("docs", "--json")
    assert r.exit_code == 1
    assert "no database" in r.stderr and "zibo ingest" in r.stderr
    assert not db.exists()


def test_db_option_overrides_env(zibo, tmp_path, seeds, db):
    other = tmp_path / "other.db"
    assert zibo("--db", other, "ingest", seeds).exit_code == 0
    assert other.exists() and not db.exists()
    data = json.loads(zibo("--db", other, "docs", "--json").stdout)
    assert len(data) == 3


def test_ingesting_the_folder_that_holds_the_database_skips_the_database(zibo, zibo_json, tmp_path, db):
    (tmp_path / "r.txt").write_text("2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%。", encoding="utf-8")
    assert zibo("ingest", tmp_path).exit_code == 0  # creates zibo.db inside tmp_path
    again = zibo_json("ingest", tmp_path)
    assert [r["document"] for r in again] == ["r.txt"]
