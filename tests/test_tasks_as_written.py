"""A task row's text as the document writes it: a document in traditional characters keeps them
in its tasks' cells (invented texts)."""

from __future__ import annotations

from zibo_cli.extract.as_written import WrittenText, tasks_as_written
from zibo_cli.models import Task
from zibo_cli.normalize import normalize
from zibo_cli.query.tasks import department_matches


def test_a_cell_read_in_simplified_is_given_in_the_sources_characters():
    src = "二、前期項目進展情況\n文化中心二期工程初步設計已批復，正在進行施工圖設計；"
    w = WrittenText(src)
    norm = normalize(src).text
    assert "初步设计已批复" in norm
    assert w.written("初步设计已批复，正在进行施工图设计") == "初步設計已批復，正在進行施工圖設計"


def test_width_spaces_and_pinyin_readings_are_read_through():
    src = "| 1 | 縣教育局 | 已完成第一季度結(jié)對(duì)儀式 ,計劃100% |"
    w = WrittenText(src)
    assert w.written("县教育局") == "縣教育局"
    # the readings a mirror adds after characters are the mirror's, not the document's words: the
    # span is given without them, as the normaliser reads it (a department is 高新區, not 高新區(qū))
    assert w.written("已完成第一季度结对仪式，计划100%") == "已完成第一季度結對儀式 ,計劃100%"
    assert WrittenText("| 2 | 市城鄉(xiāng)一體化示範區(qū) | 已完工 |").written("市城乡一体化示范区") == "市城鄉一體化示範區"


def test_a_text_not_found_whole_or_across_cells_stays_as_read():
    w = WrittenText("| 項目 | 進展 |\n| 新建學校 | 已完工 |")
    assert w.written("新建学校已完工") == "新建学校已完工"  # two cells: no one span of the source
    assert w.written("没有的文字") == "没有的文字"
    assert w.written(None) is None


def test_tasks_cells_and_departments_but_not_seq_or_status():
    src = "3、市區共同投資項目：由縣交通局負責，已完成施工招標。"
    t = Task(seq="3", status="not_done", progress="已完成施工招标", departments=["县交通局"],
             departments_raw="县交通局")
    tasks_as_written([t], src)
    assert (t.seq, t.status, t.progress, t.departments, t.departments_raw) == \
        ("3", "not_done", "已完成施工招標", ["縣交通局"], "縣交通局")


def test_a_unit_asked_in_simplified_finds_it_written_in_traditional(tmp_path):
    from zibo_cli.normalize import to_simplified

    assert department_matches("县教育局", to_simplified("縣教育局")[0])
