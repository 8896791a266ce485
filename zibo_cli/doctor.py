"""Health check of a zibo database (``zibo doctor``): read-only, changes nothing.

    from zibo_cli.doctor import check_database
    for finding in check_database("zibo.db"):
        print(finding["check"], finding["status"], finding["detail"])

Each finding is a dict with ``check``, ``status`` (``ok``, ``warning`` or
``error``), ``detail`` and ``document`` (null unless it is about one document).
Errors are faults of the database itself (a newer schema, corruption, broken
references, a half-written document); warnings are things to act on that do not
make the database wrong (an older schema the next ingest upgrades, a source file
that changed or went away since it was ingested).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

__all__ = ["check_database", "OK", "WARNING", "ERROR"]

OK, WARNING, ERROR = "ok", "warning", "error"


def _finding(check: str, status: str, detail: str, document: str | None = None) -> dict[str, Any]:
    return {"check": check, "status": status, "detail": detail, "document": document}


def check_database(path: str | os.PathLike[str], check_files: bool = True) -> list[dict[str, Any]]:
    """Every finding about the database at ``path``.

    Raises :class:`DatabaseError` when there is no database there or it is not SQLite.
    """
    from .store import SCHEMA_VERSION, open_existing

    path = Path(path)
    conn, version = open_existing(path)
    try:
        out = [_schema(conn, version, SCHEMA_VERSION)]
        if version > SCHEMA_VERSION or "documents" not in _tables(conn):
            return out  # tables this zibo does not know (or none yet): checking them would mislead
        checks = [_integrity, _foreign_keys, _orphans, _counts, _duplicate_paths, _conflicts, _frames]
        if check_files:
            checks.append(_files)
        for check in checks:
            try:
                out.extend(check(conn))
            except sqlite3.DatabaseError as e:
                name = check.__name__.strip("_").replace("duplicate_paths", "duplicates")
                out.append(_finding(name, ERROR, f"cannot run the check: {e}"))
        return out
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _schema(conn: sqlite3.Connection, version: int, known: int) -> dict[str, Any]:
    if version > known:
        return _finding("schema", ERROR, f"schema version {version} was written by a newer zibo "
                        f"(this one knows {known}); upgrade zibo")
    if version == 0:
        return _finding("schema", WARNING, "no zibo tables yet; `zibo ingest PATH` creates them")
    if version < known:
        return _finding("schema", WARNING, f"schema version {version} of {known}; the next "
                        "`zibo ingest` upgrades it")
    from .store import MIGRATIONS

    applied = set()
    if "_migrations" in _tables(conn):
        applied = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    missing = [name for name, _ in MIGRATIONS if name not in applied]
    if missing:
        return _finding("schema", ERROR, f"schema version {version} but migrations not recorded: "
                        f"{', '.join(missing)}")
    return _finding("schema", OK, f"schema version {version}")


def _integrity(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    if rows == ["ok"]:
        return [_finding("integrity", OK, "SQLite integrity check passed")]
    return [_finding("integrity", ERROR, f"SQLite integrity check: {r}") for r in rows]


def _foreign_keys(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    bad: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        bad[(table, parent)] = bad.get((table, parent), 0) + 1
    if not bad:
        return [_finding("foreign_keys", OK, "every reference points to an existing row")]
    return [_finding("foreign_keys", ERROR, f"{n} row(s) of {table} refer to missing rows of {parent}")
            for (table, parent), n in sorted(bad.items())]


def _doc_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables with a ``doc_id`` column (rows that belong to a document)."""
    out = []
    for t in sorted(_tables(conn)):
        if t.startswith("sqlite_"):
            continue
        cols = {r[1] for r in conn.execute(f"PRAGMA table_info([{t}])")}
        if "doc_id" in cols:
            out.append(t)
    return out


