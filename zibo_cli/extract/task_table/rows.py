"""Rows (lists of cells, headers among them) → tasks: which row is a header, a task, a
continuation, a category heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...models import DocumentMeta, Task
from ..cells import clean_cell
from ..structure import Groups
from .align import align
from .draft import _append, _Draft, _finish, _open_keys, _task_from_cells
from .header import INFERRED, Header, _merge_header, map_header
from .text import _CN_NUMERAL, _is_separator, _seq_like, _seq_value


@dataclass
class _Row:
    cells: list[str]
    offset: int | None = None


def parse_rows(rows: list[_Row] | list[list[str]], meta: DocumentMeta | None = None,
               start_index: int = 0) -> list[Task]:
    """Tasks from a sequence of rows (lists of cells), headers found among them.

    Rows before the first header are ignored; each header starts a new table.
    """
    meta = meta or DocumentMeta()
    tasks: list[Task] = []
    header: Header | None = None
    current: _Draft | None = None
    index = start_index
    pending_header = False
    category: str | None = None  # the category row (一、经济发展) the rows below belong to
    groups = Groups(0)
    for item in rows:
        row = item if isinstance(item, _Row) else _Row(list(item))
        cells = [c if c is not None else "" for c in row.cells]
        if not any(clean_cell(c) for c in cells) or _is_separator(cells):
            continue
        if pending_header and header is not None:
            pending_header = False
            merged = _merge_header(header, cells)
            if merged is not None:
                header = merged
                continue
        found = map_header(cells)
        if found is not None and (header is None or not _seq_like(cells[0])):
            if header is not None and found.keys == header.keys:
                pending_header = True  # the header repeated after a page break: same table
                continue
            if current is not None:
                tasks.append(_finish(current, header))
                current = None
            header, pending_header = found, True
            groups = Groups(found.width)
            continue
        if header is None:
            continue
        placed = groups.place(cells) if header.keys[0] == "seq" else None
        if placed is not None and placed.item is not None:
            # a sub-item (1.东湖村) under its groups (一 | 区卫健局 | （一）村卫生室提升)
            cells = align(placed.cells, header)
            if current is not None:
                tasks.append(_finish(current, header))
            index += 1
            current = _task_from_cells(cells, header, meta, index - 1, row.offset, placed.item.number)
            current.task.seq = placed.item.number
            current.task.category = " ".join(p for p in (category, *placed.path) if p) or None
            if placed.moved:
                current.task.alignment = INFERRED
            continue
        width = len(cells)
        while width > header.width and not clean_cell(cells[width - 1]):
            width -= 1
        inferred = width != header.width
        if (header.keys[0] == "seq" and current is not None and clean_cell(cells[0])
                and not _seq_like(cells[0]) and not _HEADING_RE.match(clean_cell(cells[0]))
                and len(cells) <= header.width):
            # a continuation row that left out its empty 序号 cell: its cells stand one to the left
            cells = [""] + (cells if len(cells) < header.width or clean_cell(cells[-1]) else cells[:-1])
        before = list(cells)
        cells = align(cells, header, _open_keys(current.task if current else None))
        inferred = inferred or (len(before) == header.width and cells != before)
        if _spanning_row(cells, header):
            continue
        by_key = {k: c for k, c in zip(header.keys, cells, strict=False) if k}
        filled = {k for k, c in by_key.items() if clean_cell(c)}
        if "seq" in header.keys:
            seq_cell = clean_cell(by_key.get("seq", ""))
            if not seq_cell:
                if current is not None:
                    _append(current, header, cells)
                continue
            if _heading_row(seq_cell, filled):
                category = _category(seq_cell, by_key)
                continue
            if current is not None and _seq_value(seq_cell) == current.task.seq:
                _append(current, header, cells, same_row=True)  # a merged 序号 repeated
                continue
        elif len(filled) == 1 and _HEADING_RE.match(clean_cell(by_key[next(iter(filled))])):
            category = clean_cell(by_key[next(iter(filled))])
            continue
        if current is not None:
            tasks.append(_finish(current, header))
        index += 1
        current = _task_from_cells(cells, header, meta, index - 1, row.offset, str(index - start_index))
        current.task.category = category
        current.task.alignment = INFERRED if inferred else None
        if inferred and tasks and tasks[-1].departments_raw and "departments" in header.keys \
                and not any(current.depts.values()):
            # the row left out its unit: a merged cell over the rows above and this one
            current.depts = {header.keys.index("departments"): tasks[-1].departments_raw}
    if current is not None and header is not None:
        tasks.append(_finish(current, header))
    return tasks


def _spanning_row(cells: list[str], header: Header) -> bool:
    """A category heading merged across the row and copied into every cell it spans
    (经济发展 | 经济发展 | …), perhaps after its own number (一 | 经济发展 | 经济发展 …)."""
    texts = [clean_cell(c) for k, c in zip(header.keys, cells, strict=False) if k != "seq"]
    texts = [t for t in texts if t]
    return len(texts) >= 2 and len(set(texts)) == 1 and len(texts) * 2 >= header.width - 1


_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
_WORK_KEYS = {"status", "progress", "reason", "period_target", "next_steps", "leader", "departments"}


def _category(seq_cell: str, by_key: dict[str, str]) -> str | None:
    """The text of a category row (一 | 经济发展 → 一、经济发展; 一、经济发展 as it is)."""
    texts = [clean_cell(v) for k, v in by_key.items() if k != "seq" and clean_cell(v)]
    if _seq_like(seq_cell):
        return f"{_seq_value(seq_cell)}、{texts[0]}" if texts else _seq_value(seq_cell)
    return seq_cell


def _heading_row(seq_cell: str, filled: set[str]) -> bool:
    """A row that is not a task: a category (一、经济发展 / 一 | 经济发展), a total, a note."""
    if _seq_like(seq_cell):
        # 一 | 经济发展 with nothing else: a category numbered in Chinese
        return bool(_CN_NUMERAL.fullmatch(_seq_value(seq_cell))) and not filled & _WORK_KEYS
    return len(seq_cell) > 6 or not filled & _WORK_KEYS
