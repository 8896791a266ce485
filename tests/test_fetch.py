"""`zibo ingest URL…` and `--attachments`: reports fetched over http(s), against a local HTTP
server on the loopback address serving tests/data/web/."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parent / "data" / "web"


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/slow":
            time.sleep(1.5)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture
def site():
    page = (WEB / "page.html").read_bytes()
    docx = (WEB / "invest_2024h1.docx").read_bytes()
    _Handler.routes = {
        "/tj/2024/page.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page),
        "/tj/2024/files/invest_2024h1.docx": (200, {"Content-Type": "application/vnd.openxmlformats-"
                                                     "officedocument.wordprocessingml.document"}, docx),
        "/moved": (302, {"Location": "/tj/2024/page.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/x.txt"}, b""),
        "/slow": (200, {"Content-Type": "text/plain"}, b"late"),
        "/big": (200, {"Content-Type": "text/plain"}, "全市地区生产总值增长5%。".encode() * 2000),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_is_fetched_and_keeps_its_address(zibo, zibo_json, site):
    url = f"{site}/tj/2024/page.html"
    r = zibo("ingest", url)
    assert r.exit_code == 0, r.stderr
    (doc,) = zibo_json("docs")
    assert doc["document"] == "page.html" and doc["source"] == url and doc["path"] == url
    assert doc["period"] == "2024H1" and doc["linked_from"] is None
    gdp = zibo_json("indicator", "gdp")
    assert [(o["value"], o["document"]) for o in gdp] == [(5.6, "page.html")]
    # the same page again: nothing changes
    again = zibo("ingest", url, "--json")
    assert [x["status"] for x in json.loads(again.stdout)] == ["unchanged"]


def test_attachments_are_fetched_and_linked_to_their_page(zibo, zibo_json, site):
    url = f"{site}/tj/2024/page.html"
    r = zibo("ingest", url, "--attachments", "--json")
    assert r.exit_code == 1  # the missing attachment failed; the rest are stored
    results = {x["document"]: x for x in json.loads(r.stdout)}
    assert results["page.html"]["status"] == "new"
    assert results["上半年固定资产投资情况.docx"]["status"] == "new"
    missing = results["缺失的附件.pdf"]
    assert missing["status"] == "failed" and "404" in missing["error"]
    assert r.stderr.count("zibo: error:") == 1 and f"{site}/download?id=404" in r.stderr
    docs = {d["document"]: d for d in zibo_json("docs")}
    att = docs["上半年固定资产投资情况.docx"]
    assert att["linked_from"] == url and att["source"] == f"{site}/tj/2024/files/invest_2024h1.docx"
    fai = [o for o in zibo_json("indicator", "固定资产投资") if o["document"] == att["document"]]
    assert [o["value"] for o in fai] == [7.2]


def test_redirects_are_followed_within_limits(zibo, zibo_json, site):
    r = zibo("ingest", f"{site}/moved")
    assert r.exit_code == 0, r.stderr
    assert [d["source"] for d in zibo_json("docs")] == [f"{site}/moved"]
    r = zibo("ingest", f"{site}/loop")
    assert r.exit_code == 1 and "redirects" in r.stderr and "Traceback" not in r.stderr
    r = zibo("ingest", f"{site}/to-ftp")
    assert r.exit_code == 1 and "only http and https" in r.stderr


def test_only_http_and_https_and_one_line_for_each_failure(zibo, site, monkeypatch, tmp_path):
    r = zibo("ingest", "ftp://example.org/report.txt")
    assert r.exit_code == 1 and "only http and https" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    r = zibo("ingest", f"{site}/nothing-here")
    assert r.exit_code == 1 and "404" in r.stderr
    monkeypatch.setenv("ZIBO_FETCH_TIMEOUT", "0.3")
    r = zibo("ingest", f"{site}/slow")
    assert r.exit_code == 1 and "no answer within 0.3 s" in r.stderr
    monkeypatch.setenv("ZIBO_FETCH_MAX_BYTES", "1000")
    r = zibo("ingest", f"{site}/big")
    assert r.exit_code == 1 and "limit" in r.stderr
    # a failed fetch does not stop the files beside it
    (tmp_path / "r.txt").write_text("2024年一季度经济运行\n一季度，全市地区生产总值增长5%。\n", encoding="utf-8")
    r = zibo("ingest", f"{site}/nothing-here", tmp_path / "r.txt", "--json")
    assert r.exit_code == 1
    assert sorted(x["status"] for x in json.loads(r.stdout)) == ["failed", "new"]


def test_attachments_needs_an_address(zibo, tmp_path):
    r = zibo("ingest", tmp_path, "--attachments")
    assert r.exit_code == 2 and "address" in r.stderr


def test_attachment_links_by_address_or_by_link_text():
    from zibo_cli.fetch import attachment_links

    page = ('<p><a href="a.docx">one</a> <a href="/dl?id=5">2.第二季度完成情况.xlsx</a> '
            '<a href="a.docx#top">again</a> <a href="b.zip">archive</a> <a href="ftp://x/c.pdf">ftp</a> '
            '<a href="javascript:void(0)">print.pdf</a> <a href="REPORT.PDF?v=2">pdf</a></p>')
    got = attachment_links(page, "https://example.org/news/p.html")
    assert got == [("https://example.org/news/a.docx", None), ("https://example.org/dl?id=5", "第二季度完成情况.xlsx"),
                   ("https://example.org/news/REPORT.PDF?v=2", None)]


def test_docs_shows_the_address_of_a_fetched_report(zibo, site, tmp_path):
    (tmp_path / "r.txt").write_text("2024年一季度经济运行\n一季度，全市地区生产总值增长5%。\n", encoding="utf-8")
    assert zibo("ingest", tmp_path / "r.txt").exit_code == 0
    assert "source" not in zibo("docs").stdout.splitlines()[0]  # no column for files alone
    assert zibo("ingest", f"{site}/tj/2024/page.html").exit_code == 0
    out = zibo("docs").stdout
    assert "source" in out.splitlines()[0] and f"{site}/tj/2024/page.html" in out


def test_indicator_source_gives_the_address_of_each_figure(zibo, zibo_json, site):
    url = f"{site}/tj/2024/page.html"
    assert zibo("ingest", url).exit_code == 0
    (gdp,) = zibo_json("indicator", "gdp", "--source")
    assert gdp["source"] == url and gdp["quote"].startswith("上半年，全市地区生产总值")
    assert url in zibo("indicator", "gdp", "--source").stdout
