"""A task table's header row: which field each column feeds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...periods import months_in_text
from ..cells import clean_cell
from ..structure import header_field, label_months, merge_header_rows
from .text import _SPACES, _seq_like

# The fields a column can feed, in table order as the standard report has them.
COLUMN_KEYS = ("seq", "annual_target", "period_target", "status", "progress", "reason",
               "next_steps", "leader", "departments")

TEXT_KEYS = ("annual_target", "period_target", "progress", "reason", "next_steps")
INFERRED = "inferred"  # Task.alignment: the row's cells were aligned by what they hold
# columns kept on the row as written (a row continued below adds a line)
_PLAIN_KEYS = ("target_amount", "actual", "measure_unit", "on_schedule", "notes", "deadline")

# ---------------------------------------------------------------------------
# header
# ---------------------------------------------------------------------------

# The header words (which field a column feeds) are data: extract/header_words.tsv, read by
# extract.structure.header_field.

# a note in a header label: 完成情况（已完成/序时推进/滞后）, 是否完成(√/×)
_LABEL_NOTE = re.compile(r"[（(][^）)]*[）)]|[（(][^）)]*$")
# a label naming two things: 进展情况及存在问题, 存在问题和下步打算 — the first names the column
_LABEL_JOIN = re.compile(r"(?<=.{2})(?:及|和|与|以及|、|/|／)")


def _header_key(cell: str) -> str | None:
    s = _SPACES.sub("", clean_cell(cell))
    s = _LABEL_NOTE.sub("", s) or s
    if not s or len(s) > 16:
        return None
    first = _LABEL_JOIN.split(s, maxsplit=1)[0]
    for label in (first, s) if first != s else (s,):
        key = header_field(label)
        if key:
            return key
    rest = _AS_OF.sub("", s, count=1)
    if rest and rest != s:
        # 1-8月完成率, 1-8月完成 (a two-level header's columns): as 完成率, and the amount done
        return "actual" if rest == "完成" else _header_key(rest)
    return None


_AS_OF = re.compile(r"^(?:截[至止]|到)?(?:\d{1,2}\s*[-—~至到]\s*)?\d{1,2}\s*月(?:份|底|末)?(?:累计)?"
                    r"|^(?:上半年|前三季度|[一二三四]季度|第[一二三四]季度)")


@dataclass
class Header:
    """A table's columns: ``keys[i]`` is the field column ``i`` feeds (or None)."""

    keys: list[str | None]
    labels: list[str]
    year: int | None = None
    start_month: int | None = None
    end_month: int | None = None

    @property
    def width(self) -> int:
        return len(self.keys)


# a bare 完成 (or 1-8月完成 under a two-level header) beside a target or a rate: the amount done
_BARE_DONE = re.compile(r"^(?:\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月(?:份)?|\d{1,2}月(?:份)?|[上下]半年|[一二三四]季度)?完成$")


def map_header(cells: list[str]) -> Header | None:
    """Read a header row; None when the row is not a task-table header.

    A header names at least three known columns, one of them a status,
    progress, reason or department column, and has no long cells.
    """
    if len(cells) < 3:
        return None  # fewer than three columns to know
    cleaned = []
    for c in cells:
        c = clean_cell(c)
        if len(c) > 24 and len(_LABEL_NOTE.sub("", c)) > 24:
            return None  # a long cell: a row of the table, not its header
        cleaned.append(c)
    cells = cleaned
    keys: list[str | None] = []
    for c in cells:
        key = _header_key(c)
        if key == "status" and key in keys and "progress" not in keys:
            key = "progress"  # 是否完成 | 完成情况: the second holds the account
        if key == "annual_target" and key in keys and "target_amount" not in keys:
            key = "target_amount"  # 项目 | 年度目标: the second is the target itself
        if key == "rate" and key in keys and "progress" not in keys:
            key = "progress"  # 占年度计划% | 形象进度: the second tells how far (路基施工)
        if key in keys and key != "departments":
            key = None  # a second column of the same kind is not read
        keys.append(key)
    if "rate" in keys or "target_amount" in keys:
        # 目标 | 完成 | 完成率: a bare 完成 beside a target or a rate is the amount done
        keys = ["actual" if k is None and _BARE_DONE.match(clean_cell(c)) and "actual" not in keys else k
                for k, c in zip(keys, cells, strict=True)]
    if "measure_unit" in keys and "departments" not in keys:
        keys[keys.index("measure_unit")] = "departments"  # 单位 alone: the unit in charge
    known = [k for k in keys if k]
    if len(known) < 3 or not _WORK_COLUMNS & set(known):
        return None
    header = Header(keys=keys, labels=cells)
    for label, key in zip(cells, keys, strict=True):
        if key == "period_target" and "全年" not in label:  # 第四季度（全年）: the document decides
            period = months_in_text(label.replace(" ", ""))
            if period is not None and (period.start_month, period.end_month) != (1, 12):
                header.start_month, header.end_month = period.start_month, period.end_month
        m = re.search(r"((?:19|20)\d{2})\s*年", label)
        if m and header.year is None:
            header.year = int(m[1])
    if header.start_month is None:
        # as-of months a progress column names (1-8月完成率, 截至9月底进展)
        for label, key in zip(cells, keys, strict=True):
            months = label_months(label) if key in _AS_OF_KEYS else None
            if months and months != (1, 12):
                header.start_month, header.end_month = months
                break
    return header


_WORK_COLUMNS = {"status", "progress", "reason", "departments", "next_steps", "rate", "on_schedule"}
_AS_OF_KEYS = {"rate", "actual", "progress", "status", "on_schedule"}


def _merge_header(top: Header, sub_cells: list[str]) -> Header | None:
    """A second header row under merged cells (完成情况 over 是否完成 | 进展 | 原因)."""
    sub = [clean_cell(c) for c in sub_cells]
    if any(len(c) > 24 for c in sub) or any(_seq_like(c) for c in sub[:1]):
        return None
    named = [c for c in sub if c]
    if named and all(_header_key(c) for c in named) and top.labels and clean_cell(top.labels[-1]) \
            and not any(_header_key(c) == k for c in named for k in top.keys if k):
        # 序号|项目名称|责任单位|目标任务|1-8月实际完成情况| over 任务完成率|备注|: a header wrapped onto a second
        # line (its last cell is not empty, so nothing stands under it): its columns go on
        wrapped = map_header(list(top.labels) + named)
        if wrapped is not None:
            wrapped.year = wrapped.year or top.year
            if wrapped.start_month is None:
                wrapped.start_month, wrapped.end_month = top.start_month, top.end_month
            return wrapped
    labels = merge_header_rows(top.labels, sub)
    if sum(1 for c in labels if _header_key(c)) - sum(1 for c in top.labels if _header_key(c)) < 1 \
            and sum(1 for c in sub if _header_key(c)) < 2:
        return None  # the row names no column the header did not
    merged = map_header(labels)
    if merged is None:
        return None
    merged.year = merged.year or top.year
    if merged.start_month is None:
        merged.start_month, merged.end_month = top.start_month, top.end_month
    return merged
