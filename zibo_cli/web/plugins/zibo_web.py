"""A Datasette plugin kept in the zibo package (loaded by `zibo serve` with --plugins-dir):

* ``zibo_simplified(text)``: a query normalised as zibo normalises reports (traditional →
  simplified, full-width → half-width), so the ``search`` canned query finds 燒烤 as 烧烤;
* a figure's ``source`` (``sha256:offset``: its document's hash and where its quote starts) is
  shown as a link to the text around its quote.
"""

from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup, escape


@hookimpl
def prepare_connection(conn):
    from zibo_cli.normalize import normalize_text

    def simplified(text):
        if text is None:
            return None
        return normalize_text(str(text)) or str(text)

    conn.create_function("zibo_simplified", 1, simplified, deterministic=True)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column != "source" or not isinstance(value, str) or ":" not in value:
        return None
    doc, _, offset = value.partition(":")
    if len(doc) != 64 or not offset.isdigit():
        return None
    db = (datasette.plugin_config("zibo_web") or {}).get("db", database)
    url = datasette.urls.path(f"/{db}/text_around?doc={doc}&offset={offset}")
    return Markup(f'<a href="{escape(url)}">text</a>')
