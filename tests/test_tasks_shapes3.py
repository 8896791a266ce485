"""Task shapes of the third round (issue 30): a schedule column beside the progress, a stage done
that is not the task, a traditional-character document read end to end. Every text here was
written for these tests."""

from __future__ import annotations

from zibo_cli.extract.tasks import extract_tasks, map_header
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize
from zibo_cli.pipeline import parse_file

META = DocumentMeta(year=2023, start_month=1, end_month=3, doc_type="task_table")


def parse(text: str, meta: DocumentMeta = META):
    return extract_tasks(normalize(text).text, meta, None)


def test_a_schedule_column_is_the_period_target_and_the_state_column_the_progress():
    keys = map_header(["序号", "项目内容", "工作进度安排", "目前实施情况", "牵头单位"])
    assert keys.keys[2] == "period_target" and keys.keys[3] == "progress"


def test_a_stage_done_is_not_the_task_done():
    text = ("序号 | 项目内容 | 工作进度安排 | 目前实施情况 | 牵头单位 |\n"
            "1 | 建成城乡学校共同体20个。 | 第一季度：举行结对仪式；第二季度：开展送教下乡。 | "
            "已完成第一季度结对仪式，签订帮扶协议。 | 县教育局 |\n"
            "2 | 新建公园3处。 | 第一季度：完成选址。 | 已完成，3处公园均投入使用。 | 县住建局 |\n")
    tasks = {t.seq: t for t in parse(text)}
    assert tasks["1"].status == "not_done"
    assert tasks["1"].progress.startswith("已完成第一季度结对仪式")
    assert tasks["1"].period_target.startswith("第一季度")


