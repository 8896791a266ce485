"""Tasks that progress reports write as numbered prose rather than a table.

These shapes are read from what ``extract.lists`` finds (``source`` = ``prose``):

* a list under a heading that states its status, inside one passage:
  ``已完成项目：1.修缮敬老院；2.新增公交线路3条。正在推进项目：1.新建体育馆，主体完工…`` — each
  item is a task with the heading's status (done under 已完成/已办结, not_done under 正在推进 /
  滞后 / 未完成), unless the item itself says it is behind; the heading is its category;
* sections, ``一、某工程完成情况`` then what was done, ``存在问题是…``, ``下一步…`` — each a task,
  done when it says the work is finished (竣工投用, 已完成, 已建成) and nothing is open, not_done
  when it names a problem or work still running; its unit, reason and next steps as written;
* paragraphs that open with a project's title (``食品安全抽样检验工程。全年开展…，超额完成…的年度目标
  任务。``), at least three in a row — each a task, done when it says the year's target is met;
* items named by number and unit, ``由县交通局负责的第3件、县水务局负责的第9、10件进展滞后`` —
  each number a task with the sentence's status;
* a paragraph that runs through its projects one clause each, set apart by ``；``
  (``A工程已完成施工图设计；B中学正在进行勘察；…``) — each clause a task, numbered in order; done
  only when it says the project itself is finished (竣工投用, 建成投用, 已完工), as a finished
  stage (已完成施工图设计) is not the project.

Other shapes have modules of their own, tried in this order (the first that finds rows wins, but a
clause list and the projects named in prose compete: the reading with more rows is kept):
``labelled_items`` (1.… 牵头领导：… 责任单位：… 实际完成情况：…), the headed lists above,
``status_lists`` (已完成的项目有：A、B。), the clause list, sections, titled paragraphs,
``numbered_paragraphs`` (one numbered line a task, under headings of their own or not), and
``named_projects`` (projects named in running sentences). A last item left unknown by a text that ends
inside a sentence is cut off, not a row.

Only documents without a task table are read this way (``extract.tasks.extract_tasks``).
"""

from __future__ import annotations

import re

from ..models import DONE, NOT_DONE, STATUS_UNKNOWN, DocumentMeta, Task
from .cells import split_departments
from .labelled_items import labelled_items, target_progress_pairs
from .lists import numbered_items, numbered_mentions, sections
from .named_projects import named_projects, split_named
from .numbered_paragraphs import line_items, numbered_paragraphs, titled_blocks
from .prose_words import (
    _HEAD_DONE,
    _HEAD_OPEN,
    _NEXT,
    _OPEN_WORDS,
    _PROGRESS,
    _STAGE_DONE,
    _STATS_CLAUSE,
    _ahead,
    _finished,
    _group_seqs,
    _units,
    consequence_reason,
    planned_list,
)
from .status_lists import named_shishi, status_lists
from .task_lists import status_of_words

__all__ = ["list_tasks"]

# a heading that states the status of the list under it
_TASK_NOUN = re.compile(r"项目|事项|任务|工程|实事|件|项")
# a section heading that reports on one task
_SECTION_HEAD = re.compile(r"(?:完成|进展|推进|建设|实施|落实|办理)情况$|工程$|项目$")
_NOT_TASK_HEAD = re.compile(r"经济|指标|生产总值|收入|消费|运行|增长|主要|总体|基本情况|工作开展")
_SLOW = re.compile(r"[\u4e00-\u9fff]{0,2}(?:进度较慢|进展缓慢|推进缓慢|进度滞后|进展滞后|滞后)")
_REASON = re.compile(r"(?:存在(?:的)?(?:主要)?问题(?:是|为|：|:)|主要(?:原因)?是|原因是|由于|因为|因(?!此)|受)(?P<r>[^。；;]+)")
_CAUSE = re.compile(r"因|受|由于|原因|影响|问题|不足|困难|未到位|延误")


