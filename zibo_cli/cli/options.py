"""Every option of every command, each defined once: its spellings, the parameter it fills, its
kind, help, metavar, completion, choices and range; which arguments and options each command
takes (``COMMANDS``); and where each command's code lives (``CLI_MODULES``, ``LIBRARY``).

An option name means one thing with one help text wherever it appears (``--region`` filters a
query and states the place of the reports ``ingest`` or ``docs set`` read; tests/test_options.py
fails on a second definition). Two parsers read this table: the typer commands (``application.Opt``:
each entry as a typer option, used in the commands' signatures) and the fast path for scripts
(``fast.SPECS``, built from the lines of ``COMMANDS`` named in ``FAST``). tests/test_fast_path.py
checks both against it. Nothing here imports typer, click or zibo's library: the fast path reads it
on every call.
"""

from __future__ import annotations

__all__ = ["Option", "OPTIONS", "GLOBAL", "FORMATS", "FORMAT_OPTIONS", "LISTING", "COMMANDS", "FAST", "CLI_MODULES",
           "LIBRARY", "FLAG", "TEXT", "INT", "MULTI", "PATH", "FILE", "FOLDER", "globals_first"]

FLAG, TEXT, INT, MULTI = "flag", "text", "int", "multi"
PATH, FILE, FOLDER = "path", "file", "folder"  # a path: either, a file (not a folder), a folder


class Option:
    """One option: ``spellings`` (``--region``, ``-r``), ``dest`` (the parameter it fills), ``kind``
    (FLAG, TEXT, INT, MULTI, PATH, FILE or FOLDER), ``help``, ``metavar``, ``complete`` (a function of
    ``cli/complete.py``, by name), ``choices``, ``min``/``max`` (an INT's range) and ``envvar``. (A
    plain class: dataclasses would import inspect, which costs more than the fast path's whole
    parser.)"""

    __slots__ = ("spellings", "dest", "kind", "help", "metavar", "complete", "choices", "min", "max", "envvar")

    def __init__(self, spellings: tuple[str, ...], dest: str, kind: str, help: str, metavar: str | None = None,
                 complete: str | None = None, choices: tuple[str, ...] | None = None, min: int | None = None,
                 max: int | None = None, envvar: str | None = None) -> None:
        self.spellings, self.dest, self.kind, self.help = spellings, dest, kind, help
        self.metavar, self.complete, self.choices = metavar, complete, choices
        self.min, self.max, self.envvar = min, max, envvar


DOC_TYPES = ("stats_release, monthly_brief, analysis, bulletin_gongbao, work_report, plan, plan_execution, "
             "progress_on_report, five_year_review, yearbook, news_about_report, task_table, task_bulletin, other")

