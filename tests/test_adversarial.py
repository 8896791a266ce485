"""No input makes a stage take unbounded time: each stage on 100 KB of adversarial text
finishes well inside a generous bound (a catastrophic regex or a quadratic loop takes minutes).
The bound is a guard against hangs, not a speed target (those live in `make bench`)."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from zibo_cli.extract.indicators import extract_observations
from zibo_cli.extract.metadata import classify, extract_metadata
from zibo_cli.models import DocumentMeta, SourceText
from zibo_cli.normalize import normalize
from zibo_cli.periods import find_periods
from zibo_cli.pipeline import parse_source

BOUND = 30  # seconds; every case takes well under one


@contextmanager
def bounded(seconds: int = BOUND):
    def stop(signum, frame):
        raise TimeoutError(f"took more than {seconds}s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


NAMES = ["工业", "投资", "消费", "出口", "进口", "税收", "财政", "就业"]
TEXTS = {
    "digits": "1" * 100_000,
    "decimal points": "1." * 50_000,
    "one sentence of figures": "，".join(f"{NAMES[i % 8]}增长{i % 10}.{i % 7}%" for i in range(10_000)),
    "period words": "1-" * 30_000 + "月" + "前三季度上半年" * 3000,
    "punctuation": "，、（“" * 25_000,
    "brackets": "（" * 50_000 + "增长5%" + "）" * 50_000,
    "table cells": "\t".join(["序号", "任务", "完成情况", "责任单位"] * 5000) + "\n" + "\t".join(["1"] * 20_000),
    "units": "5%亿元万人个百分点" * 10_000,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_stage_is_bounded_on_adversarial_text(name):
    text = TEXTS[name]
    with bounded():
        classify(text)
        find_periods(text)
        clean = normalize(text).text
        meta = extract_metadata(clean)
        extract_observations(clean, meta)
        parse_source(SourceText(text=text, encoding="utf-8"), "x", "x", "0" * 64, len(text))


def test_figures_in_one_long_sentence_are_all_read_in_linear_time():
    with bounded():
        obs = extract_observations(TEXTS["one sentence of figures"], DocumentMeta())
    assert len(obs) == 10_000


def test_a_deeply_nested_page_is_refused_at_once():
    from zibo_cli.readers import html
    from zibo_cli.sources import SourceError

    page = ("<div>" * 200_000 + "上半年，全市地区生产总值增长5%。" + "</div>" * 200_000).encode()
    with bounded(), pytest.raises(SourceError, match="nest more than"):
        html.read(Path("deep.html"), page)


def test_a_processing_instruction_in_a_page():
    from zibo_cli.readers import html

    src = html.read(Path("p.html"), "<html><body><?php echo 1 ?><p>上半年，全市地区生产总值增长5%。</p></body></html>"
                    .encode())
    assert "增长5%" in src.text
