"""Task-completion tables: rows → :class:`~zibo_cli.models.Task`.

A task table reports, row by row, a year's targets and how far each got in a
quarter (序号, 年度目标, 第N季度目标, 是否完成, 具体工作进展, 未完成原因,
下步工作打算, 市政府分管领导, 责任单位). Reports name, order and drop these
columns differently, so columns are found by their header words, never by
position, and every row is read against its own table's header.

What the real files do, and what this module does about it:

* rows are TAB-separated lines (or ``| a | b |`` lines); structured readers
  hand over lists of cells instead (``tables``), read with the same row logic;
* dash separator lines (``----\\t----``) are skipped;
* ``<p>`` markup is stripped, paragraph breaks kept as newlines;
* a row with fewer (or more) cells than the header is aligned by scoring every
  place the missing (or extra) cells could be: a status word belongs under
  是否完成, a short name under 分管领导, 局/委/政府 under 责任单位, and an empty
  未完成原因 is the column most likely to have been dropped;
* a row with an empty 序号 continues the row above: each of its cells is
  appended to the same column of that row (a page break cut the cell);
* numbered sub-items (1. 2. 3.) start on their own line;
* the status (``done``, ``partial``, ``not_done``, ``unknown``) is read from the
  status cell, and a row marked 完成 that still gives a real unfinished reason is
  ``partial``; the raw cell stays in ``status_raw``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..models import DONE, NOT_DONE, PARTIAL, STATUS_UNKNOWN, DocumentMeta, Task
from ..periods import months_in_text
from .cells import _DEPT_SUFFIX, clean_cell, is_real_reason, split_departments
from .structure import (
    Groups,
    cell_kind,
    header_field,
    item_mark,
    kind_fit,
    label_months,
    merge_header_rows,
    split_cells,
)

__all__ = ["extract_tasks", "parse_rows", "map_header", "classify_status", "clean_cell",
           "split_departments", "is_real_reason", "COLUMN_KEYS"]

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


_SPACES = re.compile(r"\s+")
_REASON_MARKS = re.compile(r"[\s。.，,；;、！!]")
_LEADER_SEPARATORS = re.compile(r"[\s、，,；;/]+")
_CN_NUMERAL = re.compile(r"[一二三四五六七八九十百]+")


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


# ---------------------------------------------------------------------------
# cells
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# status, reason, departments
# ---------------------------------------------------------------------------

# Status words; the leftmost in the cell decides, and at one place the longer phrase
# (未完成 before 完成, 基本完成 before 完成). 完成，持续推进 is done; 正在推进，预计完成 is not.
_STATUS_RE = re.compile(
    r"(?P<partial>基本完成|大部分完成|大部完成|接近完成)"
    r"|(?P<not_done>未完成|没有完成|没完成|未能完成|不能完成|无法完成|难以完成|不能按期完成|"
    r"(?:完成|达到|符合|超)序时|尚未|暂未|未达|未实现|未开工|未启动|部分完成|正在|推进|进行|实施中|"
    r"在建|序时|滞后|落后|待|未|否|×|✗|✘)"
    r"|(?P<done>已完成|超额完成|提前完成|全面完成|按期完成|完成|达标|办结|已实现|已落实|实现|是|√|✓|✔)")


def classify_status(raw: str | None) -> str:
    """``done``, ``partial``, ``not_done`` or ``unknown`` from a status cell alone.

    The first status word decides: 未完成, 无法完成, 部分完成, 正在推进, 序时推进,
    持续推进, 按计划推进 → not_done (the task is still running, whatever its pace:
    完成/达到序时进度 says it is on schedule, not finished); 基本完成 → partial;
    完成, 已完成, 完成（已超额）, 是, √ → done. A long cell (a 完成情况 column
    holding a sentence) is judged by its start.
    """
    s = _SPACES.sub("", clean_cell(raw))
    if not s:
        return STATUS_UNKNOWN
    m = _STATUS_RE.search(s[:16])
    if not m:
        return STATUS_UNKNOWN
    return {"partial": PARTIAL, "not_done": NOT_DONE, "done": DONE}[m.lastgroup or ""]


# What a reason cell says when there is no reason.
def _tidy_leader(raw: str | None) -> str | None:
    s = clean_cell(raw)
    if not s:
        return None
    names = [n for n in _LEADER_SEPARATORS.split(s) if n]
    return "、".join(names) or None


# ---------------------------------------------------------------------------
# aligning rows that lost or gained a cell
# ---------------------------------------------------------------------------

_REASON_WORDS = re.compile(r"未|尚|由于|因|受|影响|原因|问题|滞后|不足|困难|暂|缓|延")
_NEXT_WORDS = re.compile(r"^(?:\d+[.、])?(?:继续|持续|加快|下一步|下步|做好|加强|推进|推动|积极|进一步|抓好|确保|"
                         r"力争|督促|强化|深化|坚持|全力|协调|争取|指导|完善|落实|按照|对照|围绕|密切|跟踪|重点)")
_LEADER_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[\s、，,][\u4e00-\u9fff]{2,4}){0,3}$")
# a name that ends like a unit: 市统计局, 高青县政府, 专班成员单位
_UNIT_END_RE = re.compile(_DEPT_SUFFIX + r"$|单位$|专班$|小组$")


_DIGIT = re.compile(r"\d")
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


def _join(a: str | None, b: str | None, sep: str = "\n") -> str:
    """Join two pieces of one cell; no break when ``a`` was cut mid-sentence."""
    if not a:
        return b or ""
    if not b:
        return a
    if a.rstrip()[-1:] in _TERMINAL:
        return a.rstrip() + sep + b.lstrip()
    return a.rstrip() + b.lstrip()


# ---------------------------------------------------------------------------
# rows → tasks
# ---------------------------------------------------------------------------


@dataclass
class _Row:
    cells: list[str]
    offset: int | None = None


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
    if status == DONE and real:
        status = PARTIAL
    if (task.reason is None and "reason" not in header.keys and status != DONE and task.notes
            and is_real_reason(task.notes) and _CAUSE_WORDS.search(task.notes)):
        task.reason = task.notes  # no 未完成原因 column: a 说明 that says why it is late
    task.status = status
    return task


_RATE = re.compile(r"^\s*(\d{1,4}(?:\.\d+)?)\s*[%％]")
_ON_SCHEDULE = re.compile(r"达到序时进度|符合序时进度|按序时推进|序时推进|正常推进|按计划推进|超序时")


_BARE = re.compile(r"^\d+(?:\.\d+)?$")
# a done word and an amount (已完成1500户, 完成投资3亿元): how much is done, not that it is
_DONE_AMOUNT = re.compile(r"^(?:已|累计)?完成[^，。；;,\d]{0,4}\d")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _rate(cell: str | None) -> float | None:
    """The completion rate a cell opens with, in % (109% → 109), or None."""
    m = _RATE.match(clean_cell(cell))
    return float(m[1]) if m else None


_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)")


def _computed_rate(actual: str | None, target: str | None) -> float | None:
    """完成 36 of 目标 40 → 90.0 (both cells numbers)."""
    a, t = _NUMBER.match(actual or ""), _NUMBER.match(target or "")
    if not a or not t or float(t[1]) <= 0 or "\n" in (actual or "") + (target or ""):
        return None
    return round(float(a[1]) / float(t[1]) * 100, 1)


# progress that says the thing is finished (已建成, 已完工 …), when no amount follows it
_PROGRESS_DONE = re.compile(r"(?:已|均已|全部|全面|圆满)(?:完成|完工|建成|办结|竣工|投用|投入使用)|竣工投用|建成投用|"
                            r"已于[^，。；,;]{2,14}?(?:建成|竣工|完工|通车|开通|投入(?:试)?运营|试运营|投入使用)")
_PROGRESS_OPEN = re.compile(r"未|尚|正在|在建|推进|进行|施工|滞后|延误|开工|启动|预计|力争|计划")
_AMOUNT_NEXT = re.compile(r"^[^，。；;,]{0,6}\d")
# a stage finished (已完成第一季度结对仪式, 已完成一期工程, 已完成前期工作): the task itself is still running
_STAGE_DONE = re.compile(r"(?:已|均已|全部)(?:完成|完工|建成|办结)(?:了)?(?:第?[一二三四1-4]季度|[上下]半年|"
                         r"阶段性?|第?[一二三1-3]期|前期|首期|\d{1,2}月份?)")


def _progress_done(text: str | None) -> bool:
    """The progress cell states the task finished: 已建成投用, 已完工 (not 已建成5处, 已完成投资50%)."""
    if not text:
        return False
    m = _PROGRESS_DONE.search(text)
    return bool(m) and not _AMOUNT_NEXT.match(text[m.end():]) and not _PROGRESS_OPEN.search(text)


def _status_from_rate(task: Task) -> str:
    """A row with no status column, from what it states: a completion rate of 100% or more is
    done, a lower one not_done (on schedule or not: still running); a progress that says it is
    finished (已建成, 已完工, 已办结) is done; 是否达序 or a progress that says anything else
    is not_done; unknown with neither a rate nor any progress (a plan)."""
    if task.completion_rate is not None:
        return DONE if task.completion_rate >= 100 else NOT_DONE
    opening = re.split(r"[\n。；;，,]", task.progress or "", maxsplit=1)[0]
    if _STAGE_DONE.match(opening):
        return NOT_DONE
    if opening and len(opening) <= 12 and not _DIGIT.search(opening) and classify_status(opening) != STATUS_UNKNOWN \
            and not (classify_status(opening) == DONE and _PROGRESS_OPEN.search(task.progress[len(opening):])):
        return classify_status(opening)  # a 落实情况 cell that opens with its status: 提前完成年度任务。…
    if _progress_done(task.progress):
        return DONE
    if task.on_schedule or is_real_reason(task.progress):
        return NOT_DONE  # on schedule, or progress that does not say finished: still running
    return STATUS_UNKNOWN


_RANK = {NOT_DONE: 3, PARTIAL: 2, DONE: 1, STATUS_UNKNOWN: 0}


def _row_status(raw: str | None) -> str:
    """A row's status; a row merged from sub-rows (one status a line) takes the least finished."""
    parts = [p for p in (raw or "").split("\n") if p.strip()]
    if len(parts) > 1 and all(len(p) <= 12 for p in parts):
        found = [classify_status(p) for p in parts]
        return max(found, key=lambda st: _RANK[st])
    return classify_status(raw)


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


