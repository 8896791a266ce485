"""`zibo indicator` and `zibo compare` through typer's CliRunner, on reports written here."""

from __future__ import annotations

import pytest

H1 = ("2025年上半年全市经济运行情况\n\n"
      "上半年，全市地区生产总值同比增长5.4%，固定资产投资增长4.1%，城镇新增就业3.2万人。\n")
Q3 = ("2025年前三季度全市经济运行情况\n\n"
      "前三季度，全市GDP增长5.6%，规模以上工业增加值增长7%，新增城镇就业48000人。\n")
TABLE = ("2025年全市经济社会发展第二季度目标任务完成情况\n\n"
         "序号\t年度目标\t第2季度目标\t是否完成\t具体工作进展\t未完成原因\t下步工作打算\t市政府分管领导\t责任单位\n"
         "1\t固定资产投资增长6%以上。\t固定资产投资增长4%左右。\t完成\t1-6月固定资产投资增长4.1%。\t无\t"
         "加强调度。\t张三\t市发展改革委\n")


@pytest.fixture
def reports(ingest_texts):
    folder = ingest_texts({"h1.txt": H1, "q3.txt": Q3, "table.txt": TABLE})
    return folder


def test_every_observation_honours_the_json_contract(reports, zibo_json):
    rows = zibo_json("indicator")
    assert len(rows) >= 8
    for r in rows:
        for key in ("name", "year", "start_month", "end_month", "kind", "value", "unit", "document", "quote"):
            assert key in r, key
        assert r["kind"] in ("actual", "target")
        assert isinstance(r["aliases"], list)
        assert f"{abs(r['value']):g}" in r["quote"]
        assert r["document"] in ("h1.txt", "q3.txt", "table.txt")


@pytest.mark.parametrize("name", ["GDP", "gdp", "地区生产总值", "生产总值"])
def test_every_spelling_finds_the_same_series(reports, zibo_json, name):
    rows = zibo_json("indicator", name)
    assert sorted((r["document"], r["value"], r["end_month"]) for r in rows) == [
        ("h1.txt", 5.4, 6), ("q3.txt", 5.6, 9)]
    assert all(r["name"] == "地区生产总值" and "GDP" in r["aliases"] for r in rows)


def test_a_reports_own_spelling_finds_the_catalogue_series(reports, zibo_json):
    rows = zibo_json("indicator", "新增城镇就业")
    assert {(r["value"], r["unit"]) for r in rows} == {(3.2, "万人"), (48000, "人")}


def test_unknown_name_suggests_the_closest(reports, zibo):
    r = zibo("indicator", "GPD")
    assert r.exit_code == 1
    assert r.stderr.startswith("zibo: error:") and "closest" in r.stderr and "gdp" in r.stderr
    assert r.stdout == ""


def test_known_indicator_with_no_figures_is_an_empty_list(reports, zibo_json):
    assert zibo_json("indicator", "cpi") == []


def test_period_and_kind_filters(reports, zibo_json):
    rows = zibo_json("indicator", "--period", "2025H1", "--kind", "actual")
    assert rows and all((r["year"], r["start_month"], r["end_month"], r["kind"]) == (2025, 1, 6, "actual")
                        for r in rows)
    targets = zibo_json("indicator", "固定资产投资", "--kind", "target")
    assert sorted((r["end_month"], r["value"], r["qualifier"]) for r in targets) == [(6, 4, "左右"), (12, 6, "以上")]
    same = zibo_json("indicator", "--period", "2025年上半年", "--kind", "actual")
    assert same == rows
    whole_year = zibo_json("indicator", "--period", "2025")
    assert len(whole_year) == len(zibo_json("indicator"))


def test_bad_period_is_a_usage_error(reports, zibo):
    r = zibo("indicator", "--period", "last spring")
    assert r.exit_code == 2 and "2024H1" in r.stderr


def test_periods_puts_target_and_actual_side_by_side(reports, zibo_json, zibo):
    rows = zibo_json("indicator", "固定资产投资", "--periods")
    by_period = {r["period"]: r for r in rows}
    h1 = by_period["2025H1"]
    assert (h1["target"], h1["target_qualifier"], h1["actual"], h1["met"]) == (4, "左右", 4.1, True)
    year = by_period["2025"]
    assert (year["target"], year["actual"], year["met"]) == (6, None, None)
    table = zibo("indicator", "固定资产投资", "--periods").stdout
    assert "met target?" in table and "4左右" in table and "yes" in table


def test_source_shows_the_quotes(reports, zibo):
    out = zibo("indicator", "gdp", "--source").stdout
    assert "上半年，全市地区生产总值同比增长5.4%" in out
    assert "前三季度，全市GDP增长5.6%" in out


