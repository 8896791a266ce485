"""The views of a zibo database (``figures``, ``unfinished_tasks``): SQL that answers users'
questions in Datasette, sqlite-utils or any client. They are not part of the schema's history:
:func:`recreate_views` puts the current ones in place after the migrations ran, so changing a
view here changes no migration. Imports nothing of zibo's."""

from __future__ import annotations

import sqlite3

VIEWS = {
    "figures": """
        SELECT o.name, o.region, o.period, o.kind, o.value, o.unit, o.qualifier, o.measure, o.basis,
               o.quote, d.document, d.title, d.sha256 || ':' || coalesce(o.char_offset, 0) AS source
        FROM observations o JOIN documents d ON d.id = o.doc_id""",
    "unfinished_tasks": """
        SELECT d.document, t.seq, t.category, t.status, t.annual_target, t.progress, t.reason, t.leader,
               t.departments_raw AS departments, t.completion_rate, t.region, t.period
        FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done'""",
}


def view_sql(name: str) -> str:
    """The statement that creates view ``name`` as SQLite keeps it in ``sqlite_master``."""
    return f"CREATE VIEW [{name}] AS {VIEWS[name]}"


def recreate_views(conn: sqlite3.Connection) -> int:
    """Make every view what :data:`VIEWS` says (inside the caller's transaction): a view that is
    missing or differs is dropped and created again; how many were."""
    have = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    changed = 0
    for name in VIEWS:
        if have.get(name) != view_sql(name):
            conn.execute(f"DROP VIEW IF EXISTS [{name}]")
            conn.execute(view_sql(name))
            changed += 1
    return changed
