"""`zibo serve`: Datasette on the database, with views, canned queries, search and links; a
screenshot of two pages with headless Chromium where it is installed."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ZIBO = Path(sys.executable).with_name("zibo")
datasette = pytest.importorskip("datasette", reason="the web extra (datasette) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(env: dict) -> tuple[subprocess.Popen, str]:
    """`zibo serve` on a free port, once it answers."""
    port = _free_port()
    proc = subprocess.Popen([str(ZIBO), "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2)
            break
        except OSError:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
    return proc, base


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    db = tmp_path_factory.mktemp("serve") / "zibo.db"
    env = {**os.environ, "ZIBO_DB": str(db)}
    subprocess.run([str(ZIBO), "ingest", str(seeds), "-q"], env=env, check=True)
    proc, base = _start(env)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


def get(url: str):
    from urllib.parse import quote

    url = quote(url, safe=":/?&=%_-.")  # 地区生产总值 in a query string is sent percent-encoded
    with urllib.request.urlopen(url, timeout=20) as r:
        assert r.status == 200
        body = r.read().decode("utf-8")
    return json.loads(body) if ".json" in url else body


def test_home_views_and_canned_queries(server):
    assert "淄博市 2024年：目标、任务与最新数据" in get(server + "/")
    figures = get(server + "/zibo/figures.json?_shape=array&name=地区生产总值&_size=max")
    assert {f["period"] for f in figures} >= {"2024H1", "2024Q1-Q3"}
    assert all(f["quote"] and len(f["source"].split(":")[0]) == 64 for f in figures)
    unfinished = get(server + "/zibo/unfinished_tasks.json?_shape=array")
    assert [(t["seq"], t["status"]) for t in unfinished] == [("41", "partial")]
    behind = get(server + "/zibo_answers/behind_target.json?_shape=array")
    assert ("固定资产投资", 8.0, 6.1) in {(r["指标"], r["目标"], r["最新实际"]) for r in behind}
    gdp = get(server + "/zibo/gdp_growth.json?_shape=array")
    assert [r["增速"] for r in gdp if r["期间"] == "2024H1"] == [5.1]
    dept = get(server + "/zibo/unfinished_tasks_of_a_department.json?_shape=array&department=科技局")
    assert [r["seq"] for r in dept] == ["41"]
    assert get(server + "/zibo_answers/catalogue.json?_shape=array&id=gdp")[0]["指标"] == "地区生产总值"
    assert get(server + "/zibo_answers/conflicts.json?_shape=array") == []  # the seeds agree with each other
    targets = get(server + "/zibo_answers/targets.json?_shape=array&_size=max")
    assert {r["status"] for r in targets} >= {"behind", "on_track", "unknown"}


@pytest.mark.parametrize("q", ["燒烤", "烧烤", "淄"])
def test_search_works_for_short_and_traditional_queries(server, q):
    hits = get(server + f"/zibo/search.json?_shape=array&q={q}")
    assert hits and all(h["document"] for h in hits)


def test_each_figure_links_to_the_text_around_its_quote(server):
    page = get(server + "/zibo/figures?name=地区生产总值")
    assert "/-/figure/" in page
    (fig,) = get(server + "/zibo/figures.json?_shape=array&period=2024H1&name=地区生产总值")
    doc, offset = fig["source"].split(":")
    (text,) = get(server + f"/zibo/text_around.json?_shape=array&doc={doc}&offset={offset}")
    assert fig["quote"][:20] in text["text"]


def test_without_datasette_serve_says_how_to_install_it(zibo, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasette" else real(name, *a))
    r = zibo("serve")
    assert r.exit_code == 2 and "pip install 'zibo[web]'" in r.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("page", ["/zibo_answers/behind_target", "/zibo/unfinished_tasks"])
def test_pages_render_in_a_browser(server, tmp_path, page):
    shot = tmp_path / "page.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={shot}", "--window-size=1280,900", server + page],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000  # a page was drawn, not an empty canvas


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_stopping_serve_stops_datasette(tmp_path, how):
    """SIGTERM (a service manager, a closed terminal) and kill -9 of `zibo serve` leave no
    Datasette behind; after SIGTERM its work folder is gone too."""
    import signal

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    env = {**os.environ, "ZIBO_DB": str(tmp_path / "zibo.db"), "TMPDIR": str(tmp_path)}
    subprocess.run([str(ZIBO), "ingest", str(seeds / "000_f3de8a4f265dc74f.txt"), "-q"], env=env, check=True)
    proc, _ = _start(env)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert children, "zibo serve runs Datasette as its child"
    proc.send_signal(getattr(signal, how))
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{c}").exists() for c in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [c for c in children if Path(f"/proc/{c}").exists()]
    for c in left:  # a failing run leaves nothing behind either
        os.kill(int(c), signal.SIGKILL)
    assert not left
    if how == "SIGTERM":
        assert not list(tmp_path.glob("zibo-serve-*"))


# -- the web view in a real browser: key text from the rendered page, screenshots at a desktop's
# and a phone's width (kept in $ZIBO_SCREENSHOTS when set, else in pytest's temporary folder)
WIDTHS = (1400, 390)
NO_PLACE = "淄博市"  # the seeds' place: the 2023 task table names it in its rows


def _url(url: str) -> str:
    from urllib.parse import quote

    return quote(url, safe=":/?&=%_-.#")


def _browser(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--lang=zh-CN", *args], capture_output=True, text=True, timeout=120)


def _render(url: str, width: int, shot: Path, height: int = 2000) -> str:
    """The page as the browser has built it (after layout and any script), and its screenshot."""
    r = _browser(f"--window-size={width},{height}", f"--screenshot={shot}", "--dump-dom", _url(url))
    assert "<body" in r.stdout, r.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000, "the browser drew nothing"
    return r.stdout


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("ZIBO_SCREENSHOTS")
    folder = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _text(dom: str) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", WIDTHS)
def test_browser_home_shows_the_target_behind_and_the_unfinished_task(server, shots, width):
    import re

    url = server + f"/?place={NO_PLACE}&year=2023"
    dom = _render(url, width, shots / f"home-{width}.png")
    row = re.search(r'<tr class="row-behind">(?:(?!</tr>).)*固定资产投资.*?</tr>', dom, re.S).group(0)
    assert "落后" in row and "8%以上" in row and "6.1%" in row
    tasks = dom[dom.index('id="tasks"'):dom.index('id="latest"')]
    assert ">41<" in tasks and "市科技局" in tasks and "基本完成" in tasks
    assert "淄博市 2023年：目标、任务与最新数据" in _text(dom)


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", WIDTHS)
def test_browser_figure_link_shows_its_sentence_highlighted(server, shots, width):
    import re

    home = get(server + f"/?place={NO_PLACE}&year=2023")  # as the browser gets it (its render: the test above)
    row = re.search(r'<tr class="row-behind">(?:(?!</tr>).)*固定资产投资.*?</tr>', home, re.S).group(0)
    link = re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+)"', row)[1]  # the actual, 6.1%
    fig = _render(server + link, width, shots / f"figure-{width}.png", height=1200)
    assert '<mark class="quote" id="quote">1-6月固定资产投资增长6.1%</mark>' in fig
    assert "2023年全市经济社会发展第二季度目标任务完成情况" in fig and "固定链接" in fig


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", WIDTHS)
def test_browser_series_page_draws_a_chart(server, shots, width):
    import re

    url = server + "/-/series?name=地区生产总值&place=淄博市"
    dom = _render(url, width, shots / f"series-{width}.png", height=1200)
    svg = dom[dom.index("<svg"):dom.index("</svg>")]
    assert len(re.findall(r'<path[^>]*>', svg)) > 5 and "2024年1-9月" in svg  # axes, a line, points, labels
    assert len(set(re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+)"', svg))) == 3  # each point links
    assert "地区生产总值 · 淄博市" in _text(dom)


def test_serve_on_a_busy_port_is_one_line_and_exit_1(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    env = {**os.environ, "ZIBO_DB": str(tmp_path / "zibo.db")}
    subprocess.run([str(ZIBO), "ingest", str(seeds / "000_f3de8a4f265dc74f.txt"), "-q"], env=env, check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run([str(ZIBO), "serve", "--port", str(port)], env=env, capture_output=True, text=True,
                           timeout=60)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [f"zibo: error: port {port} on 127.0.0.1 is already in use (another "
                                             "zibo serve?); choose another with --port N, or --port 0 for any free one"]


def test_serve_answers_change_after_another_ingest_without_restarting(tmp_path):
    """zibo serve runs on; a second ingest into its database shows on the next page load."""
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    env = {**os.environ, "ZIBO_DB": str(tmp_path / "zibo.db")}
    subprocess.run([str(ZIBO), "ingest", str(seeds / "000_f3de8a4f265dc74f.txt"), "-q"], env=env, check=True)
    proc, base = _start(env)
    try:
        assert get(base + "/zibo_answers/behind_target.json?_shape=array") == []
        assert "row-behind" not in get(base + "/?place=淄博市&year=2023")  # no target yet
        subprocess.run([str(ZIBO), "ingest", str(seeds / "004_a21875ee7b56be1a.txt"), "-q"], env=env, check=True)
        behind = get(base + "/zibo_answers/behind_target.json?_shape=array")
        assert "固定资产投资" in {r["指标"] for r in behind}
        home = get(base + "/?place=淄博市&year=2023")
        assert "固定资产投资" in home and '<span class="dept">市科技局</span>' in home
    finally:
        proc.terminate()
        proc.wait(timeout=20)
