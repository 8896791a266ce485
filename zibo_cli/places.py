"""Place names: China's provinces, cities and counties, from the administrative-division list
that the ``cpca`` package ships (``cpca/resources/adcodes.csv``, MIT licence, © its authors).

Only that data file is read (the package itself, which imports pandas, is never imported).
Where it is missing, zibo still works: figures simply get no region.

* :func:`find_regions` finds full names written in a text (淄博市, 张店区, 庆元县, 山东省);
  short forms (张店) are not matched in report text, where too many are also words;
* :func:`region_prefix` splits a region off the start of an indicator name
  (青州市规上工业增加值 → 青州市, 规上工业增加值);
* :func:`region_matches` is the loose match users type (``--region 张店`` finds 张店区).
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Place", "places", "find_regions", "region_prefix", "region_matches", "province_of", "most_specific",
           "place_named",
           "short_name", "NATION"]

NATION = "全国"
_SUFFIX = re.compile(r"(?:特别行政区|(?:壮族|回族|维吾尔)?自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|区|县|旗|盟)$")
# full names that are also everyday words in reports (城区 and 矿区 are real districts)
_WORDS = {"城区", "矿区", "郊区", "新区", "东区", "西区", "南区", "北区", "中区", "市辖区", "县", "区", "老城区", "新城区",
          "城东区", "城西区", "城南区", "城北区", "城中区", "市中区", "中心区"}


@dataclass(frozen=True)
class Place:
    name: str
    adcode: str  # 12 digits: province 2, city 2, county 2, then zeros

    @property
    def level(self) -> int:
        """1 province, 2 city, 3 county."""
        code = self.adcode
        if code[2:] == "0" * 10:
            return 1
        if code[4:] == "0" * 8:
            return 2
        return 3

    def within(self, other: Place) -> bool:
        """Is this place inside ``other`` (a county in its city, a city in its province)?"""
        keep = {1: 2, 2: 4, 3: 6}[other.level]
        return self.adcode[:keep] == other.adcode[:keep] and self.level > other.level


def _data_file() -> Path | None:
    try:
        spec = importlib.util.find_spec("cpca")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "resources" / "adcodes.csv"
    return path if path.exists() else None


@lru_cache(maxsize=1)
def places() -> dict[str, tuple[Place, ...]]:
    """Every place by full name (a name may belong to several places: 鼓楼区)."""
    path = _data_file()
    out: dict[str, list[Place]] = {}
    if path is None:
        return {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = (row.get("name") or "").strip()
            code = (row.get("adcode") or "").strip()
            if len(name) < 2 or name in _WORDS or len(code) != 12 or not _SUFFIX.search(name):
                continue
            out.setdefault(name, []).append(Place(name, code))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _name_ends() -> tuple[re.Pattern[str], frozenset[str], dict[str, tuple[int, ...]]] | None:
    """What :func:`place_spans` looks up: the characters a place name ends with (市, 区, 县, …),
    every name, and for each last two characters (博市) the lengths of the names that end so."""
    names = places()
    if not names:
        return None
    ends = "".join(sorted({n[-1] for n in names}))
    lengths: dict[str, set[int]] = {}
    for n in names:
        lengths.setdefault(n[-2:], set()).add(len(n))
    return (re.compile(f"[{re.escape(ends)}]"), frozenset(names),
            {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


def place_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the place names in ``text``: left to right, at each start the longest name,
    none overlapping (what one regular expression of every name, longest first, would find).

    Every name ends with a suffix (市, 区, 县, …), and a text holds few of them: the names are
    looked up backwards from each, instead of trying 3,000 names at every character; and only
    in the lengths of the names that end in the same two characters (全市, 城市 end none)."""
    index = _name_ends()
    if index is None:
        return []
    ends, names, lengths = index
    found = []
    for m in ends.finditer(text):
        end = m.end()
        for n in lengths.get(text[end - 2:end], ()):
            if n <= end and text[end - n:end] in names:
                found.append((end - n, end))
    found.sort(key=lambda span: (span[0], -span[1]))
    out, pos = [], 0
    for start, end in found:
        if start >= pos:
            out.append((start, end))
            pos = end
    return out


