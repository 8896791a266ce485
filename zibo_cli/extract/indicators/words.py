"""Word lists and cue words of the figure reader, loaded from package data."""

from __future__ import annotations

import re
from functools import lru_cache

from ...catalog import match_name as _match_name
from ...catalog import unit_scale as _unit_scale

# The catalogue's answers for a name or a unit never change: a report repeats its names.
match_name = lru_cache(maxsize=4096)(_match_name)


unit_scale = lru_cache(maxsize=256)(_unit_scale)


FORECAST = "预计"  # the qualifier of an estimate (预计全年增长5%左右 → 预计左右)


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


# Units that count things: "530个省市重点项目" names the count by the noun after it.
COUNT_UNITS = {"个", "家", "所", "项", "条", "场", "处", "座", "栋", "台", "辆", "套", "件", "名", "人",
               "户", "批", "款", "只", "头", "株", "棵", "艘", "架", "部", "间", "张", "份", "笔", "片",
               "根", "颗", "床", "人次", "起", "宗", "例"}


DURATION_UNITS = {"天", "小时"}


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


# what a bare 面积 after a count is the area of
_AREA_HOLDERS = ("保护区", "园区", "公园", "林", "湿地", "基地", "耕地", "景区")


_SAME_AS_BEFORE = frozenset(("总量", "增速", "增幅", "增长速度"))


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


_RELATIVE_UNITS = {"%", "‰", "百分点", "位", "倍"}


def _relative_or_same(unit: str, last_unit: str | None) -> bool:
    """May a figure with no name of its own take the name before it? Only a relative one
    (比…提高0.5个百分点, 占6.6%, 列第2位) or one in the same unit."""
    return last_unit is not None and (unit in _RELATIVE_UNITS or unit == last_unit)


def _action_prefix(name: str) -> str:
    for v in sorted(ACTION_VERBS, key=len, reverse=True):
        if name.startswith(v):
            return v
    return ""
