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

__all__ = ["numbered_items", "ListItem", "numbered_mentions", "Mention"]


# -- numbered lists in prose ---------------------------------------------------------------


@dataclass(frozen=True)
class ListItem:
    """One item of a numbered list: its number, text, the heading it stands under, and where
    it starts in the text given."""

    number: str
    text: str
    heading: str
    offset: int


_INLINE_ITEM = re.compile(r"(?:(?<=^)|(?<=[：:；;。，,\s]))(?:(\d{1,2})\s*[.、．](?!\d)|[（(](\d{1,2})[)）]|([①-⑳]))")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def numbered_items(text: str) -> list[ListItem]:
    """The items of a list written inside one passage: ``已完成项目：1.修缮敬老院；2.新增公交线路3条``.

    A list counts up from 1 (or ①); each item runs to the next one's number, the heading is
    the text before the first item back to the last sentence end. Numbers that do not count up
    (a date, 5.5%) stay inside their item.
    """
    marks = []
    for m in _INLINE_ITEM.finditer(text):
        n = int(m[1] or m[2]) if (m[1] or m[2]) else _CIRCLED.index(m[3]) + 1
        marks.append((m.start(), m.end(), n))
    out: list[ListItem] = []
    run: list[tuple[int, int, int]] = []
    for mk in marks:
        if mk[2] == 1:
            if len(run) >= 2:
                out.extend(_run_items(text, run))
            run = [mk]
        elif run and mk[2] == run[-1][2] + 1:
            run.append(mk)
    if len(run) >= 2:
        out.extend(_run_items(text, run))
    return out


def _run_items(text: str, run: list[tuple[int, int, int]]) -> list[ListItem]:
    start = run[0][0]
    cut = max(text.rfind(ch, 0, start) for ch in "。！？\n")
    heading = text[cut + 1:start].strip().rstrip("：:，, ")
    items = []
    for k, (a, b, n) in enumerate(run):
        end = run[k + 1][0] if k + 1 < len(run) else _item_end(text, b)
        items.append(ListItem(str(n), text[b:end].strip().rstrip("；;，,。 "), heading, a))
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
