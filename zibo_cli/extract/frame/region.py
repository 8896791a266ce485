"""Region: the place a document is about, and its level, from its title, publisher, headline, lead
and how often the body names a place."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import places
from ...models import DocumentMeta
from ..segment import Segment
from .years import mask_titles


def named_region(meta: DocumentMeta, segments: list[Segment]) -> tuple[str, str] | None:
    """(region, where) the document is about: the places its title, publisher, headline or
    first paragraphs name, the first of them or a later one inside it (丽水市庆元县 → 庆元县)."""
    sources = [("title", meta.title or ""), ("publisher", meta.publisher or "")]
    sources += [(seg.kind, seg.text) for seg in segments[:12] if seg.kind in ("headline", "chrome")]
    sources += [("lead", seg.text[:200]) for seg in body(segments)[:2]]
    for where, text in sources:
        names = [n for pos, n in places.find_regions(text) if not _LEFT_OUT.search(text[max(0, pos - 32):pos])]
        if len({places.province_of(n) or n for n in names}) >= 3:
            continue  # a list of provinces (各省、自治区、直辖市): no one place
        if names:
            return places.most_specific(names) or names[0], where
    return None


def refined(region: tuple[str, str], meta: DocumentMeta, segments: list[Segment]) -> tuple[str, str]:
    """The region, or a place inside it that the top of the text writes right after it (重庆市梁平区
    人民政府关于我区…, 抚州市东乡区): the page's site names the city, the document the district."""
    name = region[0]
    texts = [meta.title or ""] + [s.text[:200] for s in segments[:12] if s.kind in ("headline", "chrome")]
    texts += [s.text[:200] for s in body(segments)[:2]]
    for text in texts:
        at = text.find(name)
        while at >= 0:
            rest = text[at + len(name):at + len(name) + 12]
            after = [n for pos, n in places.find_regions(rest) if pos == 0]
            if after and places.most_specific([name, after[0]]) == after[0]:
                return after[0], f"{region[1]}, then {name}{after[0]}"
            renamed = None if after else places.renamed_within(rest, name)
            if renamed:
                return renamed, f"{region[1]}, then {name}{renamed} (renamed since the list)"
            at = text.find(name, at + 1)
    return region


# 不包括香港特别行政区、澳门特别行政区和台湾省: places named to be left out
_LEFT_OUT = re.compile(r"(?:不包括|不含|未包括|未含|除)[^。；;]{0,30}$")


# 全市 / 我县 …: the level of a document that names no place; not 高于全国, 居全省第3, 占全市
WHOLE_WORD = re.compile(r"(?<![比于居列占较超从])(?:全|我)(国|省|自治区|市|州|盟|县|旗|区|镇|乡)"
                         r"(?![长委]|第|前[一二三四五六七八九十\d]|平均|水平|百强|一流|先进|之首|同类)"
                         r"|(?:(?<=[在由经据从，,、。：:\s（(])|^)(省|市|县|区)(?:委(?=[、，,和与])|政府|人大|发展改革委|发改委)")


_LEVEL_OF_WORD = {"国": "nation", "省": "province", "自治区": "province", "市": "city", "州": "city",
                  "盟": "city", "县": "county", "旗": "county", "区": "district", "镇": "township",
                  "乡": "township"}


def region_level(name: str | None) -> str | None:
    """nation, province, city, district, county, zone or township for a full place name (the
    places module's reading, one for the frame and the answers)."""
    return places.place_level(name)


def body(segments: list[Segment]) -> list[Segment]:
    return [s for s in segments if s.kind in ("paragraph", "item", "heading")]


def unnamed_level(segments: list[Segment], title: str = "") -> tuple[str, str] | None:
    """(level, word) from the first 全市 / 全县 / 全省 … the title or the body writes."""
    for seg in [Segment("title", title, 0)] + body(segments)[:6]:
        m = WHOLE_WORD.search(seg.text)
        if m:
            word = m[1] or m[2]
            level = _LEVEL_OF_WORD[word]
            if word == "区" and "自治区" in seg.text:
                level = "province"  # 全区 of an autonomous region
            return level, m[0]
    return None


