"""`zibo docs`: the ingested documents."""

from __future__ import annotations

from typing import Annotated

import typer

from . import complete
from .application import CsvOpt, FieldsOpt, JsonOpt, LimitOpt, NlOpt, SortOpt, TsvOpt, app, db_path


@app.command("docs")
def docs(ctx: typer.Context,
         region: Annotated[str | None, typer.Option("--region", "-r", metavar="PLACE", autocompletion=complete.regions, show_default=False,
                                                    help="Only documents about this region (淄博 = 淄博市).")] = None,
         json_: JsonOpt = False, csv_: CsvOpt = False, tsv_: TsvOpt = False, nl_: NlOpt = False,
         fields: FieldsOpt = None, limit: LimitOpt = None, sort: SortOpt = None) -> None:
    """List the ingested documents with their period, publisher and what each gave."""
    from ..commands.docs import docs as run
    from ..render import output_format

    run(db_path(ctx), output_format(json_, csv_, tsv_, nl_), region=region, fields=fields, limit=limit, sort=sort)
