"""The classes of misreading real reports showed, one test each, on sentences written for them:
names (regions, headline tags, 均, shared heads, 剔除 qualifiers, 跨上台阶, old names), numbered
items whose label is the subject (with a target derived from a stated gap), and damaged text."""

from __future__ import annotations

from zibo_cli.extract.indicators import extract_observations
from zibo_cli.extract.metadata import extract_metadata


def obs(text):
    return extract_observations(text, extract_metadata(text))


def facts(text):
    return {(o.name, o.kind, o.value, o.unit) for o in obs(text)}


def test_a_headline_tag_is_no_name():
    got = obs("数据速递 | 同比增长8.8%")
    assert got == []


def test_both_names_of_a_jun_figure():
    assert facts("上半年，出口和进口均增长6%左右。") == {("出口", "actual", 6.0, "%"), ("进口", "actual", 6.0, "%")}


def test_the_shared_head_that_makes_catalogue_names():
    got = facts("城镇居民、农村居民人均可支配收入分别增长5.1%、6.3%。")
    assert got == {("城镇居民人均可支配收入", "actual", 5.1, "%"), ("农村居民人均可支配收入", "actual", 6.3, "%")}


def test_an_exclusion_is_a_qualifier_not_part_of_the_name():
    (o,) = obs("上半年，税收收入剔除留抵退税因素后增长4.2%。")
    assert (o.name, o.value, o.qualifier) == ("税收收入", 4.2, "剔除留抵退税因素")


def test_crossing_a_threshold():
    assert ("地区生产总值", "actual", 6000.0, "亿元") in facts("全年地区生产总值首次跨上6000亿元台阶。")


def test_old_names_are_aliases_of_current_ones():
    assert {o.name for o in obs("全年公共财政预算收入增长8%，地方一般预算收入50亿元。")} == {"一般公共预算收入"}


def test_a_numbered_item_labelled_with_its_subject_and_a_derived_target():
    got = obs("2024年1-9月主要指标完成情况\n3.税收收入（第5项）：增长5.2%，低于目标1.4个百分点。\n4.进出口总额：预计下降3%左右。")
    rows = {(o.name, o.kind, o.value, o.unit, o.basis, o.derived) for o in got}
    assert ("税收收入", "actual", 5.2, "%", "yoy", False) in rows
    assert ("税收收入", "target", 6.6, "%", "yoy", True) in rows
    assert ("税收收入", "actual", -1.4, "百分点", "vs_target", False) in rows
    target = next(o for o in got if o.derived)
    assert (target.start_month, target.end_month) == (1, 12) and "低于目标1.4" in target.quote
    (trade,) = [o for o in got if o.name == "进出口"]
    assert (trade.value, trade.qualifier, trade.start_month, trade.end_month) == (-3.0, "预计左右", 1, 9)


def test_negative_growth_written_two_ways():
    assert {o.value for o in obs("上半年，工业投资负增长7.3%，民间投资增长-7.3%。")} == {-7.3}


def test_a_decimal_cut_by_a_space():
    from zibo_cli.normalize import normalize

    text = normalize("全年全市完成固定资产投资98. 6亿元。").text
    assert ("固定资产投资", "actual", 98.6, "亿元") in facts(text)


def test_words_left_of_a_comparison_are_no_name():
    got = facts("上半年，全市规上工业增加值增长9.1%，比全省（7.4%）和全国（6.3%）平均水平分别高1.7、2.8个百分点。")
    assert {n for n, *_ in got} == {"规上工业增加值"}


def test_period_words_inside_a_name_are_no_name():
    """累计, 当月, 1-2月 inside or after a name say the figure's period, read from the sentence."""
    got = {(o.name, o.value, o.start_month, o.end_month) for o in obs(
        "2025年1-3月，全县规上工业累计产值同比增长9.1%；限上零售业1-3月零售额增长4.4%。"
        "3月份，规模以上工业企业当月产值增长2.2%。")}
    assert got == {("规上工业产值", 9.1, 1, 3), ("限上零售业零售额", 4.4, 1, 3), ("规模以上工业企业产值", 2.2, 3, 3)}


def test_a_scope_word_before_a_share_is_no_name():
    (o,) = obs("2025年1-3月，开发区产值全县占比31.5%。")
    assert (o.name, o.measure, o.value) == ("开发区产值", "share", 31.5)


