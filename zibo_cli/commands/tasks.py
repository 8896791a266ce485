"""`zibo tasks` and `zibo task SEQ` as plain functions: what they print, for any output format.

The typer command (``zibo_cli/cli/tasks.py``) and the fast path for scripts (``zibo_cli/cli/fast.py``)
both call these, so ``--json`` output is the same whichever parsed the command line.
"""

from __future__ import annotations

from pathlib import Path

from .messages import warn

LIST_COLUMNS = ["seq", "status", "annual_target", "leader", "departments", "reason"]
HEADERS = {"annual_target": "target (年度目标)", "reason": "unfinished reason", "seq": "#"}
# display widths: on a terminal long cells wrap within these (after SHORTEN cuts them);
# in a pipe only the target is cut, so units and the reason stay whole for grep
MAX_WIDTHS = {"annual_target": 44, "reason": 36, "departments": 28, "document": 26, "leader": 10}
PIPE_WIDTHS = {"annual_target": 44, "document": 26}
SHORTEN = {"annual_target": 88, "reason": 144, "departments": 84}

# One task in full: (field, label) in reading order.
DETAIL_FIELDS = [
    ("status", "status"),
    ("annual_target", "年度目标"),
    ("period_target", "阶段目标"),
    ("progress", "工作进展"),
    ("reason", "未完成原因"),
    ("next_steps", "下步打算"),
    ("leader", "分管领导"),
    ("departments", "责任单位"),
]
# shown only when the row has them
EXTRA_FIELDS = [
    ("target_amount", "目标"),
    ("actual", "完成"),
    ("completion_rate", "完成率"),
    ("on_schedule", "是否达序"),
    ("deadline", "完成时限"),
    ("notes", "备注"),
    ("alignment", "对齐"),
]



def tasks(db: Path, fmt: str = "table", *, status: list[str] | None = None, incomplete: bool = False,
          department: str | None = None, leader: str | None = None, grep: str | None = None,
          period: str | None = None, doc: str | None = None, region: str | None = None, show: str | None = None,
          summary: bool = False, fields: str | None = None, limit: int | None = None,
          sort: str | None = None) -> None:
    from ..query import Zibo
    from ..render import listing

    listing(fields, limit, sort)
    from ..query.tasks import iter_tasks, list_tasks
    from ..query.tasks import summary as task_summary

    filters = dict(statuses=status, incomplete=incomplete, department=department, leader=leader,
                   grep=grep, period=period, document=doc, region=region)
    with Zibo(db) as z:
        if region:  # an unknown region is an error before any word; an assumed one is said
            from ..query.indicators import region_filter
            from .messages import say_assumed_region

            region_filter(z, region, "t.region")
            say_assumed_region(z, None)
        if summary:
            _summary(task_summary(z, **filters), fmt)
            return
        if fmt != "table" and show is None:  # for scripts: written as they are read
            from ..query.tasks import TASK_FIELDS
            from ..render import emit

            emit(iter_tasks(z, **filters), TASK_FIELDS, fmt)
            return
        rows = list_tasks(z, **filters, seq=show)
    if show is not None:
        _show(rows, show, fmt)
        return
    _list(rows, fmt)


def task(db: Path, fmt: str = "table", *, seq: str, doc: str | None = None) -> None:
    from ..query import Zibo
    from ..query.tasks import get_tasks

    with Zibo(db) as z:
        rows = get_tasks(z, seq, doc)
    _show(rows, seq, fmt)


