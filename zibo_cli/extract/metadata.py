"""Document metadata: title, year, covered months, published date, publisher, type.

Works on normalised (simplified) text. Government pages carry a small metadata
table or line (标题 / 索引号 / 文号 / 发文日期 / 发布时间 / 发布机构 / 发文机关 /
来源); PDF and text reports have only the title line, perhaps a document number
(淄政办字〔2022〕15号) and a date standing alone under the issuing bodies or as
the signature at the end. All are read; labelled fields win.

The title is the first short line that reads like one, past site furniture
(淄博市人民政府, 首页 > 政务公开 > …, labelled fields, dates); a title broken over
two lines is joined.

Covered months come from the title:

* 上半年 → 1–6, 下半年 → 7–12
* 前三季度, 1-9月, 1-3季度 → 1–9 (a cumulative range, as written)
* 三季度 (no 第) in a progress report (进展/通报/情况) → 1–9: progress reports
  count the year to date
* 第二季度 → 4–6: that quarter alone (quarterly target tables)
* 第四季度（全年）, 四季度暨全年 → 1–12: the whole year
* 全年 / 年度 / 统计公报, or a year and nothing narrower (2023年全市经济运行情况)
  → 1–12
* 12月 → 12–12; 截至9月底 → 1–9
"""

from __future__ import annotations

import re

from ..models import REPORT, TASK_TABLE, UNKNOWN, DocumentMeta, SourceText
from ..periods import RANGE_SEP, Period, cn_number

__all__ = ["extract_metadata", "classify", "find_title", "read_meta_fields", "document_period"]

# label (simplified, as the normaliser leaves it) -> field
META_LABELS = {
    "标题": "title",
    "名称": "title",
    "文件名称": "title",
    "索引号": "index_no",
    "文号": "doc_no",
    "发文字号": "doc_no",
    "发文日期": "published",
    "发布日期": "published",
    "公开日期": "published",
    "印发日期": "published",
    "成文日期": "written",
    "发布时间": "published",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发文机构": "publisher",
    "发文单位": "publisher",
    "发布单位": "publisher",
    "公开单位": "publisher",
    "来源": "source",
    "信息来源": "source",
    "来源单位": "source",
}
_LABEL_ALT = "|".join(sorted(META_LABELS, key=len, reverse=True))
# a short label (来源, 名称) only at a word's start (not 数据来源, 项目名称); the normaliser drops the
# space between fields, so a long one (发布时间) may follow the previous value directly
_SHORT = "|".join(sorted((k for k in META_LABELS if len(k) <= 2), key=len, reverse=True))
_LONG = "|".join(sorted((k for k in META_LABELS if len(k) > 2), key=len, reverse=True))
_LABEL_RE = re.compile(rf"({_LONG}|(?<![\u4e00-\u9fff])(?:{_SHORT}))\s*[：:]\s*\|?\s*"
                       rf"((?:(?!(?:{_LABEL_ALT})\s*[：:])[^|\t\n])*)")
# where a value ends: the next label, a run of spaces, page furniture (浏览次数：12, 【打印】)
_VALUE_END = re.compile(r"\s*(?:浏览次数|浏览量|点击数|点击量|访问量|阅读数|阅读量|字号|字体|打印|分享|【)|\s{2,}|\s+(?=\D)")

# Task tables are recognised by their header words.
TASK_HEADER_WORDS = ("序号", "是否完成", "完成情况", "工作进展", "未完成原因", "责任单位", "年度目标",
                     "季度目标", "分管领导", "下步工作", "牵头单位", "责任部门", "牵头部门", "进展情况",
                     "推进情况", "存在问题", "下一步", "编号")

# Words a title of such a report contains.
_TITLE_WORDS = ("情况", "通报", "报告", "进展", "完成", "目标任务", "公报", "总结", "简况", "概况", "快报",
                "经济运行", "主要指标", "经济指标")
# How a title ends (a line that does not is continued on the next line).
_TITLE_END = re.compile(r"(?:情况|通报|报告|公报|总结|简况|概况|快报|分析|指标|数据|进展|综述|要点|通知|意见|"
                        r"方案|计划|表)[)）]?$")
# Site furniture: breadcrumbs, labels, organisation names standing alone, dates, document numbers.
_FURNITURE = re.compile(
    r"[>＞›»]|^(?:首页|当前位置|您的位置|您现在的位置|位置|栏目|分享|打印|关闭|字号|浏览|访问|点击)"
    r"|^(?:" + _LABEL_ALT + r")\s*[：:]"
    r"|(?:人民政府|政府|办公室|办公厅|委员会|局|调查队|中心|研究院)$")
