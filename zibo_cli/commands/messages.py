"""Warnings and errors on stderr, one line each (``zibo: warning: …``), without click."""

from __future__ import annotations

import sys

__all__ = ["warn", "one_line"]


def one_line(message: str) -> str:
    return " ".join(str(message).split())


def warn(message: str) -> None:
    sys.stderr.write(f"zibo: warning: {one_line(message)}\n")
    sys.stderr.flush()
