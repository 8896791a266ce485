"""Tasks a bulletin lists in prose, and the status counts reports state.

Bulletins (督查通报, 民生实事进度通报, 任务分解方案) often name their tasks in numbered prose
items rather than a table:

    1、农村道路畅通工程，牵头部门：市交通局。建设进度相对较慢的县区为舒城县。
    2.规模以上工业增加值增长5%左右。
    牵头单位：区工信局
    责任单位：立山经济开发区

A numbered item is a task when it names its responsible unit (牵头单位/牵头部门/责任单位 …),
on its own line or on the lines right after it; a line after those that says how it stands
(督查结果：…, 进展情况：…) gives its status and progress. Its status comes from what it says
(进度较慢, 未完成, 滞后, and on schedule — 达到序时进度, 正常推进 — → not_done; 已完成, 提前完成
→ done), else ``unknown``; its 序号 is the item's number.

Status counts (共120项，98项达到序时进度，6项滞后; 已提前完成…的有3项; 正常推进的有4项)
are read by :func:`status_counts`, so a user can see them beside the rows zibo read, and when
they disagree.
"""

from __future__ import annotations

import re

from ..models import DONE, NOT_DONE, STATUS_UNKNOWN, DocumentMeta, StatusCount, Task
from .cells import split_departments
from .prose_words import _GROUP_MARK, _HEAD_DONE, _HEAD_OPEN, _group_seqs, nonblank_lines

__all__ = ["prose_tasks", "status_counts", "status_of_words", "drop_counted"]

_ITEM = re.compile(r"^\s*(?:(?P<n>\d{1,3})\s*[、.．](?!\d)|[（(]\s*(?P<p>\d{1,3})\s*[)）])\s*(?P<text>.+)$")
_DEPT_LABEL = re.compile(r"(?P<label>牵头单位|牵头部门|责任单位|责任部门|主办单位|主责单位|配合单位|协办单位|"
                         r"承办单位|配合部门)\s*[:：]\s*(?P<units>[^。；;]*)")
_LEAD = re.compile(r"牵头|主办|主责")

_NOT_DONE_WORDS = re.compile(r"未完成|未能完成|进度(?:相对)?(?:较)?慢|推进缓慢|进展缓慢|进度滞后|滞后|偏慢|未开工|"
                             r"未达到序时|未达序时|落后于序时|严重滞后|尚未|推进难度较大")
_DONE_WORDS = re.compile(r"已完成|提前完成|超额完成|全面完成|已全部完成|全部完成")
_ON_SCHEDULE_WORDS = re.compile(r"达到序时进度|符合序时进度|按序时推进|序时推进|正常推进|按计划推进|超序时进度|"
                                r"(?:工作|项目|有序|正在)推进中|正在(?:施工|建设|实施|推进)")


def status_of_words(text: str) -> str:
    """The status prose gives a task: behind or on schedule (not_done: still running) before
    finished (done); ``unknown`` when it says none of them."""
    if _NOT_DONE_WORDS.search(text):
        return NOT_DONE
    if _ON_SCHEDULE_WORDS.search(text):
        return NOT_DONE  # on schedule, not finished
    if _DONE_WORDS.search(text):
        return DONE
    return STATUS_UNKNOWN


