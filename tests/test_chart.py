"""The terminal chart renderer: exact lines for small series."""

from __future__ import annotations

from zibo_cli.chart import TARGET_MARK, bar_chart, chart_lines, series_from_rows, spark_chart, sparkline


def test_bars_scale_from_zero_and_mark_targets():
    lines = bar_chart([("2024H1", 5.0, None), ("2024Q1-Q3", 10.0, 8.0)], unit="%", width=10)
    assert lines == [
        "2024H1     █████       5%",
        "2024Q1-Q3  ████████┃█  10%  target 8%",
        f"           {TARGET_MARK} target",
    ]


def test_eighths_of_a_cell():
    lines = bar_chart([("a", 1.0, None), ("b", 0.25, None), ("c", 0.0, None)], width=4)
    assert lines == ["a  ████  1", "b  █     0.25", "c        0"]


def test_missing_actual_shows_target_only_and_wide_labels_align():
    lines = bar_chart([("2024年上半年", 4.0, None), ("2024", None, 8.0)], unit="%", width=8)
    assert lines[0] == "2024年上半年  ████      4%"
    assert lines[1] == "2024          " + " " * 7 + TARGET_MARK + "  —  target 8%"


def test_negative_values_grow_left_of_zero():
    lines = bar_chart([("a", -5.0, None), ("b", 5.0, None)], width=10)
    assert lines == ["a  █████       -5", "b       █████  5"]


def test_nothing_to_draw():
    assert bar_chart([]) == []
    assert bar_chart([("a", None, None)], width=4) == ["a        —"]


def test_sparkline():
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert sparkline([3, None, 3]) == "▅ ▅"
    assert sparkline([]) == ""
    lines = spark_chart([("2023H1", 4.0, None), ("2023Q1-Q3", 5.0, 6.0), ("2024H1", 6.0, None)], unit="%")
    assert lines == ["actual  ▁▅█  4% → 6%", "target   █ ", "        2023H1 … 2024H1"]


def _obs(year, start, end, kind, value, unit="%"):
    return {"year": year, "start_month": start, "end_month": end, "kind": kind, "value": value, "unit": unit}


def test_series_from_observation_rows():
    rows = [
        _obs(2024, 1, 9, "actual", 5.3), _obs(2024, 1, 6, "actual", 5.1), _obs(2024, 1, 12, "target", 5.5),
        _obs(2024, 1, 6, "actual", 9.9),  # a second report repeating the period: the first wins
        _obs(2024, 1, 6, "actual", 3000.0, "亿元"),  # another unit: not on this axis
        _obs(2023, 1, 6, "actual", 4.0),
    ]
    series, unit = series_from_rows(rows)
    assert unit == "%"
    assert series == [("2023H1", 4.0, None), ("2024H1", 5.1, None), ("2024Q1-Q3", 5.3, None),
                      ("2024", None, 5.5)]
    assert series_from_rows([]) == ([], "")
    lines = chart_lines(rows, width=11)
    assert lines[0] == "2023H1     ████████     4%"
    assert lines[3].endswith(TARGET_MARK + "  —  target 5.5%")
    assert chart_lines(rows, style="spark")[0].startswith("actual  ")
