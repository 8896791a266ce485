"""The phrase corpus (tests/corpus/figures/*.tsv): one case a line, sentence ⇥ expected figures,
run table-driven; and every rule record's examples (extract/indicators/one_figure.RULES).
A case marked ``known:`` is a miss zibo still makes: it must fail (strict xfail) until fixed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))

from phrases import Case, load, normal, render  # noqa: E402

from zibo_cli.extract.indicators.one_figure import RULES  # noqa: E402

CASES = load()
RULE_CASES = [Case(f"rule {r.name}", s, e) for r in RULES for s, e in r.examples]


def _param(case: Case):
    known = case.expected.partition("\tknown:")
    marks = [pytest.mark.xfail(strict=True, reason=known[2].strip())] if known[1] else []
    return pytest.param(case, id=case.source, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES + RULE_CASES])
def test_phrase(case: Case) -> None:
    expected = case.expected.partition("\tknown:")[0]
    assert normal(render(case.sentence, case.context)) == normal(expected), case.sentence


def test_corpus_size() -> None:
    assert len(CASES) >= 400
    files = {c.source.split(":")[0] for c in CASES}
    assert len(files) >= 10  # one file per phenomenon


def test_every_rule_has_examples() -> None:
    assert all(r.examples for r in RULES)
    assert len({r.name for r in RULES}) == len(RULES)
