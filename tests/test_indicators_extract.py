"""Indicator extraction on clauses written for these tests (none is copied from a seed)."""

from __future__ import annotations

import pytest

from zibo_cli.extract.indicators import Context, extract_clauses, extract_observations, split_names
from zibo_cli.models import REPORT, TASK_TABLE, DocumentMeta, Task

H1 = Context(2025, 1, 6)  # a half-year report's prose
Q3 = Context(2025, 1, 9)


def read(text: str, ctx: Context = H1):
    return extract_clauses(text, ctx)


def one(text: str, ctx: Context = H1):
    obs = read(text, ctx)
    assert len(obs) == 1, [(o.name, o.value, o.unit) for o in obs]
    return obs[0]


def by_name(obs):
    return {o.name: o for o in obs}


# ---------------------------------------------------------------------------
# single clauses
# ---------------------------------------------------------------------------


def test_growth_clause_with_catalogue_name():
    o = one("全区地区生产总值同比增长6.3%。")
    assert (o.name, o.indicator_id, o.value, o.unit, o.measure, o.kind) == (
        "地区生产总值", "gdp", 6.3, "%", "growth", "actual")
    assert o.raw_name == "地区生产总值"
    assert (o.year, o.start_month, o.end_month) == (2025, 1, 6)


def test_amount_without_verb_is_a_level():
    o = one("全市到位省外资金412.8亿元。")
    assert (o.name, o.value, o.unit, o.measure) == ("到位省外资金", 412.8, "亿元", "level")


def test_alias_becomes_canonical_name_and_keeps_raw():
    o = one("实现新增城镇就业2.06万人。")
    assert (o.name, o.raw_name, o.indicator_id, o.value, o.unit) == (
        "城镇新增就业", "新增城镇就业", "new_urban_jobs", 2.06, "万人")


def test_name_as_written_when_not_in_catalogue():
    o = one("全市新能源汽车充电桩保有量达到8600台。")
    assert o.indicator_id is None
    assert (o.name, o.value, o.unit) == ("新能源汽车充电桩保有量", 8600, "台")


@pytest.mark.parametrize("clause, value", [
    ("限上住宿业营业额增长—4.2%", -4.2),
    ("限上住宿业营业额增长-4.2%", -4.2),
    ("限上住宿业营业额下降4.2%", -4.2),
    ("限上住宿业营业额同比减少4.2%", -4.2),
    ("限上住宿业营业额增长4.2%", 4.2),
])
def test_falls_are_negative(clause, value):
    o = one(clause)
    assert o.value == value and o.measure == "growth"


def test_percentage_points_take_the_name_before_and_skip_the_comparison_period():
    obs = read("1—7月份，全市规上工业增加值同比增长4.4%，比1—6月份提高0.3个百分点。", Q3)
    assert [(o.name, o.value, o.unit, o.measure) for o in obs] == [
        ("规上工业增加值", 4.4, "%", "growth"), ("规上工业增加值", 0.3, "百分点", "change")]
    assert {(o.start_month, o.end_month) for o in obs} == {(1, 7)}


def test_percentage_point_fall_and_narrowing_decline():
    a, b = read("社会消费品零售总额增长3.2%，增速比上半年回落0.6个百分点。")
    assert (b.name, b.value, b.measure) == ("社会消费品零售总额", -0.6, "change")
    c, d = read("房地产开发投资下降9.1%，降幅比一季度收窄2.2个百分点。")
    assert c.value == -9.1 and (d.name, d.value) == ("房地产开发投资", 2.2)


def test_gap_to_the_province_is_not_this_citys_figure():
    obs = read("一般公共预算收入增长6.1%，高于全省平均水平1.4个百分点。")
    assert [(o.name, o.value) for o in obs] == [("一般公共预算收入", 6.1)]


def test_level_after_raise_to():
    o = one("城乡居民医保财政补助标准提高到每人每年670元以上。")
    assert (o.value, o.unit, o.measure, o.qualifier) == (670, "元", "level", "以上")


def test_share_after_zhan():
    a, b = read("高新技术产业产值增长9%，占规上工业总产值比重为52.4%。")
    assert (b.name, b.value, b.measure) == (a.name, 52.4, "share")


# ---------------------------------------------------------------------------
# lists with 分别
# ---------------------------------------------------------------------------


