"""Task-table parsing on small tables written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zibo_cli.extract.tasks import (
    align,
    classify_status,
    clean_cell,
    extract_tasks,
    format_subitems,
    is_real_reason,
    map_header,
    split_departments,
)
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize

META = DocumentMeta(title="2024年第一季度目标任务完成情况", year=2024, start_month=1, end_month=3,
                    doc_type="task_table")

STD_HEADER = "序号\t年度目标\t第1季度目标\t是否完成\t具体工作进展\t未完成原因\t下步工作打算\t市政府分管领导\t责任单位"


def table(*lines: str) -> str:
    return "\n".join(lines)


def parse(text: str, meta: DocumentMeta = META, normalise: bool = True):
    if normalise:
        text = normalize(text).text
    return extract_tasks(text, meta)


def by_seq(tasks):
    return {t.seq: t for t in tasks}


# ---------------------------------------------------------------------------
# the standard layout
# ---------------------------------------------------------------------------


def test_standard_table_fields():
    text = table(
        "2024年第一季度目标任务完成情况",
        "",
        STD_HEADER,
        "1\t粮食产量稳定在10亿斤以上。\t完成春播准备。\t完成\t春播物资已到位。\t无\t抓好夏粮田管。\t张三\t市农业农村局 市统计局提供数据",
        "2\t新建公园10处。\t开工3处。\t完成\t已开工2处。\t1处因用地手续未批暂缓开工。\t加快办理用地手续。\t李四\t市园林局",
    )
    tasks = parse(text)
    assert [t.seq for t in tasks] == ["1", "2"]
    a, b = tasks
    assert a.annual_target == "粮食产量稳定在10亿斤以上。"
    assert a.period_target == "完成春播准备。"
    assert a.progress == "春播物资已到位。"
    assert a.next_steps == "抓好夏粮田管。"
    assert a.reason is None
    assert a.status == "done" and a.status_raw == "完成"
    assert a.leader == "张三"
    assert a.departments == ["市农业农村局", "市统计局"]
    assert a.departments_raw == "市农业农村局 市统计局提供数据"
    assert (a.year, a.start_month, a.end_month) == (2024, 1, 3)
    assert b.status == "partial"
    assert b.reason == "1处因用地手续未批暂缓开工。"
    assert a.row_index == 0 and b.row_index == 1
    norm = normalize(text).text
    assert norm[a.char_offset:].startswith("1\t粮食产量")
    assert norm[b.char_offset:].startswith("2\t新建公园")


@pytest.mark.parametrize("raw, status", [
    ("完成", "done"),
    ("已完成", "done"),
    ("超额完成", "done"),
    ("是", "done"),
    ("√", "done"),
    ("未完成", "not_done"),
    ("部分完成", "not_done"),
    ("正在推进", "not_done"),
    ("序时推进", "not_done"),
    ("按序时推进", "not_done"),
    ("否", "not_done"),
    ("尚未完成", "not_done"),
    ("基本完成", "not_done"),  # nearly, not finished; partial needs a real reason (the row)
    ("", "unknown"),
    ("见附件", "unknown"),
    ("<p>完成</p>", "done"),
    ("完成，持续推进", "done"),
    ("正在推进，预计6月完成", "not_done"),
    ("达到序时进度", "not_done"),
])
def test_classify_status(raw, status):
    assert classify_status(raw) == status


def test_each_status_in_a_table():
    rows = [
        "1\t目标一。\t季度一。\t完成\t进展一。\t无\t打算一。\t张三\t市发展改革委",
        "2\t目标二。\t季度二。\t完成\t进展二。\t受天气影响，工期推迟。\t打算二。\t张三\t市发展改革委",
        "3\t目标三。\t季度三。\t未完成\t进展三。\t资金未到位。\t打算三。\t张三\t市发展改革委",
        "4\t目标四。\t季度四。\t正在推进\t进展四。\t\t打算四。\t张三\t市发展改革委",
        "5\t目标五。\t季度五。\t序时推进\t进展五。\t无。\t打算五。\t张三\t市发展改革委",
        "6\t目标六。\t季度六。\t\t进展六。\t\t打算六。\t张三\t市发展改革委",
        "7\t目标七。\t季度七。\t部分完成\t进展七。\t暂无\t打算七。\t张三\t市发展改革委",
    ]
    tasks = by_seq(parse(table(STD_HEADER, *rows)))
    assert {s: t.status for s, t in tasks.items()} == {
        "1": "done", "2": "partial", "3": "not_done", "4": "not_done", "5": "not_done",
        "6": "unknown", "7": "not_done"}
    assert tasks["2"].reason == "受天气影响，工期推迟。"
    assert tasks["3"].reason == "资金未到位。"
    for s in ("1", "4", "5", "6", "7"):
        assert tasks[s].reason is None, s
    assert tasks["6"].status_raw is None


@pytest.mark.parametrize("text, real", [
    (None, False), ("", False), ("无", False), ("无。", False), ("暂无", False), ("—", False),
    ("<p>无</p>", False), ("无（已完成）", False), ("项目未完成设计。", True), ("资金不足", True),
    ("无资金支持", True),
])
def test_is_real_reason(text, real):
    assert is_real_reason(text) is real


# ---------------------------------------------------------------------------
# other layouts
# ---------------------------------------------------------------------------


def test_reordered_and_renamed_columns():
    text = table(
        "2024年上半年重点工作完成情况",
        "编号\t牵头单位\t分管市领导\t重点任务\t上半年目标\t完成情况\t存在问题\t工作进展\t下一步打算",
        "1\t市商务局 市财政局\t王五\t外贸进出口增长5%。\t增长3%。\t完成\t无\t1-6月增长4.2%。\t稳订单拓市场。",
        "2\t市工业和信息化局\t赵六\t技改投资增长10%。\t增长6%。\t未完成\t项目开工延迟。\t1-6月增长2.1%。\t加快项目建设。",
    )
    meta = DocumentMeta(year=2024, start_month=1, end_month=6)
    a, b = parse(text, meta)
    assert a.departments == ["市商务局", "市财政局"]
    assert a.leader == "王五"
    assert a.annual_target == "外贸进出口增长5%。"
    assert a.period_target == "增长3%。"
    assert a.progress == "1-6月增长4.2%。"
    assert a.next_steps == "稳订单拓市场。"
    assert a.status == "done" and a.reason is None
    assert b.status == "not_done" and b.reason == "项目开工延迟。"
    assert (a.start_month, a.end_month) == (1, 6)


def test_header_names_responsible_department_and_completion():
    header = map_header(["序号", "工作任务", "责任部门", "完成情况", "推进情况"])
    assert header is not None
    assert header.keys == ["seq", "annual_target", "departments", "status", "progress"]


def test_missing_columns_and_no_sequence_column():
    # no 序号, no 未完成原因, no leader: the row number stands in for 序号
    text = table(
        "年度目标\t是否完成\t工作进展\t责任单位",
        "目标甲。\t完成\t进展甲。\t市发展改革委",
        "目标乙。\t未完成\t进展乙。\t市统计局",
    )
    a, b = parse(text)
    assert (a.seq, b.seq) == ("1", "2")
    assert a.status == "done" and b.status == "not_done"
    assert a.reason is None and a.leader is None
    assert b.departments == ["市统计局"]


def test_completion_column_holding_the_account():
    text = table(
        "序号\t重点任务\t完成情况\t责任单位",
        "1\t新建公园10处。\t已完成，10处公园全部建成开放。\t市园林局",
        "2\t新建学校3所。\t正在推进，2所主体封顶。\t市教育局",
    )
    a, b = parse(text)
    assert a.status == "done" and a.progress == "已完成，10处公园全部建成开放。"
    assert b.status == "not_done" and b.progress == "正在推进，2所主体封顶。"
    header = map_header(["序号", "年度目标", "是否完成", "完成情况", "责任单位"])
    assert header.keys == ["seq", "annual_target", "status", "progress", "departments"]


def test_period_from_header_wins_over_document_meta():
    text = table("序号\t年度目标\t第2季度目标\t是否完成\t责任单位",
                 "1\t目标。\t季度目标。\t完成\t市发展改革委")
    meta = DocumentMeta(year=2023)
    (t,) = parse(text, meta)
    assert (t.year, t.start_month, t.end_month) == (2023, 4, 6)


def test_period_falls_back_to_document_meta():
    text = table("序号\t年度目标\t季度目标\t是否完成\t责任单位", "1\t目标。\t季度目标。\t完成\t市发展改革委")
    (t,) = parse(text, DocumentMeta(year=2022, start_month=7, end_month=9))
    assert (t.year, t.start_month, t.end_month) == (2022, 7, 9)


def test_two_tables_in_one_document_each_read_by_its_own_header():
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t完成\t进展一。\t无\t打算一。\t张三\t市发展改革委",
        "",
        "一季度补充任务",
        "",
        "序号\t责任单位\t年度目标\t是否完成\t未完成原因",
        "1\t市统计局\t目标甲。\t未完成\t数据未出。",
    )
    a, b = parse(text)
    assert a.departments == ["市发展改革委"] and a.status == "done"
    assert b.departments == ["市统计局"] and b.status == "not_done" and b.reason == "数据未出。"
    assert (a.row_index, b.row_index) == (0, 1)


def test_pipe_table():
    text = table(
        "| 序号 | 年度目标 | 是否完成 | 未完成原因 | 责任单位 |",
        "|---|---|:---:|---|---|",
        "| 1 | 目标一。 | 完成 | 无 | 市发展改革委 |",
        "| 2 | 目标二。 | 未完成 | 资金未到位。 | 市财政局 |",
    )
    a, b = parse(text)
    assert (a.seq, a.status, b.status, b.reason) == ("1", "done", "not_done", "资金未到位。")
    assert b.departments == ["市财政局"]


def test_prose_with_tabs_is_not_a_table():
    text = "上半年\t全市经济运行稳中向好\n完成\t情况良好\t无"
    assert parse(text) == []


# ---------------------------------------------------------------------------
# the mess of real files
# ---------------------------------------------------------------------------


def test_dash_separator_lines_are_skipped():
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t完成\t进展一。\t无\t打算一。\t张三\t市发展改革委",
        "----\t------\t---\t----\t---\t-\t--\t-----\t---",
        "",
        "2\t目标二。\t季度二。\t完成\t进展二。\t无\t打算二。\t张三\t市统计局",
        "--\t--\t--\t--\t--\t--\t--\t--",
    )
    tasks = parse(text)
    assert [t.seq for t in tasks] == ["1", "2"]
    assert all("-" not in (t.progress or "") for t in tasks)


def test_markup_stripped_paragraphs_kept():
    text = table(
        STD_HEADER,
        "1\t<p>目标一。</p>\t季度一。\t<p>完成</p>\t<p>第一段进展。</p> <p>第二段进展。</p>\t<p>无</p>\t"
        "打算一。<br/>再打算。\t<p>张三</p>\t<p>市发展改革委 市统计局</p>",
    )
    (t,) = parse(text)
    assert t.annual_target == "目标一。"
    assert t.progress == "第一段进展。\n第二段进展。"
    assert t.next_steps == "打算一。\n再打算。"
    assert t.status == "done" and t.reason is None
    assert t.leader == "张三"
    assert t.departments == ["市发展改革委", "市统计局"]
    for value in t.row().values():
        assert "<" not in str(value)


def test_clean_cell_entities_and_tags():
    assert clean_cell("<p>A&amp;B</p><p>二</p>") == "A&B\n二"
    assert clean_cell(None) == ""


def test_row_missing_reason_column_aligns_trailing_columns_from_the_right():
    # row 2 lost its (empty) 未完成原因 cell: 8 cells under 9 columns
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t完成\t进展一。\t无\t打算一。\t张三\t市发展改革委",
        "2\t目标二。\t季度二。\t完成\t进展较长的一段文字，已经完成了季度的各项工作任务。\t做好下一阶段的调度工作，确保全年目标完成。\t张三\t市发展改革委",
    )
    b = by_seq(parse(text))["2"]
    assert b.next_steps == "做好下一阶段的调度工作，确保全年目标完成。"
    assert b.reason is None
    assert b.progress.startswith("进展较长")
    assert b.leader == "张三" and b.departments == ["市发展改革委"]
    assert b.status == "done"


def test_row_missing_leader_column():
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t未完成\t进展一。\t资金不足。\t打算一。\t市发展改革委",
    )
    (t,) = parse(text)
    assert t.leader is None
    assert t.departments == ["市发展改革委"]
    assert t.reason == "资金不足。" and t.next_steps == "打算一。"


def test_align_row_with_an_extra_cell_joins_it_back():
    header = map_header(STD_HEADER.split("\t"))
    cells = ["1", "目标一。", "季度一。", "完成", "进展前半段，", "进展后半段。", "无", "打算一。", "张三", "市统计局"]
    out = align(cells, header)
    assert len(out) == 9
    assert out[3] == "完成" and out[7] == "张三" and out[8] == "市统计局"
    assert out[5] == "无"


def test_continuation_row_appends_to_the_right_column():
    # a page break cut row 1's progress: the rest comes on a row with an empty 序号
    # and one cell fewer (the table writer dropped a leading empty cell)
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t完成\t<p>1.第一项已完成。</p> <p>2.第二项高效</p>\t无\t打算一。\t张三\t市发展改革委",
        "----\t--\t--\t----\t---\t---\t---\t-----\t---",
        "",
        "\t\t\t<p>池已开挖。</p> <p>3.第三项完成。</p>\t\t\t\t",
        "--\t--\t--\t---\t--\t--\t--\t--",
        "2\t目标二。\t季度二。\t完成\t进展二。\t无\t打算二。\t张三\t市统计局",
    )
    tasks = parse(text)
    assert [t.seq for t in tasks] == ["1", "2"]
    a = tasks[0]
    assert a.progress == "1.第一项已完成。\n2.第二项高效池已开挖。\n3.第三项完成。"
    assert a.reason is None and a.status == "done"
    assert a.next_steps == "打算一。"
    assert tasks[1].progress == "进展二。"


def test_continuation_row_with_full_width_cells():
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t未完成\t进展一。\t原因前半，\t打算一。\t张三\t市发展改革委",
        "\t\t\t\t\t原因后半。\t继续打算。\t\t市统计局",
    )
    (t,) = parse(text)
    assert t.reason == "原因前半，原因后半。"
    assert t.next_steps == "打算一。\n继续打算。"
    assert t.departments == ["市发展改革委", "市统计局"]


def test_cell_broken_over_two_lines_is_rejoined():
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t完成\t进展第一行，",
        "进展第二行。\t无\t打算一。\t张三\t市发展改革委",
    )
    (t,) = parse(text, normalise=False)
    assert t.progress == "进展第一行，进展第二行。"
    assert t.departments == ["市发展改革委"] and t.leader == "张三"


def test_category_rows_are_not_tasks():
    text = table(
        STD_HEADER,
        "一、经济发展\t\t\t\t\t\t\t\t",
        "1\t目标一。\t季度一。\t完成\t进展一。\t无\t打算一。\t张三\t市发展改革委",
    )
    tasks = parse(text)
    assert [t.seq for t in tasks] == ["1"]


def test_numbered_subitems_on_their_own_lines():
    assert format_subitems("1.启动关停工作。2.完成光伏目标。3.继续推进。") == \
        "1.启动关停工作。\n2.完成光伏目标。\n3.继续推进。"
    assert format_subitems("1.5月10日印发要点。2.按月调度。") == "1.5月10日印发要点。\n2.按月调度。"
    # decimals and numbers that do not count up stay inline
    assert format_subitems("增长5.5%。2.3亿元到位。") == "增长5.5%。2.3亿元到位。"
    assert format_subitems("1.第一项。3.跳号。") == "1.第一项。3.跳号。"


@pytest.mark.parametrize("raw, depts", [
    ("市发展改革委 市统计局提供数据", ["市发展改革委", "市统计局"]),
    ("市商务局（牵头）、市财政局（配合）", ["市商务局", "市财政局"]),
    ("市发展改革委市统计局", ["市发展改革委", "市统计局"]),
    ("国家统计局淄博调查队提供数据", ["国家统计局淄博调查队"]),
    ("<p>市发展改革委 高青县政府</p>", ["市发展改革委", "高青县政府"]),
    ("市发改委、相关县（市、区）政府", ["市发改委", "相关县（市、区）政府"]),  # no split inside brackets
    ("", []),
])
def test_split_departments(raw, depts):
    assert split_departments(raw) == depts


# ---------------------------------------------------------------------------
# tables from structured readers
# ---------------------------------------------------------------------------


def test_structured_tables_use_the_same_row_logic():
    tables = [
        [["发文日期", "2024-04-10"], ["发布机构", "市政府办公室"]],  # not a task table
        [
            ["序号", "年度目标", "完成情况", "", "", "责任单位"],
            ["", "", "是否完成", "工作进展", "未完成原因", ""],
            ["1", "目标一。", "完成", "进展一。", "无", "市发展改革委"],
            ["2", "目标二。", "完成", "进展二。", "审批未完成。", "市统计局"],
            ["", "", "", "进展二续。", "", ""],
        ],
    ]
    text = "2024年第一季度目标任务完成情况\n目标一。 进展一。\n目标二。 进展二。"
    a, b = extract_tasks(text, META, tables)
    assert a.status == "done" and a.progress == "进展一。"
    assert b.status == "partial" and b.reason == "审批未完成。"
    assert b.progress == "进展二。\n进展二续。"
    assert b.departments == ["市统计局"]
    assert a.char_offset == text.index("目标一。")


def test_structured_tables_without_a_task_table_fall_back_to_text():
    text = table(STD_HEADER, "1\t目标一。\t季度一。\t完成\t进展一。\t无\t打算一。\t张三\t市发展改革委")
    tasks = extract_tasks(text, META, [[["标题", "某某通知"]]])
    assert [t.seq for t in tasks] == ["1"]


def test_traditional_table_is_read_after_normalising():
    text = table(
        "序號\t年度目標\t是否完成\t未完成原因\t責任單位",
        "1\t新建學校3所。\t未完成\t資金未到位。\t市教育局",
    )
    (t,) = parse(text)
    assert t.annual_target == "新建学校3所。"
    assert t.reason == "资金未到位。" and t.departments == ["市教育局"]


def test_header_repeated_after_a_page_break_keeps_the_row_open():
    text = table(
        STD_HEADER,
        "1\t目标一。\t季度一。\t完成\t进展前半，\t无\t打算一。\t张三\t市发展改革委",
        "— 2 —",
        STD_HEADER,
        "\t\t\t\t进展后半。\t\t\t\t",
        "2\t目标二。\t季度二。\t完成\t进展二。\t无\t打算二。\t张三\t市统计局",
    )
    a, b = parse(text)
    assert a.progress == "进展前半，进展后半。"
    assert b.seq == "2"


def test_category_total_and_note_rows_are_not_tasks():
    text = table(
        STD_HEADER,
        "一\t经济发展\t\t\t\t\t\t\t",
        "1\t目标一。\t季度一。\t完成\t进展一。\t无\t打算一。\t张三\t市发展改革委",
        "（二）社会民生",
        "2\t目标二。\t季度二。\t未完成\t进展二。\t资金未到位。\t打算二。\t李四\t市财政局",
        "合计\t\t\t\t\t\t\t\t",
        "注：本表由市发展改革委汇总。",
        "序号\t项目名称\t投资额",
        "1\t某某项目\t10亿元",
    )
    tasks = parse(text)
    assert [(t.seq, t.status) for t in tasks] == [("1", "done"), ("2", "not_done")]
    assert tasks[1].next_steps == "打算二。"


# ---------------------------------------------------------------------------
# any table: no crash, valid records
# ---------------------------------------------------------------------------

HEADER_WORDS = ["序号", "年度目标", "第3季度目标", "是否完成", "具体工作进展", "未完成原因", "下步工作打算",
                "市政府分管领导", "责任单位", "牵头单位", "备注", "完成情况"]
CELLS = ["", "1", "2", "12", "完成", "未完成", "序时推进", "无", "无。", "<p>完成</p>", "----", "张三",
         "市发展改革委 市统计局提供数据", "<p>1.第一项。</p> <p>2.第二项</p>", "资金未到位。", "一、经济发展",
         "增长5.5%左右。", "&nbsp;", "<br/>", "—"]


@settings(deadline=None)
@given(header=st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=10),
       rows=st.lists(st.lists(st.sampled_from(CELLS), min_size=0, max_size=12), max_size=8))
def test_any_table_gives_valid_tasks(header, rows):
    text = "\n".join(["\t".join(header)] + ["\t".join(r) for r in rows])
    for tasks in (extract_tasks(text, META), extract_tasks("", META, [[header, *rows]])):
        for t in tasks:
            assert t.status in ("done", "partial", "not_done", "unknown")
            assert t.seq and isinstance(t.seq, str)
            assert t.reason is None or is_real_reason(t.reason)
            assert t.status != "done" or t.reason is None
            for value in t.row().values():
                assert "<p>" not in str(value) and "</p>" not in str(value)


def test_continuation_row_placeholder_reason_is_not_appended():
    from zibo_cli.extract.tasks import extract_tasks
    from zibo_cli.models import DocumentMeta

    text = ("序号\t年度目标\t是否完成\t具体工作进展\t未完成原因\t责任单位\n"
            "1\t目标甲。\t完成\t进展一。\t无\t市统计局\n"
            "\t\t完成\t进展二。\t无\t市商务局\n"
            "2\t目标乙。\t完成\t进展三。\t无\t市统计局\n"
            "\t\t完成\t进展四。\t资金未到位\t市商务局\n")
    t1, t2 = extract_tasks(text, DocumentMeta(year=2024, start_month=4, end_month=6))
    assert (t1.status, t1.reason) == ("done", None)
    assert (t2.status, t2.reason) == ("partial", "资金未到位")
    assert "进展二" in t1.progress


def test_a_header_wrapped_onto_a_second_line_goes_on():
    from zibo_cli.extract.tasks import parse_rows

    rows = [["序号", "项目名称", "责任单位", "目标任务", "1-8月实际完成情况"], ["任务完成率", "备注"],
            ["1", "新增城镇就业", "区人社局", "8950人", "7123人", "80%", ""],
            ["2", "减少义务教育大班额", "区教育局", "51个", "53个", "104%", ""]]
    got = [(t.seq, t.status, t.departments, t.progress) for t in parse_rows(rows)]
    assert got == [("1", "not_done", ["区人社局"], "7123人"), ("2", "done", ["区教育局"], "53个")]