def test_a_place_opening_a_clause_is_the_region_of_the_figures_after_it():
    """酒泉保持领先，GDP总量…: the city's figures, not the province's (the report is the province's)."""
    got = {(o.name, o.value, o.region) for o in obs(
        "2022年上半年甘肃省经济运行简况\n上半年，全省地区生产总值5012.6亿元。"
        "分市州看，酒泉保持领先，GDP总量812.4亿元，同比增长3.2%。张掖紧随其后，GDP总量400.5亿元。")}
    assert got == {("地区生产总值", 5012.6, "甘肃省"), ("地区生产总值", 812.4, "酒泉市"),
                   ("地区生产总值", 3.2, "酒泉市"), ("地区生产总值", 400.5, "张掖市")}


def test_a_total_of_a_catalogue_indicator_is_that_indicator():
    (o,) = obs("2024年上半年，全县固定资产投资总额增长8.3%。")
    assert (o.name, o.indicator_id, o.measure) == ("固定资产投资", "fixed_asset_investment", "growth")


def test_the_period_of_a_qizhong_part_is_not_the_paragraphs():
    """其中，6月份…: a month inside the half-year's review; the sentences after it are the half's."""
    got = {(o.name, o.start_month, o.end_month) for o in obs(
        "2024年上半年经济运行情况\n上半年，全市规上工业增加值增长8.1%。其中，6月份规上工业增加值增长5.9%。"
        "工业投资增长12.0%。")}
    assert got == {("规上工业增加值", 1, 6), ("规上工业增加值", 6, 6), ("工业投资", 1, 6)}


def test_fenbie_after_counted_items_pairs_with_the_items_not_their_counts():
    got = {(o.name, o.value) for o in obs(
        "2024年上半年，12个农业项目完成投资40.1亿元，30个工业项目完成投资98.6亿元，"
        "分别占年计划的51.2%、47.5%。") if o.unit == "%"}
    assert got == {("农业项目完成投资", 51.2), ("工业项目完成投资", 47.5)}


def test_a_name_saying_share_of_is_a_share():
    got = {(o.name, o.measure, o.value) for o in obs("2024年上半年，全县工业增加值占GDP的比重为41.5%。")}
    assert got == {("工业增加值占GDP比重", "share", 41.5)}


def test_a_set_of_projects_is_the_subject_of_its_investment_and_a_plan_is_a_target():
    got = {(o.name, o.kind, o.value) for o in obs(
        "2023年上半年，全县市重点项目12个，总投资85.2亿元，年度计划投资20.5亿元，1-6月份累计完成投资11.3亿元。")}
    # the total investment of a set of projects is their planned size, not money spent: a target
    assert got == {("市重点项目", "actual", 12.0), ("市重点项目总投资", "target", 85.2),
                   ("市重点项目年度计划投资", "target", 20.5), ("市重点项目完成投资", "actual", 11.3)}


def test_incidents_and_cases_are_counted():
    got = {(o.name, o.value, o.unit) for o in obs("2023年，全市发生生产安全事故35起，同比下降12.5%；查处违法案件210宗。"
                                                   "自2024年1月1日起施行。")}
    assert got == {("生产安全事故", 35.0, "起"), ("生产安全事故", -12.5, "%"), ("查处违法案件", 210.0, "宗")}


def test_per_capita_gdp_written_with_the_abbreviation_before_its_number():
    got = {(o.name, o.indicator_id, o.value, o.basis, o.base_period) for o in obs(
        "2015年，全县人均GDP35120元，比2010年增长61.5%。PM2.5平均浓度41微克/立方米。")}
    assert ("人均地区生产总值", "gdp_per_capita", 35120.0, None, None) in got
    # growth since a year long before is not a year-on-year growth
    assert ("人均地区生产总值", "gdp_per_capita", 61.5, "vs_period", "2010") in got
    assert not any(v == 2.5 for _, _, v, _, _ in got)


def test_profit_net_of_losses_is_the_profit():
    (o,) = obs("2015年，全县规模以上工业企业盈亏相抵后实现利润8.2亿元。")
    assert o.name == "规模以上工业企业利润"


