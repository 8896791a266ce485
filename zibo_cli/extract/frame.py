"""The document frame: what kind of report a text is, which year and months its figures
cover when a sentence does not say, and the evidence for each.

Evidence is weighed in this order, and each piece used is kept (``Frame.evidence``, stored on
the document row) so a user can see why a figure got its period:

1. the title (``extract.metadata``: 2024年上半年…情况 → 2024, months 1–6);
2. a headline or sub-title line before the body (新闻 pages: ``某市一季度GDP增长5.3%``);
3. the lead: the figure-bearing sentences at the top of the body (``1-5月，全市…``); of the
   periods they name the cumulative one that reaches furthest wins (1-5月 over 5月份);
4. the publication date (发布时间：2024-06-27, a dated line under the title or at the end): the
   data year is the publication year, or the year before when the period ends after the month
   of publication (前三季度 published in January);
5. the kind of report: a 统计公报 covers the whole of its year (published the next spring); a
   government work report or a plan (计划执行情况) reviews the year before the one it is given
   in (its actuals) and sets targets for the year it is given in.

A year written as the base of a comparison (比2019年同期, 较2022年, 2022年以来, 到2025年) is
never the data year: an empty year is better than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import places
from ..models import DocumentMeta
from ..periods import Period, find_periods
from . import doctype
from .doctype import Evidence
from .segment import Segment

__all__ = ["Frame", "document_frame", "data_years", "is_bare_quarter", "mask_titles", "WORK_REPORT", "PLAN", "BULLETIN", "REPORT"]

REPORT = "report"
WORK_REPORT = "work_report"
PLAN = "plan"
BULLETIN = "bulletin"

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# what stands before a year that is a comparison's base or a horizon, not the data year
_BASE_BEFORE = re.compile(r"(?:比|较|与|同|相比|高于|低于|自|从|到|至|截至|截止|由|超过|于|对比|回落至|恢复到)\s*$")
_BASE_AFTER = re.compile(r"^\s*(?:建[县市区镇乡]|设[县市区镇乡立置]|撤[县地]|成立|建制|以来|起|前(?![一二三四1-9]|[五六七八九十]+个?月)|底前|之前|以前|水平|同比|相比|的水平)")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_WORK_REPORT = re.compile(r"政府工作报告|报告(?:政府)?工作|工作报告")
_PLAN = re.compile(r"计划执行情况|计划草案|国民经济和社会发展计划")
_BULLETIN = re.compile(r"统计公报")
# 2024年工作回顾 / 2024年是…的一年 / 回顾了2024年 / 预计2024年…: the year a work report reviews
# (its actuals', estimated when the year has only just ended).
# Not …之年: 2025年是“十四五”收官之年 says what the coming year is to be.
_REVIEWED = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:工作回顾|是[^。；之]{0,60}?的一年)|(?:回顾了?|预计)\s*((?:19|20)\d{2})\s*年")
_CLAUSE_START = re.compile(r"(?:^|[，。；：,;:\s（(])\s*(?:在|今年|截至|截止)?\s*$")
_LEAD_SENTENCES = 6
# a figure with a unit, matched only where a run of digits starts (linear on a long run)
_FIRST_FIGURE = re.compile(r"(?<![\d.])\d{1,15}(?:\.\d{1,10})?\s{0,3}(?:%|亿|万|个|元|吨|千|百分点)")


@dataclass
class Frame:
    kind: str = REPORT  # how its figures are dated: report | work_report | plan | bulletin
    type: str = "other"  # the document's type (extract.doctype.TYPES)
    region_level: str | None = None  # nation | province | city | district | county | zone | township
    year: int | None = None  # the year actual figures belong to when nothing else says
    start_month: int | None = None
    end_month: int | None = None
    target_year: int | None = None  # the year targets belong to (a work report's own year)
    published: str | None = None
    region: str | None = None  # the city, district or county the document is about
    # 三季度，全县实现地区生产总值…，比上半年高1.5个百分点: a bare quarter compared with a
    # cumulative period is itself cumulative (1–9), here and wherever else the text writes one
    cumulative_quarters: bool = False
    evidence: list[str] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)  # each field's evidence: {"year": "title: …"}

    def note(self, text: str) -> None:
        self.evidence.append(text)


_BOOK_TITLE = re.compile(r"《[^》]{0,80}》")


def mask_titles(text: str) -> str:
    """``text`` with what stands inside 《book titles》 blanked (same length): the numbers in a
    title (《2024年政府工作报告》) are neither figures nor years of the text."""
    if "《" not in text:
        return text
    return _BOOK_TITLE.sub(lambda m: "《" + "　" * (len(m[0]) - 2) + "》", text)


def data_years(text: str) -> list[tuple[int, int]]:
    """(position, year) for every year written in ``text`` that may be a data year: not the base
    of a comparison (比2019年同期), not a span's start (2022年以来), not a horizon (到2025年),
    not inside a date (2024年6月21日 is a date: its year counts) and not in 《a title》."""
    out: list[tuple[int, int]] = []
    if "年" not in text:
        return out  # every year is written with 年 (the reader asks of the text before each figure)
    masked = mask_titles(text)
    for m in _YEAR.finditer(masked):
        before = masked[max(0, m.start() - 4):m.start()]
        if _BASE_BEFORE.search(before) or _BASE_AFTER.match(masked[m.end():m.end() + 4]):
            continue
        out.append((m.start(), int(m[1])))
    return out


_STAMP = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}")


def _published(meta: DocumentMeta, segments: list[Segment]) -> tuple[int, int] | None:
    if meta.published:
        return int(meta.published[:4]), int(meta.published[5:7])
    near = segments[:8] + segments[-3:]
    for seg in near:
        if len(seg.text.strip()) > 80:
            continue
        m = _DATE.search(seg.text)
        if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
            return int(m[1]), int(m[2])
    for seg in segments[:3]:  # a news page's time stamp inside a line: zz.fjsen.com 2018-06-18 08:25:37来源：…
        m = _STAMP.search(seg.text[:200])
        if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
            return int(m[1]), int(m[2])
    for seg in segments[:3]:  # a date in brackets under a release's title: （2018年5月15日）
        m = re.search(r"[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]", seg.text[:300])
        if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
            return int(m[1]), int(m[2])
    return None


def _kind(text: str, title: str) -> str:
    head = title + "\n" + text[:2000]
    if _BULLETIN.search(head):
        return BULLETIN
    if _PLAN.search(head):
        return PLAN
    if _WORK_REPORT.search(head):
        return WORK_REPORT
    return REPORT


def _period_of(line: str) -> Period | None:
    """The first period a line names that is not a comparison's base."""
    for p in find_periods(line):
        if re.search(r"(?:比|较|与|同)\s*$", line[max(0, p.start - 2):p.start]):
            continue
        return p.period
    return None


