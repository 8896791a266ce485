"""The typer app, its global options, and what every command shares.

Commands live in one module per group (``ingest.py``, ``docs.py`` …) and stay
thin: parse arguments, call the library, hand rows to ``render.emit``. Heavy
modules are imported inside the commands so ``zibo --help`` starts fast.

A command's module is imported only when that command is needed (run, completed,
or listed by ``--help``): ``COMMANDS`` names the module of each command, and
:class:`ZiboGroup` loads it and builds its click command on first use, so a
query neither imports nor builds the other commands.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any

import typer
import typer.core
from typer.core import TyperGroup

from ..errors import Interrupted
from .options import FLAG, FORMAT_OPTIONS, INT, MULTI, OPTIONS, TEXT, Option

__all__ = ["app", "Opt", "JsonOpt", "CsvOpt", "TsvOpt", "NlOpt", "db_path", "fail", "warn", "signals_interrupt",
           "INGEST_SIGNALS", "COMMANDS"]

# Newer typer carries its own copy of click (typer._click) and does not need click itself
# (importing it too would cost ~10 ms a call); older typer uses click.
_tclick = getattr(typer.core, "_click", None)
if _tclick is None:  # pragma: no cover - depends on the typer installed
    import click as _tclick
click = _tclick


def _classes(*names: str) -> tuple[type, ...]:
    mods = [_tclick] + [m for m in (sys.modules.get("click"),) if m is not None and m is not _tclick]
    found = [getattr(m.exceptions, n, None) for m in mods for n in names]
    return tuple({c for c in found if isinstance(c, type)})


# Exceptions click and typer use for their own control flow: never ours to report.
_CLICK_FLOW = _classes("ClickException", "Exit", "Abort") + (typer.Exit, typer.Abort)
_USAGE_ERRORS = _classes("UsageError")
_NO_ARGS = _classes("NoArgsIsHelpError")


class _OneLineUsageError(_tclick.exceptions.UsageError):
    """A usage error shown as one line (``zibo: error: … (try 'zibo ingest -h')``), exit 2."""

    def show(self, file=None) -> None:
        hint = f" (try '{self.ctx.command_path} -h')" if self.ctx is not None else ""
        click.echo(f"zibo: error: {_one_line(self.format_message())}{hint}", err=True)


def _usage(e):
    if isinstance(e, _NO_ARGS + (_OneLineUsageError,)):
        return e  # bare `zibo` prints the help
    return _OneLineUsageError(e.format_message(), e.ctx)


# Every command, in the order a user meets them, and the module (in this package) that defines it.
COMMANDS = {
    "ingest": "ingest", "docs": "docs", "indicator": "indicators", "compare": "indicators",
    "targets": "targets", "tasks": "tasks", "task": "tasks", "search": "search", "show": "documents",
    "export": "export", "forget": "documents", "doctor": "doctor", "serve": "serve", "report": "report",
}
COMMAND_ORDER = list(COMMANDS)


class _LazyCommands(MutableMapping):
    """The group's commands by name: every name in ``COMMANDS`` is there from the start;
    its click command is built (and its module imported) when first looked up."""

    def __init__(self, built: MutableMapping, load) -> None:
        self._built = {name: _plain_usage(c) for name, c in built.items()}
        self._load = load

    def __getitem__(self, name: str):
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built.update(self._load(COMMANDS[name], set(self._built)))
        return self._built[name]

    def __setitem__(self, name: str, command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._built, *COMMANDS]))

    def __len__(self) -> int:
        return len(set(self._built) | set(COMMANDS))

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in COMMANDS


def _build_commands(module: str, built: set[str]) -> dict:
    """Import ``module`` (it registers its commands on ``app``) and build the click
    commands registered there that the group does not have yet."""
    from typer.main import get_command_from_info, get_command_name

    # __import__ rather than importlib.import_module: -X importtime (tests/test_startup.py) sees it
    __import__(f"{__package__}.{module}")
    out = {}
    for info in app.registered_commands:
        name = info.name or get_command_name(info.callback.__name__)
        if name not in built and name not in out:
            out[name] = _plain_usage(get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                                           rich_markup_mode=app.rich_markup_mode))
    return out


def _plain_usage(command):
    """Usage lines as users know them (``zibo compare [OPTIONS] A B [NAME]``, ``PATHS...``): typer
    0.28 writes a required argument in braces ({A}), which reads as a set to choose from."""
    import re
    import types

    if getattr(command, "_zibo_plain_usage", False):
        return command
    command._zibo_plain_usage = True
    collect = command.collect_usage_pieces

    def pieces(self, ctx):
        return [re.sub(r"^\{(.+)\}$", r"\1", p) for p in collect(ctx)]

    command.collect_usage_pieces = types.MethodType(pieces, command)
    return command


_GLOBAL_FLAGS = ("--wide", "--bom")


def _db_first(args: list[str]) -> list[str]:
    """``zibo docs --db x.db`` as ``zibo --db x.db docs``: the global options may come after the
    command too (the first argument that is a command name splits the two)."""
    try:
        at = next(i for i, a in enumerate(args) if a in COMMANDS)
    except StopIteration:
        return args
    head, tail = args[:at + 1], args[at + 1:]
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(tail):
        a = tail[i]
        if a == "--":
            rest.extend(tail[i:])
            break
        if a == "--db" and i + 1 < len(tail):
            moved += [a, tail[i + 1]]
            i += 2
            continue
        if a.startswith("--db="):
            moved.append(a)
        elif a in _GLOBAL_FLAGS:
            moved.append(a)
        else:
            rest.append(a)
        i += 1
    return moved + head + rest if moved else args


class ZiboGroup(TyperGroup):
    """Turns every error into one line on stderr and an exit code, never a traceback.

    ``ZiboError`` carries its own message and code; an interrupt exits 130 (143 for
    SIGTERM); a usage error exits 2; anything unexpected is an "internal error" line
    (``ZIBO_DEBUG=1`` shows the traceback instead). Commands are loaded lazily
    (see ``COMMANDS``).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _LazyCommands(self.commands, _build_commands)

    def make_context(self, info_name, args, parent=None, **extra):
        args = _db_first(list(args))
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except _USAGE_ERRORS as e:
            raise _usage(e) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except _USAGE_ERRORS as e:
            raise _usage(e) from None
        except _CLICK_FLOW:
            raise
        except BrokenPipeError:
            # the reader of a pipe went away (zibo tasks | head): not an error of ours
            from ..commands.messages import pipe_closed

            pipe_closed()
            raise SystemExit(0) from None
        except BaseException as e:
            from ..commands.messages import describe

            told = describe(e, debug=bool(os.environ.get("ZIBO_DEBUG")))
            if told is None:
                raise
            fail(*told)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order a user meets them, not alphabetically."""
        order = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(self.commands, key=lambda n: (order.get(n, len(order)), n))

app = typer.Typer(
    cls=ZiboGroup,
    name="zibo",
    help="Turn Zibo (淄博) economic progress reports into a SQLite database and answer questions about them.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _typer_option(opt: Option) -> Any:
    """An entry of ``options.OPTIONS`` as the annotation of a typer command's parameter."""
    from . import complete

    if opt.kind == FLAG:
        return Annotated[bool, typer.Option(*opt.spellings, help=opt.help)]
    kw: dict[str, Any] = {"help": opt.help, "show_default": False}
    if opt.metavar:
        kw["metavar"] = opt.metavar
    if opt.complete:
        kw["autocompletion"] = getattr(complete, opt.complete)
    if opt.choices:  # an enum: typer checks the value and lists the choices in --help
        return Annotated[StrEnum(opt.dest.title(), {c: c for c in opt.choices}) | None,
                         typer.Option(*opt.spellings, **kw)]
    kind = {TEXT: str | None, INT: int | None, MULTI: list[str] | None}[opt.kind]
    return Annotated[kind, typer.Option(*opt.spellings, **kw)]