def list_tasks(text: str, meta: DocumentMeta, status_of=None) -> list[Task]:
    """The tasks of ``text`` written as numbered prose (see the module docstring)."""
    tasks = (labelled_items(text, meta, status_of) or target_progress_pairs(text, meta) or _headed_items(text, meta)
             or status_lists(text, meta))
    if not tasks:
        clauses = _clause_list(text, meta)
        if clauses:  # projects named in prose too: the reading that finds more (a lead sentence's as well)
            named = named_projects(text, meta)
            tasks = named if len(named) > len(clauses) else clauses
        else:
            tasks = (_sections(text, meta) or _titled_paragraphs(text, meta) or numbered_paragraphs(text, meta)
                     or titled_blocks(text, meta) or line_items(text, meta) or named_projects(text, meta)
                     or named_shishi(text, meta))  # the last resort: 实事 named and counted, no status
    seen = {t.seq for t in tasks}
    for t in _mentions(text, meta):
        if t.seq not in seen:
            seen.add(t.seq)
            tasks.append(t)
    if tasks and tasks[-1].status == STATUS_UNKNOWN and _cut_off(text) and _on_last_line(text, tasks[-1]):
        tasks.pop()  # the last item, cut off before it says how it stands
    for i, t in enumerate(tasks):
        t.row_index = i
    return tasks


def _on_last_line(text: str, task: Task) -> bool:
    """Whether the text may end inside the task: no line after the task's own ends a sentence (a
    later 现予公告。 shows the list was whole; 完成情 alone on the last line shows it was cut)."""
    if task.char_offset is None:
        return True
    after = text[task.char_offset:].strip().split("\n")[1:]
    return not any(line.rstrip().endswith(("。", "！", "？", "；")) for line in after)


def _cut_off(text: str) -> bool:
    """The text ends inside a sentence (no closing mark): its last item may be cut off."""
    return not text.rstrip().endswith(("。", "；", ";", "！", "？", "）", ")", "”"))


def _new(seq: str, meta: DocumentMeta, offset: int, **fields) -> Task:
    return Task(seq=seq, year=meta.year, start_month=meta.start_month, end_month=meta.end_month,
                char_offset=offset, region=meta.region, source="prose", **fields)


_REASON_END = re.compile(r"[，,](?:目前|现已|现在|下一步|下步|预计|计划|争取|力争)")


def _reason(text: str) -> str | None:
    m = _REASON.search(text)
    if not (m and _CAUSE.search(m[0]) or (m and "问题" in m[0])):
        return None
    r = m["r"]
    end = _REASON_END.search(r)  # 因征地问题进度滞后，目前已完成…: the cause ends before what is now
    return (r[:end.start()] if end else r).strip("，,：: ")


def _headed_items(text: str, meta: DocumentMeta) -> list[Task]:
    out: list[Task] = []
    offset = 0
    above = ""  # the line above: a heading of its own (一、已完成的项目) over a line of items
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if not _TASK_NOUN.search(line) and not _TASK_NOUN.search(above):
            above = line.strip() if line.strip() else above
            continue
        for item in numbered_items(line):
            head = item.heading
            if not head:
                head = above if len(above) <= 30 and not re.search(r"[。；;]", above) else ""
            if not _TASK_NOUN.search(head) or len(head) > 30:
                continue
            if _HEAD_OPEN.search(head):
                status = NOT_DONE
            elif _HEAD_DONE.search(head):
                status = DONE
            else:
                continue
            name, _, rest = item.text.partition("，")
            said = status_of_words(item.text)
            if said == NOT_DONE or (rest and _OPEN_WORDS.search(rest)):
                status = NOT_DONE
            reason = _reason(rest) if status != DONE else None
            nxt = _NEXT.search(rest)
            if status == NOT_DONE and reason is None and (slow := _SLOW.search(head)):
                reason = slow[0]  # 实施进度较慢的项目，一是…: the heading says why it is listed
            out.append(_new(item.number, meta, here + item.offset, status=status, annual_target=name.strip(),
                            progress=rest.strip() or None, reason=reason, category=head,
                            next_steps=(nxt["n"].strip() if nxt else _ahead(rest)) if status != DONE else None,
                            departments=_units(item.text), status_raw=head, quote=f"{head}：{item.text}"[:300]))
        above = line.strip()
    return _group_seqs(out)




