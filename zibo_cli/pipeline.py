"""One file through every stage: read → normalise → metadata → extract.

Pure: no database. ``parse_file`` returns a :class:`ParsedDocument` that
``store.store_document`` writes in one transaction.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from .extract.frame import Frame, document_frame
from .extract.indicators import extract_observations
from .extract.layout import table_layouts
from .extract.metadata import extract_metadata
from .extract.segment import segment
from .extract.task_lists import drop_counted, status_counts
from .extract.tasks import extract_tasks
from .models import TASK_TABLE, DocumentMeta, ParsedDocument, SourceText
from .normalize import normalize
from .sources import read_file_bytes, read_source

__all__ = ["parse_file", "parse_source", "file_sha256"]


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _normalize_row(row: list[str]) -> list[str]:
    """A table row's cells, normalised as the same row written as TAB-separated text would be
    (so a space between two department names in a cell stays, as it does in a text file)."""
    cells = [" ".join(c.split("\n")) if c else "" for c in row]
    out = normalize("\t".join(c.replace("\t", " ") for c in cells)).text.split("\t")
    if len(out) != len(row):  # should not happen; fall back to cell by cell
        return [normalize(c).text if c else "" for c in row]
    return out


def parse_source(source: SourceText, path: str, name: str, sha256: str, size: int,
                 relpath: str | None = None, user: dict | None = None) -> ParsedDocument:
    """Run the stages after reading on an already-decoded source. ``user``: what the user states
    about the document (``region``, ``year``, ``type`` …), winning over what the frame reads."""
    normalized = normalize(table_layouts(source.text))  # (cells set apart by spaces would be lost)
    if source.tables:
        source.tables = [[_normalize_row(row) for row in table] for table in source.tables]
    meta = extract_metadata(normalized.text, source)
    if source.tables and meta.doc_type != TASK_TABLE:
        from .extract.metadata import classify_rows

        if any(classify_rows(t) for t in source.tables):
            meta.doc_type = TASK_TABLE
    segments = segment(normalized.text)
    frame = document_frame(normalized.text, meta, segments, task_table=meta.doc_type == TASK_TABLE, user=user)
    apply_frame(meta, frame)
    meta.frame_user = {k: str(v) for k, v in (user or {}).items() if v}
    doc = ParsedDocument(path=path, document=name, sha256=sha256, size=size, source=source,
                         normalized=normalized, meta=meta, warnings=list(source.warnings),
                         relpath=relpath or name)
    # A task table may also sit inside a prose report, flattened one cell per line, or be a
    # bulletin's list of tasks: every document is tried (each reader gives up early).
    doc.tasks = extract_tasks(normalized.text, meta, source.tables)
    if doc.tasks and meta.doc_type != TASK_TABLE and any(t.source == "table" for t in doc.tasks):
        meta.doc_type = TASK_TABLE
        if meta.type not in ("task_table", "progress_on_report") and meta.frame_why.get("type") != "user":
            meta.type = "task_table"  # a task table found in the text (flattened, one cell a line)
            meta.frame_why["type"] = f"rows: {sum(t.source == 'table' for t in doc.tasks)} task rows"
    for t in doc.tasks:
        t.region = t.region or meta.region
    doc.status_counts = status_counts(normalized.text)
    read = [t for t in doc.tasks if t.source != "prose"]  # prose tasks' figures are read as prose
    doc.observations = drop_counted(extract_observations(normalized.text, meta, read, frame, segments),
                                    doc.status_counts)
    _drop_out_of_range(doc)
    if normalized.converted_traditional:  # a document in traditional characters: its tasks' text as written
        from .extract.as_written import tasks_as_written

        tasks_as_written(doc.tasks, source.text)
    if meta.target_year is None:
        meta.target_year = _target_year(doc)
    if normalized.unreadable:
        doc.warnings.append(f"{normalized.unreadable} characters were lost to encoding ('?')")
    if meta.year is None and (doc.observations or doc.tasks):
        doc.warnings.append("no year found; figures have no year")
    return doc


def _finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _all_finite(values) -> bool:
    """Whether no value is a float past what a double holds (a loop, not a generator: this
    runs over every field of every figure)."""
    isfinite = math.isfinite
    for v in values:
        if isinstance(v, float) and not isfinite(v):
            return False
    return True


def _drop_out_of_range(doc: ParsedDocument) -> None:
    """A number past what a double holds (309 digits and more) reads as infinity, which no JSON
    parser accepts and no report means: such a figure is not a figure (dropped, with a warning),
    and such a task field is left empty."""
    kept = [o for o in doc.observations if _all_finite(o.__dict__.values())]
    if len(kept) < len(doc.observations):
        doc.warnings.append(f"{len(doc.observations) - len(kept)} figure(s) too large to be a number "
                            "(hundreds of digits) were not stored")
        doc.observations = kept
    for t in doc.tasks:
        for k, v in t.__dict__.items():
            if not _finite(v):
                setattr(t, k, None)


def apply_frame(meta: DocumentMeta, frame: Frame) -> None:
    """The document row takes the frame's year (a work report's: the year it is given in),
    months and region where the title did not give them, and keeps the evidence."""
    from .extract.frame import data_years

    title_year = data_years(meta.title or "")
    if not title_year:
        year = frame.target_year if frame.kind in ("work_report", "plan") else frame.year
        meta.year = year if year is not None else meta.year
    if frame.start_month is not None:  # the frame starts from the title's months and may read on
        meta.start_month, meta.end_month = frame.start_month, frame.end_month
    elif frame.kind == "plan" and frame.year is None:
        meta.start_month = meta.end_month = None  # a plan states targets, no period of actuals
    meta.region = frame.region
    meta.report_kind = frame.kind
    meta.frame = list(frame.evidence)
    meta.type = frame.type
    meta.region_level = frame.region_level
    meta.data_year = frame.year
    # a work report's or a plan's targets are of the year it is given in, a progress report's or a
    # task list's of the year of its tasks; other documents': the year of the targets they state
    framed = frame.kind in ("work_report", "plan") or frame.type in _AS_OF_TYPES
    meta.target_year = frame.target_year if framed or _states_targets(frame) else None
    meta.frame_why = dict(frame.why)
    if frame.why.get("year") == "user":
        meta.year = frame.year


_AS_OF_TYPES = ("task_bulletin", "task_table", "progress_on_report")


def _target_year(doc: ParsedDocument) -> int | None:
    """The year whose targets the document states: the year most of its targets are of (a
    task list's: the year of its tasks); None when it states none."""
    from collections import Counter

    years = Counter(o.year for o in doc.observations if o.kind == "target" and o.year is not None)
    if not years:
        years = Counter(t.year for t in doc.tasks if t.year is not None)
    return years.most_common(1)[0][0] if years else None


def _states_targets(frame: Frame) -> bool:
    return frame.why.get("target_year") == "user"


def parse_file(path: Path, data: bytes | None = None, user: dict | None = None) -> ParsedDocument:
    """Read and parse one file. Raises ``sources.SourceError`` for unreadable files."""
    path = Path(path)
    if data is None:
        data = read_file_bytes(path)
    source = read_source(path, data)
    return parse_source(source, str(path.resolve()), path.name, file_sha256(data), len(data), user=user)
