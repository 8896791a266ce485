"""Full-text search over the normalised text of every document.

    from zibo_cli.query import Zibo
    from zibo_cli.query.search import search
    with Zibo("zibo.db") as z:
        for hit in search(z.conn, "淄博烧烤"):
            print(hit["document"], hit["position"], hit["snippet"])

The query is normalised like the documents (traditional → simplified, full-width
digits → half-width, pinyin and stray spaces dropped), so ``燒烤`` finds ``烧烤``.
Queries of three or more characters go through the FTS5 trigram index
(``documents_fts``) as one quoted phrase; shorter ones, which a trigram index
cannot answer, scan ``documents.text`` with ``instr``. Either way the hits are
then located in the text, so every hit has its character offset (``position``)
and line, and a snippet around it.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

__all__ = ["search", "fts_phrase", "SEARCH_COLUMNS"]

SEARCH_COLUMNS = ["document", "title", "period", "line", "position", "snippet"]
_ORDER = "ORDER BY d.year, d.end_month, d.document"
_FIELDS = "d.document, d.title, d.period, d.year, d.start_month, d.end_month, d.text"


def fts_phrase(text: str) -> str:
    """User text as one FTS5 phrase: double quotes doubled, the whole quoted."""
    return '"' + text.replace('"', '""') + '"'


def _has_fts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").fetchone() is not None


def _snippet(text: str, start: int, end: int, context: int) -> tuple[str, int]:
    """A one-line snippet around text[start:end] and where the match starts in it.

    It stays within the hit's paragraph; "…" marks where the paragraph goes on.
    """
    a, b = max(0, start - context), min(len(text), end + context)
    before, after = text[a:start], text[end:b]
    cut_before, cut_after = a > 0, b < len(text)
    if "\n" in before:
        before, cut_before = before[before.rindex("\n") + 1:], False
    if "\n" in after:
        after, cut_after = after[: after.index("\n")], False
    lead = "…" if cut_before else ""
    before = lead + before.replace("\t", " ")
    snippet = before + text[start:end].replace("\t", " ") + after.replace("\t", " ") + ("…" if cut_after else "")
    return snippet, len(before)


def search(conn: sqlite3.Connection, query: str, limit: int | None = 20, context: int = 30) -> list[dict[str, Any]]:
    """Every place the (normalised) query occurs, documents in period order, hits in text order.

    ``limit`` caps the number of hits (None or 0: all). Raises ``UsageError`` for an empty query.
    """
    from ..errors import UsageError
    from ..normalize import normalize_text

    needle = normalize_text(query).strip()
    if not needle:
        raise UsageError("nothing to search for: give some text, e.g. zibo search 地区生产总值")
    if len(needle) >= 3 and _has_fts(conn):
        sql = (f"SELECT {_FIELDS} FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
               f"WHERE documents_fts MATCH ? {_ORDER}")
        params: tuple = (fts_phrase(needle),)
    else:
        sql = f"SELECT {_FIELDS} FROM documents d WHERE instr(lower(d.text), lower(?)) > 0 {_ORDER}"
        params = (needle,)
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    hits: list[dict[str, Any]] = []
    for row in conn.execute(sql, params):
        document, title, period, year, start_month, end_month, text = tuple(row)
        for m in pattern.finditer(text or ""):
            snippet, at = _snippet(text, m.start(), m.end(), context)
            hits.append({
                "document": document, "title": title, "period": period, "year": year,
                "start_month": start_month, "end_month": end_month,
                "position": m.start(), "line": text.count("\n", 0, m.start()) + 1,
                "match": m[0], "snippet": snippet, "match_start": at,
            })
            if limit and len(hits) >= limit:
                return hits
    return hits