# the parts of a section on one project: 1、项目完成情况： … 2、存在的问题： … 3、下一步工作打算： …
_PART = re.compile(r"(?:^|\n)\s*(?:\d{1,2}\s*[、.．]\s*|[（(]\d{1,2}[)）]\s*)?(?P<label>(?:项目)?(?:完成|进展|推进|建设)情况|"
                   r"存在(?:的)?(?:主要)?(?:问题|困难)|(?:下一步|下步)(?:工作)?(?:打算|计划|安排|措施|思路))\s*[：:]")


def _parts(body: str) -> dict[str, str]:
    """{progress, problem, next}: what a section's labelled parts say, each up to the next label."""
    found = list(_PART.finditer(body))
    out: dict[str, str] = {}
    for i, m in enumerate(found):
        said = body[m.end():found[i + 1].start() if i + 1 < len(found) else len(body)].strip()
        key = "problem" if "问题" in m["label"] or "困难" in m["label"] else \
            "next" if "下" in m["label"][:2] else "progress"
        out.setdefault(key, re.sub(r"\s*\n\s*", "", said))
    return out


def _project_head(heading: str) -> bool:
    """A heading that names a project (宁都第二水厂, 中山大道延伸段（职校—梅江大桥段）)."""
    from .named_projects import project_words

    bare = re.sub(r"[（(][^()（）]*[)）]\s*$", "", heading).strip()
    if _HEAD_DONE.search(bare) or _HEAD_OPEN.search(bare):
        return False  # 已完成项目（3项）, 正在推进项目: a heading over a group of projects, not one
    return bool(re.search(r"(?:" + project_words()["noun"].pattern + r"|段|酒店)$", bare))


def _sections(text: str, meta: DocumentMeta) -> list[Task]:
    for level in (1, 2):
        found = [s for s in sections(text, level)
                 if (_SECTION_HEAD.search(s.heading) or _project_head(s.heading) or _PART.search(s.body))
                 and not _NOT_TASK_HEAD.search(s.heading) and s.body]
        if len(found) < 2:
            continue
        out = []
        for s in found:
            body = s.body.replace("\n", "")
            if _finished(body):
                status = DONE
            elif (_OPEN_WORDS.search(body) or status_of_words(body) == NOT_DONE or _UNDER_WAY.search(body)
                  or _STAGE_DONE.search(body)):  # 基础工程已全部完工: a stage done, work under way
                status = NOT_DONE
            else:
                status = STATUS_UNKNOWN
            nxt = _NEXT.search(body)
            progress = body[:min([m.start() for m in (_REASON.search(body), nxt) if m] or [len(body)])]
            parts = _parts(s.body)
            if status == DONE and ("problem" in parts or "next" in parts or nxt):
                status = NOT_DONE  # problems or work still to do (下一步要…): not finished
            if parts:  # labelled parts say what each is
                progress = parts.get("progress", progress)
            reason = (_first_item(parts["problem"]) if "problem" in parts else _reason(body)) if status != DONE else None
            steps = _first_item(parts["next"]) if "next" in parts else (nxt["n"].strip() if nxt else None)
            out.append(_new(s.number, meta, s.offset, status=status, annual_target=s.heading,
                            progress=progress.strip() or None, reason=reason,
                            next_steps=steps, departments=_units(body),
                            quote=f"{s.heading}。{body}"[:300]))
        if sum(1 for t in out if t.status != STATUS_UNKNOWN) * 2 >= len(out):
            return out
    return []


def _first_item(said: str) -> str:
    """The first of a part's items (①征地难；②需要确定… → 征地难), or the part up to its first 。."""
    items = [i.strip("；;。 ") for i in re.split(r"[①②③④⑤⑥⑦⑧⑨⑩]|(?<![\d.])\d[、．.](?!\d)", said) if i.strip("；;。 ")]
    first = items[0] if items else said
    return re.split(r"[。；;]", first)[0].strip() or first


