"""Numbered paragraphs, one task each: a line that opens with its number and says what the task is,
then how it stands, on the same line.

``1.东湖公园建设项目。该项目总投资1.2亿元，目前已完成主体工程，正在进行绿化施工，预计年底完工。``
``（二）改造农村危房300户。由县住建局负责，已完成改造210户，完成率70%，因部分农户外出务工，进度滞后。``

A run of at least ``MIN_RUN`` such lines whose numbers count up from 1 in one style (``1.``, ``（一）``,
``一、``) is a list of tasks: the title is the line up to its first ``。`` (or ``，``), the rest its
progress. Status as the prose readers decide it (finished and nothing open is done; work running, a
problem or a rate below 100% is not_done; a plan with no progress is unknown); unit (由…负责), cause and
next steps as written. Seq is the number as written.
"""

from __future__ import annotations

import re

from ..models import DONE, NOT_DONE, STATUS_UNKNOWN, DocumentMeta, Task
from ..periods import cn_number
from .prose_words import (
    _ALL_DONE,
    _HEAD_DONE,
    _HEAD_OPEN,
    _NEXT,
    _OPEN_WORDS,
    _PROGRESS,
    _STATS_CLAUSE,
    _ahead,
    _finished,
    _group_seqs,
    _units,
    consequence_reason,
    nonblank_lines,
    planned_list,
)

__all__ = ["numbered_paragraphs", "titled_blocks", "line_items", "MIN_RUN"]

MIN_RUN = 3
_LINE = re.compile(r"^\s*(?:(?P<b>[☑☐✓✔√●○■□◆◇★☆▶►•▪])|(?P<d>\d{1,2})\s*[.、．](?!\d)|[（(](?P<p>[一二三四五六七八九十]{1,2}|\d{1,2})[)）]|"
                   r"(?P<c>[一二三四五六七八九十]{1,2})、)\s*(?P<rest>\S.*)$")
_YEAR_DONE = re.compile(r"(?:超额|提前|全面|已经?|顺利)完成(?:了)?[^，。；]{0,12}(?:年度|全年)(?:目标)?任务|超额完成")
_RATE = re.compile(r"(?:完成率|完成进度|进度)(?:为|达到?)?(\d+(?:\.\d+)?)%"
                   r"|完成(?:了)?(?:总)?(?:工程量|工作量|投资|任务)?的?约?(\d+(?:\.\d+)?)%")
_WORK = re.compile(r"完成|开工|施工|建设|推进|竣工|完工|建成|投入使用|进行|实施|封顶|招标|设计|滞后|尚未|未")
# what a title line says of work done (城区老旧小区改造12个，已全部完工): then it is no bare title
_WORK_DONE = re.compile(r"完成|完工|竣工|建成|投入使用|开工|施工|推进|滞后|尚未|未")
_CAUSE_FIRST = re.compile(r"(?:因为|由于|因(?!此)|受)(?P<r>[^，。；;]{2,40})")


def _number(m: re.Match[str]) -> tuple[str, int, str]:
    """(seq as written, its value, its style)."""
    if m["b"]:
        return "", 0, "b"  # a bullet: numbered by its place in the run
    if m["d"]:
        return m["d"], int(m["d"]), "d"
    if m["p"]:
        v = m["p"]
        return v, int(v) if v.isdigit() else _value(v), "p"
    return m["c"], _value(m["c"]), "c"


def _value(s: str) -> int:
    """一 → 1, 十二 → 12; 0 for what is no number (十十), which then counts in no run."""
    try:
        return cn_number(s)
    except ValueError:
        return 0


_TASK_VERB = re.compile(r"^(?:新建|新增|改造|改扩建|扩建|建设|建成|修建|实施|完成|开展|打造|创建|整治|提升改造|推进|安装|铺设|"
                        r"培训|发放|救助|免费|提供|落实|组织)")


def _task_title(title: str) -> bool:
    """A task's title: a target with a number (新建幸福院10所), a project (…工程), or a task's verb."""
    from .named_projects import project_words

    return bool(re.search(r"\d", title) or project_words()["noun"].search(title) or _TASK_VERB.match(title))


_HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)[^，,。；;]{2,28}。?\s*$")
# 已投入使用9项: / 正在推进的项目： — a short line that ends on a colon stands over the lines below it
_COLON_HEADING = re.compile(r"^\s*[^，,。；;：:\d（(][^，,。；;：:]{1,20}[：:]\s*$")
# 已完工项目 / 已启动实施项目: a short line of its own that says how the items below it stand
_SHORT_HEADING = re.compile(r"^\s*(?=[^，,。；;：:\d]{2,12}\s*$)(?=.*(?:项目|事项|实事|工程|任务))"
                            r"(?=.*(?:完工|完成|竣工|建成|启动|实施|推进|开工|在建|未|滞后|投用|投入使用)).*$")
# how many unnumbered paragraphs a numbered title line (1.农村公路升级改造工程项目。) takes as its body
_BODY_LINES = 4


def _bare_title(rest: str) -> bool:
    """A numbered line that is only a title (1.农村公路升级改造工程项目。, ☑完善托育服务，打造…托班项目):
    one sentence that says no work done; its body follows below."""
    core = rest.strip().rstrip("。")
    if not 2 <= len(core) <= 60 or re.search(r"[。；;：:]", core):
        return False
    return not re.search(r"[，,]", core) or not _WORK_DONE.search(core)


def _runs(text: str) -> list[list[tuple[int, str, str, str]]]:
    """Runs of numbered lines counting up from 1 in one style: [(offset, seq, rest, heading)…]. A
    heading line of its own (一、已完成项目（3项）) stands over the lines below it, whose numbers may
    start again from 1 under the next heading."""
    runs: list[list[tuple[int, str, str, str]]] = []
    run: list[tuple[int, str, str, str]] = []
    last = (0, "")
    heading, fresh = "", False
    offset = 0
    body_lines = 0  # unnumbered paragraphs taken so far by the last item, a bare title
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        if _HEADING.match(line) and not (run and last[1] != "d" and _LINE.match(line)
                                         and _number(_LINE.match(line))[1] == last[0] + 1
                                         and _number(_LINE.match(line))[2] == last[1]):
            heading, fresh = line.strip().rstrip("。"), True
            continue
        m = _LINE.match(line)
        if not m and run and (body_lines or _bare_title(run[-1][2])) and body_lines < _BODY_LINES \
                and not _COLON_HEADING.match(line) and not _SHORT_HEADING.match(line):
            o, s, rest, h = run[-1]  # 1.农村公路升级改造工程项目。 over 该项目计划投资…，已全面完工。
            run[-1] = (o, s, rest.strip().rstrip("。") + "。" + line.strip(), h)
            body_lines += 1
            continue
        if not m and (_COLON_HEADING.match(line) or _SHORT_HEADING.match(line)):
            heading, fresh, body_lines = line.strip().rstrip("：:"), True, 0
            continue
        body_lines = 0
        if not m:
            if run:
                runs.append(run)
            run, last, heading = [], (0, ""), ""
            continue
        seq, value, style = _number(m)
        if style == "b":  # bullets count on across the headings between them
            value = last[0] + 1 if run and last[1] == "b" else 1
            seq, fresh = str(value), False
        if value == 1 and not (fresh and run and style == last[1]):
            if run:
                runs.append(run)
            run = [(here, seq, m["rest"], heading)]
        elif run and style == last[1] and (value == last[0] + 1 or (fresh and value == 1)):
            run.append((here, seq, m["rest"], heading))
        else:
            if run:
                runs.append(run)
            run = []
        last, fresh = (value, style), False
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= MIN_RUN]


def _listed_headings(text: str) -> list[list[tuple[int, str, str, str]]]:
    """Lines 一、…工程。 二、…工程。 one after another, counting up from 一 right after a lead that
    announces a plan (以下项目为…十大民生实事项目：): read above as headings, they are the plan's items."""
    run: list[tuple[int, str, str, str]] = []
    offset = 0
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m and _number(m)[1] == len(run) + 1 and (run or planned_list(text[max(0, here - 300):here])):
            run.append((here, _number(m)[0], m["rest"], ""))
        elif len(run) >= MIN_RUN:
            return [run]
        else:
            run = []
    return [run] if len(run) >= MIN_RUN else []


_NUMBER_ALONE = re.compile(r"(?m)^\s*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、．])[ \t]*\n(?=\S)")
_OF = re.compile(r"^(?:牵头|负责|承担)(?:推进|实施|建设)?的")
_UNIT_LEAD = re.compile(r"^(?P<u>[\u4e00-\u9fff]{1,12}?(?:委员会|管委会|办公室|政府|委|局|办|社|部))[：:]")


def _PREDICATE():  # noqa: N802 (the word list's pattern, read once it is needed)
    from .named_projects import project_words

    return project_words()["predicate"]


