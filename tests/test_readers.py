"""HTML, DOCX, XLSX and PDF readers: files built here with the libraries themselves, read
back, and ingested through the CLI next to the same content saved as text.

The report below is seed-like but written for these tests: a title, two paragraphs with
figures, and a task table. Each format must give the same normalised text, metadata,
observations and tasks as the text file does.
"""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zibo_cli.readers import html as html_reader
from zibo_cli.readers import tables
from zibo_cli.sources import SourceError, read_source

TITLE = "2024年上半年全市经济运行情况"
PARAS = [
    "上半年，全市地区生产总值同比增长5.1%，一般公共预算收入同比增长4.23%，固定资产投资同比增长5.2%，"
    "社会消费品零售总额同比增长2.9%，经济社会发展呈现持续回升向好态势，主要指标好于预期。",
    "一、产业转型加力提速。上半年，全市规上工业增加值同比增长7.1%，五一期间举办了淄博烧烤体验地活动。",
]
HEADER = ["序号", "年度目标", "是否完成", "具体工作进展", "未完成原因", "分管领导", "责任单位"]
ROWS = [
    ["1", "地区生产总值增长5.5%左右。", "完成", "上半年全市地区生产总值同比增长5.1%。", "无", "宋振波",
     "市发展改革委 市统计局"],
    ["2", "固定资产投资增长8%以上。", "未完成", "1-6月固定资产投资增长5.2%。", "重点项目开工不足。", "宋振波",
     "市发展改革委"],
    ["3", "居民人均可支配收入增长5.5%以上。", "完成", "上半年居民人均可支配收入增长6.5%。", "无", "李华",
     "市统计局"],
]
TABLE = [HEADER, *ROWS]
TABLE_TITLE = "2024年第二季度目标任务完成情况"


def report_text() -> str:
    """The report as a text file would hold it: what every reader should give back."""
    rows = "\n".join("\t".join(r) for r in TABLE)
    return f"{TITLE}\n" + "\n".join(PARAS) + f"\n\n{rows}\n"


def table_text() -> str:
    rows = "\n".join("\t".join(r) for r in TABLE)
    return f"{TABLE_TITLE}\n\n{rows}\n"


# ---------------------------------------------------------------------------
# builders
# ---------------------------------------------------------------------------


