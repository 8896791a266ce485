"""A figure's basis: year on year, two-year average, month on month, a change against another
period; and the queries that compare like with like."""

from __future__ import annotations

from zibo_cli.extract.indicators import extract_observations
from zibo_cli.extract.metadata import extract_metadata


def figures(text):
    return extract_observations(text, extract_metadata(text))


def test_two_year_average_is_the_same_indicator_on_another_basis():
    obs = figures("2021年1-5月经济运行\n1-5月，全市规模以上工业增加值同比增长17.8%，两年平均增长7.0%。")
    got = {(o.name, o.value, o.basis) for o in obs}
    assert got == {("规上工业增加值", 17.8, "yoy"), ("规上工业增加值", 7.0, "avg_2y")}


def test_month_on_month():
    obs = figures("2021年5月经济运行\n5月份，全国规模以上工业增加值同比增长8.8%，环比增长0.52%。")
    assert {(o.name, o.value, o.basis) for o in obs} == {("规上工业增加值", 8.8, "yoy"),
                                                       ("规上工业增加值", 0.52, "mom")}


def test_a_change_against_another_period_keeps_that_period():
    obs = figures("2024年上半年经济运行\n上半年，全市规上工业增加值同比增长6.4%，较一季度提高0.8个百分点。")
    change = [o for o in obs if o.measure == "change"]
    assert [(c.value, c.basis, c.base_period) for c in change] == [(0.8, "vs_period", "2024Q1")]
    assert [o.basis for o in obs if o.measure == "growth"] == ["yoy"]


def test_a_change_on_last_year_is_year_on_year():
    obs = figures("2024年上半年\n上半年，全市城镇化率比上年提高0.5个百分点。")
    assert [(o.value, o.basis) for o in obs] == [(0.5, "yoy")]


def test_levels_have_no_basis():
    obs = figures("2024年上半年\n上半年，全市地区生产总值2381.5亿元。")
    assert [(o.value, o.basis) for o in obs] == [(2381.5, None)]


def test_series_and_compare_show_year_on_year_figures_only(ingest_texts, zibo_json):
    ingest_texts({"a.txt": "2021年1-5月经济运行\n1-5月，全市规模以上工业增加值同比增长17.8%，两年平均增长7.0%。",
                  "b.txt": "2021年上半年经济运行\n上半年，全市规模以上工业增加值同比增长15.9%，两年平均增长6.9%。"})
    rows = zibo_json("indicator", "规上工业增加值", "--periods")
    assert [r["actual"] for r in rows] == [17.8, 15.9]
    cmp = zibo_json("compare", "2021M01-M05", "2021H1")
    assert [(r["a"], r["b"]) for r in cmp] == [(17.8, 15.9)]
    every = zibo_json("indicator", "规上工业增加值")
    assert sorted(r["basis"] for r in every) == ["avg_2y", "avg_2y", "yoy", "yoy"]