def test_striving_to_achieve_is_a_target_not_part_of_the_name():
    got = obs("某县2025年经济社会发展计划\n努力实现地区生产总值增长6%左右，全力完成固定资产投资120亿元。\n")
    assert [(o.name, o.kind, o.value) for o in got] == [("地区生产总值", "target", 6.0), ("固定资产投资", "target", 120.0)]


def test_a_gap_to_another_series_is_no_figure_of_a_series_named_after_it():
    got = facts("某市2024年5月份经济运行\n5月份，商品零售额同比增长31.7%，增速快于全部商品零售额9.1个百分点；"
                "甲产业、乙产业增加值分别增长24.7%、17.8%，分别高于规上工业15.5个和8.6个百分点。\n")
    assert got == {("商品零售额", "actual", 31.7, "%"), ("甲产业增加值", "actual", 24.7, "%"),
                   ("乙产业增加值", "actual", 17.8, "%")}


def test_a_unit_written_once_after_the_last_value_of_a_list():
    got = obs("某市2024年5月份经济运行\n5月份，工业投资增长40.3%，制造业投资增长35.8%，分别比1-4月加快9.1个和11.0个百分点。\n")
    assert [(o.name, o.value, o.unit) for o in got if o.measure == "change"] == [
        ("工业投资", 9.1, "百分点"), ("制造业投资", 11.0, "百分点")]


def test_fenbie_with_a_verb_before_each_value_and_a_list_begun_in_the_clauses_before():
    got = obs("某市2024年5月份经济运行\n5月份，分门类看，甲矿业，乙制造业，丙供应业、丁供应业分别下降29.8%、增长6.5%和增长4.1%。"
              "子业、丑业和寅业分别下降9.8%、增长6.5%和增长4.1%。\n")
    assert [(o.name, o.value) for o in got] == [("甲矿业", -29.8), ("乙制造业", 6.5), ("丙供应业、丁供应业", 4.1),
                                                 ("子业", -9.8), ("丑业", 6.5), ("寅业", 4.1)]


def test_a_bare_measure_takes_the_subject_a_clause_before_announces():
    got = facts("某市2024年前三季度经济运行\n其中，甲业活力凸显，前三季度增加值实现200.8亿元，同比增长5.2%。"
                "乙企业增势良好，1-9月实现增加值113.2亿元。\n")
    assert got == {("甲业增加值", "actual", 200.8, "亿元"), ("甲业增加值", "actual", 5.2, "%"),
                   ("乙企业增加值", "actual", 113.2, "亿元")}


def test_a_period_written_inside_a_name_is_no_part_of_it():
    got = facts("某市2024年前三季度经济运行\n甲服务业和乙服务业前三季度共实现增加值623.1亿元。城镇居民上半年人均可支配收入增长5%。\n")
    assert ("甲服务业和乙服务业增加值", "actual", 623.1, "亿元") in got
    assert ("城镇居民人均可支配收入", "actual", 5.0, "%") in got


def test_a_sum_over_several_places_is_no_figure_of_the_documents_region():
    got = facts("某市2024年前三季度经济运行\n长三角16个城市前三季度完成规模以上工业总产值127572.46亿元，同比仅增长4.0%。"
                "全市完成规模以上工业总产值1000亿元。\n")
    assert got == {("规模以上工业总产值", "actual", 1000.0, "亿元")}


def test_provincial_and_city_projects_are_no_set_of_places():
    got = obs("某市2024年上半年经济运行\n上半年，全市实施的530个省市重点项目稳步推进。\n")
    assert [(o.value, o.unit) for o in got] == [(530.0, "个")]


def test_a_bar_that_many_things_pass_is_no_figure():
    got = facts("某省2024年5月经济运行\n其中，半数工业行业增速超过20%，高耗能行业增速回落明显。"
                "在统计的38个行业大类中，有19个行业增速在20%以上。全省工业增加值增长6%以上。\n")
    assert ("工业增加值", "actual", 6.0, "%") in got and not any(v == 20.0 for _, _, v, _ in got)
    assert got <= {("工业增加值", "actual", 6.0, "%"), ("行业大类", "actual", 38.0, "个")}  # how many there are


def test_a_rate_of_counted_projects_is_a_figure_not_a_bar():
    got = facts("某市2024年上半年经济运行\n上半年，38个老旧小区改造项目开工率达到97%。\n")
    assert ("老旧小区改造项目开工率", "actual", 97.0, "%") in got