def find_regions(text: str) -> list[tuple[int, str]]:
    """(position, name) of every full place name in ``text``, left to right. A two-character
    name (富县, 和县) inside a run of words (生态富县) is a word there, not the place: it counts
    only at the start of a clause or after a larger place (延安市富县)."""
    out = []
    for start, end in place_spans(text):
        if end - start == 2 and start and _IN_WORD.match(text, start - 1):
            continue
        out.append((start, text[start:end]))
    return out


# a Chinese character that is not the end of a larger place's name
_IN_WORD = re.compile(r"[\u4e00-\u9fff](?<![省市州区县盟旗])")


_MAX_NAME = 12


@lru_cache(maxsize=1)
def short_names() -> dict[str, str]:
    """Provinces' and cities' short names and their full names (淄博 → 淄博市)."""
    return _short_names()


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """Provinces' and cities' short names (江苏 → 江苏省, 淄博 → 淄博市); a short name two
    places share goes to the larger one (吉林 → 吉林省)."""
    out: dict[str, str] = {}
    for name, ps in sorted(places().items(), key=lambda kv: min(p.level for p in kv[1])):
        if min(p.level for p in ps) > 2:
            continue
        short = short_name(name)
        if short != name and short not in out:
            out[short] = name
    return out


@lru_cache(maxsize=1)
def _county_short_names() -> dict[str, str]:
    """Counties' and districts' short names one place has alone (荔城 → 荔城区, 科右中 is none:
    only 区, 县 and 旗 are taken off, and two characters or more must stay)."""
    count: dict[str, list[str]] = {}
    for name in places():
        if len(name) >= 3 and name[-1] in "区县旗":
            count.setdefault(name[:-1], []).append(name)
    return {short: names[0] for short, names in count.items() if len(names) == 1 and short not in places()}


def county_short_prefix(name: str) -> tuple[str, str] | None:
    """(county, rest) when ``name`` starts with the short name of one county or district only
    (荔城地区生产总值 → 荔城区, 地区生产总值); the caller says whether the rest is a name."""
    shorts = _county_short_names()
    for n in range(min(_MAX_NAME, len(name) - 2), 1, -1):
        if name[:n] in shorts:
            return shorts[name[:n]], name[n:]
    return None


@lru_cache(maxsize=1)
def stems() -> frozenset[str]:
    """Every place's full name and its short name of two or more characters (舒城县, 舒城, 杨陵 …):
    what a zone's name starts from (舒城经济开发区)."""
    out = set(places())
    out.update(s for s in map(short_name, places()) if len(s) >= 2)
    return frozenset(out)


@lru_cache(maxsize=4096)  # the figure reader asks of every clause before a figure; many repeat
def region_prefix(name: str) -> tuple[str, str] | None:
    """(region, rest) when ``name`` starts with a full place name, or the short name of a
    province or city (江苏地区生产总值), and more than two characters of name follow
    (青州市规上工业增加值 → 青州市, 规上工业增加值); else None."""
    table = places()
    for n in range(min(_MAX_NAME, len(name) - 2), 1, -1):
        if name[:n] in table:
            return name[:n], name[n:]
    shorts = _short_names()
    for n in range(min(_MAX_NAME, len(name) - 3), 1, -1):
        if name[:n] in shorts:
            return shorts[name[:n]], name[n:]
    return None


def place_named(text: str) -> str | None:
    """The full name of the place ``text`` is, written in full (酒泉市) or as the short name of a
    province or city (酒泉, 江苏); else None."""
    if text in places():
        return text
    return _short_names().get(text)


