"""The real corpus (tests/data/real/docs: 87 reports of over 20 provinces' cities, districts and
counties) in one database, as a new user would load it: no row of `--periods`, `compare` or
`targets` combines figures of two regions, nor a figure of unknown region or year with another
document's (issue 25). Checked over the whole output of every question."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from zibo_cli.query import Zibo
from zibo_cli.query import indicators as q
from zibo_cli.query.targets import targets

DOCS = Path(__file__).resolve().parent / "data" / "real" / "docs"


@pytest.fixture(scope="module")
def corpus(ingested):
    with Zibo(ingested(DOCS)) as z:  # the session's one ingest of the corpus (conftest), read only
        yield z


def _regions(z: Zibo) -> dict[tuple, set]:
    """(document, indicator, year, start month, end month) → the regions its figures name."""
    out: dict[tuple, set] = {}
    for doc, key, year, start, end, region in z.conn.execute(
            "SELECT d.document, coalesce(nullif(o.indicator_id, ''), o.name), o.year, o.start_month, o.end_month, "
            "o.region FROM observations o JOIN documents d ON d.id = o.doc_id"):
        out.setdefault((doc, key, year, start, end), set()).add(region or None)
    return out


def _check(regions: dict, row_region, documents: list[str], key: str, periods: list[tuple], what) -> None:
    documents = [d for d in documents if d]
    if row_region is None:  # a figure of no known region is its document's alone
        assert len(set(documents)) <= 1, what
        return
    for doc in documents:  # every document behind a row of a region names that region for it
        found = set().union(*(regions.get((doc, key, *p), set()) for p in periods))
        assert row_region in found, (what, doc, found)


def test_the_corpus_holds_many_regions_and_documents_without_one(corpus):
    have = {r[0] for r in corpus.conn.execute("SELECT DISTINCT region FROM documents WHERE region <> ''")}
    none = corpus.conn.execute("SELECT count(*) FROM documents WHERE coalesce(region, '') = ''").fetchone()[0]
    assert len(have) > 10 and none > 10
    assert q.sole_region(corpus) is None  # so nothing is assumed


def test_periods_never_combine_places(corpus):
    regions = _regions(corpus)
    rows = q.series(corpus)  # every indicator, every period, with all its documents
    assert len(rows) > 500
    for r in rows:
        key = r["indicator_id"] or r["name"]
        if r["year"] is None:
            assert r["documents_count"] == 1, r
        _check(regions, r["region"], r["documents"], key, [(r["year"], r["start_month"], r["end_month"])], r)


def test_compare_never_combines_places(corpus):
    regions = _regions(corpus)
    periods = q.periods_with_figures(corpus)
    compared = 0
    for a, b in combinations(periods, 2):
        pa, pb = q.read_period(a), q.read_period(b)
        for r in q.compare(corpus, a, b):
            if r["a"] is None or r["b"] is None:
                continue
            compared += 1
            key = r["indicator_id"] or r["name"]
            if r["region"] is None:
                assert r["a_document"] == r["b_document"], r
            _check(regions, r["region"], [r["a_document"]], key, [(pa.year, pa.start_month, pa.end_month)], r)
            _check(regions, r["region"], [r["b_document"]], key, [(pb.year, pb.start_month, pb.end_month)], r)
    assert compared > 10


def test_targets_never_combine_places(corpus):
    regions = _regions(corpus)
    rows = targets(corpus)
    judged = [r for r in rows if r["actual"] is not None]
    assert len(rows) > 50 and judged
    for r in judged:
        key = r["indicator_id"] or r["name"]
        if r["region"] is None:
            assert r["target_document"] == r["actual_document"], r
        _check(regions, r["region"], [r["target_document"]], key, [(r["year"], 1, 12)], r)
        _check(regions, r["region"], [r["actual_document"]], key,
               [(r["year"], r["actual_start_month"], r["actual_end_month"])], r)


def test_conflicts_never_combine_places(corpus):
    regions = _regions(corpus)
    for c in q.conflicts(corpus):
        documents = [d for v in c["values"] for d in v["documents"]]
        assert c["region"] is not None, c  # documents of no known region never conflict
        for doc in documents:
            assert any(c["region"] in found for (d, _k, y, s, e), found in regions.items()
                       if d == doc and (y, s, e) == (c["year"], c["start_month"], c["end_month"])), (c, doc)