def parse_rows(rows: list[_Row] | list[list[str]], meta: DocumentMeta | None = None,
               start_index: int = 0) -> list[Task]:
    """Tasks from a sequence of rows (lists of cells), headers found among them.

    Rows before the first header are ignored; each header starts a new table.
    """
    meta = meta or DocumentMeta()
    tasks: list[Task] = []
    header: Header | None = None
    current: _Draft | None = None
    index = start_index
    pending_header = False
    category: str | None = None  # the category row (一、经济发展) the rows below belong to
    groups = Groups(0)
    for item in rows:
        row = item if isinstance(item, _Row) else _Row(list(item))
        cells = [c if c is not None else "" for c in row.cells]
        if not any(clean_cell(c) for c in cells) or _is_separator(cells):
            continue
        if pending_header and header is not None:
            pending_header = False
            merged = _merge_header(header, cells)
            if merged is not None:
                header = merged
                continue
        found = map_header(cells)
        if found is not None and (header is None or not _seq_like(cells[0])):
            if header is not None and found.keys == header.keys:
                pending_header = True  # the header repeated after a page break: same table
                continue
            if current is not None:
                tasks.append(_finish(current, header))
                current = None
            header, pending_header = found, True
            groups = Groups(found.width)
            continue
        if header is None:
            continue
        placed = groups.place(cells) if header.keys[0] == "seq" else None
        if placed is not None and placed.item is not None:
            # a sub-item (1.东湖村) under its groups (一 | 区卫健局 | （一）村卫生室提升)
            cells = align(placed.cells, header)
            if current is not None:
                tasks.append(_finish(current, header))
            index += 1
            current = _task_from_cells(cells, header, meta, index - 1, row.offset, placed.item.number)
            current.task.seq = placed.item.number
            current.task.category = " ".join(p for p in (category, *placed.path) if p) or None
            if placed.moved:
                current.task.alignment = INFERRED
            continue
        width = len(cells)
        while width > header.width and not clean_cell(cells[width - 1]):
            width -= 1
        inferred = width != header.width
        if (header.keys[0] == "seq" and current is not None and clean_cell(cells[0])
                and not _seq_like(cells[0]) and not _HEADING_RE.match(clean_cell(cells[0]))
                and len(cells) <= header.width):
            # a continuation row that left out its empty 序号 cell: its cells stand one to the left
            cells = [""] + (cells if len(cells) < header.width or clean_cell(cells[-1]) else cells[:-1])
        before = list(cells)
        cells = align(cells, header, _open_keys(current.task if current else None))
        inferred = inferred or (len(before) == header.width and cells != before)
        if _spanning_row(cells, header):
            continue
        by_key = {k: c for k, c in zip(header.keys, cells, strict=False) if k}
        filled = {k for k, c in by_key.items() if clean_cell(c)}
        if "seq" in header.keys:
            seq_cell = clean_cell(by_key.get("seq", ""))
            if not seq_cell:
                if current is not None:
                    _append(current, header, cells)
                continue
            if _heading_row(seq_cell, filled):
                category = _category(seq_cell, by_key)
                continue
            if current is not None and _seq_value(seq_cell) == current.task.seq:
                _append(current, header, cells, same_row=True)  # a merged 序号 repeated
                continue
        elif len(filled) == 1 and _HEADING_RE.match(clean_cell(by_key[next(iter(filled))])):
            category = clean_cell(by_key[next(iter(filled))])
            continue
        if current is not None:
            tasks.append(_finish(current, header))
        index += 1
        current = _task_from_cells(cells, header, meta, index - 1, row.offset, str(index - start_index))
        current.task.category = category
        current.task.alignment = INFERRED if inferred else None
        if inferred and tasks and tasks[-1].departments_raw and "departments" in header.keys \
                and not any(current.depts.values()):
            # the row left out its unit: a merged cell over the rows above and this one
            current.depts = {header.keys.index("departments"): tasks[-1].departments_raw}
    if current is not None and header is not None:
        tasks.append(_finish(current, header))
    return tasks


