"""`zibo tasks` (the rows of task tables, filtered) and `zibo task SEQ` (one row in full)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import complete
from .application import CsvOpt, FieldsOpt, JsonOpt, LimitOpt, NlOpt, SortOpt, TsvOpt, app, db_path

DocOpt = Annotated[str | None, typer.Option("--doc", metavar="NAME", help="Only this document (its name, a path, "
                                            "or the start of one).", show_default=False,
                                            autocompletion=complete.documents)]


@app.command("tasks")
def tasks(
    ctx: typer.Context,
    incomplete: Annotated[bool, typer.Option("--incomplete", "-i",
                                             help="Only tasks not done (partial, not_done, unknown).")] = False,
    status: Annotated[list[str] | None, typer.Option(
        "--status", "-s", metavar="STATUS", help="Only these statuses: done, partial, not_done, unknown (repeat or comma-separate).",
        show_default=False, autocompletion=complete.statuses)] = None,
    department: Annotated[str | None, typer.Option("--department", "-d", metavar="TEXT", help="Responsible unit contains TEXT.",
                                                   show_default=False, autocompletion=complete.departments)] = None,
    leader: Annotated[str | None, typer.Option("--leader", "-l", metavar="NAME", help="Leader's name contains NAME.",
                                               show_default=False)] = None,
    grep: Annotated[str | None, typer.Option("--grep", "-g", metavar="TEXT", help="Any text cell contains TEXT.",
                                             show_default=False)] = None,
    period: Annotated[str | None, typer.Option(
        "--period", "-p", metavar="PERIOD", help="Tasks of this period or within it: 2023Q2, 2023H1, 2023, 2023年第二季度.",
        show_default=False, autocompletion=complete.periods)] = None,
    doc: DocOpt = None,
    region: Annotated[str | None, typer.Option("--region", "-r", metavar="PLACE",
                                               help="Only tasks of this region (淄博 = 淄博市, 张店 = 张店区).",
                                               show_default=False, autocompletion=complete.regions)] = None,
    show: Annotated[str | None, typer.Option("--show", metavar="SEQ", help="Print task SEQ in full (as `zibo task SEQ`).",
                                             show_default=False)] = None,
    summary: Annotated[bool, typer.Option("--summary", help="Counts per document: by status (beside the counts the "
                                          "report states itself) and by lead unit.")] = False,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    tsv_: TsvOpt = False,
    nl_: NlOpt = False,
    fields: FieldsOpt = None,
    limit: LimitOpt = None,
    sort: SortOpt = None,
) -> None:
    """List the tasks of task tables and bulletins: status, unfinished reason, leader, units.

    Filters combine (all must match). --department matches a part of a unit's name or its
    short form (发改委 finds 市发展和改革委员会). An empty result says so on stderr (and
    prints [] with --json) and exits 0.
    """
    from ..commands import tasks as run
    from ..render import output_format

    run.tasks(db_path(ctx), output_format(json_, csv_, tsv_, nl_), status=status, incomplete=incomplete,
              department=department, leader=leader, grep=grep, period=period, doc=doc, region=region, show=show,
              summary=summary, fields=fields, limit=limit, sort=sort)


@app.command("task")
def task(
    ctx: typer.Context,
    seq: Annotated[str, typer.Argument(metavar="SEQ", help="The task's 序号 (row number in its table).", show_default=False)],
    doc: DocOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    tsv_: TsvOpt = False,
    nl_: NlOpt = False,
) -> None:
    """Print one task in full: targets, progress, reason, next steps, leader, units.

    When several documents have a row with this number, each is shown (narrow with --doc).
    """
    from ..commands import tasks as run
    from ..render import output_format

    run.task(db_path(ctx), output_format(json_, csv_, tsv_, nl_), seq=seq, doc=doc)
