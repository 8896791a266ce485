"""`zibo docs` as a plain function (see zibo_cli/commands/__init__.py)."""

from __future__ import annotations

from pathlib import Path

COLUMNS = ["document", "title", "year", "period", "region", "published", "publisher", "doc_type",
           "observations", "tasks", "unreadable"]


def docs(db: Path, fmt: str = "table", *, region: str | None = None, fields: str | None = None,
         limit: int | None = None, sort: str | None = None) -> None:
    from ..query import Zibo
    from ..render import emit, listing

    listing(fields, limit, sort)

    if fmt != "table" and not region:  # for scripts: written as they are read
        with Zibo(db) as z:
            emit(z.iter_documents(), COLUMNS + ["source"], fmt)
        return
    with Zibo(db) as z:
        rows = z.documents()
    if region:
        from ..normalize import normalize_text
        from ..places import region_matches

        place = normalize_text(region) or region
        rows = [r for r in rows if region_matches(place, r["region"])]
    # the address of fetched reports: always a column for scripts, on a terminal only when there is one
    columns = COLUMNS + (["source"] if fmt != "table" or any(r.get("source") for r in rows) else [])
    emit(rows, columns, fmt, title="documents",
         headers={"observations": "figures", "unreadable": "lost chars"},
         max_widths={"title": 60, "publisher": 20, "source": 40})
