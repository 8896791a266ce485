"""The indicator catalogue: a canonical Chinese name, an English id and aliases.

Reports write the same indicator many ways (地区生产总值, 生产总值, GDP; 规上工业增加值,
规模以上工业增加值). The extractor names an observation by its catalogue entry when the
clause's name *is* one of the entry's names (after :func:`name_key`), so every spelling
lands in one series; anything else keeps the name the report wrote.

The CLI resolves what a user types (``gdp``, ``GDP``, ``地区生产总值``, ``生产总值``) with
:func:`lookup`, and suggests the closest names with :func:`closest` when nothing matches.

Pure data and string work: no database, no heavy imports.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import NamedTuple

__all__ = ["Indicator", "CATALOG", "lookup", "lookup_english", "lookup_part", "match_name", "name_key",
           "closest", "all_names", "unit_scale", "convert"]


class Indicator(NamedTuple):
    """A catalogue entry (a NamedTuple, not a dataclass: dataclasses import inspect, which a
    query would pay for at every start)."""

    id: str  # English id: gdp, fixed_asset_investment …
    name: str  # canonical Chinese name (simplified)
    aliases: tuple[str, ...] = ()
    english: str = ""  # a short English label for help texts

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _i(id_: str, name: str, english: str, *aliases: str) -> Indicator:
    return Indicator(id=id_, name=name, aliases=tuple(aliases), english=english)


CATALOG: tuple[Indicator, ...] = (
    # output
    _i("gdp", "地区生产总值", "regional GDP", "GDP", "生产总值", "全市生产总值", "国内生产总值",
       "经济总量", "经济"),  # 经济增长6%左右 (work reports): the growth of GDP
    _i("gdp_per_capita", "人均地区生产总值", "GDP per capita", "人均GDP", "人均生产总值"),
    _i("primary_industry_value_added", "第一产业增加值", "primary industry value added", "一产增加值"),
    _i("secondary_industry_value_added", "第二产业增加值", "secondary industry value added", "二产增加值"),
    _i("tertiary_industry_value_added", "第三产业增加值", "tertiary industry value added", "三产增加值",
       "服务业增加值"),
    _i("industrial_value_added", "规上工业增加值", "value added of industry above designated size",
       "规模以上工业增加值", "规模以上工业企业增加值", "规上工业企业增加值", "规模工业增加值"),
    _i("four_strong_industries_value_added", "四强产业增加值", "value added of the four strong industries",
       "“四强”产业增加值"),
    _i("high_tech_output_share", "高新技术产业产值占比", "high-tech industry share of industrial output",
       "高新技术产业产值占规上工业总产值比重", "高新技术产业产值占规模以上工业总产值比重", "高新技术产业产值比重"),
    _i("services_revenue", "规上服务业营业收入", "revenue of services above designated size",
       "规模以上服务业营业收入", "规上服务业企业营业收入"),
    # fiscal
    _i("general_budget_revenue", "一般公共预算收入", "general public budget revenue", "地方一般公共预算收入",
       "公共财政预算收入", "一般公共预算收入总额", "地方一般预算收入", "地方财政一般预算收入", "一般预算收入",
       "地方公共财政预算收入"),  # the names before 2014 and before 2011
    _i("general_budget_expenditure", "一般公共预算支出", "general public budget expenditure",
       "地方一般公共预算支出", "公共财政预算支出"),
    _i("tax_revenue", "税收收入", "tax revenue", "地方税收收入"),
    # investment
    _i("fixed_asset_investment", "固定资产投资", "fixed-asset investment", "FAI", "固投", "全社会固定资产投资",
       "固定资产投资额"),
    _i("industrial_investment", "工业投资", "industrial investment", "工业固定资产投资"),
    _i("real_estate_investment", "房地产开发投资", "real-estate development investment", "房地产投资"),
    _i("housing_sales_area", "商品房销售面积", "commercial housing floor area sold"),
    _i("funds_from_outside_province", "到位省外资金", "funds from outside the province received",
       "实际到位省外资金", "省外资金", "省外到位资金"),
    _i("fdi", "实际使用外资", "foreign direct investment actually used", "FDI", "实际利用外资", "使用外资",
       "实际使用外资金额", "实际利用外资金额"),
    # consumption and trade
    _i("retail_sales", "社会消费品零售总额", "retail sales of consumer goods", "社会消费品零售额", "社零",
       "社零额", "社零总额"),
    _i("wholesale_sales", "限上批发业销售额", "wholesale sales above quota", "批发业销售额",
       "限额以上批发业销售额"),
    _i("retail_trade_sales", "限上零售业销售额", "retail trade sales above quota", "零售业销售额",
       "限额以上零售业销售额"),
    _i("accommodation_revenue", "限上住宿业营业额", "accommodation turnover above quota", "住宿业营业额",
       "限上住宿业销售额", "限额以上住宿业营业额"),
    _i("catering_revenue", "限上餐饮业营业额", "catering turnover above quota", "餐饮业营业额",
       "限上餐饮业销售额", "限额以上餐饮业营业额", "餐饮收入"),
    _i("trade", "进出口", "foreign trade (imports and exports)", "进出口总额", "外贸进出口", "外贸进出口总额",
       "货物进出口", "货物进出口总额", "对外贸易进出口"),
    _i("exports", "出口", "exports", "出口总额", "出口额", "货物出口"),
    _i("imports", "进口", "imports", "进口总额", "进口额", "货物进口"),
    _i("cpi", "居民消费价格", "consumer price index", "CPI", "居民消费价格指数", "居民消费价格总水平"),
    # finance
    _i("deposits", "本外币存款余额", "deposits in all currencies (balance)", "存款余额", "各项存款余额",
       "金融机构本外币存款余额", "本外币各项存款余额"),
    _i("loans", "本外币贷款余额", "loans in all currencies (balance)", "贷款余额", "各项贷款余额",
       "金融机构本外币贷款余额", "本外币各项贷款余额"),
    _i("green_loans", "绿色贷款余额", "green loans (balance)", "绿色贷款"),
    # income, jobs, welfare
    _i("disposable_income", "居民人均可支配收入", "per-capita disposable income", "人均可支配收入",
       "全体居民人均可支配收入", "全市居民人均可支配收入"),
    _i("urban_disposable_income", "城镇居民人均可支配收入", "urban per-capita disposable income",
       "城镇常住居民人均可支配收入"),
    _i("rural_disposable_income", "农村居民人均可支配收入", "rural per-capita disposable income",
       "农村常住居民人均可支配收入"),
    _i("new_urban_jobs", "城镇新增就业", "new urban jobs (employment)", "新增城镇就业", "城镇新增就业人数",
       "新增城镇就业人数"),
    _i("urban_unemployment_rate", "城镇登记失业率", "registered urban unemployment rate"),
    _i("urban_surveyed_unemployment_rate", "城镇调查失业率", "surveyed urban unemployment rate"),
    _i("urban_dibao", "城市低保标准", "urban minimum living allowance", "城市低保", "城市低保保障标准",
       "城市居民最低生活保障标准", "城市低保平均标准"),
    _i("rural_dibao", "农村低保标准", "rural minimum living allowance", "农村低保", "农村低保保障标准",
       "农村居民最低生活保障标准", "农村低保平均标准"),
    _i("rural_destitute_support", "农村特困人员保障标准", "rural destitute support standard",
       "农村特困人员", "农村特困人员供养标准", "农村特困人员基本生活标准"),
    # tourism
    _i("domestic_tourists", "国内游客人数", "domestic tourist visits", "接待国内游客人数", "接待国内游客",
       "国内游客接待量"),
    _i("tourism_revenue", "旅游收入", "tourism revenue", "实现旅游收入", "旅游总收入", "国内旅游收入",
       "旅游消费总额"),
    # environment and energy
    _i("energy_intensity", "单位GDP能耗", "energy use per unit of GDP", "单位地区生产总值能耗",
       "单位生产总值能耗", "能耗强度", "万元GDP能耗"),
    _i("air_quality_index", "环境空气质量综合指数", "ambient air quality composite index", "空气质量综合指数"),
    _i("pm25", "PM2.5平均浓度", "PM2.5 mean concentration", "PM2.5浓度", "细颗粒物浓度",
       "细颗粒物（PM2.5）平均浓度"),
    _i("good_air_days_share", "空气质量优良天数比例", "share of days with good air", "优良天数比例",
       "空气优良天数比例"),
    _i("good_water_share", "国控断面优良水体比例", "share of national monitoring sections with good water",
       "国控断面优良水体比例", "优良水体比例"),
    # others
    _i("urbanization_rate", "常住人口城镇化率", "urbanisation rate", "城镇化率"),
    _i("rd_intensity", "研发经费投入强度", "R&D intensity", "R&D经费投入强度", "研发投入强度"),
    _i("grain_output", "粮食总产量", "grain output", "粮食产量", "粮食总产"),
    _i("high_tech_enterprises", "高新技术企业", "high-tech enterprises", "高新技术企业数量"),
)

# ---------------------------------------------------------------------------
# matching
# ---------------------------------------------------------------------------

_QUOTES = "“”\"'‘’「」『』"
_DROP = re.compile(f"[\\s{_QUOTES}]")
# Scope words a report puts before a name without changing what it names.
_SCOPE = re.compile(r"^(?:全市|我市|全区|全县|本市|全省|全体)?(?:金融机构)?")
# Words after a name that say "its growth rate" (增速列全省第4位): the indicator is the same.
_RATE_SUFFIX = re.compile(r"(?:增速|增幅|增长率|同比增速|增长速度|增长)$")


def name_key(name: str) -> str:
    """The form names are compared in: NFKC, no spaces or quotes, lower case, 規→规 etc."""
    s = unicodedata.normalize("NFKC", name or "")
    s = _DROP.sub("", s)
    return s.lower()


def _build_index() -> dict[str, Indicator]:
    index: dict[str, Indicator] = {}
    for ind in CATALOG:
        for n in (ind.id, ind.name, *ind.aliases):
            key = name_key(n)
            if key in index and index[key] is not ind:
                raise ValueError(f"catalogue name {n!r} names both {index[key].id} and {ind.id}")
            index[key] = ind
    return index


_INDEX = _build_index()
BY_ID = {ind.id: ind for ind in CATALOG}


def lookup(text: str) -> Indicator | None:
    """The catalogue entry a user's text names exactly (id, canonical name or alias), or None."""
    key = name_key(text)
    if not key:
        return None
    if key in _INDEX:
        return _INDEX[key]
    bare = _SCOPE.sub("", key)
    return _INDEX.get(bare)


