"""Dating a document by its type: a work report or a plan reviews the year before it is given in and
sets its own year's targets; a release, brief, progress report or yearbook covers the period it names."""

from __future__ import annotations

import re

from ...periods import Period
from .months import cumulative_quarters
from .record import Frame
from .years import (
    BARE_YEAR,
    COLLECTS,
    EXECUTED,
    REVIEWED,
    WHOLE_YEAR_WORD,
    YEARBOOK,
    data_years,
    five_year_review_year,
    reached_month,
    year_after_base,
    year_columns,
    year_of_body,
    year_of_top_date,
)

# 2023年工作要点, 2023年全乡主要预期目标: the year a plan sets its targets and tasks for
_PLANNED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年度?[^。；;\n\d]{0,12}?(?:工作要点|工作目标|目标任务|预期目标|工作计划|重点工作|主要目标)")

# a work report's own title: its year is the year it is given in, not the year it reviews
_NAMES_REPORT = re.compile(r"政府工作报告|工作报告|计划(?:草案)?|工作要点|方案")


# a year in a headline that the report reviews (某区2024年预计GDP突破300亿元, 晒晒2024成绩单)
_REVIEW_WORDS = re.compile(r"预计|成绩单?|回顾|总结|盘点|晒")


IN_YEAR = re.compile(r"(?:上半年|前三季度|一季度|[1１]\s*[-—至~]\s*\d{1,2}\s*月|截至\d{1,2}月).{0,30}(?:计划执行|执行情况|完成情况|进展|推进)|(?<![上下近前后多])半年度?(?:人代会|人大会|工作会|会议)")


_REVIEW_CUE = re.compile(r"过去(?:的)?一年|上年|去年|预计|回顾|完成情况|执行情况")


def report_years(frame: Frame, mode: str, text: str, title: str, title_year, headline_years, lead_year,
                  published, book_year) -> None:
    """A work report, plan execution or plan given in year Y: reviews Y-1, sets Y's targets."""
    report_year = None
    title_years = sorted({y for _, y in data_years(title)} | {int(y) for y in BARE_YEAR.findall(title)})
    reviewed_in_title = REVIEWED.search(title) or EXECUTED.search(title)
    given = _GIVEN.search(text[:800]) if mode == "review_plan" else None
    if given:
        # ——2021年1月6日在江陵县第六届人民代表大会第六次会议上: the day it was given outweighs a site's
        # title (（湖北省）2020年江陵县人民政府工作报告); given in November or December, it is for the year after
        report_year = int(given[1]) + (1 if int(given[2]) >= 11 else 0)
        where = f"given {given[0][:24]}"
    elif len(title_years) >= 2 and title_years[-1] - title_years[-2] == 1:
        report_year, where = title_years[-1], f"title: {title[:40]} (two years)"
    elif reviewed_in_title:
        report_year = int(next(g for g in reviewed_in_title.groups() if g)) + 1
        where = f"title: {reviewed_in_title[0][:30]} (the year reviewed)"
    elif title_year is not None and (_NAMES_REPORT.search(title) or not _REVIEW_WORDS.search(title)):
        report_year, where = title_year, f"title: {title[:40]}"
    elif title_year is not None:
        report_year, where = title_year + 1, f"title: {title[:40]} (reviewed)"
    early = REVIEWED.search(text[:3000])
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
    if report_year is None and mode == "plan" and _planned(frame, text):
        return  # a plan's own year, written with its targets, before its publication date
    if report_year is None and published:
        report_year = published[0] + (1 if published[1] >= 11 else 0)
        where = f"published {frame.published}"
    if report_year is None:
        years = {y for _, y in data_years(text[:3000])}
        pairs = sorted(y for y in years if y - 1 in years)
        reviewed = REVIEWED.search(text[:3000])
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
    if report_year is None and mode == "review_plan" and _planned(frame, text):
        return
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


# 2021年1月6日在江陵县第六届人民代表大会第六次会议上: the day a report was given, and where
_GIVEN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*(?:在|于)[^。\n]{2,40}?(?:代表大会|人大)[^。\n]{0,20}?会议上")


def _planned(frame: Frame, text: str) -> bool:
    """Sets the target year a plan writes with its targets (2023年工作要点, 2021年…主要目标是), when it
    does; which year it reviews, if any, it does not say."""
    planned = _PLANNED_YEAR.search(text[:2000])
    if planned is None:
        return False
    frame.target_year = int(planned[1])
    frame.why["target_year"] = f"body: {planned[0]}"
    frame.note(f"{frame.type}: targets {frame.target_year} ({planned[0]})")
    return True


def period_years(frame: Frame, mode: str, dtype: str, text: str, title_year, headline_year, lead_year,
                  book_year, period, lead, published, segments) -> None:
    """A release, brief, analysis, progress report, 公报, yearbook entry, task list: its figures
    cover the period it names, in the year it names (or the year its publication date gives)."""
    year, where = None, None
    body_year = year_of_body(text)
    if dtype == "yearbook":
        collected, book = COLLECTS.search(text[:3000]), YEARBOOK.search(text[:600])
        if collected:
            title_year, headline_year, lead_year = int(collected[1]), None, None
            frame.note(f"{collected[0]} → year {title_year}")
        elif book:
            title_year, headline_year, lead_year = int(book[1] or book[2]) - 1, None, None
            frame.note(f"{book[0]}: a yearbook tells the year before its own → year {title_year}")
        elif title_year is None and headline_year is None and lead_year is None:
            columns = year_columns(text)
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
        fyp = five_year_review_year(text, published)
        if fyp is not None:
            year, where = fyp
            period = Period(None, 1, 12)
            frame.why["months"] = "five_year_review: its last full year"
    if mode == "annual" and period is None:
        period = Period(None, 1, 12)
        frame.why.setdefault("months", f"{dtype}: a whole year")
    if year is None and not published:
        dated = year_of_top_date(text)
        if dated is not None and (period is None or period.end_month <= dated[1]):
            year, where = dated[0], f"dated: {dated[2]}"
            frame.note(f"{dated[2]} → year {year}")
    if year is None and not published and mode != "annual":
        after = year_after_base(text)
        if after is not None:
            year, where = after[0], f"body: {after[1]} (a later year)"
            frame.note(f"{after[1]} → year {year}")
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
    why = cumulative_quarters(segments)
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
    # a progress report whose title names its year (2024年…事项落实情况的通报 over 截止2024年6月10日，
    # 已完成…) or its half year (2023年上半年工作总结 over 1-5月，全区…: written before June was out)
    # has come as far as the first date the body gives
    months = (period.start_month, period.end_month) if period is not None else None
    why_months = frame.why.get("months", "")
    reached = {(1, 12): range(1, 12), (1, 6): range(4, 6)}.get(months) if dtype in _AS_OF_TYPES else None
    if reached is not None and (not WHOLE_YEAR_WORD.search(why_months) if months == (1, 12)
                                else why_months.startswith("title")):
        to_date = reached_month(text)
        if to_date is not None and to_date[0] in reached:
            period = Period(None, 1, to_date[0])
            frame.why["months"] = f"body: {to_date[1]} (progress to date)"
            frame.note(f"{to_date[1]} → months 1-{to_date[0]}")
    if period is not None:
        frame.start_month, frame.end_month = period.start_month, period.end_month


# the types whose figures are progress to date: a month or quarter they name is where it stands
_AS_OF_TYPES = ("task_bulletin", "task_table", "progress_on_report")
