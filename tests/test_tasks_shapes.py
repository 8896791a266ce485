"""Task lists as real reports write them (tables flattened one cell per line, | tables whose
continuation rows lost their 序号 cell, no status column, prose lists, stated status counts,
numbering that restarts per category). Inputs written for these tests."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.extract.task_lists import prose_tasks, status_counts
from zibo_cli.extract.tasks import extract_tasks


def tasks(text):
    return extract_tasks(text, extract_metadata(text))


FLAT = """某区2024年1-10月民生实事完成情况表
序号 |
项目名称 |
责任单位 |
目标任务 |
1-10月完成 |
完成率% |
备注 |
1 |
新建幼儿园 |
教育局 |
3所 |
2 |
67% |
|
2 |
新增城镇就业 |
人社局 |
8000人 |
8100 |
101% |
|
3 |
改造老旧小区 |
住建局 |
"""


def test_a_table_flattened_one_cell_per_line():
    got = tasks(FLAT)
    assert [(t.seq, t.status, t.completion_rate, t.departments) for t in got] == [
        ("1", "not_done", 67.0, ["教育局"]), ("2", "done", 101.0, ["人社局"]), ("3", "unknown", None, ["住建局"])]
    assert got[0].annual_target == "新建幼儿园"  # the cell reading 2 stayed in row 1


def test_flattened_without_bars_and_with_progress_notes():
    text = "序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n1\n\n新建公办园5所。\n\n80%（一所进度滞后）\n\n县教育局\n\n2\n\n建设农村路55公里。\n\n100%\n\n县交通局"
    got = tasks(text)
    assert [(t.seq, t.status, t.completion_rate) for t in got] == [("1", "not_done", 80.0), ("2", "done", 100.0)]


def test_pipe_table_continuation_rows_shifted_left():
    text = ("| 序号 | 任务 | 目标 | 完成 | 完成率 | 备注 |\n"
            "| 1 | 新建养老设施 | 新增床位100张 | 80 | 80% | |\n"
            "| 新增120个社区助餐点 | 120 | 131 | 109% | |\n"
            "| 2 | 新建公园 | 8个 | 8 | 100% | |\n")
    got = tasks(text)
    assert [t.seq for t in got] == ["1", "2"]
    assert "新增120个社区助餐点" in got[0].annual_target
    assert got[1].status == "done"


def test_on_schedule_below_full_rate_is_not_done_and_keeps_on_schedule():
    text = ("序号\t任务\t完成率\t进展情况\t责任单位\n"
            "1\t新建公园8个\t60%\t已建成5个，达到序时进度\t市住建局\n"
            "2\t新增规上企业60家\t40%\t受市场影响推进较慢\t市工信局\n"
            "3\t新建学校2所\t\t\t市教育局\n")
    got = tasks(text)
    assert [(t.seq, t.status) for t in got] == [("1", "not_done"), ("2", "not_done"), ("3", "unknown")]
    assert [t.on_schedule for t in got] == ["达到序时进度", None, None]


def test_numbering_that_restarts_per_category_keeps_the_category():
    text = ("序号\t任务\t是否完成\t责任单位\n"
            "一、经济发展\t\t\t\n1\t规上工业增加值增长7%\t完成\t市工信局\n2\t固定资产投资增长8%\t未完成\t市发改委\n"
            "二、民生保障\t\t\t\n1\t新增城镇就业5万人\t完成\t市人社局\n")
    got = tasks(text)
    assert [(t.category, t.seq) for t in got] == [("一、经济发展", "1"), ("一、经济发展", "2"), ("二、民生保障", "1")]


def test_prose_items_that_name_their_unit_are_tasks():
    text = ("现将1至9月份实施进度通报如下：\n一、各县区综合排名\n1、金寨县；2、裕安区；3、霍山县。\n二、部分项目进展情况\n"
            "1、技能培训提升，牵头单位：市退役军人局。其中，技能培训进度较慢的为叶集区。\n"
            "2、养老服务，牵头单位：市民政局。高龄津贴发放已完成。\n")
    got = prose_tasks(text, extract_metadata(text))
    assert [(t.seq, t.status, t.departments) for t in got] == [("1", "not_done", ["市退役军人局"]),
                                                              ("2", "done", ["市民政局"])]
    assert got[0].annual_target == "技能培训提升" and got[0].source == "list"


def test_a_plan_lists_targets_with_lead_and_responsible_units_on_lines_below():
    text = ("一、主要预期目标\n1.地区生产总值增长6%左右。\n责任单位：开发区\n牵头单位：区发改局\n"
            "2.固定资产投资增长10%左右。\n牵头单位：区发改局\n3.其他指标不低于全市平均水平。\n")
    got = tasks(text)
    assert [(t.seq, t.status, t.departments) for t in got] == [
        ("1", "unknown", ["区发改局", "开发区"]), ("2", "unknown", ["区发改局"]), ("3", "unknown", [])]


def test_numbered_prose_without_units_is_no_task_list():
    assert tasks("一、工业\n1.规上工业增加值增长5%。\n2.工业投资增长8%。") == []


def test_status_counts_as_reports_state_them():
    text = ("列入督查的目标任务共120项，98项达到序时进度，6项滞后。"
            "截至9月底，已提前完成或超额完成年度目标任务的有3项；正常推进的有4项；推进缓慢的有3（城区公办幼儿园建设）。")
    got = [(c.status, c.label, c.count, c.total) for c in status_counts(text)]
    assert got == [("not_done", "达到序时进度", 98, 120), ("not_done", "滞后", 6, 120),
                   ("done", "已提前完成或超额完成年度目标任务", 3, None), ("not_done", "正常推进", 4, None),
                   ("not_done", "推进缓慢", 3, None)]


def test_no_counts_in_ordinary_figures():
    assert status_counts("全市完成投资35.9亿元，占年度目标的63.88%，完成率24.25%。") == []


def _sentences_by_cutting(text):
    """The definition _counting_sentences keeps: every sentence cut out (after 。！？ or a line
    end), those in which a count may stand."""
    import re

    from zibo_cli.extract.task_lists import _MAY_COUNT

    out, pos = [], 0
    for sentence in re.split(r"(?<=[。！？\n])", text):
        if _MAY_COUNT.search(sentence):
            out.append((pos, sentence))
        pos += len(sentence)
    return out


_COUNT_PIECES = ["5", "12", "项", "个", "件", "的有", " ", "\n", "。", "！", "？", "，", "滞后", "已完成", "共", "全市"]


@given(st.lists(st.sampled_from(_COUNT_PIECES), max_size=30).map("".join))
def test_counting_sentences_are_the_sentences_a_count_may_stand_in(text):
    from zibo_cli.extract.task_lists import _counting_sentences

    assert _counting_sentences(text) == _sentences_by_cutting(text)


def test_a_count_cut_by_a_line_end_is_no_count_and_the_next_sentence_is_still_read():
    from zibo_cli.extract.task_lists import _counting_sentences

    text = "推进缓慢的有\n5项滞后。"  # 的有\n5 runs over the line's end; 5项 starts the next line
    assert _counting_sentences(text) == [(7, "5项滞后。")]
    assert [(c.label, c.count, c.char_offset) for c in status_counts(text)] == [("滞后", 5, 7)]


def test_an_items_result_on_the_line_after_it_gives_its_status_and_progress():
    from zibo_cli.models import DocumentMeta as _Meta

    text = ("1.科技园项目（一期），要求6月底完成地面附属物清理。责任单位：高新区。\n"
            "督查结果：任务完成较好。已完成地面附属物清理任务，并圈建起围墙。\n"
            "2.水科技产业园项目，要求6月底完成物探。责任单位：高新区。\n"
            "督查结果：工作推进缓慢。物探未做。\n"
            "3.绿色印刷产业化项目，要求6月底完成厂房主体。责任单位：宛城区。\n"
            "督查结果：工作推进中。中、西段已完工，东段工程正在施工。\n")
    got = [(t.seq, t.status, t.departments, t.progress) for t in prose_tasks(text, _Meta(year=2014))]
    assert got == [("1", "done", ["高新区"], "任务完成较好。已完成地面附属物清理任务，并圈建起围墙。"),
                   ("2", "not_done", ["高新区"], "工作推进缓慢。物探未做。"),
                   ("3", "not_done", ["宛城区"], "工作推进中。中、西段已完工，东段工程正在施工。")]


def test_target_and_progress_pairs_in_running_text():
    from zibo_cli.extract.labelled_items import target_progress_pairs
    from zibo_cli.models import DocumentMeta as _Meta

    text = ("省会全部完成十件实事\n任务目标：对100个老旧小区的管网进行改造。进展情况：全部改造工作已于11月14日前完工。"
            "任务目标：提升改造100条小街巷。进展情况：截至12月底，已完成60条，其余正在施工。"
            "任务目标：新扩建50所幼儿园。进展情况：截至12月底，50所幼儿园项目")
    got = [(t.seq, t.status, t.annual_target) for t in target_progress_pairs(text, _Meta(year=2014))]
    assert got == [("1", "done", "对100个老旧小区的管网进行改造。"), ("2", "not_done", "提升改造100条小街巷。")]
