"""Reliability round 3 (issue 32): no report is thrown away, no download stored half, no cell
becomes a formula; fetches, exports, terminals and odd files that used to crash or mislead."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_errors import REPORT, error_lines

ZIBO = Path(sys.executable).with_name("zibo")

# a task table as a county writes it: no comma, no full stop anywhere
_UNITS = ["县发改局", "县教育局", "县住建局", "县交通局", "县水利局", "县农业农村局", "县卫健委", "县民政局"]
_WORK = ["新建道路工程", "改造老旧小区", "建设污水管网", "新建公办幼儿园", "改造农村公路", "建设养老服务中心",
         "实施河道治理", "建设标准化厂房"]


def _task_rows(n: int = 40) -> list[tuple[str, str, str, str, str]]:
    return [(str(i + 1), f"{_WORK[i % 8]}第{i + 1}期", _UNITS[i % 8], f"{(i % 5 + 1) * 20}%",
             "已完成" if i % 5 == 4 else "推进中") for i in range(n)]


def _task_text() -> str:
    head = "某县2024年重点项目推进情况表\n序号\t项目名称\t责任单位\t完成率\t进展情况\n"
    return head + "".join("\t".join(r) + "\n" for r in _task_rows())


def _task_html() -> str:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in _task_rows())
    return ("<html><head><meta charset='utf-8'><title>某县2024年重点项目推进情况表</title></head><body>"
            "<h1>某县2024年重点项目推进情况表</h1><table><tr><th>序号</th><th>项目名称</th><th>责任单位</th>"
            f"<th>完成率</th><th>进展情况</th></tr>{rows}</table></body></html>")


def _task_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["某县2024年重点项目推进情况表"])
    sheet.append(["序号", "项目名称", "责任单位", "完成率", "进展情况"])
    for row in _task_rows():
        sheet.append(list(row))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


# 1 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, data", [("tasks.txt", _task_text().encode()), ("tasks.html", _task_html().encode()),
                                        ("tasks.xlsx", _task_xlsx())])
def test_a_task_table_without_punctuation_is_stored_not_called_junk(zibo, zibo_json, tmp_path, name, data):
    f = tmp_path / name
    f.write_bytes(data)
    r = zibo("ingest", f, "--json")
    assert r.exit_code == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["status"] == "new" and row["tasks"] == 40, row


def test_random_high_bytes_are_still_refused_as_junk(zibo, tmp_path):
    import random

    rnd = random.Random(7)
    f = tmp_path / "junk.txt"
    f.write_bytes(bytes(rnd.randrange(0xB0, 0xF7) for _ in range(6000)))
    r = zibo("ingest", f)
    assert r.exit_code == 1 and "no readable text" in r.stderr


# 3 -------------------------------------------------------------------------------------------


def test_forget_a_blank_name_is_a_usage_error(zibo, zibo_json, tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    assert zibo("ingest", tmp_path / "r.txt").exit_code == 0
    for blank in ("", "  "):
        r = zibo("forget", blank)
        assert r.exit_code == 2 and "empty" in r.stderr, r.stderr
    assert len(zibo_json("docs")) == 1


def test_forget_of_several_documents_needs_yes_and_dry_run_lists(zibo, zibo_json, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    r = zibo("forget", "000", "004")  # not a terminal: no one to ask
    assert r.exit_code == 2 and "--yes" in r.stderr
    assert len(zibo_json("docs")) == 3
    r = zibo("forget", "000", "004", "--dry-run")
    assert r.exit_code == 0 and "000_f3de8a4f265dc74f.txt" in r.stdout and "004_a21875ee7b56be1a.txt" in r.stdout
    assert len(zibo_json("docs")) == 3
    r = zibo("forget", "000", "004", "--yes")
    assert r.exit_code == 0, r.stderr
    assert [d["document"] for d in zibo_json("docs")] == ["003_295b3a97b3453646.txt"]


def test_forget_asks_on_a_terminal(zibo, zibo_json, seeds, monkeypatch):
    from zibo_cli.commands import documents

    assert zibo("ingest", seeds).exit_code == 0
    monkeypatch.setattr(documents, "_asking", lambda: True)
    r = zibo("forget", "000", "004", input="n\n")
    assert r.exit_code == 1 and len(zibo_json("docs")) == 3
    r = zibo("forget", "000", "004", input="y\n")
    assert r.exit_code == 0 and len(zibo_json("docs")) == 1


# 4 -------------------------------------------------------------------------------------------

_PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1"]


def test_export_csv_and_xlsx_write_formula_like_text_as_text(zibo, tmp_path, db):
    import sqlite3

    from openpyxl import load_workbook

    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    assert zibo("ingest", tmp_path / "r.txt").exit_code == 0
    conn = sqlite3.connect(db)
    (doc_id,) = conn.execute("SELECT id FROM documents").fetchone()
    cols = [r[1] for r in conn.execute("PRAGMA table_info(tasks)")]
    for i, p in enumerate(_PAYLOADS):
        values = {c: None for c in cols}
        values.update(doc_id=doc_id, seq=str(i + 1), reason=p, status="not_done")
        values = {k: v for k, v in values.items() if k not in ("id",)}
        conn.execute(f"INSERT INTO tasks ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
                     list(values.values()))
    conn.commit()
    conn.close()
    out = tmp_path / "out"
    assert zibo("export", "--out", out, "--table", "tasks").exit_code == 0
    reasons = [r["reason"] for r in csv.DictReader((out / "tasks.csv").open(encoding="utf-8", newline=""))]
    assert reasons == ["'" + p for p in _PAYLOADS]
    r = zibo("export", "--out", "-", "--table", "tasks")
    assert [x["reason"] for x in csv.DictReader(io.StringIO(r.stdout))] == reasons
    for fmt in ("--csv", "--tsv"):  # the listings' CSV and TSV too
        r = zibo("tasks", fmt)
        rows = csv.DictReader(io.StringIO(r.stdout, newline=""), delimiter="," if fmt == "--csv" else "\t")
        assert [x["reason"][:1] for x in rows] == ["'"] * len(_PAYLOADS)
    r = zibo("export", "--out", "-", "--table", "observations")  # numbers stay numbers (-5 is not text)
    assert r.exit_code == 0 and "'" not in "".join(x["value"] for x in csv.DictReader(io.StringIO(r.stdout)))
    xlsx = tmp_path / "out.xlsx"
    assert zibo("export", "--xlsx", xlsx).exit_code == 0
    sheet = load_workbook(xlsx)["tasks"]
    col = [c.value for c in sheet[1]].index("reason")
    cells = [row[col] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == _PAYLOADS and all(c.data_type == "s" for c in cells)
    obs = load_workbook(xlsx)["observations"]
    vcol = [c.value for c in obs[1]].index("value")
    assert all(isinstance(row[vcol].value, int | float) for row in obs.iter_rows(min_row=2))


# 5 -------------------------------------------------------------------------------------------

_ESC_REPORT = ("2024年上半年全市经济运行情况\x1b]0;pwned\x07\n"
               + "".join(f"上半年，全市工业增加值同比增长5.{i}%，规模以上工业企业稳步发展。\n" for i in range(1, 20))
               + "上半年，全市地区生产总值同比增长5.1%。\x1b[2J清屏\x1b]8;;http://evil.example/\x1b\\链接\x1b]8;;\x1b\\\n"
               + "序号\t任务\t责任单位\t完成情况\t未完成原因\n1\t新建道路10公里\t县交通局\t未完成\t资金\x1b[31m未到位\x9b2J\n")


def _no_controls(text: str) -> bool:
    return not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in text)


def test_control_characters_in_report_text_are_never_printed_raw(zibo, tmp_path, monkeypatch):
    from zibo_cli import render

    f = tmp_path / "esc\x1b[1mname.txt"
    f.write_text(_ESC_REPORT, encoding="utf-8")
    r = zibo("ingest", f)
    assert r.exit_code == 0, r.stderr
    assert _no_controls(r.stdout) and _no_controls(r.stderr)
    for terminal in (False, True):
        monkeypatch.setattr(render, "is_terminal", lambda stream=None, t=terminal: t)
        for args in (["show", "esc"], ["search", "清屏"], ["docs"], ["tasks"], ["task", "1"], ["indicator", "gdp"]):
            r = zibo(*args)
            assert r.exit_code == 0, (args, r.stderr)
            assert _no_controls(r.stdout) and _no_controls(r.stderr), (args, terminal, r.stdout)
        out = zibo("show", "esc").stdout
        assert "\\x1b]0;pwned" in out  # made visible, not dropped
    r = zibo("show", "nosuch\x1b[2J")
    assert r.exit_code == 1 and _no_controls(r.stderr)
    r = zibo("docs", "--json")  # JSON escapes them itself: the data stays as it is
    assert "\\u001b]0;pwned" in r.stdout


# 11 ------------------------------------------------------------------------------------------


def test_a_figure_too_large_for_a_double_is_not_stored(zibo, zibo_json, tmp_path):
    huge = "9" * 320
    (tmp_path / "r.txt").write_text(REPORT + f"上半年，全市社会消费品零售总额{huge}亿元，同比增长3.2%。\n",
                                    encoding="utf-8")
    r = zibo("ingest", tmp_path / "r.txt")
    assert r.exit_code == 0, r.stderr
    r = zibo("indicator", "--json")
    assert "Infinity" not in r.stdout and "NaN" not in r.stdout
    values = [o["value"] for o in json.loads(r.stdout)]
    assert values and all(abs(v) < 1e300 for v in values)
    for args in (["indicator", "--nl"], ["indicator", "--csv"], ["export", "--out", "-", "-t", "observations"]):
        r = zibo(*args)
        assert "inf" not in r.stdout.lower(), args


def test_json_output_never_writes_infinity():
    from zibo_cli.render import write_json

    out = io.StringIO()
    write_json([{"value": float("inf")}, {"value": float("nan")}, {"value": -float("inf")}], out)
    assert json.loads(out.getvalue(), parse_constant=lambda c: pytest.fail(c)) == [{"value": None}] * 3


# 15 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"\x00\xff" * 3000, b"\xff\x00" * 3000, b"\x01\xff" * 3000])
def test_random_bytes_are_not_read_as_utf16(zibo, tmp_path, data):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "junk.txt").write_bytes(data)
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    r = zibo("ingest", folder)
    assert r.exit_code == 1, r.stdout
    (line,) = error_lines(r.stderr)
    assert "junk.txt" in line


def test_utf16_without_a_bom_still_reads(zibo, zibo_json, tmp_path):
    for enc in ("utf-16-le", "utf-16-be"):
        (tmp_path / f"{enc}.txt").write_bytes(REPORT.replace("5.1", "5.2" if enc.endswith("le") else "5.3").encode(enc))
    assert zibo("ingest", tmp_path).exit_code == 0
    assert sorted(o["value"] for o in zibo_json("indicator", "gdp")) == [5.2, 5.3]


@pytest.mark.parametrize("bad", ["2024年0至一九十月", "2024年十十月", "2024年13月", "2024年0月"])
def test_a_malformed_period_is_refused(zibo, tmp_path, bad):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    assert zibo("ingest", tmp_path / "r.txt").exit_code == 0
    r = zibo("indicator", "gdp", "--period", bad)
    assert r.exit_code == 2 and "cannot read period" in r.stderr, (bad, r.stdout, r.stderr)


def test_good_chinese_periods_still_read():
    from zibo_cli.periods import parse_period

    assert [parse_period(p).label for p in ("2024年1-9月", "2024年一至五月", "2024年前三季度", "2024年10月",
                                            "2024年上半年", "2024年第二季度", "2024年十二月")] == [
        "2024Q1-Q3", "2024M01-M05", "2024Q1-Q3", "2024M10", "2024H1", "2024Q2", "2024M12"]


# a hostile web server on the loopback address: each path misbehaves in its own way --------------

_GOOD = "2024年一季度经济运行\n一季度，全市地区生产总值增长5%。\n".encode()


def _http(status: str, headers: list[tuple[str, str]], body: bytes = b"") -> bytes:
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


class _Hostile:
    """A raw TCP server: ``routes`` maps a path to bytes to send (then close) or to a function
    of the socket. Every connection ends within a few seconds, whatever the client does."""

    def __init__(self, routes: dict) -> None:
        import socket
        import threading

        self.routes = routes
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import threading

        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn) -> None:
        conn.settimeout(5)
        try:
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ", 2)[1].decode("latin-1")
            self.seen.append(path)
            answer = self.routes.get(path, _http("404 Not Found", [("Content-Length", "0")]))
            if callable(answer):
                answer(conn)
            else:
                conn.sendall(answer)
        except OSError:
            pass
        finally:
            conn.close()

    seen: list = []

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


def _drip(conn) -> None:
    import time

    conn.sendall(_http("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "100")]))
    end = time.monotonic() + 5
    while time.monotonic() < end:
        conn.sendall(b" ")
        time.sleep(0.2)


def _not_http(conn) -> None:
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


@pytest.fixture
def hostile():
    servers = []

    def start(routes: dict) -> _Hostile:
        server = _Hostile(routes)
        server.seen = []
        servers.append(server)
        return server

    yield start
    for s in servers:
        s.close()


_TEXT = ("Content-Type", "text/plain; charset=utf-8")
_CUT_CHUNKED = _http("200 OK", [_TEXT, ("Transfer-Encoding", "chunked")], b"400\r\n" + _GOOD + b"\r\n")
_BAD_CHUNKED = _http("200 OK", [_TEXT, ("Transfer-Encoding", "chunked")], b"zz\r\n" + _GOOD + b"\r\n0\r\n\r\n")


# 2 -------------------------------------------------------------------------------------------


def test_a_download_shorter_than_it_says_is_not_stored(zibo, zibo_json, hostile):
    site = hostile({"/short.txt": _http("200 OK", [_TEXT, ("Content-Length", str(len(_GOOD) + 500))], _GOOD),
                    "/cut.txt": _CUT_CHUNKED})
    for path in ("/short.txt", "/cut.txt"):
        r = zibo("ingest", site.base + path)
        assert r.exit_code == 1, (path, r.stdout)
        (line,) = error_lines(r.stderr)
        assert site.base + path in line and "incomplete" in line, line
    assert zibo("docs", "--json").stdout.strip() in ("", "[]")  # nothing stored


# 7 -------------------------------------------------------------------------------------------


def test_each_broken_fetch_is_one_line_and_the_rest_are_stored(zibo, zibo_json, hostile, tmp_path):
    import socket
    import threading

    odd = socket.socket()  # a port that answers, but not in HTTP
    odd.bind(("127.0.0.1", 0))
    odd.listen(4)

    def answer_not_http():
        conn, _ = odd.accept()
        _not_http(conn)
        conn.close()

    threading.Thread(target=answer_not_http, daemon=True).start()
    long_name = "二〇二四年上半年全市经济运行情况" * 12 + ".txt"  # ~570 bytes in UTF-8
    site = hostile({
        "/bad-chunk.txt": _BAD_CHUNKED,
        "/headers.txt": _http("200 OK", [_TEXT] + [(f"X-H{i}", "x") for i in range(150)]
                              + [("Content-Length", str(len(_GOOD)))], _GOOD),
        "/long": _http("200 OK", [_TEXT, ("Content-Length", str(len(_GOOD))),
                                  ("Content-Disposition", f"attachment; filename*=UTF-8''{_pct(long_name)}")], _GOOD),
    })
    local = tmp_path / "local.txt"
    local.write_text(REPORT, encoding="utf-8")
    urls = [site.base + "/bad-chunk.txt", f"http://127.0.0.1:{odd.getsockname()[1]}/x.txt", site.base + "/headers.txt",
            site.base + "/long"]
    try:
        r = zibo("ingest", *urls, local, "--json")
    finally:
        odd.close()
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    results = json.loads(r.stdout)
    status = {x["path"]: x["status"] for x in results}
    assert status[str(local)] == "new" and status[site.base + "/long"] == "new", status
    lines = error_lines(r.stderr)
    assert len(lines) == 3 and all(any(u in line for line in lines) for u in urls[:3]), lines
    assert len(zibo_json("docs")) == 2


def _pct(text: str) -> str:
    from urllib.parse import quote

    return quote(text)


# 8 -------------------------------------------------------------------------------------------


def test_a_slow_drip_is_bounded_by_the_whole_fetch_timeout(zibo, hostile, monkeypatch):
    import time

    site = hostile({"/drip.txt": _drip})
    monkeypatch.setenv("ZIBO_FETCH_TIMEOUT", "1")
    start = time.monotonic()
    r = zibo("ingest", site.base + "/drip.txt")
    took = time.monotonic() - start
    assert r.exit_code == 1 and took < 3, took
    (line,) = error_lines(r.stderr)
    assert "within 1 s" in line and "ZIBO_FETCH_TIMEOUT" in line, line


# 16 ------------------------------------------------------------------------------------------


def test_a_redirect_to_a_file_address_says_so(zibo, hostile):
    site = hostile({"/to-file": _http("302 Found", [("Location", "file:///etc/passwd"), ("Content-Length", "0")])})
    r = zibo("ingest", site.base + "/to-file")
    assert r.exit_code == 1
    (line,) = error_lines(r.stderr)
    assert "file:///etc/passwd" in line and "only http and https" in line and "loop" not in line


# 17 ------------------------------------------------------------------------------------------

_PAGE = """<html><head><meta charset="utf-8"><title>2024年上半年投资情况</title></head><body>
<div class="info">发布日期：2024-07-31 来源：示例市统计局</div>
<div class="content"><h1>2024年上半年投资情况</h1>
<p>附件：<a href="/files/上半年 投资.docx">上半年投资.docx</a></p></div></body></html>"""


def test_attachments_with_raw_chinese_links_and_the_page_s_publisher(zibo, zibo_json, hostile):
    docx = (Path(__file__).resolve().parent / "data" / "web" / "invest_2024h1.docx").read_bytes()
    site = hostile({"/page.html": _http("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                   ("Content-Length", str(len(_PAGE.encode())))], _PAGE.encode()),
                    "/files/%E4%B8%8A%E5%8D%8A%E5%B9%B4%20%E6%8A%95%E8%B5%84.docx":
                        _http("200 OK", [("Content-Length", str(len(docx)))], docx)})
    r = zibo("ingest", site.base + "/page.html")  # the page alone: its report is in the attachment
    assert r.exit_code == 0 and "--attachments" in r.stderr, r.stderr
    r = zibo("ingest", site.base + "/page.html", "--attachments", "--json")
    assert r.exit_code == 0, r.stderr
    (att,) = [d for d in zibo_json("docs") if d["linked_from"]]
    assert att["document"] == "上半年投资.docx"
    assert att["published"] == "2024-07-31" and att["publisher"] == "示例市统计局", att


# 6 -------------------------------------------------------------------------------------------


def test_attachments_on_private_addresses_are_refused_from_a_page_elsewhere(zibo, zibo_json, hostile):
    import time

    page = ('<html><head><meta charset="utf-8"><title>2024年上半年经济运行情况</title></head><body><div class="c">'
            '<h1>2024年上半年经济运行情况</h1><p>上半年，全市地区生产总值同比增长5.6%。</p>'
            '<p><a href="http://169.254.169.254/latest/meta-data.pdf">元数据.pdf</a> '
            '<a href="http://10.255.255.1/internal.docx">内网.docx</a> '
            '<a href="http://[::ffff:169.254.1.1]/mapped.pdf">映射.pdf</a> '
            '<a href="/files/local.docx">本站.docx</a></p></div></body></html>').encode()
    docx = (Path(__file__).resolve().parent / "data" / "web" / "invest_2024h1.docx").read_bytes()
    site = hostile({"/page.html": _http("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                   ("Content-Length", str(len(page)))], page),
                    "/files/local.docx": _http("200 OK", [("Content-Length", str(len(docx)))], docx)})
    start = time.monotonic()
    r = zibo("ingest", site.base + "/page.html", "--attachments", "--json")
    assert time.monotonic() - start < 5  # refused, not tried
    assert r.exit_code == 1
    lines = error_lines(r.stderr)
    assert len(lines) == 3 and all("not fetched" in line for line in lines), lines
    assert any("169.254.169.254" in line and "link-local" in line for line in lines)
    assert any("10.255.255.1" in line and "private" in line for line in lines)
    assert sorted(d["document"] for d in zibo_json("docs")) == ["page.html", "本站.docx"]  # same host: fetched


def test_which_addresses_a_public_page_may_not_link_to():
    from zibo_cli.fetch import link_refused

    public = "http://93.184.216.34/news/p.html"
    assert link_refused("http://93.184.216.35/a.pdf", public) is None
    for link, kind in [("http://127.0.0.1:8080/a.pdf", "loopback"), ("http://localhost/a.pdf", "loopback"),
                       ("http://0.0.0.0/a.pdf", "loopback"), ("http://192.168.1.1/a.pdf", "private"),
                       ("http://[fe80::1]/a.pdf", "link-local"), ("http://[::1]/a.pdf", "loopback")]:
        why = link_refused(link, public)
        assert why and kind in why, (link, why)
    assert link_refused("http://192.168.1.9/a.pdf", "http://192.168.1.1/p.html") is None  # an intranet page


def test_symlinks_out_of_a_folder_are_not_followed_unless_asked(zibo, zibo_json, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(REPORT.replace("5.1", "9.9"), encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "out").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "r.txt")  # inside the folder: fine (stored once)
    r = zibo("ingest", folder)
    assert r.exit_code == 1
    lines = error_lines(r.stderr)
    assert len(lines) == 2 and all("outside" in line and "--follow-links" in line for line in lines), lines
    assert [o["value"] for o in zibo_json("indicator", "gdp")] == [5.1]
    r = zibo("ingest", folder, "--follow-links")
    assert r.exit_code == 0, r.stderr
    assert sorted(o["value"] for o in zibo_json("indicator", "gdp")) == [5.1, 9.9]


# 10 ------------------------------------------------------------------------------------------


def _docx_bomb(real_bytes: int) -> bytes:
    """A .docx whose document.xml inflates to ``real_bytes`` while its zip directory says 1,000."""
    import struct
    import zipfile

    docx = (Path(__file__).resolve().parent / "data" / "web" / "invest_2024h1.docx").read_bytes()
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    body = b""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                body = data.replace(b"<w:body>", b"<w:body>" + b" " * real_bytes, 1)
                data = body
            z.writestr(info.filename, data)
    raw = bytearray(out.getvalue())
    size = struct.pack("<I", len(body))
    at = raw.find(size)
    while at != -1:
        raw[at:at + 4] = struct.pack("<I", 1000)
        at = raw.find(size, at + 1)
    return bytes(raw)


def test_a_docx_that_understates_its_sizes_is_refused_before_it_inflates(zibo, tmp_path, monkeypatch):
    import tracemalloc

    from zibo_cli import sources

    monkeypatch.setattr(sources, "MAX_UNPACKED", 4 * 2**20)  # a small bound; the real one is 256 MiB
    f = tmp_path / "bomb.docx"
    f.write_bytes(_docx_bomb(40 * 2**20))
    good = tmp_path / "good.docx"
    good.write_bytes((Path(__file__).resolve().parent / "data" / "web" / "invest_2024h1.docx").read_bytes())
    assert zibo("ingest", good).exit_code == 0  # (the modules a .docx needs, imported before measuring)
    tracemalloc.start()
    try:
        r = zibo("ingest", f)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert r.exit_code == 1
    (line,) = error_lines(r.stderr)
    assert "bomb.docx" in line and "understates" in line, line
    assert peak < 20 * 2**20, peak  # inflated no further than its declared sizes (and a little)


# 12 ------------------------------------------------------------------------------------------


def _xlsx_of_zip_version(version: int) -> bytes:
    import struct

    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    raw = bytearray(buf.getvalue())
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        raw[at + 6:at + 8] = struct.pack("<H", version)
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


def _mht_nested(depth: int) -> bytes:
    parts = ['MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n']
    parts += [f'--b{i}\r\nContent-Type: multipart/related; boundary="b{i + 1}"\r\n\r\n' for i in range(depth)]
    parts.append(f"--b{depth}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                 "<html><body><p>上半年，全市地区生产总值同比增长5.1%。</p></body></html>\r\n")
    parts += [f"--b{i}--\r\n" for i in range(depth, -1, -1)]
    return "".join(parts).encode()


@pytest.mark.parametrize("name, data, cause", [
    ("new-zip.xlsx", _xlsx_of_zip_version(70), "zip"),
    ("deep.mht", _mht_nested(3000), "nested"),
])
def test_unsupported_zip_versions_and_deep_nesting_are_one_clean_line(zibo, tmp_path, name, data, cause):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    r = zibo("ingest", folder)
    assert r.exit_code == 1
    (line,) = error_lines(r.stderr)
    assert name in line and cause in line and "internal error" not in line, line
    assert "1 of 2 files failed; the others were stored" in r.stderr


def test_any_reader_that_recurses_too_deep_is_one_line(monkeypatch):
    from zibo_cli import sources

    def deep(path, data):
        return deep(path, data)

    monkeypatch.setitem(sources.READERS, "html", deep)
    with pytest.raises(sources.SourceError, match="nested too deeply"):
        sources.read_source(Path("p.html"), b"<html><body>x</body></html>")


# 9 -------------------------------------------------------------------------------------------


def _pdf(pages: int, lines: int = 3) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for p in range(pages):
        c.setFont("STSong-Light", 10)
        for i in range(lines):
            c.drawString(50, 500 - i * 18, f"全市第{p + 1}期规模以上工业增加值同比增长{i}.{p % 10}%。")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_each_pdf_page_is_released_once_read(monkeypatch):
    from zibo_cli.readers import pdf

    seen, held = [], []
    read_page = pdf._read_page

    def spy(page, index):
        held.append(sum(1 for p in seen if "_objects" in p.__dict__ or "_layout" in p.__dict__))
        seen.append(page)
        return read_page(page, index)

    monkeypatch.setattr(pdf, "_read_page", spy)
    source = pdf.read(Path("p.pdf"), _pdf(6))
    assert "全市第6期" in source.text
    assert held == [0] * 6  # no page read before still holds its characters and layout


def test_a_file_that_needs_more_memory_than_allowed_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-huge.txt").write_text(REPORT + "上半年，全市工业增加值同比增长5.1%。\n" * 100_000, encoding="utf-8")
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    env = dict(os.environ, ZIBO_DB=str(tmp_path / "z.db"), ZIBO_PARSE_MEMORY="32")
    p = subprocess.run([str(ZIBO), "ingest", str(folder), "--json", "--workers", "0"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert p.returncode == 1, p.stderr
    status = {Path(x["path"]).name: x for x in json.loads(p.stdout)}
    assert status["r.txt"]["status"] == "new"
    assert status["a-huge.txt"]["status"] == "failed" and "ZIBO_PARSE_MEMORY" in status["a-huge.txt"]["error"]
    (line,) = error_lines(p.stderr)
    assert "a-huge.txt" in line and "internal error" not in line


# 13 ------------------------------------------------------------------------------------------


def _serve_db(tmp_path: Path) -> Path:
    folder = tmp_path / "served"
    folder.mkdir()
    db = folder / "zibo.db"
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    subprocess.run([str(ZIBO), "ingest", str(seeds), "-q"], env=dict(os.environ, ZIBO_DB=str(db)), check=True)
    return db


def test_serve_on_a_busy_port_is_one_line(tmp_path):
    import socket

    pytest.importorskip("datasette")
    db = _serve_db(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        p = subprocess.run([str(ZIBO), "serve", "--port", str(port)], env=dict(os.environ, ZIBO_DB=str(db)),
                           capture_output=True, text=True, timeout=60)
    assert p.returncode == 1, p.stderr
    assert p.stderr.count("\n") == 1 and f"port {port}" in p.stderr and "in use" in p.stderr, p.stderr
    assert "serving" not in p.stderr


def test_serve_a_database_on_a_read_only_file_system(tmp_path):
    import shutil
    import socket
    import time
    import urllib.request

    pytest.importorskip("datasette")
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare for a read-only mount")
    db = _serve_db(tmp_path)
    folder = db.parent
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}'"],
                           capture_output=True)
    if probe.returncode:
        pytest.skip("no read-only bind mount here")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = f"mount --bind -o ro '{folder}' '{folder}' && exec '{ZIBO}' serve --port {port}"
    proc = subprocess.Popen(["unshare", "-m", "sh", "-c", script], env=dict(os.environ, ZIBO_DB=str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/zibo/figures.json?_shape=array",
                                            timeout=5) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.3)
        assert body, proc.poll()
        assert any(f["name"] == "地区生产总值" for f in body)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err and "OperationalError" not in err, err


# 14 ------------------------------------------------------------------------------------------


def test_a_full_disk_mid_ingest_says_how_many_documents_were_stored(zibo, zibo_json, tmp_path, db, monkeypatch):
    import sqlite3

    from zibo_cli import ingest, store

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"r{i:02d}.txt").write_text(REPORT.replace("5.1", f"{i}.1") + f"第{i}号。\n" + "文字" * 3000,
                                              encoding="utf-8")
    assert zibo("ingest", folder / "r00.txt").exit_code == 0
    connect = store.connect

    def small_disk(*args, **kwargs):  # the disk fills a few documents further on
        conn = connect(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        return conn

    monkeypatch.setattr(store, "connect", small_disk)
    monkeypatch.setattr(ingest.commits, "BATCH_DOCUMENTS", 2)
    r = zibo("ingest", folder, "--workers", "0")
    assert r.exit_code == 1
    (line,) = error_lines(r.stderr)
    assert "full" in line and "Traceback" not in r.stderr
    monkeypatch.setattr(store, "connect", connect)
    stored = len(zibo_json("docs"))
    assert 1 < stored < 40
    assert f"{stored - 1} new or changed file(s) of this run were stored" in line, line
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert zibo("doctor").exit_code == 0
