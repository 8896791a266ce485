"""`zibo serve`: the database as web pages (Datasette), for people who share links, not shells
(zibo_cli/commands/serve.py)."""

from __future__ import annotations

from .application import command

command("serve", """Browse the database in a web browser: the home page answers which targets are behind,
which tasks are unfinished and whose, and the latest figures, for a place and year; every
number links to its sentence; charts per indicator; search in simplified or traditional
characters. Chinese by default, English with the switch at the top (?lang=en).

A port in use is one line and exit 1 (--port 0 takes any free one); a database on a
read-only folder or disk is served as it is. Needs Datasette: pip install 'zibo[web]'.
Stop it with Ctrl-C.""", defaults={"port": 8001, "host": "127.0.0.1"})
