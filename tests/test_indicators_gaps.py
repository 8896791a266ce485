"""Report shapes the indicator extractor reads beyond the seeds: 改善/恶化, a subject
shared across clauses, a task's size in brackets, forecasts, |-tables, two-line headers,
Chinese-numeral counts. Every input is written here."""

from __future__ import annotations

from zibo_cli.extract.indicators import Context, extract_clauses

Q3 = Context(2024, 1, 9)


def got(text: str, ctx: Context = Q3) -> set[tuple]:
    return {(o.name, o.kind, o.start_month, o.end_month, round(o.value, 6), o.unit)
            for o in extract_clauses(text, ctx)}


def test_improvement_is_a_fall_for_what_is_better_lower():
    facts = got("前三季度，全市PM2.5浓度同比改善5%，优良天数比例同比改善3.2个百分点，空气质量综合指数同比恶化2.1%。")
    assert ("PM2.5平均浓度", "actual", 1, 9, -5.0, "%") in facts
    assert ("空气质量优良天数比例", "actual", 1, 9, 3.2, "百分点") in facts
    assert ("环境空气质量综合指数", "actual", 1, 9, 2.1, "%") in facts


def test_a_bare_measure_takes_the_subject_of_the_clause_before():
    facts = got("前三季度，全市规模以上工业营业收入增长5%；利润总额增长3%，利润率为4.5%。")
    assert ("规模以上工业利润总额", "actual", 1, 9, 3.0, "%") in facts
    facts = got("城镇居民人均可支配收入3万元，增长5%，人均消费支出2万元。")
    assert ("城镇居民人均消费支出", "actual", 1, 9, 2.0, "万元") in facts


def test_a_name_with_its_own_subject_keeps_it():
    facts = got("地区生产总值增长5%；固定资产投资增长3%，利润增长2%；规上工业增加值增长7.1%，四强产业增加值增长7.7%。")
    names = {f[0] for f in facts}
    assert {"固定资产投资", "利润", "四强产业增加值", "规上工业增加值"} <= names
    assert not any(n.startswith("固定资产") and n != "固定资产投资" for n in names)


def test_a_task_size_in_brackets_is_a_target_of_the_figure_before():
    facts = got("1—6月，全市新增光伏建设容量44万千瓦，完成年度建设任务（116万千瓦）的37.93%。")
    assert facts == {("新增光伏建设容量", "actual", 1, 6, 44.0, "万千瓦"),
                     ("新增光伏建设容量", "target", 1, 12, 116.0, "万千瓦"),
                     ("新增光伏建设容量", "actual", 1, 6, 37.93, "%")}
    facts = got("光伏装机完成年度任务（116万千瓦）的37.93%。")
    assert ("光伏装机", "target", 1, 12, 116.0, "万千瓦") in facts
    assert ("光伏装机", "actual", 1, 9, 37.93, "%") in facts


def test_a_task_in_another_unit_is_not_the_figure_before():
    facts = got("新增光伏44万千瓦，完成年度建设任务（116个）的37.93%。")
    assert ("新增光伏", "target", 1, 12, 116.0, "个") not in facts


def _doc(text: str, year: int = 2023, start: int = 1, end: int = 6):
    from zibo_cli.extract.indicators import extract_observations
    from zibo_cli.models import REPORT, DocumentMeta
    meta = DocumentMeta(title="t", year=year, start_month=start, end_month=end, doc_type=REPORT)
    return extract_observations(text, meta)


def test_a_target_and_an_actual_of_one_thing_get_one_name():
    obs = _doc("2023年我市政府5天储气能力目标为2800万立方米，目前，已形成政府储气能力2600万立方米。\n"
               "年度新增就业目标为3万人。上半年，新增就业1.6万人。")
    got_ = {(o.name, o.kind, o.value, o.raw_name) for o in obs}
    assert ("政府储气能力", "target", 2800.0, "政府5天储气能力") in got_
    assert ("政府储气能力", "actual", 2600.0, "政府储气能力") in got_
    assert ("新增就业", "target", 3.0, "年度新增就业") in got_


