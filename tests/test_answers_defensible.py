"""Answers a user can defend (issue 25): figures never mix places or years, ceilings are ceilings,
disagreements are shown, nothing is guessed silently. Each wrong answer the issue lists is
reproduced here on small reports written for these tests."""

from __future__ import annotations

import re

# two reports that name no place, of two different places (a county's 235亿元, a city's 7,806亿元),
# and reports of named places, so that the database holds several regions
COUNTY_2021 = "2021年国民经济和社会发展统计公报\n全年全县地区生产总值235.28亿元，比上年增长9.2%。"
CITY_2022 = "2022年国民经济和社会发展统计公报\n全年全市地区生产总值7806.5亿元，比上年增长3.3%。"
YIYUAN_2021 = "沂源县2021年国民经济和社会发展统计公报\n全年全县地区生产总值156.2亿元，比上年增长8.4%。"
ZIBO_2022 = "淄博市2022年国民经济和社会发展统计公报\n全年全市地区生产总值4402.6亿元，比上年增长4.6%。"
COUNTY_JOBS = ("2021年国民经济和社会发展统计公报\n全年全县城镇新增就业1941人；"
               "年末城镇登记失业率1.89%，低于2.5%的控制目标。")
NATIONAL_PLAN = ("2021年政府工作报告\n今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上，"
                 "城镇调查失业率5.5%左右。")


def several_places(ingest_texts) -> None:
    ingest_texts({"county.txt": COUNTY_2021, "city.txt": CITY_2022, "yiyuan.txt": YIYUAN_2021,
                  "zibo.txt": ZIBO_2022, "jobs.txt": COUNTY_JOBS, "national.txt": NATIONAL_PLAN})


def test_compare_never_sets_one_place_beside_another(ingest_texts, zibo_json, zibo):
    """Wrong answer 1: `compare 2021 2022 --common` set a county's GDP (235亿元) beside a city's
    (7,806亿元) and printed the change."""
    several_places(ingest_texts)
    assert zibo_json("compare", "2021", "2022", "--common") == []
    r = zibo("compare", "2021", "2022", "--common")
    assert r.exit_code == 0 and "never compared" in r.stderr
    every = zibo_json("compare", "2021", "2022")
    assert all(r["change"] is None for r in every)
    # each side keeps its place: a named region, or the one document a figure of no region is from
    for r in every:
        if r["region"] is None:
            assert (r["a_document"] is None) != (r["b_document"] is None)
    assert {(r["region"], r["a"], r["b"]) for r in every if r["measure"] == "level" and r["name"] == "地区生产总值"} == {
        (None, 235.28, None), (None, None, 7806.5), ("沂源县", 156.2, None), ("淄博市", None, 4402.6)}


def test_one_region_over_two_years_is_compared(ingest_texts, zibo_json):
    ingest_texts({"a.txt": YIYUAN_2021, "b.txt": YIYUAN_2021.replace("2021", "2022").replace("156.2", "170.1"),
                  "c.txt": ZIBO_2022})
    rows = [r for r in zibo_json("compare", "2021", "2022", "--common") if r["measure"] == "level"]
    assert [(r["region"], r["region_level"], r["a"], r["b"]) for r in rows] == [("沂源县", "county", 156.2, 170.1)]


def test_a_national_target_is_not_judged_against_a_county(ingest_texts, zibo_json):
    """Wrong answer 2: a national target (1,100万人) judged against a county's actual (0.19万人):
    "behind, gap −1,099.8"."""
    several_places(ingest_texts)
    rows = zibo_json("targets")
    jobs = [r for r in rows if r["name"] == "城镇新增就业"]
    assert [(r["target"], r["actual"], r["status"]) for r in jobs] == [(1100, None, "unknown")]
    assert all(r["actual_document"] in (None, r["target_document"]) for r in rows if r["region"] is None)
    assert not [r for r in zibo_json("targets", "--behind") if r["name"] == "城镇新增就业"]


def test_periods_never_pools_documents_of_unknown_year_or_place(ingest_texts, zibo_json, zibo):
    """Wrong answer 3: one Q1 value shown for five documents whose quotes say 5.5, 3.1, 5.6, 5.5 and
    4.6, with no sign of disagreement."""
    texts = {f"q{i}.txt": f"一季度经济运行简况（{i}）\n一季度，全区地区生产总值增长{v}%。"
             for i, v in enumerate([5.5, 3.1, 5.6, 5.5, 4.6])}
    ingest_texts({**texts, "yiyuan.txt": YIYUAN_2021, "zibo.txt": ZIBO_2022})
    rows = [r for r in zibo_json("indicator", "gdp", "--periods") if r["period"] == "Q1"]
    assert sorted((r["documents"], r["actual"]) for r in rows) == [
        ([f"q{i}.txt"], v) for i, v in enumerate([5.5, 3.1, 5.6, 5.5, 4.6])]
    table = zibo("indicator", "gdp", "--periods").stdout
    assert all(f"q{i}.txt" in table for i in range(5))


