"""`zibo tasks --summary`, short unit names, `zibo task 2.3`, --region."""

from __future__ import annotations

TABLE = ("2024年第三季度重点任务完成情况\n发布机构：淄博市人民政府办公室\n"
         "列入督查的任务共3项，已完成2项，滞后1项。\n"
         "序号\t任务\t是否完成\t责任单位\n"
         "一、经济发展\t\t\t\n"
         "1\t固定资产投资增长8%\t完成\t市发展和改革委员会\n"
         "2\t规上工业增加值增长7%\t未完成\t市工业和信息化局\n"
         "二、民生保障\t\t\t\n"
         "1\t新增城镇就业5万人\t未完成\t市人力资源和社会保障局\n")


def test_summary_counts_by_status_beside_the_stated_counts(ingest_texts, zibo_json, zibo):
    ingest_texts({"t.txt": TABLE})
    (doc,) = zibo_json("tasks", "--summary")
    assert (doc["tasks"], doc["done"], doc["not_done"]) == (3, 1, 2)
    assert doc["stated_counts"] == [{"status": "done", "label": "已完成", "count": 2, "total": 3},
                                    {"status": "not_done", "label": "滞后", "count": 1, "total": 3}]
    assert doc["agrees"] is False  # the report says 2 done; its rows say 1: shown, not fixed
    assert {(u["department"], u["tasks"], u["done"]) for u in doc["departments"]} == {
        ("市发展和改革委员会", 1, 1), ("市工业和信息化局", 1, 0), ("市人力资源和社会保障局", 1, 0)}
    out = zibo("tasks", "--summary").stdout
    assert "NO" in out and "市工业和信息化局" in out


def test_short_unit_names_find_the_long_ones(ingest_texts, zibo_json):
    ingest_texts({"t.txt": TABLE})
    assert [t["seq"] for t in zibo_json("tasks", "-d", "发改委")] == ["1"]
    assert [t["departments"] for t in zibo_json("tasks", "-d", "人社局")] == [["市人力资源和社会保障局"]]
    assert [t["seq"] for t in zibo_json("tasks", "-d", "工信局")] == ["2"]
    assert zibo_json("tasks", "-d", "统计局") == []
    assert [t["seq"] for t in zibo_json("tasks", "-d", "發改委")] == ["1"]  # traditional input


def test_a_row_named_by_category_and_number(ingest_texts, zibo_json):
    ingest_texts({"t.txt": TABLE})
    (row,) = zibo_json("task", "2.1")
    assert row["category"] == "二、民生保障" and "就业" in row["annual_target"]
    assert len(zibo_json("task", "1")) == 2


def test_region_filter_and_empty_results_say_so(ingest_texts, zibo_json, zibo):
    ingest_texts({"t.txt": TABLE})
    assert len(zibo_json("tasks", "--region", "淄博")) == 3
    assert len(zibo_json("tasks", "--region", "淄博市")) == 3
    # a region the database does not know is an error naming the regions it has
    r = zibo("tasks", "--region", "张店")
    assert r.exit_code == 1 and r.stdout == "" and "no region '张店'" in r.stderr and "淄博市" in r.stderr
    assert zibo_json("tasks", "--region", "淄博", "--status", "unknown") == []
    r = zibo("tasks", "--region", "淄博", "--status", "unknown")
    assert r.exit_code == 0 and r.stdout == "" and "no task" in r.stderr
