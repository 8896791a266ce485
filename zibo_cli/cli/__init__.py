"""The ``zibo`` command line. ``main`` is the console-script entry point.

A query with machine output (--json/--csv/--tsv/--nl) runs on the fast path (``fast.py``: no
typer, click or rich); everything else goes to the typer app (``application.py``), which imports each
command's module when the command is used (``app.COMMANDS``).
"""

from __future__ import annotations

__all__ = ["app", "main"]


def __getattr__(name: str):
    if name == "app":  # imported on first use: the fast path never loads typer
        from .application import app

        return app
    raise AttributeError(name)


def main() -> None:
    import os
    import sys

    from ..errors import shown

    if sys.stdout is None or sys.stderr is None:
        # started with stdout or stderr closed (zibo docs >&-): say so where it can be seen
        os.write(2, b"zibo: error: standard output is closed; nothing can be printed\n")
        raise SystemExit(1)
    # an argument that is not UTF-8 (a file name from a Windows archive) must not break a query
    sys.argv = [shown(a) if not a.isascii() else a for a in sys.argv]
    if os.environ.get("ZIBO_NO_FAST_PATH") != "1":
        from .fast import run

        code = run(sys.argv[1:])
        if code is not None:
            raise SystemExit(code)
    if _named_shell_completion(sys.argv[1:]):
        return
    from .application import app

    app(prog_name="zibo")


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _named_shell_completion(args: list[str]) -> bool:
    """``zibo --install-completion zsh`` / ``--show-completion fish``: for the shell named, not
    the one zibo runs under (typer's own flags detect it and take no value)."""
    for flag in ("--install-completion", "--show-completion"):
        if args[:1] == [flag] and len(args) == 2 and args[1] in SHELLS:
            from typer._completion_shared import get_completion_script, install

            shell = args[1]
            if flag == "--show-completion":
                print(get_completion_script(prog_name="zibo", complete_var="_ZIBO_COMPLETE", shell=shell))
            else:
                _, path = install(shell=shell, prog_name="zibo", complete_var="_ZIBO_COMPLETE")
                print(f"{shell} completion installed in {path}\nCompletion will take effect once you restart "
                      "the terminal")
            return True
    return False