_DATE_LINE = re.compile(r"^[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*[年/.\-]\s*\S{1,3}\s*[月/.\-]\s*\S{1,3}"
                        r"\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[)）]?$")
_DOC_NO = re.compile(r"^[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号$")


def read_meta_fields(text: str, limit: int = 3000) -> dict[str, str]:
    """The labelled fields (标题：…, 发文日期：…, 来源：…) near the top of a page.

    A value ends at the next label, at a run of spaces or at page furniture, so
    ``发布时间：2024-11-03 10:20 来源：淄博市统计局`` gives both fields.
    """
    found: dict[str, str] = {}
    for line in text[:limit].split("\n"):
        if "：" not in line and ":" not in line:
            continue  # every label is followed by a colon
        for m in _LABEL_RE.finditer(line):
            field = META_LABELS[m[1]]
            value = m[2]
            if field in ("published", "written"):
                value = _iso_date(value) or ""  # the date, whatever follows it
            else:
                end = _VALUE_END.search(value)
                if end and field != "title":
                    value = value[:end.start()]
            value = value.strip().strip("|").strip()
            if value and field not in found:
                found[field] = value
    return found


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    value = _cn_digits(value)
    m = re.search(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", value)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_CN_DIGIT = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
             "六": "6", "七": "7", "八": "8", "九": "9"}


def _cn_digits(text: str) -> str:
    """Years and dates written in Chinese numerals (二〇二四年十一月三日) in digits."""
    def year(m: re.Match[str]) -> str:
        return "".join(_CN_DIGIT[c] for c in m[1]) + "年"

    def small(m: re.Match[str]) -> str:
        t = m[1]
        if "十" in t:
            tens, _, ones = t.partition("十")
            n = (int(_CN_DIGIT[tens]) if tens else 1) * 10 + (int(_CN_DIGIT[ones]) if ones else 0)
        else:
            n = int(_CN_DIGIT[t])
        return f"{n}{m[2]}"

    text = re.sub(r"([〇○零一二三四五六七八九]{4})年", year, text)
    if re.search(r"\d{4}年[一二三四五六七八九十]{1,3}月", text):
        text = re.sub(r"(?<=年)([一二三四五六七八九十]{1,3})(月)", small, text)
        text = re.sub(r"(?<=月)([一二三四五六七八九十]{1,3})(日)", small, text)
    return text


def _is_date_line(s: str) -> bool:
    return bool(_DATE_LINE.match(s)) and _iso_date(s) is not None


def _title_line_ok(s: str) -> bool:
    """A line that could be (part of) a title: short, not prose, not furniture."""
    if not s or "\t" in s or s.startswith("|") or len(s) > 80:
        return False
    if s[-1] in "。；，：;,:" or re.match(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])", s):
        return False
    return not (_FURNITURE.search(s) or _is_date_line(s) or _DOC_NO.match(s))


def _has_year(s: str) -> bool:
    return bool(re.search(r"(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}年", s))


def find_title(text: str) -> str | None:
    """The report's title: the first short line that reads like one.

    Site furniture (a lone organisation name such as 淄博市人民政府, breadcrumbs
    首页 > 政务公开 > …, labelled fields, dates, document numbers, table rows) is
    skipped. A title broken over two lines (the first not ending as a title does,
    the second ending so) is joined.
    """
    lines = [ln.strip() for ln in text.split("\n")[:40]]
    lines = [ln for ln in lines if ln]
    candidates = []
    for i, s in enumerate(lines):
        if not _title_line_ok(s):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (not _TITLE_END.search(s) and _title_line_ok(nxt) and len(s) + len(nxt) <= 80
                and _TITLE_END.search(nxt) and not _has_year(nxt)):
            s = s + nxt  # 2024年全市经济社会发展 / 主要目标任务进展情况
        candidates.append(s)
        if any(w in s for w in _TITLE_WORDS) and (_has_year(s) or re.search(r"年", s)):
            return s.replace(" ", "")
    for s in candidates:
        if any(w in s for w in _TITLE_WORDS):
            return s.replace(" ", "")
    return None


