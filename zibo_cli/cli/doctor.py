"""`zibo doctor`: check the database's health, read-only (zibo_cli/commands/doctor.py)."""

from __future__ import annotations

from .application import command

command("doctor", """Check the database: schema version, integrity, references, half-written
documents, duplicates, and source files changed or gone since they were ingested.

Changes nothing. Exit status 1 when any check finds an error (warnings such as a
changed file exit 0).""")
