"""Tables laid out in a way normalising would lose, rewritten as TAB rows before it.

Normalising takes spaces out of Chinese text (PDF text puts them between characters), so a
table whose cells are set apart by spaces, and one written one cell per line, are turned into
TAB-separated rows first — the layout every table reader takes (``extract.tasks`` for task
tables, the statistics-table reader of ``extract.indicators`` for figures):

* :func:`space_tables`: ``序号 项目 单位 目标 完成 完成率 责任单位`` then ``3 新建公厕 座 40 36 90.0% 城管局``;
* :func:`cell_line_tables`: a statistics table one cell per line (``指标 |`` / ``单位 |`` /
  ``1-9月 |`` / ``同比增长% |`` then ``地区生产总值 |`` / ``亿元 |`` / …);
* :func:`cell_line_task_tables`: a task table one cell per line (``序号`` / ``项目内容`` / ``牵头单位``
  / ``落实情况`` then ``1`` / …), blank lines between cells or not: normalising would join the
  short lines into sentences.

:func:`table_layouts` runs both.
"""

from __future__ import annotations

import re

from .structure import WIDE_GAP, header_field, label_months, space_header

__all__ = ["table_layouts", "space_tables", "cell_line_tables", "cell_line_task_tables"]


def table_layouts(text: str) -> str:
    """``text`` with space-separated and one-cell-per-line tables as TAB rows."""
    return cell_line_task_tables(cell_line_tables(space_tables(text)))


_SEQ_START = re.compile(r"^(\d{1,3})[ \u3000]+\S")
_STATS_FIRST = re.compile(r"^(?:序号|指标|指标名称|主要指标|项目|项目名称|名称)$")
_ROW_END = re.compile(r"[。；！？]$")


def _header_words(tokens: list[str]) -> bool:
    """Tokens that read as a table's header: two header words, or 指标/项目 first."""
    known = sum(1 for t in tokens if header_field(t) or label_months(t))
    return known >= 2 or (bool(_STATS_FIRST.match(tokens[0])) and known >= 1)


def space_tables(text: str) -> str:
    """Tables whose cells are set apart by spaces, rewritten with TABs between cells.

    Run before normalisation (which takes spaces out of Chinese text): a header line of short
    words set apart by spaces (``序号 项目 单位 目标 完成 完成率 责任单位``, two of them header
    words) starts a table; the lines after it whose pieces are not sentences are its rows
    (``3 新建公厕 座 40 36 90.0% 城管局``, ``改造公厕 座 25 25 100.0%``), up to the first line
    of prose. Other text is returned unchanged.
    """
    if " " not in text and "\u3000" not in text:
        return text
    lines = text.split("\n")
    width = 0
    expected = 0  # the number the next row starts with, in a table whose first column is 序号
    changed = False
    for i, line in enumerate(lines):
        if "\t" in line or "|" in line:
            width = 0
            continue
        s = line.strip()
        if not s:
            continue
        wide = [c for c in WIDE_GAP.split(s) if c.strip()]
        tokens = wide if len(wide) >= 3 else s.split()
        if width and expected:
            m = _SEQ_START.match(s)
            if m and int(m[1]) == expected and len(tokens) >= 2:
                # 1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。: the next row, whatever
                # its cells end with
                lines[i] = "\t".join(t.strip() for t in tokens)
                expected += 1
                changed = True
                continue
            if len(tokens) == 1:
                continue  # a heading (一、…, （一）…) or a cell's next line: the table goes on
        if width:
            if (2 <= len(tokens) <= width + 3 and not _ROW_END.search(s)
                    and not any(len(t) > 40 for t in tokens)):
                lines[i] = "\t".join(t.strip() for t in tokens)
                changed = True
                continue
            width = 0
        head = space_header(line) if len(wide) < 3 else [c.strip() for c in wide]
        if head and len(head) >= 3 and all(len(t) <= 12 for t in head) and _header_words(head):
            lines[i] = "\t".join(head)
            width, changed = len(head), True
            expected = 1 if head[0] == "序号" else 0
    return "\n".join(lines) if changed else text


# -- a statistics table one cell per line ----------------------------------------------------

_STATS_HEAD = re.compile(r"^(?:指标|指标名称|主要指标|项目|名称)$")
_STATS_WORD = re.compile(r"^(?:(?:计量)?单位|绝对[值数]|总量|数值|本月|当月|本期|累计|本年累计|上年同期|"
                         r"(?:同比|比上年(?:同期)?|比去年(?:同期)?)?(?:增长|增速|增幅|增减|±)?\s*(?:[（(]?%[）)]?)?)$")
_VALUE = re.compile(r"^[-—－–+]?\d[\d,]*(?:\.\d+)?%?$|^[-—－–/…]+$|^$")
_CELL_MAX = 30