def _spanning_row(cells: list[str], header: Header) -> bool:
    """A category heading merged across the row and copied into every cell it spans
    (经济发展 | 经济发展 | …), perhaps after its own number (一 | 经济发展 | 经济发展 …)."""
    texts = [clean_cell(c) for k, c in zip(header.keys, cells, strict=False) if k != "seq"]
    texts = [t for t in texts if t]
    return len(texts) >= 2 and len(set(texts)) == 1 and len(texts) * 2 >= header.width - 1


_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
_WORK_KEYS = {"status", "progress", "reason", "period_target", "next_steps", "leader", "departments"}


def _category(seq_cell: str, by_key: dict[str, str]) -> str | None:
    """The text of a category row (一 | 经济发展 → 一、经济发展; 一、经济发展 as it is)."""
    texts = [clean_cell(v) for k, v in by_key.items() if k != "seq" and clean_cell(v)]
    if _seq_like(seq_cell):
        return f"{_seq_value(seq_cell)}、{texts[0]}" if texts else _seq_value(seq_cell)
    return seq_cell


def _heading_row(seq_cell: str, filled: set[str]) -> bool:
    """A row that is not a task: a category (一、经济发展 / 一 | 经济发展), a total, a note."""
    if _seq_like(seq_cell):
        # 一 | 经济发展 with nothing else: a category numbered in Chinese
        return bool(_CN_NUMERAL.fullmatch(_seq_value(seq_cell))) and not filled & _WORK_KEYS
    return len(seq_cell) > 6 or not filled & _WORK_KEYS


