"""Indicator extraction: every figure a report states, with its name, period, kind and quote.

A figure is a number written with a unit (``5.1%``, ``557.2亿元``, ``3.15万人``,
``0.5个百分点``, ``12条``), a rank (``列全省第2位``), or an index value after a name that
says it is one (``综合指数为5.04``). Dates, years, document numbers, list numbers,
ordinals (第136届), ranges (2~3条) and numbers inside book titles (《…2023年…》) are not
figures and are never read.

How a figure gets its parts, all from the sentence it stands in:

* **name**: the words between the start of its clause (or the previous figure) and the
  number, with the period, scope (全市), connectives and the verb (同比增长, 达到, 为)
  taken off. ``A、B和C分别增长X%、Y%、Z%`` pairs names and values in order; a shared
  suffix or prefix is given to every name (``本外币存款、贷款余额`` → 本外币存款余额,
  本外币贷款余额) and statistical abbreviations are opened (批零住餐 → 批发, 零售, 住宿,
  餐饮). A clause with no subject (``，比1—4月份提高0.5个百分点``) takes the name of the
  figure before it. ``530个省市重点项目`` names the count by the noun after it.
  A name that is one of the catalogue's names becomes the catalogue's canonical name.
* **value and measure**: negative for a fall (下降3% → -3; ``增长—6.5%`` → -6.5);
  ``growth`` for 增长/下降… with %, ``change`` for 百分点, ``rank`` for 第N位, ``share``
  after 占, otherwise ``level`` (提高到60% is a level).
* **qualifier**: 左右, 以上, 近, 余, 超过, 约 … as written.
* **period**: the nearest period words before the figure in its sentence (上半年, 1-5月,
  1—6月份, 一季度, 前三季度; 全年/年度 for targets), skipping the base of a comparison
  (比1—4月份); a year written in the sentence (2023年…) wins over the document's; with
  nothing written, the document's own period (for task tables: the year to date).
* **kind**: ``target`` for a task table's 年度目标 (months 1–12) and 第N季度目标 columns
  (months 1 to the end of the quarter), and in prose for a name that says 目标/任务 or a
  clause that says 力争/确保; otherwise ``actual``.
* **quote** and **char_offset**: the sentence (or, if long, the clause) that states the
  figure, at most 300 characters, and where it starts in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from .. import places
from ..catalog import match_name as _match_name
from ..catalog import unit_scale as _unit_scale
from ..models import ACTUAL, TARGET, TASK_TABLE, DocumentMeta, Observation, Task
from ..periods import Period, PeriodError, PeriodMatch, cn_number, find_periods
from .frame import Frame, data_years, document_frame, is_bare_quarter, mask_titles
from .scope import Scope, scopes
from .segment import Segment, segment

__all__ = ["extract_observations", "extract_clauses", "Context", "split_names"]

MAX_QUOTE = 300

# The catalogue's answers for a name or a unit never change: a report repeats its names.
match_name = lru_cache(maxsize=4096)(_match_name)
unit_scale = lru_cache(maxsize=256)(_unit_scale)
FORECAST = "预计"  # the qualifier of an estimate (预计全年增长5%左右 → 预计左右)

# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------

# Units, longest first inside each alternative. A magnitude (万, 亿 …) may stand before
# the base unit and 余/多 between them (1.4万余人).
_BASE_UNITS = [
    "个百分点", "百分点", "%", "‰", "倍",
    "元/平方米", "元/吨", "美元", "元", "微克/立方米", "毫克/立方米",
    "人次", "人", "名", "户",
    "千瓦时", "千瓦", "兆瓦", "千伏安",
    "平方公里", "平方米", "立方米", "公里", "千米", "公顷", "亩", "公斤", "千克", "吨", "标箱", "米", "方",
    "辆", "台", "套", "件", "个", "家", "所", "项", "条", "场", "处", "座", "栋", "片", "根", "颗", "间",
    "张", "份", "笔", "批", "次", "只", "头", "株", "棵", "艘", "架", "部", "款", "床", "天", "小时",
    "千公顷", "百羽", "羽", "斤",  # area of reserves (27.4千公顷), poultry (家禽存栏12045百羽), grain (粮食总产量310.2亿斤)
    "起", "宗", "例",  # incidents and cases: 发生各类事故45起
]
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_BASE_UNITS, key=len, reverse=True))
# Units that count things: "530个省市重点项目" names the count by the noun after it.
COUNT_UNITS = {"个", "家", "所", "项", "条", "场", "处", "座", "栋", "台", "辆", "套", "件", "名", "人",
               "户", "批", "款", "只", "头", "株", "棵", "艘", "架", "部", "间", "张", "份", "笔", "片",
               "根", "颗", "床", "人次", "起", "宗", "例"}

DURATION_UNITS = {"天", "小时"}

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

# ---------------------------------------------------------------------------
# the words around a name
# ---------------------------------------------------------------------------

GROWTH_VERBS = ("负增长", "增长", "下降", "增加", "减少", "提高", "提升", "降低", "上升", "回落", "回升", "下滑",
                "上涨", "下跌", "扩大", "收窄", "缩小", "加快", "放缓", "减缓", "趋缓", "改善", "恶化", "增", "降", "减")
FALL_VERBS = {"负增长", "下降", "减少", "降低", "回落", "下滑", "下跌", "收窄", "缩小", "放缓", "减缓", "趋缓", "降", "减"}
# 改善/恶化 say better or worse, not up or down: 浓度改善5% is a fall, 优良天数比例改善3个百分点 a rise.
_LOWER_IS_BETTER = re.compile(r"浓度|PM2\.?5|PM10|排放|能耗|综合指数|失业率|重污染|污染天数|事故|死亡|发案")
PRE_QUALIFIERS = ("首次超过", "首超", "将近", "接近", "超过", "大约", "约为", "不到", "不足", "高达", "多达", "近", "约", "超", "逾",
                  "突破", "达")
# Words that can stand between a name and its number, taken off the end of the name.
_TAIL_WORDS = sorted(set(GROWTH_VERBS) | set(PRE_QUALIFIERS) | {
    "达到", "为", "是", "实现", "完成", "累计", "共计", "共", "合计", "总计", "占比", "占", "列", "居", "位居",
    "位列", "排名", "排", "保持", "继续保持", "继续", "稳定在", "控制在", "到", "至", "了", "分别", "同比", "比上年", "较上年",
    "比去年", "较去年", "比去年同期", "较去年同期", "比上年同期", "较上年同期", "同期", "预计", "已", "均",
    "跨上", "迈上", "站上", "首次", "首次突破", "首次跨上", "首次迈上", "一举", "成功", "平均", "净增", "净增加",
    "最高", "最低", "最高达", "最高为", "最低为", "较少", "较多",
    "每人每月", "每人每年", "人均", "全省", "全国", "达成", "新增了", "已达", "已经", "只有", "仅",
    "已开工", "开工", "已完成", "已建成", "建成", "已签约", "签约", "共有", "在", "实际", "同口径", "可比",
    "可比价", "可比价格", "按可比价", "按可比价格", "按可比价计算", "按可比价格计算", "按不变价格计算",
    "按照可比价计算", "按照可比价格计算",
}, key=len, reverse=True)
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

_LEAD_WORDS = sorted({
    "今年以来", "年初以来", "今年", "截至目前", "截止目前", "截至当前", "目前", "当前", "同时", "其中", "此外",
    "另外", "全市", "我市", "全区", "全县", "本市", "累计", "共计", "共", "已经", "已", "均", "并", "和", "及",
    "还", "再", "总计", "合计", "为此", "共有", "拥有", "现有", "对此", "经统计", "据统计", "预计", "初步统计", "整体",
    "全年", "年内", "期内", "期间", "当月", "本月", "本季度", "全体", "持续", "进一步", "共同",
    "年末", "年底", "期末", "月末", "季末", "初步核算", "初步测算", "据初步核算",
}, key=len, reverse=True)
# 其 (其增加值) is a lead word, but not the 其 of 其他用品及服务类
_LEAD_RE = re.compile("^(?:" + "|".join(re.escape(w) for w in _LEAD_WORDS) + "|其(?![他它余]))")
# Leading verbs taken off when the rest is still a name (完成年度投资 → 年度投资; but 完成投资 stays).
_LEAD_VERBS = re.compile(r"^(?:完成|实现|达成|形成|稳定运行|正常运行|常态化运行|运行|运营|拥有|现有|保有|发生|建成|"
                         r"有(?=国家级|省级|市级|县级|区级|各类|各级))")
# A list number before a name: 1.储能谷…, （2）, 三、, ①
_LIST_NUMBER = re.compile(r"^(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、|"
                          r"[①②③④⑤⑥⑦⑧⑨⑩]|[●◆◇■□•·▪▶◎○▲△★☆]+)\s*")
# A sentence that announces targets: 主要预期目标是：…, 今年的目标为：…
_TARGET_CUE = re.compile(r"目标(?:任务)?(?:是|为)?[：:]|(?:预期|主要|发展|奋斗)目标(?:任务)?(?:是|为)|"
                         r"主要预期目标(?:也|已)?(?:定了|确定|明确|提出)")
# a numbered item's label: 3.税收收入（第5项）：, 4.进出口总额：
_ITEM_LABEL = re.compile(r"^(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}、)?\s*"
                         r"(?P<label>[\u4e00-\u9fffA-Za-z“”]{2,20}?)(?:[（(][^）)\d]{0,3}\d{0,3}[^）)]{0,4}[)）])?\s*[：:]")
_NOT_A_LABEL = re.compile(r"看|其中|如下|情况|分别|主要|包括|目标|任务|要求|方面|显示|表明|指出|提出|认为|来源|时间|地址")
# 低于目标1.4个百分点: the gap to the target, from which the target follows
_VS_TARGET = re.compile(r"(?P<dir>高于|低于|超过|超出|超|落后于?|快于|慢于|差)(?:年度|全年|预期|计划)?目标(?:值)?$")
# words before a cue that make it a target reached, not announced
_ACHIEVED = re.compile(r"(?:完成|实现|达到|超额完成|超过|高于|低于|完成了)[^，。；]*$")
# 超额完成/顺利完成/已完成…: a target met (its year is the one the actuals review)
_MET = re.compile(r"(?:超额|顺利|圆满|提前|全面|已经?)完成|完成了")
_FORECAST_OPENING = re.compile(r"^(?:[^，。；\d]{0,8}?)预计")
_FIRST_FIGURE = re.compile(r"\d")
# what may open a clause before its 全年: 全年实现…, 初步核算，全年…
_CLAUSE_LEAD = re.compile(r"\s*(?:其中|全市|全县|全区|全省|初步核算|初步统计|据初步核算|预计)?[，,]?\s*")
# what may stand before a paragraph's opening period: a clause about where the figures come from
_OPENING_GAP = re.compile(r"(?:根据|据|按照|经)[^，。；]{0,20}[，,]\s*|(?:今年|去年|全市|全区|全县|全省|我市|其中)[，,]?\s*")
# The subject of a clause is last year (上年同期为下降1.3%, 去年全市…增长5%); not after 比/较.
_PREVIOUS_YEAR = re.compile(r"^(?:上年同期|去年同期|上年|去年)(?:全年|同期)?(?!末|底|以来)")
_TARGET_WORDS = re.compile(r"^(?:本年度|本年|今年)?(?:力争|确保|计划(?:实施|建设|安排|推进)?|预期|争取|目标是|目标为|"
                           r"(?:努力|全力|奋力)(?=实现|完成|达到|保持|确保|争取)|"
                           # 安排全市重点建设项目320项: the projects a year's plan sets out
                           r"安排(?:实施|建设)?(?=\S*项目$))")
# 比1—4月份 / 较上年四季度 / 比今年1-3月: a period after a comparison word (and a year word) is the
# base of a comparison; so is every period listed after it (比今年1-3月、1-4月分别提高…)
_COMPARISON = re.compile(r"(?:比|较|与|同|相比|高于|低于|快于|慢于)\s*(?:今年|本年|上年|去年|上一年|(?:19|20)\d{2}年)?\s*$")
_LISTED_AFTER = re.compile(r"\s*[、和及与]\s*")


def _comparison_bases(text: str, periods: list[PeriodMatch]) -> list[bool]:
    """For each period of ``text``, whether it is the base of a comparison, not a scope."""
    out: list[bool] = []
    for i, p in enumerate(periods):
        base = bool(_COMPARISON.search(text[max(0, p.start - 8):p.start]))
        if not base and i and out[i - 1] and _LISTED_AFTER.fullmatch(text[periods[i - 1].end:p.start]):
            base = True
        out.append(base)
    return out
_COMPARE_LEAD = re.compile(
    r"^(?:比|较|与|同)(?:(?:19|20)\d{2}年(?:同期)?|上年同期|去年同期|上年同月|去年同月|上年|去年|上月|上季度|年初|同期|全省|全国|全省平均|"
    r"全国平均)?(?:相比)?"
)
# "为X减轻…": the benefactive opening before the verb that names the figure.
_BENEFACTIVE = re.compile(r"^(?:为|向|帮助|助力|给|对)")
_BENEFIT_VERBS = ("减轻", "减少", "节约", "节省", "提供", "争取", "发放", "兑现", "落实", "降低", "拨付",
                  "减免", "办理", "解决", "新增", "培训", "带动", "吸引", "帮扶", "救助", "资助", "补贴", "返还")
# Verbs that, before a count, belong in its name: 新增50余个首台（套）重大技术装备.
ACTION_VERBS = ("新增", "新建", "新开工", "新引进", "引进", "新签约", "签约", "培育", "新培育", "认定",
                "新认定", "开工", "建成", "新建成", "惠及", "举办", "开展", "推广", "实施", "新上", "组织",
                "培训", "完成", "打造", "设置", "改造", "建设", "服务", "帮助", "吸纳", "带动", "入驻", "落户",
                "招引", "储备", "谋划", "投产", "竣工", "落地", "新落地")
# Nouns that say nothing alone: 2个项目基本完工 is named 项目基本完工, 开工262个项目 开工项目;
# with neither a verb before nor a short verb phrase after, such a count is not read.
GENERIC_COUNT_NOUNS = {"项目", "企业", "集群", "基础", "主体", "单体", "单体主体", "单位", "园区", "工程", "平台",
                       "产业", "个", "家", "批", "次", "户", "人", "处", "条", "件", "类", "方面", "领域"}
# Where a noun after a count stops.
_NOUN_STOP = re.compile(
    r"稳步|列入|建成|完成|实现|开展|获评|获批|获得|获|通过|进行|入选|投入|上线|建立|开工|竣工|落地|签约|参加|参与|"
    r"纳入|达到|被|已|均|全部|正在|按|有序|顺利|加快|实施|提供|开始|进场|基本|封顶|施工|推进|预支|认定|评为|"
    r"入驻|投产|开业|运行|列为|申报|提交|完工|发放|累计|总投资|计划|拟|将|于|的|分别|同比|增长|达到|"
    r"实现|开展|正在|持续|陆续|集中|全面|重点推进|进展|进度|稳定|正常"
)
_RATE_TAIL = re.compile(r"[\u4e00-\u9fff]{0,2}(?:率|比例|比重|占比)$")
_RATE_SUFFIX = re.compile(r"(?:同比增速|增长速度|增长率|增速|增幅|增长|降幅)$")
# The base of a comparison at the end of a name: 增速比上半年(回落), 较去年同期(提高).
_COMPARE_TAIL = re.compile(r"(?:比|较)([^，比较]{1,8})$")
_BASELINE = re.compile(r"(?:(?:19|20)\d{2}年(?:同期)?|上年同期|去年同期|上年同月|去年同月|上年|去年|上月|上季度|上半年|年初|同期|上期)"
                       r"(?:末|底)?")
# A difference from another region (高于全省1.1个百分点) is not a figure of this one.
_VERSUS_REGION = re.compile(r"(?:(?:高于|低于|快于|慢于|高出|低出|超出|领先|落后)(?:全省|全国|省|国家)?(?:平均)?(?:水平)?|"
                            r"(?:比|较)(?:全省|全国|省|国家)(?:平均)?(?:水平)?(?:高出|低出|高|低|快|慢))$")
# 小微企业增势良好, 金融业活力凸显, 先进制造业支撑有力: a subject and a verdict on it
_TOPIC_CLAUSE = re.compile(r"(?:其中)?(?P<topic>[\u4e00-\u9fff]{1,10}?(?:业|企业|产业|行业))"
                           r"(?:活力|增势|势头|态势|发展|运行|生产|表现|韧性|动能|支撑|拉动|贡献)?(?:持续|保持|较为|十分)?"
                           r"(?:凸显|良好|强劲|平稳|稳健|向好|亮眼|突出|较好|迅猛|迅速|加快|回升|回暖|稳定|有力|活跃|明显)")
# what a bare 面积 after a count is the area of
_AREA_HOLDERS = ("保护区", "园区", "公园", "林", "湿地", "基地", "耕地", "景区")
_TOPIC_LEAD = re.compile(r"(?P<topic>[\u4e00-\u9fff]{2,10}?(?:业|企业|产业|行业))[“\"]?[\u4e00-\u9fff]{2,6}[”\"]?")
_PLACE_SET = re.compile(r"\d+\s?个\s?(?:城市|省份|地市|地级市|地区|县区|区县|县市区|县)(?!重点|级|属)(?![\u4e00-\u9fff]*中)")
_THRESHOLD_OF_MANY = re.compile(r"(?:半数|多数|大多数|过半|近半|\d+\s?(?:个|家|种|类))[\u4e00-\u9fff]{0,6}?"
                                r"(?:行业|企业|产品|城市|县区|区县|地区|门类|大类)(?!\S*率)")
_BARE_ITEM = re.compile(r"[\u4e00-\u9fff]{2,12}")
# 等 as "and the like" (新能源汽车、液晶显示屏等高端产品), not the 等 of 等级, 等于, 等待, 同等
_ETC = re.compile(r"(?<!同|平|对|相)等(?![级于待同])")
# 饮料类、烟酒类消费受到春节假期因素影响 / A类、B类和C类同比增长较快: a list, then a verdict on it
_LIST_THEN_VERDICT = re.compile(r"(?:其中)?(?P<list>[\u4e00-\u9fff、]{2,40}?[类业品][\u4e00-\u9fff、和及]{0,30}?[类业品])"
                                r"(?:消费|产品|商品)?(?:同比)?(?:增长较快|增速较快|增势良好|增长明显|快速增长|较快增长|"
                                r"保持增长|表现亮眼|受到[^，；]{1,16}影响)")
# 41个大类行业中(有…): the set a count after it is part of; 19个行业增加值实现增长: the part that grew
_COUNT_AMONG = re.compile(r"(?P<noun>[\u4e00-\u9fff]{0,10}(?:行业|类别|产品|大类|门类))中")
_COUNT_GROWING = re.compile(r"(?P<noun>行业|产品|企业|类别)(?P<what>增加值|产量|产值|营业收入|零售额)?(?:实现)?(?:同比)?增长")
# 占年度计划的 / 为年计划的 / 占全年计划 / 占省下达年度投资计划的: a share of a plan
_PLAN_BASE = re.compile(r"^(?:占|为|完成)(?:省下达|下达)?(?P<base>(?:全年|年度|年|本年)(?:投资)?(?:计划|目标)(?:投资)?)的?(?:比重|比例)?$")
# 其中6月当月… / 其中，5月份…: a sentence that gives a part (a month) of the figure before
_PART_OF_BEFORE = re.compile(r"^其中[，,：:]?\s*(?:\d{1,2}月(?:份)?(?:当月)?|当月|本月)")
# 酒泉、定西排名第二和第三 / 甲、乙分列前两位: places, then where they rank
_PLACES_RANKED = re.compile(r"(?P<list>[\u4e00-\u9fff]{2,6}(?:[、和及][\u4e00-\u9fff]{2,6})+?)"
                            r"(?:排名|排在|位居|分列|分居|位列|紧随其后)[\u4e00-\u9fff和、]{0,12}")
# 居民服务、修理和其他服务业: one industry whose name holds a 、
_BARE_INDUSTRY = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、]{2,22}业")
_NOT_AN_ITEM = re.compile(r"看|来说|方面|其中|分别|增长|下降|实现|完成|情况|持续|保持|全市|全省|我市")
_VERB_JOIN = re.compile(r"[、和及](?:同比)?(?:增长|下降|上升|提高|回落|减少|增加|下滑|加快|放缓)")
# What is left of a clause that had no name of its own (同比改善5%, 增速比…): not a name
_NOT_A_NAME = re.compile(r"^(?:同比|环比|比|较|增速比|增幅比|增速较|增幅较)"
                         # 增速快于全部限上单位商品零售额9.1个百分点, 分别高于规上工业15.5个百分点:
                         # a gap to another series, not a figure of one named so
                         r"|^(?:增速|增幅|比重|占比)?(?:分别|均|都|也)?(?:快于|高于|低于|慢于|高出|低出|超出|领先|落后|好于|优于)")
# 两年平均增长, 三年平均增速: an average growth over several years
_MULTI_YEAR = re.compile(r"(?:[两三四五]|[2-5])年平均(?=(?:同比)?(?:增长|增速|增幅|下降)?(?:为|达到|达)?$)")
_ALT_NAME = re.compile(r"（[^（）\d]{1,8}）$")
_EXCLUDING = re.compile(r"(剔除[^，；。]{1,12}?因素)(?:影响)?(?:后)?")
# what a name does not end with: a function word or a comparison (平均水平, 分别高0.7, 每月)
_JUNK_NAME = re.compile(r"(?:水平|每月|每年|以上|以下|左右|之中|中|在|的|了|高|低|快|慢|为|是|达|超过|同比|比|较|有)$"
                        r"|\d\.\d|\d$")
# what a figure is about when its name opens with it
_INNER_PERIOD = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:\d{1,2}(?:[-—－~～至]\d{1,2})?月份?)?(?:累计|当月|本月)?"
                           r"(?<=[月计])(?=[\u4e00-\u9fff]{2}|$)")
_AFTER_INNER_PERIOD = re.compile(r"^(?:份)?(?:共|累计|合计|总共)?")
_END_SCOPE = re.compile(r"(?:全市|全区|全县|全省|全国)$")
_SHARE_SCOPE = re.compile(r"占(?:全市|全区|全县|全省|本市|本县|本区)(?=\S{2,}(?:比重|比例)$)")
_PRICE_LEVEL = re.compile(r"价格总水平$")
_DESCRIBED = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:较大|最大|较多|最多|较快|最快|较高|最高|靠前)的")
# a Latin letter between Chinese characters: pinyin left over from a damaged reading (饧八a和供应业)
_DAMAGED = re.compile(r"[\u4e00-\u9fff][a-z]+[\u4e00-\u9fff]")
# 高于全国（5.4%）、全省（5.2%）: the words before a bracketed figure that is another region's
_OTHER_REGION_END = re.compile(r"(?:全国|全省|全市|全区|国|省|市)(?:平均|平均水平)?$")
# 总量居全省第7位；同比增长5.5%: words that stand for the indicator of the figure before
# 新能源汽车、液晶显示屏等高端产品产量均…: several things, all of them (not 人均, 平均)
_ALL_OF = re.compile(r"(?:等|、|和)[^，；]*(?<![人平户])均(?![衡匀价值])")
# a name and a number whose unit was lost (第二产业增加值28.4，): no figure, but the name of the next
_NAME_BARE_NUMBER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,16}(?:值|额|量|入|资))\d+(?:\.\d+)?")
# 拉动经济增长, 上拉地区生产总值增速: how much a part adds to the growth of the whole
_PULL = re.compile(r"^(?:拉动|上拉|带动|下拉)")
_SAME_AS_BEFORE = frozenset(("总量", "增速", "增幅", "增长速度"))
_SCOPE_WORD = re.compile(r"全市|我市|本市|全区|我区|全县|我县|全省|我省|全国|全镇|该省|该市|该区|该县")
GENERIC_NAMES = {"政府", "我市", "全市", "目前", "其中", "合计", "总计", "同比", "比重", "以上", "增长", "数据",
                 "全省", "全国", "总数", "数量", "规模", "人数", "个数", "比例", "分别", "其他", "各类",
                 "统计数据", "统计", "数值", "完成值", "指标", "实际", "累计完成", "完成", "目标", "预期目标"}

# What a clause measures when its subject is the clause before's: 规模以上工业营业收入增长5%；
# 利润总额增长3% → 规模以上工业利润总额. A name that is only one of these takes the subject
# of the name before it in the sentence.
BARE_MEASURES = sorted((
    "营业收入", "主营业务收入", "利润总额", "利润", "利税", "税金", "营业利润", "出口交货值", "产值", "总产值",
    "增加值", "销售额", "营业额", "税收", "用电量", "资产总额", "亏损额", "营业成本", "人均可支配收入",
    "人均消费支出", "工资性收入", "经营净收入", "进出口总额", "种植面积", "播种面积", "产量", "贡献率",
), key=len, reverse=True)



# What a set of projects reports: each takes the set's name (省重点项目 → 省重点项目总投资).
PROJECT_MEASURES = frozenset(("总投资", "完成投资", "投资额", "年度投资计划", "投资计划", "计划投资", "年度计划完成投资", "年度计划投资", "计划完成投资",
                              "累计完成投资", "年度投资"))
# 完成 between a subject and the measure it achieved (规模以上工业完成增加值), not before a task
# (光伏装机完成年度任务 names the task)
# 第一产业完成投资, 限上住宿餐饮企业共完成营业额: an industry (…业) and what it achieved
_INDUSTRY_DID = re.compile(r"(?P<who>[\u4e00-\u9fff]{2,12}业)(?:共|累计|合计|总共)?(?:完成|实现)"
                           r"(?P<what>[\u4e00-\u9fff]{0,6}(?:投资|营业额|销售额|销售|产值|增加值|营业收入|零售额))")
_INNER_DONE = re.compile("完成(?=(?:" + "|".join(BARE_MEASURES) + ")$)")


@lru_cache(maxsize=4096)
def _subject(name: str) -> str | None:
    """规模以上工业 for 规模以上工业营业收入: the name less the bare measure it ends with."""
    measure = next((m for m in BARE_MEASURES if name.endswith(m) and len(name) - len(m) >= 2), None)
    return name[:-len(measure)] if measure else None


# Statistical abbreviations that stand for several names at once.
ABBREVIATIONS = {
    "批零住餐": ("批发", "零售", "住宿", "餐饮"),
    "批零": ("批发", "零售"),
    "住餐": ("住宿", "餐饮"),
    "存贷款": ("存款", "贷款"),
    "进出口": ("进口", "出口"),
    "城乡居民": ("城镇居民", "农村居民"),
    "一二三产业": ("第一产业", "第二产业", "第三产业"),
}
# The part of a list's last name that the other names leave out (城市低保、…保障标准).
SHARED_SUFFIXES = sorted((
    "保障标准", "标准", "余额", "销售额", "营业额", "面积", "营业收入", "收入", "增加值", "人数", "总额", "投资", "产量",
    "数量", "规模", "产值", "价格", "指数", "比例", "比重", "覆盖率", "增速", "消费", "利润", "税收",
    "出栏", "存栏",
), key=len, reverse=True)
# Scope words a list's first name has and the others leave out (本外币存款、贷款余额).
SHARED_PREFIXES = ("规模以上", "限额以上", "规上", "限上", "本外币", "人民币")


# ---------------------------------------------------------------------------
# context
# ---------------------------------------------------------------------------


@dataclass
class Context:
    """What a piece of text is: its document year, default period and kind."""

    year: int | None
    start_month: int | None
    end_month: int | None
    kind: str = ACTUAL
    task_seq: str | None = None
    # A prose figure that says 目标 gets this period when it names no months.
    target_months: tuple[int, int] = (1, 12)
    # The year a target belongs to when its sentence names none (a work report's own year,
    # while its actuals review the year before); None: the same as ``year``.
    target_year: int | None = None
    region: str | None = None  # the document's region: what 全市/全区/全县 and unscoped figures are about
    cumulative_quarters: bool = False  # the frame found that 三季度 here means 1–9 (frame.Frame)

    def default_period(self) -> tuple[int | None, int | None, int | None]:
        return self.year, self.start_month, self.end_month


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


@dataclass
class _Named:
    names: list[str]
    raw: list[str]
    tail: list[str] = field(default_factory=list)
    pre_qualifier: str | None = None
    target: bool = False
    growth_name: bool = False  # the name said 增速/增幅
    of: bool = False  # the words before the number end in 的 (完成年度任务的37.9%)
    versus_region: bool = False  # 高于全省…: a gap to another region
    decline_name: bool = False  # the name said 降幅 (降幅收窄 is a rise)
    previous_year: bool = False  # 上年同期为…: the figure is last year's
    multi_year: str = ""  # 两年平均: an average over years (basis avg_2y)
    mom: bool = False  # 环比: against the month before (basis mom)
    scope: str | None = None  # 全市, 全省, 全国 … as written before the name
    excluding: str | None = None  # 剔除留抵退税因素: what the figure leaves out, a qualifier
    region: str | None = None  # a place written before the name (青州市规上工业增加值)
    regions: list[str] | None = None  # places listed before the name (酒泉、天水GDP总量分别为…)
    forecast: bool = False  # 预计
    met: bool = False  # 超额完成…的年度任务: a target said to be met, of the year the actuals review
    share_of: str | None = None  # 占年度计划的: the plan a share is of (its raw name says so)
    year: int | None = None

    def copy(self) -> _Named:
        """A copy whose lists are its own."""
        new = object.__new__(_Named)
        new.__dict__.update(self.__dict__)
        new.names, new.raw, new.tail = list(self.names), list(self.raw), list(self.tail)
        if self.regions is not None:
            new.regions = list(self.regions)
        return new


# ---------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------


def extract_observations(text: str, meta: DocumentMeta, tasks: list[Task] | None = None,
                         frame: Frame | None = None, segments: list[Segment] | None = None) -> list[Observation]:
    """Every figure the text states (see the module docstring for how each part is read).

    Prose is read block by block (``extract.segment``), each block in its scope
    (``extract.scope``: the document frame, the section its heading opens, a list of
    targets); page chrome is not read. With ``tasks`` (a parsed task table) the figures in
    each row's target and progress cells are read with their kind and ``task_seq``, and the
    table is not read again as prose: its row lines are skipped, and a prose figure whose
    sentence lies inside a task's cell (a cell's continuation line) is dropped. Without
    tasks, a TAB table with a 目标 header is read column by column.
    """
    year = meta.year
    is_table = meta.doc_type == TASK_TABLE
    if segments is None:
        segments = segment(text)  # (the pipeline passes the blocks it framed the document with)
    if frame is None:
        frame = document_frame(text, meta, segments)
    # progress reports count the year to date; a quarterly task table's figures too
    end = meta.end_month
    start = 1 if is_table and end else meta.start_month
    if is_table:
        prose = Context(year, start, end)
        block_scope: dict[int, Scope] = {}
    else:
        prose = Context(frame.year, frame.start_month, frame.end_month, target_year=frame.target_year,
                        region=frame.region, cumulative_quarters=frame.cumulative_quarters)
        block_scope = {seg.offset: sc for seg, sc in zip(segments, scopes(segments, frame), strict=True)}
    chrome = {seg.offset for seg in segments if seg.kind == "chrome"}
    out: list[Observation] = []
    cells = ""
    if tasks:
        out.extend(_from_tasks(text, meta, tasks))
        cells = "\n".join(c for t in tasks for c in (t.annual_target, t.period_target, t.progress,
                                                       t.reason, t.next_steps) if c)
    offset = 0
    header: dict[int, Context | None] | None = None
    stats: _StatsHeader | None = None
    above = prose  # the period the lines above a table name (its title)
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if tasks and _is_row(line):
            continue
        if not tasks:
            line = _pipe_cells(line)
            if line == "\t":
                continue  # |---|---|: the rule under a header
        if not tasks and "\t" in line:
            if header is None and stats is None:
                stats = _stats_header(line, above)
                if stats is not None:
                    continue
            if stats is not None:
                if not stats.rows:
                    two = _stats_header(_join_headers(stats.line, line), above)
                    if two is not None and _is_header_line(line):
                        stats = two  # a header on two lines: 1-6月 over 绝对值 | 增长%
                        continue
                out.extend(stats.read_row(line, here))
                stats.rows += 1
                continue
            if header is None and _is_header(line):
                header = _header_columns(line, meta)
                continue
            if header is not None:
                out.extend(_from_row(line, here, header, prose))
                continue
        if here in chrome:
            continue
        if line.strip():
            stats = None  # a table ends at the first line that is not a row
            above = _line_context(line, prose)
        scope = block_scope.get(here)
        ctx = prose if scope is None else replace(_scope_context(scope, frame.region),
                                                  cumulative_quarters=frame.cumulative_quarters)
        found = extract_clauses(line, ctx, here, carry=True)
        if cells:
            found = [o for o in found if o.quote not in cells]
        out.extend(found)
    for o in out:
        if o.region is None:
            o.region = frame.region  # table cells and task rows: the document's region
    return _dedupe(_pair_names(out))


# Words that qualify a target but not the thing measured: 政府5天储气能力, 年度新增就业
_PAIR_MODIFIER = re.compile(r"(?<!\d)\d{1,6}(?:个)?(?:天|小时|日|个月)|年度|全年|当年|本年")


def _pair_names(obs: list[Observation]) -> list[Observation]:
    """Give a target and an actual of one thing one name: when taking words like 5天 or 年度
    off one name gives the other (政府5天储气能力 target, 政府储气能力 actual), the longer
    name becomes the shorter and keeps what was written as its raw name. Names that only
    differ in other words are left alone."""
    def key(o: Observation) -> tuple[str, str]:
        return _PAIR_MODIFIER.sub("", o.name), unit_scale(o.unit)[1]

    by_kind: dict[str, dict[tuple[str, str], str]] = {ACTUAL: {}, TARGET: {}}
    keys = [key(o) for o in obs]
    for o, k in zip(obs, keys, strict=True):
        if len(k[0]) >= 2:
            shortest = by_kind[o.kind].get(k)
            if shortest is None or len(o.name) < len(shortest):
                by_kind[o.kind][k] = o.name
    for o, k in zip(obs, keys, strict=True):
        other = by_kind[TARGET if o.kind == ACTUAL else ACTUAL].get(k)
        if other is None or other == o.name or len(other) >= len(o.name):
            continue
        entry, _ = match_name(other)
        o.raw_name = o.name
        o.name = other
        o.indicator_id = entry.id if entry else None
    return obs


def _scope_context(scope: Scope, region: str | None) -> Context:
    """The reading context of a block in ``scope``: a section or list of targets reads its
    figures as targets of the scope's target year (months 1–12 unless it names others)."""
    if scope.mode == "target":
        months = (scope.start_month or 1, scope.end_month or 12)
        if scope.start_month is None or (scope.start_month, scope.end_month) != months:
            months = (1, 12)
        year = scope.target_year if scope.target_year is not None else scope.year
        return Context(year, months[0], months[1], TARGET, target_months=months, target_year=year, region=region)
    return Context(scope.year, scope.start_month, scope.end_month, target_year=scope.target_year, region=region)


