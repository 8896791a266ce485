"""`zibo docs`: the ingested documents; `zibo docs set DOC`: state what a document is about
(zibo_cli/commands/docs.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command

command("docs", """List the ingested documents: type, region, period, target year, publisher and what each gave.

`zibo docs set DOC --region 淄博市 --year 2024` states what the text leaves out (with `set`,
--region is the region DOC is about; kept as the user's word, evidence `user`, over what is
read; a re-ingest keeps it).""", {
    "action": Annotated[str | None, typer.Argument(metavar="[set DOC]", show_default=False,
                                                   help="`set DOC`: state the region, year or type of document DOC "
                                                        "(with --region, --year, --type) and read it again with "
                                                        "them.")],
    "document": Annotated[str | None, typer.Argument(metavar="", show_default=False, hidden=True)],
})
