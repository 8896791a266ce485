"""Tasks listed by name after a lead that states their status:

``已完成的项目有：城区道路照明改造、农贸市场升级改造、新建城市书房10家。``
``进展滞后的项目有：城北污水处理厂扩建（市水务局）、体育中心二期（市体育局）。``

Each name (set apart by ``、`` or ``；``) is a task with the lead's status; a unit in brackets after a
name is its department; a later sentence that names the task and says why (``城北污水处理厂扩建因征地
拆迁未完成``) gives its reason. A list of fewer than two names, or one after 如 / 例如 (examples), or
ending in 等 (not every one named) is not read. Seq is the order of naming.

The status may also follow the names, with their number: ``“完善医疗服务”“加强食品安全管理”等十个项目已全部
完成`` or ``A、B、C共3个项目均已竣工``. Here 等 does not make the list partial when the names counted are
as many as the number it states; otherwise it is not read. And a status may come first with its number:
``其中提前竣工4项，为A，B，C，D；未按期竣工4项，为E，F，G，H`` (names set apart by commas are read only when
they are exactly as many; an owner before 的 is the department: 省电力公司的古交电厂三期送出工程).
"""

from __future__ import annotations

import re

from ..models import DONE, NOT_DONE, STATUS_UNKNOWN, DocumentMeta, Task
from ..periods import cn_number
from .cells import split_departments
from .prose_words import _ALL_DONE

__all__ = ["status_lists", "named_shishi"]

_LEAD = re.compile(r"(?P<head>(?:(?P<done>已完成|已建成|已办结|已完工|已竣工|全面完成)|"
                   r"(?P<open>正在推进|正在实施|推进中|在建|进展滞后|进度滞后|滞后|未完成|尚未完成|未开工|尚未开工|推进缓慢|进展缓慢))"
                   r"(?:的)?(?:项目|事项|实事|工程|任务)(?:有|是|包括|为)?)[：:](?P<list>[^。\n]+)")
_UNIT_AFTER = re.compile(r"[（(](?P<u>[^()（）]{2,16}?(?:委员会|管委会|办公室|政府|中心|委|局|办|社|部))[)）]$")
_CAUSE = re.compile(r"(?:因为|由于|因(?!此)|受)(?P<r>[^，。；;]{2,40})")


_COUNTED = r"(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|件|项)(?:民生)?(?:项目|事项|实事|工程)?"
_TRAIL = re.compile(r"(?:等|共|这)" + _COUNTED +
                    r"(?P<status>(?:已|均已|已经|都已|全部|已全部|均|已全面|提前|如期|按期|均提前|已提前)"
                    r"(?:完成|建成|完工|竣工|办结|投入使用))")
def _count(s: str) -> int | None:
    """3, 十, 十二, 两 → their value (None when it is no number)."""
    try:
        return cn_number(s)
    except ValueError:
        return None


def _names_before(text: str, end: int) -> list[str]:
    """The names a clause lists right before ``end``: “A”“B”… quoted, or A、B、C."""
    start = max(text.rfind(c, 0, end) for c in "。：:\n；;")
    clause = text[start + 1:end]
    quoted = re.findall(r"“([^”]{2,40})”", clause)
    if len(quoted) >= 2 and re.search(r"”\s*$", clause):
        return quoted
    clause = re.split(r"[，,]", clause)[-1]
    names = [n.strip() for n in clause.split("、") if n.strip()]
    return names if len(names) >= 2 and all(len(n) <= 40 for n in names) else []


def _trailing(text: str, meta: DocumentMeta) -> list[Task]:
    """Names, then their number and their status: ``“A”“B”等2个项目已全部完成`` (module docstring)."""
    for m in _TRAIL.finditer(text):
        names = _names_before(text, m.start())
        if not names or _count(m["n"]) != len(names):
            continue
        said = text[m.start():m.end()]
        return [Task(seq=str(i), status=DONE, status_raw=m["status"], annual_target=name,
                     progress=said.lstrip("等共这"), year=meta.year, start_month=meta.start_month,
                     end_month=meta.end_month, char_offset=m.start(), region=meta.region, source="prose",
                     quote=text[max(0, m.start() - 300):m.end()][-300:])
                for i, name in enumerate(names, 1)]
    return []


