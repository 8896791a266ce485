"""`zibo serve`: the database as web pages, through Datasette.

What Datasette gets:

* the zibo database itself (read-only), with SQL views (``figures``: every figure with its
  document, quote and ``source``; ``unfinished_tasks``: reason and units);
* ``zibo_answers``: views only, each over ``zibo_answer(name)``, which the plugin computes from
  the zibo database when a query reads it (``answers.VIEW_ROWS``: targets judged as ``zibo
  targets`` judges them, unfinished tasks one row per department, latest figures, conflicts,
  the catalogue), so a page never shows a snapshot of the start;
* a metadata file: Chinese titles and column descriptions, facets, default sorts, hidden
  internal tables, canned queries;
* templates (``templates/``) and a plugin (``plugins/zibo_web.py``): the home page (a place and
  year's targets, unfinished tasks and latest figures), a figure's sentence at
  ``/-/figure/SHA256/OFFSET``, an indicator's chart at ``/-/series``, search in simplified or
  traditional characters, links from every ``source`` to its sentence.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ..store.views import VIEWS  # the views of the zibo database

__all__ = ["metadata", "build_answers", "PLUGINS_DIR", "TEMPLATES_DIR", "VIEWS"]

PLUGINS_DIR = Path(__file__).resolve().parent / "plugins"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
DB_NAME = "zibo"
ANSWERS = "zibo_answers"

_COLUMNS = {
    "documents": {"id": "文件在本库中的编号（各表的 doc_id）", "sha256": "文件内容的 SHA-256：在任何数据库中都指这份文件",
                  "document": "文件名", "title": "标题", "year": "数据年份", "region": "地区（市、区、县）",
                  "period": "报告期（2024H1 上半年，2024Q1-Q3 前三季度 …）", "published": "发布日期",
                  "publisher": "发布机关", "source": "网上来源地址", "type": "文件类型",
                  "data_year": "数据所属年份", "target_year": "目标所属年份", "frame": "年份和月份的依据",
                  "text": "规范化后的全文（简体，一段一行）"},
    "observations": {"name": "指标", "value": "数值（下降为负）", "unit": "单位（% 为增速，亿元、万人 …）",
                     "kind": "actual 实际 / target 目标", "measure": "growth 增长、level 总量、change 变化、share 占比、rank 位次",
                     "basis": "yoy 同比、avg_2y 两年平均、mom 环比、vs_period 比上期、vs_target 比目标",
                     "quote": "数据所在的原句", "char_offset": "原句在全文中的位置", "region": "数据所属地区",
                     "year": "年份", "period": "期间", "qualifier": "限定词（以上、左右、预计 …）"},
    "tasks": {"seq": "序号", "status": "done 已完成、partial 基本完成、not_done 未完成、unknown 未注明",
              "reason": "未完成原因", "departments": "责任单位（JSON 列表）", "departments_raw": "责任单位（原文）",
              "completion_rate": "完成百分比（如有）", "annual_target": "年度目标", "progress": "工作进展",
              "leader": "分管领导", "region": "地区", "year": "年份"},
    "figures": {"name": "指标", "region": "地区", "period": "期间", "kind": "actual 实际 / target 目标",
                "value": "数值", "unit": "单位", "quote": "原句", "document": "文件名", "title": "文件标题",
                "source": "原文：点击查看这句话在文件中的位置"},
}

# the live answers of zibo_answers: column → description
_ANSWER_COLUMNS = {
    "targets": {"指标": "指标名称", "地区": "目标所属地区", "年份": "目标年份",
                "状态": "落后、符合序时、已完成（全年实际达到）、仅有预计、暂无实际",
                "方向": "不低于：达到或超过为好；不高于：控制在目标以内为好",
                "目标": "年度目标数值", "目标说明": "以上、左右、以内 …", "最新实际": "当年最新的实际数值",
                "实际期间": "最新实际所覆盖的月份", "序时进度": "总量指标：目标 × 已过月数 ÷ 12",
                "差距": "最新实际减去目标（或序时进度）", "单位": "单位",
                "目标来源": "目标的原文", "实际来源": "实际数值的原文", "status": "状态代码（met, on_track, behind, estimate, unknown）"},
    "unfinished_tasks": {"部门": "责任单位，一行一个单位", "序号": "任务序号", "状态": "完成情况",
                         "未完成原因": "报告所写的原因", "来源": "任务所在的原文"},
    "latest_figures": {"指标": "指标名称", "期间": "数据所覆盖的月份", "口径": "增长、总量、变化、占比、位次",
                       "数值": "数值", "来源": "原文"},
    "conflicts": {"各文件数值": "每份文件所写的数值"},
    "catalogue": {"数据条数": "库中该指标的数据条数"},
}

_HIDDEN = ["_migrations", "_fts_pending", "documents_fts", "documents_fts_data", "documents_fts_idx",
           "documents_fts_docsize", "documents_fts_config", "status_counts"]


def metadata(db_path: Path) -> dict[str, Any]:
    """The Datasette metadata for a zibo database."""
    gdp = ("SELECT coalesce(nullif(o.region, ''), '未注明地区') AS 地区, o.period AS 期间, o.value AS 增速, "
           "o.unit AS 单位, o.qualifier AS 说明, d.document AS 文件, o.quote AS 原句, "
           "d.sha256 || ':' || coalesce(o.char_offset, 0) AS source FROM observations o JOIN documents d "
           "ON d.id = o.doc_id WHERE o.name = '地区生产总值' AND o.measure = 'growth' AND o.kind = 'actual' "
           "AND coalesce(o.basis, 'yoy') = 'yoy' ORDER BY 地区, o.year, o.end_month, o.start_month DESC")
    hidden = {t: {"hidden": True} for t in _HIDDEN}
    return {
        "title": "zibo：政府经济报告中的目标、任务与数据",
        "description": "从政府经济运行报告中读出的数据、目标和任务；每个数字都链接到它的原句。",
        "source": "zibo", "source_url": "https://pypi.org/project/zibo/",
        "plugins": {"zibo_web": {"db": DB_NAME}},
        "databases": {
            DB_NAME: {
                "title": "报告数据库",
                "description": f"zibo 数据库 {db_path.name}：文件、数据、任务。",
                "tables": {
                    **hidden,
                    "documents": {"title": "文件", "description": "每份读入的文件一行。", "columns": _COLUMNS["documents"],
                                  "facets": ["region", "data_year", "type"], "sort_desc": "data_year",
                                  "size": 50},
                    "observations": {"title": "数据（原始）", "description": "报告中的每一个数字。",
                                     "columns": _COLUMNS["observations"],
                                     "facets": ["region", "year", "kind", "measure"], "sort_desc": "year"},
                    "tasks": {"title": "任务", "description": "任务表的每一行。", "columns": _COLUMNS["tasks"],
                              "facets": ["status", "region", "year"], "sort_desc": "year"},
                    "figures": {"title": "数据及原文", "description": "每个数字及其文件和原句；“原文”打开它在文件中的位置。",
                                "columns": _COLUMNS["figures"], "facets": ["region", "kind", "name"]},
                    "unfinished_tasks": {"title": "未完成任务（原始）", "description": "未完成的任务行，含原因和责任单位原文。",
                                         "facets": ["status", "region"]},
                },
                "queries": {
                    "gdp_growth": {"title": "地区生产总值增速（按地区、时间）", "sql": gdp},
                    "unfinished_tasks_of_a_department": {
                        "title": "某单位的未完成任务",
                        "sql": "SELECT * FROM unfinished_tasks WHERE departments LIKE '%' || :department || '%'",
                    },
                    "search": {
                        "title": "全文搜索（任意长度，简体或繁体）",
                        "sql": "SELECT document, title, period, substr(text, max(1, instr(text, zibo_simplified(:q)) - 40), "
                               "100) AS snippet FROM documents WHERE instr(text, zibo_simplified(:q)) > 0",
                    },
                    "text_around": {
                        "title": "原句前后的文字",
                        "sql": "SELECT document, title, substr(text, max(1, :offset - 300), 800) AS text "
                               "FROM documents WHERE sha256 = :doc",
                    },
                },
            },
            ANSWERS: {
                "title": "即时答案",
                "description": "每次打开时按当前数据库计算，与 zibo 命令的结果一致。",
                "tables": {
                    "targets": {"title": "目标完成情况", "description": "每个年度目标与当年最新实际（同 `zibo targets`）；落后的在前。",
                                "columns": _ANSWER_COLUMNS["targets"], "facets": ["状态", "地区", "年份"]},
                    "unfinished_tasks": {"title": "未完成任务（按责任单位）",
                                         "description": "未完成的任务，每个责任单位一行。",
                                         "columns": _ANSWER_COLUMNS["unfinished_tasks"],
                                         "facets": ["部门", "地区", "年份", "状态"], "sort_desc": "年份"},
                    "latest_figures": {"title": "各地最新数据", "description": "每个地区、年份、指标的最新实际。",
                                       "columns": _ANSWER_COLUMNS["latest_figures"], "facets": ["地区", "年份"],
                                       "sort_desc": "年份"},
                    "conflicts": {"title": "文件间不一致的数据", "description": "两份文件所写不同的同一数据（同 `zibo doctor`）。",
                                  "columns": _ANSWER_COLUMNS["conflicts"]},
                    "catalogue": {"title": "指标目录", "description": "指标的名称、编号和别名。",
                                  "columns": _ANSWER_COLUMNS["catalogue"]},
                },
                "queries": {
                    "behind_target": {"title": "哪些指标落后于目标？",
                                      "sql": "SELECT * FROM targets WHERE status = 'behind' ORDER BY 地区, 年份 DESC, 指标"},
                },
            },
        },
    }


def port_taken(host: str, port: int) -> bool:
    """Is something already listening on ``host:port`` (port 0: any free one, never taken)?"""
    import socket

    if not port:
        return False
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return False  # a name that does not resolve: Datasette says so itself
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is free
        try:
            s.bind(address)
        except OSError:
            return True
    return False


def ensure_views(conn: sqlite3.Connection) -> None:
    """Create the views (migrating does this; here for a database it has not reached)."""
    for name, sql in VIEWS.items():
        conn.execute(f"CREATE VIEW IF NOT EXISTS [{name}] AS {sql}")


def build_answers(out: Path) -> None:
    """The companion database: views only, each over ``zibo_answer(name)`` (the plugin computes
    the rows from the zibo database when a query reads the view), so nothing in it is a
    snapshot; its views answer as the commands do."""
    from .answers import VIEW_ROWS

    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    try:
        for name, (columns, _) in VIEW_ROWS.items():
            cols = ", ".join(f"json_extract(value, '$.\"{c}\"') AS [{c}]" for c in columns)
            where = " WHERE json_extract(value, '$.\"状态\"') <> '已完成'" if name == "unfinished_tasks" else ""
            conn.execute(f"CREATE VIEW [{name}] AS SELECT {cols} FROM json_each(zibo_answer('{name}')){where}")
        conn.commit()
    finally:
        conn.close()
