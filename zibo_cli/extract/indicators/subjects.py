"""Subjects from the sentence around a figure: a carried region, an aside, a topic, the noun a count is of, the items a list began with, a task's size."""

from __future__ import annotations

import re

from ... import places
from .context import _Named
from .lists import split_names
from .tokens import _CLAUSE_END, _CLAUSE_MARK, _FIRST_FIGURE, _Figure
from .words import _AREA_HOLDERS, _TAIL_RE, BARE_MEASURES, PROJECT_MEASURES, _subject, unit_scale

# Where a noun after a count stops.
_NOUN_STOP = re.compile(
    r"稳步|列入|建成|完成|实现|开展|获评|获批|获得|获|通过|进行|入选|投入|上线|建立|开工|竣工|落地|签约|参加|参与|"
    r"纳入|达到|被|已|均|全部|正在|按|有序|顺利|加快|实施|提供|开始|进场|基本|封顶|施工|推进|预支|认定|评为|"
    r"入驻|投产|开业|运行|列为|申报|提交|完工|发放|累计|总投资|计划|拟|将|于|的|分别|同比|增长|达到|"
    r"实现|开展|正在|持续|陆续|集中|全面|重点推进|进展|进度|稳定|正常"
)


_RATE_TAIL = re.compile(r"[\u4e00-\u9fff]{0,2}(?:率|比例|比重|占比)$")


# 小微企业增势良好, 金融业活力凸显, 先进制造业支撑有力: a subject and a verdict on it
_TOPIC_CLAUSE = re.compile(r"(?:其中)?(?P<topic>[\u4e00-\u9fff]{1,10}?(?:业|企业|产业|行业))"
                           r"(?:活力|增势|势头|态势|发展|运行|生产|表现|韧性|动能|支撑|拉动|贡献)?(?:持续|保持|较为|十分)?"
                           r"(?:凸显|良好|强劲|平稳|稳健|向好|亮眼|突出|较好|迅猛|迅速|加快|回升|回暖|稳定|有力|活跃|明显)")


_TOPIC_LEAD = re.compile(r"(?P<topic>[\u4e00-\u9fff]{2,10}?(?:业|企业|产业|行业))[“\"]?[\u4e00-\u9fff]{2,6}[”\"]?")


_BARE_ITEM = re.compile(r"[\u4e00-\u9fff]{2,12}")


# 饮料类、烟酒类消费受到春节假期因素影响 / A类、B类和C类同比增长较快: a list, then a verdict on it
_LIST_THEN_VERDICT = re.compile(r"(?:其中)?(?P<list>[\u4e00-\u9fff、]{2,40}?[类业品][\u4e00-\u9fff、和及]{0,30}?[类业品])"
                                r"(?:消费|产品|商品)?(?:同比)?(?:增长较快|增速较快|增势良好|增长明显|快速增长|较快增长|"
                                r"保持增长|表现亮眼|受到[^，；]{1,16}影响)")


# 酒泉、定西排名第二和第三 / 甲、乙分列前两位: places, then where they rank
_PLACES_RANKED = re.compile(r"(?P<list>[\u4e00-\u9fff]{2,6}(?:[、和及][\u4e00-\u9fff]{2,6})+?)"
                            r"(?:排名|排在|位居|分列|分居|位列|紧随其后)[\u4e00-\u9fff和、]{0,12}")


# 居民服务、修理和其他服务业: one industry whose name holds a 、
_BARE_INDUSTRY = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、]{2,22}业")


_NOT_AN_ITEM = re.compile(r"看|来说|方面|其中|分别|增长|下降|实现|完成|情况|持续|保持|全市|全省|我市|中$")  # 三大支柱行业中: the set, no item


# 高于全国（5.4%）、全省（5.2%）: the words before a bracketed figure that is another region's
_OTHER_REGION_END = re.compile(r"(?:全国|全省|全市|全区|国|省|市)(?:平均|平均水平)?$")


# a name and a number whose unit was lost (第二产业增加值28.4，): no figure, but the name of the next
_NAME_BARE_NUMBER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,16}(?:值|额|量|入|资))\d+(?:\.\d+)?")


# Asides between a figure and the next clause about it: 按可比价格计算，同比增长5.1%.
_ASIDE = re.compile(r"按照?(?:可比|不变)价(?:格)?(?:计算)?(?:[（(]下同[)）])?|[（(]下同[)）]|扣除价格因素(?:后)?|剔除[^，；]{0,12}因素(?:后)?|"
                    r"(?:其中|同时|此外)(?=，)")


class SubjectReading:
    """Subjects from the sentence around a figure: a carried region, an aside, a topic, the noun a count is of, the items a list began with, a task's size. (part of the sentence reader)"""

    carry_region: str | None = None

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
