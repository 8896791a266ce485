"""`zibo tasks` and `zibo task` through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json

import pytest

TABLE = "\n".join([
    "2024年第一季度目标任务完成情况",
    "",
    "序号\t年度目标\t第1季度目标\t是否完成\t具体工作进展\t未完成原因\t下步工作打算\t市政府分管领导\t责任单位",
    "1\t粮食产量稳定在10亿斤以上。\t完成春播准备。\t完成\t春播物资已到位。\t无\t抓好夏粮田管。\t张三\t市农业农村局 市统计局提供数据",
    "2\t新建公园10处。\t开工3处。\t完成\t已开工2处。\t1处因用地手续未批暂缓开工。\t加快办理用地手续。\t李四\t市园林局",
    "3\t外贸进出口增长5%。\t增长3%。\t未完成\t1-3月增长1.2%。\t海外订单减少。\t稳订单拓市场。\t张三\t市商务局",
    "4\t新增就业5万人。\t新增1.2万人。\t序时推进\t新增1.1万人。\t无\t<p>1.开展招聘活动。2.落实补贴。</p>\t李四\t市人力资源社会保障局",
])

OTHER = "\n".join([
    "2024年第二季度目标任务完成情况",
    "序号\t年度目标\t第2季度目标\t是否完成\t未完成原因\t责任单位",
    "1\t粮食产量稳定在10亿斤以上。\t夏粮丰收。\t完成\t无\t市农业农村局",
])


@pytest.fixture
def loaded(ingest_texts):
    return ingest_texts({"q1.txt": TABLE, "q2.txt": OTHER})


def seqs(rows):
    return [(r["document"], r["seq"]) for r in rows]


def test_tasks_json_contract(loaded, zibo_json):
    rows = zibo_json("tasks")
    assert len(rows) == 5
    r = next(r for r in rows if r["document"] == "q1.txt" and r["seq"] == "2")
    for key in ("seq", "status", "reason", "progress", "next_steps", "leader", "departments", "document",
                "annual_target", "period_target", "status_raw", "year", "start_month", "end_month", "period"):
        assert key in r, key
    assert r["status"] == "partial" and r["reason"] == "1处因用地手续未批暂缓开工。"
    assert r["departments"] == ["市园林局"]
    assert (r["year"], r["start_month"], r["end_month"], r["period"]) == (2024, 1, 3, "2024Q1")
    first = rows[0]
    assert first["seq"] == "1" and first["reason"] is None
    assert first["departments"] == ["市农业农村局", "市统计局"]
    four = next(r for r in rows if r["seq"] == "4")
    assert four["next_steps"] == "1.开展招聘活动。\n2.落实补贴。"


def test_incomplete_and_status_filters(loaded, zibo_json):
    assert seqs(zibo_json("tasks", "--incomplete")) == [("q1.txt", "2"), ("q1.txt", "3"), ("q1.txt", "4")]
    assert seqs(zibo_json("tasks", "--status", "not_done")) == [("q1.txt", "3"), ("q1.txt", "4")]
    assert seqs(zibo_json("tasks", "--status", "partial,not_done")) == [
        ("q1.txt", "2"), ("q1.txt", "3"), ("q1.txt", "4")]
    assert seqs(zibo_json("tasks", "-s", "done", "-s", "partial", "--doc", "q1")) == [
        ("q1.txt", "1"), ("q1.txt", "2")]


def test_bad_status_is_a_usage_error(loaded, zibo):
    r = zibo("tasks", "--status", "finished", "--json")
    assert r.exit_code == 2
    assert r.stderr.startswith("zibo: error:") and "done" in r.stderr
    assert r.stdout == ""


def test_department_leader_grep_filters(loaded, zibo_json):
    assert seqs(zibo_json("tasks", "--department", "统计局")) == [("q1.txt", "1")]
    assert seqs(zibo_json("tasks", "--department", "農業農村")) == [("q1.txt", "1"), ("q2.txt", "1")]
    assert seqs(zibo_json("tasks", "--leader", "李四")) == [("q1.txt", "2"), ("q1.txt", "4")]
    assert seqs(zibo_json("tasks", "--grep", "订单")) == [("q1.txt", "3")]
    assert seqs(zibo_json("tasks", "--grep", "订单", "--leader", "李四")) == []
    # LIKE wildcards typed by the user are literal
    assert seqs(zibo_json("tasks", "--grep", "%")) == [("q1.txt", "3")]
    assert zibo_json("tasks", "--grep", "_") == []


def test_period_filter(loaded, zibo_json):
    assert {r["document"] for r in zibo_json("tasks", "--period", "2024Q2")} == {"q2.txt"}
    assert {r["document"] for r in zibo_json("tasks", "--period", "2024年第一季度")} == {"q1.txt"}
    assert len(zibo_json("tasks", "--period", "2024H1")) == 5
    assert len(zibo_json("tasks", "--period", "2024")) == 5
    assert zibo_json("tasks", "--period", "2023") == []


def test_bad_period_is_a_usage_error(loaded, zibo):
    r = zibo("tasks", "--period", "someday")
    assert r.exit_code == 2 and "2024H1" in r.stderr


def test_nothing_matches_is_exit_0_with_empty_array(loaded, zibo):
    r = zibo("tasks", "--department", "不存在的单位", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    r = zibo("tasks", "--department", "不存在的单位")
    assert r.exit_code == 0 and r.stdout == ""


def test_task_shows_one_row_in_full(loaded, zibo):
    r = zibo("task", "3", "--doc", "q1.txt")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "q1.txt · 序号 3 · 2024Q1" in out
    assert "not_done（未完成）" in out
    assert "未完成原因：海外订单减少。" in out
    assert "下步打算：稳订单拓市场。" in out
    assert "责任单位：市商务局" in out
    assert zibo("tasks", "--show", "3", "--doc", "q1").stdout == out


def test_task_in_several_documents_shows_each(loaded, zibo, zibo_json):
    rows = zibo_json("task", "1")
    assert seqs(rows) == [("q1.txt", "1"), ("q2.txt", "1")]
    out = zibo("task", "1").stdout
    assert "q1.txt · 序号 1" in out and "q2.txt · 序号 1" in out


def test_task_not_found(loaded, zibo):
    r = zibo("task", "99")
    assert r.exit_code == 1
    assert r.stderr.startswith("zibo: error: no task 99")
    r = zibo("task", "99", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_csv_and_plain_table(loaded, zibo):
    out = zibo("tasks", "--csv").stdout
    assert out.startswith("document,seq,status,status_raw,reason")
    records = list(csv.DictReader(io.StringIO(out)))
    assert len(records) == 5
    assert records[0]["departments"] == "市农业农村局、市统计局"
    assert records[3]["next_steps"] == "1.开展招聘活动。\n2.落实补贴。"
    plain = zibo("tasks", "--incomplete").stdout
    assert "\x1b[" not in plain
    head, *rows = plain.splitlines()
    assert "target" in head and "unfinished reason" in head
    assert len(rows) == 3
    assert rows[0].split()[0] == "2" and "1处因用地手续未批暂缓开工。" in rows[0]
    assert "not_done (序时推进)" in plain


def test_json_and_csv_together_is_a_usage_error(loaded, zibo):
    assert zibo("tasks", "--json", "--csv").exit_code == 2


def test_seed_task_table(zibo, zibo_json, seeds):
    assert zibo("ingest", seeds).exit_code == 0
    rows = [r for r in zibo_json("tasks") if r["document"].startswith("004_")]
    assert len(rows) == 19
    incomplete = zibo_json("tasks", "--incomplete")
    assert [(r["seq"], r["status"]) for r in incomplete] == [("41", "partial")]
    assert "GBC光伏电芯项目未完成设计" in incomplete[0]["reason"]
    by = {r["seq"]: r for r in rows}
    assert "做好电煤中长期合同监管工作" in by["22"]["next_steps"] and by["22"]["reason"] is None
    assert "高效池目前已开挖" in by["32"]["progress"].replace("\n", "")
    assert all("<p>" not in json.dumps(r, ensure_ascii=False) for r in rows)
    plain = zibo("tasks", "--incomplete").stdout
    assert "41" in plain and "GBC光伏电芯项目未完成设计" in plain


def test_table_with_renamed_headers_is_found_on_ingest(zibo, zibo_json, tmp_path):
    f = tmp_path / "renamed.txt"
    f.write_text("\n".join([
        "2024年上半年重点工作推进情况",
        "编号\t重点任务\t责任部门\t完成情况\t存在问题",
        "1\t建成5G基站500个。\t市大数据局\t部分完成\t选址协调难。",
    ]), encoding="utf-8")
    assert zibo("ingest", f).exit_code == 0
    (row,) = zibo_json("tasks")
    assert (row["seq"], row["status"], row["reason"]) == ("1", "not_done", "选址协调难。")
    assert row["departments"] == ["市大数据局"]
    assert (row["start_month"], row["end_month"]) == (1, 6)
