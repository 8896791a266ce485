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
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import UsageError
from ..models import DONE, STATUSES

__all__ = ["list_tasks", "get_tasks", "summary", "TASK_FIELDS", "SUMMARY_COLUMNS", "parse_statuses",
           "department_matches"]

# The fields of a task record, in the order JSON shows them.
TASK_FIELDS = ["document", "seq", "status", "status_raw", "reason", "annual_target", "period_target",
               "progress", "next_steps", "leader", "departments", "departments_raw", "year",
               "start_month", "end_month", "period", "row_index", "char_offset", "category",
               "completion_rate", "region", "source", "target_amount", "actual", "measure_unit", "on_schedule",
               "notes", "deadline", "quote", "alignment"]

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


def _with_departments(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows selected as TASK_FIELDS, their departments read from JSON (once per distinct list)."""
    parsed: dict[str | None, list] = {}
    for r in rows:
        text = r["departments"]
        found = parsed.get(text)
        if found is None:
            found = parsed[text] = _departments(text)
        r["departments"] = found.copy() if isinstance(found, list) else json.loads(text)
        yield r


# A unit's name less where it is: 市发展和改革委员会 → 发展和改革委员会
_PLACE_LEAD = re.compile(r"^(?:中共|国家|省|市|区|县|镇|街道|[\u4e00-\u9fff]{1,4}?(?:省|市|区|县))(?=[\u4e00-\u9fff]{2,})")


def _unit_core(name: str) -> str:
    name = re.sub(r"\s", "", name)
    return _PLACE_LEAD.sub("", name, count=1)


def department_matches(query: str, department: str) -> bool:
    """Does ``query`` name ``department``? A part of the name (统计局 in 市统计局), or a short
    form whose characters stand in it in order from its first (发改委 for 市发展和改革委员会 and
    市发展改革委, 人社局 for 人力资源和社会保障局)."""
    q = _unit_core(query)
    d = _unit_core(department)
    if not q or not d:
        return False
    if q in d or q in department:
        return True
    if len(q) < 2 or q[0] != d[0]:
        return False
    it = iter(d)
    return all(ch in it for ch in q)


def list_tasks(z, **filters) -> list[dict[str, Any]]:
    """Tasks matching every filter given, in document and table order (see :func:`iter_tasks`)."""
    return list(iter_tasks(z, **filters))


def iter_tasks(z, *, statuses: list[str] | None = None, incomplete: bool = False,
               department: str | None = None, leader: str | None = None, grep: str | None = None,
               period: str | None = None, document: str | None = None,
               seq: str | None = None, region: str | None = None) -> Iterator[dict[str, Any]]:
    """Tasks matching every filter given, in document and table order, read as they are wanted.

    ``incomplete``: status is not ``done``; ``statuses``: any of these;
    ``department``: a responsible unit it names (a part of the name or its short form:
    发改委 finds 市发展和改革委员会); ``leader``/``grep``: a substring of the leader / any
    text cell; ``period``: a label ``periods.parse_period`` reads (``2023Q2``, ``2023``,
    ``2023年第二季度``), matching tasks whose quarter lies inside it; ``document``: a file
    name, or its start; ``seq``: the row's 序号, or ``2.3`` (row 3 of the second category
    when numbering restarts per category); ``region``: 淄博 = 淄博市.
    """
    where: list[str] = []
    params: list[Any] = []
    if region:
        from .selection import region_filter

        sql, p = region_filter(z, region, "t.region")
        where.append(sql)
        params.extend(p)
    statuses = parse_statuses(statuses)
    if statuses:
        where.append(f"t.status IN ({', '.join('?' for _ in statuses)})")
        params.extend(statuses)
    if incomplete:
        where.append("t.status <> ?")
        params.append(DONE)
    wanted_unit = _clean(department) if department else None
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
        from . import document_filter

        sql, args = document_filter(document)
        where.append(sql)
        params.extend(args)
    if seq is not None:
        key = _seq_key(seq)
        m = re.fullmatch(r"(\d{1,2}|[一二三四五六七八九十]{1,3})[.．、](\d{1,4})", key)
        if m:  # 2.3 or 二.3: row 3 of category 二 (or a row numbered 2.3), a group's sub-item
            cn = m[1] if not m[1].isdigit() else \
                "一二三四五六七八九十"[int(m[1]) - 1] if 1 <= int(m[1]) <= 10 else m[1]
            where.append("(t.seq = ? OR (t.seq = ? AND (t.category LIKE ? OR t.category LIKE ?)))")
            params.extend([key, m[2], f"{cn}%", f"{m[1]}%"])
        else:
            where.append("t.seq = ?")
            params.append(key)
    sql = (f"SELECT {_COLUMNS} FROM tasks t JOIN documents d INDEXED BY idx_documents_id_document ON d.id = t.doc_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY t.year, t.end_month, d.document, t.row_index")
    rows = _with_departments(z.iter_rows(sql, tuple(params)))
    from .selection import sole_region

    sole = sole_region(z)
    if sole:  # a task of no known region, in a database of one region's reports, is that region's
        rows = _with_region(rows, sole)
    if wanted_unit:  # (a document in traditional characters names its units as written: 縣教育局)
        from ..normalize import to_simplified

        wanted_unit = to_simplified(wanted_unit)[0]
        rows = (r for r in rows if any(department_matches(wanted_unit, to_simplified(d)[0]) for d in r["departments"])
                or (r["departments_raw"] and wanted_unit in to_simplified(r["departments_raw"])[0]))
    return rows


def _with_region(rows: Iterator[dict[str, Any]], sole: str) -> Iterator[dict[str, Any]]:
    for r in rows:
        r["region"] = r["region"] or sole
        yield r


def _seq_key(seq: str) -> str:
    """A 序号 as stored: ``41``, not ``41.`` or ``(41)``."""
    s = _clean(str(seq)).strip("（()）.、． ")
    return s


def get_tasks(z, seq: str, document: str | None = None) -> list[dict[str, Any]]:
    """Every task with this 序号 (one per document that has it), optionally in one document."""
    return list_tasks(z, seq=seq, document=document)


SUMMARY_COLUMNS = ["document", "period", "region", "tasks", "done", "partial", "not_done", "unknown", "stated",
                   "agrees"]


def summary(z, **filters) -> list[dict[str, Any]]:
    """Per document: how many tasks zibo read in each status, what the report itself says it
    counted (its status counts), whether the two agree, and the counts per department.

    ``agrees`` is None when the report states no counts; False when a stated count differs
    from the rows read (reports' own counts are sometimes inconsistent: shown, not fixed).
    """
    from ..models import STATUSES

    rows = list_tasks(z, **filters)
    docs: dict[str, dict[str, Any]] = {}
    for r in rows:
        d = docs.get(r["document"])
        if d is None:
            d = docs[r["document"]] = {"document": r["document"], "period": r["period"], "region": r["region"],
                                       "tasks": 0, **{s: 0 for s in STATUSES}, "stated": None,
                                       "stated_counts": [], "agrees": None, "departments": {}}
        d["tasks"] += 1
        d[r["status"]] += 1
        for unit in r["departments"][:1] or ["—"]:  # the lead unit answers for the task
            dep = d["departments"].setdefault(unit, {"department": unit, "tasks": 0, **{s: 0 for s in STATUSES}})
            dep["tasks"] += 1
            dep[r["status"]] += 1
    if docs:
        names = json.dumps(sorted(docs), ensure_ascii=False)
        for document, status, label, count, total in z.conn.execute(
                "SELECT d.document, c.status, c.label, c.count, c.total FROM status_counts c "
                "JOIN documents d ON d.id = c.doc_id WHERE d.document IN (SELECT value FROM json_each(?)) "
                "ORDER BY d.document, c.char_offset", (names,)):
            docs[document]["stated_counts"].append({"status": status, "label": label, "count": count,
                                                    "total": total})
    out = []
    for d in docs.values():
        stated = d["stated_counts"]
        if stated:
            by_status: dict[str, int] = {}
            for c in stated:
                by_status[c["status"]] = by_status.get(c["status"], 0) + c["count"]
            total = next((c["total"] for c in stated if c["total"]), None)
            d["stated"] = "，".join(f"{c['label']}{c['count']}" for c in stated) + (f"（共{total}）" if total else "")
            d["agrees"] = all(d[s] == n for s, n in by_status.items()) and (total is None or total == d["tasks"])
        d["departments"] = sorted(d["departments"].values(), key=lambda x: (-x["tasks"], x["department"]))
        out.append(d)
    return out
