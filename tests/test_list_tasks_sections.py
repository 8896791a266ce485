"""Sections on one project each (extract/list_tasks.py, ``_sections``): a heading that names the
project, a body that says how it stands, perhaps in labelled parts. Every text here was written for
these tests."""

from __future__ import annotations

from zibo_cli.extract.list_tasks import list_tasks
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize

META = DocumentMeta(year=2024, start_month=1, end_month=4)


def read(text):
    return [(t.seq, t.status, t.annual_target, t.reason, t.next_steps)
            for t in list_tasks(normalize(text).text, META)]


def test_sections_named_after_projects_with_labelled_parts():
    got = read("重点工程项目建设情况汇报\n"
               "一、滨江大道延伸段（职校—大桥段）\n道路全长2300米，概算总投资5600万元。\n"
               "1、项目完成情况：\n目前已完成规划设计，做好了征地范围线测量。\n"
               "2、存在的问题：\n①征地难；\n②设计标准待定。\n"
               "3、下一步工作打算：\n①5月份启动房屋拆迁安置工作；\n②7月份开始路基施工。\n"
               "二、县第二水厂\n水厂规划在县城西部，目前已完成设计方案的招标工作。下一步要尽快启动征地工作。\n"
               "三、城东农贸市场\n市场总投资3000万元，已于3月竣工并投入使用。\n")
    assert got == [
        ("一", "not_done", "滨江大道延伸段（职校—大桥段）", "征地难", "5月份启动房屋拆迁安置工作"),
        ("二", "not_done", "县第二水厂", None, "要尽快启动征地工作。"),
        ("三", "done", "城东农贸市场", None, None),
    ]


def test_a_reports_sections_on_the_economy_are_no_projects():
    assert read("一、工业经济\n目前全市规上工业增加值增长5%。\n二、固定资产投资\n投资增长3%，下一步要加快项目建设。\n") == []


def test_a_stage_done_is_not_the_project_done():
    got = read("（一）县医院门诊楼工程\n该工程投入资金1900万元，已完成主体封顶和土建工程。\n"
               "（二）城北老旧小区改造工程\n该工程投入资金4351万元，对33栋楼进行改造，基础工程已全部完工。\n"
               "（三）县图书馆工程\n该工程投入资金1200万元，已于7月4日正式投入使用。\n")
    assert [(s, st) for s, st, *_ in got] == [("一", "not_done"), ("二", "not_done"), ("三", "done")]


def test_a_clause_list_goes_on_over_the_paragraphs_of_its_groups():
    text = ("今年我局共承担四大类重点工程项目。\n"
            "路网完善工程，三堡街、光华路、新一路等工程相继开工建设；劳动西路（五星路-龙江路）、横塘河西路正进行雨污水管道施工；"
            "飞龙西路大修工程开始沥青面层施工；福阳路完成部分桥梁结构施工；红梅路人行道改造基本完成。\n"
            "生态绿城建设工程，丽华路生态绿道已进场施工；白荡河绿地已完成全部园路铺设。\n"
            "对照目标任务，我局将加快项目建设进度。\n")
    got = [(t.seq, t.annual_target or t.progress[:6]) for t in list_tasks(normalize(text).text, META)]
    assert [g[0] for g in got] == ["1", "2", "3", "4", "5", "6", "7"]
    assert got[0][1] == "劳动西路（五星路-龙江路）" and got[1][1] == "横塘河西路"  # one status, two projects
    assert not any("三堡街" in (g[1] or "") for g in got)  # …等工程: examples, not tasks
