"""Property-based tests (hypothesis): the text stages never raise on any input, normalising
is idempotent, period labels round-trip, and reading arbitrary bytes fails only cleanly."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zibo_cli.extract.indicators import extract_observations
from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.extract.tasks import extract_tasks
from zibo_cli.models import TASK_TABLE, DocumentMeta
from zibo_cli.normalize import normalize
from zibo_cli.periods import Period, parse_period
from zibo_cli.sources import SourceError, read_source

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters reports are made of, and the ones the normaliser treats specially: CJK (simplified
# and traditional), full-width digits and punctuation, pinyin with tone marks, brackets, '?',
# U+FFFD, Kangxi radicals, tabs (table cells), line breaks, spaces of all kinds.
REPORT_CHARS = (
    "全市地区生产总值同比增长上半年前三季度完成未完成原因责任单位序号一二三十年月份亿元万人个百分点"
    "經濟發展區縣與為")
ALPHABET = st.sampled_from(list(
    REPORT_CHARS + "0123456789０１２３４５.%％,，;；:：()（）、。!！?？|-—~～" + "jīngqūyǜ"
    + "abcAPP" + "\ufffd\u2f00\u2f06\u3000\u00a0\u200b\ufeff" + "\t\n\r     "))
report_text = st.text(alphabet=ALPHABET, max_size=300)
any_text = st.one_of(report_text, st.text(max_size=200))
# tables: rows of cells, as a structured reader gives them and as tab-separated text
cells = st.lists(st.lists(st.text(alphabet=ALPHABET, max_size=12), min_size=1, max_size=8), max_size=10)
HEADER = ["序号", "年度目标", "季度目标", "完成情况", "是否完成", "未完成原因", "责任单位", "分管领导"]
tables = st.one_of(cells, cells.map(lambda rows: [HEADER, *rows]))


@SETTINGS
@given(any_text)
@example("經(jīng)濟")
@example("增长 5.1 %,\n\n\n达到")
@example("a" * 45 + "\n一、b")
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert isinstance(once.text, str)
    twice = normalize(once.text)
    assert twice.text == once.text


@settings(SETTINGS)
@given(st.one_of(any_text, tables.map(lambda rows: "\n".join("\t".join(r) for r in rows))), tables)
def test_extractors_never_raise(text, table):
    clean = normalize(text).text
    for t in (text, clean):
        meta = extract_metadata(t)
        assert isinstance(meta, DocumentMeta)
        for m in (meta, DocumentMeta(year=2024, start_month=1, end_month=6, doc_type=TASK_TABLE)):
            for found in (extract_tasks(t, m, None), extract_tasks(t, m, [table])):
                assert isinstance(found, list)
                assert isinstance(extract_observations(t, m, found), list)


@st.composite
def periods(draw):
    year = draw(st.integers(1900, 2100))
    start = draw(st.integers(1, 12))
    end = draw(st.integers(start, 12))
    return Period(year, start, end)


@SETTINGS
@given(periods())
def test_period_labels_round_trip(p):
    assert parse_period(p.label) == p
    assert parse_period(p.label_zh) == p
    assert parse_period(p.label.lower()) == p


@SETTINGS
@given(st.binary(max_size=3000))
@example(b"\x89PNG\r\n\x1a\n")
@example(b"PK\x03\x04")
@example("增长".encode("utf-16-le")[:-1])
def test_reading_any_bytes_gives_text_or_a_clean_error(data):
    try:
        source = read_source(Path("x.txt"), data)
    except SourceError as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert isinstance(source.text, str)