def test_fenbie_names_and_amounts_pair_in_order():
    obs = read("城市低保、农村低保、农村特困人员保障标准分别提高到每人每月1010元、890元、1160元。")
    got = {o.raw_name: (o.value, o.unit) for o in obs}
    assert got == {"城市低保保障标准": (1010, "元"), "农村低保保障标准": (890, "元"),
                   "农村特困人员保障标准": (1160, "元")}
    assert {o.name for o in obs} == {"城市低保标准", "农村低保标准", "农村特困人员保障标准"}


def test_fenbie_growth_with_he():
    obs = by_name(read("全市接待国内游客人数和实现旅游收入同比分别增长18%、21.5%。"))
    assert obs["国内游客人数"].value == 18 and obs["旅游收入"].value == 21.5


def test_fenbie_opens_statistical_abbreviations():
    obs = read("限上批零住餐业销售额（营业额）同比分别增长3.1%、—2.4%、15%、9.9%。")
    got = {o.raw_name: o.value for o in obs}
    assert got == {"限上批发业销售额（营业额）": 3.1, "限上零售业销售额（营业额）": -2.4,
                   "限上住宿业销售额（营业额）": 15, "限上餐饮业销售额（营业额）": 9.9}
    assert {o.name for o in obs} == {"限上批发业销售额", "限上零售业销售额", "限上住宿业营业额",
                                     "限上餐饮业营业额"}


def test_fenbie_shares_suffix_and_prefix_then_ranks_reuse_the_names():
    obs = read("全市本外币存款、贷款余额分别增长9.7%、11.2%，分别列全省第3位、第7位。")
    got = {(o.name, o.measure): (o.value, o.unit) for o in obs}
    assert got == {("本外币存款余额", "growth"): (9.7, "%"), ("本外币贷款余额", "growth"): (11.2, "%"),
                   ("本外币存款余额", "rank"): (3, "位"), ("本外币贷款余额", "rank"): (7, "位")}


def test_fenbie_with_parallel_heads():
    obs = by_name(read("城镇、农村居民人均可支配收入分别增长4.6%和6.8%。"))
    assert obs["城镇居民人均可支配收入"].value == 4.6
    assert obs["农村居民人均可支配收入"].value == 6.8


def test_fenbie_takes_names_of_the_figures_before():
    obs = read("接待游客1800万人次、实现旅游总收入156亿元，分别增长11%、13.5%。")
    growth = {o.name: o.value for o in obs if o.measure == "growth"}
    assert growth == {"接待游客": 11, "旅游收入": 13.5}


def test_unpaired_fenbie_names_nothing():
    assert read("各项指标分别增长3%、4%、5%。") == []


def test_split_names():
    assert split_names("存款、贷款余额", 2)[0] == ["存款余额", "贷款余额"]
    assert split_names("进出口总额", 2)[0] == ["进口总额", "出口总额"]
    assert split_names("甲和乙", 3) == ([], [])
    # short heads of different lengths each take the suffix; a head shorter than the last's
    # does not replace part of it (猪禽出栏)
    assert split_names("鸡、鸭、肉牛存栏", 3)[0] == ["鸡存栏", "鸭存栏", "肉牛存栏"]
    assert split_names("城镇、农村居民收入", 2)[0] == ["城镇居民收入", "农村居民收入"]


# ---------------------------------------------------------------------------
# qualifiers, ranks, counts, indexes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("clause, value, unit, qualifier", [
    ("固定资产投资增长7%左右", 7, "%", "左右"),
    ("固定资产投资增长7%以上", 7, "%", "以上"),
    ("绿色贷款余额同比增长近38%", 38, "%", "近"),
    ("新引进高校毕业生2.3万余人", 2.3, "万人", "余"),
    ("文旅重点项目开工率超过91%", 91, "%", "超过"),
    ("为企业减轻社保缴费负担约1.6亿元", 1.6, "亿元", "约"),
])
def test_qualifiers(clause, value, unit, qualifier):
    o = one(clause)
    assert (o.value, o.unit, o.qualifier) == (value, unit, qualifier)


def test_benefactive_opening_is_not_part_of_the_name():
    assert one("为企业减轻社保缴费负担约1.6亿元").name == "减轻社保缴费负担"


def test_rank():
    o = one("上半年，全市实际使用外资增速列全省第6位。")
    assert (o.name, o.indicator_id, o.value, o.unit, o.measure) == ("实际使用外资", "fdi", 6, "位", "rank")


def test_count_is_named_by_the_noun_after_it():
    obs = read("全市实施的612个省市重点项目进展顺利，新增40余个专精特新企业。")
    got = {o.name: (o.value, o.unit, o.qualifier) for o in obs}
    assert got == {"省市重点项目": (612, "个", None), "新增专精特新企业": (40, "个", "余")}


