"""Small terminal charts of an indicator over periods: pure functions, text in, lines out.

    >>> for line in bar_chart([("2024H1", 5.1, None), ("2024Q1-Q3", 5.3, 5.5)], unit="%", width=20):
    ...     print(line)

gives one line per period: the label, a bar drawn in eighths of a character
(``█▉▊▋▌▍▎▏``) from the zero line, the target marked with ``┃`` on the same
scale, then the figures. Negative values grow left from the zero line. A
period with no actual figure shows only its target mark. ``sparkline`` gives
the whole series in one line (``▁▂▃▄▅▆▇█``).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

__all__ = ["bar_chart", "sparkline", "spark_chart", "series_from_rows", "chart_lines", "TARGET_MARK"]

Point = tuple[str, float | None, float | None]  # (period label, actual, target)

TARGET_MARK = "┃"
_EIGHTHS = " ▏▎▍▌▋▊▉"  # index = eighths of a cell
_FULL = "█"
_SPARKS = "▁▂▃▄▅▆▇█"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "—"
    from .render import number

    return f"{number(v)}{unit}"


def _finite(v: float | None) -> float | None:
    return v if v is not None and math.isfinite(v) else None


def bar_chart(series: Sequence[Point], unit: str = "", width: int = 40) -> list[str]:
    """Horizontal bars, one line per period, targets marked with ``┃``; a legend line when any target.
    A point may carry a fourth item, a text written in place of its figures (``5.1 ≠ 5.3%``)."""
    points = [(label, _finite(a), _finite(t), *rest) for label, a, t, *rest in series]
    if not points:
        return []
    width = max(width, 4)
    values = [v for _, a, t, *_ in points for v in (a, t) if v is not None]
    lo = min([0.0, *values])
    hi = max([0.0, *values])
    if hi == lo:
        hi = lo + 1.0
    span = hi - lo

    def col(v: float) -> float:  # position in cells, 0..width
        return (v - lo) / span * width

    zero = round(col(0.0))
    label_w = max(_width(label) for label, *_ in points)
    lines = []
    for label, actual, target, *rest in points:
        cells = [" "] * width
        if actual is not None:
            if actual >= 0:
                eighths = round((col(actual) - zero) * 8)
                full, part = divmod(max(eighths, 0), 8)
                for i in range(zero, min(zero + full, width)):
                    cells[i] = _FULL
                if part and zero + full < width:
                    cells[zero + full] = _EIGHTHS[part]
            else:
                for i in range(max(round(col(actual)), 0), zero):
                    cells[i] = _FULL
        if target is not None:
            # the mark sits on the cell where the target value falls
            cells[min(int(col(target)), width - 1)] = TARGET_MARK
        text = rest[0] if rest and rest[0] else _fmt(actual, unit)
        if target is not None and not (rest and rest[0]):
            text += f"  target {_fmt(target, unit)}"
        lines.append(f"{_pad(label, label_w)}  {''.join(cells)}  {text}".rstrip())
    if any(t is not None for _, _, t, *_ in points):
        lines.append(f"{' ' * label_w}  {TARGET_MARK} target")
    return lines


def sparkline(values: Sequence[float | None], lo: float | None = None, hi: float | None = None) -> str:
    """One character per value, ``▁`` (lowest) to ``█`` (highest); a missing value is a space."""
    known = [v for v in (_finite(x) for x in values) if v is not None]
    if not known:
        return " " * len(values)
    lo = min(known) if lo is None else lo
    hi = max(known) if hi is None else hi
    out = []
    for v in values:
        v = _finite(v)
        if v is None:
            out.append(" ")
        elif hi == lo:
            out.append(_SPARKS[len(_SPARKS) // 2])
        else:
            i = round((min(max(v, lo), hi) - lo) / (hi - lo) * (len(_SPARKS) - 1))
            out.append(_SPARKS[i])
    return "".join(out)


def spark_chart(series: Sequence[Point], unit: str = "") -> list[str]:
    """The series as sparklines (actuals, and targets on the same scale) with the first and last period."""
    points = [(label, _finite(a), _finite(t)) for label, a, t in series]
    if not points:
        return []
    values = [v for _, a, t in points for v in (a, t) if v is not None]
    lo, hi = (min(values), max(values)) if values else (None, None)
    actuals = [a for _, a, _ in points]
    targets = [t for _, _, t in points]
    known = [a for a in actuals if a is not None]
    summary = f"{_fmt(known[0], unit)} → {_fmt(known[-1], unit)}" if known else "no figures"
    lines = [f"actual  {sparkline(actuals, lo, hi)}  {summary}"]
    if any(t is not None for t in targets):
        lines.append(f"target  {sparkline(targets, lo, hi)}")
    lines.append(f"        {points[0][0]} … {points[-1][0]}" if len(points) > 1 else f"        {points[0][0]}")
    return lines


def series_from_rows(rows: Sequence[dict]) -> tuple[list[Point], str]:
    """Observation rows of one indicator (dicts with year, start_month, end_month, kind, value,
    unit and optionally period) → the chart series in period order, and its unit.

    Only rows in the most common unit are drawn (a growth rate and an amount do not share an
    axis). Each period gets its first actual and its first target; an annual target is its
    own period (``2024``), not spread over the year's quarters.
    """
    from collections import Counter

    from .periods import Period, PeriodError

    units = Counter(r.get("unit") or "" for r in rows if r.get("value") is not None)
    if not units:
        return [], ""
    unit = units.most_common(1)[0][0]
    points: dict[tuple, list] = {}
    for r in rows:
        if r.get("value") is None or (r.get("unit") or "") != unit:
            continue
        key = (r.get("year") or 0, r.get("end_month") or 12, -(r.get("start_month") or 1))
        if key not in points:
            label = r.get("period")
            if not label:
                try:
                    label = Period(r.get("year"), r.get("start_month") or 1, r.get("end_month") or 12).label
                except (PeriodError, TypeError, ValueError):
                    label = str(r.get("year") or "?")
            points[key] = [label, None, None]
        slot = 2 if r.get("kind") == "target" else 1
        if points[key][slot] is None:
            points[key][slot] = float(r["value"])
    return [tuple(points[k]) for k in sorted(points)], unit


def chart_lines(rows: Sequence[dict], style: str = "bars", width: int = 40) -> list[str]:
    """What ``zibo indicator NAME --periods --chart`` prints: bars (default) or sparklines."""
    series, unit = series_from_rows(rows)
    if style == "spark":
        return spark_chart(series, unit)
    return bar_chart(series, unit, width)
