"""Generate N realistic Zibo progress reports, deterministically, for benchmarks.

    python bench/make_corpus.py N DIR [--seed S]

Every file is built from templates modelled on the *shapes* of the seed reports
(never their text): prose progress reports with numbered sections and figures
(like seeds/000), government web pages in traditional characters with pinyin
readings and a metadata table (like seeds/003), and tab-separated task tables
with blank lines, dashed separator rows and cells broken over two lines (like
seeds/004). Years run 2018-2025; periods 一季度, 上半年, 前三季度, 全年, 1-5月 and
others; areas are the city and its districts; some files are GBK, a few carry a
BOM or CRLF line ends.

Each file depends only on (seed, its index): the first 1,000 files of a
10,000-file corpus are the 1,000-file corpus, byte for byte, and the same N and
seed always give the same bytes. No network, no randomness from the clock.
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import lru_cache
from pathlib import Path

YEARS = list(range(2018, 2026))
CN_NUM = "一二三四五六七八九十"

# (area as a title writes it, how the prose says "the whole area", publisher)
AREAS = [
    ("全市", "全市", "淄博市人民政府办公室"),
    ("全市", "全市", "淄博市发展和改革委员会"),
    ("张店区", "全区", "张店区人民政府办公室"),
    ("淄川区", "全区", "淄川区人民政府办公室"),
    ("博山区", "全区", "博山区人民政府办公室"),
    ("周村区", "全区", "周村区人民政府办公室"),
    ("临淄区", "全区", "临淄区人民政府办公室"),
    ("桓台县", "全县", "桓台县人民政府办公室"),
    ("高青县", "全县", "高青县人民政府办公室"),
    ("沂源县", "全县", "沂源县人民政府办公室"),
]

# (title phrase, prose phrase, months, weight)
PERIODS = [
    ("一季度", "一季度", (1, 3), 3),
    ("上半年", "上半年", (1, 6), 4),
    ("前三季度", "前三季度", (1, 9), 3),
    ("全年", "全年", (1, 12), 3),
    ("1-5月", "1-5月份", (1, 5), 1),
    ("1-4月", "1—4月", (1, 4), 1),
    ("1-11月", "1-11月份", (1, 11), 1),
]

# growth indicators: (names a report may use, low, high)
GROWTH = [
    (["地区生产总值", "地区生产总值", "GDP"], 2.0, 8.0),
    (["一般公共预算收入"], -6.0, 12.0),
    (["固定资产投资"], -12.0, 15.0),
    (["社会消费品零售总额"], -5.0, 12.0),
    (["规上工业增加值", "规模以上工业增加值"], -3.0, 12.0),
    (["居民人均可支配收入"], 3.0, 8.0),
    (["城镇居民人均可支配收入"], 2.5, 7.5),
    (["农村居民人均可支配收入"], 4.0, 9.0),
    (["进出口总额", "外贸进出口总额"], -15.0, 25.0),
    (["实际使用外资"], -30.0, 40.0),
    (["到位省外资金"], -5.0, 20.0),
    (["“四强”产业增加值"], 2.0, 14.0),
    (["规上服务业营业收入"], -4.0, 15.0),
    (["高新技术产业产值"], 3.0, 18.0),
    (["绿色贷款余额"], 10.0, 60.0),
    (["新引进过亿元项目"], -10.0, 25.0),
    (["工业技改投资"], -8.0, 20.0),
]

# amounts: (name, unit, low, high, decimals)
AMOUNTS = [
    ("到位省外资金", "亿元", 120.0, 900.0, 1),
    ("城镇新增就业", "万人", 0.5, 6.0, 2),
    ("一般公共预算收入", "亿元", 40.0, 420.0, 1),
    ("地区生产总值", "亿元", 600.0, 5200.0, 1),
    ("社会消费品零售总额", "亿元", 300.0, 1900.0, 1),
    ("进出口总额", "亿元", 80.0, 900.0, 1),
    ("完成投资", "亿元", 60.0, 1300.0, 0),
]

# counts: (what, unit, low, high)
COUNTS = [
    ("省市重点项目", "个", 80, 600),
    ("新开工项目", "个", 30, 300),
    ("新增高新技术企业", "家", 20, 320),
    ("老旧小区改造项目", "个", 10, 90),
    ("特色文旅活动", "场", 100, 900),
    ("招聘活动", "场", 50, 1200),
    ("首台（套）重大技术装备", "个", 5, 80),
]

HEADLINES = ["经济运行稳中提质", "产业转型加力提速", "发展活力有效增强", "城市能级加速提升",
             "民生福祉日益增进", "发展底线更加牢固", "动能转换蓄势聚力", "区域发展协同共进",
             "改革开放持续深化", "生态环境持续改善", "乡村振兴扎实推进", "社会治理不断加强"]
SUBHEADS = ["扩大有效投资", "稳住外资外贸", "激发消费活力", "抓好工业技改", "强化创新引领",
            "布局发展未来产业", "发展现代服务业", "优化营商环境", "扩大双招双引", "推动区域协同发展",
            "加快改革开放", "推动绿色发展", "推进城市更新", "提升文旅品质", "提高保障能力",
            "发展教育事业", "优化医疗服务", "抓实安全生产", "维护安全稳定", "防范化解金融风险",
            "建设数字政府", "壮大县域经济", "提升农业质效", "加强人才支撑"]
VERBS = ["深入推进", "持续优化", "加快建设", "统筹推动", "扎实开展", "大力实施", "积极培育", "全面落实",
         "着力提升", "不断完善", "稳步推进", "加力推动", "健全完善", "认真组织", "系统谋划", "精准实施"]
OBJECTS = ["重点项目建设", "营商环境创新提升行动", "科技创新平台建设", "现代服务业提升攻坚行动",
           "乡村振兴示范片区建设", "城市更新行动", "数字经济核心产业发展", "绿色低碳转型",
           "民生保障体系建设", "产业链招商", "安全生产治本攻坚行动", "老旧小区改造",
           "减税降费各项政策", "“一件事”集成改革", "高校毕业生就业服务", "设备更新和技术改造",
           "要素资源保障机制", "专精特新企业培育", "全域公园城市建设", "医共体建设",
           "集团化办学模式", "信用体系建设", "防汛抗旱各项措施", "生态环境综合治理",
           "黄河流域生态保护", "政府债务风险防控", "县域经济高质量发展", "文旅融合发展"]
TAILS = ["，取得积极成效", "，各项工作有序推进", "，为完成全年目标奠定基础", "，形成一批可复制经验",
         "，群众满意度持续提升", "，重点任务按序时推进", "，发展后劲不断增强", "，市场预期持续向好",
         "，质量效益稳步提升", "，工作机制更加健全", ""]
LINKS = ["围绕", "聚焦", "坚持", "紧盯", "立足", "对照"]
GOALS = ["年度目标任务", "高质量发展要求", "群众急难愁盼问题", "产业链关键环节", "短板弱项",
         "省市部署要求", "重点领域改革", "发展质量效益"]
REASONS = ["受市场需求偏弱影响，部分项目投产进度滞后", "统计数据尚未发布，暂无法判断完成情况",
           "受原材料价格波动影响，企业生产经营压力较大", "项目前期手续办理周期较长，开工时间推迟",
           "资金到位不及时，工程建设进度偏慢", "受极端天气影响，部分工程施工受阻",
           "上级审批尚未完成，相关工作暂缓推进", "部分企业订单减少，指标增速低于预期"]
STATUSES = [("完成", 70), ("未完成", 9), ("基本完成", 5), ("序时推进", 7), ("正在推进", 4), ("完成", 5)]
DEPARTMENTS = ["市发展改革委", "市统计局", "市工业和信息化局", "市财政局", "市商务局", "市科技局",
               "市生态环境局", "市住房城乡建设局", "市农业农村局", "市文化和旅游局", "市人力资源社会保障局",
               "市教育局", "市卫生健康委", "市应急局", "市地方金融监管局", "市自然资源和规划局",
               "市交通运输局", "市市场监管局", "市大数据局", "市城市管理局", "各区县政府"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "振波建国海涛晓东志刚红梅立新文斌永强春华雪峰国庆丽娟明亮玉兰德胜子健"

# Pinyin readings for characters a traditional-script page annotates (as the
# government site does: 經(jīng)濟). Written for this generator; keyed by the
# traditional form OpenCC produces.
PINYIN = {
    "經": "jīng", "濟": "jì", "標": "biāo", "題": "tí", "發": "fā", "會": "huì", "進": "jìn",
    "務": "wù", "產": "chǎn", "區": "qū", "資": "zī", "構": "gòu", "業": "yè", "設": "shè",
    "實": "shí", "現": "xiàn", "項": "xiàng", "導": "dǎo", "報": "bào", "協": "xié", "動": "dòng",
    "長": "zhǎng", "質": "zhì", "優": "yōu", "環": "huán", "態": "tài", "鏈": "liàn", "數": "shù",
    "創": "chuàng", "農": "nóng", "規": "guī", "劃": "huà", "體": "tǐ", "價": "jià", "場": "chǎng",
    "貿": "mào", "機": "jī", "關": "guān", "預": "yù", "總": "zǒng", "額": "é", "銷": "xiāo",
    "費": "fèi", "億": "yì", "萬": "wàn", "員": "yuán", "門": "mén", "號": "hào", "穩": "wěn",
    "續": "xù", "強": "qiáng", "點": "diǎn", "級": "jí", "結": "jié", "從": "cóng", "將": "jiāng",
    "與": "yǔ", "華": "huá", "廣": "guǎng", "東": "dōng", "際": "jì", "國": "guó", "縣": "xiàn",
    "鎮": "zhèn", "積": "jī", "極": "jí", "開": "kāi", "學": "xué",
    "險": "xiǎn", "調": "diào", "統": "tǒng", "計": "jì", "礎": "chǔ", "種": "zhǒng", "應": "yīng",
}


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------


class Doc:
    """Per-document choices: spacing and punctuation style, the figures' period."""

    def __init__(self, rng: random.Random, year: int, period, area):
        self.rng, self.year, self.period, self.area = rng, year, period, area
        self.spaced = rng.random() < 0.35      # "增长 5.1%" as PDF text extraction leaves it
        self.ascii_commas = False              # set for web pages
        self.whole = area[1]

    def num(self, v: float, decimals: int = 1) -> str:
        s = f"{v:.{decimals}f}"
        if decimals and self.rng.random() < 0.3:
            s = s.rstrip("0").rstrip(".") or "0"
        return f" {s} " if self.spaced else s

    def pct(self, v: float) -> str:
        s = self.num(v, 2 if self.rng.random() < 0.1 else 1).rstrip()
        return f"{s}%"