def prose_tasks(text: str, meta: DocumentMeta) -> list[Task]:
    """The numbered items of ``text`` that name a responsible unit, as tasks."""
    lines = nonblank_lines(text)
    tasks: list[Task] = []
    i = 0
    run_end = -1  # the line after the last task's lines: the run of items goes on there
    heading = STATUS_UNKNOWN  # what the section heading above says of its items (一、已落实事项)
    group: str | None = None
    while i < len(lines):
        off, line = lines[i]
        m = _ITEM.match(line)
        if not m:
            if (h := _SECTION.match(line)) is not None:
                title = h["t"]
                heading = (NOT_DONE if _HEAD_OPEN.search(title) else DONE if _HEAD_DONE.search(title)
                           else STATUS_UNKNOWN)
            if _GROUP_MARK.match(line):
                group = line.strip()[:60]  # 一、… over items numbered 1. 2.: their group
            i += 1
            continue
        seq = m["n"] or m["p"]
        body = m["text"]
        labels = list(_DEPT_LABEL.finditer(body))
        j = i + 1
        while j < len(lines) and j <= i + 3 and not _ITEM.match(lines[j][1]):
            follow = list(_DEPT_LABEL.finditer(lines[j][1]))
            if not follow or _DEPT_LABEL.match(lines[j][1]) is None:
                break
            labels.extend(follow)
            j += 1
        follows = bool(tasks) and i == run_end and seq.isdigit() and int(seq) == int(tasks[-1].seq) + 1
        result = _RESULT.match(lines[j][1]) if j < len(lines) and (labels or follows) else None
        if result:  # 督查结果：工作推进缓慢。物探、地探未做。 on the line after the item
            j += 1
        if labels or follows:
            # an item that names no unit but carries on a run of tasks is a task too
            tasks.append(_task(seq, body, labels, off, meta, len(tasks), result["r"].strip() if result else None))
            task = tasks[-1]
            task.category = task.category or group
            account = lines[j][1].strip() if j < len(lines) and not result and labels else ""
            if account and not _ITEM.match(account) and not _SECTION.match(account) and len(account) >= 20 \
                    and account[-1] in "。；;" and task.progress is None:
                # 1.…（责任单位：市发改委） then 11月1日，市委、市政府印发了…。: the paragraph under the
                # item is its account
                task.progress = account
                if task.status == STATUS_UNKNOWN:
                    task.status = status_of_words(account)
                j += 1
            if task.status == STATUS_UNKNOWN and heading != STATUS_UNKNOWN:
                task.status = heading  # 一、已落实事项 … 1.…（责任单位：市发改委）: the heading's status
            run_end = j
        i = j if j > i + 1 else i + 1
    # numbering that counts up from 1 is a list; stray numbered lines are not tasks
    if tasks and tasks[0].seq != "1":
        return []
    return _group_seqs(tasks)  # numbers that restart under 一、 二、 are 一.1 … 二.1


# a section heading over items: 一、已落实事项 (short, no sentence in it)
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*(?P<t>[^。；;，,]{2,20}(?:事项|项目|任务|工作|实事))\s*[:：]?\s*$")


# the line after an item that says how it stands: 督查结果：…, 进展情况：…
_RESULT = re.compile(r"^\s*(?:督查|督办|检查|考核|办理|推进|进展|完成|落实|整改)(?:结果|情况)\s*[:：]\s*(?P<r>.+)$")


def _task(seq: str, body: str, labels: list[re.Match[str]], offset: int, meta: DocumentMeta,
          index: int, result: str | None = None) -> Task:
    lead = [m for m in labels if _LEAD.search(m["label"])]
    ordered = lead + [m for m in labels if m not in lead]
    departments: list[str] = []
    for m in ordered:
        units = m["units"].rstrip()
        while units[-1:] in (")", "）") and units.count("(") + units.count("（") < units.count(")") + units.count("）"):
            units = units[:-1].rstrip()  # （责任单位：市发改委）: the bracket closes around the label
        for d in split_departments(units):
            if d not in departments:
                departments.append(d)
    first = _DEPT_LABEL.search(body)
    target = body[:first.start()].rstrip("，,；;。 ") if first else body
    rest = body[labels[-1].end():].lstrip("。；;，, ") if labels and labels[-1].string is body else ""
    status = status_of_words(result) if result else STATUS_UNKNOWN
    if status == STATUS_UNKNOWN:
        status = status_of_words(body)
    task = Task(seq=seq, status=status, annual_target=target or None, progress=result or rest or None,
                departments=departments, departments_raw="；".join(f"{m['label']}：{m['units']}" for m in ordered),
                year=meta.year, start_month=meta.start_month, end_month=meta.end_month, row_index=index,
                char_offset=offset, region=meta.region,
                # its result line is prose: its figures are read as the prose they are, not as cells
                source="prose" if result else "list")
    return task


# -- status counts --------------------------------------------------------------------