def region_by_short_title(title: str, segments: list[Segment], level: str) -> tuple[str, str] | None:
    """(region, why) when the title or a headline writes one province's or city's short name
    (四川700个省重点项目…) and the text's 全省/我省/省委 says that level."""
    lines = [title] + [s.text for s in segments[:12] if s.kind == "headline"]
    found = {full for line in lines for short, full in places.short_names().items()
             if len(short) >= 2 and short in line and region_level(full) == level}
    if len(found) != 1:
        return None
    name = found.pop()
    return name, f"title: {places.short_name(name)} ({level})"


# a development zone or a township the title names (舒城经济开发区, 如皋高新技术产业开发区, 东凤镇,
# 中山街道): places the list of counties does not hold
_ZONE_NAME = re.compile(r"(?<![全我各本])([\u4e00-\u9fff]{2,8}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区"
                        r"|高新区|经开区|开发区|工业园区|示范区))")


_TOWN_NAMED = 3  # how often a text names the township in its title to be about it
_TOWN_NAME = re.compile(r"(?<![全我各本城乡])([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))(?:人民政府|政府|办事处|党委|\d|（|\(|20|19|关于|上半年|全年|年度|工作)")


def zone_or_township(title: str, segments: list[Segment], region: str | None,
                      level: str | None, text: str = "") -> tuple[str, str] | None:
    """(name, level) of a zone or township the title or a headline names, when the text is about
    it: no larger place was read, or the one read is the one it lies in (舒城县 → 舒城经济开发区);
    a township only when the text says 全镇/我镇/全乡/街道 of itself."""
    lines = [title] + [s.text for s in segments[:12] if s.kind == "headline"]
    short = places.short_name(region) if region else None
    for line in lines:
        if re.search(r"[|｜：:]", line):
            continue  # a navigation bar (…|万州经济技术开发区网|), a field (责任单位：…)
        for m in _ZONE_NAME.finditer(line):
            name = _from_a_place(m[1])
            if name and (region is None or (short and name.startswith(short)) or name.startswith(region)):
                return name, "zone"
        bare = line
        for _, place in places.find_regions(line):  # 中山市东凤镇 → |东凤镇
            bare = bare.replace(place, "|")
        for m in _TOWN_NAME.finditer(bare):
            # a township the title names: when the text says 全镇/我镇 of itself, or names it again and
            # again (人大代表视察万顷沙镇2021年民生实事… then 万顷沙镇 five times)
            if not places.places().get(m[1]) and (level == "township" or text[:5000].count(m[1]) >= _TOWN_NAMED):
                return m[1], "township"
    return None


def _from_a_place(name: str) -> str | None:
    """The zone's name from the place it is named after on (加快舒城经济开发区 → 舒城经济开发区);
    None when no place's name or short name starts any tail of it (关于加快高新区建设)."""
    for i in range(len(name) - 3):
        for j in (2, 3, 4):
            if name[i:i + j] in places.stems():
                return name[i:]
    return None


_MENTIONS_MIN = 3


_MENTIONS_ALONE = 2
# a place named once is the text's only when it stands in the top of the text (title, lead), where a
# text says what it is about (…中国式现代化临沧实践…); deeper, one mention is a passing reference
# (县发改委要会同县督查…, 龙海市场, 朝阳东路)
_ONCE_WITHIN = 300


@lru_cache(maxsize=1)
def _short_name_start() -> re.Pattern[str]:
    """Any character a short name (淄博, 江苏) starts with."""
    return re.compile("[" + re.escape("".join(sorted({s[0] for s in places.short_names() if s}))) + "]")