def _weighted(rng: random.Random, items):
    return rng.choices(items, weights=[w for *_, w in items])[0]


def _growth_phrase(d: Doc, lo: float, hi: float, same_period: bool = True) -> str:
    v = round(d.rng.uniform(lo, hi), 2)
    yoy = "同比" if same_period and d.rng.random() < 0.7 else ""
    if v < 0:
        return f"{yoy}下降{d.pct(-v)}"
    return f"{yoy}增长{d.pct(v)}"


def _filler(d: Doc) -> str:
    r = d.rng
    if r.random() < 0.4:
        return f"{r.choice(LINKS)}{r.choice(GOALS)}，{r.choice(VERBS)}{r.choice(OBJECTS)}{r.choice(TAILS)}。"
    return f"{r.choice(VERBS)}{r.choice(OBJECTS)}，{r.choice(VERBS)}{r.choice(OBJECTS)}{r.choice(TAILS)}。"


def _figure(d: Doc) -> str:
    """One sentence stating one or two figures for the document's period."""
    r, pp, whole = d.rng, d.period[1], d.whole
    kind = r.random()
    if kind < 0.45:
        names, lo, hi = r.choice(GROWTH)
        return f"{pp}，{whole}{r.choice(names)}{_growth_phrase(d, lo, hi)}。"
    if kind < 0.6:
        (n1, lo1, hi1), (n2, lo2, hi2) = r.sample(GROWTH, 2)
        v1, v2 = round(r.uniform(lo1, hi1), 1), round(r.uniform(lo2, hi2), 1)
        if v1 < 0 or v2 < 0:
            return f"{whole}{n1[0]}{_growth_phrase(d, lo1, hi1)}，{n2[0]}{_growth_phrase(d, lo2, hi2)}。"
        return f"{pp}，{whole}{n1[0]}和{n2[0]}同比分别增长{d.pct(v1)}、{d.pct(v2)}。"
    if kind < 0.75:
        name, unit, lo, hi, dec = r.choice(AMOUNTS)
        amount = d.num(r.uniform(lo, hi), dec)
        if r.random() < 0.5:
            return f"{pp}，{whole}实现{name}{amount}{unit}，{_growth_phrase(d, -3, 12)}。"
        return f"{whole}{name}达到{amount}{unit}。"
    if kind < 0.85:
        what, unit, lo, hi = r.choice(COUNTS)
        return f"{pp}，{whole}{r.choice(VERBS)}{what}{d.num(r.randint(lo, hi), 0)}{unit}，{r.choice(TAILS)[1:] or '进展顺利'}。"
    if kind < 0.92:
        names, lo, hi = r.choice(GROWTH)
        dd = round(r.uniform(0.1, 2.5), 1)
        more = r.choice(["提高", "回落"])
        return (f"{whole}{names[0]}{_growth_phrase(d, lo, hi)}，比{'一季度' if d.period[2][1] > 3 else '上年同期'}"
                f"{more}{d.num(dd)}个百分点，增速列全省第{d.num(r.randint(1, 16), 0)}位。")
    v = round(r.uniform(3.8, 6.5), 2)
    return f"{pp}，{whole}环境空气质量综合指数为{d.num(v, 2)}，优良天数比例为{d.pct(r.uniform(50, 80))}。"