def _lead_period(segments: list[Segment]) -> tuple[Period, str] | None:
    """The period the first figure-bearing sentences of the body name: the range from month 1
    that reaches furthest, else the first one."""
    found = _lead_periods(segments)
    if not found:
        return None
    cumulative = [f for f in found if f[0].start_month == 1]
    if cumulative:
        return max(cumulative, key=lambda f: f[0].end_month)
    return found[0]


def _lead_periods(segments: list[Segment]) -> list[tuple[Period, str]]:
    """Every period the lead's first figure-bearing sentences name, in order (comparison bases
    and whole years left out)."""
    found: list[tuple[Period, str]] = []
    seen = 0
    paragraphs = 0
    for seg in segments:
        if seg.kind not in ("paragraph", "item", "heading"):
            continue
        paragraphs += 1
        text = seg.body if seg.kind == "heading" else seg.text
        for i, sentence in enumerate(re.split(r"[。！？]", text)):
            if not re.search(r"\d", sentence):
                if paragraphs == 1 and i < 2:  # 今年上半年，全市经济保持平稳运行。: the lead says it
                    found.extend((p.period, p.text) for p in find_periods(sentence)
                                 if not p.whole_year and not re.search(r"(?:比|较|与|同)\s*$",
                                                                      sentence[max(0, p.start - 2):p.start]))
                continue
            seen += 1
            first_digit = _FIRST_FIGURE.search(sentence)
            stop = first_digit.start() if first_digit else len(sentence)
            for p in find_periods(sentence[:stop + 1]):
                if p.whole_year or re.search(r"(?:比|较|与|同)\s*$", sentence[max(0, p.start - 2):p.start]):
                    continue
                found.append((p.period, p.text))
            if seen >= _LEAD_SENTENCES:
                break
        if seen >= _LEAD_SENTENCES:
            break
    return found


def is_bare_quarter(sentence: str, p) -> bool:
    """二季度/三季度/四季度 written alone: not 第三季度, 前三季度, 一至三季度 or 单季度."""
    return bool(_BARE_QUARTER.fullmatch(p.text)) and sentence[max(0, p.start - 1):p.start] not in ("第", "前", "单", "至")


_BARE_QUARTER = re.compile(r"[二三四2-4]季度")
_COMPARED = re.compile(r"(?:比|较|与|同)\s*(?:今年|上年)?\s*$")


_SENTENCE_MARK = re.compile(r"[。！？]")


def _cumulative_quarters(segments: list[Segment]) -> str | None:
    """The sentence that shows the text's bare quarters are cumulative: one compares a figure
    of 三季度 with 上半年 (or 1-6月…), a shorter period from January (a single quarter would be
    compared with 二季度)."""
    for seg in segments[:40]:
        if seg.kind not in ("paragraph", "item", "heading"):
            continue
        if "季度" not in seg.text:
            continue
        for sentence in _SENTENCE_MARK.split(seg.text):
            if "季度" not in sentence:
                continue
            ps = find_periods(sentence)
            for i, q in enumerate(ps):
                if not is_bare_quarter(sentence, q):
                    continue
                for b in ps[i + 1:]:
                    if (_COMPARED.search(sentence[max(0, b.start - 5):b.start]) and b.period.start_month == 1
                            and 3 < b.period.end_month < q.period.end_month):
                        return sentence.strip()[:40]
    return None


