"""Indicator extraction on report snippets written for these tests (tests/data/reports/).

The snippets imitate Zibo municipal reports the seeds do not cover: quarterly, two-month,
eleven-month, single-month and annual reports from 2019 to 2025, a statistical bulletin,
a plan with targets in prose, ranks in Chinese numerals, a statistics table whose cells
carry no units, a traditional-character report. Each goes through the whole pipeline
(read → normalise → metadata → extract), as ``zibo ingest`` runs it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zibo_cli.extract.indicators import Context, extract_clauses, extract_observations
from zibo_cli.models import REPORT, DocumentMeta
from zibo_cli.pipeline import parse_file

REPORTS = Path(__file__).resolve().parent / "data" / "reports"

A, T = "actual", "target"


def observations(name: str):
    return parse_file(REPORTS / name).observations


def facts(obs) -> set[tuple]:
    return {(o.name, o.year, o.start_month, o.end_month, o.kind, round(o.value, 6), o.unit) for o in obs}


def digits_forms(value: float) -> set[str]:
    """As the acceptance scorer checks provenance: the value's digits appear in the quote."""
    out = set()
    for scale in (1, 1e4, 1e8):
        s = f"{abs(value) / scale:.6f}".rstrip("0").rstrip(".")
        if s and s != "0":
            out.add(s)
    return out