def _cut(d: Doc, para: str) -> str:
    """Sometimes break a paragraph mid-sentence, as a PDF page break does."""
    if len(para) > 120 and d.rng.random() < 0.25:
        i = d.rng.randint(40, len(para) - 40)
        return para[:i] + "\n\n" + para[i:]
    return para


def _date_after(rng: random.Random, year: int, month: int) -> str:
    m = month + rng.randint(0, 2)
    y = year
    if m > 12:
        y, m = y + 1, m - 12
    return f"{y}-{m:02d}-{rng.randint(1, 28):02d}"


# ---------------------------------------------------------------------------
# prose report (seeds/000 and seeds/003 shapes)
# ---------------------------------------------------------------------------


def _report_title(d: Doc) -> str:
    r, y, (tp, _pp, (_s, e), _w), area = d.rng, d.year, d.period, d.area[0]
    if tp == "全年":
        return r.choice([f"{y}年度{area}经济社会发展主要目标任务完成情况",
                         f"{y}年全年{area}经济社会发展主要目标任务完成情况的报告"])
    if tp in ("一季度", "前三季度") and r.random() < 0.4:
        q = "一" if e == 3 else "三"
        return f"{y}年度{area}经济社会发展主要目标任务{q}季度进展情况通报"
    if "月" in tp:
        return f"{y}年{tp}{area}主要经济指标运行情况"
    return f"{y}年{tp}{area}经济社会发展主要目标任务进展情况"