def test_count_then_rate_of_the_same_noun():
    obs = read("27个老旧小区改造项目开工率达到88%。")
    assert [(o.name, o.value) for o in obs] == [("老旧小区改造项目", 27), ("老旧小区改造项目开工率", 88)]


def test_index_without_unit_only_after_an_index_name():
    o = one("全市环境空气质量综合指数为4.87，同比改善。")
    assert (o.name, o.value, o.unit) == ("环境空气质量综合指数", 4.87, "")
    assert read("全市共评选出优秀案例12，推荐上报8。") == []


# ---------------------------------------------------------------------------
# junk that is not a figure
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "5月12日已印发实施方案。",
    "组织企业参加第135届广交会。",
    "印发《淄博市2025年重点工作任务清单》。",
    "1.加快推进重点项目建设。2.做好要素保障。",
    "索引号：11370300004224423Q/2025-0001234，发文日期：2025-03-05。",
    "支持各区县培育2~3条优势产业链。",
    "计划完工时间2026年12月。",
    "迁移110KV电力线路，实施G220国道改造，建设5A级景区。",
    "储备5天储气能力。",
])
def test_not_figures(text):
    assert read(text) == []


# ---------------------------------------------------------------------------
# periods
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("clause, months", [
    ("上半年，规上工业增加值增长6%。", (1, 6)),
    ("1-5月，规上工业增加值增长6%。", (1, 5)),
    ("1—6月份，规上工业增加值增长6%。", (1, 6)),
    ("一季度，规上工业增加值增长6%。", (1, 3)),
    ("前三季度，规上工业增加值增长6%。", (1, 9)),
    ("截至8月末，本外币存款余额增长9%。", (1, 8)),
    ("规上工业增加值增长6%。", (1, 9)),  # nothing written: the document's period
])
def test_period_from_the_clause_or_the_document(clause, months):
    o = one(clause, Q3)
    assert (o.year, o.start_month, o.end_month) == (2025, *months)


def test_a_year_written_in_the_sentence_wins():
    o = one("2024年，全市地区生产总值增长5.9%。", Q3)
    assert (o.year, o.start_month, o.end_month) == (2024, 1, 12)


def test_prose_target_is_a_full_year_target():
    a, b = read("全年地区生产总值增长目标为6%左右，力争一般公共预算收入增长5%。", Q3)
    assert (a.name, a.kind, a.value, a.qualifier, a.start_month, a.end_month) == (
        "地区生产总值", "target", 6, "左右", 1, 12)
    assert (b.name, b.kind, b.start_month, b.end_month) == ("一般公共预算收入", "target", 1, 12)


def test_forecast_of_an_unfinished_year_is_an_actual_qualified_yuji():
    [o] = read("预计全年地区生产总值增长5%左右。", Q3)
    assert (o.name, o.kind, o.start_month, o.end_month, o.value, o.qualifier) == (
        "地区生产总值", "actual", 1, 12, 5, "预计左右")


# ---------------------------------------------------------------------------
# provenance
# ---------------------------------------------------------------------------


def test_quote_and_offset_point_at_the_sentence():
    text = "2025年上半年情况\n\n上半年，全市固定资产投资增长4.4%。城镇新增就业3.1万人。"
    meta = DocumentMeta(year=2025, start_month=1, end_month=6, doc_type=REPORT)
    obs = extract_observations(text, meta)
    assert [o.name for o in obs] == ["固定资产投资", "城镇新增就业"]
    for o in obs:
        assert text[o.char_offset:o.char_offset + len(o.quote)] == o.quote
    assert obs[0].quote == "上半年，全市固定资产投资增长4.4%"
    assert obs[1].quote == "城镇新增就业3.1万人"


def test_long_sentence_quote_is_cut_to_the_clause():
    filler = "，".join(["持续推进各项重点工作"] * 40)
    o = one(filler + "，全市固定资产投资增长4.4%，" + filler + "。")
    assert len(o.quote) <= 300 and "4.4%" in o.quote


# ---------------------------------------------------------------------------
# task tables
# ---------------------------------------------------------------------------

TABLE_TEXT = (
    "2025年全市经济社会发展第一季度目标任务完成情况\n"
    "序号\t年度目标\t第1季度目标\t是否完成\t具体工作进展\t未完成原因\n"
    "1\t固定资产投资增长6%左右。\t固定资产投资增长4%以上。\t完成\t1-2月，固定资产投资增长4.9%。\t无\n"
    "2\t新增城镇就业6万人。\t城镇新增就业1.2万人。\t完成\t一季度城镇新增就业1.5万人。\t无\n"
)
TABLE_META = DocumentMeta(title="x", year=2025, start_month=1, end_month=3, doc_type=TASK_TABLE)


