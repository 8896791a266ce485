"""`zibo docs`: the ingested documents; `zibo docs set DOC`: state what a document is about."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import CsvOpt, FieldsOpt, JsonOpt, LimitOpt, NlOpt, Opt, SortOpt, TsvOpt, app, db_path


@app.command("docs")
def docs(ctx: typer.Context,
         action: Annotated[str | None, typer.Argument(metavar="[set DOC]", show_default=False,
                                                      help="`set DOC`: state the region, year or type of "
                                                           "document DOC (with --region, --year, --type) and "
                                                           "read it again with them.")] = None,
         document: Annotated[str | None, typer.Argument(metavar="", show_default=False, hidden=True)] = None,
         region: Opt.region = None,
         year: Opt.set_year = None,
         doc_type: Opt.set_type = None,
         clear: Opt.clear = False,
         json_: JsonOpt = False, csv_: CsvOpt = False, tsv_: TsvOpt = False, nl_: NlOpt = False,
         fields: FieldsOpt = None, limit: LimitOpt = None, sort: SortOpt = None) -> None:
    """List the ingested documents: type, region, period, target year, publisher and what each gave.

    `zibo docs set DOC --region 淄博市 --year 2024` states what the text leaves out (with `set`,
    --region is the region DOC is about; kept as the user's word, evidence `user`, over what is
    read; a re-ingest keeps it).
    """
    from ..commands.docs import docs as run
    from ..render import output_format

    run(db_path(ctx), output_format(json_, csv_, tsv_, nl_), region=region, action=action, document=document,
        year=year, doc_type=doc_type, clear=clear, fields=fields, limit=limit, sort=sort)
