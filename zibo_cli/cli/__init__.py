"""The ``zibo`` command line. ``main`` is the console-script entry point.

Each command's module is imported when the command is used (``app.COMMANDS``).
"""

from __future__ import annotations

from .app import app

__all__ = ["app", "main"]


def main() -> None:
    import sys

    from ..errors import shown

    if sys.stdout is None or sys.stderr is None:
        # started with stdout or stderr closed (zibo docs >&-): say so where it can be seen
        import os

        os.write(2, b"zibo: error: standard output is closed; nothing can be printed\n")
        raise SystemExit(1)
    # an argument that is not UTF-8 (a file name from a Windows archive) must not break a query
    sys.argv = [shown(a) if not a.isascii() else a for a in sys.argv]
    app(prog_name="zibo")
