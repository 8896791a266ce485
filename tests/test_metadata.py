"""Document metadata from titles and page metadata tables."""

from __future__ import annotations

import pytest

from zibo_cli.extract.metadata import classify, document_period, extract_metadata, find_title
from zibo_cli.models import REPORT, TASK_TABLE, UNKNOWN
from zibo_cli.normalize import normalize


@pytest.mark.parametrize(
    "title, months",
    [
        ("2024年上半年全市经济社会发展主要目标任务进展情况", (1, 6)),
        ("2022年下半年工作情况", (7, 12)),
        ("2024年度全市经济社会发展主要目标任务三季度进展情况通报", (1, 9)),
        ("2021年前三季度全市经济运行情况", (1, 9)),
        ("2023年全市经济社会发展第二季度目标任务完成情况", (4, 6)),
        ("2023年第一季度目标任务完成情况", (1, 3)),
        ("2022年1-5月全市经济运行情况", (1, 5)),
        ("2022年1—11月份全市主要经济指标", (1, 11)),
        ("2020年全市经济社会发展年度目标任务完成情况", (1, 12)),
    ],
)
def test_document_period_from_title(title, months):
    p = document_period(title)
    assert (p.start_month, p.end_month) == months


def test_title_skips_site_header_and_reads_the_title_line():
    text = "淄博市人民政府\n2022年一季度全市经济运行情况\n一季度，全市地区生产总值增长4.8%。"
    assert find_title(text) == "2022年一季度全市经济运行情况"


def test_metadata_table_of_a_government_page():
    raw = (
        "淄博市人民政府\n"
        "| 標(biāo)題: | 2021年上半年經(jīng)濟運行情況 | ||\n"
        "|---|---|---|---|\n"
        "| 索引號(hào): | 11370300004224423Q/2021-0001 | 文號(hào): | |\n"
        "| 發(fā)文日期: | 2021-7-9 | 發(fā)布機構(gòu): | 淄博市統(tǒng)計局 |\n"
        "上半年,全市地區(qū)生產(chǎn)總值增長(zhǎng)10.1%。"
    )
    m = extract_metadata(normalize(raw).text)
    assert m.title == "2021年上半年经济运行情况"
    assert (m.year, m.start_month, m.end_month) == (2021, 1, 6)
    assert m.published == "2021-07-09"
    assert m.publisher == "淄博市统计局"
    assert m.index_no == "11370300004224423Q/2021-0001"
    assert m.doc_no is None
    assert m.doc_type == REPORT


def test_chinese_date_and_year_from_publication_when_title_has_none():
    text = "全市经济运行情况\n发布日期：2022年3月5日\n全市地区生产总值增长5%。"
    m = extract_metadata(text)
    assert m.published == "2022-03-05" and m.year == 2022


def test_classify():
    header = "序号\t年度目标\t第3季度目标\t是否完成\t具体工作进展\t未完成原因\t责任单位"
    assert classify("标题\n" + header + "\n1\t…") == TASK_TABLE
    assert classify("上半年全市地区生产总值增长5.1%。") == REPORT
    assert classify("通知\n请各单位做好准备。") == UNKNOWN


def test_reader_metadata_wins_over_labels_in_the_text():
    from zibo_cli.models import SourceText

    text = "2023年前三季度经济运行情况\n发布时间：2023-10-28 来源：淄博日报\n前三季度，全市地区生产总值增长5%。"
    src = SourceText(text=text, encoding="utf-8", format="html",
                     meta={"published": "2023-10-26", "publisher": "淄博市统计局"})
    m = extract_metadata(text, src)
    assert (m.published, m.publisher) == ("2023-10-26", "淄博市统计局")
    assert extract_metadata(text).published == "2023-10-28"  # without a reader, the text's label counts