OPTIONS: dict[str, Option] = {
    # global: before or after the command (zibo --db x.db docs, zibo docs --db x.db)
    "db": Option(("--db",), "db", PATH, "SQLite database file (default: your user data folder).",
                 envvar="ZIBO_DB"),
    "wide": Option(("--wide",), "wide", FLAG, "On a terminal, show every cell whole (wrapped) instead of cutting "
                   "long texts with …"),
    "bom": Option(("--bom",), "bom", FLAG, "Start CSV and TSV output with a byte-order mark, so that Excel on "
                  "Chinese Windows reads it as UTF-8."),
    "version": Option(("--version",), "version", FLAG, "Show the version and exit."),
    # output formats: every listing takes them (the fast path runs a command line with exactly one)
    "json": Option(("--json",), "json_", FLAG, "Print one JSON array (for scripts)."),
    "csv": Option(("--csv",), "csv_", FLAG, "Print CSV with a header row (zibo --bom …: with a BOM for Excel)."),
    "tsv": Option(("--tsv",), "tsv_", FLAG, "Print TAB-separated values with a header row."),
    "nl": Option(("--nl",), "nl_", FLAG, "Print one JSON object a line (newline-delimited JSON)."),
    # every listing (render.listing)
    "fields": Option(("--fields",), "fields", TEXT, "Only these fields, in this order (columns; keys with --json).",
                     "A,B,C"),
    "limit": Option(("--limit", "-n"), "limit", INT, "Only the first N rows (0: all; search shows 20 hits unless "
                    "told).", "N", min=0),
    "sort": Option(("--sort",), "sort", TEXT, "Sort by FIELD (-FIELD or FIELD:desc: descending; empty cells last).",
                   "FIELD"),
    # what several commands share
    "region": Option(("--region", "-r"), "region", TEXT, "The region (淄博 = 淄博市, 张店 = 张店区): a query shows "
                     "only what is about it; ingest and `docs set` state it where the text does not say.", "PLACE",
                     "regions"),
    "year": Option(("--year",), "year", INT, "The year: targets shows the targets of that year; ingest and `docs "
                   "set` state the year the figures describe where the text does not say.", "YEAR", min=1900,
                   max=2100),
    "type": Option(("--type",), "doc_type", TEXT, "What kind of document it is, stated by ingest and `docs set` where "
                   f"the text does not say ({DOC_TYPES}).", "TYPE"),
    "period": Option(("--period", "-p"), "period", TEXT, "Only this period: 2024H1, 2024Q1-Q3, 2023Q2, 2024年1-9月 "
                     "(tasks: also those within it; search: documents of it); a bare year (2023): any of that "
                     "year.", "PERIOD", "periods"),
    "doc": Option(("--doc",), "doc", TEXT, "Only this document (its name, a path, or the start of one).", "NAME",
                  "documents"),
    "behind": Option(("--behind",), "behind", FLAG, "Only the annual targets the latest figure of their year falls "
                     "short of (indicator --behind is the same as targets --behind, kept for scripts)."),
    # indicator, compare
    "periods": Option(("--periods",), "periods", FLAG, "The series over time: target and actual side by side, and "
                      "whether the target was met."),
    "source": Option(("--source",), "source", FLAG, "Show the sentence each figure comes from (document, offset, "
                     "quote)."),
    "kind": Option(("--kind",), "kind", TEXT, "Only actual figures or only targets.", choices=("actual", "target")),
    "basis": Option(("--basis",), "basis", TEXT, "Only figures on this basis: yoy (year on year), avg_2y (两年平均), "
                    "mom (环比), vs_period (a change against another period). --periods shows yoy unless told.",
                    "BASIS"),
    "chart": Option(("--chart",), "chart", FLAG, "With --periods: draw the series as bars in the terminal, targets "
                    "marked ┃."),
    "catalog": Option(("--catalog",), "catalog", FLAG, "List the indicator catalogue (ids, names, aliases) with how "
                      "many figures each has."),
    "common": Option(("--common",), "common", FLAG, "Only indicators reported in both periods."),
    # tasks, task
    "incomplete": Option(("--incomplete", "-i"), "incomplete", FLAG, "Only tasks not done (partial, not_done, "
                         "unknown)."),
    "status": Option(("--status", "-s"), "status", MULTI, "Only these statuses: done, partial, not_done, unknown "
                     "(repeat or comma-separate).", "STATUS", "statuses"),
    "department": Option(("--department", "-d"), "department", TEXT, "Responsible unit contains TEXT.", "TEXT",
                         "departments"),
    "leader": Option(("--leader", "-l"), "leader", TEXT, "Leader's name contains NAME.", "NAME"),
    "grep": Option(("--grep", "-g"), "grep", TEXT, "Any text cell contains TEXT.", "TEXT"),
    "show": Option(("--show",), "show", TEXT, "Print task SEQ in full (as `zibo task SEQ`).", "SEQ"),
    "summary": Option(("--summary",), "summary", FLAG, "Counts per document: by status (beside the counts the report "
                      "states itself) and by lead unit."),
    # docs set DOC
    "clear": Option(("--clear",), "clear", FLAG, "With `set`: forget what was stated before."),
    # ingest
    "quiet": Option(("--quiet", "-q"), "quiet", FLAG, "Print only errors."),
    "force": Option(("--force",), "force", FLAG, "Re-read and rewrite files even when unchanged (repairs documents "
                    "`zibo doctor` reports); also lets zibo add its tables to a SQLite file of another program."),
    "workers": Option(("--workers", "-w"), "workers", INT, "Processes that parse new files while this one writes "
                      "(default: one per CPU, at most 3, for 48 files or more; 0: parse here).", "N", min=0, max=16),
    "verbose": Option(("--verbose", "-v"), "verbose", FLAG, "List every file's warnings (by default more than 5 are "
                      "summed up by kind)."),
    "attachments": Option(("--attachments",), "attachments", FLAG, "With an address: also fetch the report files the "
                          "page links to (.doc .docx .xls .xlsx .pdf .wps), each stored as a document of its own."),
    "follow_links": Option(("--follow-links",), "follow_links", FLAG, "Follow symbolic links in a folder that point "
                           "outside it (by default each is an error line, not followed)."),
    # show, forget
    "around": Option(("--around",), "around", INT, "Only the lines around this character offset (the offset "
                     "`zibo indicator --source` gives a figure).", "OFFSET", min=0),
    "lines": Option(("--lines", "-n"), "lines", INT, "With --around: lines before and after.", "N", min=0),
    "yes": Option(("--yes", "-y"), "yes", FLAG, "Forget several documents without asking."),
    "dry_run": Option(("--dry-run", "-n"), "dry_run", FLAG, "List the documents that would go; change nothing."),
    # export
    "format": Option(("--format", "-f"), "file_format", TEXT, "csv (the default) or jsonl (one JSON object a line).",
                     "csv|jsonl"),
    "out": Option(("--out", "-o"), "out", FOLDER, "Folder to write <table>.csv / <table>.jsonl into (default "
                  "zibo-export); - writes one --table to stdout.", "FOLDER"),
    "table": Option(("--table", "-t"), "table", MULTI, "Export only this table (repeatable).", "TABLE", "tables"),
    "xlsx": Option(("--xlsx",), "xlsx", FILE, "Write one Excel workbook instead: a sheet per table, header row "
                   "frozen.", "FILE"),
    "parquet": Option(("--parquet",), "parquet", FOLDER, "Write Parquet datasets instead (documents without text, "
                      "figures, tasks, targets; typed columns; partitioned by year) for DuckDB, pandas or Spark. "
                      "Needs pyarrow: pip install 'zibo[parquet]'.", "FOLDER"),
    # doctor
    "no_files": Option(("--no-files",), "no_files", FLAG, "Skip comparing documents with their files on disk."),
    # serve, report
    "port": Option(("--port", "-p"), "port", INT, "Port to listen on (0: any free one).", "N", min=0, max=65535),
    "host": Option(("--host",), "host", TEXT, "Address to listen on; 127.0.0.1 keeps it on this machine.",
                   "ADDRESS"),
    "html": Option(("--html",), "html", PATH, "Write the page here (out.html).", "FILE"),
    "lang": Option(("--lang",), "lang", TEXT, "Labels in Chinese (zh, the default) or English (en).", "zh|en"),
}

