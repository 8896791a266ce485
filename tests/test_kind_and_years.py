"""Kind from the frame and relative years (issue 31, points 8 and 9): a target list goes on in a
其中 sentence, what a report proposes is a target, a list of indicators behind schedule holds
actuals (and the targets a gap implies, derived), a target met is a target and nothing after it;
今年/去年/上年 resolve against the year the document speaks in, and a comparison's base year never
becomes a figure's year."""

from __future__ import annotations

from zibo_cli.extract.indicators import Context, extract_clauses, extract_observations
from zibo_cli.models import DocumentMeta


def _rows(obs):
    return sorted((o.name, o.value, o.unit, o.year, o.start_month, o.end_month, o.kind, o.derived) for o in obs)


WORK_REPORT = Context(2025, 1, 12, target_year=2026)  # given in 2026: reviews 2025, sets 2026's targets
BULLETIN = Context(2025, 1, 12)


def test_the_sentence_after_a_target_list_goes_on_with_it():
    found = extract_clauses("2026年主要预期目标：地区生产总值增长5.5%左右。其中，规上工业增加值增长6%，固定资产投资增长5%。",
                            WORK_REPORT, carry=True)
    assert [(o.name, o.kind, o.year) for o in found] == [
        ("地区生产总值", "target", 2026), ("规上工业增加值", "target", 2026), ("固定资产投资", "target", 2026)]


def test_a_sentence_of_actuals_is_no_target_list_to_go_on_with():
    found = extract_clauses("全市地区生产总值增长6%。其中，规上工业增加值增长7%。", WORK_REPORT, carry=True)
    assert {o.kind for o in found} == {"actual"}


def test_what_a_report_proposes_is_a_target_of_its_year():
    found = extract_clauses("报告提出，2026年新增就业2万人以上，地区生产总值增长5%左右。", WORK_REPORT)
    assert [(o.name, o.value, o.kind, o.year) for o in found] == [
        ("新增就业", 2.0, "target", 2026), ("地区生产总值", 5.0, "target", 2026)]
    # a statistics release sets no targets: the same words state actuals
    assert {o.kind for o in extract_clauses("报告提出，全市新增就业2万人。", BULLETIN)} == {"actual"}


def test_a_list_of_indicators_behind_schedule_holds_actuals_and_derived_targets():
    text = "某市2025年上半年经济运行情况\n未达到序时进度的指标：\n1.地区生产总值：增长5.2%，低于目标1.3个百分点。"
    obs = extract_observations(text, DocumentMeta())
    actual = [o for o in obs if o.kind == "actual" and o.unit == "%"]
    target = [o for o in obs if o.kind == "target"]
    assert [(o.name, o.value) for o in actual] == [("地区生产总值", 5.2)]
    assert [(o.name, o.value, o.derived) for o in target] == [("地区生产总值", 6.5, True)]
    assert "增长5.2%" in target[0].quote and "低于目标1.3个百分点" in target[0].quote  # both parts


def test_a_target_met_is_a_target_and_nothing_after_it_is():
    found = extract_clauses("全年城镇新增就业6.2万人，超额完成5万人的年度目标，城镇调查失业率5.1%。", WORK_REPORT)
    assert [(o.value, o.kind) for o in found] == [(6.2, "actual"), (5.0, "target"), (5.1, "actual")]


def test_relative_years_resolve_against_the_year_the_document_speaks_in():
    # a bulletin of 2025 speaks in 2025: 去年 and 上年 are 2024, 今年 2025
    found = extract_clauses("去年全市固定资产投资增长3%，上年一般公共预算收入增长2%。今年规上工业增加值增长7%。", BULLETIN,
                            carry=True)
    assert [o.year for o in found] == [2024, 2024, 2025]
    # a work report given in 2026 speaks in 2026: 去年 is the year it reviews, 今年 the year of its targets
    found = extract_clauses("去年，全市地区生产总值增长6.1%。今年，全市地区生产总值增长5.5%左右。", WORK_REPORT, carry=True)
    assert [o.year for o in found] == [2025, 2026]
    # 比去年, 上年同期: comparisons, the figure stays the year's
    found = extract_clauses("全市地区生产总值比去年增长6%，上年同期为增长5%。", BULLETIN)
    assert [o.year for o in found] == [2025, 2024]


def test_a_comparison_base_year_is_never_a_figure_year():
    found = extract_clauses("2025年，在2021年翻一番的基础上，全市地区生产总值达到500亿元，增长6%。", BULLETIN)
    assert {o.year for o in found} == {2025}
    found = extract_clauses("进出口总额是2014年的1.6倍，出口增长8%。", BULLETIN)
    assert [(o.name, o.year) for o in found] == [("出口", 2025)]