# 其中提前竣工4项，为A，B，C，D；未按期竣工4项，为E，F，G，H。: a status, a number, then as many names
_COUNTED_LEAD = re.compile(r"(?P<head>(?:提前|按期|如期|已经?|全面)?(?:竣工|完工|建成|完成|办结|投用)|"
                           r"(?P<open>未按期(?:竣工|完工|开工|完成)|未(?:竣工|完工|开工|完成|办结)|尚未(?:竣工|完工|开工|完成)|"
                           r"进展滞后|进度滞后|推进缓慢))(?:的)?(?:项目|工程)?" + _COUNTED.replace("(?:项目|事项|实事|工程)?", "") +
                           r"[，,]?(?:分别)?(?:为|是|包括)[：:]?(?P<list>[^；;。\n]+)")
# 省电力公司的古交电厂三期送出工程: the owner, then its project
_OWNER = re.compile(r"^(?P<u>[\u4e00-\u9fff]{2,12}?(?:公司|集团|局|委员会|委|办|中心))的(?P<name>.{4,})$")


# what every _COUNTED_LEAD match holds, found fast (its first character is a literal): 项，分别为
_COUNTED_SAID = re.compile(r"[个件项](?:民生)?[，,]?(?:分别)?(?:为|是|包括)")


def _counted(text: str, meta: DocumentMeta) -> list[Task]:
    """Tasks named after their status and their number, as many names as it says (module docstring)."""
    out: list[Task] = []
    if not _COUNTED_SAID.search(text):
        return out  # (the lead's pattern tries every character of the text)
    for m in _COUNTED_LEAD.finditer(text):
        names = [n.strip() for n in re.split(r"[，,、]", m["list"]) if n.strip()]
        if _count(m["n"]) != len(names) or len(names) < 2 or any(len(n) > 60 for n in names):
            continue
        status = NOT_DONE if m["open"] else DONE
        for name in names:
            owner = _OWNER.match(name)
            out.append(Task(seq=str(len(out) + 1), status=status, status_raw=m["head"],
                            annual_target=owner["name"] if owner else name,
                            departments=[owner["u"]] if owner else [], progress=m["head"],
                            year=meta.year, start_month=meta.start_month, end_month=meta.end_month,
                            char_offset=m.start(), region=meta.region, source="prose", category=m["head"],
                            quote=m[0][:300]))
    return out


# 10件实事已全部完成。这10件实事是：A；B；…: a count said of the list, then the list of exactly as many
_THESE = re.compile(r"(?:这|以下|上述)" + _COUNTED + r"(?:分别)?(?:是|为|包括)[：:](?P<list>[^。\n]+)")


def _these(text: str, meta: DocumentMeta) -> list[Task]:
    """The names a sentence lists as 这10件实事是：…, all done when the sentence before says so."""
    for m in _THESE.finditer(text):
        names = [n.strip() for n in re.split(r"[；;]", m["list"]) if n.strip()]
        if _count(m["n"]) != len(names) or len(names) < 2:
            continue
        before = text[max(0, text.rfind("。", 0, max(0, m.start() - 1)) + 1):m.start()]
        if not _ALL_DONE.search(before) or re.search(r"未|尚|正在", before):
            continue
        return [Task(seq=str(i), status=DONE, status_raw=_ALL_DONE.search(before)[0], annual_target=name,
                     progress=before.strip("。 ")[:120], year=meta.year, start_month=meta.start_month,
                     end_month=meta.end_month, char_offset=m.start(), region=meta.region, source="prose",
                     quote=(before + m[0])[:300])
                for i, name in enumerate(names, 1)]
    return []


# 完成年度计划100%及以上的项目4个，分别为A完成投资2.65亿元，B…: projects named by the band of the year's
# plan they reached (100% and above is done; a lower band is not)
_BAND = re.compile(r"完成(?:年度|全年)(?:投资)?计划(?:投资)?(?:的)?(?P<pct>\d{1,3})%(?:及)?以上的?(?:项目|工程)"
                   r"(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:个|项)[，,]?(?:分别)?(?:为|是|包括)[：:]?"
                   r"(?P<list>[^。\n]+)")


def _bands(text: str, meta: DocumentMeta) -> list[Task]:
    """Projects named by the band of their year's plan they reached (see _BAND), as many as each says."""
    out: list[Task] = []
    if "完成年度" not in text and "完成全年" not in text:
        return out  # (every match opens so)
    for m in _BAND.finditer(text):
        names = [n.strip() for n in re.split(r"[，,；;]", m["list"]) if n.strip()]
        if _count(m["n"]) != len(names):
            continue
        status = DONE if int(m["pct"]) >= 100 else NOT_DONE
        for name in names:
            bare = re.split(r"(?:累计)?完成(?:投资)?", name)[0] or name
            out.append(Task(seq=str(len(out) + 1), status=status, status_raw=f"完成年度计划{m['pct']}%以上",
                            annual_target=bare, progress=name, completion_rate=None,
                            year=meta.year, start_month=meta.start_month, end_month=meta.end_month,
                            char_offset=m.start(), region=meta.region, source="prose",
                            category=f"完成年度计划{m['pct']}%以上", quote=m[0][:300]))
    return out if len(out) >= 2 else []


