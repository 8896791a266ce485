"""The fast path for scripts: a query command with ``--json``, ``--csv``, ``--tsv`` or ``--nl`` runs
without typer, click or rich.

Loading the CLI framework costs more than a small query itself (typer with its copy of click is
~25 ms of a ~60 ms ``zibo indicator GDP --json``). Scripts call zibo in loops, so a command line that
asks for machine output is parsed here with a small parser over the same options (``SPECS``, checked
against the typer commands by tests/test_fast_path.py) and handed to the same functions the typer
commands call (``zibo_cli/commands``). Anything this parser does not fully understand — help, an
unknown or malformed option, a value to validate, shell completion, a table for a terminal — returns
None, and typer parses the command line as always, with its messages.
"""

from __future__ import annotations

import os
import sys

__all__ = ["SPECS", "Spec", "parse", "run"]

FLAG, TEXT, INT, MULTI = "flag", "text", "int", "multi"


class Spec:
    """A command's arguments (names; a trailing ``?`` marks an optional one) and options
    (each spelling → (parameter name, kind)); ``choices`` limit some values. (A plain class:
    dataclasses would import inspect, which costs more than this whole parser.)"""

    def __init__(self, args: tuple[str, ...], options: dict[str, tuple[str, str]],
                 choices: dict[str, tuple[str, ...]] | None = None) -> None:
        self.args, self.options, self.choices = args, options, choices or {}


def _opts(*entries: tuple[tuple[str, ...], str, str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for spellings, dest, kind in entries:
        for s in spellings:
            out[s] = (dest, kind)
    return out


_REGION = (("--region", "-r"), "region", TEXT)
# every listing: --fields, --limit, --sort (render.listing)
_LISTING = ((("--fields",), "fields", TEXT), (("--limit",), "limit", INT), (("--sort",), "sort", TEXT))
SPECS: dict[str, Spec] = {
    "docs": Spec(("action?", "document?"), _opts(_REGION, *_LISTING, (("--year",), "year", INT),
                                                 (("--type",), "doc_type", TEXT), (("--clear",), "clear", FLAG))),
    "indicator": Spec(("name?",), _opts(
        (("--periods",), "periods", FLAG), (("--behind",), "behind", FLAG), (("--source",), "source", FLAG),
        (("--period",), "period", TEXT), (("--kind",), "kind", TEXT), _REGION, (("--basis",), "basis", TEXT),
        (("--chart",), "chart", FLAG), (("--catalog",), "catalog", FLAG), *_LISTING),
        choices={"kind": ("actual", "target")}),
    "compare": Spec(("a", "b", "name?"), _opts((("--common",), "common", FLAG), _REGION, *_LISTING)),
    "targets": Spec(("name?",), _opts((("--behind",), "behind", FLAG), (("--year",), "year", INT), _REGION,
                                      *_LISTING)),
    "tasks": Spec((), _opts(
        (("--incomplete", "-i"), "incomplete", FLAG), (("--status", "-s"), "status", MULTI),
        (("--department", "-d"), "department", TEXT), (("--leader", "-l"), "leader", TEXT),
        (("--grep", "-g"), "grep", TEXT), (("--period", "-p"), "period", TEXT), (("--doc",), "doc", TEXT),
        _REGION, (("--show",), "show", TEXT), (("--summary",), "summary", FLAG), *_LISTING)),
    "task": Spec(("seq",), _opts((("--doc",), "doc", TEXT))),
}
FORMATS = {"--json": "json", "--csv": "csv", "--tsv": "tsv", "--nl": "nl"}
GLOBAL_FLAGS = {"--wide": "wide", "--bom": "bom"}


# each command's function: (module in zibo_cli.commands, function); only that module is imported
RUNNERS = {"docs": ("docs", "docs"), "indicator": ("indicators", "indicator"), "compare": ("indicators", "compare"),
           "targets": ("targets", "targets"), "tasks": ("tasks", "tasks"), "task": ("tasks", "task")}


def _runner(command: str):
    module, function = RUNNERS[command]
    mod = __import__(f"zibo_cli.commands.{module}", fromlist=[function])
    return getattr(mod, function)


class Parsed:
    """A command line for the fast path: the command, its output format and parameters."""

    def __init__(self, command: str, fmt: str, params: dict, db: str | None = None, wide: bool = False,
                 bom: bool = False) -> None:
        self.command, self.fmt, self.params = command, fmt, params
        self.db, self.wide, self.bom = db, wide, bom


def parse(argv: list[str]) -> Parsed | None:
    """``argv`` (without the program name) as a fast-path call, or None for typer to parse."""
    glob: dict = {"db": None, "wide": False, "bom": False}
    rest: list[str] = []
    i = 0
    while i < len(argv):  # the global options, before or after the command
        a = argv[i]
        if a == "--db":
            if i + 1 >= len(argv):
                return None
            glob["db"] = argv[i + 1]
            i += 2
            continue
        if a.startswith("--db="):
            glob["db"] = a[5:]
        elif a in GLOBAL_FLAGS:
            glob[GLOBAL_FLAGS[a]] = True
        else:
            rest.append(a)
        i += 1
    if not rest or rest[0] not in SPECS:
        return None
    command, words = rest[0], rest[1:]
    spec = SPECS[command]
    params: dict = {}
    positional: list[str] = []
    fmts: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in FORMATS:
            fmts.append(FORMATS[w])
            i += 1
            continue
        if w.startswith("-") and w != "-":
            name, eq, value = w.partition("=") if w.startswith("--") else (w, "", "")
            if name not in spec.options:
                return None  # help, an unknown option, -abc: typer says what it is
            dest, kind = spec.options[name]
            if kind == FLAG:
                if eq:
                    return None
                params[dest] = True
                i += 1
                continue
            if not eq:
                if i + 1 >= len(words):
                    return None
                value = words[i + 1]
                i += 1
            i += 1
            if kind == INT:
                try:
                    params[dest] = int(value)
                except ValueError:
                    return None
            elif kind == MULTI:
                params.setdefault(dest, []).append(value)
            else:
                if dest in spec.choices and value not in spec.choices[dest]:
                    return None
                params[dest] = value
            continue
        positional.append(w)
        i += 1
    if len(fmts) != 1:
        return None  # a table (typer and rich draw it), or several formats (typer says so)
    required = [a for a in spec.args if not a.endswith("?")]
    if not len(required) <= len(positional) <= len(spec.args):
        return None
    for name, value in zip(spec.args, positional, strict=False):
        params[name.rstrip("?")] = value
    return Parsed(command, fmts[0], params, **glob)


def run(argv: list[str]) -> int | None:
    """Run ``argv`` on the fast path and return the exit code, or None when typer must run it."""
    if "_ZIBO_COMPLETE" in os.environ:
        return None
    parsed = parse(argv)
    if parsed is None:
        return None
    from .. import render
    from ..commands.messages import describe, one_line, pipe_closed
    from ..store import resolve_db_path

    render.WIDE, render.BOM = parsed.wide, parsed.bom
    try:
        _runner(parsed.command)(resolve_db_path(parsed.db), parsed.fmt, **parsed.params)
        sys.stdout.flush()
    except BrokenPipeError:
        pipe_closed()
        return 0
    except BaseException as e:
        told = describe(e, debug=bool(os.environ.get("ZIBO_DEBUG")))
        if told is None:
            raise
        sys.stderr.write(f"zibo: error: {one_line(told[0])}\n")
        return told[1]
    return 0
