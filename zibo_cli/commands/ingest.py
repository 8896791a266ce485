"""`zibo ingest PATH...` as a plain function (see zibo_cli/commands/__init__.py): read reports
into the database and say what each gave."""

from __future__ import annotations

from pathlib import Path

from .messages import fail, say
from .signals import INGEST_SIGNALS, signals_interrupt

SUMMARY_COLUMNS = ["document", "status", "type", "period", "observations", "tasks", "unreadable", "note"]
WARNINGS_LISTED = 5  # more warnings than this are summed up by kind (--verbose lists them all)


def warning_kind(message: str) -> str:
    """What a warning says, without its numbers and names: 5 characters were lost … → N characters
    were lost …; same content as a.txt; … → same content as …."""
    import re

    kind = re.sub(r"\d+(?:\.\d+)?", "N", message)
    kind = re.sub(r"(same content as) [^;]+", r"\1 another file", kind)
    return re.sub(r"(attachment\(s\)) .*?:", r"\1 …:", kind)


class Results:
    """What an ingest run gave, for its report: every result when they are all printed, else (with
    --quiet) only those with something to say (a failure, a warning) and a count by status, so a
    run over 100,000 files does not hold 100,000 results."""

    def __init__(self, keep_all: bool) -> None:
        from collections import Counter

        self.keep_all = keep_all
        self.kept: list = []
        self.counts: Counter = Counter()

    def append(self, r) -> None:
        self.counts[r.status] += 1
        if self.keep_all or r.status == "failed" or r.warnings:
            self.kept.append(r)

    def __iter__(self):
        return iter(self.kept)

    def __len__(self) -> int:
        return sum(self.counts.values())

    def stored(self) -> int:
        return self.counts["new"] + self.counts["replaced"]


def warnings_lines(results: list, verbose: bool) -> list[str]:
    """The warning lines for stderr: one a file and warning, or (more than WARNINGS_LISTED, not
    ``verbose``) one a kind of warning with how many files gave it."""
    listed = [(r, w) for r in results if r.status != "failed" for w in r.warnings]
    if verbose or len(listed) <= WARNINGS_LISTED:
        return [f"zibo: warning: {r.path}: {w}" for r, w in listed]
    from collections import Counter

    kinds = Counter(warning_kind(w) for _, w in listed)
    files = len({id(r) for r, _ in listed})
    lines = [f"zibo: warning: {len(listed)} warnings in {files} files (zibo ingest --verbose lists each):"]
    lines += [f"zibo: warning:   {n} × {kind}" for kind, n in kinds.most_common()]
    return lines


def ingest(db: Path, fmt: str = "table", *, paths: list[str], quiet: bool = False, force: bool = False,
           workers: int | None = None, verbose: bool = False, attachments: bool = False, region: str | None = None,
           year: int | None = None, doc_type: str | None = None, follow_links: bool = False) -> None:
    """Ingest ``paths`` into ``db`` and report: a row a file in ``fmt``, warnings and failures on
    stderr; exit status 1 when a file failed."""
    from ..fetch import is_url

    if attachments and not any(is_url(p) for p in paths):
        from ..errors import UsageError

        raise UsageError("--attachments goes with the address of a page (zibo ingest https://… --attachments)")
    from ..ingest import user_frame

    user = user_frame(region, year, doc_type)
    results = Results(keep_all=not quiet or fmt == "json")  # --json prints every file even with -q
    from ..ingest import pool as parsers

    parsers.parsers_started = False  # of this run (a script or test may run several in one process)
    from ..errors import UsageError, ZiboError

    try:
        _run(paths, db, force, workers, quiet, fmt, results, attachments, follow_links, user)
    except UsageError:
        raise
    except ZiboError as e:  # a full disk, a failing database or parser process: after some files
        if not len(results):
            raise
        try:
            _report(results, db, quiet, fmt, verbose)  # what this run did up to there
        except SystemExit:
            pass
        e.args = (f"{e}; {results.stored()} new or changed file(s) of this run were stored before it, each "
                  "whole, and the rest not: run the same command again to finish",)
        raise
    except KeyboardInterrupt as e:
        from ..errors import INTERRUPTED, Interrupted
        from ..ingest import _ignore_interrupts, _restore_interrupts

        previous = _ignore_interrupts()  # more Ctrl-C while saying so changes nothing
        try:
            stored = results.stored()
            code = e.exit_code if isinstance(e, Interrupted) else INTERRUPTED
            message = (f"interrupted after storing {stored} new or changed file(s) of this run, each whole; the "
                       "files not yet committed were rolled back: run the same command again to finish")
            if _parsers_started():
                # every transaction is rolled back and the database closed: end now, without
                # waiting at exit for the threads of an executor whose processes were stopped
                import os
                import sys

                sys.stdout.flush()
                sys.stderr.write(f"zibo: error: {message}\n")
                sys.stderr.flush()
                os._exit(code)
            fail(message, code)
        finally:
            _restore_interrupts(previous)
    _report(results, db, quiet, fmt, verbose)


