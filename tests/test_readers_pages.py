"""Reports as they come from a city government website, and as PDFs exported from Word.

The pages in ``tests/data/pages/`` were written for these tests in the style of such a
site (see its README): site navigation, a breadcrumb, a metadata table, the article in
styled runs, an attachment list, print links and a footer. Each is read back and
ingested through the CLI next to the same report saved as text: the metadata table
gives title, date and publisher; the text holds the report and no furniture; the
figures and tasks are those of the text file.
"""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest

from zibo_cli.normalize import normalize_text
from zibo_cli.sources import read_source

PAGES = Path(__file__).resolve().parent / "data" / "pages"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# words of the site around the article; none may reach the text
FURNITURE = ("首页", "政务公开", "政务服务", "当前位置", "您当前的位置", "打印", "关闭窗口", "分享", "微信",
             "网站标识码", "ICP", "公网安备", "主办单位", "承办单位", "联系电话", "电子邮箱", "附件", ".docx",
             ".xlsx", "浏览次数", "相关文章", "统计代码", "字体", "今天是", "无障碍", "English", "索引号",
             "主题分类", "淄博日报")


def page(name: str, charset: str, encoding: str | None = None) -> bytes:
    """A page template with ``charset`` declared, encoded as ``encoding`` (default: the same)."""
    text = (PAGES / name).read_text("utf-8").replace("__CHARSET__", charset)
    return text.encode(encoding or charset)


def _read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(path)


def _norm_lines(text: str) -> list[str]:
    return [ln for ln in normalize_text(text).split("\n") if ln.strip()]


# ---------------------------------------------------------------------------
# a report page: encodings, metadata, furniture
# ---------------------------------------------------------------------------

REPORT_META = {"title": "2023年前三季度全市经济运行情况", "published": "2023-10-26", "publisher": "淄博市统计局",
               "index_no": "11370300004224423Q/2023-01234"}


@pytest.mark.parametrize("declared, encoding, read_as", [
    ("gb2312", "gbk", "gb18030"),      # the usual: GBK bytes (瑞堃 is not in GB2312) declared gb2312
    ("GBK", "gbk", "gb18030"),
    ("utf-8", "utf-8", "utf-8"),
    ("gb18030", "gb18030", "gb18030"),
])
def test_report_page_text_and_metadata(tmp_path, declared, encoding, read_as):
    src = _read(tmp_path, "report.html", page("gov_report.html", declared, encoding))
    assert src.format == "html" and src.encoding == read_as and src.warnings == []
    assert _norm_lines(src.text) == _norm_lines((PAGES / "gov_report.txt").read_text("utf-8"))
    # the metadata table wins over the 发布时间/来源 line and the <meta> tags; 发文日期 over 成文日期
    assert src.meta == REPORT_META
    for word in FURNITURE:
        assert word not in normalize_text(src.text), word


@pytest.mark.parametrize("declared, encoding, read_as", [
    ("gb2312", "utf-8", "utf-8"),       # a template that says gb2312 over UTF-8 content
    ("utf-8", "gbk", "gb18030"),        # and the other way round
    ("iso-8859-1", "gbk", "gb18030"),   # a server default: Latin-1 decodes anything, as nonsense
    ("iso-8859-1", "utf-8", "utf-8"),
    ("windows-1252", "gbk", "gb18030"),
    ("big5", "gbk", "gb18030"),
])
def test_page_whose_charset_lies(tmp_path, declared, encoding, read_as):
    src = _read(tmp_path, "report.html", page("gov_report.html", declared, encoding))
    assert src.encoding == read_as
    assert src.warnings == [f"the page says it is {declared.lower()} but is not; read as {read_as}"]
    assert _norm_lines(src.text) == _norm_lines((PAGES / "gov_report.txt").read_text("utf-8"))
    assert src.meta == REPORT_META


def test_ascii_page_with_any_charset_is_fine(tmp_path):
    data = b"<html><head><meta charset='iso-8859-1'></head><body><p>GDP grew by 5.1% in 2024.</p></body></html>"
    src = _read(tmp_path, "en.html", data)
    assert src.warnings == [] and "5.1%" in src.text


