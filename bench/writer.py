"""The writer alone at scale: the time ingest's single writer spends storing each report, as the
database grows.

    python bench/writer.py                       # 1,000 and 10,000 reports
    python bench/writer.py --sizes 1000,30000    # others (100,000 takes a few minutes more)

Parsing is left out: ``--sample`` generated reports (bench/make_corpus.py) are parsed once, in
this process, and their rows are written again and again as distinct documents (a new hash,
path and name each time, the figures, tasks and text as parsed) into a fresh database, through
the writer ingest uses (``ingest.Commits``: batches, the full-text flushes, the last flush). For
each size it prints the whole write (CPU and wall), and the write of the first 1,000 reports
and of the last 1,000 in ms a report: a writer that stays flat writes the last thousand as
fast as the first. Each size is run ``--runs`` times, the median counting.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import make_corpus  # noqa: E402

CHUNK = 1000


def parsed_rows(n: int, folder: Path) -> list:
    """The rows of ``n`` generated reports, parsed once."""
    from zibo_cli.ingest import ToParse, parse_read_file
    from zibo_cli.store import document_rows

    make_corpus.generate(n, folder)
    rows = []
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        prep = parse_read_file(ToParse(path, data, hashlib.sha256(data).hexdigest(), str(path)))
        if prep.doc is not None:
            rows.append(document_rows(prep.doc))
    return rows


def variant(rows, i: int):
    """Report ``i``: the sample's rows under a hash, path and name of their own."""
    d = dict(rows.document)
    name = f"{i:06d}_{d['document']}"
    d.update(sha256=hashlib.sha256(f"{i} {d['sha256']}".encode()).hexdigest(), path=f"/bench/{name}",
             document=name, relpath=name, file_name=name)
    return rows._replace(document=d)


def write(sample: list, n: int, db: Path, pragmas: list[str] = (), after: list[str] = (), bulk: bool = False) -> dict:
    from zibo_cli.ingest import Commits, IngestResult, Prepared
    from zibo_cli.store import connect

    conn = connect(db)
    for pragma in pragmas:  # an experiment: PRAGMAs (or statements) run on the writer's connection first
        conn.execute(pragma).fetchall()
    commits = Commits(lambda: conn, bulk=bulk)  # (bulk: as ingest into a new database)
    marks = []  # (reports written, process CPU, wall) every CHUNK reports
    cpu0, wall0 = time.process_time(), time.perf_counter()
    marks.append((0, cpu0, wall0))
    for i in range(n):
        rows = variant(sample[i % len(sample)], i)
        result = IngestResult(path=rows.document["path"], document=rows.document["document"], status="failed")
        commits.store(Prepared(result, rows=rows, mtime=0.0))
        if (i + 1) % CHUNK == 0:
            marks.append((i + 1, time.process_time(), time.perf_counter()))
    commits.finish()
    for statement in after:  # an experiment: statements run at the end, timed with the rest
        conn.execute(statement).fetchall()
    conn.close()  # the last checkpoint
    cpu1, wall1 = time.process_time(), time.perf_counter()
    first = (marks[1][1] - marks[0][1]) / CHUNK * 1000
    last = (marks[-1][1] - marks[-2][1]) / CHUNK * 1000
    first_wall = (marks[1][2] - marks[0][2]) / CHUNK * 1000
    last_wall = (marks[-1][2] - marks[-2][2]) / CHUNK * 1000
    return {"cpu": cpu1 - cpu0, "wall": wall1 - wall0, "first": first, "last": last,
            "first_wall": first_wall, "last_wall": last_wall, "mib": db.stat().st_size / 2**20}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--sample", type=int, default=1000, help="reports parsed, then written again and again")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--pragma", action="append", default=[], help="run this on the writer's connection first")
    ap.add_argument("--fts-batch", type=int, help="documents between two full-text flushes (store.FTS_BATCH)")
    ap.add_argument("--after", action="append", default=[], help="run this on the writer's connection at the end")
    ap.add_argument("--bulk", action="store_true",
                    help="write as an ingest into a new database does: the figures' indexes built at the end")
    ap.add_argument("--json", action="store_true", help="print the figures of each size as one JSON object")
    ap.add_argument("--keep", type=Path, help="keep the database of the last size written here")
    ap.add_argument("--cache", type=Path, help="keep the parsed sample in this file (read it if it is there)")
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",")]
    if a.fts_batch:
        import zibo_cli.store

        zibo_cli.store.FTS_BATCH = a.fts_batch
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        if a.cache and a.cache.exists():
            sample = pickle.loads(a.cache.read_bytes())[:a.sample]
        else:
            sample = parsed_rows(a.sample, Path(tmp) / "corpus")
            if a.cache:
                a.cache.write_bytes(pickle.dumps(sample))
        print(f"{len(sample)} reports parsed in {time.perf_counter() - t:.1f} s", flush=True)
        print(f"{'reports':>8} {'CPU s':>8} {'wall s':>8} {'ms/report CPU':>14} {'first 1k':>9} {'last 1k':>8}"
              f" {'last/first':>10} {'wall first':>10} {'wall last':>9} {'MiB':>6}")
        for n in sizes:
            runs = []
            for r in range(a.runs):
                db = Path(tmp) / f"w{n}_{r}.db"
                runs.append(write(sample, n, db, a.pragma, a.after, a.bulk))
                if a.keep:
                    db.replace(a.keep)
                for suffix in ("", "-wal", "-shm"):
                    Path(str(db) + suffix).unlink(missing_ok=True)
            m = {k: statistics.median(x[k] for x in runs) for k in runs[0]}
            if a.json:
                print(json.dumps({"reports": n, **m}), flush=True)
                continue
            print(f"{n:>8} {m['cpu']:>8.1f} {m['wall']:>8.1f} {m['cpu'] / n * 1000:>14.2f} {m['first']:>9.2f}"
                  f" {m['last']:>8.2f} {m['last'] / m['first']:>10.2f} {m['first_wall']:>10.2f}"
                  f" {m['last_wall']:>9.2f} {m['mib']:>6.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
