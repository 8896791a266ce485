"""The document frame: what kind of report a text is, which year and months its figures
cover when a sentence does not say, and the evidence for each.

Evidence is weighed in this order, and each piece used is kept (``Frame.evidence``, stored on
the document row) so a user can see why a figure got its period:

1. the title (``extract.metadata``: 2024年上半年…情况 → 2024, months 1–6);
2. a headline or sub-title line before the body (新闻 pages: ``某市一季度GDP增长5.3%``);
3. the lead: the figure-bearing sentences at the top of the body (``1-5月，全市…``); of the
   periods they name the cumulative one that reaches furthest wins (1-5月 over 5月份);
4. the publication date (发布时间：2024-06-27, a dated line under the title or at the end): the
   data year is the publication year, or the year before when the period ends after the month
   of publication (前三季度 published in January);
5. the kind of report: a 统计公报 covers the whole of its year (published the next spring); a
   government work report or a plan (计划执行情况) reviews the year before the one it is given
   in (its actuals) and sets targets for the year it is given in.

A year written as the base of a comparison (比2019年同期, 较2022年, 2022年以来, 到2025年) is
never the data year: an empty year is better than a wrong one.
"""

from .months import is_bare_quarter
from .read import document_frame
from .record import BULLETIN, PLAN, REPORT, WORK_REPORT, Frame
from .years import data_years, mask_titles

__all__ = ["Frame", "document_frame", "data_years", "is_bare_quarter", "mask_titles", "WORK_REPORT", "PLAN", "BULLETIN", "REPORT"]
