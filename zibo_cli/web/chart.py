"""Charts: Vega-Lite specifications drawn from the rows as SVG on the server (vl-convert), so a
chart needs no script in the browser and a static page keeps it (zibo report --html). Each point
is a link to its figure's sentence."""

from __future__ import annotations

import html
import re
from typing import Any

__all__ = ["series_spec", "series_svg", "CHART_FONT"]

CHART_FONT = "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Zen Hei, Microsoft YaHei, PingFang SC, sans-serif"
# Vega resolves a relative link against its own default base; the link is given back as written
_BASE = re.compile(r'(xlink:href|href)="https?://vega\.github\.io/vega-datasets/')
KIND_LABELS = {"actual": "实际", "target": "目标"}


def series_spec(points: list[dict[str, Any]], title: str, unit: str | None,
                link: str = "link", lang: str = "zh") -> dict[str, Any]:
    """A line of actuals (dots for targets) over periods in time order; ``link`` names the field
    each point's address is in; labels in ``lang`` (i18n.py)."""
    from .i18n import translator

    _ = translator(lang)
    actual, target = _("实际"), _("目标")
    order: list[str] = []
    values = []
    for p in points:
        period = _(p["period_label"]) if p["period_label"] else ""
        if period not in order:
            order.append(period)
        values.append({"时期": period, "数值": p["value"], "类型": _(KIND_LABELS.get(p["kind"], p["kind"])),
                       "数值文字": p["value_text"], "文件": p.get("title") or p.get("document") or "",
                       "链接": p.get(link) or ""})
    y_title = f"{title}（{unit}）" if unit else title
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 560, "height": 260, "padding": 8,
        "config": {"font": CHART_FONT, "axis": {"labelFontSize": 12, "titleFontSize": 12},
                   "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"}},
        "data": {"values": values},
        "encoding": {
            "x": {"field": "时期", "type": "ordinal", "sort": order, "title": None,
                  "axis": {"labelAngle": 0, "labelLimit": 110}},
            "y": {"field": "数值", "type": "quantitative", "title": y_title, "scale": {"zero": False, "nice": True},
                  "axis": {"tickCount": 5}},
            "color": {"field": "类型", "type": "nominal", "title": None,
                      "scale": {"domain": [actual, target], "range": ["#1f5fa8", "#d4661c"]}},
        },
        "layer": [
            {"transform": [{"filter": {"field": "类型", "equal": actual}}], "mark": {"type": "line", "strokeWidth": 2}},
            {"mark": {"type": "point", "filled": True, "size": 90, "cursor": "pointer"},
             "encoding": {"href": {"field": "链接"},
                          "tooltip": [{"field": "时期", "title": _("期间")}, {"field": "类型", "title": _("类型")},
                                      {"field": "数值文字", "title": _("数值")}, {"field": "文件", "title": _("文件")}]}},
            {"mark": {"type": "text", "dy": -12, "fontSize": 12},
             "encoding": {"text": {"field": "数值文字"}}},
        ],
    }


def series_svg(points: list[dict[str, Any]], title: str, unit: str | None, link: str = "link",
               lang: str = "zh") -> str:
    """The chart as an SVG element (empty without vl-convert: the table below it still shows
    every point)."""
    try:
        import vl_convert as vlc
    except ImportError:  # pragma: no cover - the web extra installs it
        return ""
    svg = vlc.vegalite_to_svg(series_spec(points, title, unit, link, lang))
    svg = _BASE.sub(r'\1="', svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(title)}" ', 1)
