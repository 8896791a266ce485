"""Task text as the document writes it.

Every stage reads the normalised text (simplified characters, pinyin readings removed, half-width
digits). A task row's text cells (progress, reason, departments, the quote …) are what a reader
quotes back, so in a document written in traditional characters they are given as written: each
cell is found in the source text by a key both texts share (the source converted to simplified
character for character, without whitespace and pinyin readings, width folded) and the source's
own characters of that span are returned. A cell not found so (cut by a table reader, joined from
two places) stays as normalised.
"""

from __future__ import annotations

import unicodedata

from ..models import Task
from ..normalize import _PINYIN_ANNOT, fix_compat_chars, to_simplified

# The text cells of a task row given as written; seq, status, units and numbers stay as read.
TEXT_FIELDS = ("status_raw", "annual_target", "period_target", "progress", "reason", "next_steps",
               "leader", "departments_raw", "category", "target_amount", "actual", "on_schedule",
               "notes", "deadline", "quote")
# A span that crosses one of these in the source is no cell of its own: it stays as normalised.
_CELL_BREAKS = set("\n\t|")


def _fold(ch: str) -> str:
    """What a character is in the shared key: width folded, no whitespace."""
    return "" if ch.isspace() else unicodedata.normalize("NFKC", ch)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P") and ch not in "()（）“”\"\'"


def _key(chars) -> tuple[str, list[int]]:
    """The key of (position, character) pairs: folded, a run of clause marks one mark (the
    normaliser keeps the strongest of ``,,`` and ``，。``): every clause mark is one key mark."""
    key, where = [], []
    for i, ch in chars:
        for k in _fold(ch):
            if _is_mark(k):
                if key and key[-1] == ",":
                    continue
                k = ","
            key.append(k)
            where.append(i)
    return "".join(key), where


class WrittenText:
    """The source text and its key: ``key[i]`` came from ``source[where[i]]``."""

    def __init__(self, source: str):
        self.source = fix_compat_chars(source)
        simple, _ = to_simplified(self.source)
        if len(simple) != len(self.source):  # t2s is character for character; else nothing maps
            simple = self.source
        skip = set()
        for m in _PINYIN_ANNOT.finditer(self.source):  # (jié) readings: in the source, not the key
            skip.update(range(m.start(), m.end()))
        self.skip = skip
        self.key, self.where = _key((i, ch) for i, ch in enumerate(simple) if i not in skip)

    def written(self, text: str | None) -> str | None:
        """``text`` (normalised) as the source writes it, or ``text`` when it is not found whole."""
        if not text:
            return text
        k = _key(enumerate(text))[0]
        if not k:
            return text
        at = self.key.find(k)
        if at < 0:
            return text
        start, end = self.where[at], self.where[at + len(k) - 1] + 1
        # the span's own characters, less the readings inside it (鄉(xiāng)村 → 鄉村)
        out = "".join(ch for i, ch in enumerate(self.source[start:end], start) if i not in self.skip)
        if _CELL_BREAKS.intersection(out) and not _CELL_BREAKS.intersection(text):
            return text
        return out


def tasks_as_written(tasks: list[Task], source: str) -> None:
    """Give the tasks' text cells in the source's own characters (see the module's words)."""
    if not tasks or not source:
        return
    w = WrittenText(source)
    for t in tasks:
        for name in TEXT_FIELDS:
            value = getattr(t, name)
            if isinstance(value, str):
                setattr(t, name, w.written(value))
        t.departments = [w.written(d) or d for d in t.departments]
