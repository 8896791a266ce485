"""`zibo show DOC [--around OFFSET]`, `zibo forget DOC…`, documents named by path, and the
indicator names users type (traditional, English, a part of a catalogue name)."""

from __future__ import annotations

import json


def test_show_prints_the_text_and_the_lines_around_a_quote(zibo, zibo_json, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    text = zibo("show", "000").stdout
    assert "上半年，全市地区生产总值同比增长5.1%" in text
    (gdp,) = [o for o in zibo_json("indicator", "gdp", "--period", "2024H1")]
    around = zibo("show", "000_f3de8a4f265dc74f.txt", "--around", str(gdp["char_offset"]), "-n", "0").stdout
    lines = around.splitlines()
    assert len(lines) == 2 and gdp["quote"][:20] in lines[0] and lines[1].strip() == "^"
    lost = zibo("show", "003")
    assert "lost to its encoding" in lost.stderr


def test_a_document_named_ambiguously_or_not_at_all(zibo, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    r = zibo("show", "00")
    assert r.exit_code == 1 and "names 3 documents" in r.stderr
    r = zibo("show", "nosuch")
    assert r.exit_code == 1 and "no document" in r.stderr


def test_forget_removes_a_document_and_its_rows(zibo, zibo_json, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    r = zibo("forget", "004")
    assert r.exit_code == 0 and "forgot 004_a21875ee7b56be1a.txt" in r.stderr
    assert [d["document"] for d in zibo_json("docs")] == ["000_f3de8a4f265dc74f.txt", "003_295b3a97b3453646.txt"]
    assert zibo_json("tasks") == []
    assert all(o["document"] != "004_a21875ee7b56be1a.txt" for o in zibo_json("indicator"))
    assert all(f["status"] != "error" for f in zibo_json("doctor"))


def test_doctor_suggests_forget_for_a_file_that_is_gone(zibo, zibo_json, tmp_path):
    from tests.test_errors import REPORT

    f = tmp_path / "r.txt"
    f.write_text(REPORT, encoding="utf-8")
    assert zibo("ingest", f).exit_code == 0
    f.unlink()
    (files,) = [x for x in zibo_json("doctor") if x["check"] == "files"]
    assert "zibo forget r.txt" in files["detail"]


def test_indicator_names_as_users_type_them(zibo, zibo_json, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    assert {o["name"] for o in zibo_json("indicator", "地區生產總值")} == {"地区生产总值"}
    assert {o["name"] for o in zibo_json("indicator", "外资")} == {"实际使用外资"}
    assert {o["name"] for o in zibo_json("indicator", "retail")} == {"社会消费品零售总额"}
    assert {o["name"] for o in zibo_json("indicator", "fixed asset investment")} == {"固定资产投资"}
    assert {o["name"] for o in zibo_json("indicator", "employment")} == {"城镇新增就业"}
    r = zibo("indicator", "xyzzyq")
    assert r.exit_code == 1 and "closest" not in r.stderr


def test_compare_one_indicator_with_qualifiers(zibo, zibo_json, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    rows = zibo_json("compare", "2024H1", "2024Q1-Q3", "gdp")
    assert [(r["name"], r["a"], r["b"]) for r in rows] == [("地区生产总值", 5.1, 5.3)]
    assert "a_qualifier" in rows[0]
    assert json.loads(zibo("compare", "2024H1", "2024Q1-Q3", "--json").stdout)


def test_periods_without_a_year_and_periods_that_hold_no_figures(zibo, zibo_json, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    assert {o["period"] for o in zibo_json("indicator", "gdp", "--period", "上半年")} == {"2024H1"}
    assert {o["period"] for o in zibo_json("indicator", "gdp", "--period", "H1")} == {"2024H1"}
    assert [r["b"] for r in zibo_json("compare", "上半年", "前三季度", "gdp")] == [5.3]
    r = zibo("indicator", "gdp", "--period", "2024年三季度")
    assert "2024 has figures for 2024H1, 2024Q1-Q3" in r.stderr and "2024Q3 is that quarter alone" in r.stderr


def _two_reports_named_alike(tmp_path):
    """reports/a/report.txt and reports/b/report.txt (different texts), and reports/other.txt."""
    root = tmp_path / "reports"
    for sub, growth in (("a", "5.1"), ("b", "6.2")):
        (root / sub).mkdir(parents=True)
        (root / sub / "report.txt").write_text(
            f"2024年上半年经济运行情况\n上半年，全市地区生产总值同比增长{growth}%。\n", encoding="utf-8")
    (root / "other.txt").write_text("2023年一季度经济运行情况\n一季度，全市固定资产投资增长3%。\n", encoding="utf-8")
    return root


def test_two_files_of_one_name_are_known_by_their_paths(zibo, zibo_json, tmp_path):
    root = _two_reports_named_alike(tmp_path)
    r = zibo("ingest", root)
    assert r.exit_code == 0, r.stderr
    assert "reports/a/report.txt" in r.stdout and "reports/b/report.txt" in r.stdout
    docs = {d["relpath"]: d["document"] for d in zibo_json("docs")}
    # a name of its own stays the base name (the --json contract); two alike go by their paths
    assert docs == {"reports/a/report.txt": "reports/a/report.txt", "reports/b/report.txt": "reports/b/report.txt",
                    "reports/other.txt": "other.txt"}
    by_doc = {o["document"]: o["value"] for o in zibo_json("indicator", "gdp")}
    assert by_doc == {"reports/a/report.txt": 5.1, "reports/b/report.txt": 6.2}
    # --doc takes a path, a part of one from a folder on, or the start of a name
    r = zibo("show", "report.txt")
    assert r.exit_code == 1 and "names 2 documents" in r.stderr and "reports/a/report.txt" in r.stderr
    assert "6.2%" in zibo("show", "b/report.txt").stdout
    assert "5.1%" in zibo("show", str(root / "a" / "report.txt")).stdout
    hits = zibo_json("search", "地区生产总值", "--doc", "a/report")
    assert {h["document"] for h in hits} == {"reports/a/report.txt"}
    # forgetting one gives the other its base name back
    assert zibo("forget", "reports/b/report.txt").exit_code == 0
    assert {d["document"] for d in zibo_json("docs")} == {"report.txt", "other.txt"}


def test_exports_name_the_document_of_each_row(zibo, tmp_path):
    import csv
    import io

    root = _two_reports_named_alike(tmp_path)
    assert zibo("ingest", root).exit_code == 0
    out = zibo("export", "--out", "-", "--table", "observations").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and list(rows[0])[:3] == ["id", "doc_id", "document"]
    assert {r["document"] for r in rows} == {"reports/a/report.txt", "reports/b/report.txt", "other.txt"}
