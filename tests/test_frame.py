"""extract.frame: the year and months a document's figures cover, from weighed evidence."""

from __future__ import annotations

import pytest

from zibo_cli.extract.frame import BULLETIN, WORK_REPORT, data_years, document_frame
from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.extract.segment import segment


def frame(text):
    meta = extract_metadata(text)
    return document_frame(text, meta, segment(text))


def test_a_news_page_headline_gives_the_period():
    f = frame("来源：某报\n某市一季度GDP增长5.3%\n全市地区生产总值同比增长5.3%，比上年同期提高0.5个百分点。")
    assert (f.start_month, f.end_month) == (1, 3)
    assert any(e.startswith("headline") for e in f.evidence)


def test_the_lead_gives_the_period_the_cumulative_one_wins():
    f = frame("5月份，全市规上工业增加值增长4%。1-5月，全市规上工业增加值增长6%。")
    assert (f.start_month, f.end_month) == (1, 5)


def test_a_comparison_base_is_never_the_data_year():
    f = frame("一季度GDP同比增长12%，比2022年提高1.2个百分点。")
    assert f.year is None and (f.start_month, f.end_month) == (1, 3)
    assert frame("1—2月份，全市规上工业增加值增长8.1%，创下2022年以来的新高。").year is None
    assert frame("全市规上工业增加值比2019年同期增长13.5%。").year is None


@pytest.mark.parametrize("text, years", [
    ("2024年以来，全市经济", []), ("比2023年增长", []), ("到2025年全面建成", []),
    ("2024年上半年全市经济", [2024]), ("2023年前三季度", [2023]), ("《2023年统计公报》显示", []),
    ("2022年同期为增长4.1%", [2022]),
])
def test_data_years(text, years):
    assert [y for _, y in data_years(text)] == years


def test_a_release_published_in_august_with_no_period_in_its_title():
    text = "全市经济运行情况\n发布时间：2024-08-05\n上半年，全市地区生产总值增长5%。"
    f = frame(text)
    assert (f.year, f.start_month, f.end_month) == (2024, 1, 6)


def test_a_period_that_ends_after_publication_is_last_year():
    f = frame("发布时间：2025-01-22\n前三季度，全市地区生产总值增长5%。")
    assert (f.year, f.start_month, f.end_month) == (2024, 1, 9)


def test_a_work_report_reviews_the_year_before_and_targets_its_own():
    text = ("——2016年1月6日在某市人民代表大会上\n各位代表：现在，我代表市人民政府，向大会报告政府工作。\n"
            "预计，全市实现地区生产总值1360亿元，增长9.4%。")
    f = frame(text)
    assert f.kind == WORK_REPORT and (f.year, f.target_year) == (2015, 2016)


def test_a_work_report_year_from_the_two_years_it_names():
    f = frame("省长代表省政府向大会报告工作。报告回顾了 2023 年工作，同时提出了 2024 年工作总体要求。")
    assert (f.year, f.target_year) == (2023, 2024)


def test_a_bulletin_covers_its_whole_year():
    f = frame("某县2007年国民经济和社会发展统计公报\n2007年，全县生产总值增长12.5%。")
    assert f.kind == BULLETIN and (f.year, f.start_month, f.end_month) == (2007, 1, 12)


def test_a_year_at_the_start_of_the_lead_and_nothing_narrower_is_the_whole_year():
    f = frame("2010年，全区经济保持平稳较快增长。\n全年实现生产总值150亿元，增长15.3%。")
    assert (f.year, f.start_month, f.end_month) == (2010, 1, 12)


def test_no_evidence_no_year():
    f = frame("全市规上工业增加值增长5%，固定资产投资增长3%。")
    assert f.year is None


def test_a_bare_quarter_compared_with_the_half_year_makes_the_frame_cumulative():
    text = "三季度，全县实现地区生产总值172.85亿元，同比增长5.2%，比上半年高2.4个百分点。"
    meta = extract_metadata(text)
    frame = document_frame(text, meta, segment(text))
    assert frame.cumulative_quarters and (frame.start_month, frame.end_month) == (1, 9)
    assert any("from January" in e for e in frame.evidence)
    text = "三季度，全县实现地区生产总值62.2亿元，同比增长5.2%，比二季度高1.0个百分点。"
    frame = document_frame(text, extract_metadata(text), segment(text))
    assert not frame.cumulative_quarters and (frame.start_month, frame.end_month) == (7, 9)