def build_html(charset: str = "utf-8") -> bytes:
    """A government page: navigation, a metadata table, the article with a task table, a footer."""
    cells = []
    for i, row in enumerate(TABLE):
        tds = []
        for j, cell in enumerate(row):
            if j == 5 and i >= 1:  # 分管领导 merged over rows 1–2
                if i == 1:
                    tds.append(f'<td rowspan="2">{cell}</td>')
                elif i == 2:
                    continue
                else:
                    tds.append(f"<td>{cell}</td>")
            elif j == 6 and " " in cell:
                tds.append("<td>" + "".join(f"<p>{x}</p>" for x in cell.split()) + "</td>")
            else:
                tds.append(f"<td>{cell}</td>")
        cells.append("<tr>" + "".join(tds) + "</tr>")
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{TITLE}_淄博市人民政府</title>
<script>document.write("<p>脚本里的文字</p>");</script><style>p {{ margin: 0 }}</style></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
<li><a href="/fw">政务服务</a></li><li><a href="/hd">互动交流</a></li><li><a href="/zj">走进淄博</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a></div>
<table class="xxgk">
<tr><td>索引号：</td><td>11370300004224423Q/2024-00042</td><td>文号：</td><td></td></tr>
<tr><td>发文日期：</td><td>2024-07-25</td><td>发布机构：</td><td>淄博市人民政府办公室</td></tr>
</table>
<div class="article">
<h1>{TITLE}</h1>
<div class="zoom">
{"".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>" for p in PARAS)}
<table border="1" cellspacing="0">{"".join(cells)}</table>
<p>【字体：大 中 小】</p>
</div></div>
<div class="footer"><p>主办：淄博市人民政府办公室 版权所有</p><p>网站标识码3703000001 鲁ICP备05000000号</p></div>
</body></html>"""
    return page.encode(charset)


def build_docx(paragraphs: bool = True) -> bytes:
    import docx

    d = docx.Document()
    if paragraphs:
        d.add_heading(TITLE, level=1)
        for p in PARAS:
            d.add_paragraph(p)
    else:
        d.add_paragraph(TABLE_TITLE)
    t = d.add_table(rows=len(TABLE), cols=len(HEADER))
    for i, row in enumerate(TABLE):
        for j, cell in enumerate(row):
            if j == 6:
                c = t.cell(i, j)
                parts = cell.split()
                c.text = parts[0]
                for extra in parts[1:]:
                    c.add_paragraph(extra)
            else:
                t.cell(i, j).text = cell
    t.cell(1, 5).merge(t.cell(2, 5)).text = "宋振波"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def build_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([TABLE_TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(HEADER)
    for row in ROWS:
        values = [int(row[0]), *row[1:]]
        values[6] = values[6].replace(" ", "\n")  # two departments on two lines of the cell
        ws.append(values)
    ws["F4"] = None
    ws.merge_cells("F3:F4")  # 分管领导 merged over rows 1–2
    hidden = wb.create_sheet("说明")
    hidden.append(["这张表不显示"])
    hidden.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _reportlab():
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    # STSong-Light is one of the CID fonts every PDF reader has: no font file is needed
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def build_pdf(extra_rows: int = 0) -> bytes:
    """The report as a PDF: a title, indented paragraphs that wrap, a ruled table that may run
    over several pages (header repeated), page numbers in the footer."""
    _reportlab()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = "STSong-Light"
    title = ParagraphStyle("t", fontName=font, fontSize=18, leading=26, alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName=font, fontSize=12, leading=18, firstLineIndent=24, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    rows = [HEADER] + [[Paragraph(c.replace(" ", "<br/>"), cell) for c in r] for r in ROWS]
    for k in range(extra_rows):
        rows.append([str(4 + k), Paragraph("推进重点项目建设，确保项目按期开工。" * 3, cell), "完成",
                     Paragraph("重点项目完成年度投资计划的百分之五十二，新开工项目一百四十五个。" * 4, cell),
                     "无", "李华", "市发展改革委"])
    t = Table(rows, colWidths=[28, 90, 42, 150, 60, 45, 100], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), font, 9),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))

    def footer(canvas, doc):
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    buf = io.BytesIO()
    story = [Paragraph(TITLE, title), Spacer(1, 12), *[Paragraph(p, body) for p in PARAS], Spacer(1, 12), t]
    SimpleDocTemplate(buf, pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def build_scanned_pdf() -> bytes:
    """A PDF with only a picture-like drawing: no text layer."""
    _reportlab()
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(72, 72, 300, 400, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def _read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(path)


# ---------------------------------------------------------------------------
# readers one by one
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_html_page_main_text_metadata_and_task_table(tmp_path, charset):
    src = _read(tmp_path, "page.html", build_html(charset))
    assert src.format == "html"
    assert src.encoding == ("utf-8" if charset == "utf-8" else "gb18030")
    assert src.text == report_text().rstrip("\n")
    for furniture in ("首页", "当前位置", "版权所有", "ICP", "字体", "脚本", "索引号"):
        assert furniture not in src.text
    assert src.meta == {"title": TITLE, "index_no": "11370300004224423Q/2024-00042",
                        "published": "2024-07-25", "publisher": "淄博市人民政府办公室"}
    assert src.tables == [TABLE]


def test_html_traditional_page_with_pinyin_labels(tmp_path):
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>
    <div>淄博市人民政府</div>
    <table><tr><td>標(biāo)題:</td><td colspan="3">2022年前三季度經(jīng)濟運行情況通報</td></tr>
    <tr><td>索引號:</td><td>113703/2022-1</td><td>文號:</td><td></td></tr>
    <tr><td>發(fā)文日期:</td><td>2022-10-28</td><td>發(fā)布機構(gòu):</td><td>淄博市統計局</td></tr></table>
    <div><p>前三季度，全市地區生產總值增長4.5%，經濟運行總體平穩，呈現穩中有進的良好態勢。</p></div>
    </body></html>"""
    src = _read(tmp_path, "p.html", page.encode("utf-8"))
    assert src.encoding == "utf-8"
    assert src.meta["title"] == "2022年前三季度经济运行情况通报"
    assert src.meta["published"] == "2022-10-28"
    assert src.meta["publisher"] == "淄博市统计局"
    assert src.meta["index_no"] == "113703/2022-1"
    lines = src.text.split("\n")
    assert lines[0] == "2022年前三季度经济运行情况通报"  # the title leads the text
    assert "生產總值增長4.5%" in src.text  # the text itself is normalised later, by the pipeline
    assert "索引" not in src.text and "淄博市人民政府" not in src.text


def test_html_declared_charset_that_is_wrong_falls_back(tmp_path):
    page = f"<html><head><meta charset='utf-8'></head><body><p>{PARAS[0]}</p></body></html>"
    src = _read(tmp_path, "p.htm", page.encode("gb18030"))
    assert src.encoding == "gb18030" and PARAS[0] in src.text
    assert "utf-8" in src.warnings[0]


def test_html_field_line_outside_a_table():
    assert html_reader.fields_in_line("发布日期：2024-07-25   来源：淄博市统计局  浏览次数：52") == {
        "published": "2024-07-25", "source": "淄博市统计局"}
    # a label inside a longer word is not a label (项目名称 is not 名称)
    assert html_reader.fields_in_line("项目名称：淄博烧烤体验地") == {}


def test_docx_paragraphs_and_table_in_order(tmp_path):
    src = _read(tmp_path, "r.docx", build_docx())
    assert src.format == "docx"
    assert src.text == report_text().rstrip("\n")
    assert src.tables == [TABLE]  # the merged 分管领导 cell is repeated in both rows


def test_xlsx_task_table(tmp_path):
    src = _read(tmp_path, "t.xlsx", build_xlsx())
    assert src.format == "xlsx"
    assert src.text == table_text().rstrip("\n")
    assert src.tables == [TABLE]
    assert "不显示" not in src.text  # hidden sheets are not read


def test_pdf_paragraphs_joined_and_table_read(tmp_path):
    src = _read(tmp_path, "r.pdf", build_pdf())
    assert src.format == "pdf"
    assert src.text == report_text().rstrip("\n")
    assert src.tables == [TABLE]


def test_pdf_table_over_several_pages_is_one_table(tmp_path):
    src = _read(tmp_path, "long.pdf", build_pdf(extra_rows=12))
    assert len(src.tables) == 1
    table = src.tables[0]
    assert table[0] == HEADER
    assert [r[0] for r in table[1:]] == [str(i) for i in range(1, 16)]  # header repeats dropped
    assert table[4][3] == "重点项目完成年度投资计划的百分之五十二，新开工项目一百四十五个。" * 4
    assert "- 2 -" not in src.text and "-2-" not in src.text  # page numbers dropped


def test_pdf_row_cut_by_a_page_break_is_joined():
    from zibo_cli.readers.pdf import TableItem, _merge_tables

    first = TableItem(rows=[HEADER, ["1", "地区生产总值", "完成", "上半年全市地区生产", "无", "宋振波", "市统计局"]],
                      top=0, bottom=1, page=0)
    rest = TableItem(rows=[HEADER, ["", "增长5.5%。", "", "总值增长5.1%。", "", "", ""],
                           ["2", "固定资产投资", "完成", "增长5.2%。", "无", "宋振波", "市统计局"]],
                     top=0, bottom=1, page=1)
    assert _merge_tables(first, rest)
    assert first.rows == [HEADER, ["1", "地区生产总值增长5.5%。", "完成", "上半年全市地区生产总值增长5.1%。",
                                   "无", "宋振波", "市统计局"],
                          ["2", "固定资产投资", "完成", "增长5.2%。", "无", "宋振波", "市统计局"]]
    other = TableItem(rows=[["a", "b"], ["1", "2"]], top=0, bottom=1, page=1)
    assert not _merge_tables(first, other)  # another shape: another table


def test_table_helpers():
    rows = tables.grid([tables.Cell(0, 0, "一、经济发展", colspan=3), tables.Cell(1, 0, "1"),
                        tables.Cell(1, 1, "目标", colspan=2), tables.Cell(2, 0, "2", rowspan=1),
                        tables.Cell(2, 1, "甲"), tables.Cell(2, 2, "乙")])
    assert rows == [["一、经济发展", "", ""], ["1", "目标", "目标"], ["2", "甲", "乙"]]
    before, body, after = tables.split_captions(tables.tidy([["表一", None, ""], ["a", "b"], ["1", " x \n y "],
                                                             ["注：单位为亿元", "", ""]]))
    assert (before, body, after) == (["表一"], [["a", "b"], ["1", "x y"]], ["注：单位为亿元"])
    assert tables.render([["一、经济发展", "", ""], ["1", "a\tb", ""]]) == ["一、经济发展", "1\ta b\t"]


# ---------------------------------------------------------------------------
# unsupported files: a clear message, and the rest of the folder goes on
# ---------------------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)


@pytest.mark.parametrize("name, wanted", [("old.doc", "--convert-to docx"), ("old.xls", "--convert-to xlsx"),
                                          ("old.wps", "--convert-to docx")])
def test_old_office_files_say_how_to_convert(tmp_path, name, wanted):
    with pytest.raises(SourceError, match="libreoffice --headless " + wanted):
        _read(tmp_path, name, OLE)


def test_scanned_pdf_says_to_run_ocr(tmp_path):
    with pytest.raises(SourceError, match="text layer.*OCR"):
        _read(tmp_path, "scan.pdf", build_scanned_pdf())


def test_docx_with_a_wrong_extension_is_still_read(tmp_path):
    src = _read(tmp_path, "report.zip", build_docx())
    assert src.format == "docx" and src.tables == [TABLE]


def test_damaged_files_fail_with_a_message(tmp_path):
    with pytest.raises(SourceError, match="PDF"):
        _read(tmp_path, "bad.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(SourceError, match="docx"):
        _read(tmp_path, "bad.docx", b"PK\x03\x04" + bytes(300))


def test_ingest_goes_on_past_unsupported_files(zibo_json, zibo, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.doc").write_bytes(OLE)
    (folder / "b.pdf").write_bytes(build_scanned_pdf())
    (folder / "c.html").write_bytes(build_html())
    result = zibo("ingest", folder, "--json")
    assert result.exit_code == 1
    import json

    rows = {r["document"]: r for r in json.loads(result.stdout)}
    assert rows["a.doc"]["status"] == "failed" and "libreoffice" in rows["a.doc"]["error"]
    assert rows["b.pdf"]["status"] == "failed" and "OCR" in rows["b.pdf"]["error"]
    assert rows["c.html"]["status"] == "new"
    assert [d["document"] for d in zibo_json("docs")] == ["c.html"]


# ---------------------------------------------------------------------------
# the same content in every format gives the same document, observations and tasks
# ---------------------------------------------------------------------------

# region: a page's metadata table names its publisher (淄博市…), which the bare text does not
_SKIP = {"id", "doc_id", "char_offset", "region"}


def _stored(db: Path, document: str) -> tuple[dict, list, list]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    doc = dict(conn.execute("SELECT title, year, start_month, end_month, doc_type, text, id "
                            "FROM documents WHERE document = ?", (document,)).fetchone())
    doc_id = doc.pop("id")

    def rows(table: str) -> list:
        out = [{k: v for k, v in dict(r).items() if k not in _SKIP}
               for r in conn.execute(f"SELECT * FROM {table} WHERE doc_id = ?", (doc_id,))]
        return sorted(out, key=repr)

    return doc, rows("observations"), rows("tasks")


def test_every_format_gives_what_the_text_gives(zibo, db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(report_text(), encoding="utf-8")
    (folder / "table.txt").write_text(table_text(), encoding="utf-8")
    (folder / "report.html").write_bytes(build_html("utf-8"))
    (folder / "report_gbk.html").write_bytes(build_html("gbk"))
    (folder / "report.docx").write_bytes(build_docx())
    (folder / "report.pdf").write_bytes(build_pdf())
    (folder / "table.xlsx").write_bytes(build_xlsx())
    result = zibo("ingest", folder)
    assert result.exit_code == 0, result.stderr
    for text_doc, others in (("report.txt", ["report.html", "report_gbk.html", "report.docx", "report.pdf"]),
                             ("table.txt", ["table.xlsx"])):
        want = _stored(db, text_doc)
        assert want[0]["title"] in (TITLE, TABLE_TITLE) and want[0]["year"] == 2024
        assert [t["seq"] for t in want[2]] == ["1", "2", "3"]  # the task table was read from the text
        assert [t["status"] for t in want[2]] == ["done", "not_done", "done"]
        for other in others:
            got = _stored(db, other)
            assert got[0] == want[0], other
            assert got[1] == want[1], f"observations of {other}"
            assert got[2] == want[2], f"tasks of {other}"
    conn = sqlite3.connect(db)
    published = conn.execute("SELECT published, publisher, index_no FROM documents "
                             "WHERE document = 'report_gbk.html'").fetchone()
    assert published == ("2024-07-25", "淄博市人民政府办公室", "11370300004224423Q/2024-00042")


def test_reading_libraries_are_not_imported_at_start_up():
    code = ("import sys, zibo_cli.cli, zibo_cli.sources; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'selectolax', 'docx', 'openpyxl', 'pdfplumber', 'pdfminer'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


LAYOUT_PAGE = """<html><head><meta charset="utf-8"><title>淄博市人民政府 2023年一季度全市经济运行情况</title></head>
<body>
<table width="1000"><tr><td><a href="/">首页</a> | <a href="/en">English</a> 今天是：2024年1月1日 星期一</td></tr></table>
<table width="1000"><tr>
<td width="250"><table><tr><td><a href="/a">市政府领导</a></td></tr><tr><td><a href="/b">政府文件</a></td></tr>
<tr><td><a href="/c">规划计划与统计数据公开发布栏目</a></td></tr></table>
<div class="side">热点专题：<a href="#">优化营商环境，打造一流城市，服务企业发展，推动高质量发展专题</a></div></td>
<td width="750">
 <table class="xxgk" border="1">
  <tr><th>索 引 号</th><td>1137/2023-1</td><th>主题分类</th><td>统计</td></tr>
  <tr><th>发布机构</th><td>淄博市统计局</td><th>成文日期</th><td>2023年04月20日</td></tr>
  <tr><th>标　　题</th><td colspan="3">2023年一季度全市经济运行情况</td></tr>
 </table>
 <div class="TRS_Editor"><p style="text-indent:2em"><span>一季度，全市经济运行开局良好。</span><span>全市地区生产总值增长</span>
 <font>4.8%</font><span>，增速高于全省0.1个百分点。</span></p>
 <p>　　工业生产稳步回升。规模以上工业增加值增长6.2%，高于全省1.3个百分点。<br>　　固定资产投资同比增长7.1%。</p></div>
 <div>【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</div>
 <div class="xglj"><h3>相关链接</h3><ul><li><a href="/1">2022年全市经济运行情况</a></li>
 <li><a href="/2">2022年前三季度全市经济运行情况</a></li></ul></div>
</td></tr></table>
<div class="foot">主办单位：淄博市人民政府办公室　承办：淄博市大数据局　网站标识码：3703000001</div>
</body></html>"""


def test_html_page_laid_out_with_tables(tmp_path):
    """An older site: the page is a layout table with a link column; labels in <th> with spaces."""
    src = _read(tmp_path, "old.html", LAYOUT_PAGE.encode("utf-8"))
    assert src.text.split("\n") == [
        "2023年一季度全市经济运行情况",
        "一季度，全市经济运行开局良好。全市地区生产总值增长 4.8%，增速高于全省0.1个百分点。",
        "工业生产稳步回升。规模以上工业增加值增长6.2%，高于全省1.3个百分点。",
        "固定资产投资同比增长7.1%。",
    ]
    assert src.meta == {"index_no": "1137/2023-1", "publisher": "淄博市统计局",
                        "title": "2023年一季度全市经济运行情况", "published": "2023年04月20日"}
    assert src.tables == []


def test_html_page_that_is_only_a_task_table(tmp_path):
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TABLE)
    page = (f"<html><head><title>{TABLE_TITLE}</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<div class='main'><table>{rows}</table></div></body></html>")
    src = _read(tmp_path, "t.html", page.encode("utf-8"))
    assert src.tables == [TABLE]
    assert src.text == table_text().rstrip("\n")


def test_mht_single_file_page_named_doc(tmp_path):
    """Word's "single file web page", as some sites serve it under a .doc name."""
    import quopri

    html = build_html("gbk")
    body = quopri.encodestring(html).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
           "------=_NextPart_01\r\nContent-Location: file:///C:/report.htm\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
           f"{body}\r\n------=_NextPart_01--\r\n")
    src = _read(tmp_path, "report.doc", mht.encode("ascii"))
    assert src.format == "mht" and src.tables == [TABLE]
    assert src.text == report_text().rstrip("\n")


def test_rtf_says_how_to_convert(tmp_path):
    with pytest.raises(SourceError, match="RTF.*--convert-to docx"):
        _read(tmp_path, "r.doc", b"{\\rtf1\\ansi\\ansicpg936 hello}")


def test_html_article_written_straight_into_a_layout_cell(tmp_path):
    nav = "".join(f"<a href='/{i}'>栏目名称第{i}项政务公开</a><br>" for i in range(12))
    page = ("<html><body><table><tr><td class='left'>" + nav + "</td><td class='main'>"
            f"<b>{TITLE}</b><br>{PARAS[0]}<br>{PARAS[1]}</td></tr></table>"
            "<div>版权所有：淄博市人民政府办公室　地址：淄博市张店区人民西路</div></body></html>")
    src = _read(tmp_path, "cell.html", page.encode("utf-8"))
    assert src.text.split("\n") == [TITLE, *PARAS]


def test_html_inline_element_wrapped_around_paragraphs(tmp_path):
    page = ("<html><body><div><font face='仿宋'><p>第一段，全市经济运行总体平稳，稳中有进。</p>"
            "<p>第二段，工业生产稳步回升，<span>增长<b>5%</b></span>。</p>"
            "<table><tr><td>序号</td><td>是否完成</td></tr><tr><td>1</td><td>完成</td></tr></table></font>"
            "结尾文字<span>甲<br>乙</span></div></body></html>")
    src = _read(tmp_path, "font.html", page.encode("utf-8"))
    assert src.text == ("第一段，全市经济运行总体平稳，稳中有进。\n第二段，工业生产稳步回升，增长5%。\n\n"
                        "序号\t是否完成\n1\t完成\n\n结尾文字甲\n乙")
    assert src.tables == [[["序号", "是否完成"], ["1", "完成"]]]
