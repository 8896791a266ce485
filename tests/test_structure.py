"""The structure stage: every table shape and numbered list, one data file a shape
(tests/data/structure/, its README says the format), plus the stage's own parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from zibo_cli.extract.layout import table_layouts
from zibo_cli.extract.lists import numbered_items, numbered_mentions
from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.extract.structure import (
    cell_kind,
    group_mark,
    header_field,
    label_months,
    merge_header_rows,
    split_cells,
)
from zibo_cli.extract.task_lists import status_counts
from zibo_cli.extract.tasks import extract_tasks
from zibo_cli.normalize import normalize

DATA = Path(__file__).parent / "data" / "structure"
SHAPES = sorted(p for p in DATA.glob("*.txt"))


def _read(path: Path) -> tuple[str, list[str]]:
    text, _, expect = path.read_text(encoding="utf-8").partition("\n==== expect\n")
    return text, [ln for ln in expect.splitlines() if ln.strip() and not ln.startswith("#")]


def _value(task, field: str):
    v = getattr(task, field)
    if field == "departments":
        return "、".join(v)
    return "None" if v is None else str(v)


@pytest.mark.parametrize("path", SHAPES, ids=[p.stem for p in SHAPES])
def test_shape(path):
    text, expect = _read(path)
    text = normalize(table_layouts(text)).text
    got = extract_tasks(text, extract_metadata(text))
    rows = [ln for ln in expect if not ln.startswith(("count=", "counts="))]
    for ln in expect:
        if ln.startswith("count="):
            assert len(got) == int(ln[6:]), [(t.seq, t.status) for t in got]
        if ln.startswith("counts="):
            want = ln[7:].split()
            assert [f"{c.status}:{c.label}:{c.count}" for c in status_counts(text)] == want
    for task, ln in zip(got, rows, strict=False):
        seq, status, *fields = [p.strip() for p in ln.split(" | ")]
        assert (task.seq, task.status) == (seq, status), (ln, task)
        for f in fields:
            name, _, want = f.partition("=")
            assert _value(task, name) == want, (ln, name, task)


@pytest.mark.parametrize("label, field", [
    ("是否达序", "on_schedule"), ("是否完成", "status"), ("完成情况", "status"), ("进展情况", "progress"),
    ("完成率", "rate"), ("占年任务之比", "rate"), ("占全年计划", "rate"), ("备注", "notes"), ("说明", "notes"),
    ("责任领导", "leader"), ("分管领导", "leader"), ("牵头单位", "departments"), ("责任单位", "departments"),
    ("完成时限", "deadline"), ("下步措施", "next_steps"), ("序号", "seq"), ("单位", "measure_unit"),
    ("年度目标", "annual_target"), ("未完成原因", "reason"),
])
def test_header_words(label, field):
    assert header_field(label) == field


@pytest.mark.parametrize("line, cells", [
    ("序号\t项目\t进展", ["序号", "项目", "进展"]),
    ("| 1 | 新建公园 | 已完工 |", ["1", "新建公园", "已完工"]),
    ("2.西岭村 | 在建 | |||", ["2.西岭村", "在建", ""]),
    ("1  新建公园  区住建局", ["1", "新建公园", "区住建局"]),
    ("全市经济运行稳中有进。", None),
])
def test_split_cells(line, cells):
    assert split_cells(line) == cells


def test_single_spaces_only_inside_a_table_written_so():
    assert split_cells("3 新建公厕 座 40") is None
    assert split_cells("3 新建公厕 座 40", spaces=True) == ["3", "新建公厕", "座", "40"]


@pytest.mark.parametrize("cell, kind", [
    ("王某", "person"), ("李某某", "person"), ("区住建局", "department"), ("市工信局、各区县政府", "department"),
    ("是", "yesno"), ("否", "yesno"), ("90.0%", "rate"), ("3120", "number"), ("座", "measure"),
    ("2024年12月底", "date"), ("7", "seq"), ("已完工", "status"), ("选址调整，延误1个月。", "sentence"), ("", "empty"),
])
def test_cell_kind(cell, kind):
    assert cell_kind(cell) == kind


def test_two_level_headers():
    assert merge_header_rows(["序号", "项目", "1-8月", "", "责任单位"], ["", "", "完成", "完成率", ""]) == [
        "序号", "项目", "1-8月完成", "1-8月完成率", "责任单位"]
    assert merge_header_rows(["序号", "项目", "1-8月", "责任单位"], ["完成", "完成率"]) == [
        "序号", "项目", "1-8月完成", "1-8月完成率", "责任单位"]
    assert merge_header_rows(["序号", "完成情况", "完成情况"], ["序号", "是否完成", "未完成原因"]) == [
        "序号", "是否完成", "未完成原因"]
    assert label_months("1-8月") == (1, 8) and label_months("截至9月底") == (1, 9)


def test_group_marks():
    assert [(m.level, m.number, m.rest) for m in map(group_mark, ["一、经济发展", "（一）村卫生室提升", "1.东湖村"])] == [
        (1, "一", "经济发展"), (2, "一", "村卫生室提升"), (3, "1", "东湖村")]
    assert group_mark("5.5%") is None


def test_numbered_items_inside_a_sentence():
    items = numbered_items("已完成项目：1.修缮敬老院；2.新增公交线路3条。正在推进项目：1.新建体育馆；2.改造供水管网。")
    assert [(i.heading, i.number, i.text) for i in items] == [
        ("已完成项目", "1", "修缮敬老院"), ("已完成项目", "2", "新增公交线路3条"),
        ("正在推进项目", "1", "新建体育馆"), ("正在推进项目", "2", "改造供水管网")]
    assert numbered_items("增长5.5%，比1-5月提高0.3个百分点。") == []


def test_items_named_by_number_and_unit():
    got = numbered_mentions("由县交通局负责的第3件、县水务局负责的第9、10件进展滞后。")
    assert [(m.number, m.department) for m in got] == [("3", "县交通局"), ("9", "县水务局"), ("10", "县水务局")]


def test_a_group_sub_item_by_its_path_and_every_column_in_json(ingest_texts, zibo_json):
    ingest_texts({"groups.txt": (DATA / "02_groups_merged.txt").read_text(encoding="utf-8").split("\n====")[0],
                  "words.txt": (DATA / "06_header_words.txt").read_text(encoding="utf-8").split("\n====")[0]})
    rows = zibo_json("task", "一.2")
    assert [(r["seq"], r["category"], r["progress"], r["departments"]) for r in rows] == [
        ("2", "一 （一）村卫生室提升", "在建", ["区卫健局"])]
    row = next(r for r in zibo_json("tasks", "--doc", "words.txt") if r["seq"] == "3")
    assert (row["on_schedule"], row["deadline"], row["completion_rate"], row["status"]) == (
        "否", "2024年12月底", 50.0, "not_done")
    assert row["quote"].startswith("3 | 新开工保障性住房1200套 | 孙某")


def test_stated_counts_go_to_the_summary_not_to_the_indicators():
    from zibo_cli.models import SourceText
    from zibo_cli.pipeline import parse_source

    text = _read(DATA / "07_stated_counts.txt")[0]
    doc = parse_source(SourceText(text=text, encoding="utf-8"), "x", "counts.txt", "0", 1)
    assert [(o.name, o.value) for o in doc.observations] == [("地区生产总值", 5.2)]
    assert [(c.label, c.count, c.total) for c in doc.status_counts][:2] == [("已办结", 12, 30), ("正在推进", 18, 30)]


STATS = sorted((DATA / "stats").glob("*.txt"))


@pytest.mark.parametrize("path", STATS, ids=[p.stem for p in STATS])
def test_statistics_table_shape_gives_figures(path):
    """Statistics tables in the shapes task tables come in still give their figures: each
    expected line is ``name | value | unit | year | start-end`` (the name as written or canonical)."""
    from zibo_cli.models import SourceText
    from zibo_cli.pipeline import parse_source

    text, expect = _read(path)
    doc = parse_source(SourceText(text=text, encoding="utf-8"), "x", path.name, "0", 1)
    got = {(n, o.value, o.unit, o.year, f"{o.start_month}-{o.end_month}")
           for o in doc.observations for n in (o.name, o.raw_name)}
    assert not doc.tasks
    for ln in expect:
        name, value, unit, year, months = [p.strip() for p in ln.split("|")]
        assert (name, float(value), unit, int(year), months) in got, (ln, sorted(got))
