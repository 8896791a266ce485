"""The phrase corpus: sentence ⇥ expected figures, one case a line (tests/corpus/figures/*.tsv).

A figure is written ``name value unit months kind`` (unit ``-`` when it has none, months
``1-6``, ``-`` when unknown), figures separated by `` | ``; ``-`` alone: no figure. Lines
starting with ``#`` are comments; ``#context year=2024 months=1-6`` sets the reading context of
the lines after it (default: 2024, months 1–6, actual; ``target_year=2025`` for a work report).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zibo_cli.extract.indicators import Context, extract_clauses

HERE = Path(__file__).resolve().parent / "figures"
DEFAULT = "year=2024 months=1-6"


@dataclass(frozen=True)
class Case:
    source: str  # file:line or rule name
    sentence: str
    expected: str
    context: str = DEFAULT


def context(spec: str) -> Context:
    fields = dict(kv.split("=", 1) for kv in spec.split())
    start, end = (int(x) for x in fields.get("months", "1-6").split("-"))
    ty = fields.get("target_year")
    return Context(int(fields.get("year", 2024)), start, end, target_year=int(ty) if ty else None)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


def render(sentence: str, spec: str = DEFAULT) -> str:
    """What zibo reads in ``sentence``, in the corpus format."""
    found = extract_clauses(sentence, context(spec), 0, carry=True)
    if not found:
        return "-"
    parts = []
    for o in found:
        months = f"{o.start_month}-{o.end_month}" if o.start_month is not None else "-"
        parts.append(f"{o.name} {_fmt(o.value)} {o.unit or '-'} {months} {o.kind}")
    return " | ".join(parts)


def normal(expected: str) -> list[str]:
    return sorted(p.strip() for p in expected.split("|")) if expected.strip() != "-" else []


def load() -> list[Case]:
    cases = []
    for path in sorted(HERE.glob("*.tsv")):
        spec = DEFAULT
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("#context"):
                spec = line.removeprefix("#context").strip() or DEFAULT
                continue
            if not line.strip() or line.startswith("#"):
                continue
            sentence, _, expected = line.partition("\t")
            cases.append(Case(f"{path.name}:{n}", sentence, expected, spec))
    return cases
