"""`zibo docs` as a plain function (see zibo_cli/commands/__init__.py)."""

from __future__ import annotations

from pathlib import Path

COLUMNS = ["document", "title", "year", "period", "type", "region", "region_level", "data_year", "target_year",
           "published", "publisher", "doc_type", "observations", "tasks", "unreadable"]


def docs(db: Path, fmt: str = "table", *, region: str | None = None, action: str | None = None,
         document: str | None = None, year: int | None = None, doc_type: str | None = None,
         clear: bool = False, fields: str | None = None, limit: int | None = None, sort: str | None = None) -> None:
    if action is not None:
        from ..errors import UsageError
        from ..ingest import user_frame

        if action != "set" or not document:
            raise UsageError("zibo docs takes no argument but `set DOC` (zibo docs set DOC --region 淄博市)")
        user = user_frame(region, year, doc_type)
        if not user and not clear:
            raise UsageError("zibo docs set DOC needs --region, --year, --type or --clear")
        set_frame(db, document, user, clear, fmt)
        return
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
         headers={"observations": "figures", "unreadable": "lost chars", "region_level": "level",
                  "data_year": "data year", "target_year": "target year"},
         max_widths={"title": 60, "publisher": 20, "source": 40})


def set_frame(db: Path, document: str, user: dict[str, str], clear: bool, fmt: str = "table") -> None:
    """`zibo docs set DOC`: store what the user states and show the document's frame after."""
    from ..ingest import set_frame as store_frame
    from ..query import Zibo
    from ..render import emit

    result = store_frame(db, document, user, clear)
    if result.status == "failed":
        from ..errors import ZiboError

        raise ZiboError(f"{document}: {result.error}")
    with Zibo(db) as z:
        rows = [r for r in z.documents() if r["document"] == result.document]
    emit(rows, ["document", "type", "region", "region_level", "data_year", "period", "target_year",
                "observations", "evidence"], fmt, title="document frame",
         headers={"observations": "figures", "region_level": "level", "data_year": "data year",
                  "target_year": "target year"})
