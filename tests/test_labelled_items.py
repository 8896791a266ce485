"""Numbered items with labelled fields (extract/labelled_items.py). Every text here was written for
these tests."""

from __future__ import annotations

from zibo_cli.extract import labelled_items as _labelled
from zibo_cli.extract import list_tasks as _list
from zibo_cli.extract.tasks import _status_from_rate
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize


def labelled_items(text, meta):
    """The reader as extract.tasks calls it: with extract.tasks's judge of a row's status."""
    return _labelled.labelled_items(text, meta, status_of=_status_from_rate)


def list_tasks(text, meta):
    return _list.list_tasks(text, meta, status_of=_status_from_rate)


META = DocumentMeta(year=2023, start_month=1, end_month=6)
TEXT = ("2023年市政府民生实事共有20项，现将1—6月份进展情况公示如下。 "
        "1.新建社区食堂12处。 牵头领导：王某某 责任单位：市民政局 项目责任人：李某 实际完成情况：已于5月20日全部建成投入使用。 "
        "2.改造老旧小区30个。 牵头领导：赵某 责任单位：市住建局 配合单位：市财政局、市城管局 实际完成情况：已开工22个，完成年度目标任务的55%。 "
        "3.新辟公交线路10条。 牵头领导：赵某 责任单位：市交通局 配合单位：市公安局，各区政府 东区 西区 合计 年度目标 4 6 10 实际完成 2 3 5 "
        "4.新增公共自行车3000辆。 牵头领导：赵某 责任单位：市交通局 配合单位：市发改委、市财政局")


def test_each_item_its_fields_by_their_labels():
    tasks = {t.seq: t for t in labelled_items(normalize(TEXT).text, META)}
    assert sorted(tasks) == ["1", "2", "3"]  # item 4 states no progress: no row
    one, two, three = tasks["1"], tasks["2"], tasks["3"]
    assert (one.annual_target, one.leader, one.departments, one.status) == \
        ("新建社区食堂12处", "王某某", ["市民政局"], "done")
    assert one.progress.startswith("已于5月20日全部建成")
    assert (two.leader, two.departments, two.status) == ("赵某", ["市住建局", "市财政局", "市城管局"], "not_done")
    # no progress label: what follows the unit list, when it says what was done
    assert three.departments == ["市交通局", "市公安局"] and "实际完成2 3 5" in three.progress
    assert three.status == "not_done"


def test_labels_run_into_their_values_when_the_spaces_are_gone():
    text = ("1.建成口袋公园5个。牵头领导：钱某责任单位：市园林局实际完成情况：已建成3个，2个正在施工。"
            "2.新增停车位800个。牵头领导：孙某责任单位：市城管局实际完成情况：已完成年度任务。")
    got = [(t.seq, t.leader, t.departments, t.status) for t in list_tasks(text, META)]
    assert got == [("1", "钱某", ["市园林局"], "not_done"), ("2", "孙某", ["市城管局"], "done")]


def test_one_item_or_items_without_units_are_no_list():
    assert labelled_items("1.建成口袋公园5个。责任单位：市园林局 实际完成情况：已建成。", META) == []
    assert labelled_items("1.建成口袋公园5个。实际完成情况：已建成。2.新增停车位。实际完成情况：已完成。", META) == []


def test_a_progress_cell_that_labels_its_parts():
    from zibo_cli.extract.tasks import extract_tasks

    text = ("序号 | 工作任务 | 责任单位 | 进展情况、存在问题及下一步打算 | 目标完成情况 |\n"
            "1 | 新建公办小学1所 | 教体局 | 进展情况：主体工程完成80%。存在问题：无。下步打算：增加施工人员，加快进度。 | 顺利推进 |\n"
            "2 | 新建体育公园1处 | 住建局 | 进展情况：完成选址。存在问题：用地报批滞后。下一步打算：加快用地报批。 | 滞后 |\n")
    got = {t.seq: t for t in extract_tasks(normalize(text).text, META)}
    assert (got["1"].progress, got["1"].reason, got["1"].next_steps) == \
        ("主体工程完成80%。", None, "增加施工人员，加快进度。")
    assert (got["2"].progress, got["2"].reason, got["2"].next_steps) == \
        ("完成选址。", "用地报批滞后。", "加快用地报批。")
