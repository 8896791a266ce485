"""`zibo targets` (each annual target against the latest actual of its year), regions kept
apart, conflicting figures shown. Inputs written for these tests."""

from __future__ import annotations

import pytest

from zibo_cli.query.targets import judge


@pytest.mark.parametrize("target, qualifier, actual, rate, ok", [
    (8.0, "以上", 8.0, True, True), (8.0, "以上", 7.9, True, False),
    (8.0, None, 8.1, True, True),
    (5.5, "左右", 5.1, True, True), (5.5, "左右", 4.9, True, False),  # about: within 0.5 pp
    (3.0, "以内", 2.8, True, True), (3.0, "以内", 3.2, True, False),  # a ceiling
    (5.0, "控制在", 5.0, True, True), (-2.0, None, -2.5, True, True), (-2.0, None, -1.0, True, False),  # a fall
    (100.0, "左右", 99.5, False, True), (100.0, "左右", 98.0, False, False),  # about, an amount: within 1%
])
def test_each_qualifier_direction(target, qualifier, actual, rate, ok):
    assert judge(target, qualifier, actual, rate) is ok


PLAN = "2024年全市主要目标\n全年目标：地区生产总值增长5.5%左右，固定资产投资增长8%以上，新增城镇就业4万人，城镇调查失业率控制在5.5%以内。"
H1 = ("2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.2%，固定资产投资增长6%，新增城镇就业2.2万人，"
      "城镇调查失业率5.3%。")
YEAR = "2024年全年经济运行情况\n全年全市地区生产总值增长5.6%。\n预计全年固定资产投资增长8.5%。"


def by_name(rows):
    return {r["name"]: r for r in rows}


def test_each_status(ingest_texts, zibo_json):
    ingest_texts({"plan.txt": PLAN, "h1.txt": H1})
    got = by_name(zibo_json("targets"))
    gdp, fai, jobs, unemployment = (got["地区生产总值"], got["固定资产投资"], got["城镇新增就业"],
                                    got["城镇调查失业率"])
    assert (gdp["status"], gdp["actual"], gdp["actual_end_month"], gdp["pace"]) == ("on_track", 5.2, 6, None)
    assert (fai["status"], fai["gap"]) == ("behind", -2.0)
    # an amount against the pro-rata pace: 4万人 × 6/12 = 2万人
    assert (jobs["status"], jobs["pace"], jobs["gap"]) == ("on_track", 2.0, 0.2)
    assert unemployment["status"] == "on_track"  # 5.3% within the 5.5% ceiling
    ingest_texts({"year.txt": YEAR})
    got = by_name(zibo_json("targets"))
    assert (got["地区生产总值"]["status"], got["地区生产总值"]["actual"]) == ("met", 5.6)
    assert (got["固定资产投资"]["status"], got["固定资产投资"]["actual"]) == ("estimate", 8.5)


def test_no_actual_is_unknown_and_behind_filters(ingest_texts, zibo_json, zibo):
    ingest_texts({"plan.txt": PLAN})
    assert {r["status"] for r in zibo_json("targets")} == {"unknown"}
    assert zibo_json("targets", "--behind") == []
    r = zibo("targets", "--behind")
    assert r.exit_code == 0 and "no target fell behind" in r.stderr
    assert zibo_json("targets", "--year", "2023") == []


def test_two_regions_in_one_folder_are_kept_apart(ingest_texts, zibo_json):
    ingest_texts({"city.txt": "淄博市2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%。",
                  "district.txt": "张店区2024年上半年经济运行情况\n上半年，全区地区生产总值增长6.3%。",
                  "plan.txt": "淄博市2024年主要目标\n全年目标：地区生产总值增长5.5%左右。"})
    rows = zibo_json("indicator", "gdp", "--periods")
    assert sorted((r["region"], r["actual"]) for r in rows if r["actual"] is not None) == [
        ("张店区", 6.3), ("淄博市", 5.1)]
    targets = zibo_json("targets")
    assert [(r["region"], r["actual"], r["status"]) for r in targets] == [("淄博市", 5.1, "on_track")]
    assert [r["actual"] for r in zibo_json("indicator", "gdp", "--periods", "--region", "张店")
            if r["actual"] is not None] == [6.3]
    assert {d["region"] for d in zibo_json("docs")} == {"淄博市", "张店区"}


def test_a_conflict_is_shown_and_an_identical_restatement_is_not(ingest_texts, zibo_json, zibo):
    ingest_texts({"a.txt": "2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%，固定资产投资增长5.2%。",
                  "b.txt": "2024年上半年经济简况\n上半年，全市地区生产总值增长5.3%，固定资产投资增长5.2%。"})
    rows = by_name(zibo_json("indicator", "--periods"))
    assert [v["value"] for v in rows["地区生产总值"]["values"]["actual"]] == [5.1, 5.3]
    assert rows["固定资产投资"]["values"] is None
    table = zibo("indicator", "gdp", "--periods")
    assert "5.1 ≠ 5.3" in table.stdout and "documents disagree" in table.stderr and "5.3% (b.txt)" in table.stderr
    doctor = zibo_json("doctor")
    found = [f for f in doctor if f["check"] == "conflicts"]
    assert len(found) == 1 and found[0]["status"] == "warning" and "a.txt" in found[0]["detail"]


def test_a_target_derived_from_a_stated_gap_counts(ingest_texts, zibo_json):
    ingest_texts({"m9.txt": "2024年1-9月主要指标完成情况\n3.税收收入（第5项）：增长5.2%，低于目标1.4个百分点。"})
    (row,) = zibo_json("targets")
    assert (row["name"], row["target"], row["actual"], row["actual_end_month"], row["status"]) == (
        "税收收入", 6.6, 5.2, 9, "behind")
    assert row["target_derived"] is True


def test_docs_by_region(ingest_texts, zibo_json):
    ingest_texts({"city.txt": "淄博市2024年上半年经济运行情况\n上半年，全市地区生产总值增长5.1%。",
                  "district.txt": "张店区2024年上半年经济运行情况\n上半年，全区地区生产总值增长6.3%。"})
    assert [d["region"] for d in zibo_json("docs", "--region", "张店")] == ["张店区"]
