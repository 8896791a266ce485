"""zibo benchmarks: ingest throughput, memory, re-ingest, query and start-up wall times.

    python bench/run.py                    # 1,000 and 10,000 generated reports
    BENCH_BIG=1 python bench/run.py        # and 100,000 (about 20 minutes more)
    python bench/run.py --sizes 200,1000   # a quick run

Queries run twice: with the editable install (``pip install -e``, the development set-up) and
with a normal install of a wheel built from the same tree (what users get from pip: no
editable-finder start-up), each beside ``sqlite-utils query`` on the same database.
Python bytecode is written and used as it would be on a user's machine
(``PYTHONDONTWRITEBYTECODE`` is cleared for the commands timed).

For each corpus size it generates reports with ``bench/make_corpus.py`` (the
smaller corpora are the first files of the largest, hard-linked), ingests them
into a fresh database with the ``zibo`` CLI in a subprocess (1,000 reports three times,
the median run counting; memory sampled in a run of its own, up to 10,000 reports, since
sampling slows what it watches), ingests them again unchanged, and times each query command as a user runs it (a new process each
time, the median of several runs). Each query is also run as the equivalent
SQL through ``sqlite-utils query`` on the same database, interleaved with the
zibo runs, so the ratio of the two is measured in the same conditions.

Every ingest figure is also given as a ratio to the bare read-and-index floor
(``bench/floor.py``: read, hash, decode and insert the same files into SQLite with an FTS5
trigram index, nothing else), in CPU and in wall time, each floor run right before the ingest
run it is paired with, the median of the pairs' ratios counting; the real excerpts
(tests/data/real/docs) get the same pair of ratios.

The writer is also timed alone (``bench/writer.py``: parsed rows written again and again as
distinct documents into a fresh database through ingest's batches): its CPU ms a report over the
last 1,000 reports of the largest size, against the whole 1,000-report write (flat: <= 1.3x).

Figures print as a table with the target and pass/fail beside each. A command
this zibo does not have yet prints "n/a (command missing)".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

# The query commands timed, each with the SQL a sqlite-utils user would write for
# the same answer. Period arguments name periods every corpus has (2024 exists
# in every corpus of 200 reports or more).
GDP_WHERE = "(o.indicator_id = 'gdp' OR o.name = '地区生产总值')"
OBS_SELECT = ("SELECT o.name, o.indicator_id, o.raw_name, o.year, o.start_month, o.end_month, o.period, o.kind, "
              "o.measure, o.value, o.unit, o.qualifier, d.document, o.char_offset, o.quote, o.task_seq "
              "FROM observations o JOIN documents d ON d.id = o.doc_id ")
QUERIES: list[tuple[str, list[str], str | None]] = [
    ("indicator GDP --json", ["indicator", "GDP", "--json"],
     OBS_SELECT + f"WHERE {GDP_WHERE} ORDER BY o.year, o.start_month, o.end_month, d.document, o.char_offset, o.id"),
    # a table (not JSON): one row per period with the target and the actual side by side
    ("indicator GDP --periods", ["indicator", "GDP", "--periods"],
     "SELECT o.name, o.measure, o.period, "
     "max(CASE WHEN o.kind = 'target' THEN o.value END) AS target, "
     "max(CASE WHEN o.kind = 'actual' THEN o.value END) AS actual, o.unit, "
     "group_concat(DISTINCT d.document) AS documents "
     f"FROM observations o JOIN documents d ON d.id = o.doc_id WHERE {GDP_WHERE} "
     "GROUP BY o.name, o.measure, o.unit, o.year, o.start_month, o.end_month "
     "ORDER BY o.name, o.measure, o.year, o.end_month, o.start_month"),
    ("tasks --incomplete --json", ["tasks", "--incomplete", "--json"],
     "SELECT d.document, t.seq, t.status, t.status_raw, t.reason, t.annual_target, t.period_target, "
     "t.progress, t.next_steps, t.leader, json(t.departments) AS departments, t.departments_raw, t.year, "
     "t.start_month, t.end_month, t.period, t.row_index, t.char_offset "
     "FROM tasks t JOIN documents d ON d.id = t.doc_id WHERE t.status <> 'done' "
     "ORDER BY t.year, t.end_month, d.document, t.row_index"),
    ("compare 2024H1 2024Q1-Q3 --json", ["compare", "2024H1", "2024Q1-Q3", "--json"],
     "SELECT o.name, o.measure, o.unit, "
     "max(CASE WHEN o.end_month = 6 THEN o.value END) AS a, "
     "max(CASE WHEN o.end_month = 9 THEN o.value END) AS b, "
     "max(CASE WHEN o.end_month = 9 THEN o.value END) - max(CASE WHEN o.end_month = 6 THEN o.value END) AS change "
     "FROM observations o WHERE o.kind = 'actual' AND o.year = 2024 AND o.start_month = 1 "
     "AND o.end_month IN (6, 9) GROUP BY coalesce(o.indicator_id, o.name), o.measure, o.unit ORDER BY o.name"),
    ("docs --json", ["docs", "--json"],
     "SELECT document, title, year, start_month, end_month, period, published, publisher, doc_type, "
     "observations, tasks, unreadable FROM documents ORDER BY year, end_month, document"),
    # a table: the first 20 hits with snippets and a count of the rest, beside the documents
    # sqlite-utils finds with LIKE
    ("search 增长", ["search", "增长"],
     "SELECT d.document, d.title, d.period FROM documents d WHERE d.text LIKE '%增长%' "
     "ORDER BY d.year, d.end_month, d.document"),
    # judged against `indicator GDP --periods` (zibo against zibo), not against sqlite-utils
    ("targets --behind --json", ["targets", "--behind", "--json"], None),
    ("--help", ["--help"], None),
]

TARGET_RATE = 250.0          # reports per second, 2 parser processes
TARGET_REINGEST_PER_1000 = 0.3  # seconds
TARGET_PEAK_MIB = 150.0      # ingest, all processes
INGEST_RUNS = 3              # ingests of the 1,000 reports, the median counts
TARGET_QUERY_MIB = 200.0     # any query, at 100,000 reports
TARGET_RATIO = 0.5           # zibo / sqlite-utils on the same SQL
TARGET_BEHIND_RATIO = 2.0    # targets --behind / indicator GDP --periods
TARGET_HELP_MS = 150.0
TARGET_FLOOR_CPU = 6.0       # ingest CPU / the floor's, 1,000 generated reports
TARGET_FLOOR_CPU_REAL = 8.0  # the same on the real excerpts
REAL = HERE.parent / "tests" / "data" / "real" / "docs"
BIG = 100_000


@dataclass
class Timed:
    wall: float
    code: int
    maxrss_kib: int
    stdout: bytes
    stderr: bytes
    tree_kib: int = 0
    cpu: float = 0.0  # user + system seconds, the process and its reaped children


def run(cmd: list[str], env: dict[str, str] | None = None, tree_memory: bool = False) -> Timed:
    """Run ``cmd``: its wall time, exit code, output, and its peak resident memory.

    ``maxrss_kib`` is the largest single process's peak (from ``wait4``: the child's own
    rusage, which also covers its reaped children, as a maximum, not a sum). With
    ``tree_memory`` the resident memory of the process and all its descendants is
    also summed every 100 ms and the peak kept in ``tree_kib`` (Linux /proc only).
    """
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    chunks: dict[str, bytes] = {}
    peak, hwm = [0], [0]
    done = threading.Event()

    def drain(name: str, stream) -> None:  # read while it runs: a large answer must not block it
        chunks[name] = stream.read()

    def sample() -> None:
        # the process's own high-water mark every 10 ms (a cheap read); the tree's Pss every
        # 100 ms: reading every process's smaps costs enough CPU to slow a 2-CPU ingest by a
        # fifth at 10 ms (measured: 151 → 192 reports/s), and ingest memory grows slowly
        n = 0
        while not done.wait(0.01):
            if n % 10 == 0:
                peak[0] = max(peak[0], tree_rss_kib(p.pid))
            hwm[0] = max(hwm[0], high_water_kib(p.pid))
            n += 1

    threads = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", p.stdout), ("err", p.stderr))]
    if tree_memory and Path("/proc/self/task").exists():
        threads.append(threading.Thread(target=sample))
    for t in threads:
        t.start()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    for t in threads:
        t.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stdout.close()
    p.stderr.close()
    # ru_maxrss of a child on Linux starts from its parent's size at fork (this bench's), so
    # the process's own peak is read from /proc (VmHWM) while it runs, where there is one
    own = hwm[0] if hwm[0] else usage.ru_maxrss
    return Timed(wall, p.returncode, own, chunks.get("out", b""), chunks.get("err", b""),
                 max(peak[0], own if tree_memory else 0), usage.ru_utime + usage.ru_stime)


def high_water_kib(pid: int) -> int:
    """The peak resident memory of ``pid`` so far (VmHWM, KiB; 0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_rss_kib(pid: int) -> int:
    """Memory of ``pid`` and its descendants now (KiB; 0 once it has gone): the sum of their
    proportional set sizes (Pss: a page shared by the forked parser processes counts once in
    all), or of their resident sizes where /proc has no smaps_rollup."""
    total, todo, seen = 0, [pid], set()
    while todo:
        q = todo.pop()
        if q in seen:
            continue
        seen.add(q)
        try:
            total += _pss_kib(q)
            with open(f"/proc/{q}/task/{q}/children") as f:
                todo.extend(int(x) for x in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def _pss_kib(pid: int) -> int:
    for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(name) as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


@dataclass
class Row:
    size: int | str
    metric: str
    value: str
    target: str = ""
    ok: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.ok is None else ("pass" if self.ok else "FAIL")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, *a, **k) -> None:
        row = Row(*a, **k)
        self.rows.append(row)
        print(f"  {row.metric:<60} {row.value:>36}  {row.target:<14} {row.verdict}", flush=True)


def median_runs(cmds: list[list[str]], runs: int, env: dict[str, str]) -> list[list[Timed]]:
    """Run each command ``runs`` times, interleaved (a b a b …), after one warm-up each; the
    first command's memory is sampled (its peak from /proc)."""
    for c in cmds:
        run(c, env)
    results: list[list[Timed]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, c in enumerate(cmds):
            results[i].append(run(c, env, tree_memory=i == 0))
    return results


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def json_len(data: bytes) -> int | None:
    try:
        v = json.loads(data or b"null")
    except ValueError:
        return None
    return len(v) if isinstance(v, list) else None


def missing(t: Timed) -> bool:
    return t.code == 2 and b"No such command" in t.stderr


def corpus(work: Path, n_max: int, seed: int) -> Path:
    """The largest corpus, generated once per (size, seed, generator version)."""
    version = hashlib.sha256(Path(make_corpus.__file__).read_bytes()).hexdigest()[:12]
    folder = work / f"corpus-{n_max}-s{seed}-{version}"
    stamp = folder / ".complete"
    if not stamp.exists():
        if folder.exists():
            shutil.rmtree(folder)
        t0 = time.perf_counter()
        total = make_corpus.generate(n_max, folder, seed)
        stamp.write_text(str(total))
        print(f"generated {n_max} reports ({total / 2**20:.1f} MiB) in {time.perf_counter() - t0:.1f} s",
              flush=True)
    return folder


def subset(full: Path, n: int, work: Path) -> Path:
    """A folder with the first ``n`` files of ``full`` (hard links; copies if links fail)."""
    names = sorted(p.name for p in full.iterdir() if not p.name.startswith("."))
    if n >= len(names):
        return full
    folder = work / f"{full.name}-first{n}"
    if folder.exists() and (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in names[:n]:
        try:
            os.link(full / name, folder / name)
        except OSError:
            shutil.copy2(full / name, folder / name)
    (folder / ".complete").write_text("")
    return folder


def find_tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        sys.exit(f"bench: cannot find `{name}`; run `make install` first")
    return found


def user_env(db: Path) -> dict[str, str]:
    """The environment of a user's shell: bytecode written and used, no colour, a wide terminal."""
    env = {**os.environ, "ZIBO_DB": str(db), "NO_COLOR": "1", "COLUMNS": "120"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("ZIBO_NO_FAST_PATH", None)
    return env


def wheel_install(work: Path) -> str | None:
    """A normal (non-editable) install of this tree, from a wheel, in a venv of its own whose
    dependencies come from the running environment; its ``zibo``, or None (said why)."""
    root = HERE.parent
    venv = work / "venv-wheel"
    zibo = venv / "bin" / "zibo"
    stamp = venv / ".built-from"
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(root.glob("zibo_cli/**/*.py")))).hexdigest()
    if zibo.exists() and stamp.exists() and stamp.read_text() == digest:
        return str(zibo)
    shutil.rmtree(venv, ignore_errors=True)
    wheels = work / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    steps = [[sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(root)],
             [sys.executable, "-m", "venv", str(venv)]]
    for step in steps:
        r = subprocess.run(step, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"  (no normal install: `{' '.join(step[:4])} …` failed: {r.stderr.strip()[-200:]})")
            return None
    import sysconfig

    deps = sysconfig.get_paths()["purelib"]  # the running environment's packages, after the venv's own
    site = next((venv / "lib").glob("python*/site-packages"))
    (site / "zz-bench-deps.pth").write_text(deps + "\n")
    wheel = next(wheels.glob("zibo-*.whl"))
    r = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                        str(wheel)], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"  (no normal install: pip install failed: {r.stderr.strip()[-200:]})")
        return None
    stamp.write_text(digest)
    return str(zibo)


