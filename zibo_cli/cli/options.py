"""The options of the query commands, each defined once: its spellings, the parameter it fills,
its kind, help, metavar, completion and choices; and which arguments and options each command
takes (``COMMANDS``).

Two parsers read this table: the typer commands (``application.O``: each entry as a typer option,
used in the commands' signatures) and the fast path for scripts (``fast.SPECS``, built from
``COMMANDS``). tests/test_fast_path.py checks that each typer command declares exactly what its
line here says. Nothing here imports typer, click or zibo's library: the fast path reads it on
every call.
"""

from __future__ import annotations

__all__ = ["Option", "OPTIONS", "FORMAT_OPTIONS", "LISTING", "COMMANDS", "FLAG", "TEXT", "INT", "MULTI"]

FLAG, TEXT, INT, MULTI = "flag", "text", "int", "multi"


class Option:
    """One option: ``spellings`` (``--region``, ``-r``), ``dest`` (the parameter it fills), ``kind``
    (FLAG, TEXT, INT or MULTI), ``help``, ``metavar``, ``complete`` (a function of
    ``cli/complete.py``, by name) and ``choices``. (A plain class: dataclasses would import
    inspect, which costs more than the fast path's whole parser.)"""

    __slots__ = ("spellings", "dest", "kind", "help", "metavar", "complete", "choices")

    def __init__(self, spellings: tuple[str, ...], dest: str, kind: str, help: str, metavar: str | None = None,
                 complete: str | None = None, choices: tuple[str, ...] | None = None) -> None:
        self.spellings, self.dest, self.kind, self.help = spellings, dest, kind, help
        self.metavar, self.complete, self.choices = metavar, complete, choices


OPTIONS: dict[str, Option] = {
    # shared by several commands
    "region": Option(("--region", "-r"), "region", TEXT, "Only what is about this region (淄博 = 淄博市, 张店 = 张店区).",
                     "PLACE", "regions"),
    "doc": Option(("--doc",), "doc", TEXT, "Only this document (its name, a path, or the start of one).", "NAME",
                  "documents"),
    "fields": Option(("--fields",), "fields", TEXT, "Only these fields, in this order (columns; keys with --json).",
                     "A,B,C"),
    "limit": Option(("--limit",), "limit", INT, "Only the first N rows.", "N"),
    "sort": Option(("--sort",), "sort", TEXT, "Sort by FIELD (-FIELD or FIELD:desc: descending; empty cells last).",
                   "FIELD"),
    # indicator, compare
    "periods": Option(("--periods",), "periods", FLAG, "The series over time: target and actual side by side, and "
                      "whether the target was met."),
    "indicator_behind": Option(("--behind",), "behind", FLAG, "The annual targets the latest figure of their year "
                               "falls short of: the same as `zibo targets --behind` (kept for scripts)."),
    "source": Option(("--source",), "source", FLAG, "Show the sentence each figure comes from (document, offset, "
                     "quote)."),
    "period": Option(("--period",), "period", TEXT, "Only this period: 2024H1, 2024Q1-Q3, 2023Q2, 2024年1-9月; a bare "
                     "year (2023) means any figure of that year.", "PERIOD", "periods"),
    "kind": Option(("--kind",), "kind", TEXT, "Only actual figures or only targets.", choices=("actual", "target")),
    "basis": Option(("--basis",), "basis", TEXT, "Only figures on this basis: yoy (year on year), avg_2y (两年平均), "
                    "mom (环比), vs_period (a change against another period). --periods shows yoy unless told.",
                    "BASIS"),
    "chart": Option(("--chart",), "chart", FLAG, "With --periods: draw the series as bars in the terminal, targets "
                    "marked ┃."),
    "catalog": Option(("--catalog",), "catalog", FLAG, "List the indicator catalogue (ids, names, aliases) with how "
                      "many figures each has."),
    "common": Option(("--common",), "common", FLAG, "Only indicators reported in both periods."),
    # targets
    "behind": Option(("--behind",), "behind", FLAG, "Only targets the latest figure falls short of."),
    "target_year": Option(("--year",), "year", INT, "Only targets of this year.", "YEAR"),
    # tasks, task
    "incomplete": Option(("--incomplete", "-i"), "incomplete", FLAG, "Only tasks not done (partial, not_done, "
                         "unknown)."),
    "status": Option(("--status", "-s"), "status", MULTI, "Only these statuses: done, partial, not_done, unknown "
                     "(repeat or comma-separate).", "STATUS", "statuses"),
    "department": Option(("--department", "-d"), "department", TEXT, "Responsible unit contains TEXT.", "TEXT",
                         "departments"),
    "leader": Option(("--leader", "-l"), "leader", TEXT, "Leader's name contains NAME.", "NAME"),
    "grep": Option(("--grep", "-g"), "grep", TEXT, "Any text cell contains TEXT.", "TEXT"),
    "task_period": Option(("--period", "-p"), "period", TEXT, "Tasks of this period or within it: 2023Q2, 2023H1, "
                          "2023, 2023年第二季度.", "PERIOD", "periods"),
    "show": Option(("--show",), "show", TEXT, "Print task SEQ in full (as `zibo task SEQ`).", "SEQ"),
    "summary": Option(("--summary",), "summary", FLAG, "Counts per document: by status (beside the counts the report "
                      "states itself) and by lead unit."),
    # docs set DOC
    "set_year": Option(("--year",), "year", INT, "With `set`: the year DOC's figures describe.", "YEAR"),
    "set_type": Option(("--type",), "doc_type", TEXT, "With `set`: what kind of document DOC is (stats_release, "
                       "monthly_brief, analysis, bulletin_gongbao, work_report, plan, plan_execution, "
                       "progress_on_report, five_year_review, yearbook, news_about_report, task_table, task_bulletin, "
                       "other).", "TYPE"),
    "clear": Option(("--clear",), "clear", FLAG, "With `set`: forget what was stated before."),
}

# the output formats every listing takes (the fast path runs a command line with exactly one)
FORMAT_OPTIONS: dict[str, Option] = {
    "json": Option(("--json",), "json_", FLAG, "Print one JSON array (for scripts)."),
    "csv": Option(("--csv",), "csv_", FLAG, "Print CSV with a header row (zibo --bom …: with a BOM for Excel)."),
    "tsv": Option(("--tsv",), "tsv_", FLAG, "Print TAB-separated values with a header row."),
    "nl": Option(("--nl",), "nl_", FLAG, "Print one JSON object a line (newline-delimited JSON)."),
}

LISTING = ("fields", "limit", "sort")  # every listing (render.listing)

# each query command: its arguments (a trailing ``?``: optional) and its options, in order
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "docs": (("action?", "document?"), ("region", "set_year", "set_type", "clear", *LISTING)),
    "indicator": (("name?",), ("periods", "indicator_behind", "source", "period", "kind", "region", "basis", "chart",
                               "catalog", *LISTING)),
    "compare": (("a", "b", "name?"), ("common", "region", *LISTING)),
    "targets": (("name?",), ("behind", "target_year", "region", *LISTING)),
    "tasks": ((), ("incomplete", "status", "department", "leader", "grep", "task_period", "doc", "region", "show",
                   "summary", *LISTING)),
    "task": (("seq",), ("doc",)),
}
