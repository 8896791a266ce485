"""`zibo indicator --behind` (now the same as `zibo targets --behind`): which indicators fell
behind target? And `--periods`, which judges a target against an actual of the same period."""

from __future__ import annotations

TABLE = ("2024年第二季度目标任务完成情况\n"
         "序号\t年度目标\t第2季度目标\t是否完成\t具体工作进展\t未完成原因\t责任单位\n"
         "1\t固定资产投资增长8%以上。\t固定资产投资增长6%左右。\t未完成\t1-6月固定资产投资增长4.1%。\t"
         "项目开工不足\t市发展改革委\n"
         "2\t居民人均可支配收入增长5.5%以上。\t居民人均可支配收入增长5.5%以上。\t完成\t"
         "上半年居民人均可支配收入增长6.5%。\t无\t市统计局\n")


def test_behind_lists_only_missed_targets(zibo_json, ingest_texts):
    ingest_texts({"t.txt": TABLE})
    every = zibo_json("indicator", "--periods")
    assert {(r["name"], r["met"]) for r in every if r["met"] is not None} == {
        ("固定资产投资", False), ("居民人均可支配收入", True)}
    behind = zibo_json("indicator", "--behind")
    # the annual target (8%以上) against the latest actual of the year (1-6月 4.1%)
    assert [(r["name"], r["year"], r["target"], r["actual"], r["actual_end_month"], r["status"])
            for r in behind] == [("固定资产投资", 2024, 8.0, 4.1, 6, "behind")]
    assert behind == zibo_json("targets", "--behind")
    assert zibo_json("indicator", "居民人均可支配收入", "--behind") == []


def test_uncatalogued_task_figures_pair_only_within_their_row(zibo_json, ingest_texts):
    table = ("2024年第二季度目标任务完成情况\n"
             "序号\t年度目标\t第2季度目标\t是否完成\t具体工作进展\t未完成原因\t责任单位\n"
             "1\t重大项目。\t累计完成投资600亿元以上。\t完成\t市重大项目完成投资620亿元。\t无\t市发展改革委\n"
             "2\t污水处理厂建设。\t开工建设。\t完成\t已完成投资3000万元。\t无\t市住建局\n")
    ingest_texts({"t.txt": table})
    # row 2's 3000万元 is not an actual for row 1's 600亿元 target
    assert zibo_json("indicator", "--behind") == []
    rows = [r for r in zibo_json("indicator", "--periods") if r["name"] == "完成投资"]
    assert [(r["target"], r["actual"]) for r in rows] in ([(600.0, None), (None, 3000.0)],
                                                         [(None, 3000.0), (600.0, None)])
