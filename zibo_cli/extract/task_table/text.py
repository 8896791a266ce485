"""The text of task-table cells: sequence numbers, numbered sub-items, separator rows,
a leader's names, a cell cut in two."""

from __future__ import annotations

import re

from ..cells import clean_cell

_SPACES = re.compile(r"\s+")
_LEADER_SEPARATORS = re.compile(r"[\s、，,；;/]+")
_CN_NUMERAL = re.compile(r"[一二三四五六七八九十百]+")
_DIGIT = re.compile(r"\d")

_TERMINAL = "。；;！!？?：:）)”"


_ITEM = r"(\d{1,2})\s*[.．、](?=\D|\d{1,2}\s*月)"  # 1.启动… and 1.5月10日… (not 5.5%)
_SUBITEM = re.compile(r"(?<=[。；;！!？?])\s*" + _ITEM)
_FIRST_ITEM = re.compile(r"\s*" + _ITEM)


def format_subitems(text: str) -> str:
    """Put numbered sub-items (1.… 2.… 3.…) on their own lines.

    Only a run that counts up from the number the cell starts with is split, so
    decimals (5.5%) and numbers inside sentences stay where they are.
    """
    if not text:
        return text
    m = _FIRST_ITEM.match(text)
    if not m:
        return text
    expected = int(m[1]) + 1
    out, last = [], 0
    for sm in _SUBITEM.finditer(text):
        if int(sm[1]) != expected:
            continue
        out.append(text[last:sm.start()].rstrip())
        last = sm.start(1)
        expected += 1
    out.append(text[last:])
    return "\n".join(out)


def _tidy_text(cell: str) -> str | None:
    s = clean_cell(cell)
    if not s:
        return None
    return "\n".join(format_subitems(p) for p in s.split("\n"))


_SEQ_RE = re.compile(r"^[（(]?\s*(\d{1,4}(?:[-.－]\d{1,3})?|[一二三四五六七八九十百]{1,4})\s*[)）.、．]?$")


def _seq_like(cell: str) -> bool:
    return bool(_SEQ_RE.match(clean_cell(cell)))


def _seq_value(cell: str) -> str:
    s = clean_cell(cell)
    m = _SEQ_RE.match(s)
    return m[1] if m else s


_SEPARATOR_RE = re.compile(r"^[\s:：|+\-—–=_]*$")


def _is_separator(cells: list[str]) -> bool:
    joined = "".join(cells)
    return bool(joined.strip()) and bool(_SEPARATOR_RE.match(joined)) and any(
        ch in joined for ch in "-—–=_")


# What a reason cell says when there is no reason.
def _tidy_leader(raw: str | None) -> str | None:
    s = clean_cell(raw)
    if not s:
        return None
    names = [n for n in _LEADER_SEPARATORS.split(s) if n]
    return "、".join(names) or None


def _join(a: str | None, b: str | None, sep: str = "\n") -> str:
    """Join two pieces of one cell; no break when ``a`` was cut mid-sentence."""
    if not a:
        return b or ""
    if not b:
        return a
    if a.rstrip()[-1:] in _TERMINAL:
        return a.rstrip() + sep + b.lstrip()
    return a.rstrip() + b.lstrip()
