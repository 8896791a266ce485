"""The normaliser, step by step, on small inputs of our own."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zibo_cli import normalize as normalize_mod
from zibo_cli.normalize import (
    count_unreadable,
    fix_compat_chars,
    join_broken_lines,
    normalize,
    strip_pinyin,
    tidy_spaces,
    to_simplified,
    unify_width,
)


# -- pinyin ----------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, clean",
    [
        ("經(jīng)濟", "經濟"),
        ("發(fā)展", "發展"),
        ("標(biāo)題", "標題"),
        ("綠(lǜ)色", "綠色"),
        ("經（jīng）濟", "經濟"),  # full-width brackets
        ("京東(中國)特產(chǎn)", "京東(中國)特產"),  # a real bracket stays
        ("臨臨高速(中莊互通至臨沂界)建成", "臨臨高速(中莊互通至臨沂界)建成"),
        ("停車(APP)搭建", "停車(APP)搭建"),  # Latin without tone marks is not pinyin
        ("容量(ml)", "容量(ml)"),
        ("首台(套)重大", "首台(套)重大"),
        ("領域?qū)@A審", "領域?@A審"),  # pinyin orphaned by a lost character
    ],
)
def test_strip_pinyin(raw, clean):
    assert strip_pinyin(raw)[0] == clean


def test_strip_pinyin_counts():
    assert strip_pinyin("經(jīng)濟發(fā)展")[1] == 2


# -- traditional ----------------------------------------------------------
def test_to_simplified_converts_and_counts():
    text, changed = to_simplified("經濟社會發展主要目標任務進展情況通報")
    assert text == "经济社会发展主要目标任务进展情况通报"
    assert changed == 9  # 經濟會發標務進況報


def test_to_simplified_leaves_simplified_text():
    s = "全市地区生产总值同比增长5.1%"
    assert to_simplified(s) == (s, 0)


# -- width -----------------------------------------------------------------
def test_fullwidth_digits_and_percent_become_halfwidth():
    assert unify_width("增长５．１％") == "增长5.1%"


def test_halfwidth_punctuation_in_chinese_becomes_fullwidth():
    assert unify_width("上半年,全市增长5%;其中:工业") == "上半年，全市增长5%；其中：工业"


def test_numbers_keep_their_separators():
    assert unify_width("共1,234个,于10:30召开") == "共1,234个，于10:30召开"


def test_brackets_follow_their_text():
    assert unify_width("京东(中国)特产") == "京东（中国）特产"
    assert unify_width("f(x) = y") == "f(x) = y"


# -- spaces ----------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, clean",
    [
        ("增长 5.1%", "增长5.1%"),
        ("2024 年上半年", "2024年上半年"),
        ("实施的 530 个省市重点项目", "实施的530个省市重点项目"),
        ("国有 A 级景区", "国有A级景区"),
        ("5.5% 左右", "5.5%左右"),
        ("经济社会发展 主要目标", "经济社会发展主要目标"),
        ("GBC solar cell", "GBC solar cell"),  # Latin word spaces stay
    ],
)
def test_tidy_spaces(raw, clean):
    assert tidy_spaces(raw) == clean


def test_table_cells_keep_spaces_between_department_names():
    row = "1\t增长 5.5% 左右\t市发展改革委 市统计局提供数据"
    assert tidy_spaces(row) == "1\t增长5.5%左右\t市发展改革委 市统计局提供数据"


# -- page breaks -------------------------------------------------------------
def test_page_break_mid_sentence_is_joined():
    long_line = "三是激发消费活力。开展“消费促进年”系列活动，多措并举促进消费升级，五一期间举办了"
    text = f"{long_line}\n\n淄博烧烤体验地活动，常态化组织促消费活动。"
    joined, n = join_broken_lines(text)
    assert n == 1
    assert joined == long_line + "淄博烧烤体验地活动，常态化组织促消费活动。"


def test_title_and_headings_are_not_joined():
    text = "2024年上半年全市经济社会发展主要目标任务进展情况\n\n今年以来，全市上下坚持稳中求进。"
    assert join_broken_lines(text) == (text, 0)
    prose = "一是扩大有效投资，坚持狠抓项目、大抓项目，深入落实要素资源跟着项目走机制，保障重点项目落地"
    text = f"{prose}\n\n二、产业转型加力提速。"
    assert join_broken_lines(text)[1] == 0


def test_table_rows_are_not_joined():
    text = "1\t地区生产总值增长5.5%左右\t完成\t围绕工业、消费、规上服务业、金融等经济指标组织有关部门\n2\tx\ty"
    assert join_broken_lines(text)[1] == 0


# -- lost characters, compatibility characters ------------------------------
def test_unreadable_characters_are_counted_not_hidden():
    assert count_unreadable("社??卡居民服务，全民健身日?体育") == 3
    assert count_unreadable("坏\ufffd字") == 1
    assert count_unreadable("What? Fine.") == 0  # a real question mark in Latin text
    out = normalize("全民健身日?體育宣傳周")
    assert out.unreadable == 1 and "?" in out.text


def test_kangxi_radicals_become_ideographs():
    assert fix_compat_chars("\u2f00季度") == "一季度"


def test_circled_numbers_survive():
    assert "①" in normalize("①扩大有效投资").text


# -- all together ------------------------------------------------------------
def test_normalize_traditional_page_with_pinyin():
    raw = "全市地區(qū)生產(chǎn)總值增長(zhǎng)5.3%,一般公共預(yù)算收入增長(zhǎng)4%。"
    out = normalize(raw)
    assert out.text == "全市地区生产总值增长5.3%，一般公共预算收入增长4%。"
    assert out.pinyin_removed == 5
    assert out.converted_traditional > 0


def test_normalize_is_idempotent_on_the_seeds(seeds):
    for path in sorted(seeds.iterdir()):
        once = normalize(path.read_text(encoding="utf-8")).text
        assert normalize(once).text == once, path.name


def test_normalize_collapses_blank_runs_and_crlf():
    assert normalize("甲。\r\n\r\n\r\n\r\n乙。").text == "甲。\n\n乙。"


# The pinyin pattern as first written (look-behind first); the one in use starts at the
# bracket so the regex engine can jump between brackets. They must match the same text.
_PINYIN_ANNOT_FIRST = re.compile(
    f"(?<=[^\\s(（])[(（]((?=[a-z{normalize_mod._TONED}]*[{normalize_mod._TONED}])"
    f"[a-z{normalize_mod._TONED}]{{1,7}})[)）]"
)


@example("經（（jīng）濟(ì)")
@example("經((jīng)濟 (jì) （jì）")
@example("（jīng）經\n(jì)?qū)")
@given(st.text(alphabet="經濟(（)）jīngìab ?\n中", max_size=40))
def test_pinyin_pattern_matches_as_first_written(text):
    assert normalize_mod._PINYIN_ANNOT.subn("", text) == _PINYIN_ANNOT_FIRST.subn("", text)
    first = _PINYIN_ANNOT_FIRST.sub("", text)
    assert normalize_mod.strip_pinyin(text)[0] == normalize_mod._ORPHAN_PINYIN.sub("", first)


@example("增长 5. 2%\n 市 ")
@example(" 中 \n\n  a  ")
@given(st.text(alphabet="增长 5\t\u3000中%，\n市a.元‰", max_size=40))
def test_tidy_spaces_shortcuts_keep_the_result(text):
    lines = []
    for line in text.split("\n"):
        if "\t" in line:
            lines.append("\t".join(normalize_mod._tidy(c, keep_cjk_gaps=True) for c in line.split("\t")))
        else:
            lines.append(normalize_mod._tidy(line))
    assert normalize_mod.tidy_spaces(text) == "\n".join(lines)


def test_a_bracket_pair_takes_one_width():
    from zibo_cli.normalize import normalize
    assert normalize("全市生产总值(GDP)440.26亿元").text == "全市生产总值（GDP）440.26亿元"
    assert normalize("f(x) = 1").text == "f(x) = 1"


@pytest.mark.parametrize("raw, clean", [
    ("分别增长9.7%,、4.1%,、3.3%,,其中", "分别增长9.7%、4.1%、3.3%，其中"),
    ("增长5%,。下一句", "增长5%。下一句"),
    ("增长5%,;利润", "增长5%；利润"),
    ("，，，", "，"),
    ("增长5%、6%", "增长5%、6%"),
])
def test_a_run_of_clause_marks_is_its_strongest_mark(raw, clean):
    assert normalize_mod.normalize_text(raw) == clean


# -- one round where one is enough ---------------------------------------------
def _normalize_by_rounds(text):
    """normalize as it was written first: rounds of every step until one changes nothing."""
    result = normalize_mod._normalize_once(text)
    for _ in range(normalize_mod._MAX_ROUNDS - 1):
        again = normalize_mod._normalize_once(result.text)
        if again.text == result.text:
            break
        result.text = again.text
        result.pinyin_removed += again.pinyin_removed
        result.lines_joined += again.lines_joined
        result.converted_traditional += again.converted_traditional
    return result


_ROUND_CHARS = ("全市地区生产总值增长深沈憑藉經濟發展區縣與為乾隆後面" + "0123456789０５.%％,，;；:：()（）、。!?？—"
                + "jīngqūǜ" + "aAPP" + "\u3000\u00a0\u200b\u2f00\ufeff" + "\t\n\r   ")


@example("深 沈" + "甲" * 45 + "\n乙，")
@example("增长 5. 2 %,，\n\n\n\n" + "全" * 41 + "\n\n\n\n沈")
@example("經 (jīng)濟 , 中 ( 中")
@given(st.text(alphabet=_ROUND_CHARS, max_size=300))
def test_one_round_when_it_settles_gives_what_rounds_gave(text):
    result, simplify_again, moved = normalize_mod._normalize_round(text)
    if normalize_mod._settled(result.text, simplify_again, moved):
        assert normalize_mod._normalize_once(result.text).text == result.text
    assert normalize(text) == _normalize_by_rounds(text)


def test_normalize_gives_what_rounds_gave_on_the_seeds(seeds):
    for path in sorted(seeds.iterdir()):
        text = path.read_text(encoding="utf-8")
        assert normalize(text) == _normalize_by_rounds(text), path.name


def test_opencc_keys_are_chinese_characters_only(tmp_path):
    """A round skips OpenCC's second look when no Chinese characters were brought together:
    sound only while every key of its t2s dictionaries is Chinese characters (normalize.HAN)."""
    import json
    import os
    import subprocess
    from pathlib import Path

    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    tool, share = clib / "bin" / "opencc_dict", clib / "share" / "opencc"
    if not tool.exists() or not (share / "t2s.json").exists():
        pytest.skip(f"this opencc build has no {tool.name} or t2s.json to read its dictionaries with")
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    files = [d["dict"]["file"] for d in config.get("normalization", [])]
    for step in config["conversion_chain"]:
        files += [d["file"] for d in step["dict"].get("dicts", [step["dict"]])]
    env = {**os.environ, "LD_LIBRARY_PATH": str(clib / "lib64")}
    han = re.compile(f"[{normalize_mod.HAN}]+")
    for name in files:
        out = tmp_path / f"{name}.txt"
        subprocess.run([str(tool), "-i", str(share / name), "-o", str(out), "-f", "ocd2", "-t", "text"],
                       check=True, env=env, capture_output=True)
        keys = [line.split("\t", 1)[0] for line in out.read_text(encoding="utf-8").splitlines() if line]
        assert keys, name
        assert [k for k in keys if not han.fullmatch(k)] == [], name


def test_a_long_title_and_a_pages_labelled_fields_are_not_cut_prose():
    text = ("关于区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划（草案）的报告\n\n"
            "发布时间：2023-01-17 09:18 作者： 信息来源： 区发改局\n\n各位代表：")
    assert join_broken_lines(text) == (text, 0)
    # a paragraph cut by a page break is still joined
    cut = "上半年，全区规模以上工业增加值同比增长6.5%，增速比一季度加快1.2个百分点，其中制造业\n增加值增长7.1%。"
    assert join_broken_lines(cut)[1] == 1
