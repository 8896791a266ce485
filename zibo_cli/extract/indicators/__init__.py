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

The reader is a package of modules of one concern each, in the order data flows:

* ``words``: word lists and cue words (package data, ``zibo_cli/data/*.tsv``)
* ``tokens``: figures (numbers with units, ranks), sentences, clauses, quotes
* ``context``: the reading context of a text and what the words before a figure say
* ``names``, ``name_forms`` and ``lists``: a name from the words before a figure, the form zibo keeps
  (省、市 → 省市, 因X造成的Y → XY, a county's short name as the region); lists of names
* ``clause_periods``: the period and basis of a figure from its clause
* ``subjects``: subjects, topics and counted nouns from the sentence around a figure
* ``one_figure``: the decisions of the sentence reader for one figure, as rule records in order
* ``groups``: lists of figures (分别, several places)
* ``observe``: an Observation from a figure and its name
* ``reader`` and ``clauses``: the sentence reader and runs of prose
* ``tables``, ``task_tables``: statistics tables and task tables
* ``document``: a document's figures (the entry point)
"""

from __future__ import annotations

from .clauses import extract_clauses
from .context import Context
from .document import extract_observations
from .lists import split_names
from .names import _PERIOD_START, _read_name
from .reader import _SentenceReader
from .tokens import _CLAUSE_END, _PAIRS, _trim

__all__ = ["extract_observations", "extract_clauses", "Context", "split_names",
           "_CLAUSE_END", "_PAIRS", "_PERIOD_START", "_SentenceReader", "_read_name", "_trim"]
