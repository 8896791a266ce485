"""Numbered lists in prose, as structure: items with their heading.

* :func:`numbered_items`: a list written inside one passage, ``已完成项目：1.修缮敬老院；
  2.新增公交线路3条`` → the heading (已完成项目) and its items;
* :func:`numbered_mentions`: items named only by number and unit,
  ``由县交通局负责的第3件、县水务局负责的第9、10件进展滞后``;
* :func:`sections`: headed sections, ``一、某工程完成情况`` then its text, up to the next heading.

Like ``extract.structure`` for tables, this knows layout only; ``extract.task_lists`` decides
which items are tasks and what their status is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["numbered_items", "ListItem", "numbered_mentions", "Mention", "sections", "Section"]


# -- numbered lists in prose ---------------------------------------------------------------


@dataclass(frozen=True)
class ListItem:
    """One item of a numbered list: its number, text, the heading it stands under, and where
    it starts in the text given."""

    number: str
    text: str
    heading: str
    offset: int


_INLINE_ITEM = re.compile(r"(?:(?<=^)|(?<=[：:；;。，,\s]))(?:(\d{1,2})\s*[.、．](?!\d)|[（(](\d{1,2})[)）]|([①-⑳])"
                          r"|([一二三四五六七八九十])是)")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = "一二三四五六七八九十"


def numbered_items(text: str) -> list[ListItem]:
    """The items of a list written inside one passage: ``已完成项目：1.修缮敬老院；2.新增公交线路3条``,
    ``进度较慢的项目，一是…，二是…``.

    A list counts up from 1 (or ①, 一是); each item runs to the next one's number, the heading is
    the text before the first item back to the last sentence end. Numbers that do not count up
    (a date, 5.5%) stay inside their item.
    """
    marks = []
    for m in _INLINE_ITEM.finditer(text):
        if m[4]:
            marks.append((m.start(), m.end(), _CN.index(m[4]) + 1, m[4]))
            continue
        n = int(m[1] or m[2]) if (m[1] or m[2]) else _CIRCLED.index(m[3]) + 1
        marks.append((m.start(), m.end(), n, str(n)))
    out: list[ListItem] = []
    run: list[tuple[int, int, int, str]] = []
    for mk in marks:
        if mk[2] == 1:
            if len(run) >= 2:
                out.extend(_run_items(text, run))
            run = [mk]
        elif run and mk[2] == run[-1][2] + 1 and mk[3].isdigit() == run[-1][3].isdigit():
            run.append(mk)
    if len(run) >= 2:
        out.extend(_run_items(text, run))
    return out


def _run_items(text: str, run: list[tuple[int, int, int, str]]) -> list[ListItem]:
    start = run[0][0]
    cut = max(text.rfind(ch, 0, start) for ch in "。！？\n")
    heading = text[cut + 1:start].strip().rstrip("：:，, ")
    items = []
    for k, (a, b, _, label) in enumerate(run):
        end = run[k + 1][0] if k + 1 < len(run) else _item_end(text, b)
        items.append(ListItem(label, text[b:end].strip().rstrip("；;，,。 "), heading, a))
    return items


def _item_end(text: str, start: int) -> int:
    m = re.search(r"[。！？\n]", text[start:])
    return start + m.start() if m else len(text)


@dataclass(frozen=True)
class Mention:
    """An item named only by its number and unit: 县水务局负责的第9、10件 → (9, 县水务局) and (10, …)."""

    number: str
    department: str | None
    offset: int


_MENTION = re.compile(r"(?:由)?(?P<dept>[\u4e00-\u9fff]{2,16}?(?:委员会|办公室|政府|中心|委|局|办))?(?:负责|牵头)?的?"
                      r"第(?P<nums>\d{1,3}(?:\s*[、,，和及]\s*(?:第)?\d{1,3})*)(?:件|项|个)")


def numbered_mentions(sentence: str) -> list[Mention]:
    """Items a sentence names by number (第3件, 第9、10件), each with the unit written before it."""
    out = []
    for m in _MENTION.finditer(sentence):
        dept = m["dept"]
        if dept:
            dept = re.sub(r"^(?:其中|另外|以及|和|及|由|、|，)+", "", dept)
        for n in re.findall(r"\d{1,3}", m["nums"]):
            out.append(Mention(n, dept or None, m.start()))
    return out


@dataclass(frozen=True)
class Section:
    """A numbered section: 一、某工程完成情况 (level 1) or （一）… (level 2), its heading (the
    text up to the first 。 or ：, or the line) and its body (the rest, up to the next
    section of the same or a higher level)."""

    level: int
    number: str
    heading: str
    body: str
    offset: int


_SECTION = (
    (1, re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.+)$")),
    (2, re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+)$")),
)
_HEAD_END = re.compile(r"[。：:！？]")


def sections(text: str, level: int) -> list[Section]:
    """The sections of one level, in order; a higher-level heading ends the one before it."""
    out: list[Section] = []
    current: list | None = None  # [number, heading, body lines, offset]
    offset = 0
    for line in text.split("\n"):
        here = offset
        offset += len(line) + 1
        found = None
        for lv, rx in _SECTION:
            m = rx.match(line)
            if m:
                found = (lv, m)
                break
        if found and found[0] <= level:
            if current is not None:
                out.append(Section(level, current[0], current[1], "\n".join(current[2]).strip(), current[3]))
                current = None
            if found[0] == level:
                rest = found[1][2].strip()
                cut = _HEAD_END.search(rest)
                heading = rest[:cut.start()] if cut else rest
                body = rest[cut.end():] if cut else ""
                current = [found[1][1], heading.strip(), [body], here]
            continue
        if current is not None:
            current[2].append(line)
    if current is not None:
        out.append(Section(level, current[0], current[1], "\n".join(current[2]).strip(), current[3]))
    return out