def _lead_year(segments: list[Segment]) -> tuple[int, str] | None:
    """A year the first body paragraphs write at the start of a clause (2015年，全县…) or just
    before a period (2024年1-5月)."""
    body = [s for s in segments if s.kind in ("paragraph", "item", "heading")][:3]
    for seg in body:
        for pos, year in data_years(seg.text):
            after = seg.text[pos:pos + 12]
            if re.match(r"(?:19|20)\d{2}\s*年\s*同期", after):
                continue  # 2022年同期为…: last year's figure, not the data year
            if re.match(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", after):
                continue  # 2025年3月20日: a dateline, not the data year
            at_start = _CLAUSE_START.search(seg.text[max(0, pos - 4):pos]) is not None
            before_period = bool(re.match(r"(?:19|20)\d{2}\s*年\s*(?:[一二三四1-4]季度|前|上半年|下半年|1\s*[-—~至]|\d{1,2}\s*月)",
                                          after))
            if at_start or before_period:
                return year, seg.text[pos:pos + 12]
    return None


def _region(meta: DocumentMeta, segments: list[Segment]) -> tuple[str, str] | None:
    """(region, where) the document is about: the places its title, publisher, headline or
    first paragraphs name, the first of them or a later one inside it (丽水市庆元县 → 庆元县)."""
    sources = [("title", meta.title or ""), ("publisher", meta.publisher or "")]
    sources += [(seg.kind, seg.text) for seg in segments[:12] if seg.kind in ("headline", "chrome")]
    sources += [("lead", seg.text[:200]) for seg in _body(segments)[:2]]
    for where, text in sources:
        names = [n for pos, n in places.find_regions(text) if not _LEFT_OUT.search(text[max(0, pos - 32):pos])]
        if len({places.province_of(n) or n for n in names}) >= 3:
            continue  # a list of provinces (各省、自治区、直辖市): no one place
        if names:
            return places.most_specific(names) or names[0], where
    return None


def _refined(region: tuple[str, str], meta: DocumentMeta, segments: list[Segment]) -> tuple[str, str]:
    """The region, or a place inside it that the top of the text writes right after it (重庆市梁平区
    人民政府关于我区…, 抚州市东乡区): the page's site names the city, the document the district."""
    name = region[0]
    texts = [meta.title or ""] + [s.text[:200] for s in segments[:12] if s.kind in ("headline", "chrome")]
    texts += [s.text[:200] for s in _body(segments)[:2]]
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


_DATE_LINE = re.compile(r"^\s*(?:(?:发布|发文|成文|更新)?(?:时间|日期)\s*[:：]?\s*)?(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?"
                        r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# a year that is when a place was founded (1958年建县) is never a data year
_FOUNDED = re.compile(r"^\s*(?:建[县市区镇乡]|设[县市区镇乡立置]|撤[县地区]|成立|建制|置[县州])")
# 全市 / 我县 …: the level of a document that names no place; not 高于全国, 居全省第3, 占全市
_WHOLE_WORD = re.compile(r"(?<![比于居列占较超从])(?:全|我)(国|省|自治区|市|州|盟|县|旗|区|镇|乡)"
                         r"(?![长委]|第|前[一二三四五六七八九十\d]|平均|水平|百强|一流|先进|之首|同类)"
                         r"|(?:(?<=[在由经据从，,、。：:\s（(])|^)(省|市|县|区)(?:委(?=[、，,和与])|政府|人大|发展改革委|发改委)")
_LEVEL_OF_WORD = {"国": "nation", "省": "province", "自治区": "province", "市": "city", "州": "city",
                  "盟": "city", "县": "county", "旗": "county", "区": "district", "镇": "township",
                  "乡": "township"}
# a work report's own title: its year is the year it is given in, not the year it reviews
_NAMES_REPORT = re.compile(r"政府工作报告|工作报告|计划(?:草案)?|工作要点|方案")
# a year in a headline that the report reviews (某区2024年预计GDP突破300亿元, 晒晒2024成绩单)
_REVIEW_WORDS = re.compile(r"预计|成绩单?|回顾|总结|盘点|晒")
# a title that names its month as a date of issue: 经济运行简况（2025年6月）, …简报 2025年6月
_ISSUE_MONTH = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*[)）]|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*$")
# 2023“两会”: a year written without 年 in a title
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=[“\"「『]|\s*两会|\s*年度?)")
# 2024年国民经济和社会发展计划执行情况: the year whose plan was executed is the year reviewed
_EXECUTED = re.compile(r"((?:19|20)\d{2})\s*年[^年]{0,16}计划执行情况")
_IN_YEAR = re.compile(r"(?:上半年|前三季度|一季度|[1１]\s*[-—至~]\s*\d{1,2}\s*月|截至\d{1,2}月).{0,30}(?:计划执行|执行情况|完成情况|进展|推进)")
_TARGET_CUE = re.compile(r"目标|预期|力争|确保|计划(?!执行)|任务|要求")
_REVIEW_CUE = re.compile(r"过去(?:的)?一年|上年|去年|预计|回顾|完成情况|执行情况")


def region_level(name: str | None) -> str | None:
    """nation, province, city, district, county, zone or township for a full place name (the
    places module's reading, one for the frame and the answers)."""
    return places.place_level(name)


def _body(segments: list[Segment]) -> list[Segment]:
    return [s for s in segments if s.kind in ("paragraph", "item", "heading")]


def evidence_of(text: str, meta: DocumentMeta, segments: list[Segment], task_table: bool = False) -> Evidence:
    """The typed evidence a document's type is read from (see ``extract.doctype``)."""
    first = next((s.text.strip()[:100] for s in segments[:12] if s.kind not in ("chrome",)), "")
    in_chrome = [] if meta.title else _titles_in_chrome(segments[:6])
    head = "\n".join([meta.title or (in_chrome[0] if in_chrome else first)]
                      + [s.text.strip() for s in segments[:12] if s.kind == "headline"] + in_chrome[1:])
    lead = "\n".join(s.text for s in _body(segments)[:2])[:600]
    book = "\n".join(_BOOK_TITLE.findall(text[:1500]))
    top = "\n".join(s.text.strip() for s in segments[:12] if s.kind != "chrome")[:400]
    if not task_table:  # a table row whose header names task columns (| 序号 | 项目 | 牵头单位 | 进展情况 |)
        task_table = any((seg.kind == "row" or seg.text.count("|") >= 3) and _task_header(seg.text)
                         for seg in segments[:80])
    return Evidence(head=head, top=top, book=book, lead=lead, body=text[:4000], publisher=meta.publisher or "",
                    table="task table" if task_table else "",
                    figtable=text[:400] if not task_table and _figure_table(text) else "")


# a title inside a page's header line (…>>政策法规>>安徽省人民政府关于2021年重点工作及责任分解的通知…)
_CHROME_TITLE = re.compile(r"(?:^|[>》\]】|])\s*([^>》\]】|\[【\s]{6,60}(?:的报告|的通知|的通报|方案|情况|公报|要点|计划(?:草案)?|简况|分析))")


def _titles_in_chrome(segments: list[Segment]) -> list[str]:
    return [m[1] for s in segments if s.kind == "chrome" for m in _CHROME_TITLE.finditer(s.text)][:2]


_NUMBER_CELL = re.compile(r"^[\s|]*-?\d[\d.,，%]*[\s|]*$|(?:\|\s*-?\d[\d.,%]*\s*){2,}")


def _figure_table(text: str) -> bool:
    """Is the text mostly a table of figures (a statistics table page): of its first 60 lines, two
    in five cells of numbers or rows of them, and hardly a sentence (fewer than three 。)?"""
    top = text[:3000]
    if top.count("。") >= 3:
        return False
    lines = [ln for ln in top.split("\n") if ln.strip()][:60]
    return len(lines) >= 8 and sum(bool(_NUMBER_CELL.search(ln)) for ln in lines) * 5 >= len(lines) * 2


def _task_header(row: str) -> bool:
    """A header row of a task table: two of its cells are column names (序号, 责任单位, 完成情况 …),
    short cells, not a page's fields (|标题：| 2024年…目标任务…进展情况通报|)."""
    cells = [c.strip() for c in re.split(r"[|\t]", row) if c.strip()]
    named = [c for c in cells if len(c) <= 8 and not c.endswith(("：", ":")) and any(w in c for w in _TASK_COLUMNS)]
    return len(named) >= 2


_TASK_COLUMNS = ("序号", "项目", "任务", "是否完成", "完成情况", "进展", "责任单位", "牵头单位", "责任部门", "牵头部门",
                 "责任领导", "分管领导", "完成时限", "年度目标", "未完成原因", "备注")


def _unnamed_level(segments: list[Segment], title: str = "") -> tuple[str, str] | None:
    """(level, word) from the first 全市 / 全县 / 全省 … the title or the body writes."""
    for seg in [Segment("title", title, 0)] + _body(segments)[:6]:
        m = _WHOLE_WORD.search(seg.text)
        if m:
            word = m[1] or m[2]
            level = _LEVEL_OF_WORD[word]
            if word == "区" and "自治区" in seg.text:
                level = "province"  # 全区 of an autonomous region
            return level, m[0]
    return None


def _region_by_short_title(title: str, segments: list[Segment], level: str) -> tuple[str, str] | None:
    """(region, why) when the title or a headline writes one province's or city's short name
    (四川700个省重点项目…) and the text's 全省/我省/省委 says that level."""
    lines = [title] + [s.text for s in segments[:12] if s.kind == "headline"]
    found = {full for line in lines for short, full in places.short_names().items()
             if len(short) >= 2 and short in line and region_level(full) == level}
    if len(found) != 1:
        return None
    name = found.pop()
    return name, f"title: {places.short_name(name)} ({level})"


# 目标任务半年完成情况, 半年工作总结: the first half of the title's year (not 近半年, 下半年)
_HALF_YEAR = re.compile(r"(?<![上下近前后多])半年度?(?:完成|进展|推进|工作|总结|执行|落实)")
# a five-year plan's period: 十一五 2006-2010 … 十四五 2021-2025
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五])五")
_FYP_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}


