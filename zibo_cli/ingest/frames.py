"""What a user states about documents' frames: checked (``user_frame``), and stated afterwards of one
stored document, which is read again with it (``set_frame``, ``zibo docs set``)."""

from __future__ import annotations

from pathlib import Path

from .check import check_file
from .commits import _store_prepared
from .parse import parse_read_file
from .results import IngestResult, Prepared, ToParse


def user_frame(region: str | None, year: int | None, doc_type: str | None) -> dict[str, str]:
    """What the user states about documents' frames (ingest, docs set), checked: a known type, a
    region by its full name (淄博 → 淄博市; a name zibo does not know is kept as written)."""
    from ..errors import UsageError
    from ..extract.doctype import TYPES

    user: dict[str, str] = {}
    if doc_type is not None:
        if doc_type not in TYPES:
            raise UsageError(f"--type {doc_type!r} is not a document type; one of: {', '.join(TYPES)}")
        user["type"] = doc_type
    if region is not None:
        from ..normalize import normalize_text
        from ..places import place_named

        place = (normalize_text(region) or region).strip()
        if not place:
            raise UsageError("--region needs a place name (淄博市, 临淄区, 全国)")
        user["region"] = place_named(place) or place
    if year is not None:
        if not 1900 <= year <= 2100:
            raise UsageError(f"--year {year} is not a year of reports (1900–2100)")
        user["year"] = str(year)
    return user


def set_frame(db_path: Path, name: str, user: dict[str, str], clear: bool = False) -> IngestResult:
    """State what document ``name`` is about (``zibo docs set``): ``user`` (region, year, type)
    over what was stated before (``clear``: instead of it), kept on the document row, and the
    document read again with it, from its file when the file still holds the same bytes, else
    from the text stored. Raises ZiboError when ``name`` names no document or several."""
    import json

    from ..models import SourceText
    from ..pipeline import parse_source
    from ..query import Zibo
    from ..store import connect, transaction

    with Zibo(db_path) as z:
        found = z.find_document(name)
    conn = connect(db_path)
    try:
        row = conn.execute("SELECT sha256, document, path, relpath, source, linked_from, frame_user, text, format, "
                           "encoding, size FROM documents WHERE id = ?", (found["id"],)).fetchone()
        sha, document, path, relpath, source, linked_from, stated, text, fmt, encoding, size = row
        wanted = ({} if clear else json.loads(stated or "{}")) | {k: str(v) for k, v in user.items() if v}
        result = IngestResult(path=source or path, document=document, status="failed", relpath=relpath)
        todo = None
        if not source and Path(path).is_file():
            todo = check_file(conn, Path(path), force=True, relpath=relpath, real=path)
        if isinstance(todo, ToParse) and todo.sha == sha:
            todo.user = wanted or None
            prep = parse_read_file(todo)
        else:  # the file is gone or changed (or was fetched): read the text stored
            doc = parse_source(SourceText(text=text, encoding=encoding or "utf-8", format=fmt or "text"), path,
                               document, sha, size or 0, relpath=relpath, user=wanted or None)
            doc.source_url, doc.linked_from = source, linked_from
            prep = Prepared(result, doc)
        with transaction(conn):
            out = _store_prepared(conn, prep, force=True)
        from ..store import flush_fulltext

        flush_fulltext(conn)
        return out
    finally:
        conn.close()
