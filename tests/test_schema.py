"""A new database gets the current schema in one step (zibo_cli/schema.py), the same schema the
migrations build one by one, and without importing sqlite-utils (which pulls in pandas: ~0.5 s)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from zibo_cli import schema, store


def master(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
                      key=lambda r: (r[0], r[1]))
    finally:
        conn.close()


def applied(path) -> tuple[list[str], int]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
        return names, conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def step_by_step(path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert store.migrate(conn, at_once=False) == len(store.MIGRATIONS)
    finally:
        conn.close()


def test_schema_module_is_what_the_migrations_build(tmp_path):
    out = tmp_path / "schema.py"
    store.write_schema_module(out)
    text = (tmp_path / "schema.py").read_text(encoding="utf-8")
    assert text == open(schema.__file__, encoding="utf-8").read(), \
        "zibo_cli/schema.py is out of date with store.MIGRATIONS: run `make schema`"


def test_a_new_database_has_the_migrated_schema(tmp_path):
    at_once, by_steps = tmp_path / "new.db", tmp_path / "steps.db"
    store.connect(at_once).close()
    step_by_step(by_steps)
    assert master(at_once) == master(by_steps)
    assert applied(at_once) == applied(by_steps) == ([n for n, _ in store.MIGRATIONS], len(store.MIGRATIONS))


def test_a_new_database_searches_and_stores(zibo, zibo_json, db, seeds):
    assert zibo("ingest", seeds, "--quiet").exit_code == 0
    found = zibo_json("search", "地区生产总值")
    assert found and all("地区生产总值" in r["snippet"].replace("[", "").replace("]", "") for r in found)
    assert zibo("doctor").exit_code == 0


def test_a_statement_this_sqlite_cannot_run_falls_back_to_the_migrations(tmp_path, monkeypatch):
    # an SQLite without the trigram tokenizer fails on the full-text table: nothing of the
    # one-step schema stays, and the migrations build the database (without that index)
    monkeypatch.setattr(schema, "STATEMENTS", (*schema.STATEMENTS, "CREATE VIRTUAL TABLE x USING nosuchmodule"))
    path = tmp_path / "fallback.db"
    store.connect(path).close()
    step_by_step(tmp_path / "steps.db")
    assert master(path) == master(tmp_path / "steps.db")
    assert applied(path)[1] == len(store.MIGRATIONS)


def test_a_database_with_tables_is_migrated_step_by_step(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")  # someone's table (ingest --force uses such a file)
    conn.commit()
    conn.close()
    store.connect(path, allow_foreign=True).close()
    names = {r[1] for r in master(path)}
    assert "notes" in names and "observations" in names
    assert applied(path)[1] == len(store.MIGRATIONS)


@pytest.mark.parametrize("module", ["sqlite_utils", "pandas"])
def test_creating_a_database_imports_no_sqlite_utils(tmp_path, module):
    code = ("import sys; from pathlib import Path; from zibo_cli import store; "
            f"store.connect(Path({str(tmp_path / 'x.db')!r})).close(); print({module!r} in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