@lru_cache(maxsize=1024)  # a scan of every place: each document's region asks once
def province_of(region: str) -> str | None:
    """The province a city or county is in (张店区 → 山东省); a province is its own."""
    table = places()
    found = table.get(region)
    if not found:
        return None
    code = found[0].adcode[:2] + "0" * 10
    for name, ps in table.items():
        if any(p.adcode == code for p in ps):
            return name
    return None


def most_specific(names: list[str]) -> str | None:
    """Of the regions a document names near its top, in order: the first, or a later one
    inside it (丽水市庆元县 → 庆元县)."""
    table = places()
    best: Place | None = None
    for n in names:
        cands = table.get(n)
        if not cands:
            continue
        if best is None:
            best = cands[0]
            continue
        inside = [p for p in cands if p.within(best)]
        if inside:
            best = inside[0]
    return best.name if best else None


_RENAMED = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:区|县|市)")


def renamed_within(text: str, parent: str) -> str | None:
    """The county-level place ``text`` starts with, inside ``parent``, under a name newer than the
    list's: a county made a district or a city since (梁平县 → 梁平区 in 重庆市, 东乡县 → 东乡区 in
    抚州市). The same stem with another of 区/县/市 must be one of the parent's counties."""
    table = places()
    outer = table.get(parent)
    if not outer:
        return None
    for m in _RENAMED.finditer(text[:8]):
        if m.start() != 0:
            break
        written = m[0]
        stem = written[:-1]
        for suffix in "区县市":
            old = stem + suffix
            if old != written and any(p.within(outer[0]) and p.level == 3 for p in table.get(old, ())):
                return written
    return None


def short_name(region: str) -> str:
    """张店 for 张店区, 淄博 for 淄博市, 甘南 for 甘南藏族自治州 (a name of two characters keeps
    its suffix: 沛县)."""
    short = _SUFFIX.sub("", region)
    if region.endswith(("自治州", "自治县", "自治旗")):
        # the peoples it is named for (藏族, 土家族苗族) are no part of the short name
        short = next((short[:i] for i in range(2, len(short) - 1) if _PEOPLES.fullmatch(short[i:])), short)
    return short if len(short) >= 2 else region


_PEOPLES = re.compile(r"(?:[\u4e00-\u9fff]{1,4}?族)+")


def region_matches(query: str, region: str | None) -> bool:
    """The loose match of ``--region``: 淄博 = 淄博市, 张店 = 张店区, 全国 = 全国."""
    if not region or not query:
        return False
    q = query.strip()
    return q == region or short_name(q) == short_name(region)


_MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}


@lru_cache(maxsize=1024)
def place_level(region: str | None) -> str | None:
    """The level of a region by its name: ``nation`` (全国), ``province`` (山东省, 北京市, 广西壮族
    自治区), ``city`` (淄博市, 甘南藏族自治州), ``district`` (张店区), ``county`` (沛县, 青州市, a
    county-level city), ``zone`` (高新区, 开发区), ``township`` (镇, 乡, 街道); None when unknown."""
    if not region:
        return None
    if region == NATION:
        return "nation"
    if region in _MUNICIPALITIES or region.endswith(("省", "特别行政区")) or (
            region.endswith("自治区") and len(region) > 4):
        return "province"
    if region.endswith(("开发区", "高新区", "新区", "园区", "试验区", "示范区", "经济区", "保税区", "综试区", "经开区")):
        return "zone"
    if region.endswith(("镇", "乡", "街道")):
        return "township"
    known = places().get(region)
    if known:
        level = min(p.level for p in known)
        if level == 1:
            return "province"
        if level == 2:
            return "city"
        return "district" if region.endswith("区") else "county"
    if region.endswith(("自治州", "地区", "盟")):
        return "city"
    if region.endswith("区"):
        return "district"
    if region.endswith(("县", "旗")):
        return "county"
    if region.endswith("市"):
        return "city"
    return None