# a section that says what has been done so far (目前发展到300余只, 已经投入10万余元): under way
_UNDER_WAY = re.compile(r"(?:目前|现已|截至目前|已经)[^。；]{0,20}(?:投入|发展到|完成|建成|引进|实施|开工|兑付)")

_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_NTH = re.compile(r"第\d{1,3}")


def _mentions(text: str, meta: DocumentMeta) -> list[Task]:
    out = []
    if "第" not in text:
        return out
    for m in _SENTENCE.finditer(text):
        sentence = m[0]
        if not _NTH.search(sentence):
            continue
        status = status_of_words(sentence)
        if status == STATUS_UNKNOWN:
            continue
        found = numbered_mentions(sentence)
        if not found:
            continue
        reason = _reason(sentence) if status != DONE else None
        last_unit = None
        for mention in found:
            unit = mention.department or last_unit
            last_unit = unit
            out.append(_new(mention.number, meta, m.start() + mention.offset, status=status, reason=reason,
                            departments=split_departments(unit) if unit else [], quote=sentence.strip()[:300]))
    return out


_PROJECT = re.compile(r"工程|项目|学校|中学|小学|医院|公园|基地|道路|公路|大桥|广场|中心|小区|改造|建设|设施")
_STAGE = re.compile(r"完成|开工|施工|建设|推进|批复|进行|准备|招标|设计|铺设|启动|完工|建成|实施|开展")
# a clause that sums up (a share of the year's plan, a count, a growth rate), not one project
_PROJECT_DONE = re.compile(r"竣工投用|建成投用|投入使用|已(?:全部|全面)?竣工|(?<!基本)已完工$|(?<![基本部分])全面建成")
_MIN_CLAUSES = 5


def _clause_list(text: str, meta: DocumentMeta) -> list[Task]:
    """The paragraph that names its projects one clause each (see the module docstring), and the
    paragraphs right after it that go on in the same form (路网完善工程，A…；B…。 生态绿城建设工程，C…；D…。)."""
    offset = 0
    out: list[Task] = []
    going = False  # the paragraph before was such a list: the next needs only two clauses
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        found = _clauses_of(text, line, here, offset, meta, len(out), 2 if going else _MIN_CLAUSES)
        if found is None:
            if out:
                break  # the run of such paragraphs is over
            continue
        out.extend(found)
        going = True
    return out


def _clauses_of(text: str, line: str, here: int, offset: int, meta: DocumentMeta, before: int,
                at_least: int) -> list[Task] | None:
    """The tasks one paragraph names a clause each, or None when it is no such list."""
    if line.count("；") + 1 < at_least:
        return None
    clauses = [c for c in line.split("；")]
    first = clauses[0]
    cut = max(first.rfind("。"), first.rfind("："))
    lead = text[max(0, here - 300):here] + (first[:cut] if cut >= 0 else "")
    planned = planned_list(lead)  # 将办好十件实事…分别是：完成…；建成…: targets, no progress yet
    if cut >= 0 and cut < len(first) - 1:
        clauses[0] = first[cut + 1:]  # the lead: 这些实事进展情况具体是：
    elif _GROUP_LEAD.match(first):
        clauses[0] = first[_GROUP_LEAD.match(first).end():]  # 路网完善工程，A…: the group, then a clause
    clauses = [c.strip().rstrip("。") for c in clauses if c.strip()]
    clauses = [part for c in clauses for part in split_named(c)]
    if clauses and offset >= len(text) and not line.rstrip().endswith(("。", "；", "！", "）")) \
            and not _STAGE.search(clauses[-1]):
        clauses.pop()  # the text ends inside its last clause (cut off): no project is said of
    named = sum(1 for c in clauses if (_PROJECT.search(c) or _ROAD_OR_GREEN.search(c)) and _STAGE.search(c))
    if not clauses or named * 10 < len(clauses) * 6 \
            or sum(1 for c in clauses if _STATS_CLAUSE.search(c)) * 5 > len(clauses):
        return None
    out = []
    for c in clauses:
        if _EXAMPLES.search(c):
            continue  # A、B等项目正抓紧推进: examples of a group, not each a task
        where = line.find(c[:10])
        done = bool(_PROJECT_DONE.search(c)) and not _OPEN_WORDS.search(c)
        status = DONE if done else NOT_DONE
        if planned and not _PROGRESS.search(c):
            status = STATUS_UNKNOWN  # a planned item that tells no progress
        for part in _shared(c):
            out.append(_new(str(before + len(out) + 1), meta, (here + where) if where >= 0 else here,
                            status=status, progress=c, departments=_units(c), quote=c[:300],
                            annual_target=part if part != c else None,
                            reason=None if done else consequence_reason(c), next_steps=_ahead(c)))
    return out


