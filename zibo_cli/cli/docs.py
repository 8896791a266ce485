"""`zibo docs`: the ingested documents."""

from __future__ import annotations

from typing import Annotated

import typer

from . import complete
from .app import CsvOpt, JsonOpt, NlOpt, TsvOpt, app, db_path

COLUMNS = ["document", "title", "year", "period", "region", "published", "publisher", "doc_type",
           "observations", "tasks", "unreadable"]


@app.command("docs")
def docs(ctx: typer.Context,
         region: Annotated[str | None, typer.Option("--region", "-r", metavar="PLACE", autocompletion=complete.regions, show_default=False,
                                                    help="Only documents about this region (淄博 = 淄博市).")] = None,
         json_: JsonOpt = False, csv_: CsvOpt = False, tsv_: TsvOpt = False, nl_: NlOpt = False) -> None:
    """List the ingested documents with their period, publisher and what each gave."""
    from ..query import Zibo
    from ..render import emit, output_format

    fmt = output_format(json_, csv_, tsv_, nl_)
    with Zibo(db_path(ctx)) as z:
        rows = z.documents()
    if region:
        from ..normalize import normalize_text
        from ..places import region_matches

        place = normalize_text(region) or region
        rows = [r for r in rows if region_matches(place, r["region"])]
    columns = COLUMNS + (["source"] if any(r.get("source") for r in rows) else [])  # fetched: the address
    emit(rows, columns, fmt, title="documents",
         headers={"observations": "figures", "unreadable": "lost chars"},
         max_widths={"title": 60, "publisher": 20, "source": 40})