def _line_context(line: str, prose: Context) -> Context:
    """The period a line (a table's title) names, else the prose's."""
    ps = [p for p in find_periods(line[:80]) if not p.whole_year]
    m = _YEAR.search(line[:80])
    if not ps:
        return prose
    year = int(m[1]) if m else prose.year
    return Context(year, ps[0].period.start_month, ps[0].period.end_month)


# -- statistics tables --------------------------------------------------------
# 指标 | 单位 | 1-6月 | 同比增长%: the name in one column, the unit in another, amounts
# under period headers, growth rates under a growth header; the cells carry bare numbers.

_NAME_HEAD = re.compile(r"^(?:主要)?(?:指标|项目)(?:名称)?$|^名称$")
_UNIT_HEAD = re.compile(r"^(?:计量)?单位$")
_GROWTH_HEAD = re.compile(r"增长|增速|增幅|增减|±|同比|比上年|比去年")
_VALUE_HEAD = re.compile(r"本月|当月|本期|累计|绝对[值数]|总量|数值|数量|金额|完成|本年|全年|上年同期|去年同期|实际")
_HEAD_UNIT = re.compile(r"[（(]\s*(%|‰|百分点|[万亿千百]*[\u4e00-\u9fff/]{1,5})\s*[）)]\s*$|(%|百分点)$")
_PREVIOUS = re.compile(r"上年同期|去年同期|上年|去年")
_EMPTY_CELL = re.compile(r"^[-—－–/…\s]*$")
_CELL_NUMBER = re.compile(r"^(?P<growth>增长|提高|增加)?(?P<sign>[-—－−])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<pct>%)?"
                          r"(?P<qual>左右|以上|以内|以下)?$")
