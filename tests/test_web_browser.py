"""The web view in a real headless browser (Chromium), over `zibo serve` on the seeds and on the
real corpus (tests/data/real/docs): the key text of each page as the browser built it, and
screenshots at a desktop's and a phone's width (1400 and 390 px), kept in $ZIBO_SCREENSHOTS when
set, else in pytest's temporary folder, and checked for drawn content (text, the highlight of a
quoted sentence, a chart's line).

Chinese in the screenshots is drawn with Noto Sans CJK from PyPI (noto-cjk-sans-otc, in the dev
extra), given to Chromium through a fontconfig file of the test's own, so a machine without a
CJK font draws the same pages. Chromium itself is Debian's package (.ci/run installs it); where
it is missing these tests are skipped with that message.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("datasette", reason="the web extra (datasette) is not installed")

ZIBO = Path(sys.executable).with_name("zibo")
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
REAL = ROOT / "tests" / "data" / "real" / "docs"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTHS = (1400, 390)
ZIBO_CITY = "淄博市"  # the seeds' place
NO_PLACE = "未注明地区"
ACTUAL_BLUE = (0x1F, 0x5F, 0xA8)  # chart.py: the line of actuals
HIGHLIGHT = (0xFF, 0xE5, 0x8A)  # _zibo_style.html: mark.quote

pytestmark = [pytest.mark.browser,  # make test-browser (not in make test: ~3 minutes of Chromium)
              pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                                          "(apt-get install chromium; .ci/run does)")]


# -- a server, a browser, a font -----------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path):
    """`zibo serve` on the database, once it answers: (process, base address)."""
    port = _free_port()
    env = {**os.environ, "ZIBO_DB": str(db)}
    proc = subprocess.Popen([str(ZIBO), "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2)
            return proc, base
        except OSError:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("zibo serve did not answer within 60 s")


def _server(tmp_path_factory, name: str, docs: Path):
    db = tmp_path_factory.mktemp(name) / "zibo.db"
    subprocess.run([str(ZIBO), "--db", str(db), "ingest", str(docs), "-q"], check=True)
    proc, base = _serve(db)
    return proc, base, db


@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory):
    proc, base, _ = _server(tmp_path_factory, "seeds", SEEDS)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def real_server(tmp_path_factory):
    proc, base, db = _server(tmp_path_factory, "real", REAL)
    yield base, db
    proc.terminate()
    proc.wait(timeout=20)


def _cjk_font_dir() -> Path | None:
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return None
    return Path(str(noto_cjk_sans_otc.FONT_PATH)).parent


@pytest.fixture(scope="module")
def font_env(tmp_path_factory) -> dict:
    """The browser's environment: the system's fonts and Noto Sans CJK from the wheel."""
    folder = _cjk_font_dir()
    if folder is None:
        return dict(os.environ)
    work = tmp_path_factory.mktemp("fontconfig")
    conf = work / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{folder}</dir>
  <cachedir>{work / "cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("ZIBO_SCREENSHOTS")
    folder = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _url(url: str) -> str:
    return quote(url, safe=":/?&=%_-.#")


def _render(env: dict, url: str, width: int, shot: Path, height: int = 2000) -> str:
    """The page as the browser has built it (after layout and any script), and its screenshot."""
    shot.unlink(missing_ok=True)
    r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--lang=zh-CN", f"--window-size={width},{height}", f"--screenshot={shot}", "--dump-dom",
                        _url(url)], capture_output=True, text=True, timeout=120, env=env)
    assert "<body" in r.stdout, r.stderr[-2000:]
    assert shot.exists(), "the browser saved no screenshot"
    return r.stdout


def _ink(shot: Path, width: int) -> dict:
    """What the screenshot holds: its size, the share of pixels that are not the background, its
    number of colours, and how many pixels are near each colour this test looks for."""
    from PIL import Image

    with Image.open(shot) as img:
        rgb = img.convert("RGB")
        assert rgb.width == width, (rgb.width, width)
        small = rgb.resize((rgb.width // 2, rgb.height // 2))
        data = small.tobytes()
    pixels = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    background = max(set(pixels[:: 7]), key=pixels[:: 7].count)

    def near(colour, tolerance=24):
        return sum(1 for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, colour, strict=True)))

    return {"ink": sum(1 for p in pixels if p != background) / len(pixels), "colours": len(set(pixels)),
            "blue": near(ACTUAL_BLUE), "highlight": near(HIGHLIGHT, 8)}


def _drawn(shot: Path, width: int) -> dict:
    found = _ink(shot, width)
    assert found["ink"] > 0.02 and found["colours"] > 30, found  # text and tables, not an empty canvas
    return found


def _text(dom: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))


def _figure_links(html: str) -> list[str]:
    return re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+)"', html)


def _get(url: str) -> str:
    with urllib.request.urlopen(_url(url), timeout=30) as r:
        return r.read().decode("utf-8")


def test_the_browser_draws_chinese_with_a_cjk_font(font_env):
    """The font the pages ask for first is there for the browser (fontconfig as Chromium reads it)."""
    if not shutil.which("fc-match"):
        pytest.skip("fc-match (fontconfig) is not installed")
    r = subprocess.run(["fc-match", "-f", "%{family}", "Noto Sans CJK SC:lang=zh-cn"], capture_output=True,
                       text=True, env=font_env)
    assert "Noto Sans CJK SC" in r.stdout, r.stdout  # not a fallback without Chinese glyphs


# -- the seeds: known answers --------------------------------------------------------------
@pytest.mark.parametrize("width", WIDTHS)
def test_seeds_home_shows_the_target_behind_and_the_unfinished_task(seeds_server, font_env, shots, width):
    shot = shots / f"seeds-home-{width}.png"
    dom = _render(font_env, seeds_server + f"/?place={ZIBO_CITY}&year=2023", width, shot)
    row = re.search(r'<tr class="row-behind">(?:(?!</tr>).)*固定资产投资.*?</tr>', dom, re.S).group(0)
    assert "落后" in row and "8%以上" in row and "6.1%" in row
    tasks = dom[dom.index('id="tasks"'):dom.index('id="latest"')]
    assert ">41<" in tasks and "市科技局" in tasks and "基本完成" in tasks
    assert "淄博市 2023年：目标、任务与最新数据" in _text(dom)
    _drawn(shot, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_seeds_figure_link_shows_its_sentence_highlighted(seeds_server, font_env, shots, width):
    home = _get(seeds_server + f"/?place={ZIBO_CITY}&year=2023")
    row = re.search(r'<tr class="row-behind">(?:(?!</tr>).)*固定资产投资.*?</tr>', home, re.S).group(0)
    link = _figure_links(row)[1]  # the actual, 6.1%
    shot = shots / f"seeds-figure-{width}.png"
    fig = _render(font_env, seeds_server + link, width, shot, height=1200)
    assert '<mark class="quote" id="quote">1-6月固定资产投资增长6.1%</mark>' in fig
    assert "2023年全市经济社会发展第二季度目标任务完成情况" in fig and "固定链接" in fig
    assert _drawn(shot, width)["highlight"] > 100  # the sentence is highlighted on screen


@pytest.mark.parametrize("width", WIDTHS)
def test_seeds_series_page_draws_a_chart(seeds_server, font_env, shots, width):
    shot = shots / f"seeds-series-{width}.png"
    dom = _render(font_env, seeds_server + f"/-/series?name=地区生产总值&place={ZIBO_CITY}", width, shot, height=1200)
    svg = dom[dom.index("<svg"):dom.index("</svg>")]
    assert len(re.findall(r'<path[^>]*>', svg)) > 5 and "2024年1-9月" in svg  # axes, a line, points, labels
    assert len(set(_figure_links(svg.replace("xlink:href", "href")))) == 3  # each point links
    assert "地区生产总值 · 淄博市" in _text(dom)
    assert _drawn(shot, width)["blue"] > 50  # the line of actuals is on screen


@pytest.mark.parametrize("width", WIDTHS)
def test_seeds_home_in_english(seeds_server, font_env, shots, width):
    shot = shots / f"seeds-home-en-{width}.png"
    dom = _render(font_env, seeds_server + f"/?place={ZIBO_CITY}&year=2023&lang=en", width, shot)
    row = re.search(r'<tr class="row-behind">(?:(?!</tr>).)*固定资产投资.*?</tr>', dom, re.S).group(0)
    assert "Fixed-asset investment" in row and "Behind" in row and "Jan–Jun 2023" in row
    assert "1. Targets: on track or behind" in _text(dom) and "一、目标完成情况" not in dom
    _drawn(shot, width)


@pytest.mark.parametrize(("page", "shown"), [
    ("/zibo_answers/behind_target", ["哪些指标落后于目标？", "固定资产投资", "/-/figure/"]),
    ("/zibo_answers/unfinished_tasks?_facet=部门", ["未完成任务（按责任单位）", "市科技局", "市发展改革委"]),
    ("/zibo/unfinished_tasks", ["未完成任务（原始）", "市科技局", "partial"]),
])
def test_seeds_datasette_pages_render(seeds_server, font_env, shots, page, shown):
    """Datasette's own table pages, with zibo's metadata: Chinese titles, links to sentences, facets."""
    shot = shots / f"seeds-table-{page.split('?')[0].strip('/').replace('/', '-')}.png"
    dom = _render(font_env, seeds_server + page, 1400, shot, height=1000)
    assert all(s in dom for s in shown), [s for s in shown if s not in dom]
    _drawn(shot, 1400)


# -- the real corpus: what the database answers is what the browser shows ----------------------
def _real_choices(db: Path) -> dict:
    """From the real corpus's database, through the web view's own answers: a place and year with
    a target judged (behind first), one with unfinished tasks, a named place's longest series."""
    from zibo_cli.query import Zibo
    from zibo_cli.web.answers import places, scorecard, series_list

    judged, tasks = [], []
    with Zibo(db) as z:
        for p in places(z):
            if p["place"] == NO_PLACE:
                continue
            for year in p["years"]:
                card = scorecard(z, p["place"], year)
                rows = [r for r in card["targets"] if r["status"] != "unknown" and r["actual_link"]]
                if rows:
                    judged.append((rows[0]["status"] != "behind", -len(rows), p["place"], year, rows[0]))
                dept = [t for t in card["tasks"] if t["department_list"]]
                if dept:
                    tasks.append((-len(dept), p["place"], year, dept[0]))
        series = [s for s in series_list(z) if s["place"] != NO_PLACE]
    assert judged and tasks and series, "the real corpus has targets judged, tasks with departments, series"
    return {"target": min(judged, key=lambda j: j[:4]), "task": min(tasks, key=lambda t: t[:3]),
            "series": series[0]}


