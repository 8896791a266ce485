"""Projects named in running prose, each with what is said of it.

News items and progress reports often run through their projects one sentence or clause each,
without numbers: ``校园直饮水工程已完工。万科05地块幼儿园竣工待验收；夏商新境界幼儿园在建三层，本月可
封顶。元光小学、新华北小学等正进行基础施工。`` Each project named at the start of a sentence or of a
``；`` clause, before what is said of it (a *predicate*: 已完工, 正在进行, 即将完工 …), is a task:

* its name must end as a project's does (学校, 工程, 一期 …), unless a list says what its items are
  (``A、B等工程``); counts, parts of a project and totals (``部分单体``, ``9个项目``) are no names;
* ``A、B与C`` are three projects with one predicate;
* a clause that only names a project (``花楼街商业开发项目，主体结构已建设至18层``) takes what follows;
* the clauses after it (set apart by ``，``) are its progress, unless one names a project that ends as a
  project's name does; a clause that says what comes next (计划…, 争取…) is its next steps;
* done only when it says the project itself is finished (已完工, 竣工投用) and nothing is still open
  (竣工待验收, 年内通车 are not done); not_done otherwise.

The words are data: ``project_words.tsv``. Seq is the order of naming; a project named twice is
read once. At least ``MIN_PROJECTS`` are needed for a document to be read so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..models import DONE, NOT_DONE, DocumentMeta, Task

__all__ = ["named_projects", "split_named", "project_words", "MIN_PROJECTS"]

MIN_PROJECTS = 3
_WORDS_FILE = Path(__file__).with_name("project_words.tsv")


@lru_cache(maxsize=1)
def project_words() -> dict[str, re.Pattern[str]]:
    """kind -> one pattern (the kind's lines joined by ``|``), from ``project_words.tsv``."""
    kinds: dict[str, list[str]] = {}
    for line in _WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, pattern = line.split("\t", 1)
        kinds.setdefault(kind.strip(), []).append(f"(?:{pattern.strip()})")
    return {k: re.compile("|".join(v)) for k, v in kinds.items()}


_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_CLAUSE = re.compile(r"[^；;]+[；;]?")
_PIECE = re.compile(r"[^，,]+[，,]?")
_BYLINE = re.compile(r"^[^，,：:]{0,12}(?:讯|报道|消息)[：:]")
_LIST_TAIL = re.compile(r"等(?:\d{1,3}|[一二三四五六七八九十]{1,3}|多)?[项个处所座条]?(?:工程|项目|学校|重点项目)?$")
_PAREN_TAIL = re.compile(r"[(（][^()（）]{1,8}[)）]$")
_NAME_SPLIT = re.compile(r"[、与]")


@dataclass
class _Project:
    name: str
    offset: int
    quote: str
    progress: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    named: bool = True  # False: a unit's own work (房产局已建成66套), no project named


def _enumerated(rest: str, head: str, start: int, clause: str, found: dict, order: list) -> list[_Project]:
    """The items after 分别是: ``市人事局负责实施的A和市城建局负责的B及C`` → A (市人事局), B and C
    (市城建局, carried on); each's progress what the head says."""
    out: list[_Project] = []
    units: list[str] = []
    for part in re.split(r"[和及、]", rest.strip("，,。 ")):
        part = part.strip("，, “”\"")
        lead = _unit_lead(part)
        if lead is not None and lead[2]:
            units, part = lead[0], lead[1].strip("“”\" ")
        if not 2 <= len(part) <= 40 or part in found or not re.match(r"[\u4e00-\u9fff“\"]", part) \
                or project_words()["not_name"].search(part):
            continue
        p = found[part] = _Project(part, start, clause, progress=[head] if head else [], departments=list(units))
        order.append(p)
        out.append(p)
    return out


def _strip_lead(text: str) -> str:
    lead = project_words()["lead"]
    text = _BYLINE.sub("", text.strip())
    while True:
        m = lead.match(text)
        if not m or not m[0]:
            return text.strip("，,：: ")
        text = text[m.end():].strip("，,：: ")


def _is_name(name: str, listed: bool) -> bool:
    """A project's name: not a count, a part or a total, 2 to 40 characters, ending as a project's
    name does (or given as a project by its list: ``A、B等工程``)."""
    w = project_words()
    if not 2 <= len(name) <= 40 or w["not_name"].search(name) or not _HAN.search(name):
        return False
    if listed:
        return True
    core = _PAREN_TAIL.sub("", name)
    return bool(_noun_end().search(core))


_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _noun_end() -> re.Pattern[str]:
    """A project word ending the text (compiled once, not looked up in re's cache a name)."""
    return re.compile(f"(?:{project_words()['noun'].pattern})$")


def _names(subject: str) -> list[str]:
    """The projects a subject names: ``A、B与C等`` → A, B, C; [] when it names none."""
    subject = _strip_lead(subject)
    tail = _LIST_TAIL.search(subject)
    listed = bool(tail) and tail[0] != "等" or (bool(tail) and "、" in subject)
    core = subject[:tail.start()] if tail else subject
    parts = [p.strip() for p in _NAME_SPLIT.split(core) if p.strip()]
    if len(parts) > 1 and all(_is_name(p, listed) for p in parts):
        return parts
    if len(parts) > 1 and _is_name(parts[-1], False) and all(len(p) <= 12 and _is_name(p, True) for p in parts[:-1]):
        return parts  # 盈南村二四队、橡民A区、风华小区安置区: the last one's project word is the list's
    if _is_name(core, bool(tail) and tail[0] != "等"):
        return [core]
    return []


def _subject(piece: str) -> tuple[str, str] | None:
    """(subject, what is said) of a piece that opens with a name and a predicate; None else."""
    w = project_words()
    m = w["predicate"].search(piece)
    if not m:
        return None
    subject, said = piece[:m.start()], piece[m.start():]
    pause = w["pause"].search(subject)
    if pause:
        subject, said = subject[:pause.start()], subject[pause.start():] + said
    # 地铁8号线一期国家已批复…: the name ends at its last project word, a short tail is what is said
    ends = [e.end() for e in w["noun"].finditer(subject)]
    tail = subject[ends[-1]:] if ends else ""
    if tail.strip("）)") and "、" not in tail and not tail.startswith("等") and (
            len(tail) <= 4 or (len(tail) <= 16 and _WORK_ON.search(tail))):
        # (…安置区室内抹灰及外墙保温施工基本完成: the work on it, then how far it got)
        subject, said = subject[:ends[-1]], subject[ends[-1]:] + said
    return subject, said


# work on a project, between its name and how far it got (室内抹灰及外墙保温施工)
_WORK_ON = re.compile(r"(?:施工|安装|装修|装饰|建设|改造|铺设|工程)$")


_UNIT = r"[\u4e00-\u9fff]{1,12}?(?:委员会|管委会|办公室|指挥部|政府|中心|委|局|办|社|部)"
# units that a task is of: 市民政局负责的…, 市农委和市供销社负责实施的…, 组织部牵头的…; or a unit that does:
# 房产局已建成66套, 教育局预计5月启动
_UNIT_LEAD = re.compile(f"^(?:如|由|其中)?(?P<units>{_UNIT}(?:[和与、及]{_UNIT})*)"
                        r"(?:(?P<of>(?:牵头)?负责(?:实施|建设)?的|牵头(?:实施)?的)|"
                        r"(?=已|正在|正|完成|预计|计划|启动|开工|争取|力争))")
_EACH = re.compile(r"分别(?:是|为)[：:]?")
_TASK_COUNT = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})(?:个|项|件)(?:[\u4e00-\u9fff]{0,6})?(?:项目|工程|实事|事项|任务)")


