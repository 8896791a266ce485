"""What ingest hands from stage to stage: a file read and still to parse (:class:`ToParse`), a file
parsed and still to write (:class:`Prepared`), and what became of each file (:class:`IngestResult`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import shown

if TYPE_CHECKING:
    from ..models import ParsedDocument
    from ..store import DocumentRows


@dataclass
class IngestResult:
    path: str
    document: str
    status: str  # new | replaced | unchanged | duplicate | skipped (no report in it) | failed
    doc_type: str | None = None
    title: str | None = None
    year: int | None = None
    period: str | None = None
    observations: int = 0
    tasks: int = 0
    unreadable: int = 0
    encoding: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    relpath: str | None = None  # the name it is known by (see Found); the base name when not given
    type: str | None = None  # the document's type, as its frame reads it (stats_release, work_report …)

    def __post_init__(self) -> None:
        self.path, self.document = shown(self.path), shown(self.document)
        self.relpath = shown(self.relpath) if self.relpath else self.document

    @property
    def ok(self) -> bool:
        return self.status != "failed"



@dataclass
class ToParse:
    """A file read and found not stored yet: its bytes, hash and resolved path."""

    path: Path
    data: bytes
    sha: str
    resolved: str
    relpath: str | None = None
    source: str | None = None  # fetched from this address (it is then the document's path)
    linked_from: str | None = None
    name: str | None = None  # the document's base name when the file's is not it (a fetched page)
    user: dict | None = None  # what the user states about the document's frame (region, year …)
    rewrite: bool = False  # stored already, but to be written again (a frame newly stated)
    page_meta: dict | None = None  # an attachment's: its page's published date and publisher


@dataclass
class Prepared:
    """A file parsed, not yet stored (``doc`` and ``rows`` are None when there is nothing
    to store: the result is then final, a failure). A parser process sends ``rows``, the
    document as the rows the store writes, instead of ``doc``: cheaper to pickle and to
    unpickle than the dataclasses, and the writer need not build them."""

    result: IngestResult
    doc: ParsedDocument | None = None
    mtime: float | None = None
    rows: DocumentRows | None = None
    rewrite: bool = False  # write it even though the same bytes are stored (ToParse.rewrite)

