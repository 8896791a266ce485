"""Observation.row() and Task.row(): the same dict dataclasses.asdict gives, lists copied."""

from __future__ import annotations

from dataclasses import asdict

from zibo_cli.models import Observation, Task


def test_observation_row_is_asdict():
    o = Observation(name="地区生产总值", value=5.1, unit="%", year=2024, start_month=1, end_month=6,
                    indicator_id="gdp", quote="上半年，全市地区生产总值同比增长5.1%", char_offset=12)
    assert o.row() == asdict(o)


def test_task_row_is_asdict_with_its_own_list():
    t = Task(seq="3", status="done", departments=["市发展改革委", "市统计局"])
    row = t.row()
    assert row == asdict(t)
    row["departments"].append("市财政局")
    assert t.departments == ["市发展改革委", "市统计局"]
