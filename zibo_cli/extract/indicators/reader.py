"""The sentence reader: finds a sentence's figures and reads them, one clause after another."""

from __future__ import annotations

import re

from ...models import Observation
from ..frame import mask_titles
from .clause_periods import PeriodReading
from .context import Context, _Named
from .groups import GroupReading
from .names import _read_name
from .observe import Observing
from .one_figure import OneFigureReading
from .subjects import _ASIDE, SubjectReading
from .tokens import _WORD_CHAR, FigureFinding

# A sentence that announces targets: 主要预期目标是：…, 今年的目标为：…
_TARGET_CUE = re.compile(r"目标(?:任务)?(?:是|为)?[：:]|(?:预期|主要|发展|奋斗)目标(?:任务)?(?:是|为)|"
                         r"主要预期目标(?:也|已)?(?:定了|确定|明确|提出)")


# 报告提出，… / 会议明确：…: the sentence states what a report or a meeting sets out
_PROPOSED = re.compile(r"^[^，。；：\d]{0,12}?(?:报告|会议|规划|计划|文件|方案)(?:中)?(?:提出|明确|要求|确定|部署)(?:了)?[，,：:]")


# what says a proposal reviews the year before: 过去一年…完成了
_REVIEWED = re.compile(r"完成了|实现了|过去|去年|上年|回顾|已经|已")


# a numbered item's label: 3.税收收入（第5项）：, 4.进出口总额：
_ITEM_LABEL = re.compile(r"^(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}、)?\s*"
                         r"(?P<label>[\u4e00-\u9fffA-Za-z“”]{2,20}?)(?:[（(][^）)\d]{0,3}\d{0,3}[^）)]{0,4}[)）])?\s*[：:]")


_NOT_A_LABEL = re.compile(r"看|其中|如下|情况|分别|主要|包括|目标|任务|要求|方面|显示|表明|指出|提出|认为|来源|时间|地址")


# words before a cue that make it a target reached, not announced
_ACHIEVED = re.compile(r"(?:完成|实现|达到|超额完成|超过|高于|低于|完成了)[^，。；]*$")


_FORECAST_OPENING = re.compile(r"^(?:[^，。；\d]{0,8}?)预计")


class _SentenceReader(FigureFinding, PeriodReading, Observing, SubjectReading, OneFigureReading, GroupReading):
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
        if cue is None and ctx.target_year is not None:
            # 报告提出，2026年新增就业2万人以上: what a report proposes, in a document that sets targets
            m = _PROPOSED.match(self.masked)
            if m and not _REVIEWED.search(self.masked, m.end()):
                self.targets_from = m.end()
        # 预计，全市实现地区生产总值…，财政收入…: every figure of the sentence is an estimate
        self.forecast = bool(_FORECAST_OPENING.match(self.masked))
        # 3.税收收入（第5项）：增长5.2%: the label before the colon names the item's figures
        m = _ITEM_LABEL.match(self.masked)
        self.label = None
        if m and not _NOT_A_LABEL.search(m["label"]):
            self.label = m["label"]
            self.label_end = m.end()

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

    carried: tuple[str, str, str | None] | None = None  # the name a 其中 sentence takes from the one before

    # -- names ------------------------------------------------------------------
    @staticmethod
    def _name(span: str) -> _Named:
        """What the words before a figure say (:func:`_read_name`), a copy of its own: the
        reader changes it as it reads on."""
        return _read_name(span).copy()
