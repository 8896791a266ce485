"""A Datasette plugin kept in the zibo package (loaded by `zibo serve` with --plugins-dir):

* ``zibo_simplified(text)``: a query normalised as zibo normalises reports (traditional →
  simplified, full-width → half-width), so the ``search`` canned query finds 燒烤 as 烧烤;
* ``zibo_answer(name)``: the rows of one live answer (targets, unfinished tasks a department
  each, latest figures, conflicts, catalogue) as JSON, computed from the zibo database when a
  query asks (the views of ``zibo_answers`` read it; nothing is a snapshot of the start);
* pages: ``/`` the scorecard of a place and year (?place=&year=), ``/-/figure/SHA256/OFFSET``
  a figure's sentence highlighted in its document (a permanent address), ``/-/series?name=&place=``
  an indicator's chart with every point linked to its figure;
* a figure's ``source`` (``sha256:offset``) is shown as a link to its sentence.
"""

from __future__ import annotations

import os
import threading

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

_SOURCE_COLUMNS = {"source", "来源", "目标来源", "实际来源"}


def _config(datasette) -> dict:
    return datasette.plugin_config("zibo_web") or {}


def _db_name(datasette) -> str:
    name = _config(datasette).get("db")
    if name and name in datasette.databases:
        return name
    return next((n for n, d in datasette.databases.items() if d.path and n != "_internal"), "zibo")


@hookimpl
def prepare_connection(conn, database, datasette):
    from zibo_cli.normalize import normalize_text

    def simplified(text):
        if text is None:
            return None
        return normalize_text(str(text)) or str(text)

    conn.create_function("zibo_simplified", 1, simplified, deterministic=True)
    conn.create_function("zibo_answer", 1, lambda name: _answer(datasette, name))


_cache: dict[str, tuple[tuple, str]] = {}
_lock = threading.Lock()


def _state(path: str) -> tuple:
    """What changes when the database is written (its file, its write-ahead log)."""
    out = []
    path = os.path.realpath(path)  # zibo serve links the database: its -wal file is beside the target
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            out.append(None)
    return tuple(out)


def _answer(datasette, name: str) -> str:
    """One answer's rows as a JSON array, computed again whenever the database has changed."""
    import json

    from zibo_cli.query import Zibo
    from zibo_cli.web.answers import VIEW_ROWS

    if name not in VIEW_ROWS:
        return "[]"
    path = datasette.databases[_db_name(datasette)].path
    state = _state(path)
    with _lock:
        hit = _cache.get(name)
        if hit and hit[0] == state:
            return hit[1]
    with Zibo(path) as z:
        rows = VIEW_ROWS[name][1](z)
    text = json.dumps(rows, ensure_ascii=False)
    with _lock:
        _cache[name] = (state, text)
    return text


async def _ask(datasette, fn, *args):
    """``fn(Zibo, *args)`` on Datasette's read connection to the zibo database."""
    from zibo_cli.query import Zibo

    db = datasette.get_database(_db_name(datasette))

    def run(conn):
        saved = conn.row_factory
        conn.row_factory = None
        try:
            return fn(Zibo.on(conn), *args)
        finally:
            conn.row_factory = saved

    return await db.execute_fn(run)


def _lang(request) -> str:
    from zibo_cli.web.i18n import lang_of

    return lang_of(request.args.get("lang"))


# zibo's own pages keep the language asked for in their links to each other
_OWN_PAGES = ("/", "/-/figure/", "/-/series")


def _with_lang(url: str, lang: str) -> str:
    path = url.split("?")[0]
    if lang != "en" or not (path == "/" or path.startswith(_OWN_PAGES[1:])) or "lang=" in url:
        return url
    return url + ("&" if "?" in url else "?") + "lang=en"


async def _page(datasette, request, template: str, context: dict) -> Response:
    db = _db_name(datasette)
    from urllib.parse import parse_qsl, urlencode

    from zibo_cli.web.i18n import template_helpers

    lang = _lang(request)

    def href(path):
        return datasette.urls.path(_with_lang(path, lang))

    def series_href(name, place):
        return href("/-/series?" + urlencode({"name": name, "place": place or ""}))

    def lang_href(other):
        """This page in the other language."""
        args = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True) if k != "lang"]
        if other == "en":
            args.append(("lang", "en"))
        return datasette.urls.path(request.path) + ("?" + urlencode(args) if args else "")

    context = {**context, **template_helpers(lang), "zibo_db": db, "href": href, "series_href": series_href,
               "lang_href": lang_href}
    return Response.html(await datasette.render_template(template, context, request=request))


def _year(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


async def home(datasette, request):
    from zibo_cli.web.answers import scorecard

    card = await _ask(datasette, scorecard, request.args.get("place") or None, _year(request.args.get("year")))
    return await _page(datasette, request, "zibo_home.html", {"card": card})


async def figure_page(datasette, request):
    from zibo_cli.web.answers import figure

    sha, offset = request.url_vars["sha256"], int(request.url_vars["offset"])
    fig = await _ask(datasette, figure, sha, offset)
    if fig is None:
        raise NotFound("没有这份文件（no such document in this database）")
    return await _page(datasette, request, "zibo_figure.html", {"fig": fig, "permalink": request.url})


async def series_page(datasette, request):
    from zibo_cli.web.answers import series_charts

    name, place = request.args.get("name") or "", request.args.get("place") or None
    if not name:
        raise NotFound("请给出指标：/-/series?name=地区生产总值&place=淄博市")
    lang = _lang(request)
    found = await _ask(datasette, series_charts, name, place, lambda link: _with_lang(link, lang), lang)
    return await _page(datasette, request, "zibo_series.html", {"name": name, "place": place, **found})


# Datasette's table pages: short cells (names, places, numbers) never wrap; long texts do
_NOWRAP = ["指标", "地区", "年份", "状态", "方向", "目标", "目标说明", "最新实际", "实际期间", "序时进度", "差距", "单位",
           "部门", "序号", "期间", "口径", "数值", "说明", "name", "region", "period", "kind", "value", "unit",
           "measure", "basis", "qualifier", "status", "seq", "year", "document", "增速"]


async def css(datasette, request):
    from datasette.utils import to_css_class

    cells = ", ".join(f".rows-and-columns td.col-{to_css_class(c)}" for c in _NOWRAP)
    text = (f"{cells} {{ white-space: nowrap; }}\n"
            ".rows-and-columns td { font-variant-numeric: tabular-nums; }\n"
            "body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', "
            "'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif; }\n")
    return Response.text(text, headers={"content-type": "text/css; charset=utf-8"})


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path("/-/zibo.css")]


@hookimpl
def register_routes():
    return [
        (r"^/$", home),
        (r"^/-/zibo\.css$", css),
        (r"^/-/figure/(?P<sha256>[0-9a-f]{64})/(?P<offset>[0-9]{1,12})$", figure_page),
        (r"^/-/series$", series_page),
    ]


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column not in _SOURCE_COLUMNS or not isinstance(value, str) or ":" not in value:
        return None
    doc, _, offset = value.partition(":")
    if len(doc) != 64 or not offset.isdigit():
        return None
    url = datasette.urls.path(f"/-/figure/{doc}/{offset}")
    return Markup(f'<a href="{escape(url)}">原文</a>')
