"""Write docs/commands.md, the command reference, from each command's own `--help`.

    .venv/bin/python docs/make_commands.py          # rewrite docs/commands.md
    .venv/bin/python docs/make_commands.py --check  # exit 1 if docs/commands.md is out of date

`make docs` runs the first; tests/test_docs.py runs the second's comparison, so the reference
never drifts from the code. The help is rendered without colour, as click wraps it (80 columns)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "commands.md"
ZIBO = Path(sys.executable).with_name("zibo")

HEAD = """# Command reference

Generated from each command's `--help` by `docs/make_commands.py` (`make docs`); `make test`
fails when this file and the code disagree. Global options (`--db`, `--wide`, `--bom`) may come
before or after the command. The database is `--db PATH`, else `$ZIBO_DB`, else `zibo.db` in your
user data folder (`~/.local/share/zibo/` on Linux).
"""


def help_text(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("FORCE_COLOR", None)
    p = subprocess.run([str(ZIBO), *args, "--help"], capture_output=True, text=True, env=env, check=True)
    return p.stdout.rstrip() + "\n"


def commands(top: str) -> list[str]:
    """The command names `zibo --help` lists, in its order."""
    names, inside = [], False
    for line in top.splitlines():
        if line.startswith("Commands:"):
            inside = True
        elif inside and line.startswith("  ") and not line.startswith("   "):
            names.append(line.split()[0])
        elif inside and line and not line.startswith(" "):
            inside = False
    return names


def render() -> str:
    top = help_text()
    parts = [HEAD, "## zibo\n", "```text\n" + top + "```\n"]
    for name in commands(top):
        parts += [f"## zibo {name}\n", "```text\n" + help_text(name) + "```\n"]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print("docs/commands.md is out of date: run `make docs`", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
