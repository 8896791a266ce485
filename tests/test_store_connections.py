"""How store opens databases. ``_use_wal``: switching a new database to WAL is retried while another
process opening the same new file holds it (SQLite refuses that switch at once, without its busy
timeout: two ingests started together failed one time in three with "database is busy"). A query's
connection sorts on helper threads."""

from __future__ import annotations

import os
import sqlite3

import pytest

from zibo_cli import store


class Refusing:
    """A connection whose first ``times`` switches to WAL fail as SQLite's do under contention."""

    def __init__(self, conn: sqlite3.Connection, times: int, message: str = "database is locked"):
        self.conn, self.times, self.message, self.tries = conn, times, message, 0

    def execute(self, sql: str):
        if sql == "PRAGMA journal_mode = WAL":
            self.tries += 1
            if self.tries <= self.times:
                raise sqlite3.OperationalError(self.message)
        return self.conn.execute(sql)


def _mode(conn) -> str:
    return conn.execute("PRAGMA journal_mode").fetchone()[0]


def test_a_refused_switch_is_tried_again_until_it_takes(tmp_path):
    conn = sqlite3.connect(tmp_path / "z.db", isolation_level=None)
    flaky = Refusing(conn, times=3)
    store._use_wal(flaky, timeout=5)
    assert flaky.tries == 4 and _mode(conn) == "wal"
    store._use_wal(flaky, timeout=5)  # already WAL: nothing to switch
    assert flaky.tries == 4


def test_a_switch_refused_past_the_timeout_fails(tmp_path):
    conn = sqlite3.connect(tmp_path / "z.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        store._use_wal(Refusing(conn, times=10**6), timeout=0.1)
    assert _mode(conn) != "wal"


def test_another_error_is_not_retried(tmp_path):
    conn = sqlite3.connect(tmp_path / "z.db", isolation_level=None)
    flaky = Refusing(conn, times=10**6, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk"):
        store._use_wal(flaky, timeout=5)
    assert flaky.tries == 1


def test_a_database_that_cannot_be_wal_keeps_its_mode_without_waiting():
    conn = sqlite3.connect(":memory:", isolation_level=None)  # memory databases have no WAL
    store._use_wal(conn, timeout=5)
    assert _mode(conn) == "memory"


def test_a_reading_connection_sorts_on_a_thread_per_cpu(tmp_path):
    store.connect(tmp_path / "z.db").close()
    for conn in (store.open_readonly(tmp_path / "z.db"), store.open_existing(tmp_path / "z.db")[0]):  # queries, doctor
        assert conn.execute("PRAGMA threads").fetchone()[0] == min(4, os.cpu_count() or 1)
        conn.close()
