"""series() and compare() read only the figures that decide their answer (grouping the
rest in SQL): on any data they must answer as they would reading every figure.

Random figures go straight into a real schema: names with and without a catalogue id,
units in several prefixes of one base, estimates (预计), task-table
rows, ties in document and offset, two documents of the same name.
"""

from __future__ import annotations

import random

import pytest

from zibo_cli import store
from zibo_cli.query import Zibo
from zibo_cli.query import indicators as q

NAMES = [("地区生产总值", "gdp"), ("完成投资", None), ("地区生产总值", None), ("定制公交线路", "")]
UNITS = ["亿元", "万元", "%", "万人", "人", None]
QUALIFIERS = [None, None, "预计", "预计左右", "以下", "左右"]
PERIODS = [(2023, 1, 6, "2023H1"), (2024, 1, 6, "2024H1"), (2024, 1, 9, "2024Q1-Q3"), (2024, 4, 6, "2024Q2"),
           (None, None, None, None)]


def fill(path, rng: random.Random) -> None:
    conn = store.connect(path)
    docs = []
    for i in range(rng.randint(2, 30)):
        name = f"r{rng.randint(0, 40)}.txt"  # now and then two documents share a name
        docs.append((f"id{i}", name))
        conn.execute("INSERT INTO documents (id, document, path) VALUES (?, ?, ?)", (f"id{i}", name, f"/d{i}/{name}"))
    names, periods, units = rng.sample(NAMES, 2), rng.sample(PERIODS, 3), rng.sample(UNITS, 3)
    for _ in range(rng.randint(1, 120)):
        name, ind = rng.choice(names)
        year, start, end, label = rng.choice(periods)
        conn.execute(
            "INSERT INTO observations (doc_id, name, indicator_id, raw_name, year, start_month, end_month, period, "
            "kind, measure, value, unit, qualifier, char_offset, quote, task_seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rng.choice(docs)[0], name, ind, rng.choice([None, name + "额"]), year, start, end, label,
             rng.choice(["actual", "target"]), rng.choice(["growth", "amount"]),
             rng.choice([1.5, 2.0, 3.15, 31500.0, -1.0, 7.0, 6.5]), rng.choice(units),
             rng.choice(QUALIFIERS), rng.choice([None, 0, 5, 5, 10]), f"q{rng.random():.6f}",
             rng.choice([None, "", "1", "2"])))
    conn.close()


def every_figure(z, where, params, classes, order):
    return z.rows(q._SELECT + where + order, params)


@pytest.mark.parametrize("seed", range(40))
def test_series_without_quotes_is_series_with_quotes_less_the_quotes(tmp_path, seed):
    path = tmp_path / "z.db"
    fill(path, random.Random(seed))
    with Zibo(path) as z:
        names = {r["name"] for r in z.rows("SELECT name FROM observations")}
        for name, kind in [(None, None), ("gdp", None), ("完成投资", "target"), (None, "actual")]:
            if name == "完成投资" and name not in names or name == "gdp" and "地区生产总值" not in names:
                continue
            full = q.series(z, name, kind)
            for g in full:
                del g["quotes"]
            assert q.series(z, name, kind, quotes=False) == full


@pytest.mark.parametrize("seed", range(40))
def test_compare_answers_as_if_it_read_every_figure(tmp_path, seed, monkeypatch):
    path = tmp_path / "z.db"
    fill(path, random.Random(seed))
    pairs = [("2023H1", "2024H1"), ("2024H1", "2024Q1-Q3"), ("2024Q2", "2023H1")]
    with Zibo(path) as z:
        fast = [q.compare(z, a, b) for a, b in pairs]
        monkeypatch.setattr(q, "_first_rows", every_figure)
        assert fast == [q.compare(z, a, b) for a, b in pairs]
