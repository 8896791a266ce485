"""Tables and numbered lists as structure: the shapes, not what they are about.

This stage knows how tables and lists are *laid out* in the text reports come as, and
nothing about tasks or figures; ``extract.tasks`` and ``extract.task_lists`` read the rows
and items it gives.

* **Header words** (``header_words.tsv``, data, one line a word): which field a column
  feeds — 是否达序 → ``on_schedule``, 完成率 / 占年任务之比 / 占全年计划 → ``rate``, 备注 / 说明 →
  ``notes``, 分管领导 / 责任领导 → ``leader``, 牵头单位 / 责任单位 → ``departments``, 完成时限 →
  ``deadline``, 下步措施 → ``next_steps`` … (:func:`header_field`).
* **Cells of a line** (:func:`split_cells`): TAB-separated, ``| a | b |``, runs of two or more
  spaces, and — inside a table whose header was written that way — single spaces.
* **Two-level headers** (:func:`merge_header_rows`): ``1-8月`` over ``完成 | 完成率`` gives the
  columns ``1-8月完成 | 1-8月完成率``; the upper label's months stay with them.
* **What a cell holds** (:func:`cell_kind`): a person's name, a unit, yes/no, a rate, a number,
  a measure unit, a date or deadline, a sequence number, a status word, a sentence — so a row
  with fewer or more cells than its header is aligned by content, not position alone.
* **Groups** (:func:`group_mark`): 一、 / （一） / 1. — the level and number a cell opens with.

Numbered lists in prose are the same kind of structure; ``extract.lists`` reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["header_field", "header_fields", "split_cells", "space_header", "merge_header_rows",
           "label_months", "cell_kind", "kind_fit", "KIND_FIT", "group_mark", "GroupMark", "item_mark", "Groups",
           "Placed"]

_WORDS_FILE = Path(__file__).with_name("header_words.tsv")


@lru_cache(maxsize=1)
def header_fields() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(field, pattern) pairs from ``header_words.tsv``, in the file's order."""
    out = []
    for line in _WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        field, pattern = line.split("\t", 1)
        out.append((field.strip(), re.compile(pattern.strip())))
    return tuple(out)


def header_field(label: str) -> str | None:
    """The field a header label names (its first matching line in ``header_words.tsv``)."""
    for field, pattern in header_fields():
        if pattern.search(label):
            return field
    return None


# -- cells of a line -----------------------------------------------------------------------

WIDE_GAP = re.compile(r"(?:[ \u00a0]{2,}|\u3000+)")
_PIPE_LINE = re.compile(r"^\s*\|.*\|")
_PROSE_MARK = re.compile(r"[，。；！？]")


def split_cells(line: str, spaces: bool = False) -> list[str] | None:
    """The cells of a table line, or None for prose.

    TAB-separated and ``| a | b |`` lines always; cells set apart by runs of two or more
    spaces when there are at least three of them; with ``spaces`` (inside a table whose
    header was written with single spaces) single spaces too.
    """
    if "\t" in line:
        return line.split("\t")
    s = line.strip()
    if s.startswith("|") and s.count("|") >= 3:
        return [c.strip() for c in s.strip("|").split("|")]
    if not s:
        return None
    if s.count("|") >= 2 and not s.startswith("|"):
        return [c.strip() for c in s.rstrip("|").split("|")]  # a | b | c, no bar before the first
    cells = [c for c in WIDE_GAP.split(s) if c.strip()]
    if len(cells) >= 3:
        return [c.strip() for c in cells]
    if spaces:
        cells = s.split()
        if len(cells) >= 2:
            return cells
    return None


def space_header(line: str) -> list[str] | None:
    """A header written with single spaces (``序号 项目 单位 目标 完成 完成率 责任单位``): at least
    three short words and no sentence marks; None otherwise (the caller checks the words)."""
    s = line.strip()
    if not s or _PROSE_MARK.search(s) or "\t" in s or "|" in s:
        return None
    cells = s.split()
    if len(cells) < 3 or any(not 2 <= len(c) <= 8 for c in cells) or \
            any(c[0].isdigit() and label_months(c) is None for c in cells):
        return None
    return cells


# -- two-level headers ---------------------------------------------------------------------

_MONTHS = re.compile(r"(\d{1,2})\s*[-—~至到]\s*(\d{1,2})\s*月|(?<![\d-])(\d{1,2})\s*月(?:份|底|末)?(?!\d)")
_QUARTERS = {"一季度": (1, 3), "第一季度": (1, 3), "上半年": (1, 6), "前三季度": (1, 9), "三季度": (7, 9),
             "二季度": (4, 6), "四季度": (10, 12), "全年": (1, 12)}


def label_months(label: str) -> tuple[int, int] | None:
    """The months a header label names (1-8月 → (1, 8); 截至9月 → (1, 9); 上半年 → (1, 6))."""
    m = _MONTHS.search(label)
    if m:
        if m[1]:
            a, b = int(m[1]), int(m[2])
            return (a, b) if 1 <= a <= b <= 12 else None
        b = int(m[3])
        return (1, b) if 1 <= b <= 12 else None
    for word, months in _QUARTERS.items():
        if word in label:
            return months
    return None


