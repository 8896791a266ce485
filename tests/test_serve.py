"""`zibo serve`: Datasette on the database, with views, canned queries, search and links (the
pages in a real browser: test_web_browser.py)."""

from __future__ import annotations

import json
import os
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


def test_serve_a_read_only_database_shows_every_page_without_a_traceback(tmp_path):
    """A database on a read-only file system (a share, a CD): the home page, a figure, a chart and
    the live answers all serve (Datasette opens it immutable, the answers read it read-only)."""
    import re
    import shutil

    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare for a read-only mount")
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    folder = tmp_path / "share"
    folder.mkdir()
    db = folder / "zibo.db"
    subprocess.run([str(ZIBO), "--db", str(db), "ingest", str(seeds), "-q"], check=True)
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}' && "
                            f"! touch '{folder}/x' 2>/dev/null"], capture_output=True)
    if probe.returncode:
        pytest.skip("no read-only bind mount here")
    port = _free_port()
    script = f"mount --bind -o ro '{folder}' '{folder}' && exec '{ZIBO}' serve --port {port}"
    proc = subprocess.Popen(["unshare", "-m", "sh", "-c", script], env={**os.environ, "ZIBO_DB": str(db)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                assert proc.poll() is None, proc.communicate()
                time.sleep(0.2)
        home = get(base + "/?place=淄博市&year=2023")
        assert "固定资产投资" in home and '<span class="dept">市科技局</span>' in home
        link = re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+)"', home)[0]
        assert '<mark class="quote" id="quote">' in get(base + link)
        assert "<svg" in get(base + "/-/series?name=地区生产总值&place=淄博市")
        behind = get(base + "/zibo_answers/behind_target.json?_shape=array")
        assert "固定资产投资" in {r["指标"] for r in behind}
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err and "OperationalError" not in err, err
    assert sorted(p.name for p in folder.iterdir()) == ["zibo.db"]  # nothing written beside it
