"""Name forms: how a name as written becomes the name zibo keeps (省、市 → 省市, 因X造成的Y → XY,
饮料类商品零售额 → 饮料类零售额 …) and a county's short name before a vocabulary entry. Each form is
shown by a case of the phrase corpus (tests/corpus/figures/names.tsv, lists.tsv, regions.tsv)."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import places
from .vocabulary import VOCABULARY

# 信息传输…服务业、租赁和商务服务业两个主要行业营业收入: the count of the list before, an apposition
_LIST_COUNT = re.compile(r"(?<=业)(?:[两三四五六七八九十]|\d{1,2})(?:个|大)(?:主要|重点|支柱|优势|主导)?(?:行业|产业)(?=\S{2,}$)")


# 因各种自然灾害造成的直接经济损失 → 自然灾害直接经济损失: the cause and what it caused
_CAUSED = re.compile(r"^因(?:各种|各类)?(?P<cause>[\u4e00-\u9fff]{2,8}?)(?:造成|导致|引起)的?(?P<what>[\u4e00-\u9fff]{2,10})$")


# 省、市重点项目: two levels of government written as a list before one name
_LEVELS = re.compile(r"^([国省市县区])、([省市县区乡镇])(?=[\u4e00-\u9fff]{2})")


# 年度计划完成投资 is 年度计划投资: the investment the year's plan sets (完成 is the plan's verb)
_PLANNED_INVESTMENT = re.compile(r"(?<=年度计划|全年计划)完成(?=投资$)")


# （下同）, （同比，下同）: a note in brackets on the figures after it
_NOTE = re.compile(r"[（(][^（）()]{0,8}下同[)）]")


def without_notes(s: str) -> str:
    """预计（下同）全年实现生产总值: a note in brackets on the figures after it is no name."""
    return _NOTE.sub("", s)


def normal_form(s: str) -> str:
    """The name zibo keeps for a name as written (the raw name keeps the text)."""
    s = _CAUSED.sub(r"\g<cause>\g<what>", s)
    if "、" in s or "和" in s:
        s = _LIST_COUNT.sub("", s)  # …服务业、租赁和商务服务业两个主要行业营业收入 → …服务业营业收入
    s = _LEVELS.sub(r"\1\2", s)  # 省、市重点项目 is 省市重点项目
    s = _PLANNED_INVESTMENT.sub("", s)  # 省重点项目年度计划完成投资 → 省重点项目年度计划投资
    s = s.replace("类商品零售额", "类零售额")  # 饮料类商品零售额: 商品 says nothing after a class
    return s.replace("衣著", "衣着")  # OpenCC keeps 著 (a simplified character too) in 衣著


@lru_cache(maxsize=1)
def _vocabulary_words() -> frozenset[str]:
    """Every run of two to four characters inside a vocabulary entry (港口 of 港口货物吞吐量)."""
    return frozenset(v[i:j] for v in VOCABULARY for i in range(len(v)) for j in range(i + 2, min(len(v), i + 4) + 1))


def county_short(s: str) -> tuple[str, str] | None:
    """A county's short name before a vocabulary entry as a whole (荔城地区生产总值); never words
    an entry holds (港口 of 港口货物吞吐量, 新建 …) nor a name that is an entry itself."""
    found = places.county_short_prefix(s)
    if found is None or s in VOCABULARY or found[1] not in VOCABULARY:
        return None
    short = s[:len(s) - len(found[1])]
    return None if short in _vocabulary_words() else found
