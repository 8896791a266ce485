"""The library API that the CLI and scripts share: plain dicts out, no printing.

    from zibo_cli.query import Zibo
    z = Zibo("zibo.db")          # or Zibo() for $ZIBO_DB / the default path
    z.documents()

Reads use the standard ``sqlite3`` module on a read-only connection, so a query
imports nothing heavy and never creates a database file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store import open_readonly, resolve_db_path

__all__ = ["Zibo", "DOCUMENT_COLUMNS", "document_filter"]

DOCUMENT_COLUMNS = ["document", "title", "year", "start_month", "end_month", "period", "published",
                    "publisher", "region", "region_level", "type", "data_year", "target_year", "doc_type", "report_kind", "format", "encoding", "observations", "tasks",
                    "unreadable", "index_no", "path", "relpath", "source", "linked_from", "id", "sha256",
                    "ingested_at"]


def _like_start(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def document_filter(name: str, alias: str = "d") -> tuple[str, list[Any]]:
    """SQL (on documents as ``alias``) and parameters for ``--doc NAME``: the document's name, base
    name, relpath (``reports/2024/a.txt``), path or id, or the start of its name, of its relpath or
    of a part of its path (``2024/a`` finds ``…/reports/2024/a.txt``)."""
    import os

    resolved = os.path.abspath(os.path.expanduser(name)) if name else ""
    d = alias
    sql = (f"({d}.document = ? OR {d}.relpath = ? OR {d}.path = ? OR {d}.path = ? OR {d}.sha256 = ? "
           f"OR {d}.path LIKE ? ESCAPE '\\' OR {d}.document LIKE ? ESCAPE '\\' OR {d}.relpath LIKE ? ESCAPE '\\')")
    tail = "%/" + _like_start(name)
    return sql, [name, name, name, resolved, name, tail, _like_start(name), _like_start(name)]


class Zibo:
    """Read access to a zibo database."""

    def __init__(self, db: str | os.PathLike[str] | None = None):
        self.path = resolve_db_path(db)
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def on(cls, conn: sqlite3.Connection) -> Zibo:
        """Queries over a connection opened elsewhere (``zibo doctor``'s read-only one)."""
        z = cls.__new__(cls)
        z.path, z._conn = None, conn
        return z

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = open_readonly(self.path)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Zibo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, sql: str, params: tuple | dict = ()) -> list[dict[str, Any]]:
        return list(self.iter_rows(sql, params))

    def iter_rows(self, sql: str, params: tuple | dict = ()) -> Iterator[dict[str, Any]]:
        """The rows of ``sql`` as dicts, read from the cursor as they are wanted."""
        cur = self.conn.cursor()
        cur.row_factory = None  # plain tuples zipped with the names: faster than dict(sqlite3.Row)
        cur.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        return (dict(zip(names, r, strict=True)) for r in cur)

    # -- documents ----------------------------------------------------------
    def documents(self, doc_type: str | None = None) -> list[dict[str, Any]]:
        """Every ingested document, oldest period first."""
        return list(self.iter_documents(doc_type))

    def iter_documents(self, doc_type: str | None = None) -> Iterator[dict[str, Any]]:
        """:meth:`documents`, read as they are wanted."""
        where, params = "", ()
        if doc_type:
            where, params = "WHERE doc_type = ?", (doc_type,)
        cols = ", ".join(DOCUMENT_COLUMNS + ["warnings", "frame", "frame_why"])
        rows = self.iter_rows(f"SELECT {cols} FROM documents {where} ORDER BY year, end_month, document", params)

        def parsed():
            for r in rows:
                r["warnings"] = json.loads(r["warnings"] or "[]")
                r["frame"] = json.loads(r["frame"] or "[]")
                r["evidence"] = json.loads(r.pop("frame_why") or "{}")
                yield r

        return parsed()

    def find_document(self, name: str) -> dict[str, Any]:
        """The one document ``name`` names: its file name, its path (as given or resolved), its
        SHA-256, or a unique start of one of them. ZiboError when none or several match."""
        from ..errors import UsageError, ZiboError

        if not name.strip():  # every name starts with "": never "all of them"
            raise UsageError("an empty document name (an unset variable in a script?); give a file name, "
                             "path or hash (`zibo docs` lists them)")
        rows = self.rows("SELECT id, sha256, document, relpath, path, title, unreadable FROM documents")
        resolved = str(Path(name).expanduser().resolve()) if name else ""
        exact = [r for r in rows if name in (r["relpath"], r["path"], r["sha256"]) or r["path"] == resolved]
        exact = exact or [r for r in rows if r["document"] == name]
        if len(exact) == 1:
            return exact[0]
        found = exact or [r for r in rows if r["document"].startswith(name) or r["sha256"].startswith(name)
                          or (r["relpath"] or "").startswith(name) or ("/" + name) in r["path"]]
        if len(found) == 1:
            return found[0]
        if not found:
            raise ZiboError(f"no document {name!r}; `zibo docs` lists them")
        shown = ", ".join(r["relpath"] or r["path"] for r in found[:4]) + (" …" if len(found) > 4 else "")
        raise ZiboError(f"{name!r} names {len(found)} documents ({shown}); give more of the path")

    def document_text(self, document: str) -> str | None:
        row = self.conn.execute(
            "SELECT text FROM documents WHERE document = ? OR sha256 = ? OR path = ? LIMIT 1",
            (document, document, str(Path(document).resolve()))).fetchone()
        return row[0] if row else None