def _ingest(zibo, folder: Path) -> None:
    result = zibo("ingest", folder)
    assert result.exit_code == 0, result.stderr


def _figures(zibo_json, document: str) -> list[dict]:
    # region: a page's metadata table names its publisher (淄博市…), which the saved text does not
    rows = [{k: v for k, v in r.items() if k not in ("document", "id", "doc_id", "char_offset", "path", "region")}
            for r in zibo_json("indicator") if r["document"] == document]
    return sorted(rows, key=lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True))


def _doc(zibo_json, document: str) -> dict:
    keep = ("title", "year", "start_month", "end_month", "published", "publisher", "doc_type", "index_no")
    return next({k: d[k] for k in keep} for d in zibo_json("docs") if d["document"] == document)


def test_report_page_ingested_gives_the_figures_of_the_text(zibo, zibo_json, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_bytes((PAGES / "gov_report.txt").read_bytes())
    (folder / "report.html").write_bytes(page("gov_report.html", "gb2312", "gbk"))
    (folder / "report_utf8.htm").write_bytes(page("gov_report.html", "gb2312", "utf-8"))
    _ingest(zibo, folder)
    want = _figures(zibo_json, "report.txt")
    assert len(want) >= 8
    assert {r["name"] for r in want} >= {"地区生产总值", "规上工业增加值", "固定资产投资"}
    assert _figures(zibo_json, "report.html") == want
    assert _figures(zibo_json, "report_utf8.htm") == want
    doc = _doc(zibo_json, "report.html")
    assert doc == {"title": REPORT_META["title"], "year": 2023, "start_month": 1, "end_month": 9,
                   "published": "2023-10-26", "publisher": "淄博市统计局", "doc_type": "report",
                   "index_no": REPORT_META["index_no"]}
    assert _doc(zibo_json, "report_utf8.htm") == doc


def test_report_only_in_its_attachment(zibo, zibo_json, tmp_path):
    src = _read(tmp_path, "a.html", page("attachment_only.html", "utf-8"))
    assert src.text == "2024年全市经济社会发展主要目标任务第二季度完成情况"
    assert len(src.warnings) == 1
    assert "2024年全市经济社会发展主要目标任务第二季度完成情况.docx" in src.warnings[0]
    assert "attachment" in src.warnings[0]
    assert src.meta["published"] == "2024-07-31" and src.meta["publisher"] == "淄博市人民政府办公室"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(page("attachment_only.html", "gb2312", "gbk"))
    r = zibo("ingest", folder, "--json")  # not an error: a page with no report is skipped, saying where it is
    assert r.exit_code == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["status"] == "skipped" and any("attachment" in w for w in row["warnings"])
    assert zibo_json("docs") == []


def test_attachment_named_in_text_and_links_inside_prose(tmp_path):
    body = ("<div class='article-content'><p>　　上半年，全市地区生产总值同比增长5.1%，一般公共预算收入增长4.2%，"
            "详见<a href='/f/2.pdf'>统计表.pdf</a>，经济运行稳中向好。</p>"
            "<p>附件：1.2024年上半年主要指标.docx</p><p>附件下载：<a href='/f/1.xls'>主要指标表</a></p>"
            "<ul><li><a href='/f/3.docx'>3.分区县指标.docx</a></li></ul></div>")
    src = _read(tmp_path, "p.html", f"<html><body>{body}</body></html>".encode())
    assert src.text == "上半年，全市地区生产总值同比增长5.1%，一般公共预算收入增长4.2%，详见，经济运行稳中向好。"
    assert src.warnings == []  # the page has its own text


def test_metadata_as_a_list_with_spread_out_labels(tmp_path):
    src = _read(tmp_path, "l.html", page("list_meta.html", "utf-8"))
    assert src.meta == {"title": "2024年上半年全市经济运行情况", "index_no": "11370300004224423Q/2024-07788",
                        "published": "2024-07-23", "publisher": "淄博市统计局"}
    assert src.text.split("\n") == ["2024年上半年全市经济运行情况",
                                    "上半年，全市地区生产总值同比增长5.1%，规模以上工业增加值同比增长7.6%。",
                                    "固定资产投资同比增长5.2%，社会消费品零售总额同比增长2.9%。"]


LAYOUT_CELL_PAGE = """<html><head><meta charset="utf-8"></head><body>
<table width="1000"><tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a></td></tr></table>
<table width="1000"><tr><td width="200"><a href="/a">市政府领导</a><br><a href="/b">政府文件</a></td>
<td width="800">
<table><tr><td>索引号：</td><td>1137/2023-9</td><td>发布机构：</td><td>淄博市统计局</td></tr>
<tr><td>发文日期：</td><td>2023-10-26</td><td>标题：</td><td>2023年前三季度全市经济运行情况</td></tr></table>
<table><tr><td align="center"><b>2023年前三季度全市经济运行情况</b></td></tr>
<tr><td class="zoom"><div align="center">发布时间：2023-10-28 09:15　　来源：淄博日报　　浏览次数：1024</div>
<p>　　前三季度，全市地区生产总值同比增长5.6%，规模以上工业增加值同比增长7.2%，固定资产投资同比增长6.4%。</p>
<p>　　社会消费品零售总额同比增长8.3%，居民人均可支配收入同比增长5.9%。</p>
<p style="text-align:right">来源：淄博日报</p></td></tr></table>
</td></tr></table></body></html>"""


def test_field_lines_inside_a_layout_cell_leave_the_text(zibo, zibo_json, tmp_path):
    """A 发布时间/来源 line in the article's own layout cell: out of the text, and the metadata
    table still gives the date and publisher of the stored document."""
    src = _read(tmp_path, "c.html", LAYOUT_CELL_PAGE.encode("utf-8"))
    assert src.text.split("\n") == [
        "2023年前三季度全市经济运行情况",
        "前三季度，全市地区生产总值同比增长5.6%，规模以上工业增加值同比增长7.2%，固定资产投资同比增长6.4%。",
        "社会消费品零售总额同比增长8.3%，居民人均可支配收入同比增长5.9%。"]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "c.html").write_bytes(LAYOUT_CELL_PAGE.encode("gbk"))
    _ingest(zibo, folder)
    doc = _doc(zibo_json, "c.html")
    assert (doc["published"], doc["publisher"], doc["index_no"]) == ("2023-10-26", "淄博市统计局", "1137/2023-9")