# a development zone or a township the title names (舒城经济开发区, 如皋高新技术产业开发区, 东凤镇,
# 中山街道): places the list of counties does not hold
_ZONE_NAME = re.compile(r"(?<![全我各本])([\u4e00-\u9fff]{2,8}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区"
                        r"|高新区|经开区|开发区|工业园区|示范区))")
_TOWN_NAME = re.compile(r"(?<![全我各本城乡])([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))(?:人民政府|政府|办事处|党委|\d|（|\(|20|19|关于|上半年|全年|年度|工作)")


def _zone_or_township(title: str, segments: list[Segment], region: str | None,
                      level: str | None) -> tuple[str, str] | None:
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
        if level == "township":
            bare = line
            for _, place in places.find_regions(line):  # 中山市东凤镇 → |东凤镇
                bare = bare.replace(place, "|")
            for m in _TOWN_NAME.finditer(bare):
                if not places.places().get(m[1]):
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


def _region_by_mentions(text: str, level: str | None) -> tuple[str, str] | None:
    """(region, why) when the body names one place again and again (淄博 six times, nothing else
    as often) and it is of the level the lead's 全市/全县/全省 says: the place a page that never
    names itself in its title or lead is about."""
    if level not in ("province", "city", "county", "district"):
        return None
    body = mask_titles(text[:5000])
    counts: dict[str, int] = {}
    # the body's characters: a name's first must be one of them (a set lookup rules out most of
    # the ~370 names without searching the body for each)
    chars = set(body)
    for short, full in places.short_names().items():
        if len(short) >= 2 and short[0] in chars and short in body:
            counts[full] = counts.get(full, 0) + body.count(short)
    for _, name in places.find_regions(body):
        if name not in counts:
            counts[name] = body.count(name)
    fits = sorted(((n, c) for n, c in counts.items() if region_level(n) == level), key=lambda nc: -nc[1])
    if not fits:
        return None
    alone = len(fits) == 1 and fits[0][1] >= _MENTIONS_ALONE  # the only place of its level, named twice
    if not alone and (fits[0][1] < _MENTIONS_MIN or (len(fits) > 1 and fits[1][1] * 2 > fits[0][1])):
        return None
    name, n = fits[0]
    return name, f"body: {places.short_name(name)} named {n} times"


