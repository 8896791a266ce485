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
        docs.append((i + 1, name))
        conn.execute("INSERT INTO documents (id, sha256, document, path) VALUES (?, ?, ?, ?)",
                     (i + 1, f"{i:064x}", name, f"/d{i}/{name}"))
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


def _conflicts_reading_every_figure(z, name=None):
    """conflicts() as it was before the SQL pre-selection: every catalogued stated figure read,
    grouped in Python (the reference the fast query must agree with)."""
    from zibo_cli.catalog import convert, unit_scale

    rows = z.rows(f"""SELECT {q._IKEY} AS ikey, o.name, o.measure, o.unit, o.region, o.year,
        o.start_month, o.end_month, o.kind, o.value, d.document FROM observations o JOIN documents d ON d.id = o.doc_id
        WHERE {q._CONFLICT_WHERE} ORDER BY o.year, o.start_month, o.end_month, d.document, o.char_offset, o.id""")
    if name:
        sel = q.resolve(z, name)
        keep = {sel.entry.id} if sel.entry else set(sel.names)
        rows = [r for r in rows if r["ikey"] in keep]
    sole = q.sole_region(z)
    groups = {}
    for r in rows:
        place = q.place_of(r["region"], r["year"], r["document"], sole)
        key = (r["ikey"], r["measure"], unit_scale(r["unit"])[1], place,
               r["year"], r["start_month"], r["end_month"], r["kind"])
        region = q.shown_region(place, sole)
        g = groups.setdefault(key, {"name": r["name"], "region": region, "region_level": q.region_level(region),
                                    "measure": r["measure"], "unit": r["unit"], "year": r["year"],
                                    "start_month": r["start_month"], "end_month": r["end_month"],
                                    "period": q._label(r["year"], r["start_month"], r["end_month"]),
                                    "kind": r["kind"], "values": []})
        value = convert(r["value"], r["unit"], g["unit"])
        if value is None:
            continue
        value = round(value, 6)
        entry = next((v for v in g["values"] if v["value"] == value), None)
        if entry is None:
            g["values"].append({"value": value, "documents": [r["document"]]})
        elif r["document"] not in entry["documents"]:
            entry["documents"].append(r["document"])
    out = [g for g in groups.values()
           if len(g["values"]) > 1 and len({d for v in g["values"] for d in v["documents"]}) > 1]
    for g in out:
        for v in g["values"]:
            v["documents_count"] = len(v["documents"])
            v["documents"] = v["documents"][:q.DOCUMENTS_SHOWN]
    return out


@pytest.mark.parametrize("seed", range(40))
def test_conflicts_answer_as_if_they_read_every_figure(tmp_path, seed, monkeypatch):
    path = tmp_path / "z.db"
    rng = random.Random(seed)
    fill(path, rng)
    conn = store.connect(path)  # some figures with regions: one known region, or two
    regions = rng.choice([["淄博市"], ["淄博市", "张店区"]])
    conn.execute("UPDATE observations SET region = ? WHERE id % 3 = 0", (regions[0],))
    conn.execute("UPDATE observations SET region = ? WHERE id % 5 = 0", (regions[-1],))
    conn.close()
    monkeypatch.setattr(q, "DOCUMENTS_SHOWN", 2)  # so that random data has more documents than shown
    with Zibo(path) as z:
        for name in (None, "gdp"):
            assert q.conflicts(z, name) == _conflicts_reading_every_figure(z, name)


@pytest.mark.parametrize("seed", range(60))
def test_targets_answer_as_if_they_read_every_figure(tmp_path, seed):
    """targets() groups in SQL and reads only the chosen figures; targets_reading_every_figure()
    is the same in plain Python over every figure: they must agree, with one region or several,
    on 1–12 targets and year-to-date actuals, estimates, ties and task rows' own names."""
    from zibo_cli.query import targets as t

    path = tmp_path / "z.db"
    rng = random.Random(seed)
    fill(path, rng)
    conn = store.connect(path)
    regions = rng.choice([["淄博市"], ["淄博市", "张店区"]])
    conn.execute("UPDATE observations SET region = ? WHERE id % 3 = 0", (regions[0],))
    conn.execute("UPDATE observations SET region = ? WHERE id % 4 = 0", (regions[-1],))
    # annual targets and actuals of whole years, so that most series have both
    conn.execute("UPDATE observations SET start_month = 1, end_month = 12, period = year || '' "
                 "WHERE kind = 'target' AND id % 2 = 0 AND year IS NOT NULL")
    conn.close()
    with Zibo(path) as z:
        for args in ({}, {"behind": True}, {"name": "gdp"}, {"year": 2024}, {"region": regions[-1][:2]}):
            assert _answer(t.targets, z, args) == _answer(t.targets_reading_every_figure, z, args), args


def _answer(query, z, args):
    """The rows, or the error (a region the random figures never got is unknown to both)."""
    from zibo_cli.errors import ZiboError

    try:
        return query(z, **args)
    except ZiboError as e:
        return str(e)


@pytest.mark.parametrize("seed", range(20))
def test_figures_as_json_from_sqlite_are_the_figures(tmp_path, seed):
    """indicator --json has SQLite write each row (iter_observations_json): the same objects, keys
    in the same order, as the rows read into Python (iter_observations)."""
    import json

    path = tmp_path / "z.db"
    fill(path, random.Random(seed))
    conn = store.connect(path)  # values JSON and Python might write differently
    conn.execute("UPDATE observations SET value = 1e-05 WHERE id % 7 = 0")
    conn.execute("UPDATE observations SET value = 123456789.125, quote = 'a \"quoted\"\\n\tline' WHERE id % 11 = 0")
    conn.close()
    with Zibo(path) as z:
        for args in ({}, {"name": "gdp"}, {"period": "2024H1"}, {"kind": "target"}):
            rows = list(q.iter_observations(z, **args))
            texts = list(q.iter_observations_json(z, **args))
            assert [json.loads(t) for t in texts] == rows, args
            assert [list(json.loads(t)) for t in texts] == [list(r) for r in rows]