def merge_header_rows(top: list[str], sub: list[str]) -> list[str]:
    """Two header rows as one row of labels.

    When both rows have the same width, a sub-label stands under the label above it (an
    empty upper cell is the one on its left spanning it): ``1-8月 | (empty)`` over
    ``完成 | 完成率`` → ``1-8月完成 | 1-8月完成率``; a column with no sub-label keeps the upper one.
    When the lower row is narrower (it holds only the cells under the merged ones), the
    first upper label that names no field of its own is replaced by the lower cells.
    """
    top = [c.strip() for c in top]
    sub = [c.strip() for c in sub]
    if len(sub) < len(top):
        sub = [c for c in sub if c]  # the cells under the merged ones (a border's empty cells aside)
        for i, t in enumerate(top):
            if header_field(t) is None or label_months(t):
                if header_field(t) in (None, "period_target"):
                    j = i + 1  # the empty cells beside it are the rest of its merged span
                    while j < len(top) and not top[j] and j - i < len(sub):
                        j += 1
                    return top[:i] + [t + s for s in sub] + top[j:]
        return top
    out = []
    carry = ""
    for i in range(len(sub)):
        t = top[i] if i < len(top) else ""
        s = sub[i]
        if t:
            carry = t
        elif s:
            t = carry
        if not s:
            out.append(t)
        elif t and t != s and (header_field(t) is None or label_months(t)):
            out.append(t + s)  # a group label over its columns
        else:
            out.append(s or t)
    return out


# -- what a cell holds --------------------------------------------------------------------

_UNIT_END = re.compile(r"(?:委员会|管委会|办公室|政府|中心|集团|公司|分局|委|局|办|厅|院|队|部|所|会|联|行|处|社|站|馆|署|团"
                       r"|街道|镇|乡|单位|专班|小组)$")
_DEPT_NOTE = re.compile(r"(?:等|[（(](?:牵头|配合|负责)[)）])+$")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:[、，,\s][\u4e00-\u9fff]{2,3})*$|^[\u4e00-\u9fff]某{1,2}$")
_YES = {"是", "否", "√", "×", "✓", "✗", "✔", "✘", "已达序", "未达序", "达序", "滞后"}
_RATE_CELL = re.compile(r"^[-+]?\d{1,4}(?:\.\d+)?\s*[%％]$")
_NUMBER_CELL = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?(?:[万亿千百]?[\u4e00-\u9fff]{0,3})?$")
_MEASURE = re.compile(r"^(?:个|座|所|处|家|条|公里|千米|米|平方米|亩|户|人|人次|万人|套|间|张|台|辆|项|件|场|次|元|万元|亿元"
                      r"|吨|千瓦|兆瓦|床|班|栋|幢|km|m²|%)$")
_DATE = re.compile(r"^(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:底|末|前|\d{1,2}日)?(?:前)?$|^(?:年底|年内|长期|持续推进|全年)$")
_SEQ = re.compile(r"^[（(]?\s*(?:\d{1,3}(?:[.．-]\d{1,3})?|[一二三四五六七八九十]{1,3})\s*[)）.、．]?$")
_STATUS = re.compile(r"^(?:已|未|正在|基本|尚未|全面|按期|提前)?(?:完成|完工|建成|办结|开工|推进|在建|竣工|投用|实施)"
                     r"(?:中|了)?$|^(?:在建|推进中|实施中|进行中|滞后|序时推进)$")


def cell_kind(cell: str) -> str:
    """What a cell holds: ``empty``, ``seq``, ``yesno``, ``rate``, ``number``, ``measure``,
    ``date``, ``status``, ``person``, ``department``, ``sentence`` (anything longer) or ``text``."""
    s = cell.strip()
    if not s:
        return "empty"
    if s in _YES:
        return "yesno"
    if _SEQ.match(s) and not _MEASURE.match(s):
        return "seq"
    if _RATE_CELL.match(s):
        return "rate"
    if _MEASURE.match(s):
        return "measure"
    if _DATE.match(s):
        return "date"
    if _NUMBER_CELL.match(s.replace(" ", "")):
        return "number"
    if _STATUS.match(s):
        return "status"
    if _PERSON.match(s) and not _UNIT_END.search(s):
        return "person"
    parts = [p for p in re.split(r"[、，,；;\s/]+", s) if p]
    if parts and len(s) <= 60 and all(_UNIT_END.search(_DEPT_NOTE.sub("", p)) for p in parts):
        return "department"
    if len(s) > 8 or _PROSE_MARK.search(s):
        return "sentence"
    return "text"


# How well a kind of cell fits a column feeding a field (higher is better; a kind not listed
# gets the field's "*" entry). Used to align a row with fewer or more cells than its header.
KIND_FIT: dict[str, dict[str, float]] = {
    "on_schedule": {"yesno": 3.0, "status": 1.0, "*": -2.0},
    "rate": {"rate": 3.0, "number": 0.5, "*": -2.0},
    "actual": {"number": 2.0, "rate": -1.0, "measure": -2.0, "sentence": 0.3, "*": -0.5},
    "target_amount": {"number": 1.5, "sentence": 0.5, "text": 0.5, "rate": -1.0, "yesno": -2.0, "person": -1.0,
                      "department": -1.0, "*": -0.5},
    "measure_unit": {"measure": 3.0, "*": -2.0},
    "deadline": {"date": 3.0, "*": -1.0},
    "notes": {"sentence": 0.5, "text": 0.3, "yesno": -2.0, "person": -1.0, "department": -1.0, "rate": -1.0,
              "*": -0.5},
}