def _mentions(text: str, region: str) -> int:
    body = text[:5000]
    return body.count(places.short_name(region))


def _headline_years(segments: list[Segment]) -> list[tuple[int, str]]:
    out = []
    for seg in segments:
        if seg.kind == "headline" and not _DATE_LINE.match(seg.text):
            out.extend((y, seg.text.strip()) for _, y in data_years(seg.text))
    return out


def _book_year(text: str) -> tuple[int, str] | None:
    """A year written inside a 《title》 near the top (市长作了《关于2025年上半年…的报告》)."""
    for m in _BOOK_TITLE.finditer(text[:1500]):
        ys = [y for _, y in data_years(m[0][1:-1])]
        if ys:
            return ys[0], m[0][:30]
    return None


def document_frame(text: str, meta: DocumentMeta, segments: list[Segment], *, task_table: bool = False,
                   user: dict | None = None) -> Frame:
    """The document, decided once: its type first, then its region, data year, months, target
    year and publication date, each with its evidence (``Frame.why``); ``user`` (what
    ``zibo ingest --region/--year`` or ``zibo docs set`` state) wins over what was read."""
    title = meta.title or ""
    ev = evidence_of(text, meta, segments, task_table)
    has_figures = bool(_FIRST_FIGURE.search(text[:6000]))
    dtype, why = doctype.classify(ev, has_figures)
    mode = doctype.MODE.get(dtype, "period")
    if dtype == "news_about_report":  # dated as what it is about
        about = ev.head + "\n" + ev.lead + "\n" + ev.book
        if re.search(r"统计公报", about):
            mode = "annual"
        elif _IN_YEAR.search(about):
            mode = "period"
        elif re.search(r"政府工作报告|人代会|人大.{0,8}会议|两会|计划执行情况与|计划草案|向大会报告工作|报告回顾", text[:3000]):
            mode = "review_plan"
    kind = {"review_plan": WORK_REPORT, "plan": PLAN, "annual": BULLETIN}.get(mode, REPORT)
    frame = Frame(kind=kind, type=dtype)
    frame.why["type"] = "; ".join(why)
    frame.note(f"type {dtype}: {frame.why['type']}")

    region = _region(meta, segments)
    if region is not None:
        region = _refined(region, meta, segments)
    if region is not None:
        frame.region = region[0]
        frame.region_level = region_level(region[0])
        frame.why["region"] = f"{region[1]}: {region[0]}"
        frame.note(f"{region[1]} → region {region[0]}")
    unnamed = _unnamed_level(segments, title)
    local = _zone_or_township(title, segments, frame.region, unnamed[0] if unnamed else None)
    if local is not None:
        frame.region, frame.region_level = local
        frame.why["region"] = f"title: {local[0]} ({local[1]})"
        frame.note(f"title names {local[0]} → region {local[0]}")
    if frame.region is None and unnamed is not None:
        named = _region_by_short_title(title, segments, unnamed[0])
        if named is not None:
            frame.region, frame.region_level = named[0], region_level(named[0])
            frame.why["region"] = named[1]
            frame.note(f"{named[1]} → region {named[0]}")
    if frame.region is None:
        named = _region_by_mentions(text, unnamed[0] if unnamed else None)
        if named is not None:
            frame.region, frame.region_level = named[0], region_level(named[0])
            frame.why["region"] = named[1]
            frame.note(f"{named[1]} → region {named[0]}")
    if frame.region is None and unnamed is not None and unnamed[0] == "nation":
        # 全国 names the nation, unless one province or city is named again and again (湖北日报讯…
        # 湖北经济…, with 全国 only in comparisons: 全国下行压力进一步加大)
        named = _region_by_mentions(text, "province") or _region_by_mentions(text, "city")
        national = sum(m[1] == "国" for m in _WHOLE_WORD.finditer(text[:5000]))
        if named is not None and _mentions(text, named[0]) >= 3 * national:
            frame.region, frame.region_level = named[0], region_level(named[0])
            frame.why["region"] = named[1] + " (全国 only in comparisons)"
        else:
            frame.region, frame.region_level = places.NATION, "nation"
            frame.why["region"] = f"lead: {unnamed[1]}"
    if frame.region is None and unnamed is not None:
        frame.region_level = unnamed[0]
        frame.why["region"] = f"lead: {unnamed[1]}"

    period: Period | None = None
    title_year = None
    if title:
        ys = data_years(title)
        title_year = ys[0][1] if ys else None
        if meta.start_month and meta.end_month:
            period = Period(None, meta.start_month, meta.end_month)
            if (meta.start_month, meta.end_month) == (1, 12) and _HALF_YEAR.search(title):
                period = Period(None, 1, 6)  # 2022年…目标任务半年完成情况: the year's first half
            frame.why["months"] = f"title: {title[:40]}"
            frame.note(f"title: {title[:40]} → months {meta.start_month}-{meta.end_month}")
        if title_year:
            frame.note(f"title: {title[:40]} → year {title_year}")
    headline_years = _headline_years(segments)
    for seg in segments:
        if seg.kind != "headline" or period is not None:
            continue
        p = _period_of(seg.text)
        if p is not None and not (p.start_month == 1 and p.end_month == 12):
            period = p
            frame.why["months"] = f"headline: {seg.text.strip()[:40]}"
            frame.note(f"headline: {seg.text.strip()[:40]} → months {p.start_month}-{p.end_month}")
    headline_year = headline_years[0][0] if headline_years else None
    if headline_year is not None:
        frame.note(f"headline: {headline_years[0][1][:40]} → year {headline_year}")
    lead = _lead_period(segments)
    if frame.region_level == "nation" and lead is not None:
        # the national statistics report a month's figures on their own (5月份，规模以上工业增加值
        # 增长5.0%。…1-5月份…): a national release that opens on its month is that month's
        first = _lead_periods(segments)[0]
        if first[0].start_month == first[0].end_month > 1 and first[0].end_month == lead[0].end_month:
            lead = first
            if period is not None and period.start_month == 1 and period.end_month == first[0].end_month:
                period = None
    if period is None and lead is not None:
        period = lead[0]
        frame.why["months"] = f"lead: {lead[1]}"
        frame.note(f"lead: {lead[1]} → months {period.start_month}-{period.end_month}")
    elif (period is not None and lead is not None and period.start_month > 1
          and period.end_month - period.start_month in (0, 2)
          and lead[0].start_month == 1 and lead[0].end_month == period.end_month):
        # 经济运行简况（2025年6月） or 10月份经济运行情况 over 10月份，…。1-10月，全市…, 三季度GDP增长4.9%
        # over 前三季度…: the title names the month or quarter the period ends; the lead's range
        # from January is the period (the frame gold reads a month's report so, 10 of 14 times)
        period = lead[0]
        frame.why["months"] = f"lead: {lead[1]} (the title's month or quarter ends the period)"
        frame.note(f"lead: {lead[1]} → months 1-{period.end_month}")
    lead_year = _lead_year(segments)
    if lead_year is not None:
        frame.note(f"lead: {lead_year[1]} → year {lead_year[0]}")
    book_year = _book_year(text)
    published = _published(meta, segments)
    if published:
        frame.published = meta.published or f"{published[0]:04d}-{published[1]:02d}"
        frame.why["published"] = frame.published

    if mode in ("review_plan", "plan"):
        _report_years(frame, mode, text, title, title_year, headline_years, lead_year, published, book_year)
    else:
        _period_years(frame, mode, dtype, text, title_year, headline_year, lead_year, book_year, period,
                      lead, published, segments)
    if user:
        _apply_user(frame, user)
    return frame


