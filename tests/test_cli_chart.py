"""`zibo indicator NAME --periods --chart` and completion of indicator names."""

from __future__ import annotations

REPORT_H1 = "2024年上半年经济运行情况\n上半年，全市地区生产总值同比增长5.1%，固定资产投资同比增长5.2%。"
REPORT_Q3 = "2024年前三季度经济运行情况\n前三季度，全市地区生产总值同比增长5.3%。"
TARGETS = ("2024年第二季度目标任务完成情况\n"
           "序号\t年度目标\t第2季度目标\t是否完成\t具体工作进展\t未完成原因\t责任单位\n"
           "1\t地区生产总值增长6%左右。\t地区生产总值增长5.5%。\t未完成\t上半年地区生产总值增长5.1%。\t需求不足\t市发展改革委\n")


def _ingest(ingest_texts):
    ingest_texts({"h1.txt": REPORT_H1, "q3.txt": REPORT_Q3, "t.txt": TARGETS})


def test_chart_draws_each_period_with_targets_marked(zibo, ingest_texts):
    _ingest(ingest_texts)
    r = zibo("indicator", "gdp", "--periods", "--chart")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("地区生产总值")
    by_period = {line.split()[0]: line for line in lines[1:] if line.strip()}
    assert "█" in by_period["2024H1"] and by_period["2024H1"].rstrip().endswith("target 5.5%")
    assert "┃" in by_period["2024H1"]  # the H1 target is marked on the bar's line
    assert "5.3%" in by_period["2024Q1-Q3"] and "┃" not in by_period["2024Q1-Q3"]
    assert "target 6%" in by_period["2024"]


def test_chart_needs_periods_and_a_terminal_format(zibo, ingest_texts):
    _ingest(ingest_texts)
    assert zibo("indicator", "gdp", "--chart").exit_code == 2
    r = zibo("indicator", "gdp", "--periods", "--chart", "--json")
    assert r.exit_code == 2 and "--chart" in r.stderr


def test_name_completion_offers_catalogue_and_database_names(ingest_texts, db):
    from zibo_cli.cli.indicators import _complete_name

    class Ctx:  # the completion callback only needs the root context's --db
        obj = {"db": db}

        def find_root(self):
            return self

    assert "地区生产总值" in _complete_name(Ctx(), "地区")
    _ingest(ingest_texts)
    assert "固定资产投资" in _complete_name(Ctx(), "固定")
    assert all(n.startswith("gd") or n.lower().startswith("gd") for n in _complete_name(Ctx(), "gd"))


def test_a_report_naming_its_city_joins_the_series_of_reports_that_do_not(zibo, ingest_texts):
    """As in --periods: figures of one named region and figures whose region is unknown are one
    series, so one chart; two named regions are two charts."""
    ingest_texts({"h1.txt": REPORT_H1, "q3.txt": "2024年前三季度淄博市经济运行情况\n前三季度，全市地区生产总值同比增长5.3%。"})
    r = zibo("indicator", "gdp", "--periods", "--chart")
    assert r.exit_code == 0, r.stderr
    assert sum(line.startswith("地区生产总值") for line in r.stdout.splitlines()) == 1, r.stdout
    ingest_texts({"q3b.txt": "2024年前三季度济南市经济运行情况\n前三季度，全市地区生产总值同比增长5.9%。"})
    r = zibo("indicator", "gdp", "--periods", "--chart")
    assert sum(line.startswith("地区生产总值") for line in r.stdout.splitlines()) >= 2, r.stdout