# Every (name, year, start, end, kind, value, unit) each snippet must give.
EXPECTED: dict[str, list[tuple]] = {
    "q1_2019_economy.txt": [
        ("地区生产总值", 2019, 1, 3, A, 1123.45, "亿元"),
        ("地区生产总值", 2019, 1, 3, A, 5.2, "%"),
        ("地区生产总值", 2019, 1, 3, A, -0.3, "百分点"),
        ("第一产业增加值", 2019, 1, 3, A, 35.6, "亿元"),
        ("第三产业增加值", 2019, 1, 3, A, 5.8, "%"),
        ("规上工业增加值", 2019, 1, 3, A, 6.1, "%"),
        ("规上工业增加值", 2019, 1, 3, A, 3, "位"),
        ("固定资产投资", 2019, 1, 3, A, -2.1, "%"),
        ("固定资产投资", 2019, 1, 3, A, 1.5, "百分点"),
        ("社会消费品零售总额", 2019, 1, 3, A, 298.7, "亿元"),
        ("社会消费品零售总额", 2019, 1, 3, A, 7.3, "%"),
        ("一般公共预算收入", 2019, 1, 3, A, 98.6, "亿元"),
        ("一般公共预算收入", 2019, 1, 3, A, 28.3, "%"),
        ("城镇新增就业", 2019, 1, 3, A, 1.2, "万人"),
        ("城镇新增就业", 2019, 1, 3, A, 26.1, "%"),
    ],
    "jan_feb_2021_indicators.txt": [
        ("规上工业增加值", 2021, 1, 2, A, 35.6, "%"),
        ("规上工业增加值", 2021, 1, 2, A, 6.2, "%"),  # 两年平均: the same indicator, basis avg_2y
        ("进出口", 2021, 1, 2, A, 156.8, "亿元"),
        ("出口", 2021, 1, 2, A, 51.3, "%"),
        ("进口", 2021, 1, 2, A, 58.6, "亿元"),
        ("实际使用外资", 2021, 1, 2, A, 1.85, "亿美元"),
        ("全社会用电量", 2021, 1, 2, A, 45.6, "亿千瓦时"),
        ("全社会用电量", 2021, 1, 2, A, 18.7, "%"),
    ],
    "jan_nov_2022_progress.txt": [
        ("规模以上工业营业收入", 2022, 1, 11, A, 5432.1, "亿元"),
        ("规模以上工业利润总额", 2022, 1, 11, A, -12.3, "%"),
        ("房地产开发投资", 2022, 1, 11, A, -8.7, "%"),
        ("商品房销售面积", 2022, 1, 11, A, 412.3, "万平方米"),
        ("商品房销售面积", 2022, 1, 11, A, -15.2, "%"),
        # the title names the months even where the sentence does not
        ("一般公共预算收入", 2022, 1, 11, A, 91.2, "%"),
    ],
    "bulletin_2023.txt": [
        ("地区生产总值", 2023, 1, 12, A, 4561.3, "亿元"),
        ("地区生产总值", 2023, 1, 12, A, 5.3, "%"),
        ("常住人口", 2023, 1, 12, A, 470.6, "万人"),
        ("常住人口城镇化率", 2023, 1, 12, A, 74.2, "%"),
        ("常住人口城镇化率", 2023, 1, 12, A, 0.6, "百分点"),
        ("居民消费价格", 2023, 1, 12, A, 0.3, "%"),
        ("粮食总产量", 2023, 1, 12, A, 142.6, "万吨"),
        ("全社会用电量", 2023, 1, 12, A, 512.3, "亿千瓦时"),
        ("规模以上工业发电量", 2023, 1, 12, A, -3.4, "%"),
        ("税收收入", 2023, 1, 12, A, 298.7, "亿元"),
        ("本外币存款余额", 2023, 1, 12, A, 6789.2, "亿元"),
        ("本外币存款余额", 2023, 1, 12, A, 512.3, "亿元"),
    ],
    "targets_2025_plan.txt": [
        ("地区生产总值", 2025, 1, 12, T, 5.5, "%"),
        ("一般公共预算收入", 2025, 1, 12, T, 4, "%"),
        ("规上工业增加值", 2025, 1, 12, T, 6, "%"),
        ("固定资产投资", 2025, 1, 12, T, 5, "%"),
        ("城镇新增就业", 2025, 1, 12, T, 4.5, "万人"),
        ("城镇调查失业率", 2025, 1, 12, T, 5.5, "%"),
        ("实际使用外资", 2025, 1, 12, T, 10, "亿美元"),
        ("地区生产总值", 2024, 1, 12, A, 5.8, "%"),
        ("居民人均可支配收入", 2024, 1, 12, A, 5.1, "%"),
        ("粮食总产量", 2025, 1, 12, T, 140, "万吨"),
        ("单位GDP能耗", 2025, 1, 12, T, -2, "%"),
    ],
    "h1_2020_ranks.txt": [
        ("地区生产总值", 2020, 1, 6, A, 5, "位"),
        ("规上工业增加值", 2020, 1, 6, A, 2.3, "%"),
        ("规上工业增加值", 2020, 1, 6, A, 4.8, "百分点"),
        ("规上工业增加值", 2020, 1, 6, A, 3, "位"),
        ("社会消费品零售总额", 2020, 1, 6, A, -6.4, "%"),
        ("社会消费品零售总额", 2020, 1, 6, A, 8.1, "百分点"),
        ("实际使用外资", 2020, 1, 6, A, 5.2, "亿美元"),
        ("实际使用外资", 2020, 1, 6, A, 12, "位"),
    ],
    "table_h1_2024.txt": [
        ("地区生产总值", 2024, 1, 6, A, 2312.5, "亿元"),
        ("地区生产总值", 2024, 1, 6, A, 5.1, "%"),
        ("规上工业增加值", 2024, 1, 6, A, 7.1, "%"),
        ("固定资产投资", 2024, 1, 6, A, 5.2, "%"),
        ("社会消费品零售总额", 2024, 1, 6, A, 812.3, "亿元"),
        ("社会消费品零售总额", 2024, 1, 6, A, 2.9, "%"),
        ("一般公共预算收入", 2024, 1, 6, A, 215.6, "亿元"),
        ("进出口", 2024, 1, 6, A, 456.7, "亿元"),
        ("进出口", 2024, 1, 6, A, -3.2, "%"),
        ("全社会用电量", 2024, 1, 6, A, 2456789, "万千瓦时"),
        ("全社会用电量", 2024, 1, 6, A, 6.3, "%"),
    ],
    "trad_q3_2025.txt": [
        ("地区生产总值", 2025, 1, 9, A, 3456.7, "亿元"),
        ("地区生产总值", 2025, 1, 9, A, 5.6, "%"),
        ("规上工业增加值", 2025, 1, 9, A, 6.8, "%"),
        ("规上工业增加值", 2025, 1, 9, A, 4, "位"),
        ("社会消费品零售总额", 2025, 1, 9, A, 1234.5, "亿元"),
        ("城镇新增就业", 2025, 1, 9, A, 4.1, "万人"),
        ("城镇新增就业", 2025, 1, 9, A, 91.1, "%"),
    ],
    "m10_2023_prev_year.txt": [
        ("固定资产投资", 2023, 1, 10, A, 6.4, "%"),
        ("固定资产投资", 2022, 1, 10, A, 4.1, "%"),
        ("一般公共预算收入", 2023, 1, 10, A, 7.2, "%"),
        ("居民人均可支配收入", 2023, 1, 10, A, 5.4, "%"),
        ("居民人均可支配收入", 2023, 1, 10, A, 5.9, "%"),  # basis avg_2y
        ("规上工业增加值", 2023, 10, 10, A, 5.6, "%"),
        ("规上工业增加值", 2023, 10, 10, A, 0.4, "百分点"),
    ],
}

