"""Statistics tables: 指标 | 单位 | 1-6月 | 同比增长%, cells of bare numbers read by their headers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...models import ACTUAL, TARGET, Observation
from ...periods import find_periods
from .context import Context
from .tokens import _YEAR, MAX_QUOTE, quote_digits
from .words import match_name

_NAME_HEAD = re.compile(r"^(?:主要)?(?:指标|项目)(?:名称)?$|^名称$")


_UNIT_HEAD = re.compile(r"^(?:计量)?单位$")


_GROWTH_HEAD = re.compile(r"增长|增速|增幅|增减|±|同比|比上年|比去年")


_VALUE_HEAD = re.compile(r"本月|当月|本期|累计|绝对[值数]|总量|数值|数量|金额|完成|本年|全年|上年同期|去年同期|实际")


_HEAD_UNIT = re.compile(r"[（(]\s*(%|‰|百分点|[万亿千百]*[\u4e00-\u9fff/]{1,5})\s*[）)]\s*$|(%|百分点)$")


_PREVIOUS = re.compile(r"上年同期|去年同期|上年|去年")


_EMPTY_CELL = re.compile(r"^[-—－–/…\s]*$")


_CELL_NUMBER = re.compile(r"^(?P<growth>增长|提高|增加)?(?P<sign>[-—－−])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<pct>%)?"
                          r"(?P<qual>左右|以上|以内|以下)?$")


_SHARE_HEAD = re.compile(r"完成.{0,4}(?:目标|计划|任务)|进度|占.{0,6}(?:比重|比例)")


_ROW_LEAD = re.compile(r"^(?:其中[：:]?|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)]|[#＃△▲·•])+")


@dataclass
class _Column:
    kind: str  # value | growth | share | target
    year: int | None
    start: int | None
    end: int | None
    unit: str | None  # from the header, e.g. 同比增长(%) → %


class _StatsHeader:
    def __init__(self, name_col: int, unit_col: int | None, columns: dict[int, _Column], line: str):
        self.name_col, self.unit_col, self.columns, self.line = name_col, unit_col, columns, line
        self.rows = 0



    def read_row(self, line: str, offset: int) -> list[Observation]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) <= self.name_col:
            return []
        raw = _ROW_LEAD.sub("", cells[self.name_col]).strip()
        row_unit = None
        m = _HEAD_UNIT.search(raw)
        if m:
            row_unit = m[1] or m[2]
            raw = raw[:m.start()].strip()
        if self.unit_col is not None and self.unit_col < len(cells) and not _EMPTY_CELL.match(cells[self.unit_col]):
            row_unit = cells[self.unit_col]
            if "=" in row_unit:  # 上年=100: an index
                row_unit = ""
        name = raw
        if len(name) < 2 or _CELL_NUMBER.match(name):
            return []
        entry, _ = match_name(name)
        quote = quote_digits(line.strip())
        out = []
        for i, col in self.columns.items():
            if i >= len(cells):
                continue
            m = _CELL_NUMBER.match(cells[i].replace(" ", ""))
            if not m:
                continue
            value = float(m["num"].replace(",", ""))
            if m["sign"]:
                value = -value
            if col.kind == "growth":
                unit = col.unit or "%"
                measure = "change" if unit == "百分点" else "growth"
            elif col.kind == "share":
                unit, measure = col.unit or "%", "share"
            else:
                unit = "%" if m["pct"] else col.unit if col.unit is not None else row_unit
                if unit is None:
                    continue  # an amount whose unit nobody states
                measure = "level"
                if col.kind == "target" and m["growth"]:
                    measure = "growth"  # 增长5%左右 in a target cell
            out.append(Observation(
                name=entry.name if entry else name, value=value, unit=unit,
                kind=TARGET if col.kind == "target" else ACTUAL, year=col.year, qualifier=m["qual"],
                start_month=col.start, end_month=col.end, indicator_id=entry.id if entry else None,
                raw_name=raw, measure=measure, char_offset=offset, quote=quote[:MAX_QUOTE],
            ))
        return out


def _pipe_cells(line: str) -> str:
    """``| a | b |`` as TAB-separated cells (``\t`` alone for a ``|---|---|`` rule); other
    lines as they are."""
    s = line.strip()
    if not (s.startswith("|") and s.count("|") >= 3):
        return line
    cells = [c.strip() for c in s.strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
        return "\t"
    return "\t".join(cells)


def _is_header_line(line: str) -> bool:
    """A line of header words: no cell is a number and one names a value or a growth."""
    cells = [c.strip() for c in line.split("\t")]
    return (not any(_CELL_NUMBER.match(c.replace(",", "")) for c in cells if c)
            and any(_GROWTH_HEAD.search(c) or _VALUE_HEAD.search(c) or _HEAD_UNIT.search(c) for c in cells))


def _join_headers(top: str, bottom: str) -> str:
    """Two header lines as one: each lower cell under the upper cell it stands under (an
    empty upper cell is the one to its left spanning it): 1-6月 + 绝对值 → 1-6月绝对值."""
    up = [c.strip() for c in top.split("\t")]
    down = [c.strip() for c in bottom.split("\t")]
    out = []
    carry = ""
    for i in range(max(len(up), len(down))):
        u = up[i] if i < len(up) else ""
        d = down[i] if i < len(down) else ""
        if u:
            carry = u
        elif d and i > 0:
            u = carry
        out.append(u + d if not (_NAME_HEAD.match(u) or _UNIT_HEAD.match(u)) else u)
    return "\t".join(out)


def _head_period(cell: str, ctx: Context) -> tuple[int | None, int | None, int | None]:
    year, start, end = ctx.default_period()
    m = _YEAR.search(cell)
    if m:
        year = int(m[1])
    ps = [p for p in find_periods(cell) if not p.whole_year]
    if ps:
        start, end = ps[0].period.start_month, ps[0].period.end_month
    elif re.search(r"本月|当月", cell) and end is not None:
        start = end
    return year, start, end


def _stats_header(line: str, ctx: Context) -> _StatsHeader | None:
    """The header of a statistics table, or None when the line is not one."""
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) < 2 or any(_CELL_NUMBER.match(c.replace(",", "")) for c in cells):
        return None
    name_col = next((i for i, c in enumerate(cells) if _NAME_HEAD.match(c)), None)
    if name_col is None:
        return None
    unit_col = next((i for i, c in enumerate(cells) if _UNIT_HEAD.match(c)), None)
    columns: dict[int, _Column] = {}
    last_value: _Column | None = None
    for i, c in enumerate(cells):
        if i in (name_col, unit_col) or not c:
            continue
        m = _HEAD_UNIT.search(c)
        unit = (m[1] or m[2]) if m else None
        if _SHARE_HEAD.search(c):
            if last_value is not None:
                year, start, end = last_value.year, last_value.start, last_value.end
            else:
                year, start, end = _head_period(c, ctx)
            columns[i] = _Column("share", year, start, end, unit or "%")
        elif "目标" in c or "计划" in c:
            if unit_col is None:
                return None  # a target table with prose cells: read column by column elsewhere
            year, start, end = _head_period(c, ctx)
            if not [p for p in find_periods(c) if not p.whole_year]:
                start, end = 1, 12
            columns[i] = _Column("target", year, start, end, unit)
        elif _GROWTH_HEAD.search(c):
            base = re.sub(r"(?:比|较)(?:上年同期|去年同期|上年|去年|同期)", "", c)
            if find_periods(base) or re.search(r"本月|当月", base) or last_value is None or "累计" in base:
                year, start, end = _head_period(base, ctx)
            else:
                year, start, end = last_value.year, last_value.start, last_value.end
            columns[i] = _Column("growth", year, start, end, unit)
        elif find_periods(c) or _YEAR.search(c) or _VALUE_HEAD.search(c):
            year, start, end = _head_period(c, ctx)
            if _PREVIOUS.search(c) and year is not None and not _YEAR.search(c):
                year -= 1
            col = _Column("value", year, start, end, unit)
            columns[i] = col
            if not _PREVIOUS.search(c):
                last_value = col
    if not columns:
        return None
    return _StatsHeader(name_col, unit_col, columns, line)


def _is_row(line: str) -> bool:
    """A table row: TAB-separated cells or a ``| a | b |`` line."""
    s = line.strip()
    return "\t" in line or (s.startswith("|") and s.count("|") >= 3)