def _tasks() -> list[Task]:
    return [
        Task(seq="1", annual_target="固定资产投资增长6%左右。", period_target="固定资产投资增长4%以上。",
             progress="1-2月，固定资产投资增长4.9%。", char_offset=TABLE_TEXT.index("1\t固定")),
        Task(seq="2", annual_target="新增城镇就业6万人。", period_target="城镇新增就业1.2万人。",
             progress="一季度城镇新增就业1.5万人。", char_offset=TABLE_TEXT.index("2\t新增")),
    ]


def _table_facts(obs):
    return sorted((o.task_seq, o.name, o.kind, o.start_month, o.end_month, o.value, o.unit, o.qualifier)
                  for o in obs)


EXPECTED_TABLE = sorted([
    ("1", "固定资产投资", "target", 1, 12, 6, "%", "左右"),
    ("1", "固定资产投资", "target", 1, 3, 4, "%", "以上"),
    ("1", "固定资产投资", "actual", 1, 2, 4.9, "%", None),
    ("2", "城镇新增就业", "target", 1, 12, 6, "万人", None),
    ("2", "城镇新增就业", "target", 1, 3, 1.2, "万人", None),
    ("2", "城镇新增就业", "actual", 1, 3, 1.5, "万人", None),
])


def test_task_cells_give_targets_and_actuals():
    obs = extract_observations(TABLE_TEXT, TABLE_META, _tasks())
    assert _table_facts(obs) == EXPECTED_TABLE  # and nothing read twice from the table lines
    for o in obs:
        assert TABLE_TEXT[o.char_offset:o.char_offset + len(o.quote)] == o.quote


def test_repeated_cell_text_gets_its_own_offset():
    text = "序号\t年度目标\t第2季度目标\n1\t投资增长5%以上。\t投资增长5%以上。\n"
    meta = DocumentMeta(year=2025, start_month=4, end_month=6, doc_type=TASK_TABLE)
    task = Task(seq="1", annual_target="投资增长5%以上。", period_target="投资增长5%以上。",
                char_offset=text.index("1\t"))
    a, b = extract_observations(text, meta, [task])
    assert (a.end_month, b.end_month) == (12, 6)
    assert a.char_offset < b.char_offset


def test_table_without_parsed_tasks_is_read_by_its_header():
    obs = extract_observations(TABLE_TEXT, TABLE_META, None)
    assert _table_facts(obs) == EXPECTED_TABLE


def test_table_continuation_line_is_not_read_twice():
    text = TABLE_TEXT + "续：一季度，固定资产投资增长4.9%。\n"
    tasks = _tasks()
    tasks[0].progress += "\n续：一季度，固定资产投资增长4.9%。"
    obs = extract_observations(text, TABLE_META, tasks)
    assert sum(1 for o in obs if o.value == 4.9 and o.end_month == 3) == 1


def test_an_aside_does_not_break_the_subject():
    obs = read("全市完成地区生产总值1890亿元，按可比价格计算，同比增长4.8%。")
    assert [(o.name, o.value, o.measure) for o in obs] == [
        ("地区生产总值", 1890, "level"), ("地区生产总值", 4.8, "growth")]


def test_gaps_to_country_and_province_are_both_left_out():
    obs = read("规上工业增加值增长8.1%，高于全国2.1个百分点、全省1.3个百分点。")
    assert [(o.name, o.value) for o in obs] == [("规上工业增加值", 8.1)]


def test_share_of_the_annual_plan_is_said_of_the_name_before():
    o = one("一般公共预算收入完成年度预算的61.2%。")
    assert (o.name, o.value, o.measure) == ("一般公共预算收入", 61.2, "share")


def test_a_nameless_figure_after_other_words_is_not_given_a_wrong_name():
    obs = read("空气质量优良天数比例为71%；某某浓度42微克，同比下降3%。")
    assert [(o.name, o.value) for o in obs] == [("空气质量优良天数比例", 71)]


def test_thousands_separators():
    o = one("全市进出口总额完成1,234.5亿元。")
    assert (o.value, o.unit) == (1234.5, "亿元")
    assert "1234.5" in o.quote


def test_target_words_in_a_name():
    assert one("全市天然气储备能力目标为3000万立方米。").kind == "target"
    assert one("完成年度建设任务（120万千瓦）。").kind == "target"
    assert one("走访头部目标企业120家。").kind == "actual"