def kind_fit(field: str, cell: str) -> float | None:
    """How well a cell fits a column of ``field`` by what it holds; None for fields scored
    elsewhere (text columns, status, leader, departments)."""
    table = KIND_FIT.get(field)
    if table is None:
        return None
    kind = cell_kind(cell)
    if kind == "empty":
        return 0.0
    return table.get(kind, table["*"])


# -- groups --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupMark:
    """The number a cell opens with: level 1 一、, level 2 （一）, level 3 1. / 1、 / (1)."""

    level: int
    number: str
    rest: str


_GROUP = (
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})\s*(?:[、.．]|$|\s)\s*(.*)$", re.S)),
    (2, re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.*)$", re.S)),
    (3, re.compile(r"^(\d{1,3})\s*(?:[、．]|\.(?!\d)|$|\s)\s*(.*)$", re.S)),
    (3, re.compile(r"^[（(]\s*(\d{1,3})\s*[)）]\s*(.*)$", re.S)),
)


_GROUP_OPENERS = frozenset("一二三四五六七八九十（(")  # (and digits: str.isdigit holds for every \d)


def group_mark(cell: str) -> GroupMark | None:
    """The group level and number a cell opens with (一、经济发展 → (1, 一, 经济发展))."""
    s = cell.strip()
    if not s or (s[0] not in _GROUP_OPENERS and not s[0].isdigit()):
        return None  # every mark opens with a numeral, a digit or a bracket (most cells: none of them)
    for level, rx in _GROUP:
        m = rx.match(s)
        if m:
            return GroupMark(level, m[1], m[2].strip())
    return None


_ITEM_MAX = 16  # a sub-item cell is a short name (1.东湖村), not a numbered paragraph


@dataclass
class Placed:
    """A body row put in place: its cells, the sub-item it names (1.东湖村) with the groups
    above it (一, （一）村卫生室提升), and whether its cells were moved."""

    cells: list[str]
    item: GroupMark | None = None
    path: tuple[str, ...] = ()
    moved: bool = False


def item_mark(cell: str) -> GroupMark | None:
    """A cell naming a group or sub-item: （一）村卫生室提升, 1.东湖村 — a short name after its
    number, not a numbered sentence."""
    m = group_mark(cell) if cell else None
    if m and m.level >= 2 and m.rest and len(m.rest) <= _ITEM_MAX and not _PROSE_MARK.search(m.rest):
        return m
    return None


class Groups:
    """Groups and sub-items of one table (一 | 区卫健局 | （一）村卫生室提升 | 1.东湖村 | 已完工).

    Remembers in which column each level's marks stand, so that a row that left out the
    merged cells on its left (``2.西岭村 | 在建``) is put back under its column and gets the
    cells it left out from the row above, as does a row whose group cells are empty. The
    group's unit and category so carry down to every sub-item.
    """

    def __init__(self, width: int):
        self.width = width
        self.cols: dict[int, int] = {}  # level -> column of its marks
        self.last: list[str] | None = None

    def _marks(self, cells: list[str]) -> list[tuple[int, GroupMark]]:
        return [(i, m) for i, c in enumerate(cells) if i > 0 and (m := item_mark(c)) is not None]

    def place(self, cells: list[str]) -> Placed:
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        moved = False
        first = group_mark(cells[0]) if cells and cells[0] else None
        if (self.last is not None and first is not None and first.level >= 2 and first.rest
                and len(first.rest) <= _ITEM_MAX and self.cols.get(first.level, 0) > 0
                and len(cells) + self.cols[first.level] <= self.width):
            cells = self.last[:self.cols[first.level]] + cells  # merged cells on the left left out
            moved = True
        marks = self._marks(cells)
        if marks and self.last is not None and not cells[0]:
            col = self.cols.get(marks[0][1].level, marks[0][0])
            if col > marks[0][0] and len(cells) + col - marks[0][0] <= self.width:
                cells = [""] * (col - marks[0][0]) + cells  # its empty group cells, one left out
                moved = True
        cells = cells + [""] * (self.width - len(cells))
        marks = self._marks(cells)
        if not marks:
            if cells and cells[0]:
                self.cols, self.last = {}, None  # an ordinary row: the groups end
            return Placed(cells, moved=moved)
        if self.last is not None and not cells[0]:
            for i in range(marks[-1][0]):
                if not cells[i]:
                    cells[i] = self.last[i]  # merged group cells, carried down
        for i, m in marks:
            self.cols[m.level] = i
        self.last = cells
        path = tuple(c for c in [cells[0], *(cells[i] for i, _ in marks[:-1])] if c)
        return Placed(cells, marks[-1][1], path, moved)
