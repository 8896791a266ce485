"""The typed evidence a document's type is read from (``extract.doctype`` weighs it)."""

from __future__ import annotations

import re

from ...models import DocumentMeta
from ..doctype import Evidence
from ..segment import Segment
from .region import body
from .years import BOOK_TITLE


def evidence_of(text: str, meta: DocumentMeta, segments: list[Segment], task_table: bool = False) -> Evidence:
    """The typed evidence a document's type is read from (see ``extract.doctype``)."""
    first = next((s.text.strip()[:100] for s in segments[:12] if s.kind not in ("chrome",)), "")
    in_chrome = [] if meta.title else _titles_in_chrome(segments[:6])
    head = "\n".join([meta.title or (in_chrome[0] if in_chrome else first)]
                      + [s.text.strip() for s in segments[:12] if s.kind == "headline"] + in_chrome[1:])
    lead = "\n".join(s.text for s in body(segments)[:2])[:600]
    book = "\n".join(BOOK_TITLE.findall(text[:1500]))
    top = "\n".join(s.text.strip() for s in segments[:12] if s.kind != "chrome")[:400]
    if not task_table:  # a table row whose header names task columns (| 序号 | 项目 | 牵头单位 | 进展情况 |)
        task_table = any((seg.kind == "row" or seg.text.count("|") >= 3) and _task_header(seg.text)
                         for seg in segments[:80])
    return Evidence(head=head, top=top, book=book, lead=lead, body=text[:4000], publisher=meta.publisher or "",
                    table="task table" if task_table else "",
                    figtable=text[:400] if not task_table and _figure_table(text) else "")


# a title inside a page's header line (…>>政策法规>>安徽省人民政府关于2021年重点工作及责任分解的通知…)
_CHROME_TITLE = re.compile(r"(?:^|[>》\]】|])\s*([^>》\]】|\[【\s]{6,60}(?:的报告|的通知|的通报|方案|情况|公报|要点|计划(?:草案)?|简况|分析))")


def _titles_in_chrome(segments: list[Segment]) -> list[str]:
    return [m[1] for s in segments if s.kind == "chrome" for m in _CHROME_TITLE.finditer(s.text)][:2]


_NUMBER_CELL = re.compile(r"^[\s|]*-?\d[\d.,，%]*[\s|]*$|(?:\|\s*-?\d[\d.,%]*\s*){2,}")


def _figure_table(text: str) -> bool:
    """Is the text mostly a table of figures (a statistics table page): of its first 60 lines, two
    in five cells of numbers or rows of them, and hardly a sentence (fewer than three 。)?"""
    top = text[:3000]
    if top.count("。") >= 3:
        return False
    lines = [ln for ln in top.split("\n") if ln.strip()][:60]
    return len(lines) >= 8 and sum(bool(_NUMBER_CELL.search(ln)) for ln in lines) * 5 >= len(lines) * 2


def _task_header(row: str) -> bool:
    """A header row of a task table: two of its cells are column names (序号, 责任单位, 完成情况 …),
    short cells, not a page's fields (|标题：| 2024年…目标任务…进展情况通报|)."""
    cells = [c.strip() for c in re.split(r"[|\t]", row) if c.strip()]
    named = [c for c in cells if len(c) <= 8 and not c.endswith(("：", ":")) and any(w in c for w in _TASK_COLUMNS)]
    return len(named) >= 2


_TASK_COLUMNS = ("序号", "项目", "任务", "是否完成", "完成情况", "进展", "责任单位", "牵头单位", "责任部门", "牵头部门",
                 "责任领导", "分管领导", "完成时限", "年度目标", "未完成原因", "备注")
