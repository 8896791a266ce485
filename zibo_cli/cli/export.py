"""`zibo export`: every table as CSV or JSON lines, Excel or Parquet (zibo_cli/commands/export.py)."""

from __future__ import annotations

from .application import command

command("export", """Write every table (documents, observations, tasks …) to files for other tools: CSV or JSON
lines in a folder, one table to stdout (--out -), an Excel workbook (--xlsx FILE), or Parquet
datasets partitioned by year (--parquet FOLDER).""")