# Names that would be junk: pieces of comparison phrases, verbs, list numbers.
JUNK = re.compile(r"^(?:\d+[.、．]|[（(]\d+[）)])|高于|低于|平均$|^两年|比\d{4}年|比.{1,4}(?:加快|回落)|^年末|^全市")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_snippet_gives_its_figures(name):
    got = facts(observations(name))
    missing = [e for e in EXPECTED[name] if e not in got]
    assert not missing, f"missing {missing}\n got {sorted(got, key=str)}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_snippet_has_no_junk_names_and_every_value_is_in_its_quote(name):
    for o in observations(name):
        assert not JUNK.search(o.name), (o.name, o.quote)
        assert o.quote and len(o.quote) <= 300
        quote = o.quote.replace("\t", "")
        assert any(d in quote for d in digits_forms(o.value)), (o.name, o.value, o.quote)


def test_every_snippet_is_tested():
    assert {p.name for p in REPORTS.glob("*.txt")} == set(EXPECTED)


def test_forecast_for_an_unfinished_year_is_qualified_yuji():
    # a ten-month report forecasting the year: an actual for the whole year, qualified 预计
    found = [o for o in observations("m10_2023_prev_year.txt") if o.value == 5 and o.unit == "%"]
    assert found and all(o.qualifier.startswith("预计") and (o.start_month, o.end_month) == (1, 12)
                         for o in found)


def test_plan_targets_are_not_actuals():
    obs = observations("targets_2025_plan.txt")
    assert {o.kind for o in obs if o.year == 2025} == {T}
    assert {o.kind for o in obs if o.year == 2024} == {A}


# ---------------------------------------------------------------------------
# inline cases
# ---------------------------------------------------------------------------

H1 = Context(2024, 1, 6)


def test_gap_to_province_average_is_not_a_figure():
    obs = extract_clauses("全市社会消费品零售总额同比增长3.1%，高于全省平均1.1个百分点。", H1)
    assert [(o.name, o.value) for o in obs] == [("社会消费品零售总额", 3.1)]


@pytest.mark.parametrize("clause, value", [
    ("地区生产总值增速列全省第五位", 5),
    ("地区生产总值增速居全省第十一位", 11),
    ("地区生产总值增速位列全省第二", 2),
    ("地区生产总值增速居全省第3位", 3),
])
def test_ranks_in_digits_and_chinese_numerals(clause, value):
    (o,) = extract_clauses(clause, H1)
    assert (o.name, o.value, o.unit, o.measure) == ("地区生产总值", value, "位", "rank")
    assert str(value) in o.quote


def test_speed_up_and_slow_down_take_the_name_before():
    obs = extract_clauses("规上工业增加值增长6.2%，增速比一季度加快0.8个百分点；"
                          "固定资产投资增长3.1%，增速较1-5月放缓0.4个百分点。", H1)
    assert [(o.name, o.value, o.unit) for o in obs] == [
        ("规上工业增加值", 6.2, "%"), ("规上工业增加值", 0.8, "百分点"),
        ("固定资产投资", 3.1, "%"), ("固定资产投资", -0.4, "百分点")]
    assert {(o.start_month, o.end_month) for o in obs} == {(1, 6)}


