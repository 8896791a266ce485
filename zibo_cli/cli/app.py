"""The typer app, its global options, and what every command shares.

Commands live in one module per group (``ingest.py``, ``docs.py`` …) and stay
thin: parse arguments, call the library, hand rows to ``render.emit``. Heavy
modules are imported inside the commands so ``zibo --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from ..errors import ZiboError

__all__ = ["app", "JsonOpt", "CsvOpt", "db_path", "fail", "warn"]


class ZiboGroup(TyperGroup):
    """Turns expected errors into one line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ZiboError as e:
            fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            fail("interrupted; whatever was not committed was rolled back", 130)
        except BrokenPipeError:
            # the reader of a pipe went away (zibo tasks | head): not an error of ours
            sys.stderr.close()
            raise SystemExit(0) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order a user meets them, not alphabetically."""
        order = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(self.commands, key=lambda n: (order.get(n, len(order)), n))


COMMAND_ORDER = ["ingest", "docs", "indicator", "compare", "tasks", "task", "search", "export", "doctor"]

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

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON array (for scripts).")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV with a header row.")]


def fail(message: str, code: int = 1) -> None:
    """Print ``zibo: error: message`` on stderr and exit with ``code``."""
    first = " ".join(str(message).split("\n")[0].split())
    click.echo(f"zibo: error: {first}", err=True)
    raise SystemExit(code)


def warn(message: str) -> None:
    click.echo(f"zibo: warning: {message}", err=True)


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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    ctx.obj = {"db": db}


def db_path(ctx: typer.Context) -> Path:
    """The database path for this invocation (--db, then ZIBO_DB, then the default)."""
    from ..store import resolve_db_path

    root = ctx.find_root()
    return resolve_db_path((root.obj or {}).get("db"))