def match_name(name: str) -> tuple[Indicator | None, bool]:
    """The entry an extracted name is, and whether the name spoke of its growth rate.

    ``match_name("全市地区生产总值") -> (gdp, False)``; ``match_name("实际使用外资增速") ->
    (fdi, True)``; a name that is not exactly an entry's name gives ``(None, False)``.
    """
    hit = lookup(name)
    if hit is not None:
        return hit, False
    key = _SCOPE.sub("", name_key(name))
    stripped = _RATE_SUFFIX.sub("", key)
    if stripped != key and stripped in _INDEX:
        return _INDEX[stripped], True
    return None, False


def all_names() -> list[str]:
    """Every name and id the catalogue knows (for suggestions)."""
    out: list[str] = []
    for ind in CATALOG:
        out.extend((ind.id, *ind.names))
    return out


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]


def lookup_english(text: str) -> Indicator | None:
    """The entry an English name names: its id written with spaces (fixed asset investment),
    its English label, or a word of them (retail, employment) when one entry has it first."""
    words = _words(text)
    if not words or not text.isascii():
        return None
    joined = " ".join(words)
    for ind in CATALOG:
        if joined in (" ".join(_words(ind.id)), " ".join(_words(ind.english))):
            return ind
    hits = [ind for ind in CATALOG
            if all(w in _words(ind.id) + _words(ind.english) for w in words)]
    if not hits:
        return None
    # retail → retail sales of consumer goods before retail trade sales above quota
    return min(hits, key=lambda ind: (_words(ind.english)[:1] != words[:1], len(ind.english)))


