"""Figures read with the context a real report spreads over headlines, leads and paragraphs
(issue: extraction that carries context). Sentences written for these tests."""

from __future__ import annotations

from zibo_cli.extract.indicators import extract_observations
from zibo_cli.extract.metadata import extract_metadata


def facts(text):
    meta = extract_metadata(text)
    return {(o.name, o.year, o.start_month, o.end_month, o.kind, o.value, o.unit, o.qualifier)
            for o in extract_observations(text, meta)}


def test_a_period_holds_over_the_sentences_of_its_paragraph():
    got = facts("今年一季度，全市经济开局良好。分产业看，第一产业增加值52.3亿元，增长3.1%。")
    assert ("第一产业增加值", None, 1, 3, "actual", 52.3, "亿元", None) in got
    assert ("第一产业增加值", None, 1, 3, "actual", 3.1, "%", None) in got


def test_a_new_paragraph_opening_with_a_period_resets_it():
    text = ("1-5月份，规上服务业营业收入增长6%。其中，信息服务业营业收入增长12%。\n"
            "上半年，全市固定资产投资增长4%。")
    got = {(f[0], f[2], f[3]) for f in facts(text)}
    assert ("信息服务业营业收入", 1, 5) in got and ("固定资产投资", 1, 6) in got


def test_a_comparison_base_never_sets_the_scope():
    text = "上半年，全市规上工业增加值增长7.1%，比1—4月份提高0.5个百分点。固定资产投资增长5%。"
    got = {(f[0], f[2], f[3]) for f in facts(text)}
    assert ("固定资产投资", 1, 6) in got


def test_the_lead_gives_the_period_of_later_paragraphs():
    text = "根据统一核算结果，前三季度，全市实现地区生产总值619.8亿元。\n一、工业\n全市规上工业增加值增长5.6%。"
    assert ("规上工业增加值", None, 1, 9, "actual", 5.6, "%", None) in facts(text)


def test_a_forecast_opening_qualifies_every_figure_of_its_sentence():
    text = "市长代表市政府向大会报告政府工作。\n预计，全市实现地区生产总值1360亿元，增长9.4%；财政收入210亿元，增长3.6%。"
    got = facts(text)
    assert {f[7] for f in got} == {"预计"}


def test_work_report_this_year_and_last_year():
    text = ("省长代表省政府向大会报告工作，回顾了2023年工作，提出了2024年目标。\n"
            "过去一年，全省地区生产总值增长5.8%。今年经济社会发展主要预期目标也定了，其中地区生产总值增长5%以上。")
    got = facts(text)
    assert ("地区生产总值", 2023, 1, 12, "actual", 5.8, "%", None) in got
    assert ("地区生产总值", 2024, 1, 12, "target", 5.0, "%", "以上") in got


def test_a_target_reached_is_no_cue():
    got = facts("较好地完成了全年确定的主要预期目标，全市地区生产总值增长5.1%。")
    assert {f[4] for f in got} == {"actual"}


def test_the_whole_year_opening_a_clause_is_the_year_of_an_actual():
    got = facts("2010年全区经济运行情况\n初步核算，全年实现生产总值150亿元，比上年增长15.3%。")
    assert ("地区生产总值", 2010, 1, 12, "actual", 15.3, "%", None) in got


def test_page_chrome_is_not_read():
    text = "浏览次数：12 字号：大 中 小 打印本页\n上半年，全市地区生产总值增长5%。"
    assert {f[5] for f in facts(text)} == {5.0}


def test_trillions():
    got = facts("2024年工作报告\n过去一年，全省地区生产总值达13.57万亿元、增长4.8%。")
    assert any(f[0] == "地区生产总值" and f[5] == 13.57 and f[6] == "万亿元" for f in got)


def test_a_province_short_name_before_a_name_is_its_region():
    from zibo_cli import places
    if not places.places():
        return
    text = "过去一年，江苏地区生产总值达12.82万亿元、增长5.8%。"
    meta = extract_metadata(text)
    obs = extract_observations(text, meta)
    assert {(o.name, o.region) for o in obs} == {("地区生产总值", "江苏省")}


