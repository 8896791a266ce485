"""`zibo report PLACE YEAR --html out.html`: the scorecard as one self-contained page (styles,
charts as inline SVG, and every linked figure's sentence in an appendix), for people who only
get attachments. The same templates as the home page of `zibo serve`."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import TEMPLATES_DIR
from .answers import NO_PLACE, figure, places, scorecard, series_charts

if TYPE_CHECKING:
    from ..query import Zibo

__all__ = ["resolve_place", "render_report"]

MAX_CHARTS = 12


def resolve_place(z: Zibo, text: str) -> str | None:
    """The place ``text`` names: exactly, else the one place it starts (淄博 → 淄博市)."""
    names = [p["place"] for p in places(z)]
    if text in names:
        return text
    if text in ("", "-", "none", NO_PLACE):
        return NO_PLACE if NO_PLACE in names else None
    found = [n for n in names if n.startswith(text)]
    return found[0] if len(found) == 1 else None


def render_report(z: Zibo, place: str, year: int, lang: str = "zh") -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from .i18n import template_helpers

    card = scorecard(z, place, year)
    sources: dict[str, dict[str, Any]] = {}

    def href(path: str | None) -> str:
        if not path:
            return "#"
        if path not in sources:
            _, _, _, sha, offset = path.split("/")
            fig = figure(z, sha, int(offset))
            if fig is None:
                return "#"
            sources[path] = {**fig, "anchor": f"src-{len(sources) + 1}", "number": len(sources) + 1}
        return "#" + sources[path]["anchor"]

    names: list[tuple[str, str]] = []
    for r in [*card["targets"], *card["latest"]]:
        if (r["name"], r["place"]) not in names:
            names.append((r["name"], r["place"]))
    charts: dict[tuple[str, str], dict[str, Any]] = {}
    for name, where in names:
        if len(charts) >= MAX_CHARTS:
            break
        found = series_charts(z, name, where, href=href, lang=lang)
        drawn = [c for c in found["charts"] if len({p["period_label"] for p in c["points"] if p["year"] is not None}) > 1]
        if drawn:
            charts[(name, where)] = {"name": name, "place": where, "anchor": f"series-{len(charts) + 1}",
                                     "charts": drawn}

    def series_href(name: str, where: str) -> str | None:
        c = charts.get((name, where))
        return "#" + c["anchor"] if c else None

    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(["html"]))
    page = env.get_template("zibo_report.html")
    helpers = template_helpers(lang)
    html = page.render(card=card, href=href, series_href=series_href, charts=list(charts.values()),
                       made=_dt.date.today().isoformat(), **helpers)
    # the appendix is filled as links are made: render once more with every source known
    return page.render(card=card, href=href, series_href=series_href, charts=list(charts.values()),
                       sources=sorted(sources.values(), key=lambda s: s["number"]),
                       made=_dt.date.today().isoformat(), **helpers) if sources else html


def write_report(z: Zibo, place: str, year: int, out: Path, lang: str = "zh") -> None:
    out.write_text(render_report(z, place, year, lang), encoding="utf-8")
