"""Runs of prose: sentences read one after another, a paragraph's opening period passed on."""

from __future__ import annotations

import re

from ...models import Observation
from ...periods import find_periods
from .clause_periods import _opening_period
from .context import Context
from .reader import _SentenceReader
from .tokens import _MAY_HOLD_FIGURE, _sentences

# 其中6月当月… / 其中，5月份…: a sentence that gives a part (a month) of the figure before
_PART_OF_BEFORE = re.compile(r"^其中[，,：:]?\s*(?:\d{1,2}月(?:份)?(?:当月)?|当月|本月)")
# 其中，… / 同时，… after a sentence that announced targets: more of the same list
_GOES_ON = re.compile(r"^(?:其中|同时|另外|此外)[，,：:]")


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
            if before is not None and before.targets_from is not None and reader.targets_from is None \
                    and _GOES_ON.match(reader.masked):
                # 主要预期目标：GDP增长5.5%左右。其中，…: the sentence goes on with the list of targets
                reader.targets_from = 0
            found = reader.read()
            out.extend(found)
            before, before_names = reader, {o.name for o in found}  # one name only: no doubt whose part
            opening = reader.opening_period() if carry else None
        elif carry and stripped:
            # 今年一季度，全市经济开局良好。
            opening = _opening_period(stripped, find_periods(stripped), len(stripped), ctx.cumulative_quarters)
        if opening is not None:
            ctx = ctx.with_months(opening.start_month, opening.end_month)
    return out
