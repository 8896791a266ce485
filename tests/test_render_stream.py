"""Machine output is written as the rows come: a large answer is never held whole in memory."""

from __future__ import annotations

import io
import json

import pytest

from zibo_cli import render


class Recorder(io.StringIO):
    """Records how many rows the generator had given at each write."""

    def __init__(self, given: list[int]):
        super().__init__()
        self.given, self.at_write = given, []

    def write(self, s):
        self.at_write.append(self.given[0])
        return super().write(s)


def _rows(n: int, given: list[int]):
    for i in range(n):
        given[0] += 1
        yield {"i": i, "name": f"指标{i}", "value": i / 10}


@pytest.mark.parametrize("fmt", ["json", "nl", "csv", "tsv"])
def test_rows_are_written_before_the_last_is_read(fmt):
    n = render.STREAM_CHUNK * 4 + 7
    given = [0]
    out = Recorder(given)
    render.emit(_rows(n, given), ["i", "name", "value"], fmt, out=out)
    assert given[0] == n
    assert out.at_write[0] <= render.STREAM_CHUNK + 1  # the first write came after the first chunk
    assert len(out.at_write) >= 4


def test_streamed_json_is_the_same_array():
    rows = [{"a": i, "b": "甲"} for i in range(render.STREAM_CHUNK + 3)]
    out = io.StringIO()
    render.emit(iter(rows), fmt="json", out=out)
    text = out.getvalue()
    assert json.loads(text) == rows
    assert text.startswith('[{"a": 0, "b": "甲"},\n {"a": 1') and text.endswith("}]\n")
    empty = io.StringIO()
    render.emit(iter([]), fmt="json", out=empty)
    assert empty.getvalue() == "[]\n"
    csv_empty = io.StringIO()
    render.emit(iter([]), ["a", "b"], fmt="csv", out=csv_empty)
    assert csv_empty.getvalue() == "a,b\n"