def test_other_regions_figures_in_brackets_are_not_this_regions():
    got = facts("一季度，全市地区生产总值完成332.0亿元；同比增长7.8%，分别高于全国（7.7%）、全省（7.4%）0.4和0.7个百分点。")
    assert ("地区生产总值", "actual", 7.8, "%") in got
    assert not {v for _, _, v, u in got if u == "%"} & {7.7, 7.4}


def test_a_run_of_quarters_is_no_count():
    got = facts("上半年，地区生产总值增长8.7%，连续6个季度超过全国，5个季度超过全省。")
    assert got == {("地区生产总值", "actual", 8.7, "%")}


def test_total_is_the_figure_before_it():
    got = facts("一季度，全市地区生产总值完成332.0亿元，总量保持在全省第7位；同比增长7.8%。")
    assert ("地区生产总值", "actual", 7.8, "%") in got
    assert not any(name == "总量" for name, *_ in got)


def test_a_bar_that_several_products_all_pass_is_no_figure():
    got = facts("上半年，新能源汽车、液晶显示屏等高端产品产量均实现了50%以上的高速增长。汽车制造业增加值增长25.8%。")
    assert got == {("汽车制造业增加值", "actual", 25.8, "%")}


def test_per_head_is_not_all_of_them():
    got = facts("2023年目标：居民人均可支配收入增长7.8%以上。")
    assert ("居民人均可支配收入", "target", 7.8, "%") in got


def test_at_comparable_prices_is_no_name():
    got = facts("上半年，全区实现地区生产总值125.5亿元，可比价同比增长7.3%。全区规模工业增加值可比价增长2.0%。")
    assert ("地区生产总值", "actual", 7.3, "%") in got
    assert ("规上工业增加值", "actual", 2.0, "%") in got
    assert not any("可比价" in name for name, *_ in got)


def test_a_name_before_an_aside_clause_names_the_figure_after_it():
    got = facts("上半年，全市规模以上工业增加值按可比价格计算，同比增长2.6%。")
    assert got == {("规上工业增加值", "actual", 2.6, "%")}


def test_what_an_industry_achieved_is_named_without_the_verb():
    got = facts("上半年，第一产业完成投资38.1亿元，比上年同期下降77.8%。限上住宿餐饮企业共完成营业额同比增长34.3%。"
                "汽车销售业累计完成汽车销售额同比下降25.4%。")
    assert {name for name, *_ in got} == {"第一产业投资", "限上住宿餐饮企业营业额", "汽车销售额"}


def test_a_class_of_projects_by_size_is_a_name_and_the_subject_of_its_investment():
    got = facts("一季度，全市6850万元及以上项目1302个，投资额增长37.2%。")
    assert got == {("6850万元及以上项目", "actual", 1302.0, "个"), ("6850万元及以上项目投资额", "actual", 37.2, "%")}


def test_grain_in_jin_and_a_target_kept_above():
    got = facts("2024年工作回顾\n●粮食总产达到763亿斤\n2025年主要目标\n●粮食产量继续保持685亿斤以上")
    assert ("粮食总产量", "actual", 763.0, "亿斤") in got
    assert any(n == "粮食总产量" and v == 685.0 and u == "亿斤" for n, _, v, u in got)


def test_poultry_in_hundreds_of_birds_and_a_list_paired_after_its_verb():
    got = facts("全年家禽出栏220650百羽。上半年，生猪、牛、羊分别出栏9.1万头、1839头、1.9万只。")
    assert {("家禽出栏", "actual", 220650.0, "百羽"), ("生猪出栏", "actual", 9.1, "万头"),
            ("牛出栏", "actual", 1839.0, "头"), ("羊出栏", "actual", 1.9, "万只")} <= got


def test_a_crop_area_is_the_subject_of_the_output_value_and_yield_after_it():
    got = facts("2021年，全年中药材种植面积10.25万亩，实现产值9.33亿元；蔬菜种植面积7.48万亩，产量达到11184吨。")
    assert {("中药材产值", "actual", 9.33, "亿元"), ("蔬菜产量", "actual", 11184.0, "吨")} <= got