def _cell(line: str) -> str:
    s = line.strip()
    return s[:-1].rstrip() if s.endswith("|") else s


def _head_word(cell: str) -> bool:
    return bool(cell) and len(cell) <= 14 and (bool(_STATS_WORD.match(cell)) or label_months(cell) is not None
                                               or bool(re.match(r"^(?:19|20)\d{2}年", cell)))


def cell_line_tables(text: str) -> str:
    """A statistics table written one cell per line, as TAB rows: the header is 指标 (or 项目,
    名称) and the period, unit and growth words after it; each row a name and its values."""
    if "指标" not in text and "项目" not in text and "名称" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = _cell(lines[i])
        if not _STATS_HEAD.match(first) or "\t" in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        width = 1
        while i + width < len(lines) and _head_word(_cell(lines[i + width])):
            width += 1
        if width < 3:
            out.append(lines[i])
            i += 1
            continue
        header = [_cell(x) for x in lines[i:i + width]]
        rows: list[list[str]] = []
        j = i + width
        while j < len(lines):
            cell = _cell(lines[j])
            if not rows or len(rows[-1]) >= width:
                if (not cell or _VALUE.match(cell) or len(cell) > _CELL_MAX or "\t" in lines[j]
                        or re.search(r"[，。；！？]", cell)):
                    break  # not a row's name: the table ended
                rows.append([cell])
            elif _VALUE.match(cell) or (header[len(rows[-1])] in ("单位", "计量单位") and len(cell) <= 6):
                rows[-1].append(cell)
            else:
                break
            j += 1
        if rows and len(rows[-1]) < width - 1:
            j -= len(rows.pop())  # a name with no values: not the table's
        if len(rows) < 1 or any(len(r) < width - 1 for r in rows):
            out.append(lines[i])
            i += 1
            continue
        out.append("\t".join(header))
        out.extend("\t".join(r) for r in rows)
        i = j
    return "\n".join(out)


# -- a task table one cell per line ----------------------------------------------------------

_SEQ_HEAD = re.compile(r"^(?:序号|编号|序)$")
_WORK = {"status", "progress", "reason", "departments", "next_steps", "rate", "on_schedule", "leader"}
_SEQ_CELL = re.compile(r"^[（(]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）.、．]?$")
_HEAD_MAX = 16


def cell_line_task_tables(text: str) -> str:
    """A task table written one cell per line, as TAB rows. The header is 序号 and at least two
    more header words (``header_words.tsv``), one of them a progress, status, unit or reason
    column; then 1. A row starts at the next number once it holds all but two of the header's
    cells (a cell reading 2 is not row 2); a row with more cells than the header keeps them
    (``extract.tasks`` aligns it). The table ends at a line that is not a cell of a row: prose
    after a full row, or a note (注：)."""
    if "序号" not in text and "编号" not in text:
        return text
    lines = text.split("\n")
    cells = [(i, _cell(x)) for i, x in enumerate(lines) if x.strip()]
    out_rows: dict[int, tuple[int, str]] = {}  # first line index -> (last line index, TAB row)
    k = 0
    while k < len(cells):
        if not _SEQ_HEAD.match(cells[k][1]) or "\t" in lines[cells[k][0]]:
            k += 1
            continue
        width = 1
        while k + width < len(cells) and len(cells[k + width][1]) <= _HEAD_MAX and \
                not _SEQ_CELL.match(cells[k + width][1]) and header_field(cells[k + width][1]):
            width += 1
        keys = {header_field(c) for _, c in cells[k + 1:k + width]}
        if width < 3 or not keys & _WORK or k + width >= len(cells) or \
                _SEQ_CELL.match(cells[k + width][1]) is None or _SEQ_CELL.match(cells[k + width][1])[1] not in "1一":
            k += 1
            continue
        rows: list[list[tuple[int, str]]] = [cells[k:k + width]]
        expected = 1
        j = k + width
        while j < len(cells):
            i, c = cells[j]
            m = _SEQ_CELL.match(c)
            if m and m[1] in (str(expected), "一二三四五六七八九十"[expected - 1] if expected <= 10 else "") and \
                    (len(rows) == 1 or len(rows[-1]) >= max(2, width - 2)):
                rows.append([(i, c)])
                expected += 1
            elif len(rows) == 1 or "\t" in lines[i] or re.match(r"^(?:注|备注|说明|附件)[:：]", c) or (
                    len(rows[-1]) >= width + 2 and len(c) >= 40 and c[-1] in "。；！？"):
                break
            else:
                rows[-1].append((i, c))
            j += 1
        if len(rows) < 2:
            k += 1
            continue
        for row in rows:
            out_rows[row[0][0]] = (row[-1][0], "\t".join(c.replace("\t", " ") for _, c in row))
        k = j
    if not out_rows:
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i in out_rows:
            last, row = out_rows[i]
            out.append(row)
            i = last + 1
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)
