"""places: the administrative-division list cpca ships, and regions read from reports."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zibo_cli import places
from zibo_cli.extract.indicators import extract_observations
from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.pipeline import apply_frame

pytestmark = pytest.mark.skipif(not places.places(), reason="cpca's data file is not installed")


def test_full_names_are_found_and_everyday_words_are_not():
    assert [n for _, n in places.find_regions("淄博市张店区、青州市和山东省")] == ["淄博市", "张店区", "青州市", "山东省"]
    assert places.find_regions("全区四大新区、老城区和矿区") == []


def test_a_region_is_split_off_a_name():
    assert places.region_prefix("青州市规上工业增加值") == ("青州市", "规上工业增加值")
    assert places.region_prefix("规上工业增加值") is None
    assert places.region_prefix("青州市") is None  # nothing left to name


def test_nesting_and_provinces():
    assert places.most_specific(["丽水市", "庆元县"]) == "庆元县"
    assert places.most_specific(["庆元县", "山东省"]) == "庆元县"
    assert places.province_of("张店区") == "山东省"


@pytest.mark.parametrize("query, region, ok", [("淄博", "淄博市", True), ("张店", "张店区", True),
                                               ("淄博市", "淄博市", True), ("张店", "淄博市", False),
                                               ("全国", "全国", True), ("", "淄博市", False)])
def test_the_loose_match_users_type(query, region, ok):
    assert places.region_matches(query, region) is ok


def figures(text):
    from zibo_cli.extract.frame import document_frame
    from zibo_cli.extract.segment import segment

    meta = extract_metadata(text)
    frame = document_frame(text, meta, segment(text))
    apply_frame(meta, frame)
    return meta, extract_observations(text, meta, None, frame)


def test_a_region_before_the_name_is_a_field_not_part_of_the_name():
    meta, obs = figures("潍坊市上半年经济运行情况\n上半年，青州市规上工业增加值同比增长6.3%，全市规上工业增加值增长5%。")
    got = {(o.name, o.region, o.value) for o in obs}
    assert got == {("规上工业增加值", "青州市", 6.3), ("规上工业增加值", "潍坊市", 5.0)}
    assert meta.region == "潍坊市"


def test_a_county_bulletin_is_about_the_county():
    meta, obs = figures("丽水市庆元县2007年国民经济和社会发展统计公报\n全县生产总值增长12%。")
    assert meta.region == "庆元县" and {o.region for o in obs} == {"庆元县"}


def test_the_province_and_the_nation_in_a_city_report():
    _, obs = figures("淄博市统计局\n上半年，全市地区生产总值增长5%，全省地区生产总值增长5.6%，全国规模以上工业增加值增长6%。")
    assert {(o.value, o.region) for o in obs} == {(5.0, "淄博市"), (5.6, "山东省"), (6.0, "全国")}


def test_no_place_named_no_region():
    _, obs = figures("上半年，全市地区生产总值增长5%。")
    assert {o.region for o in obs} == {None}


def test_a_two_character_county_inside_a_slogan_is_a_word():
    assert places.find_regions("深入实施“生态富县，生态富民”战略") == []
    assert [n for _, n in places.find_regions("延安市富县2021年国民经济")] == ["延安市", "富县"]
    assert [n for _, n in places.find_regions("富县实现生产总值183亿元")] == ["富县"]


def test_autonomous_regions_have_their_short_names():
    assert [places.short_name(n) for n in ("西藏自治区", "广西壮族自治区", "新疆维吾尔自治区", "宁夏回族自治区")] == [
        "西藏", "广西", "新疆", "宁夏"]
    assert places.region_prefix("西藏地区生产总值")[0] == "西藏自治区"


def test_an_autonomous_prefecture_is_known_by_its_short_name():
    assert places.short_name("甘南藏族自治州") == "甘南" and places.short_name("恩施土家族苗族自治州") == "恩施"
    assert places.place_named("甘南") == "甘南藏族自治州" and places.place_named("酒泉") == "酒泉市"


# -- place_spans: names found backwards from their suffix ----------------------------------

def _alternation_spans(text: str) -> list[tuple[int, int]]:
    """What one regular expression of every name, longest first, finds (the definition)."""
    import re

    names = sorted(places.places(), key=len, reverse=True)
    return [m.span() for m in re.compile("|".join(map(re.escape, names))).finditer(text)]


def test_place_spans_take_the_longest_name_at_each_start_without_overlaps():
    text = "山东省淄博市张店区和淄博市临淄区，全市"
    spans = places.place_spans(text)
    assert [text[a:b] for a, b in spans] == ["山东省", "淄博市", "张店区", "淄博市", "临淄区"]
    assert spans == _alternation_spans(text)
    # a longer name wins over the shorter one inside it: 自治州, not 州 names within it
    text = "甘南藏族自治州合作市"
    assert [text[a:b] for a, b in places.place_spans(text)] == ["甘南藏族自治州", "合作市"]
    assert places.place_spans("") == [] and places.place_spans("全市上下") == []


_PIECES = ["淄博市", "张店区", "市", "区", "县", "省", "山东", "淄博", "新区", "城区", "自治州", "甘南藏族", "富县",
           "延安市", "和", "，", "生态", "全市", "地区", "临淄", "沂源县", "盟", "旗", "5.2%", "锡林郭勒", "北京市"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_place_spans_equal_the_alternation_of_every_name(pieces):
    text = "".join(pieces)
    assert places.place_spans(text) == _alternation_spans(text)


def test_place_spans_prefer_the_longest_name_and_the_leftmost_start(monkeypatch):
    # invented names (the shipped list has no name starting another): one inside another,
    # and two overlapping
    table = {n: (places.Place(n, "370000000000"),) for n in ("甲乙市", "甲乙市丙区", "乙市丁县", "丁县")}
    monkeypatch.setattr(places, "places", lambda: table)
    places._name_ends.cache_clear()
    try:
        for text in ("甲乙市丙区", "甲乙市丁县", "x乙市丁县丁县", "甲乙市丙"):
            assert places.place_spans(text) == _alternation_spans(text), text
        assert places.place_spans("甲乙市丙区") == [(0, 5)]
        assert places.place_spans("甲乙市丁县") == [(0, 3), (3, 5)]  # 乙市丁县 overlaps 甲乙市
    finally:
        places._name_ends.cache_clear()


def test_a_county_renamed_since_the_list_is_known_inside_its_parent():
    from zibo_cli.places import renamed_within
    assert renamed_within("梁平区人民政府关于", "重庆市") == "梁平区"  # 梁平县 became a district in 2016
    assert renamed_within("张店区", "淄博市") is None  # already in the list: not a renamed one
    assert renamed_within("东乡区", "淄博市") is None  # no 东乡县 in 淄博市
    assert renamed_within("人民政府", "重庆市") is None


def test_a_countys_short_name_is_one_places_alone():
    assert places.county_short_prefix("荔城地区生产总值") == ("荔城区", "地区生产总值")
    assert places.county_short_prefix("地区生产总值") is None
    # the names of counties are not cut shorter than two characters, nor a name two places share
    assert all(len(s) >= 2 for s in places._county_short_names())


def test_a_countys_short_name_before_an_entry_is_the_figures_region():
    from zibo_cli.extract.indicators.names import _read_name
    named = _read_name("荔城地区生产总值")
    assert (named.names, named.region) == (["地区生产总值"], "荔城区")
    assert _read_name("港口货物吞吐量").names == ["港口货物吞吐量"]  # 港口 is a word of an entry, not 港口区