def _dated_signature(text: str) -> tuple[str | None, str | None]:
    """(published, publisher) from a date line standing alone: under the title
    (淄博市统计局 / 2024年3月20日) or as the signature at the end of the text."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    order = list(range(max(0, len(lines) - 4), len(lines))) + list(range(min(12, len(lines))))
    for i in order:
        if _is_date_line(lines[i]):
            orgs: list[str] = []
            j = i - 1
            while j >= 0 and len(orgs) < 3 and _ORG_LINE.match(lines[j]):
                orgs.insert(0, lines[j])
                j -= 1
            return _iso_date(lines[i]), "、".join(orgs) or None
    return None, None


_ORG_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|政府|办公室|办公厅|委员会|局|调查队|中心|研究院)$")


_QUARTER = r"([一二三四1-4])"


def document_period(title: str) -> Period | None:
    """The months a report covers, read from its title (yearless)."""
    t = title
    if re.search(r"(?:四|4)季度[)）]?\s*[（(]\s*全年|(?:四|4)季度(?:暨|及|和)全年|全年(?:暨|及|和)(?:第)?(?:四|4)季度", t):
        return Period(None, 1, 12)  # 第四季度（全年）: the year as a whole
    m = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月?" + RANGE_SEP + r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月", t)
    if m:
        try:
            return Period(None, cn_number(m[1]), cn_number(m[2]))
        except ValueError:
            pass
    m = re.search(r"(\d)" + RANGE_SEP + r"(\d)\s*季度", t)  # 1-3季度
    if m and m[1] == "1":
        return Period.quarters(None, 1, int(m[2]))
    if "上半年" in t:
        return Period(None, 1, 6)
    if "下半年" in t:
        return Period(None, 7, 12)
    m = re.search(r"前" + _QUARTER + r"个?季度", t)
    if m:
        return Period.quarters(None, 1, cn_number(m[1]))
    m = re.search(r"第" + _QUARTER + r"季度", t)
    if m:
        return Period.quarter(None, cn_number(m[1]))
    m = re.search(_QUARTER + r"季度", t)
    if m:
        q = cn_number(m[1])
        # a progress report "三季度进展情况" counts the year to date
        if re.search(r"进展|通报|情况", t):
            return Period.quarters(None, 1, q)
        return Period.quarter(None, q)
    m = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份|底|末)?", t)
    if m:
        try:
            n = cn_number(m[1])
            return Period(None, 1, n) if re.search(r"截至|截止|累计", t) else Period(None, n, n)
        except ValueError:
            pass
    if re.search(r"全年|年度|年\S*(总结|公报)", t):
        return Period(None, 1, 12)
    if _has_year(t):
        return Period(None, 1, 12)  # 2023年全市经济运行情况: a year and nothing narrower
    return None


# A figure with a unit; starting only where a run of digits starts, and with bounded runs, so
# a long string of digits is one linear scan, not a backtrack per digit.
_FIGURE_HINT = re.compile(r"(?<![\d.])\d{1,15}(?:\.\d{1,10})?\s{0,3}(?:%|亿元|万元|万人|个百分点)")


def classify(text: str) -> str:
    """``task_table`` when a line reads like a task table header, else ``report``/``unknown``."""
    for line in text.split("\n")[:200]:
        if "\t" in line or "|" in line:
            hits = sum(1 for w in TASK_HEADER_WORDS if w in line)
            if hits >= 3:
                return TASK_TABLE
    if _FIGURE_HINT.search(text):
        return REPORT
    return UNKNOWN


def extract_metadata(text: str, source: SourceText | None = None) -> DocumentMeta:
    """Metadata of a normalised document."""
    fields = read_meta_fields(text)
    if source is not None:
        # a structured reader's fields (an HTML page's metadata table) win over labels in the text
        fields.update({k: v for k, v in source.meta.items() if v})
    title = fields.get("title") or find_title(text)
    if title:
        title = title.replace(" ", "")
    published = _iso_date(fields.get("published")) or _iso_date(fields.get("written"))
    publisher = fields.get("publisher") or fields.get("source") or None
    if published is None or publisher is None:
        date, org = _dated_signature(text)
        published = published or date
        publisher = publisher or org
    doc_no = fields.get("doc_no")
    if not doc_no:
        doc_no = next((ln.strip() for ln in text.split("\n")[:15] if _DOC_NO.match(ln.strip())), None)
    meta = DocumentMeta(
        title=title,
        published=published,
        publisher=publisher,
        index_no=fields.get("index_no") or None,
        doc_no=doc_no or None,
        doc_type=classify(text),
    )
    year = None
    if title:
        m = re.search(r"((?:19|20)\d{2})\s*年", _cn_digits(title))
        if m:
            year = int(m[1])
        period = document_period(title)
        if period:
            meta.start_month, meta.end_month = period.start_month, period.end_month
    if year is None and meta.published:
        year = int(meta.published[:4])
    # No year from the title or a date: the document frame (extract.frame) weighs what the text
    # says; the first year written anywhere is too often a comparison's base (比1997年…).
    meta.year = year
    return meta


def classify_rows(rows: list[list[str]]) -> bool:
    """True when a table (rows of cells) has a task-table header in its first rows."""
    for row in rows[:5]:
        line = "\t".join(row)
        if sum(1 for w in TASK_HEADER_WORDS if w in line) >= 3:
            return True
    return False
