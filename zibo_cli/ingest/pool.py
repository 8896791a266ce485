"""The process pool: parser processes for a batch of files, forked while the writer holds no
connection, sent files a chunk at a time, stopped at once on an interrupt or an error, and killed
by the kernel with the process that started them."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import ZiboError
from .parse import parse_read_file
from .results import Prepared, ToParse

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

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


class InProcess:
    """No parser processes: each file is parsed here when the loop hands it over."""

    ahead = 0  # files read ahead of the one being written

    def submit(self, todo: ToParse) -> Prepared:
        return parse_read_file(todo)

    def ready(self, entry: Prepared, timeout: float) -> bool:
        return True

    def result(self, entry: Prepared) -> Prepared:
        return entry

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


class _Chunk:
    """Files sent to a parser together (one future for CHUNK files: less pickling and fewer
    round trips than one a file); each waits in the loop's window as (chunk, index)."""

    __slots__ = ("todo", "future")

    def __init__(self) -> None:
        self.todo: list[ToParse] = []
        self.future: Future | None = None


class Parsers:
    """``workers`` parser processes, started at the first file that needs parsing (an unchanged
    corpus starts none). ``writer`` (with ``close()`` and ``open()``) holds the database
    connection, closed while the parsers are forked: a child must not inherit an open SQLite
    connection. They never touch the database. At most a few chunks per parser are in flight
    (``ahead`` files), so memory stays flat however many files there are."""

    def __init__(self, workers: int, writer) -> None:
        self.workers, self.writer = workers, writer
        self.ahead = 3 * workers * CHUNK
        self.pool: ProcessPoolExecutor | None = None
        self.open: _Chunk | None = None
        self.broken = ZiboError("a parser process stopped unexpectedly (out of memory?); the documents "
                                "stored so far are whole: run the same command with --workers 0")

    def submit(self, todo: ToParse) -> tuple[_Chunk, int] | Prepared:
        """Queue a file for parsing (the chunk goes out once full); where its result will be.
        The first file is parsed here, before the parsers are forked: what parsing compiles and
        caches on first use (~0.15 s of regular expressions and word lists) is then done once,
        and every parser inherits it, instead of each doing it again."""
        if self.pool is None:
            first = parse_read_file(todo)
            self.pool = self._start()
            return first
        if self.open is None:
            self.open = _Chunk()
        chunk = self.open
        chunk.todo.append(todo)
        if len(chunk.todo) >= CHUNK:
            self._send(chunk)
        return chunk, len(chunk.todo) - 1

    def ready(self, entry: tuple[_Chunk, int] | Prepared, timeout: float) -> bool:
        """Whether the file's result is in within ``timeout`` seconds (its chunk sent if it is not yet)."""
        if isinstance(entry, Prepared):
            return True
        chunk = entry[0]
        if chunk.future is None:
            self._send(chunk)
        if chunk.future.done():
            return True
        from concurrent.futures.process import BrokenProcessPool

        try:
            chunk.future.result(timeout=timeout)
        except TimeoutError:
            return False
        except BrokenProcessPool:
            raise self.broken from None
        return True

    def result(self, entry: tuple[_Chunk, int] | Prepared) -> Prepared:
        if isinstance(entry, Prepared):
            return entry  # (the first file, parsed here)
        chunk, index = entry
        if chunk.future is None:
            self._send(chunk)
        from concurrent.futures.process import BrokenProcessPool

        try:
            return chunk.future.result()[index]
        except BrokenProcessPool:
            raise self.broken from None

    def _send(self, chunk: _Chunk) -> None:
        if chunk is self.open:
            self.open = None  # a chunk sent takes no more files
        from concurrent.futures.process import BrokenProcessPool

        try:
            chunk.future = self.pool.submit(_worker_parse_many, chunk.todo)
        except BrokenProcessPool:
            raise self.broken from None

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global parsers_started
        parsers_started = True
        from .. import pipeline  # noqa: F401  (the parsers inherit the parsing modules, loaded once)

        self.writer.close()
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        new = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_start)
        try:
            list(new.map(_worker_ready, range(self.workers)))  # fork them all now, while no connection is open
        finally:
            self.writer.open()
        return new

    def stop(self) -> None:
        """Ctrl-C (once or twice), SIGTERM, an error: the parsers go at once."""
        if self.pool is None:
            return
        previous = _ignore_interrupts()  # a second Ctrl-C must not cut the clean-up short
        try:
            _stop_parsers(self.pool)
        finally:
            _restore_interrupts(previous)
        self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


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
    from ..store import document_rows

    prep = parse_read_file(todo)
    if prep.doc is not None:  # send the rows the writer writes, not the document's dataclasses
        prep.rows = document_rows(prep.doc)
        prep.doc = None
    return prep

