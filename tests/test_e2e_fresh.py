"""End to end: four reports written for this test (GBK prose, a TAB task table, a traditional
annual report, an HTML page) ingested through the CLI, checked as a careful reader would."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import DATA

E2E = DATA / "e2e"


@pytest.fixture
def loaded(zibo, tmp_path):
    folder = tmp_path / "e2e"
    shutil.copytree(E2E, folder)
    result = zibo("ingest", folder)
    assert result.exit_code == 0, result.stderr
    return folder


def _docs(zibo_json):
    return {d["document"]: d for d in zibo_json("docs")}


def _obs(zibo_json, document):
    return [o for o in zibo_json("indicator") if o["document"] == document]


def _one(rows, name, kind, value, unit, months):
    hits = [r for r in rows if r["name"] == name and r["kind"] == kind and r["value"] == pytest.approx(value)
            and r["unit"] == unit]
    assert len(hits) == 1, (name, kind, value, [(r["name"], r["kind"], r["value"], r["unit"]) for r in rows])
    hit = hits[0]
    assert (hit["start_month"], hit["end_month"]) == months
    written = f"{abs(value):g}"
    assert written in hit["quote"], hit["quote"]
    return hit


def test_source_files_are_what_they_claim():
    raw = (E2E / "q1_2022_economy.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "一季度" in raw.decode("gbk")
    assert "國民經濟" in (E2E / "y2024_trad.txt").read_text(encoding="utf-8")


def test_documents_metadata(loaded, zibo_json):
    docs = _docs(zibo_json)
    assert len(docs) == 4
    q1 = docs["q1_2022_economy.txt"]
    assert (q1["title"], q1["year"], q1["start_month"], q1["end_month"]) == ("淄博市2022年一季度经济运行情况", 2022, 1, 3)
    assert (q1["published"], q1["publisher"]) == ("2022-04-22", "淄博市统计局")
    tasks = docs["q3_2023_tasks.txt"]
    assert (tasks["title"], tasks["year"], tasks["start_month"], tasks["end_month"]) == (
        "2023年第三季度全市重点目标任务完成情况", 2023, 7, 9)
    assert tasks["published"] is None and tasks["doc_type"] == "task_table"
    annual = docs["y2024_trad.txt"]
    assert annual["title"] == "淄博市2024年全年国民经济和社会发展主要目标完成情况"  # simplified
    assert (annual["year"], annual["start_month"], annual["end_month"]) == (2024, 1, 12)
    assert (annual["published"], annual["publisher"]) == ("2025-01-20", "淄博市发展和改革委员会")
    page = docs["notice_2023.html"]
    assert (page["title"], page["year"], page["start_month"], page["end_month"]) == ("2023年上半年全市经济运行简况", 2023, 1, 6)
    assert (page["published"], page["publisher"]) == ("2023-07-25", "淄博市统计局")


def test_q1_prose_figures(loaded, zibo_json):
    rows = _obs(zibo_json, "q1_2022_economy.txt")
    assert {(r["year"], r["start_month"], r["end_month"]) for r in rows} == {(2022, 1, 3)}
    _one(rows, "地区生产总值", "actual", 1012.35, "亿元", (1, 3))
    _one(rows, "地区生产总值", "actual", 4.6, "%", (1, 3))
    _one(rows, "规上工业增加值", "actual", 7.4, "%", (1, 3))
    _one(rows, "社会消费品零售总额", "actual", -1.3, "%", (1, 3))  # 下降 → negative
    _one(rows, "进出口", "actual", 216.4, "亿元", (1, 3))
    _one(rows, "进出口", "actual", -3.5, "%", (1, 3))
    _one(rows, "出口", "actual", 2.2, "%", (1, 3))
    _one(rows, "城镇新增就业", "actual", 1.28, "万人", (1, 3))
    # 高于全省平均水平0.8个百分点 is a gap to the province, not a figure of Zibo's
    assert not any(r["value"] == pytest.approx(0.8) for r in rows)


def test_task_table_figures(loaded, zibo_json):
    rows = _obs(zibo_json, "q3_2023_tasks.txt")
    _one(rows, "一般公共预算收入", "target", 6, "%", (1, 12))  # 年度目标
    _one(rows, "一般公共预算收入", "target", 5, "%", (1, 9))  # 前三季度目标
    _one(rows, "一般公共预算收入", "actual", 320.5, "亿元", (1, 9))
    _one(rows, "城镇新增就业", "target", 6, "万人", (1, 12))
    _one(rows, "城镇新增就业", "actual", 4.6, "万人", (1, 9))


def test_annual_traditional_targets_and_results(loaded, zibo_json):
    rows = _obs(zibo_json, "y2024_trad.txt")
    assert all("發" not in r["quote"] and "總" not in r["quote"] for r in rows)
    _one(rows, "地区生产总值", "target", 5.5, "%", (1, 12))  # 增长预期目标为5.5%左右
    _one(rows, "地区生产总值", "actual", 5.8, "%", (1, 12))  # 全年实际增长5.8%
    _one(rows, "地区生产总值", "actual", 4910.3, "亿元", (1, 12))
    _one(rows, "一般公共预算收入", "target", 5, "%", (1, 12))
    _one(rows, "一般公共预算收入", "actual", 412.6, "亿元", (1, 12))  # 实际完成, other unit
    _one(rows, "一般公共预算收入", "actual", 5.3, "%", (1, 12))
    _one(rows, "固定资产投资", "target", 8, "%", (1, 12))
    _one(rows, "固定资产投资", "actual", 6.4, "%", (1, 12))
    _one(rows, "城镇新增就业", "actual", 6.2, "万人", (1, 12))
    _one(rows, "城镇新增就业", "target", 5.5, "万人", (1, 12))  # 超额完成5.5万人的预期目标
    cpi = _one(rows, "居民消费价格", "actual", 102.1, "", (1, 12))
    assert "指数" in cpi["quote"]
    assert not any("预期" in r["name"] or "目标" in r["name"] for r in rows)


def test_html_page_figures_not_chrome(loaded, zibo_json):
    rows = _obs(zibo_json, "notice_2023.html")
    _one(rows, "地区生产总值", "actual", 2215.7, "亿元", (1, 6))
    _one(rows, "规上工业增加值", "actual", 6.9, "%", (1, 6))
    _one(rows, "固定资产投资", "actual", 7.5, "%", (1, 6))
    _one(rows, "社会消费品零售总额", "actual", 9.6, "%", (1, 6))
    # the footer's licence number and phone are not figures
    assert not any("0533" in r["quote"] or "ICP" in r["quote"] for r in rows)


def test_tasks(loaded, zibo_json):
    tasks = {t["seq"]: t for t in zibo_json("tasks") if t["document"] == "q3_2023_tasks.txt"}
    assert set(tasks) == {"1", "2", "3", "4", "5"}
    assert (tasks["1"]["status"], tasks["1"]["reason"]) == ("done", None)  # 存在问题: 无
    assert tasks["1"]["departments"] == ["市财政局", "市税务局"]
    assert tasks["1"]["leader"] == "王立新"
    assert tasks["2"]["status"] == "not_done"
    assert "土地指标" in tasks["2"]["reason"]
    assert tasks["2"]["departments"] == ["市发展改革委", "市自然资源和规划局", "市住房城乡建设局"]
    assert tasks["3"]["status"] == "not_done" and tasks["3"]["reason"] is None  # 序时推进: not finished
    assert "4.6万人" in tasks["3"]["progress"]
    assert tasks["4"]["departments"] == ["市商务局", "淄博海关", "市贸促会"]
    assert tasks["5"]["status"] == "partial"  # says 完成 but gives a real unfinished reason
    assert "秋冬季造林" in tasks["5"]["reason"]
    assert "抓好秋冬季造林" in tasks["5"]["next_steps"]
    incomplete = {t["seq"] for t in zibo_json("tasks", "--incomplete") if t["document"] == "q3_2023_tasks.txt"}
    assert incomplete == {"2", "3", "5"}


def test_compare_q1_2022_with_h1_2023(loaded, zibo_json):
    rows = {(r["name"], r["unit"]): r for r in zibo_json("compare", "2022Q1", "2023H1")}
    gdp = rows[("地区生产总值", "%")]
    assert (gdp["a"], gdp["b"]) == (pytest.approx(4.6), pytest.approx(5.2))
    assert gdp["change"] == pytest.approx(0.6)
    retail = rows[("社会消费品零售总额", "%")]
    assert (retail["a"], retail["b"], retail["change"]) == (pytest.approx(-1.3), pytest.approx(9.6), pytest.approx(10.9))
    export = rows[("出口", "%")]
    assert export["b"] is None and export["change"] is None


def test_compare_annual_2024_actuals(loaded, zibo_json):
    rows = {(r["name"], r["unit"]): r for r in zibo_json("compare", "2023H1", "2024")}
    assert rows[("地区生产总值", "%")]["b"] == pytest.approx(5.8)  # the result, not the 5.5 target


def test_search(loaded, zibo_json):
    hits = zibo_json("search", "淄博烧烤")
    assert [h["document"] for h in hits] == ["notice_2023.html"]
    assert "37.2%" in hits[0]["snippet"]
    trad = zibo_json("search", "超额完成")
    assert [h["document"] for h in trad] == ["y2024_trad.txt"]
