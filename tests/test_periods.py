"""Periods as values: what users type and what report prose says."""

from __future__ import annotations

import pytest

from zibo_cli.periods import Period, PeriodError, find_periods, months_in_text, parse_period


@pytest.mark.parametrize("text, period", [
    ("2024H1", Period(2024, 1, 6)),
    ("2024-H1", Period(2024, 1, 6)),
    ("2024h2", Period(2024, 7, 12)),
    ("2024Q1-Q3", Period(2024, 1, 9)),
    ("2023Q2", Period(2023, 4, 6)),
    ("2023", Period(2023, 1, 12)),
    ("2024年上半年", Period(2024, 1, 6)),
    ("2024年1-9月", Period(2024, 1, 9)),
    ("2024年1—5月份", Period(2024, 1, 5)),
    ("2023年第二季度", Period(2023, 4, 6)),
    ("2024年前三季度", Period(2024, 1, 9)),
    ("2024M01-M05", Period(2024, 1, 5)),
    ("２０２４Ｈ１", Period(2024, 1, 6)),
])
def test_parse_period(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["H1", "2024Q5", "2024年下个月", "2024-13", "soon", ""])
def test_parse_period_errors_say_what_works(text):
    with pytest.raises(PeriodError, match="2024H1"):
        parse_period(text)


def test_labels():
    assert Period(2024, 1, 6).label == "2024H1"
    assert Period(2024, 1, 9).label == "2024Q1-Q3"
    assert Period(2023, 4, 6).label == "2023Q2"
    assert Period(2023, 1, 12).label == "2023"
    assert Period(2023, 1, 5).label == "2023M01-M05"
    assert Period(2024, 1, 9).label_zh == "2024年1-9月"


@pytest.mark.parametrize("text, months", [
    ("上半年", (1, 6)), ("1-5月", (1, 5)), ("1—6月份", (1, 6)), ("一季度", (1, 3)),
    ("前三季度", (1, 9)), ("全年", (1, 12)), ("前5个月", (1, 5)), ("截至9月末", (1, 9)),
    ("一至五月", (1, 5)), ("第二季度", (4, 6)),
])
def test_months_in_text(text, months):
    p = months_in_text(text)
    assert p is not None and (p.start_month, p.end_month) == months


def test_find_periods_lists_each_expression_once_in_order():
    found = find_periods("1—5月份，工业增长5%，比1—4月份提高0.5个百分点，全年目标6%。")
    assert [(m.text, m.period.start_month, m.period.end_month) for m in found] == [
        ("1—5月份", 1, 5), ("1—4月份", 1, 4), ("全年", 1, 12)]
    assert found[2].whole_year and not found[0].whole_year


def test_dates_are_not_periods():
    assert find_periods("4月23日已印发") == []
    assert months_in_text("于6月13日正式印发") is None


@pytest.mark.parametrize("text", ["一九十", "十十", "一十十", "零十", "二十一二", "", "x", "½"])
def test_a_malformed_numeral_is_not_a_number(text):
    from zibo_cli.periods import cn_number
    with pytest.raises(ValueError):
        cn_number(text)


@pytest.mark.parametrize("text, value", [("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("一〇", 10),
                                         ("12", 12), ("两", 2), ("１２", 12)])
def test_chinese_numerals(text, value):
    from zibo_cli.periods import cn_number
    assert cn_number(text) == value


def test_a_malformed_numeral_in_a_period_is_no_period():
    # the range 0至一九十 is not read (it raised KeyError once); the 十月 at its end still is
    assert [m.text for m in find_periods("0至一九十月")] == ["十月"]


@pytest.mark.parametrize("text, months", [("今年前5月", (1, 5)), ("前5个月", (1, 5)), ("前五个月", (1, 5)),
                                          ("前2月份", (1, 2))])
def test_the_first_n_months(text, months):
    (m,) = find_periods(text)
    assert (m.period.start_month, m.period.end_month) == months


@pytest.mark.parametrize("text, months", [
    ("元至九月，全县完成生产总值56.7亿元", (1, 9)),  # 元月 is January
    ("元月至5月，全市规上工业增加值增长6%", (1, 5)),
    ("每人每月补贴300元至12月底", (1, 12)),  # a price's 元 is no month: 12月底 is read alone
])
def test_yuan_yue_is_january_in_a_range(text, months):
    from zibo_cli.periods import find_periods
    p = find_periods(text)[0].period
    assert (p.start_month, p.end_month) == months