def test_a_work_report_that_names_only_the_year_it_reviews():
    f = frame("区长向大会作政府工作报告。报告指出，2024年是我区负重前行的一年。\n预计实现地区生产总值1507亿元、增长7.8%左右。")
    assert f.kind == WORK_REPORT and (f.year, f.target_year) == (2024, 2025)


def test_what_the_coming_year_is_to_be_is_no_review():
    f = frame("区长作政府工作报告。2025年是“十四五”规划收官之年。\n"
              "今年主要预期目标：地区生产总值增长5%左右。")
    assert (f.year, f.target_year) == (2024, 2025)


def test_a_work_report_estimating_the_year_just_ended():
    f = frame("省长作《政府工作报告》时称，预计2024年该省GDP迈上14万亿元新台阶。进出口总额增长13.7%。")
    assert f.kind == WORK_REPORT and (f.year, f.target_year, f.start_month, f.end_month) == (2024, 2025, 1, 12)


def test_a_target_a_review_says_was_met_is_of_the_year_reviewed():
    from zibo_cli.extract.indicators import extract_observations

    text = "省长作《政府工作报告》时称，预计2024年全省GDP增长5%。城镇新增就业超196万人、超额完成国家下达的151万人年度任务。"
    got = {(o.name, o.year, o.kind, o.value) for o in extract_observations(text, extract_metadata(text))}
    assert ("城镇新增就业", 2024, "target", 151.0) in got and ("城镇新增就业", 2024, "actual", 196.0) in got


# The issue's shapes of a misread document (#31), each written here.

def test_an_in_year_report_on_a_plan_is_that_years_period_not_a_review():
    f = frame("关于某市2025年上半年国民经济和社会发展计划执行情况的报告\n上半年，全市地区生产总值增长5.6%。")
    assert (f.type, f.year, f.start_month, f.end_month) == ("progress_on_report", 2025, 1, 6)


def test_a_dateline_is_not_the_data_year():
    f = frame("某市统计局\n2025年3月20日\n2024年，全市地区生产总值增长5.2%。一般公共预算收入增长3%。")
    assert f.year == 2024


def test_the_year_only_inside_a_title():
    f = frame("市长作了《关于某市2025年上半年国民经济和社会发展计划执行情况的报告》。上半年GDP增长6.2%。")
    assert f.year == 2025 and (f.start_month, f.end_month) == (1, 6)


def test_a_headline_with_an_estimate_names_the_year_reviewed():
    f = frame("某区2024年预计GDP突破300亿元\n本报讯 1月8日，区长作政府工作报告。过去一年，全区地区生产总值预计突破300亿元。")
    assert (f.year, f.target_year) == (2024, 2025)


def test_a_month_of_issue_over_a_cumulative_lead():
    f = frame("经济运行简况（2025年6月）\n1-6月，全市规模以上工业增加值增长6.1%。6月份增长5%。")
    assert (f.start_month, f.end_month) == (1, 6)
    # a title's month over a lead that opens on it and goes on to 1-5月份: the range from January
    g = frame("5月份全省经济运行情况\n5月份，全省规模以上工业增加值增长4%。1-5月份增长6%。")
    assert (g.start_month, g.end_month) == (1, 5)
    # a title's month with no range from January in the lead keeps it
    h = frame("5月份全省经济运行情况\n5月份，全省规模以上工业增加值增长4%。")
    assert (h.start_month, h.end_month) == (5, 5)


def test_a_founding_year_is_never_the_data_year():
    f = frame("某县年鉴2023\n【概况】1958年建县。全年地区生产总值86.3亿元。")
    assert f.year != 1958 and f.type == "yearbook"


def test_region_and_level():
    f = frame("临淄区2024年国民经济和社会发展统计公报\n初步核算，全年全区地区生产总值增长5%。")
    assert (f.region, f.region_level, f.year, f.start_month, f.end_month) == ("临淄区", "district", 2024, 1, 12)
    g = frame("1-5月，全县规模以上工业增加值增长9.2%。")
    assert (g.region, g.region_level) == (None, "county")


def test_a_place_named_again_and_again_is_the_region():
    text = ("上半年全市经济社会发展主要目标任务进展情况\n上半年，全市地区生产总值增长5.1%。淄博烧烤持续火热，"
            "淄博英才计划实施，淄博高质量发展扎实推进。")
    assert frame(text).region == "淄博市"