def _split_line(line: str) -> list[str] | None:
    """The cells of a table line (TAB- or pipe-separated, runs of spaces; see
    ``structure.split_cells``), or None for prose."""
    return split_cells(line)


_PAGE_FURNITURE = re.compile(r"^(?:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页.*|共\s*\d+\s*页)$")


def extract_tasks(text: str, meta: DocumentMeta, tables: list[list[list[str]]] | None = None) -> list[Task]:
    """The rows of the task table(s) of a document.

    ``tables`` (from a structured reader) wins when it holds a task table; otherwise the
    TAB- or ``|``-separated lines of ``text`` are read; then a table flattened one cell per
    line (an HTML table saved as text); then the tasks a bulletin lists in prose
    (``extract.task_lists``).
    """
    if tables:
        tasks: list[Task] = []
        for table in tables:
            found = parse_rows([_Row(list(r)) for r in table], meta, start_index=len(tasks))
            for t in found:
                t.char_offset = _locate(text, t)
            tasks.extend(found)
        if tasks:
            return _split_cells(tasks)
    if "\t" in text or "|" in text:  # (tables set apart by spaces are TAB rows by now: extract.layout)
        tasks = parse_rows(_text_table_rows(text), meta)
        if tasks:
            return _split_cells(tasks)
    tasks = parse_rows(_flat_table_rows(text), meta)
    if tasks:
        return _split_cells(tasks)
    from .task_lists import prose_tasks

    tasks = prose_tasks(text, meta)
    if tasks:
        return tasks
    from .list_tasks import list_tasks

    return list_tasks(text, meta, status_of=_status_from_rate)