# ---------------------------------------------------------------------------
# a task table page: rowspan on 序号 and 分管领导, <p> inside cells
# ---------------------------------------------------------------------------

TASK_FIELDS = ("seq", "status", "reason", "annual_target", "period_target", "progress", "next_steps", "leader",
               "departments")


def _tasks(zibo_json, document: str) -> list[dict]:
    return [{k: t[k] for k in TASK_FIELDS} for t in zibo_json("tasks") if t["document"] == document]


def _ingest_tasks(zibo, tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tasks.txt").write_bytes((PAGES / "gov_tasks.txt").read_bytes())
    (folder / "tasks.html").write_bytes(page("gov_tasks.html", "utf-8"))
    (folder / "tasks_gbk.html").write_bytes(page("gov_tasks.html", "gb2312", "gbk"))
    _ingest(zibo, folder)
    return folder


def test_task_table_page(zibo, zibo_json, tmp_path):
    src = _read(tmp_path, "t.html", page("gov_tasks.html", "utf-8"))
    assert len(src.tables) == 1
    table = src.tables[0]
    assert table[0][:4] == ["序号", "年度目标", "第一季度目标", "是否完成"]
    assert [r[0] for r in table[1:]] == ["1", "1", "2", "3"]  # 序号 merged over two rows: in both
    assert [r[7] for r in table[1:]] == ["张明", "张明", "张明", "李红"]
    assert table[1][8] == "市发展改革委 市统计局"  # two <p> in a cell: one line
    assert src.meta["published"] == "2024年04月30日"
    for word in FURNITURE:
        assert word not in src.text, word

    _ingest_tasks(zibo, tmp_path)
    tasks = _tasks(zibo_json, "tasks.html")
    assert [t["seq"] for t in tasks] == ["1", "2", "3"]
    first = tasks[0]
    assert first["status"] == "done" and first["reason"] is None
    assert first["annual_target"] == "地区生产总值增长5.5%左右。"
    assert first["period_target"] == "加强经济运行监测调度，确保开局良好。\n推动规上工业增加值平稳增长。"
    assert first["progress"].split("\n") == ["1.组织召开全市经济运行调度会议，研究解决突出问题。",
                                             "2.一季度全市地区生产总值同比增长5.8%，高于全省0.2个百分点。",
                                             "一季度全市规上工业增加值同比增长8.1%。"]
    assert first["leader"] == "张明"
    assert first["departments"] == ["市发展改革委", "市统计局", "市工业和信息化局"]
    assert tasks[1]["status"] == "not_done" and tasks[1]["reason"].startswith("部分重点项目")
    assert _tasks(zibo_json, "tasks_gbk.html") == tasks
    doc = _doc(zibo_json, "tasks.html")
    assert (doc["doc_type"], doc["published"], doc["publisher"]) == ("task_table", "2024-04-30", "淄博市人民政府办公室")
    assert (doc["year"], doc["start_month"], doc["end_month"]) == (2024, 1, 3)
    assert _figures(zibo_json, "tasks.html") == _figures(zibo_json, "tasks.txt")
    # the text table gives the same tasks, but for the first row's 未完成原因 (see the next test)
    text_tasks = _tasks(zibo_json, "tasks.txt")
    skip = ("status", "reason")
    assert [{k: v for k, v in t.items() if k not in skip} for t in text_tasks] == \
        [{k: v for k, v in t.items() if k not in skip} for t in tasks]
    assert text_tasks[1:] == tasks[1:]


def test_task_table_page_and_text_table_agree_on_status(zibo, zibo_json, tmp_path):
    _ingest_tasks(zibo, tmp_path)
    assert _tasks(zibo_json, "tasks.txt") == _tasks(zibo_json, "tasks.html")


# ---------------------------------------------------------------------------
# traditional characters with pinyin, on a page laid out in tables
# ---------------------------------------------------------------------------


def test_traditional_pinyin_page_in_layout_tables(zibo, zibo_json, tmp_path):
    src = _read(tmp_path, "t.html", page("layout_trad.html", "gb2312", "gb18030"))
    assert src.encoding == "gb18030"
    assert src.meta == {"title": "2025年一季度全市经济运行情况通报", "index_no": "11370300004224423Q/2025-0012345",
                        "published": "2025-04-25", "publisher": "淄博市人民政府办公室"}
    lines = _norm_lines(src.text)
    assert lines[0] == "2025年一季度全市经济运行情况通报"
    assert lines[1].startswith("一季度，全市经济运行开局良好") and len(lines) == 4
    for word in FURNITURE + ("淄博市人民政府",):
        assert word not in "\n".join(lines), word
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "trad.txt").write_bytes((PAGES / "layout_trad.txt").read_bytes())
    (folder / "trad.html").write_bytes(page("layout_trad.html", "gb2312", "gb18030"))
    _ingest(zibo, folder)
    assert _doc(zibo_json, "trad.html") == _doc(zibo_json, "trad.txt")
    assert _figures(zibo_json, "trad.html") == _figures(zibo_json, "trad.txt")
    assert len(_figures(zibo_json, "trad.html")) >= 5