@pytest.fixture(scope="module")
def real(real_server):
    base, db = real_server
    return base, _real_choices(db), db


@pytest.mark.parametrize("width", WIDTHS)
def test_real_corpus_home_shows_a_places_targets_and_tasks(real, font_env, shots, width):
    base, chosen, _ = real
    *_, place, year, target = chosen["target"]
    shot = shots / f"real-home-{width}.png"
    dom = _render(font_env, base + f"/?place={place}&year={year}", width, shot)
    assert f"{place} {year}年：目标、任务与最新数据" in _text(dom)
    row = re.search(rf'<tr class="row-{target["status"]}">(?:(?!</tr>).)*{re.escape(target["name"])}.*?</tr>',
                    dom, re.S)
    assert row, (target["name"], target["status"])
    assert target["status_label"] in row.group(0) and target["target_text"] in row.group(0)
    assert target["actual_link"] in row.group(0)
    _drawn(shot, width)
    *_, place, year, task = chosen["task"]
    dom = _render(font_env, base + f"/?place={place}&year={year}", width, shots / f"real-tasks-{width}.png")
    tasks = dom[dom.index('id="tasks"'):dom.index('id="latest"')]
    assert f'<span class="dept">{task["department_list"][0]}</span>' in tasks and f">{task['seq']}<" in tasks
    _drawn(shots / f"real-tasks-{width}.png", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_real_corpus_figure_link_shows_its_sentence_highlighted(real, font_env, shots, width):
    from html import unescape

    from zibo_cli.query import Zibo
    from zibo_cli.web.answers import figure

    base, chosen, db = real
    *_, place, year, target = chosen["target"]
    home = _get(base + f"/?place={place}&year={year}")
    assert target["actual_link"] in _figure_links(home)  # the home page links the figure
    _, _, _, sha, offset = target["actual_link"].split("/")
    with Zibo(db) as z:
        fig = figure(z, sha, int(offset))
    assert fig["found"] and f"{target['actual']:g}" in fig["quote"]  # the sentence states the actual
    shot = shots / f"real-figure-{width}.png"
    dom = _render(font_env, base + target["actual_link"], width, shot, height=1400)
    mark = re.search(r'<mark class="quote" id="quote">([^<]+)</mark>', dom)
    assert mark and unescape(mark.group(1)) == fig["quote"]
    assert (fig["title"] or fig["document"]) in unescape(dom)
    assert "固定链接" in dom and target["actual_link"] in dom  # its permanent address, to paste
    assert _drawn(shot, width)["highlight"] > 100


@pytest.mark.parametrize("width", WIDTHS)
def test_real_corpus_series_page_draws_a_chart(real, font_env, shots, width):
    base, chosen, _ = real
    series = chosen["series"]
    shot = shots / f"real-series-{width}.png"
    dom = _render(font_env, base + f"/-/series?name={series['name']}&place={series['place']}", width, shot,
                  height=1400)
    assert f"{series['name']} · {series['place']}" in _text(dom)
    svgs = re.findall(r"<svg.*?</svg>", dom, re.S)  # one chart per measure, basis and unit
    # every point is a link to its figure's sentence (figures of one sentence share it)
    pointed = [link for svg in svgs for link in _figure_links(svg.replace("xlink:href", "href"))]
    links = set(pointed)
    assert len(pointed) >= series["periods"] and max(len(re.findall(r"<path[^>]*>", svg)) for svg in svgs) > 5
    for link in sorted(links)[:3]:  # a point opens its sentence
        assert '<mark class="quote" id="quote">' in _get(base + link)
    assert _drawn(shot, width)["blue"] > 50
