"""The fast path for scripts: a query command with ``--json``, ``--csv``, ``--tsv`` or ``--nl`` runs
without typer, click or rich.

Loading the CLI framework costs more than a small query itself (typer with its copy of click is
~25 ms of a ~60 ms ``zibo indicator GDP --json``). Scripts call zibo in loops, so a command line that
asks for machine output is parsed here with a small parser over the same options (``SPECS``, built
from ``options.py``, the table the typer commands are declared from; tests/test_fast_path.py checks
both) and handed to the same functions the typer commands call (``zibo_cli/commands``). Anything this parser does not fully understand — help, an
unknown or malformed option, a value to validate, shell completion, a table for a terminal — returns
None, and typer parses the command line as always, with its messages.
"""

from __future__ import annotations

import os
import sys

from .options import COMMANDS, FAST, FLAG, FORMAT_OPTIONS, INT, LIBRARY, MULTI, OPTIONS, TEXT, globals_first

__all__ = ["SPECS", "Spec", "parse", "run", "FLAG", "TEXT", "INT", "MULTI"]


class Spec:
    """A command's arguments (names; a trailing ``?`` marks an optional one) and options
    (each spelling → (parameter name, kind)); ``choices`` limit some values, ``ranges`` some
    numbers. (A plain class: dataclasses would import inspect, which costs more than this whole
    parser.)"""

    def __init__(self, args: tuple[str, ...], options: dict[str, tuple[str, str]],
                 choices: dict[str, tuple[str, ...]] | None = None,
                 ranges: dict[str, tuple[int | None, int | None]] | None = None) -> None:
        self.args, self.options, self.choices, self.ranges = args, options, choices or {}, ranges or {}


def _spec(args: tuple[str, ...], keys: tuple[str, ...]) -> Spec:
    """A command's line of ``options.COMMANDS`` as the fast parser reads it (its output formats
    apart: FORMATS)."""
    entries = [OPTIONS[k] for k in keys if k not in FORMAT_OPTIONS]
    return Spec(args, {s: (o.dest, o.kind) for o in entries for s in o.spellings},
                {o.dest: o.choices for o in entries if o.choices},
                {o.dest: (o.min, o.max) for o in entries if o.min is not None or o.max is not None})


SPECS: dict[str, Spec] = {name: _spec(*COMMANDS[name]) for name in FAST}
FORMATS = {o.spellings[0]: o.spellings[0][2:] for o in FORMAT_OPTIONS.values()}  # --json → json


def _runner(command: str):
    module, function = LIBRARY[command]  # only that module of zibo_cli.commands is imported
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
    found, rest = globals_first(argv)  # the global options, before or after the command
    glob.update(found)
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
                low, high = spec.ranges.get(dest, (None, None))
                if (low is not None and params[dest] < low) or (high is not None and params[dest] > high):
                    return None  # typer says what the range is
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
