"""extract.scope: sections, target lists and their years; and the figures read in them."""

from __future__ import annotations

from zibo_cli.extract.frame import Frame
from zibo_cli.extract.indicators import extract_observations
from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.extract.scope import scopes
from zibo_cli.extract.segment import segment


def facts(text):
    meta = extract_metadata(text)
    return {(o.name, o.year, o.start_month, o.end_month, o.kind, o.value, o.unit)
            for o in extract_observations(text, meta)}


def test_sections_set_year_and_mode():
    text = "一、2025年计划执行情况\n全年地区生产总值增长5.2%。\n二、2026年主要目标\n地区生产总值增长5%左右。"
    segs = segment(text)
    sc = scopes(segs, Frame(year=2025, target_year=2026))
    assert [(s.year, s.mode) for s in sc] == [(2025, "actual"), (2025, "actual"), (2026, "target"),
                                             (2026, "target")]


def test_a_plan_reviews_one_year_and_targets_the_next():
    text = ("某市2026年国民经济和社会发展计划\n一、2025年计划执行情况\n全年地区生产总值增长5.2%。\n"
            "二、2026年主要目标\n地区生产总值增长5%左右。")
    got = facts(text)
    assert ("地区生产总值", 2025, 1, 12, "actual", 5.2, "%") in got
    assert ("地区生产总值", 2026, 1, 12, "target", 5.0, "%") in got
    assert not [f for f in got if f[4] == "actual" and f[5] == 5.0]


def test_a_list_announced_with_a_colon_holds_targets():
    text = ("报告提出，今年经济社会发展的主要预期目标是：\n◆地区生产总值增长5%；\n◆城镇新增就业人数110万人以上；\n"
            "报告指出，全省工业增加值增长4.4%。")
    got = facts(text)
    assert {f[4] for f in got if f[0] in ("地区生产总值", "城镇新增就业")} == {"target"}
    assert ("规上工业增加值", None, None, None, "actual", 4.4, "%") not in got  # named 工业增加值, an actual
    assert {f[4] for f in got if f[5] == 4.4} == {"actual"}


def test_a_review_heading_and_a_target_heading_in_a_digest():
    text = ("政府工作报告摘要\n长江日报 2025年01月17日\n■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n"
            "■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n●城镇新增就业70万人以上")
    got = facts(text)
    assert ("地区生产总值", 2024, 1, 12, "actual", 6.0, "%") in got
    assert ("城镇新增就业", 2025, 1, 12, "target", 70.0, "万人") in got


def test_numbered_targets_under_a_target_heading():
    text = "一、经济社会发展的主要预期目标\n1.努力实现地区生产总值增长6.2%左右。\n牵头单位：区发改局\n2.固定资产投资增长15%左右。"
    got = facts(text)
    assert {f[4] for f in got} == {"target"} and {f[5] for f in got} == {6.2, 15.0}
