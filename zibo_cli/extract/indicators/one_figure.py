"""Reading one figure: the decisions of the sentence reader, in order."""

from __future__ import annotations

import re

from ...models import Observation
from .context import _Named
from .lists import _both
from .tokens import _Figure
from .words import (
    _SAME_AS_BEFORE,
    GENERIC_COUNT_NOUNS,
    GENERIC_NAMES,
    _action_suffix,
    _relative_or_same,
    match_name,
    unit_scale,
)

# 低于目标1.4个百分点: the gap to the target, from which the target follows
_VS_TARGET = re.compile(r"(?P<dir>高于|低于|超过|超出|超|落后于?|快于|慢于|差)(?:年度|全年|预期|计划)?目标(?:值)?$")


# 超额完成/顺利完成/已完成…: a target met (its year is the one the actuals review)
_MET = re.compile(r"(?:超额|顺利|圆满|提前|全面|已经?)完成|完成了")


_PLACE_SET = re.compile(r"\d+\s?个\s?(?:城市|省份|地市|地级市|地区|县区|区县|县市区|县)(?!重点|级|属)(?![\u4e00-\u9fff]*中)")


_THRESHOLD_OF_MANY = re.compile(r"(?:半数|多数|大多数|过半|近半|\d+\s?(?:个|家|种|类))[\u4e00-\u9fff]{0,6}?"
                                r"(?:行业|企业|产品|城市|县区|区县|地区|门类|大类)(?!\S*率)")


# 41个大类行业中(有…): the set a count after it is part of; 19个行业增加值实现增长: the part that grew
_COUNT_AMONG = re.compile(r"(?P<noun>[\u4e00-\u9fff]{0,10}(?:行业|类别|产品|大类|门类))中")


_COUNT_GROWING = re.compile(r"(?P<noun>行业|产品|企业|类别)(?P<what>增加值|产量|产值|营业收入|零售额)?(?:实现)?(?:同比)?增长")


# What is left of a clause that had no name of its own (同比改善5%, 增速比…): not a name
_NOT_A_NAME = re.compile(r"^(?:同比|环比|比|较|增速比|增幅比|增速较|增幅较)"
                         # 增速快于全部限上单位商品零售额9.1个百分点, 分别高于规上工业15.5个百分点:
                         # a gap to another series, not a figure of one named so
                         r"|^(?:增速|增幅|比重|占比)?(?:分别|均|都|也)?(?:快于|高于|低于|慢于|高出|低出|超出|领先|落后|好于|优于)")


# what a name does not end with: a function word or a comparison (平均水平, 分别高0.7, 每月)
_JUNK_NAME = re.compile(r"(?:水平|每月|每年|以上|以下|左右|之中|中|在|的|了|高|低|快|慢|为|是|达|超过|同比|比|较|有)$"
                        r"|\d\.\d|\d$")


# a Latin letter between Chinese characters: pinyin left over from a damaged reading (饧八a和供应业)
_DAMAGED = re.compile(r"[\u4e00-\u9fff][a-z]+[\u4e00-\u9fff]")


# 总量居全省第7位；同比增长5.5%: words that stand for the indicator of the figure before
# 新能源汽车、液晶显示屏等高端产品产量均…: several things, all of them (not 人均, 平均)
_ALL_OF = re.compile(r"(?:等|、|和)[^，；]*(?<![人平户])均(?![衡匀价值])")


# 拉动经济增长, 上拉地区生产总值增速: how much a part adds to the growth of the whole
_PULL = re.compile(r"^(?:拉动|上拉|带动|下拉)")


_PLANNED_TOTAL = re.compile(r"项目(?:总投资|(?:年度)?投资计划)$")


# 5.5万人的(预期)目标: a figure that is the size of a target
_TARGET_AFTER = re.compile(r"的?(?:年度|全年|预期|计划|控制)?(?:目标|任务)(?:任务)?(?=$|[，。；、）)])")


