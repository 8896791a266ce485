"""Task queries: the rows of task-completion tables, filtered.

    from zibo_cli.query import Zibo
    from zibo_cli.query.tasks import list_tasks, get_tasks
    with Zibo("zibo.db") as z:
        list_tasks(z, incomplete=True, department="发展改革委")
        get_tasks(z, "41")

Every filter is an SQL parameter; user text is matched with ``LIKE`` (``%`` and
``_`` typed by the user are literal). Text filters are normalised like the
reports (traditional → simplified, full-width digits → half-width), so
``發展改革委`` finds 发展改革委.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import UsageError
from ..models import DONE, STATUSES

__all__ = ["list_tasks", "get_tasks", "TASK_FIELDS", "parse_statuses"]

# The fields of a task record, in the order JSON shows them.
TASK_FIELDS = ["document", "seq", "status", "status_raw", "reason", "annual_target", "period_target",
               "progress", "next_steps", "leader", "departments", "departments_raw", "year",
               "start_month", "end_month", "period", "row_index", "char_offset"]

_COLUMNS = ", ".join("d.document" if f == "document" else f"t.{f}" for f in TASK_FIELDS)


def _like(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` escaped (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _clean(text: str) -> str:
    """User text as the reports are stored: simplified, half-width digits, no stray spaces."""
    text = text.strip()
    if not text:
        return text
    if text.isascii():
        return text
    from ..normalize import normalize_text  # lazily: it may load OpenCC

    return normalize_text(text) or text


def parse_statuses(values: list[str] | str | None) -> list[str]:
    """``done,partial`` or repeated values → a checked list of statuses."""
    if not values:
        return []
    items = [values] if isinstance(values, str) else list(values)
    out: list[str] = []
    for item in items:
        for s in item.replace("，", ",").split(","):
            s = s.strip().lower().replace("-", "_")
            if not s:
                continue
            if s in ("notdone", "not done", "incomplete", "undone", "open"):
                s = "not_done"
            if s not in STATUSES:
                raise UsageError(f"unknown status {s!r}; choose from {', '.join(STATUSES)}")
            if s not in out:
                out.append(s)
    return out


def _departments(text: str | None) -> list:
    try:
        return json.loads(text or "[]")
    except ValueError:
        return []


def _with_departments(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows selected as TASK_FIELDS, their departments read from JSON (once per distinct list)."""
    parsed: dict[str | None, list] = {}
    for r in rows:
        text = r["departments"]
        found = parsed.get(text)
        if found is None:
            found = parsed[text] = _departments(text)
        r["departments"] = found.copy() if isinstance(found, list) else json.loads(text)
    return rows


def list_tasks(z, *, statuses: list[str] | None = None, incomplete: bool = False,
               department: str | None = None, leader: str | None = None, grep: str | None = None,
               period: str | None = None, document: str | None = None,
               seq: str | None = None) -> list[dict[str, Any]]:
    """Tasks matching every filter given, in document and table order.

    ``incomplete``: status is not ``done``; ``statuses``: any of these;
    ``department``/``leader``/``grep``: a substring of the departments / leader /
    any text cell; ``period``: a label ``periods.parse_period`` reads (``2023Q2``,
    ``2023``, ``2023年第二季度``), matching tasks whose quarter lies inside it;
    ``document``: a file name, or its start; ``seq``: the row's 序号.
    """
    where: list[str] = []
    params: list[Any] = []
    statuses = parse_statuses(statuses)
    if statuses:
        where.append(f"t.status IN ({', '.join('?' for _ in statuses)})")
        params.extend(statuses)
    if incomplete:
        where.append("t.status <> ?")
        params.append(DONE)
    if department:
        where.append("(EXISTS (SELECT 1 FROM json_each(t.departments) WHERE value LIKE ? ESCAPE '\\')"
                     " OR t.departments_raw LIKE ? ESCAPE '\\')")
        params.extend([_like(_clean(department))] * 2)
    if leader:
        where.append("t.leader LIKE ? ESCAPE '\\'")
        params.append(_like(_clean(leader)))
    if grep:
        text_cols = ["annual_target", "period_target", "progress", "reason", "next_steps", "leader",
                     "departments_raw", "status_raw"]
        where.append("(" + " OR ".join(f"t.{c} LIKE ? ESCAPE '\\'" for c in text_cols) + ")")
        params.extend([_like(_clean(grep))] * len(text_cols))
    if period:
        from ..periods import PeriodError, parse_period

        try:
            p = parse_period(period)
        except PeriodError as e:
            raise UsageError(str(e)) from None
        if (p.start_month, p.end_month) == (1, 12):
            where.append("t.year = ?")
            params.append(p.year)
        else:
            where.append("t.year = ? AND t.start_month >= ? AND t.end_month <= ?")
            params.extend([p.year, p.start_month, p.end_month])
    if document:
        where.append("(d.document = ? OR d.id = ? OR d.path = ? OR d.document LIKE ? ESCAPE '\\')")
        prefix = _like(document)[1:]  # document start: 'name%'
        params.extend([document, document, document, prefix])
    if seq is not None:
        where.append("t.seq = ?")
        params.append(_seq_key(seq))
    sql = (f"SELECT {_COLUMNS} FROM tasks t JOIN documents d INDEXED BY idx_documents_id_document ON d.id = t.doc_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY t.year, t.end_month, d.document, t.row_index")
    return _with_departments(z.rows(sql, tuple(params)))


def _seq_key(seq: str) -> str:
    """A 序号 as stored: ``41``, not ``41.`` or ``(41)``."""
    s = _clean(str(seq)).strip("（()）.、． ")
    return s


def get_tasks(z, seq: str, document: str | None = None) -> list[dict[str, Any]]:
    """Every task with this 序号 (one per document that has it), optionally in one document."""
    return list_tasks(z, seq=seq, document=document)
