"""Bytes → text: encodings and formats."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from zibo_cli.sources import SourceError, decode_bytes, read_source, sniff_format

TEXT = "2024年上半年全市经济社会发展主要目标任务进展情况\n上半年，全市地区生产总值同比增长5.1%。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without BOM
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_gives_the_same_text(data, encoding):
    text, enc, warnings = decode_bytes(data)
    assert text == TEXT
    assert enc == encoding
    assert warnings == []


def test_short_gbk_is_not_mistaken_for_another_encoding():
    data = "增长5.1%".encode("gbk")  # 8 bytes: too short for a statistical guess
    assert decode_bytes(data)[:2] == ("增长5.1%", "gb18030")


def test_truncated_utf8_keeps_what_is_whole_and_warns():
    data = TEXT.encode("utf-8")[:-2]  # cut inside the final 。
    text, enc, warnings = decode_bytes(data)
    assert enc == "utf-8" and text == TEXT[:-1]
    assert "truncated" in warnings[0]


@pytest.mark.parametrize(
    "name, head, fmt",
    [
        ("a.pdf", b"%PDF-1.7", "pdf"),
        ("a.docx", b"PK\x03\x04", "docx"),
        ("a.xlsx", b"PK\x03\x04", "xlsx"),
        ("a.zip", b"PK\x03\x04", "zip"),
        ("a.png", b"\x89PNG\r\n", "png"),
        ("a.doc", b"\xd0\xcf\x11\xe0", "ole"),
        ("a.html", b"anything", "html"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("a.txt", TEXT.encode(), "text"),
    ],
)
def test_sniff_format(name, head, fmt):
    assert sniff_format(Path(name), head) == fmt


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("x.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image"),
        ("x.zip", b"PK\x03\x04" + bytes(100), "ZIP archive"),
        ("x.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "convert"),
        ("x.bin", bytes(range(256)) * 4, "binary"),
    ],
)
def test_unreadable_files_raise_source_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError, match=message):
        read_source(path)


def test_read_source_text(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("gbk"))
    src = read_source(path)
    assert src.text == TEXT and src.format == "text" and src.encoding == "gb18030"