def test_thousands_separators_and_quote():
    (o,) = extract_clauses("全市一般公共预算收入12,345.6万元。", H1)
    assert (o.value, o.unit) == (12345.6, "万元") and "12345.6" in o.quote


def test_target_sentence_marks_every_figure_after_it():
    obs = extract_clauses("今年的主要目标为：固定资产投资增长8%，进出口总额增长3%以上。", Context(2024, 1, 12))
    assert [(o.name, o.kind, o.value, o.qualifier) for o in obs] == [
        ("固定资产投资", T, 8, None), ("进出口", T, 3, "以上")]


def test_previous_year_same_period():
    obs = extract_clauses("1-6月，全市进出口总额增长5.2%，上年同期为下降1.3%。", H1)
    assert [(o.name, o.year, o.value) for o in obs] == [("进出口", 2024, 5.2), ("进出口", 2023, -1.3)]


def _meta(year, start, end):
    return DocumentMeta(title="t", year=year, start_month=start, end_month=end, doc_type=REPORT)


def test_stats_table_with_cumulative_and_previous_year_columns():
    text = ("2024年1-10月主要经济指标\n"
            "指标名称\t计量单位\t10月\t1-10月累计\t累计比上年同期增长(%)\t上年同期累计\n"
            "规模以上工业增加值\t%\t\t\t5.6\t\n"
            "进出口总额\t亿元\t60.2\t612.4\t-2.5\t628.1\n"
            "  其中：出口\t亿元\t40.1\t402.3\t1.8\t395.2\n"
            "城镇化率\t%\t\t74.5\t\t\n"
            "说明：本表数据为快报数。\n"
            "地区生产总值\t亿元\t1\t2\t3\t4\n")
    got = facts(extract_observations(text, _meta(2024, 1, 10)))
    assert {
        ("规上工业增加值", 2024, 1, 10, A, 5.6, "%"),
        ("进出口", 2024, 10, 10, A, 60.2, "亿元"),
        ("进出口", 2024, 1, 10, A, 612.4, "亿元"),
        ("进出口", 2024, 1, 10, A, -2.5, "%"),
        ("进出口", 2023, 1, 10, A, 628.1, "亿元"),
        ("出口", 2024, 1, 10, A, 402.3, "亿元"),
        ("出口", 2024, 1, 10, A, 1.8, "%"),
        ("常住人口城镇化率", 2024, 1, 10, A, 74.5, "%"),
    } <= got
    # the rows after the table's end are not read by its header
    assert not [f for f in got if f[0] == "地区生产总值"]
    measures = {(o.name, o.value): o.measure for o in extract_observations(text, _meta(2024, 1, 10))}
    assert measures[("进出口", -2.5)] == "growth" and measures[("进出口", 612.4)] == "level"


def test_stats_table_with_target_and_completion_columns():
    text = ("指标\t单位\t全年目标\t1-6月\t同比增长(%)\t完成年度目标(%)\n"
            "地区生产总值\t亿元\t增长5.5%左右\t2312.5\t5.1\t—\n"
            "固定资产投资\t亿元\t—\t—\t5.2\t—\n"
            "一般公共预算收入\t亿元\t430\t215.6\t4.2\t50.1\n")
    obs = extract_observations(text, _meta(2024, 1, 6))
    got = {(o.name, o.kind, o.start_month, o.end_month, o.value, o.unit, o.measure, o.qualifier) for o in obs}
    assert got == {
        ("地区生产总值", T, 1, 12, 5.5, "%", "growth", "左右"),
        ("地区生产总值", A, 1, 6, 2312.5, "亿元", "level", None),
        ("地区生产总值", A, 1, 6, 5.1, "%", "growth", None),
        ("固定资产投资", A, 1, 6, 5.2, "%", "growth", None),
        ("一般公共预算收入", T, 1, 12, 430, "亿元", "level", None),
        ("一般公共预算收入", A, 1, 6, 215.6, "亿元", "level", None),
        ("一般公共预算收入", A, 1, 6, 4.2, "%", "growth", None),
        ("一般公共预算收入", A, 1, 6, 50.1, "%", "share", None),
    }


