"""Ingest: find the files under the given paths, parse each, store them a batch a transaction.

    from zibo_cli.ingest import ingest_paths
    for result in ingest_paths(["seeds/"], db_path):
        print(result.document, result.status)

A file that fails to read is reported (``status="failed"`` with a reason) and
the others go on; nothing of it is written. Documents are written in batches, one
transaction each (:class:`Commits`): a result is given out once its document is committed,
so an interrupted or failed run has stored, whole, exactly the documents it reported.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING

from .errors import DatabaseError, ZiboError, shown
from .sources import SourceError, describe_os_error

if TYPE_CHECKING:
    from .models import ParsedDocument
    from .store import DocumentRows

__all__ = ["IngestResult", "find_files", "ingest_paths", "ingest_found", "ingest_file", "check_file",
           "parse_read_file", "default_workers"]

# Files that are never reports: skipped silently when walking a folder.
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


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


class Found(tuple):
    """(file, error) as :func:`find_files` yields it, with ``relpath``: the name the document is
    known by, its path relative to the folder named to ingest, that folder's name first
    (``zibo ingest reports/`` → ``reports/2024/a.txt``; a file named on its own: its base name)."""

    relpath: str
    source: str | None  # the address it was fetched from (zibo ingest URL), None for a file
    linked_from: str | None  # the page that links to it (--attachments)

    def __new__(cls, path: Path, error: str | None, relpath: str | None = None, source: str | None = None,
                linked_from: str | None = None, name: str | None = None, real: str | None = None,
                page_meta: dict | None = None):
        self = super().__new__(cls, (path, error))
        self.relpath = shown(relpath or name or path.name)
        self.source, self.linked_from, self.name = source, linked_from, name or path.name
        self.page_meta = page_meta  # an attachment's page's published date and publisher
        self.real = real  # its resolved path when the walk knows it (no realpath call a file)
        return self


class FoundList:
    """The (file, error) pairs of a run, kept compact until each is wanted: a :class:`Found`
    with its ``Path`` and attributes is ~800 bytes, a row of strings ~250 (100,000 files held
    ~75 MB in the main process, which the parser processes also inherit). Iterating gives back
    pairs equal to those put in, with the same attributes."""

    __slots__ = ("_rows",)

    def __init__(self, items: Iterable[tuple[Path, str | None]]):
        if isinstance(items, FoundList):
            self._rows: list = items._rows
            return
        rows = []
        for item in items:
            if type(item) is not Found:
                rows.append((item,))  # a plain pair (from a script): kept as it is
                continue
            path = os.fspath(item[0])
            name, real = item.name, item.real
            row = (path, item[1], item.relpath, item.source, item.linked_from,
                   None if name == item[0].name else name, True if real == path else real)
            page_meta = getattr(item, "page_meta", None)
            rows.append(row + (page_meta,) if page_meta else row)  # (an attachment's only)
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[tuple[Path, str | None]]:
        for row in self._rows:
            if len(row) == 1:
                yield row[0]
                continue
            path, error, relpath, source, linked_from, name, real = row[:7]
            page_meta = row[7] if len(row) > 7 else None
            p = Path(path)
            item = tuple.__new__(Found, (p, error))
            item.relpath, item.source, item.linked_from, item.page_meta = relpath, source, linked_from, page_meta
            item.name = p.name if name is None else name
            item.real = path if real is True else real
            yield item


def relpath_of(item) -> str:
    """The ``relpath`` of a (file, error) pair (its base name for a plain tuple)."""
    return getattr(item, "relpath", None) or shown(item[0].name)


def _real(item) -> str:
    """The resolved path of a (file, error) pair: known from the walk, else asked for."""
    return getattr(item, "real", None) or os.path.realpath(item[0])


def _origin(item) -> tuple:
    """(source address, page linking to it, file name, that page's metadata) of a (file, error) pair."""
    return (getattr(item, "source", None), getattr(item, "linked_from", None), getattr(item, "name", None),
            getattr(item, "page_meta", None))


def find_files(paths: Iterable[str | os.PathLike[str]],
               follow_links: bool = True) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, error) for every file under ``paths``, in a stable order (each a
    :class:`Found`, which also carries the document's ``relpath``).

    Folders are walked recursively in name order, hidden entries (``.name``) and
    system litter (``.DS_Store``, ``Thumbs.db``) skipped, symlinked folders followed
    once (a loop is not walked twice). Nothing else is dropped silently: a path that
    does not exist, a broken link or a link loop, a pipe or device, and a folder that
    cannot be opened each yield an error instead of a file. With ``follow_links`` False
    (``zibo ingest`` without --follow-links), a link met in a folder that points outside the
    folder named is an error too, not followed.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for p in paths:
        if not os.fspath(p).strip():
            yield Found(Path("''"), "an empty path (an unset variable in a script?); give a file or folder")
            continue
        path = Path(p)
        root = None if follow_links else os.path.realpath(path)
        yield from _visit(path, seen_dirs, seen_files, _root_name(path), root=root)


def _root_name(path: Path) -> str:
    """The name a walk from ``path`` starts its relative paths with (``.``: the current folder's)."""
    name = path.name or Path(os.path.abspath(path)).name
    return name if name not in ("", ".", "..") else Path(os.path.abspath(path)).name


def _visit(path: Path, seen_dirs: set, seen_files: set, rel: str,
           real: str | None = None, root: str | None = None) -> Iterator[tuple[Path, str | None]]:
    """One path: a file once (by device and inode), a folder walked, anything else an error.
    ``real``: its resolved path, when the walk knows it (an entry that is no link, in a folder
    whose resolved path is known): resolving every file of a large folder costs a system call
    per part of its path."""
    try:
        st = path.stat()  # follows links
    except OSError as e:
        yield Found(path, _missing(path, e), rel)
        return
    if S_ISDIR(st.st_mode):
        yield from _walk(path, seen_dirs, seen_files, rel, real, root)
    elif not S_ISREG(st.st_mode):
        yield Found(path, _NOT_REGULAR, rel)
    elif (st.st_dev, st.st_ino) not in seen_files:
        seen_files.add((st.st_dev, st.st_ino))
        yield Found(path, None, rel, real=real)


_NOT_REGULAR = "not a regular file (a pipe, socket or device); copy the report to a file"


def _missing(p: Path, e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symbolic link loop; fix or remove the link"
    if p.is_symlink():
        return "broken symbolic link (its target does not exist)"
    if e.errno == errno.ENOENT:
        return "no such file or folder"
    return describe_os_error(e)


def _walk(folder: Path, seen_dirs: set, seen_files: set, rel: str,
          real: str | None = None, root: str | None = None) -> Iterator[tuple[Path, str | None]]:
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # a symlink loop, or a folder reached twice
        seen_dirs.add(key)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
        real = real or os.path.realpath(folder)
    except OSError as e:
        yield Found(folder, "cannot open folder: " + describe_os_error(e, "folder"), rel)
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIP_NAMES:
            continue
        try:
            link = entry.is_symlink()
        except OSError:
            link = True
        if link and root is not None:
            target = os.path.realpath(entry.path)
            if os.path.exists(target) and target != root and not target.startswith(root.rstrip(os.sep) + os.sep):
                yield Found(Path(entry.path), f"a symbolic link to {target}, outside the folder being ingested; "
                            "not followed (--follow-links follows it)", f"{rel}/{entry.name}")
                continue
        yield from _visit(Path(entry.path), seen_dirs, seen_files, f"{rel}/{entry.name}",
                          None if link else os.path.join(real, entry.name), root)


def ingest_file(conn: sqlite3.Connection, path: Path, force: bool = False,
                relpath: str | None = None, origin: tuple = (None, None, None),
                real: str | None = None, user: dict | None = None) -> IngestResult:
    """Parse and store one file.

    A file that cannot be read or parsed comes back as a ``failed`` result (nothing of it
    is written); database errors raise :class:`DatabaseError`. Each file is stored in
    one transaction, so an interrupt leaves it either fully in or fully out.
    ``force`` parses and rewrites a file even when its bytes are already stored.
    """
    todo = check_file(conn, path, force, relpath, origin, real, user)
    if isinstance(todo, IngestResult):
        return todo
    return _store_prepared(conn, parse_read_file(todo), force)


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


def check_file(conn: sqlite3.Connection, path: Path, force: bool = False,
               relpath: str | None = None, origin: tuple = (None, None, None),
               real: str | None = None, user: dict | None = None) -> IngestResult | ToParse:
    """Read and hash a file: the final result when there is nothing to parse (it cannot
    be read, or the same bytes are stored with the same user-stated frame), else what the
    parser needs. ``user``: what this run states about every file's frame (``--region``,
    ``--year``), over what was stated before (kept on the document row). Reads the database,
    never writes it."""
    from .sources import read_file_bytes
    from .store import document_state

    source, linked_from, name, *more = origin
    page_meta = more[0] if more else None
    result = IngestResult(path=source or str(path), document=name or path.name, status="failed", relpath=relpath)
    try:
        data = read_file_bytes(path)
    except SourceError as e:
        result.error = str(e)
        return result
    sha = hashlib.sha256(data).hexdigest()  # = pipeline.file_sha256, without importing the parsers
    resolved = source or shown(real or str(path.resolve()))
    # Fast path: unchanged bytes at the same path need no parsing at all.
    state, other = document_state(conn, sha, resolved)
    stated = stated_frame(conn, sha, resolved)
    wanted = {**stated, **{k: str(v) for k, v in (user or {}).items() if v}}
    rewrite = state == "unchanged" and wanted != stated  # the same bytes, a frame newly stated
    if state == "duplicate" or (state == "unchanged" and not (force or rewrite)):
        result.status = state
        if state == "duplicate":
            result.warnings.append(f"same content as {other}; not stored twice")
        _fill_from_db(conn, sha, result)
        return result
    return ToParse(path, data, sha, resolved, relpath, source, linked_from, name, user=wanted or None,
                   rewrite=rewrite, page_meta=page_meta)


def stated_frame(conn: sqlite3.Connection, sha: str, path: str) -> dict[str, str]:
    """What a user stated about the frame of the document with these bytes (else of the one
    at this path: an edited file keeps it)."""
    import json

    try:
        row = conn.execute("SELECT frame_user FROM documents WHERE sha256 = ? UNION ALL "
                           "SELECT frame_user FROM documents WHERE path = ? LIMIT 1", (sha, path)).fetchone()
    except sqlite3.OperationalError:  # a database from before the frame
        return {}
    return json.loads(row[0]) if row and row[0] else {}


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
    from .alarm import alarm

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
    from .pipeline import parse_source  # only now: an unchanged file needs no parser
    from .sources import read_source

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
    from .models import UNKNOWN

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


def _store_prepared(conn: sqlite3.Connection, prep: Prepared, force: bool = False) -> IngestResult:
    """The write of the parsed document (if there is one), in the open batch's transaction or one of its own."""
    from .store import document_rows, document_state, store_rows

    result, rows = prep.result, prep.rows
    force = force or prep.rewrite
    if rows is None:
        if prep.doc is None:
            return result
        rows = document_rows(prep.doc)
    result.status = store_rows(conn, rows, mtime=prep.mtime, force=force)
    d = rows.document
    if result.status in ("unchanged", "duplicate"):
        # the same bytes were stored between the check and the write (by another process,
        # or, with parser processes, from an earlier file of this run)
        if result.status == "duplicate":
            other = document_state(conn, d["sha256"], d["path"])[1]
            result.warnings.append(f"same content as {other or 'a file already stored'}; not stored twice")
        _fill_from_db(conn, d["sha256"], result)
        return result
    result.doc_type, result.title, result.year, result.period = d["doc_type"], d["title"], d["year"], d["period"]
    result.type = d.get("type")
    result.observations, result.tasks, result.unreadable = d["observations"], d["tasks"], d["unreadable"]
    result.warnings.extend(rows.warnings)
    return result


def _fill_from_db(conn: sqlite3.Connection, sha: str, result: IngestResult) -> None:
    row = conn.execute(
        "SELECT doc_type, title, year, period, observations, tasks, unreadable, encoding, type "
        "FROM documents WHERE sha256 = ?", (sha,)).fetchone()
    if row:
        (result.doc_type, result.title, result.year, result.period, result.observations,
         result.tasks, result.unreadable, result.encoding, result.type) = row


parsers_started = False  # this process started parser processes (an interrupt then exits at once)

# Parser processes: worth their start-up only for a batch of files. The main process
# writes (about a third of the work per file), so beyond a few parsers it is the limit.
PARALLEL_MIN_FILES = 48
MAX_WORKERS = 3
# Files a parser process is sent at a time: fewer round trips wake the three processes on two
# CPUs less often (1,000 bench reports, 6 runs each side by side: 4.16 s at 4, 3.94 s at 12).
CHUNK = 12


def default_workers(n_files: int) -> int:
    """Parser processes for ``n_files`` files: one per CPU (at most three) for a batch,
    none (parse in this process) for a few files or on one CPU. (Two parsers beat one
    on two CPUs: 1,000 reports in 7.2 s against 8.0 s, and 10.5 s in one process.)"""
    cpus = os.cpu_count() or 1
    if n_files < PARALLEL_MIN_FILES or cpus < 2:
        return 0
    return min(cpus, MAX_WORKERS)


def ingest_paths(paths: Iterable[str | os.PathLike[str]], db_path: Path,
                 force: bool = False, workers: int | None = None, user: dict | None = None) -> Iterator[IngestResult]:
    """Ingest every file under ``paths`` into the database at ``db_path``.

    Raises :class:`DatabaseError` (one line) when the database cannot be opened or
    written; the documents stored before that stay, whole. ``workers``: parser
    processes (None: :func:`default_workers`; 0: parse in this process). ``user``: what the
    user states about every file's frame (``{"region": "淄博市", "year": "2024"}``).
    """
    return ingest_found(find_files(paths), db_path, force=force, workers=workers, user=user)


def ingest_found(found: Iterable[tuple[Path, str | None]], db_path: Path,
                 force: bool = False, workers: int | None = None, user: dict | None = None) -> Iterator[IngestResult]:
    """Like :func:`ingest_paths`, for the (file, error) pairs :func:`find_files` gave.

    With ``workers`` > 0, new files are parsed in that many processes while this one
    reads, checks and writes; results still come in file order, each once its document is
    committed (:class:`Commits`), and only this process writes.
    """
    found = FoundList(found)
    if workers is None:
        workers = default_workers(len(found))
    if workers > 0:
        yield from _ingest_parallel(found, db_path, force, workers, user)
        return
    from .store import connect, describe_sqlite_error

    conn = connect(db_path, allow_foreign=force)
    own = _own_files(db_path)
    commits = Commits(lambda: conn, force)
    try:
        for item in found:
            path, error = item
            real = _real(item)
            if real in own:
                continue
            if error:
                yield from commits.add(_unreadable(item))
                continue
            try:
                todo = check_file(conn, path, force, relpath_of(item), _origin(item), real, user)
                if isinstance(todo, IngestResult):
                    yield from commits.add(todo)
                else:
                    yield from commits.store(parse_read_file(todo))
            except sqlite3.Error as e:
                raise DatabaseError(describe_sqlite_error(e, Path(db_path))) from None
        try:
            yield from commits.finish()
        except sqlite3.Error as e:
            raise DatabaseError(describe_sqlite_error(e, Path(db_path))) from None
    finally:
        commits.rollback()
        conn.close()


def _unreadable(item) -> IngestResult:
    """The result of a file the walk could not read (``item`` carries the error)."""
    source, _, name, _ = _origin(item)
    return IngestResult(path=source or str(item[0]), document=name or item[0].name, status="failed",
                        error=item[1], relpath=relpath_of(item))


class Commits:
    """The writer's transactions: documents are written a batch a transaction, committed once
    the batch holds ``BATCH_DOCUMENTS`` documents or is ``BATCH_SECONDS`` old.

    One commit per document rewrote every index page its figures touch (~100 pages a report
    of the bench's, 400 KB into the WAL); a batch shares those pages. Results come back in
    file order, each only once its document is committed (a result with nothing to write
    waits behind the documents before it), so what a run reports stored is stored, whole,
    whatever happens next; an interrupt or error rolls back the batch not yet committed
    (:meth:`rollback`), which was not reported. The full-text index is brought up to date every
    ``store.FTS_BATCH`` documents written (see migration 10) and at the end of the run (an
    interrupted one leaves the rest to the next write)."""

    def __init__(self, connection, force: bool = False) -> None:
        self.connection, self.force = connection, force
        self.pending: list[IngestResult] = []
        self.started = 0.0
        self.written = 0  # documents written in the open batch
        self.indexed = 0  # documents written in this run, for the full-text flushes

    def add(self, result: IngestResult) -> list[IngestResult]:
        """A result with nothing to write: out now, or after the documents waiting before it."""
        if self.pending:
            self.pending.append(result)
            return []
        return [result]

    def store(self, prep: Prepared) -> list[IngestResult]:
        """Write one parsed file in the open batch (opening one); the results now committed."""
        import time

        conn = self.connection()
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            self.started = time.monotonic()
        result = _store_prepared(conn, prep, self.force)
        self.pending.append(result)
        if result.status in ("new", "replaced"):
            from .store import FTS_BATCH, flush_fulltext

            self.written += 1
            self.indexed += 1
            if self.indexed % FTS_BATCH == 0:
                flush_fulltext(conn)  # (in the open batch)
        if self.written >= BATCH_DOCUMENTS or self.age() >= BATCH_SECONDS:
            return self.commit()
        return []

    def age(self) -> float:
        """Seconds the open batch has been open (0 when none is)."""
        import time

        return time.monotonic() - self.started if self.connection().in_transaction else 0.0

    def commit(self) -> list[IngestResult]:
        conn = self.connection()
        if conn.in_transaction:
            conn.execute("COMMIT")
        out, self.pending, self.written = self.pending, [], 0
        return out

    def finish(self) -> list[IngestResult]:
        """The end of the run: the last batch committed, the full-text index brought up to date."""
        from .store import flush_fulltext

        out = self.commit()
        flush_fulltext(self.connection())
        return out

    def rollback(self) -> None:
        """Drop the batch not yet committed (after an error or an interrupt); its results go too."""
        from .store import _rollback

        self.pending, self.written = [], 0
        _rollback(self.connection())


# A batch is committed at this many documents written, or this old (so a slow parser does not
# hold the write lock, and the results on the screen stay live).
BATCH_DOCUMENTS = 32
BATCH_SECONDS = 0.25


def _own_files(db_path: Path) -> set[str]:
    # the database itself (and SQLite's files beside it) may sit in the folder being ingested
    return {os.path.realpath(db_path) + suffix for suffix in ("", "-wal", "-shm", "-journal")}


def _ingest_parallel(found: FoundList, db_path: Path, force: bool,
                     workers: int, user: dict | None = None) -> Iterator[IngestResult]:
    """Read, hash and check each file here; parse the new ones in ``workers`` processes;
    store here, in file order.

    The parsers start at the first file that needs parsing (an unchanged corpus starts
    none); this process closes its database connection while they are forked (a child
    must not inherit an open SQLite connection) and opens it again. They never touch
    the database. At most a few files per parser are in flight, so memory stays flat
    however many files there are.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .store import connect, describe_sqlite_error

    broken = ZiboError("a parser process stopped unexpectedly (out of memory?); the documents "
                       "stored so far are whole: run the same command with --workers 0")
    pool: ProcessPoolExecutor | None = None
    conn = connect(db_path, allow_foreign=force)
    commits = Commits(lambda: conn, force)  # (conn is opened again after forking)

    def start_parsers() -> ProcessPoolExecutor:
        nonlocal conn
        global parsers_started
        parsers_started = True
        from . import pipeline  # noqa: F401  (the parsers inherit the parsing modules, loaded once)

        conn.close()
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        new = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start)
        try:
            list(new.map(_worker_ready, range(workers)))  # fork them all now, while no connection is open
        finally:
            conn = connect(db_path, allow_foreign=force)
        return new

    class Chunk:
        """Files sent to a parser together (one future for CHUNK files: less pickling and
        fewer round trips than one a file); each waits in the window as (chunk, index)."""

        def __init__(self) -> None:
            self.todo: list[ToParse] = []
            self.future: Future | None = None

        def submit(self) -> None:
            try:
                self.future = pool.submit(_worker_parse_many, self.todo)
            except BrokenProcessPool:
                raise broken from None

    def finish(entry) -> Iterator[IngestResult]:
        """Write the next file in order; give out the results now committed."""
        if isinstance(entry, IngestResult):
            yield from commits.add(entry)
            return
        chunk, index = entry
        if chunk.future is None:
            chunk.submit()
        try:
            if commits.pending and not chunk.future.done():
                try:  # a batch is open: wait for the parser no longer than the batch may stay open
                    chunk.future.result(timeout=max(0.0, BATCH_SECONDS - commits.age()))
                except TimeoutError:
                    yield from commits.commit()  # (given out before waiting on)
            yield from commits.store(chunk.future.result()[index])
        except sqlite3.Error as e:
            raise DatabaseError(describe_sqlite_error(e, Path(db_path))) from None
        except BrokenProcessPool:
            raise broken from None

    try:
        own = _own_files(db_path)
        window: deque = deque()
        open_chunk: Chunk | None = None
        for item in found:
            path, error = item
            real = _real(item)
            if real in own:
                continue
            if error:
                window.append(_unreadable(item))
            else:
                try:
                    todo = check_file(conn, path, force, relpath_of(item), _origin(item), real, user)
                except sqlite3.Error as e:
                    raise DatabaseError(describe_sqlite_error(e, Path(db_path))) from None
                if isinstance(todo, IngestResult):
                    window.append(todo)
                else:
                    if pool is None:
                        pool = start_parsers()  # the window is empty here: nothing waits on conn
                    if open_chunk is None:
                        open_chunk = Chunk()
                    window.append((open_chunk, len(open_chunk.todo)))
                    open_chunk.todo.append(todo)
                    if len(open_chunk.todo) >= CHUNK:
                        open_chunk.submit()
                        open_chunk = None
            while len(window) > 3 * workers * CHUNK or (window and isinstance(window[0], IngestResult)):
                yield from finish(window.popleft())
        while window:
            yield from finish(window.popleft())
        try:
            yield from commits.finish()
        except sqlite3.Error as e:
            raise DatabaseError(describe_sqlite_error(e, Path(db_path))) from None
    except BaseException:
        commits.rollback()
        if pool is not None:
            previous = _ignore_interrupts()  # a second Ctrl-C must not cut the clean-up short
            try:
                _stop_parsers(pool)  # Ctrl-C (once or twice), SIGTERM, an error: the parsers go at once
            finally:
                _restore_interrupts(previous)
            pool = None
        raise
    finally:
        commits.rollback()  # (nothing open after a whole run; a consumer that stopped early: its batch)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        conn.close()


def _worker_start() -> None:
    import signal

    # Ctrl-C goes to the whole process group: the main process handles it (and rolls
    # back, then stops the parsers). SIGTERM/SIGHUP stop a parser outright.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this parser when the process that started it dies
    (kill -9 of `zibo ingest` must not leave parsers behind)."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before the call: go now
            os._exit(1)
    except (OSError, AttributeError):
        pass


def _ignore_interrupts():
    """Ignore Ctrl-C (in the main thread); the handler it had, to give back."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        return signal.signal(signal.SIGINT, signal.SIG_IGN)
    return None


def _restore_interrupts(previous) -> None:
    import signal

    if previous is not None:
        signal.signal(signal.SIGINT, previous)


def _stop_parsers(pool) -> None:
    """End the parser processes now (an interrupt, an error): no waiting for their files. The
    executor's own shutdown runs in a daemon thread: an interrupt may have landed while the
    executor held one of its locks, and this process must not wait on it."""
    import threading

    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except (OSError, AttributeError):
            pass
    threading.Thread(target=pool.shutdown, kwargs={"wait": False, "cancel_futures": True}, daemon=True).start()


def _worker_ready(_: int) -> bool:
    return True


def _worker_parse_many(todo: list[ToParse]) -> list[Prepared]:
    return [_worker_parse(t) for t in todo]


def _worker_parse(todo: ToParse) -> Prepared:
    from .store import document_rows

    prep = parse_read_file(todo)
    if prep.doc is not None:  # send the rows the writer writes, not the document's dataclasses
        prep.rows = document_rows(prep.doc)
        prep.doc = None
    return prep


def user_frame(region: str | None, year: int | None, doc_type: str | None) -> dict[str, str]:
    """What the user states about documents' frames (ingest, docs set), checked: a known type, a
    region by its full name (淄博 → 淄博市; a name zibo does not know is kept as written)."""
    from .errors import UsageError
    from .extract.doctype import TYPES

    user: dict[str, str] = {}
    if doc_type is not None:
        if doc_type not in TYPES:
            raise UsageError(f"--type {doc_type!r} is not a document type; one of: {', '.join(TYPES)}")
        user["type"] = doc_type
    if region is not None:
        from .normalize import normalize_text
        from .places import place_named

        place = (normalize_text(region) or region).strip()
        if not place:
            raise UsageError("--region needs a place name (淄博市, 临淄区, 全国)")
        user["region"] = place_named(place) or place
    if year is not None:
        if not 1900 <= year <= 2100:
            raise UsageError(f"--year {year} is not a year of reports (1900–2100)")
        user["year"] = str(year)
    return user


def set_frame(db_path: Path, name: str, user: dict[str, str], clear: bool = False) -> IngestResult:
    """State what document ``name`` is about (``zibo docs set``): ``user`` (region, year, type)
    over what was stated before (``clear``: instead of it), kept on the document row, and the
    document read again with it, from its file when the file still holds the same bytes, else
    from the text stored. Raises ZiboError when ``name`` names no document or several."""
    import json

    from .models import SourceText
    from .pipeline import parse_source
    from .query import Zibo
    from .store import connect, transaction

    with Zibo(db_path) as z:
        found = z.find_document(name)
    conn = connect(db_path)
    try:
        row = conn.execute("SELECT sha256, document, path, relpath, source, linked_from, frame_user, text, format, "
                           "encoding, size FROM documents WHERE id = ?", (found["id"],)).fetchone()
        sha, document, path, relpath, source, linked_from, stated, text, fmt, encoding, size = row
        wanted = ({} if clear else json.loads(stated or "{}")) | {k: str(v) for k, v in user.items() if v}
        result = IngestResult(path=source or path, document=document, status="failed", relpath=relpath)
        todo = None
        if not source and Path(path).is_file():
            todo = check_file(conn, Path(path), force=True, relpath=relpath, real=path)
        if isinstance(todo, ToParse) and todo.sha == sha:
            todo.user = wanted or None
            prep = parse_read_file(todo)
        else:  # the file is gone or changed (or was fetched): read the text stored
            doc = parse_source(SourceText(text=text, encoding=encoding or "utf-8", format=fmt or "text"), path,
                               document, sha, size or 0, relpath=relpath, user=wanted or None)
            doc.source_url, doc.linked_from = source, linked_from
            prep = Prepared(result, doc)
        with transaction(conn):
            out = _store_prepared(conn, prep, force=True)
        from .store import flush_fulltext

        flush_fulltext(conn)
        return out
    finally:
        conn.close()
