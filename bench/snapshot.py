"""Dump what ingest produces, to check that a speed change changes no output.

    python bench/snapshot.py OUT.txt [--n 300] [--workers 0] [--folder DIR ...]

Generates N reports with ``make_corpus.py`` (plus ``seeds/``), or takes the folders given
with ``--folder`` (``--folder tests/data/real/docs --folder seeds``: the real corpus), ingests them into a
fresh database with the ``zibo`` beside this Python, and writes to OUT.txt:
``zibo indicator --json``, ``zibo tasks --json``, ``zibo docs --json`` (without
``ingested_at``/``path``/``mtime``), every row of every table (the same columns
left out), a few ``zibo search`` answers and the full-text index's integrity
check. Compare two dumps byte for byte (``cmp``) before and after a change.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VOLATILE = {"ingested_at", "path", "mtime", "applied_at"}
SEARCHES = ["淄博烧烤", "地区生产总值", "增长", "未完成", "GDP"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", default="0")
    ap.add_argument("--folder", action="append", type=Path, default=[],
                    help="ingest this folder (repeatable) instead of a generated corpus")
    args = ap.parse_args()
    zibo = str(Path(sys.executable).with_name("zibo"))
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [str(f) for f in args.folder]
        if not inputs:
            corpus = Path(tmp) / "corpus"
            subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(args.n), str(corpus)],
                           check=True, capture_output=True)
            inputs = [str(corpus), str(ROOT / "seeds")]
        db = Path(tmp) / "z.db"
        env = {**os.environ, "ZIBO_DB": str(db)}
        subprocess.run([zibo, "ingest", *inputs, "--quiet",
                        "--workers", args.workers], check=True, env=env, capture_output=True)
        out: list[str] = []

        def cli(*cmd: str) -> None:
            r = subprocess.run([zibo, *cmd], check=True, env=env, capture_output=True)
            data = json.loads(r.stdout)
            for row in data:
                if isinstance(row, dict):
                    for k in VOLATILE:
                        row.pop(k, None)
            out.append(f"== zibo {' '.join(cmd)}")
            out.append(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True))

        cli("indicator", "--json")
        cli("tasks", "--json")
        cli("docs", "--json")
        for q in SEARCHES:
            cli("search", q, "--limit", "0", "--json")
        conn = sqlite3.connect(db)
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documents_fts%' "
            "ORDER BY name")]
        for t in tables:
            cur = conn.execute(f"SELECT rowid, * FROM [{t}] ORDER BY rowid")
            cols = [d[0] for d in cur.description]
            keep = [i for i, c in enumerate(cols) if c not in VOLATILE]
            out.append(f"== table {t}: {[cols[i] for i in keep]}")
            for row in cur:
                out.append(repr(tuple(row[i] for i in keep)))
        out.append("== schema")
        out.extend(repr(r) for r in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"))
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
        for q in SEARCHES:
            out.append(f"== fts {q}")
            out.extend(repr(r) for r in conn.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid",
                (json.dumps(q, ensure_ascii=False),)))
        conn.close()
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(out)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
