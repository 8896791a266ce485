"""Reading a list of figures: 分别 pairs names and values; one name for several places."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Observation
from .context import _Named
from .lists import _share_affixes, split_names
from .tokens import _Figure
from .words import GENERIC_NAMES, GROWTH_VERBS

_VERB_JOIN = re.compile(r"[、和及](?:同比)?(?:增长|下降|上升|提高|回落|减少|增加|下滑|加快|放缓)")


class GroupReading:
    """Reading a list of figures: 分别 pairs names and values; one name for several places. (part of the sentence reader)"""

    def _joins(self, a: _Figure, b: _Figure) -> bool:
        between = self.masked[a.end:b.start]
        if a.rank != b.rank:
            return False
        if between in ("、", "和", "及"):
            return True
        # 分别下降12.4%、增长7.3%和增长2.6%: each value with its own verb, still one list
        return bool(_VERB_JOIN.fullmatch(between)) and "分别" in self.masked[self._clause_start(a.start):a.start]

    def _read_group(self, group: list[_Figure], named: _Named, span: str) -> list[Observation]:
        n = len(group)
        if group[-1].unit == "百分点":
            # 分别加快9.1个、11.0个和7.2个百分点: the unit written once, after the last
            for f in group[:-1]:
                if f.unit == "个" and self.masked[f.end:f.end + 1] in ("、", "和", "及"):
                    f.unit, f.count_noun = "百分点", False
        items = self._items_before(self.group_start) if named.names and named.names[0] and "分别" in named.tail \
            else []
        if named.regions and len(named.regions) == n and named.names and named.names[0]:
            return self._read_regions(group, named)
        own = split_names(named.names[0], n) if named.names else ([], [])
        if n >= 2 and len(items) + 1 > n:
            # 服务消费市场发展较好，居民服务、修理和其他服务业，文化、体育和娱乐业…分别…: the nearest
            # industries, when the clause's own names would split one of them (文化 | 体育和娱乐业)
            near = items[len(items) - (n - 1):]
            short = len(own[0]) != n or any(len(x) <= 2 for x in named.names[0].split("、"))
            items = near if short and all(x.endswith("业") for x in near) else []
        if items and len(items) + 1 == n:
            # 分门类看，采矿业，制造业，电力、热力、燃气及水生产和供应业分别…: the list began in
            # the clauses before, one bare noun each (the last item is whole, 、 and all)
            names, raws = _share_affixes([*items, named.names[0]]), [*items, named.raw[0]]
        else:
            names, raws = own
        if len(names) != n:
            if self.may_inherit and not (named.names and named.names[0]) and len(self.last_names) == n:
                names, raws = list(self.last_names), list(self.last_raw)
            elif self.may_inherit and not (named.names and named.names[0]) and len(self.history) >= n:
                # 接待游客1800万人次、实现旅游总收入166亿元，分别增长9.5%、11.2%
                names = [h[0] for h in self.history[-n:]]
                raws = [h[1] for h in self.history[-n:]]
            elif "分别" in named.tail and named.names and named.names[0] \
                    and (regions := self._regions_before(n)):
                # 酒泉、定西排名第二和第三，GDP增速分别为…: the places the clause before lists
                return self._read_regions(group, replace(named, regions=regions))
            elif "分别" in named.tail and (listed := self._list_before_verdict(n, named)):
                names, raws = listed, listed  # 饮料类、烟酒类受春节因素影响，分别增长…
            elif "分别" in named.tail:
                return []  # 分别 pairs names with values; unpaired, none can be named
            else:
                # a list of figures under one name: only the first is surely its figure
                return self._read_one(group[0], named, span)
        out = []
        names = [self._with_subject(n) if n else n for n in names]
        if named.share_of:  # 分别占年计划的49.3%、50.1%: each a share of its plan
            raws = [f"{n}{named.share_verb}{named.share_of}比例" if n and r in (n, "") else r
                    for n, r in zip(names, raws, strict=True)]
        for i, (fig, name, raw) in enumerate(zip(group, names, raws, strict=True)):
            if not name or name in GENERIC_NAMES:
                continue
            own = named
            if i and _VERB_JOIN.fullmatch(between := self.masked[group[i - 1].end:fig.start]):
                # 分别下降12.4%、增长7.3%: each value takes the verb before it
                verb = between[1:].removeprefix("同比")
                own = replace(named, tail=[w for w in named.tail if w not in GROWTH_VERBS] + [verb])
            obs = self._observation(fig, name, raw, own)
            if obs:
                out.append(obs)
        self.last_names, self.last_raw, self.last_unit = names, raws, group[0].unit
        return out

    def _read_regions(self, group: list[_Figure], named: _Named) -> list[Observation]:
        """绵阳、德阳GDP总量分别为312.6亿元、298.04亿元: the same indicator, one figure a region."""
        name = self._with_subject(named.names[0])
        out = []
        for fig, region in zip(group, named.regions or [], strict=True):
            obs = self._observation(fig, name, named.raw[0], replace(named, region=region, regions=None))
            if obs:
                out.append(obs)
        self.last_names, self.last_raw, self.last_unit = [name], [named.raw[0]], group[0].unit
        return out
