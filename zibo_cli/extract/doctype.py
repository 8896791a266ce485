"""What kind of document a text is, decided first, from typed evidence.

The rules are data (``zibo_cli/data/doc_types.tsv``): each names a type, the evidence it looks
at (the title and headline, a 《title》 near the top, the lead, the body's first 4,000
characters, the publisher, a task table), a pattern, a weight and an example. Every rule that
matches adds its weight to its type; the highest score wins, ties going to the type the file
lists first. The rules that decided are the type's evidence (``Evidence.why``).

Adding a document shape is adding a line to the file (and its example runs in the tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["TYPES", "Rule", "Evidence", "rules", "classify", "MODE"]

TYPES = ("stats_release", "monthly_brief", "analysis", "bulletin_gongbao", "work_report", "plan",
         "plan_execution", "progress_on_report", "five_year_review", "yearbook", "news_about_report",
         "task_table", "task_bulletin", "other")
WHERE = ("head", "top", "book", "lead", "body", "publisher", "table", "figtable")

# How each type's figures are dated (extract.frame): a work report given in year Y reviews Y-1 and
# sets Y's targets; a plan sets Y's targets; an annual document covers its year; the rest cover
# the period they name.
MODE = {
    "work_report": "review_plan", "plan_execution": "review_plan", "plan": "plan",
    "bulletin_gongbao": "annual", "yearbook": "annual", "five_year_review": "annual",
}


@dataclass(frozen=True)
class Rule:
    type: str
    where: str
    pattern: re.Pattern[str]
    weight: int
    example: str
    line: int
    # words one of which every match holds (过去|今年 …, read off the pattern), or None: a text with
    # none of them is not searched (most rules match no document, and a search tries every character)
    needs: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Evidence:
    """The texts a document's type is read from."""

    head: str = ""
    top: str = ""
    book: str = ""
    lead: str = ""
    body: str = ""
    publisher: str = ""
    table: str = ""  # non-empty when the document holds a task table
    figtable: str = ""  # the top of the text when the text is mostly a table of figures


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    text = resources.files("zibo_cli").joinpath("data/doc_types.tsv").read_text(encoding="utf-8")
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 5:
            raise ValueError(f"doc_types.tsv:{n}: 5 TAB-separated fields, not {len(parts)}")
        type_, where, pattern, weight, example = parts
        if type_ not in TYPES or where not in WHERE:
            raise ValueError(f"doc_types.tsv:{n}: unknown type {type_!r} or evidence {where!r}")
        compiled = re.compile(pattern)
        out.append(Rule(type_, where, compiled, int(weight), example, n, required_words(compiled)))
    return tuple(out)


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of ``pattern`` holds: a run of plain characters of the
    pattern's top-level sequence, or one such run of each branch of an alternation there (a group
    that is not repeated counts as the sequence it holds). None when the pattern has none (or
    ignores case): the pattern is then always searched."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        from re import _parser  # the standard library's own parse of a pattern (Python 3.11+)

        return _required(_parser.parse(pattern.pattern, pattern.flags), _parser)
    except Exception:  # noqa: BLE001 (a parse this does not know: no pre-check, never a wrong one)
        return None


def _required(seq, p) -> tuple[str, ...] | None:
    best: tuple[str, ...] | None = None
    run: list[str] = []

    def better(cand: tuple[str, ...] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or (len(cand), -min(map(len, cand))) < (len(best), -min(map(len, best)))):
            best = cand

    for op, av in list(seq.data) + [(None, None)]:
        if op is p.LITERAL:
            run.append(chr(av))
            continue
        better(("".join(run),) if run else None)
        run = []
        if op is p.SUBPATTERN:
            _, add, _, sub = av
            if add & re.IGNORECASE:
                return None
            better(_required(sub, p))
        elif op is p.BRANCH:
            each = [_required(b, p) for b in av[1]]
            if all(e for e in each):
                better(tuple(w for e in each for w in e))
    return best


def _order() -> dict[str, int]:
    order: dict[str, int] = {}
    for r in rules():
        order.setdefault(r.type, len(order))
    return order


def _matches(ev: Evidence) -> list[tuple[Rule, str]]:
    out = []
    for r in rules():
        text = getattr(ev, r.where)
        if not text or r.needs is not None and not any(w in text for w in r.needs):
            continue
        m = r.pattern.search(text)
        if m is not None:
            out.append((r, f"{r.where} {m[0].strip()[:24] or '(table)'}"))
    return out


def classify(ev: Evidence, has_figures: bool = True) -> tuple[str, list[str]]:
    """(type, why): the type with the highest score and the words that gave it.

    Rules rather than a learned model: a logistic regression over the rules' matches and the
    characters of title, lead and publisher, trained on the frame gold's tune half, did better there
    (66% in cross-validation against the rules' 61%) but worse on the measured third (58–59% against
    61%): with ~250 documents of 14 types it learns the documents, not the kinds."""
    matches = _matches(ev)
    why: dict[str, list[str]] = {}
    scores: dict[str, int] = {}
    for r, said in matches:
        why.setdefault(r.type, []).append(said)
        scores[r.type] = scores.get(r.type, 0) + r.weight
    if not scores:
        # the frames README's last rule: a text that fits none of the types is other. (A statistics
        # office's release says so somewhere — its title, publisher or lead; of the tuned part's texts
        # with no cue at all, 2 in 24 were releases.)
        return "other", ["no cue: " + ("figures" if has_figures else "none")]
    for type_, enough in PRECEDENCE:  # the frames README's order: form and author first
        if scores.get(type_, 0) >= enough:
            return type_, why[type_]
    order = _order()
    best = max(scores, key=lambda t: (scores[t], -order[t]))
    return best, why[best]


# Types that win outright once their evidence reaches a score, in this order (tests/data/frames
# README, "Where one type ends and the next begins"): a table of tasks is a task table whoever wrote
# it; a journalist's words make a news item whatever it is about.
PRECEDENCE = (("task_table", 14), ("news_about_report", 16))