def test_csv(reports, zibo):
    lines = zibo("indicator", "gdp", "--csv").stdout.splitlines()
    assert lines[0] == "name,region,period,kind,value,qualifier,unit,measure,document"
    assert len(lines) == 3


def test_catalog_lists_ids_and_counts(reports, zibo_json):
    rows = {r["id"]: r for r in zibo_json("indicator", "--catalog")}
    assert rows["gdp"]["name"] == "地区生产总值" and rows["gdp"]["figures"] == 2
    assert "GDP" in rows["gdp"]["aliases"]


def test_compare_like_with_like(reports, zibo_json):
    rows = zibo_json("compare", "2025H1", "2025Q1-Q3")
    by_name = {r["name"]: r for r in rows}
    gdp = by_name["地区生产总值"]
    assert (gdp["unit"], gdp["a"], gdp["b"], gdp["change"], gdp["status"]) == ("%", 5.4, 5.6, 0.2, "both")
    jobs = by_name["城镇新增就业"]  # 48000人 compared in 万人
    assert (jobs["unit"], jobs["a"], jobs["b"], jobs["change"]) == ("万人", 3.2, 4.8, 1.6)
    only_b = by_name["规上工业增加值"]
    assert (only_b["a"], only_b["b"], only_b["change"], only_b["status"]) == (None, 7, None, "only_b")
    assert by_name["固定资产投资"]["status"] == "only_a"
    assert [r["status"] for r in rows] == sorted((r["status"] for r in rows),
                                                 key=["both", "only_a", "only_b"].index)
    assert all(r["measure"] == "growth" for r in rows if r["unit"] == "%")


def test_compare_accepts_chinese_periods_and_csv(reports, zibo):
    out = zibo("compare", "2025年上半年", "2025年1-9月", "--csv").stdout.splitlines()
    assert out[0] == "name,region,measure,unit,a,b,change,change_unit,status,disagreement"
    assert any(line.startswith("地区生产总值,,growth,%,5.4,5.6,0.2") for line in out)


def test_compare_with_no_figures_hints_at_the_periods(reports, zibo):
    r = zibo("compare", "2019H1", "2019Q1-Q3")
    assert r.exit_code == 0 and "2025H1" in r.stderr


def test_compare_bad_period(reports, zibo):
    r = zibo("compare", "2025H1", "someday")
    assert r.exit_code == 2 and r.stderr.startswith("zibo: error:")


def test_a_share_is_also_known_as_its_name_and_zhanbi(ingest_texts, zibo_json, db):
    import json

    from zibo_cli.query import Zibo
    from zibo_cli.query import indicators as q

    ingest_texts({"share.txt": "2025年上半年全市经济运行情况\n\n上半年，全市工业投资16.2亿元，占固定资产投资的8.2%。\n"})
    rows = zibo_json("indicator")
    with Zibo(db) as z:  # the rows Python builds (--csv, tables) say the same as SQLite's JSON
        assert [json.loads(json.dumps(r)) for r in q.iter_observations(z)] == rows
    share = [r for r in rows if r["unit"] == "%"]
    assert [(r["name"], r["measure"], r["value"]) for r in share] == [("工业投资", "share", 8.2)]
    assert "工业投资占比" in share[0]["aliases"]
    level = [r for r in rows if r["unit"] == "亿元"]
    assert level and "工业投资占比" not in level[0]["aliases"]


def test_a_share_of_gdp_is_also_known_by_the_name_spelt_out(ingest_texts, zibo_json):
    ingest_texts({"s.txt": "2025年前三季度全市经济运行情况\n\n前三季度，第一产业增加值占GDP的比重为9.6%。\n"})
    (row,) = zibo_json("indicator")
    assert row["name"] == "第一产业增加值占GDP比重" and "第一产业增加值占地区生产总值比重" in row["aliases"]


def test_asking_for_a_share_by_name_gives_the_shares(ingest_texts, zibo_json):
    ingest_texts({"p.txt": "2025年1-7月全市重点项目建设情况\n\n截至7月底，工业投资15.2亿元，占固定资产投资的7.4%。"
                           "全市重点项目完成投资96.5亿元，占年度计划的61.2%。\n"})
    rows = zibo_json("indicator", "工业投资占比")
    assert [(r["name"], r["value"], r["measure"]) for r in rows] == [("工业投资", 7.4, "share")]
    rows = zibo_json("indicator", "重点项目完成投资占年度计划比例")
    assert [(r["value"], r["measure"]) for r in rows] == [(61.2, "share")]
    assert {r["value"] for r in zibo_json("indicator", "工业投资")} == {15.2, 7.4}