# on schedule is still running: not_done, as a row that says so (the label keeps the words)
_LABELS = (
    (DONE, r"已提前完成或超额完成年度目标任务|提前完成全年任务|已提前完成|已完成和提前完成|提前完成|超额完成|已完成|"
           r"已办结|办结|已完工|已竣工|已建成"),
    (NOT_DONE, r"超序时进度|超进度|达到序时进度|达进度|按序时推进|序时推进|正常推进|按计划推进|进展较快|"
               r"正在推进|正在办理|正在实施|持续推进|推进中|"
               r"未达到序时进度|欠进度|推进缓慢|进度缓慢|进展偏慢|进度偏慢|进度滞后|滞后|推进难度较大|未完成|未开工"),
)
_UNIT = r"(?:项|个|件|个事项|项任务|件实事)"
# 滞后4项, 已完成26件; 推进缓慢的有3（…）: after 的有 the unit may be left out
_COUNT_AFTER = [(status, re.compile(rf"(?P<label>{words})(?:(?:的有|的|有)?\s*(?P<n>\d{{1,4}})\s*{_UNIT}"
                                    rf"|的有\s*(?P<m>\d{{1,4}})(?![\d.%]))"))
                for status, words in _LABELS]
_COUNT_BEFORE = [(status, re.compile(rf"(?P<n>\d{{1,4}})\s*{_UNIT}(?:事项)?(?P<label>{words})"))
                 for status, words in _LABELS]
_MAY_COUNT = re.compile(r"\d\s*[项个件]|的有\s*\d")
_TOTAL = re.compile(rf"(?:共|合计|总计|明确|确定(?:了)?(?:事项|任务|实事)?|列入督查(?:的)?(?:事项|任务)?)"
                    rf"(?P<n>\d{{1,4}})\s*{_UNIT}")


def status_counts(text: str) -> list[StatusCount]:
    """The counts of tasks by status a report states: 98项达到序时进度, 滞后4项, 推进缓慢的有3."""
    out: list[StatusCount] = []
    for here, sentence in _counting_sentences(text):
        total = _TOTAL.search(sentence)
        taken: list[tuple[int, int]] = []
        for status, rx in _COUNT_BEFORE + _COUNT_AFTER:
            for m in rx.finditer(sentence):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.append(StatusCount(status=status, label=m["label"], count=int(m["n"] or m["m"]),
                                       total=int(total["n"]) if total else None,
                                       char_offset=here + m.start(), quote=sentence.strip()[:300]))
    out.sort(key=lambda c: c.char_offset or 0)
    return out


_SENTENCE_MARK = re.compile(r"[。！？\n]")
_MAY_COUNT_AT = re.compile(r"(?=" + _MAY_COUNT.pattern + ")")


def _counting_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) of the sentences (each up to and with its 。！？ or line end) in which
    :data:`_MAY_COUNT` matches: every count has a digit before 项/个/件, or after 的有. Found
    from the places it could match (most of a report holds none), not by cutting every
    sentence out."""
    out: list[tuple[int, str]] = []
    last = -1
    for m in _MAY_COUNT_AT.finditer(text):
        if m.start() < last:
            continue  # in the sentence just taken (or looked at)
        start = max(text.rfind("。", 0, m.start()), text.rfind("！", 0, m.start()),
                    text.rfind("？", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        mark = _SENTENCE_MARK.search(text, m.start())
        last = mark.end() if mark else len(text)
        sentence = text[start:last]
        if _MAY_COUNT.search(sentence):  # (a match may run over the sentence's end)
            out.append((start, sentence))
    return out


# what a figure read from a counting sentence is named when it is a count of tasks, not an indicator
_COUNT_NAME = re.compile("|".join(words for _, words in _LABELS) + r"|事项|实事|任务|项目|工程")
_COUNT_UNITS = {"件", "项", "个", "%", "个事项", "项任务", "件实事"}


def drop_counted(observations: list, counts: list[StatusCount]) -> list:
    """The figures, less the task counts a report states (确定事项30件，已办结12件，占比40%): those go
    to the document's task summary (:func:`status_counts`), not to the indicators."""
    if not counts:
        return observations
    quotes = {c.quote for c in counts}

    def counted(o) -> bool:
        if o.unit not in _COUNT_UNITS or not _COUNT_NAME.search(o.name or ""):
            return False
        head = (o.quote or "").strip()[:24]
        return bool(head) and any(head in q or q[:24] in o.quote for q in quotes)

    return [o for o in observations if not counted(o)]
