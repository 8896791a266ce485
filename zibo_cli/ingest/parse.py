"""Parsing one file under limits: a time limit (``ZIBO_PARSE_TIMEOUT``) and a memory budget
(``ZIBO_PARSE_MEMORY``), a failure of one file kept to that file, and what is no report at all.
No database: parser processes run this."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..errors import shown
from ..sources import SourceError
from .results import IngestResult, Prepared, ToParse

if TYPE_CHECKING:
    from ..models import ParsedDocument


class TooComplex(Exception):
    """Parsing one document took longer than ``parse_timeout()`` seconds."""


def parse_timeout() -> float:
    """Seconds one document may take to parse (``ZIBO_PARSE_TIMEOUT``, default 120; 0: no limit)."""
    try:
        return max(0.0, float(os.environ.get("ZIBO_PARSE_TIMEOUT", "120")))
    except ValueError:
        return 120.0


def _time_limit(seconds: float):
    """Raise TooComplex in this thread after ``seconds`` (SIGALRM; the main thread of a process
    only, which is where documents are parsed)."""
    from ..alarm import alarm

    return alarm(seconds, TooComplex)


def parse_memory() -> int:
    """Bytes of memory parsing one document may take on top of what the process holds
    (``ZIBO_PARSE_MEMORY`` in MiB, default 2048; 0: no limit)."""
    try:
        mib = float(os.environ.get("ZIBO_PARSE_MEMORY", "2048"))
    except ValueError:
        mib = 2048.0
    return int(max(0.0, mib) * 2**20)


class _memory_limit:
    """Let parsing one document take at most ``budget`` more bytes of address space than the
    process has now (RLIMIT_AS; Linux): past it an allocation fails with MemoryError, which
    fails that file alone, and the limit is lifted again after it. Elsewhere: no limit."""

    def __init__(self, budget: int):
        self.budget = budget
        self.previous = None

    def __enter__(self):
        if not self.budget:
            return self
        try:
            import resource

            with open("/proc/self/statm") as f:
                size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = size + self.budget
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            if soft == resource.RLIM_INFINITY or limit < soft:
                resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
                self.previous = (soft, hard)
        except (ImportError, OSError, ValueError):
            self.previous = None
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, self.previous)
        return False


def parse_read_file(todo: ToParse) -> Prepared:
    """Parse a file :func:`check_file` read (no database: parser processes run this). A file
    that takes longer than :func:`parse_timeout` fails as too complex; the others go on."""
    from ..pipeline import parse_source  # only now: an unchanged file needs no parser
    from ..sources import read_source

    path = todo.path
    name = todo.name or path.name
    result = IngestResult(path=todo.source or str(path), document=name, status="failed", relpath=todo.relpath)
    limit = parse_timeout()
    budget = parse_memory()
    try:
        with _time_limit(limit), _memory_limit(budget):
            source = read_source(path, todo.data)
            doc = parse_source(source, todo.resolved, shown(name), todo.sha, len(todo.data),
                               relpath=result.relpath, user=todo.user)
            doc.source_url, doc.linked_from = todo.source, todo.linked_from
            for key, value in (todo.page_meta or {}).items():  # an attachment: what its page says
                if value and not getattr(doc.meta, key, None):
                    setattr(doc.meta, key, value)
    except SourceError as e:
        result.error = str(e)
        return Prepared(result)
    except TooComplex:
        result.error = (f"too complex: parsing took more than {limit:g}s and was stopped; split the file, "
                        "or allow more with ZIBO_PARSE_TIMEOUT=SECONDS")
        return Prepared(result)
    except MemoryError:  # this file alone: what it took is freed as the exception unwinds
        result.error = ("needs more memory than it may take: parsing stopped at the "
                        f"{budget // 2**20} MiB a file may use (ZIBO_PARSE_MEMORY=MIB allows more); split the file"
                        if budget else "ran out of memory while parsing; split the file")
        return Prepared(result)
    except KeyboardInterrupt:
        raise
    except Exception as e:  # a bug in a reader or extractor must not stop the other files
        if os.environ.get("ZIBO_DEBUG"):
            raise
        result.error = (f"internal error while parsing ({type(e).__name__}: {e}); please report it "
                        "with this file (ZIBO_DEBUG=1 shows the traceback)")
        return Prepared(result)
    result.encoding = source.encoding
    problem = not_a_report(doc)
    if problem is not None:
        status, message = problem
        result.status = status
        if status == "failed":
            result.error = message
        else:
            where = [w for w in doc.warnings if "attachment" in w]  # where the report is
            if where and todo.source and not todo.linked_from:  # a page fetched: --attachments fetches them
                where = [w.replace("download and ingest those files",
                                   f"zibo ingest {todo.source} --attachments fetches them") for w in where]
                message = "no report on the page itself; not stored"
            result.warnings.extend(where)
            result.warnings.append(message)
        return Prepared(result)
    try:
        mtime = None if todo.source else path.stat().st_mtime
    except OSError:
        mtime = None
    return Prepared(result, doc, mtime, rewrite=todo.rewrite)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_PUNCT = re.compile(r"[，。、；：！？“”（）《》]")


def not_a_report(doc: ParsedDocument) -> tuple[str, str] | None:
    """("failed", why) for a file whose text is empty or is no text at all (random bytes read
    as GBK give characters but never a comma or a full stop, and nothing is read from them);
    ("skipped", why) for readable text with no report in it (a README, a shopping list): not
    stored. A text the frame recognises by a rule of ``data/doc_types.tsv`` (a yearbook's preface,
    a plan, a budget report) is stored even when no figure is read from it, so that ``zibo docs``
    shows what it is.
    None for a report.

    Junk is judged by what was read, not by punctuation alone: a task table or a list of
    figures often has no comma or full stop at all, but random characters never give a task
    row or a figure."""
    from ..models import UNKNOWN

    text = doc.normalized.text
    if not text.strip():
        return "failed", "no text in this file (a page of scripts only? a scan?); nothing to ingest"
    sample = text[:20000]
    read_something = bool(doc.tasks or doc.observations)
    if not read_something and not _CJK_PUNCT.search(sample) and len(_CJK.findall(sample)) >= 200:
        return "failed", ("no readable text: the bytes decode to characters without a single comma or "
                          "full stop (random or binary data?); check the file")
    recognised = (getattr(doc.meta, "type", None) is not None
                  and not str((getattr(doc.meta, "frame_why", None) or {}).get("type", "no cue")).startswith("no cue")
                  and len(text.strip()) >= 200  # more than a title: a page whose report is its attachment is not
                  and not any("attachment" in w for w in doc.warnings))
    if doc.meta.doc_type == UNKNOWN and not doc.observations and not doc.tasks and not recognised:
        return "skipped", "no report found in this file (no figures, no task table); not stored"
    return None

