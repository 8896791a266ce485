"""Words and small readers the prose list readers share (extract.list_tasks and
extract.numbered_paragraphs): what says a list's items are done or open, a cause, what comes next, the
units named as responsible, the seqs of items numbered again under each heading."""

from __future__ import annotations

import re

from ..models import Task
from .cells import split_departments

_HEAD_DONE = re.compile(r"(?:已|全部|已经)(?:完成|办结|完工|竣工|建成|投入使用|投用|落实)|完成(?:的)?(?:项目|事项|任务|实事)")
_HEAD_OPEN = re.compile(r"正在|推进中|在建|未完成|未落实|未开工|滞后|缓慢|进度较慢|存在问题|需要加快|尚未")
_DONE_WORDS = re.compile(r"竣工投用|建成投用|投入使用|(?:已|全部|全面|均已|圆满)(?:完成|完工|竣工|建成|办结)")
_OPEN_WORDS = re.compile(r"存在问题|问题是|滞后|缓慢|较慢|未完成|尚未|正在|未开工|推进中|在建|延误|预计|力争")
_AMOUNT_NEXT = re.compile(r"^[^，。；;,]{0,6}\d")
_NEXT = re.compile(r"(?:下一步|下步)[，,：:]?(?P<n>[^。]+。?)")
_STATS_CLAUSE = re.compile(r"增长|下降|同比|比上年|百分点|占[^，；]{0,8}(?:计划|目标|任务)|的有\d|有\d+[项个（(]|分行业|分区域")
_GROUP_MARK = re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]")
_UNIT = re.compile(r"(?:由)?(?P<u>(?:[市区县镇乡]|国家|省)?[\u4e00-\u9fff]{1,12}?(?:委员会|管委会|办公室|政府|中心|委|局|办))"
                   r"(?:牵头|负责|主办|承办)")



def nonblank_lines(text: str) -> list[tuple[int, str]]:
    """(offset, stripped line) of every line of ``text`` that holds anything."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line.strip()))
        offset += len(line) + 1
    return lines


# a lead that says a list's items are all done (10件实事已全部完成, 均已建成)
_ALL_DONE = re.compile(r"(?:已|均已|已经)?(?:全部|全面|圆满|全都|如期)(?:完成|完工|建成|落实|办结)|均已(?:完成|完工|建成|办结)")


# the words before a list that announce it as a plan (将办好十件实事，分别是：…; 以下项目为2022年度十大
# 民生实事项目：…): its items are targets, not progress — 完成X there is what is to be done
_PLAN_LEAD = re.compile(r"将(?:集中力量)?(?:办好|实施|完成|建设|推进)|将[^。]{0,12}?办好|计划(?:实施|完成|办理|建设)|拟(?:办|实施|建设)|"
                        r"票决|(?:确定|决定)(?:了)?(?:[^。]{0,12}?)(?:实事|项目|事项)|以下(?:项目|事项|实事)为|承诺(?:办好|完成)|"
                        r"(?:年度|今年|明年)(?:的)?(?:十大|十件|[\d一二三四五六七八九十]+件)(?:民生)?实事")
# what says work has begun or is done (已, 正在, 目前 …): an item of a planned list that says it has progress
_PROGRESS = re.compile(r"已|正在|目前|现已|累计|截至|截止|开工|竣工|完工|投入使用|进展")


def planned_list(lead: str) -> bool:
    """Whether the words before a list announce it as a plan (see _PLAN_LEAD) and tell no progress."""
    return bool(_PLAN_LEAD.search(lead)) and not re.search(r"已(?:完成|办结|建成|完工|竣工)|进展|推进情况|完成情况", lead)


# a stage of a project (主体, 土建, 基础工程, 封顶 …): its being done is not the project's
_STAGE_DONE = re.compile(r"(?:主体|土建|基础|桩基|地基|结构|一期|部分|阶段|前期|封顶|拆迁|征地|招标|设计)"
                         r"[^，。；;,]{0,6}(?:已经?|全部|均已|已全部)?(?:完成|完工|竣工|建成)"
                         r"|(?:已|已经)?完成(?:了)?[^，。；;,]{0,8}(?:主体|土建|基础|桩基|封顶|一期|前期|招标|设计)")


def _finished(text: str) -> bool:
    """Says the work is finished (竣工投用, 已完成) — not 已完成投资50%, not 主体完工 or 已完成主体封顶 (a
    stage) — and nothing is open."""
    for m in _DONE_WORDS.finditer(text):
        if _AMOUNT_NEXT.match(text[m.end():]):
            continue
        stage = _STAGE_DONE.search(text[max(0, m.start() - 8):m.end() + 10])
        if stage and not re.search(r"竣工投用|建成投用|投入使用|全面完工|全部完工并", text):
            continue  # 已完成主体封顶和土建工程: a stage done, the project not
        return not _OPEN_WORDS.search(text)
    return False



# a clause that says what a cause did (…，影响了项目的进程 / 导致进度缓慢 / 无法开挖地基): the clause
# before it is the cause, less the words that lead into one (但, 由于 …)
_CONSEQUENCE = re.compile(r"^(?:从而|进而|并|也|都)?(?:影响了?|导致|致使|造成|使得|无法|不能)")
_CAUSE_LEAD = re.compile(r"^(?:但是?|而|且|同时|加之|主要是|主要原因是|原因是|由于|因为|因)")



def consequence_reason(text: str) -> str | None:
    """The cause a text states before its consequence: ``设备订购周期较长，影响了项目的进程`` →
    ``设备订购周期较长``; None when no clause says what a cause did."""
    pieces = [p.strip() for p in re.split(r"[，,]", text)]
    for i, piece in enumerate(pieces[1:], 1):
        if _CONSEQUENCE.match(piece):
            cause = _CAUSE_LEAD.sub("", pieces[i - 1]).strip()
            return cause if 4 <= len(cause) <= 40 and not re.match(r"^\d", cause) else None
    return None



_AHEAD = re.compile(r"^(?:目前|现|现正|下一步[，,]?)?(?:待|等待|拟|计划|预计|争取|力争|确保)")



def _ahead(text: str) -> str | None:
    """What a clause says comes next: its pieces from the first that looks ahead (预计11月底完成,
    目前待市规委会审批…)."""
    pieces = [p.strip() for p in re.split(r"[，,]", text)]
    for i, piece in enumerate(pieces[1:], 1):
        if _AHEAD.match(piece):
            return "，".join(pieces[i:])
    return None



def _units(text: str) -> list[str]:
    out: list[str] = []
    for m in _UNIT.finditer(text):
        for d in split_departments(re.sub(r"^(?:该工程|工程|项目|其中|由)+", "", m["u"])):
            if d not in out:
                out.append(d)
    return out



def _group_seqs(tasks: list[Task]) -> list[Task]:
    """Items whose numbers restart under numbered headings (一、已完成 1.… 二、正在推进 1.…) are
    一.1 … 二.1 (the group's number, then the item's), as sub-items are named."""
    seqs = [t.seq for t in tasks]
    if len(set(seqs)) == len(seqs):
        return tasks
    marks = [_GROUP_MARK.match(t.category or "") for t in tasks]
    if all(marks):
        for t, m in zip(tasks, marks, strict=True):
            t.seq = f"{m[1]}.{t.seq}"
    return tasks
