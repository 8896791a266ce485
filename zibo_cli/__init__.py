"""zibo: Zibo (淄博) economic progress reports → SQLite, and answers from it.

The library is usable without the CLI::

    from zibo_cli.pipeline import parse_file      # one file → ParsedDocument (no database)
    from zibo_cli.ingest import ingest_paths      # files → database
    from zibo_cli.query import Zibo               # database → rows
"""

__version__ = "0.1.0"
