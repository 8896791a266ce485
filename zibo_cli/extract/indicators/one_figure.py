"""Reading one figure: the decisions of the sentence reader as rule records, applied in order.

Each :class:`Rule` says when it applies (``when``), what it does (``then``) and shows it on
example sentences (``examples``: sentence ⇥ expected figures, in the format of the phrase
corpus ``tests/corpus/figures/*.tsv``, run by ``tests/test_phrase_corpus.py``). A rule's
``apply`` either decides the figure (returns its observations, none to drop it) or returns
``None`` to pass it on, possibly with its name or its kind changed. :data:`RULES` is the order;
a figure no rule decides is read with the name it has by then (:func:`_emit`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...models import Observation
from .context import _Named
from .lists import _both
from .observe import _VS_TARGET
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

# 超额完成/顺利完成/已完成…: a target met (its year is the one the actuals review)
_MET = re.compile(r"(?:超额|顺利|圆满|提前|全面|已经?)完成|完成了")


_PLACE_SET = re.compile(r"\d+\s?个\s?(?:城市|省份|地市|地级市|地区|县区|区县|县市区|县)(?!重点|级|属)(?![\u4e00-\u9fff]*中)")


_THRESHOLD_OF_MANY = re.compile(r"(?:半数|多数|大多数|过半|近半|\d+\s?(?:个|家|种|类))[\u4e00-\u9fff]{0,6}?"
                                r"(?:行业|企业|产品|城市|县区|区县|地区|门类|大类)(?!\S*率)")


# 41个大类行业中(有…): the set a count after it is part of; 19个行业增加值实现增长: the part that grew
_COUNT_AMONG = re.compile(r"(?P<noun>[\u4e00-\u9fff]{0,10}(?:行业|类别|产品|大类|门类))中")


_COUNT_GROWING = re.compile(r"(?P<noun>行业|产品|企业|类别)(?P<what>增加值|产量|产值|营业收入|零售额)?(?:实现)?(?:同比)?(?:实现)?"
                            r"(?P<fast>两位数)?增长")


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


@dataclass
class Step:
    """One figure on its way through the rules: the figure, what the words before it say, the
    words themselves, and the name and raw name it has so far."""

    fig: _Figure
    named: _Named
    span: str
    name: str
    raw: str
    last_raw: str | None = None  # the raw name the figure after takes, when not this one's own


@dataclass(frozen=True)
class Rule:
    name: str
    when: str
    then: str
    apply: Callable[..., list[Observation] | None]
    examples: tuple[tuple[str, str], ...] = ()


def _obs(r, st: Step, name: str, raw: str, named: _Named) -> list[Observation]:
    obs = r._observation(st.fig, name, raw, named)
    return [obs] if obs else []


def _target_size_named(r, st: Step) -> list[Observation] | None:
    if _TARGET_AFTER.match(r.masked, st.fig.end) and st.name and not st.fig.count_noun:
        st.named.target = True
    return None


def _target_size_of_before(r, st: Step) -> list[Observation] | None:
    fig = st.fig
    if not _TARGET_AFTER.match(r.masked, fig.end) or st.name and not fig.count_noun:
        return None  # (a named figure before 目标 is target_size_named's)
    if len(r.last_names) == 1 and r.last_unit is not None \
            and unit_scale(r.last_unit)[1] == unit_scale(fig.unit)[1]:
        named = st.named
        named.target = True
        named.met = bool(_MET.search(r.masked, r._clause_start(fig.start), fig.start))
        return _obs(r, st, r.last_names[0], r.last_raw[0], named)
    return []


def _sum_over_places(r, st: Step) -> list[Observation] | None:
    return [] if _PLACE_SET.search(r.masked, r._clause_start(st.fig.start), st.fig.end + 4) else None


def _several_places(r, st: Step) -> list[Observation] | None:
    return [] if st.named.regions else None


def _another_region_in_brackets(r, st: Step) -> list[Observation] | None:
    return [] if r._of_another_region(st.fig) else None


def _bar_all_pass(r, st: Step) -> list[Observation] | None:
    fig, span = st.fig, st.span
    if fig.unit == "%" and _ALL_OF.search(span) and (fig.qualifier in ("以上", "超过")
                                                     or re.search(r"均(?:超过|高于|达到|超)", span)):
        return []
    return None


def _bar_many_pass(r, st: Step) -> list[Observation] | None:
    fig = st.fig
    if fig.unit == "%" and _THRESHOLD_OF_MANY.search(r.masked[r._clause_start(fig.start):fig.start]) \
            and (fig.qualifier in ("以上", "超过", "左右") or re.search(r"(?:超过|在|达|达到)$", st.span)):
        return []
    return None


def _count_among(r, st: Step) -> list[Observation] | None:
    fig = st.fig
    if fig.count_noun and (m := _COUNT_AMONG.match(r.masked, fig.end) or _COUNT_GROWING.match(r.masked, fig.end)):
        name = m["noun"] if m.re is _COUNT_AMONG else f"{m['what'] or ''}{m['fast'] or ''}增长的{m['noun']}"
        named = _Named(names=[name], raw=[name], tail=st.named.tail, year=st.named.year)
        return _obs(r, st, name, name, named)
    return None


def _counted_noun(r, st: Step) -> list[Observation] | None:
    fig = st.fig
    if not fig.count_noun:
        return None
    noun = r._noun_after(fig.end)
    if noun:
        verb = _action_suffix(st.span)
        if not verb and noun in GENERIC_COUNT_NOUNS:
            after = r._clause_after(fig.end + len(noun))
            if not after or len(after) > 6 or re.search(r"\d", after):
                return []
            noun += after
        st.name = st.raw = verb + noun
        named = st.named
        st.named = _Named(names=[st.name], raw=[st.raw], tail=named.tail, pre_qualifier=named.pre_qualifier,
                          target=named.target, year=named.year)
    return None


def _item_label(r, st: Step) -> list[Observation] | None:
    if not st.name and r.label and st.fig.start >= r.label_end and not r.last_names:
        st.name = st.raw = r.label
    return None


def _gap_to_target(r, st: Step) -> list[Observation] | None:
    if st.fig.unit == "百分点" and _VS_TARGET.search(st.span.strip().rstrip("（(")):
        return r._vs_target(st.fig, st.span)
    return None


def _second_gap(r, st: Step) -> list[Observation] | None:
    if not st.name and r.prev_versus and st.span.lstrip().startswith("、"):
        return []
    r.prev_versus = st.named.versus_region
    return None


def _plan_size(r, st: Step) -> list[Observation] | None:
    named, fig = st.named, st.fig
    if named.plan is None or named.share_verb != "完成" or r.masked[fig.end:fig.end + 1] != "的" \
            or named.names[:1] != [st.name] or len(r.last_names) != 1 or r.last_unit is None \
            or unit_scale(r.last_unit)[1] != unit_scale(fig.unit)[1]:
        return None
    st.name, st.raw, named.target = r.last_names[0], r.last_raw[0], True
    named.region = named.region or r.last_region
    r.pending_plan = (named.share_verb, named.plan)  # (…的89.4%): the share of the plan after it
    return None


def _inherit_name(r, st: Step) -> list[Observation] | None:
    if st.name:
        return None
    named = st.named
    same = _relative_or_same(st.fig.unit, r.last_unit) or "实际" in named.tail
    if r.may_inherit and len(r.last_names) == 1 and not {"改善", "恶化"} & set(named.tail) and same:
        st.name, st.raw = r.last_names[0], r.last_raw[0]
        named.region = named.region or r.last_region
        if r.pending_plan and named.of and not named.share_of and st.span.strip() == "的":
            named.share_verb, named.share_of = r.pending_plan  # 完成年计划710亿元的89.4%
        r.pending_plan = None
        if named.share_of:
            st.last_raw = st.raw  # (增长2.0% after it is the figure's, not the share's)
            entry = match_name(st.name)[0]  # 生产总值 → 地区生产总值完成年计划比例
            st.raw = f"{entry.name if entry else st.name}{named.share_verb}{named.share_of}比例"
        return None
    return []


def _same_as_before(r, st: Step) -> list[Observation] | None:
    if st.name in _SAME_AS_BEFORE and len(r.last_names) == 1:
        st.name, st.raw = r.last_names[0], r.last_raw[0]
    return None


def _no_name(r, st: Step) -> list[Observation] | None:
    name = st.name
    if name in GENERIC_NAMES or len(name) < 2 or st.named.versus_region or _NOT_A_NAME.match(name) \
            or _DAMAGED.search(name):
        return []
    return None


def _leftover_name(r, st: Step) -> list[Observation] | None:
    name = st.name
    if _JUNK_NAME.search(name) and match_name(name)[0] is None and not re.search(r"PM\d|\d\.\d+[A-Za-z]", name):
        return []
    return None


def _task_in_brackets(r, st: Step) -> list[Observation] | None:
    task = r._task_aside(st.fig, st.name, st.named)
    if task is None:
        return None
    name, raw = task
    st.named.target = True
    out = _obs(r, st, name, raw, st.named)
    r.last_names, r.last_raw, r.last_unit = [name], [raw], st.fig.unit
    return out


def _pull(r, st: Step) -> list[Observation] | None:
    if st.fig.unit == "百分点" and _PULL.match(st.name) and r.last_names:
        return _obs(r, st, st.name, st.raw, st.named)
    return None


def _take_subject(r, st: Step) -> list[Observation] | None:
    st.name = r._with_subject(st.name)
    return None


def _planned_total(r, st: Step) -> list[Observation] | None:
    if _PLANNED_TOTAL.search(st.name):
        st.named.target = True
    return None


def _all_of_them(r, st: Step) -> list[Observation] | None:
    names = _both(st.name, st.named) if "均" in st.named.tail else None
    if not names:
        return None
    out = [o for n in names if (o := r._observation(st.fig, n, n, st.named))]
    r.last_names, r.last_raw, r.last_unit = names, names, st.fig.unit
    return out


def _emit(r, st: Step) -> list[Observation]:
    """The figure under the name it has after the rules; it becomes the name before."""
    fig, name, raw, named = st.fig, st.name, st.raw, st.named
    obs = r._observation(fig, name, raw, named)
    r.last_names, r.last_raw, r.last_unit = [name], [st.last_raw or raw], fig.unit
    r.last_region = named.region
    r.last_value = obs.value if obs else None
    r.last_measure = obs.measure if obs else None
    # 9个现代农业项目完成投资27.3亿元: a count before its noun describes the item, so it
    # is not one of the figures a later 分别 pairs with the items
    if not fig.count_noun and (not r.history or r.history[-1][0] != name):
        r.history.append((name, raw))
    return [obs] if obs else []


RULES: tuple[Rule, ...] = (
    Rule("target_size_named", "a named figure is followed by 的(年度|预期…)目标/任务",
         "the figure is a target", _target_size_named,
         (("完成一般公共预算收入400亿元的年度目标。", "一般公共预算收入 400 亿元 1-12 target"),)),
    Rule("target_size_of_before", "a figure with no name of its own (or a count) is followed by 目标/任务",
         "the size of the target of the figure before, in the same unit (met when 超额完成…); else no figure",
         _target_size_of_before, (("城镇新增就业6.2万人，超额完成5.5万人的预期目标。", "城镇新增就业 6.2 万人 1-6 actual | 城镇新增就业 5.5 万人 1-12 target"),)),
    Rule("sum_over_places", "the clause counts places (16个城市, 7个县区) before the figure",
         "no figure: a sum over places is no one region's", _sum_over_places,
         (("长三角16个城市完成工业总产值1000亿元。", "-"),)),
    Rule("several_places", "the name opens with a list of places (酒泉、天水GDP…)",
         "no figure: one figure said of several places", _several_places, (("酒泉、天水GDP总量为800亿元。", "-"),)),
    Rule("another_region_in_brackets", "the figure stands alone in brackets after 全国/全省",
         "no figure: the other region's", _another_region_in_brackets,
         (("全市地区生产总值增长6.1%，高于全国（5.4%）、全省（5.2%）。", "地区生产总值 6.1 % 1-6 actual"),)),
    Rule("bar_all_pass", "a % after a list and 均 with 以上/超过",
         "no figure: a bar several things all pass", _bar_all_pass,
         (("新能源汽车、液晶显示屏等高端产品产量均实现了50%以上的增长。", "-"),)),
    Rule("bar_many_pass", "a % after 半数/19个…行业 with 以上/超过/在",
         "no figure: a bar many things pass", _bar_many_pass, (("半数工业行业增速超过20%。", "-"),)),
    Rule("count_among", "a count followed by …行业中 or …行业增加值实现增长",
         "a count named by the set (大类行业) or by what grew (增加值增长的行业)", _count_among,
         (("41个大类行业中有19个行业增加值实现增长。", "大类行业 41 个 1-6 actual | 增加值增长的行业 19 个 1-6 actual"),)),
    Rule("counted_noun", "a count (个, 家, 项 …) followed by a noun",
         "named by the noun, with an action verb before it (新增N个X); a generic noun (项目) needs a "
         "verb before or a short verb phrase after, else no figure", _counted_noun,
         (("新增50余个首台（套）重大技术装备。", "新增首台（套）重大技术装备 50 个 1-6 actual"), ("开工262个项目。", "开工项目 262 个 1-6 actual"))),
    Rule("item_label", "no name, and a numbered item's label before a colon",
         "named by the label", _item_label, (("3.税收收入（第5项）：增长5.2%。", "税收收入 5.2 % 1-6 actual"),)),
    Rule("gap_to_target", "a change in 百分点 after 高于/低于(年度)目标",
         "the gap (basis vs_target) and the target it implies (derived)", _gap_to_target,
         (("一般公共预算收入增长5.2%，低于目标1.4个百分点。", "一般公共预算收入 5.2 % 1-6 actual | 一般公共预算收入 -1.4 百分点 1-6 actual | 一般公共预算收入 6.6 % 1-12 target"),)),
    Rule("second_gap", "no name, after a gap to another region, the next one after 、",
         "no figure: the second region's gap", _second_gap,
         (("地区生产总值增长6.1%，高于全国0.1个百分点、全省0.2个百分点。", "地区生产总值 6.1 % 1-6 actual"),)),
    Rule("plan_size", "the name is a plan (完成年计划710亿元的89.4%), after a figure in the same unit",
         "the plan's size: a target of the figure before; a share (的89.4%) after it is a share of the plan",
         _plan_size, (("地区生产总值635亿元，完成年计划710亿元的89.4%，增长2.0%。", "地区生产总值 635 亿元 1-6 actual | "
                       "地区生产总值 710 亿元 1-12 target | 地区生产总值 89.4 % 1-6 actual | 地区生产总值 2 % 1-6 actual"),)),
    Rule("inherit_name", "no name of its own",
         "the name of the figure before, when only punctuation stands between them and the unit is "
         "relative or the same (or 实际 says so); else no figure", _inherit_name,
         (("全市地区生产总值达到318亿元、增长5.8%。", "地区生产总值 318 亿元 1-6 actual | 地区生产总值 5.8 % 1-6 actual"),)),
    Rule("same_as_before", "the name is 总量/增速/增幅", "the name of the figure before", _same_as_before,
         (("地区生产总值318亿元，总量居全省第4位。", "地区生产总值 318 亿元 1-6 actual | 地区生产总值 4 位 1-6 actual"),)),
    Rule("no_name", "the name is generic, too short, a gap to a region, a comparison or damaged",
         "no figure", _no_name, (("同比增长5%。", "-"),)),
    Rule("leftover_name", "the name ends in a function word or a comparison (平均水平, 分别高0.7) and is no "
         "catalogue name", "no figure", _leftover_name, (("居民人均收入水平达到3.2万元。", "-"),)),
    Rule("task_in_brackets", "a figure in brackets after 任务/目标/计划",
         "the task's size: a target of the clause's subject (or of the figure before)", _task_in_brackets,
         (("新增光伏44万千瓦，完成年度建设任务（116万千瓦）的37.93%。", "新增光伏 44 万千瓦 1-6 actual | 新增光伏 116 万千瓦 1-12 target | 新增光伏 37.93 % 1-6 actual"),)),
    Rule("pull", "a change in 百分点 named 拉动/上拉…, after a figure",
         "the pull, said of the figure before; the name before stays", _pull,
         (("工业增加值增长8.0%，拉动经济增长2.0个百分点，占GDP的比重为31.5%。", "工业增加值 8 % 1-6 actual | 拉动经济 2 百分点 1-6 actual | 工业增加值 31.5 % 1-6 actual"),)),
    Rule("subject", "a bare measure (利润总额, 增加值 …)",
         "takes the subject of the name before or the topic of the sentence; a name with a subject sets it",
         _take_subject, (("规模以上工业营业收入增长5%，利润总额增长3%。", "规模以上工业营业收入 5 % 1-6 actual | 规模以上工业利润总额 3 % 1-6 actual"),)),
    Rule("planned_total", "the name ends 项目总投资/项目投资计划", "the figure is a target (the projects' plan)",
         _planned_total, (("重点建设项目320项，项目总投资2480亿元。", "重点建设项目 320 项 1-6 actual | 重点建设项目总投资 2480 亿元 1-12 target"),)),
    Rule("all_of_them", "均 after a list of names (出口和进口均增长6%)", "one figure for each name",
         _all_of_them, (("出口和进口均增长6%左右。", "出口 6 % 1-6 actual | 进口 6 % 1-6 actual"),)),
)


class OneFigureReading:
    """Reading one figure: the rules in order (part of the sentence reader)."""

    pending_plan: tuple[str, str] | None = None  # (完成, 年计划) of a plan's size just read

    def _read_one(self, fig: _Figure, named: _Named, span: str) -> list[Observation]:
        st = Step(fig, named, span, named.names[0] if named.names else "", named.raw[0] if named.raw else "")
        for rule in RULES:
            decided = rule.apply(self, st)
            if decided is not None:
                return decided
        return _emit(self, st)