def _unit_lead(piece: str) -> tuple[list[str], str, bool] | None:
    """(units, the rest, whether the rest names what they are responsible for) of a piece that
    opens with units; None when it does not."""
    m = _UNIT_LEAD.match(piece)
    if not m:
        return None
    units = [u for u in re.split(r"[和与、及]", m["units"]) if u]
    return units, piece[m.end():], bool(m["of"])


def _status(text: str) -> str:
    """done when a done word is said of the whole (已竣工, not 已竣工364户) and nothing is open."""
    w = project_words()
    whole = any(not re.match(r"^[^，,。；;]{0,6}\d", text[m.end():]) for m in w["done"].finditer(text))
    return DONE if whole and not w["open"].search(text) else NOT_DONE


_MARKS = "，,。；;！？"
_HIDDEN = "".join(chr(0xE000 + i) for i in range(len(_MARKS)))
_QUOTED = re.compile(r"“[^“”\n]{1,150}”")


def _mask_quotes(text: str) -> str:
    """Clause marks inside “…” hidden (a quoted task is one name: 县发改局负责的“…，…。”), one for one."""
    return _QUOTED.sub(lambda m: m[0].translate(str.maketrans(_MARKS, _HIDDEN)), text)


def _unmask(text: str | None) -> str | None:
    return text.translate(str.maketrans(_HIDDEN, _MARKS)) if text else text


def named_projects(text: str, meta: DocumentMeta) -> list[Task]:
    """The projects ``text`` names in running prose (see the module docstring)."""
    return [_unmasked(t) for t in _named_projects(_mask_quotes(text), meta)]


def _unmasked(t: Task) -> Task:
    for name in ("annual_target", "progress", "next_steps", "quote"):
        setattr(t, name, _unmask(getattr(t, name)))
    return t