# 察看新建“四好农村路”、水库水毁修复工程、实施村卫生室标准化建设三项重点民生实事项目: the 实事 a text names,
# as many as it counts, each a task whose status the sentence does not tell
_NAMED_SHISHI = re.compile(r"(?P<list>(?:[^，,。、；;：:]{2,30}、){1,9}[^，,。、；;：:]{2,30}?)"
                           r"(?P<n>\d{1,2}|[两三四五六七八九十]{1,2})\s*(?:项|件|个)(?:区级|市级|县级|镇级)?(?:重点)?"
                           r"(?:民生实事|为民办实事|实事)(?:票决)?(?:项目|工程)?")
_NAME_LEAD = re.compile(r"^(?:现场|先后|分别)?(?:察看|查看|视察|了解|调研|确定了?|包括|有|为|是|涉及)了?")


def named_shishi(text: str, meta: DocumentMeta) -> list[Task]:
    """The 实事 a sentence names with their number and no status (see _NAMED_SHISHI): unknown each."""
    if "实事" not in text:
        return []  # (every match ends in 实事; the pattern tries every character of the text)
    for m in _NAMED_SHISHI.finditer(text):
        names = [n.strip() for n in m["list"].split("、") if n.strip()]
        names[0] = _NAME_LEAD.sub("", names[0])
        if _count(m["n"]) != len(names) or any(n.endswith("等") for n in names) or not all(names):
            continue
        return [Task(seq=str(i), status=STATUS_UNKNOWN, annual_target=name, year=meta.year,
                     start_month=meta.start_month, end_month=meta.end_month, char_offset=m.start(),
                     region=meta.region, source="prose", quote=m[0][:300])
                for i, name in enumerate(names, 1)]
    return []


def status_lists(text: str, meta: DocumentMeta) -> list[Task]:
    """The tasks ``text`` lists by name after a lead that states their status (module docstring)."""
    return (_leading(text, meta) or _counted(text, meta) or _trailing(text, meta) or _these(text, meta)
            or _bands(text, meta))


# what every _LEAD match holds before its list, found fast (it opens on one of five characters): 项目有：
_LEAD_SAID = re.compile(r"(?:项目|事项|实事|工程|任务)(?:有|是|包括|为)?[：:]")


def _leading(text: str, meta: DocumentMeta) -> list[Task]:
    out: list[Task] = []
    seen: set[str] = set()
    if not _LEAD_SAID.search(text):
        return out  # (the lead's pattern tries every character of the text)
    for m in _LEAD.finditer(text):
        before = text[max(0, m.start() - 3):m.start()]
        body = m["list"].strip().rstrip("；;，,")
        if re.search(r"如|例如|比如", before) or body.endswith("等") or re.search(r"等(?:项目|工程|\d)", body):
            continue
        names = [n.strip() for n in re.split(r"[、；;]", body) if n.strip()]
        if len(names) < 2 or any(len(n) > 40 for n in names):
            continue
        status = DONE if m["done"] else NOT_DONE
        after = text[m.end():m.end() + 400]
        for name in names:
            unit = _UNIT_AFTER.search(name)
            bare = name[:unit.start()].strip() if unit else name
            if bare in seen:
                continue
            seen.add(bare)
            said = re.search(re.escape(bare) + r"[^。]*", after)  # a later sentence of its own
            cause = _CAUSE.search(said[0]) if said and status == NOT_DONE else None
            reason = cause["r"] if cause else None
            out.append(Task(seq=str(len(out) + 1), status=status, status_raw=m["head"], annual_target=bare,
                            reason=reason, progress=said[0][len(bare):].strip("，, ") or None if said else None,
                            departments=split_departments(unit["u"]) if unit else [],
                            year=meta.year, start_month=meta.start_month, end_month=meta.end_month,
                            char_offset=m.start(), region=meta.region, source="prose", category=m["head"],
                            quote=f"{m['head']}：{body}"[:300]))
    return out if len(out) >= 2 else []