_SHARE_HEAD = re.compile(r"完成.{0,4}(?:目标|计划|任务)|进度|占.{0,6}(?:比重|比例)")
_ROW_LEAD = re.compile(r"^(?:其中[：:]?|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)]|[#＃△▲·•])+")


@dataclass
class _Column:
    kind: str  # value | growth | share | target
    year: int | None
    start: int | None
    end: int | None
    unit: str | None  # from the header, e.g. 同比增长(%) → %


class _StatsHeader:
    def __init__(self, name_col: int, unit_col: int | None, columns: dict[int, _Column], line: str):
        self.name_col, self.unit_col, self.columns, self.line = name_col, unit_col, columns, line
        self.rows = 0



    def read_row(self, line: str, offset: int) -> list[Observation]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) <= self.name_col:
            return []
        raw = _ROW_LEAD.sub("", cells[self.name_col]).strip()
        row_unit = None
        m = _HEAD_UNIT.search(raw)
        if m:
            row_unit = m[1] or m[2]
            raw = raw[:m.start()].strip()
        if self.unit_col is not None and self.unit_col < len(cells) and not _EMPTY_CELL.match(cells[self.unit_col]):
            row_unit = cells[self.unit_col]
            if "=" in row_unit:  # 上年=100: an index
                row_unit = ""
        name = raw
        if len(name) < 2 or _CELL_NUMBER.match(name):
            return []
        entry, _ = match_name(name)
        quote = quote_digits(line.strip())
        out = []
        for i, col in self.columns.items():
            if i >= len(cells):
                continue
            m = _CELL_NUMBER.match(cells[i].replace(" ", ""))
            if not m:
                continue
            value = float(m["num"].replace(",", ""))
            if m["sign"]:
                value = -value
            if col.kind == "growth":
                unit = col.unit or "%"
                measure = "change" if unit == "百分点" else "growth"
            elif col.kind == "share":
                unit, measure = col.unit or "%", "share"
            else:
                unit = "%" if m["pct"] else col.unit if col.unit is not None else row_unit
                if unit is None:
                    continue  # an amount whose unit nobody states
                measure = "level"
                if col.kind == "target" and m["growth"]:
                    measure = "growth"  # 增长5%左右 in a target cell
            out.append(Observation(
                name=entry.name if entry else name, value=value, unit=unit,
                kind=TARGET if col.kind == "target" else ACTUAL, year=col.year, qualifier=m["qual"],
                start_month=col.start, end_month=col.end, indicator_id=entry.id if entry else None,
                raw_name=raw, measure=measure, char_offset=offset, quote=quote[:MAX_QUOTE],
            ))
        return out


