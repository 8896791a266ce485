"""The other names a figure answers to (query/selection.py, ``figure_aliases``), as `--json`
gives them: the catalogue's names, the name as the report writes it, and its usual variants."""

from __future__ import annotations

from zibo_cli.query.selection import figure_aliases


def test_a_share_of_an_investment_plan_answers_to_the_plans_short_name_too():
    row = {"name": "市级重点项目完成投资", "raw_name": "市级重点项目完成投资占年计划投资比例", "measure": "share"}
    aliases = figure_aliases(row)
    assert "市级重点项目完成投资占年计划投资比例" in aliases  # as written
    assert "市级重点项目完成投资占年计划比例" in aliases  # the plan's 投资 repeats the name's
    row = {"name": "重点项目完成投资", "raw_name": "重点项目完成投资占年度投资计划比例", "measure": "share"}
    assert "重点项目完成投资占年度计划比例" in figure_aliases(row)


def test_a_share_of_a_plan_that_is_not_investment_keeps_its_words():
    row = {"name": "地区生产总值", "raw_name": "地区生产总值完成年计划比例", "measure": "share"}
    assert figure_aliases(row).count("地区生产总值完成年计划比例") == 1
    assert not any("投资" in a for a in figure_aliases(row))