def test_documents_of_one_place_that_disagree_are_shown_everywhere(ingest_texts, zibo_json, zibo):
    ingest_texts({"a.txt": "淄博市2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%。",
                  "b.txt": "淄博市2024年上半年经济简况\n上半年，全市地区生产总值增长5.3%。",
                  "c.txt": "淄博市2024年前三季度经济运行情况\n前三季度，全市地区生产总值增长5.4%。"})
    (row,) = [r for r in zibo_json("indicator", "gdp", "--periods") if r["period"] == "2024H1"]
    assert [(v["value"], v["documents"]) for v in row["values"]["actual"]] == [(5.1, ["a.txt"]), (5.3, ["b.txt"])]
    periods = zibo("indicator", "gdp", "--periods")
    assert "5.1 ≠ 5.3" in periods.stdout and "5.1% (a.txt) ≠ 5.3% (b.txt)" in periods.stderr
    chart = zibo("indicator", "gdp", "--periods", "--chart")
    assert "5.1% ≠ 5.3%" in chart.stdout
    (cmp,) = zibo_json("compare", "2024H1", "2024Q1-Q3", "--common")
    assert [v["value"] for v in cmp["a_values"]] == [5.1, 5.3] and cmp["b_values"] is None
    table = zibo("compare", "2024H1", "2024Q1-Q3")
    assert "5.1 ≠ 5.3" in table.stdout and "a.txt" in table.stderr
    csv = zibo("compare", "2024H1", "2024Q1-Q3", "--csv").stdout
    assert "5.1% (a.txt) ≠ 5.3% (b.txt)" in csv


def test_a_ceiling_is_met_from_below(ingest_texts, zibo_json):
    """Wrong answer 4: `城镇登记失业率1.89%，低于2.5%的控制目标` read as "behind"."""
    ingest_texts({"jobs.txt": COUNTY_JOBS})
    (row,) = [r for r in zibo_json("targets") if r["name"] == "城镇登记失业率"]
    assert (row["target"], row["direction"], row["actual"], row["status"]) == (2.5, "max", 1.89, "met")


def test_directions_of_targets():
    from zibo_cli.query.targets import direction

    assert direction("城镇调查失业率", 5.5, "以内") == "max"  # 控制在5.5%以内
    assert direction("居民消费价格涨幅", 3, "左右") == "max"
    assert direction("PM2.5平均浓度", 35, None) == "max"
    assert direction("单位GDP能耗", -3, "以上") == "max"  # 降低3%以上: a fall of at least 3%
    assert direction("单位GDP能耗下降率", 3, "以上") == "min"  # the fall itself, to reach
    assert direction("税收收入", 2.5, None, "税收收入不超过2.5亿元") == "max"
    assert direction("某指标", 2.5, None, "实际1.89%，低于2.5%的控制目标") == "max"
    assert direction("某指标", 3, None, "负债率控制在3%以内，增速12.5%") == "max"
    assert direction("某指标", 12.5, None, "负债率控制在3%以内，增速12.5%") == "min"  # another clause's number
    assert direction("某指标", 5, None, "不超过15%") == "min"  # 5 is not the number written there
    assert direction("某指标", 5, None, "控制在今年年初确定的目标5%") == "max"  # within 12 characters
    assert direction("地区生产总值", 5.5, "左右") == "min"
    assert direction("城镇新增就业", 1100, "以上") == "min"


def test_a_ceiling_above_its_actual_is_behind(ingest_texts, zibo_json):
    ingest_texts({"plan.txt": "淄博市2024年主要目标\n全年目标：城镇调查失业率控制在5.5%以内，PM2.5平均浓度35微克/立方米。",
                  "h1.txt": "淄博市2024年上半年经济运行情况\n上半年，城镇调查失业率5.8%，PM2.5平均浓度33微克/立方米。"})
    got = {r["name"]: r for r in zibo_json("targets")}
    rate = got["城镇调查失业率"]
    assert (rate["direction"], rate["status"]) == ("max", "behind")
    pm = [r for n, r in got.items() if "PM2.5" in n]
    assert pm and all(r["direction"] == "max" for r in pm)


