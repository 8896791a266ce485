"""The web view's labels in English (``?lang=en`` on any zibo page, or the "English" link at the
top); Chinese is the default. Only the labels change: indicator names get their catalogue
English name beside them, while places, departments, task texts and quotes stay as the documents
wrote them.

Templates write their labels in Chinese and pass them through ``_()``: :func:`translator` gives
the identity for Chinese and this table's English otherwise (a label missing from it stays
Chinese, which a test of the templates catches)."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["LANGS", "EN", "translator", "lang_of", "indicator_english", "period_english"]

LANGS = ("zh", "en")

EN = {
    # page titles and leads
    "目标、任务与最新数据": "targets, tasks and latest figures",
    "哪些指标落后于目标、哪些任务尚未完成及其责任单位、最新数据各是多少。数据随每次读入即时更新。":
        "Which indicators are behind their targets, which tasks are unfinished and whose they are, and the "
        "latest figures. The answers follow every ingest at once.",
    "还没有数据": "No data yet",
    "读入报告后刷新本页：": "Ingest reports, then reload this page:",
    "地区": "Place", "年份": "Year", "查看": "Show", "份文件": "documents", "年": "",
    "没有这一年的数据，显示最新的": "has no data for that year; showing the latest,",
    "更多": "More", "全部目标": "All targets", "全部未完成任务（按责任单位）": "All unfinished tasks (by department)",
    "各地最新数据": "Latest figures of every place", "文件间不一致的数据": "Figures that documents disagree on",
    "全部数据及原文": "All figures with their sentences", "全部文件": "All documents", "全文搜索": "Full-text search",
    "首页": "Home",
    # the scorecard
    "项": "", "未完成任务": "Unfinished tasks",
    "一、目标完成情况": "1. Targets: on track or behind",
    "年度目标与当年最新实际比较：增速按目标本身判断，总量按序时进度（目标 × 已过月数 ÷ 12）判断。点击数字可查看原文。":
        "Each annual target against the year's latest actual: a growth rate is judged against the target "
        "itself, an amount against the pro-rata pace (target × months passed ÷ 12). Click a number to see "
        "its sentence.",
    "指标": "Indicator", "状态": "Status", "目标": "Target", "方向": "Direction", "最新实际": "Latest actual",
    "实际期间": "Months covered", "序时进度": "Pace", "差距": "Gap", "走势": "Trend",
    "这一年没有年度目标。": "No annual targets for this year.",
    "这一年的目标还没有可比的实际数据。": "No actual figures yet to compare this year's targets with.",
    "暂无实际数据的目标": "Targets with no actual figure yet",
    "二、未完成任务及责任单位": "2. Unfinished tasks and the departments responsible",
    "序号": "No.", "任务": "Task", "进展": "Progress", "未完成原因": "Why not done", "责任单位": "Departments",
    "完成": "done", "未注明": "not stated", "分管": "Leader", "没有未完成的任务。": "No unfinished tasks.",
    "三、最新数据": "3. Latest figures", "口径": "Measure", "数值": "Value", "期间": "Period", "文件": "Document",
    "预计": "forecast", "这一年没有实际数据。": "No actual figures for this year.",
    "四、走势": "4. Trends", "原文": "Source text",
    "zibo 从读入的政府报告生成。点击任何数字可看到它的原句（见文末“原文”）。":
        "made by zibo from the government reports it read. Click any number for its sentence (under "
        "\"Source text\" at the end).",
    "发布日期": "Published", "发布机关": "Publisher", "来源": "Source",
    # status, direction, measure, basis, kind
    "落后": "Behind", "符合序时": "On track", "已完成": "Met", "仅有预计": "Forecast only", "暂无实际": "No actual yet",
    "基本完成": "Partly done", "未完成": "Not done",
    "不低于": "at least", "不高于": "at most",
    "增长": "growth", "总量": "level", "变化": "change", "占比": "share", "位次": "rank",
    "同比": "year on year", "两年平均": "two-year average", "环比": "on the previous period",
    "比上期": "on the previous period", "比目标": "against the target",
    "实际": "Actual",
    # a figure's page
    "报告期": "Report period", "本地文件": "local file", "这句话中的数据": "Figures in this sentence",
    "类型": "Kind", "在文件中找不到这句话的位置": "This sentence was not found in its document",
    "固定链接": "Permanent link",
    "同一文件在任何 zibo 数据库中都是这个地址，可以直接发给同事。":
        "The same file has this address in any zibo database: paste it into a message.",
    # a series' page
    "其他地区": "Other places", "没有这个指标的数据。": "No figures for this indicator.",
    "点击图中的点查看原文。": "Click a point for its sentence.",
    "语言": "Language",
}

_PERIOD = re.compile(r"^(\d{4})年(?:(全年)|(\d{1,2})月|(\d{1,2})-(\d{1,2})月)$")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def period_english(text: str) -> str:
    """'2024年1-6月' → 'Jan–Jun 2024', '2024年全年' → '2024', '2024年3月' → 'Mar 2024'; else as given."""
    m = _PERIOD.match(text or "")
    if not m:
        return text
    year, whole, one, start, end = m.groups()
    if whole:
        return year
    if one:
        return f"{_MONTHS[int(one) - 1]} {year}" if 1 <= int(one) <= 12 else text
    if not (1 <= int(start) <= 12 and 1 <= int(end) <= 12):
        return text
    return f"{_MONTHS[int(start) - 1]}–{_MONTHS[int(end) - 1]} {year}"


def lang_of(value: str | None) -> str:
    """The language a request asks for: 'en' when it says so, else Chinese."""
    return "en" if (value or "").strip().lower() in ("en", "english") else "zh"


def translator(lang: str) -> Callable[[str], str]:
    """``_(label)``: the label itself in Chinese; its English (a period in English words) otherwise."""
    if lang != "en":
        return lambda text: text

    def english(text: str) -> str:
        if text is None:
            return ""
        text = str(text)
        found = EN.get(text)
        if found is not None:
            return found
        return period_english(text)

    return english


_ENGLISH: dict[str, str] | None = None


def indicator_english(name: str) -> str | None:
    """The catalogue's English name of an indicator (by its Chinese name), or None."""
    global _ENGLISH
    if _ENGLISH is None:
        from ..query.indicators import catalogue

        _ENGLISH = {c["name"]: c["english"] for c in catalogue() if c.get("english")}
    found = _ENGLISH.get(name)
    return found[:1].upper() + found[1:] if found else None


def template_helpers(lang: str) -> dict:
    """What every zibo template gets for a language: ``_`` (a label), ``ind`` (an indicator's
    name: in English its catalogue name, the Chinese beside it), ``lang``."""
    from markupsafe import Markup, escape

    _ = translator(lang)

    def ind(name: str | None) -> Markup:
        name = name or ""
        english = indicator_english(name) if lang == "en" else None
        if not english:
            return escape(name)
        return Markup(f'{escape(english)} <span class="zh">{escape(name)}</span>')

    return {"_": _, "ind": ind, "lang": lang}