def test_what_the_user_states_wins():
    meta = extract_metadata("1-5月，全市规模以上工业增加值增长9.2%。")
    text = "1-5月，全市规模以上工业增加值增长9.2%。"
    f = document_frame(text, meta, segment(text), user={"region": "淄博市", "year": 2024})
    assert (f.region, f.region_level, f.year) == ("淄博市", "city", 2024)
    assert f.why["region"] == "user" and f.why["year"] == "user"


def test_a_title_month_over_a_cumulative_lead_gives_the_cumulative_period():
    f = frame("某区2023年10月份经济运行情况\n1-10月，全区规上工业增加值增长6.1%。")
    assert (f.year, f.start_month, f.end_month) == (2023, 1, 10)


def test_a_title_quarter_over_a_cumulative_lead_gives_the_cumulative_period():
    f = frame("某省三季度GDP同比增长4.9%\n前三季度，全省地区生产总值增长0.7%。")
    assert (f.start_month, f.end_month) == (1, 9)


def test_a_half_year_progress_title_is_the_first_half():
    f = frame("2022年区政府工作报告目标任务半年完成情况\n地区生产总值增长4.1%，完成年度目标的45%。")
    assert (f.year, f.start_month, f.end_month) == (2022, 1, 6)
    assert frame("2022年下半年工作安排\n全区地区生产总值增长4.1%。").end_month != 6


def test_a_work_report_without_a_year_still_reviews_a_whole_year():
    f = frame("政府工作报告\n各位代表：现在，我代表县人民政府向大会报告工作。\n过去一年，全县地区生产总值增长6%。")
    assert f.year is None and (f.start_month, f.end_month) == (1, 12)


@pytest.mark.parametrize("text, year", [
    # the last whole year it writes, an estimate (预计) included; a quarter after it is not a whole year
    ("“十三五”时期全国经济社会发展成就\n“十三五”以来，2019年国内生产总值达到99.1万亿元。2020年一季度国内生产总值同比下降6.8%。", 2019),
    ("过去五年全市发展回顾\n过去五年，全市地区生产总值年均增长8%，预计2016年港口货物吞吐量5.4亿吨。", 2016),
    # never past the plan's end, never a target
    ("“十二五”时期全市发展成就\n“十二五”时期，全市生产总值年均增长9%，2015年达到800亿元，力争2020年突破1200亿元。", 2015),
    # nothing written: the plan's last year
    ("“十四五”时期全县发展成就\n“十四五”时期，全县地区生产总值年均增长7%。", 2025),
])
def test_a_five_year_review_describes_its_last_whole_year(text, year):
    f = frame(text)
    assert f.type == "five_year_review"
    assert (f.year, f.start_month, f.end_month) == (year, 1, 12)


def test_places_named_to_be_left_out_are_not_the_region():
    f = frame("某统计年鉴2017\n本年鉴的资料范围包括全国除香港特别行政区、澳门特别行政区和台湾省以外的所有乡镇。全国乡镇2016年财政收入增长5%。")
    assert f.region == "全国" and f.region_level == "nation"


def test_a_province_short_name_in_the_title_with_the_level_the_text_says():
    f = frame("四川700个省重点项目提前实现投资进度过半\n6月14日，记者从省发展改革委获悉，1—5月，700个省重点项目年度投资完成率为56.5%。")
    assert (f.region, f.region_level) == ("四川省", "province")
    # a short name with no level word in the text is not enough
    assert frame("四川700个重点项目提前实现投资进度过半\n1—5月，700个重点项目年度投资完成率为56.5%。").region is None


def test_a_news_lead_in_a_heading_line_gives_the_region():
    f = frame("清水十件惠民实事进展顺利\n□特约记者某某\n【本报讯】今年上半年，清水县委、县政府狠抓10件实事的办理，完成投资2603万元。")
    assert f.region == "清水县"


@pytest.mark.parametrize("text, year", [
    # the year of an in-year document's tasks or plan, written before them
    ("民生实事推进情况\n截至今年7月，相城区2023年民生实事31个项目已完工20个。", 2023),
    ("项目建设开复工情况\n为掌握2019年全县各项目建设开复工情况，县督查室对38个项目进行了督查。", 2019),
    ("一季度工作情况汇报\n围绕2018年主要目标任务，全镇完成固定资产投资1.2亿元。", 2018),
])
def test_the_year_of_the_tasks_an_in_year_text_names(text, year):
    assert frame(text).year == year