def test_pipe_free_header_without_name_column_is_prose():
    # a TAB line that is no statistics header is read as prose, cell by cell
    text = "上半年\t全市地区生产总值增长5.1%\n"
    assert [(o.name, o.value) for o in extract_observations(text, _meta(2024, 1, 6))] == [("地区生产总值", 5.1)]


# ---------------------------------------------------------------------------
# names: no bare generic nouns, no list numbers
# ---------------------------------------------------------------------------


def test_generic_count_nouns_take_their_verb_or_are_dropped():
    obs = extract_clauses("3.华达化工等4个项目竣工投产；另有6家企业正在办理环评、安评、能评等前期手续；"
                          "新落地12个项目；园区内6栋主体封顶。", H1)
    names = {o.name: o.value for o in obs}
    assert names == {"项目竣工投产": 4, "新落地项目": 12, "主体封顶": 6}


def test_list_number_is_not_part_of_a_name():
    (o,) = extract_clauses("2.城区供热管网改造完成年度计划的45%", H1)
    assert o.name == "城区供热管网改造" and o.value == 45


def test_short_aside_in_a_counted_noun():
    (o,) = extract_clauses("新增20余个首台（套）技术装备", H1)
    assert o.name == "新增首台（套）技术装备" and o.qualifier == "余"


def test_a_generic_name_is_no_indicator():
    assert extract_clauses("二季度统计数据为4.2%，完成目标。", H1) == []


# ---------------------------------------------------------------------------
# never raises
# ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "全市", "地区生产总值", "增长", "下降", "5.1", "—", "-", "%", "亿元", "个", "百分点", "第", "五", "位", "全省",
    "，", "。", "；", "：", "\t", "\n", "上年同期", "两年平均", "目标是：", "1-6月", "年末", "指标", "单位",
    "同比增长%", "12,345", "（", "）", "套", "等", "项目", "1.", "比", "2023年", "高于", "平均", "分别", "、",
])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES | st.text(max_size=4), max_size=40), st.sampled_from([None, 2024]),
       st.sampled_from([(None, None), (1, 6), (1, 12), (4, 6)]))
def test_extraction_never_raises(pieces, year, months):
    text = "".join(pieces)
    meta = DocumentMeta(year=year, start_month=months[0], end_month=months[1], doc_type=REPORT)
    for o in extract_observations(text, meta):
        assert o.name and isinstance(o.value, float) and len(o.quote) <= 300


@pytest.mark.parametrize("sentence", [
    "社会消费品零售总额增长4.3%，增速比全省高0.8个百分点。",
    "社会消费品零售总额增长4.3%，增幅较全国平均快0.8个百分点。",
    "社会消费品零售总额增长4.3%，同比改善0.8%。",
])
def test_leftover_comparisons_are_no_names(sentence):
    assert [(o.name, o.value) for o in extract_clauses(sentence, H1)] == [("社会消费品零售总额", 4.3)]


@pytest.mark.parametrize(("clause", "expected"), [
    ("年初确定的地区生产总值增长预期目标为5.5%左右，全年实际增长5.8%。",
     {("地区生产总值", T, 5.5, "%"), ("地区生产总值", A, 5.8, "%")}),
    ("一般公共预算收入预期目标增长5%，全年实际完成412.6亿元，增长5.3%。",
     {("一般公共预算收入", T, 5.0, "%"), ("一般公共预算收入", A, 412.6, "亿元"), ("一般公共预算收入", A, 5.3, "%")}),
    ("城镇新增就业6.2万人，超额完成5.5万人的预期目标。",
     {("城镇新增就业", A, 6.2, "万人"), ("城镇新增就业", T, 5.5, "万人")}),
    ("全年一般公共预算收入412.6亿元，完成400亿元的年度目标。",
     {("一般公共预算收入", A, 412.6, "亿元"), ("一般公共预算收入", T, 400.0, "亿元")}),
    ("全年完成固定资产投资500亿元的目标任务。", {("固定资产投资", T, 500.0, "亿元")}),
])
def test_expected_target_then_actual_result(clause, expected):
    obs = extract_clauses(clause, Context(2024, 1, 12))
    assert {(o.name, o.kind, round(o.value, 6), o.unit) for o in obs} == expected
