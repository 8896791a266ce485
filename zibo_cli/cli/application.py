"""The typer app, its global options, and what every command shares.

Commands live in one module per group (``ingest.py``, ``docs.py`` …), each only its help
and arguments: :func:`command` builds the typer command from its line of ``options.COMMANDS``
(every option from the one table) and calls its library function in ``zibo_cli/commands``,
which hands rows to ``render.emit``. Heavy modules are imported inside the library functions so
``zibo --help`` starts fast.

A command's module is imported only when that command is needed (run, completed,
or listed by ``--help``): ``COMMANDS`` names the module of each command, and
:class:`ZiboGroup` loads it and builds its click command on first use, so a
query neither imports nor builds the other commands.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, MutableMapping
from enum import StrEnum
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any

import typer
import typer.core
from typer.core import TyperGroup

from . import options
from .options import (
    CLI_MODULES,
    FILE,
    FLAG,
    FOLDER,
    FORMATS,
    INT,
    LIBRARY,
    MULTI,
    OPTIONS,
    PATH,
    TEXT,
    Option,
    globals_first,
)

__all__ = ["app", "command", "Opt", "db_path", "fail", "COMMANDS"]

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
COMMANDS = CLI_MODULES
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


def _db_first(args: list[str]) -> list[str]:
    """``zibo docs --db x.db`` as ``zibo --db x.db docs``: the global options may come after the
    command too (``options.globals_first`` finds them, as the fast path does)."""
    if not any(a in COMMANDS for a in args):
        return args
    found, rest = globals_first(args)
    moved = (["--db", found["db"]] if "db" in found else []) + [OPTIONS[k].spellings[0] for k in ("wide", "bom")
                                                                 if found.get(k)]
    return moved + rest if moved else args


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
    kw: dict[str, Any] = {"help": opt.help}
    if opt.metavar:
        kw["metavar"] = opt.metavar
    if opt.complete:
        kw["autocompletion"] = getattr(complete, opt.complete)
    if opt.min is not None:
        kw["min"] = opt.min
    if opt.max is not None:
        kw["max"] = opt.max
    if opt.envvar:
        kw["envvar"] = opt.envvar
    if opt.choices:  # an enum: typer checks the value and lists the choices in --help
        return Annotated[StrEnum(opt.dest.title(), {c: c for c in opt.choices}) | None,
                         typer.Option(*opt.spellings, **kw)]
    if opt.kind in (FILE, FOLDER):
        kw["file_okay" if opt.kind == FOLDER else "dir_okay"] = False
    kind = {TEXT: str | None, INT: int | None, MULTI: list[str] | None, PATH: Path | None, FILE: Path | None,
            FOLDER: Path | None}[opt.kind]
    return Annotated[kind, typer.Option(*opt.spellings, **kw)]


# every option, defined once in options.py: ``region: Opt.region = None``
Opt = SimpleNamespace(**{key: _typer_option(opt) for key, opt in OPTIONS.items() if key != "version"})


def command(name: str, help: str, arguments: dict[str, Any] | None = None, defaults: dict[str, Any] | None = None,
            **extra: Any) -> None:
    """Register the command ``name`` from its line of ``options.COMMANDS``: its ``arguments`` (typer
    annotations, by name), then its options from the table (``defaults`` where not None or False;
    ``...``: required);
    it calls its library function (``options.LIBRARY``) with the database, the output format when
    the command takes one, every parameter by name and ``extra``. cli → library → render, and no
    option written twice."""
    import inspect

    args, keys = options.COMMANDS[name]
    arguments, defaults = arguments or {}, defaults or {}
    keyword = inspect.Parameter.KEYWORD_ONLY
    params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
    for arg in args:
        dest = arg.rstrip("?.")
        params.append(inspect.Parameter(dest, keyword, annotation=arguments[dest],
                                        default=None if arg.endswith("?") else inspect.Parameter.empty))
    for key in keys:
        o = OPTIONS[key]
        default = defaults.get(o.dest, False if o.kind == FLAG else None)
        default = inspect.Parameter.empty if default is ... else default  # ...: a required option
        params.append(inspect.Parameter(o.dest, keyword, annotation=getattr(Opt, key), default=default))
    formats = [OPTIONS[k].dest for k in FORMATS if k in keys]
    module, function = LIBRARY[name]

    def callback(ctx: typer.Context, **values: Any) -> None:
        from ..render import output_format

        run = getattr(__import__(f"zibo_cli.commands.{module}", fromlist=[function]), function)
        values = {k: v.value if isinstance(v, StrEnum) else v for k, v in values.items()}  # --kind: its word
        if formats:
            run(db_path(ctx), output_format(*(values.pop(f) for f in formats)), **values, **extra)
        else:
            run(db_path(ctx), **values, **extra)

    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    callback.__doc__ = help
    app.command(name)(callback)


def _one_line(message: str) -> str:
    from ..commands.messages import one_line

    return one_line(message)


def fail(message: str, code: int = 1) -> None:
    """Print ``zibo: error: message`` (on one line) on stderr and exit with ``code``."""
    click.echo(f"zibo: error: {_one_line(message)}", err=True)
    raise SystemExit(code)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        click.echo(f"zibo {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Opt.db = None,
    wide: Opt.wide = False,
    bom: Opt.bom = False,
    version: Annotated[bool, typer.Option(*OPTIONS["version"].spellings, callback=_version, is_eager=True,
                                          help=OPTIONS["version"].help)] = False,
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
