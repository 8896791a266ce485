"""Walking folders: the files under the paths named, each once, in a stable order, with the name
it is known by (:class:`Found`), kept compact for a large run (:class:`FoundList`)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from stat import S_ISDIR, S_ISREG

from ..errors import shown
from ..sources import describe_os_error
from .results import IngestResult

# Files that are never reports: skipped silently when walking a folder.
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


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



def own_files(db_path: Path) -> set[str]:
    """The database's own files (SQLite's beside it too), which may sit in the folder being ingested."""
    return {os.path.realpath(db_path) + suffix for suffix in ("", "-wal", "-shm", "-journal")}


def _unreadable(item) -> IngestResult:
    """The result of a file the walk could not read (``item`` carries the error)."""
    source, _, name, _ = _origin(item)
    return IngestResult(path=source or str(item[0]), document=name or item[0].name, status="failed",
                        error=item[1], relpath=relpath_of(item))

