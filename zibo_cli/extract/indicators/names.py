"""Names: what the words between a clause's start and its number say (name, verbs, scope, region, year)."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import places
from ...periods import find_periods
from .context import _Named
from .lists import _LEAD_VERBS, _region_list
from .name_forms import county_short, normal_form, without_notes
from .tokens import _YEAR, _trim
from .words import (
    _BENEFIT_VERBS,
    _INNER_DONE,
    _LEAD_RE,
    _LEAD_WORDS,
    _TAIL_WORDS,
    PRE_QUALIFIERS,
    _action_prefix,
    _tail_word,
)

# A list number before a name: 1.储能谷…, （2）, 三、, ①
_LIST_NUMBER = re.compile(r"^(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、|"
                          r"[①②③④⑤⑥⑦⑧⑨⑩]|[●◆◇■□•·▪▶◎○▲△★☆]+)\s*")


# The subject of a clause is last year (上年同期为下降1.3%, 去年全市…增长5%); not after 比/较.
_PREVIOUS_YEAR = re.compile(r"^(?:上年同期|去年同期|上年|去年)(?:全年|同期)?(?!末|底|以来)")


_TARGET_WORDS = re.compile(r"^(?:本年度|本年|今年)?(?:力争|确保|计划(?:实施|建设|安排|推进)?|预期|争取|目标是|目标为|"
                           r"(?:努力|全力|奋力)(?=实现|完成|达到|保持|确保|争取)|"
                           # 安排全市重点建设项目320项: the projects a year's plan sets out
                           r"安排(?:实施|建设)?(?=\S*项目$))")


_COMPARE_LEAD = re.compile(
    r"^(?:比|较|与|同)(?:(?:19|20)\d{2}年(?:同期)?|上年同期|去年同期|上年同月|去年同月|上年|去年|上月|上季度|年初|同期|全省|全国|全省平均|"
    r"全国平均)?(?:相比)?"
)


# "为X减轻…": the benefactive opening before the verb that names the figure.
_BENEFACTIVE = re.compile(r"^(?:为|向|帮助|助力|给|对)")


_RATE_SUFFIX = re.compile(r"(?:同比增速|增长速度|增长率|增速|增幅|增长|降幅)$")


# The base of a comparison at the end of a name: 增速比上半年(回落), 较去年同期(提高).
_COMPARE_TAIL = re.compile(r"(?:比|较)([^，比较]{1,8})$")


_BASELINE = re.compile(r"(?:(?:19|20)\d{2}年(?:同期)?|上年同期|去年同期|上年同月|去年同月|上年|去年|上月|上季度|上半年|年初|同期|上期)"
                       r"(?:末|底)?")


# A difference from another region (高于全省1.1个百分点) is not a figure of this one.
_VERSUS_REGION = re.compile(r"(?:(?:高于|低于|快于|慢于|高出|低出|超出|领先|落后)(?:全省|全国|省|国家)?(?:平均)?(?:水平)?|"
                            r"(?:比|较)(?:全省|全国|省|国家)(?:平均)?(?:水平)?(?:高出|低出|高|低|快|慢))$")


# 等 as "and the like" (新能源汽车、液晶显示屏等高端产品), not the 等 of 等级, 等于, 等待, 同等
_ETC = re.compile(r"(?<!同|平|对|相)等(?![级于待同])")


# 占年度计划的 / 为年计划的 / 占全年计划 / 占省下达年度投资计划的: a share of a plan;
# 完成年计划的 (完成 taken off as a lead verb: 年计划的); 完成年计划(710亿元的89.4%): the plan's size
_PLAN_BASE = re.compile(r"^(?:占|为|完成)?(?:省下达|下达)?(?P<base>(?:全年|年度|年|本年)(?:投资)?(?:计划|目标)(?:投资)?)(?:任务)?的?(?:比重|比例)?$")


# the verb before the plan in the words as written: 完成年计划的 → 完成 (占 unless 完成 says otherwise)
_PLAN_VERB = re.compile(r"(?P<verb>占|完成)(?:省下达|下达)?(?:全年|年度|年|本年)(?:投资)?(?:计划|目标)")


# 两年平均增长, 三年平均增速: an average growth over several years
_MULTI_YEAR = re.compile(r"(?:[两三四五]|[2-5])年平均(?=(?:同比)?(?:增长|增速|增幅|下降)?(?:为|达到|达)?$)")


_EXCLUDING = re.compile(r"(剔除[^，；。]{1,12}?因素)(?:影响)?(?:后)?")


# what a figure is about when its name opens with it
_INNER_PERIOD = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:\d{1,2}(?:[-—－~～至]\d{1,2})?月份?)?(?:累计|当月|本月)?"
                           r"(?<=[月计])(?=[\u4e00-\u9fff]{2}|$)")


_AFTER_INNER_PERIOD = re.compile(r"^(?:份)?(?:共|累计|合计|总共)?")


_END_SCOPE = re.compile(r"(?:全市|全区|全县|全省|全国)$")


_SHARE_SCOPE = re.compile(r"占(?:全市|全区|全县|全省|本市|本县|本区)(?=\S{2,}(?:比重|比例)$)")


_PRICE_LEVEL = re.compile(r"价格总水平$")


_DESCRIBED = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:较大|最大|较多|最多|较快|最快|较高|最高|靠前)的")


_SCOPE_WORD = re.compile(r"全市|我市|本市|全区|我区|全县|我县|全省|我省|全国|我国|全镇|该省|该市|该区|该县")


# 完成 between a subject and the measure it achieved (规模以上工业完成增加值), not before a task
# (光伏装机完成年度任务 names the task)
# 第一产业完成投资, 限上住宿餐饮企业共完成营业额: an industry (…业) and what it achieved
_INDUSTRY_DID = re.compile(r"(?P<who>[\u4e00-\u9fff]{2,12}业)(?:共|累计|合计|总共)?(?:完成|实现)"
                           r"(?P<what>[\u4e00-\u9fff]{0,6}(?:投资|营业额|销售额|销售|产值|增加值|营业收入|零售额))")


# the scope a subject names (限上法人企业, 规模以上工业企业): kept when the subject is dropped
_SUBJECT_SCOPE = re.compile(r"限额以上|限上|规模以上|规上")


_TARGET_END = re.compile(r"目标$")


_TARGET_NAME = re.compile(r"任务$|年度目标|全年目标|目标任务|目标值|^(?:年度|全年|年)?计划(?:完成)?投资$|投资计划$|项目总投资$")


# 增长预期(目标): the words between a target's name and 目标; 年初确定的…: who set it
_EXPECTED_TAIL = re.compile(r"(?:的)?(?:增长|增速|总量)?(?:预期|发展|奋斗|计划)$")


_SET_LEAD = re.compile(r"^(?:(?:今年|年初|年度|全年|市(?:委|政府)?)?(?:确定|提出|制定|设定|下达)的)")


_SHARE_OF = re.compile(r"(占[^占的]{1,12})的(?=比重$|比例$)")


_SHARE_END = re.compile(r"(?:比重|比例|份额|的)$")


_AFTER_YEAR = re.compile(r"^(?:以来|度|内)")


_AFTER_PERIOD = re.compile(r"^(?:以来|份|期间|末|底)")


_RUN_OF = re.compile(r"^连续\d+(?:年|个月|个季度|季度|次)")


# A period expression (periods._TEXT_PATTERNS) can only start with a digit or one of these
# (上半年, 前三季度, 第二季度, 一至五月, 截至5月底, 到5月末, 全年, 年度):
# a name that starts otherwise has no period at its start.
_PERIOD_START = frozenset("一二三四五六七八九十上下前第截到全年")


def _read_name_uncached(span: str) -> _Named:
    named = _Named(names=[], raw=[])
    s = span.strip().strip("、")
    for bar in ("|", "｜", "丨"):
        if bar in s:
            s = s.rsplit(bar, 1)[1].strip()  # 数据速递 | 同比增长8.8%: a headline tag is no name
    s = without_notes(s)
    s = s.replace("盈亏相抵后", "")  # 规模以上工业企业盈亏相抵后实现利润: the profit, net of losses
    m = _EXCLUDING.search(s)
    if m:
        named.excluding = m[1]  # 税收收入剔除留抵退税因素后增长4.2%
        s = s[:m.start()] + s[m.end():]
    if _VERSUS_REGION.search(s.rstrip("（(“")):
        named.versus_region = True  # 高于全省平均: before 均 is taken off as a verb
    m = _MULTI_YEAR.search(s)
    if m:
        named.multi_year = m[0]
        s = s[:m.start()] + s[m.end():]
    # the tail: verbs, qualifiers and connectives between the name and the number
    while True:
        s2 = s.rstrip("（(“")
        m = _tail_word(s2)
        if not m:
            if s2 != s:
                s = s2
                continue
            ps = find_periods(s2)
            if named.tail and ps and ps[-1].end == len(s2) and ps[-1].start >= 2:
                s = s2[:ps[-1].start]  # 地区生产总值预计全年(增长): the period after the name
                continue
            break
        cut, word = m
        if word in ("全省", "全国") and _VERSUS_REGION.search(s2):
            named.versus_region = True
        named.tail.insert(0, word)
        if word in PRE_QUALIFIERS and named.pre_qualifier is None and not named.tail[1:]:
            named.pre_qualifier = word
        s = s2[:cut]
        s = _strip_compare_tail(s, named)
    if _VERSUS_REGION.search(s):
        named.versus_region = True
        s = _VERSUS_REGION.sub("", s)
    if "分别" in s[2:]:
        # 生猪、牛、羊分别出栏5.2万头、986头…: 分别 before the verb pairs names and values too
        s = s.replace("分别", "")
        named.tail.append("分别")
    s = _strip_compare_tail(s, named)
    s = _strip_lead(s, named)
    s = _trim(s)
    if s.startswith("环比"):
        named.mom = True  # 环比增长0.52%: the name before, against the month before
        s = s[2:]
    listed = _region_list(s)
    if listed is not None:
        named.regions, s = listed  # 酒泉、天水GDP总量分别为…: one name, a region for each figure
    region = places.region_prefix(s) if len(s) > 3 and listed is None else None
    if region is None and len(s) > 3 and listed is None:
        region = county_short(s)  # 荔城地区生产总值: a county's short name before a whole entry
    if region is not None:
        named.region, s = region  # 青州市规上工业增加值: the region is a field, not the name
        if s.startswith("预计") and len(s) > 4:
            named.forecast, s = True, s[2:]  # 西藏预计地区生产总值超1800亿元
    if s.startswith("分别") and s[2:3] in ("占", "为", "完"):
        named.tail.append("分别")  # 分别占年计划的49.3%、50.1%
        s = s[2:]
    m = _PLAN_BASE.match(s)
    if m:
        base = m["base"]  # 占年度计划的64.1%, 占全年计划74%: a share of the year's plan
        verb = _PLAN_VERB.search(span)
        named.share_verb = verb["verb"] if verb else "占"
        if s.endswith("的") or s.startswith("占"):
            named.share_of = base
        else:
            named.plan = base  # 完成年计划710亿元(的89.4%): the size of the plan
        if s.startswith("占") and not s.endswith("的"):
            named.tail.append("占")
            s = ""
    if s.endswith("的"):
        # 一般公共预算收入完成年度预算的78.9%: a share of something, said of the name before
        named.of = True
        m = re.match(r"(.{2,}?)(?:完成|达到|占|为|相当于)", s)
        s = m[1] if m and len(m[1]) >= 2 else ""
        if s.startswith("占"):
            named.tail.append("占")  # 占全省重点项目完成投资的18%: a share, of the figure before
            s = ""
    etc = [m.start() for m in _ETC.finditer(s)]
    if etc:
        verb = _action_prefix(s)
        rest = s[etc[-1] + 1:]
        s = (verb + rest) if rest else ""
    if _BENEFACTIVE.match(s) and not (s.startswith("对") and s.endswith("贡献率")):  # 对全球经济增长的贡献率
        cut = min((s.find(v) for v in _BENEFIT_VERBS if s.find(v) > 0), default=-1)
        s = s[cut:] if cut > 0 else _BENEFACTIVE.sub("", s)
    raw = s
    # a name that says it is a target: 储气能力目标为2800万立方米
    if _TARGET_END.search(s) and len(s) > 2:
        named.target = True
        s = s[:-2]
        # 地区生产总值增长预期目标为5.5%: the name is what the target is for
        s = _EXPECTED_TAIL.sub("", s) or s
        s = _SET_LEAD.sub("", s) or s
    elif _TARGET_NAME.search(s):
        named.target = True
    # 占全部投资的比重为45.3%: a share of the figure before
    if s.startswith("占") and _SHARE_END.search(s):
        named.tail.append("占")
        s = ""
    if _RATE_SUFFIX.search(s):
        named.growth_name = True
        named.decline_name = s.endswith("降幅")
        s = _RATE_SUFFIX.sub("", s)
    # 规模以上工业企业实现利润总额 → 规模以上工业企业利润总额
    if len(s) > 6 and "实现" in s[2:-2]:
        s = s.replace("实现", "", 1)
    m = _INDUSTRY_DID.fullmatch(s)
    if m:
        # 第一产业完成投资 → 第一产业投资; 汽车销售业累计完成汽车销售额 → 汽车销售额
        # (62家限上法人企业完成消费品零售额 → 限上消费品零售额: the subject's scope stays)
        scope = _SUBJECT_SCOPE.search(m["who"])
        s = ((scope[0] if scope and not m["what"].startswith(scope[0]) else "") + m["what"]
             if len(m["what"]) >= 4 else m["who"] + m["what"])
    m = _INNER_DONE.search(s)
    if m and m.start() >= 2:
        s = s[:m.start()] + s[m.end():]  # 规模以上工业完成增加值 → 规模以上工业增加值
    # 限上零售业1-2月零售额, 规上工业累计产值, 零售额2月份当月: the period words inside a
    # name say which period the figure is of (read from the sentence); they are no name
    s = _INNER_PERIOD.sub("", s) if len(s) > 4 else s
    if len(s) > 6 and any(c in s for c in "季年月"):
        # 营利性服务业前三季度共实现增加值, 城镇居民上半年人均可支配收入: a period written
        # inside the name (the sentence's period) is no part of it
        for p in reversed(find_periods(s)):
            if p.start >= 2 and len(s) - p.end >= 2:
                s = s[:p.start] + _AFTER_INNER_PERIOD.sub("", s[p.end:])
    # 区本级产值全区占比57.4%: the scope word between the name and 占比 is no name either
    m = _END_SCOPE.search(s)
    if m and m.start() >= 2:
        s = s[:m.start()]
    s = _SHARE_OF.sub(r"\1", s)  # 占GDP的比重 → 占GDP比重
    s = _SHARE_SCOPE.sub("占", s)  # 全部工业增加值占全县GDP比重 → …占GDP比重
    if s.startswith("全部工业增加值"):
        s = s[2:]  # 全部工业增加值 is 工业增加值 (all industry, as against 规上工业)
    s = _PRICE_LEVEL.sub("价格", s)  # 商品零售价格总水平 → 商品零售价格
    m = _DESCRIBED.match(s)
    if m and len(s) - m.end() >= 4:
        s = s[m.end():]  # 增加值占比较大的电气机械和器材制造业: the industry, less the description
    s = normal_form(s)
    if "预计" in named.tail or "预计" in span:
        named.forecast = True
    if s in _TAIL_WORDS or s in _LEAD_WORDS:
        s = ""
    named.names, named.raw = [s], [raw]
    return named


def _strip_compare_tail(s: str, named: _Named) -> str:
    m = _COMPARE_TAIL.search(s)
    if m:
        base = m[1]
        periods = find_periods(base)
        if _BASELINE.fullmatch(base) or (periods and periods[0].start == 0 and periods[0].end == len(base)):
            named.tail.insert(0, "比" + base)
            return s[:m.start()]
    return s


def _strip_lead(s: str, named: _Named) -> str:
    for _ in range(12):
        before = s
        s = _trim(s)
        m = _YEAR.match(s)
        if m:
            named.year = named.year or int(m[1])
            s = s[m.end():]
            s = _AFTER_YEAR.sub("", s)
        for p in (find_periods(s)[:1] if s and (s[0] in _PERIOD_START or s[0].isdigit()) else ()):
            if p.start == 0 and p.text != "年度":  # 年度投资 is a name
                s = s[p.end:]
                s = _AFTER_PERIOD.sub("", s)
        m = _COMPARE_LEAD.match(s)
        if m and m.end() > 0:
            rest = s[m.end():]
            ps = find_periods(rest)
            if m.end() > 1 or (ps and ps[0].start == 0):
                s = rest[ps[0].end:] if ps and ps[0].start == 0 else rest
        if s.startswith("连续"):
            s = _RUN_OF.sub("", s)
        s = _LIST_NUMBER.sub("", s)
        m = _PREVIOUS_YEAR.match(s)
        if m:
            named.previous_year = True
            s = s[m.end():]
        m = _TARGET_WORDS.match(s)
        if m:
            named.target = True
            s = s[m.end():]
        m = _SCOPE_WORD.match(s)
        if m and named.scope is None:
            named.scope = m[0]
            if m[0] in ("全省", "我省", "全国", "我国", "我区", "我县", "全镇", "该省", "该市", "该区", "该县") \
                    and len(s) - m.end() >= 2:
                s = s[m.end():]
        m = _LEAD_RE.match(s)
        if m and (len(s) - m.end() >= 2 or m.end() == len(s)):
            s = s[m.end():]
        m = _LEAD_VERBS.match(s)
        if m and len(s) - m.end() >= 3:
            s = s[m.end():]
        if s == before:
            break
    return s


# The words before a figure repeat (增长, 同比增长, 地区生产总值…) within a report and across a
# city's reports: what they say is read once per text (a pure function of the text).
_read_name = lru_cache(maxsize=8192)(_read_name_uncached)