def _page_from_text_rendering(text: str) -> str:
    """A page rebuilt from a text rendering like seeds/003: a site-name line, a markdown
    table (the page's 4-column metadata table), then one paragraph a line."""
    lines = text.split("\n")
    rows, paras, site = [], [], lines[0]
    for line in lines[1:]:
        if line.startswith("|"):
            if not re.fullmatch(r"\|(?:\s*-+\s*\|)+", line.strip()):
                rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif line.strip():
            paras.append(line)
    trs = []
    for cells in rows:
        tds = [f"<td>{html.escape(c)}</td>" for c in cells if c]
        if len(tds) == 2:  # 标题 | value | (empty): the value spans three columns
            tds[1] = tds[1].replace("<td>", '<td colspan="3">')
        trs.append("<tr>" + "".join(tds) + "</tr>")
    return ("<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
            f"<title>{html.escape(site)}</title></head><body>"
            "<div class='nav'><a href='/'>首頁(yè)</a> <a href='/zwgk/'>政務(wù)公開(kāi)</a></div>"
            f"<div class='top'>{html.escape(site)}</div><table class='xxgk'>{''.join(trs)}</table>"
            "<div class='article-content'>" + "".join(f"<p>　　{html.escape(p)}</p>" for p in paras) + "</div>"
            "<div>【<a href='javascript:window.print()'>打印本頁(yè)</a>】【<a href='#'>關(guān)閉窗口</a>】</div>"
            "<div class='footer'>網(wǎng)站標(biāo)識(shí)碼：3703000001 魯ICP備05002498號(hào)</div></body></html>")


