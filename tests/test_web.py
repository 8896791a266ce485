"""The web view's pages and live answers through Datasette's own test client (no server, no
browser): the scorecard of a place and year, a figure's sentence, a series chart, the answers
views, metadata; and `zibo report --html`."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("datasette", reason="the web extra (datasette) is not installed")

ZIBO = Path(sys.executable).with_name("zibo")
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
Q2_2023 = SEEDS / "004_a21875ee7b56be1a.txt"  # the 2023 report: 固定资产投资 behind, task 41 unfinished
NO_PLACE = "未注明地区"
ZIBO_CITY = "淄博市"  # every seed names it (the 2023 task table in its rows: the document frame)


def ingest(db: Path, *paths: Path) -> None:
    subprocess.run([str(ZIBO), "--db", str(db), "ingest", *map(str, paths), "-q"], check=True)


class Site:
    """Datasette as `zibo serve` configures it, driven in-process."""

    def __init__(self, db: Path, work: Path):
        from datasette.app import Datasette

        from zibo_cli.web import ANSWERS, DB_NAME, PLUGINS_DIR, TEMPLATES_DIR, build_answers, metadata

        linked = work / f"{DB_NAME}.db"
        linked.symlink_to(db)
        answers = work / f"{ANSWERS}.db"
        build_answers(answers)
        self.ds = Datasette([str(linked), str(answers)], metadata=metadata(db), plugins_dir=str(PLUGINS_DIR),
                            template_dir=str(TEMPLATES_DIR))

    def get(self, path: str, status: int = 200):
        path = quote(path, safe=":/?&=%_-.#")
        r = asyncio.run(self.ds.client.get(path))
        assert r.status_code == status, (path, r.status_code, r.text[:500])
        return r.json() if ".json" in path.split("?")[0] else r.text


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("web")
    db = work / "seeds.db"
    ingest(db, SEEDS)
    return Site(db, work)


def test_home_defaults_to_the_place_with_most_documents_and_its_latest_year(site):
    page = text_of(site.get("/"))
    assert "淄博市 2024年：目标、任务与最新数据" in page
    assert "淄博市（3 份文件）" in page and NO_PLACE not in page
    assert "地区生产总值" in page and "5.3%" in page and "2024年1-9月" in page  # the latest figure


def test_home_answers_the_three_questions_for_a_place_and_year(site):
    page = site.get(f"/?place={ZIBO_CITY}&year=2023")
    row = re.search(r'<tr class="row-behind">.*?固定资产投资.*?</tr>', page, re.S).group(0)
    assert "落后" in row and "8%以上" in row and "6.1%" in row and "不低于" in row and "-1.9个百分点" in row
    assert "/-/figure/" in row  # target and actual link to their sentences
    solar = re.search(r'<tr class="row-behind">(?:(?!</tr>).)*新增光伏建设容量.*?</tr>', page, re.S).group(0)
    assert "58万千瓦" in solar  # the pace of an amount: 116 × 6/12
    tasks = page[page.index('id="tasks"'):page.index('id="latest"')]
    assert ">41<" in tasks and "基本完成" in tasks
    assert all(f'<span class="dept">{d}</span>' in tasks for d in ("市发展改革委", "市科技局", "市工业和信息化局"))
    assert "落后 2 项" in text_of(page) and "未完成任务 1 项" in text_of(page)


def test_figure_link_shows_its_sentence_highlighted_with_its_document(site):
    page = site.get(f"/?place={ZIBO_CITY}&year=2023")
    row = re.search(r'<tr class="row-behind">.*?固定资产投资.*?</tr>', page, re.S).group(0)
    actual = re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+)"', row)[1]
    fig = site.get(actual)
    assert '<mark class="quote" id="quote">1-6月固定资产投资增长6.1%</mark>' in fig
    assert "2023年全市经济社会发展第二季度目标任务完成情况" in fig and "发布机关" in fig and "来源" in fig
    assert "固定链接" in fig and actual in fig
    site.get("/-/figure/" + "0" * 64 + "/1", status=404)


def test_figure_page_shows_title_date_publisher_of_its_document(site):
    (f,) = site.get("/zibo/figures.json?_shape=array&name=地区生产总值&period=2024Q1-Q3")
    sha, offset = f["source"].split(":")
    page = text_of(site.get(f"/-/figure/{sha}/{offset}"))
    assert "2024年度全市经济社会发展主要目标任务三季度进展情况通报" in page
    assert "2024-11-03" in page and "淄博市人民政府办公室" in page and "5.3%" in page


def test_series_page_draws_a_chart_whose_points_link_to_their_figures(site):
    page = site.get("/-/series?name=地区生产总值&place=淄博市")
    svg = page[page.index("<svg"):page.index("</svg>")]
    links = re.findall(r'xlink:href="(/-/figure/[0-9a-f]{64}/\d+)"', svg)
    assert len(set(links)) == 3  # the 2023 target 5.5%, 2024H1 5.1%, 2024Q1-Q3 5.3%
    assert "2024年1-6月" in svg and "2024年1-9月" in svg and "5.3%" in svg
    for link in set(links):
        assert "地区生产总值" in site.get(link)
    site.get("/-/series", status=404)


def test_answers_views_have_chinese_columns_facets_and_links(site):
    behind = site.get("/zibo_answers/behind_target.json?_shape=array")
    assert ("固定资产投资", 8.0, 6.1, "不低于") in {(r["指标"], r["目标"], r["最新实际"], r["方向"]) for r in behind}
    targets = site.get("/zibo_answers/targets.json?_shape=array&_size=max")
    assert {r["状态"] for r in targets} >= {"落后", "符合序时", "暂无实际"}
    tasks = site.get("/zibo_answers/unfinished_tasks.json?_facet=部门&_size=max")
    facet = {f["value"]: f["count"] for f in tasks["facet_results"]["部门"]["results"]}
    assert facet == {"市发展改革委": 1, "市科技局": 1, "市工业和信息化局": 1}  # one value per department
    page = site.get("/zibo_answers/targets")
    assert "/-/figure/" in page and "原文" in page
    latest = site.get("/zibo_answers/latest_figures.json?_shape=array&_size=max&指标=地区生产总值&地区=淄博市")
    assert [(r["数值"], r["期间"]) for r in latest] == [(5.3, "2024年1-9月")]


def test_internal_tables_are_hidden(site):
    tables = {t["name"]: t["hidden"] for t in site.get("/zibo.json")["tables"]}
    assert tables["_migrations"] and tables["_fts_pending"] and not tables["documents"]
    assert "_migrations" not in text_of(site.get("/zibo"))


def test_answers_change_after_another_ingest_without_restarting(tmp_path):
    db = tmp_path / "live.db"
    ingest(db, SEEDS / "000_f3de8a4f265dc74f.txt")
    site = Site(db, tmp_path)
    assert site.get("/zibo_answers/behind_target.json?_shape=array") == []
    assert "没有未完成的任务" in site.get(f"/?place={ZIBO_CITY}&year=2023")
    ingest(db, Q2_2023)
    behind = site.get("/zibo_answers/behind_target.json?_shape=array")
    assert "固定资产投资" in {r["指标"] for r in behind}
    page = site.get(f"/?place={ZIBO_CITY}&year=2023")
    assert "固定资产投资" in page and '<span class="dept">市科技局</span>' in page


def test_report_writes_one_self_contained_page(tmp_path):
    db = tmp_path / "r.db"
    ingest(db, SEEDS)
    out = tmp_path / "out.html"
    r = subprocess.run([str(ZIBO), "--db", str(db), "report", ZIBO_CITY, "2023", "--html", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "http://127.0.0.1" not in page and 'src="http' not in page
    assert "固定资产投资" in page and "落后" in page and '<span class="dept">市科技局</span>' in page
    anchors = set(re.findall(r'href="#(src-\d+)"', page))
    assert anchors and all(f'id="{a}"' in page for a in anchors)  # every figure's sentence is in the page
    assert '<mark class="quote">1-6月固定资产投资增长6.1%</mark>' in page
    assert "<svg" in page  # a chart, drawn in the page
    r = subprocess.run([str(ZIBO), "--db", str(db), "report", "北京市", "2023", "--html", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "no place '北京市'" in r.stderr


def test_metadata_is_valid_json_with_chinese_titles(tmp_path):
    from zibo_cli.web import metadata

    meta = json.loads(json.dumps(metadata(tmp_path / "x.db"), ensure_ascii=False))
    assert meta["databases"]["zibo_answers"]["tables"]["targets"]["title"] == "目标完成情况"


def test_every_place_of_the_real_corpus_has_a_scorecard_whose_links_find_their_sentences(tmp_path, ingested):
    """The real corpus (tests/data/real/docs): each place's page renders, and each figure it
    links to is found in its document and highlighted there."""
    db = ingested(Path(__file__).resolve().parent / "data" / "real" / "docs", copy=True)  # the session's ingest
    site = Site(db, tmp_path)
    home = site.get("/")
    places = re.findall(r'<option value="([^"]+)"', home.split('name="year"')[0])
    assert len(places) > 10 and places[-1] == NO_PLACE  # named places first
    links, missing = set(), []
    for place in places:
        page = site.get(f"/?place={place}")
        assert f"{place} " in text_of(page)
        links |= set(re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+)"', page))
    assert len(links) > 50
    for link in sorted(links):
        if '<mark class="quote" id="quote">' not in site.get(link):
            missing.append(link)
    assert not missing
    assert site.get("/zibo_answers/targets.json?_shape=array&_size=max")


@pytest.mark.parametrize(("text", "quote", "end"), [
    ("前言。增长6.5%，在全省排第六位，总体向好。", "增长6.5%，在全省排第6位，总体向好", 22),  # 第六 stored as 第6
    ("前言。增长6.5%。", "增长6.5%", 9),
    ("前言。完全不同的一句话。", "增长6.5%", None),
])
def test_a_highlighted_sentence_is_the_documents_own_words(text, quote, end):
    from zibo_cli.web.answers import _quote_end

    assert _quote_end(text, 3, quote) == end


def test_a_place_without_the_year_asked_shows_its_latest_and_says_so(site):
    page = text_of(site.get("/?place=淄博市&year=2019"))
    assert "淄博市 2024年：目标、任务与最新数据" in page and "淄博市没有 2019 年的数据，显示最新的 2024 年" in page
    year_options = re.findall(r'<option value="(\d{4})"', site.get("/?place=淄博市"))
    assert year_options == ["2024", "2023"]  # the years of the place shown


# -- the English switch: ?lang=en (or the "English" link at the top); Chinese by default ----------
def test_home_is_in_chinese_by_default_with_a_link_to_english(site):
    page = site.get(f"/?place={ZIBO_CITY}&year=2023")
    assert "一、目标完成情况" in page and "Targets: on track or behind" not in page
    switch = re.search(r'<span class="lang-switch".*?</span>', page, re.S).group(0)
    assert "<strong>中文</strong>" in switch
    english = re.search(r'href="([^"]+)"[^>]*>English</a>', switch).group(1).replace("&amp;", "&")
    assert "lang=en" in english and "year=2023" in english  # the same page, in English
    rest = page[page.index(switch) + len(switch):]
    assert "/-/figure/" in rest and "lang=en" not in rest  # the Chinese page's own links stay Chinese


def test_home_in_english_has_english_labels_and_keeps_the_documents_words(site):
    page = site.get(f"/?place={ZIBO_CITY}&year=2023&lang=en")
    text = text_of(page)
    assert "1. Targets: on track or behind" in text and "2. Unfinished tasks" in text and "3. Latest figures" in text
    for zh in ("一、目标完成情况", "责任单位", "最新实际", "落后", "未完成任务"):
        assert zh not in text, zh
    row = re.search(r'<tr class="row-behind">.*?固定资产投资.*?</tr>', page, re.S).group(0)
    assert "Fixed-asset investment" in row and "Behind" in row and "at least" in row
    assert "Jan–Jun 2023" in row and "-1.9 pp" in row and "6.1%" in row
    assert '<span class="dept">市科技局</span>' in page and "Partly done" in page  # departments as written
    links = re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+[^"]*)"', page)
    assert links and all(link.endswith("?lang=en") for link in links)  # the figure pages open in English
    assert '<input type="hidden" name="lang" value="en">' in page  # choosing a place keeps English
    chinese = re.search(r'href="([^"]+)"[^>]*>中文</a>', page).group(1).replace("&amp;", "&")
    assert "lang" not in chinese and "year=2023" in chinese


def test_figure_and_series_pages_in_english(site):
    page = site.get(f"/?place={ZIBO_CITY}&year=2023&lang=en")
    row = re.search(r'<tr class="row-behind">.*?固定资产投资.*?</tr>', page, re.S).group(0)
    link = re.findall(r'href="(/-/figure/[0-9a-f]{64}/\d+\?lang=en)"', row)[1]
    fig = text_of(site.get(link))
    assert "Published" in fig and "Publisher" in fig and "Permanent link" in fig and "发布日期" not in fig
    assert "1-6月固定资产投资增长6.1%" in fig  # the sentence, as the document says it
    series = site.get("/-/series?name=地区生产总值&place=淄博市&lang=en")
    svg = series[series.index("<svg"):series.index("</svg>")]
    assert "Actual" in svg and "Target" in svg and "Jan–Sep 2024" in svg and "实际" not in svg
    assert all(u.endswith("?lang=en") for u in re.findall(r'xlink:href="(/-/figure/[^"]+)"', svg))
    assert "Regional GDP" in text_of(series)


def test_every_label_of_the_templates_has_its_english():
    from zibo_cli.web import TEMPLATES_DIR
    from zibo_cli.web.answers import BASIS_LABELS, MEASURE_LABELS, STATUS_LABELS, TASK_STATUS_LABELS
    from zibo_cli.web.i18n import EN, period_english

    labels = set()
    for template in TEMPLATES_DIR.glob("*.html"):
        labels |= set(re.findall(r"""_\((?:"([^"]+)"|'([^']+)')\)""", template.read_text(encoding="utf-8")))
    labels = {a or b for a, b in labels} | set(STATUS_LABELS.values()) | set(TASK_STATUS_LABELS.values())
    labels |= set(MEASURE_LABELS.values()) | set(BASIS_LABELS.values()) | {"不低于", "不高于", "实际", "目标"}
    assert len(labels) > 60
    assert sorted(label for label in labels if label not in EN) == []
    assert period_english("2024年1-6月") == "Jan–Jun 2024" and period_english("2024年全年") == "2024"
    assert period_english("2024年3月") == "Mar 2024" and period_english("2024H1") == "2024H1"