GLOBAL = ("db", "wide", "bom", "version")
FORMATS = ("json", "csv", "tsv", "nl")
FORMAT_OPTIONS: dict[str, Option] = {k: OPTIONS[k] for k in FORMATS}
LISTING = ("fields", "limit", "sort")  # every listing (render.listing)

# each command, in the order a user meets them: its arguments (a trailing ``?``: optional; ``...``:
# one or more) and its options, in the order --help lists them
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ingest": (("paths...",), ("json", "csv", "tsv", "nl", "quiet", "force", "workers", "verbose", "attachments",
                               "region", "year", "type", "follow_links")),
    "docs": (("action?", "document?"), ("region", "year", "type", "clear", *FORMATS, *LISTING)),
    "indicator": (("name?",), ("periods", "behind", "source", "period", "kind", "region", "basis", "chart",
                               "catalog", *FORMATS, *LISTING)),
    "compare": (("a", "b", "name?"), ("common", "region", *FORMATS, *LISTING)),
    "targets": (("name?",), ("behind", "year", "region", *FORMATS, *LISTING)),
    "tasks": ((), ("incomplete", "status", "department", "leader", "grep", "period", "doc", "region", "show",
                   "summary", *FORMATS, *LISTING)),
    "task": (("seq",), ("doc", *FORMATS)),
    "search": (("text",), ("limit", "doc", "period", *FORMATS)),
    "show": (("doc",), ("around", "lines")),
    "export": ((), ("format", "out", "table", "xlsx", "parquet", "json")),
    "forget": (("docs...",), ("yes", "dry_run")),
    "doctor": ((), (*FORMATS, "no_files")),
    "serve": ((), ("port", "host")),
    "report": (("place", "year"), ("html", "lang")),
}

# the commands a command line asking for machine output runs on the fast path (fast.py)
FAST = ("docs", "indicator", "compare", "targets", "tasks", "task")

# where each command lives: its typer module in zibo_cli/cli, and its library function in
# zibo_cli/commands (module, function): cli → library → render
CLI_MODULES = {"ingest": "ingest", "docs": "docs", "indicator": "indicators", "compare": "indicators",
               "targets": "targets", "tasks": "tasks", "task": "tasks", "search": "search", "show": "documents",
               "export": "export", "forget": "documents", "doctor": "doctor", "serve": "serve", "report": "report"}
LIBRARY = {"ingest": ("ingest", "ingest"), "docs": ("docs", "docs"), "indicator": ("indicators", "indicator"),
           "compare": ("indicators", "compare"), "targets": ("targets", "targets"), "tasks": ("tasks", "tasks"),
           "task": ("tasks", "task"), "search": ("search", "search"), "show": ("documents", "show"),
           "export": ("export", "export"), "forget": ("documents", "forget"), "doctor": ("doctor", "doctor"),
           "serve": ("serve", "serve"), "report": ("report", "report")}


def globals_first(args: list[str]) -> tuple[dict, list[str]]:
    """The global options of a command line (``--db``, ``--wide``, ``--bom``), wherever they stand
    before a ``--``, apart from the rest: ({dest: value}, the rest). A ``--db`` without its value is
    left in the rest (for the parser to say so)."""
    flags = {s: OPTIONS[k].dest for k in ("wide", "bom") for s in OPTIONS[k].spellings}
    found: dict = {}
    rest: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest.extend(args[i:])
            break
        if a == "--db" and i + 1 < len(args):
            found["db"] = args[i + 1]
            i += 2
            continue
        if a.startswith("--db="):
            found["db"] = a[5:]
        elif a in flags:
            found[flags[a]] = True
        else:
            rest.append(a)
        i += 1
    return found, rest