def test_seed_like_traditional_page_as_html(zibo, zibo_json, tmp_path):
    seed = next(SEEDS.glob("003_*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(seed.read_bytes())
    (folder / "seed.html").write_bytes(_page_from_text_rendering(seed.read_text("utf-8")).encode("gb18030"))
    _ingest(zibo, folder)
    want = _doc(zibo_json, "seed.txt")
    assert want["published"] and want["publisher"] and want["title"]
    assert _doc(zibo_json, "seed.html") == want
    figures = _figures(zibo_json, "seed.txt")
    assert len(figures) >= 10
    assert _figures(zibo_json, "seed.html") == figures


# ---------------------------------------------------------------------------
# furniture lines, one by one
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "【打印本页】【关闭窗口】", "[打印] [关闭]", "【字体：大 中 小】", "分享到：微信 微博 QQ空间",
    "主办单位：淄博市人民政府办公室 承办单位：淄博市大数据局", "网站标识码：3703000001", "鲁ICP备05002498号",
    "版权所有：淄博市人民政府", "联系电话：0533-3183535", "您当前的位置：首页 > 政务公开 > 政府信息公开",
    "首页 > 政务公开", "主辦(bàn)單位：淄博市人民政府辦(bàn)公室", "当前位置：首页",
])
def test_furniture_lines(line):
    from zibo_cli.readers.html import _furniture_line

    assert _furniture_line(line)


@pytest.mark.parametrize("line", [
    "上半年，全市地区生产总值同比增长5.1%。", "一、关闭退出落后产能12家，打印耗材产业增长8%。",
    "首页面设计完成", "地址选址工作已完成，项目开工建设。",
])
def test_report_lines_are_not_furniture(line):
    from zibo_cli.readers.html import _furniture_line

    assert not _furniture_line(line)


# ---------------------------------------------------------------------------
# PDFs exported from Word: sentences over page breaks, a task table over two pages
# ---------------------------------------------------------------------------


def _pdf_font() -> str:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    # STSong-Light is one of the CID fonts every PDF reader has: no font file is needed
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


PDF_TITLE = "2024年前三季度全市经济运行情况"
_FILLER = ("各级各部门坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹推进稳增长、调结构、促改革、惠民生、"
           "防风险各项工作，")
