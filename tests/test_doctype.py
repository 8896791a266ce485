"""extract.doctype: a document's type from typed evidence; the rules are data (doc_types.tsv),
each with an example the test runs."""

from __future__ import annotations

import pytest

from zibo_cli.extract.doctype import MODE, TYPES, Evidence, classify, rules
from zibo_cli.extract.frame import document_frame
from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.extract.segment import segment


@pytest.mark.parametrize("rule", rules(), ids=lambda r: f"{r.type}:{r.where}:{r.line}")
def test_every_rule_matches_its_example(rule):
    if rule.where == "table":
        return  # the evidence is the document's task table, not a text
    assert rule.pattern.search(rule.example), f"doc_types.tsv:{rule.line}: {rule.example!r}"
    # the words read off the pattern, one of which every match holds (a text with none is not searched)
    assert rule.needs is None or any(w in rule.pattern.search(rule.example)[0] for w in rule.needs)


@pytest.mark.parametrize("pattern, text, needs", [
    (r"(?:过去|刚刚过去)的?一年|\d{4}\s*年工作回顾|今年(?:经济)?的?主要目标", "今年主要目标", ("一年", "年工作回顾", "主要目标")),
    (r"(?<!简)分析(?!会)|形势(?:报告)?", "形势报告", ("分析", "形势")),
    (r"召开|(?:分析|调度)会", "调度会", ("召开", "会")),
    (r"(?:\d{1,2}\s*月|本月)", "3月", ("月", "本月")),
    (r"(?:的)?通报", "通报", ("通报",)),
    (r"年?报|报告", "年报", ("报", "报告")),
    (r"\d+|报告", "12", None),  # a branch with no plain character that must be there
    (r"(?i)gdp", "GDP", None),
    (r".", "x", None),
])
def test_the_words_a_pattern_needs(pattern, text, needs):
    import re

    from zibo_cli.extract.doctype import required_words

    assert required_words(re.compile(pattern)) == needs
    assert re.search(pattern, text) and (needs is None or any(w in text for w in needs))


def test_every_type_has_rules_and_every_mode_names_a_type():
    assert {r.type for r in rules()} == set(TYPES)
    assert set(MODE) <= set(TYPES)


def doc_type(text: str, **kw) -> str:
    meta = extract_metadata(text)
    return document_frame(text, meta, segment(text), **kw).type


@pytest.mark.parametrize("text, expected", [
    ("某县2024年国民经济和社会发展统计公报\n某县统计局\n初步核算，全年实现地区生产总值152.8亿元，比上年增长3.4%。",
     "bulletin_gongbao"),
    ("2025年政府工作报告\n各位代表：现在，我代表县人民政府向大会报告工作。\n过去一年，全县地区生产总值增长6%。",
     "work_report"),
    ("本报讯（记者 张三）1月9日，某区第三届人民代表大会第五次会议开幕。区长李四作政府工作报告。报告指出，2024年全区地区生产总值增长6%。",
     "news_about_report"),
    ("关于某市2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n各位代表：\n2024年全市地区生产总值增长5%。",
     "plan_execution"),
    ("关于某市2025年上半年国民经济和社会发展计划执行情况的报告\n上半年，全市地区生产总值增长5.6%。",
     "progress_on_report"),
    ("关于《政府工作报告》确定的2025年重点工作上半年完成情况的通报\n上半年，全市地区生产总值增长5.6%。",
     "progress_on_report"),
    ("某区2025年经济工作要点\n主要目标：地区生产总值增长6%左右。", "plan"),
    ("“十三五”时期全市经济社会发展成就\n过去五年，全市地区生产总值年均增长6.5%。", "five_year_review"),
    ("某县年鉴2023\n【概况】某县1958年建县。全年地区生产总值86.3亿元。", "yearbook"),
    ("关于1-9月民生工程实施进度的通报\n截至9月底，3个项目进度滞后，牵头单位：县住建局。", "task_bulletin"),
    ("经济运行简况（2025年6月）\n1-6月，全市规模以上工业增加值增长6.1%。", "monthly_brief"),
    ("上半年全市经济运行分析\n上半年，全市地区生产总值增长5.1%。当前经济运行中存在的问题：需求不足。", "analysis"),
    ("1-5月份全市经济运行情况\n1-5月，全市规模以上工业增加值增长9.2%。", "stats_release"),
])
def test_written_documents_of_each_type(text, expected):
    assert doc_type(text) == expected


