"""Task-table parsing (issue 4 builds this out)."""

from __future__ import annotations

from ..models import DocumentMeta, Task


def extract_tasks(text: str, meta: DocumentMeta, tables: list[list[list[str]]] | None = None) -> list[Task]:
    """The rows of the task table(s) in the text. Not written yet: returns no tasks."""
    return []