def _pipe_cells(line: str) -> str:
    """``| a | b |`` as TAB-separated cells (``\t`` alone for a ``|---|---|`` rule); other
    lines as they are."""
    s = line.strip()
    if not (s.startswith("|") and s.count("|") >= 3):
        return line
    cells = [c.strip() for c in s.strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
        return "\t"
    return "\t".join(cells)


def _is_header_line(line: str) -> bool:
    """A line of header words: no cell is a number and one names a value or a growth."""
    cells = [c.strip() for c in line.split("\t")]
    return (not any(_CELL_NUMBER.match(c.replace(",", "")) for c in cells if c)
            and any(_GROWTH_HEAD.search(c) or _VALUE_HEAD.search(c) or _HEAD_UNIT.search(c) for c in cells))


def _join_headers(top: str, bottom: str) -> str:
    """Two header lines as one: each lower cell under the upper cell it stands under (an
    empty upper cell is the one to its left spanning it): 1-6月 + 绝对值 → 1-6月绝对值."""
    up = [c.strip() for c in top.split("\t")]
    down = [c.strip() for c in bottom.split("\t")]
    out = []
    carry = ""
    for i in range(max(len(up), len(down))):
        u = up[i] if i < len(up) else ""
        d = down[i] if i < len(down) else ""
        if u:
            carry = u
        elif d and i > 0:
            u = carry
        out.append(u + d if not (_NAME_HEAD.match(u) or _UNIT_HEAD.match(u)) else u)
    return "\t".join(out)


def _head_period(cell: str, ctx: Context) -> tuple[int | None, int | None, int | None]:
    year, start, end = ctx.default_period()
    m = _YEAR.search(cell)
    if m:
        year = int(m[1])
    ps = [p for p in find_periods(cell) if not p.whole_year]
    if ps:
        start, end = ps[0].period.start_month, ps[0].period.end_month
    elif re.search(r"本月|当月", cell) and end is not None:
        start = end
    return year, start, end


def _stats_header(line: str, ctx: Context) -> _StatsHeader | None:
    """The header of a statistics table, or None when the line is not one."""
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) < 2 or any(_CELL_NUMBER.match(c.replace(",", "")) for c in cells):
        return None
    name_col = next((i for i, c in enumerate(cells) if _NAME_HEAD.match(c)), None)
    if name_col is None:
        return None
    unit_col = next((i for i, c in enumerate(cells) if _UNIT_HEAD.match(c)), None)
    columns: dict[int, _Column] = {}
    last_value: _Column | None = None
    for i, c in enumerate(cells):
        if i in (name_col, unit_col) or not c:
            continue
        m = _HEAD_UNIT.search(c)
        unit = (m[1] or m[2]) if m else None
        if _SHARE_HEAD.search(c):
            if last_value is not None:
                year, start, end = last_value.year, last_value.start, last_value.end
            else:
                year, start, end = _head_period(c, ctx)
            columns[i] = _Column("share", year, start, end, unit or "%")
        elif "目标" in c or "计划" in c:
            if unit_col is None:
                return None  # a target table with prose cells: read column by column elsewhere
            year, start, end = _head_period(c, ctx)
            if not [p for p in find_periods(c) if not p.whole_year]:
                start, end = 1, 12
            columns[i] = _Column("target", year, start, end, unit)
        elif _GROWTH_HEAD.search(c):
            base = re.sub(r"(?:比|较)(?:上年同期|去年同期|上年|去年|同期)", "", c)
            if find_periods(base) or re.search(r"本月|当月", base) or last_value is None or "累计" in base:
                year, start, end = _head_period(base, ctx)
            else:
                year, start, end = last_value.year, last_value.start, last_value.end
            columns[i] = _Column("growth", year, start, end, unit)
        elif find_periods(c) or _YEAR.search(c) or _VALUE_HEAD.search(c):
            year, start, end = _head_period(c, ctx)
            if _PREVIOUS.search(c) and year is not None and not _YEAR.search(c):
                year -= 1
            col = _Column("value", year, start, end, unit)
            columns[i] = col
            if not _PREVIOUS.search(c):
                last_value = col
    if not columns:
        return None
    return _StatsHeader(name_col, unit_col, columns, line)


