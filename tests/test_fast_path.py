"""The fast path for scripts (zibo_cli/cli/fast.py): machine output without typer, click or rich,
the same bytes as the typer path, and a parser that cannot drift from the typer commands."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from zibo_cli.cli.fast import FLAG, INT, MULTI, SPECS, parse

FRAMEWORK = ("typer", "click", "rich", "shellingham")


def _run(args: list[str], db, fast: bool = True, importtime: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZIBO_DB": str(db), "NO_COLOR": "1"}
    env.pop("ZIBO_NO_FAST_PATH", None)
    if not fast:
        env["ZIBO_NO_FAST_PATH"] = "1"
    cmd = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "zibo_cli", *args]
    return subprocess.run(cmd, capture_output=True, env=env, timeout=60)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds):
    db = tmp_path_factory.mktemp("fast") / "z.db"
    assert _run(["ingest", str(seeds), "-q"], db).returncode == 0
    return db


def _modules(stderr: bytes) -> set[str]:
    out = set()
    for line in stderr.decode().splitlines():
        if line.startswith("import time:") and "|" in line:
            out.add(line.rsplit("|", 1)[1].strip())
    return out


@pytest.mark.parametrize("args", [
    ["indicator", "GDP", "--json"], ["tasks", "--incomplete", "--csv"], ["docs", "--tsv"],
    ["compare", "2024H1", "2024Q1-Q3", "--nl"], ["targets", "--behind", "--json"], ["task", "1", "--json"],
    ["--db", "{db}", "indicator", "--periods", "--json"],
])
def test_machine_output_loads_no_cli_framework(seeded, args):
    args = [str(seeded) if a == "{db}" else a for a in args]
    proc = _run(args, seeded, importtime=True)
    assert proc.returncode == 0, proc.stderr[-400:]
    mods = _modules(proc.stderr)
    assert "zibo_cli.cli.fast" in mods and "zibo_cli.commands" in mods  # the probe sees the path taken
    assert sorted(m for m in mods if m.split(".")[0] in FRAMEWORK) == []


def test_a_table_and_help_still_go_through_typer(seeded):
    for args in (["docs"], ["indicator", "--help"], ["tasks", "--json", "-h"]):
        proc = _run(args, seeded, importtime=True)
        assert proc.returncode == 0
        assert any(m.split(".")[0] == "typer" for m in _modules(proc.stderr)), args


SAME = [
    ["indicator", "--json"], ["indicator", "gdp", "--periods", "--json"], ["indicator", "GDP", "--source", "--csv"],
    ["indicator", "--period", "2024H1", "--kind", "actual", "--tsv"], ["indicator", "--catalog", "--json"],
    ["indicator", "--behind", "--json"], ["indicator", "固定资产投资", "--region", "淄博", "--nl"],
    ["indicator", "--basis=yoy", "--json"], ["compare", "2024H1", "2024Q1-Q3", "--json"],
    ["compare", "2024H1", "2024Q1-Q3", "gdp", "--common", "--csv"], ["targets", "--json"],
    ["targets", "gdp", "--year", "2024", "--json"], ["tasks", "--json"], ["tasks", "-s", "partial,not_done", "--json"],
    ["tasks", "--status", "done", "--status", "partial", "--tsv"], ["tasks", "-d", "发改委", "--json"],
    ["tasks", "--summary", "--json"], ["tasks", "--show", "3", "--json"], ["tasks", "--doc", "004", "--period", "2023Q2", "--csv"],
    ["task", "2", "--csv"], ["--bom", "docs", "--csv"], ["docs", "--csv", "--bom"], ["docs", "--region", "淄博", "--json"],
    ["targets", "--sort", "-gap", "--limit", "2", "--fields", "name,gap", "--json"],
    ["tasks", "--fields", "seq,status,region", "--limit", "3", "--tsv"], ["indicator", "--sort", "value", "--nl"],
    ["indicator", "--fields", "nope", "--json"], ["compare", "2024H1", "2024Q1-Q3", "--sort=change:desc", "--csv"],
    # errors: the same line and exit code
    ["indicator", "--period", "2024年三季度", "--json"], ["indicator", "--chart", "--json"], ["task", "99", "--json"],
    ["compare", "2024H1", "nonsense", "--json"], ["indicator", "--periods", "--period", "2024H1", "--json"],
    ["docs", "--json", "--csv"], ["indicator", "--kind", "both", "--json"], ["targets", "--year", "x", "--json"],
    ["tasks", "--bogus", "--json"],
]


@pytest.mark.parametrize("args", SAME, ids=" ".join)
def test_fast_and_typer_paths_print_the_same(seeded, args):
    fast, slow = _run(args, seeded), _run(args, seeded, fast=False)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)


def test_a_missing_database_is_the_same_one_line(tmp_path):
    args = ["indicator", "gdp", "--json"]
    fast, slow = _run(args, tmp_path / "none.db"), _run(args, tmp_path / "none.db", fast=False)
    assert fast.returncode == slow.returncode == 1
    assert fast.stderr == slow.stderr and fast.stderr.count(b"\n") == 1
    assert not (tmp_path / "none.db").exists()


def test_what_the_fast_parser_leaves_to_typer():
    assert parse(["docs", "--json"]).fmt == "json"
    assert parse(["docs"]) is None  # a table
    assert parse(["docs", "--json", "--help"]) is None
    assert parse(["indicator", "--kind", "both", "--json"]) is None  # typer says what --kind takes
    assert parse(["targets", "--year", "x", "--json"]) is None
    assert parse(["tasks", "--limit", "-1", "--json"]) is None  # out of its range: typer says so
    assert parse(["tasks", "-is", "done", "--json"]) is None  # bundled short options
    assert parse(["compare", "2024H1", "--json"]) is None  # a missing argument
    assert parse(["ingest", "x", "--json"]) is None  # not a query
    p = parse(["--db=x.db", "tasks", "--json", "--status", "done", "-s", "partial", "--bom"])
    assert (p.db, p.bom, p.params) == ("x.db", True, {"status": ["done", "partial"]})


def test_the_fast_parser_knows_exactly_the_typer_options():
    """For every command with a fast path (options.FAST), the fast parser and the full CLI, both
    built from the one table, know every option and argument as typer declares it, and nothing
    else."""
    from typer.main import get_command

    from zibo_cli.cli import app
    from zibo_cli.cli.options import FAST

    group = get_command(app)
    assert set(SPECS) == set(FAST)
    for name, spec in SPECS.items():
        command = group.commands[name]
        declared: dict[str, tuple[str, str]] = {}
        args = []
        for p in command.params:
            if p.param_type_name == "argument":
                args.append(p.name if p.required else p.name + "?")
                continue
            if p.name in ("json_", "csv_", "tsv_", "nl_", "help"):
                continue
            kind = FLAG if p.is_flag else MULTI if p.multiple else INT if p.type.name in ("int", "integer", "int range") else "text"
            for opt in p.opts:
                declared[opt] = (p.name, kind)
        assert tuple(args) == spec.args, name
        assert declared == spec.options, name
        for dest, (low, high) in spec.ranges.items():
            (param,) = [p for p in command.params if p.name == dest]
            assert (param.type.min, param.type.max) == (low, high), (name, dest)
        for dest, values in spec.choices.items():
            (param,) = [p for p in command.params if p.name == dest]
            assert tuple(param.type.choices) == values


def test_kinds_are_the_librarys():
    from zibo_cli.cli.options import OPTIONS
    from zibo_cli.query.selection import KINDS

    assert OPTIONS["kind"].choices == KINDS


# a value for each option of the table, to run every option of every fast command both ways
SAMPLE = {"year": "2024", "limit": "2", "period": "2024H1", "region": "淄博", "status": "partial", "department": "发改委",
          "leader": "宋", "grep": "项目", "show": "1", "doc": "004", "fields": "name,region,seq,document", "sort": "-year",
          "basis": "yoy", "kind": "actual", "type": "task_table"}
ARGS = {"a": "2024H1", "b": "2024Q1-Q3", "seq": "1"}


def _table_lines():
    from zibo_cli.cli.options import COMMANDS, FAST, FORMATS, OPTIONS

    for name in FAST:
        args, keys = COMMANDS[name]
        words = [ARGS[a] for a in args if not a.endswith("?")]
        for key in keys:
            if key in FORMATS:
                continue
            o = OPTIONS[key]
            yield [name, *words, o.spellings[-1], *([] if o.kind == FLAG else [SAMPLE[key]]), "--json"]


@pytest.mark.parametrize("args", list(_table_lines()), ids=" ".join)
def test_every_option_of_the_table_runs_the_same_both_ways(seeded, args):
    """Each option of each command with a fast path (options.FAST), by its last spelling, from the
    one table: the fast path and the full CLI print the same bytes and exit the same."""
    fast, slow = _run(args, seeded), _run(args, seeded, fast=False)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
