"""Document metadata: title, year, covered months, published date, publisher, type.

Works on normalised (simplified) text. Government pages carry a small metadata
table (标题 / 索引号 / 文号 / 发文日期 / 发布机构); PDF and text reports have only
the title line. Both are read; the table wins where both speak.

Covered months come from the title:

* 上半年 → 1–6, 下半年 → 7–12, 全年 / 年度 report with no quarter → 1–12
* 前三季度, 1-9月 → 1–9 (a cumulative range, as written)
* 三季度 (no 第) in a progress report → 1–9: progress reports count the year to date
* 第二季度 → 4–6: that quarter alone (quarterly target tables)
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
    "索引号": "index_no",
    "文号": "doc_no",
    "发文字号": "doc_no",
    "发文日期": "published",
    "发布日期": "published",
    "成文日期": "written",
    "发布时间": "published",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发布单位": "publisher",
    "来源": "source",
    "信息来源": "source",
}
_LABEL_RE = re.compile(
    r"(" + "|".join(sorted(META_LABELS, key=len, reverse=True)) + r")\s*[：:]\s*\|?\s*([^|\t\n]*)"
)

# Task tables are recognised by their header words.
TASK_HEADER_WORDS = ("序号", "是否完成", "完成情况", "工作进展", "未完成原因", "责任单位", "年度目标",
                     "季度目标", "分管领导", "下步工作", "牵头单位", "责任部门", "牵头部门", "进展情况",
                     "推进情况", "存在问题", "下一步", "编号")

# Words a title of such a report contains.
_TITLE_WORDS = ("情况", "通报", "报告", "进展", "完成", "目标任务", "公报", "总结")


def read_meta_fields(text: str, limit: int = 3000) -> dict[str, str]:
    """The labelled fields (标题：…, 发文日期：…) near the top of a page."""
    found: dict[str, str] = {}
    for m in _LABEL_RE.finditer(text[:limit]):
        field, value = META_LABELS[m[1]], m[2].strip().strip("|").strip()
        if value and field not in found:
            found[field] = value
    return found


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    m = re.search(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", value)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def find_title(text: str) -> str | None:
    """The report's title: the first short line that reads like one.

    Lines that are site furniture (a lone organisation name such as 淄博市人民政府,
    table rows, separators) are skipped.
    """
    candidates = []
    for line in text.split("\n")[:40]:
        s = line.strip()
        if not s or "\t" in s or s.startswith("|") or len(s) > 80:
            continue
        if s[-1] in "。；，：" or s.startswith(("一、", "（一）")):
            continue
        candidates.append(s)
        if any(w in s for w in _TITLE_WORDS) and re.search(r"\d{4}|年", s):
            return s.replace(" ", "")
    for s in candidates:
        if any(w in s for w in _TITLE_WORDS):
            return s.replace(" ", "")
    return None


_QUARTER = r"([一二三四1-4])"


def document_period(title: str) -> Period | None:
    """The months a report covers, read from its title (yearless)."""
    t = title
    m = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月?" + RANGE_SEP + r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月", t)
    if m:
        try:
            return Period(None, cn_number(m[1]), cn_number(m[2]))
        except ValueError:
            pass
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
    m = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?", t)
    if m:
        try:
            n = cn_number(m[1])
            return Period(None, 1, n) if re.search(r"截至|截止|累计", t) else Period(None, n, n)
        except ValueError:
            pass
    if re.search(r"全年|年度|年\S*(总结|公报)", t):
        return Period(None, 1, 12)
    return None


def classify(text: str) -> str:
    """``task_table`` when a line reads like a task table header, else ``report``/``unknown``."""
    for line in text.split("\n")[:200]:
        if "\t" in line or "|" in line:
            hits = sum(1 for w in TASK_HEADER_WORDS if w in line)
            if hits >= 3:
                return TASK_TABLE
    if re.search(r"\d+(?:\.\d+)?\s*(?:%|亿元|万元|万人|个百分点)", text):
        return REPORT
    return UNKNOWN


def extract_metadata(text: str, source: SourceText | None = None) -> DocumentMeta:
    """Metadata of a normalised document."""
    fields = read_meta_fields(text)
    if source is not None:
        for k, v in source.meta.items():
            fields.setdefault(k, v)
    title = fields.get("title") or find_title(text)
    if title:
        title = title.replace(" ", "")
    meta = DocumentMeta(
        title=title,
        published=_iso_date(fields.get("published")) or _iso_date(fields.get("written")),
        publisher=fields.get("publisher") or None,
        index_no=fields.get("index_no") or None,
        doc_no=fields.get("doc_no") or None,
        doc_type=classify(text),
    )
    year = None
    if title:
        m = re.search(r"((?:19|20)\d{2})\s*年", title)
        if m:
            year = int(m[1])
        period = document_period(title)
        if period:
            meta.start_month, meta.end_month = period.start_month, period.end_month
    if year is None and meta.published:
        year = int(meta.published[:4])
    if year is None:
        m = re.search(r"((?:19|20)\d{2})\s*年", text[:5000])
        if m:
            year = int(m[1])
    meta.year = year
    return meta


def classify_rows(rows: list[list[str]]) -> bool:
    """True when a table (rows of cells) has a task-table header in its first rows."""
    for row in rows[:5]:
        line = "\t".join(row)
        if sum(1 for w in TASK_HEADER_WORDS if w in line) >= 3:
            return True
    return False
