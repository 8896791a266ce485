"""Metadata of reports the seeds do not show: other titles and periods, titles
split over lines or under site furniture, dates and publishers in other forms."""

from __future__ import annotations

import pytest

from zibo_cli.extract.metadata import document_period, extract_metadata, find_title, read_meta_fields
from zibo_cli.normalize import normalize

BODY = "\n全市地区生产总值增长5%。"


def meta(text: str):
    return extract_metadata(normalize(text).text)


@pytest.mark.parametrize("title, year, months", [
    # the documented rules
    ("2024年上半年全市经济社会发展主要目标任务进展情况", 2024, (1, 6)),
    ("2024年前三季度全市经济运行情况", 2024, (1, 9)),
    ("2024年度全市经济社会发展主要目标任务三季度进展情况通报", 2024, (1, 9)),
    ("2023年全市经济社会发展第二季度目标任务完成情况", 2023, (4, 6)),
    # other quarters and forms
    ("关于2022年一季度全市经济社会发展主要目标任务完成情况的通报", 2022, (1, 3)),
    ("2022年第一季度全市重点工作任务推进情况", 2022, (1, 3)),
    ("2021年第三季度目标任务完成情况", 2021, (7, 9)),
    ("2024年第三季度全市主要经济指标", 2024, (7, 9)),
    ("2024年1-3季度经济运行情况", 2024, (1, 9)),
    ("2021年1-11月全市经济运行简况", 2021, (1, 11)),
    ("2023年1—2月份全市经济运行情况", 2023, (1, 2)),
    ("2023年1月份全市经济运行简况", 2023, (1, 1)),
    ("截至2024年9月底全市重点项目进展情况", 2024, (1, 9)),
    # the whole year
    ("淄博市2023年国民经济和社会发展统计公报", 2023, (1, 12)),
    ("2024年度全市经济社会发展主要目标任务第四季度(全年)完成情况", 2024, (1, 12)),
    ("2024年度全市经济社会发展主要目标任务第四季度（全年）完成情况", 2024, (1, 12)),
    ("2023年四季度暨全年目标任务完成情况", 2023, (1, 12)),
    ("2023年全市经济运行情况", 2023, (1, 12)),
    ("2021年全市经济社会发展主要目标任务完成情况", 2021, (1, 12)),
    # a year in Chinese numerals
    ("二〇二三年上半年全市经济运行情况", 2023, (1, 6)),
])
def test_titles_give_year_and_months(title, year, months):
    m = meta(title + BODY)
    assert m.title == normalize(title).text  # half-width brackets become （）
    assert m.year == year
    assert (m.start_month, m.end_month) == months


def test_quarter_without_di_follows_the_progress_rule():
    # 三季度 in a progress report (情况/通报/进展) counts the year to date; 第三季度 is the quarter
    assert (document_period("2022年二季度重点任务完成情况").end_month) == 6
    assert (document_period("2022年二季度重点任务完成情况").start_month) == 1
    assert document_period("2022年第二季度重点任务完成情况").start_month == 4


def test_no_year_no_period():
    assert document_period("全市经济运行情况") is None


@pytest.mark.parametrize("text, title", [
    ("2024年全市经济社会发展\n主要目标任务进展情况\n\n今年以来，全市经济运行稳中向好。",
     "2024年全市经济社会发展主要目标任务进展情况"),
    ("关于2022年一季度全市经济社会发展主要\n目标任务完成情况的通报\n各区县人民政府：\n现将有关情况通报如下。",
     "关于2022年一季度全市经济社会发展主要目标任务完成情况的通报"),
    ("淄博市人民政府\n首页 > 政务公开 > 政府信息公开 > 统计信息\n2021年1-11月全市经济运行简况\n1-11月，全市经济平稳。",
     "2021年1-11月全市经济运行简况"),
    ("当前位置：首页 » 数据发布\n淄博市统计局\n2024年3月20日\n淄博市2023年国民经济和社会发展统计公报\n2023年，全市经济回升。",
     "淄博市2023年国民经济和社会发展统计公报"),
    ("淄博市人民政府办公室\n淄政办字〔2022〕15号\n2022年一季度全市经济运行情况\n一季度，全市经济平稳。",
     "2022年一季度全市经济运行情况"),
])
def test_find_title_past_furniture_and_over_two_lines(text, title):
    assert find_title(normalize(text).text) == title