def test_comparable_prices_written_with_anzhao_and_a_control_target():
    got = facts("2021年，我县实现生产总值183.69亿元，按照可比价计算，同比增长11.4%。年末城镇登记失业率2.89%，低于3.7%的控制目标。")
    assert {("地区生产总值", "actual", 11.4, "%"), ("城镇登记失业率", "target", 3.7, "%")} <= got


def test_a_contribution_is_its_subjects_and_a_pull_passes_the_name_on():
    got = obs("一季度，第一产业增加值38.0亿元，增长5.0%，上拉地区生产总值增速1.0个百分点，贡献率12.8%。"
              "工业增加值同比增长11.0%，拉动经济增长3.0个百分点，占GDP的比重为36.2%。")
    rows = {(o.name, o.value, o.unit, o.measure) for o in got}
    assert ("第一产业贡献率", 12.8, "%", "level") in rows or ("第一产业贡献率", 12.8, "%", None) in rows
    assert ("工业增加值", 36.2, "%", "share") in rows


def test_a_number_that_lost_its_unit_still_names_the_growth_after_it():
    got = facts("上半年，第一产业增加值4.3亿元，增长5.4%；第二产业增加值39.2，增长6.5%；第三产业增加值25.2亿元，增长8.7%。")
    assert ("第二产业增加值", "actual", 6.5, "%") in got
    assert not any(v == 39.2 for _, _, v, _ in got)  # no unit: not stored
    assert ("第三产业增加值", "actual", 8.7, "%") in got


def test_a_plan_of_projects_is_a_target_and_what_was_started_is_an_actual():
    got = obs("2021年第一季度全市重点建设项目进展情况\n"
              "2021年安排全市重点建设项目973项，项目总投资9536亿元，年度投资计划1391亿元。"
              "全市重点建设项目1-3月项目累计完成投资429.99亿元。本年度计划新开工项目370项，实际已开工177项。\n"
              "2021年计划实施千万元以上重点建设项目71个，总投资462.17亿元。")
    rows = {(o.name, o.kind, o.value, o.unit, o.start_month, o.end_month) for o in got}
    assert {("重点建设项目", "target", 973.0, "项", 1, 12),
            ("重点建设项目总投资", "target", 9536.0, "亿元", 1, 12),
            ("重点建设项目年度投资计划", "target", 1391.0, "亿元", 1, 12),
            ("重点建设项目完成投资", "actual", 429.99, "亿元", 1, 3),
            ("新开工项目", "target", 370.0, "项", 1, 12),
            ("新开工项目", "actual", 177.0, "项", 1, 3),  # of the 370 planned, 177 started
            ("千万元以上重点建设项目", "target", 71.0, "个", 1, 12),
            ("千万元以上重点建设项目总投资", "target", 462.17, "亿元", 1, 12)} <= rows


def test_price_levels_and_the_classes_of_goods():
    got = facts("1-8月，商品零售价格总水平同比上涨4.1%。八大类价格：衣著类下降1.1%，其他用品及服务类上涨1.8%。")
    assert {("商品零售价格", "actual", 4.1, "%"), ("衣着类", "actual", -1.1, "%"),
            ("其他用品及服务类", "actual", 1.8, "%")} <= got


def test_a_share_of_the_whole_regions_gdp_is_named_without_the_scope():
    got = facts("2007年，全部工业增加值占全县GDP的比重为58.9%。")
    assert got == {("工业增加值占GDP比重", "actual", 58.9, "%")}


def test_first_exceeded_is_a_qualifier_not_part_of_the_name():
    (o,) = obs("2024年，服务业增加值占比首超80%。")
    assert (o.name, o.value, o.measure) == ("第三产业增加值", 80.0, "share")  # 服务业增加值 in the catalogue
    assert "首超" in (o.qualifier or "")


def test_an_industry_opening_its_sentence_is_the_subject_of_a_bare_measure():
    got = facts("1-2月，全区工业经济高点起步。船舶修造业“马力全开”，重点企业抢进度、抓生产，实现增加值9.6亿元，同比增长55.0%。"
                "水产加工业平稳发展，实现增加值2.1亿元。")
    assert {("船舶修造业增加值", "actual", 9.6, "亿元"), ("船舶修造业增加值", "actual", 55.0, "%"),
            ("水产加工业增加值", "actual", 2.1, "亿元")} <= got
    assert not any(name == "增加值" for name, *_ in got)


