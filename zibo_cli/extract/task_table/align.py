"""Aligning a row that lost or gained cells to its header's columns, by scoring what each
cell holds against each column."""

from __future__ import annotations

import itertools
import re

from ...models import STATUS_UNKNOWN
from ..cells import _DEPT_SUFFIX, clean_cell, is_real_reason, split_departments
from ..structure import cell_kind, kind_fit
from .header import TEXT_KEYS, Header
from .status import classify_status
from .text import _DIGIT, _join, _seq_like

_REASON_WORDS = re.compile(r"未|尚|由于|因|受|影响|原因|问题|滞后|不足|困难|暂|缓|延")
_NEXT_WORDS = re.compile(r"^(?:\d+[.、])?(?:继续|持续|加快|下一步|下步|做好|加强|推进|推动|积极|进一步|抓好|确保|"
                         r"力争|督促|强化|深化|坚持|全力|协调|争取|指导|完善|落实|按照|对照|围绕|密切|跟踪|重点)")
_LEADER_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[\s、，,][\u4e00-\u9fff]{2,4}){0,3}$")
# a name that ends like a unit: 市统计局, 高青县政府, 专班成员单位
_UNIT_END_RE = re.compile(_DEPT_SUFFIX + r"$|单位$|专班$|小组$")


_STATUS_OPENING = re.compile(r"^(?:已|未|提前|基本|全面|超额|按期|正在|尚未)?(?:完成|办结|完工|推进)[^，,。；;\d]{0,6}(?:[，,。；;\n]|$)")


def _cell_score(key: str | None, cell: str, prev_open: bool = False) -> float:
    """How well ``cell`` fits a column of kind ``key`` (higher is better)."""
    s = clean_cell(cell)
    if not s:
        return 0.0
    n = len(s)
    if key == "seq":
        return 2.0 if _seq_like(s) else -3.0
    fit = kind_fit(key, s) if key else None
    if fit is not None:
        return fit
    if key == "status":
        if _DIGIT.search(s):
            return -1.0  # 已完成8公里: an account of progress, not a status word
        if classify_status(s) != STATUS_UNKNOWN:
            return 3.0 if n <= 6 else 1.0 if n <= 12 else 0.0
        return -3.0 if n > 15 else -1.0
    if key == "leader":
        if _LEADER_RE.match(s) and not _UNIT_END_RE.search(s):
            return 2.0
        return -2.0 if n > 12 else -0.5
    if key == "departments":
        parts = split_departments(s)
        if parts and all(_UNIT_END_RE.search(p) for p in parts):
            return 2.0
        if n > 80 or "。" in s or cell_kind(s) == "sentence" or classify_status(s[:8]) != STATUS_UNKNOWN:
            return -2.0  # a sentence or a status phrase (提前完成年度任务) names no unit
        return -0.5
    if key is None:
        return -0.5
    score = 0.0
    if n <= 4 and classify_status(s) != STATUS_UNKNOWN:
        score -= 1.5  # a bare 完成 in a text column belongs under 是否完成
    if key == "reason":
        if not is_real_reason(s):
            score += 1.5
        elif _REASON_WORDS.search(s[:30]):
            score += 0.5
    else:
        if not is_real_reason(s):
            score -= 1.0  # 无 belongs under 未完成原因
        elif n > 15:
            score += 1.0
    if key == "next_steps" and _NEXT_WORDS.search(s):
        score += 0.5
    if key in ("annual_target", "progress") and any(_STATUS_OPENING.match(p) for p in s.split("\n")):
        score += 0.5 if key == "progress" else -1.5  # 提前完成年度任务。… tells progress, not the target
    if prev_open and key in TEXT_KEYS:
        score += 1.0  # continues a cell that the row above left unfinished
    return score


def _assignment_score(keys: list[str | None], cells: list[str], open_keys: set[str]) -> float:
    return sum(_cell_score(k, c, k in open_keys) for k, c in zip(keys, cells, strict=True))


_MAX_SHIFT = 3