def _parsers_started() -> bool:
    from ..ingest import pool

    return pool.parsers_started


def _run(paths, db, force, workers, quiet, fmt, results: list, attachments: bool = False,
         follow_links: bool = False, user: dict | None = None) -> None:
    import tempfile

    from ..fetch import found_from_urls, is_url
    from ..ingest import find_files

    urls = [p for p in paths if is_url(p)]
    with signals_interrupt(INGEST_SIGNALS):
        if not urls:
            _ingest(find_files(paths, follow_links), db, force, workers, quiet, results, user)
            return
        # pages and their attachments are fetched into a folder of this run and read from there
        # like files (each keeps its address as its path and source); the folder goes after
        with tempfile.TemporaryDirectory(prefix="zibo-fetch-") as folder:
            found = list(find_files([p for p in paths if not is_url(p)], follow_links))
            found += found_from_urls(urls, folder, attachments)
            _ingest(found, db, force, workers, quiet, results, user)


def _ingest(found, db, force, workers, quiet, results: list, user: dict | None = None) -> None:
    """Ingest ``found``, with a progress bar (and its ETA) on stderr whenever stderr is a
    terminal, whatever stdout is (zibo ingest reports/ --json > out.json shows it too)."""
    import sys

    from ..ingest import ingest_found
    from ..render import err_console, is_terminal

    if not (is_terminal(sys.stderr) and not quiet):
        for r in ingest_found(found, db, force=force, workers=workers, user=user):
            results.append(r)
        return
    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from ..ingest import FoundList
    from ..render import visible

    found = FoundList(found)
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err_console(),
                  transient=True) as progress:
        task = progress.add_task("ingesting", total=len(found))
        for r in ingest_found(found, db, force=force, workers=workers, user=user):
            results.append(r)
            progress.update(task, advance=1, description=escape(visible(r.document[:30])))


def _report(results: Results, db, quiet: bool, fmt: str, verbose: bool = False) -> None:
    from ..render import emit, err_console, is_terminal, visible

    for r in results:
        if r.status == "failed":
            say(visible(f"zibo: error: {r.path}: {r.error}"))
    if not quiet and fmt == "table":
        for line in warnings_lines(results, verbose):
            say(visible(line))
    rows = [{**r.__dict__, "note": r.error or "; ".join(r.warnings)} for r in results]
    from collections import Counter

    same = Counter(r.document for r in results)
    for row in rows:  # two report.txt from different folders: each by its path
        if same[row["document"]] > 1 and fmt != "json":
            row["document"] = row["relpath"]
    if fmt == "json":
        emit([{k: v for k, v in row.items() if k != "note"} for row in rows], fmt="json")
    elif not quiet:
        emit(rows, SUMMARY_COLUMNS, fmt, title=f"ingested into {db}",
             headers={"observations": "figures", "unreadable": "lost chars"},
             max_widths={"note": 50})
    failed, skipped = results.counts["failed"], results.counts["skipped"]
    if fmt == "table" and not quiet and is_terminal():
        counts = {s: results.counts[s]
                  for s in ("new", "replaced", "unchanged", "duplicate", "skipped", "failed")}
        err_console().print(", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no files")
    if not results:
        say("zibo: error: no files found under the given paths (hidden files are skipped)")
        raise SystemExit(1)
    if failed:
        if len(results) > 1:  # one line per failed file above; with others, how the run ended
            extra = f"; {skipped} skipped (no report in them)" if skipped else ""
            say(f"zibo: {failed} of {len(results)} files failed; the others were stored{extra}")
        raise SystemExit(1)