def _report_years(frame: Frame, mode: str, text: str, title: str, title_year, headline_years, lead_year,
                  published, book_year) -> None:
    """A work report, plan execution or plan given in year Y: reviews Y-1, sets Y's targets."""
    report_year = None
    title_years = sorted({y for _, y in data_years(title)} | {int(y) for y in _BARE_YEAR.findall(title)})
    reviewed_in_title = _REVIEWED.search(title) or _EXECUTED.search(title)
    if len(title_years) >= 2 and title_years[-1] - title_years[-2] == 1:
        report_year, where = title_years[-1], f"title: {title[:40]} (two years)"
    elif reviewed_in_title:
        report_year = int(next(g for g in reviewed_in_title.groups() if g)) + 1
        where = f"title: {reviewed_in_title[0][:30]} (the year reviewed)"
    elif title_year is not None and (_NAMES_REPORT.search(title) or not _REVIEW_WORDS.search(title)):
        report_year, where = title_year, f"title: {title[:40]}"
    elif title_year is not None:
        report_year, where = title_year + 1, f"title: {title[:40]} (reviewed)"
    early = _REVIEWED.search(text[:3000])
    if report_year is None and early is not None and early[1]:
        # 一、2023年工作回顾 / 2023年是…的一年: the year reviewed, said outright, outweighs a
        # dateline (——2023年12月21日在…会议上: a congress in December looks back on its own year)
        report_year, where = int(early[1]) + 1, f"{early[0][:20]} (the year reviewed)"
    if report_year is None and headline_years:
        years = sorted({y for y, _ in headline_years})
        y, line = headline_years[0]
        if len(years) >= 2 and years[-1] - years[-2] == 1:
            report_year, where = years[-1], f"headline: {line[:40]}"
        elif _REVIEW_WORDS.search(line) and not _NAMES_REPORT.search(line):
            report_year, where = y + 1, f"headline: {line[:40]} (the year reviewed)"
        else:
            report_year, where = y, f"headline: {line[:40]}"
    if report_year is None and published:
        report_year = published[0] + (1 if published[1] >= 11 else 0)
        where = f"published {frame.published}"
    if report_year is None:
        years = {y for _, y in data_years(text[:3000])}
        pairs = sorted(y for y in years if y - 1 in years)
        reviewed = _REVIEWED.search(text[:3000])
        if reviewed:
            report_year = int(reviewed[1] or reviewed[2]) + 1
            where = f"{reviewed[0][:20]} (the year reviewed)"
        elif pairs:
            report_year = pairs[-1]
            where = f"years {report_year - 1} and {report_year}"
        elif book_year is not None:
            report_year, where = book_year[0], f"book title: {book_year[1]}"
        elif lead_year is not None:
            # 2024年，全市…: a work report's lead tells the year it reviews; 2025年是…之年 the coming one
            ahead = bool(re.match(r"(?:19|20)\d{2}\s*年\s*是", lead_year[1]))
            report_year = lead_year[0] + (0 if ahead else 1)
            where = f"lead: {lead_year[1]}" + ("" if ahead else " (the year reviewed)")
    if report_year is None:
        if mode == "review_plan" and _REVIEW_CUE.search(text[:4000]):
            frame.start_month, frame.end_month = 1, 12  # the year it reviews, whichever it is
            frame.why.setdefault("months", "a year reviewed (its year not written)")
        return
    frame.target_year = report_year
    frame.why["target_year"] = where
    if mode == "plan" and not _REVIEW_CUE.search(text[:4000]):
        frame.note(f"{frame.type}: targets {report_year} ({where}); no year reviewed")
        return
    frame.year = report_year - 1
    frame.start_month, frame.end_month = 1, 12
    frame.why["year"] = f"{where}: given in {report_year}, reviews {report_year - 1}"
    frame.why.setdefault("months", "a year reviewed")
    frame.note(f"{frame.type}: actuals {frame.year}, targets {frame.target_year}")