def test_asides_between_a_figure_and_its_growth():
    got = facts("前三季度，全区实现地区生产总值1291.92亿元，按不变价格计算（下同），同比增长6.2%。"
                "全区一般公共预算收入70.11亿元，同口径下降19.4%。")
    assert ("地区生产总值", None, 1, 9, "actual", 6.2, "%", None) in got
    assert ("一般公共预算收入", None, 1, 9, "actual", -19.4, "%", None) in got


def test_the_last_part_of_a_sentence_that_opens_with_a_period_passes_it_on():
    got = facts("2月份，全区规上工业当月产值同比下降12.6%；1-2月，规上工业累计产值同比下降9.7%。规上工业增加值同比下降6.6%。")
    assert ("规上工业增加值", None, 1, 2, "actual", -6.6, "%", None) in got


def test_the_lead_sentence_gives_the_period_even_without_a_figure():
    got = facts("昨日，记者从市统计局了解到，今年上半年，全市经济保持平稳运行。\n全市生产总值（GDP）440.26亿元，增长8.4%。")
    assert ("地区生产总值", None, 1, 6, "actual", 8.4, "%", None) in got


def test_a_verb_between_the_subject_and_its_measure():
    got = facts("5月份，我省规模以上工业完成增加值687.9亿元，同比增长23%。")
    assert ("规上工业增加值", None, 5, 5, "actual", 687.9, "亿元", None) in got


def test_a_comparison_base_with_a_year_word_never_sets_the_scope():
    # 较上年四季度: the quarter is the base of the change, not the period of the figures after it
    text = ("一季度，工业增加值同比增长11.0%，增速较上年四季度提高1.5个百分点；"
            "其中制造业增加值同比增长10.7%。建筑业增加值增长15.1%。")
    got = {(f[0], f[2], f[3], f[5]) for f in facts(text)}
    assert ("制造业增加值", 1, 3, 10.7) in got and ("建筑业增加值", 1, 3, 15.1) in got
    assert not any(f[1:3] == (10, 12) for f in got)


def test_every_period_of_a_listed_comparison_base_is_a_base():
    text = ("1-7月，社会消费品零售总额增长7.0%，增幅比今年1-3月、1-4月、1-5月分别回落3.5个百分点、"
            "0.8个百分点和4.0个百分点，批发零售业增长7.8%。")
    got = {(f[0], f[2], f[3], f[5]) for f in facts(text)}
    assert ("批发零售业", 1, 7, 7.8) in got or ("批发零售业零售额", 1, 7, 7.8) in got
    assert not any(f[2] in (3, 4, 5) and f[6] == "%" for f in facts(text))


def test_a_bare_quarter_compared_with_the_half_year_counts_from_january():
    text = ("全县经济持续回升。\n"
            "三季度，全县实现地区生产总值172.85亿元，同比增长5.2%，比上半年高2.4个百分点。\n"
            "三季度，全县农林牧渔业增加值25.96亿元，同比增长3.5%。")
    got = {(f[0], f[2], f[3], f[5]) for f in facts(text)}
    assert ("地区生产总值", 1, 9, 172.85) in got and ("农林牧渔业增加值", 1, 9, 25.96) in got


def test_single_quarters_stay_single_quarters():
    # a national release: each quarter on its own, compared with the quarter before
    text = "分季度看，一季度国内生产总值同比增长7.6%，二季度增长6.7%，三季度增长6.6%，比二季度回落0.4个百分点。"
    got = {(f[2], f[3], f[5]) for f in facts(text) if f[6] == "%"}
    assert got == {(1, 3, 7.6), (4, 6, 6.7), (7, 9, 6.6)}


def test_a_sentence_giving_a_month_of_the_figure_before_takes_its_name():
    got = {(f[0], f[2], f[3], f[5]) for f in facts(
        "1-6月，全区规模以上工业企业完成产值同比下降2.6%，位列县区第4。其中6月当月同比下降11.3%。")}
    assert ("规模以上工业企业产值", 6, 6, -11.3) in got
    # two indicators before: whose month it is cannot be told, so it is not read
    got = {(f[0], f[2], f[3], f[5]) for f in facts(
        "1-6月，工业投资增长5.1%，民间投资增长3.2%。其中6月当月增长2.4%。")}
    assert not any(f[3] == 2.4 for f in got)
