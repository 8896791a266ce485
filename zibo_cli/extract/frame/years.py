"""Years: which written years may be a document's data year (not a comparison's base, a founding
year or a date line), its publication date, and the years its title, headline, lead and body write."""

from __future__ import annotations

import re

from ...models import DocumentMeta
from ..segment import Segment

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


# what stands before a year that is a comparison's base or a horizon, not the data year
# (关于2022年第二季度…的报告 is the report's own year: 于 after 关 is not a base)
_BASE_BEFORE = re.compile(r"(?:比|较|与|同|相比|高于|低于|自|从|到|至|截至|截止|由|超过|(?<!关)于|对比|回落至|恢复到)\s*$")


_BASE_AFTER = re.compile(r"^\s*(?:建[县市区镇乡]|设[县市区镇乡立置]|撤[县地]|成立|建制|以来|起|前(?![一二三四1-9]|[五六七八九十]+个?月)|底前|之前|以前|水平|同比|相比|的水平)")


_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")


# 2024年工作回顾 / 2024年是…的一年 / 回顾了2024年 / 预计2024年…: the year a work report reviews
# (its actuals', estimated when the year has only just ended).
# Not …之年: 2025年是“十四五”收官之年 says what the coming year is to be.
REVIEWED = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:工作回顾|是[^。；之]{0,60}?的一年)|(?:回顾了?|预计)\s*((?:19|20)\d{2})\s*年")


_CLAUSE_START = re.compile(r"(?:^|[，。；：,;:\s（(])\s*(?:在|今年|截至|截止)?\s*$")


BOOK_TITLE = re.compile(r"《[^》]{0,80}》")


def mask_titles(text: str) -> str:
    """``text`` with what stands inside 《book titles》 blanked (same length): the numbers in a
    title (《2024年政府工作报告》) are neither figures nor years of the text."""
    if "《" not in text:
        return text
    return BOOK_TITLE.sub(lambda m: "《" + "　" * (len(m[0]) - 2) + "》", text)


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


def publication(meta: DocumentMeta, segments: list[Segment]) -> tuple[int, int] | None:
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


def year_of_lead(segments: list[Segment]) -> tuple[int, str] | None:
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


_DATE_LINE = re.compile(r"^\s*[（(]?\s*(?:(?:发布|发文|成文|更新)?(?:时间|日期)\s*[:：]?\s*)?(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?"
                        r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[)）]?\s*$")


# a year that is when a place was founded (1958年建县) is never a data year
_FOUNDED = re.compile(r"^\s*(?:建[县市区镇乡]|设[县市区镇乡立置]|撤[县地区]|成立|建制|置[县州])")


# 2023“两会”: a year written without 年 in a title
# 2023“两会”, 202310月份 (a year glued to its month): a year written without 年 in a title
BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=[“\"「『]|\s*两会|\s*年度?|(?:0?[1-9]|1[0-2])\s*月)")


# 2024年国民经济和社会发展计划执行情况: the year whose plan was executed is the year reviewed
EXECUTED = re.compile(r"((?:19|20)\d{2})\s*年[^年]{0,16}计划执行情况")


# a five-year plan's period: 十一五 2006-2010 … 十四五 2021-2025
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五])五")


_FYP_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}


def years_in_headlines(segments: list[Segment]) -> list[tuple[int, str]]:
    out = []
    for seg in segments:
        if seg.kind == "headline" and not _DATE_LINE.match(seg.text):
            out.extend((y, seg.text.strip()) for _, y in data_years(seg.text))
    return out


def year_in_book_title(text: str) -> tuple[int, str] | None:
    """A year written inside a 《title》 near the top (市长作了《关于2025年上半年…的报告》)."""
    for m in BOOK_TITLE.finditer(text[:1500]):
        ys = [y for _, y in data_years(m[0][1:-1])]
        if ys:
            return ys[0], m[0][:30]
    return None


WHOLE_YEAR_WORD = re.compile(r"全年|年度|年底|年末|12月|四季度")


_TO_DATE = re.compile(r"截[至止]至?\s*(?:(?:19|20)\d{2}\s*年)?\s*(\d{1,2})\s*月(?!前)"
                      r"|(?<![比较同与])(?:(?:19|20)\d{2}\s*年)?\s*1\s*[-—至~～]\s*(\d{1,2})\s*月(?!前)")


def reached_month(text: str) -> tuple[int, str] | None:
    """(month, words): the first point a progress report's body says its work has reached
    (截止2024年6月10日, 1-10月), within the first 3,000 characters; none past November."""
    m = _TO_DATE.search(text[:3000])
    if m is None:
        return None
    month = int(m[1] or m[2])
    return (month, m[0].strip()) if 1 <= month <= 11 else None


# a year the body writes with a period after it (2024年6月末, 2022年第二季度, 2017年民生工程 after 我市)
_YEAR_OF_PERIOD = re.compile(r"\s*年\s*(?:度|第?[一二三四1-4]季度|上半年|下半年|前三季度|[1１]\s*[-—至~～]|\d{1,2}\s*月(?!\s*\d{1,2}\s*日)|全年"
                             r"|(?:全|我)[市县区省州镇旗]|(?:重点|民生|主要目标|十件|为民|各项))")


_PLACE_BEFORE = re.compile(r"(?:关于|我[市县区省镇旗]|全[市县区省镇旗]|今年|(?<=[\u4e00-\u9fff])[市县区州镇旗])\s*$")


_AHEAD = re.compile(r"(?:计划|预计|力争|确保|争取|将于|要在|要于|在)\s*$")


# 《泉州统计年鉴2017》…收录了2016年…: a yearbook's data are of the year before its own, or as it says
YEARBOOK = re.compile(r"年鉴\s*[（(]?\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*年?\s*[^年]{0,8}年鉴")


COLLECTS = re.compile(r"(?:收录|记载|记述)(?:了)?[^。；;\d]{0,30}?((?:19|20)\d{2})\s*年")


_YEAR_CELL = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:\s*年)?(?=\s*(?:\||$))")


def year_columns(text: str) -> int | None:
    """The last year of a table's header row of years (| 项目 | 2010 | 2013 | 2014 |): a yearbook
    table's latest data year."""
    for line in text[:1500].split("\n"):
        years = [int(y) for y in _YEAR_CELL.findall(line)]
        if len(years) >= 3 and years == sorted(years):
            return years[-1]
    return None


def five_year_review_year(text: str, published: tuple[int, int] | None) -> tuple[int, str] | None:
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


def year_of_body(text: str) -> tuple[int, str] | None:
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


# 较2023年末净增, 比2022年底: the end of a year as a comparison's base; what is compared is later
_YEAR_END_BASE = re.compile(r"(?:比|较|与|同|相比)\s*((?:19|20)\d{2})\s*年\s*(?:末|底)")


def year_after_base(text: str) -> tuple[int, str] | None:
    """(year, words) when the top of the text compares with the end of year Y (较2023年末): its
    figures stand in year Y+1, the year a text that writes no year of its own is about."""
    m = _YEAR_END_BASE.search(text[:3000])
    return (int(m[1]) + 1, m[0]) if m else None


# 定于2010年10月21日…介绍今年前三季度…: a full date at the top of a text that writes 今年
_TOP_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def year_of_top_date(text: str) -> tuple[int, int, str] | None:
    """(year, month, words): the first full date in the first 300 characters of a text that
    says 今年 before its first figure, the date it was written, read when no title, headline,
    lead or publication date gives a year."""
    m = _TOP_DATE.search(text[:300])
    if m is None or "今年" not in text[:600] or not (1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31):
        return None
    return int(m[1]), int(m[2]), m[0]
