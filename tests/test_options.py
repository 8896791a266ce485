"""Every option is defined once (zibo_cli/cli/options.py): an option name has one definition and
one help text in every command that takes it, each command declares exactly its line of the table,
and every command runs cli → library (zibo_cli/commands) → render."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from zibo_cli.cli.options import COMMANDS, GLOBAL, LIBRARY, OPTIONS

ROOT = Path(__file__).resolve().parents[1] / "zibo_cli"


def _group():
    from typer.main import get_command

    from zibo_cli.cli import app

    return get_command(app)


def _options(command) -> list:
    return [p for p in command.params if p.param_type_name == "option" and p.name != "help"]


def test_an_option_name_has_one_definition():
    """The same name (--region, --year, --limit …) anywhere in the CLI: the same help, the same
    parameter, the same spellings, as its one entry in options.OPTIONS."""
    group = _group()
    seen: dict[str, tuple] = {}
    commands = {"": group, **{name: group.commands[name] for name in COMMANDS}}
    for name, command in commands.items():
        spellings = [s for p in _options(command) for s in p.opts]
        assert len(spellings) == len(set(spellings)), (name, spellings)  # no spelling twice in a command
        for p in _options(command):
            if p.name in ("install_completion", "show_completion"):
                continue  # typer's own
            long = next(s for s in p.opts if s.startswith("--"))
            defined = (tuple(p.opts), p.help, p.name)
            assert seen.setdefault(long, defined) == defined, f"{long} is defined twice: {seen[long]} ≠ {defined}"
    by_long = {next(s for s in o.spellings if s.startswith("--")): o for o in OPTIONS.values()}
    assert len(by_long) == len(OPTIONS)  # one entry a name
    for long, (spellings, help, dest) in seen.items():
        o = by_long[long]
        assert (spellings, help, dest) == (o.spellings, o.help, o.dest), long


def test_each_command_declares_its_line_of_the_table():
    group = _group()
    assert list(group.list_commands(None)) == list(COMMANDS)
    for name, (args, keys) in COMMANDS.items():
        command = group.commands[name]
        declared = [p.name for p in _options(command)]
        assert declared == [OPTIONS[k].dest for k in keys], name
        arguments = [p.name + ("..." if p.nargs == -1 else "" if p.required else "?")
                     for p in command.params if p.param_type_name == "argument"]
        assert arguments == list(args), name
    root = [p.name for p in _options(group) if p.name not in ("install_completion", "show_completion")]
    assert root == [OPTIONS[k].dest for k in GLOBAL]


def test_no_cli_module_spells_out_an_option():
    """Options come from the table (Opt.…, or OPTIONS[…] for --version's callback), never a literal."""
    for path in sorted((ROOT / "cli").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        again = re.findall(r'typer\.Option\(\s*"(-[^"]+)"', text)
        assert not again, f"cli/{path.name} defines {again}: add it to options.py and use Opt.…"


def test_every_command_runs_through_its_library_function():
    """Each command's function in zibo_cli/commands (options.LIBRARY) takes the database, the
    output format when the command has one, and every argument and option of its line by name
    (the typer command, built from the line, passes them so); no module of zibo_cli/commands
    imports typer or click."""
    import inspect

    from zibo_cli.cli.options import FORMATS

    for name, (module, function) in LIBRARY.items():
        run = getattr(importlib.import_module(f"zibo_cli.commands.{module}"), function)
        params = list(inspect.signature(run).parameters)
        args, keys = COMMANDS[name]
        formats = any(k in FORMATS for k in keys)
        assert params[:2] == ["db", "fmt"] if formats else params[0] == "db" and "fmt" not in params, name
        wanted = {a.rstrip("?.") for a in args} | {OPTIONS[k].dest for k in keys if k not in FORMATS}
        assert wanted <= set(params), (name, wanted - set(params))
    for path in (ROOT / "commands").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.split(".")[0] in ("typer", "click") for n in names), path.name