def _summary(docs: list[dict], fmt: str) -> None:
    from ..query.tasks import SUMMARY_COLUMNS
    from ..render import emit

    if fmt == "json":
        emit(docs, SUMMARY_COLUMNS + ["stated_counts", "departments"], fmt)
        return
    if not docs:
        warn("no task matches")
        return
    shown = [{**d, "agrees": {True: "yes", False: "NO", None: ""}[d["agrees"]]} for d in docs]
    emit(shown, SUMMARY_COLUMNS, fmt, title="tasks by status",
         headers={"not_done": "not done", "agrees": "report agrees?"})
    units = [{"document": d["document"], **u} for d in docs for u in d["departments"]]
    if fmt == "table":
        print()
    emit(units, ["document", "department", "tasks", "done", "partial", "not_done", "unknown"], fmt,
         title="tasks by lead unit", headers={"not_done": "not done", "department": "lead unit"})


def _list(rows: list[dict], fmt: str) -> None:
    from .. import render
    from ..query.tasks import TASK_FIELDS
    from ..render import emit, is_terminal, shorten

    if fmt != "table":
        emit(rows, TASK_FIELDS, fmt)
        return
    if not rows:
        warn("no task matches")
        return
    columns = list(LIST_COLUMNS)
    columns.insert(1, "region")
    if len({r["period"] for r in rows}) > 1:
        columns.insert(0, "period")
    if len({r["document"] for r in rows}) > 1:
        columns.insert(0, "document")
    shown = []
    for r in rows:
        r = dict(r)
        r["departments"] = "、".join(r["departments"])
        if r["status"] != "done" and r["status_raw"] and r["status_raw"] not in ("完成", "未完成"):
            raw = r["status_raw"] if render.WIDE else shorten(r["status_raw"], 12)
            r["status"] = f"{r['status']} ({raw})"
        for key, width in SHORTEN.items():
            if r.get(key) and is_terminal() and not render.WIDE:
                r[key] = shorten(r[key].replace("\n", " "), width)
        shown.append(r)
    emit(shown, columns, "table", title="tasks", headers=HEADERS,
         max_widths=MAX_WIDTHS if is_terminal() else PIPE_WIDTHS)


def _show(rows: list[dict], seq: str, fmt: str) -> None:
    from ..errors import ZiboError
    from ..query.tasks import TASK_FIELDS
    from ..render import emit

    if fmt != "table":
        emit(rows, TASK_FIELDS, fmt)
        return
    if not rows:
        raise ZiboError(f"no task {seq}; `zibo tasks` lists them (narrow with --doc)")
    from ..render import console, is_terminal, visible

    if is_terminal():
        from rich.table import Table
        from rich.text import Text

        con = console()
        for r in rows:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", no_wrap=True)
            grid.add_column(overflow="fold")
            for field, label in _detail(r):
                grid.add_row(label, Text(visible(field)))
            con.print(Text(visible(_heading(r)), style="bold"))
            con.print(grid)
            con.print()
        return
    import sys

    out = sys.stdout
    for i, r in enumerate(rows):
        if i:
            out.write("\n")
        out.write(visible(_heading(r)) + "\n")
        for value, label in _detail(r):
            lines = visible(value).split("\n")
            out.write(f"{label}：{lines[0]}\n")
            for line in lines[1:]:
                out.write(f"    {line}\n")


def _heading(r: dict) -> str:
    period = r.get("period") or ""
    category = f" · {r['category']}" if r.get("category") else ""
    return f"{r['document']}{category} · 序号 {r['seq']}" + (f" · {period}" if period else "")


def _detail(r: dict) -> list[tuple[str, str]]:
    out = []
    for field, label in DETAIL_FIELDS:
        value = r.get(field)
        if field == "status":
            value = r["status"] + (f"（{r['status_raw']}）" if r.get("status_raw") else "")
        elif field == "departments":
            value = "、".join(value or [])
        out.append((value or "—", label))
    for field, label in EXTRA_FIELDS:
        value = r.get(field)
        if value is None or value == "":
            continue
        if field == "completion_rate":
            value = f"{value:g}%"
        elif field == "target_amount" and r.get("measure_unit"):
            value = f"{value}（{r['measure_unit']}）"
        elif field == "alignment":
            value = "按内容推断（行的单元格数与表头不同）"
        out.append((str(value), label))
    return out
