"""Months: the period a document's lead names, and whether its bare quarters count from January."""

from __future__ import annotations

import re

from ...periods import Period, find_periods
from ..segment import Segment

_LEAD_SENTENCES = 6


# a figure with a unit, matched only where a run of digits starts (linear on a long run)
FIRST_FIGURE = re.compile(r"(?<![\d.])\d{1,15}(?:\.\d{1,10})?\s{0,3}(?:%|亿|万|个|元|吨|千|百分点)")


def period_of(line: str) -> Period | None:
    """The first period a line names that is not a comparison's base."""
    for p in find_periods(line):
        if re.search(r"(?:比|较|与|同)\s*$", line[max(0, p.start - 2):p.start]):
            continue
        return p.period
    return None


def lead_period(segments: list[Segment]) -> tuple[Period, str] | None:
    """The period the first figure-bearing sentences of the body name: the range from month 1
    that reaches furthest, else the first one."""
    found = lead_periods(segments)
    if not found:
        return None
    cumulative = [f for f in found if f[0].start_month == 1]
    if cumulative:
        return max(cumulative, key=lambda f: f[0].end_month)
    return found[0]


def lead_periods(segments: list[Segment]) -> list[tuple[Period, str]]:
    """Every period the lead's first figure-bearing sentences name, in order (comparison bases
    and whole years left out)."""
    found: list[tuple[Period, str]] = []
    seen = 0
    paragraphs = 0
    for seg in segments:
        if seg.kind not in ("paragraph", "item", "heading"):
            continue
        paragraphs += 1
        text = seg.body if seg.kind == "heading" else seg.text
        for i, sentence in enumerate(re.split(r"[。！？]", text)):
            if not re.search(r"\d", sentence):
                if paragraphs == 1 and i < 2:  # 今年上半年，全市经济保持平稳运行。: the lead says it
                    found.extend((p.period, p.text) for p in find_periods(sentence)
                                 if not p.whole_year and not re.search(r"(?:比|较|与|同)\s*$",
                                                                      sentence[max(0, p.start - 2):p.start]))
                continue
            seen += 1
            first_digit = FIRST_FIGURE.search(sentence)
            stop = first_digit.start() if first_digit else len(sentence)
            for p in find_periods(sentence[:stop + 1]):
                if p.whole_year or re.search(r"(?:比|较|与|同)\s*$", sentence[max(0, p.start - 2):p.start]):
                    continue
                point = re.fullmatch(r"(?:(?:19|20)\d{2}\s*年|今年)?\s*\d{1,2}\s*月(?:底|末|份)?", p.text.strip())
                if point and (_AHEAD.search(sentence[max(0, p.start - 4):p.start]) or _DONE_BY.match(sentence[p.end:])):
                    continue  # 计划10月竣工, 9月底前完成: a deadline, not the period the figures cover
                found.append((p.period, p.text))
            if seen >= _LEAD_SENTENCES:
                break
        if seen >= _LEAD_SENTENCES:
            break
    return found


def is_bare_quarter(sentence: str, p) -> bool:
    """二季度/三季度/四季度 written alone: not 第三季度, 前三季度, 一至三季度 or 单季度."""
    return bool(_BARE_QUARTER.fullmatch(p.text)) and sentence[max(0, p.start - 1):p.start] not in ("第", "前", "单", "至")


# a month as a deadline: 计划10月竣工, 预计今年9月底…将完成, 8月底全部竣工
_AHEAD = re.compile(r"(?:计划|预计|力争|争取|确保|将于|将在|要在|要于|预计今年|计划今年)\s*$")
_DONE_BY = re.compile(r"(?:底|末)?(?:前)?(?:全部|全面|如期|将|要|可)?(?:竣工|完工|建成|投用|投入使用|开工|通车)")

_BARE_QUARTER = re.compile(r"[二三四2-4]季度")


_COMPARED = re.compile(r"(?:比|较|与|同)\s*(?:今年|上年)?\s*$")


_SENTENCE_MARK = re.compile(r"[。！？]")


def cumulative_quarters(segments: list[Segment]) -> str | None:
    """The sentence that shows the text's bare quarters are cumulative: one compares a figure
    of 三季度 with 上半年 (or 1-6月…), a shorter period from January (a single quarter would be
    compared with 二季度)."""
    for seg in segments[:40]:
        if seg.kind not in ("paragraph", "item", "heading"):
            continue
        if "季度" not in seg.text:
            continue
        for sentence in _SENTENCE_MARK.split(seg.text):
            if "季度" not in sentence:
                continue
            ps = find_periods(sentence)
            for i, q in enumerate(ps):
                if not is_bare_quarter(sentence, q):
                    continue
                for b in ps[i + 1:]:
                    if (_COMPARED.search(sentence[max(0, b.start - 5):b.start]) and b.period.start_month == 1
                            and 3 < b.period.end_month < q.period.end_month):
                        return sentence.strip()[:40]
    return None


# a title that names its month as a date of issue: 经济运行简况（2025年6月）, …简报 2025年6月
_ISSUE_MONTH = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*[)）]|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*$")


# 目标任务半年完成情况, 半年工作总结: the first half of the title's year (not 近半年, 下半年)
HALF_YEAR = re.compile(r"(?<![上下近前后多])半年度?(?:完成|进展|推进|工作|总结|执行|落实)")