PDF_PARAS = [
    "前三季度，全市上下认真落实市委、市政府决策部署，" + _FILLER * 3 + "全市经济运行总体平稳、稳中有进。",
    "一、经济总量稳步增长。" + _FILLER * 4 + "前三季度，全市地区生产总值同比增长5.3%，一般公共预算收入同比增长4.1%。",
    "二、工业生产较快增长。" + _FILLER * 5 + "全市规模以上工业增加值同比增长7.8%，高于全省0.9个百分点，"
    "其中高技术制造业增加值增长12.5%。",
    "三、投资和消费协同发力。" + _FILLER * 3 + "全市固定资产投资同比增长5.5%，社会消费品零售总额同比增长4.6%。",
    "四、民生保障持续加强。" + _FILLER * 2 + "全市居民人均可支配收入同比增长5.0%，城镇新增就业3.6万人。",
]


def report_pdf(align: int = 4, running_head: bool = True) -> bytes:
    """An A4 report as Word exports it: a large centred title, 16 pt body indented two
    characters (justified by default), a running head and a page number on every page."""
    font = _pdf_font()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    title = ParagraphStyle("t", fontName=font, fontSize=22, leading=30, alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName=font, fontSize=16, leading=28, firstLineIndent=32, alignment=align,
                          wordWrap="CJK")

    def furniture(canvas, doc):
        canvas.setFont(font, 10)
        if running_head:
            canvas.drawRightString(A4[0] - 75, A4[1] - 50, "淄博市统计局 统计分析")
        canvas.setFont(font, 12)
        canvas.drawCentredString(A4[0] / 2, 40, f"— {doc.page} —")

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=80, rightMargin=75, topMargin=100, bottomMargin=90).build(
        [Paragraph(PDF_TITLE, title), Spacer(1, 20), *[Paragraph(p, body) for p in PDF_PARAS]],
        onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


def _pdf_pages(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() for p in pdf.pages]


@pytest.mark.parametrize("align, running_head", [(4, True), (0, True), (4, False)])
def test_pdf_report_with_sentences_across_pages(zibo, zibo_json, tmp_path, align, running_head):
    data = report_pdf(align, running_head)
    pages = _pdf_pages(data)
    assert len(pages) >= 3
    # the fixture does what it is meant to: a page ends inside a sentence
    assert any(not p.rstrip().split("\n")[-2].endswith("。") for p in pages[:-1])
    src = _read(tmp_path, "r.pdf", data)
    assert src.text.split("\n") == [PDF_TITLE, *PDF_PARAS]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "r.pdf").write_bytes(data)
    (folder / "r.txt").write_text(PDF_TITLE + "\n" + "\n".join(PDF_PARAS) + "\n", encoding="utf-8")
    _ingest(zibo, folder)
    assert _doc(zibo_json, "r.pdf") == _doc(zibo_json, "r.txt")
    figures = _figures(zibo_json, "r.txt")
    assert len(figures) >= 8
    assert _figures(zibo_json, "r.pdf") == figures


TASK_PDF_TITLE = "2024年全市经济社会发展主要目标任务第三季度完成情况"
TASK_HEADER = ["序号", "年度目标", "第三季度目标", "是否完成", "具体工作进展", "未完成原因", "下步工作打算",
               "市政府分管领导", "责任单位"]
_UNITS = ["市发展改革委", "市工业和信息化局", "市商务局", "市财政局", "市统计局", "市人力资源社会保障局"]


def task_rows(n: int = 8) -> list[list[str]]:
    rows = []
    for i in range(1, n + 1):
        done = i % 3 != 0
        rows.append([
            str(i), f"第{i}项年度目标：推动重点领域改革攻坚，相关指标增长{i}.5%以上。", f"前三季度完成年度任务的{70 + i}%。",
            "完成" if done else "未完成",
            f"围绕目标任务，组织开展专项行动{i}次，" + "强化调度推进，协调解决企业困难和问题，" * (2 + i % 4)
            + f"前三季度相关指标增长{i}.2%。",
            "无" if done else "受市场需求偏弱影响，部分企业订单不足。", "持续加强调度，确保完成全年目标。",
            "张明" if i < 5 else "李红", f"{_UNITS[i % 6]} {_UNITS[(i + 1) % 6]}"])
    return rows