class OneFigureReading:
    """Reading one figure: the decisions of the sentence reader, in order. (part of the sentence reader)"""

    def _read_one(self, fig: _Figure, named: _Named, span: str) -> list[Observation]:
        name = named.names[0] if named.names else ""
        raw = named.raw[0] if named.raw else ""
        if _TARGET_AFTER.match(self.masked, fig.end) and name and not fig.count_noun:
            named.target = True  # 完成一般公共预算收入400亿元的年度目标
        elif _TARGET_AFTER.match(self.masked, fig.end):
            # 就业6.2万人，超额完成5.5万人的预期目标: the size of the target of the figure before
            if len(self.last_names) == 1 and self.last_unit is not None \
                    and unit_scale(self.last_unit)[1] == unit_scale(fig.unit)[1]:
                name, raw = self.last_names[0], self.last_raw[0]
                named.target = True
                named.met = bool(_MET.search(self.masked, self._clause_start(fig.start), fig.start))
                obs = self._observation(fig, name, raw, named)
                return [obs] if obs else []
            return []
        if _PLACE_SET.search(self.masked, self._clause_start(fig.start), fig.end + 4):
            return []  # 长三角16个城市完成工业总产值…: a sum over places, of no one region
        if named.regions:
            return []  # 酒泉、天水GDP…: one figure said of several places is no one place's
        if self._of_another_region(fig):
            return []  # 高于全国（5.4%）、全省（5.2%）: the other regions' figures, not this one's
        if fig.unit == "%" and _ALL_OF.search(span) and (fig.qualifier in ("以上", "超过")
                                                         or re.search(r"均(?:超过|高于|达到|超)", span)):
            return []  # 高端产品产量均实现了50%以上的增长: a bar several things all pass
        if fig.unit == "%" and _THRESHOLD_OF_MANY.search(self.masked[self._clause_start(fig.start):fig.start]) \
                and (fig.qualifier in ("以上", "超过", "左右") or re.search(r"(?:超过|在|达|达到)$", span)):
            return []  # 半数工业行业增速超过20%, 19个行业增速在20%以上: a bar many things pass
        if fig.count_noun and (m := _COUNT_AMONG.match(self.masked, fig.end) or
                               _COUNT_GROWING.match(self.masked, fig.end)):
            # 41个大类行业中有19个行业增加值实现增长: how many there are, and how many grew
            name = m["noun"] if m.re is _COUNT_AMONG else f"{m['what'] or ''}增长的{m['noun']}"
            named = _Named(names=[name], raw=[name], tail=named.tail, year=named.year)
            obs = self._observation(fig, name, name, named)
            return [obs] if obs else []
        if fig.count_noun:
            # "N个X": X is what is counted (an action verb before it stays: 新增N个X)
            noun = self._noun_after(fig.end)
            if noun:
                verb = _action_suffix(span)
                if not verb and noun in GENERIC_COUNT_NOUNS:
                    after = self._clause_after(fig.end + len(noun))
                    if not after or len(after) > 6 or re.search(r"\d", after):
                        return []
                    noun += after
                name = raw = verb + noun
                named = _Named(names=[name], raw=[raw], tail=named.tail, pre_qualifier=named.pre_qualifier,
                               target=named.target, year=named.year)
        if not name and self.label and fig.start >= self.label_end and not self.last_names:
            name = raw = self.label  # 3.税收收入（第5项）：增长5.2%
        if fig.unit == "百分点" and _VS_TARGET.search(span.strip().rstrip("（(")):
            return self._vs_target(fig, span)
        if not name and self.prev_versus and span.lstrip().startswith("、"):
            return []  # 高于全国0.1个百分点、全省0.2个百分点: the second gap too
        self.prev_versus = named.versus_region
        if not name:
            # 预期目标增长5%，全年实际完成412.6亿元: 实际 names the same indicator in any unit
            same = _relative_or_same(fig.unit, self.last_unit) or "实际" in named.tail
            if self.may_inherit and len(self.last_names) == 1 and not {"改善", "恶化"} & set(named.tail) and same:
                name, raw = self.last_names[0], self.last_raw[0]
                named.region = named.region or self.last_region  # 江苏地区生产总值达…、增长5.8%
                if named.share_of:
                    raw = f"{name}占{named.share_of}比例"  # as reports name it: …完成投资占年度计划比例
            else:
                return []
        if name in _SAME_AS_BEFORE and len(self.last_names) == 1:
            name, raw = self.last_names[0], self.last_raw[0]  # 地区生产总值318亿元，总量居全省第4位
        if name in GENERIC_NAMES or len(name) < 2 or named.versus_region or _NOT_A_NAME.match(name) \
                or _DAMAGED.search(name):
            return []
        if _JUNK_NAME.search(name) and match_name(name)[0] is None and not re.search(r"PM\d|\d\.\d+[A-Za-z]", name):
            return []  # 平均水平, 分别高0.7: words left of a comparison, no indicator
        task = self._task_aside(fig, name, named)
        if task is not None:
            # 新增光伏44万千瓦，完成年度建设任务（116万千瓦）的37.93%: the bracket is the task's
            # size, a target of the figure before; the share after it is that figure's too
            name, raw = task
            named.target = True
            obs = self._observation(fig, name, raw, named)
            self.last_names, self.last_raw, self.last_unit = [name], [raw], fig.unit
            return [obs] if obs else []
        if fig.unit == "百分点" and _PULL.match(name) and self.last_names:
            # 工业增加值增长8.0%，拉动经济增长2.0个百分点，占GDP的比重为31.5%: the pull is said of
            # the figure before; the subject and the name after it stay that figure's
            obs = self._observation(fig, name, raw, named)
            return [obs] if obs else []
        name = self._with_subject(name)
        if _PLANNED_TOTAL.search(name):
            named.target = True  # 省重点项目3个，总投资45亿元: the projects' planned total
        names = _both(name, named) if "均" in named.tail else None
        if names:
            # 出口和进口均增长6%左右: one figure for each name
            out = [o for n in names if (o := self._observation(fig, n, n, named))]
            self.last_names, self.last_raw, self.last_unit = names, names, fig.unit
            return out
        obs = self._observation(fig, name, raw, named)
        self.last_names, self.last_raw, self.last_unit = [name], [raw], fig.unit
        self.last_region = named.region
        self.last_value = obs.value if obs else None
        self.last_measure = obs.measure if obs else None
        # 9个现代农业项目完成投资27.3亿元: a count before its noun describes the item, so it
        # is not one of the figures a later 分别 pairs with the items
        if not fig.count_noun and (not self.history or self.history[-1][0] != name):
            self.history.append((name, raw))
        return [obs] if obs else []

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
