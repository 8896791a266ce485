"""Scopes: what each block of a document is about when its sentences do not say.

The document frame (``extract.frame``) is the outermost scope. Inside it:

* a **section** opened by a heading holds until the next heading of its level or higher; its
  heading may set the year (一、2015年工作回顾 → 2015), the months (（二）上半年…) and the mode:
  a heading about targets (二、2024年主要目标, ■ 2025年…主要预期目标, 工作安排) makes the
  section's figures targets, one that reviews (回顾, 执行情况, 成绩单) makes them actuals;
* a **list** opened by a line that announces targets and ends with a colon (主要预期目标是：)
  makes the list items after it targets, until a line that is not an item;
* a **paragraph** (one line of the normalised text) passes the period of a sentence that
  opens with one to the sentences after it (``extract.indicators`` does this as it reads:
  ``今年一季度，全市经济开局良好。第一产业增加值52.3亿元…`` gives both figures Q1).

``scopes(segments, frame)`` gives each segment its :class:`Scope`; the reader turns it into the
context of every figure in the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..periods import find_periods
from .frame import Frame, data_years
from .segment import Segment

__all__ = ["Scope", "scopes", "TARGET_HEADING", "ACTUAL_HEADING"]

TARGET_HEADING = re.compile(r"目标|工作安排|计划安排|工作打算|工作思路|重点任务|(?<!执行)计划$")
ACTUAL_HEADING = re.compile(r"回顾|执行情况|完成情况|成绩|成就|成效|进展情况|运行情况|总结")
# a line that opens a list of targets: 主要预期目标是：, 有这些目标, 目标如下：
# a list of indicators by how they stand against their targets: 未达到序时进度的指标：
_PROGRESS_LIST = re.compile(r"未达到|未完成|达到|完成|滞后|落后|超过|超出|低于|高于|进度")
_LIST_CUE = re.compile(r"(?:目标|指标)(?:任务)?(?:是|为|如下|有)?\s*[：:]\s*$|有这些目标\s*$")


@dataclass(frozen=True)
class Scope:
    year: int | None
    start_month: int | None
    end_month: int | None
    target_year: int | None
    mode: str | None = None  # "target" | "actual" | None (the sentence decides)


def _heading_scope(text: str, outer: Scope) -> Scope:
    scope = outer
    ys = data_years(text)
    target = bool(TARGET_HEADING.search(text)) and not ACTUAL_HEADING.search(text)
    actual = bool(ACTUAL_HEADING.search(text))
    if ys:
        y = ys[0][1]
        scope = replace(scope, year=y, target_year=y, start_month=1, end_month=12)
    ps = [p for p in find_periods(text) if not p.whole_year]
    if ps:
        scope = replace(scope, start_month=ps[0].period.start_month, end_month=ps[0].period.end_month)
    if target:
        scope = replace(scope, mode="target")
    elif actual:
        scope = replace(scope, mode="actual")
    return scope


def scopes(segments: list[Segment], frame: Frame) -> list[Scope]:
    """The scope of each segment, in order."""
    doc = Scope(frame.year, frame.start_month, frame.end_month, frame.target_year)
    stack: list[tuple[int, Scope]] = []  # (heading level, scope)
    listing: Scope | None = None
    out: list[Scope] = []
    for seg in segments:
        outer = stack[-1][1] if stack else doc
        if seg.kind == "heading":
            while stack and stack[-1][0] >= seg.level:
                stack.pop()
            outer = stack[-1][1] if stack else doc
            scope = _heading_scope(seg.heading_text, outer)
            stack.append((seg.level, scope))
            listing = None
            out.append(scope)
            continue
        if seg.kind == "item" and listing is not None:
            out.append(listing)
            continue
        if seg.kind != "item":
            listing = None
        if seg.kind in ("paragraph", "headline", "item") and _LIST_CUE.search(seg.text.strip()):
            # 未达到序时进度的指标：a list of how indicators stand (actuals), not of targets
            progress = _PROGRESS_LIST.search(seg.text) and not re.search(r"确保|力争|争取", seg.text)
            listing = replace(outer, mode="actual" if progress else "target")
        out.append(outer)
    return out