def _period_years(frame: Frame, mode: str, dtype: str, text: str, title_year, headline_year, lead_year,
                  book_year, period, lead, published, segments) -> None:
    """A release, brief, analysis, progress report, 公报, yearbook entry, task list: its figures
    cover the period it names, in the year it names (or the year its publication date gives)."""
    year, where = None, None
    body_year = _body_year(text)
    if dtype == "yearbook":
        collected, book = _COLLECTS.search(text[:3000]), _YEARBOOK.search(text[:600])
        if collected:
            title_year, headline_year, lead_year = int(collected[1]), None, None
            frame.note(f"{collected[0]} → year {title_year}")
        elif book:
            title_year, headline_year, lead_year = int(book[1] or book[2]) - 1, None, None
            frame.note(f"{book[0]}: a yearbook tells the year before its own → year {title_year}")
        elif title_year is None and headline_year is None and lead_year is None:
            columns = _year_columns(text)
            if columns:
                title_year = columns
                frame.note(f"a table's columns of years → its last, {columns}")
    for y, w in ((title_year, "title"), (headline_year, "headline"),
                 (lead_year[0] if lead_year else None, f"lead: {lead_year[1]}" if lead_year else ""),
                 (book_year[0] if book_year else None, f"book title: {book_year[1]}" if book_year else ""),
                 (body_year[0] if body_year else None, f"body: {body_year[1]}" if body_year else "")):
        if y is not None:
            year, where = y, w
            break
    if dtype == "five_year_review":
        fyp = _five_year_review_year(text, published)
        if fyp is not None:
            year, where = fyp
            period = Period(None, 1, 12)
            frame.why["months"] = "five_year_review: its last full year"
    if mode == "annual" and period is None:
        period = Period(None, 1, 12)
        frame.why.setdefault("months", f"{dtype}: a whole year")
    if year is None and published:
        year = published[0]
        if mode == "annual" or (period is not None and period.end_month > published[1]):
            year -= 1
        where = f"published {frame.published}"
        frame.note(f"published {frame.published} → year {year}")
    if period is None and lead_year is not None and year == lead_year[0] and not frame.why.get("months"):
        period = Period(None, 1, 12)  # 2015年，全县…: a year and nothing narrower
        frame.why["months"] = f"lead: {lead_year[1]} (a year, nothing narrower)"
        frame.note("a year and no narrower period → months 1-12")
    frame.year = year
    if year is not None:
        frame.why["year"] = where or ""
    # targets a release states are its own year's (全年目标); a task list's are the year's tasks
    frame.target_year = year
    why = _cumulative_quarters(segments)
    if why is not None:
        frame.cumulative_quarters = True
        frame.note(f"{why} → a bare quarter counts from January")
        if period is not None and period.start_month > 1 and period.end_month - period.start_month == 2 \
                and lead is not None and period == lead[0]:
            period = Period(None, 1, period.end_month)
    if period is not None and dtype in _AS_OF_TYPES and period.start_month == period.end_month > 1:
        # 10月份民生实事项目进展情况: progress is told as of the month's end (a quarter's report,
        # 第二季度…完成情况, keeps its quarter: its figures say which are the year's to date)
        frame.why["months"] = frame.why.get("months", "") + f" (progress as of month {period.end_month})"
        period = Period(None, 1, period.end_month)
    if (period is not None and dtype in _AS_OF_TYPES and (period.start_month, period.end_month) == (1, 12)
            and not _WHOLE_YEAR_WORD.search(frame.why.get("months", ""))):
        # 2024年…事项落实情况的通报 over 截止2024年6月10日，已完成…: a progress report's year in its
        # title is the year of its tasks; how far it has come is the first date the body gives
        to_date = _to_date(text)
        if to_date is not None:
            period = Period(None, 1, to_date[0])
            frame.why["months"] = f"body: {to_date[1]} (progress to date)"
            frame.note(f"{to_date[1]} → months 1-{to_date[0]}")
    if period is not None:
        frame.start_month, frame.end_month = period.start_month, period.end_month


_WHOLE_YEAR_WORD = re.compile(r"全年|年度|年底|年末|12月|四季度")
_TO_DATE = re.compile(r"截[至止]至?\s*(?:(?:19|20)\d{2}\s*年)?\s*(\d{1,2})\s*月(?!前)"
                      r"|(?<![比较同与])(?:(?:19|20)\d{2}\s*年)?\s*1\s*[-—至~～]\s*(\d{1,2})\s*月(?!前)")