def _split_cells(tasks: list[Task]) -> list[Task]:
    """Rows whose progress cell labels its parts (进展情况：… 下步打算：…): each part to its field."""
    from .labelled_items import split_labelled_cell

    for t in tasks:
        split_labelled_cell(t)
    return tasks


# -- a table flattened one cell per line -------------------------------------------
# An HTML table saved as text often comes out one cell per line, each perhaps followed by
# " |" (an empty cell is a line holding only "|"): 序号 | / 项目名称 | / 责任单位 | … then
# 1 | / 新建幼儿园 | / 教育局 | …. The header's cells fix the width; a row starts at the next
# 序号 once it holds enough cells to be a row (so a cell reading 2 is not taken for row 2).

_FLAT_CELL_MAX = 24
_FLAT_HEADER_MAX = 12


def _flat_cell(line: str) -> str:
    s = line.strip()
    if s.endswith("|"):
        s = s[:-1].rstrip()
    return s


def _flat_table_rows(text: str) -> list[_Row]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, _flat_cell(line)))
        offset += len(line) + 1
    for i in range(len(lines)):
        if not lines[i][1] or len(lines[i][1]) > _FLAT_CELL_MAX:
            continue
        for width in range(3, _FLAT_HEADER_MAX + 1):
            if i + width >= len(lines):
                break
            cells = [c for _, c in lines[i:i + width]]
            if any(len(c) > _FLAT_CELL_MAX or not c for c in cells):
                break
            header = map_header(cells)
            if header is None or header.keys[0] != "seq":
                continue
            first = lines[i + width][1]
            if _seq_value(first) not in ("1", "一"):
                continue
            wider = map_header([c for _, c in lines[i:i + width + 1]])
            if wider is not None and i + width + 1 < len(lines) and wider.width > width \
                    and _seq_value(lines[i + width + 1][1]) in ("1", "一"):
                continue  # the header goes on
            return _flat_rows(lines[i:], width)
    return []


