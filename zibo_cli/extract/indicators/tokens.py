"""Tokens: the figures of a sentence (numbers with units, ranks, index values), sentences and clauses, quotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...periods import cn_number
from .words import _BASE_UNITS, COUNT_UNITS, DURATION_UNITS

MAX_QUOTE = 300


_UNIT_RE = "|".join(re.escape(u) for u in sorted(_BASE_UNITS, key=len, reverse=True))


_FIGURE = re.compile(
    r"(?P<sign>[-—－−])?"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<mag>万亿|千万|百万|十万|万|亿)?"
    r"(?P<q1>余|多)?"
    r"(?:(?P<unit>" + _UNIT_RE + r")(?P<q2>以上|左右|以下|以内|之多|多|余)?)?"
)


_CLASS_BY_SIZE = re.compile(r"(?:及|或)?以上(?:的)?(?:重点|产业|工业|在建|新开工|续建)?(?:项目|企业|单位)")


_ABBREVIATION_BEFORE = re.compile(r"(?<![A-Za-z])(?:GDP|CPI|PPI|PMI)$")


_RANK = re.compile(r"第(?P<num>\d+)(?P<unit>位|名)")
# the numbers after the first of a list of ordinals (第9、10件, 第3、5和7项): item numbers
_ORDINAL_LIST = re.compile(r"第\d{1,3}(?:[、,，和及]\d{1,3})*[、,，和及]$")


# a rank without 位/名 right after 全省/全国 (位列全省第3)
_RANK_BARE = re.compile(r"(?<=全省|全国|全市)第(?P<num>\d+)(?![\d.])(?=[，。；、）\s]|$)")


# ranks in Chinese numerals (列全省第五位, 居全国第十一名, 位列全省第二): only after a
# word that says where it ranks, since 放在第一位 is no rank
_CN_RANK_NUM = r"(?P<num>[一二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)"


_RANK_CN = re.compile(r"(?<=全省|全国|全市|省内|地市|城市|市中|名列|位列|排名|位居)第" + _CN_RANK_NUM
                      + r"(?:(?P<unit>位|名)|(?=[，。；、）\s]|$))")


_RANK_CN_ANY = re.compile(r"第" + _CN_RANK_NUM + r"(?=位|名)")


_SENTENCE_END = re.compile(r"[。！？!?\n\t]|</?p>|<br\s*/?>|</?span[^>]*>|</?div[^>]*>")


_CLAUSE_END = set("，；：,;:")


_CLAUSE_MARK = re.compile("[" + "".join(sorted(_CLAUSE_END)) + "]")


_RANGE_CHARS = "~～-—－至到"


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


_FIRST_FIGURE = re.compile(r"\d")


@dataclass
class _Figure:
    start: int  # in the sentence (the sign or the first digit)
    end: int
    value: float
    written: str  # the number as written
    unit: str
    qualifier: str | None
    rank: bool = False
    count_noun: bool = False  # the unit counts things and a noun follows


# Reading a sentence costs time growing with its length times its figures: a sentence longer
# than this (a table flattened into one line, a hostile file) is read in pieces cut at clause
# ends, so time per document stays linear in its length.
MAX_SENTENCE = 1500


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text``; an overlong one in pieces of at most about
    MAX_SENTENCE characters, cut after a ；or ，."""
    pos = 0
    for m in _SENTENCE_END.finditer(text + "\n"):
        end = min(m.start(), len(text))
        while end - pos > MAX_SENTENCE:
            cut = max(text.rfind("；", pos, pos + MAX_SENTENCE), text.rfind("，", pos, pos + MAX_SENTENCE))
            cut = cut + 1 if cut > pos else pos + MAX_SENTENCE
            yield pos, cut
            pos = cut
        yield pos, end
        pos = m.end()


# Every figure has a digit (_FIGURE, _RANK, _RANK_BARE) or is a rank written 第五 (_RANK_CN):
# a sentence with neither has no figure and is not read at all.
_MAY_HOLD_FIGURE = re.compile(r"\d|第")


_WORD_CHAR = re.compile(r"[\w\u4e00-\u9fff]")


_INDEX_VERB_END = re.compile(r"(?:为|达到|达|是|下降|上升|增长|提高|降低|到|至|了|同比)+$")


_INDEX_NAME_END = re.compile(r"(?:指数|系数|PMI|CPI|PPI)$")


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")


@lru_cache(maxsize=256)  # every figure of a sentence has the same quote
def quote_digits(quote: str) -> str:
    """A quote as stored: numbers without thousands separators (1,234亿元 → 1234亿元) and
    ranks in digits (第五位 → 第5位), so a figure's value can be found in its quote. The
    quote's offset still points at the sentence as written."""
    if "," in quote:
        quote = _THOUSANDS.sub("", quote)
    if "第" not in quote:
        return quote  # both rank patterns start with 第
    for rx in (_RANK_CN_ANY, _RANK_CN):
        quote = rx.sub(lambda m: f"第{cn_number(m['num'])}{m['unit'] or ''}" if "unit" in m.re.groupindex
                       else f"第{cn_number(m['num'])}", quote)
    return quote


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_PAIRS = {"（": "）", "(": ")", "“": "”", "《": "》"}


_TRIM_CHARS = frozenset("、，；：。 " + "".join(_PAIRS) + "".join(_PAIRS.values()))


