"""Task-completion tables and lists: a document → its :class:`~zibo_cli.models.Task` rows.

The entry the pipeline calls (:func:`extract_tasks`): a task table's rows are read by the
``extract.task_table`` package (its docstring says how), else the tasks a bulletin lists in
prose (``extract.task_lists``), else a list of numbered items (``extract.list_tasks``). The
reader's public names are importable from here.
"""

from __future__ import annotations

from ..models import DocumentMeta, Task
from .cells import clean_cell, is_real_reason, split_departments
from .task_table.align import align
from .task_table.header import COLUMN_KEYS, map_header
from .task_table.lines import _flat_table_rows, _text_table_rows
from .task_table.rows import _Row, parse_rows
from .task_table.status import _status_from_rate, classify_status
from .task_table.text import format_subitems

# the reader's names tests and scripts use, importable from the entry
__all__ = ["extract_tasks", "parse_rows", "map_header", "classify_status", "clean_cell",
           "split_departments", "is_real_reason", "COLUMN_KEYS", "align", "format_subitems"]


def extract_tasks(text: str, meta: DocumentMeta, tables: list[list[list[str]]] | None = None) -> list[Task]:
    """The rows of the task table(s) of a document.

    ``tables`` (from a structured reader) wins when it holds a task table; otherwise the
    TAB- or ``|``-separated lines of ``text`` are read; then a table flattened one cell per
    line (an HTML table saved as text); then the tasks a bulletin lists in prose
    (``extract.task_lists``).
    """
    if tables:
        tasks: list[Task] = []
        for table in tables:
            found = parse_rows([_Row(list(r)) for r in table], meta, start_index=len(tasks))
            for t in found:
                t.char_offset = _locate(text, t)
            tasks.extend(found)
        if tasks:
            return _split_cells(tasks)
    if "\t" in text or "|" in text:  # (tables set apart by spaces are TAB rows by now: extract.layout)
        rows = _text_table_rows(text)
        tasks = parse_rows(rows, meta)
        if tasks and _cut_off(rows, text):
            tasks.pop()
        if tasks:
            return _split_cells(tasks)
    tasks = parse_rows(_flat_table_rows(text), meta)
    if tasks:
        return _split_cells(tasks)
    from .task_lists import prose_tasks

    tasks = prose_tasks(text, meta)
    if tasks:
        return tasks
    from .list_tasks import list_tasks

    return list_tasks(text, meta, status_of=_status_from_rate)


_TERMINAL = ("。", "；", ";", "！", "？")


def _cut_off(rows: list[_Row], text: str) -> bool:
    """The table's last row stops where the text stops, mid-sentence, in a table whose rows end
    their sentences: the page was cut there (a saved excerpt), and half a row is not a task."""
    if len(rows) < 4:
        return False
    last = rows[-1].cells[-1].strip() if rows[-1].cells else ""
    if not last or last.endswith(_TERMINAL) or not text.rstrip().endswith(last[-12:]):
        return False
    ends = [r.cells[-1].strip().endswith(_TERMINAL) for r in rows[1:-1] if r.cells and r.cells[-1].strip()]
    return len(ends) >= 3 and sum(ends) >= 0.75 * len(ends)


def _split_cells(tasks: list[Task]) -> list[Task]:
    """Rows whose progress cell labels its parts (进展情况：… 下步打算：…): each part to its field."""
    from .labelled_items import split_labelled_cell

    for t in tasks:
        split_labelled_cell(t)
    return tasks


def _locate(text: str, task: Task) -> int | None:
    """Where a task from a structured table sits in the text (its longest cell's start)."""
    for value in (task.progress, task.annual_target, task.period_target, task.next_steps):
        if value:
            probe = value.split("\n")[0][:20]
            if len(probe) >= 4:
                pos = text.find(probe)
                if pos >= 0:
                    line_start = text.rfind("\n", 0, pos) + 1
                    return line_start
    return None
