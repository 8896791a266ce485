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

__all__ = ["search", "search_counted", "fts_phrase", "SEARCH_COLUMNS"]

SEARCH_COLUMNS = ["document", "title", "period", "line", "position", "snippet"]
_ORDER = "ORDER BY d.year, d.end_month, d.document, d.id"


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


def search(conn: sqlite3.Connection, query: str, limit: int | None = 20, context: int = 30,
           document: str | None = None, period: str | None = None) -> list[dict[str, Any]]:
    """Every place the (normalised) query occurs, documents in period order, hits in text order.

    Several words (separated by spaces, where the normalised words are Chinese on both sides of
    the space) find the documents that hold every one of them, with the hits of each. ``limit``
    caps the number of hits (None or 0: all); ``document`` keeps one document (a name or the
    start of one), ``period`` the documents of one period (``2024H1``; a bare year: any of that
    year). Raises ``UsageError`` for an empty query.
    """
    return search_counted(conn, query, limit, context, document, period, count=False)[0]


def search_counted(conn: sqlite3.Connection, query: str, limit: int | None = 20, context: int = 30,
                   document: str | None = None, period: str | None = None,
                   count: bool = True) -> tuple[list[dict[str, Any]], int | None]:
    """The first ``limit`` hits of :func:`search` (None or 0: all) and, with ``count``, how many
    there are in all. Only the documents that hold the hits returned are read into Python and
    snipped. The rest are counted without building hits: one word without upper or lower
    case over every matching text read as bytes (UTF-8: a word's bytes occur where its
    characters do), several words or a word in Latin letters by their pattern."""
    words, pattern, source, params, countable = _plan(conn, query, document, period)
    hits: list[dict[str, Any]] = []
    total = 0
    rows = conn.execute(f"SELECT d.id, d.document, d.title, d.period, d.year, d.start_month, d.end_month "
                        f"{source} {_ORDER}", params)
    for doc_id, doc, title, per, year, start_month, end_month in rows:
        if limit and len(hits) >= limit:
            if not count or countable:
                break
            total += _count(conn, doc_id, pattern)
            continue
        text = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0] or ""
        for m in pattern.finditer(text):
            total += 1
            if limit and len(hits) >= limit:
                if not count or countable:
                    break
                continue
            snippet, at = _snippet(text, m.start(), m.end(), context)
            hits.append({
                "document": doc, "title": title, "period": per, "year": year,
                "start_month": start_month, "end_month": end_month,
                "position": m.start(), "line": text.count("\n", 0, m.start()) + 1,
                "match": m[0], "snippet": snippet, "match_start": at,
            })
    rows.close()
    if count and countable and limit and len(hits) >= limit:
        word = words[0].encode("utf-8")
        total = sum(t.count(word) for (t,) in conn.execute(f"SELECT CAST(d.text AS BLOB) {source}", params) if t)
    return hits, (total if count else None)


def _count(conn: sqlite3.Connection, doc_id: int, pattern: re.Pattern) -> int:
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0] or ""
    return sum(1 for _ in pattern.finditer(text))


def _caseless(word: str) -> bool:
    """Whether no letter of ``word`` has another case (Chinese, digits, marks): then SQLite's
    instr finds what a case-blind regular expression finds, and so does counting its bytes."""
    return all(c.lower() == c == c.upper() and c.casefold() == c for c in word)


def _plan(conn: sqlite3.Connection, query: str, document: str | None, period: str | None):
    """The words searched for, their pattern, the SQL that finds the matching documents (from
    FROM on, without an order) and its parameters, and whether the query is one word without
    case (counted by its bytes)."""
    from ..errors import UsageError
    from ..normalize import normalize_text

    words = [w for w in (normalize_text(part).strip() for part in query.split()) if w]
    whole = normalize_text(query).strip()
    if not whole:
        raise UsageError("nothing to search for: give some text, e.g. zibo search 地区生产总值")
    if len(words) <= 1 or not all(_CJK.search(w) for w in words):
        words = [whole]  # one phrase (增长 5.1% is the text's 增长5.1%)
    countable = len(words) == 1 and _caseless(words[0])
    params: list[Any] = []
    where = []
    first = max(words, key=len)
    from ..store import fulltext_pending

    def contains(w: str) -> str:
        # lower() copies every text: needed only where a letter has a case
        return "instr(d.text, ?) > 0" if _caseless(w) else "instr(lower(d.text), lower(?)) > 0"

    # documents an interrupted ingest stored but did not index yet (migration 10): read the text
    if len(first) >= 3 and _has_fts(conn) and not fulltext_pending(conn):
        base = "FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ?"
        params.append(fts_phrase(first))
    else:
        base = f"FROM documents d WHERE {contains(first)}"
        params.append(first)
    for w in words:
        if w is not first:
            where.append(contains(w))
            params.append(w)
    if document:
        from . import document_filter

        sql, args = document_filter(document)
        where.append(sql)
        params.extend(args)
    if period:
        from ..periods import PeriodError, parse_period

        try:
            p = parse_period(period)
        except PeriodError as e:
            raise UsageError(str(e)) from None
        if re.fullmatch(r"\d{4}\s*(?:年度?)?", period.strip()):
            where.append("d.year = ?")
            params.append(p.year)
        else:
            where.append("d.year = ? AND d.start_month = ? AND d.end_month = ?")
            params.extend([p.year, p.start_month, p.end_month])
    sql = base + "".join(f" AND {w}" for w in where)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    return words, pattern, sql, params, countable


_CJK = re.compile(r"[\u4e00-\u9fff]")
