"""The records the pipeline stages hand to each other.

Plain dataclasses with no behaviour beyond conversion to a row dict, so that
every stage can be tested on its own and scripts can build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _row(obj: Any) -> dict[str, Any]:
    """The fields as a dict, in order; lists copied. (``dataclasses.asdict`` deep-copies
    every value recursively: a quarter of the ingest time for 40,000 figures.)"""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    d = obj.__dict__
    return {n: (list(v) if type(v := d[n]) is list else v) for n in names}


# Document types
REPORT = "report"
TASK_TABLE = "task_table"
UNKNOWN = "unknown"

# Observation kinds
ACTUAL = "actual"
TARGET = "target"

# Task statuses
DONE = "done"
PARTIAL = "partial"
NOT_DONE = "not_done"
STATUS_UNKNOWN = "unknown"
STATUSES = (DONE, PARTIAL, NOT_DONE, STATUS_UNKNOWN)


@dataclass
class SourceText:
    """What a reader got out of a file: decoded text plus how it was read."""

    text: str
    encoding: str
    format: str = "text"  # text | html | docx | xlsx | pdf
    # Tables found by a structured reader (HTML, DOCX, XLSX): each a list of rows of cells.
    tables: list[list[list[str]]] = field(default_factory=list)
    # Metadata a structured reader found (e.g. an HTML page's 发文日期 table).
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class NormalizedText:
    """Clean simplified text and what the clean-up noticed."""

    text: str
    unreadable: int = 0  # characters lost to encoding ('?' inside Chinese text, U+FFFD)
    pinyin_removed: int = 0
    lines_joined: int = 0
    converted_traditional: int = 0  # characters OpenCC changed


@dataclass
class DocumentMeta:
    title: str | None = None
    year: int | None = None
    start_month: int | None = None
    end_month: int | None = None
    published: str | None = None  # ISO date
    publisher: str | None = None
    index_no: str | None = None
    doc_no: str | None = None
    doc_type: str = UNKNOWN
    region: str | None = None  # the city, district or county the document is about
    report_kind: str | None = None  # report | work_report | plan | bulletin (extract.frame)
    frame: list[str] = field(default_factory=list)  # the evidence for its year and months
    type: str | None = None  # the document's type (extract.doctype.TYPES)
    region_level: str | None = None  # nation | province | city | district | county | zone | township
    data_year: int | None = None  # the year its actual figures describe
    target_year: int | None = None  # the year whose targets it states
    frame_why: dict[str, str] = field(default_factory=dict)  # each frame field's evidence
    frame_user: dict[str, str] = field(default_factory=dict)  # what the user stated (zibo docs set)


@dataclass
class Observation:
    """One figure a document states, with the clause it came from."""

    name: str  # canonical Chinese name (simplified)
    value: float
    unit: str  # "%", "亿元", "万人", "个", "" for an index
    kind: str = ACTUAL  # actual | target
    year: int | None = None
    start_month: int | None = None
    end_month: int | None = None
    indicator_id: str | None = None  # English id from the catalogue, e.g. "gdp"
    raw_name: str | None = None  # the name as the report writes it
    measure: str = "level"  # growth | level | change | rank | share
    qualifier: str | None = None  # 左右, 以上, 近, 余, 超过, 约 ...
    char_offset: int | None = None  # character offset of the quote in the normalised text
    quote: str = ""
    task_seq: str | None = None  # the task-table row it came from, if any
    region: str | None = None  # the city, district or county the figure is about (张店区), or 全国
    # how a growth or change is measured: yoy (year on year), avg_2y (两年平均), mom (环比),
    # vs_period (a change against another period: 较一季度提高0.8个百分点), vs_target
    basis: str | None = None
    base_period: str | None = None  # the period a vs_period change is measured against (2024Q1)
    derived: bool = False  # a target computed from a stated gap (低于目标1.4个百分点)

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Task:
    """One row of a task-completion table."""

    seq: str
    status: str = STATUS_UNKNOWN
    status_raw: str | None = None
    annual_target: str | None = None
    period_target: str | None = None
    progress: str | None = None
    reason: str | None = None
    next_steps: str | None = None
    leader: str | None = None
    departments: list[str] = field(default_factory=list)
    departments_raw: str | None = None
    year: int | None = None
    start_month: int | None = None
    end_month: int | None = None
    row_index: int = 0  # position of the row in the table
    char_offset: int | None = None  # character offset of the row in the normalised text
    category: str | None = None  # the category row above it (一、经济发展), when numbering restarts
    completion_rate: float | None = None  # the row's completion rate in % (完成率 109%), when stated
    region: str | None = None  # the document's region
    source: str = "table"  # table | list (a task named in a bulletin's prose)
    # the other columns a row may have, kept as written
    target_amount: str | None = None  # 年度目标 beside 项目: 40 (座), 12处
    actual: str | None = None  # what is done, as a number column gives it (1-8月完成: 36)
    measure_unit: str | None = None  # 单位 of the amounts: 座, 所
    on_schedule: str | None = None  # 是否达序 as written: 是 / 否 (on schedule is not finished)
    notes: str | None = None  # 备注 / 说明
    deadline: str | None = None  # 完成时限
    quote: str | None = None  # the row as written, cells joined by " | " (at most 300 characters)
    alignment: str | None = None  # "inferred" when the row's cells were aligned by what they hold

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class StatusCount:
    """A count of tasks by status that a report states itself (98项达到序时进度, 滞后4项)."""

    status: str  # done | partial | not_done | unknown
    label: str  # as written: 达到序时进度, 滞后, 已完成
    count: int
    total: int | None = None  # 共120项, when stated
    char_offset: int | None = None
    quote: str = ""

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class ParsedDocument:
    """Everything one file gave: the pipeline's output, the store's input."""

    path: str
    document: str  # base name
    sha256: str
    size: int
    source: SourceText
    normalized: NormalizedText
    meta: DocumentMeta
    observations: list[Observation] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    status_counts: list[StatusCount] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    relpath: str | None = None  # the name it is known by: its path from the folder named to ingest
    source_url: str | None = None  # fetched from this address (zibo ingest URL)
    linked_from: str | None = None  # the page that links to it (zibo ingest URL --attachments)