def _is_row(line: str) -> bool:
    """A table row: TAB-separated cells or a ``| a | b |`` line."""
    s = line.strip()
    return "\t" in line or (s.startswith("|") and s.count("|") >= 3)


def _dedupe(obs: list[Observation]) -> list[Observation]:
    seen = set()
    out = []
    for o in obs:
        key = (o.name, o.value, o.unit, o.kind, o.year, o.start_month, o.end_month, o.measure, o.char_offset)
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out


# -- task tables ------------------------------------------------------------


def _cell_contexts(meta: DocumentMeta, seq: str | None) -> tuple[Context, Context, Context]:
    """(annual target, period target, progress) contexts for a task table's cells."""
    y, end = meta.year, meta.end_month
    annual = Context(y, 1, 12, TARGET, seq)
    period = Context(y, 1, end or 12, TARGET, seq, target_months=(1, end or 12))
    progress = Context(y, 1 if end else None, end, ACTUAL, seq)
    return annual, period, progress


def _from_tasks(text: str, meta: DocumentMeta, tasks: list[Task]) -> list[Observation]:
    out: list[Observation] = []
    for t in tasks:
        annual, period, progress = _cell_contexts(meta, t.seq)
        cursor = t.char_offset or 0  # cells come in order along the row
        for cell, ctx in ((t.annual_target, annual), (t.period_target, period), (t.progress, progress)):
            if not cell:
                continue
            found = extract_clauses(cell, ctx, 0)
            for o in found:
                o.char_offset = _locate(text, o.quote, cursor)
                out.append(o)
            offsets = [o.char_offset for o in found if o.char_offset is not None]
            if offsets:
                cursor = min(offsets) + 1
    return out


def _locate(text: str, quote: str, hint: int) -> int | None:
    pos = text.find(quote, hint)
    if pos < 0:
        pos = text.find(quote)
    return pos if pos >= 0 else (hint or None)


_HEADER_KIND = (
    (re.compile(r"年度目标|全年目标|年度任务|年目标"), "annual"),
    (re.compile(r"季度目标|月目标|阶段目标|半年目标|季度任务"), "period"),
    (re.compile(r"进展|完成情况|工作情况|进度|实际完成"), "progress"),
)


def _is_header(line: str) -> bool:
    cells = line.split("\t")
    return len(cells) >= 3 and any("目标" in c for c in cells) and not any(_FIGURE_HINT.search(c) for c in cells)


_FIGURE_HINT = re.compile(r"(?<![\d.])\d{1,15}(?:\.\d{1,10})?%")


def _header_columns(line: str, meta: DocumentMeta) -> dict[int, Context | None]:
    annual, period, progress = _cell_contexts(meta, None)
    by_kind = {"annual": annual, "period": period, "progress": progress}
    cols: dict[int, Context | None] = {}
    for i, cell in enumerate(line.split("\t")):
        cols[i] = None
        for pattern, kind in _HEADER_KIND:
            if pattern.search(cell):
                cols[i] = by_kind[kind]
                break
    return cols


def _from_row(line: str, offset: int, header: dict[int, Context | None], prose: Context) -> list[Observation]:
    """A table row read by the header's columns (used when no tasks were parsed)."""
    cells = line.split("\t")
    seq = cells[0].strip() if cells and cells[0].strip().isdigit() else None
    out: list[Observation] = []
    pos = offset
    for i, cell in enumerate(cells):
        ctx = header.get(i)
        if ctx is not None and cell:
            ctx = Context(ctx.year, ctx.start_month, ctx.end_month, ctx.kind, seq, ctx.target_months)
            out.extend(extract_clauses(cell, ctx, pos))
        pos += len(cell) + 1
    return out


# ---------------------------------------------------------------------------
# sentences
# ---------------------------------------------------------------------------


def extract_clauses(text: str, ctx: Context, offset: int = 0, carry: bool = False) -> list[Observation]:
    """The figures in a run of prose (a paragraph, a line, a table cell).

    ``offset`` is where ``text`` starts in the document text; observations carry
    ``char_offset`` = offset of their quote. With ``carry`` (a paragraph), a sentence that
    opens with a period (今年一季度，… / 1-5月份，…) passes it to the sentences after it.
    """
    out: list[Observation] = []
    if not _MAY_HOLD_FIGURE.search(text):
        return out  # no digit and no 第: no figure, no rank (and nothing after to pass a period to)
    pos = 0
    before: _SentenceReader | None = None
    before_names: set[str] = set()
    for start, end in _sentences(text):
        sentence = text[start:end]
        stripped = sentence.strip()
        pos = start
        opening = None
        if stripped and _MAY_HOLD_FIGURE.search(stripped):
            lead = len(sentence) - len(sentence.lstrip())
            reader = _SentenceReader(stripped, ctx, offset + pos + lead)
            if carry and before is not None and len(before.last_names) == 1 and len(before_names) == 1 \
                    and _PART_OF_BEFORE.match(reader.masked):
                # 1-6月，X同比下降1.8%。其中6月当月下降17.6%。: a part of the figure before, whose name
                # the new sentence does not repeat
                reader.carried = (before.last_names[0], before.last_raw[0], before.last_unit)
            found = reader.read()
            out.extend(found)
            before, before_names = reader, {o.name for o in found}  # one name only: no doubt whose part
            opening = reader.opening_period() if carry else None
        elif carry and stripped:
            # 今年一季度，全市经济开局良好。
            opening = _opening_period(stripped, find_periods(stripped), len(stripped), ctx.cumulative_quarters)
        if opening is not None:
            ctx = replace(ctx, start_month=opening.start_month, end_month=opening.end_month)
    return out


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


def _cumulative(sentence: str, p: PeriodMatch) -> Period:
    """The period ``p`` names in a text whose bare quarters count from January (三季度 → 1–9)."""
    if is_bare_quarter(sentence, p):
        return Period(p.period.year, 1, p.period.end_month)
    return p.period


