"""Cells of task tables and lists: a cell's text without markup, and the units a 责任单位 cell
names. Used by the table reader (``tasks``) and the list readers (``task_lists``, ``list_tasks``),
which import nothing of each other through it."""

from __future__ import annotations

import html
import re

_BREAK_TAGS = re.compile(r"(?:</p>\s*<p[^>]*>|<br\s*/?>|</?(?:div|li|tr)[^>]*>)", re.I)
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")


def clean_cell(cell: str | None) -> str:
    """Strip markup (keeping paragraph breaks), entities and stray spaces from a cell."""
    if not cell:
        return ""
    if "<" not in cell and "&" not in cell and "\n" not in cell:
        return cell.strip()  # no markup, no entity, one line: what the steps below give
    s = _BREAK_TAGS.sub("\n", cell)
    s = _TAGS.sub("", s)
    if "&" in s:
        s = html.unescape(s).replace("\u00a0", " ")
    lines = [ln.strip() for ln in s.split("\n")]
    return "\n".join(ln for ln in lines if ln)


_DEPT_SUFFIX = r"(?:委员会|管委会|办公室|政府|中心|集团|公司|分局|委|局|办|厅|院|队|部|所|会|联|行|处|社|站|馆|署|团)"
_DEPT_NOTE = re.compile(
    r"(?:[（(](?:牵头|配合|负责|参与|提供数据|牵头单位|配合单位|责任单位)[)）]|提供数据|负责提供数据|"
    r"牵头负责|牵头|配合|负责|参与)$")
_DEPT_SPLIT = re.compile(r"[\s、，,；;/]+")
# two names written together: 市发展改革委市统计局 → 市发展改革委 | 市统计局
_DEPT_JOINED = re.compile(r"(?<=[委局办厅院队])(?=(?:市|区|县|省|国家)[\u4e00-\u9fff]{2,})")
# a label inside the cell: 牵头单位：市商务局；配合单位：市财政局
_DEPT_LABEL = re.compile(r"(?:牵头|配合|责任|协办|主办|参与|协同|承办|具体负责)(?:单位|部门)?\s*[：:]")
# what a cell says when it names no unit
_NO_DEPT = {"", "等", "按职责分工负责", "各成员单位", "无", "暂无", "/", "／", "-", "—", "——", "－", "_",
            "\\", "null", "none", "待定"}


def _split_outside_brackets(s: str) -> list[str]:
    """``s`` split at the marks between units, but not inside brackets: 相关县（市、区）政府 is one unit."""
    masked = re.sub(r"[（(][^()（）]{0,12}[)）]", lambda m: "\0" * len(m[0]), s)
    out, start = [], 0
    for m in _DEPT_SPLIT.finditer(masked):
        out.append(s[start:m.start()])
        start = m.end()
    out.append(s[start:])
    return out


def split_departments(raw: str | None) -> list[str]:
    """The responsible units a 责任单位 cell names, notes such as 提供数据 or (牵头) removed.

    Labels (牵头单位：, 配合单位：) and placeholders (无, —, ／) name no unit.
    """
    s = clean_cell(raw)
    if not s:
        return []
    s = _DEPT_LABEL.sub(" ", s)
    out: list[str] = []
    for part in _split_outside_brackets(s):
        part = part.strip("：:。.")
        if not part:
            continue
        pieces = _DEPT_JOINED.split(part) if len(part) > 8 else [part]
        for p in pieces:
            p = _DEPT_NOTE.sub("", p).strip().strip("—-－_")
            if len(p) > 3 and p.endswith("等"):
                p = p[:-1]  # 市商务局等
            if p.lower() in _NO_DEPT or not p:
                continue
            if p not in out:
                out.append(p)
    return out


_REASON_MARKS = re.compile(r"[\s。.，,；;、！!]")
_NO_REASON = {"", "无", "暂无", "没有", "无问题", "不涉及", "无此情况", "已完成", "完成", "无未完成原因",
              "按时完成", "正常推进", "不存在", "/", "／", "-", "－", "—", "——", "–", "\\", "无原因", "null", "none",
              "n/a", "无问题和困难", "无困难", "无存在问题", "没有问题"}


_NO_REASON_NOTE = re.compile(r"^(?:无|暂无|没有)[（(][^）)]*[）)]$")  # 无（已完成）


def is_real_reason(text: str | None) -> bool:
    """True when a 未完成原因 cell states a reason (not empty, 无, 无。, 暂无, —, 无（已完成）)."""
    if not text:
        return False
    s = _REASON_MARKS.sub("", clean_cell(text)).lower()
    return s not in _NO_REASON and not _NO_REASON_NOTE.match(s)