def prose_report(d: Doc) -> tuple[str, str]:
    """(title, body) of a narrative progress report."""
    r, pp, whole = d.rng, d.period[1], d.whole
    title = _report_title(d)
    paras = []
    key = r.sample(GROWTH[:5], 3)
    figs = "，".join(f"{n[0]}{_growth_phrase(d, lo, hi)}" for n, lo, hi in key)
    paras.append(f"{d.year}年以来，{whole}上下{r.choice(LINKS)}{r.choice(GOALS)}，{r.choice(VERBS)}"
                 f"{r.choice(OBJECTS)}，经济社会发展取得新成效。{pp}，{whole}{figs}，"
                 f"经济社会发展呈现{r.choice(['持续回升向好', '稳中向好', '稳中有进'])}态势。")
    for si, head in enumerate(r.sample(HEADLINES, r.randint(5, 7))):
        parts = [f"{CN_NUM[si]}、{head}。"]
        for k, sub in enumerate(r.sample(SUBHEADS, r.randint(2, 4))):
            parts.append(f"{CN_NUM[k]}是{sub}。")
            for _ in range(r.randint(1, 3)):
                parts.append(_filler(d))
            for _ in range(r.choice([0, 1, 1, 2])):
                parts.append(_figure(d))
        paras.append(_cut(d, "".join(parts)))
    if d.period[2] != (1, 12) and r.random() < 0.5:
        names, lo, hi = r.choice(GROWTH[:6])
        paras.append(f"对照年初确定的{names[0]}增长{d.num(r.uniform(lo, hi))}%左右的预期目标，"
                     f"{r.choice(VERBS)}{r.choice(OBJECTS)}，确保完成全年目标任务。")
    paras.append(f"下一步，{whole}上下将{r.choice(LINKS)}{r.choice(GOALS)}，{r.choice(VERBS)}{r.choice(OBJECTS)}，"
                 f"{r.choice(VERBS)}{r.choice(OBJECTS)}，全力推动各项重点任务落地落实。")
    return title, paras


