"""The README's console examples stay true: every `$ zibo …` line of a console block that runs
on the seed reports is run (in a pipe, as a script would) and its output compared with the
README's. Commands on files the README only imagines (downloads/, reports not in seeds/) are
not run; a test for each of those behaviours lives with its feature."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ZIBO = Path(sys.executable).with_name("zibo")
README = (ROOT / "README.md").read_text(encoding="utf-8")
# what the examples may touch: the seeds, the ingested database, nothing else
_RUNNABLE = re.compile(r"^zibo (?!ingest (?!seeds/)|export|serve|doctor|search 燒烤|ingest tests/)")


def examples() -> list[tuple[str, list[str]]]:
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        command, expected = None, []
        for line in block.splitlines() + ["$ END"]:
            if line.startswith("$ "):
                if command:
                    out.append((command, expected))
                command, expected = line[2:].split("  #")[0].strip(), []
            elif command:
                expected.append(line)
        del command
    return [(c, e) for c, e in out if _RUNNABLE.match(c)]


def run(command: str, env: dict) -> str:
    head = None
    m = re.search(r"\s*\|\s*head -(\d+)$", command)
    if m:
        head, command = int(m[1]), command[:m.start()]
    if "|" in command:
        if not shutil.which("jq"):
            pytest.skip("jq is not installed")
        p = subprocess.run(command.replace("zibo ", f"{ZIBO} ", 1), shell=True, capture_output=True, text=True,
                           env=env, cwd=ROOT)
    else:
        p = subprocess.run([str(ZIBO), *shlex.split(command)[1:]], capture_output=True, text=True, env=env, cwd=ROOT)
    lines = p.stdout.splitlines()
    return "\n".join(lines[:head] if head else lines)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    db = tmp_path_factory.mktemp("readme") / "zibo.db"
    e = {**os.environ, "ZIBO_DB": str(db), "COLUMNS": "200"}
    e.pop("NO_COLOR", None)
    subprocess.run([str(ZIBO), "ingest", "seeds/", "-q"], env=e, cwd=ROOT, check=True)
    return e


@pytest.mark.parametrize("command, expected", examples(), ids=[c for c, _ in examples()])
def test_readme_example(env, command, expected):
    if command.startswith("zibo ingest seeds/"):
        pytest.skip("shown as a first ingest; the fixture has ingested already")
    want = [line for line in expected if not line.startswith(("zibo: warning", "zibo: error", "…"))]
    while want and not want[-1].strip():
        want.pop()
    got = run(command, env).splitlines()
    if any("…" in line for line in want):  # an elided example: the lines shown must be there
        assert all(any(_cells_match(w, g) for g in got) for w in want), "\n".join(got)
    else:  # a pipe prints TAB-separated cells; the README shows them aligned
        assert [_cells(g) for g in got] == [_cells(w) for w in want], "\n".join(got)


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [c for c in line.rstrip().split("\t") if c]
    return re.split(r"\s{2,}", line.strip()) if line.strip() else []


def _cells_match(want: str, got: str) -> bool:
    """Does a README line (maybe a terminal table row with cells cut by …, or a `…` line
    standing for the rest) show what a pipe prints? Cells are compared, not column widths."""
    if want.strip() == "…" or not want.strip():
        return True
    w, g = re.split(r"\s{2,}", want.strip()), _cells(got)
    if len(w) != len(g):
        return want.split("…")[0].rstrip() in got  # not a table row: its text up to the cut
    return all(gc == wc or (wc.endswith("…") and gc.startswith(wc[:-1])) for wc, gc in zip(w, g, strict=True))
