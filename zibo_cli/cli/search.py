"""`zibo search TEXT`: where a word or phrase occurs in the documents (zibo_cli/commands/search.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from .application import command

command("search", """Full-text search over every document's text: each hit with its document, line,
character position and a snippet (the hit highlighted on a terminal). Several words
(淄博 烧烤) find the documents holding all of them.""", {
    "text": Annotated[str, typer.Argument(metavar="TEXT", help="Text to find (simplified or traditional Chinese).",
                                          show_default=False)],
}, defaults={"limit": 20})
