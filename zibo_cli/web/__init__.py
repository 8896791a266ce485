"""`zibo serve`: the database as web pages, through Datasette.

What Datasette gets:

* the zibo database itself (read-only), with SQL views that answer the users' questions
  without SQL: ``figures`` (every figure with its document and quote, and a link to the text
  around it), ``unfinished_tasks`` (reason and units);
* a companion database ``zibo_answers`` built from the same library code the CLI uses (so the
  judgement is the same as ``zibo targets``'s): ``targets`` (each annual target against the
  latest actual), ``conflicts`` (figures two documents state differently) and ``catalogue``;
* a metadata file: titles, descriptions and units of tables and columns, facets, and canned
  queries with parameters (GDP growth over time, behind target, unfinished tasks of a
  department, search, the text around a quote);
* a plugin (``plugins/zibo_web.py``) that gives SQLite the matching ``zibo search`` uses
  (``zibo_simplified()``: traditional → simplified, so 燒烤 finds 烧烤; one and two characters
  work, which the trigram index cannot do) and makes each figure's source a link.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

__all__ = ["metadata", "build_answers", "PLUGINS_DIR", "VIEWS"]

PLUGINS_DIR = Path(__file__).resolve().parent / "plugins"
DB_NAME = "zibo"
ANSWERS = "zibo_answers"

VIEWS = {
    "figures": """
        SELECT o.name, o.region, o.period, o.kind, o.value, o.unit, o.qualifier, o.measure, o.basis,
               o.quote, d.document, d.title, d.sha256 || ':' || coalesce(o.char_offset, 0) AS source
        FROM observations o JOIN documents d ON d.id = o.doc_id""",
    "unfinished_tasks": """
        SELECT d.document, t.seq, t.category, t.status, t.annual_target, t.progress, t.reason, t.leader,
               t.departments_raw AS departments, t.completion_rate, t.region, t.period
        FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done'""",
}

_COLUMNS = {
    "documents": {"id": "the document's key in this database (doc_id of its rows)",
                  "sha256": "SHA-256 of the file's bytes: cites the document in any database",
                  "document": "file name", "title": "report title", "year": "data year",
                  "region": "city, district or county",
                  "period": "period covered (2024H1, 2024Q1-Q3 …)", "frame": "evidence for the year and months",
                  "text": "the normalised text (simplified, one paragraph a line)"},
    "observations": {"name": "indicator (catalogue name when known)", "value": "the figure (negative for a fall)",
                     "unit": "% for a rate, 亿元, 万人 …", "kind": "actual or target",
                     "measure": "growth, level, change, share or rank",
                     "basis": "yoy, avg_2y (两年平均), mom (环比), vs_period, vs_target",
                     "quote": "the sentence the figure comes from", "char_offset": "where the quote starts in the text",
                     "region": "the place the figure is about"},
    "tasks": {"status": "done, partial, not_done or unknown", "reason": "the unfinished reason",
              "departments": "responsible units (JSON list)", "completion_rate": "% of the task done, when stated"},
}


