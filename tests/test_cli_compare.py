"""`zibo compare A B --common` keeps only indicators reported in both periods."""

from __future__ import annotations


def test_compare_common_drops_one_sided_rows(zibo_json, ingest_texts):
    ingest_texts({
        "h1.txt": "2024年上半年经济运行情况\n上半年，全市地区生产总值同比增长5.1%，社会消费品零售总额同比增长2.9%。",
        "q3.txt": "2024年前三季度经济运行情况\n前三季度，全市地区生产总值同比增长5.3%。",
    })
    every = zibo_json("compare", "2024H1", "2024Q1-Q3")
    both = zibo_json("compare", "2024H1", "2024Q1-Q3", "--common")
    assert {r["name"] for r in every} >= {"地区生产总值", "社会消费品零售总额"}
    assert [(r["name"], r["a"], r["b"]) for r in both] == [("地区生产总值", 5.1, 5.3)]
    assert abs(both[0]["change"] - 0.2) < 1e-9
