"""find_periods skips texts that cannot name a period; the skip must never hide one."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from zibo_cli import periods
from zibo_cli.periods import find_periods


def test_every_prose_pattern_needs_a_period_character():
    # the shortcut in find_periods is exact only while each pattern has 月, 年 or 季 as a literal
    for pattern, _ in periods._TEXT_PATTERNS:
        literal = re.sub(r"\[[^\]]*\]|\(\?<?[=!][^)]*\)", "", pattern.pattern)  # drop classes and lookarounds
        assert any(c in literal for c in periods._PERIOD_CHARS), pattern.pattern


def test_shortcut_keeps_the_periods():
    text = "上半年，全市地区生产总值增长5.1%，1-5月份规上工业增加值增长5.0%，前三季度"
    assert [m.text for m in find_periods(text)] == ["上半年", "1-5月份", "前三季度"]
    assert find_periods("全市地区生产总值增长5.1%，比上年提高0.5个百分点") == []


@given(st.text(alphabet="1234567890一二三四五六七八九十上下半前第个至到底末全度月年季份-—，。", max_size=30))
@example("0至一九十月")  # once a KeyError in cn_number: a malformed numeral is no period
@example("十十月至一九十月")
def test_same_result_as_without_the_shortcut(text):
    # the patterns run on every text, as before the shortcut
    found = []
    for rank, (pattern, build) in enumerate(periods._TEXT_PATTERNS):
        for m in pattern.finditer(text):
            try:
                found.append((m.start(), m.end(), rank, build(m)))
            except (periods.PeriodError, ValueError):
                continue
    found.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    expected, last_end = [], -1
    for start, end, _, period in found:
        if start >= last_end:
            expected.append((start, end, period))
            last_end = end
    assert [(m.start, m.end, m.period) for m in find_periods(text)] == expected


@given(st.text(alphabet="1234567890一二三四五六七八九十上下半前第个至到底末全度月年季份截止-—，。 ", max_size=30))
@example("前3季度")
@example("1月-5月")
@example("截至5月底")
def test_every_match_holds_what_its_pattern_needs(text):
    # find_periods runs a pattern only on texts holding its _NEEDS: exact while every match does
    for (pattern, _), need in zip(periods._TEXT_PATTERNS, periods._NEEDS, strict=True):
        for m in pattern.finditer(text):
            assert need in m[0], (pattern.pattern, m[0])