def lookup_part(text: str) -> Indicator | None:
    """The entry a part of a name names (外资 → 实际使用外资), when one entry has it best: an
    alias ending with it before one starting with it before one merely holding it
    (到位省外资金 holds 外资 too, but does not end with it)."""
    key = name_key(text)
    if len(key) < 2:
        return None
    best: dict[int, set[str]] = {}
    for ind in CATALOG:
        for n in (ind.name, *ind.aliases):
            k = name_key(n)
            rank = 0 if k.endswith(key) else 1 if k.startswith(key) else 2 if key in k else None
            if rank is not None:
                best.setdefault(rank, set()).add(ind.id)
    for rank in sorted(best):
        if len(best[rank]) == 1:
            return BY_ID[next(iter(best[rank]))]
        if best[rank]:
            return None  # several entries fit as well: the user must say which
    return None


def closest(text: str, candidates: list[str] | None = None, n: int = 5) -> list[str]:
    """The names most like ``text``: those containing it or contained in it first, then
    difflib's closest. Used for "did you mean" hints."""
    pool = list(dict.fromkeys(candidates if candidates is not None else all_names()))
    key = name_key(text)
    if not key:
        return pool[:n]
    by_key = {}
    for c in pool:
        by_key.setdefault(name_key(c), c)
    contains = [c for k, c in by_key.items() if key in k or (len(k) >= 2 and k in key)]
    fuzzy = difflib.get_close_matches(key, list(by_key), n=n, cutoff=0.5)  # nonsense gets no suggestion
    out = list(dict.fromkeys(contains + [by_key[k] for k in fuzzy]))
    return out[:n]


# ---------------------------------------------------------------------------
# units
# ---------------------------------------------------------------------------

_PREFIX = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
_UNSPLIT = ("千瓦", "千瓦时", "千克", "千米", "千伏", "百分点")


def unit_scale(unit: str | None) -> tuple[float, str]:
    """Split a unit into (multiplier, base): 亿元 -> (1e8, 元), 万千瓦 -> (1e4, 千瓦), % -> (1, %)."""
    u = unit or ""
    mult = 1.0
    while len(u) > 1 and u[0] in _PREFIX and u not in _UNSPLIT:
        mult *= _PREFIX[u[0]]
        u = u[1:]
    return mult, u


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``; None when the bases differ."""
    m1, b1 = unit_scale(unit)
    m2, b2 = unit_scale(to_unit)
    if b1 != b2:
        return None
    return value * m1 / m2
