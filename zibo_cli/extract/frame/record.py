"""The frame's record: what a document is, each field with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

REPORT = "report"


WORK_REPORT = "work_report"


PLAN = "plan"


BULLETIN = "bulletin"



@dataclass
class Frame:
    kind: str = REPORT  # how its figures are dated: report | work_report | plan | bulletin
    type: str = "other"  # the document's type (extract.doctype.TYPES)
    region_level: str | None = None  # nation | province | city | district | county | zone | township
    year: int | None = None  # the year actual figures belong to when nothing else says
    start_month: int | None = None
    end_month: int | None = None
    target_year: int | None = None  # the year targets belong to (a work report's own year)
    published: str | None = None
    region: str | None = None  # the city, district or county the document is about
    # 三季度，全县实现地区生产总值…，比上半年高1.5个百分点: a bare quarter compared with a
    # cumulative period is itself cumulative (1–9), here and wherever else the text writes one
    cumulative_quarters: bool = False
    evidence: list[str] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)  # each field's evidence: {"year": "title: …"}

    def note(self, text: str) -> None:
        self.evidence.append(text)
