"""The ``zibo`` command line. ``main`` is the console-script entry point.

Each command's module is imported when the command is used (``app.COMMANDS``).
"""

from __future__ import annotations

from .app import app

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="zibo")
