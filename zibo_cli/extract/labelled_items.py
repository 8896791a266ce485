"""Numbered items whose fields are labelled in the text, one after another:

``1.新建公厕40座。 牵头领导：王某 责任单位：市城管局 项目责任人：李某 实际完成情况：已建成36座。``

A 公示 of 实事 or a 督查 list often flattens its table so: each item its number and what it is to do,
then ``label：value`` pairs. The labels are data (``item_labels.tsv``); the field each feeds is the
header word's (``header_words.tsv``), so a label reads as the same column would in a table. Spaces
between pairs may be gone (``林静国责任单位：``): a value ends where the next label starts.

An item is a task when it has a unit or a leader, and a progress: a progress label's value, or else,
after the unit list, text that says what was done (``…合计 实际完成 1 2 0 3 6``). An item with no progress
(cut off, or a plan) is not a row. Status from the progress as a table row's (``tasks``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..models import DONE, NOT_DONE, STATUS_UNKNOWN, DocumentMeta, Task
from .cells import is_real_reason, split_departments
from .lists import numbered_items
from .structure import header_field

__all__ = ["labelled_items", "item_labels", "split_labelled_cell", "target_progress_pairs"]

_LABELS_FILE = Path(__file__).with_name("item_labels.tsv")
_MIN_ITEMS = 2
_UNIT_END = re.compile(r"(?:委员会|管委会|办公室|指挥部|政府|中心|集团|公司|委|局|办|厅|院|部|所|会|社|站)$")
_DONE_SAID = re.compile(r"完成|建成|开工|竣工|完工|投用|开通|通车|新增|新建|改造")


@lru_cache(maxsize=1)
def item_labels() -> re.Pattern[str]:
    """The labels, longest first, each followed by its colon."""
    words = [ln.strip() for ln in _LABELS_FILE.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    words.sort(key=len, reverse=True)
    return re.compile(f"(?P<label>{'|'.join(map(re.escape, words))})\\s*[:：]")


def _fields(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(what the item is to do, [(field, value)…]) of an item's text."""
    marks = list(item_labels().finditer(text))
    if not marks:
        return text, []
    pairs = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        field = header_field(m["label"])
        if field:
            pairs.append((field, text[m.end():end].strip(" ，,；;")))
    return text[:marks[0].start()].strip(" 。；;"), pairs


def _units_and_rest(value: str) -> tuple[str, str]:
    """A unit list and what follows it when no unit: ``市公安局、市城管局，各区政府鄞州海曙…合计…``."""
    pieces = re.split(r"([、，,；;\s])", value)
    units = ""
    for i in range(0, len(pieces), 2):
        if not _UNIT_END.search(pieces[i].strip()):
            return units.rstrip("、，,；; "), "".join(pieces[i:]).strip()
        units += pieces[i] + (pieces[i + 1] if i + 1 < len(pieces) else "")
    return units.rstrip("、，,；; "), ""


def labelled_items(text: str, meta: DocumentMeta, status_of=None) -> list[Task]:
    """The tasks of ``text`` written as numbered items with labelled fields (module docstring);
    ``status_of`` judges a row's status from what it states (extract.tasks passes its own)."""

    out: list[Task] = []
    offset = 0
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if "：" not in line and ":" not in line:
            continue
        items = numbered_items(line)
        for k, item in enumerate(items):
            end = items[k + 1].offset if k + 1 < len(items) else len(line)
            body = re.sub(r"^\s*\d{1,2}\s*[.、．]", "", line[item.offset:end]).strip()
            target, pairs = _fields(body)
            if not pairs:
                continue
            t = Task(seq=item.number, annual_target=target or None, year=meta.year, start_month=meta.start_month,
                     end_month=meta.end_month, char_offset=here + item.offset, region=meta.region,
                     source="prose", quote=body[:300])
            rest = ""
            for field, value in pairs:
                if field == "departments":
                    units, more = _units_and_rest(value)
                    t.departments += [d for d in split_departments(units) if d not in t.departments]
                    t.departments_raw = "、".join(t.departments) or None
                    rest = rest or more
                elif field == "leader":
                    t.leader = t.leader or value  # the first (牵头领导) before a unit's person
                elif field in ("progress", "status"):
                    t.progress = value
                elif field in ("reason", "next_steps", "deadline", "notes", "annual_target"):
                    setattr(t, field, getattr(t, field) or value)
            if t.progress is None and rest and _DONE_SAID.search(rest):
                t.progress = rest
            if t.progress and (t.departments or t.leader):
                t.status = status_of(t) if status_of else STATUS_UNKNOWN
                out.append(t)
    if len(out) < _MIN_ITEMS:
        return []
    for i, t in enumerate(out):
        t.row_index = i
    return out


