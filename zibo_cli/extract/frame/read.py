"""The document frame, decided once: its type first, then region, data year, months, target year
and publication date."""

from __future__ import annotations

import re

from ... import places
from ...models import DocumentMeta
from ...periods import Period
from .. import doctype
from ..segment import Segment
from .dating import IN_YEAR, period_years, report_years
from .evidence import evidence_of
from .months import FIRST_FIGURE, HALF_YEAR, lead_period, lead_periods, period_of
from .record import BULLETIN, PLAN, REPORT, WORK_REPORT, Frame
from .region import (
    WHOLE_WORD,
    mentions,
    named_region,
    national_cue,
    refined,
    region_by_mentions,
    region_by_short_title,
    region_level,
    smaller_self,
    unnamed_level,
    zone_or_township,
)
from .years import BARE_YEAR, data_years, publication, year_in_book_title, year_of_lead, years_in_headlines

# 昆山援疆项目10月底竣工: a month the work is to be done by, not the period the text covers
_DEADLINE = re.compile(r"(?<![至到\-—~])(?<!截)(?<!截至)\d{1,2}\s*月(?:底|末|份)?(?:前)?(?:全面|全部|如期|将|要|可)?"
                       r"(?:竣工|完工|建成|投用|投入使用|完成|开工|通车)(?!情况|进展)")

# a year's tasks and how far they got, in a news item's title: dated as that year's progress
_YEARS_WORK = re.compile(r"(?:19|20)\d{2}\s*年[^。\n]{0,20}?(?:推进情况|完成情况|进展情况|落实情况|全面落实|全面完成|全部完成)")

# （2021年7月26日） in a title: the day a report was given
_TITLE_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日")
# 2020年决算: a year's final accounts
_ACCOUNTS = re.compile(r"(?:19|20)\d{2}\s*年度?(?:[^，。\n]{0,8})?决算")

# （2011年1月9日县十六届人大五次会议通过）: a congress's resolution, and what it approves
_RESOLUTION = re.compile(r"(?m)^\s*[（(]\s*(?:19|20)\d{2}\s*年[^）)\n]{0,60}(?:会议|大会)[^）)\n]{0,20}通过\s*[）)]")
_APPROVES = re.compile(r"政府工作报告|计划(?:草案|执行)")

# a budget report (or any report) on last year's execution and this year's draft: dated as a work report
_LAST_AND_NEXT = re.compile(r"执行情况.{0,4}(?:和|与|及).{0,10}(?:预算|计划)(?:（?草案）?)")


