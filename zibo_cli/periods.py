"""Periods as values: a year and a month range.

A ``Period`` is what a figure covers: ``Period(2024, 1, 6)`` is the first half
of 2024 (上半年), ``Period(2024, 1, 9)`` is January–September (前三季度),
``Period(2023, 4, 6)`` is the second quarter alone, ``Period(2023, 1, 12)`` the
whole year (a 全年/年度 target).

Two entry points:

* :func:`parse_period` reads what a *user* types: ``2024H1``, ``2024-H1``,
  ``2024Q1-Q3``, ``2023Q2``, ``2023``, ``2024-01..2024-05``, ``2024年上半年``,
  ``2024年1-9月``, ``2023年第二季度``.
* :func:`months_in_text` reads a month range from report prose: 上半年, 1-5月,
  1—6月份, 一季度, 前三季度, 全年 … (no year; the caller supplies it).

General date parsers read ``1-6月`` as "6 January", hence this small grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Period",
    "PeriodError",
    "parse_period",
    "months_in_text",
    "CN_DIGITS",
    "cn_number",
    "PeriodMatch",
    "find_periods",
]

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# Dashes and tildes that separate the two ends of a range: 1-5, 1—5, 1－5, 1~5, 1至5.
RANGE_SEP = r"\s*(?:-|–|—|－|~|～|至|到)+\s*"


class PeriodError(ValueError):
    """A period label that cannot be read."""


def cn_number(text: str) -> int:
    """Read a small number written in digits or Chinese numerals (一, 十二, 二十一, 一〇).

    Anything else, including malformed numerals such as 一九十 or 十十, raises ValueError (a
    ValueError is "not a number" for every caller, never a crash)."""
    text = text.strip()
    if text.isdigit():  # any decimal digits, full-width too (int() refuses ² with a ValueError)
        return int(text)
    if not text or any(c not in CN_DIGITS for c in text):
        raise ValueError(f"not a number: {text!r}")
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1 or "十" in ones or tens in ("〇", "零"):
            raise ValueError(f"not a number: {text!r}")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    value = 0
    for c in text:
        value = value * 10 + CN_DIGITS[c]
    return value


@dataclass(frozen=True, order=True)
class Period:
    """A year and an inclusive month range (1–12)."""

    year: int | None
    start_month: int
    end_month: int

    def __post_init__(self) -> None:
        if not (1 <= self.start_month <= self.end_month <= 12):
            raise PeriodError(f"bad month range {self.start_month}-{self.end_month}")

    # -- constructors -----------------------------------------------------
    @classmethod
    def quarter(cls, year: int | None, q: int) -> Period:
        return cls(year, 3 * q - 2, 3 * q)

    @classmethod
    def quarters(cls, year: int | None, first: int, last: int) -> Period:
        return cls(year, 3 * first - 2, 3 * last)

    @classmethod
    def whole_year(cls, year: int | None) -> Period:
        return cls(year, 1, 12)

    def with_year(self, year: int | None) -> Period:
        return Period(year, self.start_month, self.end_month)

    # -- labels -----------------------------------------------------------
    @property
    def months(self) -> int:
        return self.end_month - self.start_month + 1

    @property
    def label(self) -> str:
        """Canonical short label: 2024, 2024H1, 2024Q1-Q3, 2023Q2, 2023M01-M05."""
        y = "" if self.year is None else str(self.year)
        s, e = self.start_month, self.end_month
        if (s, e) == (1, 12):
            return y or "year"
        if (s, e) == (1, 6):
            return f"{y}H1"
        if (s, e) == (7, 12):
            return f"{y}H2"
        if (s - 1) % 3 == 0 and e % 3 == 0:
            first, last = (s + 2) // 3, e // 3
            return f"{y}Q{first}" if first == last else f"{y}Q{first}-Q{last}"
        if s == e:
            return f"{y}M{s:02d}"
        return f"{y}M{s:02d}-M{e:02d}"

    @property
    def label_zh(self) -> str:
        """Chinese label as a report would write it: 2024年上半年, 2024年1-9月."""
        y = "" if self.year is None else f"{self.year}年"
        s, e = self.start_month, self.end_month
        if (s, e) == (1, 12):
            return f"{y}全年"
        if (s, e) == (1, 6):
            return f"{y}上半年"
        if (s, e) == (7, 12):
            return f"{y}下半年"
        if (s - 1) % 3 == 0 and e % 3 == 0 and s == e - 2:
            return f"{y}第{'一二三四'[e // 3 - 1]}季度"
        if s == e:
            return f"{y}{s}月"
        return f"{y}{s}-{e}月"

    def __str__(self) -> str:
        return self.label


# ---------------------------------------------------------------------------
# User input
# ---------------------------------------------------------------------------

_LATIN_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    # 2024H1, 2024-H1, 2024 H2
    (re.compile(r"^(\d{4})[-_ ]?H([12])$", re.I),
     lambda m: Period(int(m[1]), 1, 6) if m[2] == "1" else Period(int(m[1]), 7, 12)),
    # 2024Q1-Q3, 2024-Q1-Q3, 2024Q1-3
    (re.compile(r"^(\d{4})[-_ ]?Q([1-4])[-–~]Q?([1-4])$", re.I),
     lambda m: Period.quarters(int(m[1]), int(m[2]), int(m[3]))),
    # 2023Q2, 2023-Q2
    (re.compile(r"^(\d{4})[-_ ]?Q([1-4])$", re.I),
     lambda m: Period.quarter(int(m[1]), int(m[2]))),
    # 2024M01-M05, 2024M1-5, 2024-01..2024-05, 2024-01-05 is not a period
    (re.compile(r"^(\d{4})[-_ ]?M(\d{1,2})(?:[-–~]M?(\d{1,2}))?$", re.I),
     lambda m: Period(int(m[1]), int(m[2]), int(m[3] or m[2]))),
    (re.compile(r"^(\d{4})-(\d{1,2})(?:\.\.|/)(?:(\d{4})-)?(\d{1,2})$"),
     lambda m: Period(int(m[1]), int(m[2]), int(m[4]))),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), lambda m: Period(int(m[1]), int(m[2]), int(m[2]))),
    # 2023, 2023FY, 2023Y
    (re.compile(r"^(\d{4})(?:FY|Y)?$", re.I), lambda m: Period.whole_year(int(m[1]))),
]


def parse_period(text: str) -> Period:
    """Read a period a user typed. Raises :class:`PeriodError` with a hint."""
    raw = text
    text = text.strip().translate(_FULLWIDTH)
    for pattern, build in _LATIN_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return build(m)  # type: ignore[operator]
            except PeriodError:
                break
    # Chinese: 2024年上半年, 2024年1-9月, 2023年第二季度, 2024年前三季度, 2023年
    m = re.match(r"^(\d{4})\s*年(度)?(.*)$", text)
    if m:
        year, rest = int(m[1]), m[3].strip()
        if not rest or rest in ("全年", "年度"):
            return Period.whole_year(year)
        found = _whole(rest)
        if found is not None:
            return found.with_year(year)
    raise PeriodError(
        f"cannot read period {raw!r}; try 2024H1, 2024Q1-Q3, 2023Q2, 2023, "
        "2024M01-M05, 2024年上半年 or 2024年1-9月"
    )


def _whole(rest: str) -> Period | None:
    """The period ``rest`` is when the whole of it is one period expression (no trailing text),
    read from that expression: each of its numbers must read (一九十 is no month, nor is 0 or 13;
    searching it for a period would find 十月 in 0至一九十月)."""
    for pattern, build in _TEXT_PATTERNS:
        m = pattern.fullmatch(rest)
        if m:
            try:
                return build(m)  # type: ignore[operator]
            except ValueError:  # (PeriodError is one)
                return None
    return None


_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}

# ---------------------------------------------------------------------------
# Report prose
# ---------------------------------------------------------------------------

_CN = "一二三四两"
_NUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"


def _q(s: str) -> int:
    return cn_number(s)


_TEXT_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    # 1-5月, 1—6月份, 1至9月, 1月-5月, 一至五月, 元至九月 (元月 is January)
    (re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3}|(?<![\d.一二三四五六七八九十百千万亿])元)\s*月?" + RANGE_SEP + _NUM + r"\s*月份?"),
     lambda m: Period(None, 1 if m[1] == "元" else cn_number(m[1]), cn_number(m[2]))),
    # 上半年 / 下半年
    (re.compile(r"上半年"), lambda m: Period(None, 1, 6)),
    (re.compile(r"下半年"), lambda m: Period(None, 7, 12)),
    # 前三季度, 前3季度
    (re.compile(r"前([一二三四1-4])个?季度"), lambda m: Period.quarters(None, 1, _q(m[1]))),
    # 一至三季度, 1-3季度
    (re.compile(r"(?:第)?([一二三四1-4])" + RANGE_SEP + r"([一二三四1-4])季度"),
     lambda m: Period.quarters(None, _q(m[1]), _q(m[2]))),
    # 第二季度, 二季度, 2季度, 一季度
    (re.compile(r"第?([一二三四1-4])季度"), lambda m: Period.quarter(None, _q(m[1]))),
    # 前5个月, 前五个月, 前5月 (今年前5月: the year to May, not May alone)
    (re.compile(r"前" + _NUM + r"个?月份?"), lambda m: Period(None, 1, cn_number(m[1]))),
    # 截至5月底, 5月末: a balance at the end of May covers the year to May
    (re.compile(r"(?:截至|截止|到)?" + _NUM + r"\s*月(?:底|末)"), lambda m: Period(None, 1, cn_number(m[1]))),
    # 全年, 年度目标, 年度
    (re.compile(r"全年|年度"), lambda m: Period(None, 1, 12)),
    # 1月份, 5月 (a single month)
    (re.compile(r"(?<![\d.])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?(?![\d日号])"),
     lambda m: Period(None, cn_number(m[1]), cn_number(m[1]))),
]


# Every pattern above needs one of these characters (月, 年 of 半年/全年/年度, 季 of 季度);
# a text without any of them names no period. A new pattern must keep this true
# (tests/test_periods_speed.py checks it).
_PERIOD_CHARS = "月年季"
_PERIOD_CHAR_RE = re.compile(f"[{_PERIOD_CHARS}]")
# The character every match of each pattern above holds (by index): a text without it is not
# searched with that pattern (tests/test_periods_speed.py checks both against each other).
_NEEDS = ("月", "上半年", "下半年", "季度", "季度", "季度", "月", "月", "年", "月")
assert len(_NEEDS) == len(_TEXT_PATTERNS)


@dataclass(frozen=True)
class PeriodMatch:
    """A period expression found in prose: where it is, what it says, and the words."""

    start: int
    end: int
    period: Period
    text: str

    @property
    def whole_year(self) -> bool:
        """True for 全年/年度 (the year as a whole, as targets say), not a month range."""
        return self.text in ("全年", "年度")


def find_periods(text: str) -> list[PeriodMatch]:
    """Every month-range expression in ``text``, left to right, not overlapping.

    Where two patterns match at the same place the longer (then the earlier pattern)
    wins: ``1—5月份`` is one range, not the single month ``5月份``.
    """
    if not _PERIOD_CHAR_RE.search(text):  # most clauses name no period: skip the patterns
        return []
    # the figure reader asks about the same clause and its parts several times (~170 calls a
    # report, 70 texts): found once, each caller gets its own list of the (frozen) matches
    return list(_find_periods(text))


# (pattern, its groups) → the (frozen) Period they build, or False for none: few distinct ones
_BUILT: dict[tuple[int, tuple[str | None, ...]], Period | bool] = {}


@lru_cache(maxsize=4096)
def _find_periods(text: str) -> tuple[PeriodMatch, ...]:
    found: list[tuple[int, int, int, Period]] = []
    for rank, (pattern, build) in enumerate(_TEXT_PATTERNS):
        if _NEEDS[rank] not in text:
            continue
        for m in pattern.finditer(text):
            key = (rank, m.groups())  # a pattern's build reads only its groups
            period = _BUILT.get(key)
            if period is None:
                try:
                    period = build(m)  # type: ignore[operator]
                except (PeriodError, ValueError):
                    period = False
                if len(_BUILT) < 4096:
                    _BUILT[key] = period
            if period is False:
                continue  # 13月, 十十月: no period
            found.append((m.start(), m.end(), rank, period))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    out: list[PeriodMatch] = []
    last_end = -1
    for start, end, _, period in found:
        if start >= last_end:
            out.append(PeriodMatch(start, end, period, text[start:end]))
            last_end = end
    return tuple(out)


def months_in_text(text: str) -> Period | None:
    """The first month range the text names (yearless), or None.

    Earlier patterns win over later ones at the same place; of different places
    the leftmost wins.
    """
    best: tuple[int, int, Period] | None = None
    for rank, (pattern, build) in enumerate(_TEXT_PATTERNS):
        m = pattern.search(text)
        if not m:
            continue
        try:
            period = build(m)  # type: ignore[operator]
        except (PeriodError, ValueError):
            continue
        key = (m.start(), rank)
        if best is None or key < best[:2]:
            best = (m.start(), rank, period)
    return best[2] if best else None