def _orphans(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    out = []
    for t in _doc_tables(conn):
        n = conn.execute(f"SELECT count(*) FROM [{t}] WHERE doc_id NOT IN (SELECT id FROM documents)"
                         ).fetchone()[0]
        if n:
            out.append(_finding("orphans", ERROR, f"{n} row(s) of {t} belong to no document; "
                                "re-ingest the reports into a new database"))
    return out or [_finding("orphans", OK, "every row belongs to a document")]


def _counts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """A document whose rows are fewer or more than it says: half-written."""
    out = []
    tables = _tables(conn)
    for t in ("observations", "tasks"):
        if t not in tables:
            continue
        sql = (f"SELECT d.document, d.{t}, (SELECT count(*) FROM [{t}] x WHERE x.doc_id = d.id) AS n "
               f"FROM documents d WHERE d.{t} IS NOT (SELECT count(*) FROM [{t}] x WHERE x.doc_id = d.id)")
        for document, said, n in conn.execute(sql):
            out.append(_finding("counts", ERROR, f"document says {said} {t} but {n} are stored "
                                "(damaged?); repair with `zibo ingest --force FILE`", document))
    return out or [_finding("counts", OK, "every document has all its rows")]


def _conflicts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Documents that state different values for one figure (a warning: reports disagree,
    the database is not wrong)."""
    if version_of(conn) < 5:
        return []
    from .query import Zibo
    from .query.indicators import conflicts

    out = []
    for c in conflicts(Zibo.on(conn)):
        said = "; ".join(f"{v['value']:g}{c['unit']} in {', '.join(v['documents'])}"
                         + (f" and {v['documents_count'] - len(v['documents'])} more"
                            if v.get("documents_count", 0) > len(v["documents"]) else "")
                         for v in c["values"])
        where = f" ({c['region']})" if c["region"] else ""
        out.append(_finding("conflicts", WARNING, f"{c['name']}{where} {c['period']} {c['kind']}: {said}"))
    return out or [_finding("conflicts", OK, "no two documents state different values for one figure")]


# evidence too weak to quote a document's figures on: no cue for its type, a year taken from the
# publication date alone
_WEAK = {"type": ("no cue",), "year": ("published",)}


def _frames(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Documents whose frame (type, region, data year) is unknown or weakly evidenced: their
    figures have no place or year to be compared on. A warning: `zibo docs set` states it."""
    import json

    have = {r[1] for r in conn.execute("PRAGMA table_info([documents])")}
    if "frame_why" not in have:
        return []
    out = []
    for document, type_, region, level, year, why in conn.execute(
            "SELECT document, type, region, region_level, data_year, frame_why FROM documents ORDER BY document"):
        if type_ is None:
            out.append(_finding("frames", WARNING, f"{document}: read before the document frame; "
                                "`zibo ingest --force PATH` reads it again", document))
            continue
        why = json.loads(why or "{}")
        missing = [f for f, v in (("region", region), ("data year", year)) if v is None]
        weak = [f"{field} from {why[field].split(':')[0]}" for field, starts in _WEAK.items()
                if why.get(field, "").startswith(starts)]
        if not (missing or weak):
            continue
        said = "; ".join(part for part in (
            ("unknown " + " and ".join(missing) + (f" (level {level})" if "region" in missing and level else ""))
            if missing else "", ", ".join(weak) if weak else "") if part)
        out.append(_finding("frames", WARNING, f"{document}: {said}; `zibo docs set {document} --region PLACE "
                            "--year YEAR` states it", document))
    return out or [_finding("frames", OK, "every document's type, region and data year are read from its text")]


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _duplicate_paths(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    out = [_finding("duplicates", ERROR, f"{n} documents for the same file {p}")
           for p, n in conn.execute("SELECT path, count(*) FROM documents GROUP BY path HAVING count(*) > 1")]
    return out or [_finding("duplicates", OK, "no file is stored twice")]


def _files(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Source files that moved, went away or changed since they were ingested."""
    from .pipeline import file_sha256

    out = []
    total = 0
    for sha, document, path, size, mtime in conn.execute(
            "SELECT sha256, document, path, size, mtime FROM documents ORDER BY path"):
        total += 1
        try:
            st = os.stat(path)
        except OSError:
            out.append(_finding("files", WARNING, f"{path} is gone (moved or deleted); its rows stay: "
                                f"`zibo forget {document}` removes them",
                                document))
            continue
        if st.st_size == size and mtime is not None and st.st_mtime == mtime:
            continue
        try:
            with open(path, "rb") as f:
                same = st.st_size == size and file_sha256(f.read()) == sha
        except OSError as e:
            out.append(_finding("files", WARNING, f"{path} cannot be read ({e.strerror or e})", document))
            continue
        if not same:
            out.append(_finding("files", WARNING, f"{path} changed since it was ingested; "
                                f"run `zibo ingest {path}` to update", document))
    if not out:
        out.append(_finding("files", OK, f"{total} source file(s) unchanged since ingest"))
    return out