def render_pdf_text(d: Doc, title: str, paras: list[str]) -> str:
    """Text as PDF extraction leaves it: blank lines, a spaced title, cut paragraphs."""
    shown = title
    if d.spaced:
        shown = title.replace(f"{d.year}年", f"{d.year} 年", 1)
        if len(shown) > 16:
            i = d.rng.randint(10, len(shown) - 4)
            shown = shown[:i] + " " + shown[i:]
    return "\n\n" + shown + "\n\n" + "\n\n".join(paras) + "\n"


def render_web_page(d: Doc, title: str, paras: list[str]) -> str:
    """A government web page: site name, a metadata table, ASCII commas, traditional
    characters with pinyin readings."""
    r = d.rng
    published = _date_after(r, d.year, d.period[2][1] + 1)
    site = "淄博市人民政府" if d.area[0] == "全市" else f"{d.area[0]}人民政府"
    index_no = f"11370300{r.randint(10**9, 10**10 - 1)}Q/{d.year}-{r.randint(10**6, 10**7 - 1)}"
    head = [site,
            f"| 标题: | {title} | ||",
            "|---|---|---|---|",
            f"| 索引号: | {index_no} | 文号: | |",
            f"| 发文日期: | {published} | 发布机构: | {d.area[2]} |"]
    body = [p.replace("\n\n", "") for p in paras]
    text = "\n".join(head + body) + "\n"
    text = text.replace("，", ",")
    text = _s2t(text)
    return _annotate_pinyin(r, text)


@lru_cache(maxsize=1)
def _converter():
    import opencc  # only the generator needs it; zibo itself converts t2s

    return opencc.OpenCC("s2t")


def _s2t(text: str) -> str:
    return _converter().convert(text)


def _annotate_pinyin(rng: random.Random, text: str) -> str:
    out = []
    in_table = 0
    for ch in text:
        out.append(ch)
        if ch == "\n":
            in_table += 1
        reading = PINYIN.get(ch)
        if reading and (in_table < 5 and ch in "標題發號構" or rng.random() < 0.55):
            out.append(f"({reading})")
    return "".join(out)


# ---------------------------------------------------------------------------
# task table (seeds/004 shape)
# ---------------------------------------------------------------------------


def _name(r: random.Random) -> str:
    given = "".join(r.sample(GIVEN, r.choice([1, 2])))
    return r.choice(SURNAMES) + given