def test_a_deadline_or_a_base_is_not_that_year():
    assert frame("项目建设情况\n今年以来，项目计划2025年重点推进，完成投资1.2亿元，比2019年全县水平高3%。").year is None


def test_a_news_pages_time_stamp_inside_a_line_dates_it():
    f = frame("某区今年9个教育建设重点项目均已开工\nzz.example.com 2018-06-18 08:25:37来源：某某网\n今年某区教育建设重点项目共9个，完成投资1.2亿元。")
    assert f.published == "2018-06" and f.year == 2018


def test_a_national_release_that_opens_on_its_month_is_that_months():
    f = frame("国家统计局：4月份国民经济稳定恢复\n4月份，全国规模以上工业增加值同比增长9.8%。1-4月份，全国规模以上工业增加值同比增长20.3%。")
    assert (f.region, f.start_month, f.end_month) == ("全国", 4, 4)
    # a city's release of the same shape is read from January, as the cities report
    g = frame("4月份全市经济运行情况\n4月份，全市规模以上工业增加值同比增长9.8%。1-4月份，全市规模以上工业增加值同比增长20.3%。")
    assert (g.start_month, g.end_month) == (1, 4)


def test_a_place_inside_the_region_written_right_after_it_is_the_region():
    f = frame("重庆市人民政府网\n重庆市梁平区人民政府关于我区2022年1-6月国民经济和社会发展计划执行情况的报告\n上半年，全区地区生产总值增长4%。")
    assert (f.region, f.region_level) == ("梁平区", "district")


def test_a_yearbook_table_is_dated_by_its_last_column_of_years():
    text = ("| 2-3 总产出 | | | |\n| 单位：亿元 | | | |\n| 项目 | 2005 | 2010 | 2014 |\n"
            "| 总产出 | 16995.93 | 38915.25 | 70742.78 |\n| 第一产业 | 1373.03 | 2307.05 | 3400.90 |\n"
            "| 第二产业 | 11385.95 | 26616.53 | 49700.10 |\n| 第三产业 | 4236.95 | 9991.67 | 17641.78 |\n"
            "| 工业 | 9840.1 | 22671.3 | 41234.5 |\n| 建筑业 | 1545.8 | 3945.2 | 8465.6 |\n")
    f = frame(text)
    assert f.type == "yearbook" and (f.year, f.start_month, f.end_month) == (2014, 1, 12)


def test_a_plans_document_row_has_no_period_of_actuals(tmp_path):
    from zibo_cli.pipeline import parse_file
    path = tmp_path / "plan.txt"
    path.write_text("关于印发2023年重点工作任务分工方案的通知\n各单位：现将2023年重点工作任务分工方案印发给你们。"
                    "一、地区生产总值增长6%左右。（牵头单位：区发改局）\n", encoding="utf-8")
    doc = parse_file(path)
    assert doc.meta.type == "plan" and doc.meta.target_year == 2023
    assert (doc.meta.start_month, doc.meta.end_month) == (None, None)


def test_a_progress_reports_title_year_over_a_date_to_which_it_reports():
    f = frame("2024年第五次县政府常务会议确定事项落实情况的通报\n会议确定事项43件，截止2024年6月10日，已完成16件，正在推进24件。")
    assert f.type == "task_bulletin" and (f.year, f.start_month, f.end_month) == (2024, 1, 6)
    # a deadline (10月前) is not how far it has come; a whole year's report keeps its year
    g = frame("2024年重点项目推进情况的通报\n各项目要于10月前完成送电，已完成16个项目。")
    assert (g.start_month, g.end_month) == (1, 12)


def test_a_title_inside_the_pages_header_line_is_read_as_its_title():
    text = ("当前位置：首页>>政策法规>>某省人民政府关于2021年重点工作及责任分解的通知某省人民政府关于2021年\n"
            "2021年是实施“十四五”规划的第一年。为抓好今年的政府工作报告确定的任务，现将重点工作及责任分解如下。\n"
            "一、确保完成全年主要预期目标\n1．全省生产总值增长8%。\n牵头负责领导：某某。\n")
    f = frame(text)
    assert f.type == "plan" and f.target_year == 2021 and f.year is None


