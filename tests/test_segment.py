"""extract.segment: each line of a document as chrome, row, heading, item, headline or paragraph."""

from __future__ import annotations

from zibo_cli.extract.segment import segment

PAGE = """首页 > 政务公开 > 统计数据
某市一季度GDP增长5.3%
发布时间：2024-04-20 来源：某市统计局 浏览次数：120
一季度，全市经济开局良好。
一、工业生产
（二）投资持续承压。1-2月，全区固定资产投资下降3%。
1.地区生产总值增长6%左右。
◆固定资产投资增长4%；
序号\t任务\t责任单位
扫一扫在手机上查看当前页面"""


def kinds(text):
    return [(s.kind, s.text.strip()[:6]) for s in segment(text)]


def test_each_line_gets_its_kind():
    assert [k for k, _ in kinds(PAGE)] == ["chrome", "headline", "chrome", "paragraph", "heading", "heading",
                                           "item", "item", "row", "chrome"]


def test_a_heading_that_runs_on_into_its_paragraph():
    seg = [s for s in segment(PAGE) if s.text.startswith("（二）")][0]
    assert seg.level == 2 and seg.heading_text == "（二）投资持续承压。"
    assert seg.body.startswith("1-2月")


def test_offsets_point_at_the_lines():
    for s in segment(PAGE):
        assert PAGE[s.offset:s.offset + len(s.text)] == s.text


def test_a_long_line_that_starts_like_a_heading_is_a_paragraph():
    line = "一、" + "经济运行稳中有进，" * 10 + "全市地区生产总值增长5%"
    assert [s.kind for s in segment(line)] == ["paragraph"]


def test_square_bullets_open_sections_round_ones_are_items():
    text = "■ 2025年主要预期目标\n●经济增长6%左右"
    assert [(s.kind, s.level) for s in segment(text)] == [("heading", 1), ("item", 0)]


def test_no_headline_after_the_body_has_started():
    text = "1-5月，全市规上工业增加值增长5%。\n短行没有句号"
    assert [s.kind for s in segment(text)] == ["paragraph", "paragraph"]
