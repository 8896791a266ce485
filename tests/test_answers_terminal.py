"""Numbers are never hidden (issue 25): every listing, on a real pseudo-terminal of 80 and of 200
columns, shows every value, unit, period, status, sequence number and region whole; quotes, titles
and document names give way first, and a terminal too narrow for a table gets one record a block."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli_output import _read_screen
from zibo_cli.render import number, qualified

ZIBO = Path(sys.executable).with_name("zibo")


def _tty(args: list[str], env: dict, columns: int) -> str:
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**env, "COLUMNS": str(columns), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    p = subprocess.Popen([str(ZIBO), *args], stdin=slave, stdout=slave, stderr=subprocess.DEVNULL, env=env,
                         close_fds=True)
    os.close(slave)
    return re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", _read_screen(master, p)).replace("\r", "")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    for f in seeds.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    # a second place, a ceiling and documents that disagree, so that every column has something to show
    (folder / "zhangdian.txt").write_text(
        "张店区2024年上半年经济运行情况\n上半年，全区地区生产总值增长6.3%，城镇调查失业率5.8%。\n"
        "全年目标：城镇调查失业率控制在5.5%以内。", encoding="utf-8")
    (folder / "zibo_h1.txt").write_text("淄博市2024年上半年经济简况\n上半年，全市地区生产总值增长5.2%。", encoding="utf-8")
    (folder / "zibo_h1b.txt").write_text("淄博市2024年上半年经济运行简报\n上半年，全市地区生产总值增长5.4%。",
                                         encoding="utf-8")
    e = {**os.environ, "ZIBO_DB": str(tmp_path_factory.mktemp("db") / "z.db")}
    subprocess.run([str(ZIBO), "ingest", str(folder), "-q"], env=e, check=True, capture_output=True)
    return e


def _json(args: list[str], env: dict) -> list[dict]:
    p = subprocess.run([str(ZIBO), *args, "--json"], env=env, capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def _values(*keys: str):
    def cells(r: dict) -> list[str]:
        out = []
        for k in keys:
            v = r.get(k)
            if v is None or v == "":
                continue
            out.append(number(v) if isinstance(v, float | int) and not isinstance(v, bool) else str(v))
        return out

    return cells


LISTINGS = [
    (["indicator", "GDP"], _values("value", "unit", "period", "kind", "region")),
    (["indicator", "GDP", "--periods"], lambda r: [qualified(r["target"], r["target_qualifier"]) if r["target"]
                                                   is not None and not r["values"] else "",
                                                   *_values("unit", "period", "region")(r)]),
    (["indicator", "GDP", "--source"], _values("value", "unit", "period", "char_offset", "region")),
    (["compare", "2024H1", "2024Q1-Q3"], _values("a", "b", "change", "unit", "status", "region")),
    (["targets"], _values("year", "unit", "status", "region", "pace", "actual_end_month")),
    (["tasks"], _values("seq", "status", "region")),
    (["docs"], _values("year", "period", "observations", "tasks", "region")),
]


@pytest.mark.parametrize("columns", [80, 200])
@pytest.mark.parametrize("args, cells", LISTINGS, ids=[" ".join(a) for a, _ in LISTINGS])
def test_every_number_column_is_shown_whole(env, args, cells, columns):
    screen = _tty(args, env, columns)
    rows = _json(args, env)
    assert rows, args
    words = set(re.split(r"\s+", screen))
    for r in rows:
        for cell in cells(r):
            if cell:
                assert cell in words or cell in screen, (args, columns, cell, screen)


def test_a_wide_terminal_draws_tables_and_a_narrow_one_keeps_the_numbers(env):
    wide = _tty(["indicator", "GDP", "--source"], env, 200)
    assert re.search(r"^name\s+region\s+period\s+kind\s+value", wide, re.M), wide
    narrow = _tty(["targets"], env, 80)
    assert all(len(line) <= 80 for line in narrow.splitlines())  # nothing runs off the screen
    assert "behind" in narrow and "张店区" in narrow


def test_disagreement_is_shown_on_a_terminal(env):
    screen = _tty(["indicator", "GDP", "--periods"], env, 200)
    assert "5.2 ≠ 5.4" in screen


def test_fields_limit_and_sort_on_every_listing(env):
    rows = _json(["targets", "--sort", "-gap", "--limit", "2", "--fields", "name,region,gap"], env)
    assert [list(r) for r in rows] == [["name", "region", "gap"]] * 2
    assert rows[0]["gap"] >= rows[1]["gap"]
    tsv = subprocess.run([str(ZIBO), "tasks", "--fields", "seq,status,reason", "--limit", "3", "--tsv"], env=env,
                         capture_output=True, text=True).stdout.splitlines()
    assert tsv[0] == "seq\tstatus\treason" and len(tsv) == 4
    assert all(line.count("\t") == 2 for line in tsv)  # empty cells kept
    values = [r["value"] for r in _json(["indicator", "--sort", "value", "--limit", "5"], env)]
    assert values == sorted(values)
    for args in (["docs"], ["compare", "2024H1", "2024Q1-Q3"], ["indicator", "GDP", "--periods"]):
        assert len(_json([*args, "--limit", "1"], env)) == 1, args
    bad = subprocess.run([str(ZIBO), "tasks", "--fields", "nope", "--json"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "no field 'nope'" in bad.stderr and bad.stdout == ""