def _opening_period(sentence: str, periods: list[PeriodMatch], stop: int,
                    cumulative: bool = False) -> Period | None:
    """The period ``sentence`` opens with: before ``stop`` (its first figure), not the base of a
    comparison, not 全年/年度, and at its start or after a clause saying where the figures come
    from (根据…核算结果，前三季度，…)."""
    bases = _comparison_bases(sentence, periods)
    for p, base in zip(periods, bases, strict=True):
        if p.start >= stop:
            break
        if p.whole_year or base:
            continue
        if p.start > 12 and not _OPENING_GAP.fullmatch(sentence[:p.start]):
            continue  # a period deep in the sentence is that clause's, not the paragraph's
        return _cumulative(sentence, p) if cumulative else p.period
    return None


# Every figure has a digit (_FIGURE, _RANK, _RANK_BARE) or is a rank written 第五 (_RANK_CN):
# a sentence with neither has no figure and is not read at all.
_MAY_HOLD_FIGURE = re.compile(r"\d|第")
_WORD_CHAR = re.compile(r"[\w\u4e00-\u9fff]")
_TARGET_END = re.compile(r"目标$")
_TARGET_NAME = re.compile(r"任务$|年度目标|全年目标|目标任务|目标值|^(?:年度|全年|年)?计划(?:完成)?投资$|投资计划$|项目总投资$")
_PLANNED_TOTAL = re.compile(r"项目(?:总投资|(?:年度)?投资计划)$")
# 5.5万人的(预期)目标: a figure that is the size of a target
_TARGET_AFTER = re.compile(r"的?(?:年度|全年|预期|计划|控制)?(?:目标|任务)(?:任务)?(?=$|[，。；、）)])")
# 增长预期(目标): the words between a target's name and 目标; 年初确定的…: who set it
_EXPECTED_TAIL = re.compile(r"(?:的)?(?:增长|增速|总量)?(?:预期|发展|奋斗|计划)$")
_SET_LEAD = re.compile(r"^(?:(?:今年|年初|年度|全年|市(?:委|政府)?)?(?:确定|提出|制定|设定|下达)的)")
_SHARE_OF = re.compile(r"(占[^占的]{1,12})的(?=比重$|比例$)")
_SHARE_NAME = re.compile(r"^[^占]{2,}占[^占]{1,12}(?:比重|比例)$")
_SHARE_END = re.compile(r"(?:比重|比例|份额|的)$")
_AFTER_YEAR = re.compile(r"^(?:以来|度|内)")
_AFTER_PERIOD = re.compile(r"^(?:以来|份|期间|末|底)")
_RUN_OF = re.compile(r"^连续\d+(?:年|个月|个季度|季度|次)")
# A period expression (periods._TEXT_PATTERNS) can only start with a digit or one of these
# (上半年, 前三季度, 第二季度, 一至五月, 截至5月底, 到5月末, 全年, 年度):
# a name that starts otherwise has no period at its start.
_PERIOD_START = frozenset("一二三四五六七八九十上下前第截到全年")


_AFTER_SEMICOLON = re.compile(r"(?<=[；;])")
_INDEX_VERB_END = re.compile(r"(?:为|达到|达|是|下降|上升|增长|提高|降低|到|至|了|同比)+$")
_INDEX_NAME_END = re.compile(r"(?:指数|系数|PMI|CPI|PPI)$")
# how split_names cuts a list, tried in turn: only after a class or an industry, at every 、,
# at every 、/和/及/与/以及
_NAME_SEPARATORS = tuple(re.compile(p) for p in (r"(?<=[类业])(?:、|和|及)", r"、", r"、|和|及|与|以及"))