def test_names_differing_in_other_words_or_units_stay_apart():
    obs = _doc("全年新建5G基站目标为3000个。上半年，新建基站1200个。年度储气能力目标为80万吨，储气能力60万立方米。")
    names = {(o.name, o.kind) for o in obs}
    assert ("新建5G基站", "target") in names and ("新建基站", "actual") in names
    assert ("年度储气能力", "target") in names and ("储气能力", "target") not in names


def test_a_forecast_is_an_actual_qualified_yuji():
    obs = extract_clauses("前三季度，地区生产总值增长5.3%，预计全年增长5%左右。全市一般公共预算收入预计全年增长3%。", Q3)
    got_ = {(o.name, o.kind, o.start_month, o.end_month, o.value, o.qualifier) for o in obs}
    assert ("地区生产总值", "actual", 1, 9, 5.3, None) in got_
    assert ("地区生产总值", "actual", 1, 12, 5.0, "预计左右") in got_
    assert ("一般公共预算收入", "actual", 1, 12, 3.0, "预计") in got_


def test_a_forecast_never_meets_a_target_and_yields_to_the_real_figure(tmp_path, zibo, zibo_json):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "q3.txt").write_text("2025年前三季度全市经济运行情况\n\n前三季度，全市地区生产总值增长5.3%，"
                                   "预计全年增长6%左右。全年地区生产总值增长目标为5%。\n", encoding="utf-8")
    assert zibo("ingest", folder).exit_code == 0
    year = {r["period"]: r for r in zibo_json("indicator", "gdp", "--periods")}["2025"]
    assert (year["target"], year["actual"], year["actual_qualifier"], year["met"]) == (5, 6, "预计左右", None)
    (folder / "annual.txt").write_text("淄博市2025年国民经济和社会发展统计公报\n\n2025年，全市地区生产总值增长5.5%。\n",
                                       encoding="utf-8")
    assert zibo("ingest", folder).exit_code == 0
    year = {r["period"]: r for r in zibo_json("indicator", "gdp", "--periods")}["2025"]
    assert (year["target"], year["actual"], year["actual_qualifier"], year["met"]) == (5, 5.5, None, True)
    rows = zibo_json("compare", "2025", "2025")
    assert [(r["name"], r["a"]) for r in rows if r["name"] == "地区生产总值"] == [("地区生产总值", 5.5)]



def _table(tmp_path, text: str) -> set[tuple]:
    from zibo_cli.pipeline import parse_file
    f = tmp_path / "t.txt"
    f.write_text(text, encoding="utf-8")
    return {(o.name, o.year, o.start_month, o.end_month, o.value, o.unit) for o in parse_file(f).observations}


def test_a_pipe_table_is_read_as_a_statistics_table(tmp_path):
    facts = _table(tmp_path, "2024年1-6月淄博市主要经济指标\n\n| 指标 | 单位 | 1-6月 | 同比增长% |\n"
                             "|---|:---:|---|---|\n| 地区生产总值 | 亿元 | 2,312.5 | 5.1 |\n"
                             "| 固定资产投资 | — | — | 5.2 |\n")
    assert facts == {("地区生产总值", 2024, 1, 6, 2312.5, "亿元"), ("地区生产总值", 2024, 1, 6, 5.1, "%"),
                     ("固定资产投资", 2024, 1, 6, 5.2, "%")}


def test_a_header_on_two_lines_is_read_as_one(tmp_path):
    facts = _table(tmp_path, "2024年淄博市主要经济指标\n\n指标\t单位\t1-9月\t\t9月\t\n"
                             "\t\t绝对值\t比上年同期增长%\t绝对值\t增长%\n"
                             "社会消费品零售总额\t亿元\t1,200.3\t4.1\t150.2\t3.5\n")
    assert facts == {("社会消费品零售总额", 2024, 1, 9, 1200.3, "亿元"), ("社会消费品零售总额", 2024, 1, 9, 4.1, "%"),
                     ("社会消费品零售总额", 2024, 9, 9, 150.2, "亿元"), ("社会消费品零售总额", 2024, 9, 9, 3.5, "%")}
