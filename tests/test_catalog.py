"""The indicator catalogue: lookups, extracted-name matching, suggestions, units."""

from __future__ import annotations

import pytest

from zibo_cli import catalog
from zibo_cli.catalog import CATALOG, closest, convert, lookup, match_name, name_key, unit_scale


@pytest.mark.parametrize("text", ["GDP", "gdp", "Gdp", "地区生产总值", "生产总值", " 生产 总值 ", "全市地区生产总值"])
def test_every_spelling_of_gdp_finds_one_entry(text):
    entry = lookup(text)
    assert entry is not None and entry.id == "gdp" and entry.name == "地区生产总值"


def test_full_and_short_forms_are_one_entry():
    assert lookup("规模以上工业增加值") is lookup("规上工业增加值")
    assert lookup("“四强”产业增加值") is lookup("四强产业增加值")
    assert lookup("新增城镇就业").name == "城镇新增就业"


def test_unknown_name_is_none():
    assert lookup("不存在的指标") is None
    assert lookup("") is None


def test_ids_are_unique_and_english():
    ids = [i.id for i in CATALOG]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i == i.lower() for i in ids)


def test_no_name_names_two_entries():
    seen: dict[str, str] = {}
    for ind in CATALOG:
        for n in (ind.id, *ind.names):
            key = name_key(n)
            assert seen.setdefault(key, ind.id) == ind.id, n


def test_common_indicators_are_catalogued():
    for name in ("一般公共预算收入", "固定资产投资", "社会消费品零售总额", "规上工业增加值", "居民人均可支配收入",
                 "城镇新增就业", "到位省外资金", "实际使用外资", "进出口", "本外币存款余额", "本外币贷款余额"):
        assert lookup(name) is not None, name


def test_match_name_reads_a_growth_rate_suffix():
    entry, rate = match_name("实际使用外资增速")
    assert entry.id == "fdi" and rate
    entry, rate = match_name("金融机构本外币各项存款余额")
    assert entry.id == "deposits" and not rate
    assert match_name("定制公交线路") == (None, False)


def test_closest_suggests_near_names():
    assert closest("GPD")[0] == "gdp"
    assert "固定资产投资" in closest("固定资产")
    assert closest("zzzz", ["地区生产总值"]) == []


def test_units():
    assert unit_scale("亿元") == (1e8, "元")
    assert unit_scale("万千瓦") == (1e4, "千瓦")
    assert unit_scale("千瓦") == (1.0, "千瓦")
    assert unit_scale("%") == (1.0, "%")
    assert unit_scale("") == (1.0, "")
    assert convert(31500, "人", "万人") == pytest.approx(3.15)
    assert convert(1, "亿元", "万元") == pytest.approx(1e4)
    assert convert(1, "亿元", "%") is None


def test_catalog_module_has_no_heavy_imports():
    assert "rich" not in vars(catalog) and "sqlite_utils" not in vars(catalog)
