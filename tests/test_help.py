"""`--help` says what users type: plain placeholders (PATHS..., A B [NAME], csv|jsonl), and
every `zibo …` example in any command's help runs."""

from __future__ import annotations

import re
import shlex

import pytest

from zibo_cli.cli.application import COMMANDS

PLACEHOLDERS = {"SEQ": "1", "NAME": "gdp", "DOC": "000", "PATHS...": "seeds", "TEXT": "烧烤"}


def _help(zibo, *args: str) -> str:
    r = zibo(*args, "--help")
    assert r.exit_code == 0, r.stderr
    return r.stdout


def test_usage_lines_have_plain_placeholders(zibo):
    usage = {c: _help(zibo, c).splitlines()[0] for c in COMMANDS}
    assert usage["ingest"] == "Usage: zibo ingest [OPTIONS] PATHS..."
    assert usage["compare"] == "Usage: zibo compare [OPTIONS] A B [NAME]"
    assert usage["search"] == "Usage: zibo search [OPTIONS] TEXT"
    assert usage["forget"] == "Usage: zibo forget [OPTIONS] DOC..."
    assert not any("{" in line for line in usage.values()), usage
    assert "csv|jsonl" in _help(zibo, "export")


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_example_in_help_runs(zibo, seeds, command):
    assert zibo("ingest", seeds, "-q").exit_code == 0
    text = " ".join(_help(zibo, *([command] if command else [])).split())
    examples = re.findall(r"`(zibo [^`]+)`", text)
    for example in examples:
        args = [PLACEHOLDERS.get(a, a) for a in shlex.split(example)[1:]]
        if args[:1] == ["serve"]:
            continue  # it would serve until stopped (tests/test_serve.py runs it)
        r = zibo(*args)
        assert r.exit_code == 0, (example, r.stderr)