def split_labelled_cell(task: Task) -> None:
    """A progress cell that labels its parts (a 进展情况、存在问题及下一步打算 column: ``进展情况：…
    存在问题：… 下步打算：…``): each part to its field, when the field is empty."""
    if not task.progress or not item_labels().search(task.progress):
        return
    before, pairs = _fields(task.progress)
    fields = dict(reversed(pairs))  # the first of a field wins
    if not fields.get("progress") and not fields.get("status"):
        return
    task.progress = fields.get("progress") or fields.get("status")
    if before:
        task.progress = before + "。" + task.progress
    for name in ("reason", "next_steps"):
        value = fields.get(name)
        if value and getattr(task, name) is None and (name != "reason" or is_real_reason(value)):
            setattr(task, name, value)


# 任务目标：…。进展情况：…。 — a task's target, then how it stands, pair after pair in running text
_TARGET_LABEL = re.compile(r"(?:任务目标|目标任务|年度目标|工作目标|实事内容|项目内容)\s*[：:]")
_PROGRESS_LABEL = re.compile(r"(?:进展情况|完成情况|进度情况|落实情况|推进情况)\s*[：:]")
_PAIR_DONE = re.compile(r"超额完成|圆满完成|全部完成|全面完成|已全部完工|全部完工|(?:已|均已)(?:完成|完工|竣工|建成)(?:年度|全年)?"
                        r"|已于[^，。；]{0,16}(?:完工|竣工|完成|建成)")
_PAIR_OPEN = re.compile(r"正在|推进中|尚未|未完成|滞后|缓慢|预计|计划(?!投资)|力争|部分")


def target_progress_pairs(text: str, meta: DocumentMeta) -> list[Task]:
    """Tasks written as labelled pairs in running text, at least two: ``任务目标：…。进展情况：…。`` —
    the target as its annual target, the progress as written; done when the progress says it was
    done (超额完成, 已全部完工 …) and nothing still open, not done when it says work goes on, else
    unknown. A pair the text cuts off before its progress ends is left out."""
    targets = list(_TARGET_LABEL.finditer(text))
    if len(targets) < 2:
        return []
    out: list[Task] = []
    for i, m in enumerate(targets):
        end = targets[i + 1].start() if i + 1 < len(targets) else len(text)
        chunk = text[m.end():end]
        said = _PROGRESS_LABEL.search(chunk)
        if said is None:
            continue
        target, progress = chunk[:said.start()].strip(), chunk[said.end():].strip()
        if i + 1 == len(targets) and not progress.rstrip().endswith(("。", "！", "）", "”")):
            continue  # cut off before it says how it stands
        if _PAIR_DONE.search(progress) and not _PAIR_OPEN.search(progress):
            status = DONE
        elif _PAIR_OPEN.search(progress) or _PAIR_DONE.search(progress):
            status = NOT_DONE
        else:
            status = STATUS_UNKNOWN
        out.append(Task(seq=str(len(out) + 1), status=status, annual_target=target[:300], progress=progress[:500],
                        year=meta.year, start_month=meta.start_month, end_month=meta.end_month,
                        char_offset=m.start(), region=meta.region, source="prose",
                        quote=f"{m[0]}{target}{said[0]}{progress}"[:300]))
    return out if len(out) >= 2 else []