def test_two_complete_title_lines_are_not_joined():
    text = "2023年全市经济运行情况\n2023年全市主要经济指标\n全市经济平稳。"
    assert find_title(text) == "2023年全市经济运行情况"


@pytest.mark.parametrize("line, date", [
    ("发布日期：2024年11月3日", "2024-11-03"),
    ("发布日期：2024/11/03", "2024-11-03"),
    ("发布时间：2024-11-03 10:20", "2024-11-03"),
    ("发文日期：2024.11.3", "2024-11-03"),
    ("成文日期：二〇二四年十一月三日", "2024-11-03"),
])
def test_published_date_forms(line, date):
    m = meta("2024年前三季度全市经济运行情况\n" + line + BODY)
    assert m.published == date


@pytest.mark.parametrize("line, publisher", [
    ("发布机构：淄博市人民政府办公室", "淄博市人民政府办公室"),
    ("来源：淄博市统计局", "淄博市统计局"),
    ("发文机关：淄博市人民政府", "淄博市人民政府"),
    ("信息来源：淄博市统计局 发布时间：2024年01月25日 浏览次数：123", "淄博市统计局"),
    ("发布时间：2024-11-03 10:20 来源：淄博市统计局", "淄博市统计局"),
])
def test_publisher_forms(line, publisher):
    m = meta("2024年前三季度全市经济运行情况\n" + line + BODY)
    assert m.publisher == publisher


def test_fields_on_one_line_are_all_read():
    f = read_meta_fields("发布时间：2024-11-03 10:20 来源：淄博市统计局 浏览次数：88")
    assert f == {"published": "2024-11-03", "source": "淄博市统计局"}


def test_labels_inside_prose_are_not_fields():
    assert read_meta_fields("项目名称：某某产业园\n数据来源：国家统计局") == {}


def test_date_and_signature_at_the_end():
    m = meta("关于2022年一季度全市经济社会发展主要目标任务完成情况的通报\n各区县人民政府：\n"
             "全市地区生产总值增长5%。\n\n淄博市人民政府办公室\n2022年4月20日")
    assert m.published == "2022-04-20" and m.publisher == "淄博市人民政府办公室"


def test_date_under_the_issuing_bodies():
    m = meta("淄博市统计局\n国家统计局淄博调查队\n2024年3月20日\n\n淄博市2023年国民经济和社会发展统计公报\n"
             "2023年，全市地区生产总值增长5.1%。")
    assert m.title == "淄博市2023年国民经济和社会发展统计公报"
    assert m.published == "2024-03-20"
    assert m.publisher == "淄博市统计局、国家统计局淄博调查队"
    assert (m.year, m.start_month, m.end_month) == (2023, 1, 12)


def test_labelled_fields_win_over_a_signature():
    m = meta("2023年全市经济运行情况\n发布日期：2024-01-26 来源：淄博市人民政府\n全市增长5%。\n淄博市统计局\n2024年1月25日")
    assert m.published == "2024-01-26" and m.publisher == "淄博市人民政府"


def test_page_without_a_title_row():
    raw = ("| 索引號: | 11370300004224423Q/2024-1 | 文號: | 淄政辦字〔2024〕1號 |\n"
           "| 發文日期: | 2024-11-03 | 發布機構: | 淄博市人民政府辦公室 |\n\n"
           "2024年度全市經濟社會發展主要目標任務三季度進展情況通報\n全市地區生產總值增長5.3%。")
    m = meta(raw)
    assert m.title == "2024年度全市经济社会发展主要目标任务三季度进展情况通报"
    assert (m.year, m.start_month, m.end_month) == (2024, 1, 9)
    assert m.published == "2024-11-03" and m.publisher == "淄博市人民政府办公室"
    assert m.doc_no == "淄政办字〔2024〕1号"


def test_document_number_line():
    m = meta("淄博市人民政府办公室\n淄政办字〔2022〕15号\n2022年一季度全市经济运行情况" + BODY)
    assert m.doc_no == "淄政办字〔2022〕15号"
