"""Shell completion values: what `zibo tasks --status <TAB>` (and --period, --department, --doc,
--region, `export --table`) offer. Values come from the database the command line names (``--db``,
``ZIBO_DB``, the default); completion never fails loudly: no database gives no values."""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["statuses", "periods", "departments", "documents", "regions", "tables"]

STATUSES = ("done", "partial", "not_done", "unknown")


def _db(ctx):
    from ..store import resolve_db_path

    root = ctx.find_root() if ctx is not None else None
    params = getattr(root, "params", None) or {}
    return resolve_db_path(params.get("db"))


def _from_db(ctx, read: Callable) -> list[str]:
    try:
        from ..query import Zibo

        with Zibo(_db(ctx)) as z:
            return [str(v) for v in read(z) if v]
    except Exception:  # completion must never fail loudly; no database is fine
        return []


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    low = (incomplete or "").lower()
    return sorted({v for v in values if v.lower().startswith(low)})


def statuses(ctx, incomplete: str) -> list[str]:
    done, _, last = (incomplete or "").rpartition(",")  # --status partial,not_<TAB>
    return [f"{done},{s}" if done else s for s in STATUSES if s.startswith(last)]


_PERIODS_OF = {"tasks": "tasks", "search": "documents"}  # the other commands: the figures' periods


def periods(ctx, incomplete: str) -> list[str]:
    """The periods of what the command lists: tasks' for ``tasks``, documents' for ``search``,
    figures' for the others."""
    table = _PERIODS_OF.get(getattr(ctx, "info_name", None) or "", "observations")
    return _starting(_from_db(ctx, lambda z: [r["period"] for r in z.rows(
        f"SELECT DISTINCT period FROM [{table}]")]), incomplete)


def departments(ctx, incomplete: str) -> list[str]:
    return _starting(_from_db(ctx, lambda z: [r["value"] for r in z.rows(
        "SELECT DISTINCT j.value FROM tasks t, json_each(CASE WHEN json_valid(t.departments) "
        "THEN t.departments ELSE '[]' END) j")]), incomplete)


def documents(ctx, incomplete: str) -> list[str]:
    return _starting(_from_db(ctx, lambda z: [r["document"] for r in z.rows("SELECT document FROM documents")]),
                     incomplete)


def regions(ctx, incomplete: str) -> list[str]:
    return _starting(_from_db(ctx, lambda z: [r["region"] for r in z.rows(
        "SELECT DISTINCT region FROM observations UNION SELECT DISTINCT region FROM documents")]), incomplete)


def tables(ctx, incomplete: str) -> list[str]:
    def read(z):
        from ..export import user_tables

        return user_tables(z.conn)

    return _starting(_from_db(ctx, read), incomplete)
