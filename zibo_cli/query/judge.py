"""Is a target met? The judgement every query shares (``zibo targets``, the "met target?" column
of ``--periods``, the web pages): a target's direction (at least, or a ceiling) and whether an
actual reaches it, a 左右 ("about") target with some slack. ``query.targets`` says the rules in
words."""

from __future__ import annotations

import re

__all__ = ["judge", "direction", "at_most", "ABOUT_PP", "ABOUT_SHARE"]

ABOUT_PP = 0.5  # 左右 for a growth rate: within half a percentage point
ABOUT_SHARE = 0.01  # 左右 for an amount: within 1%

_AT_MOST = ("以内", "以下", "控制在", "不超过", "低于", "之内")


def at_most(target: float, qualifier: str | None) -> bool:
    """Is the target a ceiling (以内, 以下, 控制在 …, or a fall: 下降2% is -2)?"""
    q = qualifier or ""
    return any(w in q for w in _AT_MOST) or target < 0


# what should stay low: a target of these is a ceiling whatever its words (not when the name is
# the fall itself: 能耗下降率 3% is a fall to reach)
_CEILING_NAMES = re.compile(r"失业率|能耗|PM2\.?5|细颗粒物|可吸入颗粒物|居民消费价格|消费价格涨幅|物价涨幅|CPI|"
                            r"排放|碳强度|用水量|死亡率|事故|负债率|债务率|不良贷款率|发病率|赤字率")
_FALLING = re.compile(r"下降|降低|减少|改善|削减|压减|降幅")
_AT_LEAST = ("以上", "不低于", "超过", "突破", "不少于")


def direction(name: str, target: float, qualifier: str | None, quote: str | None = None) -> str:
    """``max`` when the target is a ceiling (the actual should stay at or below it), else ``min``:
    its qualifier (以内, 控制在, 不超过 …), a fall (下降2%: -2), the words around it in its sentence
    (控制在5.5%以内, 不超过3%, 低于2.5%的控制目标), or what it measures (失业率, 能耗, PM2.5 …)."""
    q = qualifier or ""
    if any(w in q for w in _AT_MOST) or target < 0:
        return "max"
    if any(w in q for w in _AT_LEAST):
        return "min"
    if quote and _says_ceiling(quote, target):
        return "max"
    if _CEILING_NAMES.search(name or "") and not _FALLING.search(name or ""):
        return "max"
    return "min"


# 控制在5.5%以内, 不超过3%, 低于2.5%的控制目标: the words of a ceiling before or after its number.
# Fixed patterns, each number compared as written: a pattern built for each target's number would be
# compiled anew for nearly every figure (re's cache holds 512), a second at 1,000 reports.
_CEILING_WORD = re.compile(r"控制在|不超过|不高于|低于|不突破|控制")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_CEILING_AFTER = re.compile(r"[%‰]?[^，；。,;\d]{0,4}(?:以内|以下|之内|控制目标)")
_CLAUSE_END = re.compile(r"[，；。,;]")


def _says_ceiling(quote: str, target: float) -> bool:
    """Whether the sentence writes ``target`` as a ceiling: after 控制在/不超过/低于 … within 12
    characters of the same clause, or before 以内/以下/之内/控制目标."""
    from ..render import number

    n = number(target)
    if n not in quote:
        return False
    for w in _CEILING_WORD.finditer(quote):
        end = _CLAUSE_END.search(quote, w.end())
        segment = quote[w.end():end.start() if end else len(quote)]
        if any(m[0] == n and m.start() <= 12 for m in _NUMBER.finditer(segment)):
            return True
    return any(m[0] == n and _CEILING_AFTER.match(quote, m.end()) for m in _NUMBER.finditer(quote))


def judge(target: float, qualifier: str | None, actual: float, growth: bool, way: str | None = None) -> bool:
    """Does ``actual`` reach ``target`` on the right side of it: at or below a ceiling (``way``
    ``max``), else at or above (see the module docstring)? Without ``way``, the qualifier and the
    sign decide."""
    about = "左右" in (qualifier or "")
    slack = (ABOUT_PP if growth else abs(target) * ABOUT_SHARE) if about else 0.0
    if way == "max" or (way is None and at_most(target, qualifier)):
        return actual <= target + slack
    return actual >= target - slack
