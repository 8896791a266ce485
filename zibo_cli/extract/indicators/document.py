"""A document's figures: prose block by block in its scope, tables, task cells; targets and actuals paired."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import ACTUAL, TARGET, TASK_TABLE, DocumentMeta, Observation, Task
from ...periods import find_periods
from ..frame import Frame, document_frame
from ..scope import Scope, scopes
from ..segment import Segment, segment
from .clauses import extract_clauses
from .context import Context
from .tables import _is_header_line, _is_row, _join_headers, _pipe_cells, _stats_header, _StatsHeader
from .task_tables import _from_row, _from_tasks, _header_columns, _is_header
from .tokens import _MAY_HOLD_FIGURE, _YEAR
from .words import match_name, unit_scale


def extract_observations(text: str, meta: DocumentMeta, tasks: list[Task] | None = None,
                         frame: Frame | None = None, segments: list[Segment] | None = None) -> list[Observation]:
    """Every figure the text states (see the module docstring for how each part is read).

    Prose is read block by block (``extract.segment``), each block in its scope
    (``extract.scope``: the document frame, the section its heading opens, a list of
    targets); page chrome is not read. With ``tasks`` (a parsed task table) the figures in
    each row's target and progress cells are read with their kind and ``task_seq``, and the
    table is not read again as prose: its row lines are skipped, and a prose figure whose
    sentence lies inside a task's cell (a cell's continuation line) is dropped. Without
    tasks, a TAB table with a 目标 header is read column by column.
    """
    year = meta.year
    is_table = meta.doc_type == TASK_TABLE
    if segments is None:
        segments = segment(text)  # (the pipeline passes the blocks it framed the document with)
    if frame is None:
        frame = document_frame(text, meta, segments)
    # progress reports count the year to date; a quarterly task table's figures too
    end = meta.end_month
    start = 1 if is_table and end else meta.start_month
    if is_table:
        prose = Context(year, start, end)
        block_scope: dict[int, Scope] = {}
    else:
        prose = Context(frame.year, frame.start_month, frame.end_month, target_year=frame.target_year,
                        region=frame.region, cumulative_quarters=frame.cumulative_quarters)
        block_scope = {seg.offset: sc for seg, sc in zip(segments, scopes(segments, frame), strict=True)}
    chrome = {seg.offset for seg in segments if seg.kind == "chrome"}
    out: list[Observation] = []
    cells = ""
    if tasks:
        out.extend(_from_tasks(text, meta, tasks))
        cells = "\n".join(c for t in tasks for c in (t.annual_target, t.period_target, t.progress,
                                                       t.reason, t.next_steps) if c)
    offset = 0
    header: dict[int, Context | None] | None = None
    stats: _StatsHeader | None = None
    above = prose  # the period the lines above a table name (its title)
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        if tasks and _is_row(line):
            continue
        if not tasks:
            line = _pipe_cells(line)
            if line == "\t":
                continue  # |---|---|: the rule under a header
        if not tasks and "\t" in line:
            if header is None and stats is None:
                stats = _stats_header(line, above)
                if stats is not None:
                    continue
            if stats is not None:
                if not stats.rows:
                    two = _stats_header(_join_headers(stats.line, line), above)
                    if two is not None and _is_header_line(line):
                        stats = two  # a header on two lines: 1-6月 over 绝对值 | 增长%
                        continue
                out.extend(stats.read_row(line, here))
                stats.rows += 1
                continue
            if header is None and _is_header(line):
                header = _header_columns(line, meta)
                continue
            if header is not None:
                out.extend(_from_row(line, here, header, prose))
                continue
        if here in chrome:
            continue
        if line.strip():
            stats = None  # a table ends at the first line that is not a row
            above = _line_context(line, prose)
        if not _MAY_HOLD_FIGURE.search(line):
            continue  # no digit and no 第: extract_clauses would find nothing (its own first test)
        scope = block_scope.get(here)
        ctx = prose if scope is None else replace(_scope_context(scope, frame.region),
                                                  cumulative_quarters=frame.cumulative_quarters)
        found = extract_clauses(line, ctx, here, carry=True)
        if cells:
            found = [o for o in found if o.quote not in cells]
        out.extend(found)
    for o in out:
        if o.region is None:
            o.region = frame.region  # table cells and task rows: the document's region
    return _dedupe(_pair_names(out))


# Words that qualify a target but not the thing measured: 政府5天储气能力, 年度新增就业
_PAIR_MODIFIER = re.compile(r"(?<!\d)\d{1,6}(?:个)?(?:天|小时|日|个月)|年度|全年|当年|本年")


def _pair_names(obs: list[Observation]) -> list[Observation]:
    """Give a target and an actual of one thing one name: when taking words like 5天 or 年度
    off one name gives the other (政府5天储气能力 target, 政府储气能力 actual), the longer
    name becomes the shorter and keeps what was written as its raw name. Names that only
    differ in other words are left alone."""
    def key(o: Observation) -> tuple[str, str]:
        return _PAIR_MODIFIER.sub("", o.name), unit_scale(o.unit)[1]

    by_kind: dict[str, dict[tuple[str, str], str]] = {ACTUAL: {}, TARGET: {}}
    keys = [key(o) for o in obs]
    for o, k in zip(obs, keys, strict=True):
        if len(k[0]) >= 2:
            shortest = by_kind[o.kind].get(k)
            if shortest is None or len(o.name) < len(shortest):
                by_kind[o.kind][k] = o.name
    for o, k in zip(obs, keys, strict=True):
        other = by_kind[TARGET if o.kind == ACTUAL else ACTUAL].get(k)
        if other is None or other == o.name or len(other) >= len(o.name):
            continue
        entry, _ = match_name(other)
        o.raw_name = o.name
        o.name = other
        o.indicator_id = entry.id if entry else None
    return obs


def _scope_context(scope: Scope, region: str | None) -> Context:
    """The reading context of a block in ``scope``: a section or list of targets reads its
    figures as targets of the scope's target year (months 1–12 unless it names others)."""
    if scope.mode == "target":
        months = (scope.start_month or 1, scope.end_month or 12)
        if scope.start_month is None or (scope.start_month, scope.end_month) != months:
            months = (1, 12)
        year = scope.target_year if scope.target_year is not None else scope.year
        return Context(year, months[0], months[1], TARGET, target_months=months, target_year=year, region=region)
    return Context(scope.year, scope.start_month, scope.end_month, target_year=scope.target_year, region=region)


def _line_context(line: str, prose: Context) -> Context:
    """The period a line (a table's title) names, else the prose's."""
    ps = [p for p in find_periods(line[:80]) if not p.whole_year]
    m = _YEAR.search(line[:80])
    if not ps:
        return prose
    year = int(m[1]) if m else prose.year
    return Context(year, ps[0].period.start_month, ps[0].period.end_month)


def _dedupe(obs: list[Observation]) -> list[Observation]:
    seen = set()
    out = []
    for o in obs:
        key = (o.name, o.value, o.unit, o.kind, o.year, o.start_month, o.end_month, o.measure, o.char_offset)
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out