# a road, a street, a greenway or a park named as a project (劳动西路, 丽华路生态绿道, 白荡河绿地)
_ROAD_OR_GREEN = re.compile(r"[\u4e00-\u9fff]{1,8}(?:路|街|绿道|绿地|公园|湿地|管网|水厂|管廊)")
# 路网完善工程，… / 在民生保障方面，…: a group's name before the first clause
_GROUP_LEAD = re.compile(r"^\s*(?:在)?[\u4e00-\u9fff]{2,10}(?:工程|建设|项目|方面)[，,]")
# A、B等工程相继开工 / …等项目: names given as examples
_EXAMPLES = re.compile(r"^[^，,。]{2,80}?等(?:\d+个)?(?:工程|项目|道路|绿地|公园|学校)?(?:相继|均|正|已|都|陆续)")
# the projects a clause names together before what it says of them: A（…）、B（…）正进行…
_SHARED = re.compile(r"^(?P<names>[^，,。；]{2,80}?)(?=正在?|已|均|开始|继续|累计|完成|基本)")


def _shared(clause: str) -> list[str]:
    """The projects a clause names together, each (A（…）、B（…）正进行…施工 → A（…）, B（…)); or
    the clause itself when it names one. Each part must end as a project's name does."""
    from .named_projects import project_words

    m = _SHARED.match(clause)
    if not m or "、" not in m["names"]:
        return [clause]
    parts = [p.strip() for p in m["names"].split("、") if p.strip()]
    noun = project_words()["noun"]
    ends = all(re.search(r"(?:" + noun.pattern + r"|路|街|绿道|绿地)$", re.sub(r"[（(][^()（）]*[)）]$", "", p))
               for p in parts)
    return parts if ends and len(parts) <= 6 else [clause]


_TITLE = re.compile(r"^\s*(?P<t>[“”\"\u4e00-\u9fff（）()、]{3,24}?(?:工程|项目|建设|创建|行动|改造|提升|计划))[。．.]\s*(?P<b>\S.*)$")
_YEAR_DONE = re.compile(r"(?:超额|提前|全面|已|顺利)?完成(?:了)?[^，。；]{0,12}(?:年度|全年)(?:目标)?任务|全面完成|全面落实|超额完成|"
                        r"竣工投用|建成投用|投入(?:使用|运行)")
_MIN_TITLED = 3


def _titled_paragraphs(text: str, meta: DocumentMeta) -> list[Task]:
    """Paragraphs that each open with a project's title, at least three in a row."""
    runs: list[list[tuple[int, re.Match[str]]]] = [[]]
    offset = 0
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        m = _TITLE.match(line)
        if m and _STAGE.search(m["b"]):
            runs[-1].append((here, m))
        elif runs[-1]:
            runs.append([])
    run = max(runs, key=len)
    if len(run) < _MIN_TITLED:
        return []
    out = []
    for i, (here, m) in enumerate(run, 1):
        body = m["b"]
        if _YEAR_DONE.search(body) and not _OPEN_WORDS.search(body):
            status = DONE
        elif _OPEN_WORDS.search(body) or status_of_words(body) == NOT_DONE:
            status = NOT_DONE
        else:
            status = STATUS_UNKNOWN
        nxt = _NEXT.search(body)
        out.append(_new(str(i), meta, here, status=status, annual_target=m["t"], progress=body,
                        reason=_reason(body) if status == NOT_DONE else None,
                        next_steps=nxt["n"].strip() if nxt else None, departments=_units(body),
                        quote=f"{m['t']}。{body}"[:300]))
    return out
