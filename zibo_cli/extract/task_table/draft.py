"""One task being read: its first row, the rows that continue it, and what the whole row
says once it is complete (departments, reason, status)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...models import DONE, NOT_DONE, PARTIAL, STATUS_UNKNOWN, DocumentMeta, Task
from ..cells import _DEPT_SUFFIX, clean_cell, is_real_reason, split_departments
from .header import _PLAIN_KEYS, INFERRED, TEXT_KEYS, Header
from .status import (
    _BARE,
    _CJK_RE,
    _DONE_AMOUNT,
    _NUMBER,
    _ON_SCHEDULE,
    _computed_rate,
    _rate,
    _row_status,
    _status_from_rate,
    says_nearly,
)
from .text import _SPACES, _TERMINAL, _join, _seq_value, _tidy_leader, _tidy_text, format_subitems


@dataclass
class _Draft:
    """A task being read: the record, its unit columns apart, and its last row's cells."""

    task: Task
    depts: dict[int, str]
    cells: list[str]


_LEAD_LABEL = re.compile(r"牵头|主办|主责|责任|负责")


def _departments_raw(header: Header, depts: dict[int, str]) -> str | None:
    """The unit columns as one text; each labelled when the table has several kinds
    (牵头单位：…；配合单位：…), the lead column first."""
    texts = [(i, t) for i, t in sorted(depts.items()) if split_departments(t)]
    if not texts:
        return None
    labels = {header.labels[i] for i in depts if i < header.width}
    if len(texts) == 1 or len(labels) < 2:
        return " ".join(t for _, t in texts)
    texts.sort(key=lambda it: 0 if _LEAD_LABEL.search(header.labels[it[0]]) else 1)
    return "；".join(f"{header.labels[i]}：{t}" for i, t in texts)


def _task_from_cells(cells: list[str], header: Header, meta: DocumentMeta, index: int,
                     offset: int | None, fallback_seq: str) -> _Draft:
    values: dict[str, str] = {}
    depts: dict[int, str] = {}
    said: list[str] = []
    for i, (key, cell) in enumerate(zip(header.keys, cells, strict=False)):
        if not key:
            continue
        if key == "departments":
            depts[i] = clean_cell(cell)
        elif key == "rate":
            if i < header.width and "%" in header.labels[i] and _BARE.match(clean_cell(cell)):
                cell = clean_cell(cell) + "%"  # 占年度计划% over 52.0
            if _rate(cell) is None and _CJK_RE.search(clean_cell(cell)):
                said.append(cell)  # a 形象进度 column that tells in words (路基施工): progress, not a rate
            elif _rate(values.get("rate")) is None:
                values[key] = cell  # two rate columns (占年度计划%, 形象进度): the first that holds one
        else:
            values[key] = cell
    if said and not clean_cell(values.get("progress")):
        values["progress"] = "\n".join(said)
    seq = _seq_value(values.get("seq", "")) or fallback_seq
    task = Task(seq=seq)
    for key in TEXT_KEYS:
        setattr(task, key, _tidy_text(values.get(key, "")))
    task.status_raw = clean_cell(values.get("status")) or None
    if task.progress is None and "progress" not in header.keys and len(task.status_raw or "") > 8:
        task.progress = _tidy_text(values.get("status", ""))  # a 完成情况 column telling the progress
    task.leader = _tidy_leader(values.get("leader"))
    task.completion_rate = _rate(values.get("rate"))
    for key in _PLAIN_KEYS:
        setattr(task, key, clean_cell(values.get(key)) or None)
    task.quote = " | ".join(c for c in (clean_cell(x) for x in cells) if c)[:300] or None
    task.region = meta.region
    task.year = header.year or meta.year
    if header.start_month is not None:
        task.start_month, task.end_month = header.start_month, header.end_month
    else:
        task.start_month, task.end_month = meta.start_month, meta.end_month
    task.row_index = index
    task.char_offset = offset
    return _Draft(task, depts, list(cells))


# a 完成情况 cell that says why: 未完成，受资金影响推迟开工。
_STATUS_REASON = re.compile(r"^[^，,。；;：:]{0,8}?(?:未完成|未能完成|无法完成|尚未完成|部分完成|基本完成|滞后)"
                            r"[，,。；;：:\s]+(?P<reason>.+)$", re.S)
_CAUSE_WORDS = re.compile(r"因|受|由于|原因|影响|问题|不足|困难|未到位|未批|未办|滞后|延期|延误|推迟|调整")


