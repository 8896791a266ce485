"""Lists of names: A、B和C split into names, shared heads and prefixes, abbreviations opened."""

from __future__ import annotations

import re

from ... import places
from .context import _Named
from .words import ABBREVIATIONS, SHARED_PREFIXES, SHARED_SUFFIXES, match_name

# Leading verbs taken off when the rest is still a name (完成年度投资 → 年度投资; but 完成投资 stays).
_LEAD_VERBS = re.compile(r"^(?:完成|实现|达成|形成|稳定运行|正常运行|常态化运行|运行|运营|拥有|现有|保有|发生|建成|"
                         r"有(?=国家级|省级|市级|县级|区级|各类|各级))")


_ALT_NAME = re.compile(r"（[^（）\d]{1,8}）$")


# how split_names cuts a list, tried in turn: only after a class or an industry, at every 、,
# at every 、/和/及/与/以及
_NAME_SEPARATORS = tuple(re.compile(p) for p in (r"(?<=[类业])(?:、|和|及)", r"、", r"、|和|及|与|以及"))


def _region_list(s: str) -> tuple[list[str], str] | None:
    """([regions], name) when ``s`` lists places before a name (酒泉、天水GDP总量), else None."""
    parts = s.split("、")
    if len(parts) < 2:
        return None
    head = [places.place_named(p) for p in parts[:-1]]
    last = places.region_prefix(parts[-1]) if len(parts[-1]) > 3 else None
    if last is None or not all(head):
        return None
    return [*head, last[0]], last[1]


def _both(name: str, named: _Named) -> list[str] | None:
    """The names a 均 figure is of (出口和进口均增长6% → 出口, 进口), or None."""
    for n in (2, 3, 4):
        names, _ = split_names(name, n)
        if names and all(len(x) >= 2 for x in names):
            return names
    return None


def split_names(text: str, n: int) -> tuple[list[str], list[str]]:
    """Split ``A、B和C`` into ``n`` names, opening abbreviations and sharing suffixes.

    Returns (names, raw names); empty lists when the text does not hold ``n`` names.
    """
    text = text.strip()
    for abbr, full in ABBREVIATIONS.items():
        if "、" in abbr and abbr in text and len(full) == n:
            # 城、乡居民人均可支配收入: an abbreviation written as a list
            return _finish([text.replace(abbr, f, 1) for f in full])
    parts: list[str] = []
    # first: only after a class or an industry, whose names may hold a 、 themselves
    # (…音像制品类、文化办公用品类和体育、娱乐用品类; 采矿业、制造业和电力、热力…供应业)
    for sep in _NAME_SEPARATORS:
        parts = [p for p in sep.split(text) if p]
        if len(parts) == n:
            break
    else:
        parts = _open_abbreviation(text, n)
        if len(parts) != n:
            return [], []
    return _finish(parts)


def _finish(parts: list[str]) -> tuple[list[str], list[str]]:
    parts = _share_affixes(parts)
    raws = list(parts)
    names = []
    for p in parts:
        p = _LEAD_VERBS.sub("", p) if len(p) > 4 else p
        p = _ALT_NAME.sub("", p) or p
        names.append(p)
    return names, raws


def _open_abbreviation(text: str, n: int) -> list[str]:
    for abbr, full in sorted(ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        if abbr in text and len(full) == n:
            return [text.replace(abbr, f, 1) for f in full]
    return []


def _less_prefix(name: str) -> str:
    """限上批发 → 批发: a list's first name less the scope its items share."""
    pre = next((x for x in SHARED_PREFIXES if name.startswith(x) and len(name) > len(x)), "")
    return name[len(pre):]


def _share_affixes(parts: list[str]) -> list[str]:
    """存款、贷款余额 → 存款余额, 贷款余额; 城镇、农村居民人均可支配收入 → 城镇居民…;
    本外币存款余额, 贷款余额 → …, 本外币贷款余额."""
    last = parts[-1]
    suffix = next((x for x in SHARED_SUFFIXES if last.endswith(x) and len(last) > len(x)), None)
    shared = []
    for p in parts[:-1]:
        # the head that makes a catalogue name: 城镇居民、农村居民人均可支配收入 → 城镇居民人均可支配收入
        head = next((last[k:] for k in range(1, len(last) - 1) if match_name(p + last[k:])[0] is not None
                     and match_name(last)[0] is not None), None)
        if head and not match_name(p)[0]:
            shared.append(p + head)
        elif any(p.endswith(x) for x in SHARED_SUFFIXES):
            shared.append(p)
        elif suffix and len(last) - len(suffix) <= 2:
            shared.append(p + suffix)  # 猪、牛、家禽出栏: short heads, each with the suffix
        elif len(core := _less_prefix(p)) <= 2 < len(last):
            shared.append(p + last[len(core):])  # a parallel head: 城镇 for 农村, 限上批发 for 餐饮业…
        elif suffix:
            shared.append(p + suffix)
        else:
            shared.append(p)
    parts = shared + [last]
    first = parts[0]
    for pre in SHARED_PREFIXES:
        if first.startswith(pre) and len(first) > len(pre):
            parts = [first] + [p if p.startswith(pre) or any(p.startswith(x) for x in SHARED_PREFIXES)
                               else pre + p for p in parts[1:]]
            break
    return parts