def _flat_rows(lines: list[tuple[int, str]], width: int) -> list[_Row]:
    rows = [_Row([c for _, c in lines[:width]], lines[0][0])]
    current: _Row | None = None
    expected = 1
    for off, cell in lines[width:]:
        starts = _seq_like(cell) and _seq_value(cell) == str(expected)
        if starts and (current is None or len(current.cells) >= max(2, width - 2)):
            current = _Row([cell], off)
            rows.append(current)
            expected += 1
            continue
        if current is None:
            continue
        if len(current.cells) >= width + 3 and len(cell) >= 40 and cell[-1] in "。；！？":
            break  # prose after the table
        current.cells.append(cell)
    return rows


def _text_table_rows(text: str) -> list[_Row]:
    """The table rows of the text, with their offsets; broken lines rejoined.

    A line without cells inside a table is page furniture or a heading (skipped),
    the middle of a cell cut by a line break (joined to the unfinished row), or a
    note or paragraph after the table (which ends it).
    """
    rows: list[_Row] = []
    width: int | None = None
    keys: list[str | None] = []
    seq_first = False
    offset = 0
    in_table = False
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        cells = _split_line(line)
        if cells is not None:
            header = map_header(cells)
            if header is not None:
                width, in_table = header.width, True
                keys = header.keys
                seq_first = keys[0] == "seq"
                rows.append(_Row(cells, here))
                continue
            if not in_table:
                continue
            prev = rows[-1] if rows else None
            # a line break inside a cell: the line's first piece ends the row's last cell.
            # With a 序号 column a new row starts with its number, so a row may be put
            # together from several lines; without one, only when the pieces add up exactly.
            # When the pieces fill the row without joining, the line broke between cells.
            if (prev is not None and width and len(prev.cells) < width and cells[0].strip()
                    and not _seq_like(cells[0]) and not _is_separator(cells) and item_mark(cells[0]) is None
                    and map_header(prev.cells) is None):
                total = len(prev.cells) + len(cells)
                numbered = seq_first and _seq_like(prev.cells[0])
                last_key = keys[len(prev.cells) - 1] if len(prev.cells) <= len(keys) else None
                if numbered and total <= width and _cell_closed(prev.cells[-1], last_key):
                    prev.cells.extend(cells)  # the line broke between two cells
                    continue
                if total - 1 == width or (numbered and total - 1 < width):
                    prev.cells[-1] = _join(prev.cells[-1], cells[0])
                    prev.cells.extend(cells[1:])
                    continue
            rows.append(_Row(cells, here))
            continue
        s = line.strip()
        if not s or not in_table or _PAGE_FURNITURE.match(s):
            continue
        prev = rows[-1] if rows else None
        if (prev is not None and width and len(prev.cells) < width and map_header(prev.cells) is None
                and not _HEADING_RE.match(s)):
            prev.cells[-1] = _join(prev.cells[-1], s)  # a cell with a line break in it
            continue
        if _TABLE_END_RE.match(s) or (len(s) >= 40 and s[-1] in "。；！？"):
            in_table, width = False, None  # a note or prose after the table
        # a short line (a category heading, a repeated title) keeps the table open
    return rows


def _cell_closed(cell: str, key: str | None) -> bool:
    """A cell that reads as complete (a sentence's end, a bare status word), so a line
    break after it falls between two cells rather than inside this one."""
    t = clean_cell(cell)
    if not t or t[-1] in "，,、：:（(":
        return False
    if t[-1] in "。；;！!？?":
        return True
    return key == "status" and len(t) <= 8 and classify_status(t) != STATUS_UNKNOWN


_TABLE_END_RE = re.compile(r"^(?:注|备注|说明|附件|附表|资料来源|数据来源)[:：\d\s]")


def _locate(text: str, task: Task) -> int | None:
    """Where a task from a structured table sits in the text (its longest cell's start)."""
    for value in (task.progress, task.annual_target, task.period_target, task.next_steps):
        if value:
            probe = value.split("\n")[0][:20]
            if len(probe) >= 4:
                pos = text.find(probe)
                if pos >= 0:
                    line_start = text.rfind("\n", 0, pos) + 1
                    return line_start
    return None
