"""`zibo report PLACE YEAR --html FILE` as a plain function (see zibo_cli/commands/__init__.py):
the scorecard of `zibo serve`'s home page as one self-contained page."""

from __future__ import annotations

from pathlib import Path

from .messages import say


def report(db: Path, *, place: str, year: int, html: Path, lang: str = "zh") -> None:
    """Write ``place`` and ``year``'s page to ``html``, labelled in ``lang`` (zh or en)."""
    import importlib.util

    from ..errors import UsageError

    if lang not in ("zh", "en"):
        raise UsageError(f"--lang {lang!r}: zh (Chinese, the default) or en (English)")
    if importlib.util.find_spec("jinja2") is None:
        raise UsageError("zibo report needs the web extra: pip install 'zibo[web]'")
    from ..query import Zibo
    from ..web.report import resolve_place, write_report

    with Zibo(db) as z:
        found = resolve_place(z, place)
        if found is None:
            raise UsageError(f"no place {place!r} in the database; the home page of `zibo serve` lists them")
        write_report(z, found, year, html, lang)
    say(f"wrote {html}")