def test_a_traditional_document_gives_its_tasks_as_written(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("2023年縣政府民生實事項目實施計劃（截至4月10日）\n"
                 "序號 | 項目內容 | 工作進度安排 | 目前實施情況 | 牽頭單位 |\n"
                 "1 | 新建城市書房5家。 | 第一季度：完成選址。 | 已完成選址，正在裝修。 | 縣文廣旅體局 |\n"
                 "2 | 改造老舊小區12個。 | 第一季度：完成設計。 | 已全部完工。 | 縣住建局 |\n", encoding="utf-8")
    doc = parse_file(p)
    tasks = {t.seq: t for t in doc.tasks}
    assert tasks["1"].progress == "已完成選址，正在裝修。" and tasks["1"].status == "not_done"
    assert tasks["1"].departments == ["縣文廣旅體局"]
    assert tasks["2"].status == "done"


def test_a_rate_column_of_bare_numbers_and_a_second_one_in_words():
    text = ("| 序号 | 项目名称 | 年度计划投资（万元） | 1-6月完成投资（万元） | 占年度计划% | 形象进度 | 责任单位 |\n"
            "| 一 | 交通类 | | | | | |\n"
            "| 1 | 东环路改造工程 | 5000 | 2600 | 52.0 | 路基施工 | 县交通局 |\n"
            "| 2 | 西山隧道工程 | 8000 | 8200 | 102.5 | 已贯通 | 县交通局 |\n"
            "| 二 | 民生类 | | | | | |\n"
            "| 3 | 第二实验小学 | 6000 | 1500 | 25.0 | 主体施工 | 县教体局 |\n")
    got = [(t.seq, t.status, t.completion_rate, t.progress, t.target_amount, t.actual)
           for t in parse(text, DocumentMeta(year=2024, start_month=1, end_month=6, doc_type="task_table"))]
    assert got == [("1", "not_done", 52.0, "路基施工", "5000", "2600"),
                   ("2", "done", 102.5, "已贯通", "8000", "8200"),
                   ("3", "not_done", 25.0, "主体施工", "6000", "1500")]


def test_a_two_level_header_in_pipes_whose_lower_row_leaves_out_its_border_cell():
    text = ("序号 | 项目 | 年度目标 | 1-8月 | | 责任单位 |\n"
            " | | | 完成 | 完成率 | |\n"
            "1 | 新建公厕（座） | 40 | 36 | 90.0% | 城管局 |\n"
            "2 | 新建停车场（个） | 10 | 12 | 120.0% | 住建局 |\n")
    got = [(t.seq, t.status, t.completion_rate, t.target_amount, t.actual, t.departments, t.end_month)
           for t in parse(text, DocumentMeta(year=2023, doc_type="task_table"))]
    assert got == [("1", "not_done", 90.0, "40", "36", ["城管局"], 8),
                   ("2", "done", 120.0, "10", "12", ["住建局"], 8)]


def test_item_numbers_in_a_list_of_ordinals_are_no_figures():
    from zibo_cli.extract.indicators import extract_observations
    from zibo_cli.extract.metadata import extract_metadata

    text = normalize("2023年县政府常务会议共确定事项30件。由县交通局负责的第3件、县水务局负责的第9、10件进展滞后。").text
    values = [o.value for o in extract_observations(text, extract_metadata(text))]
    assert 10.0 not in values and 9.0 not in values and 3.0 not in values


def test_a_status_column_that_tells_is_read_as_progress():
    text = ("序号 | 项目名称 | 完成情况 | 责任单位 |\n"
            "1 | 新建公办幼儿园3所 | 已全部建成开园 | 县教育局 |\n"
            "2 | 改造农村户厕2000户 | 已完成1500户 | 县农业农村局 |\n"
            "3 | 新增城乡公交线路5条 | 完成 | 县交通局 |\n")
    got = [(t.seq, t.status, t.progress) for t in parse(text, DocumentMeta(year=2023, doc_type="task_table"))]
    assert got == [("1", "done", "已全部建成开园"), ("2", "not_done", "已完成1500户"), ("3", "done", None)]


def test_a_leftover_of_a_cut_cell_names_no_figure():
    # a task's cell may name a bare measure (已完成投资3000万元), but not what is left of a cut
    from zibo_cli.extract.indicators.clauses import extract_clauses
    from zibo_cli.extract.indicators.context import Context
    from zibo_cli.models import TARGET

    cell = normalize("形成一批超100亿元的优势产业集群和超20亿元的特色产业集群。").text
    names = [o.name for o in extract_clauses(cell, Context(2013, 1, 12, TARGET, "1"), 0)]
    assert names and not any(n.endswith("和") or n.startswith("的") for n in names)


def _flat(text: str):
    from zibo_cli.extract.layout import table_layouts

    return extract_tasks(normalize(table_layouts(text)).text, META, None)


# a table set apart by single spaces whose rows end their sentences (。), with group headings
# between rows and a cell of units one a line: written for this test in the shape of real
# 目标任务推进情况汇总表 pages
SPACED = ("2023年县政府工作报告目标任务一季度推进情况汇总表\n"
          "序号 目标任务 责任单位 一季度推进情况\n"
          "一、主要预期目标\n"
          "1 地区生产总值增长7%。 县发改局 地区生产总值同比增长4.1%。\n"
          "2 城镇新增就业3000人。 县人社局\n县就业服务中心\n城镇新增就业820人。\n"
          "二、重点工作\n"
          "（一）建设现代产业体系\n"
          "3 新建标准化厂房10万平方米。 县工信局 已开工4万平方米，其余正在办理施工许可。\n"
          "4 建成冷链物流中心1处。 县商务局 主体工程已完工。\n")


def test_a_table_set_apart_by_single_spaces_whose_rows_end_in_full_stops():
    tasks = {t.seq: t for t in _flat(SPACED)}
    assert sorted(tasks) == ["1", "2", "3", "4"]
    assert tasks["1"].departments == ["县发改局"] and "同比增长4.1%" in tasks["1"].progress
    # units one a line stay units; the line that names none is the next column
    assert tasks["2"].departments == ["县人社局", "县就业服务中心"]
    assert tasks["2"].progress.startswith("城镇新增就业820人")
    assert tasks["3"].category and "现代产业" in tasks["3"].category


def test_a_row_cut_where_the_text_ends_is_no_task_but_a_whole_last_row_is():
    cut = SPACED + "5 实施老旧小区改造5个。 县住建局 已完成2个小区的外墙"
    assert [t.seq for t in _flat(cut)] == ["1", "2", "3", "4"]
    whole = SPACED + "5 实施老旧小区改造5个。 县住建局 已完成2个小区的外墙改造。\n"
    assert [t.seq for t in _flat(whole)][-1] == "5"


# a 督办 bulletin whose items stand under a heading that says how they stand, each followed by a
# paragraph of what was done, the unit in brackets around its label; numbers restart under each
# group (written for this test in the shape of real 常务会议议定事项落实情况 bulletins)
DECIDED = ("市政府督查室对常务会议议定事项的落实情况进行了督办，现通报如下：\n"
           "一、已落实事项\n"
           "1.审议《关于加快发展县域经济的实施意见》有关议定事项的落实情况。（责任单位：市发改委）\n"
           "10月8日，市政府办公室印发了实施意见，明确了八个方面的措施。\n"
           "2.审议《关于培育农业龙头企业的意见》有关议定事项的落实情况。（责任单位：市农业农村局）\n"
           "9月20日，召开全市农业产业化联席会议第一次会议。\n"
           "二、正在推进事项\n"
           "1.审议《关于城区停车设施建设的方案》有关议定事项的落实情况。（责任单位：市住建局）\n"
           "目前已完成选址，正在开展设计。\n")


def test_items_under_a_heading_that_says_how_they_stand_with_their_account_below():
    tasks = {t.seq: t for t in parse(DECIDED)}
    assert sorted(tasks) == ["一.1", "一.2", "二.1"]
    assert tasks["一.1"].status == "done" and tasks["一.1"].departments == ["市发改委"]
    assert tasks["一.1"].progress.startswith("10月8日，市政府办公室印发了实施意见")
    assert tasks["一.2"].status == "done"
    assert tasks["二.1"].status == "not_done" and tasks["二.1"].departments == ["市住建局"]