def document_frame(text: str, meta: DocumentMeta, segments: list[Segment], *, task_table: bool = False,
                   user: dict | None = None) -> Frame:
    """The document, decided once: its type first, then its region, data year, months, target
    year and publication date, each with its evidence (``Frame.why``); ``user`` (what
    ``zibo ingest --region/--year`` or ``zibo docs set`` state) wins over what was read."""
    title = meta.title or ""
    ev = evidence_of(text, meta, segments, task_table)
    has_figures = bool(FIRST_FIGURE.search(text[:6000]))
    dtype, why = doctype.classify(ev, has_figures)
    mode = doctype.MODE.get(dtype, "period")
    if dtype == "news_about_report":  # dated as what it is about
        about = ev.head + "\n" + ev.lead + "\n" + ev.book
        if re.search(r"统计公报", about):
            mode = "annual"
        elif IN_YEAR.search(about) or _YEARS_WORK.search(ev.head):
            mode = "period"  # (2021年民生实事项目推进情况, 2018年10个民生实事项目全面落实: that year's work)
        elif re.search(r"政府工作报告|人代会|人大.{0,8}会议|两会|计划执行情况与|计划草案|向大会报告工作|报告回顾", text[:3000]):
            mode = "review_plan"
    elif dtype == "other" and _LAST_AND_NEXT.search(ev.head):
        mode = "review_plan"  # 2022年预算执行情况和2023年预算草案: last year's done, this year's set
    elif dtype == "other" and _RESOLUTION.search(ev.top) and _APPROVES.search(text[:1500]):
        mode = "resolution"  # a congress approves the year's plan or report: its targets, no figures of its own
    kind = {"review_plan": WORK_REPORT, "plan": PLAN, "resolution": PLAN, "annual": BULLETIN}.get(mode, REPORT)
    frame = Frame(kind=kind, type=dtype)
    frame.why["type"] = "; ".join(why)
    frame.note(f"type {dtype}: {frame.why['type']}")

    region = named_region(meta, segments)
    if region is not None:
        region = refined(region, meta, segments)
    if region is not None:
        frame.region = region[0]
        frame.region_level = region_level(region[0])
        frame.why["region"] = f"{region[1]}: {region[0]}"
        frame.note(f"{region[1]} → region {region[0]}")
    unnamed = unnamed_level(segments, title)
    local = zone_or_township(title, segments, frame.region, unnamed[0] if unnamed else None, text)
    if local is not None:
        frame.region, frame.region_level = local
        frame.why["region"] = f"title: {local[0]} ({local[1]})"
        frame.note(f"title names {local[0]} → region {local[0]}")
    if frame.region is None and unnamed is not None:
        named = region_by_short_title(title, segments, unnamed[0])
        if named is not None:
            frame.region, frame.region_level = named[0], region_level(named[0])
            frame.why["region"] = named[1]
            frame.note(f"{named[1]} → region {named[0]}")
    if frame.region is None:
        named = region_by_mentions(text, unnamed[0] if unnamed else None)
        if named is not None:
            frame.region, frame.region_level = named[0], region_level(named[0])
            frame.why["region"] = named[1]
            frame.note(f"{named[1]} → region {named[0]}")
    if frame.region is None and unnamed is not None and unnamed[0] == "nation":
        # 全国 names the nation, unless one province or city is named again and again (湖北日报讯…
        # 湖北经济…, with 全国 only in comparisons: 全国下行压力进一步加大)
        named = region_by_mentions(text, "province") or region_by_mentions(text, "city")
        national = sum(m[1] == "国" for m in WHOLE_WORD.finditer(text[:5000]))
        if named is not None and mentions(text, named[0]) >= 3 * national:
            frame.region, frame.region_level = named[0], region_level(named[0])
            frame.why["region"] = named[1] + " (全国 only in comparisons)"
        else:
            frame.region, frame.region_level = places.NATION, "nation"
            frame.why["region"] = f"lead: {unnamed[1]}"
    if frame.region is None and unnamed is not None:
        frame.region_level = unnamed[0]
        frame.why["region"] = f"lead: {unnamed[1]}"
        local = smaller_self(text, unnamed[0])  # 全区 of a 高新区, 全区 over a 街道's own words
        if local is not None:
            frame.region_level = local[0]
            frame.why["region"] = f"body: {local[1]}"
    if frame.region is None and frame.region_level is None:
        cue = national_cue(text)  # 分地区看，东部地区…中部地区…: the nation's, though it never writes 全国
        if cue is not None:
            frame.region_level = cue[0]
            frame.why["region"] = f"body: {cue[1]} (level only)"

    period: Period | None = None
    title_year = None
    if title:
        ys = data_years(title)
        bare = None if ys else BARE_YEAR.search(title)  # 202310月份, 2023“两会”
        title_year = ys[0][1] if ys else (int(bare[1]) if bare else None)
        dated = _TITLE_DATE.search(title)
        if meta.start_month and meta.end_month and _DEADLINE.search(title):
            frame.note(f"title: {_DEADLINE.search(title)[0]} is a deadline, not the period")
        elif dated and meta.start_month == meta.end_month == int(dated[1]):
            frame.note(f"title: {dated[0]} is the day it was given, not the period")
            if _ACCOUNTS.search(title):
                period = Period(None, 1, 12)  # 关于2020年决算的报告: the whole year's accounts
                frame.why["months"] = f"title: {_ACCOUNTS.search(title)[0]} (a year's accounts)"
        elif meta.start_month and meta.end_month:
            period = Period(None, meta.start_month, meta.end_month)
            if (meta.start_month, meta.end_month) == (1, 12) and HALF_YEAR.search(title):
                period = Period(None, 1, 6)  # 2022年…目标任务半年完成情况: the year's first half
            frame.why["months"] = f"title: {title[:40]}"
            frame.note(f"title: {title[:40]} → months {meta.start_month}-{meta.end_month}")
        if title_year:
            frame.note(f"title: {title[:40]} → year {title_year}")
    headline_years = years_in_headlines(segments)
    for seg in segments:
        if seg.kind != "headline" or period is not None or _DEADLINE.search(seg.text):
            continue  # (…项目10月底竣工: a deadline in a headline is not its period)
        p = period_of(seg.text)
        if p is not None and not (p.start_month == 1 and p.end_month == 12):
            period = p
            frame.why["months"] = f"headline: {seg.text.strip()[:40]}"
            frame.note(f"headline: {seg.text.strip()[:40]} → months {p.start_month}-{p.end_month}")
    headline_year = headline_years[0][0] if headline_years else None
    if headline_year is not None:
        frame.note(f"headline: {headline_years[0][1][:40]} → year {headline_year}")
    lead = lead_period(segments)
    if frame.region_level in ("nation", None) and lead is not None:
        # the national statistics report a month's figures on their own (5月份，规模以上工业增加值
        # 增长5.0%。…1-5月份…): a national release, or a text that names no place at all, that
        # opens on its month (a line starting 2019年5月份，…) is that month's
        first = lead_periods(segments)[0]
        opens = frame.region_level == "nation" or re.search(
            r"(?:^|\n)\s*(?:(?:19|20)\d{2}\s*年)?\s*" + re.escape(first[1]) + r"\s*[，,]", text[:600])
        if opens and first[0].start_month == first[0].end_month > 1 and first[0].end_month == lead[0].end_month:
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
    lead_year = year_of_lead(segments)
    if lead_year is not None:
        frame.note(f"lead: {lead_year[1]} → year {lead_year[0]}")
    book_year = year_in_book_title(text)
    published = publication(meta, segments)
    if published:
        frame.published = meta.published or f"{published[0]:04d}-{published[1]:02d}"
        frame.why["published"] = frame.published

    if mode == "resolution":
        report_years(frame, "plan", "", title, title_year, headline_years, lead_year, published, book_year)
    elif mode in ("review_plan", "plan"):
        report_years(frame, mode, text, title, title_year, headline_years, lead_year, published, book_year)
    else:
        period_years(frame, mode, dtype, text, title_year, headline_year, lead_year, book_year, period,
                      lead, published, segments)
    if user:
        _apply_user(frame, user)
    return frame


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