def test_a_december_congress_reviews_its_own_year():
    f = frame("政府工作报告\n——2023年12月21日在某县第十八届人民代表大会第三次会议上\n各位代表：\n"
              "现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n2023年，全县地区生产总值增长6%。")
    assert (f.type, f.year, f.target_year) == ("work_report", 2023, 2024)


@pytest.mark.parametrize("text, region, level", [
    ("舒城经济开发区2021年政府工作计划\n全区地区生产总值增长8%。", "舒城经济开发区", "zone"),
    ("中山市东凤镇人民政府关于2010年预算执行情况的报告\n全镇财政收入增长8%。", "东凤镇", "township"),
])
def test_a_zone_or_township_the_title_names(text, region, level):
    f = frame(text)
    assert (f.region, f.region_level) == (region, level)


def test_no_zone_from_words_that_name_no_place():
    f = frame("关于加快高新区建设的工作方案\n全市高新区营业收入增长8%。")
    assert f.region_level != "zone" or f.region is None


def test_a_rank_in_the_nation_does_not_make_a_text_national():
    f = frame("湖北日报讯 从2010年的1.59万亿元GDP总量到2014年的2.73万亿元，从全国第11位到全国第9位。\n2011年，经济总量1.96万亿元，位列全国第10。")
    assert f.region != "全国"
    assert frame("全国规模以上工业增加值同比增长5%。").region == "全国"


def test_a_province_named_again_and_again_outweighs_a_national_comparison():
    text = ("湖北日报讯 “十二五”，见证一个中部省份的跨越。2011年，湖北经济总量1.96万亿元，位列全国第10。\n"
            "2015年前三季度，全国下行压力进一步加大的情况下，湖北经济增长8.9%，湖北工业增长8.6%，湖北投资增长16.2%。\n"
            "湖北消费增长11.6%，湖北外贸回升。")
    f = frame(text)
    assert (f.region, f.region_level) == ("湖北省", "province")


def test_a_pages_field_row_is_no_task_table_header():
    text = ("|标题：| 2024年度全市经济社会发展主要目标任务三季度进展情况通报| ||\n|索引号：| 1137/2024-1 |文号：| |\n"
            "2024年以来，全市经济社会发展呈现稳中向好态势。前三季度，全市地区生产总值增长5.9%。")
    assert frame(text).type != "task_table"
    table = "| 序号 | 项目名称 | 牵头单位 | 完成情况 |\n| 1 | 新建公厕 | 城管局 | 已完成 |\n"
    assert frame(table).type == "task_table"


def test_a_report_about_a_year_names_its_own_year_after_guanyu():
    assert data_years("关于2022年第二季度民生实事推进情况的报告") == [(2, 2022)]
    assert data_years("该县始建于1958年") == []  # a founding base, still not a data year
    f = frame("关于2022年第二季度民生实事推进情况的督查报告\n全区民生实事推进顺利，已完成投资3亿元。")
    assert f.year == 2022


def test_a_year_glued_to_its_month_in_a_title():
    meta = extract_metadata("关于202310月份民生实事项目进展情况的通报\n全县已完成投资5亿元，完成率为80%。")
    meta.title = meta.title or "关于202310月份民生实事项目进展情况的通报"
    text = "关于202310月份民生实事项目进展情况的通报\n全县已完成投资5亿元，完成率为80%。"
    f = document_frame(text, meta, segment(text))
    assert f.year == 2023


def test_a_comparison_with_a_year_end_dates_a_yearless_text_the_year_after():
    f = frame("1至9月，全区实现规上工业总产值405亿元。年末存款余额较2023年末净增30亿元。")
    assert f.year == 2024 and (f.start_month, f.end_month) == (1, 9)
    # only when nothing else gives the year
    assert frame("2025年1至9月，全区规上工业总产值405亿元，较2023年末净增30亿元。").year == 2025


def test_a_date_at_the_top_dates_a_text_that_says_this_year():
    f = frame("新闻办定于2010年10月21日上午举行发布会，介绍今年前三季度国民经济运行情况。\n"
              "前三季度，国内生产总值同比增长10.6%。")
    assert f.year == 2010 and (f.start_month, f.end_month) == (1, 9)
    # a date before the period ends is not the date of a text about that period
    assert frame("2010年3月1日讯 今年前三季度，国内生产总值同比增长10.6%。").year != 2010