def metadata(db_path: Path) -> dict[str, Any]:
    """The Datasette metadata for a zibo database."""
    gdp = ("SELECT period, value, unit, qualifier, region, document, quote FROM figures "
           "WHERE name = '地区生产总值' AND measure = 'growth' AND coalesce(basis, 'yoy') = 'yoy' "
           "ORDER BY region, document, period")  # one place's series at a time, never interleaved
    return {
        "title": "zibo: economic progress reports",
        "description": "Figures, targets and tasks read from city governments' economic progress reports; "
                       "every figure keeps the sentence it came from.",
        "source": "zibo", "source_url": "https://pypi.org/project/zibo/",
        "plugins": {"zibo_web": {"db": DB_NAME}},
        "databases": {
            DB_NAME: {
                "description": f"The zibo database {db_path.name}.",
                "tables": {
                    "documents": {"description": "One row per ingested file.", "columns": _COLUMNS["documents"],
                                  "facets": ["region", "year", "doc_type"]},
                    "observations": {"description": "Every figure a report states.", "columns": _COLUMNS["observations"],
                                     "facets": ["region", "year", "kind", "measure"],
                                     "units": {}},
                    "tasks": {"description": "Every task row.", "columns": _COLUMNS["tasks"],
                              "facets": ["status", "region"]},
                    "figures": {"description": "Every figure with its document and quote; `source` opens the text "
                                               "around it.", "facets": ["region", "kind", "name"]},
                    "unfinished_tasks": {"description": "Tasks not done, with their reason and units.",
                                         "facets": ["status", "departments"]},
                },
                "queries": {
                    "gdp_growth": {"title": "GDP growth over time", "sql": gdp},
                    "unfinished_tasks_of_a_department": {
                        "title": "Unfinished tasks of a department",
                        "sql": "SELECT * FROM unfinished_tasks WHERE departments LIKE '%' || :department || '%'",
                    },
                    "search": {
                        "title": "Search the reports (any length, simplified or traditional)",
                        "sql": "SELECT document, title, period, substr(text, max(1, instr(text, zibo_simplified(:q)) - 40), "
                               "100) AS snippet FROM documents WHERE instr(text, zibo_simplified(:q)) > 0",
                    },
                    "text_around": {
                        "title": "The text around a figure's quote",
                        "sql": "SELECT document, title, substr(text, max(1, :offset - 300), 800) AS text "
                               "FROM documents WHERE sha256 = :doc",
                    },
                },
            },
            ANSWERS: {
                "description": "Answers computed with the same code as the zibo commands.",
                "tables": {
                    "targets": {"description": "Each annual target against the latest actual of its year "
                                               "(as `zibo targets`).", "facets": ["status", "region", "year"]},
                    "conflicts": {"description": "Figures two documents state differently (as `zibo doctor`)."},
                    "catalogue": {"description": "The indicator catalogue: names, ids and aliases."},
                },
                "queries": {
                    "behind_target": {"title": "Which indicators are behind target?",
                                      "sql": "SELECT * FROM targets WHERE status = 'behind' ORDER BY region, year, name"},
                },
            },
        },
    }


def ensure_views(conn: sqlite3.Connection) -> None:
    """Create the views (a migration does this; here for a database it has not reached)."""
    for name, sql in VIEWS.items():
        conn.execute(f"CREATE VIEW IF NOT EXISTS [{name}] AS {sql}")


def build_answers(db_path: Path, out: Path) -> None:
    """The companion database: targets, conflicts and the catalogue, as the CLI computes them."""
    from ..query import Zibo
    from ..query.indicators import catalogue, conflicts
    from ..query.targets import TARGET_COLUMNS, targets

    with Zibo(db_path) as z:
        goals = targets(z)
        found = conflicts(z)
        cat = catalogue(z)
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    try:
        cols = TARGET_COLUMNS + ["region_level", "measure", "target_derived", "actual_qualifier"]
        conn.execute(f"CREATE TABLE targets ({', '.join(f'[{c}]' for c in cols)})")
        conn.executemany(f"INSERT INTO targets VALUES ({', '.join('?' for _ in cols)})",
                         [[r.get(c) for c in cols] for r in goals])
        conn.execute("CREATE TABLE conflicts (name, region, region_level, period, kind, unit, [values])")
        conn.executemany("INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(c["name"], c["region"], c["region_level"], c["period"], c["kind"], c["unit"],
                           json.dumps(c["values"], ensure_ascii=False)) for c in found])
        conn.execute("CREATE TABLE catalogue (id, name, english, aliases, figures)")
        conn.executemany("INSERT INTO catalogue VALUES (?, ?, ?, ?, ?)",
                         [(c["id"], c["name"], c["english"], "、".join(c["aliases"]), c["figures"]) for c in cat])
        conn.commit()
    finally:
        conn.close()