class _SentenceReader:
    def __init__(self, sentence: str, ctx: Context, offset: int):
        self.s = sentence
        self.ctx = ctx
        self.offset = offset
        # numbers inside 《book titles》 are not figures; mask them (same length)
        self.masked = mask_titles(sentence)
        self.last_names: list[str] = []
        self.subject: str | None = None  # the subject of the name before (规模以上工业)
        self.last_raw: list[str] = []
        self.last_unit: str | None = None
        self.last_region: str | None = None
        self.last_value: float | None = None
        self.last_measure: str | None = None
        self.next_start = 0
        self.prev_end: int | None = None
        self.may_inherit = False
        # 主要预期目标是：…: every figure after it is a target
        cue = _TARGET_CUE.search(self.masked)
        if cue and _ACHIEVED.search(self.masked[max(0, cue.start() - 14):cue.start()]):
            cue = None  # 完成了…确定的主要目标任务: a target met, not one announced
        self.targets_from = cue.end() if cue else None
        # 预计，全市实现地区生产总值…，财政收入…: every figure of the sentence is an estimate
        self.forecast = bool(_FORECAST_OPENING.match(self.masked))
        # 3.税收收入（第5项）：增长5.2%: the label before the colon names the item's figures
        m = _ITEM_LABEL.match(self.masked)
        self.label = None
        if m and not _NOT_A_LABEL.search(m["label"]):
            self.label = m["label"]
            self.label_end = m.end()

    def opening_period(self) -> Period | None:
        """The period the sentence (or its last ；-part that opens with one) opens with: before
        its first figure, not a comparison's base, not 全年/年度. The sentences after it in the
        paragraph share it (2月份，…当月…；1-2月，…。规上工业增加值下降6.6% → 1-2月)."""
        figs = self.figures()
        found = None
        start = 0
        for part in _AFTER_SEMICOLON.split(self.masked) if "；" in self.masked or ";" in self.masked else (self.masked,):
            end = start + len(part)
            if part.lstrip().startswith("其中"):
                start = end  # 其中，6月份…: a part of the figure before, its period is not the paragraph's
                continue
            first = next((f.start - start for f in figs if start <= f.start < end), len(part))
            ps = [PeriodMatch(p.start - start, p.end - start, p.period, p.text) for p in self.periods
                  if start <= p.start < end]
            found = _opening_period(part, ps, first, self.ctx.cumulative_quarters) or found
            start = end
        return found

    @cached_property
    def periods(self) -> list[PeriodMatch]:
        """The period expressions in the sentence (found only when a figure needs its period)."""
        return find_periods(self.masked)

    @cached_property
    def bases(self) -> list[bool]:
        """Which of :attr:`periods` are bases of comparisons (比1—4月份), not scopes."""
        return _comparison_bases(self.masked, self.periods)

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
            if before == "第":
                continue
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

    # -- reading ----------------------------------------------------------------
    def read(self) -> list[Observation]:
        figs = self.figures()
        out: list[Observation] = []
        i = 0
        self.next_start = 0
        self.prev_end = None
        self.history: list[tuple[str, str]] = []
        self.prev_versus = False
        if self.carried:
            self.last_names, self.last_raw, self.last_unit = [self.carried[0]], [self.carried[1]], self.carried[2]
        while i < len(figs):
            group = [figs[i]]
            while i + len(group) < len(figs) and self._joins(group[-1], figs[i + len(group)]):
                group.append(figs[i + len(group)])
            span_start = max(self._clause_start(group[0].start), self.next_start)
            span = self._over_aside(span_start) + self.masked[span_start:group[0].start]
            # a clause with no subject may take the previous figure's name only if nothing
            # but punctuation stands between them
            if self.prev_end is not None:
                gap = self.masked[self.prev_end:span_start]
            else:
                gap = "" if self.carried else "x"
            gap = _ASIDE.sub("", gap)
            self.may_inherit = not _WORD_CHAR.search(gap)
            lead = self.masked[self.prev_end or 0:span_start]
            self.prev_end = group[-1].end
            self.span_start = span_start
            named = self._name(span)
            self._carry_region(lead)
            if named.region is None and named.scope is None and self.carry_region:
                named.region = self.carry_region  # 兰州领先，GDP总量…亿元: the city's
            self.next_start = group[-1].end
            if len(group) > 1:
                self.group_start = span_start
                out.extend(self._read_group(group, named, span))
            else:
                out.extend(self._read_one(group[0], named, span))
            i += len(group)
        return out

    carry_region: str | None = None
    carried: tuple[str, str, str | None] | None = None  # the name a 其中 sentence takes from the one before

    def _carry_region(self, lead: str) -> None:
        """A clause with no figure that opens with a place and says little else (兰州依旧领先,
        庆阳紧随其后) makes that place the region of the figures after it in the sentence."""
        if len(lead) <= 3:
            return  # no clause of more than three characters: no place (most leads are "，")
        for clause in _CLAUSE_MARK.split(lead):
            clause = clause.strip()
            found = places.region_prefix(clause) if len(clause) > 3 else None
            if found and len(found[1]) <= 8 and not _FIRST_FIGURE.search(found[1]):
                self.carry_region = found[0]

    def _joins(self, a: _Figure, b: _Figure) -> bool:
        between = self.masked[a.end:b.start]
        if a.rank != b.rank:
            return False
        if between in ("、", "和", "及"):
            return True
        # 分别下降12.4%、增长7.3%和增长2.6%: each value with its own verb, still one list
        return bool(_VERB_JOIN.fullmatch(between)) and "分别" in self.masked[self._clause_start(a.start):a.start]

    def _clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts: after the last clause mark before it."""
        marks = self._marks
        if marks is None:
            marks = self._marks = [m.start() for m in _CLAUSE_MARK.finditer(self.masked)]
        return marks[bisect_left(marks, pos) - 1] + 1 if marks and marks[0] < pos else 0

    def _over_aside(self, span_start: int) -> str:
        """The name in the clause before an aside (规模以上工业增加值按可比价格计算，同比增长1.7%)
        when the aside is all that stands between it and the figure's clause; else ""."""
        s = self.masked
        if span_start < 2 or s[span_start - 1] not in _CLAUSE_END:
            return ""
        a0 = self._clause_start(span_start - 1)
        aside = s[a0:span_start - 1].strip()
        if a0 < self.next_start:
            return ""
        bare = _NAME_BARE_NUMBER.fullmatch(aside)
        if bare and not _TAIL_RE.search(bare["name"]) and s[span_start:span_start + 1] != "占":
            return bare["name"]  # 第二产业增加值28.4，增长4.5%: the number lost its unit, the name stands
        if a0 == self.next_start and self.next_start:
            return ""
        m = _ASIDE.search(aside)
        if not m or m.end() != len(aside):
            return ""
        head = aside[:m.start()]
        if not head and a0 >= 2 and s[a0 - 1] in _CLAUSE_END:  # 增加值，按可比价格计算，同比增长1.7%
            n0 = max(self._clause_start(a0 - 1), self.next_start)
            head = s[n0:a0 - 1]
        return head if head and not _FIRST_FIGURE.search(head) else ""

    def _of_another_region(self, fig: _Figure) -> bool:
        """A figure alone in brackets right after another region's name (高于全国（5.4%）)."""
        s = self.masked
        return bool(fig.start and s[fig.start - 1] in "（(" and s[fig.end:fig.end + 1] in ("）", ")")
                    and _OTHER_REGION_END.search(s, 0, fig.start - 1))

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

    def _clause_before_group(self) -> str:
        """The clause just before the list of figures being read (what may name their items)."""
        return re.split(r"[，,；;：:]", self.masked[:self.group_start].rstrip("，,"))[-1].strip()

    def _regions_before(self, n: int) -> list[str] | None:
        """The ``n`` places the clause just before lists with their ranks or a verdict (酒泉、
        定西排名第二和第三), for a 分别 clause that names the indicator but no place."""
        m = _PLACES_RANKED.fullmatch(self._clause_before_group())
        if not m:
            return None
        found = [places.place_named(x) for x in re.split(r"、|和|及", m["list"])]
        return found if len(found) == n and all(found) else None

    def _list_before_verdict(self, n: int, named: _Named) -> list[str] | None:
        """The ``n`` names a clause lists before a verdict on them, just before a 分别 clause with
        no names of its own (A类、B类和C类同比增长较快，零售额增速分别为…): each with the bare
        measure the 分别 clause names, if it names one."""
        clause = self._clause_before_group()
        m = _LIST_THEN_VERDICT.fullmatch(clause)
        if not m or _FIRST_FIGURE.search(clause):
            return None
        names, _ = split_names(m["list"], n)
        if len(names) != n:
            return None
        own = named.names[0] if named.names else ""
        if own in BARE_MEASURES or own in ("零售额", "销售额", "营业收入", "产量"):
            names = [x if x.endswith(own) else x + own for x in names]
        return names

    def _items_before(self, start: int) -> list[str]:
        """The bare nouns (采矿业, 制造业) that make up the clauses just before ``start`` in the
        sentence, each a clause of its own: the first items of a list that 分别 pairs."""
        items: list[str] = []
        for clause in reversed(re.split(r"[，,]", self.masked[:start].rstrip("，,"))):
            clause = clause.strip()
            if not (_BARE_ITEM.fullmatch(clause) or _BARE_INDUSTRY.fullmatch(clause)) or _NOT_AN_ITEM.search(clause):
                break
            items.insert(0, clause)
        return items

    def _task_aside(self, fig: _Figure, name: str, named: _Named) -> tuple[str, str] | None:
        """(name, raw) for a task's size in brackets (完成年度任务（116万千瓦）的…): the name of
        what the task is for (the clause's subject before 完成, else the figure before it in
        the same unit); None when the figure is not such an aside."""
        s = self.masked
        if not (fig.start and s[fig.start - 1] in "（(" and s[fig.end:fig.end + 1] in ("）", ")")):
            return None
        if not re.search(r"(?:任务|目标|计划)(?:量|数)?$", name):
            return None
        m = re.match(r"(.{2,}?)(?:完成|达到|占)", name)
        if m and len(m[1]) >= 2:
            return m[1], m[1]
        if len(self.last_names) == 1 and self.last_unit is not None \
                and unit_scale(self.last_unit)[1] == unit_scale(fig.unit)[1]:
            return self.last_names[0], self.last_raw[0]
        return None

    def _with_subject(self, name: str) -> str:
        """A bare measure (利润总额) takes the subject of the name before it in the sentence
        (规模以上工业营业收入 → 规模以上工业利润总额); a name with a subject of its own sets it."""
        if name.startswith("项目") and name[2:] in PROJECT_MEASURES and self.subject and self.subject.endswith("项目"):
            name = name[2:]  # 重点建设项目320项，项目总投资2480亿元: the projects' total
        name = name.replace("项目项目", "项目")  # 重点建设项目1-3月项目累计完成投资, less the period
        if name == "面积" and len(self.last_names) == 1 and self.last_names[0].endswith(_AREA_HOLDERS):
            return self.last_names[0] + name  # 国家级自然保护区2个，面积31.5千公顷
        if name[:2] in ("实现", "完成") and name[2:] in BARE_MEASURES:
            name = name[2:]  # 茶叶种植面积3.1万亩，实现产值4.02亿元: the 产值 of the subject
        if name in BARE_MEASURES and not self.subject:
            topic = self._topic_before(self.span_start)
            if topic:
                return topic + name  # 小微企业增势良好，1-5月实现增加值76.4亿元 → 小微企业增加值
        if name in BARE_MEASURES or self.subject and self.subject.endswith("项目") and name in PROJECT_MEASURES:
            return self.subject + name if self.subject else name
        # 省重点项目2个，总投资…，完成投资…: a set of projects is the subject of its investment
        self.subject = name if len(name) > 2 and name.endswith("项目") else _subject(name)
        return name

    def _topic_before(self, pos: int) -> str | None:
        """The subject a clause before ``pos`` in the sentence announces with a verdict and no
        figure (金融业活力凸显，…; 小微企业增势良好，…): what a bare measure after it is of."""
        clauses = re.split(r"[，,；;]", self.masked[:pos])
        for clause in list(reversed(clauses))[1:3]:
            m = _TOPIC_CLAUSE.fullmatch(clause.strip())
            if m and not _FIRST_FIGURE.search(clause):
                return m["topic"]
        # 纺织业“马力全开”，重点企业抢订单…，实现增加值3.4亿元: an industry opening the
        # sentence with a few words on how it does, and no figure, is what the sentence is about
        if 2 <= len(clauses) <= 4:
            m = _TOPIC_LEAD.fullmatch(clauses[0].strip())
            if m and not _FIRST_FIGURE.search(clauses[0]):
                return m["topic"]
        return None

    span_start = 0

    def _clause_after(self, pos: int) -> str:
        """The words from ``pos`` to the end of the clause, less a closing 等."""
        end = pos
        while end < len(self.masked) and self.masked[end] not in _CLAUSE_END and self.masked[end] not in "。（(":
            end += 1
        return re.sub(r"(?:等|了)+$", "", self.masked[pos:end].strip())

    def _noun_after(self, pos: int) -> str:
        """The noun a count is of: up to punctuation, a digit or a verb, less a rate word
        (``25个老旧小区改造项目开工率达到93%`` counts 老旧小区改造项目; the rate is the 97%'s).
        """
        rest = self.masked[pos:pos + 30]
        stop = len(rest)
        for i, ch in enumerate(rest):
            if ch in "（(" and i:
                close = rest.find("）" if ch == "（" else ")", i)
                if 0 < close - i <= 4 and not re.search(r"\d", rest[i:close]):
                    continue  # 首台（套）重大技术装备: a short aside inside the noun
            if ch in "）)" and i and ("（" in rest[:i] or "(" in rest[:i]):
                continue
            if ch in _CLAUSE_END or ch in "。、（(" or ch.isdigit():
                stop = i
                break
        rest = rest[:stop]
        for m in _NOUN_STOP.finditer(rest, 1):
            if rest[m.end():m.end() + 1] != "率":  # 开工率 is a noun, 开工 a verb
                rest = rest[:m.start()]
                break
        if rest.count("“") != rest.count("”"):
            rest = rest.replace("“", "").replace("”", "")
        if len(rest) > 4 and _RATE_TAIL.search(rest):
            rest = _RATE_TAIL.sub("", rest)
        return rest if len(rest) >= 2 else ""

    # -- names ------------------------------------------------------------------
    @staticmethod
    def _name(span: str) -> _Named:
        """What the words before a figure say (:func:`_read_name`), a copy of its own: the
        reader changes it as it reads on."""
        return _read_name(span).copy()

    @staticmethod
    def _read_name_uncached(span: str) -> _Named:
        named = _Named(names=[], raw=[])
        s = span.strip().strip("、")
        for bar in ("|", "｜", "丨"):
            if bar in s:
                s = s.rsplit(bar, 1)[1].strip()  # 数据速递 | 同比增长8.8%: a headline tag is no name
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
            s = _SentenceReader._strip_compare_tail(s, named)
        if _VERSUS_REGION.search(s):
            named.versus_region = True
            s = _VERSUS_REGION.sub("", s)
        if "分别" in s[2:]:
            # 生猪、牛、羊分别出栏5.2万头、986头…: 分别 before the verb pairs names and values too
            s = s.replace("分别", "")
            named.tail.append("分别")
        s = _SentenceReader._strip_compare_tail(s, named)
        s = _SentenceReader._strip_lead(s, named)
        s = _trim(s)
        if s.startswith("环比"):
            named.mom = True  # 环比增长0.52%: the name before, against the month before
            s = s[2:]
        listed = _region_list(s)
        if listed is not None:
            named.regions, s = listed  # 酒泉、天水GDP总量分别为…: one name, a region for each figure
        region = places.region_prefix(s) if len(s) > 3 and listed is None else None
        if region is not None:
            named.region, s = region  # 青州市规上工业增加值: the region is a field, not the name
            if s.startswith("预计") and len(s) > 4:
                named.forecast, s = True, s[2:]  # 西藏预计地区生产总值超1800亿元
        m = _PLAN_BASE.match(s)
        if m:
            named.share_of = m["base"]  # 占年度计划的64.1%, 占全年计划74%: a share of the year's plan
            if s.startswith("占") and not s.endswith("的"):
                named.tail.append("占")
                s = ""
        if s.endswith("的"):
            # 一般公共预算收入完成年度预算的78.9%: a share of something, said of the name before
            named.of = True
            m = re.match(r"(.{2,}?)(?:完成|达到|占|为|相当于)", s)
            s = m[1] if m and len(m[1]) >= 2 else ""
        etc = [m.start() for m in _ETC.finditer(s)]
        if etc:
            verb = _action_prefix(s)
            rest = s[etc[-1] + 1:]
            s = (verb + rest) if rest else ""
        if _BENEFACTIVE.match(s):
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
            s = m["what"] if len(m["what"]) >= 4 else m["who"] + m["what"]
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
        s = s.replace("衣著", "衣着")  # OpenCC keeps 著 (a simplified character too) in 衣著
        if "预计" in named.tail or "预计" in span:
            named.forecast = True
        if s in _TAIL_WORDS or s in _LEAD_WORDS:
            s = ""
        named.names, named.raw = [s], [raw]
        return named

    @staticmethod
    def _strip_compare_tail(s: str, named: _Named) -> str:
        m = _COMPARE_TAIL.search(s)
        if m:
            base = m[1]
            periods = find_periods(base)
            if _BASELINE.fullmatch(base) or (periods and periods[0].start == 0 and periods[0].end == len(base)):
                named.tail.insert(0, "比" + base)
                return s[:m.start()]
        return s

    @staticmethod
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
                if m[0] in ("全省", "我省", "全国", "我区", "我县", "全镇", "该省", "该市", "该区", "该县") \
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
        if named.scope in ("全国",):
            return places.NATION
        if named.scope in ("全省", "我省") and self.ctx.region:
            return places.province_of(self.ctx.region) or self.ctx.region
        return self.ctx.region

    def _basis(self, measure: str, named: _Named, year: int | None) -> tuple[str | None, str | None]:
        """(basis, base period) of a growth or a change: 两年平均 avg_2y, 环比 mom, a change against
        another period (较一季度提高…) vs_period with that period's label, else yoy."""
        if measure not in ("growth", "change"):
            return None, None
        if named.multi_year:
            return "avg_2y", None
        if named.mom:
            return "mom", None
        for word in named.tail:
            if not word.startswith("比"):
                continue
            base = word[1:]
            m = re.fullmatch(r"((?:19|20)\d{2})年(同期)?", base)
            if m and year is not None and int(m[1]) < year - 1:
                # 比2000年增长218.29%: growth over several years, not on the year before
                return "vs_period", str(int(m[1]))
            ps = find_periods(base)
            if ps and not _BASELINE.fullmatch(base):
                p = ps[0].period
                try:
                    return "vs_period", Period(year, p.start_month, p.end_month).label
                except PeriodError:
                    return "vs_period", None
        return "yoy", None

    def _period(self, fig: _Figure, kind: str, named: _Named) -> tuple[int | None, int | None, int | None]:
        year, start, end = self.ctx.default_period()
        before = self.masked[:fig.start]
        if self.ctx.target_year is not None and (kind == TARGET and not named.met or "今年" in before):
            year = self.ctx.target_year  # a work report's targets, or 今年 in it: the year it is given in
        if named.previous_year and year is not None:
            year -= 1
        if kind == TARGET and self.ctx.kind != TARGET:
            start, end = self.ctx.target_months
        chosen: Period | None = None
        clause = self._clause_start(fig.start)
        for p, base in zip(self.periods, self.bases, strict=True):
            if p.end > fig.start:
                break
            if p.whole_year and kind != TARGET and not (named.forecast or self.forecast) \
                    and not (p.start >= clause and _CLAUSE_LEAD.fullmatch(self.masked[clause:p.start])):
                continue  # 全年 opening the clause (全年实现生产总值…) is the year; elsewhere a target's
            if base:
                continue
            chosen = _cumulative(self.masked, p) if self.ctx.cumulative_quarters else p.period
        written_year = None
        for pos, y in data_years(before):
            m = _YEAR.match(before, pos)
            nxt = before[m.end():m.end() + 1] if m else ""
            if nxt and nxt in _RANGE_CHARS:
                continue
            written_year = y
        if written_year is not None and written_year != year:
            year = written_year
            if chosen is None:
                start, end = 1, 12
        if chosen is not None:
            start, end = chosen.start_month, chosen.end_month
        if start is not None and end is not None and not 1 <= start <= end <= 12:
            start, end = self.ctx.start_month, self.ctx.end_month  # no period (what Period refuses)
        return year, start, end

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


