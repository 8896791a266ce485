"""Periods in clauses: which period a figure is of, which periods are comparison bases, the period a sentence opens with, and a growth's basis."""

from __future__ import annotations

import re

from ...models import TARGET
from ...periods import Period, PeriodError, PeriodMatch, find_periods
from ..frame import data_years, is_bare_quarter
from .context import _Named
from .names import _BASELINE
from .tokens import _RANGE_CHARS, _YEAR, _Figure

# what may open a clause before its 全年: 全年实现…, 初步核算，全年…
_CLAUSE_LEAD = re.compile(r"\s*(?:其中|全市|全县|全区|全省|初步核算|初步统计|据初步核算|预计)?[，,]?\s*")


# what may stand before a paragraph's opening period: a clause about where the figures come from
_OPENING_GAP = re.compile(r"(?:根据|据|按照|经)[^，。；]{0,20}[，,]\s*|(?:今年|去年|全市|全区|全县|全省|我市|其中)[，,]?\s*")


# 比1—4月份 / 较上年四季度 / 比今年1-3月: a period after a comparison word (and a year word) is the
# base of a comparison; so is every period listed after it (比今年1-3月、1-4月分别提高…)
_COMPARISON = re.compile(r"(?:比|较|与|同|相比|高于|低于|快于|慢于)\s*(?:今年|本年|上年|去年|上一年|(?:19|20)\d{2}年)?\s*$")


_LISTED_AFTER = re.compile(r"\s*[、和及与]\s*")


def _comparison_bases(text: str, periods: list[PeriodMatch]) -> list[bool]:
    """For each period of ``text``, whether it is the base of a comparison, not a scope."""
    out: list[bool] = []
    for i, p in enumerate(periods):
        base = bool(_COMPARISON.search(text[max(0, p.start - 8):p.start]))
        if not base and i and out[i - 1] and _LISTED_AFTER.fullmatch(text[periods[i - 1].end:p.start]):
            base = True
        out.append(base)
    return out


def _cumulative(sentence: str, p: PeriodMatch) -> Period:
    """The period ``p`` names in a text whose bare quarters count from January (三季度 → 1–9)."""
    if is_bare_quarter(sentence, p):
        return Period(p.period.year, 1, p.period.end_month)
    return p.period


def _opening_period(sentence: str, periods: list[PeriodMatch], stop: int,
                    cumulative: bool = False) -> Period | None:
    """The period ``sentence`` opens with: before ``stop`` (its first figure), not the base of a
    comparison, not 全年/年度, and at its start or after a clause saying where the figures come
    from (根据…核算结果，前三季度，…)."""
    bases = _comparison_bases(sentence, periods)
    for p, base in zip(periods, bases, strict=True):
        if p.start >= stop:
            break
        if p.whole_year or base:
            continue
        if p.start > 12 and not _OPENING_GAP.fullmatch(sentence[:p.start]):
            continue  # a period deep in the sentence is that clause's, not the paragraph's
        return _cumulative(sentence, p) if cumulative else p.period
    return None


_AFTER_SEMICOLON = re.compile(r"(?<=[；;])")

# 在2021年…的基础上, 是2014年的1.6倍, 为2019年的: a year written as the base of a comparison
_BASE_YEAR = re.compile(r"(?:在|以|是|为|相当于)(?:19|20)\d{2}\s*年(?:同期)?(?:[^，。；,;]{0,12}?的?基础上|的)")
# 今年, 去年, 上年 (not 上年同期, 去年末, 比去年): a year said relative to the one the text speaks in
_RELATIVE_YEAR = re.compile(r"(?<![比较与同于])(?P<w>今年|本年|去年|上年)(?!同期|同月|末|底|以来|同比|相比)")


def _relative_year(before: str, ctx) -> tuple[int, int] | None:
    """(where, year) of the last 今年/去年/上年 in ``before`` that is no comparison's base, resolved
    against the year the document speaks in: a work report's target year (it is given in the year
    it sets targets for), else its data year."""
    if "年" not in before:
        return None
    anchor = ctx.target_year if ctx.target_year is not None else ctx.year
    if anchor is None:
        return None
    found = None
    for m in _RELATIVE_YEAR.finditer(before):
        found = (m.start(), anchor if m["w"] in ("今年", "本年") else anchor - 1)
    return found


class _once:
    """A property computed on its first read and kept on the instance: ``functools.cached_property``
    without the lock it takes on every first read in Python 3.11 (a reader is made a sentence)."""

    def __init__(self, func):
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


