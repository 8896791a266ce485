"""Ingest: find the files under the given paths, parse each, store them a batch a transaction.

    from zibo_cli.ingest import ingest_paths
    for result in ingest_paths(["seeds/"], db_path):
        print(result.document, result.status)

A file that fails to read is reported (``status="failed"`` with a reason) and
the others go on; nothing of it is written. Documents are written in batches, one
transaction each (:class:`Commits`): a result is given out once its document is committed,
so an interrupted or failed run has stored, whole, exactly the documents it reported.

One concern a module: ``walk`` (the files under the paths named), ``check`` (a file read,
hashed and checked against the database), ``parse`` (one file parsed under a time and a memory
limit), ``commits`` (the writer's batched transactions), ``pool`` (the parser processes),
``run`` (the loop that ties them together, with or without parser processes), ``frames``
(what a user states about a document), ``results`` (what passes between them).
"""

from __future__ import annotations

from .check import check_file, ingest_file
from .commits import BATCH_DOCUMENTS, BATCH_SECONDS, Commits
from .frames import set_frame, user_frame
from .parse import parse_read_file
from .pool import CHUNK, PARALLEL_MIN_FILES, default_workers
from .pool import _die_with_parent as _die_with_parent
from .pool import _ignore_interrupts as _ignore_interrupts
from .pool import _restore_interrupts as _restore_interrupts
from .results import IngestResult, Prepared, ToParse
from .run import ingest_found, ingest_paths
from .walk import Found, FoundList, find_files

__all__ = ["IngestResult", "find_files", "ingest_paths", "ingest_found", "ingest_file", "check_file",
           "parse_read_file", "default_workers", "Found", "FoundList", "ToParse", "Prepared", "Commits",
           "BATCH_DOCUMENTS", "BATCH_SECONDS", "CHUNK", "PARALLEL_MIN_FILES", "user_frame", "set_frame"]


def __getattr__(name: str):
    # whether this process started parser processes, as it is now (set by pool when it starts them)
    if name == "parsers_started":
        from . import pool

        return pool.parsers_started
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