def _finish(draft: _Draft, header: Header) -> Task:
    """Derive what depends on the whole row: departments list, reason, status."""
    task = draft.task
    if task.annual_target is None and task.target_amount and not _NUMBER.match(task.target_amount):
        task.annual_target, task.target_amount = task.target_amount, None  # the row left out 项目
    task.departments_raw = _departments_raw(header, draft.depts)
    task.departments = split_departments(task.departments_raw)
    if "reason" not in header.keys and task.status_raw:
        m = _STATUS_REASON.match(task.status_raw)
        if m and _CAUSE_WORDS.search(m["reason"]):
            task.reason = m["reason"].strip()  # no 未完成原因 column: the status cell says why
    if task.reason and "\n" in task.reason:  # merged sub-rows: 无 beside a real reason says nothing
        task.reason = "\n".join(p for p in task.reason.split("\n") if is_real_reason(p)) or None
    real = is_real_reason(task.reason)
    if not real:
        task.reason = None
    status = _row_status(task.status_raw)
    if task.completion_rate is None:
        task.completion_rate = _rate(task.progress)  # 当前进度: 80%（…进度滞后）
    if task.completion_rate is None:
        task.completion_rate = _computed_rate(task.actual, task.target_amount)
    if task.on_schedule is None:
        said = _ON_SCHEDULE.search(" ".join(x for x in (task.status_raw, task.progress) if x))
        task.on_schedule = said[0] if said else None  # 达到序时进度: kept, though not finished
    if not task.status_raw and ("status" not in header.keys or task.alignment == INFERRED):
        status = _status_from_rate(task)  # no status column (or the row left it out): what the row says
    elif task.status_raw and _CJK_RE.search(task.status_raw) and (
            status == STATUS_UNKNOWN or (status == DONE and _DONE_AMOUNT.match(_SPACES.sub("", task.status_raw)))):
        # a 完成情况 cell that tells (已全部建成开园, 已完成1500户): read as a progress would be
        said = Task(seq=task.seq, progress=task.status_raw, completion_rate=task.completion_rate,
                    on_schedule=task.on_schedule)
        status = _status_from_rate(said)
        if task.progress is None:
            task.progress = task.status_raw
    if real and (status == DONE or (status == NOT_DONE and says_nearly(task.status_raw))):
        status = PARTIAL  # 完成 (or 基本完成) and a real unfinished reason
    if (task.reason is None and "reason" not in header.keys and status != DONE and task.notes
            and is_real_reason(task.notes) and _CAUSE_WORDS.search(task.notes)):
        task.reason = task.notes  # no 未完成原因 column: a 说明 that says why it is late
    task.status = status
    return task


def _append(draft: _Draft, header: Header, cells: list[str], same_row: bool = False) -> None:
    """A continuation row: each cell goes on the end of the same column of the task.

    ``same_row``: the row repeats the task's 序号 (a merged cell a reader copied
    into each row it spans): cells equal to the row above are copies, skipped,
    and each piece starts a new line.
    """
    task = draft.task
    for i, (key, cell) in enumerate(zip(header.keys, cells, strict=False)):
        text = clean_cell(cell)
        if not key or key == "seq" or not text:
            continue
        if same_row and i < len(draft.cells) and clean_cell(draft.cells[i]) == text:
            continue
        if key == "departments":
            before = draft.depts.get(i, "")
            if before and (same_row or re.search(_DEPT_SUFFIX + r"$", before)):
                draft.depts[i] = before + " " + text
            else:
                draft.depts[i] = _join(before, text, " ")
            continue
        if key == "leader":
            extra = _tidy_leader(cell)
            task.leader = f"{task.leader}、{extra}" if task.leader and extra else task.leader or extra
            continue
        if key == "status":
            task.status_raw = _join(task.status_raw, text, "") if not same_row else \
                "\n".join(p for p in (task.status_raw, text) if p)
            continue
        if key in _PLAIN_KEYS:
            before = getattr(task, key)
            if before != text:
                setattr(task, key, "\n".join(p for p in (before, text) if p))
            continue
        if key == "rate":
            # a sub-row's own rate (新增120个社区助餐点 … 109%): the task is as far as its least
            rate = _rate(text)
            if rate is not None:
                task.completion_rate = rate if task.completion_rate is None else min(task.completion_rate, rate)
            continue
        before = getattr(task, key)
        if key == "reason":
            # 无 below 无 (or below a reason) adds nothing; a real reason replaces a 无 above
            if not is_real_reason(text):
                continue
            if not is_real_reason(before):
                before = None
        combined = "\n".join(p for p in (before, text) if p) if same_row else _join(before, text)
        setattr(task, key, "\n".join(format_subitems(p) for p in combined.split("\n")))
    row = " | ".join(c for c in (clean_cell(x) for x in cells) if c)
    if row:
        task.quote = "\n".join(p for p in (task.quote, row) if p)[:300]
    draft.cells = list(cells)


def _open_keys(task: Task | None) -> set[str]:
    """Text columns of ``task`` that end mid-sentence (a page break cut them)."""
    if task is None:
        return set()
    out = set()
    for key in TEXT_KEYS:
        v = getattr(task, key)
        if v and v.rstrip()[-1:] not in _TERMINAL:
            out.add(key)
    return out