def _trim(s: str) -> str:
    """Strip punctuation from both ends, keeping brackets and quotes that are closed."""
    if not s or (s[0] not in _TRIM_CHARS and s[-1] not in _TRIM_CHARS):
        return s  # nothing at either end to strip
    junk = "、，；：。 "
    while True:
        before = s
        s = s.strip(junk)
        for o, c in _PAIRS.items():
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


class FigureFinding:
    """Tokens: the figures of a sentence (numbers with units, ranks, index values), sentences and clauses, quotes. (part of the sentence reader)"""

    # -- figures --------------------------------------------------------------
    _figures: list[_Figure] | None = None

    _marks: list[int] | None = None  # where the clause marks stand (see _clause_start)

    def figures(self) -> list[_Figure]:
        """The figures of the sentence, found once (:meth:`read`, then :meth:`opening_period`)."""
        if self._figures is None:
            self._figures = self._find_figures()
        return self._figures

    def _find_figures(self) -> list[_Figure]:
        s = self.masked
        figs: list[_Figure] = []
        taken: list[tuple[int, int]] = []
        for rx in (_RANK, _RANK_BARE, _RANK_CN) if "第" in s else ():
            for m in rx.finditer(s):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                value = float(cn_number(m["num"]))
                figs.append(_Figure(m.start(), m.end(), value, m["num"], "位", None, rank=True))
                taken.append((m.start(), m.end()))
        for m in _FIGURE.finditer(s):
            if not m["unit"] and not m["num"]:
                continue
            start = m.start("num")
            if any(a <= start < b for a, b in taken):
                continue
            before = s[start - 1] if start else ""
            if before and (before.isdigit() or before in ".#/_" or before.isascii() and before.isalpha()) \
                    and not (m["unit"] and _ABBREVIATION_BEFORE.search(s, 0, start)):
                continue  # PM2.5, 5G, A3 are no figures; 人均GDP23815元 is one
            if before == "第" or (before in "、,，和及" and _ORDINAL_LIST.search(s, max(0, start - 30), start)):
                continue  # 第9、10件: item numbers, no amounts
            after = s[m.end("num"):m.end("num") + 1]
            if m["mag"] is None and m["unit"] is None and after and after.isascii() and after.isalpha():
                continue
            # ranges: 2~3条, 1—5月 (the sign slot holds the dash of a range)
            sign = m["sign"]
            sign_start = m.start("sign") if sign else start
            if sign:
                pre = s[sign_start - 1] if sign_start else ""
                if pre == "%" and sign in "-—－" and figs and figs[-1].end == sign_start:
                    # 增速在4%-9%之间: a range of rates, no figure (neither end, nor a fall)
                    figs.pop()
                    taken.pop()
                    continue
                if pre.isdigit() or not pre:
                    sign = None  # 1—5: a range, not a minus
                    if pre.isdigit():
                        continue
            elif before and before in _RANGE_CHARS and start >= 2 and s[start - 2].isdigit():
                continue
            nxt = s[m.end("num"):m.end("num") + 2]
            if len(nxt) == 2 and nxt[0] in _RANGE_CHARS and nxt[1].isdigit():
                continue  # the first end of a range
            if m["unit"] and _CLASS_BY_SIZE.match(s, m.end("unit")):
                continue  # 5000万元及以上项目950个: the size names a class of projects, no figure
            unit = m["unit"]
            written = m["num"]
            if unit is None:
                if m["mag"]:
                    continue  # 40万学生: a magnitude with no unit is not read
                if not self._index_name_before(sign_start):
                    continue
                unit = ""
            if unit == "个百分点":
                unit = "百分点"
            try:
                value = float(written.replace(",", ""))
            except ValueError:
                continue
            if sign:
                value = -value
            full_unit = (m["mag"] or "") + unit
            qual = m["q2"] or m["q1"]
            end = m.end()
            count_noun = False
            if unit in DURATION_UNITS and not m["mag"] and _is_cjk(s[end:end + 1] or "。") \
                    and not re.match(r"以|左|内|的", s[end:end + 1]):
                continue  # 5天储气能力, 24小时值守: a length of time describing what follows
            if unit == "个" and not m["mag"] and re.match(r"季度|月|年|工作日|小时", s[end:end + 3]):
                continue  # 连续6个季度, 3个月: a length of time, not a count
            if unit in COUNT_UNITS and not m["q2"]:
                nxt1 = s[end:end + 1]
                count_noun = bool(nxt1) and (_is_cjk(nxt1) or nxt1 in "“\"《") and nxt1 not in "以左"
            figs.append(_Figure(sign_start, end, value, written, full_unit, qual, count_noun=count_noun))
            taken.append((sign_start, end))
        figs.sort(key=lambda f: f.start)
        return figs

    def _index_name_before(self, start: int) -> bool:
        """A number with no unit is a figure only after an index's name (综合指数为5.04)."""
        before = self.masked[max(0, start - 16):start]
        before = _INDEX_VERB_END.sub("", before)
        return bool(_INDEX_NAME_END.search(before))

    def _clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts: after the last clause mark before it."""
        marks = self._marks
        if marks is None:
            marks = self._marks = [m.start() for m in _CLAUSE_MARK.finditer(self.masked)]
        return marks[bisect_left(marks, pos) - 1] + 1 if marks and marks[0] < pos else 0
