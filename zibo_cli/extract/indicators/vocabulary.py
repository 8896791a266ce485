"""The indicator vocabulary and the small grammar that recognises a name.

The vocabulary (``zibo_cli/data/indicators.tsv``: name, head noun, category, English id,
aliases, source) holds the names of the national statistical indicator system, the catalogue's
and the hand-read gold's. A figure's name is kept only when one of the grammar's rules forms it
(:func:`name_rule`); a name none forms is a leftover of the clause (态势看, 的比率, 按计划,
呈现正) and the figure is not emitted: a missing figure is better than a wrong one.

The rules, tried in order (each returns its own name, so a test can say which rule formed which
name):

``vocabulary``       the name is an entry or an alias (or a catalogue name)
``pull``             拉动/上拉 … N个百分点: the pull of the figure before
``set``              大类行业, 增加值增长的行业: how many there are and how many grew
``modified_entry``   modifiers + the longest entry the name ends with (规上装备制造业增加值:
                     规上 + 装备制造业增加值; 市区城镇居民人均可支配收入)
``share``            X占Y比重/比例 or X对Y的贡献率, X and Y themselves names
``head_noun``        modifiers + a head noun of the vocabulary (增加值, 产量, 零售额, 投资, 率 …):
                     a new industry's, product's or project set's figure (锂电产业增加值)
``industry``         an industry or a class: …业, …类 (制造业, 食品烟酒类), with its modifiers
``count``            a count (个, 家, 项 …) of a noun phrase: 新增专精特新企业, 国家级自然保护区
``noun_phrase``      a name the vocabulary does not know: words with none of the stop words, not
                     ending in a verb (a new indicator is kept; its words are checked, not known)

Modifiers are what may stand before an entry or a head: scope and size (规上, 限额以上, 5000万元及
以上), industries, products, places' kinds (城镇, 农村, 市区), years' kinds (年度, 累计) — any
words but the ``name_stop`` words of ``words.tsv`` (verbs and comments). ``not_a_name`` words
name nothing alone. A figure of a task's cell (a task table's target or progress) is not held to
the grammar: its task says what a bare measure (完成投资) is of.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .words import ACTION_VERBS, COUNT_UNITS, match_name, words

__all__ = ["VOCABULARY", "HEADS", "name_rule", "load_vocabulary"]


def load_vocabulary() -> tuple[dict[str, str], frozenset[str]]:
    """(every name and alias → its entry's name, the head nouns) of ``indicators.tsv``."""
    text = resources.files("zibo_cli").joinpath("data/indicators.tsv").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    heads: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6 or not parts[0]:
            raise ValueError(f"indicators.tsv:{n}: 6 TAB-separated fields, not {len(parts)}")
        name, head, _category, _id, aliases, _source = parts
        names[name] = name
        for alias in filter(None, aliases.split(";")):
            names.setdefault(alias, name)
        if len(head) >= 1 and head not in ("业", "类"):
            heads.add(head)
    return names, frozenset(heads)


VOCABULARY, HEADS = load_vocabulary()
_HEADS_LONGEST_FIRST = sorted(HEADS, key=len, reverse=True)
_ENTRY_LENGTHS = sorted({len(n) for n in VOCABULARY}, reverse=True)
_STOP = re.compile("|".join(re.escape(w) for w in sorted(words("name_stop"), key=len, reverse=True)))
_NOT_A_NAME = frozenset(words("not_a_name"))
_MODIFIER = re.compile(r"[\u4e00-\u9fffA-Za-z0-9.（）()“”、·]*")
_SHARE = re.compile(r"(?P<x>.{2,}?)(?:占(?P<y>.{1,16}?)(?:的)?(?:比重|比例)|对(?P<z>.{1,16}?)的?贡献率)")
_INDUSTRY = re.compile(r".{1,30}(?:业|类)")
# what a noun phrase does not end with: a verb or an adverb left of the number
# or a preposition or particle a cut clause ends with (人均生产总值从…, 湖北仍以…, 三大支柱行业中…,
# 消费品零售额各…, 项目未…)
_VERB_END = re.compile(r"(?:进度|表决|出炉|先试|拆分后|建设|折算|连续|[了着过]|第|前|[从以中各未])$")
_PULL = re.compile(r"(?:拉动|上拉|带动|下拉).{1,16}")
_SET = re.compile(r"(?:[\u4e00-\u9fff]{0,10}(?:行业|类别|产品|大类|门类)|(?:[\u4e00-\u9fff]{0,6})增长的(?:行业|产品|企业|类别))")


def _modifier(prefix: str) -> bool:
    """May ``prefix`` stand before an entry or a head noun?"""
    return bool(_MODIFIER.fullmatch(prefix)) and not _STOP.search(prefix)


def _entry_suffix(name: str) -> str | None:
    """The longest vocabulary entry (or alias) ``name`` ends with, of two characters or more."""
    for length in _ENTRY_LENGTHS:
        if length < 2:
            break
        if length <= len(name) and name[-length:] in VOCABULARY:
            return name[-length:]
    return None


_PARTICLE_START = re.compile(r"[的、，,]")


@lru_cache(maxsize=8192)
def name_rule(name: str, unit: str = "") -> str | None:
    """The rule that forms ``name`` (see the module docstring), or None: no figure."""
    if not name or _PARTICLE_START.match(name):
        return None  # 的经济总量: what is left of a clause cut after 的 names nothing
    if name in VOCABULARY or match_name(name)[0] is not None:
        return "vocabulary"
    if name in _NOT_A_NAME or name in ACTION_VERBS:
        return None  # 消除(25个): a verb alone names nothing
    if _STOP.search(name):
        return None
    if unit == "百分点" and _PULL.fullmatch(name):
        return "pull"
    if _SET.fullmatch(name):
        return "set"
    entry = _entry_suffix(name)
    if entry is not None and _modifier(name[:-len(entry)]):
        return "modified_entry"
    m = _SHARE.fullmatch(name)
    if m and name_rule(m["x"], unit) is not None:
        return "share"
    for head in _HEADS_LONGEST_FIRST:
        if name.endswith(head) and len(name) > len(head) and _modifier(name[:-len(head)]):
            return "head_noun"
    if len(name) >= 3 and _INDUSTRY.fullmatch(name) and _modifier(name):
        return "industry"
    base = unit.lstrip("万亿千百十") or unit
    if (unit in COUNT_UNITS or base in COUNT_UNITS) and len(name) >= 2 and _modifier(name) and not _VERB_END.search(name):
        return "count"
    if len(name) >= 2 and _modifier(name) and not _VERB_END.search(name):
        return "noun_phrase"
    return None