def test_a_task_table_is_its_evidence():
    assert doc_type("某表\n序号\t任务\t进展\n1\t建成公厕\t已完成", task_table=True) == "task_table"


def test_no_cue_at_all():
    assert classify(Evidence(body="今天天气很好。"), has_figures=False) == ("other", ["no cue: none"])
    # figures alone do not make a statistics office's release (the README's last rule: other)
    assert classify(Evidence(body="增长5%"), has_figures=True) == ("other", ["no cue: figures"])
    # a release says what it is somewhere: its publisher, title or lead
    assert classify(Evidence(body="增长5%", publisher="某市统计局"), has_figures=True)[0] == "stats_release"


def test_a_journalists_lead_makes_a_news_item_whatever_else_the_text_holds():
    from zibo_cli.extract.doctype import Evidence, classify
    ev = Evidence(head="全市民生实事项目进展顺利", lead="本报讯（记者 张三）1-6月，全市民生实事项目完成投资5亿元。",
                  body="本报讯（记者 张三）民生实事项目进度滞后3个，牵头单位：市发改局。")
    assert classify(ev)[0] == "news_about_report"
    # 近日 alone is weak evidence: a progress report that opens with it keeps its kind
    ev = Evidence(head="2021年上半年政府工作报告重点工作完成情况", lead="近日，根据市政府要求，现将上半年重点工作完成情况报告如下。")
    assert classify(ev)[0] == "progress_on_report"


def test_a_table_of_tasks_is_a_task_table_whoever_wrote_it():
    from zibo_cli.extract.doctype import Evidence, classify
    ev = Evidence(head="2023年重点工作一季度进展情况", table="task table")
    assert classify(ev)[0] == "task_table"


def test_a_page_that_is_a_table_of_one_months_figures_is_a_monthly_brief():
    table = ("2013年7月社会消费品零售总额\n金额单位:万元 | | |\n项目 | 本月 | 1-本月 | 增长(%) |\n"
             + "".join(f"指标{i} | {i * 101.5} | {i * 990.2} | {i / 3:.1f} |\n" for i in range(1, 12)))
    f = frame_of(table)
    assert f.type == "monthly_brief"
    # prose with the same figures is not a table
    prose = "2013年7月，全市社会消费品零售总额20.6亿元，同比增长12.9%。" * 4
    assert frame_of(prose).type != "monthly_brief"


def frame_of(text):
    from zibo_cli.extract.frame import document_frame
    return document_frame(text, extract_metadata(text), segment(text))


@pytest.mark.parametrize("lead, body", [
    ("中商情报网讯：前三季度，甘肃省生产需求不断改善。", ""),
    ("甘孜日报讯 2020年我州重点项目250个，完成投资80亿元。", ""),
    ("今年芗城区教育建设重点项目共9个。", "来源：东南网"),
])
def test_news_sites_words_make_a_news_item(lead, body):
    from zibo_cli.extract.doctype import Evidence, classify
    ev = Evidence(head="某区今年9个教育建设重点项目均已开工", lead=lead, body=lead + "\n" + body)
    assert classify(ev)[0] == "news_about_report"


def test_a_government_sites_source_line_is_not_news():
    from zibo_cli.extract.doctype import Evidence, classify
    ev = Evidence(head="1-5月全市经济运行情况", lead="1-5月，全市规上工业增加值增长6%。",
                  body="1-5月，全市规上工业增加值增长6%。\n来源：某市人民政府网")
    assert classify(ev)[0] != "news_about_report"


def test_a_statistics_offices_answers_to_journalists_are_its_own_words_not_a_news_item():
    from zibo_cli.extract.doctype import Evidence, classify
    body = ("上半年，国民经济恢复向好。国内生产总值同比增长5.5%。\n"
            "国家统计局新闻发言人就2023年上半年国民经济运行情况答记者问。")
    ev = Evidence(head="2023年上半年国民经济运行情况", lead="上半年，国民经济恢复向好。", body=body,
                  publisher="国家统计局")
    assert classify(ev)[0] == "stats_release"
