"""The shortcuts in extract/indicators.py skip work that could find nothing; they must
never hide a figure or a period."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zibo_cli.extract import indicators
from zibo_cli.extract.indicators import Context, _SentenceReader, _trim
from zibo_cli.periods import find_periods

PERIOD_ALPHABET = "1234567890一二三四五六七八九十两上下半前第个至到底末全度月年季份截止-—～ 增长，"


@given(st.text(alphabet=PERIOD_ALPHABET + "规模以上工业", max_size=20))
def test_a_period_at_the_start_starts_with_a_period_start(text):
    found = find_periods(text)
    if found and found[0].start == 0:
        assert text[0] in indicators._PERIOD_START or text[0].isdigit(), text


@given(st.text(alphabet="一二三四五六七八九十位名全省国市列居排位增长亿元万人个%。，、（）《》 ", max_size=30))
def test_a_sentence_without_digit_or_di_has_no_figure(text):
    # figures() on such a sentence finds nothing, so extract_clauses may skip it
    assert _SentenceReader(text, Context(2024, 1, 6), 0).figures() == []


def test_the_rank_in_chinese_numerals_is_still_read():
    found = indicators.extract_clauses("地区生产总值增速列全省第五位。", Context(2024, 1, 6))
    assert [(o.value, o.measure) for o in found] == [(5.0, "rank")]


@given(st.text(alphabet="、，；：。 （）()“”《》\"规模增长ab", max_size=12))
def test_trim_shortcut_keeps_the_result(text):
    # the loop _trim ran before its shortcut
    def slow(s):
        junk = "、，；：。 "
        while True:
            before = s
            s = s.strip(junk)
            for o, c in indicators._PAIRS.items():
                if s.startswith(o) and c not in s:
                    s = s[1:]
                if s.endswith(c) and o not in s:
                    s = s[:-1]
                if s.endswith(o):
                    s = s[:-1]
                if s.startswith(c):
                    s = s[1:]
            if s == before:
                return s

    assert _trim(text) == slow(text)
