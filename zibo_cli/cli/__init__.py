"""The ``zibo`` command line. ``main`` is the console-script entry point."""

from __future__ import annotations

from . import docs, doctor, export, indicators, ingest, search, tasks  # noqa: F401  (registers the commands)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="zibo")
