"""`zibo tasks` (the rows of task tables, filtered) and `zibo task SEQ` (one row in full)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import CsvOpt, FieldsOpt, JsonOpt, LimitOpt, NlOpt, Opt, SortOpt, TsvOpt, app, db_path


@app.command("tasks")
def tasks(
    ctx: typer.Context,
    incomplete: Opt.incomplete = False,
    status: Opt.status = None,
    department: Opt.department = None,
    leader: Opt.leader = None,
    grep: Opt.grep = None,
    period: Opt.task_period = None,
    doc: Opt.doc = None,
    region: Opt.region = None,
    show: Opt.show = None,
    summary: Opt.summary = False,
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
    doc: Opt.doc = None,
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