def test_what_a_county_has_and_the_area_of_it():
    got = facts("2007年，全县有国家级自然保护区1个，面积15.1千公顷。全年建成重点生态公益林58.7万亩。")
    assert {("国家级自然保护区", "actual", 1.0, "个"), ("国家级自然保护区面积", "actual", 15.1, "千公顷"),
            ("重点生态公益林", "actual", 58.7, "万亩")} <= got


def test_an_industry_with_a_comma_inside_opens_a_paired_list():
    got = facts("1—3月，服务消费市场发展势头较好，规模以上居民服务、修理和其他服务业，文化、体育和娱乐业营业收入分别增长37.4%、19.9%。")
    assert got == {("规模以上居民服务、修理和其他服务业营业收入", "actual", 37.4, "%"),
                   ("规模以上文化、体育和娱乐业营业收入", "actual", 19.9, "%")}  # the scope is both


def test_dengji_is_a_grade_not_an_etc():
    got = facts("4月，限上新能源汽车、能效等级为1级和2级的绿色家电、智能家电零售额同比分别增长82.1%、83.2%和104.0%。")
    names = {n for n, *_ in got}
    assert not any(n.startswith(("级", "2级")) for n in names)
    assert any("绿色家电" in n for n in names)


def test_a_description_before_an_industry_and_damaged_pinyin_are_no_names():
    got = facts("1-4月，其中增加值占比较大的电气机械和器材制造业同比增长11.1%，燃?xì)饧八a和供应业同比下降11.0%。")
    assert got == {("电气机械和器材制造业", "actual", 11.1, "%")}


def test_a_verdict_clause_before_a_paired_list_is_no_item_of_it():
    got = facts("一季度，消费领域，数智产品备受欢迎，计算机及其配套产品、智能家用电器和音像器材销售额分别增长17.8%和44.3%。")
    assert got == {("计算机及其配套产品销售额", "actual", 17.8, "%"), ("智能家用电器和音像器材销售额", "actual", 44.3, "%")}


def test_the_same_month_last_year_is_a_base_not_a_name():
    got = obs("5月份，全国规模以上工业增加值同比增长9.2%，增速与上月持平，比上年同月加快1.0个百分点。")
    assert {o.name for o in got} == {"规上工业增加值"}


def test_a_range_of_rates_is_no_figure_and_a_province_then_yuji():
    got = facts("2023年，多地GDP增速在4%-9%之间，其中，西藏预计地区生产总值超3151亿元、增长9%左右。")
    assert got == {("地区生产总值", "actual", 3151.0, "亿元"), ("地区生产总值", "actual", 9.0, "%")}
    assert {o.region for o in obs("2023年，西藏预计地区生产总值超3151亿元。")} == {"西藏自治区"}


def test_average_net_and_this_province_are_no_part_of_a_name():
    got = facts("2024年，城镇调查失业率平均为5%，经营主体净增98万户。该省GDP迈上14万亿元。")
    assert {n for n, *_ in got} == {"城镇调查失业率", "经营主体", "地区生产总值"}


def test_a_bare_target_word_is_no_name():
    assert obs("2024年，最高的是西藏，预期目标是增长8%左右。") == []


def test_places_listed_before_a_name_give_each_figure_its_region():
    got = {(o.name, o.value, o.region) for o in obs(
        "前三季度，酒泉、天水GDP总量分别为638.3亿元、637.97亿元。甘南GDP总量较少为215.36亿元。金昌GDP增速最高达12.5%。")}
    assert got == {("地区生产总值", 638.3, "酒泉市"), ("地区生产总值", 637.97, "天水市"),
                   ("地区生产总值", 215.36, "甘南藏族自治州"), ("地区生产总值", 12.5, "金昌市")}
    assert obs("上半年，酒泉、天水GDP均增长5%。") == []  # one figure said of two places is neither's


