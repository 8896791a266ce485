"""The terminal chart renderer: exact lines for small series."""

from __future__ import annotations

from zibo_cli.chart import TARGET_MARK, bar_chart, spark_chart, sparkline


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