def _to_date(text: str) -> tuple[int, str] | None:
    """(month, words): the first point a progress report's body says its work has reached
    (截止2024年6月10日, 1-10月), within the first 3,000 characters; none past November."""
    m = _TO_DATE.search(text[:3000])
    if m is None:
        return None
    month = int(m[1] or m[2])
    return (month, m[0].strip()) if 1 <= month <= 11 else None


# the types whose figures are progress to date: a month or quarter they name is where it stands
_AS_OF_TYPES = ("task_bulletin", "task_table", "progress_on_report")


# a year the body writes with a period after it (2024年6月末, 2022年第二季度, 2017年民生工程 after 我市)
_YEAR_OF_PERIOD = re.compile(r"\s*年\s*(?:度|第?[一二三四1-4]季度|上半年|下半年|前三季度|[1１]\s*[-—至~～]|\d{1,2}\s*月(?!\s*\d{1,2}\s*日)|全年"
                             r"|(?:全|我)[市县区省州镇旗]|(?:重点|民生|主要目标|十件|为民|各项))")
_PLACE_BEFORE = re.compile(r"(?:关于|我[市县区省镇旗]|全[市县区省镇旗]|今年|(?<=[\u4e00-\u9fff])[市县区州镇旗])\s*$")


_AHEAD = re.compile(r"(?:计划|预计|力争|确保|争取|将于|要在|要于|在)\s*$")
# 《泉州统计年鉴2017》…收录了2016年…: a yearbook's data are of the year before its own, or as it says
_YEARBOOK = re.compile(r"年鉴\s*[（(]?\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*年?\s*[^年]{0,8}年鉴")
_COLLECTS = re.compile(r"收录(?:了)?\s*((?:19|20)\d{2})\s*年")


_YEAR_CELL = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:\s*年)?(?=\s*(?:\||$))")


def _year_columns(text: str) -> int | None:
    """The last year of a table's header row of years (| 项目 | 2010 | 2013 | 2014 |): a yearbook
    table's latest data year."""
    for line in text[:1500].split("\n"):
        years = [int(y) for y in _YEAR_CELL.findall(line)]
        if len(years) >= 3 and years == sorted(years):
            return years[-1]
    return None


def _five_year_review_year(text: str, published: tuple[int, int] | None) -> tuple[int, str] | None:
    """(year, why) a five-year review's last-year figures describe: the year before it was
    published (a review is written when that year's figures are in), but never past the end of the
    plan it names (十三五 ends in 2020); with no publication date, the plan's last year."""
    m = _FIVE_YEAR_PLAN.search(text[:1500])
    end = _FYP_END[m[1]] if m else None
    if published is not None:
        year = published[0] - 1
        if end is not None and year > end:
            year = end
        return year, f"published {published[0]}: the year before" + (f", within 十{m[1]}五" if m else "")
    top = text[:3000]
    full = [y for pos, y in data_years(top)
            if not _NARROWER.match(top, pos + 4) and not _BASE_OR_AHEAD.search(top[max(0, pos - 3):pos])
            and (end is None or y <= end)]
    if full:
        return max(full), f"the last whole year it writes ({max(full)}年)"
    if end is not None:
        return end, f"十{m[1]}五: its last year"
    return None


# 2020年一季度, 2024年上半年, 2023年1-9月: a part of a year, not the year's figures
_NARROWER = re.compile(r"\s*年\s*(?:第?[一二三四1-4]季度|上半年|前三季度|[1１]\s*[-—至~～]\s*\d{1,2}\s*月|\d{1,2}\s*月)")
# 比2015年, 到2025年, 力争2025年: a base or a target, not the year described (预计2025年 in a review
# is the last year, estimated)
_BASE_OR_AHEAD = re.compile(r"(?:比|较|与|到|至|力争|争取|确保|计划)\s*$")


def _body_year(text: str) -> tuple[int, str] | None:
    """The first year the top of the body writes as a period's (2024年6月末, 2022年第二季度) or
    after 我市/全县/关于 (我市2017年民生工程): the year when no title, headline or lead tells."""
    top = text[:2000]
    for pos, year in data_years(top):
        if _AHEAD.search(top[max(0, pos - 4):pos]):
            continue  # 计划2015年9月完工: a deadline, not the data year
        after = top[pos + 4:pos + 14]
        if _YEAR_OF_PERIOD.match(after) or _PLACE_BEFORE.search(top[max(0, pos - 3):pos]):
            return year, top[max(0, pos - 3):pos + 10].strip()
    return None


def _apply_user(frame: Frame, user: dict) -> None:
    """What the user stated wins, with evidence ``user``."""
    if user.get("region"):
        frame.region = user["region"]
        frame.region_level = user.get("region_level") or region_level(frame.region)
        frame.why["region"] = "user"
    if user.get("type"):
        frame.type = user["type"]
        frame.why["type"] = "user"
    if user.get("year"):
        y = int(user["year"])
        if frame.kind in (WORK_REPORT, PLAN) and frame.target_year is not None and frame.year is not None \
                and frame.target_year == frame.year + 1:
            frame.target_year = y + 1
        elif frame.target_year == frame.year:
            frame.target_year = y
        frame.year = y
        frame.why["year"] = "user"
    if user.get("target_year"):
        frame.target_year = int(user["target_year"])
        frame.why["target_year"] = "user"
    if user.get("months"):
        a, _, b = str(user["months"]).partition("-")
        frame.start_month, frame.end_month = int(a), int(b or a)
        frame.why["months"] = "user"
    frame.note("user: " + ", ".join(f"{k}={v}" for k, v in user.items() if v))
