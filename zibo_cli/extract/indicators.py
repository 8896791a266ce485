"""Indicator extraction (issue 3 builds this out)."""

from __future__ import annotations

from ..models import DocumentMeta, Observation, Task


def extract_observations(text: str, meta: DocumentMeta, tasks: list[Task] | None = None) -> list[Observation]:
    """Every figure the text states. Not written yet: returns no observations."""
    return []
