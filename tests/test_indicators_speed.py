"""The shortcuts in extract/indicators.py skip work that could find nothing; they must
never hide a figure or a period."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zibo_cli.extract import indicators
from zibo_cli.extract.indicators import Context, _SentenceReader, _trim
from zibo_cli.periods import find_periods

PERIOD_PIECES = ["全年", "年度", "上半年", "下半年", "前三", "前", "第", "二", "季度", "个", "月", "月份", "截至",
                 "截止", "到", "至", "底", "末", "1", "12", "5", "-", "—", "～", "一", "十", "两", "年", "季",
                 "增长", "规模以上工业", "，", " ", "0"]


def _period_start_ok(text: str) -> bool:
    found = find_periods(text)
    return not (found and found[0].start == 0) or text[0] in indicators._PERIOD_START or text[0].isdigit()


@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=6).map("".join))
def test_a_period_at_the_start_starts_with_a_period_start(text):
    assert _period_start_ok(text), text


def test_every_kind_of_period_at_the_start():
    for text in ["全年", "年度", "上半年", "下半年", "前三季度", "前5个月", "第二季度", "二季度", "一至三季度",
                 "1-3季度", "截至5月底", "截止5月末", "到5月末", "5月末", "1—5月份", "一至五月", "十一月", "5月份",
                 "１-５月"]:
        assert find_periods(text)[0].start == 0, text
        assert _period_start_ok(text), text


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


# -- the words before a figure are read once per text (_read_name) ---------------------


def test_a_name_read_from_the_cache_is_a_copy_of_its_own():
    first = _SentenceReader._name("全区规上工业增加值同比增长")
    first.tail.append("x")
    first.names[0] = "changed"
    first.target = True
    again = _SentenceReader._name("全区规上工业增加值同比增长")
    assert again.names == ["规上工业增加值"] and "x" not in again.tail and not again.target


def test_a_target_read_after_a_figure_does_not_make_the_same_words_a_target_later():
    # the reader marks the first figure's name a target (…的年度目标 after it); the second
    # sentence has the same words before its figure and stays an actual
    text = "全市一般公共预算收入完成321亿元的年度目标。全市一般公共预算收入完成287亿元。"
    found = indicators.extract_clauses(text, Context(2024, 1, 12), 0, carry=True)
    kinds = {o.value: o.kind for o in found if o.name == "一般公共预算收入"}
    assert kinds == {321.0: "target", 287.0: "actual"}


def test_reading_twice_reads_the_same():
    # the cache filled by the first reading changes nothing of the second
    text = ("1-6月，全区地区生产总值增长5.2%，规上工业增加值增长6.1%，其中制造业增长7.0%；"
            "固定资产投资下降2.3%，占年度计划的48.5%。")
    indicators._read_name.cache_clear()
    cold = [o.row() for o in indicators.extract_clauses(text, Context(2024, 1, 6), 0, carry=True)]
    warm = [o.row() for o in indicators.extract_clauses(text, Context(2024, 1, 6), 0, carry=True)]
    assert cold == warm and len(cold) == 5


def _clause_start_by_walking(s: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and s[i] not in indicators._CLAUSE_END:
        i -= 1
    return i + 1


@given(st.text(alphabet="增长，；：,;:5%亿元。 ", max_size=40), st.integers(min_value=0, max_value=45))
def test_clause_start_is_after_the_last_clause_mark(text, pos):
    pos = min(pos, len(text))
    assert _SentenceReader(text, Context(2024, 1, 6), 0)._clause_start(pos) == _clause_start_by_walking(text, pos)