# ---------------------------------------------------------------------------
# lists of names
# ---------------------------------------------------------------------------


def _region_list(s: str) -> tuple[list[str], str] | None:
    """([regions], name) when ``s`` lists places before a name (酒泉、天水GDP总量), else None."""
    parts = s.split("、")
    if len(parts) < 2:
        return None
    head = [places.place_named(p) for p in parts[:-1]]
    last = places.region_prefix(parts[-1]) if len(parts[-1]) > 3 else None
    if last is None or not all(head):
        return None
    return [*head, last[0]], last[1]


def _both(name: str, named: _Named) -> list[str] | None:
    """The names a 均 figure is of (出口和进口均增长6% → 出口, 进口), or None."""
    for n in (2, 3, 4):
        names, _ = split_names(name, n)
        if names and all(len(x) >= 2 for x in names):
            return names
    return None


def split_names(text: str, n: int) -> tuple[list[str], list[str]]:
    """Split ``A、B和C`` into ``n`` names, opening abbreviations and sharing suffixes.

    Returns (names, raw names); empty lists when the text does not hold ``n`` names.
    """
    text = text.strip()
    parts: list[str] = []
    # first: only after a class or an industry, whose names may hold a 、 themselves
    # (…音像制品类、文化办公用品类和体育、娱乐用品类; 采矿业、制造业和电力、热力…供应业)
    for sep in _NAME_SEPARATORS:
        parts = [p for p in sep.split(text) if p]
        if len(parts) == n:
            break
    else:
        parts = _open_abbreviation(text, n)
        if len(parts) != n:
            return [], []
    parts = _share_affixes(parts)
    raws = list(parts)
    names = []
    for p in parts:
        p = _LEAD_VERBS.sub("", p) if len(p) > 4 else p
        p = _ALT_NAME.sub("", p) or p
        names.append(p)
    return names, raws


def _open_abbreviation(text: str, n: int) -> list[str]:
    for abbr, full in sorted(ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        if abbr in text and len(full) == n:
            return [text.replace(abbr, f, 1) for f in full]
    return []


def _share_affixes(parts: list[str]) -> list[str]:
    """存款、贷款余额 → 存款余额, 贷款余额; 城镇、农村居民人均可支配收入 → 城镇居民…;
    本外币存款余额, 贷款余额 → …, 本外币贷款余额."""
    last = parts[-1]
    suffix = next((x for x in SHARED_SUFFIXES if last.endswith(x) and len(last) > len(x)), None)
    shared = []
    for p in parts[:-1]:
        # the head that makes a catalogue name: 城镇居民、农村居民人均可支配收入 → 城镇居民人均可支配收入
        head = next((last[k:] for k in range(1, len(last) - 1) if match_name(p + last[k:])[0] is not None
                     and match_name(last)[0] is not None), None)
        if head and not match_name(p)[0]:
            shared.append(p + head)
        elif any(p.endswith(x) for x in SHARED_SUFFIXES):
            shared.append(p)
        elif suffix and len(last) - len(suffix) <= 2:
            shared.append(p + suffix)  # 猪、牛、家禽出栏: short heads, each with the suffix
        elif len(p) <= 2 < len(last):
            shared.append(p + last[len(p):])  # a parallel head: 城镇 for 农村
        elif suffix:
            shared.append(p + suffix)
        else:
            shared.append(p)
    parts = shared + [last]
    first = parts[0]
    for pre in SHARED_PREFIXES:
        if first.startswith(pre) and len(first) > len(pre):
            parts = [first] + [p if p.startswith(pre) or any(p.startswith(x) for x in SHARED_PREFIXES)
                               else pre + p for p in parts[1:]]
            break
    return parts


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


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


def _falls(verb: str, name: str) -> bool:
    """Does the verb say the figure fell? 改善 is a fall for what is better lower (PM2.5浓度),
    恶化 a rise for it."""
    if verb in ("改善", "恶化"):
        return bool(_LOWER_IS_BETTER.search(name)) == (verb == "改善")
    return verb in FALL_VERBS


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_ACTION_TAIL = re.compile(r"(?:了|已|共|累计|近|约|超过|超)+$")


def _action_suffix(span: str) -> str:
    """The action verb a span ends with (开工, 新增 …), or ""."""
    span = _ACTION_TAIL.sub("", span)
    for v in sorted(ACTION_VERBS, key=len, reverse=True):
        if span.endswith(v):
            return v
    return ""


# Asides between a figure and the next clause about it: 按可比价格计算，同比增长5.1%.
_ASIDE = re.compile(r"按照?(?:可比|不变)价(?:格)?(?:计算)?(?:[（(]下同[)）])?|[（(]下同[)）]|扣除价格因素(?:后)?|剔除[^，；]{0,12}因素(?:后)?|"
                    r"(?:其中|同时|此外)(?=，)")

_RELATIVE_UNITS = {"%", "‰", "百分点", "位", "倍"}


def _relative_or_same(unit: str, last_unit: str | None) -> bool:
    """May a figure with no name of its own take the name before it? Only a relative one
    (比…提高0.5个百分点, 占6.6%, 列第2位) or one in the same unit."""
    return last_unit is not None and (unit in _RELATIVE_UNITS or unit == last_unit)


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


def _action_prefix(name: str) -> str:
    for v in sorted(ACTION_VERBS, key=len, reverse=True):
        if name.startswith(v):
            return v
    return ""


# The words before a figure repeat (增长, 同比增长, 地区生产总值…) within a report and across a
# city's reports: what they say is read once per text (a pure function of the text).
_read_name = lru_cache(maxsize=8192)(_SentenceReader._read_name_uncached)