def test_a_list_before_a_verdict_names_the_paired_values_after_it():
    got = facts("1-2月，其中：饮料类、烟酒类消费受到节日因素影响，分别增长9.4%、17.2%。")
    assert got == {("饮料类", "actual", 9.4, "%"), ("烟酒类", "actual", 17.2, "%")}
    got = facts("1-4月，其中，家具类、文化办公用品类和体育、娱乐用品类同比增长较快，零售额增速分别为48.1%、36.5%、22.0%。")
    assert got == {("家具类零售额", "actual", 48.1, "%"), ("文化办公用品类零售额", "actual", 36.5, "%"),
                   ("体育、娱乐用品类零售额", "actual", 22.0, "%")}


def test_an_industry_whose_name_holds_a_comma_stays_whole_in_a_list():
    got = facts("1-5月，采矿业、制造业和电力、热力、燃气及水生产和供应业增加值分别增长3.1%、5.6%和2.2%。")
    assert {n for n, *_ in got} == {"采矿业增加值", "制造业增加值", "电力、热力、燃气及水生产和供应业增加值"}


def test_a_bar_several_regions_all_pass_is_no_figure():
    got = facts("上半年，甲区、乙区和丙区的重点项目投资完成度均超过年计划的50%。重点项目完成投资增长8.2%。")
    assert got == {("重点项目完成投资", "actual", 8.2, "%")}


def test_how_many_industries_there_are_and_how_many_grew():
    got = facts("1-5月，分行业看，37个大类行业中有22个行业增加值实现增长。")
    assert got == {("大类行业", "actual", 37.0, "个"), ("增加值增长的行业", "actual", 22.0, "个")}


def test_a_share_of_the_years_plan_is_named_as_reports_name_it():
    got = obs("截至7月底，全市157个省、市重点项目完成投资408.15亿元，占年度计划的58.3%。农业项目完成投资31.2亿元，占全年计划69%。")
    rows = {(o.name, o.raw_name, o.value, o.measure) for o in got}
    assert ("省市重点项目完成投资", "省市重点项目完成投资占年度计划比例", 58.3, "share") in rows
    assert ("农业项目完成投资", "农业项目完成投资占全年计划比例", 69.0, "share") in rows
    assert not any(o.name.startswith("占") for o in got)


def test_a_share_of_the_plan_listed_with_fenbie_or_said_with_wancheng_names_the_plan():
    rows = {(o.name, o.raw_name, o.value) for o in obs(
        "2024年上半年，12个农业项目完成投资40.1亿元，30个工业项目完成投资98.6亿元，分别占年计划的51.2%、47.5%。"
        "全县生产总值实现28.49亿元，同比增长6.1%，完成年计划的54.27%。") if o.unit == "%"}
    assert ("农业项目完成投资", "农业项目完成投资占年计划比例", 51.2) in rows
    assert ("工业项目完成投资", "工业项目完成投资占年计划比例", 47.5) in rows
    assert ("地区生产总值", "地区生产总值完成年计划比例", 54.27) in rows


def test_a_share_of_the_years_target_task_names_the_target():
    rows = {(o.name, o.raw_name, o.value) for o in obs(
        "2024年1-5月，已完成宫颈癌检查12万人次、乳腺癌检查11万人次，分别完成年度目标任务的34.3%和31.4%。")
        if o.unit == "%"}
    assert rows == {("宫颈癌检查", "宫颈癌检查完成年度目标比例", 34.3), ("乳腺癌检查", "乳腺癌检查完成年度目标比例", 31.4)}


def test_the_size_of_the_plan_a_figure_completes_is_its_target():
    got = {(o.name, o.raw_name, o.value, o.kind, o.measure) for o in obs(
        "2024年，第一产业增加值18亿元，完成年计划20亿元的90%，增长3.5%。")}
    assert got == {("第一产业增加值", "第一产业增加值", 18.0, "actual", "level"),
                   ("第一产业增加值", "第一产业增加值", 20.0, "target", "level"),
                   ("第一产业增加值", "第一产业增加值完成年计划比例", 90.0, "actual", "share"),
                   ("第一产业增加值", "第一产业增加值", 3.5, "actual", "growth")}


def test_places_ranked_in_the_clause_before_pair_with_the_values_after():
    got = {(o.name, o.value, o.region) for o in obs("前三季度，绵阳、德阳排名第二和第三，GDP增速分别为6.1%、5.7%。")}
    assert got == {("地区生产总值", 6.1, "绵阳市"), ("地区生产总值", 5.7, "德阳市")}
