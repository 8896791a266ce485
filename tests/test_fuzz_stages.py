"""A fuzz harness per stage: whatever the input, no exception escapes a stage except the
project's own (SourceError for unreadable files). `make test` runs these derandomized;
`make fuzz` runs them with random seeds and many more examples (tests/conftest.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from zibo_cli.extract.frame import document_frame
from zibo_cli.extract.indicators import Context, extract_clauses, extract_observations
from zibo_cli.extract.metadata import extract_metadata
from zibo_cli.extract.scope import scopes
from zibo_cli.extract.segment import segment
from zibo_cli.extract.task_lists import prose_tasks, status_counts
from zibo_cli.extract.tasks import extract_tasks, parse_rows
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize
from zibo_cli.sources import SourceError, read_source

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
VOCAB = list("0123456789一二三四五六七八九十百千万亿年月季度上半年前三季度增长下降%个百分点亿元万人"
             "、，。：；（）|\t\n-—~全市区县目标完成未完成序号责任单位牵头单位预计以上左右■●◆")
VOCAB += ["<p>", "</p>", "1.", "（一）", "一、", "第", "比", "较", "均", "分别", "低于目标", "两年平均", "环比",
          "2023年", "2024年", "1-5月", "上半年", "全年", "主要预期目标是：", "淄博市", "张店区"]
report_text = st.lists(st.sampled_from(VOCAB), max_size=120).map("".join)


def _mutations():
    """The seeds with lines deleted, duplicated, swapped or cut mid-character."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in SEEDS]

    def mutate(args):
        i, op, k = args
        lines = texts[i % len(texts)].split("\n")
        k %= max(1, len(lines))
        if op == 0:
            del lines[k]
        elif op == 1:
            lines.insert(k, lines[k])
        elif op == 2 and len(lines) > 1:
            j = (k + 1) % len(lines)
            lines[k], lines[j] = lines[j], lines[k]
        else:
            lines[k] = lines[k][: len(lines[k]) // 2]
        return "\n".join(lines)

    return st.tuples(st.integers(0, 10), st.integers(0, 3), st.integers(0, 500)).map(mutate)


texts = st.one_of(report_text, _mutations(), st.text(max_size=300))


@given(texts)
@example("0至一九十月")
@example("3.税收收入（第5项）：增长5.2%，低于目标1.4个百分点。")
def test_text_stages_never_raise(text):
    clean = normalize(text).text
    meta = extract_metadata(clean)
    segs = segment(clean)
    frame = document_frame(clean, meta, segs)
    scopes(segs, frame)
    extract_clauses(clean, Context(2024, 1, 6), carry=True)
    tasks = extract_tasks(clean, meta)
    extract_observations(clean, meta, tasks, frame)
    prose_tasks(clean, meta)
    status_counts(clean)


@given(st.lists(st.lists(st.sampled_from(VOCAB + ["", "是否完成", "完成情况", "完成率", "80%"]), max_size=8),
                max_size=12))
def test_task_rows_never_raise(rows):
    parse_rows(rows, DocumentMeta(year=2024))


def _read(name: str, data: bytes) -> None:
    try:
        read_source(Path(name), data)
    except SourceError:
        pass  # the project's own refusal: fine


@given(st.binary(max_size=2000))
def test_decoding_random_bytes_fails_only_cleanly(data):
    _read("x.txt", data)


@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "<?php ?>",
                                 "<!--", "-->", "<script>", "</script>", "<meta charset='gbk'>", "上半年增长5%",
                                 "<br/>", "&nbsp;", "&#0;", "<", ">", "\x00"]), max_size=60).map("".join))
def test_html_pages_fail_only_cleanly(page):
    _read("x.html", page.encode("utf-8", "replace"))


def _office(kind: str) -> bytes:
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph("上半年，全市地区生产总值增长5%。")
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "上半年增长5%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


OFFICE = {k: _office(k) for k in ("docx", "xlsx")}


@given(st.sampled_from(["docx", "xlsx"]), st.integers(0, 10_000), st.integers(0, 255), st.booleans())
@example("xlsx", 2107, 0, False)  # found by fuzzing: a member whose local header lost its name
@example("xlsx", 2345, 0, False)  # found by fuzzing: zlib.error inside a damaged member
def test_corrupt_office_files_fail_only_cleanly(kind, at, byte, truncate):
    data = bytearray(OFFICE[kind])
    at %= len(data)
    if truncate:
        data = data[:at]
    else:
        data[at] = byte
    _read(f"x.{kind}", bytes(data))


@given(st.binary(max_size=600))
def test_random_pdf_bodies_fail_only_cleanly(tail):
    _read("x.pdf", b"%PDF-1.4\n" + tail)


def test_a_zip_that_is_no_office_file_fails_cleanly():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    _read("x.docx", buf.getvalue())
