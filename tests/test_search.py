"""`zibo search`: full-text search over the normalised text (FTS5 trigram, short-query fallback)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from zibo_cli.query.search import fts_phrase, search
from zibo_cli.store import connect

H1 = "000_f3de8a4f265dc74f.txt"
Q3 = "003_295b3a97b3453646.txt"


@pytest.fixture
def ingested(zibo, seeds, db):
    assert zibo("ingest", seeds).exit_code == 0
    return db


@pytest.mark.parametrize("query", ["淄博烧烤", "燒烤", "淄博燒烤", "烧烤"])
def test_search_finds_both_reports_in_simplified_or_traditional(ingested, zibo_json, query):
    hits = zibo_json("search", query)
    assert {h["document"] for h in hits} == {H1, Q3}
    conn = sqlite3.connect(ingested)
    for h in hits:
        text = conn.execute("SELECT text FROM documents WHERE document = ?", (h["document"],)).fetchone()[0]
        # the position is a character offset into the stored text, and the snippet shows the hit
        assert text[h["position"]: h["position"] + len(h["match"])] == h["match"]
        assert h["snippet"][h["match_start"]: h["match_start"] + len(h["match"])] == h["match"]
        assert "烧烤" in h["snippet"] and "\n" not in h["snippet"] and "\t" not in h["snippet"]
        assert h["line"] == text.count("\n", 0, h["position"]) + 1
    assert hits[0]["document"] == H1 and hits[0]["period"] == "2024H1"  # older period first


def test_one_character_query_uses_the_fallback(ingested, zibo_json):
    hits = zibo_json("search", "烤", "--limit", "0")
    assert {h["document"] for h in hits} == {H1, Q3}


def test_limit_and_plain_output(ingested, zibo):
    out = zibo("search", "增长", "--limit", "3")
    assert out.exit_code == 0
    lines = out.stdout.splitlines()
    # a header line per document, the oldest period first (the 2023 Q2 task table)
    assert lines[0].startswith("004_a21875ee7b56be1a.txt") and "2023Q2" in lines[0]
    assert len([ln for ln in lines if ln.startswith("  ")]) == 3
    assert "\x1b[" not in out.stdout


def test_csv_output(ingested, zibo):
    out = zibo("search", "淄博烧烤", "--csv").stdout.splitlines()
    assert out[0] == "document,title,period,line,position,match,snippet"
    assert len(out) == 3


def test_no_match_is_an_empty_result(ingested, zibo, zibo_json):
    assert zibo_json("search", "不存在的词语") == []
    r = zibo("search", "不存在的词语")
    assert r.exit_code == 0 and r.stdout == "" and "no matches" in r.stderr


def test_query_syntax_characters_are_plain_text(ingested, zibo_json):
    for q in ['增长5.1"', "AND OR NOT", "5.1%", "(中国)", "*"]:
        zibo_json("search", q)  # no FTS syntax error: the query is one quoted phrase
    assert fts_phrase('a"b') == '"a""b"'
    hits = zibo_json("search", "增长 5.1%")  # spaced as in the PDF text; normalised like the documents
    assert {h["document"] for h in hits} >= {H1}


def test_empty_query_is_a_usage_error(ingested, zibo):
    r = zibo("search", "  ")
    assert r.exit_code == 2 and r.stderr.startswith("zibo: error:")


def test_index_follows_replaced_documents(zibo, zibo_json, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("2024年上半年全市经济运行情况\n上半年，淄博烧烤带动消费增长5%。", encoding="utf-8")
    zibo("ingest", f)
    assert len(zibo_json("search", "淄博烧烤")) == 1
    f.write_text("2024年前三季度全市经济运行情况\n前三季度，全市消费稳步增长，增长6%。", encoding="utf-8")
    zibo("ingest", f)
    assert zibo_json("search", "淄博烧烤") == []
    assert len(zibo_json("search", "稳步增长")) == 1


def test_old_database_gets_the_index_on_upgrade(ingested):
    # take the database back to schema 1 (no index) and open it again: the index is rebuilt
    conn = sqlite3.connect(ingested, isolation_level=None)
    for trigger in ("documents_ai", "documents_ad", "documents_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE documents_fts")
    conn.execute("DELETE FROM _migrations WHERE name = 'm002_fulltext_search'")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    conn = connect(ingested)
    hits = search(conn, "淄博烧烤")
    assert {h["document"] for h in hits} == {H1, Q3}
    n = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                     (fts_phrase("淄博烧烤"),)).fetchone()[0]
    assert n == 2


def test_search_json_is_one_array(ingested, zibo):
    out = zibo("search", "淄博烧烤", "--json").stdout
    assert isinstance(json.loads(out), list)


def test_several_words_find_documents_holding_all(zibo_json, ingested):
    both = {h["document"] for h in zibo_json("search", "淄博 烧烤", "-n", "0")}
    assert both == {h["document"] for h in zibo_json("search", "烧烤", "-n", "0")}
    assert zibo_json("search", "烧烤 没有这个词") == []


def test_search_one_document_or_period_and_say_when_the_list_is_cut(zibo, zibo_json, ingested):
    assert {h["document"] for h in zibo_json("search", "增长", "-n", "0", "--period", "2024H1")} == {H1}
    assert {h["document"] for h in zibo_json("search", "增长", "-n", "0", "--doc", "003")} == {
        "003_295b3a97b3453646.txt"}
    every = zibo_json("search", "增长", "-n", "0")
    r = zibo("search", "增长", "-n", "3")
    assert f"3 of {len(every)} matches" in r.stderr


@pytest.mark.parametrize("query", ["增长", "增长 5.1%", "淄博 烧烤", "gdp", "GDP", "地区生产总值", "烤", "%"])
def test_the_first_hits_are_snipped_and_the_rest_counted(ingested, query):
    """Only the hits shown are built; the count of the rest (in SQL for a caseless word, else by
    matching) is the number of hits a full search gives."""
    from zibo_cli.query.search import search_counted

    conn = connect(ingested)
    every = search(conn, query, limit=None)
    for limit in (None, 1, 3, len(every), len(every) + 1):
        hits, total = search_counted(conn, query, limit=limit)
        assert hits == (every[:limit] if limit else every)
        assert total == len(every)
        assert search_counted(conn, query, limit=limit, count=False) == (hits, None)
