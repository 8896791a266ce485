"""`zibo tasks` (the rows of task tables, filtered) and `zibo task SEQ` (one row in full)
(zibo_cli/commands/tasks.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command

command("tasks", """List the tasks of task tables and bulletins: status, unfinished reason, leader, units.

Filters combine (all must match). --department matches a part of a unit's name or its
short form (发改委 finds 市发展和改革委员会). An empty result says so on stderr (and
prints [] with --json) and exits 0.""")

command("task", """Print one task in full: targets, progress, reason, next steps, leader, units.

When several documents have a row with this number, each is shown (narrow with --doc).""", {
    "seq": Annotated[str, typer.Argument(metavar="SEQ", help="The task's 序号 (row number in its table).",
                                         show_default=False)],
})