def align(cells: list[str], header: Header, open_keys: set[str] | None = None) -> list[str]:
    """Fit a row's cells to the header's columns.

    A short row lost cells: every way of leaving ``k`` columns empty is scored and
    the best kept (ties go to leaving 未完成原因 empty, then to the rightmost gap,
    so the trailing columns stay aligned from the right). A long row gained cells:
    trailing empty cells are dropped, then neighbours are joined the same way.
    """
    open_keys = open_keys or set()
    n = header.width
    cells = list(cells)
    if len(cells) > n:
        while len(cells) > n and not cells[-1].strip():
            cells.pop()
        while len(cells) > n and not cells[0].strip() and len(cells) - n > 0 and header.keys[0] != "seq":
            cells.pop(0)
    if len(cells) == n:
        return _shifted(cells, header, open_keys) or cells
    if len(cells) < n:
        k = n - len(cells)
        if k > _MAX_SHIFT:
            return cells + [""] * k
        best: tuple[float, list[str]] | None = None
        for gaps in itertools.combinations(range(n), k):
            it = iter(cells)
            filled = ["" if i in gaps else next(it) for i in range(n)]
            score = _assignment_score(header.keys, filled, open_keys)
            score += sum(0.5 for g in gaps if header.keys[g] == "reason")
            score += 0.001 * sum(gaps)  # prefer gaps to the right: trailing cells align right
            if best is None or score > best[0]:
                best = (score, filled)
        assert best is not None
        return best[1]
    # more cells than columns: join k neighbouring pairs
    k = len(cells) - n
    if k > _MAX_SHIFT:
        return cells[: n - 1] + ["\n".join(c for c in cells[n - 1:] if c)]
    best = None
    for joins in itertools.combinations(range(len(cells) - 1), k):
        merged: list[str] = []
        for i, c in enumerate(cells):
            if i - 1 in joins:
                merged[-1] = _join(merged[-1], c)
            else:
                merged.append(c)
        if len(merged) != n:
            continue
        score = _assignment_score(header.keys, merged, open_keys)
        if best is None or score > best[0]:
            best = (score, merged)
    if best is None:
        return cells[:n]
    return _shifted(cells, header, open_keys, best[0]) or best[1]


_MISFIT = -0.5  # a cell that fits its column this badly (a status phrase under 牵头单位) …
_SHIFT_WIDTH = 16  # wider "tables" (a hostile file) are not searched
_BETTER = 2.0  # … is moved when leaving one column empty and joining two cells scores this much better


def _shifted(cells: list[str], header: Header, open_keys: set[str],
             base: float | None = None) -> list[str] | None:
    """A row whose cells stand in the wrong columns because it left out one cell (a merged
    牵头单位) and split another (落实情况: 提前完成。 | the account): the best of leaving one unit or
    leader column empty and joining neighbours, when clearly better than ``base`` (the score
    of the row as it is, for a row of the header's width)."""
    keys = header.keys
    n = header.width
    if n > _SHIFT_WIDTH or not n <= len(cells) <= n + 2 or not any(k in ("departments", "leader") for k in keys):
        return None
    if base is None:
        scores = [_cell_score(k, c, k in open_keys) for k, c in zip(keys, cells, strict=True)]
        if min(scores) > _MISFIT:
            return None
        base = sum(scores)
    best: tuple[float, list[str]] | None = None
    for joins in itertools.combinations(range(1, len(cells) - 1), len(cells) - n + 1):
        merged: list[str] = []
        for i, c in enumerate(cells):
            if i - 1 in joins:
                merged[-1] = "\n".join(p for p in (merged[-1], c) if p)  # two cells: two lines
            else:
                merged.append(c)
        for g in range(1, n):
            if keys[g] not in ("departments", "leader"):
                continue  # only a merged unit or leader cell is left out
            filled = merged[:g] + [""] + merged[g:]
            score = _assignment_score(keys, filled, open_keys) + 0.01 * sum(joins)  # ties: join to the right
            if best is None or score > best[0]:
                best = (score, filled)
    return best[1] if best and best[0] >= base + _BETTER else None
