"""Word lists and cue words of the figure reader, loaded from package data (``zibo_cli/data/words.tsv``):
one word a line, in lists named by their first column. Add a word there, not here."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ...catalog import match_name as _match_name
from ...catalog import unit_scale as _unit_scale

# The catalogue's answers for a name or a unit never change: a report repeats its names.
match_name = lru_cache(maxsize=4096)(_match_name)


unit_scale = lru_cache(maxsize=256)(_unit_scale)


FORECAST = "预计"  # the qualifier of an estimate (预计全年增长5%左右 → 预计左右)


def _load_words() -> dict[str, list[tuple[str, ...]]]:
    """Every list of ``zibo_cli/data/words.tsv``: list name → its entries in file order, each
    (word, *what it stands for)."""
    text = resources.files("zibo_cli").joinpath("data/words.tsv").read_text(encoding="utf-8")
    lists: dict[str, list[tuple[str, ...]]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[1]:
            raise ValueError(f"words.tsv:{n}: list<TAB>word, not {line!r}")
        lists.setdefault(parts[0], []).append(tuple(parts[1:]))
    return lists


_WORDS = _load_words()


def words(name: str) -> list[str]:
    """The words of one list of ``words.tsv``, in file order."""
    return [entry[0] for entry in _WORDS[name]]


# Units, longest first inside each alternative. A magnitude (万, 亿 …) may stand before
# the base unit and 余/多 between them (1.4万余人).
_BASE_UNITS = words("unit")
# Units that count things: "530个省市重点项目" names the count by the noun after it.
COUNT_UNITS = set(words("count_unit"))
DURATION_UNITS = set(words("duration_unit"))
GROWTH_VERBS = tuple(words("growth_verb"))
FALL_VERBS = set(words("fall_verb"))
# 改善/恶化 say better or worse, not up or down: 浓度改善5% is a fall, 优良天数比例改善3个百分点 a rise.
_LOWER_IS_BETTER = re.compile(r"浓度|PM2\.?5|PM10|排放|能耗|综合指数|失业率|重污染|污染天数|事故|死亡|发案")
PRE_QUALIFIERS = tuple(words("pre_qualifier"))
# Words that can stand between a name and its number, taken off the end of the name.
_TAIL_WORDS = sorted(set(GROWTH_VERBS) | set(PRE_QUALIFIERS) | set(words("tail_word")), key=len, reverse=True)
_TAIL_RE = re.compile("(?:" + "|".join(re.escape(w) for w in _TAIL_WORDS) + ")$")
_TAIL_SET = frozenset(_TAIL_WORDS)
_TAIL_LENGTHS = sorted({len(w) for w in _TAIL_WORDS}, reverse=True)


def _tail_word(s: str) -> tuple[int, str] | None:
    """(where, word) for the tail word ``s`` ends with: what ``_TAIL_RE.search`` finds (the
    leftmost match, so the longest such word), by set lookups instead of a scan."""
    if "\n" in s:  # $ also matches before a final newline: let the regex decide
        m = _TAIL_RE.search(s)
        return (m.start(), m[0]) if m else None
    n = len(s)
    for length in _TAIL_LENGTHS:
        if length <= n and s[n - length:] in _TAIL_SET:
            return n - length, s[n - length:]
    return None


_LEAD_WORDS = sorted(set(words("lead_word")), key=len, reverse=True)
# 其 (其增加值) is a lead word, but not the 其 of 其他用品及服务类
_LEAD_RE = re.compile("^(?:" + "|".join(re.escape(w) for w in _LEAD_WORDS) + "|其(?![他它余]))")
_BENEFIT_VERBS = tuple(words("benefit_verb"))
# Verbs that, before a count, belong in its name: 新增50余个首台（套）重大技术装备.
ACTION_VERBS = tuple(words("action_verb"))
# Nouns that say nothing alone: 2个项目基本完工 is named 项目基本完工, 开工262个项目 开工项目;
# with neither a verb before nor a short verb phrase after, such a count is not read.
GENERIC_COUNT_NOUNS = set(words("generic_count_noun"))
# what a bare 面积 after a count is the area of
_AREA_HOLDERS = tuple(words("area_holder"))
_SAME_AS_BEFORE = frozenset(words("same_as_before"))
GENERIC_NAMES = set(words("generic_name"))
# What a clause measures when its subject is the clause before's: 规模以上工业营业收入增长5%；
# 利润总额增长3% → 规模以上工业利润总额. A name that is only one of these takes the subject
# of the name before it in the sentence.
BARE_MEASURES = sorted(words("bare_measure"), key=len, reverse=True)
# What a set of projects reports: each takes the set's name (省重点项目 → 省重点项目总投资).
PROJECT_MEASURES = frozenset(words("project_measure"))
_INNER_DONE = re.compile("完成(?=(?:" + "|".join(BARE_MEASURES) + ")$)")


@lru_cache(maxsize=4096)
def _subject(name: str) -> str | None:
    """规模以上工业 for 规模以上工业营业收入: the name less the bare measure it ends with."""
    measure = next((m for m in BARE_MEASURES if name.endswith(m) and len(name) - len(m) >= 2), None)
    return name[:-len(measure)] if measure else None


# Statistical abbreviations that stand for several names at once (批零住餐 → 批发, 零售, 住宿, 餐饮).
ABBREVIATIONS = {entry[0]: tuple(entry[1].split()) for entry in _WORDS["abbreviation"]}
# The part of a list's last name that the other names leave out (城市低保、…保障标准).
SHARED_SUFFIXES = sorted(words("shared_suffix"), key=len, reverse=True)
# Scope words a list's first name has and the others leave out (本外币存款、贷款余额).
SHARED_PREFIXES = tuple(words("shared_prefix"))


def _falls(verb: str, name: str) -> bool:
    """Does the verb say the figure fell? 改善 is a fall for what is better lower (PM2.5浓度),
    恶化 a rise for it."""
    if verb in ("改善", "恶化"):
        return bool(_LOWER_IS_BETTER.search(name)) == (verb == "改善")
    return verb in FALL_VERBS


_ACTION_TAIL = re.compile(r"(?:了|已|共|累计|近|约|超过|超)+$")


def _action_suffix(span: str) -> str:
    """The action verb a span ends with (开工, 新增 …), or ""."""
    span = _ACTION_TAIL.sub("", span)
    for v in sorted(ACTION_VERBS, key=len, reverse=True):
        if span.endswith(v):
            return v
    return ""


_RELATIVE_UNITS = set(words("relative_unit"))


def _relative_or_same(unit: str, last_unit: str | None) -> bool:
    """May a figure with no name of its own take the name before it? Only a relative one
    (比…提高0.5个百分点, 占6.6%, 列第2位) or one in the same unit."""
    return last_unit is not None and (unit in _RELATIVE_UNITS or unit == last_unit)


def _action_prefix(name: str) -> str:
    for v in sorted(ACTION_VERBS, key=len, reverse=True):
        if name.startswith(v):
            return v
    return ""