def floor_run(folder: Path, db: Path) -> Timed:
    """One run of the bare read-and-index floor (bench/floor.py) into a new database."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t = run([sys.executable, str(HERE / "floor.py"), str(folder), str(db)])
    if t.code != 0:
        sys.exit("bench: the floor failed: " + t.stderr.decode(errors="replace")[-300:])
    return t


def add_floor_ratios(report: Report, n: int | str, label: str, pairs: list[tuple[Timed, Timed]],
                     target: float | None = None) -> None:
    """``label`` / the floor in CPU and in wall time: the median of the pairs' ratios (each
    floor run right before its ingest run)."""
    cpu = statistics.median(t.cpu / f.cpu for t, f in pairs)
    wall = statistics.median(t.wall / f.wall for t, f in pairs)
    note = f" (median of {len(pairs)} pairs)" if len(pairs) > 1 else ""
    report.add(n, f"  {label} / floor, CPU{note}", f"{cpu:.1f}x", f"<= {target:g}x" if target else "",
               cpu <= target if target else None)
    report.add(n, f"  {label} / floor, wall{note}", f"{wall:.1f}x")


def bench_real(work: Path, zibo: str, report: Report) -> None:
    """The real excerpts (tests/data/real/docs): ingest with 2 parser processes against the floor,
    three pairs."""
    files = [p for p in REAL.iterdir() if p.is_file()]
    db, floor_db = work / "bench-real.db", work / "bench-real-floor.db"
    env = user_env(db)
    print(f"\n== the real excerpts: {len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB",
          flush=True)
    pairs = []
    for _ in range(INGEST_RUNS):
        f = floor_run(REAL, floor_db)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        t = run([zibo, "--db", str(db), "ingest", str(REAL), "--quiet", "--workers", "2"], env)
        if t.code != 0:
            report.add("real", "ingest", f"exit {t.code}", "exit 0", False)
            return
        pairs.append((t, f))
    t, f = sorted(pairs, key=lambda p: p[0].wall)[len(pairs) // 2]
    report.add("real", "floor: read, hash, decode, FTS5 trigram insert",
               f"{f.wall:.2f} s, {f.cpu:.2f} s CPU")
    report.add("real", "ingest (2 parser processes)", f"{t.wall:.2f} s, {t.cpu:.2f} s CPU")
    add_floor_ratios(report, "real", "ingest", pairs, TARGET_FLOOR_CPU_REAL)


def bench_size(n: int, folder: Path, work: Path, runs: int, installs: list[tuple[str, str]], su: str,
               report: Report) -> None:
    zibo = installs[0][1]
    files = [p for p in folder.iterdir() if not p.name.startswith(".")]
    nbytes = sum(p.stat().st_size for p in files)
    db = work / f"bench-{n}.db"
    env = user_env(db)
    print(f"\n== {n} reports, {nbytes / 2**20:.1f} MiB  (database {db})", flush=True)

    # A shared 2-CPU machine's speed drifts by a tenth between minutes: where the target is
    # judged (1,000 reports) the ingest runs three times, each into a new database, and the
    # median run counts. Reading every process's memory ten times a second slows the ingest it
    # watches (~4% at 1,000 reports), so memory is sampled in a run of its own, not timed;
    # at 100,000 reports, where a run takes many minutes, one run does both.
    def ingest(sampled: bool) -> Timed:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        t = run([zibo, "--db", str(db), "ingest", str(folder), "--quiet", "--workers", "2"], env,
                tree_memory=sampled)
        if t.code != 0:
            tail = t.stderr.decode(errors="replace").strip().splitlines()[-3:]
            report.add(n, "ingest", f"exit {t.code}", "exit 0", False)
            for line in tail:
                print(f"    {line}")
        return t

    one_run = n > 10_000
    floor_db = work / f"bench-{n}-floor.db"
    memory = ingest(sampled=True)
    pairs: list[tuple[Timed, Timed]] = []  # (ingest, the floor run right before it)
    if one_run:
        pairs.append((memory, floor_run(folder, floor_db)))
    else:
        for _ in range(INGEST_RUNS if n <= 1000 else 1):
            f = floor_run(folder, floor_db)
            pairs.append((ingest(sampled=False), f))
    timed = [t for t, _ in pairs]
    walls = sorted(x.wall for x in timed)
    t = sorted(timed, key=lambda x: x.wall)[len(timed) // 2]  # the median run
    # (the last run's database is the one queried below: every run writes the same)
    rate = n / t.wall
    runs_note = (f" (median of {len(walls)}: {n / walls[-1]:.0f}–{n / walls[0]:.0f}/s)" if len(walls) > 1
                 else " (memory sampled in the same run)" if one_run else "")
    report.add(n, "ingest time (2 parser processes)", f"{t.wall:.2f} s")
    report.add(n, "ingest throughput" + runs_note, f"{rate:.0f} reports/s", f">= {TARGET_RATE:.0f}/s",
               rate >= TARGET_RATE)
    report.add(n, "ingest throughput (bytes)", f"{nbytes / 2**20 / t.wall:.2f} MB/s")
    report.add(n, "ingest CPU time (all processes)", f"{t.cpu:.1f} s = {t.cpu / n * 1000:.1f} ms/report")
    f = sorted(pairs, key=lambda p: p[0].wall)[len(pairs) // 2][1]
    report.add(n, "floor: read, hash, decode, FTS5 trigram insert", f"{f.wall:.2f} s, {f.cpu:.2f} s CPU")
    add_floor_ratios(report, n, "ingest", pairs, TARGET_FLOOR_CPU if n == 1000 else None)
    peak = memory.tree_kib / 1024
    report.add(n, "ingest peak memory, all processes (Pss)", f"{peak:.0f} MiB", f"<= {TARGET_PEAK_MIB:.0f} MiB",
               peak <= TARGET_PEAK_MIB)
    report.add(n, "ingest peak memory, largest process", f"{memory.maxrss_kib / 1024:.0f} MiB")
    if n <= 1000:  # the same in one process, for comparison (into a database of its own)
        one = work / f"bench-{n}-one-process.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{one}{suffix}").unlink(missing_ok=True)
        f1 = floor_run(folder, floor_db)
        t1 = run([zibo, "--db", str(one), "ingest", str(folder), "--quiet", "--workers", "0"], env,
                 tree_memory=True)
        if t1.code == 0:
            report.add(n, "  the same in one process (--workers 0)",
                       f"{n / t1.wall:.0f} reports/s, {t1.cpu / n * 1000:.1f} ms CPU/report, "
                       f"{t1.tree_kib / 1024:.0f} MiB")
            add_floor_ratios(report, n, "one process", [(t1, f1)])
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    report.add(n, "database size", f"{size / 2**20:.1f} MiB")

    re_times, re_pairs = [], []
    for _ in range(3):
        f = floor_run(folder, floor_db)
        r = run([zibo, "--db", str(db), "ingest", str(folder), "--quiet"], env)
        re_times.append(r.wall)
        re_pairs.append((r, f))
    re = statistics.median(re_times)
    limit = TARGET_REINGEST_PER_1000 * n / 1000  # judged from 1,000 reports on (below, start-up dominates)
    report.add(n, "re-ingest, unchanged (median of 3)", f"{re:.2f} s", f"<= {limit:g} s" if n >= 1000 else "",
               re <= limit if n >= 1000 else None)
    add_floor_ratios(report, n, "re-ingest", re_pairs)

    for install, zibo in installs:
        print(f"  -- queries, {install} install ({zibo})", flush=True)
        _queries(n, db, env, runs, install, zibo, su, report)


def _queries(n: int, db: Path, env: dict[str, str], runs: int, install: str, zibo: str, su: str,
             report: Report) -> None:
    periods_ms: float | None = None
    peak_kib = 0
    for label, args, sql in QUERIES:
        cmds = [[zibo, *args]]
        if sql:
            cmds.append([su, "query", str(db), sql])
        first = run(cmds[0], env)
        if missing(first):
            report.add(n, f"zibo {label}", "n/a (command missing)")
            continue
        if first.code != 0:
            msg = first.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
            report.add(n, f"zibo {label}", f"error (exit {first.code})", "", False)
            print(f"    {msg[0][:150]}")
            continue
        results = median_runs(cmds, runs, env)
        zt = statistics.median(r.wall for r in results[0])
        peak_kib = max([peak_kib] + [r.maxrss_kib for r in results[0]])
        rows = json_len(first.stdout)
        mib = max(r.maxrss_kib for r in results[0]) / 1024
        shown = f"{fmt_ms(zt)}, {mib:.0f} MiB" + (f" ({rows} rows)" if rows is not None else "")
        tag = f"[{install}] zibo {label}"
        if label == "--help":
            report.add(n, f"{tag} (median of {runs})", shown, f"<= {TARGET_HELP_MS:.0f} ms",
                       zt * 1000 <= TARGET_HELP_MS)
            continue
        if label.startswith("indicator GDP --periods"):
            periods_ms = zt
        if label.startswith("targets --behind"):
            report.add(n, f"{tag} (median of {runs})", shown)
            if periods_ms:
                ratio = zt / periods_ms
                report.add(n, "  ratio to indicator GDP --periods", f"{ratio:.2f}", f"<= {TARGET_BEHIND_RATIO:g}",
                           ratio <= TARGET_BEHIND_RATIO if n >= 10_000 else None)
            continue
        report.add(n, f"{tag} (median of {runs})", shown)
        st = statistics.median(r.wall for r in results[1])
        srows = json_len(results[1][0].stdout) if results[1][0].code == 0 else None
        if results[1][0].code != 0:
            report.add(n, "  sqlite-utils query (same SQL)", f"error (exit {results[1][0].code})")
            print("    " + results[1][0].stderr.decode(errors="replace").strip()[-150:])
            continue
        report.add(n, "  sqlite-utils query (same SQL)",
                   f"{fmt_ms(st)}" + (f" ({srows} rows)" if srows is not None else ""))
        ratio = zt / st
        report.add(n, "  ratio zibo / sqlite-utils", f"{ratio:.2f}", f"<= {TARGET_RATIO}", ratio <= TARGET_RATIO)
    report.add(n, f"[{install}] peak memory of any query", f"{peak_kib / 1024:.0f} MiB",
               f"<= {TARGET_QUERY_MIB:.0f} MiB" if n >= BIG else "",
               peak_kib / 1024 <= TARGET_QUERY_MIB if n >= BIG else None)


TARGET_WRITER_GROWTH = 1.3  # the writer's ms a report over the last 1,000 at the largest size / at 1,000


def bench_writer(sizes: list[int], report: Report) -> None:
    """The writer alone (bench/writer.py: parsed rows written again and again as distinct documents):
    its CPU ms a report over the last 1,000 reports of each size, against the whole 1,000-report write."""
    big = [n for n in sizes if n > 1000]
    cmd = [sys.executable, str(HERE / "writer.py"), "--json", "--sizes", ",".join(map(str, [1000, *big]))]
    p = subprocess.run(cmd, capture_output=True, text=True)
    rows = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
    if p.returncode != 0 or not rows:
        report.add("writer", "writer alone (bench/writer.py)", f"exit {p.returncode}", "exit 0", False)
        return
    base = rows[0]["cpu"] / rows[0]["reports"] * 1000
    for r in rows:
        n = r["reports"]
        report.add(n, "writer alone, CPU ms/report (all; last 1,000)", f"{r['cpu'] / n * 1000:.2f}; {r['last']:.2f} ms")
        if n > 1000:
            growth = r["last"] / base
            target = n == max(big)
            report.add(n, "  writer, last 1,000 / the 1,000-report write", f"{growth:.2f}x",
                       f"<= {TARGET_WRITER_GROWTH:g}x" if target else "",
                       (growth <= TARGET_WRITER_GROWTH) if target else None)


def machine() -> str:
    """The machine in a line: CPU model and count, memory, Python, SQLite."""
    import sqlite3

    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kib = int(next(line.split()[1] for line in f if line.startswith("MemTotal:")))
        mem = f", {kib / 2**20:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return (f"{os.cpu_count()} CPUs ({model}){mem}, {platform.system()} {platform.machine()}, "
            f"{platform.python_implementation()} {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="zibo benchmarks")
    big = os.environ.get("BENCH_BIG") == "1"
    p.add_argument("--sizes", default="1000,10000" + (f",{BIG}" if big else ""),
                   help="corpus sizes, comma-separated (default 1000,10000; with BENCH_BIG=1 also 100000)")
    p.add_argument("--runs", type=int, default=5, help="runs per query command, at least 5; the median is shown (default 5)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    p.add_argument("--work", type=Path, default=None,
                   help="folder for corpora and databases (default: a temporary folder, removed after)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--no-real", action="store_true", help="leave out the real excerpts (tests/data/real/docs)")
    args = p.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        p.error("--sizes takes whole numbers separated by commas, e.g. 200,1000")
    if not sizes or min(sizes) < 1:
        p.error("--sizes needs at least one size >= 1")
    runs = max(args.runs, 5)

    zibo, su = find_tool("zibo"), find_tool("sqlite-utils")
    work = args.work or Path(tempfile.mkdtemp(prefix="zibo-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"zibo bench: {machine()}, load average {os.getloadavg()[0]:.1f}; work folder {work}", flush=True)
    t0 = time.perf_counter()
    load0 = os.getloadavg()[0]
    report = Report()
    try:
        installs = [("editable", zibo)]
        installed = wheel_install(work)
        if installed:
            installs.append(("installed", installed))
        full = corpus(work, max(sizes), args.seed)
        for n in sizes:
            bench_size(n, subset(full, n, work), work, runs, installs, su, report)
        if REAL.is_dir() and not args.no_real:
            bench_real(work, zibo, report)
        bench_writer(sizes, report)
    finally:
        if args.work is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n== summary ({time.perf_counter() - t0:.0f} s; load average now "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}: other work on the machine slows every figure)")
    print(f"machine: {machine()}; load average at the start {load0:.1f}, now "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} (1, 5, 15 minutes)")
    print(f"{'size':>6}  {'figure':<60} {'value':>36}  {'target':<14} result")
    for r in report.rows:
        print(f"{r.size:>6}  {r.metric:<60} {r.value:>36}  {r.target:<14} {r.verdict}")
    failed = [r for r in report.rows if r.ok is False]
    print(f"\n{len(failed)} target(s) not met" if failed else "\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