def test_report_in_english(tmp_path):
    db = tmp_path / "r.db"
    ingest(db, Q2_2023)
    out = tmp_path / "en.html"
    r = subprocess.run([str(ZIBO), "--db", str(db), "report", ZIBO_CITY, "2023", "--html", str(out), "--lang", "en"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "1. Targets: on track or behind" in page and "Behind" in page
    assert "一、目标完成情况" not in page and '<mark class="quote">1-6月固定资产投资增长6.1%</mark>' in page
    r = subprocess.run([str(ZIBO), "--db", str(db), "report", ZIBO_CITY, "2023", "--html", str(out), "--lang", "fr"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "--lang 'fr'" in r.stderr


def test_answers_follow_an_ingest_still_in_the_write_ahead_log(tmp_path):
    """While another process reads the database (a long ingest still writing does the same), a
    new ingest stays in its -wal file (the main file is not touched until a checkpoint can
    pass the reader): the answers see it all the same."""
    db = tmp_path / "wal.db"
    ingest(db, SEEDS / "000_f3de8a4f265dc74f.txt")
    site = Site(db, tmp_path)
    assert site.get("/zibo_answers/behind_target.json?_shape=array") == []
    hold = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN'); "
            "c.execute('SELECT count(*) FROM documents').fetchone(); print('reading', flush=True); sys.stdin.read()")
    reader = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert reader.stdout.readline().strip() == "reading"  # a read transaction, left open
        before = db.stat().st_mtime_ns, db.stat().st_size
        ingest(db, Q2_2023)
        assert (db.stat().st_mtime_ns, db.stat().st_size) == before  # only the -wal file changed
        behind = site.get("/zibo_answers/behind_target.json?_shape=array")
        assert "固定资产投资" in {r["指标"] for r in behind}
    finally:
        reader.communicate("", timeout=30)


def test_a_figure_of_no_known_year_is_listed_under_the_chart_but_not_drawn(monkeypatch):
    from zibo_cli.web import answers

    def point(year, label, value):
        return {"measure": "growth", "basis": "yoy", "unit": "%", "year": year, "period_label": label,
                "value": value, "value_text": f"{value}%", "kind": "actual", "title": "t", "document": "d",
                "link": f"/-/figure/{'a' * 64}/{int(value * 10)}", "place": "全国"}

    rows = [point(None, "M04", 9.8), point(2021, "2021年1-5月", 17.8), point(2022, "2022年1-5月", 7.1)]
    monkeypatch.setattr(answers, "series_points", lambda z, name, place=None: [dict(r) for r in rows])
    (chart,) = answers.series_charts(None, "规上工业增加值", "全国")["charts"]
    assert [p["period_label"] for p in chart["points"]] == ["M04", "2021年1-5月", "2022年1-5月"]
    assert "2021年1-5月" in chart["svg"] and "M04" not in chart["svg"] and "9.8%" not in chart["svg"]
