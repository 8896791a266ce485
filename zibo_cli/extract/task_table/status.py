"""A task's status: from its status cell, its completion rate or what its progress says."""

from __future__ import annotations

import re

from ...models import DONE, NOT_DONE, PARTIAL, STATUS_UNKNOWN, Task
from ..cells import clean_cell, is_real_reason
from .text import _DIGIT, _SPACES

# Status words; the leftmost in the cell decides, and at one place the longer phrase
# (未完成 before 完成, 基本完成 before 完成). 完成，持续推进 is done; 正在推进，预计完成 is not.
_STATUS_RE = re.compile(
    r"(?P<nearly>基本完成|大部分完成|大部完成|接近完成)"
    r"|(?P<not_done>未完成|没有完成|没完成|未能完成|不能完成|无法完成|难以完成|不能按期完成|"
    r"(?:完成|达到|符合|超)序时|尚未|暂未|未达|未实现|未开工|未启动|部分完成|正在|推进|进行|实施中|"
    r"在建|序时|滞后|落后|待|未|否|×|✗|✘)"
    r"|(?P<done>已完成|超额完成|提前完成|全面完成|按期完成|完成|达标|办结|已实现|已落实|实现|是|√|✓|✔)")


def classify_status(raw: str | None) -> str:
    """``done``, ``partial``, ``not_done`` or ``unknown`` from a status cell alone.

    The first status word decides: 未完成, 无法完成, 部分完成, 正在推进, 序时推进,
    持续推进, 按计划推进 → not_done (the task is still running, whatever its pace:
    完成/达到序时进度 says it is on schedule, not finished); 基本完成 → not_done as well
    (nearly, not finished: the contract's partial is a row that says 完成 and gives a real
    unfinished reason, which only the whole row can tell, see ``task_table.draft``);
    完成, 已完成, 完成（已超额）, 是, √ → done. A long cell (a 完成情况 column
    holding a sentence) is judged by its start.
    """
    s = _SPACES.sub("", clean_cell(raw))
    if not s:
        return STATUS_UNKNOWN
    m = _STATUS_RE.search(s[:16])
    if not m:
        return STATUS_UNKNOWN
    return {"nearly": NOT_DONE, "not_done": NOT_DONE, "done": DONE}[m.lastgroup or ""]


def says_nearly(raw: str | None) -> bool:
    """Whether a status cell's first status word is 基本完成 (or 大部分完成, 接近完成)."""
    m = _STATUS_RE.search(_SPACES.sub("", clean_cell(raw))[:16])
    return bool(m and m.lastgroup == "nearly")


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