def task_table_pdf(rows: list[list[str]]) -> bytes:
    """A landscape task table as Word prints it: ruled cells, text wrapped inside them, the
    header row repeated on each page, and a row that does not fit cut by the page break
    (its lines carried over to the next page), a page number at the foot."""
    font = _pdf_font()
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas as pdfcanvas

    width, height = landscape(A4)
    widths = [30, 110, 80, 40, 200, 90, 90, 50, 90]
    size, leading, pad, left, top, bottom = 10, 14, 4, 40, 50, 60

    def wrap(text: str, w: float) -> list[str]:
        lines = []
        for para in text.split(" "):  # a space: a new paragraph in the cell
            line = ""
            for ch in para:
                if line and stringWidth(line + ch, font, size) > w - 2 * pad:
                    lines.append(line)
                    line = ""
                line += ch
            lines.append(line)
        return lines

    buf = io.BytesIO()
    c = pdfcanvas.Canvas(buf, pagesize=(width, height))
    page = [1]

    def new_page() -> float:
        c.setFont(font, 10)
        c.drawCentredString(width / 2, 30, f"— {page[0]} —")
        c.showPage()
        page[0] += 1
        return draw_row([wrap(h, w) for h, w in zip(TASK_HEADER, widths, strict=True)], height - top)

    def draw_row(cells: list[list[str]], y: float) -> float:
        h = max(len(ls) for ls in cells) * leading + 2 * pad
        x = left
        c.setFont(font, size)
        for lines, w in zip(cells, widths, strict=True):
            c.rect(x, y - h, w, h)
            for k, line in enumerate(lines):
                c.drawString(x + pad, y - pad - (k + 1) * leading + 3, line)
            x += w
        return y - h

    c.setFont(font, 18)
    c.drawCentredString(width / 2, height - top, TASK_PDF_TITLE)
    y = draw_row([wrap(h, w) for h, w in zip(TASK_HEADER, widths, strict=True)], height - top - 60)
    for row in rows:
        cells = [wrap(t, w) for t, w in zip(row, widths, strict=True)]
        while cells:
            room = int((y - bottom - 2 * pad) // leading)
            need = max(len(ls) for ls in cells)
            if need <= room:
                y = draw_row(cells, y)
                break
            if room < 2:  # not even two lines: the row starts on the next page
                y = new_page()
                continue
            y = draw_row([ls[:room] for ls in cells], y)
            cells = [ls[room:] for ls in cells]
            y = new_page()
    c.setFont(font, 10)
    c.drawCentredString(width / 2, 30, f"— {page[0]} —")
    c.showPage()
    c.save()
    return buf.getvalue()


def _task_text(rows: list[list[str]]) -> str:
    return TASK_PDF_TITLE + "\n\n" + "\n".join("\t".join(r) for r in [TASK_HEADER, *rows]) + "\n"


def test_pdf_task_table_over_two_pages(zibo, zibo_json, tmp_path):
    rows = task_rows()
    data = task_table_pdf(rows)
    pages = _pdf_pages(data)
    assert len(pages) == 2 and all(p.count("序号") == 1 for p in pages)  # the header on each page
    assert not pages[1].split("\n")[2][0].isdigit()  # the page break cuts a row: page 2 goes on with it
    src = _read(tmp_path, "t.pdf", data)
    assert len(src.tables) == 1
    assert src.tables[0] == [TASK_HEADER, *rows]
    assert src.text == _task_text(rows).strip()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "t.pdf").write_bytes(data)
    (folder / "t.txt").write_text(_task_text(rows), encoding="utf-8")
    _ingest(zibo, folder)
    tasks = _tasks(zibo_json, "t.pdf")
    assert [t["seq"] for t in tasks] == [str(i) for i in range(1, 9)]
    assert [t["status"] for t in tasks] == ["not_done" if i % 3 == 0 else "done" for i in range(1, 9)]
    assert tasks == _tasks(zibo_json, "t.txt")
    assert _doc(zibo_json, "t.pdf") == _doc(zibo_json, "t.txt")
    assert _figures(zibo_json, "t.pdf") == _figures(zibo_json, "t.txt")