# every option of the query commands, defined once in options.py: ``region: Opt.region = None``
Opt = SimpleNamespace(**{key: _typer_option(opt) for key, opt in {**OPTIONS, **FORMAT_OPTIONS}.items()})
JsonOpt, CsvOpt, TsvOpt, NlOpt = Opt.json, Opt.csv, Opt.tsv, Opt.nl
FieldsOpt, LimitOpt, SortOpt = Opt.fields, Opt.limit, Opt.sort


def _one_line(message: str) -> str:
    from ..commands.messages import one_line

    return one_line(message)


def fail(message: str, code: int = 1) -> None:
    """Print ``zibo: error: message`` (on one line) on stderr and exit with ``code``."""
    click.echo(f"zibo: error: {_one_line(message)}", err=True)
    raise SystemExit(code)


_STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
# ingest also takes Ctrl-C itself, once (see signals_interrupt)
INGEST_SIGNALS = (signal.SIGINT, *_STOP_SIGNALS)


@contextmanager
def signals_interrupt(signums: tuple[int, ...] = _STOP_SIGNALS) -> Iterator[None]:
    """Turn SIGTERM (and SIGHUP) into an interrupt while the block runs, as Ctrl-C is.

    The interrupt unwinds through ``store.transaction``, which rolls the open document
    back, and the command exits 128+signal with one line. Previous handlers come back after.
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    fired = []

    def handler(signum, frame):
        # the first signal interrupts; more (a second Ctrl-C while the run cleans up) change
        # nothing, so the clean-up ends and the run exits with its one line
        if fired:
            return
        fired.append(signum)
        for other in signums:  # from now on the run is ending: more signals change nothing
            try:
                signal.signal(other, signal.SIG_IGN)
            except (ValueError, OSError):
                pass
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Interrupted(signum)

    previous = {}
    for s in signums:
        try:
            previous[s] = signal.signal(s, handler)
        except (ValueError, OSError):  # not available on this platform
            pass
    try:
        yield
    finally:
        if not fired:  # after a signal the process is ending: they stay ignored until it has
            for s, h in previous.items():
                signal.signal(s, h)


def warn(message: str) -> None:
    click.echo(f"zibo: warning: {_one_line(message)}", err=True)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        click.echo(f"zibo {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option("--db", envvar="ZIBO_DB", help="SQLite database file (default: your user data folder).",
                     show_default=False, dir_okay=True),
    ] = None,
    wide: Annotated[bool, typer.Option("--wide", help="On a terminal, show every cell whole (wrapped) "
                                       "instead of cutting long texts with …")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV and TSV output with a byte-order mark, so that "
                                      "Excel on Chinese Windows reads it as UTF-8.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Output: a table on a terminal; in a pipe, TAB-separated text with nothing cut. For
    scripts every listing takes --json (one array), --nl (an object a line), --csv or --tsv.
    """
    from .. import render

    render.WIDE, render.BOM = wide, bom
    ctx.obj = {"db": db}


def db_path(ctx: typer.Context) -> Path:
    """The database path for this invocation (--db, then ZIBO_DB, then the default)."""
    from ..store import resolve_db_path

    root = ctx.find_root()
    return resolve_db_path((root.obj or {}).get("db"))