def task_table(d: Doc) -> str:
    r, y = d.rng, d.year
    q = r.randint(1, 4)
    area = d.area[0]
    if r.random() < 0.6:
        title = f"{y}年{area}经济社会发展第{CN_NUM[q - 1]}季度目标任务完成情况"
    else:
        title = f"{y} 年{area}经济社会发展主要目标任务{['一季度', '上半年', '前三季度', '全年'][q - 1]}完成情况"
    header = ["序号", "年度目标", f"第 {q} 季度目标" if d.spaced else f"第{q}季度目标", "是否完成",
              "具体工作进展", "未完成原因", "下步工作打算", "市政府分管领导", "责任单位"]
    leaders = [_name(r) for _ in range(r.randint(2, 5))]
    lines = ["", "", title, "", "\t".join(header)]
    seq = 0
    months = f"1-{3 * q}月" if q > 1 else "一季度"
    for _ in range(r.randint(15, 45)):
        seq += r.choice([1, 1, 1, 2, 3])
        if r.random() < 0.5:
            names, lo, hi = r.choice(GROWTH)
            t = round(r.uniform(max(lo, 1), max(hi, 2)), 1)
            annual = f"{names[0]}增长 {t:g}% 左右。" if d.spaced else f"{names[0]}增长{t:g}%左右。"
            quarter = f"{names[0]}增长{round(t - r.uniform(0, 1.5), 1):g}%以上。"
        else:
            name, unit, lo, hi, dec = r.choice(AMOUNTS)
            annual = f"{r.choice(VERBS)}{r.choice(OBJECTS)}，{name}{r.uniform(lo, hi):.{dec}f}{unit}以上。"
            quarter = f"累计{r.choice(VERBS)}{r.choice(OBJECTS)}，完成年度任务的{r.randint(20, 80)}%。"
        status = _weighted(r, STATUSES)[0]
        progress = f"{months}，{_figure(d)}{_filler(d)}{_filler(d) if r.random() < 0.5 else ''}"
        progress = progress.replace(f"{d.period[1]}，", "")
        if status == "完成" and r.random() < 0.9:
            reason = r.choice(["无", "无", "", "/"])
        else:
            reason = r.choice(REASONS) + "。"
        nxt = _filler(d) + (_filler(d) if r.random() < 0.5 else "")
        deps = r.sample(DEPARTMENTS, r.choice([1, 1, 2, 2, 3]))
        dep_cell = " ".join(deps) + (" 市统计局提供数据" if r.random() < 0.1 else "")
        row = [str(seq), annual, quarter, status, progress, reason, nxt, r.choice(leaders), dep_cell]
        style = r.random()
        if style < 0.1:
            # a long cell continued on a row of its own, as copied from a merged table
            lines.append("\t".join(row[:4] + [progress[: len(progress) // 2]] + row[5:]))
            lines.append("\t\t\t\t<p>" + progress[len(progress) // 2:] + "</p>")
        else:
            lines.append("\t".join(row))
        if style > 0.85:
            lines.append("\t".join("-" * r.randint(2, 12) for _ in header))
        if r.random() < 0.4:
            lines.append("")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# one document
# ---------------------------------------------------------------------------

PERIOD_TAGS = {(1, 3): "q1", (1, 6): "h1", (1, 9): "q1-q3", (1, 12): "y", (1, 5): "m1-5",
               (1, 4): "m1-4", (1, 11): "m1-11"}


def make_document(seed: int, i: int) -> tuple[str, bytes]:
    """The file name and bytes of document ``i``; depends only on (seed, i)."""
    r = random.Random(f"zibo-bench:{seed}:{i}")
    year = r.choice(YEARS)
    period = _weighted(r, PERIODS)
    area = AREAS[0] if r.random() < 0.55 else r.choice(AREAS[1:])
    d = Doc(r, year, period, area)
    kind = r.random()
    if kind < 0.22:
        text, tag = task_table(d), "tasks"
    elif kind < 0.40:
        title, paras = prose_report(d)
        text, tag = render_web_page(d, title, paras), "web-" + PERIOD_TAGS[period[2]]
    else:
        title, paras = prose_report(d)
        text, tag = render_pdf_text(d, title, paras), PERIOD_TAGS[period[2]]
    if r.random() < 0.08:
        text = text.replace("\n", "\r\n")
    enc = r.random()
    if enc < 0.25:
        try:
            data, tag = text.encode("gbk"), tag + "-gbk"
        except UnicodeEncodeError:
            data, tag = text.encode("gb18030"), tag + "-gb18030"
    elif enc < 0.30:
        data, tag = text.encode("utf-8-sig"), tag + "-bom"
    else:
        data = text.encode("utf-8")
    return f"{i:05d}_{year}_{tag}.txt", data


def generate(n: int, folder: Path, seed: int = 0, start: int = 0) -> int:
    """Write documents ``start`` … ``start+n-1`` into ``folder``; return the bytes written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(start, start + n):
        name, data = make_document(seed, i)
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int, help="how many reports")
    p.add_argument("dir", type=Path, help="folder to write them into (created if missing)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    args = p.parse_args(argv)
    if args.n < 0:
        p.error("N must be >= 0")
    total = generate(args.n, args.dir, args.seed)
    print(f"wrote {args.n} reports, {total / 2**20:.1f} MiB, to {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
