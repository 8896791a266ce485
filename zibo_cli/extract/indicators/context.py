"""The reading context of a piece of text, and what the words before a figure say (a named figure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models import ACTUAL


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

    def with_months(self, start_month: int | None, end_month: int | None) -> Context:
        """A copy with another default period (``dataclasses.replace`` without its checks: read a paragraph)."""
        new = object.__new__(Context)
        new.__dict__.update(self.__dict__)
        new.start_month, new.end_month = start_month, end_month
        return new


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
    share_verb: str = "占"  # 完成年计划的: how the raw name says it (X完成年计划比例)
    plan: str | None = None  # 完成年计划710亿元: the figure is the size of the plan of the name before
    year: int | None = None

    def copy(self) -> _Named:
        """A copy whose lists are its own."""
        new = object.__new__(_Named)
        new.__dict__.update(self.__dict__)
        new.names, new.raw, new.tail = list(self.names), list(self.raw), list(self.tail)
        if self.regions is not None:
            new.regions = list(self.regions)
        return new