def test_region_filter_finds_the_documents_of_a_one_city_folder(ingest_texts, zibo_json, zibo):
    """Wrong answer 5: reports that name 淄博 but have no stored region were left out of
    `--region 淄博`. Reports whose region is stored are kept by short and full names; in a folder of
    one city's reports, those that name no place are taken to be that city's, and this is said."""
    ingest_texts({"a.txt": "淄博市2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%。",
                  "b.txt": "2024年前三季度经济运行情况\n前三季度，全市地区生产总值增长5.3%。\n"
                           "全年目标：地区生产总值增长5.5%左右。"})
    for name in ("淄博", "淄博市"):
        assert [r["actual"] for r in zibo_json("indicator", "gdp", "--periods", "--region", name)
                if r["actual"] is not None] == [5.1, 5.3]
        assert [r["region"] for r in zibo_json("targets", "--region", name)] == ["淄博市"]
    r = zibo("indicator", "gdp", "--region", "淄博")
    assert "taken to be 淄博市's" in r.stderr
    # a second city: a report that names no place is no longer assumed to be either's
    ingest_texts({"c.txt": "济南市2024年前三季度经济运行情况\n前三季度，全市地区生产总值增长5.9%。"})
    assert [r["actual"] for r in zibo_json("indicator", "gdp", "--periods", "--region", "淄博")
            if r["actual"] is not None] == [5.1]


def test_an_unknown_region_is_an_error_naming_the_regions(ingest_texts, zibo):
    """Wrong answer 8 (in part): `targets --behind --region 火星` said "no target fell behind"."""
    ingest_texts({"a.txt": YIYUAN_2021, "b.txt": ZIBO_2022})
    for args in (["targets", "--behind"], ["indicator", "gdp"], ["indicator", "gdp", "--periods"],
                 ["compare", "2021", "2022"], ["tasks"]):
        r = zibo(*args, "--region", "火星")
        assert r.exit_code == 1 and r.stdout == "", args
        assert "no region '火星'" in r.stderr and "沂源县" in r.stderr and "淄博市" in r.stderr, args


def test_periods_and_the_chart_agree(ingest_texts, zibo_json, zibo):
    """Wrong answer 6: --periods and --periods --chart gave one year two values (the chart took an
    estimate that --periods let a stated figure replace)."""
    ingest_texts({"a.txt": "淄博市2024年工作总结\n预计全年地区生产总值增长5%。",
                  "b.txt": "淄博市2024年统计公报\n全年全市地区生产总值增长5.2%。"})
    (row,) = [r for r in zibo_json("indicator", "gdp", "--periods") if r["period"] == "2024"]
    assert row["actual"] == 5.2
    chart = zibo("indicator", "gdp", "--periods", "--chart").stdout
    assert re.search(r"^2024 .*5\.2%", chart, re.M) and "淄博市" in chart.splitlines()[0]


def test_a_year_filled_in_is_said(ingest_texts, zibo):
    """Wrong answer 7: `--period Q1-Q3` and `compare H1 Q1-Q3` picked the latest year silently."""
    ingest_texts({"a.txt": "淄博市2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%。",
                  "b.txt": "淄博市2024年前三季度经济运行情况\n前三季度，全市地区生产总值增长5.3%。"})
    r = zibo("compare", "H1", "Q1-Q3")
    assert r.exit_code == 0 and "2024 assumed: the latest year with figures" in r.stderr
    r = zibo("indicator", "--period", "Q1-Q3")
    assert "2024 assumed" in r.stderr and "5.3" in r.stdout
    assert "assumed" not in zibo("compare", "2024H1", "2024Q1-Q3").stderr


def test_an_empty_answer_says_why(ingest_texts, zibo):
    """Wrong answer 8: "no target fell behind" on a database with no target at all."""
    ingest_texts({"a.txt": "淄博市2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%。"})
    r = zibo("targets", "--behind")
    assert r.exit_code == 0 and "no annual targets in the database" in r.stderr
    ingest_texts({"b.txt": "淄博市2024年主要目标\n全年目标：地区生产总值增长5%左右。"})
    r = zibo("targets", "--behind")
    assert "no target fell behind (1 annual target: 1 on_track)" in r.stderr


def test_numbers_are_written_whole(ingest_texts, zibo):
    """No scientific notation: 134.9万亿元 converted to 亿元 is 1349000, not 1.349e+06."""
    from zibo_cli.render import number, qualified

    assert [number(v) for v in (1349000.0, 1e-05, 4.23, 0.1 + 0.2, -0.0)] == ["1349000", "0.00001", "4.23", "0.3", "0"]
    assert [qualified(50, "近"), qualified(2300, "预计超"), qualified(5.5, "左右"), qualified(5, "预计左右")] == [
        "近50", "预计超2300", "5.5左右", "预计5左右"]
    ingest_texts({"a.txt": "淄博市2024年统计公报\n全年全市地区生产总值1349000亿元。"})
    assert "1349000" in zibo("indicator", "gdp").stdout


def test_region_levels():
    from zibo_cli.places import place_level

    assert [place_level(n) for n in ("全国", "山东省", "北京市", "淄博市", "张店区", "沂源县", "青州市", None)] == [
        "nation", "province", "province", "city", "district", "county", "county", None]