def _named_projects(text: str, meta: DocumentMeta) -> list[Task]:
    w = project_words()
    found: dict[str, _Project] = {}
    order: list[_Project] = []
    current: list[_Project] = []
    headline = re.match(r"\s*([^\n]*)", text)
    skip_to = headline.end() if headline and not re.search(r"[。；;，,]", headline[1]) else 0
    for s in _SENTENCE.finditer(text):
        if s.end() <= skip_to:
            continue  # the headline: what the text then says in full
        if s.start() == 0 or text[s.start() - 1] == "\n":
            current = []  # a new paragraph: what it says is of no project named before it
        for c in _CLAUSE.finditer(s[0]):
            ahead = False  # a piece of what comes next: the pieces after it are too
            clause = c[0].strip().rstrip("。；;！？")
            start = s.start() + c.start()
            pieces = [p.strip().rstrip("，,") for p in _PIECE.findall(clause)]
            for j, piece in enumerate(pieces):
                if not piece:
                    continue
                if ahead or w["next"].search(piece):
                    ahead = True
                    for p in current:
                        p.next_steps.append(piece)
                    continue
                each = _EACH.search(piece)
                head = (piece[:each.start()].strip("，,：: ") or (pieces[j - 1] if j else "")) if each else ""
                if each and _TASK_COUNT.search(head) and (w["done"].search(head) or w["stage"].search(head)):
                    # 三个项目圆满完成全年任务，分别是A和B及C: each with what the head says
                    rest = "，".join([piece[each.end():]] + pieces[j + 1:])
                    current = _enumerated(rest, head, start, clause, found, order)
                    break
                lead = _unit_lead(piece)
                if lead is not None:
                    units, rest, of = lead
                    said = _subject(rest) if of else None
                    if of and rest.startswith("“") and "”" in rest:  # the quoted task, then what is said
                        close = rest.index("”")
                        said = (rest[1:close], rest[close + 1:].strip())
                    name = (said[0] if said else rest).strip() if of else "、".join(units)
                    first = (said[1] if said else None) if of else rest
                    if not of and (not w["stage"].search(first) or _is_name(name, False)):
                        lead = None  # 县政府已划分到单位: a unit that hands out work, not one doing it
                    elif name and name not in found and (first or j + 1 < len(pieces)):
                        p = found[name] = _Project(name, start, clause, departments=units, named=of)
                        if first:
                            p.progress.append(first)
                        order.append(p)
                        current = [p]
                        continue
                said = _subject(piece)
                names: list[str] = []
                first = None
                if said is not None:
                    names, first = _names(said[0]), said[1]
                    if j > 0 and names and not all(_is_name(n, False) for n in names):
                        names = []  # inside a clause only a name that ends as a project's starts one
                elif j == 0 and len(pieces) > 1 and _is_name(_strip_lead(piece), False) \
                        and w["stage"].search(pieces[1]):
                    names = [_strip_lead(piece)]  # a clause that only names it: what follows says
                if names:
                    current = []
                    for n in names:
                        if n in found:
                            continue
                        p = found[n] = _Project(n, start, clause)
                        if first:
                            p.progress.append(first)
                        order.append(p)
                        current.append(p)
                elif j == 0 and c.start() == 0:
                    current = []  # a sentence of no project named (a clause after ； goes on the last)
                elif current:
                    for p in current:
                        p.progress.append(piece)
    order = [p for p in order if p.progress]
    if len(order) < MIN_PROJECTS:
        return []
    out = []
    for i, p in enumerate(order, 1):
        progress = "，".join(p.progress)
        out.append(Task(seq=str(i), status=_status(progress), annual_target=p.name if p.named else None,
                        progress=progress, departments=p.departments, departments_raw="、".join(p.departments) or None,
                        next_steps="，".join(p.next_steps) or None, year=meta.year,
                        start_month=meta.start_month, end_month=meta.end_month, char_offset=p.offset,
                        region=meta.region, source="prose", quote=p.quote[:300]))
    return out


def split_named(clause: str) -> list[str]:
    """A clause cut before each piece (after ``，``) that names another project whose name ends as a
    project's does: ``A已完成规划编制，B二期工程已完成方案设计`` → the two."""
    out: list[str] = []
    for m in _PIECE.finditer(clause):
        piece = m[0]
        said = _subject(piece.rstrip("，,"))
        if out and said is not None and said[0] and _names(said[0]) \
                and all(_is_name(n, False) for n in _names(said[0])):
            out[-1] = out[-1].rstrip("，,")
            out.append(piece)
        elif out:
            out[-1] += piece
        else:
            out.append(piece)
    return [c.strip() for c in out if c.strip()] or [clause]
