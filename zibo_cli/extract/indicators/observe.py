"""An observation from a figure and its name: measure, sign, catalogue name, kind, region, quote."""

from __future__ import annotations

import re

from ... import places
from ...models import ACTUAL, TARGET, Observation
from .context import _Named
from .lists import _ALT_NAME
from .tokens import MAX_QUOTE, _Figure, quote_digits
from .vocabulary import VOCABULARY, name_rule
from .words import FORECAST, GROWTH_VERBS, _falls, match_name

# 低于目标1.4个百分点: the gap to the target, from which the target follows
_VS_TARGET = re.compile(r"(?P<dir>高于|低于|超过|超出|超|落后于?|快于|慢于|差)(?:年度|全年|预期|计划)?目标(?:值)?$")

# a name read from a task's cell that is a leftover of the cut: it opens on a mark or a particle, or
# ends on a word that needs more after it (从, 和, 与, 及, 由) or a mark
_CELL_LEFTOVER = re.compile(r"^[的、，,/／>＞<＜]|(?:从|和|与|及|由|至|到|[、，,/／>＞<＜])$")


_SHARE_NAME = re.compile(r"^[^占]{2,}占[^占]{1,12}(?:比重|比例)$")


class Observing:
    """An observation from a figure and its name: measure, sign, catalogue name, kind, region, quote. (part of the sentence reader)"""

    # -- observations -----------------------------------------------------------
    def _observation(self, fig: _Figure, name: str, raw: str, named: _Named) -> Observation | None:
        tail = set(named.tail)
        measure = "level"
        value = fig.value
        if fig.rank:
            measure = "rank"
        elif fig.unit == "百分点":
            measure = "change"
        elif "占" in tail or "占比" in tail or named.of and fig.unit == "%" \
                or fig.unit == "%" and _SHARE_NAME.search(name):
            measure = "share"  # …，占比…; 第一产业增加值占GDP的比重为6.8%
        else:
            verbs = [w for w in named.tail if w in GROWTH_VERBS]
            to_level = bool(tail & {"到", "至"})
            if verbs and not to_level:
                measure = "growth" if fig.unit in ("%", "‰", "倍") else "change"
                if _falls(verbs[-1], name) != named.decline_name:
                    value = -value
            elif named.growth_name and fig.unit in ("%", "‰"):
                measure = "growth"
        if measure == "change" and fig.unit == "百分点":
            verbs = [w for w in named.tail if w in GROWTH_VERBS]
            if verbs and _falls(verbs[-1], name) != named.decline_name:
                value = -value
        entry, rate = match_name(name)
        if entry is None and _ALT_NAME.search(name):
            # 生产总值（GDP）: the name, or the other name in brackets, may be the catalogue's
            alt = _ALT_NAME.search(name)[0][1:-1]
            entry, rate = match_name(_ALT_NAME.sub("", name))
            if entry is None:
                entry, rate = match_name(alt)
        if entry is None and len(name) > 3 and name.endswith(("总量", "总额")):
            entry, rate = match_name(name[:-2])  # GDP总量: the catalogue's GDP (its level)
            rate = False if entry is not None else rate
        indicator_id = None
        if entry is not None:
            indicator_id = entry.id
            if rate and measure == "level" and fig.unit in ("%", "‰"):
                measure = "growth"
            name = entry.name
        name = _ALT_NAME.sub("", name) or name
        if self.ctx.task_seq is not None and _CELL_LEFTOVER.search(name):
            return None  # 、四会市、广宁县 / 补差水平从 / 泰顺>: what is left of a cut cell names nothing
        if self.ctx.task_seq is None and name_rule(name, fig.unit) is None:
            # (in a task's cell the task says what a bare measure is of: 已完成投资3000万元)
            if raw not in VOCABULARY:
                return None  # a name the grammar cannot form (a leftover of the clause): no figure
            name = VOCABULARY[raw]  # 自然增长率 is a rate, not the growth of 自然: the entry as written
        kind = self.ctx.kind
        # 预期目标为5.5%左右，全年实际增长5.8%: 实际 says the figure after a target cue is the result
        cued = self.targets_from is not None and fig.start >= self.targets_from and "实际" not in named.tail
        if kind == ACTUAL and (named.target or cued):
            kind = TARGET
        year, start_month, end_month = self._period(fig, kind, named)
        quote, qstart = self._quote(fig)
        quote = quote_digits(quote)
        qualifier = fig.qualifier or named.pre_qualifier
        if qualifier == "达":
            qualifier = None
        if named.excluding:
            qualifier = named.excluding + (qualifier or "")
        if (named.forecast or self.forecast) and kind == ACTUAL:
            # 预计全年增长5%左右: an estimate, kept as an actual qualified 预计 (never counted as
            # meeting a target, and a figure without 预计 for the period is preferred)
            qualifier = FORECAST + (qualifier or "")
        basis, base_period = self._basis(measure, named, year)
        return Observation(
            name=name, value=value, unit=fig.unit, kind=kind, year=year, start_month=start_month,
            end_month=end_month, indicator_id=indicator_id, raw_name=raw or None, measure=measure,
            qualifier=qualifier, char_offset=self.offset + qstart, quote=quote, task_seq=self.ctx.task_seq,
            region=self._region(named), basis=basis, base_period=base_period,
        )

    def _region(self, named: _Named) -> str | None:
        """The place a figure is about: one written before its name, else what its scope word
        says (全省: the province of the document's region; 全国), else the document's region."""
        if named.region:
            return named.region
        if named.scope in ("全国", "我国"):
            return places.NATION
        if named.scope in ("全省", "我省") and self.ctx.region:
            return places.province_of(self.ctx.region) or self.ctx.region
        return self.ctx.region

    def _quote(self, fig: _Figure) -> tuple[str, int]:
        """The sentence, or if too long the clause(s) around the figure; and its start."""
        s = self.s
        if len(s) <= MAX_QUOTE:
            return s, 0
        # the "；"-part holding the figure
        start = s.rfind("；", 0, fig.start) + 1
        end = s.find("；", fig.end)
        end = len(s) if end < 0 else end + 1
        if end - start <= MAX_QUOTE:
            return s[start:end], start
        # the "，"-clauses around it, growing while they fit
        start = s.rfind("，", 0, fig.start) + 1
        end = s.find("，", fig.end)
        end = len(s) if end < 0 else end + 1
        if end - start > MAX_QUOTE:
            start = max(0, fig.start - MAX_QUOTE // 2)
            end = min(len(s), start + MAX_QUOTE)
        return s[start:end], start

    def _vs_target(self, fig: _Figure, span: str) -> list[Observation]:
        """低于目标1.4个百分点 after a growth of 5.2%: the gap (basis vs_target) and the target
        it implies (6.6%, marked derived, quoting the same clause)."""
        if len(self.last_names) != 1 or self.last_unit not in ("%", "‰") or self.last_value is None:
            return []
        name, raw = self.last_names[0], self.last_raw[0]
        below = _VS_TARGET.search(span.strip().rstrip("（("))["dir"] in ("低于", "落后", "落后于", "慢于", "差")
        gap = _Named(names=[name], raw=[raw], tail=["比目标"])
        obs = self._observation(fig, name, raw, gap)
        if obs is None:
            return []
        obs.basis, obs.measure = "vs_target", "change"
        obs.value = -fig.value if below else fig.value
        target_value = round(self.last_value + (fig.value if below else -fig.value), 10)
        goal = _Figure(fig.start, fig.end, target_value, fig.written, self.last_unit, None)
        derived = self._observation(goal, name, raw, _Named(names=[name], raw=[raw], target=True,
                                                            tail=["增长"] if self.last_measure == "growth" else []))
        if derived is None:
            return [obs]
        derived.derived = True
        if derived.value < 0 and self.last_measure == "growth":
            derived.value = target_value  # a target of a fall keeps its sign (the growth verb flipped it)
        return [obs, derived]
