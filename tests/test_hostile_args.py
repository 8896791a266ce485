"""Hostile arguments to every query: SQL and FTS syntax, NUL bytes, RTL marks, very long
strings, impossible periods. One clear line each, exit 2 for a usage error, nothing changed."""

from __future__ import annotations

import hashlib

import pytest

HOSTILE = ["a OR b", '"', "*", "NEAR(", "'; DROP TABLE documents; --", "\x00", "\u202e反", "x" * 10_000,
           "%_\\", "淄博\x00烧烤"]


@pytest.fixture
def loaded(zibo, seeds, db):
    assert zibo("ingest", seeds).exit_code == 0
    return db


def _digest(db) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_every_query_argument(zibo, loaded, value):
    before = _digest(loaded)
    calls = [["search", value], ["indicator", value], ["tasks", "-d", value], ["tasks", "-g", value],
             ["tasks", "-l", value], ["tasks", "--doc", value], ["task", value], ["targets", value],
             ["tasks", "--region", value], ["indicator", "--region", value]]
    for args in calls:
        r = zibo(*args, "--json")
        assert r.exit_code in (0, 1, 2), (args, r.exit_code)
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr, (args, r.stderr)
        if r.exit_code:
            assert len(r.stderr.strip().splitlines()) == 1, (args, r.stderr)
    assert _digest(loaded) == before


@pytest.mark.parametrize("period", ["9999H9", "2024Q5", "-1", "2024M13", "0", "2024Q0-Q9", "二零二四年"])
def test_impossible_periods_are_usage_errors(zibo, loaded, period):
    for args in (["indicator", "--period", period], ["compare", period, "2024H1"], ["tasks", "--period", period]):
        r = zibo(*args)
        assert r.exit_code == 2, (args, r.exit_code, r.stderr)
        (line,) = r.stderr.splitlines()
        assert line.startswith("zibo: error:")
