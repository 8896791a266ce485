"""Task shapes of the third round (issue 30): a schedule column beside the progress, a stage done
that is not the task, a traditional-character document read end to end. Every text here was
written for these tests."""

from __future__ import annotations

from zibo_cli.extract.tasks import extract_tasks, map_header
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize
from zibo_cli.pipeline import parse_file

META = DocumentMeta(year=2023, start_month=1, end_month=3, doc_type="task_table")


def parse(text: str, meta: DocumentMeta = META):
    return extract_tasks(normalize(text).text, meta, None)


def test_a_schedule_column_is_the_period_target_and_the_state_column_the_progress():
    keys = map_header(["序号", "项目内容", "工作进度安排", "目前实施情况", "牵头单位"])
    assert keys.keys[2] == "period_target" and keys.keys[3] == "progress"


def test_a_stage_done_is_not_the_task_done():
    text = ("序号 | 项目内容 | 工作进度安排 | 目前实施情况 | 牵头单位 |\n"
            "1 | 建成城乡学校共同体20个。 | 第一季度：举行结对仪式；第二季度：开展送教下乡。 | "
            "已完成第一季度结对仪式，签订帮扶协议。 | 县教育局 |\n"
            "2 | 新建公园3处。 | 第一季度：完成选址。 | 已完成，3处公园均投入使用。 | 县住建局 |\n")
    tasks = {t.seq: t for t in parse(text)}
    assert tasks["1"].status == "not_done"
    assert tasks["1"].progress.startswith("已完成第一季度结对仪式")
    assert tasks["1"].period_target.startswith("第一季度")


def test_a_traditional_document_gives_its_tasks_as_written(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("2023年縣政府民生實事項目實施計劃（截至4月10日）\n"
                 "序號 | 項目內容 | 工作進度安排 | 目前實施情況 | 牽頭單位 |\n"
                 "1 | 新建城市書房5家。 | 第一季度：完成選址。 | 已完成選址，正在裝修。 | 縣文廣旅體局 |\n"
                 "2 | 改造老舊小區12個。 | 第一季度：完成設計。 | 已全部完工。 | 縣住建局 |\n", encoding="utf-8")
    doc = parse_file(p)
    tasks = {t.seq: t for t in doc.tasks}
    assert tasks["1"].progress == "已完成選址，正在裝修。" and tasks["1"].status == "not_done"
    assert tasks["1"].departments == ["縣文廣旅體局"]
    assert tasks["2"].status == "done"
