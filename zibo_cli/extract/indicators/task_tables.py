"""Task tables: the figures of a task's target and progress cells, and tables read by a 目标 header."""

from __future__ import annotations

import re

from ...models import ACTUAL, TARGET, DocumentMeta, Observation, Task
from .clauses import extract_clauses
from .context import Context


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