def test_the_only_place_of_its_level_named_once_at_the_top_is_the_region():
    lead = "全省各级各部门认真贯彻总书记考察云南重要讲话精神，全省经济运行稳中有进。"
    f = frame(lead + "\n上半年，全省地区生产总值增长5%。")
    assert f.region == "云南省" and f.region_level == "province"
    # named once deep in the text: a passing reference, not what the text is about
    filler = "全省上下坚定信心、迎难而上，扎实推进各项工作落地见效。" * 12
    f = frame("全省经济运行稳中有进。\n" + filler + "\n上半年，全省地区生产总值增长5%，高于云南0.2个百分点。")
    assert f.region is None and f.region_level == "province"


def test_a_text_naming_no_place_that_opens_on_its_month_is_that_months():
    text = ("2019年5月份，规模以上工业增加值同比实际增长5.0%，比4月份回落0.4个百分点。"
            "1-5月份，规模以上工业增加值同比增长6.0%。")
    f = frame(text)
    assert (f.year, f.start_month, f.end_month) == (2019, 5, 5)
    # a table whose header names the month and the months to date keeps the range
    f = frame("| 项目 | 单位 |\n3月 | 1-3月累计 |\n| 社会消费品零售总额 | 万元 | 387581 | 1173850 |")
    assert (f.start_month, f.end_month) != (3, 3)
    # a text that says which place it is about keeps the range from January
    f = frame("5月份，全市规上工业增加值增长4%。1-5月，全市规上工业增加值增长6%。")
    assert (f.start_month, f.end_month) == (1, 5)


def test_a_budget_report_on_last_year_and_this_years_draft_is_dated_as_a_work_report():
    text = ("关于某县2022年预算执行情况和2023年预算草案的报告\n"
            "2022年，全县一般公共预算收入完成8.2亿元，增长5%。2023年一般公共预算收入预期增长6%。")
    f = frame(text)
    assert f.type == "other" and (f.year, f.start_month, f.end_month, f.target_year) == (2022, 1, 12, 2023)


def test_a_plan_with_no_year_in_its_title_takes_the_year_it_plans_for_from_its_body():
    f = frame("某乡工作要点\n一、2023年工作要点\n2023年是“十四五”承上启下之年。全乡预期目标：财政收入增长8%。")
    assert f.type == "plan" and f.target_year == 2023 and f.year is None


def test_a_text_comparing_the_nations_regions_is_the_nations_though_it_never_writes_quanguo():
    f = frame("5月份，规模以上工业增加值同比增长5.0%。分地区看，东部地区增长4.8%，中部地区增长6.1%，西部地区增长5.9%。")
    assert f.region is None and f.region_level == "nation"
    # a city's text keeps its own level
    f = frame("5月份，全市规上工业增加值增长5.0%，东部地区各县区增长较快，中部地区平稳。")
    assert f.region_level == "city"


def test_a_zone_or_a_township_that_calls_itself_quanqu_keeps_its_level():
    f = frame("今年以来，高新区锚定高质量发展目标。1至9月，全区经济运行平稳，高新区园区实现规上工业总产值405亿元。")
    assert f.region is None and f.region_level == "zone"
    f = frame("上半年，街道党工委团结带领全区干部群众，街道办事处完成固定资产投资3亿元，全区经济平稳。")
    assert f.region_level == "township"
    # a district's text that names its zones and towns now and then stays the district's
    f = frame("上半年，全区实现地区生产总值120亿元，增长5%。区委区政府推动各镇政府和开发区加快发展，全区经济平稳。")
    assert f.region_level == "district"


def test_news_of_a_half_year_congress_is_dated_in_its_year():
    f = frame("“我们积极争取资金，实施污水处理厂扩容改造。”日前，某镇举行半年人代会，向人大代表报告今年民生实事进展情况。"
              "2020年，该镇确定了四件民生实事。\n发布时间：2020/8/17")
    assert f.type == "news_about_report" and f.year == 2020


def test_a_deadline_is_not_the_period_a_text_covers():
    text = ("昆山今年援疆项目10月底竣工\n今年上半年，援疆工作组加大工作力度。截至6月底，污水处理厂已完工；"
            "医院分院建设项目主体完工，计划10月竣工；示范村建设投资1200万元，预计今年9月底将完成。")
    f = frame(text)
    assert (f.start_month, f.end_month) == (1, 6)
    # an estimate of a period is still the period
    f = frame("预计上半年全县GDP增长6.3%以上，规上工业增加值增长7%。")
    assert (f.start_month, f.end_month) == (1, 6)