def _subject(text: str):
    from .named_projects import _subject as subject

    return subject(text)


def _status(body: str) -> str:
    rate = _RATE.search(body)
    if rate:
        return DONE if float(rate[1] or rate[2]) >= 100 and not _OPEN_WORDS.search(body) else NOT_DONE
    if (_YEAR_DONE.search(body) or _finished(body)) and not _OPEN_WORDS.search(body):
        return DONE
    if _OPEN_WORDS.search(body) or _WORK.search(body):
        return NOT_DONE
    return STATUS_UNKNOWN


def numbered_paragraphs(text: str, meta: DocumentMeta) -> list[Task]:
    """The tasks of ``text`` written one numbered paragraph each (see the module docstring)."""

    # (一) alone on a line, its item on the next: one line (a space for the break keeps the offsets)
    text = _NUMBER_ALONE.sub(lambda m: m[0][:-1] + " ", text)
    for run in _runs(text) or _listed_headings(text):
        items = []
        heads: dict[int, str] = {}
        units: dict[int, str] = {}
        for offset, seq, rest, heading in run:
            lead = _UNIT_LEAD.match(rest)  # 市发改委：牵头推进的…: the unit, then the item
            if lead:
                units[offset], rest = lead["u"], rest[lead.end():]
            cut = rest.find("。")
            said = _subject(rest) if not 0 < cut < len(rest.rstrip("。")) else None
            comma = re.search(r"[，,]", rest)
            if said and comma and comma.start() < _PREDICATE().search(rest).start():
                said = None  # 新建卫生院1所，已投入使用: a title up to its comma
            if said and 2 <= len(said[0].strip("，, ")) <= 40 and said[1].strip():
                rest = said[0].strip("，, ") + "，" + said[1]  # one sentence: its project, then what is said
                cut = len(said[0].strip("，, "))
            if not 0 < cut <= 40 or not rest[cut + 1:].strip():
                cut = rest.find("，")  # 城区老旧小区改造12个，已全部完工。: one sentence, title then progress
            title, body = (rest[:cut], rest[cut + 1:].strip()) if 0 < cut <= 40 else (rest, "")
            title = _OF.sub("", title)  # (市发改委：)牵头推进的新能源产业园项目
            items.append((offset, seq, title.strip(), body, rest))
            heads[offset] = heading
        # 以下项目为2022年度十大民生实事项目：一、…工程。二、…: a list announced as a plan, its items
        # the tasks though none has work to tell yet (nor, perhaps, a project's name)
        planned = planned_list(text[max(0, run[0][0] - 300):run[0][0]])
        tasky = sum(1 for _, _, title, _, _ in items if _task_title(title))
        if tasky * 2 <= len(items) and not planned:
            continue  # 一、经济运行企稳向好: a report's headings, not tasks
        with_work = sum(1 for *_, rest in items if _WORK.search(rest))
        stats = sum(1 for *_, rest in items if _STATS_CLAUSE.search(rest))
        if (with_work * 2 < len(items) and not planned) or stats * 2 > len(items):
            continue
        out = []
        for offset, seq, title, body, rest in items:
            status = _status(body) if body else STATUS_UNKNOWN
            if planned and not _PROGRESS.search(body or ""):
                status = STATUS_UNKNOWN  # a planned item: 完成X there is what is to be done
            head = heads[offset]
            if head and _HEAD_OPEN.search(head):
                status = NOT_DONE  # under 正在推进项目: running, whatever it has done
            elif head and _HEAD_DONE.search(head) and (status == STATUS_UNKNOWN or (
                    status == NOT_DONE and not _OPEN_WORDS.search(body) and not _RATE.search(body))):
                status = DONE  # under 已投入使用9项: done, unless the item says what is still open
            cause = _CAUSE_FIRST.search(body) if status != DONE else None
            nxt = _NEXT.search(body) if status != DONE else None
            out.append(Task(seq=seq, status=status, annual_target=title, progress=body or None,
                            reason=(consequence_reason(body) or (cause["r"] if cause else None)) if status != DONE
                            else None,
                            next_steps=(nxt["n"].strip() if nxt else _ahead(body)) if status != DONE else None,
                            departments=[units[offset]] if offset in units else _units(body), year=meta.year, start_month=meta.start_month,
                            end_month=meta.end_month, char_offset=offset, region=meta.region, source="prose",
                            category=head or None, quote=rest[:300]))
        return _group_seqs(out)
    return []


