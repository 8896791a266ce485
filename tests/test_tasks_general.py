"""Task tables in forms the seeds do not show: other quarters, header names,
status words, placeholders, category rows, merged cells, wrapped rows, markdown
pipes, HTML pages and GBK files. Every table here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from zibo_cli.extract.tasks import (
    classify_status,
    extract_tasks,
    is_real_reason,
    map_header,
    split_departments,
)
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize
from zibo_cli.pipeline import parse_file

DATA = Path(__file__).parent / "data" / "tasks"
META = DocumentMeta(year=2022, start_month=1, end_month=3, doc_type="task_table")


def parse(text: str, meta: DocumentMeta = META, tables=None):
    return extract_tasks(normalize(text).text, meta, tables)


def by_seq(tasks):
    out = {t.seq: t for t in tasks}
    assert len(out) == len(tasks), [t.seq for t in tasks]
    return out


# ---------------------------------------------------------------------------
# status words of a 完成情况 / 是否完成 column
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("raw, status", [
    ("已完成", "done"),
    ("完成（已超额）", "done"),
    ("完成(提前)", "done"),
    ("√", "done"),
    ("已办结", "done"),
    ("按计划完成", "done"),
    ("未完成", "not_done"),
    ("未能完成", "not_done"),
    ("无法完成", "not_done"),
    ("正在推进", "not_done"),
    ("序时推进", "not_done"),
    ("持续推进", "not_done"),
    ("按计划推进", "not_done"),
    ("达到序时进度", "not_done"),
    ("完成序时进度", "not_done"),
    ("超序时进度", "not_done"),
    ("部分完成", "not_done"),
    ("推进中", "not_done"),
    ("基本完成", "not_done"),  # nearly, not finished; partial needs a real reason (the row)
    ("○", "unknown"),
])
def test_status_words(raw, status):
    assert classify_status(raw) == status


@pytest.mark.parametrize("text", ["无", "无。", "—", "-", "／", "/", "", None, "暂无", " 无 "])
def test_placeholder_reasons_are_no_reason(text):
    assert not is_real_reason(text)


@pytest.mark.parametrize("raw, depts", [
    ("—", []), ("-", []), ("／", []), ("无", []),
    ("牵头单位：市商务局；配合单位：市财政局、淄博海关", ["市商务局", "市财政局", "淄博海关"]),
    ("市商务局等", ["市商务局"]),
    ("各区县政府", ["各区县政府"]),
])
def test_departments_placeholders_and_labels(raw, depts):
    assert split_departments(raw) == depts


# ---------------------------------------------------------------------------
# headers
# ---------------------------------------------------------------------------


def test_lead_and_cooperating_unit_header():
    h = map_header("序号|重点任务|牵头单位|配合单位|完成时限|进展情况|是否完成|存在问题|下一步打算".split("|"))
    assert h.keys == ["seq", "annual_target", "departments", "departments", "deadline", "progress", "status",
                      "reason", "next_steps"]


@pytest.mark.parametrize("label, key", [
    ("完成情况（已完成/序时推进/滞后）", "status"),
    ("是否完成(√/×)", "status"),
    ("进展情况及存在问题", "progress"),
    ("存在问题和下步打算", "reason"),
    ("重点工作", "annual_target"),
    ("项目名称", "annual_target"),
    ("责任领导", "leader"),
    ("完成时限", "deadline"),
])
def test_header_labels(label, key):
    h = map_header(["序号", label, "责任单位", "未完成原因"])
    assert h is not None and h.keys[1] == key


@pytest.mark.parametrize("label, months", [
    ("第一季度目标", (1, 3)),
    ("一季度目标任务", (1, 3)),
    ("第三季度目标", (7, 9)),
    ("第四季度目标", (10, 12)),
    ("1-9月目标", (1, 9)),
    ("第四季度（全年）目标", (None, None)),  # the whole year: the document's period decides
])
def test_period_from_target_header(label, months):
    h = map_header(["序号", "年度目标", label, "是否完成", "责任单位"])
    assert (h.start_month, h.end_month) == months


# ---------------------------------------------------------------------------
# whole tables from files
# ---------------------------------------------------------------------------


def test_first_quarter_lead_and_cooperating_units():
    doc = parse_file(DATA / "q1_lead_coop.txt")
    assert doc.meta.doc_type == "task_table"
    assert (doc.meta.year, doc.meta.start_month, doc.meta.end_month) == (2022, 1, 3)
    t = by_seq(doc.tasks)
    # category rows (一、经济发展 / 二、社会民生) are not tasks; seq as written, without 、 ( )
    assert list(t) == ["1", "2", "3-1", "4", "5", "6", "7"]
    assert {s: x.status for s, x in t.items()} == {
        "1": "not_done", "2": "not_done", "3-1": "done", "4": "partial", "5": "done", "6": "not_done",
        "7": "not_done"}
    # the lead unit first, both kinds counted; the raw text keeps which is which
    assert t["1"].departments == ["市商务局", "市财政局", "淄博海关"]
    assert t["1"].departments_raw == "牵头单位：市商务局；配合单位：市财政局、淄博海关"
    assert t["6"].departments == ["市住房城乡建设局", "市自然资源和规划局", "市财政局"]
    # placeholders (—, -, ／) in 配合单位 name nobody
    assert t["3-1"].departments == ["市人力资源社会保障局"]
    assert t["3-1"].departments_raw == "市人力资源社会保障局"
    assert t["4"].departments == ["市教育局"] and t["5"].departments == ["市园林局"]
    # reasons: a real one kept, 无/—/无。/empty/"/" are none
    assert t["2"].reason == "受疫情影响，施工进度滞后。"
    assert t["4"].reason == "2所学校用地手续未办结。"
    for s in ("1", "3-1", "5", "6", "7"):
        assert t[s].reason is None, s
    assert t["1"].progress == "1-3月外贸进出口增长12.5%。"
    assert t["1"].next_steps == "稳订单拓市场。"
    assert all(x.leader is None for x in t.values())


def test_markdown_table_saved_from_a_page():
    doc = parse_file(DATA / "q4_markdown.txt")
    t = by_seq(doc.tasks)
    assert list(t) == ["1", "2", "3", "4", "5"]
    assert [x.status for x in t.values()] == ["done", "not_done", "not_done", "partial", "not_done"]
    assert t["1"].departments == ["市发展改革委", "市统计局"]
    assert t["2"].reason == "土地出让收入下降，税收增长低于预期。"
    assert t["4"].reason == "个别项目因资金未到位延期投产。"
    assert t["3"].reason is None and t["5"].reason is None
    assert t["2"].annual_target == "一般公共预算收入增长5%。"
    # 第四季度（全年）: the tasks are judged for the whole year
    assert (doc.meta.year, doc.meta.start_month, doc.meta.end_month) == (2023, 1, 12)
    assert {(x.year, x.start_month, x.end_month) for x in t.values()} == {(2023, 1, 12)}


def test_rows_wrapped_over_two_lines_are_rejoined_cell_by_cell():
    doc = parse_file(DATA / "q3_wrapped.txt")
    t = by_seq(doc.tasks)
    assert list(t) == ["1", "2", "3"]
    assert t["1"].annual_target == "新建城市公园10处。"
    assert t["1"].period_target == "开工建设5处。"
    assert t["1"].progress == "已开工建设5处，完成投资2亿元。"
    assert t["1"].departments == ["市园林局", "市财政局"]
    assert t["2"].status == "not_done"
    assert t["2"].reason == "1所学校用地手续未办结。"
    assert t["3"].departments == ["市人力资源社会保障局"]
    assert (t["1"].year, t["1"].start_month, t["1"].end_month) == (2021, 7, 9)


# ---------------------------------------------------------------------------
# inline tables
# ---------------------------------------------------------------------------


def test_chinese_numbered_category_rows_and_spanning_headings():
    text = "\n".join([
        "序号\t重点任务\t完成情况\t存在问题\t责任单位",
        "一\t经济发展\t\t\t",
        "1\t任务一。\t已完成\t无\t市发展改革委",
        "（二）\t社会民生\t\t\t",
        "2\t任务二。\t未完成\t资金不足。\t市财政局",
        "三、生态环保\t\t\t\t",
        "3\t任务三。\t完成\t无\t市生态环境局",
    ])
    assert [(t.seq, t.status) for t in parse(text)] == [("1", "done"), ("2", "not_done"), ("3", "done")]


def test_status_cell_gives_the_reason_when_there_is_no_reason_column():
    text = "\n".join([
        "序号\t重点任务\t完成情况\t责任单位",
        "1\t任务一。\t未完成，受资金影响推迟开工。\t市发展改革委",
        "2\t任务二。\t已完成，全部建成。\t市财政局",
        "3\t任务三。\t正在推进，预计年底完成。\t市财政局",
    ])
    a, b, c = parse(text)
    assert a.status == "not_done" and a.reason == "受资金影响推迟开工。"
    assert b.status == "done" and b.reason is None
    assert c.status == "not_done" and c.reason is None


def test_merged_cells_copied_by_a_structured_reader():
    # an HTML/DOCX grid copies a merged cell into every row it spans: a category
    # row across the table, a 序号 over two sub-rows, a leader over several tasks
    tables = [[
        ["序号", "重点任务", "季度目标", "完成情况", "未完成原因", "分管领导", "牵头单位", "配合单位"],
        ["经济发展", "经济发展", "经济发展", "经济发展", "经济发展", "经济发展", "经济发展", "经济发展"],
        ["1", "外贸增长5%。", "一季度增长2%。", "完成", "无", "张三", "市商务局", "市财政局"],
        ["1", "外贸增长5%。", "出口增长3%。", "未完成", "订单不足。", "张三", "市商务局", "市财政局"],
        ["2", "新建学校。", "开工。", "序时推进", "无", "张三", "市教育局", "各区县政府"],
        ["3", "新增就业。", "1.5万人。", "完成", "—", "李四", "市人力资源社会保障局", "—"],
    ]]
    t = by_seq(parse("", tables=tables))
    assert list(t) == ["1", "2", "3"]
    one = t["1"]
    assert one.annual_target == "外贸增长5%。"  # copies are not repeated
    assert one.period_target == "一季度增长2%。\n出口增长3%。"
    assert one.status == "not_done"  # the least finished sub-row decides
    assert one.reason == "订单不足。"
    assert one.leader == "张三"
    assert one.departments == ["市商务局", "市财政局"]
    assert t["3"].departments == ["市人力资源社会保障局"] and t["3"].reason is None


def test_lead_column_comes_first_even_when_written_second():
    text = "\n".join([
        "序号\t重点任务\t配合单位\t牵头单位\t是否完成",
        "1\t任务一。\t市财政局\t市发展改革委\t完成",
    ])
    (t,) = parse(text)
    assert t.departments == ["市发展改革委", "市财政局"]
    assert t.departments_raw == "牵头单位：市发展改革委；配合单位：市财政局"


# ---------------------------------------------------------------------------
# other file forms through the whole pipeline
# ---------------------------------------------------------------------------

HTML_PAGE = """<html><head><meta charset="gbk"><title>淄博市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="content">
<h1>2022年第二季度重点任务完成情况</h1>
<p>发布日期：2022-07-15 来源：淄博市人民政府办公室</p>
<table border="1">
<tr><td>序号</td><td>重点任务</td><td>是否完成</td><td>未完成原因</td><td>分管领导</td><td>责任单位</td></tr>
<tr><td colspan="6">一、经济发展</td></tr>
<tr><td>1</td><td>外贸进出口增长5%。</td><td>完成</td><td>无</td><td rowspan="2">张三</td><td>市商务局</td></tr>
<tr><td>2</td><td>新建5G基站1000个。</td><td>未完成</td><td>受疫情影响施工滞后。</td><td>市工业和信息化局</td></tr>
<tr><td colspan="6">二、社会民生</td></tr>
<tr><td>3</td><td>新增城镇就业3万人。</td><td>已完成</td><td>—</td><td>李四</td><td>市人力资源社会保障局</td></tr>
</table>
</div></body></html>"""


def test_html_page_with_merged_cells(tmp_path):
    path = tmp_path / "q2.html"
    path.write_bytes(HTML_PAGE.encode("gbk"))
    doc = parse_file(path)
    t = by_seq(doc.tasks)
    assert list(t) == ["1", "2", "3"]
    assert [x.status for x in t.values()] == ["done", "not_done", "done"]
    assert t["1"].leader == "张三" and t["2"].leader == "张三" and t["3"].leader == "李四"
    assert t["2"].reason == "受疫情影响施工滞后。" and t["3"].reason is None
    assert t["2"].departments == ["市工业和信息化局"]
    assert (doc.meta.year, doc.meta.start_month, doc.meta.end_month) == (2022, 4, 6)
    assert doc.meta.title == "2022年第二季度重点任务完成情况"
    assert doc.meta.published == "2022-07-15" and doc.meta.publisher == "淄博市人民政府办公室"


def test_gbk_text_table(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes((DATA / "q1_lead_coop.txt").read_text("utf-8").encode("gbk"))
    doc = parse_file(path)
    assert [t.seq for t in doc.tasks] == ["1", "2", "3-1", "4", "5", "6", "7"]
    assert doc.tasks[1].reason == "受疫情影响，施工进度滞后。"


DOCX_ROWS = [
    ["序号", "重点任务", "季度目标", "完成情况", "存在问题", "牵头单位", "配合单位"],
    ["一、经济发展", "", "", "", "", "", ""],
    ["1", "外贸进出口增长5%。", "进口增长2%。", "完成", "无", "市商务局", "淄博海关"],
    ["", "", "出口增长3%。", "未完成", "海外订单不足。", "", ""],
    ["2", "新建学校3所。", "开工2所。", "已完成", "—", "市教育局", "—"],
]


def build_docx() -> bytes:
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("2023年第一季度重点任务完成情况")
    t = d.add_table(rows=len(DOCX_ROWS), cols=len(DOCX_ROWS[0]))
    for i, row in enumerate(DOCX_ROWS):
        for j, cell in enumerate(row):
            if cell:
                t.cell(i, j).text = cell
    t.cell(1, 0).merge(t.cell(1, 6)).text = "一、经济发展"  # a category across the table
    for j in (0, 1, 5, 6):  # 序号, 任务 and units merged over the task's two sub-rows
        t.cell(2, j).merge(t.cell(3, j)).text = DOCX_ROWS[2][j]
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_table_with_merged_cells(tmp_path):
    path = tmp_path / "q1.docx"
    path.write_bytes(build_docx())
    doc = parse_file(path)
    t = by_seq(doc.tasks)
    assert list(t) == ["1", "2"]
    one = t["1"]
    assert one.annual_target == "外贸进出口增长5%。"
    assert one.period_target == "进口增长2%。\n出口增长3%。"
    assert one.status == "not_done" and one.reason == "海外订单不足。"
    assert one.departments == ["市商务局", "淄博海关"]
    assert one.departments_raw == "牵头单位：市商务局；配合单位：淄博海关"
    assert t["2"].status == "done" and t["2"].reason is None and t["2"].departments == ["市教育局"]
    assert (doc.meta.year, doc.meta.start_month, doc.meta.end_month) == (2023, 1, 3)


def test_every_row_broken_over_several_lines():
    # cells with line breaks in them, saved as text: a row is put together again from
    # its lines (a new row starts with its 序号); a break between two cells is kept
    text = "\n".join([
        "序号\t年度目标\t是否完成\t工作进展\t未完成原因\t责任单位",
        "1\t新建公园",
        "10处。\t完成\t已开工",
        "5处，",
        "完成投资2亿元。\t无\t市园林局",
        "2\t新建学校3所。\t未完成\t2所主体完工，",
        "1所暂未开工。\t用地手续",
        "未办结。\t市教育局",
        "3\t新增就业6万人。\t完成",
        "新增4.8万人。\t无\t市人力资源社会保障局",
    ])
    t = by_seq(parse(text))
    assert list(t) == ["1", "2", "3"]
    assert t["1"].annual_target == "新建公园10处。"
    assert t["1"].progress == "已开工5处，完成投资2亿元。"
    assert t["1"].departments == ["市园林局"] and t["1"].status == "done"
    assert t["2"].progress == "2所主体完工，1所暂未开工。"
    assert t["2"].reason == "用地手续未办结。" and t["2"].departments == ["市教育局"]
    assert t["3"].status_raw == "完成" and t["3"].progress == "新增4.8万人。"
    assert t["3"].departments == ["市人力资源社会保障局"]


def test_nearly_done_is_partial_only_with_a_real_unfinished_reason():
    from zibo_cli.extract.tasks import parse_rows

    header = ["序号", "任务", "完成情况", "未完成原因"]
    rows = parse_rows([header, ["1", "建成社区食堂12处", "基本完成", "选址调整，延误1个月"],
                       ["2", "改造老旧小区30个", "基本完成", "无"]])
    assert [(t.seq, t.status) for t in rows] == [("1", "partial"), ("2", "not_done")]