def test_a_township_the_title_names_and_the_text_names_again_and_again():
    text = ("菁芜洲镇2024年度政府工作计划\n菁芜洲镇位于县城北部。2024年，菁芜洲镇将推进产业发展，"
            "菁芜洲镇财政收入预期增长5%，全县重点项目落地菁芜洲镇。")
    f = frame(text)
    assert (f.region, f.region_level) == ("菁芜洲镇", "township")


def test_news_of_a_years_tasks_and_their_progress_is_dated_in_that_year():
    f = frame("人大代表视察某镇2021年民生实事项目推进情况\n2021-12-25\n12月22日，某镇人大组织人大代表视察民生实事项目。"
              "十件民生实事项目由人大代表在2021年3月召开的镇人大会议上投票决定，现已全部完成，完成投资1.2亿元。")
    assert f.type == "news_about_report" and f.year == 2021


def test_a_text_of_targets_only_is_a_plan_for_the_year_it_writes_with_them():
    f = frame("某镇经济和社会发展主要目标\n2021年全镇经济和社会发展的主要目标是：地区生产总值增长10%，财政收入突破6800万元，"
              "固定资产投资增长12%以上。\n发布时间：2021-12-02")
    assert f.type == "plan" and f.target_year == 2021 and f.year is None


def test_the_day_a_report_was_given_is_not_its_period():
    f = frame("重庆市人民政府关于2020年决算的报告（2021年7月26日）\n2020年，全市一般公共预算收入2095亿元，下降3.5%。")
    assert (f.year, f.start_month, f.end_month) == (2020, 1, 12)
    f = frame("通辽市统计局\n（2018年4月16日）\n2017年，全市上下深入学习。全年地区生产总值1301亿元。年末全市户籍总人口312万人。")
    assert f.year == 2017


def test_a_congress_resolution_approving_the_plan_is_other_with_the_plans_target_year():
    f = frame("（2022年1月12日某县第十八届人民代表大会第一次会议通过）\n某县第十八届人民代表大会第一次会议审议了县人民政府提出的"
              "《关于某县2021年国民经济和社会发展计划执行情况与2022年计划草案的报告》，决定批准这个报告。")
    assert f.type == "other" and f.target_year == 2022
    assert f.year is None and f.start_month is None
    # a speech's own 召开这次会议 is no journalist's 召开
    f = frame("在全县项目建设推进会议上的讲话\n同志们：\n今天，县委、县政府召开这次会议，主要是安排部署下半年工作。")
    assert f.type == "other"


def test_a_yearbook_is_of_the_year_it_says_it_records():
    f = frame("某县年鉴（2022）\n本书全面、系统地记载2021年某县政治、经济、文化、社会等方面的基本情况。全年地区生产总值86.3亿元。")
    assert f.year == 2021
    f = frame("编辑说明\n一、《某省统计年鉴-2019》是一部综合性统计资料年刊。本年鉴收录了全省和各市（州）、县（市、区）"
              "2018年经济和社会发展各方面的统计数据。")
    assert f.year == 2018


def test_the_day_a_work_report_was_given_outweighs_a_sites_title_year():
    f = frame("（某省）2020年某县人民政府工作报告（全文）\n政府工作报告\n——2021年1月6日在某县第六届人民代表大会第六次会议上\n"
              "各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。")
    assert (f.year, f.target_year) == (2020, 2021)
    f = frame("2016年某县人民政府工作报告\n2016年11月25日在某县第十七届人民代表大会第一次会议上\n各位代表：\n"
              "现在，我代表县人民政府，向大会报告工作。一、本届政府工作回顾")
    assert (f.year, f.target_year) == (2016, 2017)


def test_a_half_years_summary_written_before_june_was_out_tells_the_year_to_may():
    f = frame("区工信局2023年上半年工作总结和下半年工作打算\n一、上半年工作完成情况\n1-5月，全区规上工业总产值86亿元，"
              "同比增长6.5%，完成年度目标任务的41%。\n二、下半年工作打算")
    assert (f.year, f.start_month, f.end_month) == (2023, 1, 5)
