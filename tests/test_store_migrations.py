"""The schema's history is frozen: zibo_cli/store/migrations.py (and what it imports) reads no
module that changes with the rest of zibo (query, web, models, extract), and the views, which
do change, are made after the steps, not by them."""

from __future__ import annotations

import ast
import sqlite3
import subprocess
import sys
from pathlib import Path

from zibo_cli import store
from zibo_cli.store import migrations, views

STORE = Path(store.__file__).resolve().parent
# what the history may import of zibo's own: errors, the dumped schema, the store's own helpers
ALLOWED = {"zibo_cli.errors", "zibo_cli.schema", "zibo_cli.store.atomic", "zibo_cli.store.views"}


def _imports(path: Path, package: str) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                out.add(f"{base}.{node.module}" if node.module else base)
            else:
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_the_history_imports_nothing_that_changes():
    for name in ("migrations", "views", "atomic"):
        ours = {m for m in _imports(STORE / f"{name}.py", "zibo_cli.store") if m.startswith("zibo_cli")}
        assert ours <= ALLOWED, f"store/{name}.py imports {sorted(ours - ALLOWED)}"


def test_importing_the_history_loads_no_query_or_web():
    code = ("import sys, zibo_cli.store.migrations; "
            "print(' '.join(m for m in sys.modules if m.startswith('zibo_cli')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert not [m for m in loaded if m.startswith(("zibo_cli.query", "zibo_cli.web", "zibo_cli.extract",
                                                    "zibo_cli.models", "zibo_cli.cli"))], loaded


def test_views_are_made_after_the_steps_and_follow_their_sql(tmp_path, monkeypatch):
    db = tmp_path / "zibo.db"
    store.connect(db).close()
    names = [n for n, _ in store.MIGRATIONS]
    changed = views.VIEWS["figures"].replace("o.name,", "o.name, o.indicator_id,")
    monkeypatch.setitem(views.VIEWS, "figures", changed)
    store.connect(db).close()  # the same schema version: only the view is made again
    conn = sqlite3.connect(db)
    assert "indicator_id" in [r[1] for r in conn.execute("PRAGMA table_info([figures])")]
    assert [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")] == names
    conn.close()
    assert [n for n, _ in migrations.MIGRATIONS] == names