class PeriodReading:
    """Periods in clauses: which period a figure is of, which periods are comparison bases, the period a sentence opens with, and a growth's basis. (part of the sentence reader)"""

    def opening_period(self) -> Period | None:
        """The period the sentence (or its last ；-part that opens with one) opens with: before
        its first figure, not a comparison's base, not 全年/年度. The sentences after it in the
        paragraph share it (2月份，…当月…；1-2月，…。规上工业增加值下降6.6% → 1-2月)."""
        figs = self.figures()
        found = None
        start = 0
        for part in _AFTER_SEMICOLON.split(self.masked) if "；" in self.masked or ";" in self.masked else (self.masked,):
            end = start + len(part)
            if part.lstrip().startswith("其中"):
                start = end  # 其中，6月份…: a part of the figure before, its period is not the paragraph's
                continue
            first = next((f.start - start for f in figs if start <= f.start < end), len(part))
            ps = [PeriodMatch(p.start - start, p.end - start, p.period, p.text) for p in self.periods
                  if start <= p.start < end]
            found = _opening_period(part, ps, first, self.ctx.cumulative_quarters) or found
            start = end
        return found

    @_once
    def periods(self) -> list[PeriodMatch]:
        """The period expressions in the sentence (found only when a figure needs its period)."""
        return find_periods(self.masked)

    @_once
    def bases(self) -> list[bool]:
        """Which of :attr:`periods` are bases of comparisons (比1—4月份), not scopes."""
        return _comparison_bases(self.masked, self.periods)

    def _basis(self, measure: str, named: _Named, year: int | None) -> tuple[str | None, str | None]:
        """(basis, base period) of a growth or a change: 两年平均 avg_2y, 环比 mom, a change against
        another period (较一季度提高…) vs_period with that period's label, else yoy."""
        if measure not in ("growth", "change"):
            return None, None
        if named.multi_year:
            return "avg_2y", None
        if named.mom:
            return "mom", None
        for word in named.tail:
            if not word.startswith("比"):
                continue
            base = word[1:]
            m = re.fullmatch(r"((?:19|20)\d{2})年(同期)?", base)
            if m and year is not None and int(m[1]) < year - 1:
                # 比2000年增长218.29%: growth over several years, not on the year before
                return "vs_period", str(int(m[1]))
            ps = find_periods(base)
            if ps and not _BASELINE.fullmatch(base):
                p = ps[0].period
                try:
                    return "vs_period", Period(year, p.start_month, p.end_month).label
                except PeriodError:
                    return "vs_period", None
        return "yoy", None

    def _period(self, fig: _Figure, kind: str, named: _Named) -> tuple[int | None, int | None, int | None]:
        year, start, end = self.ctx.default_period()
        before = self.masked[:fig.start]
        if self.ctx.target_year is not None and kind == TARGET and not named.met:
            year = self.ctx.target_year  # a work report's targets: the year it is given in
        relative = _relative_year(before, self.ctx)
        if named.previous_year and year is not None and relative is None:
            year -= 1
        if kind == TARGET and self.ctx.kind != TARGET:
            start, end = self.ctx.target_months
        chosen: Period | None = None
        clause = self._clause_start(fig.start)
        for p, base in zip(self.periods, self.bases, strict=True):
            if p.end > fig.start:
                break
            if p.whole_year and kind != TARGET and not (named.forecast or self.forecast) \
                    and not (p.start >= clause and _CLAUSE_LEAD.fullmatch(self.masked[clause:p.start])):
                continue  # 全年 opening the clause (全年实现生产总值…) is the year; elsewhere a target's
            if base:
                continue
            chosen = _cumulative(self.masked, p) if self.ctx.cumulative_quarters else p.period
        written_year = None
        written_at = -1
        bases = [m.span() for m in _BASE_YEAR.finditer(before)] if "年" in before else []
        for pos, y in data_years(before):
            m = _YEAR.match(before, pos)
            nxt = before[m.end():m.end() + 1] if m else ""
            if nxt and nxt in _RANGE_CHARS:
                continue
            if any(a <= pos < b for a, b in bases):
                continue  # 在2021年…的基础上, 是2014年的1.6倍: a comparison's base, not the figure's year
            written_year, written_at = y, pos
        if relative is not None and relative[0] > written_at:
            year = relative[1]  # 去年, 今年 after any year written: the year the text speaks in, less one
        elif written_year is not None and written_year != year:
            year = written_year
            if chosen is None:
                start, end = 1, 12
        if chosen is not None:
            start, end = chosen.start_month, chosen.end_month
        if start is not None and end is not None and not 1 <= start <= end <= 12:
            start, end = self.ctx.start_month, self.ctx.end_month  # no period (what Period refuses)
        return year, start, end
