#!/usr/bin/env python3
"""Run the shared acceptance scorer (../shared/acceptance/score.py) as it is, with its two text
helpers remembered: ``norm`` and ``base`` are pure functions of one string, and the scorer calls
them for every (gold row, figure) pair, which is most of its time on the real corpus (1,445 gold
rows × ~1,300 figures). Same checks, same output, same exit status; several times faster.

    python tests/score_runner.py ../shared/acceptance/score.py --docs … --gold … --zibo …
"""

from __future__ import annotations

import importlib.util
import sys


def remembered(f):
    cache: dict = {}

    def g(x):
        try:
            return cache[x]
        except KeyError:
            v = cache[x] = f(x)
            return v
        except TypeError:  # not hashable: as it is
            return f(x)

    g.__wrapped__ = f
    return g


def load(path: str):
    spec = importlib.util.spec_from_file_location("zibo_acceptance_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("norm", "base"):
        if callable(getattr(module, name, None)):
            setattr(module, name, remembered(getattr(module, name)))
    return module


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    scorer = load(argv[0])
    sys.argv = [argv[0], *argv[1:]]
    return scorer.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