def region_by_mentions(text: str, level: str | None) -> tuple[str, str] | None:
    """(region, why) when the body names one place again and again (淄博 six times, nothing else
    as often) and it is of the level the lead's 全市/全县/全省 says: the place a page that never
    names itself in its title or lead is about."""
    if level not in ("province", "city", "county", "district"):
        return None
    body = mask_titles(text[:5000])
    counts: dict[str, int] = {}
    # the characters of the body a short name starts with: a name's first must be one of them (a
    # set lookup rules out most of the ~370 names without searching the body for each)
    chars = set(_short_name_start().findall(body))
    for short, full in places.short_names().items():
        if len(short) >= 2 and short[0] in chars and short in body:
            counts[full] = counts.get(full, 0) + body.count(short)
    for _, name in places.find_regions(body):
        if name not in counts:
            counts[name] = body.count(name)
    fits = sorted(((n, c) for n, c in counts.items() if region_level(n) == level), key=lambda nc: -nc[1])
    if not fits:
        return None
    alone = len(fits) == 1 and (fits[0][1] >= _MENTIONS_ALONE  # the only place of its level, named twice
                                or _first_at(body, fits[0][0]) < _ONCE_WITHIN)  # or once, at the top
    if not alone and (fits[0][1] < _MENTIONS_MIN or (len(fits) > 1 and fits[1][1] * 2 > fits[0][1])):
        return None
    name, n = fits[0]
    return name, f"body: {places.short_name(name)} named {n} times"


# the nation's regions compared (分地区看，东部地区…中部地区…), or China named again and again: a text
# about the whole country that never writes 全国
_FOUR_REGIONS = re.compile(r"东部地区[^。]{0,80}(?:中部|西部|东北)地区")
_CHINA = re.compile(r"中国(?!共产党|特色|式)|我国")


def national_cue(text: str) -> tuple[str, str] | None:
    """("nation", words) when a text that names no level of its own is about the whole country."""
    top = text[:4000]
    m = _FOUR_REGIONS.search(top)
    if m:
        return "nation", m[0][:12]
    if len(_CHINA.findall(top)) >= 3:
        return "nation", "中国 named again and again"
    return None


# a zone's or a township's words of itself; 全区 / 我区 of a 高新区 is the zone, not a district
_ZONE_SELF = re.compile(r"管委会|高新区|开发区|经开区|园区|示范区|保税区|新区")
_TOWN_SELF = re.compile(r"全镇|我镇|本镇|(?<![乡各])镇(?:党委|政府|人民政府)|全乡|我乡|本乡|(?<![各])乡(?:党委|政府|人民政府)|"
                        r"全街道|我街道|本街道|(?<![各镇乡、])街道(?!和|、|等)")
_DISTRICT_SELF = re.compile(r"全区|我区|区委|区政府")


def smaller_self(text: str, level: str) -> tuple[str, str] | None:
    """(zone or township, words) when a text whose 全区/全县 named no place speaks of itself as a zone
    (高新区…管委会, twice or more, no less often than 全区) or a township (全镇, 街道办事处 …)."""
    if level not in ("district", "county"):
        return None
    top = text[:3000]
    district = len(_DISTRICT_SELF.findall(top))
    town = _TOWN_SELF.findall(top)
    if len(town) >= 2 and len(town) >= district:
        return "township", f"{town[0]} named {len(town)} times"
    zone = _ZONE_SELF.findall(top)
    if level == "district" and len(zone) >= 2 and len(zone) >= district:
        return "zone", f"{zone[0]} named {len(zone)} times"
    return None


def _first_at(body: str, name: str) -> int:
    """Where ``body`` first writes the place, by its full or its short name."""
    at = [i for i in (body.find(name), body.find(places.short_name(name) or name)) if i >= 0]
    return min(at) if at else len(body)


def mentions(text: str, region: str) -> int:
    body = text[:5000]
    return body.count(places.short_name(region))