# 具体如下： / 情况如下： / 分别是：: the line that introduces a list of titled blocks
_INTRO = re.compile(r"(?:如下|分别是|分别为|具体是|包括)[：:]\s*$")
_BARE_TITLE = re.compile(r"^[^，,。；;：:！？\d（(|\t]{3,24}$")


def titled_blocks(text: str, meta: DocumentMeta) -> list[Task]:
    """Blocks of a title line and the paragraph under it, unnumbered, after a line that introduces
    them (具体如下：): ``城乡排水防洪设施建设`` over ``完成投资5.04亿元，…按期完工。``. A title may wrap onto a
    second short line. At least ``MIN_RUN`` blocks; each is done when the lead before says they all are
    (10件…全部完成) and it says nothing still open, else as its paragraph says."""
    lines = nonblank_lines(text)
    for k, (_, line) in enumerate(lines):
        if not _INTRO.search(line):
            continue
        lead = " ".join(x for _, x in lines[max(0, k - 2):k + 1])
        all_done = bool(_ALL_DONE.search(lead)) and not re.search(r"未|尚|正在", lead)
        blocks: list[tuple[int, str, str]] = []
        i = k + 1
        while i < len(lines):
            title_at, title = lines[i]
            if not _BARE_TITLE.match(title):
                break
            j = i + 1
            if j < len(lines) and _BARE_TITLE.match(lines[j][1]) and j + 1 < len(lines) \
                    and not _BARE_TITLE.match(lines[j + 1][1]):
                title, j = title + lines[j][1], j + 1  # 城镇老旧小区改造 / 和社区服务提升: one title
            if j >= len(lines) or _BARE_TITLE.match(lines[j][1]):
                break
            blocks.append((title_at, title, lines[j][1]))
            i = j + 1
        if blocks and i >= len(lines) and not blocks[-1][2].endswith(("。", "！", "？", "）", "”")):
            blocks.pop()  # the text ends inside the last block: cut off
        if len(blocks) < MIN_RUN:
            continue
        out = []
        for n, (at, title, body) in enumerate(blocks, 1):
            if all_done and not _OPEN_WORDS.search(body):
                status = DONE
            else:
                status = _status(body)
            out.append(Task(seq=str(n), status=status, annual_target=title, progress=body,
                            reason=consequence_reason(body) if status != DONE else None,
                            next_steps=_ahead(body) if status != DONE else None, departments=_units(body),
                            year=meta.year, start_month=meta.start_month, end_month=meta.end_month,
                            char_offset=at, region=meta.region, source="prose", quote=f"{title}。{body}"[:300]))
        return out
    return []


_LINE_INTRO = re.compile(r"(?:进展情况|推进情况|完成情况|整改情况|情况如下|如下)[：:]\s*$")
_LINE_WORK = re.compile(r"清理|整治|施工|修建|硬化|改造|建设|平整|整改|拆除|铺设|安装|完工|开工|维修|更换|绿化|疏通")
_LINE_OPEN = re.compile(r"(?:施工|进行|推进|建设|清理|转运|修建|整改|安装)中[。；]?$|正在|基本完工|基本完成")
_LINE_DONE = re.compile(r"(?:已|均已|全部)(?:完成|完工|竣工|建成|整改到位)[。；]?$")


def line_items(text: str, meta: DocumentMeta) -> list[Task]:
    """One item a line, unnumbered, after a line that introduces them (…工作进展情况：): at least four
    short lines in a row, each naming work (清理, 施工, 硬化 …). ``…施工中`` / 正在 / 基本完工 is
    not done, ``…已完工`` done, a line naming only the work unknown."""
    lines = nonblank_lines(text)
    for k, (_, line) in enumerate(lines):
        if not _LINE_INTRO.search(line):
            continue
        run = []
        for at, item in lines[k + 1:]:
            core = item.rstrip("。；;：:")
            if len(core) > 40 or re.search(r"[。；;]", core) or not _LINE_WORK.search(core):
                break
            run.append((at, core))
        if len(run) < 4:
            continue
        out = []
        for n, (at, core) in enumerate(run, 1):
            status = NOT_DONE if _LINE_OPEN.search(core) else DONE if _LINE_DONE.search(core) else STATUS_UNKNOWN
            out.append(Task(seq=str(n), status=status, progress=core if status != STATUS_UNKNOWN else None,
                            annual_target=core, year=meta.year, start_month=meta.start_month,
                            end_month=meta.end_month, char_offset=at, region=meta.region, source="prose",
                            quote=core[:300]))
        return out
    return []
